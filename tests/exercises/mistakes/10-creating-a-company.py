"""Typical mistakes in exercises/10-creating-a-company, graded by tests/exercises/test_assignments.py.

Each entry maps an answer cell's grade id to what a learner who holds the
misconception writes there; every other answer is the solution. Each must
earn some points and lose some.
"""

#: Library functions whose result *is* a task's answer: no hidden test may call them.
LIBRARY_ANSWERS = ["weakties.scenarios._common.best_chains", "weakties.scenarios._common.chain_to"]

MISTAKES = {
    # Looks only for skills and forgets that first clients and suppliers are
    # found in sectors: a company needs markets as much as know-how.
    "skills-only": {
        "answer-direct": (
            "direct_fits = {}\n"
            "for need in NEED_LIST:\n"
            "    direct_fits[need] = sum(1 for q in G[me] if need in G.nodes[q]['skills'])\n"
            "gaps = [need for need in NEED_LIST if direct_fits[need] == 0]\n"
        ),
    },
    # Thinks that a chain is "through strong ties" as soon as one's own tie
    # is strong, whatever the tie between the contact and the next person.
    "first-tie-strong": {
        "answer-circle": (
            "fitting_people = {}\n"
            "sectors_found = {}\n"
            "for mode in ['strong ties only', 'whole network']:\n"
            "    first = [q for q in G[me] if mode == 'whole network' or G[me][q]['strength'] >= 0.5]\n"
            "    within = set(first)\n"
            "    for q in first:\n"
            "        within |= set(G[q])\n"
            "    within.discard(me)\n"
            "    fitting = [p for p in within if any(G.nodes[p]['sector'] == n or n in G.nodes[p]['skills']\n"
            "                                        for n in NEED_LIST)]\n"
            "    fitting_people[mode] = len(fitting)\n"
            "    sectors_found[mode] = len({G.nodes[p]['sector'] for p in fitting})\n"
        ),
    },
    # Trusts a candidate as much as the contact who leads to them: the second
    # tie of the chain (how well the contact knows the candidate) is ignored.
    "my-tie-only": {
        "answer-shortlist": (
            "trust = {}\n"
            "for q in G[me]:\n"
            "    trust[q] = max(trust.get(q, 0), G[me][q]['strength'])\n"
            "    for w in G[q]:\n"
            "        if w != me:\n"
            "            trust[w] = max(trust.get(w, 0), G[me][q]['strength'])\n"
            "scores = {}\n"
            "for p in trust:\n"
            "    if NEED in G.nodes[p]['skills']:\n"
            "        rel = G.nodes[p]['reliability']\n"
            "        scores[p] = trust[p] * (rel['client'] + rel['deadlines'] + rel['payment']) / 3\n"
            "shortlist = sorted(scores, key=scores.get, reverse=True)[:3]\n"
        ),
    },
    # Counts the projects where all three commitments were kept, as if one
    # broken commitment erased the two kept: a late delivery and a client
    # taken away weigh the same.
    "projects-not-commitments": {
        "answer-replace": (
            "kept_share = {}\n"
            "for person in TEAM:\n"
            "    rows = record[record['person'] == person]\n"
            "    perfect = rows['client'] & rows['deadlines'] & rows['payment']\n"
            "    kept_share[person] = perfect.sum() / len(rows)\n"
            "replace = min(kept_share, key=kept_share.get)\n"
            "broken = {c: int((~record[c]).sum()) for c in ['client', 'deadlines', 'payment']}\n"
            "most_broken = max(broken, key=broken.get)\n"
        ),
    },
}
