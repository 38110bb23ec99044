"""weakties.lessons.job_search (lesson 07): strategies, inverted U, experiment, labour market, claims."""

import matplotlib
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

import weakties  # noqa: E402
from weakties.lessons import claims_of  # noqa: E402
from weakties.lessons import job_search as js  # noqa: E402
from weakties.scenarios.job_search import GRANOVETTER_BANDS  # noqa: E402


@pytest.fixture(scope="module")
def G():
    return weakties.population(2000, seed=7)


@pytest.fixture(scope="module")
def small():
    return weakties.population(600, seed=4)


def test_search_runs_everyone_and_is_kept(small):
    r = js.search(small, "weak", asks=3)
    assert len(r.seekers) == small.number_of_nodes()
    assert (r.params["strategy"], r.params["asks"], r.params["seed"]) == ("weak", 3, js.SEED)
    assert js.search(small, "weak", asks=3) is r
    assert js.search(small, "weak", asks=4) is not r


def test_strategy_prediction_names_the_strategy_with_most_hires(small):
    index, fig, description = js.PREDICTIONS["strategy"].run(small, lang="en")
    hired = {s: js.search(small, s).seekers["hired"].mean() for s in js.STRATEGY_ORDER}
    assert js.STRATEGY_ORDER[index] == max(hired, key=hired.get)
    lines = fig.axes[0].get_lines()
    assert len(lines) == 4
    # Each line ends at the share hired within the year, in percent.
    ends = sorted(round(line.get_ydata()[-1], 6) for line in lines)
    assert ends == sorted(round(100 * h, 6) for h in hired.values())
    assert "After twelve months" in description
    plt.close(fig)


def test_inverted_u_picture_draws_the_simulations_curves(small):
    fig = js.show_inverted_u(small, lang="en")
    t = js.search(small).leads_per_tie()
    left, right = fig.axes
    assert list(left.get_lines()[0].get_ydata()) == pytest.approx(list(t["leads_per_tie"] * 100))
    assert list(right.get_lines()[0].get_ydata()) == pytest.approx(list(t["new_share"] * 100),
                                                                    nan_ok=True)
    assert left.get_ylim()[0] == 0
    plt.close(fig)


def test_intensity_table_counts_asked_leads_by_band(small):
    table = js.intensity_table(small, lang="en")
    per = js.search(small).per_request("frequency_band")
    assert list(table["requests"]) == list(per["asks"])
    assert list(table["leads per 100 requests"]) == pytest.approx(
        list((per["leads_per_request"] * 100).round(2)))


def test_bands_picture_sets_the_simulation_next_to_granovetter(small):
    fig = js.show_bands(small, lang="en")
    bars = fig.axes[0].patches
    granovetter = [b.get_height() for b in bars[3:]]
    assert granovetter == pytest.approx([100 * GRANOVETTER_BANDS[b] for b in
                                         ("often", "occasionally", "rarely")])
    plt.close(fig)


def test_one_and_all_compares_per_tie_and_in_total(small):
    fig = js.show_one_and_all(small, lang="en")
    t = js.search(small).by_strength().set_index("tie")
    left, right = fig.axes
    assert [b.get_height() for b in left.patches] == pytest.approx(
        [1000 * t.loc["weak", "hires_per_tie"], 1000 * t.loc["strong", "hires_per_tie"]])
    assert sum(b.get_height() for b in right.patches) == pytest.approx(100)
    plt.close(fig)


def test_experiment_prediction_reads_both_estimates(small):
    index, fig, description = js.PREDICTIONS["experiment"].run(small, lang="en")
    e = js.experiment(small).estimates.set_index("kind")
    expected = {("strong ties", "strong ties"): 0, ("weak ties", "weak ties"): 1,
                ("strong ties", "weak ties"): 2, ("weak ties", "strong ties"): 3}.get(
        (e.loc["correlational", "favours"], e.loc["randomised", "favours"]), 3)
    assert index == expected
    assert f"{e.loc['randomised', 'estimate']:.2f} times as useful" in description
    plt.close(fig)


def test_market_picture_and_explorers_respond(small):
    fig = js.show_market(small, lang="en")
    r = js.market(small)
    bars = fig.axes[1].patches
    c = r.contacts.set_index("status")["contacts_unemployed"]
    assert [b.get_height() for b in bars] == pytest.approx([100 * c["unemployed"],
                                                            100 * c["employed"]])
    plt.close(fig)
    for make in js.EXPLORERS.values():
        ex = make(small, lang="en")
        assert ex.last_error is None
        assert ex.poke() == []


def _png(fig):
    import io

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=40)
    buffer.seek(0)
    return plt.imread(buffer)


def test_trades_and_labour_explorers_show_the_pictures_drawn_when_made(small):
    import numpy as np

    before = set(plt.get_fignums())
    trades = js.explore_trades(small, lang="en")
    labour = js.explore_labour_market(small, lang="en")
    assert set(plt.get_fignums()) == before  # drawn ahead, closed for pyplot
    trades.set(how_digital=0.9)
    shown = trades.last_result
    assert trades.func(how_digital=0.9, recommendation=0.5) is shown  # kept, not drawn again
    fresh = js._experiment_bars(js.experiment(small, 0.9, 0.5), "en", shown.axes[1].get_title())
    assert "times as many jobs" in shown.axes[1].get_title()
    assert np.array_equal(_png(fresh), _png(shown))
    labour.set(openings=0.08)
    fresh = js._market_picture(js.market(small, 1.0, 0.08), "en")
    assert np.array_equal(_png(fresh), _png(labour.last_result))
    plt.close("all")


def test_change_of_sector_explorer_draws_three_strategies(small):
    ex = js.explore_change_of_sector(small, lang="en")
    ex.set(target="Digital", view="mutual")
    assert ex.last_error is None
    assert len(ex.last_result.axes[0].get_lines()) == 3
    assert js.search(small, "targeted", "Digital").params["target"] == "Digital"


@pytest.mark.parametrize("target, asks", [("Digital", 5), ("", 2), ("Health", 7)])
def test_change_of_sector_explorer_draws_what_each_search_gives(small, target, asks):
    """Computed ahead (one control moved) or at the move (two), the lines are the searches'."""
    ex = js.explore_change_of_sector(small, lang="en")
    ex.set(target=target, asks=asks, view="hires")
    results = [js.search(small, s, target or None, asks) for s in ("strong", "weak", "targeted")]
    hires = ex.last_result.axes[0].get_lines()
    for line, r in zip(hires, results):
        assert list(line.get_ydata()) == list(js._hired_by_month(r) * 100)
    ex.set(view="mutual")
    for line, r in zip(ex.last_result.axes[0].get_lines(), results):
        t = r.leads_per_tie()
        assert list(line.get_xdata()) == list(t["mutual"])
        assert list(line.get_ydata()) == list(t["leads_per_tie"] * 100)
    assert [ln.get_label() for ln in hires] == [
        "strong ties only", "weak ties only", "weak ties chosen for the target job"]


def test_every_claim_of_the_lesson_holds_on_its_population(G):
    f = js.facts(G)
    failed = {name: c.verify(f) for name, c in claims_of(js).items() if not c.verify(f)[0]}
    assert not failed


def test_the_experiment_claim_fails_when_both_estimates_agree():
    f = {"estimates": {"correlational": {"favours": "weak ties"},
                       "randomised": {"favours": "weak ties"}}}
    holds, _ = claims_of(js)["estimates_point_different_ways"].verify(f)
    assert not holds
