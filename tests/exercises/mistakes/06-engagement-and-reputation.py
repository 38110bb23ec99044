"""Typical mistakes in exercises/06-engagement-and-reputation, graded by tests/exercises/test_assignments.py.

Each entry maps an answer cell's grade id to what a learner who holds the
misconception writes there; every other answer is the solution. Each must
earn some points and lose some.
"""

#: Library functions whose result *is* a task's answer: no hidden test may call them.
LIBRARY_ANSWERS = ["weakties.scenarios.reputation.class_of"]

MISTAKES = {
    # Judges a person by their weakest commitment instead of the mean of the
    # three: "a chain is as strong as its weakest link" replaces the rule given.
    "weakest-commitment": {
        "answer-classes": (
            "def reliability_class(reliability):\n"
            "    low = min(reliability['client'], reliability['deadlines'], reliability['payment'])\n"
            "    if low < 0.6:\n"
            "        return 'unreliable'\n"
            "    if low >= 0.85:\n"
            "        return 'reliable'\n"
            "    return 'average'\n"
        ),
    },
    # Treats the three commitments as one: the chance of breaking at least one
    # is taken as 1 minus the mean reliability, not 1 minus the product.
    "risk-as-mean": {
        "answer-risk": (
            "side_means = {}\n"
            "for commitment in COMMITMENTS:\n"
            "    values = [G.nodes[other]['reliability'][commitment] for other in G[me]]\n"
            "    side_means[commitment] = sum(values) / len(values)\n"
            "weakest_side = min(side_means, key=side_means.get)\n"
            "break_risk = {}\n"
            "for other in G[me]:\n"
            "    rel = G.nodes[other]['reliability']\n"
            "    break_risk[other] = 1 - (rel['client'] + rel['deadlines'] + rel['payment']) / 3\n"
        ),
    },
    # Counts every month, including the first ones when nobody has any
    # experience to report yet: the effect of asking is diluted.
    "all-months": {
        "answer-asking": (
            "nobody_asks = reputation(G, periods=12, ask_share=0.0, "
            "seed=ex.my_seed(ASSIGNMENT, 'market'))\n"
            "everyone_asks = reputation(G, periods=12, ask_share=1.0, "
            "seed=ex.my_seed(ASSIGNMENT, 'market'))\n"
            "broken_share = {}\n"
            "for name, result in [('nobody asks', nobody_asks), ('everyone asks', everyone_asks)]:\n"
            "    broken_share[name] = float((result.projects['kept'] < 3).mean())\n"
            "fewer_breaches = broken_share['everyone asks'] < broken_share['nobody asks']\n"
        ),
    },
    # Asks only their own contacts: the experience that sits two steps away
    # (contacts of contacts) never reaches them.
    "only-my-contacts": {
        "answer-ask": (
            "def network_score(G, me, history, candidate):\n"
            "    mine = set(G[me])\n"
            "    last = {}\n"
            "    for row in history[history['partner'] == candidate].itertuples():\n"
            "        if row.client not in last or row.period >= last[row.client][0]:\n"
            "            last[row.client] = (row.period, row.kept / 3)\n"
            "    reports = [r for client, (p, r) in last.items() if client == me or client in mine]\n"
            "    if not reports:\n"
            "        return None\n"
            "    return sum(reports) / len(reports)\n"
        ),
    },
    # Gives percentages where shares are asked.
    "percent-share": {
        "answer-asking": (
            "nobody_asks = reputation(G, periods=12, ask_share=0.0, "
            "seed=ex.my_seed(ASSIGNMENT, 'market'))\n"
            "everyone_asks = reputation(G, periods=12, ask_share=1.0, "
            "seed=ex.my_seed(ASSIGNMENT, 'market'))\n"
            "broken_share = {}\n"
            "for name, result in [('nobody asks', nobody_asks), ('everyone asks', everyone_asks)]:\n"
            "    last = result.projects[result.projects['period'] >= 7]\n"
            "    broken_share[name] = 100 * float((last['kept'] < 3).mean())\n"
            "fewer_breaches = broken_share['everyone asks'] < broken_share['nobody asks']\n"
        ),
    },
}
