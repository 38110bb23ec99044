"""Lesson 09, e-reputation and influence: how word of mouth spreads, and what the model assumes.

The functions the lesson's cells call, its quizzes and predictions, the
facts its text quotes and the claims its text makes
(``course/sources/en/09-e-reputation.md``). The simulation is
:func:`weakties.scenarios.cascade`; whether bad news goes further or less
far than good news is one of its assumptions (:func:`bad_news_sweep` lets
the learner vary it), not one of its results.

References
----------
.. [1] Kempe, D., Kleinberg, J., Tardos, É. (2003). Maximizing the spread of
   influence through a social network. *Proceedings of KDD 2003*, 137-146.
.. [2] Granovetter, M. (1978). Threshold models of collective behavior.
   *American Journal of Sociology* 83(6), 1420-1443.
.. [3] East, R., Hammond, K., Wright, M. (2007). The relative incidence of
   positive and negative word of mouth: a multi-category study.
   *International Journal of Research in Marketing* 24(2), 175-184.
.. [4] Baumeister, R. F., Bratslavsky, E., Finkenauer, C., Vohs, K. D.
   (2001). Bad is stronger than good. *Review of General Psychology* 5(4),
   323-370.
.. [5] Bakshy, E., Rosenn, I., Marlow, C., Adamic, L. (2012). The role of
   social networks in information diffusion. *Proceedings of WWW 2012*,
   519-528.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import numpy as np

from .. import ties as _ties
from ..i18n import N_, decimal, gettext, language, number, percent
from ..scenarios.cascade import NEGATIVE_PASS, NEGATIVE_WEIGHT, bad_news_sweep, cascade
from ._core import Lesson, PredictionData, QuizData, claim

# ``cascade`` is imported by the lesson's setup cell from here too.
__all__ = ["LESSON", "QUIZZES", "PREDICTIONS", "SEED", "WEIGHTS", "cascade", "show_spread",
           "show_one_cascade", "tie_shares", "weight_explorer_callback", "explore_bad_news",
           "spread_explorer_callback", "explore_spread", "facts"]

LESSON = Lesson("09", "e-reputation", population=(2000, 7))

#: The seed of the lesson's simulations (the same as its population's).
SEED = 7
#: The weights of bad news the lesson's Explorer offers (threshold model).
WEIGHTS = tuple(round(1.0 + 0.025 * i, 3) for i in range(13))   # 1.0 to 1.3
#: The chances of passing the message on where the lesson looks for a jump.
PROBABILITIES = (0.02, 0.03, 0.04, 0.05, 0.06, 0.08)


def show_spread(results, lang=None, title=None):
    """Draw several cascades step by step on one picture, each with its own colour, marker and line.

    Parameters
    ----------
    results : sequence of weakties.scenarios.cascade.CascadeResult
    lang : str, optional
    title : str, optional

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import weakties
    >>> G = weakties.population(300, seed=1)
    >>> runs = [cascade(G, "influencers", seed=1, runs=2), cascade(G, "random", seed=1, runs=2)]
    >>> fig = show_spread(runs, lang="en")
    >>> [t.get_text() for t in fig.axes[0].get_legend().get_texts()]  # doctest: +NORMALIZE_WHITESPACE
    ['positive message, independent cascade, seeds: influencers',
     'positive message, independent cascade, seeds: chosen at random']
    """
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 4.5))
    for i, result in enumerate(results):
        result.plot(ax=ax, lang=lang, index=2 * i, title=title)
    plt.close(fig)
    return fig


def show_one_cascade(G, result, run=0, lang=None):
    """Draw one run of a cascade: who heard the message from whom, and through which kind of tie.

    Each person reached is linked to the person who told them; the seeds
    are black stars; everyone else is coloured and shaped by the kind of
    tie that brought them the message (strong or weak), and lines are
    thicker for stronger ties (:func:`weakties.plotting.draw_network`).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import weakties
    >>> G = weakties.population(300, seed=1)
    >>> fig = show_one_cascade(G, cascade(G, "influencers", seed=1, runs=1), lang="en")
    >>> fig.axes[0].get_title()
    'One cascade: who heard the message from whom'
    """
    import matplotlib.pyplot as plt
    import networkx as nx

    from ..plotting import draw_network

    t = lambda text: gettext(text, lang)  # noqa: E731
    kinds = {"seed": t(N_("seed")), "strong": t(N_("a strong tie")), "weak": t(N_("a weak tie"))}
    rows = result.reached[result.reached["run"] == run]
    tree = nx.Graph()
    for row in rows.itertuples():
        tree.add_node(row.person, heard=kinds[row.tie])
        if row.tie != "seed":
            tree.add_edge(row.via, row.person, strength=row.strength)
    seeds = list(rows.loc[rows["tie"] == "seed", "person"])
    ax = draw_network(tree, color_by="heard", highlight=seeds, seed=SEED,
                      title=t(N_("One cascade: who heard the message from whom")))
    ax.get_legend().set_title(t(N_("heard it through")))
    ax.get_legend().get_texts()[-1].set_text(t(N_("influencer (seed)")))
    plt.close(ax.figure)
    return ax.figure


def tie_shares(G, result, lang=None):
    """Print the share of all ties that are weak, and who heard the message through which tie.

    Returns
    -------
    pandas.DataFrame
        :meth:`~weakties.scenarios.cascade.CascadeResult.by_tie` with its
        columns named for the learner: the kind of tie, the people reached
        through it over all runs, and their share.

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(300, seed=1)
    >>> table = tie_shares(G, cascade(G, "influencers", seed=1, runs=2), lang="en")
    ... # doctest: +ELLIPSIS
    Weak ties: ...% of all ties
    >>> list(table.columns)
    ['heard through', 'people', 'share']
    """
    t = lambda text: gettext(text, lang)  # noqa: E731
    print(t(N_("Weak ties: {share} of all ties")).format(
        share=percent(_weak_share(G), lang=lang)))
    table = result.by_tie()
    table["tie"] = [t(N_("a weak tie")) if k == "weak" else t(N_("a strong tie"))
                    for k in table["tie"]]
    table["share"] = table["share"].round(2)
    if (language() if lang is None else lang) != "en":  # numbers as the language writes them
        table["share"] = [decimal(x, 2, lang) for x in table["share"]]
    return table.rename(columns={"tie": t(N_("heard through")), "people": t(N_("people")),
                                 "share": t(N_("share"))})


def _weak_share(G):
    kinds = Counter(_ties.classify(G).values())
    return kinds["weak"] / sum(kinds.values())


def weight_explorer_callback(G, lang=None):
    """The function of the Explorer on the weight of bad news: ``callback(weight)`` draws.

    The reach of good and bad news in the threshold model, from the ten
    influencers, is computed once for every weight of :data:`WEIGHTS`
    (:func:`weakties.scenarios.cascade.bad_news_sweep`); moving the slider
    only draws: the reach of bad news against its weight (a solid line with squares),
    the reach of good news (a dashed line, the same for every weight), and
    the chosen weight (a large marker), with the reach there in the title.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import weakties
    >>> show = weight_explorer_callback(weakties.population(300, seed=1), lang="en")
    >>> fig = show(weight=1.0)
    >>> fig.axes[0].get_title().startswith("Weight 1.00: bad news reaches")
    True
    """
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    from ..plotting import PALETTE, percent_axis

    table = bad_news_sweep(G, WEIGHTS, seed=SEED).set_index("value")
    t = lambda text: gettext(text, lang)  # noqa: E731

    def show(weight):
        weight = min(WEIGHTS, key=lambda w: abs(w - weight))
        bad, good = table.loc[weight, "negative"], table.loc[weight, "positive"]
        fig, ax = plt.subplots(figsize=(8, 4.5))
        ax.plot(table.index, table["negative"], label=t(N_("bad news")), color=PALETTE[4],
                marker="s", ls="-")
        ax.axhline(good, color="black", ls="--", lw=1.5, label=t(N_("good news")))
        ax.plot([weight], [bad], marker="o", ms=14, color="black", ls="none", mfc="none",
                mew=2, label=t(N_("the weight you chose")))
        ax.set_ylim(0, 1.05)
        percent_axis(ax.yaxis, lang=lang)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: decimal(x, 2, lang)))
        ax.legend(frameon=False, loc="center right")
        ax.set_title(t(N_("Weight {weight}: bad news reaches {bad}, good news {good}")).format(
            weight=decimal(weight, 2, lang), bad=percent(bad, 1, lang),
            good=percent(good, 1, lang)))
        ax.set_xlabel(t(N_("how many times as much a bad message weighs (the model's "
                           "assumption)")))
        ax.set_ylabel(t(N_("share of the population reached")))
        ax.spines[["top", "right"]].set_visible(False)
        plt.close(fig)
        return fig

    return show


def explore_bad_news(G, lang=None):
    """An Explorer: one slider sets how much more bad news weighs; the picture shows its reach.

    Returns
    -------
    weakties.widgets.Explorer
    """
    import ipywidgets as widgets

    from ..widgets import Explorer

    t = lambda text: gettext(text, lang)  # noqa: E731
    return Explorer(
        weight_explorer_callback(G, lang),
        title=t(N_("Set how much more bad news weighs than good news (1: the same).")),
        weight=widgets.FloatSlider(value=NEGATIVE_WEIGHT, min=WEIGHTS[0], max=WEIGHTS[-1],
                                   step=0.025, readout_format=".3f",
                                   description=t(N_("weight of bad news"))))


def spread_explorer_callback(G, lang=None):
    """The function of the Explorer on models and seeds: ``callback(model, valence, seeds, k,
    probability)`` runs :func:`weakties.scenarios.cascade` (each combination once, then kept)
    and draws the share reached step by step, with the final reach in the title.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import weakties
    >>> show = spread_explorer_callback(weakties.population(300, seed=1), lang="en")
    >>> fig = show("threshold", "negative", "influencers", 5, 0.035)
    >>> fig.axes[0].get_title().startswith("Final reach: ")
    True
    """
    import matplotlib.pyplot as plt

    t = lambda text: gettext(text, lang)  # noqa: E731

    @lru_cache(maxsize=128)
    def run(model, valence, seeds, k, probability):
        return cascade(G, seeds, k=k, model=model, valence=valence, probability=probability,
                       seed=SEED)

    def show(model, valence, seeds, k, probability):
        result = run(model, valence, seeds, int(k), round(float(probability), 3))
        fig, ax = plt.subplots(figsize=(8, 4.5))
        result.plot(ax=ax, lang=lang, title=t(N_("Final reach: {reach} of the population"))
                    .format(reach=percent(result.final_reach, 1, lang)))
        plt.close(fig)
        return fig

    return show


def explore_spread(G, lang=None):
    """An Explorer: model, good or bad news, seeds, how many, and the chance of passing it on.

    Returns
    -------
    weakties.widgets.Explorer
    """
    import ipywidgets as widgets

    from ..widgets import Explorer

    t = lambda text: gettext(text, lang)  # noqa: E731
    return Explorer(
        spread_explorer_callback(G, lang), title=t(N_("How far does the message go?")),
        model=widgets.Dropdown(options=[(t(N_("independent cascade")), "independent"),
                                        (t(N_("linear threshold")), "threshold")],
                               description=t(N_("model"))),
        valence=widgets.Dropdown(options=[(t(N_("good news")), "positive"),
                                          (t(N_("bad news")), "negative")],
                                 description=t(N_("message"))),
        seeds=widgets.Dropdown(options=[(t(N_("influencers")), "influencers"),
                                        (t(N_("people chosen at random")), "random")],
                               description=t(N_("seeds"))),
        k=widgets.IntSlider(value=10, min=1, max=50, description=t(N_("how many seeds"))),
        probability=widgets.FloatSlider(value=0.035, min=0.01, max=0.08, step=0.005,
                                        readout_format=".3f",
                                        description=t(N_("chance of passing it on"))))


# --------------------------------------------------------------------------
# Predictions and quizzes

_FURTHER_CHOICES = (N_("About as far (less than 1.1 times)"),
                    N_("Somewhat further (1.1 to 2 times as far)"),
                    N_("More than twice as far"))


def _influencers_answer(G, lang=None):
    """What the simulation shows: the two cascades step by step."""
    t = lambda text: gettext(text, lang)  # noqa: E731
    inf, rnd = cascade(G, "influencers", seed=SEED), cascade(G, "random", seed=SEED)
    fig = show_spread([inf, rnd], lang=lang)
    ratio = inf.final_reach / rnd.final_reach
    index = 0 if ratio < 1.1 else 1 if ratio < 2 else 2
    description = t(N_(
        "A line chart with two curves. The horizontal axis is the step of the cascade (0 is "
        "the seeds); the vertical axis is the share of the population that has heard the "
        "message, on average over ten runs. The curve for the influencers (circles, solid "
        "line) rises to {inf}; the curve for people chosen at random (triangles, dotted line) "
        "to {rnd}. The one thing to notice: the influencers give the message a wider start "
        "and a final reach {ratio} times as large, in this simulated population.")).format(
        inf=percent(inf.final_reach, 1, lang), rnd=percent(rnd.final_reach, 1, lang),
        ratio=decimal(ratio, 1, lang))
    return index, fig, description


def _bad_news_answer(G, lang=None):
    """What the simulation shows: good and bad news in the threshold model, step by step."""
    t = lambda text: gettext(text, lang)  # noqa: E731
    good = cascade(G, "influencers", model="threshold", valence="positive", seed=SEED)
    bad = cascade(G, "influencers", model="threshold", valence="negative", seed=SEED)
    fig = show_spread([good, bad], lang=lang)
    ratio = bad.final_reach / good.final_reach
    index = 0 if ratio < 1.5 else 1 if ratio <= 3 else 2
    description = t(N_(
        "A line chart with two curves, in the linear threshold model, from the same ten "
        "influencers: good news (circles, solid line) rises to {good} of the population; bad "
        "news (triangles, dotted line) to {bad}, {ratio} times as far. The one thing to notice: "
        "the only difference between the two runs is the model's assumption that bad news "
        "weighs {weight} times as much.")).format(
        good=percent(good.final_reach, 1, lang), bad=percent(bad.final_reach, 1, lang),
        ratio=decimal(ratio, 1, lang), weight=decimal(NEGATIVE_WEIGHT, 1, lang))
    return index, fig, description


PREDICTIONS = {
    "influencers": PredictionData(
        question=N_("Ten influencers, or ten people chosen at random, start the same positive "
                    "message. How far does it go when the influencers start it?"),
        choices=_FURTHER_CHOICES,
        run=_influencers_answer,
        explanation=N_("Influencers reach more people at the first step, so the cascade starts "
                       "wider. In this population nobody has hundreds of contacts, so their "
                       "advantage stays moderate."),
        claims=("influencers_reach_somewhat_further", "nobody_has_hundreds_of_contacts"),
    ),
    "bad-news": PredictionData(
        question=N_("In the linear threshold model, the course assumes that bad news weighs 1.2 "
                    "times as much as good news. Started by the same ten influencers, how far "
                    "does bad news go?"),
        choices=(N_("About as far as good news (less than 1.5 times)"),
                 N_("1.5 to 3 times as far"),
                 N_("More than 3 times as far")),
        run=_bad_news_answer,
        explanation=N_("A weight above 1 lets the pressure on a person add up to more than their "
                       "threshold, whatever it is: past a point, each person tipped adds enough "
                       "pressure to tip others. The next section lets you change the weight."),
        claims=("bad_news_goes_far_further_in_the_threshold_model",),
    ),
}

QUIZZES = {
    "independent": QuizData(
        question=N_("In the independent cascade model, what does a person do when they hear "
                    "the message?"),
        choices=(N_("They pass it to each contact once, with some chance"),
                 N_("They wait until enough of their contacts carry it"),
                 N_("They pass it to all their contacts for sure")),
        answer=N_("They pass it to each contact once, with some chance"),
        explanation=N_("Each tie gets one chance to carry the message (Kempe, Kleinberg and "
                       "Tardos 2003)."),
        hints={N_("They wait until enough of their contacts carry it"):
               N_("That describes how a person adopts the message in the linear threshold "
                  "model."),
               N_("They pass it to all their contacts for sure"):
               N_("Then every message would reach everyone connected; each pass happens only "
                  "with some chance.")}),
    "weak-ties": QuizData(
        question=N_("In this simulated population, through whom did most people who heard the "
                    "message hear it?"),
        choices=(N_("A close contact (a strong tie)"), N_("An influencer, directly"),
                 N_("An acquaintance (a weak tie)")),
        answer=N_("An acquaintance (a weak tie)"),
        explanation=N_("Weak ties are most of the ties. One by one, the model makes a strong tie "
                       "pass the message more readily; but there are far more weak ties "
                       "(Bakshy et al. 2012 found the same on Facebook)."),
        hints={N_("A close contact (a strong tie)"):
               N_("One by one, strong ties pass the message more readily; but count how many "
                  "ties are strong."),
               N_("An influencer, directly"):
               N_("Influencers reach only their own contacts directly; the cascade goes "
                  "further.")}),
    "assumption": QuizData(
        question=N_("In the linear threshold model of this lesson, bad news reaches far more "
                    "people than good news. What does that show?"),
        choices=(N_("That bad news always spreads further in real networks"),
                 N_("What follows from the model's assumption that bad news weighs more; with "
                    "a weight of 1 the two spread alike"),
                 N_("That influencers prefer bad news")),
        answer=N_("What follows from the model's assumption that bad news weighs more; with a "
                  "weight of 1 the two spread alike"),
        explanation=N_("The simulation does not discover that bad news weighs more: it assumes "
                       "it, with one number. What it shows is how much the reach depends on "
                       "that number."),
        hints={N_("That bad news always spreads further in real networks"):
               N_("Move the weight of bad news back to 1 in the Explorer: what happens?"),
               N_("That influencers prefer bad news"):
               N_("Both messages start from the same ten influencers.")}),
    "visible": QuizData(
        question=N_("Which post shows competence without ego?"),
        choices=(N_("A post announcing your new title, with a photo of you"),
                 N_("A short summary of what your team learned on a project, naming the people "
                    "who did the work"),
                 N_("A long reply proving a stranger wrong in a discussion group")),
        answer=N_("A short summary of what your team learned on a project, naming the people "
                  "who did the work"),
        explanation=N_("It shows what you can do and is useful to others, so people pass it on; "
                       "it credits your partners."),
        hints={N_("A post announcing your new title, with a photo of you"):
               N_("It tells people what you obtained, not what you can do for them."),
               N_("A long reply proving a stranger wrong in a discussion group"):
               N_("That is how a thread overflows into an unproductive debate.")}),
}


# --------------------------------------------------------------------------
# Facts and claims

def facts(G):
    """The numbers the text of lesson 09 quotes, computed on its population."""
    inf = cascade(G, "influencers", seed=SEED)
    rnd = cascade(G, "random", seed=SEED)
    by_tie = inf.by_tie().set_index("tie")["share"]
    run0 = inf.reached[inf.reached["run"] == 0]
    degrees = sorted((d for _, d in G.degree()), reverse=True)
    variants = {f"{m}_{v}": cascade(G, "influencers", model=m, valence=v, seed=SEED).final_reach
                for m in ("independent", "threshold") for v in ("positive", "negative")}
    sweep = bad_news_sweep(G, WEIGHTS, seed=SEED).set_index("value")
    tipped = [w for w in WEIGHTS if sweep.loc[w, "negative"] >= 0.5]
    jumps = {str(p): cascade(G, "influencers", probability=p, seed=SEED).final_reach
             for p in PROBABILITIES}
    return {
        "people": G.number_of_nodes(),
        "inf": inf.final_reach, "rnd": rnd.final_reach, "ratio": inf.final_reach / rnd.final_reach,
        "weak_ties": _weak_share(G),
        "via_weak": float(by_tie["weak"]), "via_strong": float(by_tie["strong"]),
        "run0": len(run0),
        "run0_weak": int((run0["tie"] == "weak").sum()),
        "run0_strong": int((run0["tie"] == "strong").sum()),
        "top_low": degrees[9], "top_high": degrees[0],
        "mean_degree": sum(degrees) / len(degrees),
        "variants": variants,
        "bad_ratio": variants["threshold_negative"] / variants["threshold_positive"],
        "negative_weight": NEGATIVE_WEIGHT, "negative_pass": NEGATIVE_PASS,
        "weights": {str(w): float(sweep.loc[w, "negative"]) for w in WEIGHTS},
        "good_threshold": float(sweep["positive"].iloc[0]),
        "equal_weight": float(sweep.loc[1.0, "negative"]),
        "tip_weight": tipped[0] if tipped else None,
        "small_weight": WEIGHTS[2], "small_weight_reach": float(sweep.loc[WEIGHTS[2], "negative"]),
        "jumps": jumps,
        "low_p": PROBABILITIES[1], "high_p": PROBABILITIES[-1],
        "low_p_reach": jumps[str(PROBABILITIES[1])], "high_p_reach": jumps[str(PROBABILITIES[-1])],
        "course_weight_reach": float(sweep.loc[NEGATIVE_WEIGHT, "negative"]),
    }


@claim("influencers reach somewhat further than people chosen at random (1.1 to 2 times)")
def influencers_reach_somewhat_further(f):
    return 1.1 <= f["ratio"] < 2, f"ratio {f['ratio']:.2f}"


@claim("nobody in this population has hundreds of contacts")
def nobody_has_hundreds_of_contacts(f):
    return f["top_high"] < 100, f"most ties {f['top_high']}"


@claim("most people hear the message through a weak tie")
def most_people_hear_through_weak_ties(f):
    return f["via_weak"] > 0.5, f"share through weak ties {f['via_weak']:.2f}"


@claim("one by one, strong ties carry more than their share: weak ties are a larger share of "
       "all ties than of the people reached")
def strong_ties_carry_more_one_by_one(f):
    return f["via_weak"] < f["weak_ties"], (
        f"reached through weak ties {f['via_weak']:.2f}, weak share of ties {f['weak_ties']:.2f}")


@claim("in one run, more people hear the message through weak ties than through strong ties")
def most_branches_are_weak_ties(f):
    return f["run0_weak"] > f["run0_strong"], f"{f['run0_weak']} weak, {f['run0_strong']} strong"


@claim("in the independent cascade, bad news (passed on half as often) reaches fewer people "
       "than good news")
def bad_news_reaches_fewer_in_the_independent_cascade(f):
    v = f["variants"]
    return (v["independent_negative"] < v["independent_positive"]
            and f["negative_pass"] == 0.5), f"{v}, pass {f['negative_pass']}"


@claim("in the threshold model, bad news (weighing 1.2 times as much) reaches more than three "
       "times as far as good news")
def bad_news_goes_far_further_in_the_threshold_model(f):
    return f["bad_ratio"] > 3 and f["negative_weight"] == 1.2, (
        f"ratio {f['bad_ratio']:.2f}, weight {f['negative_weight']}")


@claim("with a weight of 1, bad news goes exactly as far as good news")
def equal_weight_equal_reach(f):
    return f["equal_weight"] == f["good_threshold"], (
        f"bad {f['equal_weight']}, good {f['good_threshold']}")


@claim("a weight a little above 1 (at most 1.15) is enough for bad news to reach half the "
       "population, and the course's 1.2 is past that point")
def bad_news_tips_a_little_above_one(f):
    tip = f["tip_weight"]
    return (tip is not None and 1.0 < tip <= 1.15 and f["course_weight_reach"] >= 0.9), (
        f"first weight reaching half: {tip}; reach at 1.2: {f['course_weight_reach']:.2f}")


@claim("with a small extra weight (1.05), bad news still reaches less than a third")
def small_extra_weight_reaches_little(f):
    return f["small_weight_reach"] < 1 / 3, f"reach {f['small_weight_reach']:.2f}"


@claim("past a certain chance of passing it on, the independent cascade suddenly reaches a "
       "large part of the population")
def independent_cascade_jumps(f):
    return f["low_p_reach"] < 0.05 and f["high_p_reach"] > 0.5, f"reach by chance {f['jumps']}"
