"""Lesson 03, the alter-ego network: homophily, diversity, look-alikes, "people you may know".

The functions the lesson's cells call, its quizzes and predictions, the
facts its text quotes and the claims its text makes
(``course/sources/en/03-alter-ego-network.md``).

The alter-ego share is the course's one rule,
:func:`weakties.metrics.alter_ego_share`: among a person's ties outside the
family, the share of contacts who have at least two of sector, region,
generation and school in common with them.

References
----------
.. [1] McPherson, M., Smith-Lovin, L., Cook, J. M. (2001). Birds of a
   feather: homophily in social networks. *Annual Review of Sociology* 27,
   415-444.
.. [2] Su, J., Sharma, A., Goel, S. (2016). The effect of recommendations on
   network structure. *Proceedings of WWW 2016*, 1157-1167.
.. [3] Asikainen, A., Iñiguez, G., Ureña-Carrión, J., Kaski, K., Kivelä, M.
   (2020). Cumulative effects of triadic closure and homophily in social
   networks. *Science Advances* 6(19), eaax7310.
"""

from __future__ import annotations

import statistics

import numpy as np

from .. import metrics as _metrics
from .. import ties as _ties
from ..i18n import N_, decimal, gettext, number, percent
from ._core import Lesson, PredictionData, QuizData, claim
from .people import followed_person

__all__ = ["LESSON", "QUIZZES", "PREDICTIONS", "ATTRIBUTES", "POLICY_NAMES", "MEASURES",
           "show_assortativity", "show_diversity", "random_pair_share", "alter_ego_shares",
           "show_alter_ego_shares", "compare_policies", "draw_policies", "explore_policies",
           "person_counts", "show_person_after", "facts"]

LESSON = Lesson("03", "alter-ego-network", population=(2000, 7))

#: The attributes of resemblance (those of :func:`weakties.metrics.resembles`).
ATTRIBUTES = _metrics.ALTER_EGO_ATTRIBUTES
_ATTRIBUTE_NAMES = {"sector": N_("sector"), "region": N_("region"),
                    "generation": N_("generation"), "school": N_("school")}

#: The platform's rules for choosing whom to suggest (:func:`weakties.scenarios.recommend`).
POLICY_NAMES = {"mutual": N_("most contacts in common"), "similar": N_("most alike"),
                "random": N_("anyone at random"),
                "diverse": N_("least alike, 2 or 3 steps away")}

#: The measures the explorer offers: history column -> name.
MEASURES = {"clustering": N_("average clustering"),
            "alter_ego_share": N_("average alter-ego share"),
            "assortativity_sector": N_("assortativity by sector"),
            "assortativity_region": N_("assortativity by region"),
            "assortativity_generation": N_("assortativity by generation"),
            "assortativity_school": N_("assortativity by school"),
            "degree_gini": N_("Gini index of the number of ties"),
            "top_tenth_share": N_("share of ties held by the best-connected tenth")}

#: A name and its value, in a label ("Lucie: 77%"); a rule and its value in a list; the
#: separator of the list (each language writes its own punctuation).
_NAMED = N_("{name}: {value}")
_RULE_VALUE = N_("{rule} {value}")
_SEPARATOR = N_("; ")

ROUNDS = 10
_SEED = 7


def _t(lang):
    return lambda text: gettext(text, lang)


# --------------------------------------------------------------------------
# Homophily and diversity

def show_assortativity(G, lang=None):
    """Draw the population's assortativity by attribute, four hatched bars, and show it.

    Assortativity is Newman's (:func:`weakties.metrics.assortativity`).
    """
    import matplotlib.pyplot as plt

    from ..plotting import PALETTE, show, style_axes

    t = _t(lang)
    mixing = _metrics.assortativity(G, ATTRIBUTES)
    fig, ax = plt.subplots(figsize=(7, 4))
    bars = ax.bar([t(_ATTRIBUTE_NAMES[a]) for a in mixing], list(mixing.values()),
                  color=PALETTE[:4], edgecolor="black", hatch=["//", "..", "xx", "--"])
    ax.bar_label(bars, labels=[decimal(v, 2, lang) for v in mixing.values()])
    ax.set_ylim(0, 1)
    style_axes(ax, t(N_("Homophily in the population: assortativity by attribute")),
               t(N_("attribute")), t(N_("assortativity (0: as if at random, 1: only alike)")))
    show(ax)


def show_diversity(G, person, lang=None):
    """Print two small examples of the Blau index, then the diversity of ``person``'s contacts.

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(300, seed=1)
    >>> show_diversity(G, 0, lang="en")  # doctest: +ELLIPSIS
    bank, bank, bank: 0.00
    bank, design: 0.50
    Contacts of ..., diversity by sector: ...
    """
    _ties._check_node(G, person, "person")
    t = _t(lang)
    print(t(N_("bank, bank, bank: {value}")).format(
        value=decimal(_metrics.blau(["bank"] * 3), 2, lang)))
    print(t(N_("bank, design: {value}")).format(
        value=decimal(_metrics.blau(["bank", "design"]), 2, lang)))
    first = G.nodes[person]["name"].split()[0]
    for attribute, value in _metrics.diversity(G, list(G[person]), ATTRIBUTES).items():
        print(t(N_("Contacts of {first}, diversity by {attribute}: {value}")).format(
            first=first, attribute=t(_ATTRIBUTE_NAMES[attribute]), value=decimal(value, 2, lang)))


# --------------------------------------------------------------------------
# The alter-ego share

def random_pair_share(G, pairs=20000, seed=_SEED):
    """Share of look-alikes among pairs of people drawn at random (:func:`weakties.metrics.resembles`).

    What a network would hold if people met at random: the baseline the
    alter-ego shares are compared with.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_nodes_from([(0, {"sector": "a", "region": "x"}), (1, {"sector": "a", "region": "x"})])
    >>> random_pair_share(G, pairs=10)
    1.0
    """
    nodes = list(G)
    if len(nodes) < 2:
        raise ValueError("random_pair_share needs at least two people.")
    rng = np.random.default_rng(seed)
    drawn = rng.integers(0, len(nodes), size=(pairs, 2))
    drawn = drawn[drawn[:, 0] != drawn[:, 1]]
    data = G.nodes
    return float(np.mean([_metrics.resembles(data[nodes[a]], data[nodes[b]]) is True
                          for a, b in drawn.tolist()]))


def alter_ego_shares(G):
    """The alter-ego share of every person who has ties outside the family.

    Returns
    -------
    list of float
        :func:`weakties.metrics.alter_ego_share` of each person, in the
        population's order, leaving out people it cannot measure (NaN).
    """
    shares = (_metrics.alter_ego_share(G, p) for p in G)
    return [s for s in shares if not np.isnan(s)]


def show_alter_ego_shares(G, person, lang=None):
    """Draw a histogram of everyone's alter-ego share with the random-pairs line, and show it."""
    from ..plotting import share_histogram, show

    t = _t(lang)
    shares = alter_ego_shares(G)
    at_random = random_pair_share(G)
    mine = _metrics.alter_ego_share(G, person)
    first = G.nodes[person]["name"].split()[0]
    marks = {t(N_("pairs drawn at random: {share}")).format(share=percent(at_random, lang=lang)):
             at_random,
             t(_NAMED).format(name=first, value=percent(mine, lang=lang)): mine,
             t(N_("median person: {share}")).format(
                 share=percent(statistics.median(shares), lang=lang)): statistics.median(shares)}
    ax = share_histogram(shares, marks, lang=lang,
                         title=t(N_("Share of each person's contacts who are look-alikes")),
                         xlabel=t(N_("alter-ego share (ties outside the family)")),
                         ylabel=t(N_("number of people")))
    ax.set_xlim(0, 1)
    show(ax)


# --------------------------------------------------------------------------
# "People you may know"

def compare_policies(G, rounds=ROUNDS, seed=_SEED):
    """Run ten rounds of each platform rule of :data:`POLICY_NAMES` on ``G``.

    Each is :func:`weakties.scenarios.recommend` with its defaults (half
    of the people shown one suggestion per round, 8 in 10 accepted), the
    same seed for every rule. It takes a few seconds.

    Returns
    -------
    dict
        ``{policy: RecommendResult}`` in the order of :data:`POLICY_NAMES`.
    """
    from ..scenarios import recommend

    return {policy: recommend(G, policy=policy, rounds=rounds, seed=seed)
            for policy in POLICY_NAMES}


def draw_policies(results, measure, rounds=ROUNDS, ax=None, lang=None):
    """Draw one measure round by round, one line per rule, each with its own colour, marker, style.

    The line of the random rule is the reference: a platform blind to who
    you are and whom you know.

    Parameters
    ----------
    results : dict
        From :func:`compare_policies`.
    measure : str
        A key of :data:`MEASURES`.
    rounds : int
        Rounds shown (from the first).

    Returns
    -------
    matplotlib.axes.Axes
    """
    import matplotlib.pyplot as plt

    from ..plotting import MARKERS, PALETTE, style_axes

    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}: choose one of {', '.join(MEASURES)}.")
    t = _t(lang)
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 4.5))
    for i, (policy, result) in enumerate(results.items()):
        h = result.history[result.history["round"] <= rounds]
        ax.plot(h["round"], h[measure],
                label=t(_NAMED).format(name=policy, value=t(POLICY_NAMES[policy])),
                color=PALETTE[(0, 4, 2, 6)[i % 4]], marker=MARKERS[i],
                ls=["-", "--", ":", "-."][i % 4], lw=2)
    ax.set_xlim(0, ROUNDS)
    ax.legend(frameon=False, fontsize=9)
    name = t(MEASURES[measure])
    return style_axes(ax, t(N_("{measure}, round by round")).format(
        measure=name[:1].upper() + name[1:]), t(N_("round of suggestions")), name)


def explore_policies(results, lang=None):
    """An explorer: choose a measure and how many rounds to show; one line per rule.

    The simulations are run once (:func:`compare_policies`); a redraw only
    draws their histories (:func:`draw_policies`).

    Returns
    -------
    weakties.widgets.Explorer
        Its callback is ``.func(measure, rounds)``.
    """
    import ipywidgets as widgets

    from ..widgets import Explorer

    t = _t(lang)

    def show_measure(measure, rounds):
        return draw_policies(results, measure, rounds, lang=lang).figure

    return Explorer(
        show_measure, title=t(N_("Choose a measure and how many rounds to show.")),
        measure=widgets.Dropdown(options=[(t(name), m) for m, name in MEASURES.items()],
                                 description=t(N_("measure"))),
        rounds=widgets.IntSlider(value=ROUNDS, min=1, max=ROUNDS,
                                 description=t(N_("rounds"))))


def person_counts(G, person):
    """``(look-alikes, others, regions)`` among ``person``'s ties outside the family.

    Look-alikes by :func:`weakties.metrics.resembles`; ``regions`` counts the
    regions where those contacts live.

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(300, seed=1)
    >>> alike, other, regions = person_counts(G, 0)
    >>> bool(alike / (alike + other) == weakties.metrics.alter_ego_share(G, 0))
    True
    """
    _ties._check_node(G, person, "person")
    me = G.nodes[person]
    counted = [v for v, d in G[person].items()
               if v != person and d.get("context") not in _metrics.ALTER_EGO_LEFT_OUT]
    alike = sum(_metrics.resembles(me, G.nodes[v]) is True for v in counted)
    return alike, len(counted) - alike, len({G.nodes[v]["region"] for v in counted})


def show_person_after(G, person, results, lang=None):
    """Draw ``person``'s look-alikes and others before and after ten rounds of two rules, and show it.

    Three bars (before, after "similar", after "diverse"), each split into
    look-alikes (hatched) and others (plain), with the counts and the
    number of regions written on them.
    """
    import matplotlib.pyplot as plt

    from ..plotting import PALETTE, show, style_axes

    t = _t(lang)
    networks = {t(N_("before")): G, t(N_("after 'similar'")): results["similar"].graph,
                t(N_("after 'diverse'")): results["diverse"].graph}
    counts = [person_counts(g, person) for g in networks.values()]
    names = list(networks)
    alike = [c[0] for c in counts]
    other = [c[1] for c in counts]
    fig, ax = plt.subplots(figsize=(8, 3.5))
    ax.barh(names, alike, color=PALETTE[5], edgecolor="black", hatch="//",
            label=t(N_("look-alikes")))
    ax.barh(names, other, left=alike, color=PALETTE[1], edgecolor="black",
            label=t(N_("different from {first}")).format(
                first=G.nodes[person]["name"].split()[0]))
    for y, (a, o, r) in enumerate(counts):
        ax.text(a / 2, y, number(a, lang), ha="center", va="center", fontweight="bold",
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
        ax.text(a + o / 2, y, number(o, lang), ha="center", va="center", fontweight="bold")
        ax.text(a + o + 0.5, y, t(N_("{count} regions")).format(count=number(r, lang)),
                va="center")
    ax.invert_yaxis()
    ax.set_xlim(0, max(a + o for a, o in zip(alike, other)) + 10)
    ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    style_axes(ax, t(N_("{name}'s contacts outside the family, before and after ten rounds of "
                        "suggestions")).format(name=G.nodes[person]["name"]),
               t(N_("number of contacts")), None)
    show(ax)


# --------------------------------------------------------------------------
# Predictions and quizzes

_POLICY_CHOICES = tuple(POLICY_NAMES.values())


def _values(values, lang):
    """``{policy: formatted value}`` as one phrase: "most alike 0.65; anyone at random 0.44"."""
    t = _t(lang)
    return t(_SEPARATOR).join(t(_RULE_VALUE).format(rule=t(POLICY_NAMES[p]), value=v)
                              for p, v in values.items())


def _last(results, measure):
    return {p: float(r.history[measure].iloc[-1]) for p, r in results.items()}


def _policy_values(results, measure, digits, lang):
    t = _t(lang)
    last = _last(results, measure)
    return _values({p: decimal(v, digits, lang) for p, v in last.items()}, lang)


def _closure_answer(results, lang=None):
    t = _t(lang)
    ax = draw_policies(results, "clustering", lang=lang)
    last = _last(results, "clustering")
    first = float(results["random"].history["clustering"].iloc[0])
    best = max(last, key=last.get)
    description = t(N_(
        "Four lines, one per rule (each with its own colour, marker and line style), show the "
        "average clustering round by round. It starts at {start}; after ten rounds it is: "
        "{values}. The one thing to notice: suggesting people with contacts in common closes "
        "the network in on itself, while random suggestions open it.")).format(
        start=decimal(first, 3, lang), values=_policy_values(results, "clustering", 3, lang))
    return list(POLICY_NAMES).index(best), ax.figure, description


def _alike_answer(results, lang=None):
    t = _t(lang)
    ax = draw_policies(results, "alter_ego_share", lang=lang)
    last = _last(results, "alter_ego_share")
    first = float(results["random"].history["alter_ego_share"].iloc[0])
    best = max(last, key=last.get)
    description = t(N_(
        "Four lines show the average alter-ego share round by round. It starts at {start}; "
        "after ten rounds it is: {values}. The one thing to notice: only the rule that "
        "suggests look-alikes adds look-alikes; suggesting contacts of contacts leaves the "
        "share almost where it was, and random or diverse suggestions lower it.")).format(
        start=percent(first, lang=lang),
        values=_values({p: percent(v, lang=lang) for p, v in last.items()}, lang))
    return list(POLICY_NAMES).index(best), ax.figure, description


def _popular_answer(results, lang=None):
    import matplotlib.pyplot as plt

    from ..plotting import PALETTE, percent_axis, style_axes

    t = _t(lang)
    shares = {p: r.best_connected_share(0.1) for p, r in results.items()}
    fig, ax = plt.subplots(figsize=(8, 4))
    bars = ax.bar([t(POLICY_NAMES[p]) for p in shares], list(shares.values()),
                  color=[PALETTE[i] for i in (0, 4, 2, 6)], edgecolor="black",
                  hatch=["", "//", "..", "xx"])
    ax.bar_label(bars, labels=[percent(v, lang=lang) for v in shares.values()])
    ax.axhline(0.1, color="black", ls="--", label=t(N_("their share of the people: 10%")))
    ax.legend(frameon=False, loc="upper right")
    percent_axis(ax.yaxis, lang)
    ax.tick_params(axis="x", labelsize=8)
    style_axes(ax, t(N_("Accepted suggestions that went to the best-connected tenth of people")),
               t(N_("rule")), t(N_("share of the accepted suggestions")))
    best = max(shares, key=shares.get)
    description = t(N_(
        "Four hatched bars, one per rule, show the share of the accepted suggestions that went "
        "to the tenth of people who had the most ties before the suggestions; a dashed line "
        "marks 10%, their share of the people. With suggestions of contacts of contacts, "
        "{mutual} of the new ties went to them; with random suggestions, {random}. The one "
        "thing to notice: people who are already well connected gain far more than their share "
        "when a platform suggests contacts of contacts.")).format(
        mutual=percent(shares["mutual"], lang=lang), random=percent(shares["random"], lang=lang))
    return list(POLICY_NAMES).index(best), fig, description


PREDICTIONS = {
    "closure": PredictionData(
        question=N_("After ten rounds, which rule makes people's contacts know each other the "
                    "most?"),
        choices=_POLICY_CHOICES,
        run=_closure_answer,
        explanation=N_("Suggesting the person with the most contacts in common closes "
                       "triangles: your contacts end up knowing each other."),
        claims=("mutual_closes_most",),
    ),
    "alike": PredictionData(
        question=N_("After ten rounds, which rule makes networks hold the most look-alikes?"),
        choices=_POLICY_CHOICES,
        run=_alike_answer,
        explanation=N_("Suggesting people who resemble you adds alter egos. In this simulation, "
                       "suggestions based on contacts in common close triangles but barely "
                       "change the share of look-alikes."),
        claims=("similar_adds_most_look_alikes", "mutual_leaves_the_share_flat",
                "random_and_diverse_lower_resemblance"),
    ),
    "popular": PredictionData(
        question=N_("Which rule sends the largest share of new ties to the people who already "
                    "have the most ties?"),
        choices=_POLICY_CHOICES,
        run=_popular_answer,
        explanation=N_("A well-connected person is a contact of many contacts, so they come "
                       "first in a list ranked by contacts in common."),
        claims=("popular_people_gain_disproportionately",),
    ),
}

QUIZZES = {
    "sources": QuizData(
        question=N_("Why do most people's networks hold so many people like them?"),
        choices=(N_("Only because people dislike those who differ from them"),
                 N_("Mostly because of the places where they meet people: school, work, "
                    "neighbourhood"),
                 N_("Because of chance alone")),
        answer=N_("Mostly because of the places where they meet people: school, work, "
                  "neighbourhood"),
        explanation=N_("Shared contexts already gather alike people, so ties formed there are "
                       "homophilous even without any preference (Feld 1981; McPherson et al. "
                       "2001)."),
        hints={N_("Only because people dislike those who differ from them"):
               N_("Choice plays a part, but the places where we meet people matter more."),
               N_("Because of chance alone"):
               N_("Chance would give the 'pairs drawn at random' line of the histogram: "
                  "networks are far more alike than that.")},
    ),
    "blau": QuizData(
        question=N_("A third of your contacts work in finance, a third in design and a third in "
                    "health. What is the Blau index of their sectors?"),
        choices=(N_("0.33"), N_("0.67"), N_("1")),
        answer=N_("0.67"),
        explanation=N_("1 − (⅓² + ⅓² + ⅓²) = 1 − ⅓ ≈ 0.67: two contacts picked at random differ "
                       "two times in three."),
        hints={N_("0.33"): N_("That is the sum of the squared shares: subtract it from 1."),
               N_("1"): N_("1 is only approached with many sectors of equal size; with three "
                           "it is at most 1 − ⅓.")},
    ),
    "pymk": QuizData(
        question=N_("A platform suggests people with whom you have many contacts in common. In "
                    "the simulation, what did ten rounds of such suggestions do?"),
        choices=(N_("They opened networks to new sectors"),
                 N_("Contacts knew each other more, and the best-connected people gained the "
                    "most new ties"),
                 N_("Nothing changed")),
        answer=N_("Contacts knew each other more, and the best-connected people gained the most "
                  "new ties"),
        explanation=N_("Clustering rose with this rule and fell with random suggestions, and "
                       "the tenth of people with the most ties received far more than a tenth "
                       "of the new ties, as Su, Sharma and Goel (2016) found on Twitter."),
        hints={N_("They opened networks to new sectors"):
               N_("People with many contacts in common with you are mostly in your world "
                  "already."),
               N_("Nothing changed"):
               N_("Look at the clustering lines again: one rule makes them rise clearly.")},
    ),
    "rule": QuizData(
        question=N_("Your former classmate, born the same decade as you, now works in another "
                    "sector and another region. By the course's rule, is this contact a "
                    "look-alike?"),
        choices=(N_("Yes: you share your school and your generation"),
                 N_("No: you share only one attribute"),
                 N_("No: a look-alike must share all four attributes")),
        answer=N_("Yes: you share your school and your generation"),
        explanation=N_("Two of the four attributes (sector, region, generation, school) are "
                       "enough: school and generation make two."),
        hints={N_("No: you share only one attribute"):
               N_("Count again: the same school, and the same generation."),
               N_("No: a look-alike must share all four attributes"):
               N_("The rule asks for at least two of the four, not all of them.")},
    ),
}


# --------------------------------------------------------------------------
# Facts and claims

def facts(G):
    """The numbers and names the text of lesson 03 quotes, computed on its population."""
    person = followed_person(G)
    results = compare_policies(G)
    shares = alter_ego_shares(G)
    columns = list(MEASURES)
    first = {c: float(results["random"].history[c].iloc[0]) for c in columns}
    last = {p: {c: float(r.history[c].iloc[-1]) for c in columns} for p, r in results.items()}
    bars = {"before": person_counts(G, person),
            "similar": person_counts(results["similar"].graph, person),
            "diverse": person_counts(results["diverse"].graph, person)}
    return {
        "people": G.number_of_nodes(),
        "person": person,
        "name": G.nodes[person]["name"],
        "first": G.nodes[person]["name"].split()[0],
        "assort": _metrics.assortativity(G, ATTRIBUTES),
        "baseline": random_pair_share(G),
        "median_share": statistics.median(shares),
        "her_share": _metrics.alter_ego_share(G, person),
        "her_diversity": _metrics.diversity(G, list(G[person]), ATTRIBUTES),
        "start": first,
        "end": last,
        "popular": {p: r.best_connected_share(0.1) for p, r in results.items()},
        "accepted": {p: len(r.new_ties) for p, r in results.items()},
        "bars": {k: list(v) for k, v in bars.items()},
    }


@claim("every attribute has an assortativity above 0, and region is by far the strongest")
def homophily_on_every_attribute(f):
    a = f["assort"]
    others = [v for k, v in a.items() if k != "region"]
    return min(a.values()) > 0 and a["region"] > 1.5 * max(others), f"assortativity {a}"


@claim("a typical network holds many times more look-alikes than pairs drawn at random "
       "(at least three times)")
def many_more_look_alikes_than_chance(f):
    return f["median_share"] > 3 * f["baseline"], \
        f"median share {f['median_share']:.2f}, random pairs {f['baseline']:.3f}"


@claim("after ten rounds, 'mutual' gives the highest clustering, above where it started, "
       "while random suggestions lower it")
def mutual_closes_most(f):
    end = f["end"]
    best = max(end, key=lambda p: end[p]["clustering"])
    return (best == "mutual" and end["mutual"]["clustering"] > f["start"]["clustering"] >
            end["random"]["clustering"]), f"clustering start {f['start']['clustering']:.3f}, " \
        f"end { {p: round(v['clustering'], 3) for p, v in end.items()} }"


@claim("'similar' adds the most look-alikes")
def similar_adds_most_look_alikes(f):
    end = f["end"]
    return max(end, key=lambda p: end[p]["alter_ego_share"]) == "similar", \
        f"alter-ego share { {p: round(v['alter_ego_share'], 3) for p, v in end.items()} }"


@claim("suggesting contacts of contacts leaves the average alter-ego share almost where it was "
       "(within 2 points)")
def mutual_leaves_the_share_flat(f):
    change = f["end"]["mutual"]["alter_ego_share"] - f["start"]["alter_ego_share"]
    return abs(change) < 0.02, f"change {change:+.3f}"


@claim("'random' and 'diverse' lower clustering and every measure of resemblance (the "
       "alter-ego share and every assortativity), and 'diverse' lowers resemblance the most")
def random_and_diverse_lower_resemblance(f):
    resemblance = ["alter_ego_share"] + [f"assortativity_{a}" for a in ATTRIBUTES]
    end, start = f["end"], f["start"]
    lower = all(end[p][c] < start[c] for p in ("random", "diverse")
                for c in resemblance + ["clustering"])
    most = all(end["diverse"][c] < end["random"][c] for c in resemblance)
    return lower and most, f"start {start}, random {end['random']}, diverse {end['diverse']}"


@claim("with 'mutual', the best-connected tenth of people receive more than twice their share "
       "of the accepted suggestions; with random suggestions, about their share")
def popular_people_gain_disproportionately(f):
    p = f["popular"]
    return p["mutual"] > 0.2 and 0.05 < p["random"] < 0.16, f"shares {p}"


@claim("with 'mutual' ties concentrate (the Gini index rises), while random suggestions spread "
       "them (it falls)")
def mutual_concentrates_ties(f):
    start, end = f["start"]["degree_gini"], f["end"]
    return end["mutual"]["degree_gini"] > start > end["random"]["degree_gini"], \
        f"Gini start {start:.3f}, mutual {end['mutual']['degree_gini']:.3f}, " \
        f"random {end['random']['degree_gini']:.3f}"


@claim("with 'mutual', assortativity by region rises above where it started and stays well "
       "above what random suggestions leave")
def mutual_keeps_region_homophily(f):
    start, end = f["start"]["assortativity_region"], f["end"]
    return (end["mutual"]["assortativity_region"] > start
            and end["mutual"]["assortativity_region"] > end["random"]["assortativity_region"]
            + 0.1), f"region start {start:.3f}, mutual " \
        f"{end['mutual']['assortativity_region']:.3f}, random " \
        f"{end['random']['assortativity_region']:.3f}"


@claim("both platforms add about as many contacts, but 'similar' adds mostly look-alikes and "
       "'diverse' mostly people different from her")
def one_adds_copies_the_other_other_worlds(f):
    b = f["bars"]
    alike = {k: b[k][0] - b["before"][0] for k in ("similar", "diverse")}
    other = {k: b[k][1] - b["before"][1] for k in ("similar", "diverse")}
    added = {k: alike[k] + other[k] for k in alike}
    return (alike["similar"] > other["similar"] and other["diverse"] > alike["diverse"]
            and abs(added["similar"] - added["diverse"]) <= 0.3 * max(added.values())), \
        f"look-alikes added {alike}, others added {other}"


@claim("with 'mutual', assortativity by sector and by generation does not rise")
def mutual_does_not_raise_sector_or_generation(f):
    start, end = f["start"], f["end"]["mutual"]
    cols = ("assortativity_sector", "assortativity_generation")
    return all(end[c] <= start[c] + 0.01 for c in cols), \
        f"start { {c: round(start[c], 3) for c in cols} }, mutual " \
        f"{ {c: round(end[c], 3) for c in cols} }"
