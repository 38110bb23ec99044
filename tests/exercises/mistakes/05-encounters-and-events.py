"""Typical mistakes in exercises/05-encounters-and-events, graded by tests/exercises/test_assignments.py.

Each entry maps an answer cell's grade id to what a learner who holds the
misconception writes there; every other answer is the solution. Each must
earn some points and lose some.
"""

#: Library functions whose result *is* a task's answer: no hidden test may call them.
#: The hidden tests re-run networking_event for the data (the rows of new
#: ties) and compute every answer from those rows themselves; they never use
#: the result's summary, which states some of the answers.
LIBRARY_ANSWERS = ["NetworkingEventResult.summary", "NetworkingEventResult.summary_lines"]

MISTAKES = {
    # Counts online connections as people met: a click is not an encounter.
    "online-is-met": {
        "answer-met": (
            "met = []\n"
            "for row in event.new_ties.itertuples():\n"
            "    if me in (row.person, row.other):\n"
            "        met.append(row.other if row.person == me else row.person)\n"
            "met_other_sector = sum(1 for p in met if G.nodes[p]['sector'] != G.nodes[me]['sector'])\n"
        ),
    },
    # Counts online messages as follow-ups: an online tie with exchanges is
    # put with the event ties followed up in person.
    "online-follow-ups": {
        "answer-follow": (
            "table = event.new_ties\n"
            "groups = {'followed': [], 'not followed': [], 'online': []}\n"
            "for row in table.itertuples():\n"
            "    if row.follow_ups >= 1:\n"
            "        groups['followed'].append(row.strength)\n"
            "    elif row.kind == 'online':\n"
            "        groups['online'].append(row.strength)\n"
            "    else:\n"
            "        groups['not followed'].append(row.strength)\n"
            "mean_strength = {k: sum(v) / len(v) for k, v in groups.items()}\n"
            "became_relations = int(((table['kind'] == 'event') & table['relation']).sum())\n"
        ),
    },
    # Takes a follow-up for a relation: meeting again once does not yet make
    # a relation (two years, four exchanges a year, services both ways).
    "followed-is-relation": {
        "answer-follow": (
            "table = event.new_ties\n"
            "groups = {'followed': [], 'not followed': [], 'online': []}\n"
            "for row in table.itertuples():\n"
            "    if row.kind == 'online':\n"
            "        groups['online'].append(row.strength)\n"
            "    elif row.follow_ups >= 1:\n"
            "        groups['followed'].append(row.strength)\n"
            "    else:\n"
            "        groups['not followed'].append(row.strength)\n"
            "mean_strength = {k: sum(v) / len(v) for k, v in groups.items()}\n"
            "became_relations = int(((table['kind'] == 'event') & (table['follow_ups'] >= 1)).sum())\n"
        ),
    },
    # Changes the format's name but not the simulation: the evening's result
    # is reused for every format, so the formats look identical.
    "same-run-for-every-format": {
        "answer-format": (
            "ties_by_format, relations_by_format = {}, {}\n"
            "events = event.new_ties[event.new_ties['kind'] == 'event']\n"
            "for fmt in ('evening', 'breakfast', 'neighbourhood'):\n"
            "    ties_by_format[fmt] = len(events)\n"
            "    relations_by_format[fmt] = int(events['relation'].sum())\n"
            "most_ties = max(ties_by_format, key=ties_by_format.get)\n"
            "most_relations = max(relations_by_format, key=relations_by_format.get)\n"
        ),
    },
}
