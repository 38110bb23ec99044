"""Tests of weakties.scenarios.venture."""

import math

import networkx as nx
import numpy as np
import pytest

from weakties import ties
from weakties.scenarios import venture
from weakties.scenarios.venture import venture_coverage, venture_searcher


def mean_reliability(G, v):
    return float(np.mean(list(G.nodes[v]["reliability"].values())))


# --------------------------------------------------------------------------
# Output and invariants

def test_each_chosen_person_fits_the_need_and_is_within_reach(G):
    r = venture(G, 3, seed=1)
    for row in r.team[r.team["covered"]].itertuples():
        p = G.nodes[row.person]
        if row.kind == "skill":
            assert row.need in p["skills"]
        else:
            assert p["sector"] == row.need
        assert row.chain[0] == 3 and row.chain[-1] == row.person
        assert len(row.chain) - 1 == row.hops <= 2
        trust = math.prod(G[a][b]["strength"] for a, b in zip(row.chain, row.chain[1:]))
        assert trust == pytest.approx(row.trust)
        assert row.reliability == pytest.approx(mean_reliability(G, row.person))
        assert row.score == pytest.approx(row.trust * row.reliability)
        if row.mode == "strong ties only":
            assert all(G[a][b]["strength"] >= ties.STRONG_THRESHOLD
                       for a, b in zip(row.chain, row.chain[1:]))
        if row.mode == "weak ties only":
            assert all(G[a][b]["strength"] < ties.STRONG_THRESHOLD
                       for a, b in zip(row.chain, row.chain[1:]))


def test_three_modes_in_order(G):
    r = venture(G, 3, seed=1)
    assert list(r.coverage["mode"]) == ["strong ties only", "weak ties only", "whole network"]
    assert list(r.team["mode"].unique()) == list(r.coverage["mode"])


def test_strong_threshold_moves_the_line_between_strong_and_weak(G):
    r = venture(G, 3, seed=1, strong_threshold=0.3)
    for row in r.team[r.team["covered"]].itertuples():
        strengths = [G[a][b]["strength"] for a, b in zip(row.chain, row.chain[1:])]
        if row.mode == "strong ties only":
            assert min(strengths) >= 0.3
        elif row.mode == "weak ties only":
            assert max(strengths) < 0.3
    assert r.params["strong_threshold"] == 0.3


def test_the_whole_network_covers_at_least_each_part(G):
    """By construction: the whole network holds the strong and the weak ties,
    so every need one of them covers, it covers too (with at least their score)."""
    for founder in (3, 40, 77):
        r = venture(G, founder, seed=1, max_hops=2)
        t = r.team.set_index(["mode", "role", "need"])
        for (mode, role, need), row in t.iterrows():
            whole = t.loc[("whole network", role, need)]
            if row["covered"]:
                assert whole["covered"] and whole["score"] >= row["score"] - 1e-12


def test_the_best_scored_person_is_chosen(G):
    needs = {"adviser": ["accounting"]}
    r = venture(G, 3, needs, max_hops=1, seed=1)
    row = r.team[r.team["mode"] == "whole network"].iloc[0]
    fits = [v for v in G[3] if "accounting" in G.nodes[v]["skills"]]
    if fits:
        best = max(G[3][v]["strength"] * mean_reliability(G, v) for v in fits)
        assert row.score == pytest.approx(best)
    else:
        assert not row.covered


def test_min_reliability_is_respected(G):
    r = venture(G, 3, seed=1, min_reliability=0.8)
    assert (r.team.loc[r.team["covered"], "reliability"] >= 0.8).all()


def test_coverage_table(G):
    r = venture(G, 3, seed=1)
    c = r.coverage.set_index("mode")
    for mode, d in r.team.groupby("mode"):
        assert c.loc[mode, "covered"] == d["covered"].sum()
        assert c.loc[mode, "needs"] == len(d) == 10
    assert set(r.team["role"]) == {"partner", "supplier", "adviser", "client"}


def test_needs_as_text_or_list(G):
    r = venture(G, 3, {"partner": "Python", "client": ["Retail"]}, seed=1)
    assert list(r.team["need"].unique()) == ["Python", "Retail"]
    assert list(r.team["kind"].unique()) == ["skill", "sector"]


def test_more_hops_never_cover_less(G):
    covered = [venture(G, 9, max_hops=h, seed=1).coverage.set_index("mode").loc[
        "whole network", "covered"] for h in (1, 2, 3)]
    assert covered == sorted(covered)


# --------------------------------------------------------------------------
# Determinism and the input graph

def test_same_seed_same_result(G, helpers):
    helpers.assert_same_result(venture(G, 4, seed="v"), venture(G, 4, seed="v"))


def test_input_graph_unchanged(small, helpers):
    helpers.assert_unchanged(small, lambda g: venture(g, 0, seed=1, max_hops=3))


def test_seed_only_breaks_ties(G):
    """Scores rarely tie, so the seed changes nothing here but stays accepted."""
    a = venture(G, 4, seed=1).team
    b = venture(G, 4, seed=2).team
    assert a["score"].tolist() == b["score"].tolist()


def test_a_searcher_gives_what_venture_gives(G, helpers):
    search = venture_searcher(G, {"partner": ["sales"], "client": ["Retail"]}, seed=4)
    for founder, options in ((3, {}), (40, {"max_hops": 1}), (3, {"strong_threshold": 0.7}),
                             (77, {"min_reliability": 0.6, "max_hops": 3})):
        helpers.assert_same_result(
            search(founder, **options),
            venture(G, founder, {"partner": ["sales"], "client": ["Retail"]}, seed=4,
                    **options))
    with pytest.raises(nx.NodeNotFound, match="founder 'Zoe'"):
        search("Zoe")
    with pytest.raises(ValueError, match="max_hops must be"):
        search(3, max_hops=9)


def test_coverage_of_many_founders_is_each_founders_venture(G):
    founders = [3, 40, 77]
    table = venture_coverage(G, founders, seed=1, max_hops=2, strong_threshold=0.6)
    assert len(table) == 3 * len(founders)
    for founder in founders:
        one = venture(G, founder, seed=1, max_hops=2, strong_threshold=0.6)
        mine = table[table["founder"] == founder].set_index("mode")
        assert (mine["covered"] == one.coverage.set_index("mode")["covered"]).all()
        assert (mine["share"] == mine["covered"] / mine["needs"]).all()


def test_coverage_counts_ties_and_people_within_reach(G):
    """``ties`` and ``reached`` checked against networkx on the subgraph of each kind of tie."""
    table = venture_coverage(G, [3], seed=1, max_hops=2).set_index("mode")
    for mode, keep in (("strong ties only", lambda s: s >= ties.STRONG_THRESHOLD),
                       ("weak ties only", lambda s: s < ties.STRONG_THRESHOLD),
                       ("whole network", lambda s: True)):
        H = nx.Graph()
        H.add_nodes_from(G)
        H.add_edges_from((a, b) for a, b, s in G.edges(data="strength") if keep(s))
        within = nx.single_source_shortest_path_length(H, 3, cutoff=2)
        assert table.loc[mode, "ties"] == H.degree(3)
        assert table.loc[mode, "reached"] == len(within) - 1


# --------------------------------------------------------------------------
# Literature

def test_weak_ties_alone_cover_more_than_strong_ties_alone(populations):
    """Granovetter (1973); Burt (1992); Ruef, Aldrich and Carter (2003):
    founders who stay within strong ties assemble homogeneous teams; weak
    ties reach more skills and sectors. Strong ties only against weak ties
    only (not against the whole network, which holds the strong ties and so
    cannot do worse), for founders drawn at random in every population: on
    average weak ties cover more needs, from more sectors, through chains
    that are less trusted (trust is the product of strengths)."""
    gains, sectors, trust = [], [], []
    for s, P in enumerate(populations):
        rng = np.random.default_rng(s)
        for founder in rng.choice(P.number_of_nodes(), 10, replace=False).tolist():
            c = venture(P, founder, seed=s).coverage.set_index("mode")
            weak, strong = c.loc["weak ties only"], c.loc["strong ties only"]
            gains.append(weak["share"] - strong["share"])
            sectors.append(weak["sectors"] - strong["sectors"])
            if strong["covered"] and weak["covered"]:
                trust.append(strong["mean_trust"] - weak["mean_trust"])
    assert np.mean(gains) > 0.2
    assert np.mean(sectors) > 1
    assert np.mean(trust) > 0


def test_strong_ties_cover_more_when_more_ties_count_as_strong(populations):
    """The strong ties' coverage hinges on where the line between strong and
    weak falls: with a lower threshold a founder has more strong ties, and
    they cover more needs (mean over founders in every population)."""
    for s, P in enumerate(populations):
        rng = np.random.default_rng(s)
        founders = rng.choice(P.number_of_nodes(), 8, replace=False).tolist()
        covered = {t: np.mean([venture(P, f, seed=s, strong_threshold=t).coverage
                               .set_index("mode").loc["strong ties only", "covered"]
                               for f in founders]) for t in (0.3, 0.5, 0.7)}
        assert covered[0.3] > covered[0.5] > covered[0.7]


# --------------------------------------------------------------------------
# Bad input

def test_unknown_founder(small):
    with pytest.raises(nx.NodeNotFound, match="founder 'Zoe' is not a person"):
        venture(small, "Zoe", seed=1)
    with pytest.raises(nx.NodeNotFound, match="founder 'Zoe' is not a person"):
        venture_coverage(small, [0, "Zoe"], seed=1)
    with pytest.raises(ValueError, match="founders is empty"):
        venture_coverage(small, [], seed=1)


def test_unknown_role(small):
    with pytest.raises(ValueError, match="'partner', 'supplier', 'adviser', 'client'"):
        venture(small, 0, {"investor": ["Finance"]}, seed=1)


def test_unknown_need(small):
    with pytest.raises(ValueError, match="neither a skill nor a sector") as e:
        venture(small, 0, {"partner": ["Pyhton"]}, seed=1)
    assert "Did you mean 'Python'" in str(e.value)


def test_empty_needs(small):
    with pytest.raises(ValueError, match="needs is empty"):
        venture(small, 0, {}, seed=1)


def test_needs_not_a_mapping(small):
    with pytest.raises(TypeError, match="needs must map a role"):
        venture(small, 0, ["Python"], seed=1)


@pytest.mark.parametrize("kwargs", [{"max_hops": 0}, {"min_reliability": 1.5},
                                    {"strong_threshold": 0}, {"strong_threshold": 1.2}])
def test_bad_parameters(small, kwargs):
    with pytest.raises(ValueError):
        venture(small, 0, seed=1, **kwargs)


# --------------------------------------------------------------------------
# Presentation

def test_plot(G, helpers):
    helpers.assert_axes(venture(G, 0, seed=1).plot())


def test_summary(G):
    text = repr(venture(G, 0, seed=1))
    assert "strong ties only" in text and "weak ties only" in text and "whole network" in text


def test_docstring_speaks_plainly_and_cites_sources():
    """The docstring opens with a paragraph a job seeker can follow, then the
    model, parameters, sources and a runnable example."""
    from weakties.scenarios import venture as fn
    parts = fn.__doc__.split("\n\n")
    assert parts[1].strip().startswith("In plain words:")
    for section in ("Parameters", "Returns", "References", "Examples"):
        assert f"\n    {section}\n    ---" in fn.__doc__
