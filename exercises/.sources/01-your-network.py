"""Builds exercises/01-your-network/01-your-network.ipynb (`python exercises/.sources/build.py`; a test checks the two agree)."""

from authoring import HOW, Notebook, OWN

A = "01-your-network"
REF = f'''_G = ex.reference_population("{A}", n=400)
_me = ex.my_person(_G, "{A}", min_strong=3, min_weak=8)'''

nb = Notebook(A)
nb.markdown("intro", f"""
# Exercise 01: Your network

This exercise goes with **Lesson 01: Your network** (`course/{A}.ipynb`).
You look at the network of one person, "you", in a simulated population, and
you check how much of it is made of real professional relations and how much
of mere contacts.

{OWN}

{HOW}

| Task | What | Points |
|---|---|---|
| 1 | How you met the people you know | 4 |
| 2 | Contacts or relations? | 4 |
| 3 | Your inner circle | 3 |
| 4 | Do you overcount your network? | 4 |
| 5 | Reflection (graded by your instructor) | 5 |
| | **Total** | **20** |

About 45 minutes.
""")
nb.markdown("setup-text", """
## Your population

Run the next cell first. It builds your population of 400 professionals in
France and chooses the person who is **you** (`me`), and another person used
in the worked examples (`example`). If it says that no learner id is set,
follow its instructions once, in a separate notebook or a terminal (not in
this one), then run it again.
""")
nb.setup("setup", f"""
import weakties
from weakties import exercises as ex

ASSIGNMENT = "{A}"
G = ex.my_population(ASSIGNMENT, n=400)
me = ex.my_person(G, ASSIGNMENT, min_strong=3, min_weak=8)
example = ex.my_person(G, ASSIGNMENT, role="example", exclude=[me])
YEAR = G.graph["options"]["year"]   # the present year of the simulation

print(f"Your population: {{G.number_of_nodes()}} people and {{G.number_of_edges()}} ties.")
print("You:", ex.describe_person(G, me))
""")
nb.markdown("example-text", """
## Worked example: reading ties

Every person is a number (a *node* of the network `G`). `G[p]` holds the
people person `p` is tied to, and `G[p][q]` describes the tie between `p` and
`q` with these values:

- `context`: how the tie began (`"family"`, `"friend"`, `"colleague"`,
  `"former_colleague"`, `"school"`, `"client"`, `"supplier"`, `"neighbour"`,
  `"event"` or `"online"`);
- `strength`: from 0 (very weak) to 1 (very strong);
- `frequency`: how many times a year the two people exchange;
- `since`: the year the tie began;
- `reciprocity`: from 0 to 1, how much services go both ways.

The cell below shows five ties of the example person, then counts the
example person's ties that began at work (`"colleague"`). Run it and read it:
the tasks use the same tools.
""")
nb.example("example", """
print(ex.describe_person(G, example))
for other in sorted(G[example])[:5]:
    tie = G[example][other]
    print(other, tie["context"], "strength", round(tie["strength"], 2),
          "exchanges a year", tie["frequency"], "since", tie["since"],
          "reciprocity", round(tie["reciprocity"], 2))

n_colleagues = 0
for other in G[example]:
    if G[example][other]["context"] == "colleague":
        n_colleagues = n_colleagues + 1
print("The example person has", n_colleagues, "ties with colleagues.")
""")

# ---------------------------------------------------------------- task 1
nb.task("task-context", """
## Task 1: How you met the people you know (4 points)

Count **your** ties (the ties of `me`) by the way they began. Store the result
in a dictionary `by_context` whose keys are contexts and whose values are
numbers of ties, for example `{"family": 4, "online": 9, ...}`. You may leave
out the contexts in which you have no tie.

*Hint: start from the worked example, but count every context instead of one.*
""")
nb.answer("answer-context", """
### BEGIN SOLUTION
by_context = {}
for other in G[me]:
    context = G[me][other]["context"]
    by_context[context] = by_context.get(context, 0) + 1
### END SOLUTION
print(by_context)
""")
nb.selfcheck("selfcheck-context", """
# Self-check (0 points): a dictionary whose values add up to your number of ties.
_found = ex.answer("by_context")
ex.check_type("by_context", _found, "dict")
for _key, _value in _found.items():
    ex.check_type(f"by_context[{_key!r}]", _value, "whole number")
ex.check_equal("sum of the values of by_context", sum(_found.values()), G.degree(me),
               what="your number of ties", hint="count each of your ties once: loop over G[me]")
print("Self-check passed.")
""")
nb.test("test-context-total", 1, f"""
# Hidden tests (1 point): every one of your ties counted once, under a real context.
### BEGIN HIDDEN TESTS
{REF}
_found = ex.answer("by_context")
ex.check_type("by_context", _found, "dict")
_contexts = set(weakties.ties.CONTEXTS)
_unknown = sorted(str(k) for k in _found if k not in _contexts)
assert not _unknown, f"by_context has keys that are not contexts: {{_unknown}}"
ex.check_equal("sum of the values of by_context", sum(_found.values()), _G.degree(_me),
               what="your number of ties", reveal=False)
### END HIDDEN TESTS
""")
nb.test("test-context-counts", 3, f"""
# Hidden tests (3 points): the count of each context, on your own population.
### BEGIN HIDDEN TESTS
{REF}
_expected = {{}}
for _v, _d in _G[_me].items():
    _expected[_d["context"]] = _expected.get(_d["context"], 0) + 1
_found = {{k: v for k, v in ex.answer("by_context").items() if v != 0}}
ex.check_mapping("by_context", _found, _expected,
                 what="the number of your ties in each context, on your own population",
                 hint="read G[me][other]['context'] for each of your ties")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- task 2
nb.task("task-relation", """
## Task 2: Contacts or relations? (4 points)

A **contact** is anyone you are tied to. A **relation** is a contact with whom
trust has been built over time. In this course a tie is a relation when all
three conditions hold:

1. it began **at least 2 years ago** (`year - since` is 2 or more): time for trust;
2. you exchange **at least 4 times a year** (`frequency` is 4 or more): regular exchanges;
3. services go **both ways** (`reciprocity` is 0.4 or more): commitments made and kept.

**a.** Write a function `is_relation_tie(tie, year)` that takes the description
of one tie (a dictionary such as `G[me][other]`) and the present year, and
returns `True` when the tie is a relation, `False` otherwise.

**b.** Use it to make `my_relations`: the list of the people (their numbers)
who are your relations in the present year `YEAR`.
""")
nb.answer("answer-relation", """
def is_relation_tie(tie, year):
    ### BEGIN SOLUTION
    return (year - tie["since"] >= 2
            and tie["frequency"] >= 4
            and tie["reciprocity"] >= 0.4)
    ### END SOLUTION
""")
nb.answer("answer-relation-list", """
### BEGIN SOLUTION
my_relations = [other for other in G[me] if is_relation_tie(G[me][other], YEAR)]
### END SOLUTION
print(len(my_relations), "relations:", my_relations)
""")
nb.selfcheck("selfcheck-relation", """
# Self-check (0 points): two made-up ties, and the shape of my_relations.
ex.check_function("is_relation_tie", ex.answer("is_relation_tie"), [
    (({"since": 2015, "frequency": 12, "reciprocity": 0.6}, 2026), True,
     "a tie from 2015, 12 exchanges a year, reciprocity 0.6, in 2026"),
    (({"since": 2025, "frequency": 1, "reciprocity": 0.1}, 2026), False,
     "a tie from 2025, 1 exchange a year, reciprocity 0.1, in 2026"),
])
_found = ex.answer("my_relations")
ex.check_type("my_relations", _found, "collection")
for _p in _found:
    ex.check_person("my_relations", _p, G, among=G[me], what="one of your contacts")
print("Self-check passed.")
""")
nb.test("test-relation-rule", 2, """
# Hidden tests (2 points): the three conditions, exactly at their limits.
### BEGIN HIDDEN TESTS
_f = ex.answer("is_relation_tie")
_base = {"since": 2020, "frequency": 10, "reciprocity": 0.7}
_cases = [
    (({**_base, "since": 2024}, 2026), True, "a tie that began exactly 2 years ago"),
    (({**_base, "since": 2025}, 2026), False, "a tie that began 1 year ago"),
    (({**_base, "frequency": 4}, 2026), True, "exactly 4 exchanges a year"),
    (({**_base, "frequency": 3.9}, 2026), False, "3.9 exchanges a year"),
    (({**_base, "reciprocity": 0.4}, 2026), True, "a reciprocity of exactly 0.4"),
    (({**_base, "reciprocity": 0.39}, 2026), False, "a reciprocity of 0.39"),
    (({**_base, "since": 2027}, 2030), True, "a tie from 2027 in the year 2030"),
    (({**_base, "since": 2025}, 2030), True, "a tie from 2025 in the year 2030"),
]
ex.check_function("is_relation_tie", _f, _cases,
                  hint="'at least' includes the limit itself (use >=), and use the year "
                       "given to the function, not a fixed year")
### END HIDDEN TESTS
""")
nb.test("test-relation-list", 2, f"""
# Hidden tests (2 points): your relations, on your own population.
### BEGIN HIDDEN TESTS
{REF}
_year = _G.graph["options"]["year"]
_expected = [v for v, d in _G[_me].items()
             if _year - d["since"] >= 2 and d["frequency"] >= 4 and d["reciprocity"] >= 0.4]
ex.check_items("my_relations", ex.answer("my_relations"), _expected,
               what="the people who are your relations in the present year",
               hint="apply your function to each of your ties, with YEAR")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- task 3
nb.task("task-inner", """
## Task 3: Your inner circle (3 points)

Dunbar's layers describe a network as circles of about 5, 15, 50 and 150
people, from the closest to the most distant (Dunbar 1998; Zhou et al. 2005).
Make `inner_circle`: the list of the **5 people you are closest to** (the 5
ties with the largest `strength`), **strongest first**.

*Hint: `sorted(G[me], key=lambda other: G[me][other]["strength"], reverse=True)`
sorts your contacts from the strongest tie to the weakest.*
""")
nb.answer("answer-inner", """
### BEGIN SOLUTION
inner_circle = sorted(G[me], key=lambda other: G[me][other]["strength"], reverse=True)[:5]
### END SOLUTION
for other in inner_circle:
    print(other, round(G[me][other]["strength"], 2), G[me][other]["context"])
""")
nb.selfcheck("selfcheck-inner", """
# Self-check (0 points): a list of 5 of your contacts.
_found = ex.answer("inner_circle")
ex.check_type("inner_circle", _found, "list")
ex.check_equal("len(inner_circle)", len(_found), 5, what="5 people")
for _p in _found:
    ex.check_person("inner_circle", _p, G, among=G[me], what="one of your contacts")
print("Self-check passed.")
""")
nb.test("test-inner-people", 2, f"""
# Hidden tests (2 points): the right 5 people.
### BEGIN HIDDEN TESTS
{REF}
_found = ex.answer("inner_circle")
ex.check_type("inner_circle", _found, "list")
_strengths = sorted((d["strength"] for d in _G[_me].values()), reverse=True)
_fifth = _strengths[4]
_sure = [v for v, d in _G[_me].items() if d["strength"] > _fifth]
_tied = [v for v, d in _G[_me].items() if d["strength"] == _fifth]
_found_set = set(_found)
if not (len(_found_set) == 5 and set(_sure) <= _found_set
        and _found_set <= set(_sure) | set(_tied)):
    raise ex.CheckFailed("inner_circle", "the 5 people whose ties to you are the strongest",
                         f"{{len(_found_set & (set(_sure) | set(_tied)))}} of them among your 5 "
                         "strongest ties",
                         "sort your contacts by the strength of their tie, strongest first, "
                         "and keep the first 5")
### END HIDDEN TESTS
""")
nb.test("test-inner-order", 1, f"""
# Hidden tests (1 point): 5 people, strongest first.
### BEGIN HIDDEN TESTS
{REF}
_found = ex.answer("inner_circle")
ex.check_type("inner_circle", _found, "list")
ex.check_equal("len(inner_circle)", len(_found), 5, what="5 people")
for _p in _found:
    ex.check_person("inner_circle", _p, _G, among=_G[_me], what="one of your contacts")
ex.check_order("inner_circle", _found, lambda p: _G[_me][p]["strength"],
               what="the strongest tie first", hint="sort with reverse=True")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- task 4
nb.task("task-overcount", """
## Task 4: Do you overcount your network? (4 points)

Most people count their contacts when they speak of their network. Compare
with your relations (task 2).

- `relation_share`: the share of your ties that are relations, a number
  between 0 and 1 (for example 0.25 for one tie in four).
- `mostly`: the text `"contacts"` if most of your ties are contacts that are
  not relations, or `"relations"` if most of them are relations.
- `contact_context`: among your ties that are **not** relations, the context
  (`"online"`, `"event"`, ...) that holds the most of them. If several
  contexts hold the same largest number, any of them is right.
""")
nb.answer("answer-overcount", """
### BEGIN SOLUTION
relation_share = len(my_relations) / G.degree(me)
mostly = "relations" if relation_share > 0.5 else "contacts"
only_contacts = {}
for other in G[me]:
    if other not in my_relations:
        context = G[me][other]["context"]
        only_contacts[context] = only_contacts.get(context, 0) + 1
contact_context = max(only_contacts, key=only_contacts.get)
### END SOLUTION
print(relation_share, mostly, contact_context)
""")
nb.selfcheck("selfcheck-overcount", """
# Self-check (0 points): the three answers have the right form.
ex.check_between("relation_share", ex.answer("relation_share"), 0, 1, what="a share",
                 hint="divide a number of ties by your number of ties; do not multiply by 100")
ex.check_choice("mostly", ex.answer("mostly"), ["contacts", "relations"],
                options=["contacts", "relations"])
ex.check_choice("contact_context", ex.answer("contact_context"), weakties.ties.CONTEXTS,
                options=weakties.ties.CONTEXTS)
print("Self-check passed.")
""")
nb.test("test-overcount-share", 2, f"""
# Hidden tests (2 points): the share of relations, on your own population.
### BEGIN HIDDEN TESTS
{REF}
_year = _G.graph["options"]["year"]
_rel = [v for v, d in _G[_me].items()
        if _year - d["since"] >= 2 and d["frequency"] >= 4 and d["reciprocity"] >= 0.4]
ex.check_close("relation_share", ex.answer("relation_share"), len(_rel) / _G.degree(_me),
               tol=0.01, what="the share of your ties that are relations", reveal=False,
               hint="number of relations divided by number of ties")
### END HIDDEN TESTS
""")
nb.test("test-overcount-mostly", 1, f"""
# Hidden tests (1 point): what most of your network is made of.
### BEGIN HIDDEN TESTS
{REF}
_year = _G.graph["options"]["year"]
_rel = [v for v, d in _G[_me].items()
        if _year - d["since"] >= 2 and d["frequency"] >= 4 and d["reciprocity"] >= 0.4]
_share = len(_rel) / _G.degree(_me)
_accept = ["relations"] if _share > 0.5 else ["contacts"] if _share < 0.5 else \\
    ["relations", "contacts"]
ex.check_choice("mostly", ex.answer("mostly"), _accept, options=["contacts", "relations"],
                what="what most of your ties are")
### END HIDDEN TESTS
""")
nb.test("test-overcount-context", 1, f"""
# Hidden tests (1 point): where most of your contacts who are not relations come from.
### BEGIN HIDDEN TESTS
{REF}
_year = _G.graph["options"]["year"]
_counts = {{}}
for _v, _d in _G[_me].items():
    if not (_year - _d["since"] >= 2 and _d["frequency"] >= 4 and _d["reciprocity"] >= 0.4):
        _counts[_d["context"]] = _counts.get(_d["context"], 0) + 1
_best = [c for c, k in _counts.items() if k == max(_counts.values())]
ex.check_choice("contact_context", ex.answer("contact_context"), _best,
                options=weakties.ties.CONTEXTS,
                what="the context holding most of your ties that are not relations",
                hint="count only your ties that are not relations, by context")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- reflection
nb.rubric("task-reflection", """
## Task 5: Reflection (5 points, graded by your instructor)

Choose **one person among your contacts who are not yet relations** and who
could matter for your professional plans. In the cell below, in five to ten
sentences:

1. Say who this person is: their number, occupation and sector, and how you
   met (the context of the tie).
2. Say which of the three conditions of a relation this tie does not meet yet
   (time, regular exchanges, services both ways), with the numbers of the tie.
3. Describe one concrete action for the next month that would build trust
   with this person, and say why it fits this tie.

You may add a code cell below this one to look at the tie (for example
`G[me][42]`); it is not graded.

**Rubric (5 points)**

- 1 point: the person is really one of your ties that is not a relation, and
  the answer gives their occupation or sector and the context of the tie.
- 2 points: the missing condition or conditions are named correctly
  (1 point), with the numbers of the tie: years since it began, exchanges a
  year, reciprocity (1 point).
- 2 points: the action is concrete and realistic, with a date or a frequency
  (1 point), and it builds trust through an exchange, shared work or a kept
  commitment (1 point). Only adding the person online, or sending a generic
  message, earns 0 for this part.
""")
nb.reflection("answer-reflection", 5, """
### BEGIN SOLUTION
*Example answer (numbers differ for each learner).* I chose person 212, a
project manager in the energy sector. We met at a networking event in 2024.
The tie is not a relation yet: it began only 2 years ago, which is enough,
but we exchange about once a year (the condition is 4 times a year) and the
reciprocity is 0.15 (the condition is 0.4): services have not gone both ways.
Next month I will send her a short summary of a report on energy prices that
she mentioned at the event, and suggest a coffee in the second half of the
month to hear about her current project. It fits this tie because it starts
regular exchanges and offers a service first, which is how reciprocity grows.
### END SOLUTION
""")
if __name__ == "__main__":
    print(nb.write())
