"""Lesson 00, welcome: a first look at a population and at one person's network.

The functions the lesson's cells call, its quizzes and its prediction, the
facts its text quotes and the claims its text makes
(``course/sources/en/00-welcome.md``).
"""

from __future__ import annotations

import statistics

from .. import ties as _ties
from ..i18n import N_, gettext, number, percent
from ._core import Lesson, PredictionData, QuizData, claim
from .people import followed_person, typical_people

__all__ = ["LESSON", "QUIZZES", "PREDICTIONS", "people_table", "population_summary",
           "strong_tie_shares",
           "own_region_shares", "explorer_people", "explore_networks", "facts"]

LESSON = Lesson("00", "welcome", population=(2000, 7))

#: The columns of :func:`people_table`: attribute -> heading.
PEOPLE_COLUMNS = {"name": N_("name"), "occupation": N_("occupation"), "sector": N_("sector"),
                  "region": N_("region"), "district": N_("district"),
                  "generation": N_("generation")}


def people_table(G, count=5, lang=None):
    """The first ``count`` people of the population and what the course knows of them.

    Returns
    -------
    pandas.DataFrame
        One row per person (indexed by their number), one column per attribute.

    Examples
    --------
    >>> import weakties
    >>> table = people_table(weakties.population(300, seed=1), 3)
    >>> list(table.columns)
    ['name', 'occupation', 'sector', 'region', 'district', 'generation']
    >>> len(table)
    3
    """
    import pandas as pd

    if not isinstance(count, int) or count < 1:
        raise ValueError(gettext(N_("count is how many people to list, 1 or more, not "
                                    "{count}."), lang).format(count=repr(count)))
    people = sorted(G)[:count]
    return pd.DataFrame([{gettext(h, lang): G.nodes[p].get(a) for a, h in PEOPLE_COLUMNS.items()}
                         for p in people], index=people)


def population_summary(G, lang=None) -> str:
    """How many people and ties the population has, in words.

    Examples
    --------
    >>> import weakties
    >>> population_summary(weakties.population(300, seed=1), lang="en")  # doctest: +ELLIPSIS
    '300 people, ... ties between them'
    """
    return gettext(N_("{people} people, {ties} ties between them"), lang).format(
        people=number(G.number_of_nodes(), lang), ties=number(G.number_of_edges(), lang))


def strong_tie_shares(G):
    """For each person, the share of their ties that are strong (:func:`weakties.ties.classify`).

    Returns
    -------
    list of float
        In the population's order; 0 for a person without ties.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_edge("a", "b", strength=0.9); G.add_edge("a", "c", strength=0.1)
    >>> strong_tie_shares(G)
    [0.5, 1.0, 0.0]
    """
    strong = dict.fromkeys(G, 0)
    for (a, b), kind in _ties.classify(G).items():
        if kind == "strong":
            strong[a] += 1
            strong[b] += 1
    return [strong[p] / G.degree(p) if G.degree(p) else 0.0 for p in G]


def explorer_people(G):
    """The six people of the lesson's explorer: the person the lessons follow, then five others.

    The five others are, for each of the five largest sectors other than
    hers, the first person of that sector whose number of ties is typical
    (within 10% of the median person's): varied people, none an exception.

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(2000, seed=7)
    >>> people = explorer_people(G)
    >>> len(people), len({G.nodes[p]["sector"] for p in people})
    (6, 6)
    """
    first = followed_person(G)
    sizes = {}
    for p in G:
        sizes[G.nodes[p]["sector"]] = sizes.get(G.nodes[p]["sector"], 0) + 1
    own = G.nodes[first]["sector"]
    sectors = sorted((s for s in sizes if s != own), key=lambda s: (-sizes[s], s))[:5]
    typical = typical_people(G, 0.1)
    people = [first]
    for sector in sectors:
        found = next((p for p in typical if G.nodes[p]["sector"] == sector), None)
        if found is not None:
            people.append(found)
    return people


def own_region_shares(G):
    """For each person, the share of their contacts who live in the same region.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_nodes_from([(0, {"region": "Bretagne"}), (1, {"region": "Bretagne"}),
    ...                   (2, {"region": "Occitanie"})])
    >>> G.add_edges_from([(0, 1), (0, 2)])
    >>> own_region_shares(G)
    [0.5, 1.0, 0.0]
    """
    return [sum(G.nodes[q]["region"] == G.nodes[p]["region"] for q in G[p]) / G.degree(p)
            if G.degree(p) else 0.0 for p in G]


COLOUR_CHOICES = {"sector": N_("sector"), "region": N_("region"),
                  "generation": N_("generation")}


def explore_networks(G, lang=None):
    """An explorer: choose one of :func:`explorer_people` and what colours and shapes show.

    Returns
    -------
    weakties.widgets.Explorer
    """
    import ipywidgets as widgets

    from ..plotting import draw_ego
    from ..widgets import Explorer

    people = explorer_people(G)
    person_menu = widgets.Dropdown(
        options=[(f"{G.nodes[p]['name']}, {G.nodes[p]['occupation']}", p) for p in people],
        description=gettext(N_("person"), lang))
    colour_menu = widgets.Dropdown(
        options=[(gettext(label, lang), value) for value, label in COLOUR_CHOICES.items()],
        description=gettext(N_("colour and shape show"), lang))

    # Every picture the menus can ask for, drawn now (a second or two): a move only shows one.
    # Closed for pyplot, so that the notebook does not show them all at once.
    import matplotlib.pyplot as plt

    pictures = {}
    for person in people:
        for colour_by in COLOUR_CHOICES:
            pictures[person, colour_by] = draw_ego(G, person, color_by=colour_by)
            plt.close(pictures[person, colour_by].figure)

    def show_network(person, colour_by):
        return pictures[person, colour_by]

    return Explorer(show_network, title=gettext(N_("Choose a person and what the colours "
                                                   "show."), lang),
                    person=person_menu, colour_by=colour_menu)


# --------------------------------------------------------------------------
# Prediction and quizzes

_STRONG_CHOICES = (N_("Fewer than 1 in 5 ties are strong"), N_("Between 1 in 5 and 1 in 2"),
                   N_("More than 1 in 2 ties are strong"))


def _strong_share_answer(G, lang=None):
    """What the simulation shows: the median person's share of strong ties, drawn."""
    from ..plotting import share_histogram

    shares = strong_tie_shares(G)
    typical = statistics.median(shares)
    index = 0 if typical < 0.2 else 1 if typical <= 0.5 else 2
    median_label = gettext(N_("median person: {share}"), lang).format(
        share=percent(typical, lang=lang))
    ax = share_histogram(
        shares, {median_label: typical}, lang=lang,
        title=gettext(N_("Share of strong ties, person by person ({people} people)"), lang)
        .format(people=number(len(shares), lang)),
        xlabel=gettext(N_("share of the person's ties that are strong"), lang),
        ylabel=gettext(N_("number of people"), lang))
    description = gettext(N_(
        "A histogram shows how many people (vertical axis) have each share of strong ties "
        "(horizontal axis). A dashed line marks the median person, at {median}. The one "
        "thing to notice: almost everyone has far more weak ties than strong ones."), lang)
    return index, ax.figure, description.format(median=percent(typical, lang=lang))


PREDICTIONS = {
    "strong-share": PredictionData(
        question=N_("In this population, what share of a typical person's ties are strong?"),
        choices=_STRONG_CHOICES,
        run=_strong_share_answer,
        explanation=N_("Most ties are weak: people can keep only a few close ties, because "
                       "closeness takes time (Dunbar 1998). The weak ones are not useless: "
                       "they are the ones that reach other worlds."),
        claims=("almost_everyone_has_more_weak_ties",),
    ),
}

QUIZZES = {
    "granovetter": QuizData(
        question=N_("Professional, technical and managerial workers who found their job "
                    "through a contact: how often had most of them seen that contact?"),
        choices=(N_("Often: at least twice a week"),
                 N_("Occasionally: more than once a year but less than twice a week"),
                 N_("Rarely: once a year or less")),
        answer=N_("Occasionally: more than once a year but less than twice a week"),
        explanation=N_("55.6% had seen the contact occasionally, 27.8% rarely and only 16.7% "
                       "often (Granovetter 1974). The useful contact was most often an "
                       "acquaintance, not a close friend."),
        hints={N_("Often: at least twice a week"):
               N_("Only 16.7% had seen the contact that often. Close friends know what you "
                  "know; the new information came from further away."),
               N_("Rarely: once a year or less"):
               N_("Close: 27.8% had seen the contact rarely. But one answer was even more "
                  "common.")},
    ),
    "shift-enter": QuizData(
        question=N_("What does Shift+Enter do in a notebook?"),
        choices=(N_("It saves the notebook"),
                 N_("It runs the selected cell and selects the next one"),
                 N_("It deletes the selected cell")),
        answer=N_("It runs the selected cell and selects the next one"),
        explanation=N_("Shift+Enter runs a cell; press it again to run the next one."),
        hints={N_("It saves the notebook"): N_("Saving is Ctrl+S (Cmd+S on a Mac)."),
               N_("It deletes the selected cell"):
               N_("Shift+Enter never deletes anything: it runs the cell.")},
    ),
    "restart": QuizData(
        question=N_("A picture does not change any more and you see an error you do not "
                    "understand. What is the safest thing to do?"),
        choices=(N_("Run only the cell with the error again"),
                 N_("Close the browser tab and give up"),
                 N_("Restart the kernel, then run every cell again from the top")),
        answer=N_("Restart the kernel, then run every cell again from the top"),
        explanation=N_("Restarting clears everything the notebook computed, then runs every "
                       "cell in order from the top: the clean state the lesson expects."),
        hints={N_("Run only the cell with the error again"):
               N_("That can work, but the cell may need something an earlier cell computed. "
                  "Restarting and running all cells is always safe."),
               N_("Close the browser tab and give up"):
               N_("Nothing is broken: restarting the kernel starts again from a clean "
                  "state.")},
    ),
    "line-width": QuizData(
        question=N_("In the network drawing, what does a thicker line between you and a "
                    "person show?"),
        choices=(N_("A person who has more contacts"),
                 N_("A stronger tie: more time, closeness and help in both directions"),
                 N_("A person who works in the same sector as you")),
        answer=N_("A stronger tie: more time, closeness and help in both directions"),
        explanation=N_("Line width shows tie strength; colour and shape show the attribute."),
        hints={N_("A person who has more contacts"):
               N_("The drawing does not show how many contacts your contacts have."),
               N_("A person who works in the same sector as you"):
               N_("The sector is shown by the colour and the shape of the mark, not by the "
                  "line.")},
    ),
}


# --------------------------------------------------------------------------
# Facts and claims

def facts(G):
    """The numbers and names the text of lesson 00 quotes, computed on its population."""
    from ..plotting import describe_ego

    person = followed_person(G)
    attrs = G.nodes[person]
    rings = _ties.layers(G, person)
    outer = rings[3] + rings[4]
    people = explorer_people(G)
    own_region = own_region_shares(G)
    shares = strong_tie_shares(G)
    return {
        "people": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "mean_ties": 2 * G.number_of_edges() / G.number_of_nodes(),
        "person": person,
        "name": attrs["name"],
        "first": attrs["name"].split()[0],
        "occupation": attrs["occupation"],
        "district": attrs["district"],
        "generation": attrs["generation"],
        "ties": G.degree(person),
        "describe": describe_ego(G, person),
        "median_ties": statistics.median(d for _, d in G.degree()),
        "her_relation_share": len(_ties.relations(G, person)) / G.degree(person),
        "median_relation_share": statistics.median(
            len(_ties.relations(G, p)) / G.degree(p) for p in G if G.degree(p)),
        "outer_ties": len(outer),
        "outer_weak": sum(1 for v in outer if not _ties.is_strong(G[person][v]["strength"])),
        "explorer_people": len(people),
        "median_own_region": statistics.median(own_region),
        "mostly_own_region": sum(share > 0.5 for share in own_region) / len(own_region),
        "median_strong_share": statistics.median(shares),
        "strong_share_95": sorted(shares)[int(0.95 * len(shares))],
    }


@claim("she has about as many ties, and about as many relations among them, as the middle "
       "person of the population")
def her_network_is_typical(f):
    return (abs(f["ties"] - f["median_ties"]) <= 0.1 * f["median_ties"]
            and abs(f["her_relation_share"] - f["median_relation_share"]) <= 0.05,
            f"{f['ties']} ties against a median of {f['median_ties']}; relation share "
            f"{f['her_relation_share']:.2f} against {f['median_relation_share']:.2f}")


@claim("most of her ties sit on the two outer rings")
def most_ties_on_outer_rings(f):
    return f["outer_ties"] > f["ties"] / 2, f"{f['outer_ties']} of {f['ties']}"


@claim("most of the ties on her two outer rings, three in four at least, are weak ties")
def outer_ties_are_weak(f):
    return f["outer_weak"] >= 0.75 * f["outer_ties"], f"{f['outer_weak']} of {f['outer_ties']}"


@claim("almost everyone has far more weak ties than strong ones")
def almost_everyone_has_more_weak_ties(f):
    return (f["median_strong_share"] < 0.2 and f["strong_share_95"] < 0.5,
            f"median share of strong ties {f['median_strong_share']:.2f}, "
            f"95th percentile {f['strong_share_95']:.2f}")


@claim("for most people, most contacts live in their own region: one colour usually "
       "covers most of the drawing by region")
def most_contacts_share_the_region(f):
    return (f["mostly_own_region"] > 0.75 and f["median_own_region"] > 0.5,
            f"share of people {f['mostly_own_region']:.2f}, median {f['median_own_region']:.2f}")
