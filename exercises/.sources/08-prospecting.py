"""Builds exercises/08-prospecting/08-prospecting.ipynb (`python exercises/.sources/build.py`; a test checks the two agree)."""

from authoring import hidden, HOW, Notebook, OWN, solution

A = "08-prospecting"
nb = Notebook(A)
PRE = f'''_A = "{A}"
_G = ex.reference_population(_A, n=500)
_market = ex.my_pick(_A, sorted({{_G.nodes[_p]["sector"] for _p in _G}}), role="market")
_possible = set()
for _p in _G:
    if (_G.nodes[_p]["sector"] != _market
            and sum(1 for _q in _G[_p] if _G.nodes[_q]["sector"] == _market) >= 2):
        _possible.add(_p)
_me = ex.my_person(_G, _A, min_ties=20, where=lambda _H, _p: _p in _possible)
_prospects = sorted(_p for _p in _G if _G.nodes[_p]["sector"] == _market)
_mine = set(_G[_me])'''
PROSPECT = '''_two = [_p for _p in _prospects if _p not in _mine and len(_mine & set(_G[_p])) >= 2]
_prospect = ex.my_pick(_A, _two, role="prospect")'''
PITCH = '''from weakties.scenarios import prospecting as _prospecting
_chains = _prospecting(_G, _me, _prospects, max_hops=3, cold_rate=0.05,
                       seed=ex.my_seed(_A, "pitch")).chains'''

nb.markdown("intro", f"""
# Exercise 08: Prospecting

This exercise goes with **Lesson 08: Prospecting** (`course/08-prospecting.ipynb`).
"You" sell a service to the companies of one sector. You find which
prospects you can reach through a warm introduction, choose the best person
to introduce you to one of them, compare warm introductions with cold
approaches in the lesson's simulation, and decide whom to ask first.

{OWN}

{HOW}

| Task | What | Points |
|---|---|---|
| 1 | Warm or cold? | 3 |
| 2 | The best introducer | 4 |
| 3 | Warm introductions against cold approaches | 4 |
| 4 | Whom to ask first? | 4 |
| 5 | Reflection (graded by your instructor) | 5 |
| | **Total** | **20** |

About 60 minutes.
""")

nb.markdown("setup-text", """
## Your population

Run the next cell first. It builds your population of 500 professionals in
France and chooses the sector you sell to (`MARKET`): your **prospects**
(`PROSPECTS`) are the people who work in it. Then it chooses the person who
is **you** (`me`), someone who works in another sector and already knows
at least two people in `MARKET`, and another person for the worked example
(`example`). Finally it chooses one prospect you would like to meet
(`PROSPECT`, for task 2): someone you do not know yet, who knows at least two
of your contacts. If it says that no learner id is set, follow its
instructions, then run it again.
""")

nb.setup("setup", f"""
import weakties
from weakties import exercises as ex
from weakties.scenarios import prospecting

ASSIGNMENT = "{A}"
G = ex.my_population(ASSIGNMENT, n=500)
SECTORS = sorted({{G.nodes[p]["sector"] for p in G}})
MARKET = ex.my_pick(ASSIGNMENT, SECTORS, role="market")   # the sector you sell to
PROSPECTS = sorted(p for p in G if G.nodes[p]["sector"] == MARKET)

# "You" work outside MARKET and already know at least two people in it.
possible = []
for p in sorted(G):
    known = [q for q in G[p] if G.nodes[q]["sector"] == MARKET]
    if G.nodes[p]["sector"] != MARKET and len(known) >= 2:
        possible.append(p)
me = ex.my_person(G, ASSIGNMENT, min_ties=20, where=lambda G, p: p in possible)
example = ex.my_person(G, ASSIGNMENT, role="example", exclude=[me])

# A prospect you do not know, who knows at least two of your contacts.
mine = set(G[me])
two_steps = [p for p in PROSPECTS if p not in mine and len(mine & set(G[p])) >= 2]
PROSPECT = ex.my_pick(ASSIGNMENT, two_steps, role="prospect")

print(f"Your population: {{G.number_of_nodes()}} people and {{G.number_of_edges()}} ties.")
print("You:", ex.describe_person(G, me))
print(f"You sell to the sector {{MARKET}}: {{len(PROSPECTS)}} prospects.")
print("The prospect of task 2:", ex.describe_person(G, PROSPECT))
""")

nb.markdown("example-text", """
## Worked example: chains of introducers

To reach a stranger, you ask a contact, who asks theirs, who introduces
you: a **chain** of ties. The lesson measures a chain by its **trust**: the
**product** of the strengths of its ties. Each person asked along the chain
agrees to pass the request on with the chance `strength ** 0.5` of the tie to
the person who asks (0.71 for a tie of strength 0.5, 0.45 for 0.2), so the
introduction goes through with the chance `trust ** 0.5`.

The cell below takes a contact of a contact of the example person, and
computes, for each contact the two share, the trust of the chain that goes
through them. Then it runs the lesson's simulation `prospecting` for the
example person and 5 targets, and reads its table `chains`: one row per
target, with the number of ties of the best chain (`hops`), the chain
itself, the first person to ask (`first_contact`), its `trust` and the
chance that the warm introduction goes through (`p_warm`).
""")

nb.example("example", """
friends = set(G[example])
stranger = sorted(q for f in friends for q in G[f] if q != example and q not in friends)[0]
print("Person", stranger, "is not a contact of", example, "but knows some of their contacts:")
for middle in sorted(friends & set(G[stranger])):
    trust = G[example][middle]["strength"] * G[middle][stranger]["strength"]
    print("  through", middle, ": strengths", round(G[example][middle]["strength"], 2), "and",
          round(G[middle][stranger]["strength"], 2), "-> trust", round(trust, 3),
          "-> chance", round(trust ** 0.5, 3))

targets = [p for p in PROSPECTS if p != example][:5]
demo = prospecting(G, example, targets, max_hops=3, seed=1)
print(demo.chains[["target", "hops", "chain", "first_contact", "trust", "p_warm"]])
for row in demo.chains.itertuples():
    print("target", row.target, "-", row.hops, "ties - ask", row.first_contact, "first")
""")

# ---------------------------------------------------------------- Task 1
nb.task("task-warm", """
## Task 1: Warm or cold? (3 points)

- `known_prospects`: the list of the prospects (people of `PROSPECTS`) who
  are already **your contacts**.
- `one_introduction`: the **number** of prospects who are **not** your
  contacts but who know at least one of your contacts: you can reach them
  with a single introduction.

Every other prospect can only be reached through a longer chain, or by a
cold approach (a message to a stranger).
""")
nb.answer("answer-warm", solution("", """
known_prospects = [p for p in PROSPECTS if p in G[me]]
one_introduction = 0
for p in PROSPECTS:
    if p not in G[me] and p != me and set(G[me]) & set(G[p]):
        one_introduction = one_introduction + 1
""", 'print(known_prospects, one_introduction)'))
nb.selfcheck("selfcheck-warm", """
# Self-check (0 points): prospects who are your contacts, and a number of prospects.
_found = ex.answer("known_prospects")
ex.check_type("known_prospects", _found, "collection")
for _p in _found:
    ex.check_person("known_prospects", _p, G, among=G[me], what="one of your contacts")
    ex.check_person("known_prospects", _p, G, among=PROSPECTS, what="one of the PROSPECTS")
ex.check_type("one_introduction", ex.answer("one_introduction"), "whole number")
ex.check_between("one_introduction", ex.answer("one_introduction"), 0, len(PROSPECTS),
                 what="a number of prospects")
print("Self-check passed.")
""")
nb.test("test-warm-known", 1, hidden("Hidden tests (1 point): the prospects you already know.", PRE + """
ex.check_items("known_prospects", ex.answer("known_prospects"),
               [_p for _p in _prospects if _p in _mine],
               what="the prospects who are your contacts",
               hint="keep the people of PROSPECTS who are in G[me]")
"""))
nb.test("test-warm-one", 2, hidden("Hidden tests (2 points): the prospects one introduction away.", PRE + """
_n = sum(1 for _p in _prospects if _p not in _mine and _mine & set(_G[_p]))
ex.check_equal("one_introduction", ex.answer("one_introduction"), _n, reveal=False,
               what="the number of prospects who are not your contacts but know one of them",
               hint="leave out the prospects you already know; keep those who share at least "
                    "one contact with you")
"""))

# ---------------------------------------------------------------- Task 2
nb.task("task-intro", """
## Task 2: The best introducer (4 points)

You want to meet `PROSPECT`. Several of your contacts know this person: each
of them could introduce you, through a chain of two ties (you, the
introducer, the prospect).

- `introducers`: a dictionary whose keys are **all your contacts who know
  `PROSPECT`**, and whose values are the **trust** of the chain through each
  of them: the strength of your tie to the introducer times the strength of
  the introducer's tie to `PROSPECT`.
- `best_introducer`: the introducer whose chain has the highest trust. If
  several share the highest trust, any of them is right.
- `warm_chance`: the chance that the introduction by `best_introducer` goes
  through: the trust of their chain to the power 0.5.
""")
nb.answer("answer-intro", solution("", """
introducers = {}
for middle in set(G[me]) & set(G[PROSPECT]):
    introducers[middle] = G[me][middle]["strength"] * G[middle][PROSPECT]["strength"]
best_introducer = max(introducers, key=introducers.get)
warm_chance = introducers[best_introducer] ** 0.5
""", """for middle, trust in sorted(introducers.items()):
    print(middle, "my tie", round(G[me][middle]["strength"], 2),
          "their tie", round(G[middle][PROSPECT]["strength"], 2), "trust", round(trust, 3))
print("best:", best_introducer, "chance:", round(warm_chance, 3))"""))
nb.selfcheck("selfcheck-intro", """
# Self-check (0 points): your contacts who know PROSPECT, one of them, and a chance.
_found = ex.answer("introducers")
ex.check_type("introducers", _found, "dict")
for _key, _value in _found.items():
    ex.check_person("introducers", _key, G, among=G[me], what="one of your contacts")
    ex.check_between(f"introducers[{_key!r}]", _value, 0, 1, what="a trust",
                     hint="a product of two strengths is between 0 and 1")
ex.check_person("best_introducer", ex.answer("best_introducer"), G, among=list(_found),
                what="one of the keys of introducers")
ex.check_between("warm_chance", ex.answer("warm_chance"), 0, 1, what="a chance")
print("Self-check passed.")
""")
nb.test("test-intro-values", 2, hidden("Hidden tests (2 points): the trust of the chain through each introducer.", PRE + "\n" + PROSPECT + """
_trust = {_m: _G[_me][_m]["strength"] * _G[_m][_prospect]["strength"]
          for _m in _mine & set(_G[_prospect])}
ex.check_mapping("introducers", ex.answer("introducers"), _trust, tol=0.002,
                 what="for each of your contacts who knows PROSPECT, the product of the two "
                      "strengths of the chain",
                 hint="multiply the strength of your tie to the introducer by the strength of "
                      "their tie to PROSPECT: both ties matter")
"""))
nb.test("test-intro-best", 1, hidden("Hidden tests (1 point): the introducer to ask.", """
# _trust: computed by the first test cell of this task, from your own data.
_top = max(_trust.values())
ex.check_choice("best_introducer", ex.answer("best_introducer"),
                [_m for _m, _t in _trust.items() if _t >= _top - 1e-12], options=sorted(_trust),
                what="the introducer whose chain to PROSPECT has the highest trust",
                hint="the closest contact is not always the best introducer: look at both ties")
"""))
nb.test("test-intro-chance", 1, hidden("Hidden tests (1 point): the chance that the introduction goes through.", """
# _trust: computed by the first test cell of this task, from your own data.
ex.check_close("warm_chance", ex.answer("warm_chance"), max(_trust.values()) ** 0.5, tol=0.005,
               reveal=False, what="the trust of the best chain to the power 0.5",
               hint="raise the trust of the best introducer's chain to the power 0.5 (** 0.5)")
"""))

# ---------------------------------------------------------------- Task 3
nb.task("task-cold", """
## Task 3: Warm introductions against cold approaches (4 points)

The answer cell runs the lesson's simulation for you and all your
prospects: it finds, for each prospect, the chain of at most 3 ties with the
highest trust. In `pitch.chains`, each row is a prospect, with the number of
ties of their best chain (`hops`: 1 if you already know them; -1 if no chain
of at most 3 ties reaches them) and the chance that the warm introduction
goes through (`p_warm`). A cold approach (a message to a stranger) gets a
meeting with a chance of 0.05 in this simulation.

- `mean_chance`: a dictionary whose keys are the chain lengths that occur
  among your prospects (`1`, `2`, `3`, whole numbers; leave out a length
  that no prospect has, and leave out -1) and whose values are the **average
  `p_warm`** of the prospects whose best chain has that many ties.
- `times_cold`: how many times more likely a warm introduction through a
  chain of **2 ties** is, on average, than a cold approach: the average
  `p_warm` of chains of 2 ties divided by 0.05.

*Hint: `table[table["hops"] == 2]["p_warm"].mean()` is the average
`p_warm` of the prospects whose best chain has 2 ties.*
""")
nb.answer("answer-cold", solution('''
pitch = prospecting(G, me, PROSPECTS, max_hops=3, cold_rate=0.05, seed=ex.my_seed(ASSIGNMENT, "pitch"))
table = pitch.chains
''', """
mean_chance = {}
for hops in [1, 2, 3]:
    rows = table[table["hops"] == hops]
    if len(rows) > 0:
        mean_chance[hops] = rows["p_warm"].mean()
times_cold = mean_chance[2] / 0.05
""", "print(mean_chance, times_cold)"))
nb.selfcheck("selfcheck-cold", """
# Self-check (0 points): chances between 0 and 1 for lengths 1 to 3, and a positive number.
_found = ex.answer("mean_chance")
ex.check_type("mean_chance", _found, "dict")
for _key, _value in _found.items():
    ex.check_choice("a key of mean_chance", _key, [1, 2, 3], options=[1, 2, 3])
    ex.check_between(f"mean_chance[{_key!r}]", _value, 0, 1, what="an average chance")
ex.check_between("times_cold", ex.answer("times_cold"), 0, 20, what="a ratio",
                 hint="the average p_warm of chains of 2 ties divided by 0.05")
print("Self-check passed.")
""")
nb.test("test-cold-keys", 1, hidden("Hidden tests (1 point): the chain lengths of your prospects.", PRE + "\n" + PITCH + """
_by_hops = {}
for _h, _pw in zip(_chains["hops"], _chains["p_warm"]):
    if int(_h) > 0:
        _by_hops.setdefault(int(_h), []).append(float(_pw))
_expected = {_h: sum(_v) / len(_v) for _h, _v in _by_hops.items()}
ex.check_mapping("mean_chance", ex.answer("mean_chance"), _expected, keys_only=True,
                 what="one key for each chain length (1, 2 or 3) that your prospects have",
                 hint="leave out -1 (no chain) and the lengths no prospect has")
"""))
nb.test("test-cold-values", 2, hidden("Hidden tests (2 points): the average chance for each chain length.", """
# _expected: computed by the first test cell of this task, from your own simulation.
ex.check_mapping("mean_chance", ex.answer("mean_chance"), _expected, tol=0.005,
                 what="for each chain length, the average p_warm of the prospects whose best "
                      "chain has that many ties",
                 hint="average the column p_warm (the chance), not trust")
"""))
nb.test("test-cold-times", 1, hidden("Hidden tests (1 point): a warm chain of 2 ties against a cold approach.", """
# _expected: computed by the first test cell of this task, from your own simulation.
ex.check_close("times_cold", ex.answer("times_cold"), _expected[2] / 0.05, tol=0.05, reveal=False,
               what="the average p_warm of chains of 2 ties divided by 0.05",
               hint="divide by the chance of a cold approach, 0.05")
"""))

# ---------------------------------------------------------------- Task 4
nb.task("task-first", """
## Task 4: Whom to ask first? (4 points)

A request passed on twice rarely arrives, so you start with the prospects
whose best chain has **exactly 2 ties** (you, one of your contacts, the
prospect). In `pitch.chains`, the column `first_contact` is the person of
the chain you ask first: for these prospects, your contact who introduces
you.

- `introductions`: a dictionary whose keys are the contacts who are the
  `first_contact` of at least one chain of 2 ties, and whose values are the
  **expected number of introductions** each of them would bring: the sum of
  `p_warm` over the prospects whose best chain of 2 ties starts with them.
- `first_ask`: the contact with the largest expected number of
  introductions: the person to ask first. If several share the largest
  value, any of them is right.
""")
nb.answer("answer-first", solution("", """
introductions = {}
for row in table.itertuples():
    if row.hops == 2:
        introductions[row.first_contact] = introductions.get(row.first_contact, 0) + row.p_warm
first_ask = max(introductions, key=introductions.get)
""", 'print(introductions)\nprint("ask first:", first_ask)'))
nb.selfcheck("selfcheck-first", """
# Self-check (0 points): your contacts, each with a positive expected number.
_found = ex.answer("introductions")
ex.check_type("introductions", _found, "dict")
for _key, _value in _found.items():
    ex.check_person("introductions", _key, G, among=G[me], what="one of your contacts")
    ex.check_between(f"introductions[{_key!r}]", _value, 0, len(PROSPECTS),
                     what="an expected number of introductions")
ex.check_person("first_ask", ex.answer("first_ask"), G, among=list(_found),
                what="one of the keys of introductions")
print("Self-check passed.")
""")
nb.test("test-first-keys", 1, hidden("Hidden tests (1 point): the contacts who open chains of 2 ties.", PRE + "\n" + PITCH + """
_intro = {}
for _h, _f, _pw in zip(_chains["hops"], _chains["first_contact"], _chains["p_warm"]):
    if int(_h) == 2:
        _intro[_f] = _intro.get(_f, 0.0) + float(_pw)
ex.check_mapping("introductions", ex.answer("introductions"), _intro, keys_only=True,
                 what="one key for each contact who is the first_contact of a chain of 2 ties",
                 hint="keep only the rows whose hops is 2")
"""))
nb.test("test-first-values", 2, hidden("Hidden tests (2 points): the expected introductions of each contact.", """
# _intro: computed by the first test cell of this task, from your own simulation.
ex.check_mapping("introductions", ex.answer("introductions"), _intro, tol=0.005,
                 what="for each contact, the sum of p_warm over the chains of 2 ties that start "
                      "with them",
                 hint="add up the chances (p_warm), do not count the prospects")
"""))
nb.test("test-first-ask", 1, hidden("Hidden tests (1 point): the contact to ask first.", """
# _intro: computed by the first test cell of this task, from your own simulation.
_top = max(_intro.values())
ex.check_choice("first_ask", ex.answer("first_ask"), [_f for _f, _v in _intro.items() if _v >= _top - 1e-9],
                options=sorted(_intro),
                what="the contact with the largest expected number of introductions",
                hint="take the key of introductions with the largest value")
"""))

# ---------------------------------------------------------------- Reflection
nb.rubric("task-reflection", """
## Task 5: Reflection (5 points, graded by your instructor)

In the cell below, in five to ten sentences:

1. Say whom you would ask to introduce you to `PROSPECT` (task 2) and
   why, with the numbers of the two ties of the chain. Is this introducer
   also your closest contact among those who know `PROSPECT`? Explain why
   the tie between the introducer and the prospect matters as much as
   yours.
2. Using task 3, say how much better a warm introduction does than a cold
   approach in this simulation. Then say which assumptions of the model make
   it so (how it sets the chance of a chain, and the chance of a cold
   message), and whether you would expect the same ratio in your own trade.
3. Write the request you would send to your introducer, so that it is easy
   to pass on: who you are, whom you want to meet, why it is useful to the
   prospect (three or four sentences).

**Rubric (5 points)**

- 2 points: names the introducer with the two strengths or the trust of
  their chain (1 point), and explains that the introducer's tie to the
  prospect counts as much as yours: a close friend who barely knows the
  prospect makes a weak chain (1 point).
- 1 point: gives the advantage of warm introductions with the numbers of
  task 3 (for example "a chain of 2 ties is about N times as likely to work
  as a cold message"), and reads it as a consequence of the model's
  assumptions: the chance of a chain falls with the strength of each of its
  ties (so each extra person lowers it), and the cold rate, 0.05, is a
  parameter of the simulation, not a measured figure. An answer that
  presents the ratio as a fact about prospecting earns nothing here.
- 2 points: a request that is easy to pass on: it presents you briefly,
  names the person to meet and the reason (1 point), and offers something
  useful to the prospect rather than a sales pitch (1 point).
""")
nb.reflection("answer-reflection", 5, """
### BEGIN SOLUTION
*Example answer (numbers differ for each learner).* I would ask person 361 to
introduce me to prospect 479. My tie to 361 is moderate (0.42), but 361
works with 479 every week (0.81): the chain's trust is 0.34, the highest.
My closest contact who knows 479 is person 296 (0.66), but 296 barely knows
her (0.12), so a request through 296 would probably stop there: the
introducer must be trusted by the prospect, not only by me. In task 3, the
chains of 2 ties go through with a chance of 0.53 on average, about ten
times the 0.05 of a cold message; chains of 3 ties only 0.41. These ratios
come from the model: it makes the chance of a chain grow with the strength
of every tie in it, so each extra person lowers it, and it sets the cold
rate at 0.05 without measuring it. In my trade, where buyers receive many
cold messages, I would expect a warm introduction to do even better. My request: "Hello, I run a small company that
helps hotels reduce their energy bills. I saw that you work with the
manager of the Hôtel Lenoir. Could you introduce me to her? I would like to
show her a two-page study of what similar hotels saved last year."
### END SOLUTION
""")

print(nb.write())
