"""Tests of weakties.scenarios.labour_market (Calvó-Armengol and Jackson 2004).

The two results of the model are checked as outcomes over the three
populations of the ``populations`` fixture, each against the same market
with job news switched off (``pass_on=0``), where both must vanish.
"""

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import weakties
from weakties.scenarios import labour_market


@pytest.fixture(scope="module")
def markets(populations):
    """The default market on each population."""
    return [labour_market(P, seed=s) for s, P in enumerate(populations)]


@pytest.fixture(scope="module")
def without_networks(populations):
    """The same markets where nobody passes on job news."""
    return [labour_market(P, seed=s, pass_on=0) for s, P in enumerate(populations)]


def contact_ratio(r):
    c = r.contacts.set_index("status")["contacts_unemployed"]
    return c["unemployed"] / c["employed"]


# --------------------------------------------------------------------------
# Output and invariants

def test_tables_agree(G):
    r = labour_market(G, seed=1, months=60, warm_up=12)
    h = r.history
    assert list(h["month"]) == list(range(1, 61))
    assert h["unemployed"].between(0, 1).all()
    n = G.number_of_nodes()
    # Months out of work after the warm-up, counted two ways.
    after = h[h["month"] > 12]
    assert r.people["months_unemployed"].sum() == round(after["unemployed"].sum() * n)
    assert len(r.people) == n
    assert (r.people["degree"] == [G.degree(v) for v in G]).all()
    hz = r.hazard
    assert list(hz["duration"]) == ["1", "2", "3", "4-6", "7-12", "13-24", "25+"]
    assert (hz["found"] <= hz["at_risk"]).all()
    # Every person-month out of work at the start of a month after the
    # warm-up is at risk once: the at-risk total matches the history.
    start_out = h["unemployed"].shift(1).fillna(0)[h["month"] > 12]
    assert hz["at_risk"].sum() == round(start_out.sum() * n)
    # Those who found work that month match the history's counts.
    assert hz["found"].sum() == after[["found_direct", "found_contact"]].to_numpy().sum()
    assert set(r.contacts["status"]) == {"unemployed", "employed"}


def test_nobody_passes_news_when_pass_on_is_zero(G):
    r = labour_market(G, seed=2, months=48, warm_up=12, pass_on=0)
    assert r.history["found_contact"].sum() == 0
    assert r.history["found_direct"].sum() > 0


def test_no_openings_no_jobs(G):
    r = labour_market(G, seed=3, months=24, warm_up=0, openings=0)
    assert r.history[["found_direct", "found_contact"]].to_numpy().sum() == 0
    assert r.history["unemployed"].is_monotonic_increasing


def test_same_seed_same_result(G, helpers):
    a = labour_market(G, seed="carla", months=36, warm_up=12)
    b = labour_market(G, seed="carla", months=36, warm_up=12)
    helpers.assert_same_result(a, b)
    assert a.correlation == b.correlation


def test_different_seed_different_result(G, helpers):
    a = labour_market(G, seed=1, months=36, warm_up=12)
    b = labour_market(G, seed=2, months=36, warm_up=12)
    assert helpers.results_differ(a, b)


def test_input_graph_unchanged(small, helpers):
    helpers.assert_unchanged(small, lambda g: labour_market(g, seed=1, months=24, warm_up=0))


def test_text_seed_and_non_integer_nodes(small, helpers):
    H = helpers.relabelled(small)
    r = labour_market(H, seed="dora", months=24, warm_up=0)
    assert set(r.people["person"]) == set(H)


# --------------------------------------------------------------------------
# Literature: Calvó-Armengol and Jackson (2004)

def test_no_network_no_effect(without_networks):
    """The control: with nobody passing on news, everyone finds work at the
    same rate whatever their contacts and however long they have been out
    of work. The share out of work then settles near
    separation / (openings + separation) = 0.2 (a check of the model)."""
    for r in without_networks:
        assert abs(r.unemployment - 0.01 / 0.05) < 0.03
        assert 0.85 < contact_ratio(r) < 1.15
        assert abs(r.correlation) < 0.015
        assert 0.75 < r.hazard_ratio() < 1.3


def test_employment_is_correlated_between_contacts(markets, without_networks):
    """Calvó-Armengol and Jackson 2004: when job news travels through
    contacts, employment is positively correlated between contacts. The
    contacts of an unemployed person are out of work more often than
    those of an employed person, in every population."""
    for r, r0 in zip(markets, without_networks):
        assert contact_ratio(r) > 1.25
        assert r.correlation > 0.005
        assert r.correlation > r0.correlation
    assert np.mean([r.correlation for r in markets]) > 0.012


def test_long_unemployment_reinforces_itself(markets):
    """Calvó-Armengol and Jackson 2004: duration dependence. The chance of
    finding work next month falls with the time already spent out of
    work, although everyone has the same chance to hear of a job."""
    for r in markets:
        assert r.hazard_ratio() > 1.5
        h = r.hazard[r.hazard["at_risk"] >= 200]
        assert h["hazard"].iloc[0] > h["hazard"].iloc[-1]


def test_job_news_lowers_unemployment(markets, without_networks):
    for r, r0 in zip(markets, without_networks):
        assert r.unemployment < 0.6 * r0.unemployment
        assert r.history["found_contact"].sum() > r.history["found_direct"].sum()


def test_using_weak_ties_shortens_unemployment(populations, markets):
    """The learner's control: passing news only through strong ties (a
    weak_share of 0) leaves more people out of work, for longer."""
    for s, (P, r) in enumerate(zip(populations, markets)):
        strong_only = labour_market(P, seed=s, weak_share=0)
        assert strong_only.unemployment > 1.5 * r.unemployment
        assert (strong_only.people["months_unemployed"].mean()
                > 1.5 * r.people["months_unemployed"].mean())


def test_more_openings_less_unemployment(populations, markets):
    P, r = populations[0], markets[0]
    more = labour_market(P, seed=0, openings=0.08)
    fewer = labour_market(P, seed=0, openings=0.02)
    assert more.unemployment < r.unemployment < fewer.unemployment


# --------------------------------------------------------------------------
# Bad input

@pytest.mark.parametrize("kwargs, error, match", [
    ({"months": 6}, ValueError, "months must be between 12 and 600"),
    ({"months": 24, "warm_up": 20}, ValueError, "warm_up must be between 0 and 12"),
    ({"openings": 1.5}, ValueError, "openings must be between"),
    ({"separation": -0.1}, ValueError, "separation must be between"),
    ({"weak_share": "all"}, TypeError, "weak_share must be a number"),
    ({"pass_on": 2}, ValueError, "pass_on must be between"),
    ({"months": 12.5}, TypeError, "months must be a whole number"),
    ({"seed": -1}, ValueError, "seed must be zero or positive"),
])
def test_bad_parameters(small, kwargs, error, match):
    args = {"seed": 1, **kwargs}
    with pytest.raises(error, match=match):
        labour_market(small, **args)


def test_not_a_graph():
    with pytest.raises(TypeError, match="networkx graph"):
        labour_market({"a": 1}, seed=1)


def test_graph_without_sectors():
    H = nx.path_graph(5)
    nx.set_edge_attributes(H, 0.5, "strength")
    with pytest.raises(ValueError, match="'sector'"):
        labour_market(H, seed=1)


# --------------------------------------------------------------------------
# Presentation

@pytest.mark.parametrize("kind", ["hazard", "contacts", "unemployment"])
def test_plot(markets, helpers, kind):
    helpers.assert_axes(markets[0].plot(kind=kind))


def test_plot_bad_kind(markets):
    with pytest.raises(ValueError, match="kind must be one of"):
        markets[0].plot(kind="map")


def test_summary_in_plain_words(markets):
    text = repr(markets[0])
    assert text.startswith("Labour market")
    assert "out of work" in text and "chance of finding work next month" in text


def test_docstring_speaks_plainly_and_cites_sources():
    doc = labour_market.__doc__
    assert doc.split("\n\n")[1].strip().startswith("In plain words:")
    for section in ("Parameters", "Returns", "References", "Examples"):
        assert f"\n    {section}\n    ---" in doc
    assert "Calvó-Armengol" in doc


def test_exported_from_the_package(markets):
    assert weakties.scenarios.labour_market is labour_market
    assert "labour_market" in weakties.scenarios.__all__
    assert isinstance(markets[0], weakties.scenarios.LabourMarketResult)
