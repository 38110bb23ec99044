"""Builds exercises/10-creating-a-company/10-creating-a-company.ipynb (`python exercises/.sources/build.py`; a test checks the two agree)."""

from authoring import hidden, HOW, Notebook, OWN, solution

A = "10-creating-a-company"
nb = Notebook(A)
PRE = f'''_A = "{A}"
_G = ex.reference_population(_A, n=400)
_me = ex.my_person(_G, _A, min_strong=3, min_weak=8)
from weakties.scenarios.venture import DEFAULT_NEEDS as _NEEDS
_needs = [_n for _role in _NEEDS for _n in _NEEDS[_role]]
_sectors = {{_G.nodes[_p]["sector"] for _p in _G}}
_fits = {{_n: {{_p for _p in _G if (_G.nodes[_p]["sector"] == _n if _n in _sectors
                                  else _n in _G.nodes[_p]["skills"])}} for _n in _needs}}'''
REACH = '''_reach = {}
for _mode in ("strong ties only", "whole network"):
    _ok = (lambda _a, _b: _G[_a][_b]["strength"] >= 0.5) if _mode == "strong ties only" else (lambda _a, _b: True)
    _first = {_q for _q in _G[_me] if _ok(_me, _q)}
    _within = set(_first)
    for _q in _first:
        _within |= {_w for _w in _G[_q] if _ok(_q, _w)}
    _within.discard(_me)
    _reach[_mode] = _within'''
TRUST = '''_trust = {}
for _q in _G[_me]:
    _trust[_q] = max(_trust.get(_q, 0.0), _G[_me][_q]["strength"])
    for _w in _G[_q]:
        if _w != _me:
            _trust[_w] = max(_trust.get(_w, 0.0), _G[_me][_q]["strength"] * _G[_q][_w]["strength"])
_skill_needs = sorted(_n for _n in _needs if _n not in _sectors)
_possible = [_n for _n in _skill_needs if sum(1 for _p in _trust if _p in _fits[_n]) >= 3]
_need = ex.my_pick(_A, _possible, role="need")
_rel = {_p: sum(_G.nodes[_p]["reliability"].values()) / 3 for _p in _trust}
_scores = {_p: _trust[_p] * _rel[_p] for _p in _trust if _p in _fits[_need]}'''

nb.markdown("intro", f"""
# Exercise 10: Creating a company

This exercise goes with **Lesson 10: Creating a company**
(`course/10-creating-a-company.ipynb`). "You" create a digital services
company. It needs partners, suppliers, advisers and first clients with
skills and sectors you do not have. You look for them among your contacts,
compare your close circle with your whole network, build a shortlist for
one need with trust and reliability, and decide which partner to replace
after broken commitments.

{OWN}

{HOW}

| Task | What | Points |
|---|---|---|
| 1 | What your contacts bring | 3 |
| 2 | Close circle or whole network? | 4 |
| 3 | A shortlist for one need | 4 |
| 4 | Which partner to replace? | 4 |
| 5 | Reflection (graded by your instructor) | 5 |
| | **Total** | **20** |

About 60 minutes.
""")

nb.markdown("setup-text", """
## Your population

Run the next cell first. It builds your population of 400 professionals in
France and chooses the person who is **you** (`me`) and another person used
in the worked example (`example`). It also shows what your company needs
(`NEEDS`): for each role, a list of **skills** (a partner who does "web
development") or **sectors** (a first client in "Retail"). A person **fits**
a need when they have the skill (`need in G.nodes[p]["skills"]`) or work in
the sector (`G.nodes[p]["sector"] == need`). If the cell says that no
learner id is set, follow its instructions, then run it again.
""")

nb.setup("setup", f"""
import pandas as pd
import weakties
from weakties import exercises as ex
from weakties.scenarios import venture
from weakties.scenarios.venture import DEFAULT_NEEDS as NEEDS

ASSIGNMENT = "{A}"
G = ex.my_population(ASSIGNMENT, n=400)
me = ex.my_person(G, ASSIGNMENT, min_strong=3, min_weak=8)
example = ex.my_person(G, ASSIGNMENT, role="example", exclude=[me])
SECTORS = sorted({{G.nodes[p]["sector"] for p in G}})
NEED_LIST = [need for role in NEEDS for need in NEEDS[role]]   # the 10 needs, role by role

print(f"Your population: {{G.number_of_nodes()}} people and {{G.number_of_edges()}} ties.")
print("You:", ex.describe_person(G, me))
for role, needs in NEEDS.items():
    print(f"  {{role}}: {{', '.join(needs)}}")
""")

nb.markdown("example-text", """
## Worked example: skills, sectors, chains and reliability

For the example person, the cell below:

- counts their contacts who fit two needs: a skill (`"accounting"`) and a
  sector (`"Retail"`);
- lists the people **within two steps** (their contacts, and the contacts
  of their contacts) reached through **strong ties only** (strength 0.5 or
  more on every tie of the chain);
- for one contact of a contact, computes the **trust** of the chain: the
  product of the strengths of its ties (lessons 08 and 10), and the person's
  mean **reliability** on the three commitments of lesson 06.
""")

nb.example("example", """
accountants = [q for q in G[example] if "accounting" in G.nodes[q]["skills"]]
retail = [q for q in G[example] if G.nodes[q]["sector"] == "Retail"]
print("Contacts of", example, "who do accounting:", accountants, "- who work in Retail:", retail)

strong_first = [q for q in G[example] if G[example][q]["strength"] >= 0.5]
strong_reach = set(strong_first)
for q in strong_first:
    for w in G[q]:
        if G[q][w]["strength"] >= 0.5:
            strong_reach.add(w)
strong_reach.discard(example)
print("Within two steps through strong ties only:", len(strong_reach), "people")

middle = sorted(G[example])[0]
far = sorted(w for w in G[middle] if w != example and w not in G[example])[0]
trust = G[example][middle]["strength"] * G[middle][far]["strength"]
rel = G.nodes[far]["reliability"]
print("Chain", example, "->", middle, "->", far, ": trust", round(trust, 3),
      "- mean reliability of", far, ":", round((rel["client"] + rel["deadlines"] + rel["payment"]) / 3, 3))
""")

# ---------------------------------------------------------------- Task 1
nb.task("task-direct", """
## Task 1: What your contacts bring (3 points)

- `direct_fits`: a dictionary whose keys are **the 10 needs** of
  `NEED_LIST` and whose values are the number of **your contacts** who fit
  each need (0 if none does), for example `{"web development": 1, "sales":
  0, ..., "Health": 4}`.
- `gaps`: the list of the needs that **none** of your contacts fits.

*Hint: `need in SECTORS` tells whether a need is a sector or a skill.*
""")
nb.answer("answer-direct", solution("", """
direct_fits = {}
for need in NEED_LIST:
    count = 0
    for q in G[me]:
        if need in SECTORS:
            fits = G.nodes[q]["sector"] == need
        else:
            fits = need in G.nodes[q]["skills"]
        if fits:
            count = count + 1
    direct_fits[need] = count
gaps = [need for need in NEED_LIST if direct_fits[need] == 0]
""", 'print(direct_fits)\nprint("gaps:", gaps)'))
nb.selfcheck("selfcheck-direct", """
# Self-check (0 points): one whole number for each need, and needs for the gaps.
_found = ex.answer("direct_fits")
ex.check_mapping("direct_fits", _found, dict.fromkeys(NEED_LIST, 0), keys_only=True,
                 what="a dictionary with one key for each need of NEED_LIST")
for _key, _value in _found.items():
    ex.check_type(f"direct_fits[{_key!r}]", _value, "whole number")
    ex.check_between(f"direct_fits[{_key!r}]", _value, 0, G.degree(me), what="a number of your contacts")
ex.check_type("gaps", ex.answer("gaps"), "collection")
for _need in ex.answer("gaps"):
    ex.check_choice("gaps", _need, NEED_LIST, options=NEED_LIST)
print("Self-check passed.")
""")
nb.test("test-direct-values", 2, hidden("Hidden tests (2 points): your contacts who fit each need.", PRE + """
_direct = {_n: len(_fits[_n] & set(_G[_me])) for _n in _needs}
ex.check_mapping("direct_fits", ex.answer("direct_fits"), _direct,
                 what="for each need, the number of your contacts who fit it",
                 hint="a need is a skill (look in G.nodes[q]['skills']) or a sector (compare with "
                      "G.nodes[q]['sector']): check which one it is")
"""))
nb.test("test-direct-gaps", 1, hidden("Hidden tests (1 point): the needs none of your contacts fits.", """
# _direct: computed by the first test cell of this task, from your own data.
ex.check_items("gaps", ex.answer("gaps"), [_n for _n in _needs if _direct[_n] == 0],
               what="the needs that none of your contacts fits",
               hint="keep the needs whose count in direct_fits is 0")
"""))

# ---------------------------------------------------------------- Task 2
nb.task("task-circle", """
## Task 2: Close circle or whole network? (4 points)

Founders often look for partners among the people closest to them (Ruef,
Aldrich and Carter 2003 found that founding teams are mostly made of strong
ties and people alike). Compare two ways of searching, each **within two
steps** of you (your contacts, and the contacts of your contacts; you
excluded):

- `"strong ties only"`: only through chains whose ties are **all strong**
  (strength 0.5 or more on each tie);
- `"whole network"`: through any chain of at most two ties.

For each way, store in:

- `fitting_people`: the **number of different people** within reach who fit
  **at least one** need of `NEED_LIST`;
- `sectors_found`: the **number of different sectors** among those people.

Both are dictionaries with the keys `"strong ties only"` and `"whole
network"`.
""")
nb.answer("answer-circle", solution("", """
fitting_people = {}
sectors_found = {}
for mode in ["strong ties only", "whole network"]:
    first = [q for q in G[me] if mode == "whole network" or G[me][q]["strength"] >= 0.5]
    within = set(first)
    for q in first:
        for w in G[q]:
            if mode == "whole network" or G[q][w]["strength"] >= 0.5:
                within.add(w)
    within.discard(me)
    fitting = []
    for p in within:
        for need in NEED_LIST:
            if G.nodes[p]["sector"] == need or need in G.nodes[p]["skills"]:
                fitting.append(p)
                break
    fitting_people[mode] = len(fitting)
    sectors_found[mode] = len({G.nodes[p]["sector"] for p in fitting})
""", "print(fitting_people, sectors_found)"))
nb.selfcheck("selfcheck-circle", """
# Self-check (0 points): two whole numbers for each dictionary.
for _name in ("fitting_people", "sectors_found"):
    _found = ex.answer(_name)
    ex.check_mapping(_name, _found, {"strong ties only": 0, "whole network": 0}, keys_only=True,
                     what="a dictionary with the keys 'strong ties only' and 'whole network'")
    for _key, _value in _found.items():
        ex.check_type(f"{_name}[{_key!r}]", _value, "whole number")
ex.check_between("sectors_found['whole network']", ex.answer("sectors_found")["whole network"],
                 0, len(SECTORS), what="a number of sectors")
print("Self-check passed.")
""")
nb.test("test-circle-form", 1, hidden("Hidden tests (1 point): two counts for each way of searching.", PRE + "\n" + REACH + """
_people = {_m: {_p for _p in _reach[_m] if any(_p in _fits[_n] for _n in _needs)} for _m in _reach}
_counts = {_m: len(_v) for _m, _v in _people.items()}
_nsectors = {_m: len({_G.nodes[_p]["sector"] for _p in _v}) for _m, _v in _people.items()}
for _name in ("fitting_people", "sectors_found"):
    _found = ex.answer(_name)
    ex.check_mapping(_name, _found, {"strong ties only": 0, "whole network": 0}, keys_only=True,
                     what="a dictionary with the keys 'strong ties only' and 'whole network'")
    for _key, _value in _found.items():
        ex.check_type(f"{_name}[{_key!r}]", _value, "whole number")
"""))
nb.test("test-circle-people", 2, hidden("Hidden tests (2 points): the people within reach who fit a need.", """
# _counts: computed by the first test cell of this task, from your own data.
ex.check_mapping("fitting_people", ex.answer("fitting_people"), _counts,
                 what="for each way of searching, the number of different people within two "
                      "steps who fit at least one need",
                 hint="for 'strong ties only', both ties of a chain must be strong; count each "
                      "person once, and leave yourself out")
"""))
nb.test("test-circle-sectors", 1, hidden("Hidden tests (1 point): the sectors of those people.", """
# _nsectors: computed by the first test cell of this task, from your own data.
ex.check_mapping("sectors_found", ex.answer("sectors_found"), _nsectors,
                 what="for each way of searching, the number of different sectors among the "
                      "people who fit a need",
                 hint="count the sectors of the people you counted in fitting_people")
"""))

# ---------------------------------------------------------------- Task 3
nb.task("task-shortlist", """
## Task 3: A shortlist for one need (4 points)

The answer cell chooses one skill your company needs (`NEED`). Among the
people within two steps of you (whole network) who have this skill, you
build a shortlist, as the lesson's simulation does, with two things:

- **trust**: the product of the strengths of the ties of the **most
  trusted chain of at most two ties** from you to the person. For one of
  your contacts, that is the larger of the strength of your tie and of the
  best chain through a common contact;
- **reliability**: the mean of the person's three reliabilities (lesson 06).

The **score** of a candidate is trust x reliability.

- `scores`: a dictionary whose keys are **all the people within two steps
  of you who have the skill `NEED`** and whose values are their scores.
- `shortlist`: the list of the **3** candidates with the highest scores,
  the highest first.
""")
nb.answer("answer-shortlist", solution('''
# The skill of this task: one of the skills of NEEDS that at least 3 people within two steps have.
within_two = set(G[me])
for contact in G[me]:
    within_two |= set(G[contact])
within_two.discard(me)
skills = sorted(need for need in NEED_LIST if need not in SECTORS)
possible = [s for s in skills if sum(1 for p in within_two if s in G.nodes[p]["skills"]) >= 3]
NEED = ex.my_pick(ASSIGNMENT, possible, role="need")
print("NEED:", NEED)
''', """
trust = {}
for q in G[me]:
    trust[q] = max(trust.get(q, 0), G[me][q]["strength"])
    for w in G[q]:
        if w != me:
            trust[w] = max(trust.get(w, 0), G[me][q]["strength"] * G[q][w]["strength"])
scores = {}
for p in trust:
    if NEED in G.nodes[p]["skills"]:
        rel = G.nodes[p]["reliability"]
        scores[p] = trust[p] * (rel["client"] + rel["deadlines"] + rel["payment"]) / 3
shortlist = sorted(scores, key=scores.get, reverse=True)[:3]
""", """for p in shortlist:
    print(p, "score", round(scores[p], 3), "-", ex.describe_person(G, p))"""))
nb.selfcheck("selfcheck-shortlist", """
# Self-check (0 points): scores between 0 and 1, and 3 of the candidates.
_found = ex.answer("scores")
ex.check_type("scores", _found, "dict")
for _key, _value in _found.items():
    ex.check_person("scores", _key, G, what="a person who has the skill NEED")
    ex.check_between(f"scores[{_key!r}]", _value, 0, 1, what="a score",
                     hint="trust and reliability are both between 0 and 1")
_short = ex.answer("shortlist")
ex.check_type("shortlist", _short, "list")
ex.check_equal("len(shortlist)", len(_short), 3, what="3 people")
for _p in _short:
    ex.check_person("shortlist", _p, G, among=list(_found), what="one of the keys of scores")
print("Self-check passed.")
""")
nb.test("test-shortlist-scores", 2, hidden("Hidden tests (2 points): the score of each candidate.", PRE + "\n" + TRUST + """
ex.check_mapping("scores", ex.answer("scores"), _scores, tol=0.002,
                 what="for each person within two steps who has the skill NEED, trust x mean "
                      "reliability",
                 hint="trust is the product of the strengths along the most trusted chain of at "
                      "most two ties (both ties count); reliability is the mean of the three")
"""))
nb.test("test-shortlist-people", 1, hidden("Hidden tests (1 point): the 3 best candidates.", """
# _scores: computed by the first test cell of this task, from your own data.
_third = sorted(_scores.values(), reverse=True)[2]
_sure = {_p for _p, _s in _scores.items() if _s > _third + 1e-12}
_tied = {_p for _p, _s in _scores.items() if abs(_s - _third) <= 1e-12}
_found = ex.answer("shortlist")
ex.check_type("shortlist", _found, "list")
_got = set(_found)
if not (len(_got) == 3 and _sure <= _got and _got <= _sure | _tied):
    raise ex.CheckFailed("shortlist", "the 3 candidates with the highest scores",
                         f"{len(_got & (_sure | _tied))} of them among your 3 best candidates",
                         "sort the candidates by score, highest first, and keep 3")
"""))
nb.test("test-shortlist-order", 1, hidden("Hidden tests (1 point): the best candidate first.", """
# _scores: computed by the first test cell of this task, from your own data.
_found = ex.answer("shortlist")
ex.check_type("shortlist", _found, "list")
ex.check_equal("len(shortlist)", len(_found), 3, what="3 people")
for _p in _found:
    ex.check_person("shortlist", _p, _G, among=list(_scores), what="a candidate for NEED")
ex.check_order("shortlist", _found, lambda _p: _scores[_p], what="the highest score first",
               hint="sort with reverse=True")
"""))

# ---------------------------------------------------------------- Task 4
nb.task("task-replace", """
## Task 4: Which partner to replace? (4 points)

The answer cell asks the lesson's simulation `venture` to assemble your team
from your whole network (one person for each need; a person may cover
several needs), then simulates six months of work: **8 projects with each
member of the team** (`record`: one row per member and project). The columns
`client`, `deadlines` and `payment` are `True` when the member kept that
commitment of the engagement triangle on that project, `False` when they
broke it.

- `kept_share`: a dictionary whose keys are the members of `TEAM` and whose
  values are the **share of the commitments** each member kept over their 8
  projects (3 commitments a project, so 24 in all).
- `replace`: the member with the **lowest** share of commitments kept: the
  partner you would replace first. If several share the lowest share, any
  of them is right.
- `most_broken`: the commitment (`"client"`, `"deadlines"` or `"payment"`)
  broken the most often over the whole team.

*Hint: `rows["deadlines"].sum()` counts the `True` values of a column (the
projects where the deadline was kept).*
""")
nb.answer("answer-replace", solution('''
result = venture(G, me, max_hops=2, seed=ex.my_seed(ASSIGNMENT, "team"))
found = result.team[(result.team["mode"] == "whole network") & result.team["covered"]]
TEAM = sorted({int(p) for p in found["person"]})
rng = ex.my_rng(ASSIGNMENT, "projects")
rows = []
for member in TEAM:
    rel = G.nodes[member]["reliability"]
    for project in range(1, 9):
        rows.append({"person": member, "project": project,
                     "client": bool(rng.random() < rel["client"]),
                     "deadlines": bool(rng.random() < rel["deadlines"]),
                     "payment": bool(rng.random() < rel["payment"])})
record = pd.DataFrame(rows)
print("TEAM:", TEAM)
''', """
kept_share = {}
for person in TEAM:
    rows = record[record["person"] == person]
    kept = rows["client"].sum() + rows["deadlines"].sum() + rows["payment"].sum()
    kept_share[person] = kept / (3 * len(rows))
replace = min(kept_share, key=kept_share.get)
broken = {c: int((~record[c]).sum()) for c in ["client", "deadlines", "payment"]}
most_broken = max(broken, key=broken.get)
""", 'print(kept_share)\nprint("replace:", replace, "- most broken:", most_broken)'))
nb.selfcheck("selfcheck-replace", """
# Self-check (0 points): one share for each member of TEAM, one member, one commitment.
_found = ex.answer("kept_share")
ex.check_mapping("kept_share", _found, dict.fromkeys(TEAM, 0), keys_only=True,
                 what="a dictionary with one key for each member of TEAM")
for _key, _value in _found.items():
    ex.check_between(f"kept_share[{_key!r}]", _value, 0, 1, what="a share",
                     hint="divide by the 24 commitments of the 8 projects; do not multiply by 100")
ex.check_person("replace", ex.answer("replace"), G, among=TEAM, what="a member of TEAM")
ex.check_choice("most_broken", ex.answer("most_broken"), ["client", "deadlines", "payment"],
                options=["client", "deadlines", "payment"])
print("Self-check passed.")
""")
RECORD = '''from weakties.scenarios import venture as _venture
_team_table = _venture(_G, _me, max_hops=2, seed=ex.my_seed(_A, "team")).team
_team = sorted({int(_p) for _p, _m, _c in zip(_team_table["person"], _team_table["mode"],
                                             _team_table["covered"]) if _m == "whole network" and _c})
_rng = ex.my_rng(_A, "projects")
_kept = {_p: 0 for _p in _team}
_broken = {"client": 0, "deadlines": 0, "payment": 0}
for _p in _team:
    _r = _G.nodes[_p]["reliability"]
    for _project in range(8):
        for _c in ("client", "deadlines", "payment"):
            if _rng.random() < _r[_c]:
                _kept[_p] += 1
            else:
                _broken[_c] += 1
_share = {_p: _k / 24 for _p, _k in _kept.items()}'''
nb.test("test-replace-values", 2, hidden("Hidden tests (2 points): the share of commitments each member kept.", PRE + "\n" + RECORD + """
ex.check_mapping("kept_share", ex.answer("kept_share"), _share, tol=0.005,
                 what="for each member, the commitments kept divided by the 24 commitments of "
                      "their 8 projects",
                 hint="count every commitment kept (3 columns), not the projects where all three "
                      "were kept")
"""))
nb.test("test-replace-who", 1, hidden("Hidden tests (1 point): the partner to replace.", """
# _share: computed by the first test cell of this task, from your own data.
_low = min(_share.values())
ex.check_choice("replace", ex.answer("replace"), [_p for _p, _s in _share.items() if _s <= _low + 1e-12],
                options=_team, what="the member who kept the smallest share of commitments",
                hint="take the key of kept_share with the smallest value")
"""))
nb.test("test-replace-broken", 1, hidden("Hidden tests (1 point): the commitment broken most often.", """
# _broken: computed by the first test cell of this task, from your own data.
_top = max(_broken.values())
ex.check_choice("most_broken", ex.answer("most_broken"), [_c for _c, _n in _broken.items() if _n == _top],
                options=["client", "deadlines", "payment"],
                what="the commitment broken the most often over the whole team",
                hint="count the False values of each column over the whole record")
"""))

# ---------------------------------------------------------------- Reflection
nb.rubric("task-reflection", """
## Task 5: Reflection (5 points, graded by your instructor)

In the cell below, in five to ten sentences:

1. Compare your close circle with your whole network for this company,
   with your numbers from tasks 1 and 2 (people who fit a need, sectors).
   Why does a team taken from your close circle alone cover few needs?
2. Say whom you would contact first for `NEED` (task 3) and why, with the
   trust and the reliability behind the score. Say who in your network you
   would ask about this person's reliability before signing anything, and
   what you would ask.
3. Say which partner you would replace (task 4) and how you would do it
   while respecting the engagement triangle yourself (what you say to the
   partner, what happens to the clients and the invoices in progress).

**Rubric (5 points)**

- 2 points: compares the two ways of searching with the numbers of task 2
  (1 point), and explains that strong ties share your world (same sector,
  same skills) so that complementary skills and sectors are found through
  weak ties and contacts of contacts (1 point).
- 1 point: a first contact for `NEED` justified with trust and reliability,
  and a question about reliability (clients, deadlines or payment) put to
  a contact who has worked with the person, before committing.
- 2 points: names the partner to replace with the share of commitments
  kept and the commitment most broken (1 point), and a replacement that
  keeps one's own commitments: an honest explanation, the work in progress
  finished or handed over, invoices paid, the partner's clients left to
  them (1 point).
""")
nb.reflection("answer-reflection", 5, """
### BEGIN SOLUTION
*Example answer (numbers differ for each learner).* Through strong ties
only, I reach 13 people who fit a need of my company, in 6 sectors; through
my whole network within two steps, 157 people in 8 sectors. My close friends
work in my own sector and have skills like mine: none of my contacts does
web development or accounting, but contacts of my contacts do. For web
development I would first contact person 197 (score 0.34): we share a
trusted contact, 212, and her mean reliability is 0.86. Before signing I
would ask 212, who worked with her last year: "did she deliver on the dates
she promised, and did she ever contact your clients directly?". After six
months, person 43 kept only 67% of his commitments, mostly deadlines; the
whole team broke deadlines most often. I would tell him directly why I am
ending the partnership, ask him to finish the project in progress, pay his
last invoices on time, and leave him the clients he brought.
### END SOLUTION
""")

print(nb.write())
