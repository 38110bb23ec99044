"""weakties.lessons.e_reputation (lesson 09): drawings, tables, Explorers and predictions."""

import matplotlib
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

import weakties  # noqa: E402
from weakties import ties  # noqa: E402
from weakties.lessons import e_reputation as er  # noqa: E402
from weakties.scenarios import cascade  # noqa: E402
from weakties.scenarios.cascade import bad_news_sweep  # noqa: E402


@pytest.fixture(scope="module")
def G():
    return weakties.population(800, seed=5)


@pytest.fixture(scope="module")
def influencers(G):
    return cascade(G, "influencers", seed=er.SEED, runs=4)


def test_show_spread_draws_one_distinct_curve_per_result(G, influencers):
    other = cascade(G, "random", seed=er.SEED, runs=4)
    before = plt.get_fignums()
    fig = er.show_spread([influencers, other], lang="en")
    assert plt.get_fignums() == before
    lines = fig.axes[0].lines
    assert len(lines) == 2
    assert lines[0].get_marker() != lines[1].get_marker()
    assert lines[0].get_linestyle() != lines[1].get_linestyle()
    assert list(lines[0].get_ydata() / 100) == pytest.approx(list(influencers.mean_curve()))


def test_show_one_cascade_draws_everyone_reached_in_the_run(G, influencers):
    fig = er.show_one_cascade(G, influencers, run=1, lang="en")
    reached = influencers.reached[influencers.reached["run"] == 1]
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    counts = {text.rsplit(" (", 1)[0]: int(text.rsplit("(", 1)[1].rstrip(")"))
              for text in legend[:-1]}
    assert counts.get("a weak tie", 0) == (reached["tie"] == "weak").sum()
    assert counts.get("a strong tie", 0) == (reached["tie"] == "strong").sum()
    assert legend[-1] == "influencer (seed)"


def test_tie_shares_prints_the_weak_share_and_names_the_columns(G, influencers, capsys):
    table = er.tie_shares(G, influencers, lang="en")
    kinds = list(ties.classify(G).values())
    weak = kinds.count("weak") / len(kinds)
    assert capsys.readouterr().out.strip() == f"Weak ties: {round(100 * weak)}% of all ties"
    assert list(table["heard through"]) == ["a weak tie", "a strong tie"]
    assert table["people"].sum() == (influencers.reached["tie"] != "seed").sum()


def test_weight_explorer_draws_the_sweep_and_marks_the_chosen_weight(G):
    show = er.weight_explorer_callback(G, lang="en")
    sweep = bad_news_sweep(G, er.WEIGHTS, seed=er.SEED).set_index("value")
    fig = show(weight=1.1)
    ax = fig.axes[0]
    curve, marker = ax.lines[0], ax.lines[-1]
    assert list(curve.get_ydata()) == pytest.approx(list(sweep["negative"]))
    assert list(marker.get_xdata()) == [1.1]
    assert list(marker.get_ydata()) == pytest.approx([sweep.loc[1.1, "negative"]])
    assert ax.get_title().startswith("Weight 1.10: bad news reaches ")
    assert show(weight=1.09).axes[0].lines[-1].get_xdata()[0] == 1.1  # the nearest weight


def test_spread_explorer_gives_the_final_reach(G):
    show = er.spread_explorer_callback(G, lang="en")
    fig = show("independent", "positive", "random", 5, 0.05)
    reach = cascade(G, "random", k=5, probability=0.05, seed=er.SEED).final_reach
    assert fig.axes[0].get_title() == f"Final reach: {100 * reach:.1f}% of the population"


@pytest.mark.parametrize("make", [er.explore_bad_news, er.explore_spread])
def test_explorers_move_every_control(G, make):
    assert make(G, lang="en").poke() == []


def test_influencers_prediction_follows_the_simulation(G):
    index, fig, description = er.PREDICTIONS["influencers"].run(G, lang="en")
    ratio = (cascade(G, "influencers", seed=er.SEED).final_reach
             / cascade(G, "random", seed=er.SEED).final_reach)
    assert index == (0 if ratio < 1.1 else 1 if ratio < 2 else 2)
    assert f"{ratio:.1f} times as large" in description
    plt.close(fig)


def test_bad_news_prediction_follows_the_simulation(G):
    index, fig, description = er.PREDICTIONS["bad-news"].run(G, lang="en")
    good, bad = (cascade(G, "influencers", model="threshold", valence=v, seed=er.SEED).final_reach
                 for v in ("positive", "negative"))
    assert index == (0 if bad / good < 1.5 else 1 if bad / good <= 3 else 2)
    assert "weighs 1.2 times as much" in description
    plt.close(fig)
