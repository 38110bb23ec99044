"""weakties.metrics: Burt's measures by hand and against networkx, ego reports, diversity."""

import dataclasses
import math

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import weakties
from weakties import metrics, ties


@pytest.fixture(scope="module")
def G():
    return weakties.population(2000, seed=8)


def two_cliques_and_a_broker(m):
    """A broker tied to every member of two cliques of size m that do not know each other."""
    H = nx.disjoint_union(nx.complete_graph(m), nx.complete_graph(m))
    H.add_node("broker")
    H.add_edges_from(("broker", v) for v in range(2 * m))
    return H


# -- Burt's constraint and effective size, from the definition by hand ----------------

@pytest.mark.parametrize("k", [2, 4, 10])
def test_star_centre(k):
    """Burt (1992): a star's centre has constraint 1/k and effective size k."""
    S = nx.star_graph(k)
    assert metrics.constraint(S, 0, weight=None) == pytest.approx(1 / k)
    assert metrics.effective_size(S, 0, weight=None) == pytest.approx(k)
    # A leaf depends on one person only: constraint 1.
    assert metrics.constraint(S, 1, weight=None) == pytest.approx(1.0)


@pytest.mark.parametrize("n", [3, 5, 8])
def test_clique_member(n):
    """In a clique of n, p = 1/(n-1) and each contact also reaches j through n-2 others:
    C = (n-1) * (1/(n-1) + (n-2)/(n-1)^2)^2; effective size = 1."""
    K = nx.complete_graph(n)
    expected = (n - 1) * (1 / (n - 1) + (n - 2) / (n - 1) ** 2) ** 2
    assert metrics.constraint(K, 0, weight=None) == pytest.approx(expected)
    assert metrics.effective_size(K, 0, weight=None) == pytest.approx(1.0)


@pytest.mark.parametrize("m", [3, 4, 6])
def test_broker_between_two_cliques(m):
    """The broker: p = 1/(2m) to each of 2m people, each reachable through m-1 clique mates
    who give it 1/m of their ties: C = 2m * ((2m-1)/(2m^2))^2; effective size m + 1.
    A clique member is more constrained than the broker (Burt 1992)."""
    H = two_cliques_and_a_broker(m)
    assert metrics.constraint(H, "broker", weight=None) == pytest.approx(
        2 * m * ((2 * m - 1) / (2 * m * m)) ** 2)
    assert metrics.effective_size(H, "broker", weight=None) == pytest.approx(m + 1)
    assert metrics.constraint(H, 0, weight=None) > metrics.constraint(H, "broker", weight=None)


def test_isolated_person_has_undefined_measures():
    H = nx.Graph()
    H.add_node("alone")
    assert math.isnan(metrics.constraint(H, "alone"))
    assert math.isnan(metrics.effective_size(H, "alone"))
    report = metrics.ego_report(H, "alone")
    assert report.size == 0 and math.isnan(report.alter_ego_share)
    assert report.diversity["sector"] == 0.0


def test_equal_to_networkx_on_a_population(G):
    for ego in (0, 7, 123, 1999):
        assert metrics.constraint(G, ego) == pytest.approx(
            nx.constraint(G, [ego], weight="strength")[ego], abs=1e-9)
        assert metrics.effective_size(G, ego) == pytest.approx(
            nx.effective_size(G, [ego], weight="strength")[ego], abs=1e-9)
        report = metrics.ego_report(G, ego)
        assert report.constraint == pytest.approx(
            nx.constraint(G, [ego], weight="strength")[ego], abs=1e-9)


@settings(max_examples=30, deadline=None)
@given(n=st.integers(3, 25), p=st.floats(0.1, 0.8), seed=st.integers(0, 10**4),
       weighted=st.booleans())
def test_equal_to_networkx_on_random_graphs(n, p, seed, weighted):
    R = nx.gnp_random_graph(n, p, seed=seed)
    rng = np.random.default_rng(seed)
    for u, v in R.edges:
        R[u][v]["strength"] = float(rng.uniform(0.01, 1))
    weight = "strength" if weighted else None
    for v in R:
        if R.degree(v) == 0:
            continue
        assert metrics.constraint(R, v, weight=weight) == pytest.approx(
            nx.constraint(R, [v], weight=weight)[v], abs=1e-9)
        assert metrics.effective_size(R, v, weight=weight) == pytest.approx(
            nx.effective_size(R, [v], weight=weight)[v], abs=1e-9)


def test_unknown_person():
    with pytest.raises(nx.NodeNotFound, match="not a person"):
        metrics.ego_report(nx.path_graph(3), 42)
    with pytest.raises(nx.NodeNotFound):
        metrics.constraint(nx.path_graph(3), "x")


# -- ego report -----------------------------------------------------------------

def test_ego_report_is_consistent_with_the_other_functions(G):
    for ego in (0, 99, 500):
        r = metrics.ego_report(G, ego)
        assert r.size == G.degree(ego)
        assert r.strong == sum(s >= ties.STRONG_THRESHOLD for s in
                               (G[ego][v]["strength"] for v in G[ego]))
        assert r.strong + r.weak == r.size
        assert r.relations == len(ties.relations(G, ego))
        assert r.relations + r.contacts == r.size
        assert sum(r.layers) == r.size
        assert r.local_bridges == len(ties.local_bridges(G, ego))
        two_steps = set(nx.single_source_shortest_path_length(G, ego, cutoff=2)) - {ego}
        assert r.reach2 == len(two_steps)
        assert r.diversity["sector"] == pytest.approx(
            metrics.blau(G.nodes[v]["sector"] for v in G[ego]))
        assert r.reach2_diversity["region"] == pytest.approx(
            metrics.blau(G.nodes[v]["region"] for v in two_steps))
        assert r.alter_ego_share == pytest.approx(metrics.alter_ego_share(G, ego))
        assert r.name == G.nodes[ego]["name"]


def test_ego_report_is_frozen_and_exports_plain_values(G):
    r = metrics.ego_report(G, 3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.size = 0
    d = r.to_dict()
    assert type(d["diversity"]) is dict and type(d["reach2_diversity"]) is dict
    assert d["size"] == r.size and d["constraint"] == r.constraint
    text = repr(r)
    assert f"ties: {r.size}" in text and "constraint" in text and r.name in text


def test_reach_is_wider_and_more_diverse_than_the_ego_network(G):
    """Granovetter (1973): weak ties reach further; two steps away lies more variety."""
    rows = [metrics.ego_report(G, v) for v in range(200)]
    assert np.mean([r.reach2 > 5 * r.size for r in rows]) > 0.9
    assert np.mean([r.reach2_diversity["sector"] for r in rows]) > \
        np.mean([r.diversity["sector"] for r in rows])


# -- diversity and alter egos ---------------------------------------------------------

def test_blau_by_hand():
    assert metrics.blau("aabb") == 0.5
    assert metrics.blau("abc") == pytest.approx(2 / 3)
    assert metrics.blau([1, 1, 1, 2]) == pytest.approx(1 - (0.75 ** 2 + 0.25 ** 2))


@settings(max_examples=100)
@given(st.lists(st.integers(0, 6), min_size=1, max_size=60))
def test_blau_bounds(values):
    k = len(set(values))
    assert -1e-12 <= metrics.blau(values) <= 1 - 1 / k + 1e-12


def test_alter_ego_rule():
    H = nx.Graph()
    H.add_node("me", sector="bank", region="IdF", generation="1990s", school="X")
    H.add_node("a", sector="bank", region="IdF", generation="1960s", school="Y")   # 2 shared
    H.add_node("b", sector="bank", region="Bretagne", generation="1960s", school="Y")  # 1
    H.add_node("c", sector=None, region=None, generation="1990s", school="X")  # 2 shared
    H.add_node("d")  # nothing known: never alike
    H.add_edges_from(("me", x) for x in "abcd")
    assert metrics.is_alter_ego(H, "me", "a") and metrics.is_alter_ego(H, "me", "c")
    assert not metrics.is_alter_ego(H, "me", "b") and not metrics.is_alter_ego(H, "me", "d")
    assert metrics.alter_ego_share(H, "me") == 0.5


_ME = {"sector": "bank", "region": "IdF", "generation": "1990s", "school": "X"}


@pytest.mark.parametrize("theirs, verdict", [
    ({"sector": "bank", "region": "IdF", "generation": "1960s", "school": "Y"}, True),
    ({"sector": "art", "region": "Nord", "generation": "1990s", "school": "X"}, True),
    ({"sector": "bank", "region": "Nord", "generation": "1960s", "school": "Y"}, False),
    ({"sector": "bank"}, None),                      # three unknowns: could still reach two
    ({"sector": "art", "region": "Nord", "generation": None, "school": None}, None),
    ({"sector": "art", "region": "Nord", "generation": "1960s", "school": None}, False),
    ({}, None),
])
def test_resembles_says_yes_no_or_cannot_tell(theirs, verdict):
    """The course's rule: at least two of sector, region, generation and school in common."""
    assert metrics.resembles(_ME, theirs) is verdict


def test_resembles_ignores_what_the_person_does_not_know_of_themself():
    me = {"sector": "bank", "region": None}
    assert metrics.resembles(me, {"sector": "bank", "region": None, "generation": "x"},
                             ["sector", "region", "generation"]) is False
    assert metrics.resembles(me, {"sector": "bank"}, ["sector"], 1) is True


@given(st.lists(st.sampled_from(["a", "b", None]), min_size=8, max_size=8))
def test_is_alter_ego_is_the_rule_on_node_attributes(values):
    H = nx.Graph()
    H.add_node(0, **dict(zip(metrics.ALTER_EGO_ATTRIBUTES, values[:4])))
    H.add_node(1, **dict(zip(metrics.ALTER_EGO_ATTRIBUTES, values[4:])))
    shared = sum(1 for a, b in zip(values[:4], values[4:]) if a is not None and a == b)
    assert metrics.is_alter_ego(H, 0, 1) == (shared >= 2)


def test_alter_ego_share_leaves_family_ties_out():
    H = nx.Graph()
    H.add_node("me", sector="bank", region="IdF", generation="1990s", school="X")
    H.add_node("mother", sector="bank", region="IdF", generation="1960s", school="Z")
    H.add_node("colleague", sector="bank", region="IdF", generation="1980s", school="Y")
    H.add_node("client", sector="art", region="Nord", generation="1980s", school="Y")
    H.add_node("online", sector="bank", region="Nord", generation="1970s", school="W")
    H.add_edge("me", "mother", context="family")
    H.add_edge("me", "colleague", context="colleague")
    H.add_edge("me", "client", context="client")
    H.add_edge("me", "online")  # no context: counted
    assert metrics.alter_ego_share(H, "me") == pytest.approx(1 / 3)
    assert metrics.alter_ego_share(H, "me", left_out=()) == pytest.approx(2 / 4)
    only_family = nx.Graph()
    only_family.add_edge("me", "mother", context="family")
    assert math.isnan(metrics.alter_ego_share(only_family, "me"))
    with pytest.raises(nx.NodeNotFound):
        metrics.alter_ego_share(H, "nobody")


def test_alter_ego_share_on_a_population_counts_by_hand(G):
    for v in list(G)[:50]:
        counted = [u for u in G[v] if G[v][u]["context"] != "family"]
        alike = [u for u in counted if metrics.is_alter_ego(G, v, u)]
        expected = len(alike) / len(counted) if counted else math.nan
        got = metrics.alter_ego_share(G, v)
        assert (math.isnan(got) and math.isnan(expected)) or got == pytest.approx(expected)


def test_alter_egos_are_overrepresented_in_networks(G):
    """The alter-ego network (brief, theme 3; McPherson et al. 2001): far more of one's ties
    look like oneself than people taken at random do."""
    rng = np.random.default_rng(0)
    pairs = rng.integers(0, G.number_of_nodes(), size=(3000, 2))
    at_random = np.mean([metrics.is_alter_ego(G, int(a), int(b)) for a, b in pairs if a != b])
    in_networks = np.nanmean([metrics.alter_ego_share(G, v) for v in range(300)])
    assert in_networks > 3 * at_random


# -- assortativity and Gini ----------------------------------------------------------

@settings(max_examples=30, deadline=None)
@given(n=st.integers(4, 40), p=st.floats(0.1, 0.6), k=st.integers(2, 5),
       seed=st.integers(0, 10**4))
def test_assortativity_equals_networkx(n, p, k, seed):
    R = nx.gnp_random_graph(n, p, seed=seed)
    rng = np.random.default_rng(seed)
    nx.set_node_attributes(R, {v: int(rng.integers(k)) for v in R}, "sector")
    if R.number_of_edges() == 0 or len({R.nodes[v]["sector"] for v in R}) < 2:
        return
    ours = metrics.assortativity(R, ["sector"])["sector"]
    theirs = nx.attribute_assortativity_coefficient(R, "sector")
    if math.isnan(theirs):
        assert math.isnan(ours)
    else:
        assert ours == pytest.approx(theirs, abs=1e-9)


def test_assortativity_extremes():
    H = nx.Graph([(1, 2), (3, 4)])
    nx.set_node_attributes(H, {1: "a", 2: "a", 3: "b", 4: "b"}, "sector")
    assert metrics.assortativity(H, ["sector"])["sector"] == pytest.approx(1.0)
    H = nx.Graph([(1, 3), (2, 4)])
    nx.set_node_attributes(H, {1: "a", 2: "a", 3: "b", 4: "b"}, "sector")
    assert metrics.assortativity(H, ["sector"])["sector"] == pytest.approx(-1.0)
    assert math.isnan(metrics.assortativity(nx.empty_graph(3), ["sector"])["sector"])


@pytest.mark.parametrize("values, expected", [([1, 1, 1], 0.0), ([0, 0, 0, 10], 0.75),
                                              ([1, 2, 3, 4], 0.25), ([], 0.0)])
def test_gini_by_hand(values, expected):
    assert metrics.gini(values) == pytest.approx(expected)


def test_gini_refuses_negative_values():
    with pytest.raises(ValueError, match="zero or more"):
        metrics.gini([1, -2, 3])


def test_reach_steps():
    P = nx.path_graph(6)
    assert metrics.reach(P, 0, 1) == {1}
    assert metrics.reach(P, 2, 2) == {0, 1, 3, 4}
    with pytest.raises(ValueError, match="at least 1"):
        metrics.reach(P, 0, 0)


# -- insularity ----------------------------------------------------------------------

def test_insularity_by_hand():
    """Three people of group a (a triangle), two of b tied to each other, one tie across."""
    H = nx.Graph([(1, 2), (2, 3), (1, 3), (4, 5), (3, 4)])
    nx.set_node_attributes(H, {1: "a", 2: "a", 3: "a", 4: "b", 5: "b"}, "sector")
    t = metrics.insularity(H, "sector")
    assert list(t.index) == ["a", "b"] or list(t.index) == ["b", "a"]
    assert t.loc["a", "ties"] == 7 and t.loc["a", "inside"] == pytest.approx(6 / 7)
    assert t.loc["b", "ties"] == 3 and t.loc["b", "inside"] == pytest.approx(2 / 3)
    assert t.loc["a", "expected"] == pytest.approx(3 / 5)
    assert t.loc["b", "ratio"] == pytest.approx((2 / 3) / (2 / 5))
    assert list(t["inside"]) == sorted(t["inside"])  # least inward-looking first


def test_insularity_of_a_group_without_ties_and_errors():
    H = nx.Graph([(1, 2)])
    H.add_node(3)
    nx.set_node_attributes(H, {1: "a", 2: "a", 3: "b"}, "region")
    t = metrics.insularity(H, "region")
    assert t.loc["a", "inside"] == 1.0 and math.isnan(t.loc["b", "inside"])
    with pytest.raises(ValueError, match="person 3 has no 'sector'"):
        H.nodes[1]["sector"] = H.nodes[2]["sector"] = "x"
        metrics.insularity(H, "sector")


def test_insularity_agrees_with_the_share_of_ties_within_groups(G):
    """Summed over groups, the tie ends kept inside are twice the ties within a group."""
    for attribute in ("sector", "region", "generation"):
        t = metrics.insularity(G, attribute)
        within = sum(G.nodes[u][attribute] == G.nodes[v][attribute] for u, v in G.edges())
        assert (t["inside"] * t["ties"]).sum() == pytest.approx(2 * within)
        assert t["ties"].sum() == 2 * G.number_of_edges()
        assert t["people"].sum() == G.number_of_nodes()


def test_every_region_keeps_more_ties_inside_than_chance(G):
    """Homophily by place (McPherson et al. 2001): shared local contexts make
    every region keep more of its ties inside than its share of people."""
    t = metrics.insularity(G, "region")
    assert (t["ratio"] > 1.5).all()
