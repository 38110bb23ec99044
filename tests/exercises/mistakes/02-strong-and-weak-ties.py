"""Typical mistakes in exercises/02-strong-and-weak-ties, graded by tests/exercises/test_assignments.py.

Each entry maps an answer cell's grade id to what a learner who holds the
misconception writes there; every other answer is the solution. Each must
earn some points and lose some.
"""

#: Library functions whose result *is* a task's answer: no hidden test may call them.
LIBRARY_ANSWERS = ["weakties.ties.frequency_band", "weakties.ties.overlap",
                   "weakties.ties.local_bridges", "networkx.local_bridges",
                   "weakties.metrics.reach", "weakties.ego_report"]

MISTAKES = {
    # "Often" taken as "every week": the band starts at 52 exchanges a year
    # instead of Granovetter's twice a week (104).
    "weekly-is-often": {
        "answer-bands": (
            "bands = {'often': 0, 'occasionally': 0, 'rarely': 0}\n"
            "for other in G[me]:\n"
            "    f = G[me][other]['frequency']\n"
            "    if f >= 52:\n"
            "        bands['often'] += 1\n"
            "    elif f <= 1:\n"
            "        bands['rarely'] += 1\n"
            "    else:\n"
            "        bands['occasionally'] += 1\n"
        ),
    },
    # Confuses the contacts two people share with the number of contacts the
    # other person has: a popular contact is not a close one.
    "mutual-is-degree": {
        "answer-mutual": "mutual = {other: G.degree(other) - 1 for other in G[me]}\n",
    },
    # Believes that every weak tie is a bridge: "weak" and "bridge" are
    # different properties (a bridge shares no contact; most weak ties do).
    "weak-ties-are-bridges": {
        "answer-bridges": (
            "my_bridges = [o for o in G[me] if G[me][o]['strength'] < STRONG]\n"
            "my_bridges = sorted(my_bridges, key=lambda o: G.degree(o) - 1, reverse=True)\n"
            "keep = my_bridges[0]\n"
        ),
    },
    # Adds the overlaps instead of averaging them: more weak ties then look
    # like "more overlap".
    "sum-not-mean": {
        "answer-overlap": (
            "mean_overlap = {'strong': 0.0, 'weak': 0.0}\n"
            "for other in G[me]:\n"
            "    kind = 'strong' if G[me][other]['strength'] >= STRONG else 'weak'\n"
            "    mean_overlap[kind] += weakties.ties.overlap(G, me, other)\n"
            "strong_overlap_more = mean_overlap['strong'] > mean_overlap['weak']\n"
        ),
    },
    # Gives the lost share as a percentage.
    "percent-share": {
        "answer-reach": (
            "reach_all = set(G[me]).union(*(set(G[o]) for o in G[me])) - {me}\n"
            "strong = [o for o in G[me] if G[me][o]['strength'] >= STRONG]\n"
            "reach = set(strong).union(*(set(G[o]) for o in strong)) - {me}\n"
            "reach_strong_only = len(reach)\n"
            "lost_share = 100 * len(reach_all - reach) / len(reach_all)\n"
        ),
    },
}
