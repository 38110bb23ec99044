"""Builds exercises/09-e-reputation/09-e-reputation.ipynb (`python exercises/.sources/build.py`; a test checks the two agree)."""

from authoring import hidden, HOW, Notebook, OWN, solution

A = "09-e-reputation"
nb = Notebook(A)
PRE = f'''_A = "{A}"
_G = ex.reference_population(_A, n=400)
_me = ex.my_person(_G, _A, min_strong=3, min_weak=8)
_mine = set(_G[_me])'''
SPREAD = '''from weakties.scenarios import cascade as _cascade
_seed = ex.my_seed(_A, "spread")
_runs = {"influencers": _cascade(_G, "influencers", k=10, runs=20, seed=_seed),
         "random": _cascade(_G, "random", k=10, runs=20, seed=_seed)}'''

nb.markdown("intro", f"""
# Exercise 09: E-reputation and influence

This exercise goes with **Lesson 09: E-reputation and influence**
(`course/09-e-reputation.ipynb`). What is said about "you" travels from
person to person. You find which of your contacts would carry a message
furthest, compare in the lesson's simulations a message started by
influencers with one started by people chosen at random, compare good news
with bad news about you, and measure which ties carry the spread.

{OWN}

{HOW}

| Task | What | Points |
|---|---|---|
| 1 | Who would carry your message furthest? | 3 |
| 2 | Influencers or people chosen at random? | 4 |
| 3 | Good news and bad news | 4 |
| 4 | Weak and strong ties in the spread | 4 |
| 5 | Reflection (graded by your instructor) | 5 |
| | **Total** | **20** |

About 60 minutes.
""")

nb.markdown("setup-text", """
## Your population

Run the next cell first. It builds your population of 400 professionals in
France and chooses the person who is **you** (`me`) and another person used
in the worked example (`example`). In this course a tie is **strong** when
its `strength` is at least 0.5, **weak** otherwise. If the cell says that no
learner id is set, follow its instructions, then run it again.
""")

nb.setup("setup", f"""
import weakties
from weakties import exercises as ex
from weakties.scenarios import cascade

ASSIGNMENT = "{A}"
G = ex.my_population(ASSIGNMENT, n=400)
me = ex.my_person(G, ASSIGNMENT, min_strong=3, min_weak=8)
example = ex.my_person(G, ASSIGNMENT, role="example", exclude=[me])

print(f"Your population: {{G.number_of_nodes()}} people and {{G.number_of_edges()}} ties.")
print("You:", ex.describe_person(G, me))
""")

nb.markdown("example-text", """
## Worked example: who hears, and from whom

The cell below first counts, for one contact of the example person, the
people this contact knows whom the example person does not know: the people
a message would reach only through this contact.

Then it runs the lesson's simulation `cascade` twice (3 runs of an
independent cascade started by the example person) and reads its two
tables:

- `adoption`: one row per run and step, with the people reached at that
  step (`new`), reached so far (`reached`) and their `share` of the
  population. A run stops when nobody new hears the message, so some runs
  have fewer steps than others.
- `reached`: one row per person reached in each run, with the person who
  passed them the message (`via`) and the kind of that tie (`tie`:
  `"seed"` for the people who started the message, `"weak"` or `"strong"`).
""")

nb.example("example", """
friends = set(G[example])
contact = sorted(friends)[0]
new = set(G[contact]) - friends - {example}
print("Contact", contact, "knows", G.degree(contact), "people;", len(new),
      "of them are unknown to person", example)

demo = cascade(G, [example], seed=1, runs=3)
print(demo.adoption)
print(demo.reached.head(8))
last_step = demo.adoption[demo.adoption["run"] == 0]["step"].max()
print("Run 0 stopped after step", last_step)
""")

# ---------------------------------------------------------------- Task 1
nb.task("task-relay", """
## Task 1: Who would carry your message furthest? (3 points)

When one of your contacts shares something about you, the people who hear it
from them and who do not know you already are **new** people.

- `new_people`: a dictionary whose keys are **all your contacts** and whose
  values are the number of people each of them knows who are neither you
  nor your contacts.
- `best_relay`: your contact who knows the most new people. If several
  share the largest number, any of them is right.
""")
nb.answer("answer-relay", solution("", """
new_people = {}
for q in G[me]:
    new_people[q] = len(set(G[q]) - set(G[me]) - {me})
best_relay = max(new_people, key=new_people.get)
""", 'print("best relay:", best_relay, "who knows", new_people[best_relay], "new people")'))
nb.selfcheck("selfcheck-relay", """
# Self-check (0 points): one whole number for each of your contacts, and one of them.
_found = ex.answer("new_people")
ex.check_mapping("new_people", _found, dict.fromkeys(G[me], 0), keys_only=True,
                 what="a dictionary with one key for each of your contacts")
for _key, _value in _found.items():
    ex.check_type(f"new_people[{_key!r}]", _value, "whole number")
    ex.check_between(f"new_people[{_key!r}]", _value, 0, G.degree(_key), what="a number of people",
                     hint="count the contacts of this person who are neither you nor your contacts")
ex.check_person("best_relay", ex.answer("best_relay"), G, among=G[me], what="one of your contacts")
print("Self-check passed.")
""")
nb.test("test-relay-values", 2, hidden("Hidden tests (2 points): the new people each of your contacts would reach.", PRE + """
_new = {_q: sum(1 for _w in _G[_q] if _w != _me and _w not in _mine) for _q in _mine}
ex.check_mapping("new_people", ex.answer("new_people"), _new,
                 what="for each of your contacts, the number of people they know who are "
                      "neither you nor your contacts",
                 hint="set(G[q]) - set(G[me]) - {me}: remove your contacts and yourself")
"""))
nb.test("test-relay-best", 1, hidden("Hidden tests (1 point): the contact who would carry your message furthest.", """
# _new: computed by the first test cell of this task, from your own data.
_top = max(_new.values())
ex.check_choice("best_relay", ex.answer("best_relay"), [_q for _q, _n in _new.items() if _n == _top],
                options=sorted(_new), what="your contact who knows the most people you do not know",
                hint="take the key of new_people with the largest value")
"""))

# ---------------------------------------------------------------- Task 2
nb.task("task-seeds", """
## Task 2: Influencers or people chosen at random? (4 points)

The answer cell runs the lesson's independent cascade 20 times from the 10
people of your population with the most ties (`"influencers"`), and 20 times
from 10 people chosen at random (new ones in each run), with the same seed.

- `reach_by_step_3`: a dictionary with the keys `"influencers"` and
  `"random"`. Each value is the **average, over the 20 runs, of the share of
  the population reached by the end of step 3** (seeds included). A run that
  stopped before step 3 counts with the share it had reached when it
  stopped.
- `faster`: `"influencers"` or `"random"`: the start that reaches the larger
  share by the end of step 3, on your data.

*Hint: for one run, `rows = table[(table["run"] == run) & (table["step"] <= 3)]`
keeps its first steps; `rows["share"].max()` is the share reached at the end
of the last of them.*
""")
nb.answer("answer-seeds", solution('''
influencers = cascade(G, "influencers", k=10, runs=20, seed=ex.my_seed(ASSIGNMENT, "spread"))
random_seeds = cascade(G, "random", k=10, runs=20, seed=ex.my_seed(ASSIGNMENT, "spread"))
''', """
reach_by_step_3 = {}
for name, result in [("influencers", influencers), ("random", random_seeds)]:
    table = result.adoption
    shares = []
    for run in range(20):
        rows = table[(table["run"] == run) & (table["step"] <= 3)]
        shares.append(rows["share"].max())
    reach_by_step_3[name] = sum(shares) / len(shares)
faster = max(reach_by_step_3, key=reach_by_step_3.get)
""", "print(reach_by_step_3, faster)"))
nb.selfcheck("selfcheck-seeds", """
# Self-check (0 points): two shares between 0 and 1, and one of the two starts.
_found = ex.answer("reach_by_step_3")
ex.check_mapping("reach_by_step_3", _found, {"influencers": 0, "random": 0}, keys_only=True,
                 what="a dictionary with the keys 'influencers' and 'random'")
for _key, _value in _found.items():
    ex.check_between(f"reach_by_step_3[{_key!r}]", _value, 0, 1, what="a share of the population",
                     hint="use the column share (or reached divided by the number of people)")
ex.check_choice("faster", ex.answer("faster"), ["influencers", "random"],
                options=["influencers", "random"])
print("Self-check passed.")
""")
nb.test("test-seeds-form", 1, hidden("Hidden tests (1 point): two shares between 0 and 1.", PRE + "\n" + SPREAD + """
_n = _G.number_of_nodes()
_by3 = {}
for _name, _r in _runs.items():
    _best = {}
    for _run, _step, _reached in zip(_r.adoption["run"], _r.adoption["step"], _r.adoption["reached"]):
        if _step <= 3:
            _best[_run] = max(_best.get(_run, 0), int(_reached))
    _by3[_name] = sum(_best.values()) / len(_best) / _n
_found = ex.answer("reach_by_step_3")
ex.check_mapping("reach_by_step_3", _found, {"influencers": 0, "random": 0}, keys_only=True,
                 what="a dictionary with the keys 'influencers' and 'random'")
for _key, _value in _found.items():
    ex.check_between(f"reach_by_step_3[{_key!r}]", _value, 0, 1, what="a share of the population")
"""))
nb.test("test-seeds-values", 2, hidden("Hidden tests (2 points): the average share reached by the end of step 3.", """
# _by3: computed by the first test cell of this task, from your own simulations.
ex.check_mapping("reach_by_step_3", ex.answer("reach_by_step_3"), _by3, tol=0.003,
                 what="for each start, the share reached by the end of step 3, averaged over "
                      "the 20 runs",
                 hint="use the total reached so far (reached or share), not the people reached "
                      "at step 3 only (new); a run that stopped early keeps its last share")
"""))
nb.test("test-seeds-faster", 1, hidden("Hidden tests (1 point): the faster start.", """
# _by3: computed by the first test cell of this task, from your own simulations.
_top = max(_by3.values())
ex.check_choice("faster", ex.answer("faster"), [_k for _k, _v in _by3.items() if _v >= _top - 1e-12],
                options=["influencers", "random"],
                what="the start that reaches the larger share by the end of step 3, on your data")
"""))

# ---------------------------------------------------------------- Task 3
nb.task("task-valence", """
## Task 3: Good news and bad news (4 points)

You and your strong ties (the people who know you well) start to speak about
you: once with good news, once with bad news. The answer cell runs the
lesson's **linear threshold** model 10 times for each message: a person
adopts a message once the strength of their ties to people who carry it,
divided by the strength of all their ties, reaches their own threshold. A
negative message weighs 1.2 times as much as a positive one: bad news stands
out (Baumeister et al. 2001).

- `contacts_heard`: a dictionary with the keys `"positive"` and `"negative"`.
  Each value is the **average, over the 10 runs, of the share of your other
  contacts** (your contacts who are not among the `speakers`) **who heard the
  message** (whose number appears in the run's rows of `.reached`).
- `bad_travels_further`: `True` if, on your data, the negative message
  reaches a larger share of your other contacts than the positive one,
  `False` otherwise.
""")
nb.answer("answer-valence", solution('''
speakers = [me] + sorted(q for q in G[me] if G[me][q]["strength"] >= 0.5)
good_news = cascade(G, speakers, model="threshold", valence="positive", runs=10,
                    seed=ex.my_seed(ASSIGNMENT, "word"))
bad_news = cascade(G, speakers, model="threshold", valence="negative", runs=10,
                   seed=ex.my_seed(ASSIGNMENT, "word"))
''', """
others = [q for q in G[me] if q not in speakers]
contacts_heard = {}
for name, result in [("positive", good_news), ("negative", bad_news)]:
    table = result.reached
    shares = []
    for run in range(10):
        heard = set(table[table["run"] == run]["person"])
        shares.append(sum(1 for q in others if q in heard) / len(others))
    contacts_heard[name] = sum(shares) / len(shares)
bad_travels_further = contacts_heard["negative"] > contacts_heard["positive"]
""", "print(contacts_heard, bad_travels_further)"))
nb.selfcheck("selfcheck-valence", """
# Self-check (0 points): two shares between 0 and 1, and True or False.
_found = ex.answer("contacts_heard")
ex.check_mapping("contacts_heard", _found, {"positive": 0, "negative": 0}, keys_only=True,
                 what="a dictionary with the keys 'positive' and 'negative'")
for _key, _value in _found.items():
    ex.check_between(f"contacts_heard[{_key!r}]", _value, 0, 1, what="a share of your contacts",
                     hint="divide by the number of your contacts who are not speakers")
ex.check_type("bad_travels_further", ex.answer("bad_travels_further"), "true or false")
print("Self-check passed.")
""")
VAL = '''from weakties.scenarios import cascade as _cascade
_speakers = [_me] + sorted(_q for _q in _mine if _G[_me][_q]["strength"] >= 0.5)
_others = _mine - set(_speakers)
_heard = {}
for _valence in ("positive", "negative"):
    _r = _cascade(_G, _speakers, model="threshold", valence=_valence, runs=10,
                  seed=ex.my_seed(_A, "word")).reached
    _per_run = {_k: set() for _k in range(10)}
    for _run, _person in zip(_r["run"], _r["person"]):
        _per_run[int(_run)].add(_person)
    _heard[_valence] = sum(len(_others & _s) for _s in _per_run.values()) / (10 * len(_others))'''
nb.test("test-valence-form", 1, hidden("Hidden tests (1 point): two shares between 0 and 1.", PRE + "\n" + VAL + """
_found = ex.answer("contacts_heard")
ex.check_mapping("contacts_heard", _found, {"positive": 0, "negative": 0}, keys_only=True,
                 what="a dictionary with the keys 'positive' and 'negative'")
for _key, _value in _found.items():
    ex.check_between(f"contacts_heard[{_key!r}]", _value, 0, 1, what="a share of your contacts")
"""))
nb.test("test-valence-values", 2, hidden("Hidden tests (2 points): the share of your other contacts who heard each message.", """
# _heard: computed by the first test cell of this task, from your own simulations.
ex.check_mapping("contacts_heard", ex.answer("contacts_heard"), _heard, tol=0.005,
                 what="for each message, the share of your contacts who are not speakers and who "
                      "heard it, averaged over the 10 runs",
                 hint="leave the speakers out of the count and out of the total; take each run "
                      "separately, then average")
"""))
nb.test("test-valence-choice", 1, hidden("Hidden tests (1 point): which news travels further among your contacts.", """
# _heard: computed by the first test cell of this task, from your own simulations.
_found = ex.answer("bad_travels_further")
ex.check_type("bad_travels_further", _found, "true or false")
ex.check_choice("bad_travels_further", bool(_found), [_heard["negative"] > _heard["positive"]],
                options=[True, False],
                what="whether the negative message reaches more of your other contacts, on your data",
                hint="compare the two values of contacts_heard")
"""))

# ---------------------------------------------------------------- Task 4
nb.task("task-ties", """
## Task 4: Weak and strong ties in the spread (4 points)

Go back to the 20 runs started by the influencers (task 2). In
`influencers.reached`, the column `tie` says through which kind of tie each
person heard the message (`"seed"`, `"weak"` or `"strong"`).

- `per_tie`: a dictionary with the keys `"weak"` and `"strong"`. Each value
  is the number of people (over the 20 runs) who heard the message through
  a tie of that kind, **divided by the number of ties of that kind in your
  whole population** (`G.edges(data=True)`; weak: strength below 0.5).
- `carries_most`: `"weak"` or `"strong"`: the kind of tie through which the
  **most people** heard the message.
- `passes_more_per_tie`: `"weak"` or `"strong"`: the kind of tie with the
  larger value in `per_tie`.

*Hint: `for a, b, tie in G.edges(data=True):` loops over every tie of the
population once; `tie["strength"]` is its strength.*
""")
nb.answer("answer-ties", solution("", """
weak_ties = 0
strong_ties = 0
for a, b, tie in G.edges(data=True):
    if tie["strength"] >= 0.5:
        strong_ties = strong_ties + 1
    else:
        weak_ties = weak_ties + 1
kinds = list(influencers.reached["tie"])
heard_weak = kinds.count("weak")
heard_strong = kinds.count("strong")
per_tie = {"weak": heard_weak / weak_ties, "strong": heard_strong / strong_ties}
carries_most = "weak" if heard_weak > heard_strong else "strong"
passes_more_per_tie = max(per_tie, key=per_tie.get)
""", "print(per_tie, carries_most, passes_more_per_tie)"))
nb.selfcheck("selfcheck-ties", """
# Self-check (0 points): two positive numbers, and two kinds of tie.
_found = ex.answer("per_tie")
ex.check_mapping("per_tie", _found, {"weak": 0, "strong": 0}, keys_only=True,
                 what="a dictionary with the keys 'weak' and 'strong'")
for _key, _value in _found.items():
    ex.check_between(f"per_tie[{_key!r}]", _value, 0, 20, what="people reached per tie",
                     hint="divide by the number of ties of that kind in the whole population")
ex.check_choice("carries_most", ex.answer("carries_most"), ["weak", "strong"], options=["weak", "strong"])
ex.check_choice("passes_more_per_tie", ex.answer("passes_more_per_tie"), ["weak", "strong"],
                options=["weak", "strong"])
print("Self-check passed.")
""")
nb.test("test-ties-values", 2, hidden("Hidden tests (2 points): people reached per tie of each kind.", PRE + """
from weakties.scenarios import cascade as _cascade
_runs = {"influencers": _cascade(_G, "influencers", k=10, runs=20, seed=ex.my_seed(_A, "spread"))}
_ties = {"weak": 0, "strong": 0}
for _a, _b, _d in _G.edges(data=True):
    _ties["strong" if _d["strength"] >= 0.5 else "weak"] += 1
_heard_by = {"weak": 0, "strong": 0}
for _k in _runs["influencers"].reached["tie"]:
    if _k in _heard_by:
        _heard_by[_k] += 1
_per = {_k: _heard_by[_k] / _ties[_k] for _k in _ties}
ex.check_mapping("per_tie", ex.answer("per_tie"), _per, tol=0.002,
                 what="for each kind, the people who heard through it divided by the ties of "
                      "that kind in your population",
                 hint="count the ties of the whole population (G.edges), and the rows of "
                      "influencers.reached whose tie is 'weak' or 'strong'")
"""))
nb.test("test-ties-most", 1, hidden("Hidden tests (1 point): the kind of tie that carries the spread.", """
# _heard_by: computed by the first test cell of this task, from your own simulations.
_accept = [_k for _k, _v in _heard_by.items() if _v == max(_heard_by.values())]
ex.check_choice("carries_most", ex.answer("carries_most"), _accept, options=["weak", "strong"],
                what="the kind of tie through which the most people heard the message")
"""))
nb.test("test-ties-per-tie", 1, hidden("Hidden tests (1 point): the kind of tie that passes the message more readily.", """
# _per: computed by the first test cell of this task, from your own simulations.
_accept = [_k for _k, _v in _per.items() if _v >= max(_per.values()) - 1e-12]
ex.check_choice("passes_more_per_tie", ex.answer("passes_more_per_tie"), _accept,
                options=["weak", "strong"],
                what="the kind of tie with the larger number of people reached per tie",
                hint="compare the two values of per_tie, not the two counts")
"""))

# ---------------------------------------------------------------- Reflection
nb.rubric("task-reflection", """
## Task 5: Reflection (5 points, graded by your instructor)

In the cell below, in five to ten sentences:

1. Using tasks 1 and 4, explain why most people who hear about you hear it
   through weak ties, although a strong tie passes a message more readily.
   Use your numbers.
2. Using task 3, say what a single negative remark about you can do
   compared with good news, and how you would answer one (lesson 09: once,
   calmly, with facts, or in private).
3. Describe one piece of content you could share to be visible **through
   your competence, without ego**, and whom you would ask to share it
   (your `best_relay`, by their number and their work), and why.

**Rubric (5 points)**

- 2 points: explains with the numbers of task 4 that weak ties carry most
  of the spread because they are many and lead to new people (1 point),
  while each strong tie passes more readily but mostly to people who have
  already heard (1 point).
- 1 point: reports the result of task 3 on the answer's own data, and
  proposes a calm, factual answer to a negative remark (once, with facts,
  or in private), never an answer in anger.
- 2 points: a concrete piece of content that shows competence (a result, a
  method, a lesson learned, credit given to others) rather than a title or
  an award (1 point), and a relay chosen for the new people they reach,
  with the number of task 1 (1 point).
""")
nb.reflection("answer-reflection", 5, """
### BEGIN SOLUTION
*Example answer (numbers differ for each learner).* In my simulations a
strong tie passes the message more readily: 0.17 people reached per strong
tie against 0.12 per weak tie. But weak ties are more than four times as
many, and they lead to people who have not heard yet, so 520 people heard
the message through a weak tie against 170 through a strong tie. My best
relay, person 124, a logistics manager, knows 45 people I do not know. In
task 3, the bad news reached 83% of my other contacts and the good news
only 35%: bad news stands out and tips people who heard a little. If a
client wrote a negative remark about a late delivery, I would answer once,
with the facts and what I changed, and offer to talk in private. To be
visible through my competence, I would publish a short note on how my team
cut delivery delays by a third, naming the two colleagues who did the work,
and ask person 124 to share it with the logistics people she knows.
### END SOLUTION
""")

print(nb.write())
