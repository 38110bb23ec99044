"""Tests of weakties.scenarios.networking_event."""

import networkx as nx
import numpy as np
import pytest

from weakties import ties
from weakties.scenarios import networking_event
from weakties.scenarios.networking_event import POLE_DISTRICTS

FORMATS = ("evening", "breakfast", "neighbourhood")


# --------------------------------------------------------------------------
# Output and invariants

def test_new_ties_are_new_and_describe_what_they_cross(G):
    r = networking_event(G, 60, format="evening", seed=1)
    t = r.new_ties
    assert set(t["kind"]) == {"event", "online"}
    pairs = set()
    for row in t.itertuples():
        assert not G.has_edge(row.person, row.other)
        assert row.person != row.other
        key = frozenset((row.person, row.other))
        assert key not in pairs
        pairs.add(key)
        for a in ("sector", "region", "generation"):
            assert getattr(row, f"crosses_{a}") == (G.nodes[row.person][a] != G.nodes[row.other][a])
        assert row.crosses_any == (row.crosses_sector or row.crosses_region
                                   or row.crosses_generation)
    assert t["session"].between(1, 6).all()


def test_event_ties_only_between_attendees(G):
    people = list(range(100, 140))
    r = networking_event(G, people, format="breakfast", rounds=4, seed=2)
    ev = r.new_ties[r.new_ties["kind"] == "event"]
    assert len(ev) > 0
    assert set(ev["person"]) | set(ev["other"]) <= set(people)
    online = r.new_ties[r.new_ties["kind"] == "online"]
    assert set(online["person"]) <= set(people)


def test_strength_table_follows_each_tie_every_month(G):
    r = networking_event(G, 40, format="breakfast", rounds=3, months=12, seed=3)
    s = r.strength
    per_tie = s.groupby("tie")["month"].agg(["min", "max", "size"])
    sessions = r.new_ties.set_index("tie")["session"]
    assert (per_tie["min"] == sessions.loc[per_tie.index]).all()
    assert (per_tie["max"] == 12).all()
    assert (per_tie["size"] == 12 - per_tie["min"] + 1).all()
    assert s["strength"].between(0.01, 1).all()
    last = s[s["month"] == 12].set_index("tie")["strength"]
    assert np.allclose(last.sort_index(), r.new_ties.set_index("tie")["strength"].sort_index(),
                       atol=1e-6)


def test_neighbourhood_gathers_the_same_districts(G):
    r = networking_event(G, 50, format="neighbourhood", seed=4)
    ev = r.new_ties[r.new_ties["kind"] == "event"]
    people = set(ev["person"]) | set(ev["other"])
    regions = {G.nodes[v]["region"] for v in people}
    assert len(regions) == 1
    assert not ev["crosses_region"].any()


def _guests(G, r):
    """Everyone who made a tie at the event."""
    ev = r.new_ties[r.new_ties["kind"] == "event"]
    return set(ev["person"]) | set(ev["other"])


def test_neighbourhood_guests_live_in_the_pole_districts(populations):
    """The neighbourhood format invites, as the trainer's neighbourhood pole of
    professionals does, people who live in its districts of Paris (3e, 4e, 10e,
    11e, 12e, 19e, 20e; BRIEF.md): guests share districts."""
    for s, P in enumerate(populations):
        residents = [v for v in P if P.nodes[v]["district"] in POLE_DISTRICTS]
        r = networking_event(P, 40, format="neighbourhood", seed=s)
        guests = _guests(P, r)
        assert len(guests) > 20
        assert {P.nodes[v]["district"] for v in guests} <= set(POLE_DISTRICTS)
        assert len({P.nodes[v]["district"] for v in guests}) >= 3  # several districts, not one
        assert r.params["attendees"] == min(40, len(residents))
        assert r.params["districts"] == [d for d in POLE_DISTRICTS
                                         if any(P.nodes[v]["district"] == d for v in residents)]
        # Asked for more guests than live there: all the residents come, nobody else.
        everyone = networking_event(P, 300, format="neighbourhood", rounds=1, months=1, seed=s)
        assert everyone.params["attendees"] == len(residents)


def test_districts_choose_where_guests_come_from(G):
    chosen = ["Paris 11e", "Paris 12e"]
    for fmt in FORMATS:
        r = networking_event(G, 30, format=fmt, districts=chosen, seed=3)
        assert {G.nodes[v]["district"] for v in _guests(G, r)} <= set(chosen)
        assert r.params["districts"] == chosen
    one = networking_event(G, 30, format="evening", districts="Paris 11e", seed=3)
    residents = [v for v in G if G.nodes[v]["district"] == "Paris 11e"]
    assert {G.nodes[v]["district"] for v in _guests(G, one)} <= {"Paris 11e"}
    assert one.params["attendees"] == min(30, len(residents))
    # Evenings and breakfasts otherwise invite from everywhere.
    wide = networking_event(G, 60, format="evening", seed=3)
    assert wide.params["districts"] is None
    assert len({G.nodes[v]["region"] for v in _guests(G, wide)}) > 3


def test_follow_up_sets_the_chance_of_meeting_again(G):
    base = networking_event(G, 40, format="evening", months=24, seed=6)
    often = networking_event(G, 40, format="evening", months=24, seed=6, follow_up=0.6)
    assert base.params["follow_up"] == 0.15 and often.params["follow_up"] == 0.6
    # Same guests and the same ties made: only what happens afterwards differs.
    assert base.new_ties[["person", "other", "kind"]].equals(often.new_ties[["person", "other",
                                                                           "kind"]])
    ev = lambda r: r.new_ties[r.new_ties["kind"] == "event"]  # noqa: E731
    assert ev(often)["follow_ups"].mean() > 2 * ev(base)["follow_ups"].mean()
    never = networking_event(G, 40, format="evening", months=24, seed=6, follow_up=0)
    assert (ev(never)["follow_ups"] == 0).all() and not ev(never)["relation"].any()


def test_relations_follow_the_relation_rule(G):
    r = networking_event(G, 60, format="neighbourhood", months=30, seed=5)
    rel = r.new_ties[r.new_ties["relation"]]
    assert len(rel) > 0
    assert (rel["kind"] == "event").all()
    assert (30 - rel["session"] + 1 >= 24).all()  # two years at least
    short = networking_event(G, 60, format="neighbourhood", months=12, seed=5)
    assert not short.new_ties["relation"].any()  # nobody is a relation within a year


# --------------------------------------------------------------------------
# Determinism and the input graph

def test_same_seed_same_result(G, helpers):
    a = networking_event(G, 40, format="evening", seed="s")
    b = networking_event(G, 40, format="evening", seed="s")
    helpers.assert_same_result(a, b)


def test_different_seed_different_result(G, helpers):
    a = networking_event(G, 40, seed=1)
    b = networking_event(G, 40, seed=2)
    assert helpers.results_differ(a, b)


@pytest.mark.parametrize("fmt", FORMATS)
def test_input_graph_unchanged(small, helpers, fmt):
    helpers.assert_unchanged(small, lambda g: networking_event(g, 30, format=fmt, seed=1))


# --------------------------------------------------------------------------
# Literature

@pytest.mark.parametrize("fmt", ["evening", "breakfast"])
def test_events_create_ties_across_worlds(populations, fmt):
    """Feld (1981) and McPherson et al. (2001): people's own circles are
    homophilous because their contexts are; an event that seats people at
    random creates weak ties across sector, region and generation far more
    often than their existing ties do (the BRIEF's improbable encounter)."""
    for s, P in enumerate(populations):
        c = networking_event(P, 60, format=fmt, seed=s).crossing.pivot(
            index="attribute", columns="ties", values="share")
        for a in ("sector", "region", "generation"):
            assert c.loc[a, "event"] > c.loc[a, "existing"] + 0.05, (a, c.loc[a].to_dict())


def test_neighbourhood_mixes_trades_and_ages(populations):
    """Neighbourhood poles gather professionals of one district: they cross
    sectors and generations, not regions."""
    for s, P in enumerate(populations):
        c = networking_event(P, 60, format="neighbourhood", seed=s).crossing.pivot(
            index="attribute", columns="ties", values="share")
        assert c.loc["sector", "event"] > c.loc["sector", "existing"] + 0.05
        assert c.loc["generation", "event"] > c.loc["generation", "existing"]
        assert c.loc["region", "event"] == 0


@pytest.mark.parametrize("fmt", FORMATS)
def test_in_person_follow_ups_grow_strength_online_ties_stay_weak(populations, fmt):
    """Granovetter (1973): strength grows with time, intimacy and reciprocal
    services; the BRIEF (theme 5): value crystallises through real presence.
    Event ties followed up in person end stronger than they started and than
    online-only ties; online-only ties stay weak."""
    for s, P in enumerate(populations):
        r = networking_event(P, 60, format=fmt, months=24, seed=s)
        st = r.strength
        start = st.groupby("tie")["strength"].first()
        end = st.groupby("tie")["strength"].last()
        t = r.new_ties.set_index("tie")
        followed = t.index[(t["kind"] == "event") & (t["follow_ups"] >= 2)]
        online = t.index[t["kind"] == "online"]
        assert len(followed) > 10 and len(online) > 10
        assert (end[followed] - start[followed]).mean() > 0.1
        assert end[followed].mean() > end[online].mean() + 0.1
        assert end[online].max() < ties.STRONG_THRESHOLD
        assert end[online].mean() < 0.15


def test_formats_assumed_easier_to_renew_build_more_relations(populations):
    """With the formats' assumed chances of meeting again (evening 0.15,
    breakfast 0.30, neighbourhood 0.40), ties made at a breakfast or in the
    neighbourhood turn into relations more often than ties made at a large
    evening. This follows from those chances, an assumption of the model."""
    for s, P in enumerate(populations):
        share = {f: networking_event(P, 60, format=f, months=30, seed=s).new_ties.query(
            "kind == 'event'")["relation"].mean() for f in FORMATS}
        assert share["evening"] < share["breakfast"] < share["neighbourhood"]


def test_with_the_same_chance_of_meeting_again_formats_differ_only_by_contacts(populations):
    """The advantage of the neighbourhood format is the assumption: with the
    same chance of meeting again for every format, a tie made at any of them
    becomes a relation about equally often, and the evening, which makes
    the most contacts, makes the most relations."""
    for s, P in enumerate(populations):
        runs = {f: networking_event(P, 60, format=f, months=30, seed=s, follow_up=0.35)
                for f in FORMATS}
        ev = {f: r.new_ties[r.new_ties["kind"] == "event"] for f, r in runs.items()}
        share = {f: e["relation"].mean() for f, e in ev.items()}
        assert max(share.values()) - min(share.values()) < 0.06, share
        relations = {f: int(e["relation"].sum()) for f, e in ev.items()}
        assert max(relations, key=relations.get) == "evening", relations


# --------------------------------------------------------------------------
# Bad input

def test_unknown_attendee(small):
    with pytest.raises(nx.NodeNotFound, match="attendee 5000 is not a person"):
        networking_event(small, [1, 2, 5000], seed=1)


def test_empty_attendees(small):
    with pytest.raises(ValueError, match="attendees is empty"):
        networking_event(small, [], seed=1)


def test_one_attendee(small):
    with pytest.raises(ValueError, match="at least two people"):
        networking_event(small, [1], seed=1)


def test_wrong_format_lists_allowed(small):
    with pytest.raises(ValueError, match="'evening', 'breakfast', 'neighbourhood'"):
        networking_event(small, 20, format="lunch", seed=1)


@pytest.mark.parametrize("kwargs", [{"rounds": 0}, {"months": 2, "rounds": 6},
                                    {"online": -1}])
def test_bad_parameters(small, kwargs):
    with pytest.raises(ValueError):
        networking_event(small, 20, seed=1, **kwargs)


def test_unknown_district_names_the_fix(small):
    with pytest.raises(ValueError, match="nobody in this population lives in 'Paris 21e'"):
        networking_event(small, 20, districts=["Paris 21e"], seed=1)


def test_districts_with_a_list_of_attendees(small):
    with pytest.raises(ValueError, match="attendees is already a list"):
        networking_event(small, [1, 2, 3], districts=["Paris 11e"], seed=1)


def test_follow_up_out_of_range(small):
    with pytest.raises(ValueError, match="follow_up"):
        networking_event(small, 20, follow_up=1.5, seed=1)


def test_too_many_invited(small):
    with pytest.raises(ValueError, match="attendees must be between 2 and 300"):
        networking_event(small, 301, seed=1)


# --------------------------------------------------------------------------
# Presentation

@pytest.mark.parametrize("kind", ["strength", "crossing"])
def test_plot(G, helpers, kind):
    r = networking_event(G, 40, seed=1)
    helpers.assert_axes(r.plot(kind=kind))


def test_summary(G):
    text = repr(networking_event(G, 40, seed=1))
    assert "ties made at the event" in text and "ties across sector" in text


def test_docstring_speaks_plainly_and_cites_sources():
    """The docstring opens with a paragraph a job seeker can follow, then the
    model, parameters, sources and a runnable example."""
    from weakties.scenarios import networking_event as fn
    parts = fn.__doc__.split("\n\n")
    assert parts[1].strip().startswith("In plain words:")
    for section in ("Parameters", "Returns", "References", "Examples"):
        assert f"\n    {section}\n    ---" in fn.__doc__
