"""Typical mistakes in exercises/07-job-search, graded by tests/exercises/test_assignments.py.

Each entry maps an answer cell's grade id to what a learner who holds the
misconception writes there; every other answer is the solution. Each must
earn some points and lose some.
"""

#: Library functions whose result *is* a task's answer: no hidden test may call them.
LIBRARY_ANSWERS = ["per_tie", "leads_per_tie", "per_request", "hires_by_band", "by_strength"]

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
    # Asks first the contacts they share the most people with ("they know my world"):
    # exactly those whose news they would hear anyway.
    "most-shared-first": {
        "answer-new": (
            "new_people = {}\n"
            "for q in target_contacts:\n"
            "    new_people[q] = len(set(G[q]) - set(G[me]) - {me})\n"
            "ask_first = sorted(target_contacts, key=lambda q: len(set(G[q]) & set(G[me])),\n"
            "                   reverse=True)[:3]\n"
        ),
    },
    # Divides the leads by the requests instead of the ties: a tie asked twelve times
    # then counts as much as twelve ties.
    "per-request": {
        "answer-mutual": (
            "search = job_search(G, list(G), rounds=12, seed=ex.my_seed(ASSIGNMENT, 'search'), "
            "strategy='everyone')\n"
            "table = search.ties\n"
            "groups = {'0': (0, 0), '1-2': (1, 2), '3-5': (3, 5), '6-9': (6, 9), "
            "'10 or more': (10, 10000)}\n"
            "leads_per_100_ties = {}\n"
            "for name, (low, high) in groups.items():\n"
            "    rows = table[(table['mutual'] >= low) & (table['mutual'] <= high)]\n"
            "    leads_per_100_ties[name] = 100 * rows['leads'].sum() / rows['asks'].sum()\n"
            "peak = max(leads_per_100_ties, key=leads_per_100_ties.get)\n"
        ),
    },
    # Counts the jobs found through each kind of tie, not the jobs per tie: there
    # are many more weak ties than strong ones.
    "counts-not-rates": {
        "answer-experiment": (
            "experiment = tie_experiment(G, seed=ex.my_seed(ASSIGNMENT, 'experiment'), runs=10)\n"
            "ties = experiment.ties.set_index('tie')\n"
            "arms = experiment.arms.set_index('arm')\n"
            "naive = ties.loc['strong', 'hires'] / ties.loc['weak', 'hires']\n"
            "randomised = (arms.loc['strong', 'hired'] / arms.loc['strong', 'seekers']) / "
            "(arms.loc['weak', 'hired'] / arms.loc['weak', 'seekers'])\n"
            "naive_favours = 'strong' if naive > 1 else 'weak'\n"
            "randomised_favours = 'strong' if randomised > 1 else 'weak'\n"
        ),
    },
}
