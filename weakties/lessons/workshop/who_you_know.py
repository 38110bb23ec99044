"""Workshop page 1, who you know: the person the workshop follows, and her network.

The content of lesson 00 for the workshop: a network drawn as people and
ties, strong and weak ties, Granovetter's question (the functions the page's
cells call, its quizzes and prediction, the facts its text quotes and the
claims it makes; ``course/sources/en/workshop/01-who-you-know.md``).
"""

from __future__ import annotations

import statistics

from ... import ties as _ties
from ...i18n import N_, gettext
from .. import welcome as _lesson00
from .._core import claim
from ..people import typical_people
from . import TRADES, Page, generation_words, protagonist

__all__ = ["LESSON", "QUIZZES", "PREDICTIONS", "explorer_people", "explore_colours", "facts"]

LESSON = Page("01", "who-you-know", population=(2000, 7))


def explorer_people(G):
    """The people of the page's explorer: the protagonist, then one person of each other trade.

    For each occupation of :data:`weakties.lessons.workshop.TRADES` other
    than hers, the first person with that occupation whose number of ties is
    typical (within 10% of the median person's): people of trades like hers,
    none an exception.

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(2000, seed=7)
    >>> people = explorer_people(G)
    >>> people[0] == protagonist(G)
    True
    >>> len({G.nodes[p]["occupation"] for p in people}) == len(people)
    True
    """
    first = protagonist(G)
    typical = typical_people(G, 0.1)
    people = [first]
    for trade in TRADES:
        if trade == G.nodes[first]["occupation"]:
            continue
        found = next((p for p in typical if G.nodes[p]["occupation"] == trade), None)
        if found is not None:
            people.append(found)
    return people


def explore_colours(G, lang=None):
    """An explorer: choose one of :func:`explorer_people` and what colours and shapes show.

    Returns
    -------
    weakties.widgets.Explorer
    """
    import ipywidgets as widgets

    from ...plotting import draw_ego
    from ...widgets import Explorer

    people = explorer_people(G)
    person_menu = widgets.Dropdown(
        options=[(f"{G.nodes[p]['name']}, {G.nodes[p]['occupation']}", p) for p in people],
        description=gettext(N_("person"), lang))
    colour_menu = widgets.Dropdown(
        options=[(gettext(label, lang), value)
                 for value, label in _lesson00.COLOUR_CHOICES.items()],
        description=gettext(N_("colour and shape show"), lang))

    def show_network(person, colour_by):
        return draw_ego(G, person, color_by=colour_by)

    return Explorer(show_network,
                    title=gettext(N_("Choose a person and what the colours show."), lang),
                    person=person_menu, colour_by=colour_menu)


# --------------------------------------------------------------------------
# Prediction and quizzes: those of lesson 00, asked again

PREDICTIONS = {
    "strong-share": _lesson00.PREDICTIONS["strong-share"],
}

QUIZZES = {
    "granovetter": _lesson00.QUIZZES["granovetter"],
    "line-width": _lesson00.QUIZZES["line-width"],
}


# --------------------------------------------------------------------------
# Facts and claims

def facts(G):
    """The numbers and names the text of page 1 quotes, computed on its population."""
    from ...plotting import describe_ego
    from ...scenarios.job_search import DIGITAL

    person = protagonist(G)
    attrs = G.nodes[person]
    strong = sum(1 for q in G[person] if _ties.is_strong(G[person][q]["strength"]))
    rings = _ties.layers(G, person)
    outer = rings[3] + rings[4]
    shares = _lesson00.strong_tie_shares(G)
    own_region = _lesson00.own_region_shares(G)
    return {
        "people": G.number_of_nodes(),
        "person": person,
        "name": attrs["name"],
        "first": attrs["name"].split()[0],
        "occupation": attrs["occupation"],
        "sector": attrs["sector"],
        "digital": DIGITAL.get(attrs["sector"], 1.0),
        "employer": attrs["employer"],
        "district": attrs["district"],
        "region": attrs["region"],
        "generation": generation_words(attrs["generation"]),
        "ties": G.degree(person),
        "strong": strong,
        "weak": G.degree(person) - strong,
        "outer_ties": len(outer),
        "outer_weak": sum(1 for v in outer if not _ties.is_strong(G[person][v]["strength"])),
        "describe": describe_ego(G, person),
        "median_ties": statistics.median(d for _, d in G.degree()),
        "others": len(explorer_people(G)) - 1,
        "median_strong_share": statistics.median(shares),
        "strong_share_95": sorted(shares)[int(0.95 * len(shares))],
        "median_own_region": statistics.median(own_region),
        "mostly_own_region": sum(share > 0.5 for share in own_region) / len(own_region),
    }


@claim("she knows about as many people as the middle person of the population")
def her_network_is_typical(f):
    return (abs(f["ties"] - f["median_ties"]) <= 0.1 * f["median_ties"],
            f"{f['ties']} ties against a median of {f['median_ties']}")


@claim("the simulation counts her trade among the least digital ones")
def her_trade_is_less_digital(f):
    from . import LESS_DIGITAL

    return f["digital"] <= LESS_DIGITAL, f"{f['sector']}: {f['digital']}"


@claim("most of her ties are weak ties, and most of those sit on the two outer rings")
def most_of_her_ties_are_weak(f):
    return (f["weak"] > f["ties"] / 2 and f["outer_weak"] > f["weak"] / 2,
            f"{f['weak']} weak ties of {f['ties']}, {f['outer_weak']} of them on the outer rings")


@claim("the menu holds people of several trades like hers")
def several_people_to_explore(f):
    return f["others"] >= 2, f"{f['others']} other people"


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
