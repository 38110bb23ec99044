"""Builds exercises/06-engagement-and-reputation/06-engagement-and-reputation.ipynb (`python exercises/.sources/build.py`; a test checks the two agree)."""

from authoring import hidden, HOW, Notebook, OWN, solution

A = "06-engagement-and-reputation"
nb = Notebook(A)
PRE = f'''_A = "{A}"
_G = ex.reference_population(_A, n=400)
_me = ex.my_person(_G, _A, min_ties=20)'''
HIST = '''from weakties.scenarios import reputation as _reputation
_history = _reputation(_G, periods=24, ask_share=0.0, seed=ex.my_seed(_A, "history")).projects
_partners = sorted(set(_history["partner"]) - {_me})
_cands = sorted(ex.my_rng(_A, "candidates").choice(_partners, size=5, replace=False).tolist())'''
SCORE = '''def _score(G, me, history, candidate):
    _mine = set(G[me])
    _last = {}
    for _row in history[history["partner"] == candidate].itertuples():
        if _row.client not in _last or _row.period >= _last[_row.client][0]:
            _last[_row.client] = (_row.period, _row.kept / 3)
    _total = _weights = 0.0
    for _client, (_period, _value) in _last.items():
        if _client == me or _client in _mine:
            _w = 1.0
        elif _client in G and _mine & set(G[_client]):
            _w = 0.5
        else:
            continue
        _total += _w * _value
        _weights += _w
    return _total / _weights if _weights else None'''

nb.markdown("intro", f"""
# Exercise 06: Engagement and reputation

This exercise goes with **Lesson 06: Engagement and reputation**
(`course/06-engagement-and-reputation.ipynb`). You look at the reliability of
the people around "you" on the three commitments of the engagement triangle,
you measure in a simulation what changes when clients ask their network
before they commit, and you ask your own network about possible partners
before you choose one.

{OWN}

{HOW}

| Task | What | Points |
|---|---|---|
| 1 | Reliable, average or unreliable? | 3 |
| 2 | The weak side of the triangle | 3 |
| 3 | What asking the network changes | 4 |
| 4 | Ask your network before you commit | 5 |
| 5 | Reflection (graded by your instructor) | 5 |
| | **Total** | **20** |

About 60 minutes.
""")

nb.markdown("setup-text", """
## Your population

Run the next cell first. It builds your population of 400 professionals in
France and chooses the person who is **you** (`me`) and another person used
in the worked example (`example`). It also simulates two years of projects
in your population (`history`, used in tasks 3 and 4) and chooses five
possible partners for you (`CANDIDATES`, used in task 4). It takes a few
seconds. If it says that no learner id is set, follow its instructions, then
run it again.
""")

nb.setup("setup", f"""
import weakties
from weakties import exercises as ex
from weakties.scenarios import reputation

ASSIGNMENT = "{A}"
G = ex.my_population(ASSIGNMENT, n=400)
me = ex.my_person(G, ASSIGNMENT, min_ties=20)
example = ex.my_person(G, ASSIGNMENT, role="example", exclude=[me])
COMMITMENTS = ["client", "deadlines", "payment"]

# Two years of projects in which nobody asks their network (one row per project).
history = reputation(G, periods=24, ask_share=0.0, seed=ex.my_seed(ASSIGNMENT, "history")).projects
partners = sorted(set(history["partner"]) - {{me}})
CANDIDATES = sorted(ex.my_rng(ASSIGNMENT, "candidates").choice(partners, size=5, replace=False).tolist())

print(f"Your population: {{G.number_of_nodes()}} people and {{G.number_of_edges()}} ties.")
print("You:", ex.describe_person(G, me))
print("Your possible partners (task 4):", CANDIDATES)
""")

nb.markdown("example-text", """
## Worked example: reliability and the history of projects

Every person `p` has a **reliability** on each commitment of the engagement
triangle, in `G.nodes[p]["reliability"]`: the chance, from 0 to 1, that they
keep it on a project.

- `"client"`: respect for the client relation (they do not go around a
  partner to take their client);
- `"deadlines"`: respect for deadlines;
- `"payment"`: respect for the payment of invoices.

`history` is a table (a pandas DataFrame) with one row per project of the
simulation: the `period` (month, from 1 to 24), the `client`, the `partner`
who did the work, and `kept`, the number of commitments the partner kept on
that project (0 to 3). The cell below reads the reliability of the example
person, then the projects in which the example person was the partner, then
the contacts that the example person and one of their contacts have in
common. Run it and read it: the tasks use the same tools.
""")

nb.example("example", """
rel = G.nodes[example]["reliability"]
print("Reliability of person", example, ":", dict(rel))
mean = (rel["client"] + rel["deadlines"] + rel["payment"]) / 3
print("  mean of the three commitments:", round(mean, 3))
print("  chance of keeping all three on one project:",
      round(rel["client"] * rel["deadlines"] * rel["payment"], 3))

rows = history[history["partner"] == example]
print("Projects in which person", example, "was the partner:")
print(rows)
for row in rows.itertuples():
    print("  month", row.period, ": client", row.client, "saw", row.kept, "commitments of 3 kept")

friend = sorted(G[example])[0]
print("Contacts shared by", example, "and", friend, ":", sorted(set(G[example]) & set(G[friend])))
""")

# ---------------------------------------------------------------- Task 1
nb.task("task-classes", """
## Task 1: Reliable, average or unreliable? (3 points)

The lesson sorts people into three classes by the **mean** of their three
reliabilities (client, deadlines, payment):

- `"unreliable"`: a mean below 0.6;
- `"reliable"`: a mean of 0.85 or more;
- `"average"`: every other mean.

**a.** Write a function `reliability_class(reliability)` that takes one
person's reliability (a dictionary such as `G.nodes[p]["reliability"]`) and
returns `"unreliable"`, `"average"` or `"reliable"`.

**b.** Use it to count **your contacts** (the people of `G[me]`) in each
class. Store the result in a dictionary `my_classes` with exactly the three
keys `"unreliable"`, `"average"` and `"reliable"` (write 0 for a class without
anyone), for example `{"unreliable": 5, "average": 17, "reliable": 8}`.
""")
nb.answer("answer-classes", solution("def reliability_class(reliability):", """
    mean = (reliability["client"] + reliability["deadlines"] + reliability["payment"]) / 3
    if mean < 0.6:
        return "unreliable"
    if mean >= 0.85:
        return "reliable"
    return "average"
"""))
nb.answer("answer-classes-count", solution("", """
my_classes = {"unreliable": 0, "average": 0, "reliable": 0}
for other in G[me]:
    my_classes[reliability_class(G.nodes[other]["reliability"])] += 1
""", "print(my_classes)"))
nb.selfcheck("selfcheck-classes", """
# Self-check (0 points): two made-up people, and the form of my_classes.
ex.check_function("reliability_class", ex.answer("reliability_class"), [
    (({"client": 0.9, "deadlines": 0.95, "payment": 0.88},), "reliable",
     "a person with reliabilities 0.9, 0.95 and 0.88"),
    (({"client": 0.5, "deadlines": 0.4, "payment": 0.7},), "unreliable",
     "a person with reliabilities 0.5, 0.4 and 0.7"),
])
_found = ex.answer("my_classes")
ex.check_mapping("my_classes", _found, {"unreliable": 0, "average": 0, "reliable": 0},
                 keys_only=True, what="a dictionary with the keys 'unreliable', 'average' and 'reliable'")
for _key, _value in _found.items():
    ex.check_type(f"my_classes[{_key!r}]", _value, "whole number")
ex.check_equal("sum of the values of my_classes", sum(_found.values()), G.degree(me),
               what="your number of contacts", hint="count each of your contacts in one class")
print("Self-check passed.")
""")
nb.test("test-classes-rule", 1, hidden("Hidden tests (1 point): the rule, on made-up people.", """
_cases = [
    (({"client": 0.9, "deadlines": 0.9, "payment": 0.3},), "average",
     "reliabilities 0.9, 0.9 and 0.3 (mean 0.7)"),
    (({"client": 1.0, "deadlines": 1.0, "payment": 0.58},), "reliable",
     "reliabilities 1.0, 1.0 and 0.58 (mean 0.86)"),
    (({"client": 0.5, "deadlines": 0.6, "payment": 0.65},), "unreliable",
     "reliabilities 0.5, 0.6 and 0.65 (mean 0.583)"),
    (({"client": 0.62, "deadlines": 0.61, "payment": 0.63},), "average",
     "reliabilities 0.62, 0.61 and 0.63 (mean 0.62)"),
    (({"client": 0.84, "deadlines": 0.84, "payment": 0.83},), "average",
     "reliabilities 0.84, 0.84 and 0.83 (mean 0.837)"),
    (({"client": 0.97, "deadlines": 0.2, "payment": 0.99},), "average",
     "reliabilities 0.97, 0.2 and 0.99 (mean 0.72)"),
]
ex.check_function("reliability_class", ex.answer("reliability_class"), _cases,
                  hint="use the mean of the three reliabilities: below 0.6 unreliable, "
                       "0.85 or more reliable, average otherwise")
"""))
nb.test("test-classes-counts", 2, hidden("Hidden tests (2 points): your contacts in each class, on your own population.", PRE + """
_expected = {"unreliable": 0, "average": 0, "reliable": 0}
for _v in _G[_me]:
    _r = _G.nodes[_v]["reliability"]
    _m = (_r["client"] + _r["deadlines"] + _r["payment"]) / 3
    _expected["unreliable" if _m < 0.6 else "reliable" if _m >= 0.85 else "average"] += 1
ex.check_mapping("my_classes", ex.answer("my_classes"), _expected,
                 what="the number of your contacts in each class, on your own population",
                 hint="loop over G[me] and apply reliability_class to G.nodes[other]['reliability']")
"""))

# ---------------------------------------------------------------- Task 2
nb.task("task-risk", """
## Task 2: The weak side of the triangle (3 points)

On each project, a partner keeps each commitment with the chance given by
their reliability, independently of the two others (this is how the
simulation of the lesson works). So the chance that a partner keeps **all
three** commitments on one project is the **product** of the three
reliabilities, and the chance that they **break at least one** is 1 minus
that product.

- `weakest_side`: among the three commitments (`"client"`, `"deadlines"`,
  `"payment"`), the one whose **mean reliability over your contacts** is the
  lowest: the side of the triangle your network keeps least well.
- `break_risk`: a dictionary whose keys are **all your contacts** and whose
  values are the chance that each of them breaks at least one commitment on
  one project, for example `{17: 0.41, 42: 0.08, ...}`.

*Hint: the worked example computes the chance of keeping all three for the
example person.*
""")
nb.answer("answer-risk", solution("", """
side_means = {}
for commitment in COMMITMENTS:
    values = [G.nodes[other]["reliability"][commitment] for other in G[me]]
    side_means[commitment] = sum(values) / len(values)
weakest_side = min(side_means, key=side_means.get)

break_risk = {}
for other in G[me]:
    rel = G.nodes[other]["reliability"]
    break_risk[other] = 1 - rel["client"] * rel["deadlines"] * rel["payment"]
""", 'print("weakest side:", weakest_side)\nprint(sorted(break_risk.items())[:5])'))
nb.selfcheck("selfcheck-risk", """
# Self-check (0 points): a commitment, and one chance between 0 and 1 for each of your contacts.
ex.check_choice("weakest_side", ex.answer("weakest_side"), COMMITMENTS, options=COMMITMENTS)
_found = ex.answer("break_risk")
ex.check_mapping("break_risk", _found, dict.fromkeys(G[me], 0), keys_only=True,
                 what="a dictionary with one key for each of your contacts")
for _key, _value in _found.items():
    ex.check_between(f"break_risk[{_key!r}]", _value, 0, 1, what="a chance",
                     hint="1 minus the product of the three reliabilities")
print("Self-check passed.")
""")
nb.test("test-risk-side", 1, hidden("Hidden tests (1 point): the weakest side of the triangle in your network.", PRE + """
_means = {}
for _c in ("client", "deadlines", "payment"):
    _means[_c] = sum(_G.nodes[_v]["reliability"][_c] for _v in _G[_me]) / _G.degree(_me)
_low = min(_means.values())
_best = [_c for _c, _m in _means.items() if _m <= _low + 1e-9]
ex.check_choice("weakest_side", ex.answer("weakest_side"), _best,
                options=["client", "deadlines", "payment"],
                what="the commitment with the lowest mean reliability over your contacts",
                hint="for each commitment, average the reliability of your contacts on it")
"""))
nb.test("test-risk-values", 2, hidden("Hidden tests (2 points): the chance that each of your contacts breaks at least one commitment.", PRE + """
_expected = {}
for _v in _G[_me]:
    _r = _G.nodes[_v]["reliability"]
    _expected[_v] = 1 - _r["client"] * _r["deadlines"] * _r["payment"]
ex.check_mapping("break_risk", ex.answer("break_risk"), _expected, tol=0.005,
                 what="for each of your contacts, the chance of breaking at least one commitment",
                 hint="keeping all three is the product of the three reliabilities; breaking at "
                      "least one is 1 minus that product")
"""))

# ---------------------------------------------------------------- Task 3
nb.task("task-asking", """
## Task 3: What asking the network changes (4 points)

The answer cell runs the reputation simulation of the lesson twice on your
population, for 12 months, with the same seed: once where **nobody** asks
their network before choosing a partner (`ask_share=0.0`), once where
**every** client asks (`ask_share=1.0`). In each result, the table
`.projects` has one row per project, with the column `kept` (commitments
kept, 0 to 3).

- `broken_share`: a dictionary with the two keys `"nobody asks"` and
  `"everyone asks"`. Each value is the **share of the projects of the last
  6 months (months 7 to 12) in which the partner broke at least one
  commitment** (`kept` below 3), a number between 0 and 1. The first months
  are left out because, at the start, nobody has any experience to report.
- `fewer_breaches`: `True` if, on your data, there are fewer broken
  commitments (a smaller share) when everyone asks, `False` otherwise.

*Hint: `table[table["period"] >= 7]` keeps the rows of months 7 to 12, and
`(rows["kept"] < 3).mean()` gives the share of rows where `kept` is below 3.*
""")
nb.answer("answer-asking", solution('''
nobody_asks = reputation(G, periods=12, ask_share=0.0, seed=ex.my_seed(ASSIGNMENT, "market"))
everyone_asks = reputation(G, periods=12, ask_share=1.0, seed=ex.my_seed(ASSIGNMENT, "market"))
''', """
broken_share = {}
for name, result in [("nobody asks", nobody_asks), ("everyone asks", everyone_asks)]:
    last = result.projects[result.projects["period"] >= 7]
    broken_share[name] = float((last["kept"] < 3).mean())
fewer_breaches = broken_share["everyone asks"] < broken_share["nobody asks"]
""", "print(broken_share, fewer_breaches)"))
nb.selfcheck("selfcheck-asking", """
# Self-check (0 points): two shares between 0 and 1, and True or False.
_found = ex.answer("broken_share")
ex.check_mapping("broken_share", _found, {"nobody asks": 0, "everyone asks": 0}, keys_only=True,
                 what="a dictionary with the keys 'nobody asks' and 'everyone asks'")
for _key, _value in _found.items():
    ex.check_between(f"broken_share[{_key!r}]", _value, 0, 1, what="a share",
                     hint="divide by the number of projects; do not multiply by 100")
ex.check_type("fewer_breaches", ex.answer("fewer_breaches"), "true or false")
print("Self-check passed.")
""")
ASK_SIM = '''from weakties.scenarios import reputation as _reputation
_shares = {}
for _name, _ask in (("nobody asks", 0.0), ("everyone asks", 1.0)):
    _p = _reputation(_G, periods=12, ask_share=_ask, seed=ex.my_seed(_A, "market")).projects
    _last = _p[_p["period"] > 6]
    _shares[_name] = sum(1 for _k in _last["kept"] if _k < 3) / len(_last)'''
nb.test("test-asking-form", 1, hidden("Hidden tests (1 point): two shares between 0 and 1.", PRE + "\n" + ASK_SIM + """
_found = ex.answer("broken_share")
ex.check_mapping("broken_share", _found, {"nobody asks": 0, "everyone asks": 0}, keys_only=True,
                 what="a dictionary with the keys 'nobody asks' and 'everyone asks'")
for _key, _value in _found.items():
    ex.check_between(f"broken_share[{_key!r}]", _value, 0, 1, what="a share",
                     hint="divide by the number of projects; do not multiply by 100")
"""))
nb.test("test-asking-values", 2, hidden("Hidden tests (2 points): the share of projects with a broken commitment in months 7 to 12.", """
# _shares: computed by the first test cell of this task, from your own data.
ex.check_mapping("broken_share", ex.answer("broken_share"), _shares, tol=0.005,
                 what="for each simulation, the share of the projects of months 7 to 12 with at "
                      "least one broken commitment",
                 hint="keep only the rows whose period is 7 or more, then count the rows whose "
                      "'kept' is below 3")
"""))
nb.test("test-asking-choice", 1, hidden("Hidden tests (1 point): what your own numbers say.", """
# _shares: computed by the first test cell of this task, from your own data.
_found = ex.answer("fewer_breaches")
ex.check_type("fewer_breaches", _found, "true or false")
ex.check_choice("fewer_breaches", bool(_found), [_shares["everyone asks"] < _shares["nobody asks"]],
                options=[True, False],
                what="whether there are fewer broken commitments when everyone asks, on your data",
                hint="compare the two values of broken_share")
"""))

# ---------------------------------------------------------------- Task 4
nb.task("task-ask", """
## Task 4: Ask your network before you commit (5 points)

You must choose one partner among `CANDIDATES` for a project. Before you
commit, you ask your network: "have you worked with them?". A report is the
experience of a **client** who worked with the candidate, read from
`history`: the number of commitments kept divided by 3 (1 means all three
kept). The rules, as in the lesson's simulation:

- only the **last** project of each client with the candidate counts (the
  one with the largest `period`);
- a report from **you** or from one of **your contacts** has weight 1; a
  report from a **contact of a contact** (someone who is not your contact
  but shares at least one contact with you) has weight 0.5; reports from
  anyone else do not reach you;
- the candidate's **score** is the weighted mean of the reports that reach
  you: (sum of weight x report) / (sum of weights). If no report reaches you,
  the score is `None`.

**a.** Write a function `network_score(G, me, history, candidate)` that
returns the score of `candidate` (a number between 0 and 1, or `None`).

**b.** `scores`: a dictionary whose keys are the five `CANDIDATES` and whose
values are their scores.

**c.** `choice`: the candidate you choose, the one with the **highest
score**. A candidate about whom nobody reports counts as 0.75 (just
acceptable). If several candidates share the highest score, any of them is
right.

**d.** `avoid`: the list of the candidates whose score is **below 0.75**
(a candidate without a score is not avoided).

*Hint: the worked example shows how to find the projects of one partner in
`history` and the contacts two people share.*
""")
nb.answer("answer-ask", solution("def network_score(G, me, history, candidate):", """
    mine = set(G[me])
    last = {}   # client -> (period, report)
    for row in history[history["partner"] == candidate].itertuples():
        if row.client not in last or row.period >= last[row.client][0]:
            last[row.client] = (row.period, row.kept / 3)
    total = 0.0
    weights = 0.0
    for client, (period, report) in last.items():
        if client == me or client in mine:
            weight = 1.0
        elif mine & set(G[client]):
            weight = 0.5
        else:
            continue
        total = total + weight * report
        weights = weights + weight
    if weights == 0:
        return None
    return total / weights
"""))
nb.answer("answer-ask-choice", solution("", """
scores = {candidate: network_score(G, me, history, candidate) for candidate in CANDIDATES}
def counted(candidate):
    return 0.75 if scores[candidate] is None else scores[candidate]
choice = max(CANDIDATES, key=counted)
avoid = [c for c in CANDIDATES if scores[c] is not None and scores[c] < 0.75]
""", 'print("scores:", scores)\nprint("choice:", choice, " avoid:", avoid)'))
nb.selfcheck("selfcheck-ask", """
# Self-check (0 points): a made-up network and history, then the form of your answers.
import networkx as _nx
import pandas as _pd
_toy = _nx.Graph([(0, 1), (0, 2), (1, 3), (3, 4)])   # you are 0; 1 and 2 are your contacts
_toy_history = _pd.DataFrame({
    "period": [1, 2, 3, 5, 1, 4],
    "client": [1, 3, 4, 2, 2, 0],
    "partner": [9, 9, 9, 9, 9, 7],
    "kept": [3, 0, 0, 3, 0, 2]})
ex.check_function("network_score", ex.answer("network_score"), [
    ((_toy, 0, _toy_history, 9), 0.8,
     "the made-up example (reports 1 and 1 from your contacts 1 and 2, whose last project "
     "counts; 0 from person 3, a contact of a contact; person 4 is too far)"),
    ((_toy, 0, _toy_history, 7), 2 / 3, "a candidate who worked for you (2 of 3 kept)"),
    ((_toy, 0, _toy_history, 8), None, "a candidate nobody has worked with"),
], tol=0.001)
_scores = ex.answer("scores")
ex.check_mapping("scores", _scores, dict.fromkeys(CANDIDATES, 0), keys_only=True,
                 what="a dictionary with one key for each of the CANDIDATES")
for _key, _value in _scores.items():
    if _value is not None:
        ex.check_between(f"scores[{_key!r}]", _value, 0, 1, what="a score")
ex.check_person("choice", ex.answer("choice"), G, among=CANDIDATES, what="one of the CANDIDATES")
ex.check_type("avoid", ex.answer("avoid"), "collection")
for _p in ex.answer("avoid"):
    ex.check_person("avoid", _p, G, among=CANDIDATES, what="one of the CANDIDATES")
print("Self-check passed.")
""")
nb.test("test-ask-rule", 1, hidden("Hidden tests (1 point): the rules, on another made-up network.", PRE + "\n" + HIST + "\n" + SCORE + """
_expected_scores = {_c: _score(_G, _me, _history, _c) for _c in _cands}
import networkx as _nx
import pandas as _pd
_toy = _nx.Graph([(10, 11), (10, 12), (11, 13), (12, 13), (13, 14), (12, 15)])
_toy_history = _pd.DataFrame({
    "period": [6, 2, 3, 3, 8, 1, 2, 5, 7],
    "client": [11, 11, 13, 15, 14, 12, 10, 15, 14],
    "partner": [5, 5, 5, 5, 5, 6, 6, 5, 4],
    "kept": [0, 3, 3, 1, 0, 1, 3, 3, 3]})
ex.check_function("network_score", ex.answer("network_score"), [
    ((_toy, 10, _toy_history, 5), (1.0 * 0 + 0.5 * 1 + 0.5 * 1) / 2.0,
     "a candidate whose last project with your contact went badly (rows not sorted by month), "
     "with two reports from contacts of contacts"),
    ((_toy, 10, _toy_history, 6), (1 / 3 + 1) / 2, "a candidate who worked for you and for a contact"),
    ((_toy, 14, _toy_history, 6), 1 / 3, "a candidate known only by a contact of a contact"),
    ((_toy, 10, _toy_history, 4), None, "a candidate whose only client is too far away"),
], tol=0.001,
   hint="only the last project of each client counts (the largest period, whatever the order of "
        "the rows); weight 1 for you and your contacts, 0.5 for contacts of contacts")
"""))
nb.test("test-ask-scores", 2, hidden("Hidden tests (2 points): the score of each candidate, on your own population.", """
# _expected_scores and _cands: computed by the first test cell of this task, from your own data.
_found = ex.answer("scores")
ex.check_mapping("scores", _found, dict.fromkeys(_cands, 0), keys_only=True,
                 what="a dictionary with one key for each of the CANDIDATES")
for _c in _cands:
    _exp, _got = _expected_scores[_c], _found[_c]
    if _exp is None:
        ex.check_equal(f"scores[{_c!r}]", _got, None, what="None: no report reaches you",
                       hint="return None when nobody within two steps has worked with the candidate")
    else:
        ex.check_type(f"scores[{_c!r}]", _got, "number",
                      hint="someone within two steps of you has worked with this candidate")
        ex.check_close(f"scores[{_c!r}]", _got, _exp, tol=0.005, reveal=False,
                       what="the weighted mean of the reports that reach you",
                       hint="weight 1 for you and your contacts, 0.5 for contacts of contacts; "
                            "only the last project of each client counts")
"""))
nb.test("test-ask-choice", 1, hidden("Hidden tests (1 point): the candidate you choose.", """
# _expected_scores and _cands: computed by the first test cell of this task, from your own data.
_counted = {}
for _c in _cands:
    _s = _expected_scores[_c]
    _counted[_c] = 0.75 if _s is None else _s
_top = max(_counted.values())
ex.check_choice("choice", ex.answer("choice"), [_c for _c in _cands if _counted[_c] >= _top - 1e-9],
                options=_cands, what="the candidate with the highest score (0.75 without a report)",
                hint="compare the scores; a candidate nobody reports on counts as 0.75")
"""))
nb.test("test-ask-avoid", 1, hidden("Hidden tests (1 point): the candidates to avoid.", """
# _expected_scores and _cands: computed by the first test cell of this task, from your own data.
_expected = []
for _c in _cands:
    _s = _expected_scores[_c]
    if _s is not None and _s < 0.75:
        _expected.append(_c)
ex.check_items("avoid", ex.answer("avoid"), _expected,
               what="the candidates whose score is below 0.75",
               hint="a candidate without a score (None) is not avoided")
"""))

# ---------------------------------------------------------------- Reflection
nb.rubric("task-reflection", """
## Task 5: Reflection (5 points, graded by your instructor)

In the cell below, in five to ten sentences:

1. Say which candidate you chose in task 4 and why, with the numbers: the
   score, how many reports reached you and from whom (your contacts or
   contacts of contacts). Say what you would have known if you had asked
   **only your own contacts**.
2. Say, with your numbers from task 3, what the simulation shows when every
   client asks their network before committing (*augmented transparency*).
   Then name the assumptions of the model that produce this result (what it
   takes for granted about the reports and about what clients do with them),
   and give one reason why real life may differ.
3. Name the weakest side of the triangle in your network (task 2). Write
   the question you would ask a contact before committing to a partner
   about this side, and say which of your contacts you would ask and why
   (by their number and their work, never a real name).

You may add a code cell below this one to look at your data; it is not
graded.

**Rubric (5 points)**

- 2 points: the choice of task 4 is justified with its numbers (1 point:
  score and number of reports), and the answer notes that most reports come
  from contacts of contacts, so that asking only close contacts would have
  told you little or nothing (1 point).
- 1 point: reads task 3 as a result of the model, not a fact about the
  world: with the numbers, fewer commitments are broken when clients ask,
  *because* the model assumes that reports are truthful and that clients
  avoid the partners with bad reports (both assumptions named); and one
  credible reason why real life may differ (reports that are too polite or
  biased, a partner too new to have reports, a network too small to know
  them). An answer that presents the drop as proven earns nothing here.
- 2 points: a concrete question about the weakest commitment (1 point: for
  example "did they pay your invoices on time?" for payment), addressed to a
  contact chosen for their experience of such partners rather than for
  closeness (1 point).
""")
nb.reflection("answer-reflection", 5, """
### BEGIN SOLUTION
*Example answer (numbers differ for each learner).* I chose candidate 159:
their score is 1.0, from four reports, one from my contact 212 and three
from contacts of contacts; candidate 32 scored 0.67 and I would avoid him.
If I had asked only my own contacts, I would have had one report on one
candidate and nothing on the four others: the useful experience is two
steps away. In task 3, when every client asks, 39% of the projects of the
last six months had a broken commitment, against 53% when nobody asks. This
is augmented transparency as the model builds it: it assumes that every
report is truthful and that a client never hires a partner with bad
reports, so unreliable partners are passed over. In real life colleagues
are often too polite to report a late payment, so the drop could be
smaller. The weakest
side of my network is payment. Before signing with a partner I would ask:
"when you worked with them, were your invoices paid on the agreed date?". I
would ask my contact 87, an accountant who has worked with many small
companies in my sector, rather than a close friend who has never worked
with this partner.
### END SOLUTION
""")

print(nb.write())
