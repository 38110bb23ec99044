"""Lesson 01, your network as a graph: contacts and relations, Dunbar's circles.

The functions the lesson's cells call, its quizzes and its prediction, the
facts its text quotes and the claims its text makes
(``course/sources/en/01-your-network.md``).

References
----------
.. [1] Dunbar, R. I. M. (1998). The social brain hypothesis. *Evolutionary
   Anthropology* 6(5), 178-190.
.. [2] Zhou, W.-X., Sornette, D., Hill, R. A., Dunbar, R. I. M. (2005).
   Discrete hierarchical organization of social group sizes. *Proceedings
   of the Royal Society B* 272, 439-444.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

import numpy as np

from .. import ties as _ties
from ..i18n import N_, decimal, gettext, language, number, percent
from ._core import Lesson, PredictionData, QuizData, claim
from .people import followed_person

__all__ = ["LESSON", "QUIZZES", "PREDICTIONS", "DUNBAR_CIRCLES", "tie_table",
           "count_relations", "show_rings", "relation_shares", "TieMeasures", "tie_measures", "relation_counts",
           "explore_relation_rule", "circle_sizes", "show_circles", "facts"]

LESSON = Lesson("01", "your-network", population=(2000, 7))

#: Dunbar's nested circles, from the closest out (Dunbar 1998; Zhou et al. 2005).
DUNBAR_CIRCLES = (5, 15, 50, 150)

_TABLE_COLUMNS = (N_("contact"), N_("how they met"), N_("since"), N_("exchanges a year"),
                  N_("help both ways (0 to 1)"), N_("strength (0 to 1)"), N_("relation?"))

#: How a tie began (its ``context`` in the population), as the table shows it.
_CONTEXTS = {"family": N_("family"), "school": N_("school"), "colleague": N_("colleague"),
             "former_colleague": N_("former colleague"), "friend": N_("friend"),
             "neighbour": N_("neighbour"), "client": N_("client"), "supplier": N_("supplier"),
             "event": N_("event"), "online": N_("online")}


def tie_table(G, person, lang=None):
    """Every tie of ``person``, strongest first: how it began, its measures, relation or not.

    Parameters
    ----------
    G : networkx.Graph
        A population from :func:`weakties.population`.
    person : node

    Returns
    -------
    pandas.DataFrame
        One row per tie: the contact's name, the context where the tie
        began, the year it began, exchanges a year, reciprocity and strength
        (rounded), and whether it is a relation (:func:`weakties.ties.is_relation`):
        "yes" or "no", in ``lang``.

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(300, seed=1)
    >>> table = tie_table(G, 0)
    >>> len(table) == G.degree(0)
    True
    >>> list(table["strength (0 to 1)"]) == sorted(table["strength (0 to 1)"], reverse=True)
    True
    """
    import pandas as pd

    _ties._check_node(G, person, "person")
    names = [gettext(c, lang) for c in _TABLE_COLUMNS]
    rows = []
    for other, tie in G[person].items():
        rows.append(dict(zip(names, (
            G.nodes[other]["name"], gettext(_CONTEXTS.get(tie["context"], tie["context"]), lang),
            tie["since"], round(tie["frequency"], 1),
            round(tie["reciprocity"], 2), round(tie["strength"], 2),
            gettext(N_("yes") if _ties.is_relation(G, person, other) else N_("no"), lang)))))
    table = pd.DataFrame(rows, columns=names)
    table = table.sort_values(names[5], ascending=False, kind="stable").reset_index(drop=True)
    if (language() if lang is None else lang) != "en":  # numbers as the language writes them
        for column, digits in ((names[3], 1), (names[4], 2), (names[5], 2)):
            table[column] = [decimal(x, digits, lang) for x in table[column]]
    return table


def count_relations(G, person, lang=None):
    """Print how many ties ``person`` has, how many are relations, and how many are contacts only.

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(300, seed=1)
    >>> count_relations(G, 0, lang="en")  # doctest: +ELLIPSIS
    Ties: ...
    Relations: ...
    Contacts that are not (yet) relations: ...
    """
    _ties._check_node(G, person, "person")
    t = lambda text: gettext(text, lang)  # noqa: E731
    print(t(N_("Ties: {count}")).format(count=number(G.degree(person), lang)))
    print(t(N_("Relations: {count}")).format(count=number(len(_ties.relations(G, person)), lang)))
    print(t(N_("Contacts that are not (yet) relations: {count}")).format(
        count=number(len(_ties.contacts(G, person)), lang)))


def show_rings(G, person, lang=None):
    """Print how many people sit on each of ``person``'s four rings, then draw them.

    The rings are Dunbar's layers by tie strength (:func:`weakties.ties.layers`);
    the drawing is :func:`weakties.plotting.show_ego`.
    """
    from ..plotting import show_ego

    rings = _ties.layers(G, person)
    for ring, name in zip((1, 2, 3, 4), _LAYER_NAMES):
        print(gettext(N_("{ring}: {count} people"), lang).format(
            ring=gettext(name, lang), count=number(len(rings[ring]), lang)))
    show_ego(G, person)


def relation_shares(G):
    """For each person, the share of their ties that are relations (:func:`weakties.ties.relations`).

    Examples
    --------
    >>> import weakties
    >>> shares = relation_shares(weakties.population(300, seed=1))
    >>> len(shares), all(0 <= s <= 1 for s in shares)
    (300, True)
    """
    return [len(_ties.relations(G, p)) / G.degree(p) if G.degree(p) else 0.0 for p in G]


@dataclass(frozen=True)
class TieMeasures:
    """The three measures of the relation rule for every tie, as arrays (one entry per tie)."""

    first: np.ndarray
    second: np.ndarray
    years: np.ndarray
    exchanges: np.ndarray
    reciprocity: np.ndarray
    people: int


def tie_measures(G):
    """Read, once, the age, exchanges and reciprocity of every tie of a population.

    Nodes must be numbered ``0 .. n-1``, as :func:`weakties.population` makes them.

    Returns
    -------
    TieMeasures
    """
    n = G.number_of_nodes()
    if set(G) != set(range(n)):
        raise ValueError("tie_measures needs people numbered 0 to n-1, as "
                         "weakties.population makes them.")
    year = G.graph.get("options", {}).get("year", 2026)
    edges = list(G.edges(data=True))
    return TieMeasures(
        first=np.array([a for a, _, _ in edges], dtype=np.int64),
        second=np.array([b for _, b, _ in edges], dtype=np.int64),
        years=np.array([year - t["since"] for _, _, t in edges], dtype=float),
        exchanges=np.array([t["frequency"] for _, _, t in edges], dtype=float),
        reciprocity=np.array([t["reciprocity"] for _, _, t in edges], dtype=float),
        people=n)


def relation_counts(measures, min_years=2, min_exchanges=4, min_reciprocity=0.4):
    """How many relations each person has under a rule with these three thresholds.

    A tie counts when it has lasted at least ``min_years``, has at least
    ``min_exchanges`` exchanges a year and a reciprocity of at least
    ``min_reciprocity``. With the defaults this is the course's rule
    (:data:`weakties.ties.RELATION_RULE`).

    Parameters
    ----------
    measures : TieMeasures
        From :func:`tie_measures`.

    Returns
    -------
    numpy.ndarray of int
        One count per person.

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(300, seed=1)
    >>> counts = relation_counts(tie_measures(G))
    >>> int(counts[0]) == len(weakties.ties.relations(G, 0))
    True
    >>> int(relation_counts(tie_measures(G), 0, 0, 0)[0]) == G.degree(0)
    True
    """
    m = measures
    passes = (m.years >= min_years) & (m.exchanges >= min_exchanges) & \
        (m.reciprocity >= min_reciprocity)
    return (np.bincount(m.first[passes], minlength=m.people)
            + np.bincount(m.second[passes], minlength=m.people))


def explore_relation_rule(G, person, lang=None):
    """An explorer: three sliders set the rule for a relation; a histogram counts relations.

    Filled bars count each person's relations under the rule; a dashed
    outline counts all their ties; the title gives the median person and
    ``person``. The measures of every tie are read once, so a redraw only
    counts.

    Returns
    -------
    weakties.widgets.Explorer
    """
    import ipywidgets as widgets

    from ..plotting import count_histogram
    from ..widgets import Explorer

    measures = tie_measures(G)
    all_ties = relation_counts(measures, 0, 0, 0)
    first = G.nodes[person]["name"].split()[0]
    t = lambda text: gettext(text, lang)  # noqa: E731

    def show_rule(min_years, min_exchanges, min_reciprocity):
        relations = relation_counts(measures, min_years, min_exchanges, min_reciprocity)
        title = t(N_("Median person: {relations} relations out of {ties} ties; "
                     "{first}: {mine} of {all}")).format(
            relations=number(np.median(relations), lang), ties=number(np.median(all_ties), lang),
            first=first, mine=number(relations[person], lang),
            all=number(all_ties[person], lang))
        return count_histogram(relations, all_ties,
                               labels=(t(N_("relations by your rule")),
                                       t(N_("all ties (contacts)"))),
                               title=title, xlabel=t(N_("number of ties per person")),
                               ylabel=t(N_("number of people"))).figure

    rule = _ties.RELATION_RULE
    return Explorer(
        show_rule, title=t(N_("Make the rule for a relation stricter or looser.")),
        min_years=widgets.IntSlider(value=rule["min_years"], min=0, max=10,
                                    description=t(N_("at least (years)"))),
        min_exchanges=widgets.IntSlider(value=int(rule["min_frequency"]), min=0, max=52,
                                        description=t(N_("exchanges a year, at least"))),
        min_reciprocity=widgets.FloatSlider(value=rule["min_reciprocity"], min=0, max=1,
                                            step=0.1,
                                            description=t(N_("help both ways, at least"))))


def circle_sizes(G):
    """The average number of people within each of Dunbar's four circles, over everyone.

    A circle includes the rings inside it (:func:`weakties.ties.layers`), as
    Dunbar counts them: the fourth circle holds all of a person's ties.

    Returns
    -------
    numpy.ndarray
        Four averages, from the closest circle out.

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(300, seed=1)
    >>> sizes = circle_sizes(G)
    >>> bool(sizes[3] == 2 * G.number_of_edges() / G.number_of_nodes())
    True
    """
    rings = np.array([[len(r[k]) for k in (1, 2, 3, 4)]
                      for r in (_ties.layers(G, p) for p in G)])
    return rings.cumsum(axis=1).mean(axis=0)


def show_circles(G, lang=None):
    """Draw this population's circles against Dunbar's, and print how fast each grows.

    The picture has two lines over the four circles on a log scale: Dunbar's
    5, 15, 50, 150 and this population's averages (:func:`circle_sizes`).
    """
    from ..plotting import compare_circles, show

    sizes = circle_sizes(G)
    t = lambda text: gettext(text, lang)  # noqa: E731
    ax = compare_circles(
        sizes, DUNBAR_CIRCLES, names=[t(n) for n in _LAYER_NAMES], lang=lang,
        labels=(t(N_("this simulated population (average)")), t(N_("Dunbar's circles"))),
        title=t(N_("People within each circle (each includes the circles inside it)")),
        xlabel=t(N_("circle, from the closest to the widest")),
        ylabel=t(N_("number of people (log scale)")))
    show(ax)
    # TRANSLATORS: between numbers in a list; where the decimal mark is a comma, use " ; ".
    ratios = t(N_(", ")).join(decimal(r, 1, lang) for r in sizes[1:] / sizes[:-1])
    print(t(N_("Each circle divided by the one inside it: {ratios}")).format(ratios=ratios))


_LAYER_NAMES = (N_("support clique"), N_("sympathy group"), N_("affinity group"),
                N_("active network"))


# --------------------------------------------------------------------------
# Prediction and quizzes

_SHARE_CHOICES = (N_("Fewer than 2 ties in 5 are relations"), N_("Between 2 in 5 and 3 in 5"),
                  N_("More than 3 ties in 5 are relations"))


def _relation_share_answer(G, person, lang=None):
    """What the simulation shows: the share of relations, person by person, drawn."""
    from ..plotting import share_histogram

    shares = relation_shares(G)
    typical = statistics.median(shares)
    mine = shares[list(G).index(person)]
    first = G.nodes[person]["name"].split()[0]
    t = lambda text: gettext(text, lang)  # noqa: E731
    marks = {t(N_("median person: {share}")).format(share=percent(typical, lang=lang)): typical,
             t(N_("{first}: {share}")).format(first=first, share=percent(mine, lang=lang)): mine}
    ax = share_histogram(
        shares, marks, lang=lang,
        title=t(N_("Share of a person's ties that are relations ({people} people)"))
        .format(people=number(len(shares), lang)),
        xlabel=t(N_("share of the person's ties that are relations")),
        ylabel=t(N_("number of people")))
    index = 0 if typical < 0.4 else 1 if typical <= 0.6 else 2
    description = t(N_(
        "A histogram shows how many people (vertical axis) have each share of relations "
        "among their ties (horizontal axis). A dashed line marks the median person, at "
        "{median}; a dotted line marks {first}, at {mine}. The one thing to notice: for "
        "nearly everyone, relations are a minority of their ties.")).format(
        median=percent(typical, lang=lang), first=first, mine=percent(mine, lang=lang))
    return index, ax.figure, description


PREDICTIONS = {
    "relation-share": PredictionData(
        question=N_("In this population, what share of a typical person's ties are relations?"),
        choices=_SHARE_CHOICES,
        run=_relation_share_answer,
        explanation=N_("Most ties are contacts that have not become relations: too recent, "
                       "too rare, or with help going one way only."),
        claims=("relations_are_a_minority",),
    ),
}

QUIZZES = {
    "contact": QuizData(
        question=N_("A former classmate accepted your invitation on a platform last month. You "
                    "have not spoken since you left school ten years ago. By the course's rule, "
                    "is this a relation?"),
        choices=(N_("Yes: you have known each other for more than two years"),
                 N_("No, a contact: there are no regular exchanges and no help both ways"),
                 N_("Yes: you are linked on a platform")),
        answer=N_("No, a contact: there are no regular exchanges and no help both ways"),
        explanation=N_("All three conditions must hold. Ten years of acquaintance meet the "
                       "first one only."),
        hints={N_("Yes: you have known each other for more than two years"):
               N_("Duration is only one of the three conditions. What about exchanges and "
                  "help in both directions?"),
               N_("Yes: you are linked on a platform"):
               N_("A platform link makes a contact. A relation needs trust built through "
                  "exchanges.")},
    ),
    "rule": QuizData(
        question=N_("Which of these is NOT one of the three conditions of the course's rule "
                    "for a relation?"),
        choices=(N_("The tie has lasted at least two years"),
                 N_("You exchange at least four times a year"),
                 N_("You work in the same sector"),
                 N_("Help goes both ways")),
        answer=N_("You work in the same sector"),
        explanation=N_("The rule is about the history of the tie (time, exchanges, "
                       "reciprocity), not about who the other person is."),
        hints={N_("The tie has lasted at least two years"):
               N_("This one is in the rule: trust needs time."),
               N_("You exchange at least four times a year"):
               N_("This one is in the rule: a relation lives through regular exchanges."),
               N_("Help goes both ways"):
               N_("This one is in the rule: reciprocity of at least 0.4.")},
    ),
    "dunbar": QuizData(
        question=N_("In Dunbar's layers, each circle holds about how many times the people of "
                    "the circle inside it?"),
        choices=(N_("About ten times"), N_("The same number"), N_("About three times")),
        answer=N_("About three times"),
        explanation=N_("5, 15, 50, 150: each circle is about three times the previous one "
                       "(Zhou et al. 2005)."),
        hints={N_("About ten times"): N_("Look at the numbers again: 5, 15, 50, 150."),
               N_("The same number"):
               N_("The circles are nested: each includes the ones inside it.")},
    ),
}


# --------------------------------------------------------------------------
# Facts and claims

def facts(G):
    """The numbers and names the text of lesson 01 quotes, computed on its population."""
    from ..plotting import describe_ego

    person = followed_person(G)
    shares = relation_shares(G)
    measures = tie_measures(G)
    rule = _ties.RELATION_RULE

    def median_relations(min_years, min_exchanges, min_reciprocity):
        return float(np.median(relation_counts(measures, min_years, min_exchanges,
                                               min_reciprocity)))

    sizes = circle_sizes(G)
    rings = _ties.layers(G, person)
    relations = len(_ties.relations(G, person))
    return {
        "people": G.number_of_nodes(),
        "person": person,
        "name": G.nodes[person]["name"],
        "first": G.nodes[person]["name"].split()[0],
        "ties": G.degree(person),
        "relations": relations,
        "her_share": relations / G.degree(person),
        "median_share": statistics.median(shares),
        "share_90": sorted(shares)[int(0.90 * len(shares))],
        "median_ties": statistics.median(d for _, d in G.degree()),
        "median_relations": median_relations(rule["min_years"], rule["min_frequency"],
                                             rule["min_reciprocity"]),
        "no_reciprocity": median_relations(rule["min_years"], rule["min_frequency"], 0),
        "no_exchanges": median_relations(rule["min_years"], 0, rule["min_reciprocity"]),
        "no_years": median_relations(0, rule["min_frequency"], rule["min_reciprocity"]),
        "only_years": median_relations(rule["min_years"], 0, 0),
        "circles": [float(s) for s in sizes],
        "ratios": [float(r) for r in sizes[1:] / sizes[:-1]],
        "rings": [len(rings[k]) for k in (1, 2, 3, 4)],
        "describe": describe_ego(G, person),
    }


@claim("she has several relations (the text says 'relations', plural)")
def she_has_several_relations(f):
    return f["relations"] >= 2, f"{f['relations']} relations"


@claim("for nine people in ten at least, relations are a minority of their ties")
def relations_are_a_minority(f):
    return f["share_90"] < 0.5, f"90th percentile of the share of relations {f['share_90']:.2f}"


@claim("the condition that holds most ties back is help in both directions")
def reciprocity_holds_most_ties_back(f):
    return (f["no_reciprocity"] > max(f["no_years"], f["no_exchanges"]),
            f"median relations without the reciprocity condition {f['no_reciprocity']}, "
            f"without exchanges {f['no_exchanges']}, without years {f['no_years']}")


@claim("dropping the exchanges condition as well counts more relations again")
def looser_rules_count_more(f):
    return f["only_years"] > f["no_reciprocity"] > f["median_relations"]


@claim("each of her rings holds more people than the one inside it")
def her_rings_grow_outwards(f):
    r = f["rings"]
    return all(a < b for a, b in zip(r, r[1:])), f"rings {r}"


@claim("the simulated circles are smaller than Dunbar's")
def circles_are_smaller_than_dunbars(f):
    return all(s < d for s, d in zip(f["circles"], DUNBAR_CIRCLES)), f"circles {f['circles']}"


@claim("each simulated circle is about two to three times the one inside it")
def circles_grow_two_to_three_times(f):
    return all(1.8 < r < 3.5 for r in f["ratios"]), f"ratios {f['ratios']}"
