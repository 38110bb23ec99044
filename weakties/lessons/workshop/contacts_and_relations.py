"""Workshop page 2, contacts and relations: who would act for you, and the circles of closeness.

The content of lesson 01 for the workshop, told with the person the workshop
follows (``course/sources/en/workshop/02-contacts-and-relations.md``). The
page's cells call the functions of lesson 01
(:mod:`weakties.lessons.your_network`); this module holds the page's facts,
claims, quizzes and prediction.
"""

from __future__ import annotations

import statistics

import numpy as np

from ... import ties as _ties
from .. import your_network as _lesson01
from .._core import claim
from . import Page, protagonist

__all__ = ["LESSON", "QUIZZES", "PREDICTIONS", "facts"]

LESSON = Page("02", "contacts-and-relations", population=(2000, 7))

PREDICTIONS = {
    "relation-share": _lesson01.PREDICTIONS["relation-share"],
}

QUIZZES = {
    "contact": _lesson01.QUIZZES["contact"],
    "dunbar": _lesson01.QUIZZES["dunbar"],
}


def facts(G):
    """The numbers and names the text of page 2 quotes, computed on its population."""
    from ...plotting import describe_ego

    person = protagonist(G)
    shares = _lesson01.relation_shares(G)
    measures = _lesson01.tie_measures(G)
    rule = _ties.RELATION_RULE

    def median_relations(min_years, min_exchanges, min_reciprocity):
        return float(np.median(_lesson01.relation_counts(measures, min_years, min_exchanges,
                                                         min_reciprocity)))

    rings = _ties.layers(G, person)
    relations = len(_ties.relations(G, person))
    return {
        "people": G.number_of_nodes(),
        "name": G.nodes[person]["name"],
        "first": G.nodes[person]["name"].split()[0],
        "ties": G.degree(person),
        "relations": relations,
        "contacts_only": G.degree(person) - relations,
        "share_90": sorted(shares)[int(0.90 * len(shares))],
        "median_ties": statistics.median(d for _, d in G.degree()),
        "median_relations": median_relations(rule["min_years"], rule["min_frequency"],
                                             rule["min_reciprocity"]),
        "no_reciprocity": median_relations(rule["min_years"], rule["min_frequency"], 0),
        "no_exchanges": median_relations(rule["min_years"], 0, rule["min_reciprocity"]),
        "no_years": median_relations(0, rule["min_frequency"], rule["min_reciprocity"]),
        "rings": [len(rings[k]) for k in (1, 2, 3, 4)],
        "describe": describe_ego(G, person),
    }


@claim("she has several relations, and more contacts that are not relations")
def she_has_more_contacts_than_relations(f):
    return (2 <= f["relations"] < f["contacts_only"],
            f"{f['relations']} relations, {f['contacts_only']} contacts only")


@claim("for nine people in ten at least, relations are a minority of their ties")
def relations_are_a_minority(f):
    return f["share_90"] < 0.5, f"90th percentile of the share of relations {f['share_90']:.2f}"


@claim("the condition that holds most ties back is help in both directions")
def reciprocity_holds_most_ties_back(f):
    return (f["no_reciprocity"] > max(f["no_years"], f["no_exchanges"]),
            f"median relations without the reciprocity condition {f['no_reciprocity']}, "
            f"without exchanges {f['no_exchanges']}, without years {f['no_years']}")


@claim("her outer rings hold more people than her inner rings")
def her_outer_rings_hold_most(f):
    r = f["rings"]
    return r[2] + r[3] > r[0] + r[1] and r[3] == max(r), f"rings {r}"
