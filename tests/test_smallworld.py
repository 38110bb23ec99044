"""weakties.smallworld: the ring, rewiring, path length and clustering, the small-world collapse."""

import math

import networkx as nx
import pytest

import weakties
from weakties import smallworld as sw


def _ring_path_length(n, k):
    """Average steps around a ring where each step covers up to k/2 places (by hand)."""
    return sum(math.ceil(min(j, n - j) / (k // 2)) for j in range(1, n)) / (n - 1)


@pytest.mark.parametrize("n, k", [(30, 4), (101, 6), (1000, 10)])
def test_ring_lattice_has_the_textbook_clustering_and_path_length(n, k):
    R = sw.ring_lattice(n, k)
    assert R.number_of_nodes() == n and R.number_of_edges() == n * k // 2
    assert all(d == k for _, d in R.degree())
    assert sw.average_clustering(R) == pytest.approx(3 * (k - 2) / (4 * (k - 1)))
    assert sw.path_length(R, sources=5) == pytest.approx(_ring_path_length(n, k))


@pytest.mark.parametrize("n, k", [(10, 3), (10, 0), (10, 9), (3, 2), (10.5, 2)])
def test_ring_lattice_refuses_impossible_rings(n, k):
    with pytest.raises(ValueError, match="must be"):
        sw.ring_lattice(n, k)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_path_length_and_clustering_equal_networkx(seed):
    G = nx.connected_watts_strogatz_graph(120, 6, 0.2, seed=seed)
    assert sw.path_length(G) == pytest.approx(nx.average_shortest_path_length(G))
    assert sw.average_clustering(G) == pytest.approx(nx.average_clustering(G))


def test_path_length_counts_only_pairs_that_can_reach_each_other():
    G = nx.disjoint_union(nx.path_graph(3), nx.path_graph(2))  # 0-1-2 and 3-4
    assert sw.path_length(G) == pytest.approx((1 + 2 + 1 + 1 + 2 + 1 + 1 + 1) / 8)
    G.add_node(99)
    assert sw.path_length(G) == pytest.approx((1 + 2 + 1 + 1 + 2 + 1 + 1 + 1) / 8)
    assert math.isnan(sw.path_length(nx.empty_graph(3)))


def _moved(before, after):
    return set(map(frozenset, before.edges())) - set(map(frozenset, after.edges()))


def test_rewire_moves_the_share_asked_and_keeps_the_number_of_ties():
    R = sw.ring_lattice(200, 6)
    for share in (0, 0.05, 0.3, 1):
        H = sw.rewire(R, share, seed=4)
        assert H.number_of_edges() == R.number_of_edges()
        assert nx.number_of_selfloops(H) == 0
        # A moved tie may land on another tie of the ring by chance: at most the share moved.
        assert len(_moved(R, H)) <= round(share * R.number_of_edges())
        assert len(_moved(R, H)) >= 0.9 * round(share * R.number_of_edges())
    assert R.number_of_edges() == 600 and not _moved(R, sw.ring_lattice(200, 6))  # unchanged


def test_rewiring_is_nested_and_the_same_for_the_same_seed():
    R = sw.ring_lattice(300, 4)
    small, large = sw.rewire(R, 0.05, seed=9), sw.rewire(R, 0.2, seed=9)
    assert _moved(R, small) - _moved(R, large) == set()
    assert sorted(map(sorted, sw.rewire(R, 0.2, seed=9).edges())) == \
        sorted(map(sorted, large.edges()))
    assert _moved(R, sw.rewire(R, 0.2, seed=10)) != _moved(R, large)


def test_rewire_keeps_node_names():
    G = nx.relabel_nodes(sw.ring_lattice(20, 4), {i: f"p{i}" for i in range(20)})
    H = sw.rewire(G, 0.5, seed=1)
    assert set(H) == set(G)


@pytest.mark.parametrize("share", [-0.1, 1.5, "1%", True])
def test_rewire_refuses_a_share_out_of_range(share):
    with pytest.raises(ValueError, match="share of ties rewired"):
        sw.rewire(sw.ring_lattice(20, 4), share, seed=1)


@pytest.fixture(scope="module")
def curve():
    return sw.small_world_curve(1000, 10, seeds=(11, 12, 13, 14), sources=60)


def test_path_length_collapses_long_before_clustering(curve):
    """Watts and Strogatz (1998, figure 2): rewiring 1% of the ties at random
    shortens paths several times while clustering barely moves; the collapse
    is measured in every one of four rewirings (the least favourable seed)."""
    row = curve.set_index("share")
    assert row.loc[0.0, "path_ratio"] == 1 and row.loc[0.0, "clustering_ratio"] == 1
    assert row.loc[0.01, "path_ratio_max"] < 0.3
    assert row.loc[0.01, "clustering_ratio_min"] > 0.9
    assert row.loc[0.002, "path_ratio_max"] < 0.5   # a dozen ties of 5,000 halve the paths
    assert row.loc[1.0, "clustering_ratio"] < 0.05  # all rewired: a random network
    # Both fall as the share grows, path length first.
    assert list(curve["path_ratio"]) == sorted(curve["path_ratio"], reverse=True)
    assert list(curve["clustering_ratio"]) == sorted(curve["clustering_ratio"], reverse=True)
    half_path = curve.loc[curve["path_ratio"] < 0.5, "share"].min()
    half_clustering = curve.loc[curve["clustering_ratio"] < 0.5, "share"].min()
    assert half_clustering >= 50 * half_path


def test_small_world_curve_checks_its_input():
    with pytest.raises(ValueError, match="at least one seed"):
        sw.small_world_curve(100, 4, seeds=())
    with pytest.raises(ValueError, match="share of ties rewired"):
        sw.small_world_curve(100, 4, shares=(0, 2))
    with pytest.raises(ValueError, match="sources"):
        sw.small_world_curve(100, 4, sources=0)


@pytest.mark.parametrize("seed", [2, 3, 4])
def test_the_course_population_is_a_small_world(seed):
    """Newman (2003), Watts and Strogatz (1998): measured social networks have
    paths about as short as a random network of the same size, and far
    higher clustering."""
    G = weakties.population(1000, seed=seed)
    c = sw.compare_with_random(G, seed=seed, sources=80)
    assert c["path_length"] < 1.5 * c["random_path_length"]
    assert c["clustering"] > 4 * c["random_clustering"]
