"""Builds exercises/02-strong-and-weak-ties/02-strong-and-weak-ties.ipynb (`python exercises/.sources/build.py`; a test checks the two agree)."""

from authoring import Notebook

A = "02-strong-and-weak-ties"
PERSON = "min_strong=3, min_weak=8, min_local_bridges=3"
REF = f'''_G = ex.reference_population("{A}", n=600)
_me = ex.my_person(_G, "{A}", {PERSON})'''

nb = Notebook(A)
nb.markdown("intro", f"""
# Exercise 02: Strong and weak ties

This exercise goes with **Lesson 02: Strong and weak ties**
(`course/{A}.ipynb`). You measure the ties of "you" in a simulated population:
how often you see each contact, how many contacts you share with them, which
of your ties are local bridges to other worlds, and what you would lose
without your weak ties.

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
| 1 | How often you see your contacts | 3 |
| 2 | Contacts you share | 3 |
| 3 | Do your strong ties share your world? | 3 |
| 4 | Local bridges: which one would you keep? | 4 |
| 5 | What your weak ties bring | 2 |
| 6 | Reflection (graded by your instructor) | 5 |
| | **Total** | **20** |

About 60 minutes.
""")
nb.markdown("setup-text", """
## Your population

Run the next cell first. It builds your population of 600 professionals in
France and chooses the person who is **you** (`me`) and another person for the
worked examples (`example`). In this course a tie is **strong** when its
`strength` is at least 0.5 (`weakties.ties.STRONG_THRESHOLD`), **weak**
otherwise.

If the cell says that no learner id is set, follow its instructions once, in
a separate notebook or a terminal (not in this one), then run it again.
""")
nb.setup("setup", f"""
import weakties
from weakties import exercises as ex

ASSIGNMENT = "{A}"
G = ex.my_population(ASSIGNMENT, n=600)
me = ex.my_person(G, ASSIGNMENT, {PERSON})
example = ex.my_person(G, ASSIGNMENT, role="example", exclude=[me])
STRONG = weakties.ties.STRONG_THRESHOLD   # 0.5

n_strong = sum(1 for other in G[me] if G[me][other]["strength"] >= STRONG)
print(f"Your population: {{G.number_of_nodes()}} people and {{G.number_of_edges()}} ties.")
print("You:", ex.describe_person(G, me))
print(f"You have {{n_strong}} strong ties and {{G.degree(me) - n_strong}} weak ties.")
""")
nb.markdown("example-text", """
## Worked example: frequency, shared contacts, overlap

For the example person and one of their contacts, the cell below shows:

- the **frequency band** of a tie (Granovetter 1974): `"often"` (twice a week
  or more, 104 exchanges a year or more), `"rarely"` (once a year or less) or
  `"occasionally"` (in between), given by `weakties.ties.frequency_band`;
- the **mutual contacts** of a tie: the people both ends know,
  `set(G[a]) & set(G[b])`;
- the **overlap** of a tie (Onnela et al. 2007): the share of their other
  contacts that the two people have in common, given by
  `weakties.ties.overlap(G, a, b)`. It is 0 when they share nobody, 1 when
  they share everybody.
""")
nb.example("example", """
other = sorted(G[example])[0]
tie = G[example][other]
print("Tie between", example, "and", other)
print("  exchanges a year:", tie["frequency"], "->", weakties.ties.frequency_band(tie["frequency"]))
shared = set(G[example]) & set(G[other])
print("  mutual contacts:", len(shared), sorted(shared))
print("  overlap:", round(weakties.ties.overlap(G, example, other), 3))
print("  strength:", round(tie["strength"], 2),
      "(strong)" if tie["strength"] >= STRONG else "(weak)")
""")

# ---------------------------------------------------------------- task 1
nb.task("task-bands", """
## Task 1: How often you see your contacts (3 points)

Count **your** ties by frequency band. Store the result in a dictionary
`bands` with exactly the three keys `"often"`, `"occasionally"` and
`"rarely"`, whose values are numbers of ties (write 0 for a band without
ties). For example `{"often": 2, "occasionally": 20, "rarely": 6}`.
""")
nb.answer("answer-bands", """
### BEGIN SOLUTION
bands = {"often": 0, "occasionally": 0, "rarely": 0}
for other in G[me]:
    bands[weakties.ties.frequency_band(G[me][other]["frequency"])] += 1
### END SOLUTION
print(bands)
""")
nb.selfcheck("selfcheck-bands", """
# Self-check (0 points): three bands that count each of your ties once.
_found = ex.answer("bands")
ex.check_mapping("bands", _found, {"often": 0, "occasionally": 0, "rarely": 0}, keys_only=True,
                 what="a dictionary with the keys 'often', 'occasionally' and 'rarely'")
for _key, _value in _found.items():
    ex.check_type(f"bands[{_key!r}]", _value, "whole number")
ex.check_equal("sum of the values of bands", sum(_found.values()), G.degree(me),
               what="your number of ties", hint="count each of your ties in one band")
print("Self-check passed.")
""")
nb.test("test-bands-form", 1, f"""
# Hidden tests (1 point): the three bands, adding up to your number of ties.
### BEGIN HIDDEN TESTS
{REF}
_found = ex.answer("bands")
ex.check_mapping("bands", _found, {{"often": 0, "occasionally": 0, "rarely": 0}}, keys_only=True,
                 what="a dictionary with the keys 'often', 'occasionally' and 'rarely'")
ex.check_equal("sum of the values of bands", sum(_found.values()), _G.degree(_me),
               what="your number of ties", reveal=False)
### END HIDDEN TESTS
""")
nb.test("test-bands-values", 2, f"""
# Hidden tests (2 points): the count in each band, on your own population.
### BEGIN HIDDEN TESTS
{REF}
_expected = {{"often": 0, "occasionally": 0, "rarely": 0}}
for _d in _G[_me].values():
    _f = _d["frequency"]
    _expected["often" if _f >= 104 else "rarely" if _f <= 1 else "occasionally"] += 1
ex.check_mapping("bands", ex.answer("bands"), _expected,
                 what="the number of your ties in each band, on your own population",
                 hint="'often' means at least twice a week (104 times a year), 'rarely' once "
                      "a year or less")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- task 2
nb.task("task-mutual", """
## Task 2: Contacts you share (3 points)

The number of **mutual contacts** of a tie is a measure of its *structural*
strength. In a randomised experiment on some 20 million LinkedIn members,
Rajkumar and colleagues (Science, 2022) found that moderately weak ties were
the most likely to lead to a new job: the chance rose with the number of
mutual contacts up to about 10, and fell after.

Make a dictionary `mutual` whose keys are **all** your contacts and whose
values are the number of contacts you share with each of them. For example
`{17: 3, 42: 0, ...}`.
""")
nb.answer("answer-mutual", """
### BEGIN SOLUTION
mutual = {}
for other in G[me]:
    mutual[other] = len(set(G[me]) & set(G[other]))
### END SOLUTION
print(sorted(mutual.items())[:10])
""")
nb.selfcheck("selfcheck-mutual", """
# Self-check (0 points): one whole number for each of your contacts.
_found = ex.answer("mutual")
ex.check_mapping("mutual", _found, dict.fromkeys(G[me], 0), keys_only=True,
                 what="a dictionary with one key for each of your contacts")
for _key, _value in _found.items():
    ex.check_type(f"mutual[{_key!r}]", _value, "whole number")
    ex.check_between(f"mutual[{_key!r}]", _value, 0, G.degree(me) - 1,
                     what="a number of contacts you share with one person",
                     hint="count the people who are both your contacts and theirs")
print("Self-check passed.")
""")
nb.test("test-mutual-keys", 1, f"""
# Hidden tests (1 point): one key for each of your contacts, and nobody else.
### BEGIN HIDDEN TESTS
{REF}
ex.check_mapping("mutual", ex.answer("mutual"), dict.fromkeys(_G[_me], 0), keys_only=True,
                 what="a dictionary with one key for each of your contacts")
### END HIDDEN TESTS
""")
nb.test("test-mutual-values", 2, f"""
# Hidden tests (2 points): the number of mutual contacts of each of your ties.
### BEGIN HIDDEN TESTS
{REF}
_mine = set(_G[_me])
_expected = {{_v: sum(1 for _w in _G[_v] if _w in _mine) for _v in _mine}}
ex.check_mapping("mutual", ex.answer("mutual"), _expected,
                 what="for each contact, the number of contacts you share with them",
                 hint="set(G[me]) & set(G[other]) holds the people you both know")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- task 3
nb.task("task-overlap", """
## Task 3: Do your strong ties share your world? (3 points)

Onnela and colleagues (PNAS, 2007) found that the stronger a tie, the more the
two people's contacts overlap: strong ties sit inside a shared world.

- `mean_overlap`: a dictionary with two keys, `"strong"`: the average overlap
  of your strong ties, and `"weak"`: the average overlap of your weak ties.
  Use `weakties.ties.overlap(G, me, other)` for the overlap of one tie.
- `strong_overlap_more`: `True` if, in your network, your strong ties overlap
  more on average than your weak ties, `False` otherwise.
""")
nb.answer("answer-overlap", """
### BEGIN SOLUTION
strong_values, weak_values = [], []
for other in G[me]:
    value = weakties.ties.overlap(G, me, other)
    if G[me][other]["strength"] >= STRONG:
        strong_values.append(value)
    else:
        weak_values.append(value)
mean_overlap = {"strong": sum(strong_values) / len(strong_values),
                "weak": sum(weak_values) / len(weak_values)}
strong_overlap_more = mean_overlap["strong"] > mean_overlap["weak"]
### END SOLUTION
print(mean_overlap, strong_overlap_more)
""")
nb.selfcheck("selfcheck-overlap", """
# Self-check (0 points): two averages between 0 and 1, and True or False.
_found = ex.answer("mean_overlap")
ex.check_mapping("mean_overlap", _found, {"strong": 0, "weak": 0}, keys_only=True,
                 what="a dictionary with the keys 'strong' and 'weak'")
for _key, _value in _found.items():
    ex.check_between(f"mean_overlap[{_key!r}]", _value, 0, 1, what="an average overlap",
                     hint="an overlap is between 0 and 1, and so is an average of overlaps")
ex.check_type("strong_overlap_more", ex.answer("strong_overlap_more"), "true or false")
print("Self-check passed.")
""")
nb.test("test-overlap-values", 2, f"""
# Hidden tests (2 points): the average overlap of your strong and of your weak ties.
### BEGIN HIDDEN TESTS
{REF}
_sums = {{"strong": [0.0, 0], "weak": [0.0, 0]}}
for _v, _d in _G[_me].items():
    _n = len(set(_G[_me]) & set(_G[_v]))
    _den = (_G.degree(_me) - 1) + (_G.degree(_v) - 1) - _n
    _kind = "strong" if _d["strength"] >= 0.5 else "weak"
    _sums[_kind][0] += _n / _den if _den > 0 else 0.0
    _sums[_kind][1] += 1
_expected = {{k: s / c for k, (s, c) in _sums.items()}}
ex.check_mapping("mean_overlap", ex.answer("mean_overlap"), _expected, tol=0.005,
                 what="the average overlap of your strong ties and of your weak ties",
                 hint="a tie is strong when its strength is at least 0.5; divide each sum "
                      "by the number of ties of that kind")
### END HIDDEN TESTS
""")
nb.test("test-overlap-choice", 1, f"""
# Hidden tests (1 point): what your own numbers say.
### BEGIN HIDDEN TESTS
{REF}
_sums = {{"strong": [0.0, 0], "weak": [0.0, 0]}}
for _v, _d in _G[_me].items():
    _n = len(set(_G[_me]) & set(_G[_v]))
    _den = (_G.degree(_me) - 1) + (_G.degree(_v) - 1) - _n
    _kind = "strong" if _d["strength"] >= 0.5 else "weak"
    _sums[_kind][0] += _n / _den if _den > 0 else 0.0
    _sums[_kind][1] += 1
_strong, _weak = (_sums[k][0] / _sums[k][1] for k in ("strong", "weak"))
_found = ex.answer("strong_overlap_more")
ex.check_type("strong_overlap_more", _found, "true or false")
ex.check_choice("strong_overlap_more", bool(_found), [_strong > _weak], options=[True, False],
                what="whether your strong ties overlap more than your weak ties, on your data",
                hint="compare the two averages of mean_overlap")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- task 4
nb.task("task-bridges", """
## Task 4: Local bridges: which one would you keep? (4 points)

A tie is a **local bridge** when its two ends have **no contact in common**
(Granovetter 1973): it is the shortest way between two worlds. Everyone your
contact knows (apart from you) is then someone you do not know: the tie
*opens* them to you.

- `my_bridges`: the list of your contacts to whom you are tied by a local
  bridge, ranked by the number of people each one opens to you (their number
  of contacts, you excluded), **the largest first**. Your answer to task 2 helps.
- `keep`: if you could keep only one of these bridges, to hear about openings
  **outside your own sector**, keep the one that opens the most people who work
  in another sector than yours (`G.nodes[p]["sector"]`). Store that person's
  number. If several bridges open the same largest number, any of them is
  right.
""")
nb.answer("answer-bridges", """
### BEGIN SOLUTION
my_bridges = [other for other in G[me] if mutual[other] == 0]
my_bridges = sorted(my_bridges, key=lambda other: G.degree(other) - 1, reverse=True)
my_sector = G.nodes[me]["sector"]
outside = {}
for other in my_bridges:
    outside[other] = sum(1 for p in G[other] if p != me and G.nodes[p]["sector"] != my_sector)
keep = max(my_bridges, key=lambda other: outside[other])
### END SOLUTION
print("bridges:", my_bridges, "keep:", keep)
""")
nb.selfcheck("selfcheck-bridges", """
# Self-check (0 points): a list of your contacts, and one of them to keep.
_found = ex.answer("my_bridges")
ex.check_type("my_bridges", _found, "list")
for _p in _found:
    ex.check_person("my_bridges", _p, G, among=G[me], what="one of your contacts")
ex.check_person("keep", ex.answer("keep"), G, among=_found, what="one of your local bridges")
print("Self-check passed.")
""")
nb.test("test-bridges-set", 2, f"""
# Hidden tests (2 points): the people tied to you by a local bridge.
### BEGIN HIDDEN TESTS
{REF}
_mine = set(_G[_me])
_expected = [_v for _v in _mine if not (_mine & (set(_G[_v]) - {{_me}}))]
ex.check_items("my_bridges", ex.answer("my_bridges"), _expected,
               what="your contacts with whom you share no contact",
               hint="a local bridge is a tie with 0 mutual contacts")
### END HIDDEN TESTS
""")
nb.test("test-bridges-order", 1, f"""
# Hidden tests (1 point): ranked by the number of people each one opens, largest first.
### BEGIN HIDDEN TESTS
{REF}
_found = ex.answer("my_bridges")
ex.check_type("my_bridges", _found, "list")
for _p in _found:
    ex.check_person("my_bridges", _p, _G, among=_G[_me], what="one of your contacts")
ex.check_order("my_bridges", _found, lambda p: _G.degree(p) - 1,
               what="the bridge that opens the most people first",
               hint="sort by the number of contacts of each bridge, with reverse=True")
### END HIDDEN TESTS
""")
nb.test("test-bridges-keep", 1, f"""
# Hidden tests (1 point): the bridge that opens the most people outside your sector.
### BEGIN HIDDEN TESTS
{REF}
_mine = set(_G[_me])
_sector = _G.nodes[_me]["sector"]
_bridges = [_v for _v in _mine if not (_mine & (set(_G[_v]) - {{_me}}))]
_opens = {{_b: sum(1 for _p in _G[_b] if _p != _me and _G.nodes[_p]["sector"] != _sector)
          for _b in _bridges}}
_best = [_b for _b in _bridges if _opens[_b] == max(_opens.values())]
ex.check_person("keep", ex.answer("keep"), _G, among=_G[_me], what="one of your contacts")
ex.check_choice("keep", ex.answer("keep"), _best,
                what="the local bridge that opens the most people outside your sector",
                hint="for each bridge, count their contacts (not you) whose sector differs "
                     "from yours")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- task 5
nb.task("task-reach", """
## Task 5: What your weak ties bring (2 points)

The people **within two steps** of you are your contacts and their contacts
(you excluded). Imagine that you keep only your **strong** ties (the ties
of other people do not change).

- `reach_strong_only`: how many people would still be within two steps of you
  (your strong contacts, and their contacts, you excluded).
- `lost_share`: the share of the people within two steps of you today that you
  would no longer reach in two steps: a number between 0 and 1.
""")
nb.answer("answer-reach", """
### BEGIN SOLUTION
reach_all = set(G[me])
for other in G[me]:
    reach_all |= set(G[other])
reach_all.discard(me)
strong_contacts = [other for other in G[me] if G[me][other]["strength"] >= STRONG]
reach_strong = set(strong_contacts)
for other in strong_contacts:
    reach_strong |= set(G[other])
reach_strong.discard(me)
reach_strong_only = len(reach_strong)
lost_share = len(reach_all - reach_strong) / len(reach_all)
### END SOLUTION
print(reach_strong_only, lost_share)
""")
nb.selfcheck("selfcheck-reach", """
# Self-check (0 points): a whole number and a share.
ex.check_type("reach_strong_only", ex.answer("reach_strong_only"), "whole number")
ex.check_between("reach_strong_only", ex.answer("reach_strong_only"), 1,
                 G.number_of_nodes() - 1, what="a number of people")
ex.check_between("lost_share", ex.answer("lost_share"), 0, 1, what="a share",
                 hint="divide by the number of people within two steps; do not multiply by 100")
print("Self-check passed.")
""")
nb.test("test-reach-strong", 1, f"""
# Hidden tests (1 point): the people still within two steps through your strong ties.
### BEGIN HIDDEN TESTS
{REF}
_strong = [_v for _v, _d in _G[_me].items() if _d["strength"] >= 0.5]
_reach = set(_strong).union(*(set(_G[_v]) for _v in _strong)) - {{_me}}
ex.check_equal("reach_strong_only", ex.answer("reach_strong_only"), len(_reach),
               what="the number of people within two steps through your strong ties only",
               reveal=False, hint="count your strong contacts and their contacts, once each, "
                                  "without you")
### END HIDDEN TESTS
""")
nb.test("test-reach-lost", 1, f"""
# Hidden tests (1 point): the share of your two-step world that depends on weak ties.
### BEGIN HIDDEN TESTS
{REF}
_all = set(_G[_me]).union(*(set(_G[_v]) for _v in _G[_me])) - {{_me}}
_strong = [_v for _v, _d in _G[_me].items() if _d["strength"] >= 0.5]
_reach = set(_strong).union(*(set(_G[_v]) for _v in _strong)) - {{_me}}
ex.check_close("lost_share", ex.answer("lost_share"), len(_all - _reach) / len(_all), tol=0.01,
               what="the share of the people within two steps that only weak ties reach",
               reveal=False, hint="people within two steps today, minus those still reached, "
                                  "divided by people within two steps today")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- reflection
nb.rubric("task-reflection", """
## Task 6: Reflection (5 points, graded by your instructor)

Look at your local bridges (task 4) and at what your weak ties bring
(task 5). In the cell below, in five to ten sentences:

1. Which one of your local bridges would you keep if you could keep only one,
   and why? Say what this person opens to you (how many people, which
   sectors), using your numbers.
2. What can this weak tie bring you that your strong ties cannot? Use the
   ideas of the lesson (new information, a shared world, structural holes).
3. How would you approach this person about a job search: what would you ask
   for, and what would you not ask for?

**Rubric (5 points)**

- 1 point: names one of your local bridges and what it opens, with numbers
  from your data (people opened, sectors).
- 2 points: explains the value of the weak tie (1 point: new, non-redundant
  information from another world, since you share no contact), and contrasts
  it with strong ties, which share your world (1 point), using your own
  results (overlap, reach lost).
- 2 points: a realistic approach (1 point) that asks for information, advice
  or an introduction rather than directly for a job, and says why (1 point:
  strong emotional stakes are absent, but trust must be built first).
""")
nb.reflection("answer-reflection", 5, """
### BEGIN SOLUTION
*Example answer (numbers differ for each learner).* I would keep person 526,
a sales manager in retail: we share no contact, and she opens 28 people, 23
of them outside my sector. My strong ties overlap more (0.10 against 0.05 for
my weak ties): they know the same people as I do, so they hear the same
news. Without my weak ties I would lose about 60% of the people within two
steps of me. This bridge gives me access to information from another world.
I would not ask her for a job: I would ask for twenty minutes of advice on
how hiring works in retail, and whether someone in her network could tell me
more about a specific company. That request is easy to accept and starts an
exchange in which I can also offer something.
### END SOLUTION
""")
if __name__ == "__main__":
    print(nb.write())
