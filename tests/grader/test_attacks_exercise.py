"""Attacks on a real exercise (01-your-network), whose tests use ``weakties.exercises``.

The batch corpus (``attacks/``) uses the small fixture assignment; these use the
course's own checks (``ex.check_mapping``, ``ex.check_function``...), its cached
reference populations and its learner lookup, which hostile submissions once
rebound, mutated or redirected. Each submission is graded with the real pipeline
and the judge, and must earn no point its answers do not earn on the student's own
data, and show no line of the hidden tests in any output.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys

import nbformat
import pytest

from grader.engine.execute import sandbox_problem
from grader.engine.pipeline import Reference, grade_notebook
from grader.stores.course import EXERCISES, PROJECT

pytestmark = [pytest.mark.slow]

A = "01-your-network"
STUDENT, VICTIM = "mallory-01", "victim-01"


def _harness():
    path = PROJECT / "tests" / "exercises" / "exercise_harness.py"
    spec = importlib.util.spec_from_file_location("exercise_harness_for_attacks", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module            # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


h = _harness()
SOURCE = h.load_source(A)
RELEASED = h.student_version(SOURCE)
SOLUTIONS = {h.grade_id(c): c.source for c in h.solved(RELEASED, SOURCE).cells
             if h.is_solution(c) and c.cell_type == "code"}


def _hidden_lines() -> list[str]:
    lines = []
    for cell in SOURCE.cells:
        for region in h.hidden_regions(cell.source):
            lines += [line.strip() for line in region.splitlines() if len(line.strip()) > 30]
    return lines


HIDDEN = _hidden_lines()

_REBIND = """
import weakties.exercises as E
import weakties
from weakties import exercises as alias

def _pass(*args, **kwargs):
    return None

alias.check_mapping = _pass
setattr(E, "check_equal", _pass)
vars(weakties.exercises)["check_items"] = _pass
_pass.__module__ = "weakties.exercises"            # a false origin
E.check_choice = E.check_close = E.check_function = E.check_type = _pass
by_context = {}
"""
_MUTATE = """
from weakties import exercises as _E
_R = _E.reference_population("01-your-network", n=400)
_me = _E.my_person(_R, "01-your-network", min_strong=3, min_weak=8)
for _v in _R[_me]:
    _R[_me][_v]["context"] = "online"           # the cached reference, changed in place
by_context = {"online": _R.degree(_me)}
"""
_FRAME = """
import sys

def is_relation_tie(tie, year):
    frame = sys._getframe(1)
    while frame is not None:
        for name in ("expected", "_expected", "_cases"):
            if name in frame.f_locals:
                return frame.f_locals[name]
        frame = frame.f_back
    return None
"""
_HISTORY = """
print(In)
print(_ih)
print(Out)
get_ipython().run_line_magic("history", "-g -n")
"""
_REDIRECT = """
import weakties.exercises as _E
import weakties.learner as _L
_L.learner_id = lambda *args, **kwargs: "VICTIM"
_E._who = lambda learner=None: "VICTIM"
"""


def _submission(answers: dict, *, first_cell: str | None = None, after_last: str | None = None):
    nb = h.with_answers(RELEASED, answers)
    if first_cell is not None:
        nb.cells.insert(0, nbformat.v4.new_code_cell(first_cell))
    if after_last is not None:
        nb.cells.append(nbformat.v4.new_code_cell(after_last))
    return nb


@pytest.fixture(scope="module")
def grade(judge_server):
    ref = Reference.from_notebook(h.source_path(A))
    sandbox = sandbox_problem() is None

    def run(nb, learner=STUDENT):
        return grade_notebook(nbformat.writes(nb), None, learner_id=learner, reference=ref,
                              sandbox=sandbox, judge=judge_server)
    return run


def _outputs(result) -> str:
    return "\n".join(json.dumps(c.outputs) for c in result.notebook.cells
                     if c.cell_type == "code")


def _no_hidden_line(result):
    shown = _outputs(result) + "\n".join(c.message for c in result.cells)
    leaked = [line for line in HIDDEN if line in shown]
    assert leaked == [], leaked[:3]
    assert "HIDDEN TESTS" not in shown


def test_honest_baselines(grade):
    assert grade(_submission(SOLUTIONS)).score == 15.0
    assert grade(RELEASED).score == 0.0


@pytest.mark.parametrize("name,answers,honest", [
    ("checks rebound through an alias, setattr, vars() and a false __module__",
     {"answer-context": _REBIND}, 0.0),
    ("the cached reference population changed in place",
     {"answer-context": _MUTATE}, 1.0),          # the total of the counts is right
    ("a function that reads the expected value from the test's frame",
     {"answer-relation": _FRAME}, 0.0),
])
def test_attacks_earn_nothing_unearned(grade, name, answers, honest):
    result = grade(_submission(answers))
    assert result.score <= honest, (name, [(c.grade_id, c.points) for c in result.cells])
    _no_hidden_line(result)


def test_history_holds_no_hidden_test(grade):
    result = grade(_submission(SOLUTIONS, after_last=_HISTORY))
    assert result.score == 15.0
    _no_hidden_line(result)
    # The student's own cells are in the history; no test cell is.
    printed = _outputs(result)
    assert "by_context" in printed and "check_mapping" not in printed


def test_a_copier_who_redirects_the_learner_lookup_gains_nothing(grade):
    pasted = h.copier_answers(SOURCE, VICTIM)
    plain = grade(_submission({**SOLUTIONS, **pasted}))
    redirected = grade(_submission({**SOLUTIONS, **pasted},
                                   first_cell=_REDIRECT.replace("VICTIM", VICTIM)))
    assert redirected.score <= plain.score
    # The victim's own numbers: right for the victim, not for the copier.
    assert grade(_submission({**SOLUTIONS, **pasted}), learner=VICTIM).score == 15.0
    assert plain.score < 15.0
    assert re.search(r"learner|_who", " ".join(redirected.flags))
