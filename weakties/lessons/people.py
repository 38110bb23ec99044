"""The people the lessons follow, chosen by criteria rather than by number.

A lesson that follows one person ("Meet Lucie, a policy officer in
Paris...") must still follow a suitable person when the population
generator changes: a person's number would then point at someone else.
So the person is chosen by what the lessons need her to be, and the text
takes her name, occupation and district from the population at build time.
"""

from __future__ import annotations

import statistics
from functools import lru_cache

from .. import ties as _ties

__all__ = ["followed_person", "you_person", "is_woman", "typical_people"]


@lru_cache(maxsize=1)
def _female_first_names() -> frozenset:
    # The population draws first names from these lists (see
    # weakties.populations._names); the lessons' text says "she".
    from faker.providers.person.en_GB import Provider as EnglishNames
    from faker.providers.person.fr_FR import Provider as FrenchNames

    male = set(FrenchNames.first_names_male) | set(EnglishNames.first_names_male)
    female = set(FrenchNames.first_names_female) | set(EnglishNames.first_names_female)
    return frozenset(female - male)


def is_woman(G, person) -> bool:
    """Whether ``person``'s first name is one the population gives only to women.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_node(0, name="Lucie Mahe"); G.add_node(1, name="Pierre Roux")
    >>> is_woman(G, 0), is_woman(G, 1)
    (True, False)
    """
    name = G.nodes[person].get("name") or ""
    return name.split(" ")[0] in _female_first_names()


def _relation_share(G, person) -> float:
    return len(_ties.relations(G, person)) / G.degree(person) if G.degree(person) else 0.0


def typical_people(G, tolerance=0.1):
    """People whose number of ties is within ``tolerance`` of the median person's.

    Returns them in the population's order (by number).

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(300, seed=1)
    >>> people = typical_people(G)
    >>> median = sorted(d for _, d in G.degree())[150]
    >>> all(abs(G.degree(p) - median) <= 0.1 * median + 1 for p in people)
    True
    """
    median = statistics.median(d for _, d in G.degree())
    return [p for p in sorted(G) if abs(G.degree(p) - median) <= tolerance * median]


def followed_person(G):
    """The fictional person lessons 00 and 01 follow (Lucie in the course's population).

    The first person, in the population's order, who meets every criterion
    the lessons rely on:

    - she lives in Paris (the text says where) and is a woman (the text
      says "she");
    - her number of ties is within 10% of the median person's, and her
      share of relations within 5 points of the median person's share: her
      network is a typical one, not an exception;
    - each of her four rings of closeness (:func:`weakties.ties.layers`)
      holds someone, so the drawings show all of them;
    - she has at least one local bridge (lesson 02 shows hers).

    Parameters
    ----------
    G : networkx.Graph
        A population from :func:`weakties.population`.

    Returns
    -------
    int
        Her number in the population.

    Raises
    ------
    ValueError
        When nobody meets the criteria (a very small population).

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(2000, seed=7)
    >>> person = followed_person(G)
    >>> G.nodes[person]["district"].startswith("Paris")
    True
    """
    if G.number_of_nodes() == 0:
        raise ValueError("the population is empty: build one with weakties.population(2000, seed=7).")
    median_share = statistics.median(_relation_share(G, p) for p in G)
    for p in typical_people(G, 0.1):
        attrs = G.nodes[p]
        if not str(attrs.get("district", "")).startswith("Paris") or not is_woman(G, p):
            continue
        if abs(_relation_share(G, p) - median_share) > 0.05:
            continue
        if not all(_ties.layers(G, p).values()):
            continue
        if not _ties.local_bridges(G, ego=p):
            continue
        return p
    raise ValueError("nobody in this population meets the criteria of the person the lessons "
                     "follow (a woman in Paris with a typical network): use the lessons' "
                     "population, weakties.population(2000, seed=7), or a larger one.")


def you_person(G):
    """The fictional person lessons 06 to 10 ask the learner to stand in for ("you").

    The first person, in the population's order, who meets every criterion
    those lessons rely on:

    - she is a woman (the text says "she"), lives outside Paris and works
      in another sector than the person of lessons 00 and 01
      (:func:`followed_person`): someone new;
    - she works in a less digital trade (below 0.5 on the scale of
      :data:`weakties.scenarios.job_search.DIGITAL`), where many job
      seekers of the course work, and not in Finance (lesson 08 prospects
      companies of that sector);
    - her number of ties is within 10% of the median person's and her
      number of strong ties within one of the median person's: a typical
      network, not an exception.

    Parameters
    ----------
    G : networkx.Graph
        A population from :func:`weakties.population`.

    Returns
    -------
    int
        Her number in the population.

    Raises
    ------
    ValueError
        When nobody meets the criteria (a very small population).

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(2000, seed=7)
    >>> you = you_person(G)
    >>> is_woman(G, you), G.nodes[you]["district"].startswith("Paris")
    (True, False)
    """
    from ..scenarios.job_search import DIGITAL

    if G.number_of_nodes() == 0:
        raise ValueError("the population is empty: build one with weakties.population(2000, seed=7).")

    def strong(p):
        return sum(1 for q in G[p] if G[p][q]["strength"] >= _ties.STRONG_THRESHOLD)

    median_strong = statistics.median(strong(p) for p in G)
    try:
        other = G.nodes[followed_person(G)]["sector"]
    except ValueError:
        other = None
    for p in typical_people(G, 0.1):
        attrs = G.nodes[p]
        sector = attrs.get("sector")
        if str(attrs.get("district", "")).startswith("Paris") or not is_woman(G, p):
            continue
        if sector == other or sector == "Finance" or DIGITAL.get(sector, 1.0) >= 0.5:
            continue
        if abs(strong(p) - median_strong) > 1:
            continue
        return p
    raise ValueError("nobody in this population meets the criteria of the person lessons 06 to "
                     "10 follow (a woman outside Paris, in a less digital trade, with a typical "
                     "network): use the lessons' population, weakties.population(2000, seed=7), "
                     "or a larger one.")
