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

nb.markdown("intro", f"""
# Exercise 07: Job search

This exercise goes with **Lesson 07: Job search** (`course/07-job-search.ipynb`).
"You" want a job in another sector than your own. You find the contacts who
work in that sector, decide whom to ask first, and read, in the lesson's
simulations, how job leads depend on the contacts people share, and why
what people see about strong ties differs from what an experiment shows.

{OWN}

{HOW}

| Task | What | Points |
|---|---|---|
| 1 | Who works in the sector you want? | 3 |
| 2 | Whose news would be new to you? | 4 |
| 3 | Leads and mutual contacts | 4 |
| 4 | Strong or weak ties: what people see, and what an experiment shows | 4 |
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
import weakties
from weakties import exercises as ex
from weakties.scenarios import job_search, tie_experiment

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
  `set(G[a]) & set(G[b])`.

Then it runs the job-search simulation of the lesson on 50 people for 3
months and shows two of its tables: `ties` (one row per tie of a seeker,
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

demo = job_search(G, list(range(50)), rounds=3, seed=1)
print(demo.ties.head())
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
nb.task("task-new", """
## Task 2: Whose news would be new to you? (4 points)

A contact can only tell you of an opening you have not already heard of.
News of openings travels from person to person: what your contact hears
from people you also know may reach you anyway. The people your contact
knows and **you do not** (neither you nor any of your contacts) are the
ones whose news you can only get through this contact. The lesson's
simulation has no formula for this: how new a contact's news is comes from
how much your circles overlap.

- `new_people`: a dictionary `{q: number}` for each person `q` of
  `target_contacts`: the number of `q`'s contacts who are neither you nor
  one of your contacts.
- `ask_first`: the list of the **3 people** of `target_contacts` with the
  **most** new people, the most first.

*Hint: `set(G[q]) - set(G[me]) - {me}` is the set of `q`'s contacts you do
not know.*
""")
nb.answer("answer-new", solution("", """
new_people = {}
for q in target_contacts:
    new_people[q] = len(set(G[q]) - set(G[me]) - {me})
ask_first = sorted(target_contacts, key=lambda q: new_people[q], reverse=True)[:3]
""", """for q in ask_first:
    print(q, "strength", round(G[me][q]["strength"], 2), "new people", new_people[q])"""))
nb.selfcheck("selfcheck-new", """
# Self-check (0 points): a count for each of your contacts in TARGET, then 3 of them.
_counts = ex.answer("new_people")
ex.check_mapping("new_people", _counts, dict.fromkeys(ex.answer("target_contacts"), 0),
                 keys_only=True, what="a dictionary with one key for each of target_contacts")
for _key, _value in _counts.items():
    ex.check_type(f"new_people[{_key!r}]", _value, "whole number")
_found = ex.answer("ask_first")
ex.check_type("ask_first", _found, "list")
ex.check_equal("len(ask_first)", len(_found), 3, what="3 people")
for _p in _found:
    ex.check_person("ask_first", _p, G, among=ex.answer("target_contacts"),
                    what="one of your contacts in TARGET")
print("Self-check passed.")
""")
nb.test("test-new-values", 2, hidden("Hidden tests (2 points): the people each contact knows and you do not.", PRE + """
_mine = set(_G[_me]) | {_me}
_new = {_q: len(set(_G[_q]) - _mine) for _q in _in_target}
ex.check_mapping("new_people", ex.answer("new_people"), _new,
                 what="for each of your contacts in TARGET, their contacts you do not know",
                 hint="leave out you and every one of your contacts: set(G[q]) - set(G[me]) - {me}")
"""))
nb.test("test-new-people", 1, hidden("Hidden tests (1 point): the 3 people to ask first.", """
# _new (each contact's people new to you): computed by the first test cell of this task.
_third = sorted(_new.values(), reverse=True)[2]
_sure = {_q for _q in _new if _new[_q] > _third}
_tied = {_q for _q in _new if _new[_q] == _third}
_found = ex.answer("ask_first")
ex.check_type("ask_first", _found, "list")
_got = set(_found)
if not (len(_got) == 3 and _sure <= _got and _got <= _sure | _tied):
    raise ex.CheckFailed("ask_first", "the 3 people of target_contacts with the most people "
                         "new to you", f"{len(_got & (_sure | _tied))} of them among those 3",
                         "sort target_contacts by new_people, the largest first, and keep 3")
"""))
nb.test("test-new-order", 1, hidden("Hidden tests (1 point): the most new people first.", """
# _new and _in_target: computed by the first test cell of this task, from your own data.
_found = ex.answer("ask_first")
ex.check_type("ask_first", _found, "list")
ex.check_equal("len(ask_first)", len(_found), 3, what="3 people")
for _p in _found:
    ex.check_person("ask_first", _p, _G, among=_in_target, what="one of your contacts in TARGET")
ex.check_order("ask_first", _found, lambda _q: _new[_q],
               what="the most new people first", hint="sort with reverse=True")
"""))

# ---------------------------------------------------------------- Task 3
GROUPS = '["0", "1-2", "3-5", "6-9", "10 or more"]'
nb.task("task-mutual", """
## Task 3: Leads and mutual contacts (4 points)

In a randomised experiment on some 20 million LinkedIn members, Rajkumar and
colleagues (Science, 2022) found that new jobs came most often through
**moderately weak** ties: ties with some mutual contacts, but not many (an
inverted U). The lesson's simulation was not told this: see what it gives on
your population. The answer cell makes **everyone** look for a job for 12
months, asking all kinds of contacts (`strategy="everyone"`). In
`search.ties`, each row is a tie of a seeker, with its number of `mutual`
contacts and the number of `leads` (openings new to the seeker) it brought.

- `leads_per_100_ties`: a dictionary with the five keys `"0"`, `"1-2"`,
  `"3-5"`, `"6-9"` and `"10 or more"`: groups of ties by their number of
  mutual contacts. For each group: 100 x (total leads of the group's rows) /
  (number of rows of the group).
- `peak`: the group (one of the five keys) with the most leads per 100 ties.

*Hint: `rows = table[(table["mutual"] >= 1) & (table["mutual"] <= 2)]` keeps
the rows with 1 or 2 mutual contacts; `len(rows)` counts them.*
""")
nb.answer("answer-mutual", solution('''
search = job_search(G, list(G), rounds=12, seed=ex.my_seed(ASSIGNMENT, "search"), strategy="everyone")
table = search.ties
''', """
groups = {"0": (0, 0), "1-2": (1, 2), "3-5": (3, 5), "6-9": (6, 9), "10 or more": (10, 10000)}
leads_per_100_ties = {}
for name, (low, high) in groups.items():
    rows = table[(table["mutual"] >= low) & (table["mutual"] <= high)]
    leads_per_100_ties[name] = 100 * rows["leads"].sum() / len(rows)
peak = max(leads_per_100_ties, key=leads_per_100_ties.get)
""", "print(leads_per_100_ties, peak)"))
nb.selfcheck("selfcheck-mutual", f"""
# Self-check (0 points): five numbers of leads per 100 ties, and one of the five groups.
_found = ex.answer("leads_per_100_ties")
_groups = {GROUPS}
ex.check_mapping("leads_per_100_ties", _found, dict.fromkeys(_groups, 0), keys_only=True,
                 what="a dictionary with the keys " + ", ".join(repr(_g) for _g in _groups))
for _key, _value in _found.items():
    ex.check_between(f"leads_per_100_ties[{{_key!r}}]", _value, 0, 100, what="leads per 100 ties",
                     hint="divide the leads of the group by its number of rows, times 100")
ex.check_choice("peak", ex.answer("peak"), _groups, options=_groups)
print("Self-check passed.")
""")
MUTUAL_SIM = '''from weakties.scenarios import job_search as _job_search
_t = _job_search(_G, list(_G), rounds=12, seed=ex.my_seed(_A, "search"), strategy="everyone").ties
_sums = {"0": [0, 0], "1-2": [0, 0], "3-5": [0, 0], "6-9": [0, 0], "10 or more": [0, 0]}
for _m, _leads in zip(_t["mutual"], _t["leads"]):
    _g = ("0" if _m == 0 else "1-2" if _m <= 2 else "3-5" if _m <= 5 else "6-9" if _m <= 9
          else "10 or more")
    _sums[_g][0] += int(_leads)
    _sums[_g][1] += 1
_expected = {_g: 100 * _l / _k for _g, (_l, _k) in _sums.items()}'''
nb.test("test-mutual-form", 1, hidden("Hidden tests (1 point): five groups, each with a number of leads per 100 ties.", "_A = \"" + A + "\"\n_G = ex.reference_population(_A, n=500)\n" + MUTUAL_SIM + f"""
_found = ex.answer("leads_per_100_ties")
_groups = {GROUPS}
ex.check_mapping("leads_per_100_ties", _found, dict.fromkeys(_groups, 0), keys_only=True,
                 what="a dictionary with the keys " + ", ".join(repr(_g) for _g in _groups))
for _key, _value in _found.items():
    ex.check_between(f"leads_per_100_ties[{{_key!r}}]", _value, 0, 100, what="leads per 100 ties")
"""))
nb.test("test-mutual-values", 2, hidden("Hidden tests (2 points): leads per 100 ties in each group, in your simulation.", """
# _expected: computed by the first test cell of this task, from your own simulation.
ex.check_mapping("leads_per_100_ties", ex.answer("leads_per_100_ties"), _expected, tol=0.01,
                 what="for each group, 100 x its leads divided by its number of ties, in your "
                      "simulation",
                 hint="divide by the number of rows (ties) of the group, not by the requests "
                      "(asks); multiply by 100")
"""))
nb.test("test-mutual-peak", 1, hidden("Hidden tests (1 point): where leads peak.", f"""
# _expected: computed by the first test cell of this task, from your own simulation.
_top = max(_expected.values())
ex.check_choice("peak", ex.answer("peak"), [_g for _g, _v in _expected.items() if _v >= _top - 1e-9],
                options={GROUPS},
                what="the group with the most leads per 100 ties in your simulation",
                hint="take the key of leads_per_100_ties with the largest value")
"""))

# ---------------------------------------------------------------- Task 4
nb.task("task-experiment", """
## Task 4: Strong or weak ties: what people see, and what an experiment shows (4 points)

Most people search the way they live: they ask those closest to them first.
If you then count, among people who found a job through a contact, how many
found it through a strong tie, strong ties look very useful. Rajkumar and
colleagues (2022) could instead compare groups of LinkedIn members to whom
the platform had, at random, suggested more strong or more weak ties. The
answer cell runs both on your population with `tie_experiment`:

- `experiment.ties`: the world **as observed** (everyone asks their closest
  contacts first): one row per kind of tie (`tie`: `"strong"` or `"weak"`),
  with the number of such ties (`ties`) and the jobs found through them
  (`hires`);
- `experiment.arms`: the **randomised experiment**: seekers drawn at random
  into two groups (`arm`: `"strong"` or `"weak"`), told to ask only strong,
  or only weak, ties; with the number of `seekers` and how many were `hired`.

Compute:

- `naive`: (hires per strong tie) / (hires per weak tie), from `experiment.ties`;
- `randomised`: (share hired in the strong arm) / (share hired in the weak
  arm), from `experiment.arms`;
- `naive_favours` and `randomised_favours`: `"strong"` if the ratio is above
  1, `"weak"` if it is below 1.
""")
nb.answer("answer-experiment", solution('''
experiment = tie_experiment(G, seed=ex.my_seed(ASSIGNMENT, "experiment"), runs=10)
ties = experiment.ties.set_index("tie")
arms = experiment.arms.set_index("arm")
''', """
naive = (ties.loc["strong", "hires"] / ties.loc["strong", "ties"]) / \\
        (ties.loc["weak", "hires"] / ties.loc["weak", "ties"])
randomised = (arms.loc["strong", "hired"] / arms.loc["strong", "seekers"]) / \\
             (arms.loc["weak", "hired"] / arms.loc["weak", "seekers"])
naive_favours = "strong" if naive > 1 else "weak"
randomised_favours = "strong" if randomised > 1 else "weak"
""", "print(naive, naive_favours, randomised, randomised_favours)"))
nb.selfcheck("selfcheck-experiment", """
# Self-check (0 points): two positive ratios, and two sides.
for _name in ("naive", "randomised"):
    ex.check_between(_name, ex.answer(_name), 0, 100, what="a ratio of two rates",
                     hint="divide the strong ties' rate by the weak ties' rate")
for _name in ("naive_favours", "randomised_favours"):
    ex.check_choice(_name, ex.answer(_name), ["strong", "weak"], options=["strong", "weak"])
print("Self-check passed.")
""")
EXPERIMENT_SIM = f'''_A = "{A}"
_G = ex.reference_population(_A, n=500)
from weakties.scenarios import tie_experiment as _tie_experiment
_e = _tie_experiment(_G, seed=ex.my_seed(_A, "experiment"), runs=10)
_t = {{_r.tie: (int(_r.hires), int(_r.ties)) for _r in _e.ties.itertuples()}}
_a = {{_r.arm: (int(_r.hired), int(_r.seekers)) for _r in _e.arms.itertuples()}}
_naive = (_t["strong"][0] / _t["strong"][1]) / (_t["weak"][0] / _t["weak"][1])
_randomised = (_a["strong"][0] / _a["strong"][1]) / (_a["weak"][0] / _a["weak"][1])'''
nb.test("test-experiment-naive", 1, hidden("Hidden tests (1 point): the naive comparison, in your simulation.", EXPERIMENT_SIM + """
ex.check_close("naive", ex.answer("naive"), _naive, tol=1e-6, reveal=False,
               what="hires per strong tie divided by hires per weak tie, in your simulation",
               hint="use experiment.ties: hires divided by ties, for each kind, then the ratio")
"""))
nb.test("test-experiment-randomised", 2, hidden("Hidden tests (2 points): the randomised comparison, in your simulation.", """
# _randomised: computed by the first test cell of this task, from your own simulation.
ex.check_close("randomised", ex.answer("randomised"), _randomised, tol=1e-6, reveal=False,
               what="the share hired in the strong arm divided by the share hired in the weak "
                    "arm, in your simulation",
               hint="use experiment.arms: hired divided by seekers, for each arm, then the ratio")
"""))
nb.test("test-experiment-favours", 1, hidden("Hidden tests (1 point): which side each comparison favours.", """
# _naive and _randomised: computed by the first test cell of this task.
ex.check_choice("naive_favours", ex.answer("naive_favours"),
                ["strong" if _naive > 1 else "weak"], options=["strong", "weak"],
                what="the side the naive comparison favours in your simulation")
ex.check_choice("randomised_favours", ex.answer("randomised_favours"),
                ["strong" if _randomised > 1 else "weak"], options=["strong", "weak"],
                what="the side the experiment favours in your simulation")
"""))

# ---------------------------------------------------------------- Reflection
nb.rubric("task-reflection", """
## Task 5: Reflection (5 points, graded by your instructor)

You want a job in `TARGET`. In the cell below, in five to ten sentences:

1. Say which of your contacts you would ask first and why, with your
   numbers (task 1: how often you see them; task 2: the people they know and
   you do not; the strength of the tie).
2. Compare the naive comparison and the experiment of task 4, with their
   numbers. Do they point the same way? Explain what can make them differ.
3. Look up how digital your target sector is in the lesson's model
   (`weakties.scenarios.job_search.DIGITAL[TARGET]`, an assumption of the
   course, not a measure). In this model, a strong tie who works at an
   employer can vouch for you where hiring goes through trusted
   recommendation, which is more frequent in less digital trades. Say what
   role you would give your strong ties in your search, and what role your
   weak ties, and which of these conclusions come from the model's
   assumptions.
4. Write the first sentence of the message you would send to the first
   person of `ask_first`.

**Rubric (5 points)**

- 1 point: names the contacts to ask (by number and work, never a real
  name) with at least two of their numbers.
- 2 points: compares the two estimates of task 4 with their numbers
  (1 point), and explains the difference: people ask their strong ties
  first and most, so strong ties get more chances in the observed world,
  whereas the experiment gives each group the same effort at random
  (1 point).
- 1 point: a balanced plan: weak ties for their number and reach (new
  information), strong ties for what a single one can do, in particular
  vouching where hiring goes by recommendation (Gee, Jones and Burke 2017:
  a strong tie is individually more useful); "do not rely only on your
  strong ties", not "do not rely on them"; and says what comes from the
  model's assumptions (for instance the digital index, or vouching).
- 1 point: a precise, easy-to-accept request (advice, information on the
  sector, an introduction), not a direct request for a job.
""")
nb.reflection("answer-reflection", 5, """
### BEGIN SOLUTION
*Example answer (numbers differ for each learner).* I want a job in Health.
I would first ask person 140, a hospital pharmacist: our tie is weak
(strength 0.21), we see each other occasionally, and she knows 31 people I
do not, the most of my five contacts in Health. In task 4, the naive
comparison says strong ties bring 1.4 times as many jobs per tie as weak
ties, but in the experiment the group told to ask strong ties was hired
0.7 times as often as the group told to ask weak ties: the two point
different ways. People ask their close contacts first and most, so strong
ties get more chances to help; when the effort is shared out at random,
the number and reach of weak ties win. Health has a digital index of 0.2 in
the model, so many openings there go through a recommendation: my cousin
who is a nurse could vouch for me, and a single strong tie like her can
matter more than any one weak tie (Gee, Jones and Burke 2017). So I will not
rely only on my strong ties: I will ask several weak ties in Health for
news and advice, and my cousin for a recommendation. Vouching and the
digital index are assumptions of the course's model. My message: "Hello, we
met at the careers fair in March; I am looking at jobs in hospital logistics
and would value twenty minutes of your advice on how teams there recruit."
### END SOLUTION
""")

print(nb.write())
