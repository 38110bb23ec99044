"""Tests of weakties.scenarios.prospecting."""

import math

import networkx as nx
import numpy as np
import pytest

from weakties.scenarios import prospecting


def chain_trust(G, chain):
    return math.prod(G[a][b]["strength"] for a, b in zip(chain, chain[1:]))


def brute_best(G, source, target, max_hops):
    """Best product of strengths over all simple paths of at most max_hops ties."""
    best = 0.0
    for path in nx.all_simple_paths(G, source, target, cutoff=max_hops):
        best = max(best, chain_trust(G, path))
    return best


@pytest.fixture(scope="module")
def tiny():
    """A small weighted graph where every path can be listed."""
    import weakties
    return weakties.population(60, seed=3, mean_degree=6)


# --------------------------------------------------------------------------
# Output and invariants

def test_best_chain_is_optimal(tiny):
    """The dynamic programme finds the most trusted chain: checked against
    every simple path."""
    for max_hops in (1, 2, 3):
        r = prospecting(tiny, 0, range(1, 60), max_hops=max_hops, seed=1)
        for row in r.chains.itertuples():
            best = brute_best(tiny, 0, row.target, max_hops)
            assert row.trust == pytest.approx(best, abs=1e-12)
            if best > 0:
                assert row.chain[0] == 0 and row.chain[-1] == row.target
                assert len(set(row.chain)) == len(row.chain)  # a simple path
                assert len(row.chain) - 1 == row.hops <= max_hops
                assert chain_trust(tiny, row.chain) == pytest.approx(row.trust)
                assert row.first_contact == row.chain[1]
            else:
                assert row.hops == -1 and row.chain == () and row.first_contact is None


def test_hops_criterion_takes_the_shortest_chain(tiny):
    r = prospecting(tiny, 0, range(1, 60), max_hops=4, criterion="hops", seed=1)
    for row in r.chains.itertuples():
        if row.hops > 0:
            assert row.hops == nx.shortest_path_length(tiny, 0, row.target)
            assert chain_trust(tiny, row.chain) == pytest.approx(row.trust)


def test_more_hops_never_lower_trust(G):
    targets = list(range(500, 800))
    trusts = [prospecting(G, 7, targets, max_hops=h, seed=1).chains["trust"].to_numpy()
              for h in (1, 2, 3, 4)]
    for a, b in zip(trusts, trusts[1:]):
        assert (b >= a - 1e-15).all()
    one = prospecting(G, 7, targets, max_hops=1, seed=1).chains
    assert set(one.loc[one["hops"] == 1, "target"]) == set(G[7]) & set(targets)


def test_warm_probability_and_first_asks(G):
    r = prospecting(G, 3, range(100, 400), seed=2)
    c = r.chains
    reach = c[c["hops"] > 0]
    assert np.allclose(reach["p_warm"], reach["trust"] ** 0.5)
    assert (c.loc[c["hops"] <= 0, "p_warm"] == 0).all()
    f = r.first_asks
    assert set(f["contact"]) <= set(G[3])
    assert f["targets"].sum() == len(reach)
    assert f["expected"].is_monotonic_decreasing
    for row in f.itertuples():
        assert row.strength == G[3][row.contact]["strength"]
    assert r.reach.set_index("approach").loc["warm", "reached"] == c["warm"].sum()


def test_agree_exponent_sets_how_readily_people_pass_a_request_on(G):
    targets = range(100, 400)
    base = prospecting(G, 3, targets, seed=2)
    for exponent in (0.25, 1.0):
        r = prospecting(G, 3, targets, seed=2, agree_exponent=exponent)
        reach = r.chains[r.chains["hops"] > 0]
        assert np.allclose(reach["p_warm"], reach["trust"] ** exponent)
        assert r.chains["chain"].equals(base.chains["chain"])  # the same chains
        assert r.params["agree_exponent"] == exponent
    warm = {e: prospecting(G, 3, targets, seed=2, agree_exponent=e).reach.set_index(
        "approach").loc["warm", "expected"] for e in (0.25, 0.5, 1.0)}
    assert warm[0.25] > warm[0.5] > warm[1.0]


def test_direct_contacts_are_one_tie_away(G):
    contacts = list(G[10])[:5]
    r = prospecting(G, 10, contacts, seed=1)
    assert (r.chains["hops"] >= 1).all()
    # A weak direct tie may lose to a chain of strong ties, never the reverse.
    for row in r.chains.itertuples():
        assert row.trust >= G[10][row.target]["strength"]


# --------------------------------------------------------------------------
# Determinism and the input graph

def test_same_seed_same_result(G, helpers):
    a = prospecting(G, 1, range(200, 400), seed="p")
    b = prospecting(G, 1, range(200, 400), seed="p")
    helpers.assert_same_result(a, b)


def test_different_seed_different_result(G, helpers):
    a = prospecting(G, 1, range(200, 400), seed=1)
    b = prospecting(G, 1, range(200, 400), seed=2)
    assert helpers.results_differ(a, b)
    # The chains themselves do not depend on the seed.
    assert a.chains["chain"].tolist() == b.chains["chain"].tolist()


def test_input_graph_unchanged(small, helpers):
    helpers.assert_unchanged(small, lambda g: prospecting(g, 0, range(1, 100), seed=1))


def test_text_nodes(G, helpers):
    H = helpers.relabelled(G)
    r = prospecting(H, "p0", ["p100", "p200"], seed=1)
    assert all(isinstance(x, str) for c in r.chains["chain"] for x in c)


# --------------------------------------------------------------------------
# Literature

def test_warm_introductions_reach_more_targets_than_cold(populations):
    """Granovetter (1973); Travers and Milgram (1969): a short chain of
    acquaintances reaches almost anyone, and an introduction by someone the
    target knows works far more often than a cold approach. In every
    population, for sellers and targets drawn at random."""
    for s, P in enumerate(populations):
        rng = np.random.default_rng(s)
        for seller in rng.choice(P.number_of_nodes(), 3, replace=False).tolist():
            targets = [t for t in rng.choice(P.number_of_nodes(), 200, replace=False).tolist()
                       if t != seller]
            r = prospecting(P, seller, targets, seed=s)
            reach = r.reach.set_index("approach")
            assert reach.loc["warm", "expected"] > 2 * reach.loc["cold", "expected"]
            assert reach.loc["warm", "reached"] > reach.loc["cold", "reached"]
            assert (r.chains["hops"] > 0).mean() > 0.9  # small world: 3 ties reach most


# --------------------------------------------------------------------------
# Bad input

def test_unknown_seller(small):
    with pytest.raises(nx.NodeNotFound, match="seller 999 is not a person"):
        prospecting(small, 999, [1], seed=1)


def test_unknown_target(small):
    with pytest.raises(nx.NodeNotFound, match="target -4 is not a person"):
        prospecting(small, 0, [1, -4], seed=1)


def test_empty_targets(small):
    with pytest.raises(ValueError, match="targets is empty"):
        prospecting(small, 0, [], seed=1)


def test_seller_among_targets(small):
    with pytest.raises(ValueError, match="among the targets"):
        prospecting(small, 0, [0, 1], seed=1)


def test_wrong_criterion(small):
    with pytest.raises(ValueError, match="'trust', 'hops'"):
        prospecting(small, 0, [1], criterion="fast", seed=1)


@pytest.mark.parametrize("kwargs", [{"max_hops": 0}, {"max_hops": 7}, {"cold_rate": 2},
                                    {"agree_exponent": 0}, {"agree_exponent": 5}])
def test_bad_parameters(small, kwargs):
    with pytest.raises(ValueError):
        prospecting(small, 0, [1], seed=1, **kwargs)


# --------------------------------------------------------------------------
# Presentation

def test_plot(G, helpers):
    helpers.assert_axes(prospecting(G, 0, range(100, 300), seed=1).plot())


def test_summary(G):
    text = repr(prospecting(G, 0, range(100, 300), seed=1))
    assert "warm approach" in text and "ask first" in text


def test_docstring_speaks_plainly_and_cites_sources():
    """The docstring opens with a paragraph a job seeker can follow, then the
    model, parameters, sources and a runnable example."""
    from weakties.scenarios import prospecting as fn
    parts = fn.__doc__.split("\n\n")
    assert parts[1].strip().startswith("In plain words:")
    for section in ("Parameters", "Returns", "References", "Examples"):
        assert f"\n    {section}\n    ---" in fn.__doc__
