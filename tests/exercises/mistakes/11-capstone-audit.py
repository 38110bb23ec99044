"""Typical mistakes in exercises/11-capstone-audit, graded by tests/exercises/test_assignments.py.

Each entry maps an answer cell's grade id to what a learner who holds the
misconception writes there; every other answer is the solution. Each must
earn some points and lose some (the diagnosis and the plan are graded by hand).
"""

#: Library functions whose result *is* a task's answer: no hidden test may call them.
LIBRARY_ANSWERS = ["weakties.audit.report", "weakties.metrics.blau", "weakties.metrics.diversity"]

MISTAKES = {
    # Gives percentages where shares are asked: the shares then add up to 100.
    "percent-shares": {
        "answer-composition": (
            "counts = my_contacts['sector'].value_counts()\n"
            "sector_share = {sector: 100 * count / len(my_contacts) for sector, count in counts.items()}\n"
            "own_sector_share = sector_share.get(MY_SECTOR, 0)\n"
        ),
    },
    # Measures variety by the number of different sectors: a group of many
    # ties naturally holds more sectors, whatever their balance.
    "variety-as-count": {
        "answer-variety": (
            "strong_sectors = list(my_contacts[my_contacts['strength'] >= 3]['sector'])\n"
            "weak_sectors = list(my_contacts[my_contacts['strength'] <= 2]['sector'])\n"
            "diversity = {'strong': len(set(strong_sectors)) / 12, 'weak': len(set(weak_sectors)) / 12}\n"
            "more_varied = max(diversity, key=diversity.get)\n"
        ),
    },
    # Reads "less than half its share of the population" as "less than half of
    # your contacts" (under 50%): almost every sector then looks hardly reached.
    "half-as-fifty-percent": {
        "answer-gaps": (
            "n = G.number_of_nodes()\n"
            "population_share = {s: sum(1 for p in G if G.nodes[p]['sector'] == s) / n for s in SECTORS}\n"
            "mine = {s: sum(1 for q in G[me] if G.nodes[q]['sector'] == s) / G.degree(me) for s in SECTORS}\n"
            "gap = {s: population_share[s] - mine[s] for s in SECTORS}\n"
            "missing = [s for s in SECTORS if population_share[s] >= 0.04 and mine[s] < 0.5]\n"
            "missing_sectors = sorted(missing, key=lambda s: gap[s], reverse=True)\n"
            "bridges = {}\n"
            "for sector in missing_sectors:\n"
            "    knows = {q: sum(1 for w in G[q] if w != me and G.nodes[w]['sector'] == sector)\n"
            "             for q in G[me]}\n"
            "    bridges[sector] = max(knows, key=knows.get)\n"
        ),
    },
    # Takes the best-connected contact as the bridge to every world: a
    # contact with many ties is not necessarily one who knows that sector.
    "bridge-by-degree": {
        "answer-gaps": (
            "n = G.number_of_nodes()\n"
            "population_share = {s: sum(1 for p in G if G.nodes[p]['sector'] == s) / n for s in SECTORS}\n"
            "mine = {s: sum(1 for q in G[me] if G.nodes[q]['sector'] == s) / G.degree(me) for s in SECTORS}\n"
            "gap = {s: population_share[s] - mine[s] for s in SECTORS}\n"
            "missing = [s for s in SECTORS if population_share[s] >= 0.04 "
            "and mine[s] < 0.5 * population_share[s]]\n"
            "missing_sectors = sorted(missing, key=lambda s: gap[s], reverse=True)\n"
            "hub = max(G[me], key=G.degree)\n"
            "bridges = {sector: hub for sector in missing_sectors}\n"
        ),
    },
}
