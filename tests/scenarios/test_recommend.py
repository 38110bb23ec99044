"""Tests of weakties.scenarios.recommend."""

import math

import networkx as nx
import numpy as np
import pytest

from weakties import metrics
from weakties.scenarios import recommend
from weakties.scenarios.recommend import best_connected

ATTRS = ("sector", "region", "generation", "school")


@pytest.fixture(scope="module")
def runs(populations):
    """Every policy on each population: {policy: [result per population]}."""
    return {policy: [recommend(P, policy=policy, rounds=8, seed=s)
                     for s, P in enumerate(populations)]
            for policy in ("mutual", "similar", "random", "diverse")}


def final(results, column):
    return np.array([r.history[column].iloc[-1] for r in results])


# --------------------------------------------------------------------------
# Output and invariants

def test_history_matches_the_library_measures_on_the_grown_graph(small):
    """The history is updated tie by tie; it must equal the whole-graph
    measures of weakties.metrics and networkx on the grown graph."""
    for policy in ("mutual", "diverse"):
        r = recommend(small, policy=policy, rounds=3, seed=1)
        H = r.graph
        last = r.history.iloc[-1]
        assort = metrics.assortativity(H, ATTRS)
        for a in ATTRS:
            assert last[f"assortativity_{a}"] == pytest.approx(assort[a], abs=1e-9)
        assert last["clustering"] == pytest.approx(nx.average_clustering(H), abs=1e-9)
        shares = [metrics.alter_ego_share(H, v) for v in H]
        assert last["alter_ego_share"] == pytest.approx(np.nanmean(shares), abs=1e-9)
        assert last["degree_gini"] == pytest.approx(metrics.gini(d for _, d in H.degree()))
        degrees = sorted((d for _, d in H.degree()), reverse=True)
        tenth = -(-H.number_of_nodes() // 10)
        assert last["top_tenth_share"] == pytest.approx(sum(degrees[:tenth]) / sum(degrees))
        first = r.history.iloc[0]
        assert first["clustering"] == pytest.approx(nx.average_clustering(small), abs=1e-9)
        assert first["ties"] == small.number_of_edges()


def test_grown_graph_holds_the_new_ties(small):
    r = recommend(small, policy="random", rounds=4, seed=2)
    H = r.graph
    assert H is not small
    assert H.number_of_edges() == small.number_of_edges() + len(r.new_ties)
    assert r.history["new_ties"].sum() == len(r.new_ties)
    assert r.history["ties"].iloc[-1] == H.number_of_edges()
    for row in r.new_ties.itertuples():
        d = H[row.person][row.suggested]
        assert not small.has_edge(row.person, row.suggested)
        assert d["recommended"] is True and d["context"] == "online"
        assert d["round"] == row.round
        assert 0 < d["strength"] < 0.3
    assert dict(H.nodes[0]) == dict(small.nodes[0])


def test_suggested_ties_counts_the_ties_the_suggested_person_had(small):
    r = recommend(small, policy="mutual", rounds=3, seed=6)
    grown = small.copy()
    for row in r.new_ties.itertuples():  # in the order the ties were made
        assert row.suggested_ties == grown.degree(row.suggested)
        grown.add_edge(row.person, row.suggested)


def test_best_connected_are_the_people_with_the_most_ties(small):
    top = best_connected(small, 0.1)
    assert len(top) == 30
    lowest_in = min(small.degree(v) for v in top)
    assert all(small.degree(v) <= lowest_in for v in small if v not in top)
    assert best_connected(small, 0.1) == top  # the same people every time
    with pytest.raises(ValueError, match="share"):
        best_connected(small, 1.5)


def test_best_connected_share_by_hand(small):
    r = recommend(small, policy="similar", rounds=2, seed=7)
    top = best_connected(small, 0.2)
    expected = np.mean([v in top for v in r.new_ties["suggested"]])
    assert r.best_connected_share(0.2) == pytest.approx(expected)
    none = recommend(small, policy="random", rounds=2, accept=0.0, seed=7)
    assert math.isnan(none.best_connected_share())


def test_mutual_suggests_the_most_common_contacts(small):
    r = recommend(small, policy="mutual", rounds=1, active=0.3, seed=3)
    # Round 1 suggestions are computed on the starting network.
    for row in r.new_ties.head(40).itertuples():
        u = row.person
        best = max(len(list(nx.common_neighbors(small, u, w)))
                   for w in nx.non_neighbors(small, u) if w != u)
        assert row.mutual >= 1
        assert len(list(nx.common_neighbors(small, u, row.suggested))) == best


def test_similar_and_diverse_pick_by_resemblance(small):
    sim = recommend(small, policy="similar", rounds=1, seed=4).new_ties
    div = recommend(small, policy="diverse", rounds=1, seed=4).new_ties
    rnd = recommend(small, policy="random", rounds=1, seed=4).new_ties
    assert sim["similar"].mean() > rnd["similar"].mean() > div["similar"].mean()
    assert (div["similar"] <= 1).mean() > 0.9
    for row in div.head(30).itertuples():  # two or three steps away
        d = nx.shortest_path_length(small, row.person, row.suggested)
        assert d in (2, 3)


def test_zero_rounds_and_zero_acceptance(small):
    r = recommend(small, policy="mutual", rounds=0, seed=1)
    assert len(r.history) == 1 and len(r.new_ties) == 0
    r = recommend(small, policy="mutual", rounds=3, accept=0.0, seed=1)
    assert (r.history["new_ties"] == 0).all()
    assert r.graph.number_of_edges() == small.number_of_edges()


# --------------------------------------------------------------------------
# Determinism and the input graph

def test_same_seed_same_result(small, helpers):
    a = recommend(small, policy="diverse", rounds=3, seed="x")
    b = recommend(small, policy="diverse", rounds=3, seed="x")
    helpers.assert_same_result(a, b)
    assert sorted(a.graph.edges) == sorted(b.graph.edges)


def test_different_seed_different_result(small, helpers):
    a = recommend(small, policy="mutual", rounds=3, seed=1)
    b = recommend(small, policy="mutual", rounds=3, seed=2)
    assert helpers.results_differ(a, b)


@pytest.mark.parametrize("policy", ["mutual", "similar", "random", "diverse"])
def test_input_graph_unchanged(small, helpers, policy):
    helpers.assert_unchanged(small, lambda g: recommend(g, policy=policy, rounds=2, seed=1))


# --------------------------------------------------------------------------
# Literature

def test_mutual_and_similar_raise_clustering_compared_with_random(runs):
    """Su, Sharma and Goel (WWW 2016): friend-of-friend recommendations raise
    clustering; triadic closure closes triangles (Asikainen et al. 2020)."""
    rnd = final(runs["random"], "clustering")
    start = np.array([r.history["clustering"].iloc[0] for r in runs["random"]])
    assert (final(runs["mutual"], "clustering") > 1.5 * rnd).all()
    assert (final(runs["mutual"], "clustering") > start).all()
    assert (final(runs["similar"], "clustering") > 1.2 * rnd).all()
    assert (rnd < start).all()  # random ties dilute clustering


@pytest.mark.parametrize("attribute", ["region", "school"])
def test_mutual_raises_assortativity_compared_with_random(runs, attribute):
    """Asikainen et al. (Science Advances 2020): triadic closure amplifies
    homophily, so friend-of-friend suggestions keep ties more assortative
    than random suggestions where homophily is strong: region (the most
    assortative attribute, as most contexts are local) and school.
    Generation and sector are left out: families and neighbours mix
    generations, clients and suppliers mix sectors, and closure through
    those ties leaves their assortativity about where random suggestions
    leave it."""
    col = f"assortativity_{attribute}"
    assert (final(runs["mutual"], col) > final(runs["random"], col) + 0.005).all()


def test_mutual_raises_region_homophily_above_its_start(runs):
    """Asikainen et al. (2020): closing triangles amplifies the strongest homophily."""
    start = np.array([r.history["assortativity_region"].iloc[0] for r in runs["mutual"]])
    assert (final(runs["mutual"], "assortativity_region") > start).all()


@pytest.mark.parametrize("attribute", ATTRS)
def test_similar_raises_assortativity_compared_with_random(runs, attribute):
    """McPherson et al. (2001); Asikainen et al. (2020): suggesting look-alikes
    makes ties more homophilous, on every attribute."""
    col = f"assortativity_{attribute}"
    assert (final(runs["similar"], col) > final(runs["random"], col) + 0.05).all()
    if attribute != "region":  # already the most assortative: look-alikes keep it near
        start = np.array([r.history[col].iloc[0] for r in runs["similar"]])
        assert (final(runs["similar"], col) > start).all()


def test_diverse_lowers_the_alter_ego_share(runs):
    """The course's alter-ego network (BRIEF, theme 3): suggestions of people
    unlike you, two or three steps away, lower the share of look-alikes."""
    start = np.array([r.history["alter_ego_share"].iloc[0] for r in runs["diverse"]])
    div = final(runs["diverse"], "alter_ego_share")
    assert (div < start - 0.05).all()
    for other in ("mutual", "similar", "random"):
        assert (div < final(runs[other], "alter_ego_share")).all(), other
    # Almost none of the diverse suggestions is an alter ego; random ones sometimes are.
    div_new = np.mean([r.new_ties["alter_ego"].mean() for r in runs["diverse"]])
    rnd_new = np.mean([r.new_ties["alter_ego"].mean() for r in runs["random"]])
    assert div_new < rnd_new


def test_mutual_concentrates_ties(runs):
    """Su, Sharma and Goel (2016): friend-of-friend recommendation makes the
    well-connected better connected (degree inequality rises)."""
    assert (final(runs["mutual"], "degree_gini") > final(runs["random"], "degree_gini")).all()
    for measure in ("degree_gini", "top_tenth_share"):
        start = np.array([r.history[measure].iloc[0] for r in runs["mutual"]])
        assert (final(runs["mutual"], measure) > start).all(), measure
        assert (final(runs["random"], measure) < start).all(), measure


def test_popular_people_gain_disproportionately_from_mutual_suggestions(runs):
    """Su, Sharma and Goel (2016): after "who to follow" began, already popular
    accounts gained followers disproportionately. Friends of friends are
    found through many contacts, so the best-connected tenth receives far
    more than a tenth of the suggestions; random suggestions give it about
    its share."""
    for r in runs["mutual"]:
        assert r.best_connected_share(0.1) > 0.2
    for r in runs["random"]:
        assert 0.05 < r.best_connected_share(0.1) < 0.16


# --------------------------------------------------------------------------
# Bad input

def test_wrong_policy_lists_allowed(small):
    with pytest.raises(ValueError, match="'mutual', 'similar', 'random', 'diverse'") as e:
        recommend(small, policy="friends", seed=1)
    assert "not 'friends'" in str(e.value)


def test_policy_is_required(small):
    with pytest.raises(TypeError):
        recommend(small, seed=1)


@pytest.mark.parametrize("kwargs", [{"rounds": -1}, {"active": 2}, {"accept": -0.1}])
def test_bad_parameters(small, kwargs):
    with pytest.raises(ValueError):
        recommend(small, policy="random", seed=1, **kwargs)


def test_graph_without_attributes():
    G = nx.karate_club_graph()
    nx.set_edge_attributes(G, 0.5, "strength")
    with pytest.raises(ValueError, match="'sector'"):
        recommend(G, policy="mutual", seed=1)


# --------------------------------------------------------------------------
# Presentation

@pytest.mark.parametrize("measure", ["clustering", "alter_ego_share", "degree_gini",
                                     "top_tenth_share", "assortativity"])
def test_plot(small, helpers, measure):
    r = recommend(small, policy="mutual", rounds=2, seed=1)
    helpers.assert_axes(r.plot(measure=measure))


def test_summary(small):
    r = recommend(small, policy="similar", rounds=2, seed=1)
    text = repr(r)
    assert "suggestions accepted" in text and "assortativity by sector" in text
    assert not math.isnan(r.history["clustering"].iloc[-1])


def test_docstring_speaks_plainly_and_cites_sources():
    """The docstring opens with a paragraph a job seeker can follow, then the
    model, parameters, sources and a runnable example."""
    from weakties.scenarios import recommend as fn
    parts = fn.__doc__.split("\n\n")
    assert parts[1].strip().startswith("In plain words:")
    for section in ("Parameters", "Returns", "References", "Examples"):
        assert f"\n    {section}\n    ---" in fn.__doc__
