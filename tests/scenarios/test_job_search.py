"""Tests of weakties.scenarios.job_search: job_search and tie_experiment.

The literature results are checked as outcomes, pooled over the three
populations of the ``populations`` fixture and also population by
population where the signal allows it. Nothing in the model takes the
number of mutual contacts as an input (see ``test_no_formula_reads_mutual``).
"""

import importlib
import inspect

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import weakties
from weakties import ties
from weakties.scenarios import job_search, tie_experiment

js = importlib.import_module("weakties.scenarios.job_search")


@pytest.fixture(scope="module")
def everyone(populations):
    """Everyone of each population looks for a job in their own sector, for
    two years (twice the default, to halve the noise of per-tie rates)."""
    return [job_search(P, list(P), seed=s, rounds=24) for s, P in enumerate(populations)]


@pytest.fixture(scope="module")
def experiments(populations):
    """The randomised experiment on each population, default options."""
    return [tie_experiment(P, seed=s) for s, P in enumerate(populations)]


def pooled(results, table, by, columns):
    return pd.concat([table(r) for r in results]).groupby(by, sort=False)[columns].sum()


def rate(t, num, den, rows):
    part = t.loc[[r for r in rows if r in t.index]]
    return part[num].sum() / part[den].sum()


# --------------------------------------------------------------------------
# Output and invariants

def test_leads_columns_and_values(G):
    r = job_search(G, range(0, 1500, 3), seed=1)
    assert {"seeker", "contact", "strength", "mutual", "frequency_band", "asked", "fit",
            "vouched", "hired"} <= set(r.leads.columns)
    assert len(r.leads) > 50
    assert set(r.leads["frequency_band"]) <= {"often", "occasionally", "rarely"}
    for row in r.leads.sample(40, random_state=0).itertuples():
        assert G.has_edge(row.seeker, row.contact)
        assert row.strength == G[row.seeker][row.contact]["strength"]
        assert row.mutual == len(list(nx.common_neighbors(G, row.seeker, row.contact)))
        assert row.frequency_band == ties.frequency_band(G[row.seeker][row.contact]["frequency"])


def test_leads_suit_the_seeker(G):
    """A lead is an opening of the sector the seeker wants, at another
    employer, in their region unless it accepts remote candidates."""
    r = job_search(G, range(0, 1500, 3), seed=2)
    node = G.nodes
    o = r.openings.set_index("opening")
    assert len(r.leads) > 50
    for row in r.leads.itertuples():
        seeker, opening = node[row.seeker], o.loc[row.opening]
        assert row.sector == opening["sector"] == seeker["sector"]
        assert row.employer == opening["employer"] != seeker["employer"]
        assert opening["remote"] or opening["region"] == seeker["region"]
        assert 0 < row.fit <= 1


def test_change_of_sector_leads_are_in_the_target(G):
    r = job_search(G, range(0, 1500, 2), seed=3, target="Health", strategy="targeted")
    assert (r.leads["sector"] == "Health").all()
    assert (r.seekers["target"] == "Health").all()
    # A contact not asked does not know the seeker wants to move: every
    # lead to a seeker from another sector came from a request.
    other = r.seekers.loc[r.seekers["sector"] != "Health", "seeker"]
    assert r.leads.loc[r.leads["seeker"].isin(other), "asked"].all()


def test_vouching_needs_a_strong_tie_who_works_there(G):
    r = job_search(G, range(0, 1500, 2), seed=4)
    employer = {v: G.nodes[v]["employer"] for v in G}
    v = r.leads[r.leads["vouched"]]
    assert len(v) > 0
    assert (v["strength"] >= ties.STRONG_THRESHOLD).all()
    assert all(employer[c] == e for c, e in zip(v["contact"], v["employer"]))


def test_openings_that_need_a_recommendation_hire_only_vouched_seekers(G):
    r = job_search(G, list(G), seed=5, recommendation=1.0)
    needs = r.openings.set_index("opening")["needs_recommendation"]
    hired = r.seekers[r.seekers["hired"]]
    into = hired[hired["opening"].map(needs)]
    assert len(into) > 0 and len(hired) > len(into)
    assert (into["channel"] == "contact").all()
    lead = r.leads[r.leads["hired"]].set_index("seeker")
    assert lead.loc[into["seeker"], "vouched"].all()
    off = job_search(G, list(G), seed=5, recommendation=0.0)
    assert not off.openings["needs_recommendation"].any()


def test_one_job_per_seeker_and_tables_agree(G):
    r = job_search(G, range(0, 1500, 3), seed=6, strategy="targeted")
    s = r.seekers
    hired = r.leads[r.leads["hired"]]
    assert hired["seeker"].is_unique
    assert set(hired["seeker"]) == set(s.loc[s["channel"] == "contact", "seeker"])
    assert set(s.loc[s["hired"], "channel"]) <= {"contact", "own"}
    assert (s.loc[~s["hired"], "channel"] == "").all()
    assert s["leads"].sum() == len(r.leads) == r.ties["leads"].sum()
    assert s["asks"].sum() == r.ties["asks"].sum()
    assert r.openings["hires"].sum() == s["hired"].sum()
    assert r.ties["hired"].sum() == len(hired)
    # No lead after the month of the hire, and the contact is recorded.
    when = s.set_index("seeker")["round_hired"]
    last = r.leads.groupby("seeker")["round"].max()
    assert all(rnd <= when[k] for k, rnd in last.items() if when[k] > 0)
    via = s.set_index("seeker")["via"]
    assert all(via[row.seeker] == row.contact for row in hired.itertuples())


@pytest.mark.parametrize("strategy, strong", [("strong", True), ("weak", False),
                                              ("targeted", False)])
def test_strategy_asks_only_its_ties(G, strategy, strong):
    r = job_search(G, range(0, 1500, 5), seed=3, strategy=strategy)
    assert len(r.asked) > 0
    assert ((r.asked["strength"] >= ties.STRONG_THRESHOLD) == strong).all()
    assert r.leads.loc[r.leads["asked"], "strength"].ge(ties.STRONG_THRESHOLD).eq(strong).all()


def test_targeted_asks_ties_in_the_target_sector_every_month(G):
    r = job_search(G, range(0, 1500, 5), rounds=3, asks=2, seed=4, strategy="targeted",
                   target="Finance")
    sector = {v: G.nodes[v]["sector"] for v in G}
    hired = r.seekers.set_index("seeker")["round_hired"]
    checked = 0
    for seeker, group in r.ties.groupby("seeker"):
        months = hired[seeker] or 3
        in_target = group[(group["contact_sector"] == "Finance") & ~group["strong"]]
        if len(in_target) == 1:
            assert in_target["asks"].iloc[0] == months      # asked every month
        if len(in_target) >= 2:
            checked += 1
            assert in_target["asks"].sum() == 2 * months    # both requests, every month
            others = group[(group["contact_sector"] != "Finance") & ~group["strong"]]
            assert others["asks"].sum() == 0
        assert all(sector[c] == s for c, s in zip(group["contact"], group["contact_sector"]))
    assert checked > 5


def test_ask_budget_per_round(G):
    r = job_search(G, range(100), rounds=4, asks=2, seed=5, strategy="everyone")
    assert (r.seekers["asks"] <= 2 * 4).all()
    assert r.asked["asks"].max() >= 1


def test_per_tie_and_per_request_tables(G):
    r = job_search(G, list(G), seed=7)
    t = r.leads_per_tie()
    assert t["mutual"].max() <= 10
    assert t["ties"].sum() == len(r.ties)
    assert t["leads"].sum() == len(r.leads)
    assert ((t["new_share"] > 0) & (t["new_share"] <= 1)).all()
    for by in ("frequency_band", "strong", "context"):
        assert r.per_tie(by)["ties"].sum() == len(r.ties)
    q = r.per_request("frequency_band")
    assert list(q["frequency_band"]) == ["often", "occasionally", "rarely"]
    assert q["asks"].sum() == r.seekers["asks"].sum()
    assert q["leads"].sum() == r.leads["asked"].sum()
    assert q["hires"].sum() == (r.leads["asked"] & r.leads["hired"]).sum()
    b = r.hires_by_band()
    assert list(b["frequency_band"]) == ["often", "occasionally", "rarely"]
    assert b["hires"].sum() == (r.seekers["channel"] == "contact").sum()
    assert b["share"].sum() == pytest.approx(1.0)
    assert b["granovetter"].tolist() == [0.167, 0.556, 0.278]
    s = r.by_strength()
    assert s["ties"].sum() == len(r.ties)
    assert s["hire_share"].sum() == pytest.approx(1.0)


def test_text_seed_and_non_integer_nodes(G, helpers):
    H = helpers.relabelled(G)
    r = job_search(H, ["p1", "p2", "p3"], seed="alice", rounds=6)
    assert set(r.seekers["seeker"]) == {"p1", "p2", "p3"}
    assert all(str(c).startswith("p") for c in r.ties["contact"])


# --------------------------------------------------------------------------
# Determinism and the input graph

def test_same_seed_same_result(G, helpers):
    a = job_search(G, range(300), seed="bob", strategy="weak")
    b = job_search(G, range(300), seed="bob", strategy="weak")
    helpers.assert_same_result(a, b)
    c = tie_experiment(G, seed=3, runs=1)
    d = tie_experiment(G, seed=3, runs=1)
    helpers.assert_same_result(c, d)


def test_different_seed_different_result(G, helpers):
    a = job_search(G, range(300), seed=1)
    b = job_search(G, range(300), seed=2)
    assert helpers.results_differ(a, b)


def test_searches_that_share_one_reading_give_what_each_search_gives(G, helpers):
    settings = [{"strategy": "weak"}, {"strategy": "targeted", "target": "Digital"},
                {"strategy": "strong", "asks": 2}, {"strategy": "weak", "seed": "eve"}]
    shared = js.job_searches(G, iter(range(300)), settings, seed="bob", rounds=6)
    assert inspect.isgenerator(shared)  # each result made when asked for
    results = list(shared)
    assert len(results) == len(settings)
    for setting, r in zip(settings, results):
        alone = job_search(G, range(300), **{"seed": "bob", "rounds": 6, **setting})
        helpers.assert_same_result(r, alone)
        assert r.params == alone.params
    assert results[0].params["seed"] == "bob" and results[3].params["seed"] == "eve"
    with pytest.raises(ValueError, match="target"):
        list(js.job_searches(G, range(10), [{"target": "Nowhere"}], seed=1))


def test_input_graph_unchanged(small, helpers):
    helpers.assert_unchanged(small, lambda g: job_search(g, range(50), seed=1,
                                                         strategy="targeted"))
    helpers.assert_unchanged(small, lambda g: list(js.job_searches(
        g, range(50), [{"strategy": "weak"}, {"strategy": "targeted"}], seed=1)))
    helpers.assert_unchanged(small, lambda g: tie_experiment(g, seed=1, runs=1))


# --------------------------------------------------------------------------
# The model reads no mutual contacts and no power of (1 - strength)

def test_no_formula_reads_mutual():
    """Issue 14: redundancy must come from overlapping circles, not from a
    formula of the number of mutual contacts or of (1 - strength). The
    simulation code never reads the count of mutual contacts; only the
    tables that report it do."""
    for fn in (js._Model, js._run, js._pools, js._asked_this_month, js._prepare, js._read,
               js._targets, js._job_search):
        src = inspect.getsource(fn)
        assert "mutual" not in src, fn
        assert "1 - strength" not in src and "1.0 - st" not in src, fn


# --------------------------------------------------------------------------
# Literature

def test_inverted_u_in_mutual_contacts(everyone):
    """Rajkumar et al., Science 2022: job transmission per tie follows an
    inverted U in the number of mutual connections, rising to a moderate
    number and falling after. Here: leads per tie, everyone searching."""
    t = pooled(everyone, lambda r: r.per_tie("mutual"), "mutual",
               ["ties", "leads"]).sort_index()
    few = rate(t, "leads", "ties", [0, 1])
    moderate = rate(t, "leads", "ties", [3, 4, 5, 6])
    many = rate(t, "leads", "ties", [9, 10])
    peak = int((t["leads"] / t["ties"]).idxmax())
    assert 2 <= peak <= 7
    assert moderate > 1.12 * few      # rises ...
    assert moderate > 1.25 * many     # ... then falls


def test_overlapping_circles_pass_on_what_the_seeker_knows(everyone):
    """The falling side of the U is redundancy (Granovetter 1973): the more
    contacts two people share, the more of what one passes on the other
    knew already."""
    t = pooled(everyone, lambda r: r.per_tie("mutual"), "mutual",
               ["leads", "repeats"]).sort_index()
    new = t["leads"] / (t["leads"] + t["repeats"])
    assert new.loc[0] > 0.6
    assert new.loc[9:].max() < 0.35
    ranks = pd.Series(new.to_numpy()).rank()
    assert ranks.corr(pd.Series(np.arange(len(new), dtype=float))) < -0.9


def test_weakest_ties_by_intensity_bring_most_when_asked(everyone):
    """Rajkumar et al. 2022: by interaction intensity, the weakest ties help
    most. Here: leads per request, requests drawn at random (strategy
    "everyone"), by how often the seeker sees the contact. Contacts seen
    twice a week or more bring the least: their news has reached the
    seeker already."""
    q = pooled(everyone, lambda r: r.per_request("frequency_band"), "frequency_band",
               ["asks", "leads"])
    per = q["leads"] / q["asks"]
    assert per["rarely"] > 1.4 * per["often"]
    assert per["occasionally"] > 1.2 * per["often"]
    assert per["rarely"] > 0.9 * per["occasionally"]
    for r in everyone:
        p1 = r.per_request("frequency_band").set_index("frequency_band")["leads_per_request"]
        assert p1["rarely"] > p1["often"]


def test_weakest_ties_help_most_where_jobs_are_not_local(populations):
    """Rajkumar et al. 2022 studied LinkedIn, mostly digital trades. When
    openings accept candidates from anywhere (digital trades: remote
    work), the contacts seen least bring the most per request."""
    rs = [job_search(P, list(P), seed=s, digital=1.0) for s, P in enumerate(populations)]
    q = pooled(rs, lambda r: r.per_request("frequency_band"), "frequency_band",
               ["asks", "leads"])
    per = q["leads"] / q["asks"]
    assert per["rarely"] > per["occasionally"] > per["often"]


def test_hires_mostly_through_contacts_seen_occasionally_or_rarely(everyone):
    """Granovetter, Getting a Job (1974): of job finders who used a contact,
    16.7% saw them often, 55.6% occasionally, 27.8% rarely. The model
    gives fewer "often" and "rarely" hires than Granovetter (see the
    docstring of job_search): only the order of the bands and the
    majority are checked."""
    b = pd.concat([r.hires_by_band() for r in everyone]).groupby(
        "frequency_band", sort=False)["hires"].sum()
    assert b.sum() > 200
    share = b / b.sum()
    assert share["occasionally"] + share["rarely"] >= 0.75
    assert share["occasionally"] == share.max()
    assert share["often"] < 0.25


def test_one_strong_tie_helps_more_weak_ties_help_more_in_total(everyone):
    """Gee, Jones and Burke 2017: a single strong tie is individually more
    useful than a single weak tie, but weak ties bring more jobs in total
    because there are many more of them."""
    for r in everyone:
        s = r.by_strength().set_index("tie")
        assert s.loc["strong", "hires_per_tie"] > 1.15 * s.loc["weak", "hires_per_tie"]
        assert s.loc["weak", "hire_share"] > 0.55
        assert s.loc["weak", "ties"] > 2 * s.loc["strong", "ties"]


def test_weak_ties_matter_more_in_digital_trades(populations):
    """Rajkumar et al. 2022: weak ties matter more in digital industries,
    strong ties more in less digital ones. Same people, same ties: every
    trade made digital (0.9) against every trade made local and
    recommendation-based (0.1). A strong tie's edge over a weak one, per
    tie, is larger in the less digital world: pooled, and in every
    population."""
    totals = {d: {"weak": [0, 0], "strong": [0, 0]} for d in (0.1, 0.9)}
    for s, P in enumerate(populations):
        ratio = {}
        for d in (0.1, 0.9):
            t = job_search(P, list(P), seed=s, digital=d).by_strength().set_index("tie")
            ratio[d] = t.loc["strong", "hires_per_tie"] / t.loc["weak", "hires_per_tie"]
            for tie in ("weak", "strong"):
                totals[d][tie][0] += t.loc[tie, "hires"]
                totals[d][tie][1] += t.loc[tie, "ties"]
        assert ratio[0.1] > ratio[0.9]
    pooled_ratio = {d: (v["strong"][0] / v["strong"][1]) / (v["weak"][0] / v["weak"][1])
                    for d, v in totals.items()}
    assert pooled_ratio[0.1] > 1.3 * pooled_ratio[0.9]


def test_targeted_weak_ties_beat_strong_ties(populations):
    """Granovetter (1973, 1974); the course: for a job in another sector,
    asking weak ties who work there brings more hires than asking one's
    strong ties. Pooled over the populations, same effort."""
    hired = {"strong": 0, "targeted": 0}
    n = 0
    for s, P in enumerate(populations):
        seekers = [p for p in P if P.nodes[p]["sector"] != "Health"]
        n += len(seekers)
        for strategy in hired:
            r = job_search(P, seekers, seed=s, strategy=strategy, target="Health")
            hired[strategy] += int(r.seekers["hired"].sum())
    assert hired["targeted"] > 1.2 * hired["strong"], hired


def test_correlation_favours_strong_ties_experiment_favours_weak(experiments):
    """Rajkumar et al. 2022: correlational estimates favour strong ties,
    randomised ones favour weak ties. In every population the two
    estimates point different ways; pooled, both are clear."""
    for e in experiments:
        est = e.estimates.set_index("kind")["estimate"]
        assert est["correlational"] > 1.0
        assert est["randomised"] < 1.0
    arms = pd.concat([e.arms for e in experiments]).groupby("arm")[["seekers", "hired"]].sum()
    t = pd.concat([e.ties for e in experiments]).groupby("tie")[["ties", "hires"]].sum()
    corr = (t.loc["strong", "hires"] / t.loc["strong", "ties"]) / (
        t.loc["weak", "hires"] / t.loc["weak", "ties"])
    rand = (arms.loc["strong", "hired"] / arms.loc["strong", "seekers"]) / (
        arms.loc["weak", "hired"] / arms.loc["weak", "seekers"])
    assert corr > 1.15
    assert rand < 0.85


def test_experiment_turns_to_strong_ties_where_hiring_needs_a_recommendation(populations):
    """Rajkumar et al. 2022: strong ties increased job mobility in less
    digital industries. When nearly every opening needs a strong tie who
    vouches (recommendation=1, digital=0.1), asking strong ties wins; when
    every trade is digital, asking weak ties wins."""
    def pooled_rand(**kw):
        es = [tie_experiment(P, seed=s, **kw) for s, P in enumerate(populations)]
        a = pd.concat([e.arms for e in es]).groupby("arm")[["seekers", "hired"]].sum()
        return (a.loc["strong", "hired"] / a.loc["strong", "seekers"]) / (
            a.loc["weak", "hired"] / a.loc["weak", "seekers"])
    assert pooled_rand(digital=0.1, recommendation=1.0) > 1.15
    assert pooled_rand(digital=0.9) < 0.85


def test_experiment_tables(experiments):
    e = experiments[0]
    assert list(e.arms["arm"]) == ["strong", "weak"]
    assert e.arms["seekers"].sum() == 2 * 1500       # everyone, two runs
    assert abs(e.arms["seekers"].iloc[0] - e.arms["seekers"].iloc[1]) <= 2
    assert set(e.estimates["favours"]) <= {"strong ties", "weak ties", "neither"}
    for row in e.estimates.itertuples():
        assert row.low < row.estimate < row.high
    assert e.ties["share_of_ties"].sum() == pytest.approx(1.0)
    assert len(e.runs) == 4


# --------------------------------------------------------------------------
# Bad input

def test_unknown_seeker(small):
    with pytest.raises(nx.NodeNotFound, match="seeker 9999 is not a person"):
        job_search(small, [1, 9999], seed=1)


def test_empty_seekers(small):
    with pytest.raises(ValueError, match="seekers is empty"):
        job_search(small, [], seed=1)


def test_single_seeker_not_in_a_list(small):
    with pytest.raises(TypeError, match=r"seekers=\[3\]"):
        job_search(small, 3, seed=1)


def test_wrong_strategy_lists_allowed(small):
    with pytest.raises(ValueError, match="'strong', 'everyone', 'weak', 'targeted'") as e:
        job_search(small, [1], seed=1, strategy="strongest")
    assert "Did you mean 'strong'" in str(e.value)


def test_unknown_target_sector(small):
    with pytest.raises(ValueError, match="target must be one of"):
        job_search(small, [1], seed=1, target="Banking")


@pytest.mark.parametrize("kwargs, error", [
    ({"rounds": 0}, ValueError), ({"rounds": 121}, ValueError), ({"asks": 0}, ValueError),
    ({"openings": 1.5}, ValueError), ({"word_of_mouth": -0.1}, ValueError),
    ({"recommendation": 2}, ValueError), ({"rounds": 2.5}, TypeError),
    ({"seed": -1}, ValueError), ({"seed": 1.5}, TypeError),
])
def test_bad_parameters(small, kwargs, error):
    args = {"seed": 1, **kwargs}
    with pytest.raises(error):
        job_search(small, [1], **args)


@pytest.mark.parametrize("digital, error, match", [
    ({"Banking": 0.5}, ValueError, "sector of digital must be one of"),
    ({"Digital": 1.5}, ValueError, r"digital\[.Digital.\] must be between 0.0 and 1.0"),
    ("high", TypeError, "digital must be a number between 0 and 1"),
    (1.2, ValueError, "digital must be between 0.0 and 1.0"),
])
def test_bad_digital(small, digital, error, match):
    with pytest.raises(error, match=match):
        job_search(small, [1], seed=1, digital=digital)


def test_not_a_graph():
    with pytest.raises(TypeError, match="networkx graph"):
        job_search({"a": 1}, ["a"], seed=1)
    with pytest.raises(TypeError, match="networkx graph"):
        tie_experiment({"a": 1}, seed=1)


def test_graph_without_the_attributes_the_model_reads():
    H = nx.path_graph(5)
    nx.set_edge_attributes(H, 0.5, "strength")
    with pytest.raises(ValueError, match="skills"):
        job_search(H, [0], seed=1)
    nx.set_node_attributes(H, frozenset({"a"}), "skills")
    with pytest.raises(ValueError, match="'employer'"):
        job_search(H, [0], seed=1)


def test_experiment_bad_input(small):
    with pytest.raises(ValueError, match="at least 20 seekers"):
        tie_experiment(small, [1, 2, 3], seed=1)
    with pytest.raises(ValueError, match="runs must be between 1 and 50"):
        tie_experiment(small, seed=1, runs=0)


# --------------------------------------------------------------------------
# Presentation

@pytest.mark.parametrize("kind", ["mutual", "novelty", "intensity", "bands", "strength", "hires"])
def test_plot(G, helpers, kind):
    r = job_search(G, range(300), seed=1)
    helpers.assert_axes(r.plot(kind=kind))


def test_plot_bad_kind(G):
    r = job_search(G, range(10), seed=1)
    with pytest.raises(ValueError, match="kind must be one of"):
        r.plot(kind="pie")


def test_experiment_plot_and_summary(experiments, helpers):
    e = experiments[0]
    ax = e.plot()
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert any("correlation" in t for t in labels) and any("experiment" in t for t in labels)
    helpers.assert_axes(ax)
    text = repr(e)
    assert text.startswith("Tie experiment")
    assert "correlational: strong ties look" in text and "randomised" in text


def test_summary_in_plain_words(G):
    r = job_search(G, range(300), seed=1)
    text = repr(r)
    assert text.startswith("Job search")
    assert "seekers hired" in text and "Granovetter" in text
    assert "one strong tie brought" in text


@pytest.mark.parametrize("fn", [job_search, tie_experiment])
def test_docstring_speaks_plainly_and_cites_sources(fn):
    """Each docstring opens with a paragraph a job seeker can follow, then
    the model, parameters, sources and a runnable example."""
    parts = fn.__doc__.split("\n\n")
    assert parts[1].strip().startswith("In plain words:")
    for section in ("Parameters", "Returns", "References", "Examples"):
        assert f"\n    {section}\n    ---" in fn.__doc__
    assert "Rajkumar" in fn.__doc__


def test_exported_from_the_package():
    assert weakties.scenarios.job_search is job_search
    assert weakties.scenarios.tie_experiment is tie_experiment
