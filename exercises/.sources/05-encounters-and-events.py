"""Builds exercises/05-encounters-and-events/05-encounters-and-events.ipynb (`python exercises/.sources/build.py`; a test checks the two agree)."""

from authoring import Notebook

A = "05-encounters-and-events"
REF = f'''_G = ex.reference_population("{A}", n=500)
_me = ex.my_person(_G, "{A}")
_rng = ex.my_rng("{A}", "guests")
_attendees = [_me] + sorted(int(_p) for _p in _rng.choice(sorted(set(_G) - {{_me}}), size=39,
                                                            replace=False))'''

nb = Notebook(A)
nb.markdown("intro", f"""
# Exercise 05: Encounters and events

This exercise goes with **Lesson 05: Encounters and events**
(`course/{A}.ipynb`). "You" go to a series of networking evenings with 39
other professionals. A simulation follows the ties made there for two years:
whom you met, whether they come from other worlds, and which ties became
relations. Then you compare three formats of event.

**Your own data.** The population, the other guests and the simulation are
drawn from your learner id: your people, ties and numbers differ from those
of every other learner. Compute your answers from your own data; numbers
copied from someone else are wrong on your data.

**How it works.**

- Write each answer in the cell marked `# YOUR CODE HERE` (remove the line
  `raise NotImplementedError()`).
- Run the **self-check** cell under your answer: it gives no points, but if
  something is wrong it says what was expected, what it found, and gives a
  hint.
- When your work is graded, **hidden tests** check your answers on your own
  data. Passing the self-checks does not guarantee every point.
- Before you hand in: menu *Kernel*, then *Restart Kernel and Run All Cells*.

| Task | What | Points |
|---|---|---|
| 1 | Whom you met | 3 |
| 2 | Improbable encounters | 3 |
| 3 | From contact to relation | 4 |
| 4 | Which format? | 5 |
| 5 | Reflection (graded by your instructor) | 5 |
| | **Total** | **20** |

About 60 minutes.
""")
nb.markdown("setup-text", """
## Your population and your event

Run the next cell first. It builds your population of 500 professionals,
chooses the person who is **you** (`me`) and 39 other guests, and simulates a
networking **evening** held once a month for 6 months, then follows the new
ties for 24 months (`weakties.scenarios.networking_event`).

At each session the guests sit at tables of five and change tables twice; two
people at a table may exchange contacts (an *event* tie). Each guest also
accepts one online connection request per session from someone outside the
room (an *online* tie). After the event, an event tie may be followed up in
person from time to time; a tie that is never followed up goes cold.

If the cell says that no learner id is set, follow its instructions once, in
a separate notebook or a terminal (not in this one), then run it again.
""")
nb.setup("setup", f"""
import weakties
from weakties import exercises as ex
from weakties.scenarios import networking_event

ASSIGNMENT = "{A}"
G = ex.my_population(ASSIGNMENT, n=500)
me = ex.my_person(G, ASSIGNMENT)
rng = ex.my_rng(ASSIGNMENT, "guests")
attendees = [me] + sorted(int(p) for p in rng.choice(sorted(set(G) - {{me}}), size=39,
                                                         replace=False))
SEED = ex.my_seed(ASSIGNMENT, "event")
event = networking_event(G, attendees, format="evening", rounds=6, months=24, seed=SEED)

print("You:", ex.describe_person(G, me))
print(event.summary())
""")
nb.markdown("example-text", """
## Worked example: reading the table of new ties

`event.new_ties` is a table (a pandas DataFrame) with one row per new tie.
The columns you need:

- `person` and `other`: the two people of the tie (you may be either one);
- `kind`: `"event"` (met at the event) or `"online"` (connected online only);
- `crosses_sector`: `True` when the two people work in different sectors;
- `follow_ups`: how many times the tie was followed up after it was made;
- `strength`: the strength of the tie at the end of the 24 months;
- `relation`: `True` when the tie became a relation (the rule of Lesson 01:
  two years, four exchanges a year, services both ways).

The cell below lists the ties that another guest, `example`, made at the
event, with a plain loop over the rows.
""")
nb.example("example", """
example = attendees[1]
table = event.new_ties
print(table.columns.tolist())
for row in table.itertuples():
    if row.kind == "event" and example in (row.person, row.other):
        partner = row.other if row.person == example else row.person
        print(f"met {partner} (sector {G.nodes[partner]['sector']}),",
              f"{row.follow_ups} follow-ups, strength {row.strength:.2f}, relation: {row.relation}")
""")

# ---------------------------------------------------------------- task 1
nb.task("task-met", """
## Task 1: Whom you met (3 points)

- `met`: the list of the people **you** met at the event (your ties of kind
  `"event"`), each person once.
- `met_other_sector`: how many of them work in another sector than yours.
""")
nb.answer("answer-met", """
### BEGIN SOLUTION
met = []
for row in event.new_ties.itertuples():
    if row.kind == "event" and me in (row.person, row.other):
        met.append(row.other if row.person == me else row.person)
met_other_sector = sum(1 for p in met if G.nodes[p]["sector"] != G.nodes[me]["sector"])
### END SOLUTION
print(len(met), "people met,", met_other_sector, "from another sector")
""")
nb.selfcheck("selfcheck-met", """
# Self-check (0 points): guests of the event, and a count.
_found = ex.answer("met")
ex.check_type("met", _found, "collection")
for _p in _found:
    ex.check_person("met", _p, G, among=attendees, what="a guest of the event")
ex.check_type("met_other_sector", ex.answer("met_other_sector"), "whole number")
ex.check_between("met_other_sector", ex.answer("met_other_sector"), 0, len(_found),
                 what="a number of the people you met")
print("Self-check passed.")
""")
nb.test("test-met-people", 2, f"""
# Hidden tests (2 points): the people you met at the event.
### BEGIN HIDDEN TESTS
{REF}
_event = networking_event(_G, _attendees, format="evening", rounds=6, months=24,
                          seed=ex.my_seed("{A}", "event"))
_t = _event.new_ties
_met_expected = [_o if _p == _me else _p
                 for _p, _o, _k in zip(_t["person"], _t["other"], _t["kind"])
                 if _k == "event" and _me in (_p, _o)]
ex.check_items("met", ex.answer("met"), _met_expected,
               what="the people with whom you have a tie of kind 'event'",
               hint="keep the rows of kind 'event' in which you are person or other, and take "
                    "the other person of each")
### END HIDDEN TESTS
""")
nb.test("test-met-sector", 1, """
# Hidden tests (1 point): how many of them work in another sector.
### BEGIN HIDDEN TESTS
# _event and _met_expected: computed by the test cell above, from your own data.
_n = sum(1 for _p in _met_expected if _G.nodes[_p]["sector"] != _G.nodes[_me]["sector"])
ex.check_equal("met_other_sector", ex.answer("met_other_sector"), _n, reveal=False,
               what="the number of people you met whose sector is not yours",
               hint="compare G.nodes[p]['sector'] with your own sector")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- task 2
nb.task("task-mixed", """
## Task 2: Improbable encounters (3 points)

Do you meet other worlds at the event more than in your usual circles?

- `cross_share`: a dictionary with two keys: `"event"`, the share of the
  people you met at the event (task 1) who work in another sector than yours,
  and `"before"`, the share of your ties in `G` (your network before the event)
  with people of another sector. Each is a number between 0 and 1.
- `more_mixed`: `"event"` if the event mixes sectors more than your usual
  network, `"before"` otherwise. (If the two shares are equal, either answer
  is right.)
""")
nb.answer("answer-mixed", """
### BEGIN SOLUTION
before = sum(1 for o in G[me] if G.nodes[o]["sector"] != G.nodes[me]["sector"]) / G.degree(me)
cross_share = {"event": met_other_sector / len(met), "before": before}
more_mixed = "event" if cross_share["event"] > cross_share["before"] else "before"
### END SOLUTION
print(cross_share, more_mixed)
""")
nb.selfcheck("selfcheck-mixed", """
# Self-check (0 points): two shares and a choice.
_found = ex.answer("cross_share")
ex.check_mapping("cross_share", _found, {"event": 0, "before": 0}, keys_only=True,
                 what="a dictionary with the keys 'event' and 'before'")
for _key, _value in _found.items():
    ex.check_between(f"cross_share[{_key!r}]", _value, 0, 1, what="a share",
                     hint="divide by a number of ties; do not multiply by 100")
ex.check_choice("more_mixed", ex.answer("more_mixed"), ["event", "before"],
                options=["event", "before"])
print("Self-check passed.")
""")
nb.test("test-mixed-values", 2, f"""
# Hidden tests (2 points): the share of ties across sectors, at the event and before.
### BEGIN HIDDEN TESTS
{REF}
_event = networking_event(_G, _attendees, format="evening", rounds=6, months=24,
                          seed=ex.my_seed("{A}", "event"))
_t = _event.new_ties
_others = [_o if _p == _me else _p
           for _p, _o, _k in zip(_t["person"], _t["other"], _t["kind"])
           if _k == "event" and _me in (_p, _o)]
_sector = _G.nodes[_me]["sector"]
_mixed_expected = {{
    "event": sum(_G.nodes[_p]["sector"] != _sector for _p in _others) / len(_others),
    "before": sum(_G.nodes[_p]["sector"] != _sector for _p in _G[_me]) / _G.degree(_me),
}}
ex.check_mapping("cross_share", ex.answer("cross_share"), _mixed_expected, tol=0.01,
                 what="the share of ties with another sector, among the people you met at the "
                      "event and among your ties before it",
                 hint="divide by the number of people met for 'event', by your number of ties "
                      "for 'before'")
### END HIDDEN TESTS
""")
nb.test("test-mixed-choice", 1, """
# Hidden tests (1 point): where you meet other worlds more.
### BEGIN HIDDEN TESTS
# _mixed_expected: computed by the test cell above, from your own data.
_e, _b = _mixed_expected["event"], _mixed_expected["before"]
_accept = ["event"] if _e > _b else ["before"] if _b > _e else ["event", "before"]
ex.check_choice("more_mixed", ex.answer("more_mixed"), _accept, options=["event", "before"],
                what="where a larger share of your ties crosses sectors, on your data")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- task 3
nb.task("task-follow", """
## Task 3: From contact to relation (4 points)

Now look at **all** the new ties of the event (not only yours), 24 months
later.

- `mean_strength`: a dictionary with three keys: `"followed"`, the average
  final strength of the event ties followed up at least once
  (`follow_ups` of 1 or more); `"not followed"`, the average final strength of
  the event ties never followed up; `"online"`, the average final strength of
  the online ties.
- `became_relations`: how many **event** ties became relations.
""")
nb.answer("answer-follow", """
### BEGIN SOLUTION
table = event.new_ties
groups = {"followed": [], "not followed": [], "online": []}
for row in table.itertuples():
    if row.kind == "online":
        groups["online"].append(row.strength)
    elif row.follow_ups >= 1:
        groups["followed"].append(row.strength)
    else:
        groups["not followed"].append(row.strength)
mean_strength = {key: sum(values) / len(values) for key, values in groups.items()}
became_relations = int(((table["kind"] == "event") & table["relation"]).sum())
### END SOLUTION
print(mean_strength, became_relations)
""")
nb.selfcheck("selfcheck-follow", """
# Self-check (0 points): three average strengths and a count.
_found = ex.answer("mean_strength")
ex.check_mapping("mean_strength", _found, {"followed": 0, "not followed": 0, "online": 0},
                 keys_only=True,
                 what="a dictionary with the keys 'followed', 'not followed' and 'online'")
for _key, _value in _found.items():
    ex.check_between(f"mean_strength[{_key!r}]", _value, 0, 1, what="an average strength")
ex.check_type("became_relations", ex.answer("became_relations"), "whole number")
print("Self-check passed.")
""")
nb.test("test-follow-values", 3, f"""
# Hidden tests (3 points): the average final strength of each group of ties.
### BEGIN HIDDEN TESTS
{REF}
_event = networking_event(_G, _attendees, format="evening", rounds=6, months=24,
                          seed=ex.my_seed("{A}", "event"))
_t = _event.new_ties
_groups = {{"followed": [], "not followed": [], "online": []}}
for _k, _f, _s in zip(_t["kind"], _t["follow_ups"], _t["strength"]):
    _groups["online" if _k == "online" else "followed" if _f >= 1 else "not followed"].append(_s)
_expected = {{_k: sum(_v) / len(_v) for _k, _v in _groups.items()}}
_relations_expected = sum(1 for _k, _r in zip(_t["kind"], _t["relation"]) if _k == "event" and _r)
ex.check_mapping("mean_strength", ex.answer("mean_strength"), _expected, tol=0.005,
                 what="the average final strength of event ties followed up, event ties not "
                      "followed up, and online ties",
                 hint="'followed' means follow_ups of 1 or more, among ties of kind 'event' only")
### END HIDDEN TESTS
""")
nb.test("test-follow-relations", 1, """
# Hidden tests (1 point): the event ties that became relations.
### BEGIN HIDDEN TESTS
# _relations_expected: computed by the test cell above, from your own data.
ex.check_equal("became_relations", ex.answer("became_relations"), _relations_expected,
               reveal=False, what="the number of ties of kind 'event' whose relation is True",
               hint="read the column relation (a follow-up alone does not make a relation), "
                    "and count only the ties of kind 'event'")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- task 4
nb.task("task-format", """
## Task 4: Which format? (5 points)

`networking_event` knows three formats (`weakties.scenarios.networking_event.FORMATS`):

- `"evening"`: a large evening, tables of 5, people change tables twice;
- `"breakfast"`: one table of 6 for the whole session, more time to talk;
- `"neighbourhood"`: tables of 8 of professionals who live and work nearby, so
  that meeting again is easy.

Run the same series of events with the same guests and the same seed
(`SEED`), once in each format, and compare them.

- `ties_by_format`: a dictionary `{format: number of event ties made}`.
- `relations_by_format`: a dictionary `{format: number of event ties that
  became relations}`.
- `most_ties` and `most_relations`: the format that makes the most event ties,
  and the one that makes the most relations. If several formats are equal,
  any of them is right.
""")
nb.answer("answer-format", """
### BEGIN SOLUTION
ties_by_format, relations_by_format = {}, {}
for fmt in ("evening", "breakfast", "neighbourhood"):
    result = networking_event(G, attendees, format=fmt, rounds=6, months=24, seed=SEED)
    events = result.new_ties[result.new_ties["kind"] == "event"]
    ties_by_format[fmt] = len(events)
    relations_by_format[fmt] = int(events["relation"].sum())
most_ties = max(ties_by_format, key=ties_by_format.get)
most_relations = max(relations_by_format, key=relations_by_format.get)
### END SOLUTION
print(ties_by_format, relations_by_format, most_ties, most_relations)
""")
nb.selfcheck("selfcheck-format", """
# Self-check (0 points): the form of your answers.
_formats = ["evening", "breakfast", "neighbourhood"]
for _name in ("ties_by_format", "relations_by_format"):
    _found = ex.answer(_name)
    ex.check_mapping(_name, _found, dict.fromkeys(_formats, 0), keys_only=True,
                     what="a dictionary with the keys 'evening', 'breakfast', 'neighbourhood'")
    for _key, _value in _found.items():
        ex.check_type(f"{_name}[{_key!r}]", _value, "whole number")
ex.check_choice("most_ties", ex.answer("most_ties"), _formats, options=_formats)
ex.check_choice("most_relations", ex.answer("most_relations"), _formats, options=_formats)
print("Self-check passed.")
""")
nb.test("test-format-ties", 1, f"""
# Hidden tests (1 point): the event ties made in each format.
### BEGIN HIDDEN TESTS
{REF}
_ties, _relations = {{}}, {{}}
for _fmt in ("evening", "breakfast", "neighbourhood"):
    _t = networking_event(_G, _attendees, format=_fmt, rounds=6, months=24,
                          seed=ex.my_seed("{A}", "event")).new_ties
    _ties[_fmt] = sum(1 for _k in _t["kind"] if _k == "event")
    _relations[_fmt] = sum(1 for _k, _r in zip(_t["kind"], _t["relation"]) if _k == "event" and _r)
ex.check_mapping("ties_by_format", ex.answer("ties_by_format"), _ties,
                 what="for each format, the number of ties of kind 'event'",
                 hint="run the simulation once per format with the same guests and seed")
### END HIDDEN TESTS
""")
nb.test("test-format-relations", 2, """
# Hidden tests (2 points): the relations made in each format.
### BEGIN HIDDEN TESTS
# _relations: computed by the test cell above, from your own data.
ex.check_mapping("relations_by_format", ex.answer("relations_by_format"), _relations,
                 what="for each format, the number of event ties that became relations",
                 hint="count the rows of kind 'event' whose relation is True")
### END HIDDEN TESTS
""")
nb.test("test-format-most-ties", 1, """
# Hidden tests (1 point): the format that makes the most ties.
### BEGIN HIDDEN TESTS
# _ties: computed by the test cell above, from your own data.
ex.check_choice("most_ties", ex.answer("most_ties"),
                [_f for _f, _k in _ties.items() if _k == max(_ties.values())],
                options=["evening", "breakfast", "neighbourhood"],
                what="the format that makes the most event ties, on your data")
### END HIDDEN TESTS
""")
nb.test("test-format-most-relations", 1, """
# Hidden tests (1 point): the format that makes the most relations.
### BEGIN HIDDEN TESTS
# _relations: computed by the test cell above, from your own data.
ex.check_choice("most_relations", ex.answer("most_relations"),
                [_f for _f, _k in _relations.items() if _k == max(_relations.values())],
                options=["evening", "breakfast", "neighbourhood"],
                what="the format that makes the most relations, on your data")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- reflection
nb.rubric("task-reflection", """
## Task 5: Reflection (5 points, graded by your instructor)

Plan your own next networking event, using your results. In the cell below,
in five to ten sentences:

1. Which format would you choose for your goal, and why? Use your numbers
   from task 4 (ties made against relations made).
2. What would you do in the three months after the event so that a contact
   becomes a relation? Use task 3 (followed up against not followed up,
   online ties).
3. Why is adding someone online after the event not enough?

**Rubric (5 points)**

- 2 points: a format chosen for a stated goal (1 point), justified with your
  numbers, recognising the trade-off between many contacts and few relations
  (1 point).
- 2 points: a concrete follow-up plan with timing (a meeting, a shared task, a
  promise kept, within weeks; 1 point), justified by the gap in strength
  between ties followed up and ties not followed up (1 point).
- 1 point: explains that value "crystallises" through real presence and
  repeated exchanges; an online connection alone stays weak (the strength of
  online ties).
""")
nb.reflection("answer-reflection", 5, """
### BEGIN SOLUTION
*Example answer (numbers differ for each learner).* My goal is to build a few
solid relations in logistics, not to collect cards, so I would choose the
neighbourhood format: in my simulation it made 20 relations against 1 for the
evening, even though the evening made more ties (404 against 277). In the
three months after the event I would meet again, within two weeks, the two
or three people I want to know better, for a coffee near our offices, and
send one of them the document I promised. Ties followed up reached an
average strength of 0.33 against 0.10 for ties never followed up. Adding
people online is not enough: online-only ties stayed around 0.08 in
strength, because trust grows with repeated exchanges in person and kept
commitments.
### END SOLUTION
""")
if __name__ == "__main__":
    print(nb.write())
