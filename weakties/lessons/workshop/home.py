"""Workshop page 0, the home page: the workshop's pages in order, with their durations.

The page runs no code (``course/sources/en/workshop/00-home.md``); its facts
are computed on the course's population all the same, so that it names the
person the workshop follows.
"""

from __future__ import annotations

from .._core import claim
from . import Page, course_population, generation_words, protagonist

__all__ = ["LESSON", "QUIZZES", "PREDICTIONS", "facts"]

LESSON = Page("00", "home", population=None)

QUIZZES: dict = {}
PREDICTIONS: dict = {}


def facts():
    """The names the home page quotes: the person the workshop follows, in the course's population."""
    G = course_population()
    person = protagonist(G)
    attrs = G.nodes[person]
    return {
        "people": G.number_of_nodes(),
        "name": attrs["name"],
        "first": attrs["name"].split()[0],
        "occupation": attrs["occupation"],
        "district": attrs["district"],
        "generation": generation_words(attrs["generation"]),
    }


@claim("the person the workshop follows is a woman in one of the workshop's trades")
def she_works_in_a_trade(f):
    from . import TRADES

    return f["occupation"] in TRADES, f"occupation {f['occupation']}"
