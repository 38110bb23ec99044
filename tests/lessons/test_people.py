"""weakties.lessons.people: the person the lessons follow meets every criterion they rely on."""

import statistics

import networkx as nx
import pytest
from faker.providers.person.en_GB import Provider as EnglishNames
from faker.providers.person.fr_FR import Provider as FrenchNames

import weakties
from weakties import ties
from weakties.lessons.people import followed_person, is_woman, typical_people


@pytest.mark.parametrize("seed", [1, 2, 7, 11])
def test_followed_person_meets_every_criterion(seed):
    G = weakties.population(1500, seed=seed)
    p = followed_person(G)
    attrs = G.nodes[p]
    assert attrs["district"].startswith("Paris")
    first = attrs["name"].split()[0]
    assert first in set(FrenchNames.first_names_female) | set(EnglishNames.first_names_female)
    assert first not in set(FrenchNames.first_names_male) | set(EnglishNames.first_names_male)
    median_degree = statistics.median(d for _, d in G.degree())
    assert abs(G.degree(p) - median_degree) <= 0.1 * median_degree
    share = {v: sum(ties.is_relation(G, v, w) for w in G[v]) / G.degree(v) for v in G}
    assert abs(share[p] - statistics.median(share.values())) <= 0.05
    assert all(ties.layers(G, p).values())
    assert any(not (set(G[p]) & set(G[q])) for q in G[p])  # a local bridge
    assert followed_person(weakties.population(1500, seed=seed)) == p  # same seed, same person


def test_is_woman_reads_the_first_name_only():
    G = nx.Graph()
    G.add_nodes_from([(0, {"name": "Lucie Martin"}), (1, {"name": "Louis Lucie"}),
                      (2, {"name": ""}), (3, {})])
    assert [is_woman(G, v) for v in G] == [True, False, False, False]


def test_typical_people_have_about_the_median_number_of_ties():
    G = nx.star_graph(4)  # the centre has 4 ties, everyone else 1
    assert typical_people(G, 0.1) == [1, 2, 3, 4]
    assert typical_people(G, 3.0) == [0, 1, 2, 3, 4]


def test_followed_person_says_why_nobody_fits():
    G = nx.Graph()
    G.add_node(0, name="Lucie Martin", district="Lyon 3e")
    G.add_node(1, name="Paul Martin", district="Paris 11e")
    G.add_edge(0, 1, since=2000, frequency=10, reciprocity=0.5, strength=0.5)
    with pytest.raises(ValueError, match="nobody in this population meets the criteria"):
        followed_person(G)
    with pytest.raises(ValueError, match="population is empty"):
        followed_person(nx.Graph())


@pytest.mark.parametrize("seed", [1, 2, 7, 11])
def test_you_person_meets_every_criterion(seed):
    from weakties.lessons.people import you_person
    from weakties.scenarios.job_search import DIGITAL

    G = weakties.population(1500, seed=seed)
    p = you_person(G)
    attrs = G.nodes[p]
    assert is_woman(G, p) and not attrs["district"].startswith("Paris")
    assert attrs["sector"] != G.nodes[followed_person(G)]["sector"]
    assert attrs["sector"] != "Finance" and DIGITAL[attrs["sector"]] < 0.5
    median_degree = statistics.median(d for _, d in G.degree())
    assert abs(G.degree(p) - median_degree) <= 0.1 * median_degree

    def strong(v):
        return sum(G[v][w]["strength"] >= ties.STRONG_THRESHOLD for w in G[v])

    assert abs(strong(p) - statistics.median(strong(v) for v in G)) <= 1
    assert you_person(weakties.population(1500, seed=seed)) == p


def test_you_person_says_why_nobody_fits():
    from weakties.lessons.people import you_person

    G = nx.Graph()
    G.add_node(0, name="Paul Martin", district="Lyon", sector="Health")
    G.add_node(1, name="Pierre Roux", district="Lyon", sector="Health")
    G.add_edge(0, 1, since=2000, frequency=10, reciprocity=0.5, strength=0.5)
    with pytest.raises(ValueError, match="nobody in this population meets the criteria"):
        you_person(G)
