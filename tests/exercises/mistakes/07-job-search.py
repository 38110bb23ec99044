"""Typical mistakes in exercises/07-job-search, graded by tests/exercises/test_assignments.py.

Each entry maps an answer cell's grade id to what a learner who holds the
misconception writes there; every other answer is the solution. Each must
earn some points and lose some.
"""

#: Library functions whose result *is* a task's answer: no hidden test may call them.
LIBRARY_ANSWERS = ["weakties.scenarios.job_search._novel", "weakties.scenarios.job_search._willing",
                   "leads_per_tie", "hires_by_band"]

MISTAKES = {
    # Looks for leads in the sector where they already work: the people they
    # know best, rather than the sector of the job they want.
    "own-sector": {
        "answer-target": (
            "target_contacts = [q for q in G[me] if G.nodes[q]['sector'] == G.nodes[me]['sector']]\n"
            "target_bands = {'often': 0, 'occasionally': 0, 'rarely': 0}\n"
            "for q in target_contacts:\n"
            "    target_bands[weakties.ties.frequency_band(G[me][q]['frequency'])] += 1\n"
        ),
    },
    # Asks the closest contacts first: "the people who know me best will help
    # me most", the belief the lesson contradicts.
    "strongest-first": {
        "answer-chance-list": (
            "ask_first = sorted(target_contacts, key=lambda q: G[me][q]['strength'], "
            "reverse=True)[:3]\n"
        ),
    },
    # Divides the leads by the number of ties asked (rows) instead of the
    # number of requests: a tie asked twelve times counts as much as one asked once.
    "per-tie": {
        "answer-mutual": (
            "search = job_search(G, list(G), rounds=12, seed=ex.my_seed(ASSIGNMENT, 'search'), "
            "strategy='everyone')\n"
            "table = search.asked\n"
            "groups = {'0': (0, 0), '1-2': (1, 2), '3-5': (3, 5), '6 or more': (6, 1000)}\n"
            "leads_per_ask = {}\n"
            "for name, (low, high) in groups.items():\n"
            "    rows = table[(table['mutual'] >= low) & (table['mutual'] <= high)]\n"
            "    leads_per_ask[name] = rows['leads'].sum() / len(rows)\n"
            "peak = max(leads_per_ask, key=leads_per_ask.get)\n"
        ),
    },
    # Counts hires per 100 seekers and forgets the cost of each request: a
    # strategy that asks fewer people looks worse than it is per request.
    "per-seeker": {
        "answer-strategy": (
            "seekers = [p for p in G if G.nodes[p]['sector'] != TARGET]\n"
            "results = {}\n"
            "for strategy in ['strong', 'weak', 'targeted']:\n"
            "    results[strategy] = job_search(G, seekers, rounds=6, asks=2, strategy=strategy,\n"
            "                                   target=TARGET, seed=ex.my_seed(ASSIGNMENT, 'change'))\n"
            "hires_per_100_asks = {}\n"
            "for strategy, result in results.items():\n"
            "    hires_per_100_asks[strategy] = 100 * result.seekers['hired'].mean()\n"
            "best_strategy = max(hires_per_100_asks, key=hires_per_100_asks.get)\n"
        ),
    },
}
