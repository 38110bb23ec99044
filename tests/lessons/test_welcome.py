"""weakties.lessons.welcome (lesson 00): its table, shares, explorer, prediction and claims."""

import statistics

import matplotlib
import networkx as nx
import pytest

matplotlib.use("Agg")

import weakties  # noqa: E402
from weakties import widgets  # noqa: E402
from weakties.lessons import claims_of, followed_person, welcome  # noqa: E402


@pytest.fixture(scope="module")
def G():
    return weakties.population(2000, seed=7)


def test_people_table_lists_the_first_people_and_their_attributes(G):
    table = welcome.people_table(G, 4)
    assert list(table.index) == [0, 1, 2, 3]
    assert table.loc[2, "district"] == G.nodes[2]["district"]
    with pytest.raises(ValueError, match="how many people"):
        welcome.people_table(G, 0)


def test_strong_tie_shares_count_each_end_of_each_strong_tie():
    G = nx.Graph()
    G.add_edge(0, 1, strength=0.5)   # strong: the threshold itself
    G.add_edge(0, 2, strength=0.49)
    G.add_edge(2, 3, strength=0.2)
    G.add_node(4)
    assert welcome.strong_tie_shares(G) == [0.5, 1.0, 0.0, 0.0, 0.0]


def test_own_region_shares():
    G = nx.path_graph(3)
    nx.set_node_attributes(G, {0: "A", 1: "A", 2: "B"}, "region")
    assert welcome.own_region_shares(G) == [1.0, 0.5, 0.0]


def test_explorer_people_are_varied_and_typical(G):
    people = welcome.explorer_people(G)
    assert people[0] == followed_person(G)
    assert len(people) == 6 and len(set(people)) == 6
    assert len({G.nodes[p]["sector"] for p in people}) == 6
    median = statistics.median(d for _, d in G.degree())
    assert all(abs(G.degree(p) - median) <= 0.1 * median for p in people)


def test_the_explorer_redraws_for_every_person_and_colour(G):
    ex = welcome.explore_networks(G)
    assert isinstance(ex, widgets.Explorer)
    names = [label for label, _ in ex.controls["person"].options]
    assert names[0].startswith(G.nodes[followed_person(G)]["name"])
    assert ex.poke() == []
    ex.set(colour_by="region")
    legend = ex.last_result.get_legend()
    assert legend.get_title().get_text() == "region"


def test_strong_share_prediction_answers_from_the_median(G):
    run = welcome.PREDICTIONS["strong-share"].run
    for graph in (G, weakties.population(300, seed=2)):
        index, figure, description = run(graph)
        shares = sorted(welcome.strong_tie_shares(graph))
        median = statistics.median(shares)
        assert index == (0 if median < 0.2 else 1 if median <= 0.5 else 2)
        assert f"at {round(100 * median)}%" in description
        assert figure.axes[0].get_legend() is not None
    # A population of close ties only: more than half of them strong.
    close = nx.complete_graph(5)
    nx.set_edge_attributes(close, 0.9, "strength")
    assert run(close)[0] == 2


def _facts(**changes):
    base = {"ties": 31, "median_ties": 29, "her_relation_share": 0.32,
            "median_relation_share": 0.3, "outer_ties": 24, "outer_weak": 23, "median_strong_share": 0.17,
            "strong_share_95": 0.29, "mostly_own_region": 0.9, "median_own_region": 0.67}
    return dict(base, **changes)


@pytest.mark.parametrize("name, breaking", [
    ("her_network_is_typical", {"ties": 35}),
    ("her_network_is_typical", {"her_relation_share": 0.4}),
    ("most_ties_on_outer_rings", {"outer_ties": 15}),
    ("outer_ties_are_weak", {"outer_weak": 17}),
    ("almost_everyone_has_more_weak_ties", {"median_strong_share": 0.25}),
    ("almost_everyone_has_more_weak_ties", {"strong_share_95": 0.6}),
    ("most_contacts_share_the_region", {"mostly_own_region": 0.6}),
])
def test_each_claim_can_fail(name, breaking):
    c = claims_of(welcome)[name]
    assert c.verify(_facts())[0] is True
    assert c.verify(_facts(**breaking))[0] is False


def test_facts_name_the_followed_person(G):
    f = welcome.facts(G)
    person = followed_person(G)
    assert (f["name"], f["ties"], f["district"]) == (
        G.nodes[person]["name"], G.degree(person), G.nodes[person]["district"])
    assert f["edges"] == G.number_of_edges() and f["people"] == 2000


def test_population_summary_counts_people_and_ties():
    G = nx.path_graph(1201)
    assert welcome.population_summary(G, lang="en") == "1,201 people, 1,200 ties between them"
    assert welcome.population_summary(G, lang="fr").startswith("1\u202f201 personnes, 1\u202f200 liens")
