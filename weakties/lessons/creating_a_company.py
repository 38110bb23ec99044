"""Lesson 10, creating a company: strong ties only, weak ties only, or the whole network.

The functions the lesson's cells call, its quizzes and its prediction, the
facts its text quotes and the claims its text makes
(``course/sources/en/10-creating-a-company.md``). The simulation is
:func:`weakties.scenarios.venture`.

References
----------
.. [1] Ruef, M., Aldrich, H. E., Carter, N. M. (2003). The structure of
   founding teams: homophily, strong ties, and isolation among US
   entrepreneurs. *American Sociological Review* 68(2), 195-222.
.. [2] Aldrich, H. E., Zimmer, C. (1986). Entrepreneurship through social
   networks. In *The Art and Science of Entrepreneurship*, 3-23.
.. [3] Burt, R. S. (1992). *Structural Holes: The Social Structure of
   Competition*. Harvard University Press.
.. [4] Granovetter, M. S. (1973). The strength of weak ties. *American
   Journal of Sociology* 78(6), 1360-1380.
"""

from __future__ import annotations

from functools import lru_cache, partial

import numpy as np

from .. import ties as _ties
from ..i18n import N_, decimal, gettext, language, number
from ..scenarios.venture import (DEFAULT_NEEDS, MODE_NAMES, ROLE_NAMES, venture,
                                 venture_coverage, venture_searcher)
from ._core import Lesson, PredictionData, QuizData, claim
from .people import you_person

# ``you_person`` and ``venture`` are imported by the lesson's setup cell from here too.
__all__ = ["LESSON", "QUIZZES", "PREDICTIONS", "SEED", "you_person", "venture",
           "needs_table", "your_ties",
           "team_table", "show_team", "founders", "show_founders", "explore_search",
           "search_explorer_callback", "facts"]

LESSON = Lesson("10", "creating-a-company", population=(2000, 7))

#: The seed of the lesson's simulations (the same as its population's).
SEED = 7
#: The lesson's three searches, in the order of :data:`weakties.scenarios.venture.MODES`.
STRONG, WEAK, WHOLE = "strong ties only", "weak ties only", "whole network"
#: One founder in ``FOUNDER_STEP`` is a founder in the population-wide comparison.
FOUNDER_STEP = 10

_KIND_NAMES = {"skill": N_("a skill"), "sector": N_("a sector")}


def needs_table(lang=None):
    """The needs of the lesson's company: one row per need, with its role and its kind.

    Returns
    -------
    pandas.DataFrame
        Columns ``role``, ``need`` and ``kind`` (a skill or a sector), in the
        order of :data:`weakties.scenarios.venture.DEFAULT_NEEDS`.

    Examples
    --------
    >>> table = needs_table(lang="en")
    >>> len(table), list(table.columns)
    (10, ['role', 'need', 'kind'])
    >>> table.iloc[0].tolist()
    ['partner', 'web development', 'a skill']
    """
    import pandas as pd

    from .. import _france

    sectors = set(_france.SECTORS)
    t = lambda text: gettext(text, lang)  # noqa: E731
    rows = [(t(ROLE_NAMES[role]), need, t(_KIND_NAMES["sector" if need in sectors else "skill"]))
            for role, needs in DEFAULT_NEEDS.items() for need in needs]
    return pd.DataFrame(rows, columns=[t(N_("role")), t(N_("need")), t(N_("kind"))])


def _split(G, person, threshold=None):
    threshold = _ties.STRONG_THRESHOLD if threshold is None else threshold
    strong = [q for q in G[person] if G[person][q]["strength"] >= threshold]
    weak = [q for q in G[person] if G[person][q]["strength"] < threshold]
    return strong, weak


def your_ties(G, person, lang=None):
    """Print how many strong and weak ties ``person`` has, and in how many sectors.

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(300, seed=1)
    >>> your_ties(G, 0, lang="en")  # doctest: +ELLIPSIS
    Strong ties: ... in ... sectors
    Weak ties: ... in ... sectors
    """
    _ties._check_node(G, person, "person")
    strong, weak = _split(G, person)
    for label, people in ((N_("Strong ties: {count} in {sectors} sectors"), strong),
                          (N_("Weak ties: {count} in {sectors} sectors"), weak)):
        print(gettext(label, lang).format(
            count=number(len(people), lang),
            sectors=number(len({G.nodes[q]["sector"] for q in people}), lang)))


def team_table(G, result, lang=None):
    """The person chosen for each need through the whole network, as a table.

    Parameters
    ----------
    G : networkx.Graph
    result : weakties.scenarios.venture.VentureResult

    Returns
    -------
    pandas.DataFrame
        One row per need: the role, the need, the person's name and sector,
        how many ties away they are, the trust of the chain and their
        reliability (rounded to two decimals).

    Examples
    --------
    >>> import weakties
    >>> from weakties.scenarios import venture
    >>> G = weakties.population(300, seed=1)
    >>> table = team_table(G, venture(G, 0, seed=1), lang="en")
    >>> list(table.columns)
    ['role', 'need', 'person', 'sector', 'ties away', 'trust', 'reliability']
    >>> len(table)
    10
    """
    import pandas as pd

    t = lambda text: gettext(text, lang)  # noqa: E731
    team = result.team[result.team["mode"] == WHOLE]
    rows = []
    for r in team.itertuples():
        rows.append((t(ROLE_NAMES[r.role]), r.need,
                     G.nodes[r.person]["name"] if r.covered else "-",
                     r.sector if r.covered else "-", r.hops if r.covered else None,
                     round(r.trust, 2), round(r.reliability, 2) if r.covered else None))
    columns = [t(c) for c in (N_("role"), N_("need"), N_("person"), N_("sector"),
                              N_("ties away"), N_("trust"), N_("reliability"))]
    table = pd.DataFrame(rows, columns=columns)
    if (language() if lang is None else lang) != "en":  # numbers as the language writes them
        for column in columns[5:]:
            table[column] = [None if x is None or x != x else decimal(x, 2, lang)
                             for x in table[column]]
    return table


def _team_people(result):
    team = result.team[(result.team["mode"] == WHOLE) & result.team["covered"]]
    return team, {p for chain in team["chain"] for p in chain}


def show_team(G, person, result, lang=None):
    """Draw ``person``, their team and the contacts who lead to it, each member with their role.

    The picture is :func:`weakties.plotting.draw_network` of the people on
    the chains of the whole-network team: colour and shape by sector, line
    width by tie strength, ``person`` as a black star, and each team member
    labelled with the roles they cover.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import weakties
    >>> from weakties.scenarios import venture
    >>> G = weakties.population(300, seed=1)
    >>> fig = show_team(G, 0, venture(G, 0, seed=1), lang="en")
    >>> fig.axes[0].get_title()
    'You, your team and the contacts who lead to them'
    """
    import matplotlib.pyplot as plt
    import networkx as nx

    from ..plotting import draw_network

    t = lambda text: gettext(text, lang)  # noqa: E731
    team, people = _team_people(result)
    H = G.subgraph(people)
    ax = draw_network(H, highlight=person, seed=SEED, node_size=80, max_categories=12,
                      title=t(N_("You, your team and the contacts who lead to them")))
    ax.get_legend().get_texts()[-1].set_text(t(N_("you")))
    ax.get_legend().set_title(t(N_("sector")))
    pos = nx.spring_layout(H, seed=SEED, weight="strength")  # the layout draw_network used
    for member, rows in team.groupby("person"):
        roles = ", ".join(t(ROLE_NAMES[r]) for r in sorted(set(rows["role"])))
        ax.annotate(roles, pos[member], xytext=(7, 7), textcoords="offset points",
                    fontsize=9, bbox={"boxstyle": "round", "facecolor": "white", "alpha": 0.8})
    plt.close(ax.figure)
    return ax.figure


def founders(G, **options):
    """Every tenth person of ``G`` as a founder, searching the three ways.

    :func:`weakties.scenarios.venture_coverage` for people ``0, 10, 20,
    ...`` with the lesson's seed; ``options`` go to it.

    Examples
    --------
    >>> import weakties
    >>> table = founders(weakties.population(300, seed=1))
    >>> len(table) == 3 * 30
    True
    """
    return venture_coverage(G, sorted(G)[::FOUNDER_STEP], seed=SEED, **options)


def show_founders(G, lang=None):
    """Draw how many needs each founder covers through strong ties only and weak ties only.

    A histogram over every tenth person as a founder (:func:`founders`):
    filled bars for strong ties only, a dashed outline for weak ties only.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import weakties
    >>> fig = show_founders(weakties.population(300, seed=1), lang="en")
    >>> [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    ['strong ties only', 'weak ties only']
    """
    import matplotlib.pyplot as plt

    from ..plotting import count_histogram

    t = lambda text: gettext(text, lang)  # noqa: E731
    table = founders(G)
    covered = {m: table.loc[table["mode"] == m, "covered"].to_numpy() for m in (STRONG, WEAK)}
    ax = count_histogram(
        covered[STRONG], covered[WEAK], labels=(t(MODE_NAMES[STRONG]), t(MODE_NAMES[WEAK])),
        title=t(N_("{founders} founders: needs covered, out of {needs}")).format(
            founders=number(len(covered[STRONG]), lang), needs=number(_needs(), lang)),
        xlabel=t(N_("needs covered")), ylabel=t(N_("number of founders")))
    plt.close(ax.figure)
    return ax.figure


def _needs():
    return sum(len(v) for v in DEFAULT_NEEDS.values())


def search_explorer_callback(G, person, lang=None):
    """The function the lesson's Explorer calls: draw the needs covered for chosen controls.

    ``callback(max_hops, min_reliability, strong_threshold)`` runs the
    search of :func:`weakties.scenarios.venture` on the population read
    once (:func:`~weakties.scenarios.venture.venture_searcher`; each
    combination of values is searched once, then kept) and returns the bar
    chart of
    :meth:`~weakties.scenarios.venture.VentureResult.plot`, titled with the
    number of needs each search covers.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import weakties
    >>> G = weakties.population(300, seed=1)
    >>> show = search_explorer_callback(G, 0, lang="en")
    >>> fig = show(max_hops=2, min_reliability=0.0, strong_threshold=0.5)
    >>> fig.axes[0].get_title().startswith("Needs covered: strong ties only ")
    True
    """
    import matplotlib.pyplot as plt

    search = lru_cache(maxsize=256)(partial(venture_searcher(G, seed=SEED), person))
    t = lambda text: gettext(text, lang)  # noqa: E731
    total = _needs()

    def show(max_hops, min_reliability, strong_threshold):
        result = search(max_hops=int(max_hops), min_reliability=round(float(min_reliability), 2),
                        strong_threshold=round(float(strong_threshold), 2))
        covered = result.coverage.set_index("mode")["covered"]
        title = t(N_("Needs covered: strong ties only {strong}, weak ties only {weak}, "
                     "whole network {whole} (of {needs})")).format(
            strong=number(covered[STRONG], lang), weak=number(covered[WEAK], lang),
            whole=number(covered[WHOLE], lang), needs=number(total, lang))
        fig, ax = plt.subplots(figsize=(8, 4.5))
        result.plot(ax=ax, lang=lang, title=title)
        ax.title.set_fontsize(10)
        plt.close(fig)
        return fig

    return show


def explore_search(G, person, lang=None):
    """An Explorer: how far you search, how reliable people must be, and what counts as strong.

    Three controls: ``max hops`` (1 to 3 ties away), ``min reliability``
    (0 to 0.9) and ``strong from`` (the strength from which a tie counts
    as strong, 0.3 to 0.7). The picture is the bar chart of the needs
    covered by role, for the three searches (:func:`search_explorer_callback`).

    Returns
    -------
    weakties.widgets.Explorer
    """
    import ipywidgets as widgets

    from ..widgets import Explorer

    t = lambda text: gettext(text, lang)  # noqa: E731
    return Explorer(
        search_explorer_callback(G, person, lang),
        title=t(N_("How far you search, how demanding you are, and what counts as a strong "
                   "tie.")),
        max_hops=widgets.IntSlider(value=2, min=1, max=3, description=t(N_("max hops"))),
        min_reliability=widgets.FloatSlider(value=0.0, min=0.0, max=0.9, step=0.1,
                                            description=t(N_("min reliability"))),
        strong_threshold=widgets.FloatSlider(value=_ties.STRONG_THRESHOLD, min=0.3, max=0.7,
                                             step=0.1, description=t(N_("strong from"))))


# --------------------------------------------------------------------------
# Prediction and quizzes

_WHICH_CHOICES = (N_("Strong ties only"), N_("About the same (within one need)"),
                  N_("Weak ties only"))


def _strong_or_weak_answer(G, person, lang=None):
    """What the simulation shows: the needs covered by role, for the three searches."""
    import matplotlib.pyplot as plt

    t = lambda text: gettext(text, lang)  # noqa: E731
    result = venture(G, person, max_hops=2, seed=SEED)
    covered = result.coverage.set_index("mode")["covered"]
    fig, ax = plt.subplots(figsize=(8, 4.5))
    result.plot(ax=ax, lang=lang)
    plt.close(fig)
    strong, weak, whole = (int(covered[m]) for m in (STRONG, WEAK, WHOLE))
    index = 1 if abs(strong - weak) <= 1 else 0 if strong > weak else 2
    description = t(N_(
        "A bar chart with three bars per role (partner, supplier, adviser, client): the share "
        "of the needs of that role covered through strong ties only (hatched with lines), "
        "weak ties only (hatched with dots) and the whole network (crossed). In all, strong "
        "ties only cover {strong} of the {needs} needs, weak ties only {weak}, and the whole "
        "network {whole}. The one thing to notice: your weak ties alone cover more than your "
        "strong ties alone, in this simulated population.")).format(
        strong=number(strong, lang), weak=number(weak, lang), whole=number(whole, lang),
        needs=number(_needs(), lang))
    return index, fig, description


PREDICTIONS = {
    "strong-or-weak": PredictionData(
        question=N_("You search for the ten people your company needs, within two ties of you. "
                    "Which search covers more needs: through your strong ties only, or through "
                    "your weak ties only?"),
        choices=_WHICH_CHOICES,
        run=_strong_or_weak_answer,
        explanation=N_("You have far more weak ties than strong ones, and through them you reach "
                       "far more people within two ties: more people, more skills and sectors "
                       "among them."),
        claims=("weak_ties_cover_more_for_you",),
    ),
}

QUIZZES = {
    "whole-network": QuizData(
        question=N_("In the simulation, the whole network always covers at least as many needs "
                    "as strong ties only or weak ties only. Why?"),
        choices=(N_("Because weak ties are better than strong ties"),
                 N_("Because the whole network holds both the strong and the weak ties"),
                 N_("Because the simulation gives the whole network more time")),
        answer=N_("Because the whole network holds both the strong and the weak ties"),
        explanation=N_("Every chain of strong ties and every chain of weak ties is also a chain "
                       "of the whole network, so it cannot do worse: this says nothing about "
                       "which ties matter. Compare strong ties only with weak ties only."),
        hints={N_("Because weak ties are better than strong ties"):
               N_("Think about what the whole network contains."),
               N_("Because the simulation gives the whole network more time"):
               N_("All three searches use the same number of steps (max hops).")}),
    "team": QuizData(
        question=N_("In the simulation, how is the person chosen for each need?"),
        choices=(N_("The person with the most contacts"),
                 N_("The first person found in the sector"),
                 N_("The person with the best trust (through the chain from you) times "
                    "reliability")),
        answer=N_("The person with the best trust (through the chain from you) times "
                  "reliability"),
        explanation=N_("Trust stands for how well the introduction can go; reliability for how "
                       "well the commitments will be kept."),
        hints={N_("The person with the most contacts"):
               N_("Many contacts do not make a good partner."),
               N_("The first person found in the sector"):
               N_("The simulation compares everyone who fits, within reach.")}),
    "accountant": QuizData(
        question=N_("You need an accountant for your new company. Which approach is closest to "
                    "what this lesson recommends?"),
        choices=(N_("Ask your contacts whom they would recommend, and ask people who have "
                    "worked with the candidates"),
                 N_("Take your cousin, who is an accountant, without asking anyone"),
                 N_("Pick the first accountant in an online directory")),
        answer=N_("Ask your contacts whom they would recommend, and ask people who have "
                  "worked with the candidates"),
        explanation=N_("Your network reaches more candidates, and the people who have worked "
                       "with them can tell you whether they are reliable."),
        hints={N_("Take your cousin, who is an accountant, without asking anyone"):
               N_("Maybe your cousin is the right person; but a strong tie tells you nothing "
                  "about reliability, and mixes family and business."),
               N_("Pick the first accountant in an online directory"):
               N_("That is a cold approach: no trust, no information on reliability.")}),
}


# --------------------------------------------------------------------------
# Facts and claims

#: Short keys of the three searches in the facts (placeholders cannot hold spaces).
_KEYS = {STRONG: "strong", WEAK: "weak", WHOLE: "whole"}


def _coverage(G, person, **options):
    r = venture(G, person, seed=SEED, **options)
    return {_KEYS[m]: int(c) for m, c in r.coverage.set_index("mode")["covered"].items()}


def facts(G):
    """The numbers and names the text of lesson 10 quotes, computed on its population."""
    person = you_person(G)
    result = venture(G, person, max_hops=2, seed=SEED)
    cov = result.coverage.set_index("mode")
    team, drawn = _team_people(result)
    strong_team = result.team[result.team["mode"] == STRONG]
    strong, weak = _split(G, person)
    table = founders(G)
    mean = table.groupby("mode")[["ties", "reached", "covered"]].mean()
    by_founder = table.pivot(index="founder", columns="mode", values="covered")
    same = {True: [], False: []}
    for a, b, s in G.edges(data="strength"):
        same[s >= _ties.STRONG_THRESHOLD].append(G.nodes[a]["sector"] == G.nodes[b]["sector"])
    members = team.drop_duplicates("person")
    return {
        "people": G.number_of_nodes(),
        "person": person,
        "name": G.nodes[person]["name"],
        "occupation": G.nodes[person]["occupation"],
        "sector": G.nodes[person]["sector"],
        "needs": _needs(),
        "strong_contacts": len(strong),
        "weak_contacts": len(weak),
        "strong_sectors": len({G.nodes[q]["sector"] for q in strong}),
        "weak_sectors": len({G.nodes[q]["sector"] for q in weak}),
        "cov": {_KEYS[m]: int(cov.loc[m, "covered"]) for m in (STRONG, WEAK, WHOLE)},
        "trust": {_KEYS[m]: float(cov.loc[m, "mean_trust"]) for m in (STRONG, WEAK, WHOLE)},
        # Roles in the current language: the build computes a lesson's facts in its language.
        "missing": ", ".join(f"{gettext(ROLE_NAMES[r.role])} ({r.need})"
                             for r in strong_team.itertuples() if not r.covered) or "-",
        "team_size": int(team["person"].nunique()),
        "drawn": len(drawn),
        "direct": int((members["hops"] == 1).sum()),
        "indirect": int((members["hops"] > 1).sum()),
        "team_sectors": int(team["sector"].nunique()),
        "team_sector_names": ", ".join(sorted(set(team["sector"]))),
        "founders": int(by_founder.shape[0]),
        "mean_cov": {_KEYS[m]: float(mean.loc[m, "covered"]) for m in (STRONG, WEAK, WHOLE)},
        "mean_ties": {_KEYS[m]: float(mean.loc[m, "ties"]) for m in (STRONG, WEAK, WHOLE)},
        "mean_reached": {_KEYS[m]: float(mean.loc[m, "reached"]) for m in (STRONG, WEAK, WHOLE)},
        "weak_wins_share": float((by_founder[WEAK] > by_founder[STRONG]).mean()),
        "same_sector": {"strong": float(np.mean(same[True])), "weak": float(np.mean(same[False]))},
        "hop1": _coverage(G, person, max_hops=1),
        "hop3": _coverage(G, person, max_hops=3),
        "rel": _coverage(G, person, min_reliability=0.8),
        "loose": _coverage(G, person, strong_threshold=0.3),
        "strict": _coverage(G, person, strong_threshold=0.7),
        "loose_strong_contacts": len(_split(G, person, 0.3)[0]),
        "strict_strong_contacts": len(_split(G, person, 0.7)[0]),
    }


@claim("your weak ties alone cover more needs than your strong ties alone")
def weak_ties_cover_more_for_you(f):
    return f["cov"]["weak"] > f["cov"]["strong"], f"coverage {f['cov']}"


@claim("your strong ties alone leave some needs uncovered, and the whole network covers all")
def strong_ties_leave_needs_the_whole_network_covers_all(f):
    return (f["cov"]["strong"] < f["needs"] == f["cov"]["whole"]), f"coverage {f['cov']}"


@claim("you have far more weak ties than strong ties, in more sectors")
def far_more_weak_ties(f):
    return (f["weak_contacts"] >= 2 * f["strong_contacts"]
            and f["weak_sectors"] > f["strong_sectors"]), (
        f"{f['strong_contacts']} strong ties in {f['strong_sectors']} sectors, "
        f"{f['weak_contacts']} weak in {f['weak_sectors']}")


@claim("chains of weak ties are less trusted than chains of strong ties")
def weak_chains_less_trusted(f):
    return f["trust"]["weak"] < f["trust"]["strong"], f"mean trust {f['trust']}"


@claim("for nearly every founder, weak ties alone cover more than strong ties alone")
def weak_ties_win_for_nearly_every_founder(f):
    return f["weak_wins_share"] >= 0.9, f"share of founders {f['weak_wins_share']:.2f}"


@claim("weak ties alone reach many times more people within two ties than strong ties alone")
def weak_ties_reach_many_more(f):
    r = f["mean_reached"]
    return r["weak"] > 5 * r["strong"], f"mean people reached {r}"


@claim("strong ties are not more often in the same sector than weak ties, in this population")
def strong_ties_not_more_alike_in_sector(f):
    s = f["same_sector"]
    return s["strong"] <= s["weak"] + 0.02, f"same-sector share {s}"


@claim("some of the team are contacts of contacts")
def team_has_contacts_of_contacts(f):
    return f["indirect"] >= 1, f"{f['direct']} direct, {f['indirect']} indirect"


@claim("with a minimum reliability of 0.8, strong ties only cover fewer needs and the whole "
       "network still covers them all")
def reliability_costs_strong_ties(f):
    return (f["rel"]["strong"] < f["needs"] and f["rel"]["whole"] == f["needs"]), f"{f['rel']}"


@claim("one tie away, strong ties only cover fewer needs than the whole network; three ties "
       "away, strong ties only cover more than one tie away")
def longer_chains_of_strong_ties_catch_up(f):
    return (f["hop1"]["strong"] < f["hop1"]["whole"] and f["hop3"]["strong"] > f["hop1"]["strong"]), (
        f"one tie {f['hop1']}, three ties {f['hop3']}")


@claim("the lower the strength from which a tie counts as strong, the more needs the strong "
       "ties cover")
def strong_coverage_hinges_on_the_threshold(f):
    a, b, c = f["strict"]["strong"], f["cov"]["strong"], f["loose"]["strong"]
    return (a <= b <= c and a < c
            and f["strict_strong_contacts"] < f["strong_contacts"] < f["loose_strong_contacts"]), (
        f"strong ties only from 0.7: {a}, from 0.5: {b}, from 0.3: {c}")
