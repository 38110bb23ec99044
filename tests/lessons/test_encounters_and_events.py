"""weakties.lessons.encounters_and_events (lesson 05): guests, formats, the pole, explorers, claims."""

import matplotlib
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

import weakties  # noqa: E402
from weakties.lessons import claims_of  # noqa: E402
from weakties.lessons import encounters_and_events as ee  # noqa: E402
from weakties.scenarios.networking_event import FORMATS, POLE_DISTRICTS  # noqa: E402


@pytest.fixture(scope="module")
def G():
    return weakties.population(2000, seed=7)


def test_format_table_states_each_formats_assumed_chance():
    table = ee.format_table(lang="en")
    assert list(table.index) == ["evening", "breakfast", "neighbourhood"]
    for fmt in table.index:
        row = table.loc[fmt]
        assert row["people per table"] == FORMATS[fmt]["table"]
        assert row["chance of meeting again each month"] == FORMATS[fmt]["follow_up"]


def test_improbable_guests_are_a_musician_bankers_and_designers_of_ile_de_france(G):
    musician, guests = ee.improbable_guests(G)
    assert guests[0] == musician and len(set(guests)) == len(guests)
    assert G.nodes[musician]["occupation"] == "musician"
    assert all(G.nodes[p]["region"] == "Île-de-France" for p in guests)
    others = [G.nodes[p] for p in guests[1:]]
    assert all(p["sector"] == "Finance" or p["occupation"] in ("UX designer", "graphic designer")
               for p in others)
    assert sum(p["sector"] == "Finance" for p in others) == 20


def test_improbable_guests_without_a_musician_say_what_to_do():
    H = weakties.population(60, seed=1)
    for p in H:
        H.nodes[p]["occupation"] = "teacher"
    with pytest.raises(ValueError, match="nobody in Île-de-France is a musician"):
        ee.improbable_guests(H)


def test_jazz_evening_reports_whom_the_musician_met(G, capsys):
    result = ee.jazz_evening(G, lang="en")
    out = capsys.readouterr().out
    musician, guests = ee.improbable_guests(G)
    t = result.new_ties
    met = t[(t["kind"] == "event") & ((t["person"] == musician) | (t["other"] == musician))]
    assert f"Guests: {len(guests)}." in out
    assert f"met {len(met)} people at the evenings" in out
    assert set(t.loc[t["kind"] == "event", "person"]) <= set(guests)


def test_show_who_met_draws_every_guest_who_met_someone(G, capsys):
    result = ee.jazz_evening(G, lang="en")
    fig = ee.show_who_met(G, result, lang="en")
    ev = result.new_ties[result.new_ties["kind"] == "event"]
    from matplotlib.collections import PathCollection

    drawn = sum(len(c.get_offsets()) for c in fig.axes[0].collections
                if isinstance(c, PathCollection))
    assert drawn == len(set(ev["person"]) | set(ev["other"]))
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert any(label.startswith("the musician,") for label in labels)
    plt.close(fig)


def test_pole_table_counts_residents_and_guests_of_each_district(G):
    table = ee.pole_table(G, lang="en")
    assert list(table.index[:-1]) == list(POLE_DISTRICTS)
    for d in POLE_DISTRICTS:
        assert table.loc[d, "people who live there"] == sum(
            1 for p in G if G.nodes[p]["district"] == d)
        assert table.loc[d, "guests"] <= table.loc[d, "people who live there"]
    assert table["guests"].iloc[-1] == min(ee.GUESTS, table.iloc[-1, 0])


def test_compare_formats_runs_each_format_on_the_same_footing(G):
    results = ee.compare_formats(G)
    assert list(results) == ["evening", "breakfast", "neighbourhood"]
    for fmt, r in results.items():
        assert (r.params["rounds"], r.params["months"], r.params["seed"]) == (
            ee.SESSIONS, ee.MONTHS, ee.SEED)
        assert r.params["follow_up"] == FORMATS[fmt]["follow_up"]
    same = ee.compare_formats(G, 0.25)
    assert all(r.params["follow_up"] == 0.25 for r in same.values())
    assert ee.compare_formats(G) is results  # kept, not run again


def test_per_attendee_counts_per_guest(G):
    r = ee.compare_formats(G)["breakfast"]
    t = r.new_ties
    n = r.params["attendees"]
    met, relations, online, online_relations = ee.per_attendee(r)
    assert met * n == pytest.approx((t["kind"] == "event").sum())
    assert relations * n == pytest.approx(((t["kind"] == "event") & t["relation"]).sum())
    assert online * n == pytest.approx((t["kind"] == "online").sum())
    assert online_relations * n == pytest.approx(((t["kind"] == "online") & t["relation"]).sum())


def test_relations_by_chance_rise_with_the_chance_of_meeting_again(G):
    low, high = ee.relations_by_chance(G, 0.2), ee.relations_by_chance(G, 0.5)
    assert all(high[f] > low[f] for f in low)
    assert set(ee.relations_by_chance(G, 0.0).values()) == {0.0}


def test_prediction_answer_is_the_format_with_most_relations(G):
    index, fig, description = ee.PREDICTIONS["format"].run(G, lang="en")
    relations = {f: ee.per_attendee(r)[1] for f, r in ee.compare_formats(G).items()}
    assert ee.PREDICTIONS["format"].choices[index] == max(relations, key=relations.get)
    assert description.startswith("A bar chart")
    assert fig.axes[0].get_title() and fig.axes[0].get_legend() is not None
    plt.close(fig)


def test_the_assumption_explorer_redraws_for_every_chance(G):
    ex = ee.explore_follow_up(G, lang="en")
    titles = {}
    for value in [v for _, v in ex.controls["chance"].options]:
        ex.set(chance=value)
        assert ex.last_error is None
        titles[value] = ex.last_result.axes[0].get_title()
        plt.close(ex.last_result)
    assert titles[-1.0] == "Most relations: the neighbourhood"
    assert titles[0.4] == "Most relations: the evening"
    assert ex.poke() == []


def test_the_series_explorer_follows_its_controls(G):
    ex = ee.explore_series(G, lang="en")
    ex.set(fmt="evening", sessions=2, months=12)
    assert ex.last_error is None
    right = ex.last_result.axes[1]
    assert right.get_title() == "Per guest after 12 months"
    assert ex.poke() == []
    assert set(ee.EXPLORERS) == {"assumption", "explore"}


def test_every_claim_of_the_lesson_holds_on_its_population(G):
    f = ee.facts(G)
    failed = {name: c.verify(f) for name, c in claims_of(ee).items() if not c.verify(f)[0]}
    assert not failed


def test_a_claim_fails_when_the_result_changes():
    f = {"per": {"evening": [10, 3, 4, 0], "breakfast": [5, 0.4, 4, 0],
                 "neighbourhood": [6, 2, 4, 0]}}
    holds, detail = claims_of(ee)["evening_most_contacts_neighbourhood_most_relations"].verify(f)
    assert not holds and "most relations: evening" in detail
