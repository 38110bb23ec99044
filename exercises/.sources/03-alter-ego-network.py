"""Builds exercises/03-alter-ego-network/03-alter-ego-network.ipynb (`python exercises/.sources/build.py`; a test checks the two agree)."""

from authoring import Notebook

A = "03-alter-ego-network"
PERSON = "min_strong=2, min_weak=8"
REF = f'''_G = ex.reference_population("{A}", n=500)
_me = ex.my_person(_G, "{A}", {PERSON})'''
ATTRS = '("sector", "region", "generation", "school")'

nb = Notebook(A)
nb.markdown("intro", f"""
# Exercise 03: The alter-ego network

This exercise goes with **Lesson 03: The alter-ego network**
(`course/{A}.ipynb`). You measure how much "you" resemble your contacts in a
simulated population, how varied your network is, and what a platform's
"people you may know" suggestions do to it.

**Your own data.** The population is built from your learner id: your
people, ties and numbers differ from those of every other learner. Compute
your answers from your own data; numbers copied from someone else are wrong
on your data.

**How it works.**

- Write each answer in the cell marked `# YOUR CODE HERE` (remove the line
  `raise NotImplementedError()`).
- Run the **self-check** cell under your answer: it gives no points, but if
  something is wrong it says what was expected, what it found, and gives a
  hint.
- When your work is graded, **hidden tests** check your answers on your own
  population. Passing the self-checks does not guarantee every point.
- Before you hand in: menu *Kernel*, then *Restart Kernel and Run All Cells*.

| Task | What | Points |
|---|---|---|
| 1 | Who looks like you? | 3 |
| 2 | Strong ties, weak ties and look-alikes | 3 |
| 3 | How varied is your network? | 5 |
| 4 | People you may know | 4 |
| 5 | Reflection (graded by your instructor) | 5 |
| | **Total** | **20** |

About 60 minutes.
""")
nb.markdown("setup-text", """
## Your population

Run the next cell first. It builds your population of 500 professionals in
France and chooses the person who is **you** (`me`) and another person for the
worked example (`example`). Each person has a `sector`, a `region`, a
`generation` (decade of birth) and a `school`, among other attributes.

If the cell says that no learner id is set, follow its instructions once, in
a separate notebook or a terminal (not in this one), then run it again.
""")
nb.setup("setup", f"""
import weakties
from weakties import exercises as ex

ASSIGNMENT = "{A}"
G = ex.my_population(ASSIGNMENT, n=500)
me = ex.my_person(G, ASSIGNMENT, {PERSON})
example = ex.my_person(G, ASSIGNMENT, role="example", exclude=[me])
ATTRIBUTES = {ATTRS}
STRONG = weakties.ties.STRONG_THRESHOLD   # a tie is strong from 0.5

print(f"Your population: {{G.number_of_nodes()}} people and {{G.number_of_edges()}} ties.")
print("You:", ex.describe_person(G, me))
""")
nb.markdown("example-text", """
## Worked example: comparing two people

The cell below compares the example person with one of their contacts, on
the four attributes of `ATTRIBUTES`, and counts how many they share. In this
course a contact is a **look-alike** (an *alter ego*) when they share **at
least 2** of these 4 attributes with you: a colleague (same sector, same
region) or a former classmate (same school, same generation).
""")
nb.example("example", """
other = sorted(G[example])[0]
same = 0
for attribute in ATTRIBUTES:
    a, b = G.nodes[example][attribute], G.nodes[other][attribute]
    print(f"{attribute:>10}: {a} / {b}", "(same)" if a == b else "")
    if a == b:
        same = same + 1
print("They share", same, "of the", len(ATTRIBUTES), "attributes.")
""")

# ---------------------------------------------------------------- task 1
nb.task("task-shared", """
## Task 1: Who looks like you? (3 points)

Make a dictionary `shared` whose keys are **all** your contacts and whose
values are the number of the four attributes of `ATTRIBUTES` (sector, region,
generation, school) that each contact shares with you: a whole number from 0
to 4. For example `{17: 2, 42: 0, ...}`.
""")
nb.answer("answer-shared", """
### BEGIN SOLUTION
shared = {}
for other in G[me]:
    shared[other] = sum(1 for attribute in ATTRIBUTES
                        if G.nodes[me][attribute] == G.nodes[other][attribute])
### END SOLUTION
print(sorted(shared.items())[:10])
""")
nb.selfcheck("selfcheck-shared", """
# Self-check (0 points): one whole number from 0 to 4 for each of your contacts.
_found = ex.answer("shared")
ex.check_mapping("shared", _found, dict.fromkeys(G[me], 0), keys_only=True,
                 what="a dictionary with one key for each of your contacts")
for _key, _value in _found.items():
    ex.check_type(f"shared[{_key!r}]", _value, "whole number")
    ex.check_between(f"shared[{_key!r}]", _value, 0, 4,
                     what="a number of shared attributes, out of 4")
print("Self-check passed.")
""")
nb.test("test-shared-keys", 1, f"""
# Hidden tests (1 point): one key for each of your contacts, and nobody else.
### BEGIN HIDDEN TESTS
{REF}
ex.check_mapping("shared", ex.answer("shared"), dict.fromkeys(_G[_me], 0), keys_only=True,
                 what="a dictionary with one key for each of your contacts")
### END HIDDEN TESTS
""")
nb.test("test-shared-values", 2, f"""
# Hidden tests (2 points): the attributes each contact shares with you.
### BEGIN HIDDEN TESTS
{REF}
_attrs = {ATTRS}
_mine = _G.nodes[_me]
_expected = {{_v: sum(1 for _a in _attrs
                      if _mine[_a] is not None and _mine[_a] == _G.nodes[_v][_a])
             for _v in _G[_me]}}
ex.check_mapping("shared", ex.answer("shared"), _expected,
                 what="for each contact, how many of sector, region, generation and school "
                      "they share with you",
                 hint="compare G.nodes[me][attribute] with G.nodes[other][attribute] for the "
                      "four attributes")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- task 2
nb.task("task-alike", """
## Task 2: Strong ties, weak ties and look-alikes (3 points)

A look-alike shares at least 2 of the 4 attributes with you.

- `alike_share`: a dictionary with two keys: `"strong"`, the share of your
  strong ties (strength at least 0.5) who are look-alikes, and `"weak"`, the
  share of your weak ties who are look-alikes. Each is a number between 0
  and 1.
- `more_alike`: `"strong"` if your strong ties hold a larger share of
  look-alikes than your weak ties, `"weak"` if it is the other way round.
  (If the two shares are equal, either answer is right.)
""")
nb.answer("answer-alike", """
### BEGIN SOLUTION
counts = {"strong": [0, 0], "weak": [0, 0]}   # [look-alikes, ties]
for other in G[me]:
    kind = "strong" if G[me][other]["strength"] >= STRONG else "weak"
    counts[kind][1] += 1
    if shared[other] >= 2:
        counts[kind][0] += 1
alike_share = {kind: alike / total for kind, (alike, total) in counts.items()}
more_alike = "strong" if alike_share["strong"] > alike_share["weak"] else "weak"
### END SOLUTION
print(alike_share, more_alike)
""")
nb.selfcheck("selfcheck-alike", """
# Self-check (0 points): two shares and a choice.
_found = ex.answer("alike_share")
ex.check_mapping("alike_share", _found, {"strong": 0, "weak": 0}, keys_only=True,
                 what="a dictionary with the keys 'strong' and 'weak'")
for _key, _value in _found.items():
    ex.check_between(f"alike_share[{_key!r}]", _value, 0, 1, what="a share",
                     hint="divide by the number of ties of that kind; do not multiply by 100")
ex.check_choice("more_alike", ex.answer("more_alike"), ["strong", "weak"],
                options=["strong", "weak"])
print("Self-check passed.")
""")
nb.test("test-alike-values", 2, f"""
# Hidden tests (2 points): the share of look-alikes among your strong and your weak ties.
### BEGIN HIDDEN TESTS
{REF}
_attrs = {ATTRS}
_mine = _G.nodes[_me]
_counts = {{"strong": [0, 0], "weak": [0, 0]}}
for _v, _d in _G[_me].items():
    _k = "strong" if _d["strength"] >= 0.5 else "weak"
    _same = sum(1 for _a in _attrs if _mine[_a] is not None and _mine[_a] == _G.nodes[_v][_a])
    _counts[_k][0] += _same >= 2
    _counts[_k][1] += 1
_expected = {{k: a / t for k, (a, t) in _counts.items()}}
ex.check_mapping("alike_share", ex.answer("alike_share"), _expected, tol=0.01,
                 what="the share of look-alikes among your strong ties and your weak ties",
                 hint="a look-alike shares at least 2 attributes; count separately the ties "
                      "of strength at least 0.5 and the others")
### END HIDDEN TESTS
""")
nb.test("test-alike-choice", 1, f"""
# Hidden tests (1 point): which kind of tie holds more people like you.
### BEGIN HIDDEN TESTS
{REF}
_attrs = {ATTRS}
_mine = _G.nodes[_me]
_counts = {{"strong": [0, 0], "weak": [0, 0]}}
for _v, _d in _G[_me].items():
    _k = "strong" if _d["strength"] >= 0.5 else "weak"
    _same = sum(1 for _a in _attrs if _mine[_a] is not None and _mine[_a] == _G.nodes[_v][_a])
    _counts[_k][0] += _same >= 2
    _counts[_k][1] += 1
_s, _w = (_counts[k][0] / _counts[k][1] for k in ("strong", "weak"))
_accept = ["strong"] if _s > _w else ["weak"] if _w > _s else ["strong", "weak"]
ex.check_choice("more_alike", ex.answer("more_alike"), _accept, options=["strong", "weak"],
                what="the kind of tie with the larger share of look-alikes, on your data")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- task 3
nb.task("task-variety", """
## Task 3: How varied is your network? (5 points)

Pick two **different** contacts of yours at random: what is the chance that
they work in different sectors? It measures how varied your network is (it is
a version of Blau's index of diversity, Blau 1977). For a list of `N` values in
which each category `k` appears `c_k` times:

    variety = 1 - (sum over k of c_k * (c_k - 1)) / (N * (N - 1))

It is 0 when everyone is alike, 1 when everyone differs. Take 0 for a list
of fewer than 2 values. For example, for `["bank", "bank", "tech", "tech"]`
it is `1 - (2*1 + 2*1) / (4*3) = 0.667`.

- **a.** Write a function `variety(values)` that returns this number for a
  list of values.
- **b.** `my_variety`: a dictionary giving the variety of your contacts'
  `"sector"`, `"region"` and `"generation"` (three keys).
- **c.** `least_varied`: which of these three attributes is the least varied
  among your contacts (the one with the lowest variety)?
""")
nb.answer("answer-variety", """
def variety(values):
    ### BEGIN SOLUTION
    values = list(values)
    n = len(values)
    if n < 2:
        return 0.0
    counts = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return 1 - sum(c * (c - 1) for c in counts.values()) / (n * (n - 1))
    ### END SOLUTION
""")
nb.answer("answer-variety-mine", """
### BEGIN SOLUTION
my_variety = {}
for attribute in ("sector", "region", "generation"):
    my_variety[attribute] = variety([G.nodes[other][attribute] for other in G[me]])
least_varied = min(my_variety, key=my_variety.get)
### END SOLUTION
print(my_variety, least_varied)
""")
nb.selfcheck("selfcheck-variety", """
# Self-check (0 points): the example of the task, and the form of your answers.
ex.check_function("variety", ex.answer("variety"), [
    ((["bank", "bank", "tech", "tech"],), 2 / 3, "['bank', 'bank', 'tech', 'tech']"),
    ((["bank", "bank", "bank"],), 0.0, "three values that are all alike"),
], tol=1e-6)
_found = ex.answer("my_variety")
ex.check_mapping("my_variety", _found, {"sector": 0, "region": 0, "generation": 0},
                 keys_only=True, what="a dictionary with the keys 'sector', 'region', 'generation'")
for _key, _value in _found.items():
    ex.check_between(f"my_variety[{_key!r}]", _value, 0, 1, what="a variety")
ex.check_choice("least_varied", ex.answer("least_varied"), ["sector", "region", "generation"],
                options=["sector", "region", "generation"])
print("Self-check passed.")
""")
nb.test("test-variety-function", 2, """
# Hidden tests (2 points): your function on more made-up lists, including the limits.
### BEGIN HIDDEN TESTS
ex.check_function("variety", ex.answer("variety"), [
    (([],), 0.0, "an empty list"),
    ((["bank"],), 0.0, "a list of one value"),
    ((["a", "b", "c"],), 1.0, "three different values"),
    ((["a", "a", "b"],), 2 / 3, "['a', 'a', 'b']"),
    ((["x"] * 5 + ["y"] * 3 + ["z"],), 1 - (20 + 6) / 72, "five x, three y and one z"),
    (((1990, 1990, 1980, 1970),), 1 - 2 / 12, "numbers instead of texts"),
], tol=1e-6, hint="count each value with a dictionary, and handle lists of fewer than 2 values")
### END HIDDEN TESTS
""")
nb.test("test-variety-mine", 2, f"""
# Hidden tests (2 points): the variety of your contacts, on your own population.
### BEGIN HIDDEN TESTS
{REF}
_expected = {{}}
for _a in ("sector", "region", "generation"):
    _c = {{}}
    for _v in _G[_me]:
        _c[_G.nodes[_v][_a]] = _c.get(_G.nodes[_v][_a], 0) + 1
    _n = _G.degree(_me)
    _expected[_a] = 1 - sum(k * (k - 1) for k in _c.values()) / (_n * (_n - 1))
ex.check_mapping("my_variety", ex.answer("my_variety"), _expected, tol=0.005,
                 what="the variety of your contacts' sectors, regions and generations",
                 hint="apply variety() to the list of your contacts' values of each attribute")
### END HIDDEN TESTS
""")
nb.test("test-variety-least", 1, f"""
# Hidden tests (1 point): the least varied attribute of your network.
### BEGIN HIDDEN TESTS
{REF}
_expected = {{}}
for _a in ("sector", "region", "generation"):
    _c = {{}}
    for _v in _G[_me]:
        _c[_G.nodes[_v][_a]] = _c.get(_G.nodes[_v][_a], 0) + 1
    _n = _G.degree(_me)
    _expected[_a] = 1 - sum(k * (k - 1) for k in _c.values()) / (_n * (_n - 1))
_low = min(_expected.values())
_best = [_a for _a, _x in _expected.items() if abs(_x - _low) < 1e-9]
ex.check_choice("least_varied", ex.answer("least_varied"), _best,
                options=["sector", "region", "generation"],
                what="the attribute with the lowest variety among your contacts")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- task 4
nb.markdown("recommend-text", f"""
## "People you may know": a simulation

Platforms suggest new contacts. The simulation `recommend` from
`weakties.scenarios` runs rounds of suggestions on a population and returns
the new ties in a table `new_ties` (one row per accepted suggestion; the
columns `person` and `suggested` hold the two people). The policy says who is
suggested: `"mutual"` suggests the person with the most contacts in common
(friends of friends), `"diverse"` suggests, among people two or three steps
away, the one who resembles you least.

The cell below runs both policies for three rounds on your population, with
your own seed, and shows the first new ties of the first one.
""")
nb.example("recommend", f"""
from weakties.scenarios import recommend

SEED = ex.my_seed(ASSIGNMENT, "recommend")
results = {{policy: recommend(G, policy=policy, rounds=3, seed=SEED)
           for policy in ("mutual", "diverse")}}
results["mutual"].new_ties.head()
""")
nb.task("task-suggest", """
## Task 4: People you may know (4 points)

Do suggestions open your world or close it?

- `cross_sector`: a dictionary with the keys `"mutual"` and `"diverse"`, giving
  for each policy the share of its new ties (`results[policy].new_ties`) that
  join two people of **different sectors**: a number between 0 and 1. Read
  the sectors in `G.nodes[person]["sector"]`.
- `opens_more`: the policy whose new ties cross sectors more often
  (`"mutual"` or `"diverse"`).

*Hint: `zip(table["person"], table["suggested"])` gives the pairs of a table.*
""")
nb.answer("answer-suggest", """
### BEGIN SOLUTION
cross_sector = {}
for policy, result in results.items():
    table = result.new_ties
    crossing = sum(1 for a, b in zip(table["person"], table["suggested"])
                   if G.nodes[a]["sector"] != G.nodes[b]["sector"])
    cross_sector[policy] = crossing / len(table)
opens_more = max(cross_sector, key=cross_sector.get)
### END SOLUTION
print(cross_sector, opens_more)
""")
nb.selfcheck("selfcheck-suggest", """
# Self-check (0 points): two shares and a choice.
_found = ex.answer("cross_sector")
ex.check_mapping("cross_sector", _found, {"mutual": 0, "diverse": 0}, keys_only=True,
                 what="a dictionary with the keys 'mutual' and 'diverse'")
for _key, _value in _found.items():
    ex.check_between(f"cross_sector[{_key!r}]", _value, 0, 1, what="a share",
                     hint="divide by the number of new ties; do not multiply by 100")
ex.check_choice("opens_more", ex.answer("opens_more"), ["mutual", "diverse"],
                options=["mutual", "diverse"])
print("Self-check passed.")
""")
nb.test("test-suggest-values", 3, f"""
# Hidden tests (3 points): the share of new ties across sectors, for each policy.
### BEGIN HIDDEN TESTS
{REF}
from weakties.scenarios import recommend as _recommend
_cross_expected = {{}}
for _policy in ("mutual", "diverse"):
    _t = _recommend(_G, policy=_policy, rounds=3, seed=ex.my_seed("{A}", "recommend")).new_ties
    _pairs = list(zip(_t["person"], _t["suggested"]))
    _cross_expected[_policy] = sum(_G.nodes[a]["sector"] != _G.nodes[b]["sector"]
                                   for a, b in _pairs) / len(_pairs)
ex.check_mapping("cross_sector", ex.answer("cross_sector"), _cross_expected, tol=0.01,
                 what="for each policy, the share of its new ties that join two sectors",
                 hint="count the pairs (person, suggested) whose sectors differ, and divide "
                      "by the number of rows of new_ties")
### END HIDDEN TESTS
""")
nb.test("test-suggest-choice", 1, """
# Hidden tests (1 point): the policy that opens your population to other sectors.
### BEGIN HIDDEN TESTS
# _cross_expected: computed by the test cell above, from your own population.
_best = [p for p, x in _cross_expected.items() if x == max(_cross_expected.values())]
ex.check_choice("opens_more", ex.answer("opens_more"), _best, options=["mutual", "diverse"],
                what="the policy whose new ties cross sectors more often")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- reflection
nb.rubric("task-reflection", """
## Task 5: Reflection (5 points, graded by your instructor)

In the cell below, in five to ten sentences:

1. Describe your network as your numbers show it: how many of your contacts
   look like you, which attribute is the least varied, and whether your strong
   or your weak ties hold more look-alikes.
2. Who is missing? Name two kinds of people (a sector, a generation, a region,
   a trade) that your network lacks and that would matter for your plans.
3. Say where and how you would meet them on purpose, and why waiting for
   "people you may know" suggestions would not bring them.

**Rubric (5 points)**

- 1 point: the description uses your own results (at least two of: share of
  look-alikes, least varied attribute, strong against weak ties).
- 2 points: two kinds of missing people, each linked to a professional reason
  (1 point each).
- 2 points: concrete places or actions to meet them (an association, an event,
  a professional group, an introduction; 1 point), and the reason suggestions
  do not help, from task 4 or the lesson: they follow mutual contacts and
  resemblance, which closes the circle (1 point).
""")
nb.reflection("answer-reflection", 5, """
### BEGIN SOLUTION
*Example answer (numbers differ for each learner).* About half of my contacts
share at least two attributes with me, and my strong ties hold more
look-alikes (70%) than my weak ties (45%). The least varied attribute is the
region: almost everyone lives in Île-de-France. My network lacks people from
industry, where I would like to work as a buyer, and people of the 1960s
generation, who hold many decision posts. I would join the regional
purchasing managers' association and go to its monthly breakfasts, and ask a
former teacher to introduce me to two buyers in industry. Suggestions would
not bring them: in my simulation the "mutual" policy crossed sectors in only
a third of its new ties, because it proposes friends of my friends, who
resemble me.
### END SOLUTION
""")
if __name__ == "__main__":
    print(nb.write())
