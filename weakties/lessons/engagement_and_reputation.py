"""Lesson 06, engagement and reputation: the engagement triangle and augmented transparency.

The functions the lesson's cells call, its quizzes and its prediction, the
facts its text quotes and the claims its text makes
(``course/sources/en/06-engagement-and-reputation.md``). The simulation is
:func:`weakties.scenarios.reputation`.

References
----------
.. [1] Granovetter, M. (1985). Economic action and social structure: the
   problem of embeddedness. *American Journal of Sociology* 91(3), 481-510.
.. [2] Burt, R. S. (2005). *Brokerage and Closure: An Introduction to Social
   Capital*. Oxford University Press.
.. [3] Raub, W., Weesie, J. (1990). Reputation and efficiency in social
   interactions: an example of network effects. *American Journal of
   Sociology* 96(3), 626-654.
"""

from __future__ import annotations

import statistics

from .. import ties as _ties
from ..i18n import N_, decimal, gettext, number, percent
from ..scenarios.reputation import CLASSES, class_of, reputation
from ._core import Lesson, PredictionData, QuizData, claim
from .people import followed_person, you_person

__all__ = ["LESSON", "QUIZZES", "PREDICTIONS", "EXPLORERS", "SEED", "PERIODS",
           "EXPLORER_PERIODS", "ASK_SHARES", "CANDOURS", "reliability_classes", "show_reliability", "class_counts",
           "show_contacts_by_reliability", "ask_or_not", "show_with_and_without", "show_spread",
           "show_who_answered", "explore_asking", "facts"]

LESSON = Lesson("06", "engagement-and-reputation", population=(2000, 7))

#: The seed of the lesson's simulations, and the months they run (the
#: explorer runs fewer, so that a redraw is quick).
SEED, PERIODS, EXPLORER_PERIODS = 7, 24, 12
#: The positions of the explorer's sliders (clients who ask, people who tell).
ASK_SHARES = CANDOURS = (0.0, 0.25, 0.5, 0.75, 1.0)
_CLASS_NAMES = {"unreliable": N_("unreliable"), "average": N_("average"),
                "reliable": N_("reliable")}
_COMMITMENTS = {"client": N_("respect for the client relation"),
                "deadlines": N_("respect for deadlines"),
                "payment": N_("respect for paying invoices")}


def _t(text, lang):
    return gettext(text, lang)


def reliability_classes(G):
    """Each person's reliability class, from their mean reliability on the three commitments.

    Returns
    -------
    dict
        ``{person: "unreliable" | "average" | "reliable"}`` (see
        :func:`weakties.scenarios.reputation.class_of`).

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(300, seed=1)
    >>> classes = reliability_classes(G)
    >>> sorted(set(classes.values()))
    ['average', 'reliable', 'unreliable']
    """
    return {v: str(class_of(sum(G.nodes[v]["reliability"].values()) / 3)) for v in G}


def show_reliability(G, person, lang=None):
    """Print ``person``'s reliability on each commitment of the engagement triangle.

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(300, seed=1)
    >>> show_reliability(G, 0, lang="en")  # doctest: +ELLIPSIS
    respect for the client relation: 0...
    respect for deadlines: 0...
    respect for paying invoices: 0...
    """
    for key, label in _COMMITMENTS.items():
        print(_t(N_("{commitment}: {chance}"), lang).format(
            commitment=_t(label, lang),
            chance=decimal(G.nodes[person]['reliability'][key], 2, lang)))


def class_counts(G, lang=None):
    """How many people of the population are in each reliability class.

    Returns
    -------
    pandas.Series
        Indexed by class, from unreliable to reliable.

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(300, seed=1)
    >>> int(class_counts(G, lang="en").sum())
    300
    """
    import pandas as pd

    classes = reliability_classes(G)
    counts = {_t(_CLASS_NAMES[c], lang): sum(1 for x in classes.values() if x == c)
              for c in CLASSES}
    return pd.Series(counts, name=_t(N_("people"), lang))


def show_contacts_by_reliability(G, person, lang=None):
    """Draw ``person``'s network with each contact coloured and shaped by reliability class.

    Returns
    -------
    matplotlib.figure.Figure
    """
    import networkx as nx

    from ..plotting import draw_ego

    key = _t(N_("reliability class"), lang)
    classes = reliability_classes(G)
    ego = nx.ego_graph(G, person)  # a copy: the person and their contacts
    nx.set_node_attributes(ego, {v: _t(_CLASS_NAMES[classes[v]], lang) for v in ego}, key)
    ax = draw_ego(ego, person, color_by=key,
                  title=_t(N_("Your contacts by reliability class"), lang))
    return ax.figure


# --------------------------------------------------------------------------
# The simulations

_CACHE: dict = {}


def _run(G, ask_share, depth=2, periods=PERIODS, candour=1.0):
    key = (id(G), G.number_of_nodes(), G.number_of_edges(), ask_share, depth, periods, candour)
    if key not in _CACHE:
        if len(_CACHE) > 96:
            _CACHE.clear()
        _CACHE[key] = reputation(G, ask_share=ask_share, depth=depth, periods=periods,
                                 seed=SEED, candour=candour)
    return _CACHE[key]


def ask_or_not(G):
    """The lesson's two simulations: nobody asks their network, and every client does.

    Two years (24 months), questions travel two steps, seed :data:`SEED`.
    Results are kept for the population, so that the lesson's cells reuse
    them.

    Returns
    -------
    (ReputationResult, ReputationResult)
        Nobody asks, everyone asks.

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(300, seed=1)
    >>> nobody, everyone = ask_or_not(G)
    >>> nobody.params["ask_share"], everyone.params["ask_share"]
    (0.0, 1.0)
    """
    return _run(G, 0.0), _run(G, 1.0)


def show_with_and_without(G, lang=None):
    """Draw the business of each class side by side: nobody asks, every client asks.

    Returns
    -------
    matplotlib.figure.Figure
    """
    import matplotlib.pyplot as plt

    nobody, everyone = ask_or_not(G)
    fig, axes = plt.subplots(1, 2, figsize=(13, 4.5), sharey=True)
    nobody.plot(ax=axes[0], lang=lang)
    everyone.plot(ax=axes[1], lang=lang)
    return fig


def show_spread(G, lang=None):
    """Draw how warnings spread when every client asks their network.

    Returns
    -------
    matplotlib.figure.Figure
    """
    return ask_or_not(G)[1].plot(kind="spread", lang=lang).figure


def show_who_answered(G, lang=None):
    """Draw who answered the clients who asked, and print how often one tie of each kind knew.

    Returns
    -------
    matplotlib.figure.Figure
    """
    everyone = ask_or_not(G)[1]
    src = everyone.sources.set_index("source")
    for kind, label in (("strong tie", N_("one strong tie")), ("weak tie", N_("one weak tie"))):
        print(_t(N_("{tie} had worked with the candidate asked about in {per} of the "
                    "questions"), lang).format(
            tie=_t(label, lang), per=percent(src.loc[kind, "per_tie"], 2, lang)))
    ax = everyone.plot(kind="sources", lang=lang)
    ax.figure.set_size_inches(9, 4.5)
    return ax.figure


def explore_asking(G, lang=None):
    """An explorer: how many clients ask, how far the question travels, how candid people are.

    Four controls: the share of clients who ask their network, how many
    steps a question travels, the share of people who say so when a partner
    failed them (an assumption of the model), and the view (business of
    each class, spread of warnings, or who answered). It simulates
    :data:`EXPLORER_PERIODS` months. The results of moving one control
    from its starting position are computed when the explorer is made (a
    few seconds); results already seen are kept, so moving back is
    immediate.

    Returns
    -------
    weakties.widgets.Explorer
    """
    import ipywidgets as widgets

    from ..widgets import Explorer

    start = {"ask_share": 0.5, "depth": 2, "candour": 1.0}
    for name, values in (("ask_share", ASK_SHARES), ("depth", (1, 2, 3)),
                         ("candour", CANDOURS)):
        for value in values:  # one control moved from the start: computed now, kept
            _run(G, **{**start, name: value}, periods=EXPLORER_PERIODS)

    def show_market(ask_share, depth, candour, view):
        return _run(G, ask_share, depth, EXPLORER_PERIODS, candour).plot(kind=view,
                                                                            lang=lang).figure

    return Explorer(
        show_market, title=_t(N_("Who wins the projects when clients ask their network?"), lang),
        ask_share=widgets.FloatSlider(value=start["ask_share"], min=0, max=1, step=0.25,
                                      description=_t(N_("clients who ask"), lang)),
        depth=widgets.Dropdown(options=[(_t(N_("only my contacts"), lang), 1),
                                        (_t(N_("contacts of contacts"), lang), 2),
                                        (_t(N_("three steps"), lang), 3)], value=start["depth"],
                               description=_t(N_("the question travels to"), lang)),
        candour=widgets.FloatSlider(value=start["candour"], min=0, max=1, step=0.25,
                                    description=_t(N_("people who tell a bad experience"),
                                                   lang)),
        view=widgets.Dropdown(options=[(_t(N_("business by class"), lang), "business"),
                                       (_t(N_("spread of warnings"), lang), "spread"),
                                       (_t(N_("who answered"), lang), "sources")],
                              description=_t(N_("view"), lang)))


#: The lesson's explorers by the key of the cell that shows them, for benchmarks.
EXPLORERS = {"explore": explore_asking}


# --------------------------------------------------------------------------
# Prediction and quizzes

_UNRELIABLE_CHOICES = (N_("It stays close to a fair share"),
                       N_("It falls, but they still win some projects"),
                       N_("It falls to almost nothing"))


def _unreliable_answer(G, lang=None):
    """What the simulation shows: the business of each class when every client asks."""
    everyone = ask_or_not(G)[1]
    trend = everyone.trend().set_index("class")
    start, end = trend.loc["unreliable", "start"], trend.loc["unreliable", "end"]
    index = 0 if end >= 0.8 else 1 if end >= 0.2 else 2
    ax = everyone.plot(lang=lang)
    description = _t(N_(
        "A line chart over the 24 months: the horizontal axis is the month, the vertical "
        "axis each class's share of the projects divided by its share of the people, with a "
        "dotted line at 1 (a fair share). Each class has its own colour, marker and line "
        "style. Unreliable partners won {start} of a fair share in the first three months "
        "and {end} in the last six; reliable partners {reliable} at the end. The one thing "
        "to notice: the lines separate month after month, as warnings accumulate."),
        lang).format(start=decimal(start, 2, lang), end=decimal(end, 2, lang),
                     reliable=decimal(trend.loc["reliable", "end"], 2, lang))
    return index, ax.figure, description


PREDICTIONS = {
    "unreliable": PredictionData(
        question=N_("Every client asks their network before committing. After two years, "
                    "what happens to the business of unreliable partners?"),
        choices=_UNRELIABLE_CHOICES,
        run=_unreliable_answer,
        explanation=N_("Each bad experience becomes a warning that the client's contacts and "
                       "their contacts can hear. Warnings accumulate month after month. A "
                       "partner nobody has worked with yet still gets the benefit of the "
                       "doubt, so unreliable partners keep winning some projects from clients "
                       "who hear nothing about them."),
        claims=("asking_moves_business",),
    ),
}

QUIZZES = {
    "triangle": QuizData(
        question=N_("A partner delivers on time and pays on time, but contacts your client "
                    "directly to sell them their own services. Which commitment do they "
                    "break?"),
        choices=(N_("Respect for deadlines"), N_("Respect for the client relation"),
                 N_("Respect for the payment of invoices"),
                 N_("None: this is normal competition")),
        answer=N_("Respect for the client relation"),
        explanation=N_("The client belongs to the partner who brought them; going around that "
                       "partner breaks the first side of the triangle."),
        hints={N_("None: this is normal competition"):
               N_("Competing for new clients is normal; taking a client that a partner "
                  "brought you is not."),
               N_("Respect for deadlines"): N_("The work arrived on time here."),
               N_("Respect for the payment of invoices"):
               N_("The invoices were paid on time here.")},
    ),
    "why-lose": QuizData(
        question=N_("In the simulation, what made unreliable partners lose business?"),
        choices=(N_("A rating agency that published their results"),
                 N_("Each client's own bad experiences, even without asking anyone"),
                 N_("Clients who asked their network, and contacts who told them about "
                    "bad experiences")),
        answer=N_("Clients who asked their network, and contacts who told them about bad "
                  "experiences"),
        explanation=N_("With nobody asking, unreliable partners kept about a fair share. "
                       "Asking made bad experiences visible to new clients, as long as the "
                       "people asked were candid about them."),
        hints={N_("A rating agency that published their results"):
               N_("There is no agency in the model: only people and their contacts."),
               N_("Each client's own bad experiences, even without asking anyone"):
               N_("Look again at the left-hand chart: without asking, the lines stay close "
                  "to 1.")},
    ),
    "whom-to-ask": QuizData(
        question=N_("You are about to sign with a new supplier. Whom is it most useful to "
                    "ask?"),
        choices=(N_("People who have worked with this supplier, even if you know them only a "
                    "little or through a contact"),
                 N_("Your closest friend, who has never worked with this supplier"),
                 N_("Nobody: the supplier's website says enough")),
        answer=N_("People who have worked with this supplier, even if you know them only a "
                  "little or through a contact"),
        explanation=N_("A useful answer comes from experience. You have many more weak ties "
                       "and contacts of contacts than close friends, so most such people are "
                       "among them."),
        hints={N_("Your closest friend, who has never worked with this supplier"):
               N_("Your friend wants to help, but has no experience of this supplier to "
                  "share."),
               N_("Nobody: the supplier's website says enough"):
               N_("A website shows what a supplier says about itself, not whether it keeps "
                  "its commitments.")},
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
    """The numbers and names the text of lesson 06 quotes, computed on its population."""
    from ..plotting import describe_ego

    you = you_person(G)
    classes = reliability_classes(G)
    counts = {c: sum(1 for x in classes.values() if x == c) for c in CLASSES}
    layers = _ties.layers(G, you)
    inner = [v for k in (1, 2, 3) for v in layers[k]]
    mean_rel = {v: sum(G.nodes[v]["reliability"].values()) / 3 for v in G}
    ends = {"strong": [], "weak": []}
    for u, v, s in G.edges(data="strength"):
        ends["strong" if s >= _ties.STRONG_THRESHOLD else "weak"] += [mean_rel[u], mean_rel[v]]
    nobody, everyone = ask_or_not(G)
    t0 = nobody.trend().set_index("class")
    t1 = everyone.trend().set_index("class")
    kept = everyone.projects.groupby("partner_class")["kept"].apply(lambda k: (k == 3).mean())
    s = everyone.spread
    src = everyone.sources.set_index("source")
    direct = src.loc["strong tie", "reports"] + src.loc["weak tie", "reports"]
    depth_end = {name: float(_run(G, 1.0, d, EXPLORER_PERIODS).trend().set_index("class")
                             .loc["unreliable", "end"]) for name, d in (("one", 1), ("three", 3))}
    candour_end = {name: float(_run(G, 1.0, 2, EXPLORER_PERIODS, c).trend().set_index("class")
                               .loc["unreliable", "end"])
                   for name, c in (("all", 1.0), ("half", 0.5), ("none", 0.0))}

    def strong(v):
        return sum(1 for w in G[v] if G[v][w]["strength"] >= _ties.STRONG_THRESHOLD)

    mine = dict(G.nodes[you]["reliability"])
    return {
        "people": G.number_of_nodes(),
        "lucie": G.nodes[followed_person(G)]["name"],
        "name": G.nodes[you]["name"], "first": G.nodes[you]["name"].split()[0],
        "occupation": G.nodes[you]["occupation"], "sector": G.nodes[you]["sector"],
        "district": G.nodes[you]["district"],
        "degree": G.degree(you), "strong": strong(you),
        "median_degree": statistics.median(d for _, d in G.degree()),
        "median_strong": statistics.median(strong(v) for v in G),
        "mine_low": min(mine.values()), "mine_high": max(mine.values()),
        "mine_in_five": round(5 * sum(mine.values()) / 3),
        "counts": counts,
        "ego": _in_language(describe_ego, G, you),
        "inner": len(inner),
        "inner_classes": {c: sum(1 for v in inner if classes[v] == c) for c in CLASSES},
        "rel_strong": sum(ends["strong"]) / len(ends["strong"]),
        "rel_weak": sum(ends["weak"]) / len(ends["weak"]),
        "t0": {c: {k: float(t0.loc[c, k]) for k in ("start", "end")} for c in CLASSES},
        "t1": {c: {k: float(t1.loc[c, k]) for k in ("start", "end")} for c in CLASSES},
        "kept": {c: float(kept[c]) for c in CLASSES},
        "warned_first": float(s["warned"].iloc[0]), "warned_last": float(s["warned"].iloc[-1]),
        "bad_last": int(s["people_with_bad_experience"].iloc[-1]),
        "share_second": float(src.loc["contact of a contact", "share"]),
        "share_strong_direct": float(src.loc["strong tie", "reports"] / direct),
        "share_weak_direct": float(src.loc["weak tie", "reports"] / direct),
        "per_strong": float(src.loc["strong tie", "per_tie"]),
        "per_weak": float(src.loc["weak tie", "per_tie"]),
        "strong_tie_share": len(ends["strong"]) / (
            len(ends["strong"]) + len(ends["weak"])),
        "depth_end": depth_end,
        "candour_end": candour_end,
        "explorer_months": EXPLORER_PERIODS,
    }


@claim("you have a typical network: about as many ties and strong ties as the median person")
def you_are_typical(f):
    ok = (abs(f["degree"] - f["median_degree"]) <= 0.1 * f["median_degree"]
          and abs(f["strong"] - f["median_strong"]) <= 1)
    return ok, (f"{f['degree']} ties and {f['strong']} strong; median {f['median_degree']} "
                f"and {f['median_strong']}")


@claim("closeness tells nothing about reliability: the two ends of strong and of weak ties "
       "are equally reliable on average")
def closeness_tells_nothing(f):
    return (abs(f["rel_strong"] - f["rel_weak"]) < 0.03,
            f"mean reliability at strong ties {f['rel_strong']:.3f}, weak {f['rel_weak']:.3f}")


@claim("when nobody asks, every class keeps close to a fair share of the business")
def without_asking_nothing_changes(f):
    end = {c: f["t0"][c]["end"] for c in CLASSES}
    return all(0.8 <= v <= 1.25 for v in end.values()), f"end of the run {end}"


@claim("when every client asks, unreliable partners fall to between 0.2 and 0.8 of a fair "
       "share (they still win some projects) and reliable ones rise above 1.2")
def asking_moves_business(f):
    u, r = f["t1"]["unreliable"], f["t1"]["reliable"]
    ok = 0.2 <= u["end"] < 0.8 and u["end"] < u["start"] and r["end"] > 1.2
    return ok, f"unreliable {u}, reliable {r}"


@claim("warnings keep growing: the share of questions about unreliable candidates that find "
       "a warning rises over the two years")
def warnings_keep_growing(f):
    return (f["warned_last"] > f["warned_first"] + 0.2,
            f"first month {f['warned_first']:.2f}, last {f['warned_last']:.2f}")


@claim("reliable partners keep all three commitments more often than average ones, and "
       "average ones more often than unreliable ones")
def reliable_keep_more(f):
    k = f["kept"]
    return k["reliable"] > k["average"] > k["unreliable"], f"all three kept {k}"


@claim("most answers come from contacts of contacts; among direct contacts, from weak ties; "
       "one strong tie knows a candidate about as often as one weak tie")
def answers_come_from_the_many(f):
    ratio = f["per_strong"] / f["per_weak"]
    ok = (f["share_second"] > 0.8 and f["share_weak_direct"] > 2 * f["share_strong_direct"]
          and 0.7 < ratio < 1.4)
    return ok, (f"contacts of contacts {f['share_second']:.2f}; direct: strong "
                f"{f['share_strong_direct']:.2f}, weak {f['share_weak_direct']:.2f}; per tie "
                f"ratio {ratio:.2f}")


@claim("asking only one's own contacts changes little; questions that travel three steps "
       "cut the unreliable partners' business by far more")
def questions_must_travel(f):
    d = f["depth_end"]
    return (d["one"] > 0.8 and d["three"] < d["one"] - 0.3,
            f"unreliable partners at the end, by steps {d}")


@claim("when nobody tells a bad experience, asking changes nothing: unreliable partners keep "
       "about a fair share; with half of the people candid, they lose much less")
def transparency_needs_candour(f):
    c = f["candour_end"]
    return (0.8 <= c["none"] <= 1.25 and c["all"] < c["half"] - 0.1 < c["none"],
            f"unreliable partners at the end, by candour {c}")
