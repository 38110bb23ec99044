"""Workshop page 3, where job offers come from: strong and weak ties in a job search.

The content of lesson 07 for the workshop
(``course/sources/en/workshop/03-where-jobs-come-from.md``): everyone in the
population looks for a job for a year in the job search model
(:func:`weakties.scenarios.job_search`), and the page counts the jobs that
came through strong and through weak ties, one tie at a time and all
together (Gee, Jones and Burke 2017). An explorer then changes two
assumptions of the model, how digital the trades are and how many of their
jobs go only to a candidate whom a close contact inside vouches for, to
show where a strong tie is worth more (Rajkumar et al. 2022).

Nothing here says which ties are best: the model says where openings come
from, who hears of them and who passes them on; the counts come out of it.

References
----------
.. [1] Granovetter, M. S. (1974). *Getting a Job*. Harvard University Press.
.. [2] Gee, L. K., Jones, J., Burke, M. (2017). Social networks and labor
   markets: how strong ties relate to job finding on Facebook's social
   network. *Journal of Labor Economics* 35(2), 485-518.
.. [3] Rajkumar, K., Saint-Jacques, G., Bojinov, I., Brynjolfsson, E., Aral,
   S. (2022). A causal test of the strength of weak ties. *Science*
   377(6612), 1304-1310.
"""

from __future__ import annotations

import threading

import numpy as np
import pandas as pd

from ...i18n import N_, decimal, gettext, number, percent
from .._core import PredictionData, QuizData, claim
from . import LESS_DIGITAL, Page, protagonist

__all__ = ["LESSON", "QUIZZES", "PREDICTIONS", "SEEDS", "TRADE_KINDS", "VOUCHING",
           "tie_value", "draw_tie_value", "describe_tie_value", "explore_trades", "facts"]

LESSON = Page("03", "where-jobs-come-from", population=(2000, 7))

#: The simulation is run once with each seed and the runs are pooled: one run
#: of 2,000 seekers gives a few hundred hires, too few to compare kinds of ties.
SEEDS = (1, 2, 3)
#: The explorer's trades: how digital every sector is made (0 to 1).
TRADE_KINDS = {0.1: N_("a trade that hires on site, like hers"),
               0.9: N_("a digital trade, like software")}
#: The explorer's choices for ``recommendation`` of the model: the share of the
#: jobs of a trade with no digital hiring at all that go only to a candidate
#: whom a close contact working there vouches for.
VOUCHING = {0.0: N_("none"), 0.5: N_("half"), 1.0: N_("all")}


def tie_value(G, *, digital=None, recommendation=0.5, seeds=SEEDS) -> pd.DataFrame:
    """Everyone looks for a job for a year: jobs found through weak and strong ties.

    Runs :func:`weakties.scenarios.job_search` with every person of ``G``
    as a seeker, once per seed, and pools the runs.

    Parameters
    ----------
    G : networkx.Graph
        A population from :func:`weakties.population`.
    digital : float or dict, optional
        As in :func:`~weakties.scenarios.job_search`: how digital the
        sectors are (default: each sector as
        :data:`~weakties.scenarios.job_search.DIGITAL` rates it).
    recommendation : float, default 0.5
        As in :func:`~weakties.scenarios.job_search`.
    seeds : sequence of int
        One run per seed.

    Returns
    -------
    pandas.DataFrame
        Two rows, ``tie`` "weak" and "strong": ``ties`` (ties of the
        seekers, over all runs), ``hires`` (jobs found through a tie of the
        kind), ``per_1000`` (jobs per 1,000 ties: what one tie is worth) and
        ``share`` (share of the jobs found through a contact). Its ``attrs``
        hold ``ratio`` (what one strong tie is worth against one weak tie),
        ``seekers``, ``hired`` (share of seekers who found a job within the
        year), ``through_contact`` (share of those who found it through a
        contact), ``vouching`` (share of the jobs of a sector of ``digital``
        that need a close contact who vouches; None when sectors differ).

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(300, seed=1)
    >>> t = tie_value(G, seeds=(1,))
    >>> list(t["tie"]), int(t["hires"].sum()) == round(t.attrs["hired"] * 300
    ...                                               * t.attrs["through_contact"])
    (['weak', 'strong'], True)
    """
    from ...scenarios import job_search

    if not seeds:
        raise ValueError("seeds lists the seeds of the runs to pool, for example (1, 2, 3).")
    seekers = list(G)
    ties = hires = None
    hired = through = 0
    for seed in seeds:
        r = job_search(G, seekers, seed=seed, digital=digital, recommendation=recommendation)
        b = r.by_strength().set_index("tie").reindex(["weak", "strong"])
        ties = b["ties"] if ties is None else ties + b["ties"]
        hires = b["hires"] if hires is None else hires + b["hires"]
        hired += int(r.seekers["hired"].sum())
        through += int((r.seekers["channel"] == "contact").sum())
    table = pd.DataFrame({"tie": ["weak", "strong"], "ties": ties.to_numpy(dtype=np.int64),
                          "hires": hires.to_numpy(dtype=np.int64)})
    table["per_1000"] = 1000 * table["hires"] / table["ties"].where(table["ties"] > 0)
    total = int(table["hires"].sum())
    table["share"] = table["hires"] / total if total else np.nan
    weak, strong = table["per_1000"]
    table.attrs.update({
        "ratio": float(strong / weak) if weak and weak > 0 else float("nan"),
        "seekers": len(seekers), "runs": len(seeds),
        "hired": hired / (len(seekers) * len(seeds)),
        "through_contact": through / hired if hired else float("nan"),
        "vouching": (recommendation * (1 - digital)
                     if isinstance(digital, (int, float)) else None),
    })
    return table


def draw_tie_value(table, *, title, lang=None):
    """Two bar charts: what one tie of each kind brings, and what all of them bring together.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`tie_value`.
    title : str

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"tie": ["weak", "strong"], "ties": [800, 200], "hires": [8, 4],
    ...                   "per_1000": [10.0, 20.0], "share": [2 / 3, 1 / 3]})
    >>> fig = draw_tie_value(t, title="Example")
    >>> [ax.get_title() for ax in fig.axes]
    ['One tie at a time', 'All ties together']
    >>> import matplotlib.pyplot as plt; plt.close(fig)
    """
    import matplotlib.pyplot as plt

    from ...plotting import PALETTE, percent_axis, style_axes

    t = lambda text: gettext(text, lang)  # noqa: E731
    # A pyplot figure, as the lessons' pictures: the notebook shows it (and the
    # widgets close it once shown); a bare Figure would show as its name in a
    # kernel where nothing told IPython how to draw one.
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.8), dpi=100)
    names = [t(N_("weak ties\n(acquaintances)")), t(N_("strong ties\n(close people)"))]
    looks = [dict(color=PALETTE[1], hatch="..", edgecolor="black"),
             dict(color=PALETTE[5], hatch="//", edgecolor="black")]
    for ax, column, label in ((left, "per_1000", None), (right, "share", "share")):
        values = [float(v) if pd.notna(v) else 0.0 for v in table[column]]
        for x, (value, look) in enumerate(zip(values, looks)):
            ax.bar(x, value, 0.6, **look)
            text = percent(value, lang=lang) if label else decimal(value, 1, lang)
            ax.annotate(text, (x, value), ha="center", va="bottom", xytext=(0, 3),
                        textcoords="offset points")
        ax.set_xticks([0, 1], names)
        ax.set_ylim(0, max(values + [1e-9]) * 1.25)
    style_axes(left, t(N_("One tie at a time")), None, t(N_("jobs per 1,000 ties")))
    style_axes(right, t(N_("All ties together")), None,
               t(N_("share of the jobs found through a contact")))
    percent_axis(right.yaxis, lang)
    fig.suptitle(title)
    fig.tight_layout()
    return fig


def describe_tie_value(table, lang=None) -> str:
    """The text alternative of :func:`draw_tie_value`, with the table's numbers.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"tie": ["weak", "strong"], "ties": [800, 200], "hires": [8, 4],
    ...                   "per_1000": [10.0, 20.0], "share": [2 / 3, 1 / 3]})
    >>> describe_tie_value(t, lang="en")[:60]
    'Two bar charts. Left, one tie at a time: 1,000 weak ties bro'
    """
    weak, strong = table.itertuples()
    return gettext(N_(
        "Two bar charts. Left, one tie at a time: 1,000 weak ties brought {weak} jobs, "
        "1,000 strong ties {strong} (dots for weak ties, stripes for strong ties). Right, "
        "all ties together: weak ties brought {weak_share} of the jobs found through a "
        "contact, strong ties {strong_share}, because people have {times} times as many "
        "weak ties as strong ones."), lang).format(
        weak=decimal(weak.per_1000, 1, lang), strong=decimal(strong.per_1000, 1, lang),
        weak_share=percent(weak.share, lang=lang), strong_share=percent(strong.share, lang=lang),
        times=decimal(weak.ties / strong.ties if strong.ties else float("nan"), 1, lang))


# --------------------------------------------------------------------------
# The explorer: trades that hire on trust

class _Runs:
    """The explorer's simulations, computed once each, the others in the background.

    A thread computes every combination of the controls in turn after the
    first one, so that moving a control usually finds its picture ready; a
    lock makes a combination wanted now wait for the one being computed
    rather than compute twice.
    """

    def __init__(self, G, keys, seeds):
        self.G, self.seeds = G, seeds
        self.done: dict = {}
        self.lock = threading.Lock()
        self.keys = list(keys)
        self.thread = None

    def get(self, key):
        with self.lock:
            if key not in self.done:
                digital, recommendation = key
                self.done[key] = tie_value(self.G, digital=digital,
                                           recommendation=recommendation, seeds=self.seeds)
            return self.done[key]

    def warm_up(self):
        def run():
            for key in self.keys:
                self.get(key)
        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()
        return self.thread


def explore_trades(G, lang=None, *, seeds=SEEDS, background=True):
    """An explorer: how digital the trade is, and how many jobs need someone to vouch.

    Everyone looks for a job (:func:`tie_value`); the picture
    (:func:`draw_tie_value`) shows what one weak and one strong tie
    brought, and what all of them brought together. Its title says the
    share of the jobs that went only to a candidate whom a close contact
    working there vouched for: ``recommendation x (1 - digital)`` in the
    model.

    Parameters
    ----------
    G : networkx.Graph
    lang : str, optional
    seeds : sequence of int
        The runs pooled for each picture.
    background : bool, default True
        Compute the other pictures in a thread once the first is drawn.

    Returns
    -------
    weakties.widgets.Explorer
        With ``runs``: the simulations, ``runs.done`` those computed so far
        (by the drawing or by the background thread ``runs.thread``).
    """
    import ipywidgets as widgets

    from ...widgets import Explorer

    t = lambda text: gettext(text, lang)  # noqa: E731
    keys = [(d, r) for d in TRADE_KINDS for r in VOUCHING]
    start = (min(TRADE_KINDS), 0.5)
    runs = _Runs(G, [start] + [k for k in keys if k != start], seeds)

    def show(trade, vouching):
        table = runs.get((trade, vouching))
        share = table.attrs["vouching"]
        title = t(N_("{trade}: {share} of the jobs go only to someone a close contact "
                     "inside vouches for")).format(trade=t(TRADE_KINDS[trade]).capitalize(),
                                                   share=percent(share, lang=lang))
        return draw_tie_value(table, title=title, lang=lang)

    explorer = Explorer(
        show, title=t(N_("Choose the kind of trade, and how often its employers hire only on "
                         "the word of someone they trust.")),
        trade=widgets.Dropdown(options=[(t(label), value) for value, label in
                                        TRADE_KINDS.items()], value=start[0],
                               description=t(N_("trade"))),
        vouching=widgets.SelectionSlider(
            options=[(t(label), value) for value, label in VOUCHING.items()], value=start[1],
            description=t(N_("jobs filled on trust")),
            layout=widgets.Layout(width="32em")))
    explorer.runs = runs  # the simulations computed so far (``runs.done``)
    if background:
        runs.warm_up()
    return explorer


# --------------------------------------------------------------------------
# Prediction and quizzes

def _in_total_answer(G, lang=None):
    """What the simulation shows: which ties brought more jobs, all together."""
    table = tie_value(G)
    weak_share = float(table["share"].iloc[0])
    index = 1 if weak_share >= 0.6 else 0 if weak_share <= 0.4 else 2
    figure = draw_tie_value(table, title=gettext(N_(
        "Everyone looks for a job for a year: the jobs found through a contact"), lang),
        lang=lang)
    return index, figure, describe_tie_value(table, lang)


PREDICTIONS = {
    "in-total": PredictionData(
        question=N_("Of all the jobs people found through a contact, which ties brought "
                    "more: strong ties (close people) or weak ties (acquaintances)?"),
        choices=(N_("Strong ties brought more"), N_("Weak ties brought more"),
                 N_("About as many each")),
        run=_in_total_answer,
        explanation=N_("One close tie helps more than one acquaintance: close people pass "
                       "on more, and can vouch for you. But everyone has many more "
                       "acquaintances than close people, and acquaintances hear of openings "
                       "that you and your close circle do not hear of (Gee, Jones and Burke "
                       "2017 found the same on Facebook)."),
        claims=("weak_ties_bring_most_jobs", "one_strong_tie_brings_more"),
    ),
}

QUIZZES = {
    "in-total": QuizData(
        question=N_("Why do weak ties bring most of the jobs found through a contact?"),
        choices=(N_("Each acquaintance tries harder to help than a close friend does"),
                 N_("Employers prefer candidates they do not know"),
                 N_("There are many more of them, and they hear of openings you have not "
                    "heard of")),
        answer=N_("There are many more of them, and they hear of openings you have not "
                  "heard of"),
        explanation=N_("One by one, a close tie is worth more. Weak ties win by their number, "
                       "and because they move in other circles (Granovetter 1973)."),
        hints={N_("Each acquaintance tries harder to help than a close friend does"):
               N_("The opposite: close people are the most willing to help. Look at the "
                  "left-hand chart again."),
               N_("Employers prefer candidates they do not know"):
               N_("Nothing in the simulation makes employers prefer strangers. Think of "
                  "how many acquaintances you have.")},
    ),
    "vouch": QuizData(
        question=N_("In a trade where employers hire on the word of someone they trust, "
                    "who can help a job seeker most, one person at a time?"),
        choices=(N_("A close contact who works for the employer and can vouch for you"),
                 N_("An acquaintance you met once at an event"),
                 N_("Someone you only know on a platform")),
        answer=N_("A close contact who works for the employer and can vouch for you"),
        explanation=N_("Where trust decides, a close tie inside the company is worth the most; "
                       "this is why strong ties help more in less digital trades (Rajkumar et "
                       "al. 2022). Acquaintances still bring most of the news of openings."),
        hints={N_("An acquaintance you met once at an event"):
               N_("An acquaintance may tell you of an opening, but can they vouch for your "
                  "work?"),
               N_("Someone you only know on a platform"):
               N_("The employer wants the word of someone they trust, who knows your "
                  "work.")},
    ),
}


# --------------------------------------------------------------------------
# Facts and claims

def facts(G):
    """The numbers and names the text of page 3 quotes, computed on its population."""
    from ...scenarios.job_search import DIGITAL

    person = protagonist(G)
    attrs = G.nodes[person]
    default = tie_value(G)
    out = {
        "people": G.number_of_nodes(),
        "first": attrs["name"].split()[0],
        "occupation": attrs["occupation"],
        "sector": attrs["sector"],
        "her_digital": DIGITAL.get(attrs["sector"], 1.0),
        "less_digital": LESS_DIGITAL,
        "runs": len(SEEDS),
        "hired": default.attrs["hired"],
        "through_contact": default.attrs["through_contact"],
        "weak_share": float(default["share"].iloc[0]),
        "ratio": default.attrs["ratio"],
        "times_more_weak": float(default["ties"].iloc[0] / default["ties"].iloc[1]),
    }
    for digital in TRADE_KINDS:
        for recommendation in VOUCHING:
            t = tie_value(G, digital=digital, recommendation=recommendation)
            key = f"{int(digital * 10)}_{int(recommendation * 10)}"
            out[f"ratio_{key}"] = t.attrs["ratio"]
            out[f"strong_share_{key}"] = float(t["share"].iloc[1])
            out[f"vouching_{key}"] = t.attrs["vouching"]
    return out


@claim("most people who found a job found it through a contact")
def most_jobs_through_a_contact(f):
    return f["through_contact"] > 0.5, f"{f['through_contact']:.2f} through a contact"


@claim("weak ties brought most of the jobs found through a contact")
def weak_ties_bring_most_jobs(f):
    return f["weak_share"] > 0.5, f"weak ties' share of the jobs {f['weak_share']:.2f}"


@claim("one strong tie brought more jobs than one weak tie")
def one_strong_tie_brings_more(f):
    return f["ratio"] > 1, f"one strong tie is worth {f['ratio']:.2f} weak ties"


@claim("her trade is one of the least digital")
def her_trade_is_less_digital(f):
    return f["her_digital"] <= f["less_digital"], f"{f['sector']}: {f['her_digital']}"


@claim("with the course's choice, one strong tie is worth more against a weak tie in a "
       "trade that hires on site than in a digital trade")
def strong_ties_worth_more_on_site(f):
    return (f["ratio_1_5"] > f["ratio_9_5"],
            f"ratio {f['ratio_1_5']:.2f} on site, {f['ratio_9_5']:.2f} digital")


@claim("the more jobs need someone to vouch, the more a strong tie is worth, in a trade that "
       "hires on site; there, with 'all', strong ties bring the larger share of the jobs")
def vouching_raises_strong_ties(f):
    return (f["ratio_1_0"] < f["ratio_1_5"] < f["ratio_1_10"]
            and f["strong_share_1_10"] > 0.5 > f["strong_share_1_0"],
            f"ratios {f['ratio_1_0']:.2f}, {f['ratio_1_5']:.2f}, {f['ratio_1_10']:.2f}; "
            f"strong ties' share {f['strong_share_1_0']:.2f} to {f['strong_share_1_10']:.2f}")


@claim("in a digital trade, the slider changes little: weak ties keep most of the jobs")
def digital_trades_change_little(f):
    return (max(f["strong_share_9_0"], f["strong_share_9_5"], f["strong_share_9_10"]) < 0.35
            and f["ratio_9_10"] < f["ratio_1_10"] / 2,
            f"strong ties' share {f['strong_share_9_0']:.2f} to {f['strong_share_9_10']:.2f}, "
            f"ratio {f['ratio_9_10']:.2f} against {f['ratio_1_10']:.2f} on site")
