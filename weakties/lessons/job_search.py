"""Lesson 07, job search: where leads come from, which ties bring jobs, and how to tell.

The functions the lesson's cells call, its quizzes and predictions, the
facts its text quotes and the claims its text makes
(``course/sources/en/07-job-search.md``). The simulations are
:func:`weakties.scenarios.job_search`, :func:`weakties.scenarios.tie_experiment`
and :func:`weakties.scenarios.labour_market`. Nothing in them says which
ties are best: the lesson reads it from what comes out.

References
----------
.. [1] Granovetter, M. S. (1974). *Getting a Job: A Study of Contacts and
   Careers*. Harvard University Press.
.. [2] Rajkumar, K., Saint-Jacques, G., Bojinov, I., Brynjolfsson, E., Aral, S.
   (2022). A causal test of the strength of weak ties. *Science* 377(6612),
   1304-1310.
.. [3] Gee, L. K., Jones, J., Burke, M. (2017). Social networks and labor
   markets: how strong ties relate to job finding on Facebook's social
   network. *Journal of Labor Economics* 35(2), 485-518.
.. [4] Calvó-Armengol, A., Jackson, M. O. (2004). The effects of social
   networks on employment and inequality. *American Economic Review* 94(3),
   426-454.
"""

from __future__ import annotations

import unicodedata

import numpy as np

from .. import ties as _ties
from .._france import SECTOR_NAMES
from ..i18n import N_, decimal, gettext, language, number, percent
from ..scenarios.job_search import DIGITAL, GRANOVETTER_BANDS, job_search, tie_experiment
from ..scenarios.labour_market import labour_market
from ._core import Lesson, PredictionData, QuizData, claim
from .people import you_person

__all__ = ["LESSON", "QUIZZES", "PREDICTIONS", "EXPLORERS", "SEED", "STRATEGY_ORDER",
           "show_by_sector", "search", "show_strategies", "show_inverted_u", "intensity_table", "show_bands",
           "show_one_and_all", "experiment", "show_experiment", "explore_trades",
           "market", "show_market", "explore_labour_market", "explore_change_of_sector",
           "facts"]

LESSON = Lesson("07", "job-search", population=(2000, 7))

#: The seed of the lesson's simulations.
SEED = 7
#: The strategies, in the order the lesson shows them.
STRATEGY_ORDER = ("strong", "everyone", "weak", "targeted")
_STRATEGY_NAMES = {"strong": N_("strong ties only"), "everyone": N_("everyone"),
                   "weak": N_("weak ties only"),
                   "targeted": N_("weak ties chosen for the target job")}
_BAND_NAMES = {"often": N_("often (twice a week or more)"),
               "occasionally": N_("occasionally"),
               "rarely": N_("rarely (once a year or less)")}
#: The settings of the trades explorer: how digital every trade is (None:
#: the course's scale, DIGITAL), and the share of the openings of a
#: completely non-digital trade filled only on a trusted recommendation.
DIGITAL_CHOICES = (None, 0.1, 0.5, 0.9)
RECOMMENDATION_CHOICES = (0.0, 0.5, 1.0)
#: The settings of the labour market explorer.
WEAK_SHARES = (0.0, 0.25, 0.5, 0.75, 1.0)
OPENINGS = (0.02, 0.04, 0.06, 0.08)
#: A less digital trade and a digital one the text points to in the explorer.
_LESS_DIGITAL, _MORE_DIGITAL = "Construction", "Digital"


def _t(text, lang):
    return gettext(text, lang)


_CACHE: dict = {}


def _kept_pictures(draw):
    """``draw`` that draws each picture once: ``picture(*key)`` keeps ``draw(*key)``.

    The figures are closed for pyplot, so that the notebook does not show
    them all at once; an explorer shows the one asked for.
    """
    import matplotlib.pyplot as plt

    pictures = {}

    def picture(*key):
        if key not in pictures:
            pictures[key] = draw(*key)
            plt.close(pictures[key])
        return pictures[key]

    return picture


def _cached(G, key, make):
    full = (id(G), G.number_of_nodes(), G.number_of_edges()) + key
    if full not in _CACHE:
        if len(_CACHE) > 128:
            _CACHE.clear()
        _CACHE[full] = make()
    return _CACHE[full]


def show_by_sector(G, person):
    """Draw ``person``'s network by sector (:func:`weakties.plotting.show_ego`)."""
    from ..plotting import show_ego

    show_ego(G, person, color_by="sector")


# --------------------------------------------------------------------------
# Strategies

def search(G, strategy="everyone", target=None, asks=5):
    """The lesson's job search: everyone looks for work for a year, with one strategy.

    Every person of the population searches (the model's seekers do not
    compete with each other, so the number of seekers does not change each
    one's chances), seed :data:`SEED`. Results are kept for the population,
    so that the lesson's cells and controls reuse them.

    Parameters
    ----------
    G : networkx.Graph
    strategy : {"strong", "everyone", "weak", "targeted"}
    target : str, optional
        The sector every seeker wants (default: their own).
    asks : int, default 5
        Contacts each seeker asks per month.

    Returns
    -------
    weakties.scenarios.job_search.JobSearchResult

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(300, seed=1)
    >>> r = search(G, "targeted")
    >>> r.params["strategy"], len(r.seekers)
    ('targeted', 300)
    """
    return _cached(G, ("search", strategy, target, asks),
                   lambda: job_search(G, list(G), strategy=strategy, target=target, asks=asks,
                                      seed=SEED))


def _hired_by_month(result):
    s = result.seekers
    rounds = result.params["rounds"]
    return np.array([(s["round_hired"].between(1, k)).mean() for k in range(rounds + 1)])


def _strategy_curves(hired, title, lang, ax=None):
    """One line per strategy: ``hired`` is ``{strategy: _hired_by_month(result)}``."""
    import matplotlib.pyplot as plt

    from ..plotting import style_axes
    from ..scenarios._common import style

    if ax is None:
        _, ax = plt.subplots(figsize=(8, 4.5))
    for strategy, share in hired.items():
        curve = share * 100
        ax.plot(np.arange(len(curve)), curve, label=_t(_STRATEGY_NAMES[strategy], lang),
                **style(STRATEGY_ORDER.index(strategy)))
    ax.set_ylim(bottom=0)
    ax.legend(frameon=False, loc="upper left")
    style_axes(ax, title, _t(N_("month"), lang), _t(N_("seekers hired so far (%)"), lang))
    return ax


def show_strategies(G, target=None, asks=5, lang=None):
    """Draw the share of seekers hired month by month, one line per strategy.

    Returns
    -------
    matplotlib.figure.Figure
    """
    hired = {s: _hired_by_month(search(G, s, target, asks)) for s in STRATEGY_ORDER}
    return _strategy_curves(hired, _t(N_("Seekers hired, month by month"), lang), lang).figure


# --------------------------------------------------------------------------
# Which ties bring leads

def show_inverted_u(G, lang=None):
    """Draw leads per tie, and the share of news that was new, by number of mutual contacts.

    Left: leads per tie against the mutual contacts the seeker and the
    contact share (the inverted U of Rajkumar et al. 2022, here an
    outcome). Right: of the openings contacts passed on, the share that
    the seeker did not know already.

    Returns
    -------
    matplotlib.figure.Figure
    """
    import matplotlib.pyplot as plt

    from ..plotting import style_axes
    from ..scenarios._common import style

    t = search(G).leads_per_tie()
    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 4.5))
    ticks = list(t["mutual"])
    labels = [str(m) if m < ticks[-1] else f"{m}+" for m in ticks]
    left.plot(t["mutual"], t["leads_per_tie"] * 100, label=_t(N_("leads per 100 ties"), lang),
              **style(0))
    right.plot(t["mutual"], t["new_share"] * 100,
               label=_t(N_("news that was new to the seeker"), lang), **style(4))
    right.set_ylim(0, 105)
    left.set_ylim(0, max(t["leads_per_tie"].max() * 100 * 1.2, 0.1))
    for ax in (left, right):
        ax.set_xticks(ticks, labels)
        ax.legend(frameon=False)
    style_axes(left, _t(N_("Job leads per tie, by mutual contacts"), lang),
               _t(N_("contacts the seeker and the contact share"), lang),
               _t(N_("leads per 100 ties"), lang))
    style_axes(right, _t(N_("Was the news new?"), lang),
               _t(N_("contacts the seeker and the contact share"), lang),
               _t(N_("openings passed on that were new (%)"), lang))
    fig.tight_layout()
    return fig


def intensity_table(G, lang=None):
    """Leads per 100 requests, by how often the seeker sees the contact asked.

    Only leads passed on because the seeker asked count; with the strategy
    "everyone", whom a seeker asks is drawn at random.

    Returns
    -------
    pandas.DataFrame

    Examples
    --------
    >>> import weakties
    >>> table = intensity_table(weakties.population(300, seed=1), lang="en")
    >>> list(table.columns)
    ['requests', 'leads', 'leads per 100 requests']
    """
    import pandas as pd

    t = search(G).per_request("frequency_band")
    table = pd.DataFrame({
        _t(N_("requests"), lang): t["asks"].to_numpy(),
        _t(N_("leads"), lang): t["leads"].to_numpy(),
        _t(N_("leads per 100 requests"), lang): (t["leads_per_request"] * 100).round(2).to_numpy(),
    }, index=[_t(_BAND_NAMES[b], lang) for b in t["frequency_band"]])
    if (lang or language()) != "en":  # written as the language writes numbers: 9 564, 0,89
        table = table.apply(lambda col: [number(v, lang) if col.dtype.kind in "iu"
                                         else decimal(v, 2, lang) for v in col])
    return table


def show_bands(G, lang=None):
    """Draw hires through contacts by how often the seeker saw the contact, next to Granovetter.

    Returns
    -------
    matplotlib.figure.Figure
    """
    import matplotlib.pyplot as plt

    from ..plotting import style_axes
    from ..scenarios._common import style

    t = search(G).hires_by_band()
    fig, ax = plt.subplots(figsize=(8, 4.5))
    x = np.arange(len(t))
    ax.bar(x - 0.2, t["share"] * 100, 0.4, color=style(0)["color"], hatch="//",
           edgecolor="black", label=_t(N_("this simulation"), lang))
    ax.bar(x + 0.2, t["granovetter"] * 100, 0.4, color=style(4)["color"], hatch="..",
           edgecolor="black", label=_t(N_("Granovetter (1974)"), lang))
    ax.set_xticks(x, [_t(_BAND_NAMES[b], lang).replace(" (", "\n(") for b in t["frequency_band"]])
    ax.legend(frameon=False)
    style_axes(ax, _t(N_("How often job finders saw the contact who told them"), lang),
               _t(N_("how often the seeker saw the contact"), lang),
               _t(N_("share of hires through a contact (%)"), lang))
    return fig


def show_one_and_all(G, lang=None):
    """Draw weak against strong ties: hires per tie (one by one), and share of all hires.

    Returns
    -------
    matplotlib.figure.Figure
    """
    import matplotlib.pyplot as plt

    from ..plotting import style_axes
    from ..scenarios._common import style

    t = search(G).by_strength().set_index("tie")
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.5))
    names = [_t(N_("one weak tie"), lang), _t(N_("one strong tie"), lang)]
    values = [t.loc["weak", "hires_per_tie"] * 1000, t.loc["strong", "hires_per_tie"] * 1000]
    bars = left.bar([0, 1], values, 0.5, color=[style(2)["color"], style(5)["color"]],
                    hatch=["//", "xx"], edgecolor="black")
    left.bar_label(bars, labels=[decimal(v, 1, lang) for v in values])
    left.set_xticks([0, 1], names)
    style_axes(left, _t(N_("One by one: hires per 1,000 ties"), lang), None,
               _t(N_("hires per 1,000 ties"), lang))
    shares = [t.loc["weak", "hire_share"] * 100, t.loc["strong", "hire_share"] * 100]
    bars = right.bar([0, 1], shares, 0.5, color=[style(2)["color"], style(5)["color"]],
                     hatch=["//", "xx"], edgecolor="black")
    right.bar_label(bars, labels=[percent(v / 100, lang=lang) for v in shares])
    right.set_xticks([0, 1], [_t(N_("all weak ties"), lang), _t(N_("all strong ties"), lang)])
    style_axes(right, _t(N_("All together: share of the hires through a contact"), lang), None,
               _t(N_("share of the hires (%)"), lang))
    for ax, label in ((left, N_("one tie of each kind")), (right, N_("all ties of each kind"))):
        ax.plot([], [], " ", label=_t(label, lang))
        ax.legend(frameon=False, loc="upper left")
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------
# Correlation or experiment

def experiment(G, digital=None, recommendation=0.5):
    """The lesson's experiment next to the naive correlation (:func:`tie_experiment`).

    Everyone searches; two runs pooled; seed :data:`SEED`. Results are
    kept for the population.

    Parameters
    ----------
    digital : float, optional
        How digital every trade is (default: the course's scale,
        :data:`weakties.scenarios.job_search.DIGITAL`).
    recommendation : float, default 0.5
        Share of the openings of a completely non-digital trade filled only
        on a trusted recommendation.

    Returns
    -------
    weakties.scenarios.job_search.TieExperimentResult

    Examples
    --------
    >>> import weakties
    >>> r = experiment(weakties.population(300, seed=1))
    >>> list(r.estimates["kind"])
    ['correlational', 'randomised']
    """
    return _cached(G, ("experiment", digital, recommendation),
                   lambda: tie_experiment(G, seed=SEED, digital=digital,
                                          recommendation=recommendation))


def _experiment_bars(result, lang, title=None):
    import matplotlib.pyplot as plt

    from ..plotting import style_axes
    from ..scenarios._common import style

    e = result.estimates.set_index("kind")
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.5))
    colours = [style(2)["color"], style(5)["color"]]
    corr = [e.loc["correlational", "weak"] * 1000, e.loc["correlational", "strong"] * 1000]
    bars = left.bar([0, 1], corr, 0.5, color=colours, hatch=["//", "xx"], edgecolor="black")
    left.bar_label(bars, labels=[decimal(v, 1, lang) for v in corr])
    left.set_xticks([0, 1], [_t(N_("weak ties"), lang), _t(N_("strong ties"), lang)])
    style_axes(left, _t(N_("Correlation: people as they search"), lang),
               _t(N_("kind of tie"), lang), _t(N_("hires per 1,000 ties"), lang))
    arms = [e.loc["randomised", "weak"] * 100, e.loc["randomised", "strong"] * 100]
    bars = right.bar([0, 1], arms, 0.5, color=colours, hatch=["//", "xx"], edgecolor="black")
    right.bar_label(bars, labels=[percent(v / 100, lang=lang) for v in arms])
    right.set_xticks([0, 1], [_t(N_("told to ask weak ties"), lang),
                              _t(N_("told to ask strong ties"), lang)])
    style_axes(right, title or _t(N_("Experiment: whom to ask, drawn at random"), lang),
               _t(N_("group of seekers, drawn at random"), lang),
               _t(N_("seekers hired within a year (%)"), lang))
    for ax, text in ((left, _t(N_("strong ties look {ratio} times as useful"), lang)),
                     (right, _t(N_("strong ties look {ratio} times as useful"), lang))):
        kind = "correlational" if ax is left else "randomised"
        ax.plot([], [], " ", label=text.format(ratio=decimal(e.loc[kind, "estimate"], 2, lang)))
        ax.legend(frameon=False, loc="upper left")
        ax.set_ylim(0, max(ax.get_ylim()[1], 1) * 1.25)
    fig.tight_layout()
    return fig


def show_experiment(G, lang=None):
    """Draw the naive correlation and the randomised experiment side by side.

    Returns
    -------
    matplotlib.figure.Figure
    """
    return _experiment_bars(experiment(G), lang)


def explore_trades(G, lang=None):
    """An explorer: the experiment in more or less digital trades.

    Two controls: how digital every trade is (or the course's scale), and
    the share of the openings of a non-digital trade filled only on a
    trusted recommendation (an assumption of the model). The picture is the
    experiment's two groups. The results of moving one control from its
    starting position are computed, and their pictures drawn, when the
    explorer is made; results and pictures already seen are kept.

    Returns
    -------
    weakties.widgets.Explorer
    """
    import ipywidgets as widgets

    from ..widgets import Explorer

    digital = [(_t(N_("as the course assumes, by trade"), lang), -1.0)] + [
        (_t(N_("{value} for every trade"), lang).format(value=decimal(d, 1, lang)), float(d))
        for d in DIGITAL_CHOICES[1:]]

    def draw_trades(how_digital, recommendation):
        r = experiment(G, None if how_digital < 0 else how_digital, recommendation)
        est = r.estimates.set_index("kind").loc["randomised", "estimate"]
        title = _t(N_("Experiment: the strong-ties group finds {ratio} times as many jobs"),
                   lang).format(ratio=decimal(est, 2, lang))
        return _experiment_bars(r, lang, title)

    picture = _kept_pictures(draw_trades)
    for _, value in digital:  # one control moved from the start: computed and drawn now, kept
        picture(value, 0.5)
    for rec in RECOMMENDATION_CHOICES:
        picture(-1.0, rec)

    def show_trades(how_digital, recommendation):
        return picture(how_digital, recommendation)

    return Explorer(
        show_trades, title=_t(N_("Do strong ties help more where hiring goes through trusted "
                                 "recommendation?"), lang),
        how_digital=widgets.Dropdown(options=digital, value=-1.0,
                                     description=_t(N_("how digital the trades are"), lang)),
        recommendation=widgets.Dropdown(
            options=[(percent(v, lang=lang), v) for v in RECOMMENDATION_CHOICES], value=0.5,
            description=_t(N_("openings filled on recommendation (non-digital trade)"), lang)))


# --------------------------------------------------------------------------
# The labour market

def market(G, weak_share=1.0, openings=0.04):
    """The lesson's labour market (:func:`labour_market`), kept for the population.

    Examples
    --------
    >>> import weakties
    >>> r = market(weakties.population(300, seed=1))
    >>> r.params["months"]
    120
    """
    return _cached(G, ("market", weak_share, openings),
                   lambda: labour_market(G, seed=SEED, weak_share=weak_share,
                                         openings=openings))


def _market_picture(result, lang):
    import matplotlib.pyplot as plt

    from ..plotting import style_axes
    from ..scenarios._common import style

    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 4.5))
    h = result.hazard[result.hazard["at_risk"] > 0]
    left.plot(np.arange(len(h)), h["hazard"] * 100,
              label=_t(N_("found work the next month"), lang), **style(0))
    left.set_xticks(np.arange(len(h)), list(h["duration"]))
    left.set_ylim(bottom=0)
    left.legend(frameon=False)
    style_axes(left, _t(N_("The longer out of work, the lower the chance"), lang),
               _t(N_("months out of work so far"), lang), _t(N_("chance (%)"), lang))
    c = result.contacts.set_index("status")["contacts_unemployed"] * 100
    bars = right.bar([0, 1], [c["unemployed"], c["employed"]], 0.5,
                     color=[style(5)["color"], style(2)["color"]], hatch=["//", ".."],
                     edgecolor="black")
    right.bar_label(bars, labels=[percent(v / 100, 1, lang) for v in c[["unemployed",
                                                                         "employed"]]])
    right.axhline(result.unemployment * 100, color="black", lw=1, linestyle="--",
                  label=_t(N_("everyone: {share} out of work"), lang).format(
                      share=percent(result.unemployment, 1, lang)))
    right.set_xticks([0, 1], [_t(N_("contacts of people\nout of work"), lang),
                              _t(N_("contacts of people\nin work"), lang)])
    right.set_ylim(0, max(float(c.max()), result.unemployment * 100) * 1.35)
    right.legend(frameon=False, loc="upper right")
    style_axes(right, _t(N_("Unemployment travels in groups"), lang),
               _t(N_("contacts of the same trade and region"), lang),
               _t(N_("out of work at the same time (%)"), lang))
    fig.tight_layout()
    return fig


def show_market(G, lang=None):
    """Draw the lesson's labour market: chance of finding work by months out of work; contacts.

    Returns
    -------
    matplotlib.figure.Figure
    """
    return _market_picture(market(G), lang)


def explore_labour_market(G, lang=None):
    """An explorer: the labour market with more or fewer weak ties used, more or fewer openings.

    The results of moving one control from its starting position are
    computed, and their pictures drawn, when the explorer is made; results
    and pictures already seen are kept.

    Returns
    -------
    weakties.widgets.Explorer
    """
    import ipywidgets as widgets

    from ..widgets import Explorer

    picture = _kept_pictures(
        lambda weak_share, openings: _market_picture(market(G, weak_share, openings), lang))
    for share in WEAK_SHARES:  # one control moved from the start: computed and drawn now, kept
        picture(share, 0.04)
    for chance in OPENINGS:
        picture(1.0, chance)

    def show_labour(weak_share, openings):
        return picture(weak_share, openings)

    return Explorer(
        show_labour, title=_t(N_("Through which ties does job news travel, and how much is "
                                 "there?"), lang),
        weak_share=widgets.SelectionSlider(
            options=[(percent(v, lang=lang), v) for v in WEAK_SHARES], value=1.0,
            description=_t(N_("weak ties that pass on news"), lang)),
        openings=widgets.SelectionSlider(
            options=[(percent(v, lang=lang), v) for v in OPENINGS], value=0.04,
            description=_t(N_("chance of hearing of a job each month"), lang)))


# --------------------------------------------------------------------------
# A change of sector

#: The strategies the change-of-sector explorer draws, and its range of contacts asked.
_CHANGE_STRATEGIES = ("strong", "weak", "targeted")
_ASKS = (1, 10)


def _change_summary(result):
    """What the change-of-sector explorer draws of one search: hires by month, leads per tie.

    A search of 2,000 people holds about 20 MB of tables; the explorer keeps
    only this.
    """
    return _hired_by_month(result), result.leads_per_tie()[["mutual", "leads_per_tie"]]


def explore_change_of_sector(G, lang=None):
    """An explorer: the strategies when every seeker wants another sector.

    Three controls: the target sector (or each seeker's own), the contacts
    asked per month, and the view (hires month by month, or leads per tie
    by mutual contacts). Three strategies are drawn: strong ties only, weak
    ties only, weak ties chosen for the target job. The searches of moving
    one control from its starting position (every sector, every number of
    contacts asked) are run when the explorer is made, on one reading of
    the population (:func:`weakties.scenarios.job_search.job_searches`, a
    few seconds); results already seen are kept, only what the pictures
    show.

    Returns
    -------
    weakties.widgets.Explorer
    """
    import ipywidgets as widgets

    from ..plotting import style_axes
    from ..scenarios._common import style
    from ..scenarios.job_search import job_searches
    from ..widgets import Explorer

    sectors = sorted({G.nodes[v]["sector"] for v in G})
    kept = {}  # (target, asks): {strategy: _change_summary(result)}

    def run(pairs):
        """Run the searches of the (target, asks) pairs not kept yet, reading G once."""
        todo = [pair for pair in dict.fromkeys(pairs) if pair not in kept]
        results = job_searches(G, list(G), [{"strategy": s, "target": target, "asks": asks}
                                            for target, asks in todo
                                            for s in _CHANGE_STRATEGIES], seed=SEED)
        for pair in todo:
            kept[pair] = {s: _change_summary(next(results)) for s in _CHANGE_STRATEGIES}

    # One control moved from the start: computed now, kept.
    run([(None, 5)] + [(s, 5) for s in sectors]
        + [(None, a) for a in range(_ASKS[0], _ASKS[1] + 1)])

    def show_change(target, asks, view):
        chosen = None if target == "" else target
        run([(chosen, asks)])
        summaries = kept[chosen, asks]
        if view == "hires":
            return _strategy_curves({s: hired for s, (hired, _) in summaries.items()},
                                    _t(N_("Seekers hired, month by month"), lang), lang).figure
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=(8, 4.5))
        for s, (_, t) in summaries.items():
            ax.plot(t["mutual"], t["leads_per_tie"] * 100,
                    label=_t(_STRATEGY_NAMES[s], lang), **style(STRATEGY_ORDER.index(s)))
        ax.legend(frameon=False)
        style_axes(ax, _t(N_("Job leads per tie, by mutual contacts"), lang),
                   _t(N_("contacts the seeker and the contact share"), lang),
                   _t(N_("leads per 100 ties"), lang))
        return fig

    return Explorer(
        show_change, title=_t(N_("Which strategy works best for a change of sector?"), lang),
        target=widgets.Dropdown(options=[(_t(N_("their own sector"), lang), "")]
                                + sorted(((_t(SECTOR_NAMES.get(s, s), lang), s) for s in sectors),
                                         key=lambda o: unicodedata.normalize("NFD", o[0])),
                                value="",
                                description=_t(N_("sector wanted"), lang)),
        asks=widgets.IntSlider(value=5, min=_ASKS[0], max=_ASKS[1],
                               description=_t(N_("contacts asked each month"), lang)),
        view=widgets.Dropdown(options=[(_t(N_("hires over time"), lang), "hires"),
                                       (_t(N_("leads by mutual contacts"), lang), "mutual")],
                              description=_t(N_("view"), lang)))


#: The lesson's explorers by the key of the cell that shows them, for benchmarks.
EXPLORERS = {"trades": explore_trades, "labour": explore_labour_market,
             "explore": explore_change_of_sector}


# --------------------------------------------------------------------------
# Predictions and quizzes

def _strategy_answer(G, lang=None):
    """What the simulation shows: seekers hired month by month, one line per strategy."""
    results = {s: search(G, s) for s in STRATEGY_ORDER}
    hired = {s: float(r.seekers["hired"].mean()) for s, r in results.items()}
    best = max(hired, key=hired.get)
    ax = _strategy_curves({s: _hired_by_month(r) for s, r in results.items()},
                          _t(N_("Seekers hired, month by month"), lang), lang)
    description = _t(N_(
        "A line chart with four lines, one per strategy, each with its own colour, marker and "
        "line style. The horizontal axis is the month (0 to 12); the vertical axis is the "
        "share of seekers hired so far. After twelve months: strong ties only {strong}, "
        "everyone {everyone}, weak ties only {weak}, weak ties chosen for the target job "
        "{targeted}. The one thing to notice: asking weak ties in the trade you want works "
        "best, and asking only your strong ties works least well."), lang).format(
        **{s: percent(v, lang=lang) for s, v in hired.items()})
    return STRATEGY_ORDER.index(best), ax.figure, description


def _experiment_answer(G, lang=None):
    """What the simulation shows: which kind of tie each estimate favours."""
    r = experiment(G)
    e = r.estimates.set_index("kind")
    corr, rand = e.loc["correlational", "favours"], e.loc["randomised", "favours"]
    index = {("strong ties", "strong ties"): 0, ("weak ties", "weak ties"): 1,
             ("strong ties", "weak ties"): 2, ("weak ties", "strong ties"): 3}.get(
        (corr, rand), 4)
    fig = _experiment_bars(r, lang)
    description = _t(N_(
        "Two bar charts. On the left, the correlation: over all the ties of people who "
        "searched as most people do (asking those closest to them first), one strong tie "
        "brought {c_strong} hires per 1,000 ties and one weak tie {c_weak}: strong ties look "
        "{c_ratio} times as useful. On the right, the experiment: seekers drawn at random were "
        "told to ask only their strong ties or only their weak ties, as often; {r_strong} of "
        "the first group and {r_weak} of the second found a job: strong ties look {r_ratio} "
        "times as useful. The one thing to notice: the two estimates point different ways."),
        lang).format(
        c_strong=decimal(e.loc["correlational", "strong"] * 1000, 1, lang),
        c_weak=decimal(e.loc["correlational", "weak"] * 1000, 1, lang),
        c_ratio=decimal(e.loc["correlational", "estimate"], 2, lang),
        r_strong=percent(e.loc["randomised", "strong"], lang=lang),
        r_weak=percent(e.loc["randomised", "weak"], lang=lang),
        r_ratio=decimal(e.loc["randomised", "estimate"], 2, lang))
    return min(index, 3), fig, description


PREDICTIONS = {
    "strategy": PredictionData(
        question=N_("Which strategy gets the most seekers a job within a year?"),
        choices=(N_("Ask strong ties only"), N_("Ask everyone"), N_("Ask weak ties only"),
                 N_("Ask weak ties chosen for the target job")),
        run=_strategy_answer,
        explanation=N_("Much of what your strong ties know reaches you anyway, and they are "
                       "few. Weak ties bring news from other circles, and weak ties who work "
                       "in the trade you want bring news that fits you."),
        claims=("targeted_best_strong_least",),
    ),
    "experiment": PredictionData(
        question=N_("Two ways to measure which ties help. The correlation compares strong and "
                    "weak ties of people as they search; the experiment tells seekers drawn "
                    "at random whom to ask. Which kind of tie does each favour?"),
        choices=(N_("Both favour strong ties"), N_("Both favour weak ties"),
                 N_("The correlation favours strong ties, the experiment weak ties"),
                 N_("The correlation favours weak ties, the experiment strong ties")),
        run=_experiment_answer,
        explanation=N_("People ask their strong ties first and most, meet them more often and "
                       "are vouched for by them: each strong tie gets more chances, so strong "
                       "ties look useful one by one. The experiment gives both groups the same "
                       "effort, chosen at random: then asking many weak ties brings more news "
                       "from other circles."),
        claims=("estimates_point_different_ways",),
    ),
}

QUIZZES = {
    "granovetter": QuizData(
        question=N_("Granovetter (1974) asked workers who found their job through a contact "
                    "how often they saw that contact. What did most of them answer?"),
        choices=(N_("Often (at least twice a week)"), N_("Occasionally or rarely"),
                 N_("They had never met the contact")),
        answer=N_("Occasionally or rarely"),
        explanation=N_("55.6% saw the contact occasionally and 27.8% rarely: 83.4% in all "
                       "(Granovetter 1974)."),
        hints={N_("Often (at least twice a week)"): N_("Only 16.7% saw the contact that "
                                                       "often."),
               N_("They had never met the contact"):
               N_("The study counted jobs found through a personal contact: someone they "
                  "knew.")},
    ),
    "inverted-u": QuizData(
        question=N_("In the LinkedIn experiments analysed by Rajkumar et al. (2022), which new "
                    "ties led to the most job moves?"),
        choices=(N_("Ties with many mutual connections"),
                 N_("Ties with no mutual connection at all"),
                 N_("Moderately weak ties: some mutual connections, not many")),
        answer=N_("Moderately weak ties: some mutual connections, not many"),
        explanation=N_("Job moves followed an inverted U: rising up to about 10 mutual "
                       "connections, falling after."),
        hints={N_("Ties with many mutual connections"):
               N_("Those contacts live in your world; their news is rarely new."),
               N_("Ties with no mutual connection at all"):
               N_("Those contacts are often in another trade or region, and less inclined "
                  "to help.")},
    ),
    "experiment": QuizData(
        question=N_("People who found work through a close friend are many. Why does that not "
                    "prove that asking close friends is the best strategy?"),
        choices=(N_("Because close friends never pass on job news"),
                 N_("Because people ask their close friends first and most: the comparison "
                    "mixes the tie with the effort"),
                 N_("Because surveys always lie")),
        answer=N_("Because people ask their close friends first and most: the comparison "
                  "mixes the tie with the effort"),
        explanation=N_("Only an experiment that draws at random whom people ask separates the "
                       "effect of the tie from what people chose to do (Rajkumar et al. "
                       "2022)."),
        hints={N_("Because close friends never pass on job news"):
               N_("They do: one strong tie brought more hires than one weak tie."),
               N_("Because surveys always lie"):
               N_("The numbers can be right; it is the comparison that misleads.")},
    ),
    "strong-role": QuizData(
        question=N_("What should a job seeker do with their strong ties?"),
        choices=(N_("Ask them too, especially those who work where you apply and can vouch "
                    "for you, but do not rely only on them"),
                 N_("Never ask them: only weak ties help"),
                 N_("Ask only them: they are the most useful")),
        answer=N_("Ask them too, especially those who work where you apply and can vouch "
                  "for you, but do not rely only on them"),
        explanation=N_("One strong tie is individually more useful than one weak tie (Gee et "
                       "al. 2017), and it can vouch for you; but weak ties are many and reach "
                       "other worlds, so together they bring most jobs."),
        hints={N_("Never ask them: only weak ties help"):
               N_("One strong tie brought more hires than one weak tie in the simulation."),
               N_("Ask only them: they are the most useful"):
               N_("They are few, and much of what they know you know already.")},
    ),
    "change": QuizData(
        question=N_("You are a teacher and want to work in the digital sector. Whom do you "
                    "ask first?"),
        choices=(N_("Your colleagues at school, whom you see every day"),
                 N_("All your contacts, in alphabetical order"),
                 N_("Acquaintances who work in the digital sector")),
        answer=N_("Acquaintances who work in the digital sector"),
        explanation=N_("Weak ties chosen for the target job: they know of openings in the "
                       "sector you want, and their news is new to you."),
        hints={N_("Your colleagues at school, whom you see every day"):
               N_("Colleagues in your old sector know of openings in that sector, not in "
                  "the one you want."),
               N_("All your contacts, in alphabetical order"):
               N_("Asking everyone works, but choosing whom to ask works better.")},
    ),
}


# --------------------------------------------------------------------------
# Facts and claims

def _in_language(describe, *args):
    """A text fact written for the language of each edition: ``f(lang)`` (see the build)."""
    import inspect

    if "lang" not in inspect.signature(describe).parameters:
        return describe(*args)
    return lambda lang=None: describe(*args, lang=lang)


def facts(G):
    """The numbers and names the text of lesson 07 quotes, computed on its population."""
    from ..plotting import describe_ego

    you = you_person(G)
    sector = G.nodes[you]["sector"]
    hired = {s: float(search(G, s).seekers["hired"].mean()) for s in STRATEGY_ORDER}
    everyone = search(G)
    lpt = everyone.leads_per_tie().set_index("mutual")
    peak = int(lpt["leads_per_tie"].idxmax())
    request = everyone.per_request("frequency_band").set_index("frequency_band")
    bands = everyone.hires_by_band().set_index("frequency_band")
    by_strength = everyone.by_strength().set_index("tie")
    channel = everyone.seekers["channel"]
    est = experiment(G).estimates.set_index("kind")
    trades = {}
    for name, digital, rec in (("course", None, 0.5), ("digital", 0.9, 0.5),
                               ("trusted", 0.1, 1.0), ("no_vouching", 0.1, 0.0)):
        e = experiment(G, digital, rec).estimates.set_index("kind")
        trades[name] = {"estimate": float(e.loc["randomised", "estimate"]),
                        "strong": float(e.loc["randomised", "strong"]),
                        "weak": float(e.loc["randomised", "weak"])}
    lm = market(G)
    lm_c = lm.contacts.set_index("status")["contacts_unemployed"]
    h = lm.hazard.set_index("duration")["hazard"]
    no_weak = market(G, 0.0)
    change = {}
    for name, target in (("less", _LESS_DIGITAL), ("more", _MORE_DIGITAL)):
        change[name] = {s: float(search(G, s, target).seekers["hired"].mean())
                        for s in ("strong", "weak", "targeted")}
    return {
        "people": G.number_of_nodes(),
        "name": G.nodes[you]["name"], "first": G.nodes[you]["name"].split()[0],
        "occupation": G.nodes[you]["occupation"], "sector": sector,
        "digital_you": DIGITAL.get(sector, 0.0),
        "degree": G.degree(you),
        "same_sector": sum(1 for v in G[you] if G.nodes[v]["sector"] == sector),
        "ego": _in_language(describe_ego, G, you),
        "hired": hired,
        "hired_any": float(everyone.seekers["hired"].mean()),
        "via_contact": float((channel == "contact").sum() / max((channel != "").sum(), 1)),
        "peak": peak,
        "lpt_zero": float(lpt.loc[0, "leads_per_tie"] * 100),
        "lpt_peak": float(lpt.loc[peak, "leads_per_tie"] * 100),
        "lpt_last": float(lpt["leads_per_tie"].iloc[-1] * 100),
        "lpt_max_mutual": int(lpt.index[-1]),
        "new_zero": float(lpt.loc[0, "new_share"]),
        "new_last": float(lpt["new_share"].iloc[-1]),
        "request": {b: float(request.loc[b, "leads_per_request"] * 100)
                    for b in request.index},
        "bands": {b: float(bands.loc[b, "share"]) for b in bands.index},
        "granovetter": dict(GRANOVETTER_BANDS),
        "per_tie": {k: float(by_strength.loc[k, "hires_per_tie"] * 1000) for k in ("weak", "strong")},
        "hire_share": {k: float(by_strength.loc[k, "hire_share"]) for k in ("weak", "strong")},
        "strong_vs_weak": float(by_strength.loc["strong", "hires_per_tie"]
                                / by_strength.loc["weak", "hires_per_tie"]),
        "vouched": int(by_strength.loc["strong", "vouched_hires"]),
        "estimates": {k: {"estimate": float(est.loc[k, "estimate"]),
                          "low": float(est.loc[k, "low"]), "high": float(est.loc[k, "high"]),
                          "favours": str(est.loc[k, "favours"])}
                      for k in ("correlational", "randomised")},
        "trades": trades,
        "unemployment": lm.unemployment,
        "unemployment_no_weak": no_weak.unemployment,
        "contacts_out": {k: float(lm_c[k]) for k in ("unemployed", "employed")},
        "hazard_first": float(h.iloc[0]), "hazard_last": float(h.iloc[-1]),
        "hazard_ratio": lm.hazard_ratio(),
        "change": change, "less_digital": _LESS_DIGITAL, "more_digital": _MORE_DIGITAL,
    }


@claim("your own sector is a minority of your contacts: the others are bridges to other "
       "sectors")
def own_sector_is_a_minority(f):
    return f["same_sector"] < f["degree"] / 2, f"{f['same_sector']} of {f['degree']}"


@claim("you work in a less digital trade (below 0.5 on the course's scale)")
def you_are_in_a_less_digital_trade(f):
    return f["digital_you"] < 0.5, f"{f['sector']}: {f['digital_you']}"


@claim("asking weak ties chosen for the target job gets the most seekers hired, asking "
       "strong ties only the fewest")
def targeted_best_strong_least(f):
    h = f["hired"]
    return (max(h, key=h.get) == "targeted" and min(h, key=h.get) == "strong",
            f"hired within a year {h}")


@claim("leads per tie follow an inverted U in mutual contacts: a peak between 2 and 8 mutual "
       "contacts, well above both ends; the share of news that is new falls as mutual "
       "contacts rise")
def inverted_u_emerges(f):
    ok = (2 <= f["peak"] <= 8 and f["lpt_zero"] < 0.7 * f["lpt_peak"]
          and f["lpt_last"] < 0.7 * f["lpt_peak"] and f["new_zero"] > 2 * f["new_last"])
    return ok, (f"peak at {f['peak']} ({f['lpt_peak']:.2f} per 100 ties), 0: "
                f"{f['lpt_zero']:.2f}, last: {f['lpt_last']:.2f}; new {f['new_zero']:.2f} "
                f"to {f['new_last']:.2f}")


@claim("asked, contacts seen occasionally or rarely bring more leads per request than "
       "contacts seen often")
def seen_often_bring_least(f):
    r = f["request"]
    return (r["often"] < min(r["occasionally"], r["rarely"]), f"leads per 100 requests {r}")


@claim("most hires through a contact come through contacts seen occasionally, as Granovetter "
       "found; fewer than Granovetter's through contacts seen often and rarely")
def bands_like_granovetter_in_the_middle(f):
    b, g = f["bands"], f["granovetter"]
    ok = (max(b, key=b.get) == "occasionally" and b["often"] < g["often"]
          and b["rarely"] < g["rarely"])
    return ok, f"simulation {b}"


@claim("one strong tie brings more hires than one weak tie, but weak ties bring most of the "
       "hires through contacts")
def one_strong_more_useful_weak_more_in_total(f):
    return (f["per_tie"]["strong"] > f["per_tie"]["weak"] and f["hire_share"]["weak"] > 0.5,
            f"hires per 1,000 ties {f['per_tie']}, share {f['hire_share']}")


@claim("the correlation favours strong ties and the randomised experiment favours weak ties "
       "(both 95% intervals exclude 1)")
def estimates_point_different_ways(f):
    e = f["estimates"]
    return (e["correlational"]["favours"] == "strong ties"
            and e["randomised"]["favours"] == "weak ties", f"estimates {e}")


@claim("in the experiment, strong ties do best in hardly digital trades where openings are "
       "filled on recommendation: there the strong-ties group does at least as well as the "
       "weak-ties group, better than with the course's scale or very digital trades; without "
       "vouching, weak ties win even in those trades")
def strong_ties_help_more_in_less_digital_trades(f):
    t = f["trades"]
    ok = (t["trusted"]["estimate"] > max(t["digital"]["estimate"], t["course"]["estimate"])
          and t["no_vouching"]["estimate"] < 1 <= t["trusted"]["estimate"])
    return ok, f"randomised estimates {t}"


@claim("in the labour market, the contacts of people out of work are more often out of work "
       "than the contacts of people in work, and the chance of finding work falls with the "
       "months out of work")
def unemployment_travels_in_groups(f):
    c = f["contacts_out"]
    ok = c["unemployed"] > c["employed"] and f["hazard_ratio"] > 1.5 and (
        f["hazard_last"] < f["hazard_first"] / 2)
    return ok, (f"contacts out of work {c}; hazard {f['hazard_first']:.3f} to "
                f"{f['hazard_last']:.3f}, ratio {f['hazard_ratio']:.2f}")


@claim("when job news passes through strong ties only, more people are out of work")
def weak_ties_lower_unemployment(f):
    return (f["unemployment_no_weak"] > 1.5 * f["unemployment"],
            f"{f['unemployment_no_weak']:.3f} against {f['unemployment']:.3f}")


@claim("for a change to a less digital trade, strong ties only do better than weak ties only, "
       "and weak ties chosen for the target job best; for a digital trade, weak ties do better "
       "than strong ties")
def change_of_sector(f):
    less, more = f["change"]["less"], f["change"]["more"]
    ok = (less["targeted"] > less["strong"] > less["weak"]
          and more["targeted"] > more["weak"] > more["strong"])
    return ok, f"hired: less digital {less}, more digital {more}"
