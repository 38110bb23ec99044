"""Builds exercises/11-capstone-audit/11-capstone-audit.ipynb (`python exercises/.sources/build.py`; a test checks the two agree)."""

from authoring import hidden, HOW, Notebook, solution

A = "11-capstone-audit"
nb = Notebook(A)
PRE = f'''_A = "{A}"
_G = ex.reference_population(_A, n=400)
_me = ex.my_person(_G, _A, min_ties=20, min_strong=3, min_weak=8)
_mine = sorted(_G[_me])
_k = len(_mine)'''

nb.markdown("intro", f"""
# Exercise 11: Audit your own network (capstone)

This exercise goes with **Lesson 11: Audit your own network**
(`course/11-capstone-audit.ipynb`). It closes the course: you audit the
network of "you", a person of a simulated population, with the audit tools
of the lesson, measure what it is made of, find the worlds it hardly
reaches and who could open them, then write a diagnosis and an **action
plan** for the next three months. The diagnosis and the plan are graded by
your instructor with the rubrics written above them; three small tasks are
graded automatically.

**Your own data.** The population below is built from your learner id, so
your contacts and numbers differ from those of every other learner. Compute
your answers from your own data: numbers copied from someone else are wrong
on your data.

**Your real network stays private.** Graded work never uses a real export.
In lesson 11 you can run the same audit on your own LinkedIn contacts or
contact sheet, on your own computer; keep that report and that plan for
yourself. Never paste a name, a number or a sentence from your real export
or report into this notebook.

{HOW}

| Task | What | Points |
|---|---|---|
| 1 | What your network is made of | 3 |
| 2 | Are your weak ties more varied? | 3 |
| 3 | The sectors you hardly reach, and who can open them | 4 |
| 4 | Diagnosis (graded by your instructor) | 5 |
| 5 | Action plan (graded by your instructor) | 15 |
| | **Total** | **30** |

About 90 minutes.
""")

nb.markdown("setup-text", """
## Your population and your contacts

Run the next cell first. It builds your population of 400 professionals in
France and chooses the person who is **you** (`me`). Then it writes your
contacts as the audit reads a contact sheet (`my_contacts`, a pandas
DataFrame with one row per contact): instead of a name, each contact has a
pseudonym (`P-` followed by the person's number in `G`); `strength` is how
well you know them on the audit's four steps (1 barely, 2 acquaintance, 3
good contact, 4 close: steps 3 and 4 are strong ties); `context` is how you
met. If the cell says that no learner id is set, follow its instructions,
then run it again.
""")

nb.setup("setup", f"""
import pandas as pd
import weakties
from weakties import audit
from weakties import exercises as ex

ASSIGNMENT = "{A}"
G = ex.my_population(ASSIGNMENT, n=400)
me = ex.my_person(G, ASSIGNMENT, min_ties=20, min_strong=3, min_weak=8)
MY_SECTOR = G.nodes[me]["sector"]
SECTORS = sorted({{G.nodes[p]["sector"] for p in G}})

rows = []
for q in sorted(G[me]):
    tie, who = G[me][q], G.nodes[q]
    rows.append({{"contact": f"P-{{q}}", "company": who["employer"], "position": who["occupation"],
                 "connected_on": pd.NaT, "year": tie["since"], "sector_guess": who["sector"],
                 "sector": who["sector"], "seniority": audit.seniority_of(who["occupation"]),
                 "strength": min(4, int(tie["strength"] * 4) + 1), "context": tie["context"],
                 "region": who["region"], "generation": who["generation"],
                 "last_contact": pd.NaT, "source": "sheet"}})
my_contacts = pd.DataFrame(rows, columns=list(audit.COLUMNS))
my_contacts["strength"] = my_contacts["strength"].astype("Int64")
my_contacts["year"] = my_contacts["year"].astype("Int64")

print(f"Your population: {{G.number_of_nodes()}} people and {{G.number_of_edges()}} ties.")
print("You:", ex.describe_person(G, me))
print(my_contacts[["contact", "company", "position", "sector", "strength", "context"]].head(8))
""")

nb.markdown("example-text", """
## Worked example: Camille's audit

The course ships a fictional LinkedIn export: the network of Camille, a
marketing professional in Paris (about 300 contacts, none of them real),
with the annotations Camille has made. The cell below reads it, counts
Camille's contacts by sector, computes the share of them in Camille's own
sector (Digital) and Blau's diversity index of their sectors (lesson 03:
the chance that two contacts drawn at random work in different sectors,
`weakties.metrics.blau`), then runs the audit for a job search, compared
with your population, and prints its measures and the first lines of its
action plan. Camille has far more contacts than the people of your
population, so compare the diversity measures, not the number of contacts.
The cell "Your audit report" below does the same for your own network.
""")

nb.example("example", """
camille = audit.with_annotations(audit.read_linkedin(audit.SAMPLE_EXPORT), audit.SAMPLE_ANNOTATIONS)
known = camille[camille["sector"] != "unknown"]
print(known["sector"].value_counts().head(6))
print("Share in Digital:", round((known["sector"] == "Digital").sum() / len(known), 3))
print("Sector diversity (Blau):", round(weakties.metrics.blau(list(known["sector"])), 3))

camille_report = audit.report(camille, goal="job_search", reference=G)
print(camille_report.measures[["label", "you", "reference_median", "verdict"]].round(2).to_string())
for action in camille_report.actions[:3]:
    print("-", action)
""")

# ---------------------------------------------------------------- Task 1
nb.task("task-composition", """
## Task 1: What your network is made of (3 points)

- `sector_share`: a dictionary whose keys are the sectors in which at least
  one of your contacts works, and whose values are the **share** of your
  contacts who work in each (numbers between 0 and 1 that add up to 1).
- `own_sector_share`: the share of your contacts who work in your own
  sector, `MY_SECTOR` (0 if none does).

*Hint: `my_contacts["sector"].value_counts()` counts your contacts by
sector; divide by `len(my_contacts)`.*
""")
nb.answer("answer-composition", solution("", """
counts = my_contacts["sector"].value_counts()
sector_share = {sector: count / len(my_contacts) for sector, count in counts.items()}
own_sector_share = sector_share.get(MY_SECTOR, 0)
""", 'print(sector_share)\nprint("own sector:", MY_SECTOR, own_sector_share)'))
nb.selfcheck("selfcheck-composition", """
# Self-check (0 points): shares of sectors that add up to 1, and one share.
_found = ex.answer("sector_share")
ex.check_type("sector_share", _found, "dict")
for _key, _value in _found.items():
    ex.check_choice("a key of sector_share", _key, SECTORS, options=SECTORS)
    ex.check_between(f"sector_share[{_key!r}]", _value, 0, 1, what="a share",
                     hint="divide by your number of contacts; do not multiply by 100")
ex.check_close("sum of the values of sector_share", sum(_found.values()), 1, tol=0.01,
               hint="every contact works in one sector, so the shares add up to 1")
ex.check_between("own_sector_share", ex.answer("own_sector_share"), 0, 1, what="a share")
print("Self-check passed.")
""")
nb.test("test-composition-shares", 2, hidden("Hidden tests (2 points): the share of your contacts in each sector.", PRE + """
_count = {}
for _q in _mine:
    _count[_G.nodes[_q]["sector"]] = _count.get(_G.nodes[_q]["sector"], 0) + 1
_share = {_s: _c / _k for _s, _c in _count.items()}
ex.check_mapping("sector_share", ex.answer("sector_share"), _share, tol=0.005,
                 what="for each sector of your contacts, the share of your contacts in it",
                 hint="count your contacts by sector and divide by your number of contacts")
"""))
nb.test("test-composition-own", 1, hidden("Hidden tests (1 point): the share of your contacts in your own sector.", """
# _share: computed by the first test cell of this task, from your own data.
ex.check_close("own_sector_share", ex.answer("own_sector_share"),
               _share.get(_G.nodes[_me]["sector"], 0), tol=0.005, reveal=False,
               what="the share of your contacts who work in your own sector",
               hint="your sector is MY_SECTOR")
"""))

# ---------------------------------------------------------------- Task 2
nb.task("task-variety", """
## Task 2: Are your weak ties more varied? (3 points)

Blau's index of a list of sectors is 1 minus the sum of the squares of the
shares of each sector: 0 when everyone works in the same sector, close to 1
when the sectors are many and even (`weakties.metrics.blau(list_of_sectors)`
computes it).

- `diversity`: a dictionary with the keys `"strong"` and `"weak"`: Blau's
  index of the sectors of your **strong** ties (`strength` 3 or 4 in
  `my_contacts`) and of your **weak** ties (`strength` 1 or 2).
- `more_varied`: `"strong"` or `"weak"`: the kind of tie whose sectors are
  the more varied in your network.
""")
nb.answer("answer-variety", solution("", """
strong_sectors = list(my_contacts[my_contacts["strength"] >= 3]["sector"])
weak_sectors = list(my_contacts[my_contacts["strength"] <= 2]["sector"])
diversity = {"strong": weakties.metrics.blau(strong_sectors),
             "weak": weakties.metrics.blau(weak_sectors)}
more_varied = max(diversity, key=diversity.get)
""", "print(diversity, more_varied)"))
nb.selfcheck("selfcheck-variety", """
# Self-check (0 points): two indices between 0 and 1, and one kind of tie.
_found = ex.answer("diversity")
ex.check_mapping("diversity", _found, {"strong": 0, "weak": 0}, keys_only=True,
                 what="a dictionary with the keys 'strong' and 'weak'")
for _key, _value in _found.items():
    ex.check_between(f"diversity[{_key!r}]", _value, 0, 1, what="a Blau index",
                     hint="1 minus the sum of the squared shares of the sectors")
ex.check_choice("more_varied", ex.answer("more_varied"), ["strong", "weak"], options=["strong", "weak"])
print("Self-check passed.")
""")
nb.test("test-variety-values", 2, hidden("Hidden tests (2 points): Blau's index of the sectors of your strong and of your weak ties.", PRE + """
_groups = {"strong": [], "weak": []}
for _q in _mine:
    _groups["strong" if _G[_me][_q]["strength"] >= 0.5 else "weak"].append(_G.nodes[_q]["sector"])
_blau = {}
for _kind, _list in _groups.items():
    _counts = {}
    for _s in _list:
        _counts[_s] = _counts.get(_s, 0) + 1
    _blau[_kind] = 1 - sum((_c / len(_list)) ** 2 for _c in _counts.values())
ex.check_mapping("diversity", ex.answer("diversity"), _blau, tol=0.005,
                 what="Blau's index of the sectors of your strong ties and of your weak ties",
                 hint="strong ties have strength 3 or 4 in my_contacts, weak ties 1 or 2; Blau's "
                      "index is 1 minus the sum of the squared shares, not a number of sectors")
"""))
nb.test("test-variety-choice", 1, hidden("Hidden tests (1 point): the more varied kind of tie.", """
# _blau: computed by the first test cell of this task, from your own data.
_top = max(_blau.values())
ex.check_choice("more_varied", ex.answer("more_varied"), [_t for _t, _v in _blau.items() if _v >= _top - 1e-12],
                options=["strong", "weak"],
                what="the kind of tie whose sectors are the more varied, on your data")
"""))

# ---------------------------------------------------------------- Task 3
nb.task("task-gaps", """
## Task 3: The sectors you hardly reach, and who can open them (4 points)

The audit of lesson 11 calls a sector **hardly reached** when it holds at
least 4% of the population, but your share of contacts in it is less than
half its share of the population. Here the population is your own, `G`.

- `missing_sectors`: the list of your hardly reached sectors, ordered by
  the **gap** (the sector's share of the population minus its share of your
  contacts), the **largest gap first**.
- `bridges`: a dictionary whose keys are the sectors of `missing_sectors`
  and whose values are, for each, **your contact who knows the most people
  working in that sector** (you excluded): the person to ask for an
  introduction. In a simulated network you can see your contacts' contacts
  (`G[q]`); a real export does not show them, which is why lesson 11 asks
  you to annotate. If several contacts know the same largest number, any of
  them is right; use the person's number (`q`, as in `G`), not the
  pseudonym.
""")
nb.answer("answer-gaps", solution("", """
n = G.number_of_nodes()
population_share = {s: sum(1 for p in G if G.nodes[p]["sector"] == s) / n for s in SECTORS}
mine = {s: sum(1 for q in G[me] if G.nodes[q]["sector"] == s) / G.degree(me) for s in SECTORS}
gap = {s: population_share[s] - mine[s] for s in SECTORS}
missing = [s for s in SECTORS if population_share[s] >= 0.04 and mine[s] < 0.5 * population_share[s]]
missing_sectors = sorted(missing, key=lambda s: gap[s], reverse=True)

bridges = {}
for sector in missing_sectors:
    knows = {q: sum(1 for w in G[q] if w != me and G.nodes[w]["sector"] == sector) for q in G[me]}
    bridges[sector] = max(knows, key=knows.get)
""", 'print(missing_sectors)\nprint(bridges)'))
nb.selfcheck("selfcheck-gaps", """
# Self-check (0 points): sectors, and one of your contacts for each.
_found = ex.answer("missing_sectors")
ex.check_type("missing_sectors", _found, "list")
for _s in _found:
    ex.check_choice("missing_sectors", _s, SECTORS, options=SECTORS)
_bridges = ex.answer("bridges")
ex.check_mapping("bridges", _bridges, dict.fromkeys(_found, 0), keys_only=True,
                 what="a dictionary with one key for each sector of missing_sectors")
for _s, _q in _bridges.items():
    ex.check_person(f"bridges[{_s!r}]", _q, G, among=G[me], what="one of your contacts")
print("Self-check passed.")
""")
nb.test("test-gaps-sectors", 2, hidden("Hidden tests (2 points): the sectors you hardly reach.", PRE + """
_n = _G.number_of_nodes()
_pop_n, _own_n = {}, {}
for _p in _G:
    _pop_n[_G.nodes[_p]["sector"]] = _pop_n.get(_G.nodes[_p]["sector"], 0) + 1
for _q in _mine:
    _own_n[_G.nodes[_q]["sector"]] = _own_n.get(_G.nodes[_q]["sector"], 0) + 1
# Whole-number comparisons: at least 4% of the population, and a share of your contacts
# under half the share of the population.
_missing = [_s for _s in _pop_n if 25 * _pop_n[_s] >= _n and 2 * _own_n.get(_s, 0) * _n < _pop_n[_s] * _k]
_gap = {_s: _pop_n[_s] / _n - _own_n.get(_s, 0) / _k for _s in _missing}
_best_bridges = {}
for _s in _missing:
    _knows = {_q: sum(1 for _w in _G[_q] if _w != _me and _G.nodes[_w]["sector"] == _s) for _q in _mine}
    _best_bridges[_s] = [_q for _q in _mine if _knows[_q] == max(_knows.values())]
ex.check_items("missing_sectors", ex.answer("missing_sectors"), _missing,
               what="the sectors with at least 4% of the population whose share among your "
                    "contacts is under half their share of the population",
               hint="compare two shares for each sector: of the population (G) and of your contacts")
"""))
nb.test("test-gaps-order", 1, hidden("Hidden tests (1 point): the largest gap first.", """
# _gap: computed by the first test cell of this task, from your own data.
_found = ex.answer("missing_sectors")
ex.check_items("missing_sectors", _found, _missing, what="your hardly reached sectors")
ex.check_order("missing_sectors", _found, lambda _s: _gap[_s], what="the largest gap first",
               hint="the gap is the share of the population minus the share of your contacts; "
                    "sort with reverse=True")
"""))
nb.test("test-gaps-bridges", 1, hidden("Hidden tests (1 point): the contact who can open each sector.", """
# _best_bridges: computed by the first test cell of this task, from your own data.
_found = ex.answer("bridges")
ex.check_mapping("bridges", _found, dict.fromkeys(_missing, 0), keys_only=True,
                 what="a dictionary with one key for each sector you hardly reach")
for _s in sorted(_missing):
    ex.check_choice(f"bridges[{_s!r}]", _found[_s], _best_bridges[_s], options=_mine,
                    what=f"your contact who knows the most people working in {_s}",
                    hint="for each of your contacts q, count the people of G[q] (not you) who "
                         "work in that sector")
"""))

# ---------------------------------------------------------------- Your audit (not graded)
nb.markdown("audit-text", """
## Your audit report (not graded)

Choose the goal of your plan in the next cell: `"job_search"`,
`"prospecting"`, `"e_reputation"` or `"company_creation"` (lessons 07 to
10), and, if you wish, the sectors it aims at (`TARGET_SECTORS`, for
example `["Health"]`; leave the list empty to let the audit choose from
your goal). Then run the cell: it audits your contacts for that goal,
compared with your population, and prints the measures, the worlds your
goal needs, the contacts who could bridge to them, the events to attend and
the audit's own action plan. To see the whole report with its pictures,
add a line with `report` alone at the end of the cell (it takes a few
seconds). You may change this cell and run it as often as you like; it is
not graded, and the tasks below use what it shows.
""")
nb.scratch("my-audit", """
MY_GOAL = "job_search"
TARGET_SECTORS = []

report = audit.report(my_contacts, goal=MY_GOAL, reference=G, targets={"sectors": TARGET_SECTORS},
                      me={"sector": MY_SECTOR, "region": G.nodes[me]["region"],
                          "generation": G.nodes[me]["generation"]})
print(report.measures[["label", "you", "reference_median", "verdict"]].round(2).to_string())
print(report.worlds[["dimension", "world", "your_contacts", "missing", "why"]].to_string())
print(report.bridges[["world", "contact", "position", "tie", "why"]].to_string())
print(report.events[["title", "why", "how_often"]].to_string())
for action in report.actions:
    print("-", action)
""")

# ---------------------------------------------------------------- Diagnosis
nb.rubric("task-diagnosis", """
## Task 4: Diagnosis (5 points, graded by your instructor)

Using tasks 1 to 3 and your audit report, write a diagnosis of your network
in five to eight sentences: what it is made of, how it compares with the
other people of your population, its strengths and its weaknesses for your
goal. Start with one sentence that states your goal (`MY_GOAL`).

**Rubric (5 points)**

- 1 point: states the goal and describes the composition with at least two
  figures of task 1 or of the report (number of contacts, share in your own
  sector, main sectors, share of strong ties).
- 2 points: compares at least two measures of the report with the reference
  (for example sector diversity, alter-ego share, share in the five most
  common companies), each with your value, the reference median and the
  verdict (1 point each).
- 1 point: interprets task 2 (are your weak ties more varied than your
  strong ties, and what that means for reaching new worlds, lessons 02 and
  03).
- 1 point: names one strength and one weakness of the network *for the
  goal chosen*, consistent with the figures given.
""")
nb.reflection("answer-diagnosis", 5, """
### BEGIN SOLUTION
*Example answer (numbers differ for each learner).* My goal is a job
search, in my own sector (Education). I have 25 contacts, 16% of them strong
ties; 20% work in Education, and Health and Retail come next. Compared with
the other people of my population, my sector diversity is 0.85, like the
reference (median 0.86), and my alter-ego share is 4% against a median of
27% (below the reference): few of my contacts resemble me. My share in my
five most common employers is 32%, like the reference (32%). My weak ties
are more varied (Blau 0.83) than my strong ties (0.80): they are the ones
that reach other worlds. Strength: a varied network with acquaintances in
many sectors. Weakness for my goal: I hardly reach Hospitality and
Education's neighbouring sectors, and only five contacts work in my target
sector.
### END SOLUTION
""")

# ---------------------------------------------------------------- Action plan
nb.rubric("task-plan", """
## Task 5: Action plan (15 points, graded by your instructor)

Write the action plan of this network for the next three months, for your
goal, as a list of concrete actions. For each action say **what** you will
do, **with whom** (contacts by pseudonym or number and by role, such as
"P-248, a bank adviser, weak tie"; never a real name), **when** (a week or a
month) and **why** (the figure of your audit or of tasks 1 to 3 it
answers). The plan must contain:

1. the worlds (sectors, regions or generations) your goal needs and that you
   hardly reach, and the contacts who can open each of them (task 3 and the
   report's bridges), with the precise request you will make to each;
2. the kind of tie you will mobilise and why (lessons 02 and 07 to 10:
   weak ties chosen per project, warm introductions, trusted ties for a
   company);
3. the events you will attend (evenings, breakfasts, neighbourhood poles:
   lesson 05), how often, and how you will follow up the people you meet so
   that some become relations;
4. what you will give in return: help, information or introductions for
   others (reciprocity, lesson 01), and how you will keep the three
   commitments of lesson 06 with the people you work with;
5. two indicators you will measure again at the end of the three months
   (for example the share of your contacts in a missing sector, the number
   of relations made), with the value today and the value you aim at.

**Rubric (15 points)**

- 4 points: worlds and bridges. The worlds named are really missing or
  needed according to the audit or task 3 (1 point); a contact is named for
  each of at least two worlds, and is one the audit or task 3 supports (1
  point); each request is precise and easy to accept (advice,
  information, an introduction to a named role), not a request for a job
  or a sale (2 points).
- 2 points: the kind of tie chosen suits the goal and the reason is given
  with the course's ideas (weak ties for new information and jobs; warm
  introductions by someone the prospect trusts; reliable, trusted ties for
  partners).
- 3 points: events. At least one format chosen for a stated gap, with a
  frequency (1 point); a follow-up within a week and a second meeting
  planned (1 point); the plan explains how a new contact becomes a
  relation: time, regular exchanges, services both ways (1 point).
- 2 points: reciprocity and commitments: something concrete given to others
  (1 point), and one commitment of the engagement triangle the plan takes
  care to keep (1 point).
- 2 points: two indicators, each with today's value (from the audit or
  tasks 1 to 3) and a realistic target at three months.
- 2 points: a plan that can really be followed: dated actions, no more than
  a few hours a week, in a sensible order (first the contacts who open the
  most needed world), with nothing that exposes a real person's data.
""")
nb.reflection("answer-plan", 15, """
### BEGIN SOLUTION
*Example answer (numbers differ for each learner).* Goal: a job as a
training manager in Health.

1. **Health** (4 of my 25 contacts, 16%, against 17% of the population; it
   is my target). Week 1: I ask P-140, a hospital pharmacist (acquaintance,
   weak tie, 3 mutual contacts), for twenty minutes of advice on how
   hospitals recruit training staff, and whom she would advise me to meet.
   Week 2: I ask P-319, a nurse manager, to introduce me to the training
   department of her hospital.
2. **Hospitality** (hardly reached: 0% of my contacts, 7% of the
   population). Task 3 names P-198, a chef who knows 6 people in
   Hospitality: in month 2 I ask him about training needs in hotels, a
   second possible market for me.
3. **Ties.** I mobilise acquaintances rather than my close friends: they
   hear news my friends also hear (my weak ties are more varied, Blau 0.87
   against 0.50), and asking a close friend for a job strains the
   friendship.
4. **Events.** One networking evening a month for three months (my sector
   diversity is only like the reference's and I hardly reach two sectors),
   and a monthly business breakfast from month 2 to meet the same people
   again. After each event I write within a week to the two or three people
   I talked with, and suggest a coffee in the following month.
5. **In return.** I share my notes on the new training regulations with the
   people I meet, and I introduce P-221, who looks for a trainer, to a
   former colleague. I answer every request within a week and deliver what
   I promise on the promised date.
6. **Indicators.** Contacts in Health: 4 today, 8 at three months. Relations
   (ties with exchanges at least four times a year and services both ways)
   made since today: 0 today, 2 at three months. I will run the audit again
   at the end of month 3.
### END SOLUTION
""")

print(nb.write())
