"""Builds exercises/04-silos-and-bridges/04-silos-and-bridges.ipynb (`python exercises/.sources/build.py`; a test checks the two agree)."""

from authoring import Notebook

A = "04-silos-and-bridges"
PERSON = "min_strong=2, max_ties=35"
REF = f'''_G = ex.reference_population("{A}", n=500)
_me = ex.my_person(_G, "{A}", {PERSON})'''

nb = Notebook(A)
nb.markdown("intro", f"""
# Exercise 04: Silos and bridges

This exercise goes with **Lesson 04: Silos and bridges**
(`course/{A}.ipynb`). You measure how closed the network of "you" is, piece
by piece (Burt's constraint), how much of it stays inside your own sector,
and who among your contacts could broker between your world and a sector
where you know almost nobody.

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
| 1 | Where you invest your time | 3 |
| 2 | Constraint, piece by piece | 4 |
| 3 | How closed is your sector? | 3 |
| 4 | A broker to another world | 5 |
| 5 | Reflection (graded by your instructor) | 5 |
| | **Total** | **20** |

About 60 minutes.
""")
nb.markdown("setup-text", """
## Your population

Run the next cell first. It builds your population of 500 professionals in
France, chooses the person who is **you** (`me`), and draws for you a
`TARGET` sector: another sector where you know at most one person, the
"other world" of task 4.

If the cell says that no learner id is set, follow its instructions once, in
a separate notebook or a terminal (not in this one), then run it again.
""")
nb.setup("setup", f"""
import weakties
from weakties import exercises as ex

ASSIGNMENT = "{A}"
G = ex.my_population(ASSIGNMENT, n=500)
me = ex.my_person(G, ASSIGNMENT, {PERSON})
MY_SECTOR = G.nodes[me]["sector"]

# TARGET: a sector where you know at most one person, and that some of your
# contacts know well (drawn for you among such sectors).
sectors = sorted({{G.nodes[p]["sector"] for p in G}})
known = {{s: sum(1 for o in G[me] if G.nodes[o]["sector"] == s) for s in sectors}}
far = [s for s in sectors if s != MY_SECTOR and known[s] <= 1]
reachable = [s for s in far
             if any(sum(1 for p in G[o] if p != me and G.nodes[p]["sector"] == s) >= 2
                    for o in G[me])]
TARGET = ex.my_pick(ASSIGNMENT, reachable or far, role="target")

print(f"Your population: {{G.number_of_nodes()}} people and {{G.number_of_edges()}} ties.")
print("You:", ex.describe_person(G, me))
print("Your target sector:", TARGET, f"(you know {{known[TARGET]}} person there)")
""")
nb.markdown("example-text", """
## Worked example: Burt's constraint on a small network

Burt (1992) measures how **closed** a person's network is with *constraint*.
For a person `i`, let `p[i][j]` be the share of `i`'s time and energy invested
in contact `j`: the strength of the tie `i`-`j` divided by the sum of the
strengths of all `i`'s ties. Then

    constraint(i) = sum over i's contacts j of (p[i][j] + indirect[j]) ** 2
    indirect[j]   = sum over i's other contacts q of p[i][q] * p[q][j]

`indirect[j]` is how much `i` is tied to `j` *through* other contacts: it is
large when `i`'s contacts all know `j`. A closed circle gives a high
constraint; a person who links people who do not know each other (a
**broker** across *structural holes*) has a low constraint. Burt (2004)
found that managers with low constraint received better evaluations,
salaries and promotions.

The cell below computes it by hand on a small network: Ana is tied to Bo, Cy
and Dee; Bo and Cy know each other, Dee knows neither. Note that `p[q][j]` is
computed over **all** of `q`'s ties, not only those inside Ana's network.
""")
nb.example("example", """
import networkx as nx

small = nx.Graph()
small.add_edge("Ana", "Bo", strength=0.8)
small.add_edge("Ana", "Cy", strength=0.4)
small.add_edge("Ana", "Dee", strength=0.4)
small.add_edge("Bo", "Cy", strength=0.5)
small.add_edge("Cy", "Eve", strength=0.5)


total_ana = sum(small["Ana"][x]["strength"] for x in small["Ana"])
for j in small["Ana"]:
    direct = small["Ana"][j]["strength"] / total_ana           # p[Ana][j]
    through = 0.0                                                # indirect[j]
    for q in small["Ana"]:
        if q != j and small.has_edge(q, j):
            total_q = sum(small[q][x]["strength"] for x in small[q])
            through += (small["Ana"][q]["strength"] / total_ana) * (small[q][j]["strength"] / total_q)
    print(f"{j}: direct {direct:.3f}, indirect {through:.3f}, term {(direct + through) ** 2:.3f}")
""")

# ---------------------------------------------------------------- task 1
nb.task("task-invest", """
## Task 1: Where you invest your time (3 points)

Make a dictionary `invest` whose keys are **all** your contacts and whose
values are `p[me][j]`: the strength of your tie to `j` divided by the sum of the
strengths of all your ties. The values add up to 1.
""")
nb.answer("answer-invest", """
### BEGIN SOLUTION
total = sum(G[me][other]["strength"] for other in G[me])
invest = {other: G[me][other]["strength"] / total for other in G[me]}
### END SOLUTION
print(sorted(invest.items(), key=lambda item: -item[1])[:5])
""")
nb.selfcheck("selfcheck-invest", """
# Self-check (0 points): one share for each of your contacts, adding up to 1.
_found = ex.answer("invest")
ex.check_mapping("invest", _found, dict.fromkeys(G[me], 0), keys_only=True,
                 what="a dictionary with one key for each of your contacts")
for _key, _value in _found.items():
    ex.check_between(f"invest[{_key!r}]", _value, 0, 1, what="a share")
ex.check_close("sum of the values of invest", sum(_found.values()), 1.0, tol=1e-6,
               hint="divide each strength by the sum of the strengths of all your ties")
print("Self-check passed.")
""")
nb.test("test-invest-form", 1, f"""
# Hidden tests (1 point): one share for each of your contacts, adding up to 1.
### BEGIN HIDDEN TESTS
{REF}
_found = ex.answer("invest")
ex.check_mapping("invest", _found, dict.fromkeys(_G[_me], 0), keys_only=True,
                 what="a dictionary with one key for each of your contacts")
ex.check_close("sum of the values of invest", sum(_found.values()), 1.0, tol=1e-6)
### END HIDDEN TESTS
""")
nb.test("test-invest-values", 2, f"""
# Hidden tests (2 points): the share invested in each contact.
### BEGIN HIDDEN TESTS
{REF}
_total = sum(_d["strength"] for _d in _G[_me].values())
_expected = {{_v: _d["strength"] / _total for _v, _d in _G[_me].items()}}
ex.check_mapping("invest", ex.answer("invest"), _expected, tol=5e-4,
                 what="for each contact, the strength of your tie divided by the sum of your "
                      "strengths",
                 hint="weigh ties by their strength, not one each")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- task 2
nb.task("task-constraint", """
## Task 2: Constraint, piece by piece (4 points)

- `indirect`: a dictionary whose keys are all your contacts `j` and whose
  values are `indirect[j]`, the sum over your **other** contacts `q` of
  `invest[q] * p[q][j]`, where `p[q][j]` is the strength of the tie `q`-`j`
  divided by the sum of the strengths of **all** `q`'s ties (0 if `q` and `j`
  are not tied). The worked example shows how to compute it.
- `my_constraint`: your constraint, the sum over your contacts `j` of
  `(invest[j] + indirect[j]) ** 2`, computed from your two dictionaries.
""")
nb.answer("answer-constraint", """
### BEGIN SOLUTION
totals = {q: sum(G[q][x]["strength"] for x in G[q]) for q in G[me]}
indirect = {}
for j in G[me]:
    indirect[j] = 0.0
    for q in G[me]:
        if q != j and G.has_edge(q, j):
            indirect[j] += invest[q] * G[q][j]["strength"] / totals[q]
my_constraint = sum((invest[j] + indirect[j]) ** 2 for j in G[me])
### END SOLUTION
print("constraint:", round(my_constraint, 3))
""")
nb.selfcheck("selfcheck-constraint", """
# Self-check (0 points): the form of your answers.
_found = ex.answer("indirect")
ex.check_mapping("indirect", _found, dict.fromkeys(G[me], 0), keys_only=True,
                 what="a dictionary with one key for each of your contacts")
for _key, _value in _found.items():
    ex.check_between(f"indirect[{_key!r}]", _value, 0, 1, what="an indirect share")
ex.check_between("my_constraint", ex.answer("my_constraint"), 0, 4,
                 what="a constraint (a small positive number)")
print("Self-check passed.")
""")
nb.test("test-constraint-indirect", 2, f"""
# Hidden tests (2 points): how much you are tied to each contact through the others.
### BEGIN HIDDEN TESTS
{REF}
_strength = {{_v: sum(_d["strength"] for _d in _G[_v].values()) for _v in list(_G[_me]) + [_me]}}
_p_me = {{_q: _G[_me][_q]["strength"] / _strength[_me] for _q in _G[_me]}}
_indirect_expected = dict.fromkeys(_G[_me], 0.0)
for _q in _G[_me]:
    for _j, _d in _G[_q].items():
        if _j in _indirect_expected and _j != _q:
            _indirect_expected[_j] += _p_me[_q] * _d["strength"] / _strength[_q]
_constraint_expected = sum((_p_me[_j] + _indirect_expected[_j]) ** 2 for _j in _G[_me])
ex.check_mapping("indirect", ex.answer("indirect"), _indirect_expected, tol=5e-4,
                 what="for each contact j, the sum over your other contacts q of "
                      "invest[q] * p[q][j]",
                 hint="p[q][j] divides by the sum of the strengths of ALL of q's ties, not "
                      "only of those inside your network")
### END HIDDEN TESTS
""")
nb.test("test-constraint-total", 2, """
# Hidden tests (2 points): your constraint, from your own two dictionaries.
### BEGIN HIDDEN TESTS
# _constraint_expected: computed by the test cell above, from your own population.
_found = ex.answer("my_constraint")
ex.check_close("my_constraint", _found, _constraint_expected, tol=0.005,
               what="your constraint, on your own population", reveal=False,
               hint="add, over your contacts, the squares of invest[j] + indirect[j]")
_invest, _indirect = ex.answer("invest"), ex.answer("indirect")
ex.check_close("my_constraint", _found,
               sum((_invest[j] + _indirect[j]) ** 2 for j in _indirect), tol=0.005,
               what="the constraint computed from your dictionaries invest and indirect",
               reveal=False, hint="compute my_constraint from invest and indirect")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- task 3
nb.task("task-silo", """
## Task 3: How closed is your sector? (3 points)

The **E-I index** (Krackhardt and Stern 1988) measures how much a person's
ties stay inside their own group: with `E` the number of ties to people of
another group (external) and `I` the number of ties inside one's own group
(internal),

    E-I index = (E - I) / (E + I)

It is -1 when all ties stay inside the group (a silo), +1 when all go
outside.

- `ei`: a dictionary with the keys `"sector"` and `"region"`, giving your E-I
  index when the group is your sector, and when it is your region.
- `more_closed`: the attribute (`"sector"` or `"region"`) by which your network
  is more closed, that is with the **lower** E-I index. If the two are equal,
  either answer is right.
""")
nb.answer("answer-silo", """
### BEGIN SOLUTION
ei = {}
for attribute in ("sector", "region"):
    inside = sum(1 for o in G[me] if G.nodes[o][attribute] == G.nodes[me][attribute])
    outside = G.degree(me) - inside
    ei[attribute] = (outside - inside) / (outside + inside)
more_closed = min(ei, key=ei.get)
### END SOLUTION
print(ei, more_closed)
""")
nb.selfcheck("selfcheck-silo", """
# Self-check (0 points): two indices between -1 and 1, and a choice.
_found = ex.answer("ei")
ex.check_mapping("ei", _found, {"sector": 0, "region": 0}, keys_only=True,
                 what="a dictionary with the keys 'sector' and 'region'")
for _key, _value in _found.items():
    ex.check_between(f"ei[{_key!r}]", _value, -1, 1, what="an E-I index")
ex.check_choice("more_closed", ex.answer("more_closed"), ["sector", "region"],
                options=["sector", "region"])
print("Self-check passed.")
""")
nb.test("test-silo-values", 2, f"""
# Hidden tests (2 points): your E-I index by sector and by region.
### BEGIN HIDDEN TESTS
{REF}
_ei_expected = {{}}
for _a in ("sector", "region"):
    _in = sum(1 for _o in _G[_me] if _G.nodes[_o][_a] == _G.nodes[_me][_a])
    _ei_expected[_a] = (_G.degree(_me) - 2 * _in) / _G.degree(_me)
ex.check_mapping("ei", ex.answer("ei"), _ei_expected, tol=0.005,
                 what="(E - I) / (E + I) for your sector and for your region",
                 hint="I counts your ties to people of your own group, E all the others")
### END HIDDEN TESTS
""")
nb.test("test-silo-choice", 1, """
# Hidden tests (1 point): the attribute by which your network is more closed.
### BEGIN HIDDEN TESTS
# _ei_expected: computed by the test cell above, from your own population.
_low = min(_ei_expected.values())
_best = [_a for _a, _x in _ei_expected.items() if abs(_x - _low) < 1e-9]
ex.check_choice("more_closed", ex.answer("more_closed"), _best, options=["sector", "region"],
                what="the attribute with the lower E-I index, on your data",
                hint="a lower index means fewer ties outside the group")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- task 4
nb.task("task-broker", """
## Task 4: A broker to another world (5 points)

You want to reach the world of your `TARGET` sector, where you know at most
one person. A contact of yours who knows many people there could **broker**
between your world and that one.

- `target_ties`: a dictionary whose keys are **all** your contacts and whose
  values are the number of people working in `TARGET` whom that contact knows
  (not counting you).
- `broker`: the contact who knows the most people in `TARGET`. If several
  know the same largest number, any of them is right.
- `new_people`: how many of the broker's contacts in `TARGET` are **not**
  already your contacts (the people the broker could introduce you to).
""")
nb.answer("answer-broker", """
### BEGIN SOLUTION
target_ties = {}
for other in G[me]:
    target_ties[other] = sum(1 for p in G[other]
                             if p != me and G.nodes[p]["sector"] == TARGET)
broker = max(target_ties, key=target_ties.get)
new_people = sum(1 for p in G[broker]
                 if p != me and G.nodes[p]["sector"] == TARGET and p not in G[me])
### END SOLUTION
print("broker:", ex.describe_person(G, broker))
print("knows", target_ties[broker], "people in", TARGET, "of whom", new_people, "are new to you")
""")
nb.selfcheck("selfcheck-broker", """
# Self-check (0 points): the form of your answers.
_found = ex.answer("target_ties")
ex.check_mapping("target_ties", _found, dict.fromkeys(G[me], 0), keys_only=True,
                 what="a dictionary with one key for each of your contacts")
for _key, _value in _found.items():
    ex.check_type(f"target_ties[{_key!r}]", _value, "whole number")
ex.check_person("broker", ex.answer("broker"), G, among=G[me], what="one of your contacts")
ex.check_type("new_people", ex.answer("new_people"), "whole number")
print("Self-check passed.")
""")
nb.test("test-broker-counts", 2, f"""
# Hidden tests (2 points): how many people of your target sector each contact knows.
### BEGIN HIDDEN TESTS
{REF}
_sector = _G.nodes[_me]["sector"]
_sectors = sorted({{_G.nodes[_p]["sector"] for _p in _G}})
_known = {{_s: sum(1 for _o in _G[_me] if _G.nodes[_o]["sector"] == _s) for _s in _sectors}}
_far = [_s for _s in _sectors if _s != _sector and _known[_s] <= 1]
_reachable = [_s for _s in _far
              if any(sum(1 for _p in _G[_o] if _p != _me and _G.nodes[_p]["sector"] == _s) >= 2
                     for _o in _G[_me])]
_target = ex.my_pick("{A}", _reachable or _far, role="target")
_target_expected = {{_o: sum(1 for _p in _G[_o] if _p != _me and _G.nodes[_p]["sector"] == _target)
                    for _o in _G[_me]}}
ex.check_mapping("target_ties", ex.answer("target_ties"), _target_expected,
                 what="for each contact, the number of people of your target sector they know",
                 hint="count, for each contact, their contacts (not you) whose sector is TARGET")
### END HIDDEN TESTS
""")
nb.test("test-broker-choice", 2, """
# Hidden tests (2 points): the contact who could broker to your target sector.
### BEGIN HIDDEN TESTS
# _target and _target_expected: computed by the test cell above, from your own population.
_most = max(_target_expected.values())
_best = sorted(_o for _o, _k in _target_expected.items() if _k == _most)
ex.check_person("broker", ex.answer("broker"), _G, among=_G[_me], what="one of your contacts")
ex.check_choice("broker", ex.answer("broker"), _best,
                what="the contact who knows the most people in your target sector",
                hint="take the contact with the largest value in target_ties")
### END HIDDEN TESTS
""")
nb.test("test-broker-new", 1, """
# Hidden tests (1 point): the people your broker could introduce you to.
### BEGIN HIDDEN TESTS
# _target: computed by the test cell above, from your own population.
_broker = ex.answer("broker")
ex.check_person("broker", _broker, _G, among=_G[_me], what="one of your contacts")
_new = sum(1 for _p in _G[_broker]
           if _p != _me and _G.nodes[_p]["sector"] == _target and _p not in _G[_me])
ex.check_equal("new_people", ex.answer("new_people"), _new, reveal=False,
               what="the number of your broker's contacts in your target sector who are not "
                    "your contacts",
               hint="leave out the people you already know")
### END HIDDEN TESTS
""")

# ---------------------------------------------------------------- reflection
nb.rubric("task-reflection", """
## Task 5: Reflection (5 points, graded by your instructor)

In the cell below, in five to ten sentences:

1. Is your network closer to a closed circle or to a broker's network? Use
   your constraint and your E-I indices. For comparison, take a person with
   24 contacts of equal strength: if all of them know each other, the
   person's constraint is about 0.16; if none of them knows another, it is
   1/24, about 0.04. Closure multiplies constraint by about four, and a few
   very strong ties raise it further (Burt's constraint counts how much of
   your time goes to each contact, directly and through the others).
2. Who could broker between your world and your target sector (task 4)?
   Describe them, and say what you would ask them.
3. What could you offer them in return, so that the exchange goes both ways?

**Rubric (5 points)**

- 2 points: a diagnosis that uses your constraint, compared with the
  reference figures of the question (1 point), and your E-I indices
  (1 point), with a correct reading (a constraint near or above that of a
  closed circle of the same size, and a negative E-I index, mean a closed
  network, a silo).
- 2 points: the broker is named and described from the data (sector,
  occupation, how many people they know in the target sector; 1 point), and
  the request is concrete and reasonable, such as an introduction to two
  named kinds of people or advice, not a job (1 point).
- 1 point: a credible offer in return (information, a skill, an introduction
  in the other direction), because a brokered introduction rests on
  reciprocity.
""")
nb.reflection("answer-reflection", 5, """
### BEGIN SOLUTION
*Example answer (numbers differ for each learner).* My constraint is 0.19,
with 24 contacts: more than the 0.16 of 24 equally strong contacts who all
know each other, because a few strong family ties take much of my time and
my colleagues know each other. My E-I index by sector is -0.4, so most of my
ties stay in finance: I live in a sector silo more than in a regional one
(E-I index by region +0.2). Person 88, a logistics
coordinator in transport, knows 9 people in retail, my target sector, and 8 of
them are new to me. I would ask her to introduce me to two store managers to
understand how they choose their suppliers. In return I can offer her my
knowledge of payment terms and credit insurance, which matters for her
clients, or introduce her to the head of treasury of my former employer.
### END SOLUTION
""")
if __name__ == "__main__":
    print(nb.write())
