"""Builds exercises/07-job-search/07-job-search.ipynb (`python exercises/.sources/build.py`; a test checks the two agree)."""

from authoring import hidden, HOW, Notebook, OWN, solution

A = "07-job-search"
nb = Notebook(A)
PRE = f'''_A = "{A}"
_G = ex.reference_population(_A, n=500)
_target = ex.my_pick(_A, sorted({{_G.nodes[_p]["sector"] for _p in _G}}), role="target")
_possible = set()
for _p in _G:
    _in = [_q for _q in _G[_p] if _G.nodes[_q]["sector"] == _target]
    if (_G.nodes[_p]["sector"] != _target and len(_in) >= 4
            and sum(1 for _q in _in if _G[_p][_q]["strength"] < 0.5) >= 3):
        _possible.add(_p)
_me = ex.my_person(_G, _A, min_strong=3, min_weak=10, where=lambda _H, _p: _p in _possible)
_in_target = [_q for _q in _G[_me] if _G.nodes[_q]["sector"] == _target]'''
CHANCE = '''import math as _math
def _chance(_s, _m):
    return 0.95 ** _m * (1 - _s) ** 3 * (0.05 + 0.95 * (1 - _math.exp(-(0.5 * _s + 0.35 * _m))))'''

nb.markdown("intro", f"""
# Exercise 07: Job search

This exercise goes with **Lesson 07: Job search** (`course/07-job-search.ipynb`).
"You" want a job in another sector than your own. You find the contacts who
work in that sector, decide whom to ask first, and compare, in simulations
of the lesson, how job leads depend on the contacts people share and which
ties are worth mobilising for a change of sector.

{OWN}

{HOW}

| Task | What | Points |
|---|---|---|
| 1 | Who works in the sector you want? | 3 |
| 2 | Whom to ask first? | 4 |
| 3 | Leads and mutual contacts | 4 |
| 4 | Which ties to mobilise for a change of sector? | 4 |
| 5 | Reflection (graded by your instructor) | 5 |
| | **Total** | **20** |

About 60 minutes.
""")

nb.markdown("setup-text", """
## Your population

Run the next cell first. It builds your population of 500 professionals in
France, chooses the sector of the job you want (`TARGET`), then the person
who is **you** (`me`): someone who works in another sector and knows at least
four people in `TARGET`. It also chooses another person for the worked
example (`example`). If it says that no learner id is set, follow its
instructions, then run it again.
""")

nb.setup("setup", f"""
import math
import weakties
from weakties import exercises as ex
from weakties.scenarios import job_search

ASSIGNMENT = "{A}"
G = ex.my_population(ASSIGNMENT, n=500)
SECTORS = sorted({{G.nodes[p]["sector"] for p in G}})
TARGET = ex.my_pick(ASSIGNMENT, SECTORS, role="target")   # the sector of the job you want

# "You" work outside TARGET and know at least 4 people in it, 3 of them through weak ties.
possible = []
for p in sorted(G):
    inside = [q for q in G[p] if G.nodes[q]["sector"] == TARGET]
    weak_inside = [q for q in inside if G[p][q]["strength"] < 0.5]
    if G.nodes[p]["sector"] != TARGET and len(inside) >= 4 and len(weak_inside) >= 3:
        possible.append(p)
me = ex.my_person(G, ASSIGNMENT, min_strong=3, min_weak=10, where=lambda G, p: p in possible)
example = ex.my_person(G, ASSIGNMENT, role="example", exclude=[me])

print(f"Your population: {{G.number_of_nodes()}} people and {{G.number_of_edges()}} ties.")
print("You:", ex.describe_person(G, me))
print("You want a job in the sector:", TARGET)
""")

nb.markdown("example-text", """
## Worked example: sectors, mutual contacts and how often you see someone

For the example person, the cell below:

- lists their contacts who work in a given sector (`G.nodes[q]["sector"]`);
- for each of them, shows the **frequency band** of the tie
  (`weakties.ties.frequency_band`): `"often"` (twice a week or more),
  `"rarely"` (once a year or less) or `"occasionally"` (in between), the
  bands of Granovetter's study *Getting a Job* (1974);
- counts the **mutual contacts** of each tie: the people both ends know,
  `set(G[a]) & set(G[b])`;
- computes `math.exp(-1)`, the exponential function used in task 2.

Then it runs the job-search simulation of the lesson on 50 people for 3
months and shows its two tables: `asked` (one row per tie a seeker asked,
with the number of requests `asks` and of `leads` received) and `seekers`
(one row per seeker, with the number of requests made and whether they were
`hired`).
""")

nb.example("example", """
sector = G.nodes[example]["sector"]
same_sector = [q for q in G[example] if G.nodes[q]["sector"] == sector]
print("Person", example, "works in", sector, "and knows", len(same_sector), "people there.")
for q in sorted(same_sector)[:5]:
    tie = G[example][q]
    shared = set(G[example]) & set(G[q])
    print("  contact", q, "- strength", round(tie["strength"], 2),
          "- band", weakties.ties.frequency_band(tie["frequency"]),
          "- mutual contacts", len(shared))
print("math.exp(-1) =", round(math.exp(-1), 4))

demo = job_search(G, list(range(50)), rounds=3, seed=1)
print(demo.asked.head())
print(demo.seekers.head())
""")

# ---------------------------------------------------------------- Task 1
nb.task("task-target", """
## Task 1: Who works in the sector you want? (3 points)

- `target_contacts`: the list of **your** contacts (people of `G[me]`) who
  work in the sector `TARGET`.
- `target_bands`: how often you see them. A dictionary with exactly the
  three keys `"often"`, `"occasionally"` and `"rarely"`, whose values are the
  numbers of your contacts in `TARGET` in each frequency band (0 for an empty
  band), for example `{"often": 0, "occasionally": 3, "rarely": 2}`.

Granovetter (1974) asked people who had found a job through a contact how
often they saw that contact: *often* for 16.7% of them, *occasionally* for
55.6%, *rarely* for 27.8%. Keep your bands in mind for the reflection.
""")
nb.answer("answer-target", solution("", """
target_contacts = [q for q in G[me] if G.nodes[q]["sector"] == TARGET]
target_bands = {"often": 0, "occasionally": 0, "rarely": 0}
for q in target_contacts:
    target_bands[weakties.ties.frequency_band(G[me][q]["frequency"])] += 1
""", 'print(target_contacts)\nprint(target_bands)'))
nb.selfcheck("selfcheck-target", """
# Self-check (0 points): your contacts, and three bands that count each of them once.
_found = ex.answer("target_contacts")
ex.check_type("target_contacts", _found, "collection")
for _p in _found:
    ex.check_person("target_contacts", _p, G, among=G[me], what="one of your contacts")
_bands = ex.answer("target_bands")
ex.check_mapping("target_bands", _bands, {"often": 0, "occasionally": 0, "rarely": 0},
                 keys_only=True, what="a dictionary with the keys 'often', 'occasionally' and 'rarely'")
for _key, _value in _bands.items():
    ex.check_type(f"target_bands[{_key!r}]", _value, "whole number")
ex.check_equal("sum of the values of target_bands", sum(_bands.values()), len(_found),
               what="the number of people in target_contacts",
               hint="put each of your contacts in TARGET in one band")
print("Self-check passed.")
""")
nb.test("test-target-people", 1, hidden("Hidden tests (1 point): your contacts who work in the sector you want.", PRE + """
ex.check_items("target_contacts", ex.answer("target_contacts"), _in_target,
               what="your contacts who work in TARGET",
               hint="loop over G[me] and keep the people whose sector is TARGET")
"""))
nb.test("test-target-bands", 2, hidden("Hidden tests (2 points): how often you see them.", PRE + """
_expected = {"often": 0, "occasionally": 0, "rarely": 0}
for _q in _in_target:
    _f = _G[_me][_q]["frequency"]
    _expected["often" if _f >= 104 else "rarely" if _f <= 1 else "occasionally"] += 1
ex.check_mapping("target_bands", ex.answer("target_bands"), _expected,
                 what="the number of your contacts in TARGET in each frequency band",
                 hint="use weakties.ties.frequency_band(G[me][q]['frequency']) for each of "
                      "your contacts in TARGET")
"""))

# ---------------------------------------------------------------- Task 2
nb.task("task-chance", """
## Task 2: Whom to ask first? (4 points)

A contact passes you a job lead when two things come together:

- **the lead is new to you**: a close contact lives in your world and
  hears the same news as you, and every contact you share may already have
  told you. Novelty = `0.95 ** mutual * (1 - strength) ** 3`;
- **the contact is willing to help**: people help those they are close to,
  and those their own contacts can vouch for. Willingness =
  `0.05 + 0.95 * (1 - math.exp(-(0.5 * strength + 0.35 * mutual)))`.

Here `strength` is the strength of your tie and `mutual` the number of
contacts you share. This simple model is the one of the lesson's
simulation: the chance of a lead is **novelty x willingness**.

**a.** Write a function `lead_chance(strength, mutual)` that returns
novelty x willingness.

**b.** `ask_first`: the list of the **3 people** of `target_contacts` with
the **highest** lead chance, the highest first.
""")
nb.answer("answer-chance", solution("def lead_chance(strength, mutual):", """
    novelty = 0.95 ** mutual * (1 - strength) ** 3
    willingness = 0.05 + 0.95 * (1 - math.exp(-(0.5 * strength + 0.35 * mutual)))
    return novelty * willingness
"""))
nb.answer("answer-chance-list", solution("", """
chance = {}
for q in target_contacts:
    mutual = len(set(G[me]) & set(G[q]))
    chance[q] = lead_chance(G[me][q]["strength"], mutual)
ask_first = sorted(target_contacts, key=lambda q: chance[q], reverse=True)[:3]
""", """for q in ask_first:
    print(q, "strength", round(G[me][q]["strength"], 2), "lead chance", round(chance[q], 3))"""))
nb.selfcheck("selfcheck-chance", """
# Self-check (0 points): two made-up ties, then 3 of your contacts in TARGET.
ex.check_function("lead_chance", ex.answer("lead_chance"), [
    ((0.0, 0), 0.05, "a tie of strength 0 with no mutual contact"),
    ((1.0, 5), 0.0, "a tie of strength 1 (you already hear everything this person hears)"),
], tol=0.0005)
_found = ex.answer("ask_first")
ex.check_type("ask_first", _found, "list")
ex.check_equal("len(ask_first)", len(_found), 3, what="3 people")
for _p in _found:
    ex.check_person("ask_first", _p, G, among=ex.answer("target_contacts"),
                    what="one of your contacts in TARGET")
print("Self-check passed.")
""")
nb.test("test-chance-rule", 1, hidden("Hidden tests (1 point): the formula, on made-up ties.", PRE + "\n" + CHANCE + """
_mine = set(_G[_me])
_c = {_q: _chance(_G[_me][_q]["strength"], len(_mine & set(_G[_q]))) for _q in _in_target}
_cases = [((_s, _m), _chance(_s, _m), f"a tie of strength {_s} with {_m} mutual contacts")
          for _s, _m in ((0.2, 3), (0.5, 0), (0.1, 10), (0.35, 1))]
ex.check_function("lead_chance", ex.answer("lead_chance"), _cases, tol=0.0005,
                  hint="novelty 0.95 ** mutual * (1 - strength) ** 3, times willingness "
                       "0.05 + 0.95 * (1 - math.exp(-(0.5 * strength + 0.35 * mutual)))")
"""))
nb.test("test-chance-people", 2, hidden("Hidden tests (2 points): the 3 people to ask first.", """
# _c (the lead chance of each of your contacts in TARGET): computed by the first test cell of this task.
_third = sorted(_c.values(), reverse=True)[2]
_sure = {_q for _q in _c if _c[_q] > _third + 1e-12}
_tied = {_q for _q in _c if abs(_c[_q] - _third) <= 1e-12}
_found = ex.answer("ask_first")
ex.check_type("ask_first", _found, "list")
_got = set(_found)
if not (len(_got) == 3 and _sure <= _got and _got <= _sure | _tied):
    raise ex.CheckFailed("ask_first", "the 3 people of target_contacts with the highest lead chance",
                         f"{len(_got & (_sure | _tied))} of them among your 3 best",
                         "compute lead_chance for each of your contacts in TARGET, with their "
                         "strength and the number of contacts you share, and keep the 3 highest")
"""))
nb.test("test-chance-order", 1, hidden("Hidden tests (1 point): the highest lead chance first.", """
# _c and _in_target: computed by the first test cell of this task, from your own data.
_found = ex.answer("ask_first")
ex.check_type("ask_first", _found, "list")
ex.check_equal("len(ask_first)", len(_found), 3, what="3 people")
for _p in _found:
    ex.check_person("ask_first", _p, _G, among=_in_target, what="one of your contacts in TARGET")
ex.check_order("ask_first", _found, lambda _q: _c[_q],
               what="the highest lead chance first", hint="sort with reverse=True")
"""))

# ---------------------------------------------------------------- Task 3
nb.task("task-mutual", """
## Task 3: Leads and mutual contacts (4 points)

In a randomised experiment on some 20 million LinkedIn members, Rajkumar and
colleagues (Science, 2022) found that new jobs came most often through
**moderately weak** ties: ties with some mutual contacts, but not many (an
inverted U). The answer cell runs the lesson's simulation on your population:
**everyone** looks for a job for 12 months and asks all kinds of contacts
(`strategy="everyone"`). In `search.asked`, each row is a tie that a seeker
asked, with its number of `mutual` contacts, the number of requests made
(`asks`) and the number of `leads` received.

- `leads_per_ask`: a dictionary with the four keys `"0"`, `"1-2"`, `"3-5"`
  and `"6 or more"`: groups of ties by their number of mutual contacts. For
  each group, the value is the **total number of leads divided by the total
  number of requests** of the rows of that group.
- `peak`: the group (one of the four keys) with the most leads per request.

*Hint: `rows = table[(table["mutual"] >= 1) & (table["mutual"] <= 2)]` keeps
the rows with 1 or 2 mutual contacts; `rows["leads"].sum()` adds up their
leads.*
""")
nb.answer("answer-mutual", solution('''
search = job_search(G, list(G), rounds=12, seed=ex.my_seed(ASSIGNMENT, "search"), strategy="everyone")
table = search.asked
''', """
groups = {"0": (0, 0), "1-2": (1, 2), "3-5": (3, 5), "6 or more": (6, 1000)}
leads_per_ask = {}
for name, (low, high) in groups.items():
    rows = table[(table["mutual"] >= low) & (table["mutual"] <= high)]
    leads_per_ask[name] = rows["leads"].sum() / rows["asks"].sum()
peak = max(leads_per_ask, key=leads_per_ask.get)
""", "print(leads_per_ask, peak)"))
nb.selfcheck("selfcheck-mutual", """
# Self-check (0 points): four numbers of leads per request, and one of the four groups.
_found = ex.answer("leads_per_ask")
_groups = ["0", "1-2", "3-5", "6 or more"]
ex.check_mapping("leads_per_ask", _found, dict.fromkeys(_groups, 0), keys_only=True,
                 what="a dictionary with the keys '0', '1-2', '3-5' and '6 or more'")
for _key, _value in _found.items():
    ex.check_between(f"leads_per_ask[{_key!r}]", _value, 0, 1, what="leads per request",
                     hint="divide the leads of the group by its requests (asks)")
ex.check_choice("peak", ex.answer("peak"), _groups, options=_groups)
print("Self-check passed.")
""")
MUTUAL_SIM = '''from weakties.scenarios import job_search as _job_search
_t = _job_search(_G, list(_G), rounds=12, seed=ex.my_seed(_A, "search"), strategy="everyone").asked
_sums = {"0": [0, 0], "1-2": [0, 0], "3-5": [0, 0], "6 or more": [0, 0]}
for _m, _asks, _leads in zip(_t["mutual"], _t["asks"], _t["leads"]):
    _g = "0" if _m == 0 else "1-2" if _m <= 2 else "3-5" if _m <= 5 else "6 or more"
    _sums[_g][0] += int(_leads)
    _sums[_g][1] += int(_asks)
_expected = {_g: _l / _k for _g, (_l, _k) in _sums.items()}'''
nb.test("test-mutual-form", 1, hidden("Hidden tests (1 point): four groups, each with a number of leads per request.", "_A = \"" + A + "\"\n_G = ex.reference_population(_A, n=500)\n" + MUTUAL_SIM + """
_found = ex.answer("leads_per_ask")
_groups = ["0", "1-2", "3-5", "6 or more"]
ex.check_mapping("leads_per_ask", _found, dict.fromkeys(_groups, 0), keys_only=True,
                 what="a dictionary with the keys '0', '1-2', '3-5' and '6 or more'")
for _key, _value in _found.items():
    ex.check_between(f"leads_per_ask[{_key!r}]", _value, 0, 1, what="leads per request")
"""))
nb.test("test-mutual-values", 2, hidden("Hidden tests (2 points): leads per request in each group, in your simulation.", """
# _expected: computed by the first test cell of this task, from your own simulation.
ex.check_mapping("leads_per_ask", ex.answer("leads_per_ask"), _expected, tol=0.002,
                 what="for each group, the leads divided by the requests, in your simulation",
                 hint="divide by the total of the column 'asks' (requests), not by the number "
                      "of rows (ties)")
"""))
nb.test("test-mutual-peak", 1, hidden("Hidden tests (1 point): where leads peak.", """
# _expected: computed by the first test cell of this task, from your own simulation.
_top = max(_expected.values())
ex.check_choice("peak", ex.answer("peak"), [_g for _g, _v in _expected.items() if _v >= _top - 1e-12],
                options=["0", "1-2", "3-5", "6 or more"],
                what="the group with the most leads per request in your simulation",
                hint="take the key of leads_per_ask with the largest value")
"""))

# ---------------------------------------------------------------- Task 4
nb.task("task-strategy", """
## Task 4: Which ties to mobilise for a change of sector? (4 points)

The answer cell runs three simulations. In each, every person of your
population who works outside `TARGET` looks for a job **in `TARGET`** for 6
months and asks 2 contacts a month, chosen by a different **strategy**:

- `"strong"`: strong ties only (strength 0.5 or more);
- `"weak"`: weak ties only, in any sector;
- `"targeted"`: weak ties chosen for the target, those who work in `TARGET`
  first.

In each result, the table `.seekers` has one row per seeker, with the number
of requests they made (`asks`) and whether they were `hired`. Each request
takes some of a contact's time and goodwill, so compare the strategies by
what they bring **per request**.

- `hires_per_100_asks`: a dictionary with the keys `"strong"`, `"weak"` and
  `"targeted"`: for each strategy, 100 x (number of seekers hired) / (total
  number of requests made).
- `best_strategy`: the strategy with the most hires per 100 requests.
""")
nb.answer("answer-strategy", solution('''
seekers = [p for p in G if G.nodes[p]["sector"] != TARGET]
results = {}
for strategy in ["strong", "weak", "targeted"]:
    results[strategy] = job_search(G, seekers, rounds=6, asks=2, strategy=strategy, target=TARGET,
                                   seed=ex.my_seed(ASSIGNMENT, "change"))
''', """
hires_per_100_asks = {}
for strategy, result in results.items():
    table = result.seekers
    hires_per_100_asks[strategy] = 100 * table["hired"].sum() / table["asks"].sum()
best_strategy = max(hires_per_100_asks, key=hires_per_100_asks.get)
""", "print(hires_per_100_asks, best_strategy)"))
nb.selfcheck("selfcheck-strategy", """
# Self-check (0 points): three numbers, and one of the three strategies.
_strategies = ["strong", "weak", "targeted"]
_found = ex.answer("hires_per_100_asks")
ex.check_mapping("hires_per_100_asks", _found, dict.fromkeys(_strategies, 0), keys_only=True,
                 what="a dictionary with the keys 'strong', 'weak' and 'targeted'")
for _key, _value in _found.items():
    ex.check_between(f"hires_per_100_asks[{_key!r}]", _value, 0, 100,
                     what="hires per 100 requests")
ex.check_choice("best_strategy", ex.answer("best_strategy"), _strategies, options=_strategies)
print("Self-check passed.")
""")
STRAT_SIM = '''from weakties.scenarios import job_search as _job_search
_seekers = [_p for _p in _G if _G.nodes[_p]["sector"] != _target]
_expected = {}
for _s in ("strong", "weak", "targeted"):
    _t = _job_search(_G, _seekers, rounds=6, asks=2, strategy=_s, target=_target,
                     seed=ex.my_seed(_A, "change")).seekers
    _expected[_s] = 100 * sum(1 for _h in _t["hired"] if _h) / sum(int(_k) for _k in _t["asks"])'''
PRE_T = f'''_A = "{A}"
_G = ex.reference_population(_A, n=500)
_target = ex.my_pick(_A, sorted({{_G.nodes[_p]["sector"] for _p in _G}}), role="target")'''
nb.test("test-strategy-form", 1, hidden("Hidden tests (1 point): three numbers of hires per 100 requests.", PRE_T + "\n" + STRAT_SIM + """
_strategies = ["strong", "weak", "targeted"]
_found = ex.answer("hires_per_100_asks")
ex.check_mapping("hires_per_100_asks", _found, dict.fromkeys(_strategies, 0), keys_only=True,
                 what="a dictionary with the keys 'strong', 'weak' and 'targeted'")
for _key, _value in _found.items():
    ex.check_between(f"hires_per_100_asks[{_key!r}]", _value, 0, 100, what="hires per 100 requests")
"""))
nb.test("test-strategy-values", 2, hidden("Hidden tests (2 points): hires per 100 requests, in your simulations.", """
# _expected: computed by the first test cell of this task, from your own simulations.
ex.check_mapping("hires_per_100_asks", ex.answer("hires_per_100_asks"), _expected, tol=0.01,
                 what="for each strategy, 100 x seekers hired / requests made, in your simulations",
                 hint="add up the column 'hired' (True counts as 1) and the column 'asks' of "
                      "result.seekers; divide, then multiply by 100")
"""))
nb.test("test-strategy-best", 1, hidden("Hidden tests (1 point): the strategy to choose.", """
# _expected: computed by the first test cell of this task, from your own simulations.
_top = max(_expected.values())
ex.check_choice("best_strategy", ex.answer("best_strategy"),
                [_s for _s, _v in _expected.items() if _v >= _top - 1e-9],
                options=["strong", "weak", "targeted"],
                what="the strategy with the most hires per 100 requests in your simulations",
                hint="take the key of hires_per_100_asks with the largest value")
"""))

# ---------------------------------------------------------------- Reflection
nb.rubric("task-reflection", """
## Task 5: Reflection (5 points, graded by your instructor)

You want a job in `TARGET`. In the cell below, in five to ten sentences:

1. Say which of your contacts you would mobilise first and why, with your
   numbers: their lead chance (task 2), the strength of the tie, the number
   of contacts you share, how often you see them (task 1).
2. Explain why your strong ties are not the best placed for this search,
   using the results of tasks 3 and 4 and the ideas of the lesson (new
   information, a shared world, the emotional weight of asking a close
   friend for a job).
3. Compare your frequency bands (task 1) with Granovetter's figures (16.7%
   often, 55.6% occasionally, 27.8% rarely), and say what the peak of task 3
   tells you about the number of contacts you should share with the people
   you ask.
4. Write the first sentence of the message you would send to the first
   person of `ask_first`.

**Rubric (5 points)**

- 1 point: names the contacts to mobilise (by number and work, never a
  real name), with at least two of their numbers (lead chance, strength,
  mutual contacts, frequency band).
- 2 points: explains why strong ties bring few new leads, with the results
  of tasks 3 or 4 (1 point), and names a second reason: strong ties share
  your world and hear the same news, or asking a close friend for a job
  strains the relationship (1 point).
- 1 point: compares the bands with Granovetter's figures and relates the
  peak of task 3 to moderately weak ties (some mutual contacts, not many).
- 1 point: a precise, easy-to-accept request (advice, information on the
  sector, an introduction), not a direct request for a job.
""")
nb.reflection("answer-reflection", 5, """
### BEGIN SOLUTION
*Example answer (numbers differ for each learner).* I want a job in Health.
I would first ask person 140, a hospital pharmacist: our tie is weak
(strength 0.21), we share 2 contacts and see each other occasionally; her
lead chance is 0.19, the highest of my five contacts in Health. My strong
ties live in my world and hear the same news: in task 4 the strategy of
asking strong ties brought 0.1 hires per 100 requests, against 1.2 for
targeted weak ties. Asking a close friend for a job also puts weight on the
friendship. My five contacts in Health are seen occasionally (3) or rarely
(2), like most of the contacts in Granovetter's study (55.6% and 27.8%). In
task 3, leads peaked for ties with 3 to 5 mutual contacts: people I share a
few contacts with trust me enough to help, and still hear news I do not
hear. My message: "Hello, we met at the careers fair in March; I am looking
at jobs in hospital logistics and would value twenty minutes of your advice
on how teams there recruit."
### END SOLUTION
""")

print(nb.write())
