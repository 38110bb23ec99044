"""weakties.lessons.your_network (lesson 01): relations under a rule, tables, circles, claims."""

import statistics

import matplotlib
import networkx as nx
import numpy as np
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

import weakties  # noqa: E402
from weakties import ties  # noqa: E402
from weakties.lessons import claims_of, your_network as yn  # noqa: E402


@pytest.fixture(scope="module")
def G():
    return weakties.population(800, seed=5)


def test_relation_counts_with_the_course_rule_match_the_library(G):
    counts = yn.relation_counts(yn.tie_measures(G))
    assert [int(c) for c in counts] == [len(ties.relations(G, p)) for p in G]


@pytest.mark.parametrize("strict, loose", [((2, 4, 0.4), (0, 4, 0.4)), ((2, 4, 0.4), (2, 0, 0.4)),
                                           ((2, 4, 0.4), (2, 4, 0.0)), ((5, 12, 0.6), (2, 4, 0.4))])
def test_a_looser_rule_never_counts_fewer_relations(G, strict, loose):
    m = yn.tie_measures(G)
    assert (yn.relation_counts(m, *loose) >= yn.relation_counts(m, *strict)).all()
    everything = yn.relation_counts(m, 0, 0, 0)
    assert list(everything) == [G.degree(p) for p in G]


def test_tie_measures_need_people_numbered_from_zero():
    G = nx.Graph()
    G.add_edge("a", "b", since=2020, frequency=5, reciprocity=0.5)
    with pytest.raises(ValueError, match="numbered 0 to n-1"):
        yn.tie_measures(G)


def test_tie_table_in_french_names_contexts_and_writes_decimal_commas(G):
    en, fr = yn.tie_table(G, 3, lang="en"), yn.tie_table(G, 3, lang="fr")
    assert list(fr.columns)[-1] == "relation\u00a0?" and set(fr["relation\u00a0?"]) <= {"oui", "non"}
    assert list(fr["relation\u00a0?"] == "oui") == list(en["relation?"] == "yes")
    assert all("," in s and "." not in s for s in fr["force (0 à 1)"])
    assert not set(en["how they met"]) & {"former_colleague"}  # keys are never shown


def test_tie_table_lists_every_tie_strongest_first(G):
    table = yn.tie_table(G, 3)
    assert len(table) == G.degree(3)
    strengths = list(table["strength (0 to 1)"])
    assert strengths == sorted(strengths, reverse=True)
    names = {G.nodes[v]["name"]: v for v in G[3]}
    for _, row in table.iterrows():
        assert row["relation?"] == ("yes" if ties.is_relation(G, 3, names[row["contact"]])
                                   else "no")
    with pytest.raises(nx.NodeNotFound):
        yn.tie_table(G, -1)


def test_relation_shares_are_relations_over_ties(G):
    shares = yn.relation_shares(G)
    assert shares[3] == pytest.approx(len(ties.relations(G, 3)) / G.degree(3))


def test_circle_sizes_are_nested_and_end_at_the_mean_number_of_ties(G):
    sizes = yn.circle_sizes(G)
    assert list(sizes) == sorted(sizes)
    assert sizes[-1] == pytest.approx(2 * G.number_of_edges() / G.number_of_nodes())
    first_ring = np.mean([sum(G[p][q]["strength"] >= ties.LAYER_BOUNDS[0] for q in G[p])
                          for p in G])
    assert sizes[0] == pytest.approx(first_ring)


def test_show_circles_draws_and_prints_how_each_circle_grows(G, capsys):
    before = len(plt.get_fignums())
    yn.show_circles(G)
    assert len(plt.get_fignums()) == before  # shown and closed
    line = capsys.readouterr().out.strip()
    sizes = yn.circle_sizes(G)
    expected = ", ".join(f"{r:.1f}" for r in sizes[1:] / sizes[:-1])
    assert line == f"Each circle divided by the one inside it: {expected}"


def test_layer_names_are_the_library_names():
    assert tuple(yn._LAYER_NAMES) == tuple(ties.LAYER_NAMES)


def test_the_rule_explorer_counts_with_the_sliders(G):
    ex = yn.explore_relation_rule(G, 3)
    assert ex.poke() == []
    ex.set(min_years=0, min_exchanges=0, min_reciprocity=0.0)
    title = ex.last_result.axes[0].get_title()
    median = statistics.median(d for _, d in G.degree())
    assert title.startswith(f"Median person: {round(median)} relations out of {round(median)} ties")


def test_relation_share_prediction_answers_from_the_median(G):
    index, figure, description = yn.PREDICTIONS["relation-share"].run(G, 3)
    median = statistics.median(len(ties.relations(G, p)) / G.degree(p) for p in G)
    assert index == (0 if median < 0.4 else 1 if median <= 0.6 else 2)
    assert f"at {round(100 * median)}%" in description
    labels = [t.get_text() for t in figure.axes[0].get_legend().get_texts()]
    assert len(labels) == 2 and labels[1].startswith(G.nodes[3]["name"].split()[0])


def _facts(**changes):
    base = {"relations": 10, "share_90": 0.45, "no_reciprocity": 15, "no_years": 9,
            "no_exchanges": 10, "only_years": 26, "median_relations": 9, "rings": [3, 4, 8, 16],
            "circles": [1.5, 3.5, 10.8, 29.2], "ratios": [2.3, 3.1, 2.7]}
    return dict(base, **changes)


@pytest.mark.parametrize("name, breaking", [
    ("she_has_several_relations", {"relations": 1}),
    ("relations_are_a_minority", {"share_90": 0.55}),
    ("reciprocity_holds_most_ties_back", {"no_exchanges": 16}),
    ("looser_rules_count_more", {"only_years": 12}),
    ("her_rings_grow_outwards", {"rings": [3, 4, 4, 16]}),
    ("circles_are_smaller_than_dunbars", {"circles": [1.5, 3.5, 10.8, 151]}),
    ("circles_grow_two_to_three_times", {"ratios": [2.3, 4.0, 2.7]}),
])
def test_each_claim_can_fail(name, breaking):
    c = claims_of(yn)[name]
    assert c.verify(_facts())[0] is True
    assert c.verify(_facts(**breaking))[0] is False


def test_count_relations_and_show_rings_print_what_the_library_counts(G, capsys):
    yn.count_relations(G, 3)
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"Ties: {G.degree(3)}", f"Relations: {len(ties.relations(G, 3))}",
                     f"Contacts that are not (yet) relations: {len(ties.contacts(G, 3))}"]
    yn.count_relations(G, 3, lang="fr")
    assert capsys.readouterr().out.splitlines()[0] == f"Liens\u00a0: {G.degree(3)}"
    before = len(plt.get_fignums())
    yn.show_rings(G, 3)
    rings = ties.layers(G, 3)
    assert capsys.readouterr().out.splitlines() == [
        f"{name}: {len(rings[k])} people" for k, name in zip((1, 2, 3, 4), ties.LAYER_NAMES)]
    assert len(plt.get_fignums()) == before
