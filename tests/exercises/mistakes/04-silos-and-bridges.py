"""Typical mistakes in exercises/04-silos-and-bridges, graded by tests/exercises/test_assignments.py.

Each entry maps an answer cell's grade id to what a learner who holds the
misconception writes there; every other answer is the solution. Each must
earn some points and lose some.
"""

#: Library functions whose result *is* a task's answer: no hidden test may call them.
LIBRARY_ANSWERS = ["weakties.metrics.constraint", "networkx.constraint",
                   "networkx.local_constraint", "weakties.metrics.effective_size",
                   "weakties.ego_report"]

MISTAKES = {
    # Counts contacts instead of weighing ties: every contact gets the same
    # share of time, whatever the strength of the tie.
    "every-tie-equal": {
        "answer-invest": "invest = {other: 1 / G.degree(me) for other in G[me]}\n",
    },
    # Computes a contact's shares inside one's own network only: p[q][j]
    # divides by the strengths of q's ties to ego's contacts, as if q had no
    # life outside ego's circle.
    "local-totals": {
        "answer-constraint": (
            "indirect = {}\n"
            "for j in G[me]:\n"
            "    indirect[j] = 0.0\n"
            "    for q in G[me]:\n"
            "        if q != j and G.has_edge(q, j):\n"
            "            inside = sum(G[q][x]['strength'] for x in G[q] if x in G[me] or x == me)\n"
            "            indirect[j] += invest[q] * G[q][j]['strength'] / inside\n"
            "my_constraint = sum((invest[j] + indirect[j]) ** 2 for j in G[me])\n"
        ),
    },
    # Turns the index around (internal minus external), so that a silo looks
    # open and the more closed attribute is read backwards.
    "inside-minus-outside": {
        "answer-silo": (
            "ei = {}\n"
            "for a in ('sector', 'region'):\n"
            "    inside = sum(1 for o in G[me] if G.nodes[o][a] == G.nodes[me][a])\n"
            "    outside = G.degree(me) - inside\n"
            "    ei[a] = (inside - outside) / (inside + outside)\n"
            "more_closed = min(ei, key=ei.get)\n"
        ),
    },
    # Takes the most popular contact for a broker: knowing many people is not
    # knowing people in the world one wants to reach.
    "popular-is-broker": {
        "answer-broker": (
            "target_ties = {other: G.degree(other) - 1 for other in G[me]}\n"
            "broker = max(target_ties, key=target_ties.get)\n"
            "new_people = sum(1 for p in G[broker]\n"
            "                 if p != me and G.nodes[p]['sector'] == TARGET and p not in G[me])\n"
        ),
    },
}
