"""Typical mistakes in exercises/08-prospecting, graded by tests/exercises/test_assignments.py.

Each entry maps an answer cell's grade id to what a learner who holds the
misconception writes there; every other answer is the solution. Each must
earn some points and lose some.
"""

#: Library functions whose result *is* a task's answer: no hidden test may call them.
LIBRARY_ANSWERS = ["weakties.scenarios._common.best_chains", "weakties.scenarios._common.chain_to"]

MISTAKES = {
    # Counts the prospects one already knows among those "one introduction
    # away": a contact needs no introduction.
    "includes-known": {
        "answer-warm": (
            "known_prospects = [p for p in PROSPECTS if p in G[me]]\n"
            "one_introduction = 0\n"
            "for p in PROSPECTS:\n"
            "    if p in G[me] or set(G[me]) & set(G[p]):\n"
            "        one_introduction = one_introduction + 1\n"
        ),
    },
    # Judges an introducer only by how well one knows them: "my closest
    # contact will introduce me best", whatever their tie to the prospect.
    "my-tie-only": {
        "answer-intro": (
            "introducers = {}\n"
            "for middle in set(G[me]) & set(G[PROSPECT]):\n"
            "    introducers[middle] = G[me][middle]['strength']\n"
            "best_introducer = max(introducers, key=introducers.get)\n"
            "warm_chance = introducers[best_introducer] ** 0.5\n"
        ),
    },
    # Adds the strengths of a chain instead of multiplying them: a weak link
    # is then made up for by a strong one, whereas a request stops at the weak link.
    "sum-of-strengths": {
        "answer-intro": (
            "introducers = {}\n"
            "for middle in set(G[me]) & set(G[PROSPECT]):\n"
            "    introducers[middle] = (G[me][middle]['strength']\n"
            "                           + G[middle][PROSPECT]['strength']) / 2\n"
            "best_introducer = max(introducers, key=introducers.get)\n"
            "warm_chance = introducers[best_introducer] ** 0.5\n"
        ),
    },
    # Averages the trust of the chains where the chance that the introduction
    # goes through is asked: trust and chance are taken for the same thing.
    "trust-not-chance": {
        "answer-cold": (
            "pitch = prospecting(G, me, PROSPECTS, max_hops=3, cold_rate=0.05, "
            "seed=ex.my_seed(ASSIGNMENT, 'pitch'))\n"
            "table = pitch.chains\n"
            "mean_chance = {}\n"
            "for hops in [1, 2, 3]:\n"
            "    rows = table[table['hops'] == hops]\n"
            "    if len(rows) > 0:\n"
            "        mean_chance[hops] = rows['trust'].mean()\n"
            "times_cold = mean_chance[2] / 0.05\n"
        ),
    },
    # Counts the prospects each contact opens, forgetting that some chains
    # are much more likely to work than others.
    "count-not-expected": {
        "answer-first": (
            "introductions = {}\n"
            "for row in table.itertuples():\n"
            "    if row.hops == 2:\n"
            "        introductions[row.first_contact] = introductions.get(row.first_contact, 0) + 1\n"
            "first_ask = max(introductions, key=introductions.get)\n"
        ),
    },
}
