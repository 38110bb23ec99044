"""weakties.ties: the strength model, classification, overlap, bridges, layers, relations."""

import math

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import weakties
from weakties import ties

SEEDS = (1, 2, 3)
unit = st.floats(0, 1)


@pytest.fixture(scope="module")
def pops():
    return {s: weakties.population(2000, seed=s) for s in SEEDS}


# -- strength model -----------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(t=unit, c=unit, r=unit, d=unit, bump=st.floats(0.01, 0.5),
       which=st.sampled_from(["time", "closeness", "reciprocity", "duration"]))
def test_strength_rises_with_each_component(t, c, r, d, bump, which):
    parts = {"time": t, "closeness": c, "reciprocity": r, "duration": d}
    before = ties.tie_strength(**parts)
    parts[which] = min(1.0, parts[which] + bump)
    assert ties.tie_strength(**parts) >= before
    assert 0.01 <= before <= 1


def test_strength_is_the_documented_weighted_sum():
    w = ties.STRENGTH_WEIGHTS
    assert ties.tie_strength(1, 0, 0, 0) == pytest.approx(w["time"])
    assert ties.tie_strength(0, 1, 0, 0) == pytest.approx(w["closeness"])
    assert ties.tie_strength(0, 0, 1, 0) == pytest.approx(w["reciprocity"])
    assert ties.tie_strength(0, 0, 0, 1) == pytest.approx(w["duration"])
    assert ties.tie_strength(1, 1, 1, 1) == pytest.approx(1.0)
    assert ties.tie_strength(0, 0, 0, 0) == 0.01  # every tie has some strength


def test_closeness_weighs_most():
    """Marsden and Campbell (1984): closeness is the best indicator of tie strength."""
    w = ties.STRENGTH_WEIGHTS
    assert w["closeness"] == max(w.values())


def test_strength_refuses_bad_components_and_weights():
    with pytest.raises(ValueError, match="closeness"):
        ties.tie_strength(0.5, 1.5, 0.5, 0.5)
    with pytest.raises(ValueError, match="sum to 1"):
        ties.tie_strength(0.5, 0.5, 0.5, 0.5, weights={"time": 1, "closeness": 1,
                                                       "reciprocity": 0, "duration": 0})


def test_components_are_bounded_and_monotone():
    f = np.array([0, 0.5, 1, 12, 52, 365, 1000])
    t = ties.time_component(f)
    assert t[0] == 0 and t[-2] == pytest.approx(1) and t[-1] == pytest.approx(1)
    assert np.all(np.diff(t) >= 0)
    assert ties.time_component(12) == pytest.approx(math.log(13) / math.log(366))
    assert ties.duration_component(10) == 0.5
    assert ties.duration_component(-3) == 0.0


# -- classification -------------------------------------------------------------

def test_classify_uses_the_threshold():
    G = nx.Graph()
    G.add_edge(1, 2, strength=0.5)
    G.add_edge(2, 3, strength=0.49)
    G.add_edge(3, 4)  # no strength: counts as 1, as in networkx
    assert ties.classify(G) == {(1, 2): "strong", (2, 3): "weak", (3, 4): "strong"}
    assert ties.classify(G, threshold=0.4)[(2, 3)] == "strong"
    assert ties.classify(G, threshold=0.8)[(1, 2)] == "weak"


@pytest.mark.parametrize("bad", [0, -0.1, 1.5])
def test_classify_refuses_bad_thresholds(bad):
    with pytest.raises(ValueError, match=r"threshold must be in \(0, 1\]"):
        ties.classify(nx.path_graph(3), threshold=bad)


# -- overlap ----------------------------------------------------------------------

def test_overlap_by_hand():
    # u=0 and v=1 share neighbour 2; 0 also knows 3; 1 also knows 4 and 5.
    G = nx.Graph([(0, 1), (0, 2), (1, 2), (0, 3), (1, 4), (1, 5)])
    # n = 1, k0 - 1 = 2, k1 - 1 = 3: 1 / (2 + 3 - 1) = 0.25
    assert ties.overlap(G, 0, 1) == pytest.approx(0.25)
    assert ties.overlap(nx.complete_graph(6), 2, 3) == 1.0
    assert ties.overlap(nx.star_graph(5), 0, 1) == 0.0
    assert ties.overlap(nx.path_graph(2), 0, 1) == 0.0  # nobody else: defined as 0


def test_overlap_errors():
    G = nx.path_graph(4)
    with pytest.raises(ValueError, match="no tie"):
        ties.overlap(G, 0, 3)
    with pytest.raises(nx.NodeNotFound, match="not a person"):
        ties.overlap(G, 0, 99)


@settings(max_examples=40, deadline=None)
@given(n=st.integers(3, 30), p=st.floats(0.1, 0.9), seed=st.integers(0, 1000))
def test_overlap_is_a_share(n, p, seed):
    G = nx.gnp_random_graph(n, p, seed=seed)
    for u, v in G.edges:
        assert 0 <= ties.overlap(G, u, v) <= 1
        assert ties.overlap(G, u, v) == ties.overlap(G, v, u)


def test_overlap_grows_with_strength(pops):
    """Onnela et al. (2007): the stronger the tie, the more the two share their contacts."""
    for G in pops.values():
        rows = np.array([(d, ties.overlap(G, u, v)) for u, v, d in G.edges(data="strength")])
        order = np.argsort(rows[:, 0])
        fifths = np.array_split(rows[order, 1], 5)
        means = [f.mean() for f in fifths]
        assert means[-1] > 1.5 * means[0], means
        rank_s = np.argsort(np.argsort(rows[:, 0]))
        rank_o = np.argsort(np.argsort(rows[:, 1]))
        assert np.corrcoef(rank_s, rank_o)[0, 1] > 0.2


# -- bridges -----------------------------------------------------------------------

def test_local_bridges_match_networkx_on_random_graphs():
    for seed in range(5):
        G = nx.gnp_random_graph(40, 0.08, seed=seed)
        ours = {frozenset(e) for e in ties.local_bridges(G)}
        theirs = {frozenset((u, v)) for u, v in nx.local_bridges(G, with_span=False)}
        assert ours == theirs
        for ego in list(G)[:10]:
            mine = {frozenset(e) for e in ties.local_bridges(G, ego)}
            assert mine == {e for e in theirs if ego in e}
            assert all(e[0] == ego for e in ties.local_bridges(G, ego))


def test_local_bridges_are_mostly_weak_ties(pops):
    """Granovetter (1973): no strong tie is a bridge; local bridges are mostly weak ties."""
    for G in pops.values():
        labels = ties.classify(G)
        bridges = ties.local_bridges(G)
        assert len(bridges) > 50
        weak_bridges = np.mean([labels.get(e, labels.get(e[::-1])) == "weak" for e in bridges])
        weak_overall = np.mean([x == "weak" for x in labels.values()])
        assert weak_bridges > 0.9
        assert weak_bridges > weak_overall


def _closed_share(G, kind):
    closed = total = 0
    for a in G:
        mates = [b for b in G[a] if (G[a][b]["strength"] >= 0.5) == (kind == "strong")]
        for i in range(len(mates)):
            for j in range(i + 1, len(mates)):
                total += 1
                closed += G.has_edge(mates[i], mates[j])
    return closed / total


def test_two_strong_ties_close_a_triangle_far_more_often_than_two_weak_ones(pops):
    """Granovetter (1973): if A-B and A-C are strong ties, B and C are likely tied
    (the open "forbidden triad" is rare); two weak ties leave the triad open far more.
    (Weak ties inside a dense team or circle of friends are often closed too, so the
    contrast is about 1.8 times in the calibrated population, weakties/CALIBRATION.md.)"""
    for G in pops.values():
        strong, weak = _closed_share(G, "strong"), _closed_share(G, "weak")
        assert strong > 1.5 * weak, (strong, weak)
        assert strong > 10 * nx.density(G)


# -- layers -----------------------------------------------------------------------

def test_layers_partition_the_alters_by_strength(pops):
    G = pops[1]
    for ego in range(50):
        rings = ties.layers(G, ego)
        members = [v for r in rings.values() for v in r]
        assert sorted(members) == sorted(G[ego])
        b1, b2, b3 = ties.LAYER_BOUNDS
        for v in rings[1]:
            assert G[ego][v]["strength"] >= b1
        for v in rings[2]:
            assert b2 <= G[ego][v]["strength"] < b1
        for v in rings[4]:
            assert G[ego][v]["strength"] < b3
        for ring in rings.values():
            s = [G[ego][v]["strength"] for v in ring]
            assert s == sorted(s, reverse=True)


@pytest.mark.parametrize("bounds", [(0.5, 0.6, 0.2), (0.7, 0.5), (1.2, 0.5, 0.2), (0.7, 0.5, 0)])
def test_layers_refuse_bad_bounds(bounds):
    with pytest.raises(ValueError, match="bounds"):
        ties.layers(nx.path_graph(3), 0, bounds=bounds)


# -- contacts and relations -------------------------------------------------------

@pytest.mark.parametrize("since, freq, recip, expected", [
    (2024, 4.0, 0.4, True),      # exactly on every bar
    (2025, 50.0, 0.9, False),    # too recent
    (2010, 3.9, 0.9, False),     # too rare
    (2010, 50.0, 0.39, False),   # one-sided
])
def test_relation_rule(since, freq, recip, expected):
    G = nx.Graph()
    G.add_edge("a", "b", since=since, frequency=freq, reciprocity=recip)
    assert ties.is_relation(G, "a", "b", year=2026) is expected


def test_relation_needs_the_attributes():
    G = nx.Graph([("a", "b")])
    with pytest.raises(ValueError, match="since"):
        ties.is_relation(G, "a", "b")
    with pytest.raises(ValueError, match="no tie"):
        ties.is_relation(G, "a", "zz")


def test_most_contacts_are_not_relations(pops):
    """The brief's first theme: people overcount their network by counting contacts."""
    for G in pops.values():
        shares = [len(ties.relations(G, v)) / G.degree(v) for v in range(300)]
        assert 0.1 < np.mean(shares) < 0.5
        for v in range(50):
            assert set(ties.relations(G, v)) | set(ties.contacts(G, v)) == set(G[v])


# -- frequency bands ----------------------------------------------------------------

@pytest.mark.parametrize("freq, band", [(365, "often"), (104, "often"), (103.9, "occasionally"),
                                        (2, "occasionally"), (1.01, "occasionally"),
                                        (1, "rarely"), (0, "rarely")])
def test_granovetter_bands(freq, band):
    """Granovetter (1974): often = twice a week or more; rarely = once a year or less."""
    assert ties.frequency_band(freq) == band


@pytest.mark.parametrize("bad", [-1, None, float("nan")])
def test_frequency_band_refuses_bad_input(bad):
    with pytest.raises(ValueError):
        ties.frequency_band(bad)


# -- removing ties --------------------------------------------------------------------

def _critical_fraction(curve):
    """First share of ties removed at which the largest group holds under half the people."""
    return next(f for f, share in curve if share < 0.5)


def test_removing_weak_ties_first_breaks_the_network_faster(pops):
    """Onnela et al. (2007): removing weak ties first breaks the network apart at a
    smaller fraction removed than removing strong ties first; weak ties hold it together."""
    grid = [i / 100 for i in range(70, 101)]
    for seed, G in pops.items():
        weak = _critical_fraction(ties.removal_curve(G, "weak", grid, seed=seed))
        strong = _critical_fraction(ties.removal_curve(G, "strong", grid, seed=seed))
        assert weak <= strong - 0.02, (weak, strong)


def test_removal_curve_by_hand_and_monotone():
    # Two triangles joined by one weak tie: removing the weakest tie first splits them.
    G = nx.barbell_graph(3, 0)
    nx.set_edge_attributes(G, 0.9, "strength")
    G[2][3]["strength"] = 0.1
    curve = dict(ties.removal_curve(G, "weak", [0, 1 / 7, 1]))
    assert curve[0] == 1.0 and curve[1 / 7] == 0.5 and curve[1] == pytest.approx(1 / 6)
    full = ties.removal_curve(nx.gnp_random_graph(60, 0.1, seed=1), "random", seed=3)
    shares = [s for _, s in full]
    assert all(a >= b for a, b in zip(shares, shares[1:]))


def test_removal_curve_errors():
    with pytest.raises(ValueError, match="order"):
        ties.removal_curve(nx.path_graph(3), "heaviest")
    with pytest.raises(ValueError, match="between 0 and 1"):
        ties.removal_curve(nx.path_graph(3), "weak", [1.5])
