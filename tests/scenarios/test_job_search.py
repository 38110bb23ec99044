"""Tests of weakties.scenarios.job_search."""

import importlib

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from weakties import ties
from weakties.scenarios import job_search

js = importlib.import_module("weakties.scenarios.job_search")


@pytest.fixture(scope="module")
def everyone(populations):
    """'Ask everyone' on each population, every person a seeker."""
    return [job_search(P, list(P), rounds=12, seed=s, strategy="everyone")
            for s, P in enumerate(populations)]


# --------------------------------------------------------------------------
# Output and invariants

def test_leads_columns_and_values(G):
    r = job_search(G, range(0, 1500, 3), seed=1)
    assert {"seeker", "contact", "strength", "mutual", "frequency_band", "hired"} <= set(
        r.leads.columns)
    assert len(r.leads) > 0
    assert set(r.leads["frequency_band"]) <= {"often", "occasionally", "rarely"}
    for row in r.leads.sample(40, random_state=0).itertuples():
        assert G.has_edge(row.seeker, row.contact)
        assert row.strength == G[row.seeker][row.contact]["strength"]
        assert row.mutual == len(list(nx.common_neighbors(G, row.seeker, row.contact)))
        assert row.frequency_band == ties.frequency_band(G[row.seeker][row.contact]["frequency"])


def test_one_hire_per_seeker_and_tables_agree(G):
    r = job_search(G, range(0, 1500, 3), seed=2, strategy="targeted")
    hired = r.leads[r.leads["hired"]]
    assert hired["seeker"].is_unique
    assert set(hired["seeker"]) == set(r.seekers.loc[r.seekers["hired"], "seeker"])
    assert r.seekers["leads"].sum() == len(r.leads)
    assert r.asked["leads"].sum() == len(r.leads)
    assert r.seekers["asks"].sum() == r.asked["asks"].sum()
    # No lead after the round of the hire.
    last = r.leads.groupby("seeker")["round"].max()
    when = r.seekers.set_index("seeker")["round_hired"]
    for seeker, rnd in last.items():
        if when[seeker] > 0:
            assert rnd <= when[seeker]
    # The contact who passed the hiring lead is recorded on the seeker.
    via = r.seekers.set_index("seeker")["via"]
    for row in hired.itertuples():
        assert via[row.seeker] == row.contact


@pytest.mark.parametrize("strategy, strong", [("strong", True), ("weak", False),
                                              ("targeted", False)])
def test_strategy_asks_only_its_ties(G, strategy, strong):
    r = job_search(G, range(0, 1500, 5), seed=3, strategy=strategy)
    assert len(r.asked) > 0
    assert ((r.asked["strength"] >= ties.STRONG_THRESHOLD) == strong).all()


def test_targeted_asks_ties_in_the_target_sector_first(G):
    r = job_search(G, range(0, 1500, 5), rounds=1, asks=2, seed=4, strategy="targeted",
                   target="Finance")
    sector = {v: G.nodes[v]["sector"] for v in G}
    for seeker, group in r.asked.groupby("seeker"):
        in_target = [c for c in G[seeker] if sector[c] == "Finance"
                     and G[seeker][c]["strength"] < ties.STRONG_THRESHOLD]
        asked_in_target = sum(sector[c] == "Finance" for c in group["contact"])
        assert asked_in_target == min(len(in_target), 2)


def test_ask_budget_per_round(G):
    r = job_search(G, range(100), rounds=4, asks=2, seed=5, strategy="everyone")
    assert (r.seekers["asks"] <= 2 * 4).all()
    assert r.asked["asks"].max() >= 1


def test_more_rounds_never_fewer_hires(G):
    short = job_search(G, range(300), rounds=3, seed=6)
    long = job_search(G, range(300), rounds=12, seed=6)
    assert long.seekers["hired"].sum() >= short.seekers["hired"].sum()


def test_leads_per_tie_and_bands_tables(G):
    r = job_search(G, list(G), seed=7)
    t = r.leads_per_tie()
    assert t["mutual"].max() <= 10
    assert t["ties"].sum() == len(r.asked)
    assert t["leads"].sum() == len(r.leads)
    b = r.hires_by_band()
    assert list(b["frequency_band"]) == ["often", "occasionally", "rarely"]
    assert b["hires"].sum() == r.seekers["hired"].sum()
    assert b["share"].sum() == pytest.approx(1.0)
    assert b["granovetter"].tolist() == [0.167, 0.556, 0.278]


def test_text_seed_and_non_integer_nodes(G, helpers):
    H = helpers.relabelled(G)
    r = job_search(H, ["p1", "p2", "p3"], seed="alice", rounds=6)
    assert set(r.seekers["seeker"]) == {"p1", "p2", "p3"}
    assert all(str(c).startswith("p") for c in r.asked["contact"])


# --------------------------------------------------------------------------
# Determinism and the input graph

def test_same_seed_same_result(G, helpers):
    a = job_search(G, range(200), seed="bob", strategy="weak")
    b = job_search(G, range(200), seed="bob", strategy="weak")
    helpers.assert_same_result(a, b)


def test_different_seed_different_result(G, helpers):
    a = job_search(G, range(200), seed=1)
    b = job_search(G, range(200), seed=2)
    assert helpers.results_differ(a, b)


def test_input_graph_unchanged(G, helpers):
    helpers.assert_unchanged(G, lambda g: job_search(g, range(50), seed=1, strategy="targeted"))


# --------------------------------------------------------------------------
# Literature

def test_inverted_u_in_mutual_contacts(everyone):
    """Rajkumar et al., Science 2022: job transmission per tie follows an
    inverted U in the number of mutual connections: moderately weak ties
    help most. Pooled over three populations."""
    t = pd.concat([r.leads_per_tie() for r in everyone]).groupby("mutual")[
        ["ties", "leads"]].sum()
    rate = t["leads"] / t["ties"]
    none = rate.loc[0]
    middle = t.loc[1:4, "leads"].sum() / t.loc[1:4, "ties"].sum()
    many = t.loc[8:, "leads"].sum() / t.loc[8:, "ties"].sum()
    peak = int(rate.idxmax())
    assert 1 <= peak <= 6
    assert middle > 1.5 * none      # rises ...
    assert middle > 1.3 * many      # ... then falls
    # The rise then fall holds in each population too.
    for r in everyone:
        t1 = r.leads_per_tie().set_index("mutual")
        mid = t1.loc[1:4, "leads"].sum() / t1.loc[1:4, "ties"].sum()
        assert mid > t1.loc[0, "leads_per_tie"]
        assert mid > t1.loc[8:, "leads"].sum() / t1.loc[8:, "ties"].sum()


def test_hires_mostly_through_contacts_seen_occasionally_or_rarely(everyone):
    """Granovetter, Getting a Job (1974): of job finders who used a contact,
    16.7% saw them often, 55.6% occasionally, 27.8% rarely. Pooled over
    three populations; each share within 12 points (about two standard
    errors of Granovetter's sample of 54)."""
    b = pd.concat([r.hires_by_band() for r in everyone]).groupby(
        "frequency_band", sort=False)["hires"].sum()
    assert b.sum() > 500
    share = b / b.sum()
    assert share["occasionally"] + share["rarely"] >= 0.75
    assert share["occasionally"] == share.max()
    for band, expected in js.GRANOVETTER_BANDS.items():
        assert abs(share[band] - expected) <= 0.12, (band, share[band])


def test_targeted_weak_ties_beat_asking_strong_ties(populations):
    """Granovetter (1973, 1974); Rajkumar et al. (2022): weak ties, chosen for
    the target job, bring more hires than asking close ties. In every
    population, with the same effort (asks per round)."""
    for s, P in enumerate(populations):
        seekers = list(P)[::2]
        strong = job_search(P, seekers, seed=s, strategy="strong").seekers["hired"].mean()
        targeted = job_search(P, seekers, seed=s, strategy="targeted").seekers["hired"].mean()
        assert targeted > 1.5 * strong, (targeted, strong)


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
    ({"rounds": 0}, ValueError), ({"asks": 0}, ValueError), ({"openings": 1.5}, ValueError),
    ({"rounds": 2.5}, TypeError), ({"seed": -1}, ValueError), ({"seed": 1.5}, TypeError),
])
def test_bad_parameters(small, kwargs, error):
    args = {"seed": 1, **kwargs}
    with pytest.raises(error):
        job_search(small, [1], **args)


def test_not_a_graph():
    with pytest.raises(TypeError, match="networkx graph"):
        job_search({"a": 1}, ["a"], seed=1)


# --------------------------------------------------------------------------
# Presentation

@pytest.mark.parametrize("kind", ["mutual", "bands", "hires"])
def test_plot(G, helpers, kind):
    r = job_search(G, range(300), seed=1)
    helpers.assert_axes(r.plot(kind=kind))


def test_plot_bad_kind(G):
    r = job_search(G, range(10), seed=1)
    with pytest.raises(ValueError, match="kind must be one of"):
        r.plot(kind="pie")


def test_summary_in_plain_words(G):
    r = job_search(G, range(300), seed=1)
    text = repr(r)
    assert text.startswith("Job search")
    assert "seekers hired" in text and "Granovetter" in text
    assert job_search.__doc__.split("\n\n")[1].strip().startswith("In plain words:")
    assert np.isfinite(r.seekers["pool"]).all()


def test_docstring_speaks_plainly_and_cites_sources():
    """The docstring opens with a paragraph a job seeker can follow, then the
    model, parameters, sources and a runnable example."""
    from weakties.scenarios import job_search as fn
    parts = fn.__doc__.split("\n\n")
    assert parts[1].strip().startswith("In plain words:")
    for section in ("Parameters", "Returns", "References", "Examples"):
        assert f"\n    {section}\n    ---" in fn.__doc__
