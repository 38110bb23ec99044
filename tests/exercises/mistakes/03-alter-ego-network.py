"""Typical mistakes in exercises/03-alter-ego-network, graded by tests/exercises/test_assignments.py.

Each entry maps an answer cell's grade id to what a learner who holds the
misconception writes there; every other answer is the solution. Each must
earn some points and lose some.
"""

#: Library functions whose result *is* a task's answer: no hidden test may call them.
LIBRARY_ANSWERS = ["weakties.metrics.is_alter_ego", "weakties.metrics.alter_ego_share",
                   "weakties.metrics.blau", "weakties.metrics.diversity",
                   "weakties.ego_report"]

MISTAKES = {
    # Believes that resemblance is about work and place only: compares sector
    # and region, and forgets generation and school (shared schooling and age
    # are among the strongest sources of homophily, McPherson et al. 2001).
    "work-and-place-only": {
        "answer-shared": (
            "shared = {}\n"
            "for other in G[me]:\n"
            "    shared[other] = sum(1 for a in ('sector', 'region')\n"
            "                        if G.nodes[me][a] == G.nodes[other][a])\n"
        ),
    },
    # Divides by all ties instead of the ties of each kind: the shares of
    # strong and weak ties then mostly reflect how many ties of each kind
    # there are.
    "share-of-all-ties": {
        "answer-alike": (
            "alike_share = {'strong': 0, 'weak': 0}\n"
            "for other in G[me]:\n"
            "    kind = 'strong' if G[me][other]['strength'] >= STRONG else 'weak'\n"
            "    if shared[other] >= 2:\n"
            "        alike_share[kind] += 1 / G.degree(me)\n"
            "more_alike = 'strong' if alike_share['strong'] > alike_share['weak'] else 'weak'\n"
        ),
    },
    # Draws the two people "with replacement" (the same person twice), the
    # textbook Blau index 1 - sum(p ** 2), where the task asks for two
    # different people.
    "with-replacement": {
        "answer-variety": (
            "def variety(values):\n"
            "    values = list(values)\n"
            "    if len(values) < 2:\n"
            "        return 0.0\n"
            "    counts = {}\n"
            "    for v in values:\n"
            "        counts[v] = counts.get(v, 0) + 1\n"
            "    return 1 - sum((c / len(values)) ** 2 for c in counts.values())\n"
        ),
    },
    # Gives percentages where shares are asked.
    "percent-share": {
        "answer-suggest": (
            "cross_sector = {}\n"
            "for policy, result in results.items():\n"
            "    t = result.new_ties\n"
            "    crossing = sum(1 for a, b in zip(t['person'], t['suggested'])\n"
            "                   if G.nodes[a]['sector'] != G.nodes[b]['sector'])\n"
            "    cross_sector[policy] = 100 * crossing / len(t)\n"
            "opens_more = max(cross_sector, key=cross_sector.get)\n"
        ),
    },
}
