"""Tests of weakties.scenarios.reputation."""

import importlib

import networkx as nx
import numpy as np
import pytest

from weakties.scenarios import reputation

rep = importlib.import_module("weakties.scenarios.reputation")


@pytest.fixture(scope="module")
def by_share(populations):
    """{ask_share: [result per population]} over 24 periods."""
    return {a: [reputation(P, ask_share=a, seed=s) for s, P in enumerate(populations)]
            for a in (0.0, 0.2, 0.9)}


def change(results, klass):
    return np.array([r.trend().set_index("class").loc[klass, "change"] for r in results])


# --------------------------------------------------------------------------
# Output and invariants

def test_business_table_adds_up(G):
    r = reputation(G, periods=6, seed=1)
    b = r.business
    assert len(b) == 6 * 3
    assert set(b["class"]) == set(rep.CLASSES)
    per = b.groupby("period")
    assert np.allclose(per["share"].sum(), 1.0)
    assert (per["projects"].sum().to_numpy() == r.spread["projects"].to_numpy()).all()
    assert per["people"].sum().eq(G.number_of_nodes()).all()
    assert len(r.projects) == b["projects"].sum()
    assert r.projects["kept"].between(0, 3).all()


def test_partner_classes_follow_reliability(G):
    r = reputation(G, periods=2, seed=2)
    for row in r.projects.head(50).itertuples():
        mean = np.mean(list(G.nodes[row.partner]["reliability"].values()))
        assert row.partner_class == rep.class_of(mean)
        assert row.partner != row.client


def test_class_of_bounds():
    assert rep.class_of(0.5999) == "unreliable"
    assert rep.class_of(0.6) == "average"
    assert rep.class_of(0.85) == "reliable"
    assert list(rep.class_of([0.1, 0.9])) == ["unreliable", "reliable"]


def test_nobody_asks_means_no_queries(G):
    r = reputation(G, periods=4, ask_share=0.0, seed=3)
    assert (r.spread["queries"] == 0).all()
    assert not r.projects["asked"].any()
    everyone = reputation(G, periods=4, ask_share=1.0, seed=3)
    assert everyone.projects["asked"].all()


def test_sources_count_who_answered(small):
    """Every report a client heard is counted once, by where it came from;
    a question does not travel further than ``depth``."""
    for depth in (1, 2, 3):
        r = reputation(small, periods=8, ask_share=1.0, depth=depth, seed=4)
        src = r.sources.set_index("source")
        assert list(src.index) == list(rep.SOURCES)
        assert src["reports"].sum() > 0
        assert np.isclose(src["share"].sum(), 1.0)
        assert (src["warnings"] <= src["reports"]).all()
        if depth < 3:
            assert src.loc["three steps away", "reports"] == 0
        if depth < 2:
            assert src.loc["contact of a contact", "reports"] == 0
    # Ties asked: one per tie and candidate, for each client who asked.
    asked = r.projects[r.projects["asked"]]
    strong = sum(sum(small[c][v]["strength"] >= 0.5 for v in small[c]) for c in asked["client"])
    assert src.loc["strong tie", "asked"] == strong * r.params["candidates"]
    assert src.loc["weak tie", "asked"] == (sum(small.degree(c) for c in asked["client"])
                                            * r.params["candidates"] - strong * r.params["candidates"])
    nobody = reputation(small, periods=4, ask_share=0.0, seed=4).sources
    assert (nobody["reports"] == 0).all() and nobody["share"].isna().all()


def test_kept_commitments_match_reliability(G):
    """Partners keep each commitment with the probability of their reliability."""
    r = reputation(G, periods=12, ask_share=0.0, seed=4)
    mean_rel = {v: np.mean(list(G.nodes[v]["reliability"].values())) for v in G}
    expected = r.projects["partner"].map(mean_rel).mean() * 3
    assert r.projects["kept"].mean() == pytest.approx(expected, abs=0.05)


def test_distance_of_reports(small):
    nbrs = [set(small[v]) for v in range(small.number_of_nodes())]
    lengths = nx.single_source_shortest_path_length(small, 0, cutoff=3)
    for r in range(1, 60):
        want = lengths.get(r, -1)
        for depth in (1, 2, 3):
            got = rep._distance(0, r, depth, nbrs)
            assert got == (want if 0 <= want <= depth else -1)


# --------------------------------------------------------------------------
# Determinism and the input graph

def test_same_seed_same_result(small, helpers):
    a = reputation(small, periods=5, seed="r")
    b = reputation(small, periods=5, seed="r")
    helpers.assert_same_result(a, b)


def test_different_seed_different_result(small, helpers):
    assert helpers.results_differ(reputation(small, periods=5, seed=1),
                                  reputation(small, periods=5, seed=2))


def test_input_graph_unchanged(small, helpers):
    helpers.assert_unchanged(small, lambda g: reputation(g, periods=4, ask_share=1, seed=1,
                                                         depth=3))


# --------------------------------------------------------------------------
# Literature

def test_unreliable_partners_lose_business_when_people_ask(by_share):
    """Raub and Weesie (1990); Burt (2005); the BRIEF (theme 6): when clients
    ask their network before committing, reputation travels, and unreliable
    partners lose business while reliable ones gain it."""
    assert (change(by_share[0.9], "unreliable") < -0.15).all()
    assert (change(by_share[0.9], "reliable") > 0.15).all()
    for r in by_share[0.9]:
        end = r.trend().set_index("class")["end"]
        assert end["unreliable"] < end["average"] < end["reliable"]


def test_faster_the_more_people_ask(by_share):
    """Augmented transparency (the BRIEF, theme 6): the larger the share of
    clients who ask their network, the faster unreliable partners lose
    business. Compared over ask_share 0, 0.2 and 0.9, in each population."""
    none, some, most = (change(by_share[a], "unreliable") for a in (0.0, 0.2, 0.9))
    assert (most < some).all()
    assert most.mean() < some.mean() - 0.1
    assert some.mean() < none.mean()


def test_warnings_spread_over_time(by_share):
    """Reputations spread: queries about unreliable candidates find more and
    more warnings as experiences accumulate."""
    for r in by_share[0.9]:
        s = r.spread
        assert s["warned"].tail(6).mean() > s["warned"].head(3).mean() + 0.2
        assert s["people_with_bad_experience"].is_monotonic_increasing


def test_one_strong_tie_knows_a_candidate_as_often_as_one_weak_tie(by_share):
    """The model draws partners from the whole population, whoever one knows:
    so one close contact has worked with a candidate about as often as one
    acquaintance. Weak ties and contacts of contacts answer most questions
    because there are many more of them, not because each knows more."""
    for r in by_share[0.9]:
        src = r.sources.set_index("source")
        ratio = src.loc["strong tie", "per_tie"] / src.loc["weak tie", "per_tie"]
        assert 0.7 < ratio < 1.4, ratio
        assert src.loc["weak tie", "reports"] > 2 * src.loc["strong tie", "reports"]
        assert src.loc["contact of a contact", "reports"] > 5 * (
            src.loc["strong tie", "reports"] + src.loc["weak tie", "reports"])


def test_augmented_transparency_rests_on_candour(populations):
    """The result rests on an assumption: that people who had a bad
    experience say so when asked. When few do, asking the network changes
    little; when nobody does, unreliable partners keep about a fair share."""
    for s, P in enumerate(populations[:2]):
        end = {c: reputation(P, ask_share=1.0, periods=12, seed=s, candour=c).trend()
               .set_index("class").loc["unreliable", "end"] for c in (1.0, 0.25, 0.0)}
        assert end[1.0] < end[0.25] - 0.15, end
        assert 0.8 < end[0.0] < 1.25, end


def test_candour_changes_only_what_people_say(small):
    a = reputation(small, periods=6, ask_share=1.0, seed=8)
    b = reputation(small, periods=6, ask_share=1.0, seed=8, candour=1.0)
    assert a.projects.equals(b.projects)
    quiet = reputation(small, periods=6, ask_share=1.0, seed=8, candour=0.0)
    src = quiet.sources.set_index("source")
    assert (src.drop("own experience")["warnings"] == 0).all()
    assert quiet.params["candour"] == 0.0


# --------------------------------------------------------------------------
# Bad input

@pytest.mark.parametrize("kwargs, error", [
    ({"ask_share": 1.2}, ValueError), ({"ask_share": "half"}, TypeError),
    ({"periods": 0}, ValueError), ({"depth": 4}, ValueError),
    ({"candidates": 0}, ValueError), ({"tolerance": -1}, ValueError),
    ({"candour": 2}, ValueError),
])
def test_bad_parameters(small, kwargs, error):
    with pytest.raises(error):
        reputation(small, seed=1, **kwargs)


def test_graph_without_reliability():
    G = nx.path_graph(5)
    nx.set_edge_attributes(G, 0.5, "strength")
    with pytest.raises(ValueError, match="'reliability'"):
        reputation(G, seed=1)


# --------------------------------------------------------------------------
# Presentation

@pytest.mark.parametrize("kind", ["business", "spread", "sources"])
def test_plot(small, helpers, kind):
    helpers.assert_axes(reputation(small, periods=6, seed=1).plot(kind=kind))


def test_summary(small):
    text = repr(reputation(small, periods=6, seed=1))
    assert "unreliable partners" in text and "fair share" in text


def test_docstring_speaks_plainly_and_cites_sources():
    """The docstring opens with a paragraph a job seeker can follow, then the
    model, parameters, sources and a runnable example."""
    from weakties.scenarios import reputation as fn
    parts = fn.__doc__.split("\n\n")
    assert parts[1].strip().startswith("In plain words:")
    for section in ("Parameters", "Returns", "References", "Examples"):
        assert f"\n    {section}\n    ---" in fn.__doc__
