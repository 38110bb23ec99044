"""Typical mistakes in exercises/01-your-network, graded by tests/exercises/test_assignments.py.

Each entry maps an answer cell's grade id to what a learner who holds the
misconception writes there; every other answer is the solution. Each must
earn some points and lose some.
"""

#: Library functions whose result *is* a task's answer: no hidden test may call them.
LIBRARY_ANSWERS = ["weakties.ties.is_relation", "weakties.ties.relations",
                   "weakties.ties.contacts", "weakties.ties.layers", "weakties.ego_report"]

MISTAKES = {
    # Counts the ties of the whole population, not the learner's own ties:
    # "my network" read as "the network".
    "whole-population": {
        "answer-context": (
            "by_context = {}\n"
            "for a, b, data in G.edges(data=True):\n"
            "    by_context[data['context']] = by_context.get(data['context'], 0) + 1\n"
        ),
    },
    # Reads "at least 2 years, at least 4 times, at least 0.4" as "more than":
    # the limits themselves are left out.
    "strict-limits": {
        "answer-relation": (
            "def is_relation_tie(tie, year):\n"
            "    return (year - tie['since'] > 2 and tie['frequency'] > 4\n"
            "            and tie['reciprocity'] > 0.4)\n"
        ),
    },
    # Writes the present year into the function instead of using its argument:
    # the rule stops working as soon as time passes.
    "fixed-year": {
        "answer-relation": (
            "def is_relation_tie(tie, year):\n"
            "    return (2026 - tie['since'] >= 2 and tie['frequency'] >= 4\n"
            "            and tie['reciprocity'] >= 0.4)\n"
        ),
    },
    # Sorts from the weakest tie: "closest" confused with "first in the list".
    "weakest-first": {
        "answer-inner": (
            "inner_circle = sorted(G[me], key=lambda other: G[me][other]['strength'])[:5]\n"
        ),
    },
    # Gives a percentage where a share is asked, and calls a network "mostly
    # relations" as soon as there are some.
    "percent-share": {
        "answer-overcount": (
            "relation_share = 100 * len(my_relations) / G.degree(me)\n"
            "mostly = 'relations' if len(my_relations) > 0 else 'contacts'\n"
            "counts = {}\n"
            "for other in G[me]:\n"
            "    if other not in my_relations:\n"
            "        c = G[me][other]['context']\n"
            "        counts[c] = counts.get(c, 0) + 1\n"
            "contact_context = max(counts, key=counts.get)\n"
        ),
    },
}
