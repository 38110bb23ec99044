"""Verification harness for the graded exercises in ``exercises/``.

Used by ``tests/exercises/test_assignments.py``; documented for exercise
authors in ``exercises/README.md``. It knows nothing about a particular
assignment: every folder ``exercises/NN-slug/`` holding ``NN-slug.ipynb`` is
checked the same way, with its recorded mistakes from
``tests/exercises/mistakes/NN-slug.py``.

Three layers:

1. :func:`lint` reads a source notebook and lists what breaks the course's
   conventions (nbgrader metadata, markers, tasks, points, rubric, first
   cell); no code runs.
2. :func:`run_in_process` runs a notebook the way nbgrader's autograde does
   (the source's locked and test cells, the submission's answer cells) in an
   in-process IPython shell, for one learner id, and scores each grade cell
   (an error means no points). Fast: no kernel, no nbgrader start-up.
3. :func:`grade_with_pipeline` grades submitted files with the real grading
   pipeline (``grader.engine.pipeline.grade_notebook``), in the sandbox when
   bubblewrap works here, in two worker processes.

Variants of a submission are built from the student version:
:func:`solved` (every answer cell filled with the source's solution),
:func:`with_answers` (a recorded mistake) and :func:`copier` (another
learner's computed answers pasted as constants).

Run as a script, the module is the pipeline worker:
``python exercise_harness.py JOBS.json RESULTS.json``.
"""

from __future__ import annotations

import ast
import contextlib
import copy
import importlib.util
import io
import json
import math
import numbers
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[2]
EXERCISES = ROOT / "exercises"
MISTAKES = Path(__file__).resolve().parent / "mistakes"
FOLDER = re.compile(r"^(\d\d)-[a-z0-9]+(?:-[a-z0-9]+)*$")
BEGIN_SOLUTION, END_SOLUTION = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
#: Learner ids used by the harness (any valid ids would do).
LEARNERS = ("harness-ada", "harness-ben", "harness-chloe", "harness-driss", "harness-emma",
            "harness-farid", "harness-gaelle", "harness-hugo")


# --------------------------------------------------------------------------
# Assignments, notebooks and recorded mistakes

def assignments() -> list[str]:
    """Every folder of ``exercises/`` named like an assignment (``NN-slug``)."""
    if not EXERCISES.is_dir():
        return []
    return sorted(p.name for p in EXERCISES.iterdir() if p.is_dir() and FOLDER.match(p.name))


def source_path(assignment: str) -> Path:
    return EXERCISES / assignment / f"{assignment}.ipynb"


def load_source(assignment: str) -> nbformat.NotebookNode:
    return nbformat.read(source_path(assignment), as_version=4)


def edition(assignment: str) -> tuple[str, str]:
    """``(language, English assignment)`` of an assignment: ``("en", itself)`` for an
    English one, ``("fr", "01-your-network")`` for ``01-votre-reseau`` (read from the
    notebook's metadata, written by ``exercises/.sources/authoring.py``)."""
    path = source_path(assignment)
    if not path.is_file():
        return "en", assignment
    meta_ = nbformat.read(path, as_version=4).metadata.get("weakties") or {}
    return meta_.get("lang", "en"), meta_.get("edition_of") or assignment


def english_assignments() -> list[str]:
    return [a for a in assignments() if edition(a)[0] == "en"]


#: What the first cell and the rubric say, in each language (the lint reads them).
WORDS = {
    "en": {"title": "# Exercise {n}:", "lesson": "Lesson {n}", "course": "course/{a}.ipynb",
           "rubric": "Rubric"},
    "fr": {"title": "# Exercice {n}\u00a0:", "lesson": "Leçon {n}",
           "course": "course/fr/{a}.ipynb", "rubric": "Barème"},
}


@dataclass
class Recorded:
    """The recorded mistakes of one assignment (``tests/exercises/mistakes/NN-slug.py``)."""

    mistakes: dict
    library_answers: list = field(default_factory=list)
    path: Path | None = None


def load_mistakes(assignment: str) -> Recorded:
    """Load ``MISTAKES`` and ``LIBRARY_ANSWERS`` from the assignment's mistakes file (a
    translated assignment uses its English edition's: the same answer cells, by grade id)."""
    assignment = edition(assignment)[1]
    path = MISTAKES / f"{assignment}.py"
    if not path.is_file():
        return Recorded({}, [], None)
    spec = importlib.util.spec_from_file_location(f"mistakes_{assignment.replace('-', '_')}",
                                                  path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return Recorded(dict(getattr(module, "MISTAKES", {})),
                    list(getattr(module, "LIBRARY_ANSWERS", [])), path)


def meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {}) or {}


def grade_id(cell) -> str | None:
    return meta(cell).get("grade_id")


def is_solution(cell) -> bool:
    return bool(meta(cell).get("solution"))


def is_grade(cell) -> bool:
    return bool(meta(cell).get("grade"))


def is_test(cell) -> bool:
    return cell.cell_type == "code" and is_grade(cell) and not is_solution(cell)


def is_manual(cell) -> bool:
    return is_grade(cell) and is_solution(cell)


def points(cell) -> float:
    return float(meta(cell).get("points", 0) or 0)


def task_of(gid: str) -> str | None:
    """The task a cell belongs to, from its grade id: ``test-bands-values`` -> ``bands``.

    Convention: ``task-<task>`` (instructions), ``answer-<task>[-part]``,
    ``selfcheck-<task>[-part]``, ``test-<task>[-part]``; the task name itself
    holds no dash.
    """
    m = re.match(r"^(?:task|answer|selfcheck|test)-([a-z0-9]+)", gid or "")
    return m.group(1) if m else None


def strip_markers(source: str) -> str:
    """A solution as a learner would write it: the source's solution without its markers."""
    lines = [line for line in source.splitlines()
             if line.strip() not in (BEGIN_SOLUTION, END_SOLUTION)]
    return "\n".join(lines).strip("\n")


def hidden_regions(source: str) -> list[str]:
    out, current = [], None
    for line in source.splitlines():
        if line.strip() == BEGIN_HIDDEN:
            current = []
        elif line.strip() == END_HIDDEN and current is not None:
            out.append("\n".join(current))
            current = None
        elif current is not None:
            current.append(line)
    return out


def solution_regions(source: str) -> list[str]:
    out, current = [], None
    for line in source.splitlines():
        if line.strip() == BEGIN_SOLUTION:
            current = []
        elif line.strip() == END_SOLUTION and current is not None:
            out.append("\n".join(current))
            current = None
        elif current is not None:
            current.append(line)
    return out


# --------------------------------------------------------------------------
# Lint: the conventions of exercises/README.md

def _ends_with_value(source: str) -> bool:
    """Whether the cell's last statement is an expression whose value nbgrader would read
    as partial credit (a call is allowed: checks return None)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return False
    if not tree.body or not isinstance(tree.body[-1], ast.Expr):
        return False
    return not isinstance(tree.body[-1].value, ast.Call)


def lint(assignment: str, nb=None, recorded: Recorded | None = None) -> list[str]:
    """Problems with an assignment's folder, notebook and recorded mistakes (empty if none)."""
    problems: list[str] = []
    folder = EXERCISES / assignment
    path = source_path(assignment)
    if not path.is_file():
        return [f"{folder} has no notebook named {path.name}"]
    others = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                    if p.is_file() and p != path and ".ipynb_checkpoints" not in p.parts)
    if others:
        problems.append(f"{folder.name}/ holds other files than the notebook ({', '.join(others)}):"
                        " generate_assignment would release them to students")
    nb = nb if nb is not None else load_source(assignment)
    number = assignment[:2]
    cells = nb.cells
    words = WORDS.get((nb.metadata.get("weakties") or {}).get("lang", "en"), WORDS["en"])
    title = words["title"].format(n=number)
    lesson = words["lesson"].format(n=number)
    notebook = words["course"].format(a=assignment)
    if nb.metadata.get("kernelspec", {}).get("name") != "python3":
        problems.append("the kernel is not python3")
    first = cells[0] if cells else None
    if not first or first.cell_type != "markdown" or not first.source.startswith(title):
        problems.append(f"the first cell must be a markdown title '{title} ...'")
    elif lesson not in first.source or notebook not in first.source:
        problems.append(f"the first cell must name the lesson ('{lesson}') and its "
                        f"notebook ({notebook})")
    code = [c for c in cells if c.cell_type == "code"]
    if not code or not meta(code[0]).get("locked") or "my_population(" not in code[0].source:
        problems.append("the first code cell must be locked and load the learner's own data "
                        "with weakties.exercises.my_population")

    ids = [grade_id(c) for c in cells if meta(c)]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        problems.append(f"duplicated grade ids: {', '.join(map(str, dup))}")
    tasks: dict[str, dict] = {}
    total = 0.0
    manual = []
    for i, c in enumerate(cells):
        m = meta(c)
        gid = m.get("grade_id")
        if not m:
            continue
        if m.get("schema_version") != 3:
            problems.append(f"cell {gid}: nbgrader schema_version must be 3")
        if c.get("id") != gid:
            problems.append(f"cell {gid}: the cell id should equal the grade id ({c.get('id')})")
        if is_solution(c) and (BEGIN_SOLUTION not in c.source or END_SOLUTION not in c.source):
            problems.append(f"answer cell {gid} lacks the {BEGIN_SOLUTION} / {END_SOLUTION} markers")
        if is_solution(c) and m.get("locked"):
            problems.append(f"answer cell {gid} must not be locked")
        if not is_solution(c) and not m.get("locked"):
            problems.append(f"cell {gid} is neither an answer cell nor locked")
        if c.cell_type == "code" and m.get("locked"):
            visible = "\n".join(line for line in c.source.splitlines())
            for region in hidden_regions(c.source):
                visible = visible.replace(region, "")
            try:
                tree = ast.parse(visible)
            except SyntaxError:
                tree = None
                problems.append(f"locked cell {gid} is not valid Python")
            defined = [n.name for n in (tree.body if tree else [])
                       if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))]
            if defined:
                problems.append(f"locked cell {gid} defines {', '.join(defined)}: the grader "
                                "flags an answer that redefines it (a learner copying the "
                                "example) as tampering; use plain code")
        if (BEGIN_HIDDEN in c.source) and not is_test(c):
            problems.append(f"cell {gid} has hidden tests but is not a test cell")
        if is_grade(c):
            total += points(c)
        task = task_of(gid)
        if is_test(c):
            if not task:
                problems.append(f"test cell {gid}: name it test-<task>[-part] or "
                                "selfcheck-<task>[-part]")
                continue
            t = tasks.setdefault(task, {"tests": [], "selfchecks": []})
            if points(c) > 0:
                t["tests"].append(gid)
                if BEGIN_HIDDEN not in c.source:
                    problems.append(f"test cell {gid} gives points but has no hidden tests")
                if gid.startswith("selfcheck-"):
                    problems.append(f"self-check {gid} must give 0 points")
            else:
                t["selfchecks"].append(gid)
                if BEGIN_HIDDEN in c.source:
                    problems.append(f"self-check {gid} must be entirely visible (no hidden tests)")
            if _ends_with_value(c.source):
                problems.append(f"test cell {gid} ends with an expression: nbgrader would read "
                                "its value as partial credit")
        if is_manual(c):
            if c.cell_type != "markdown":
                problems.append(f"manually graded cell {gid} should be a markdown answer")
            prev = cells[i - 1] if i else None
            if points(c) <= 0:
                problems.append(f"manually graded cell {gid} gives no points")
            if prev is None or prev.cell_type != "markdown" or words["rubric"] not in prev.source:
                problems.append(f"manually graded cell {gid} must follow a locked markdown cell "
                                f"holding its rubric ('{words['rubric']}')")
            manual.append(gid)
    problems += _locked_reads_of_answers(cells)
    autograded = {k: v for k, v in tasks.items() if v["tests"]}
    # An assignment graded entirely by hand (no autograded test) needs no tasks, hidden
    # tests or recorded mistakes; any autograded part follows the full rules.
    manual_only = not autograded
    if not manual_only and not 3 <= len(autograded) <= 6:
        problems.append(f"{len(autograded)} autograded tasks; an assignment has 3 to 6")
    for name, t in autograded.items():
        if len(t["tests"]) < 2:
            problems.append(f"task {name}: give partial credit through at least two test cells")
        if not t["selfchecks"]:
            problems.append(f"task {name}: add a visible self-check (0 points)")
    if not manual:
        problems.append("no manually graded reflection")
    if total <= 0 or total % 10:
        problems.append(f"the points add up to {total:g}; use a round total (10, 20, ...)")
    hidden = "\n".join(r for c in cells if is_test(c) for r in hidden_regions(c.source))
    if not manual_only and "reference_population(" not in hidden:
        problems.append("no hidden test uses weakties.exercises.reference_population "
                        "(the learner's own data)")

    recorded = recorded if recorded is not None else load_mistakes(assignment)
    if recorded.path is None and not manual_only:
        problems.append(f"no recorded mistakes: write {MISTAKES.name}/{assignment}.py")
    elif recorded.path is None:
        pass
    else:
        if len(recorded.mistakes) < 3:
            problems.append(f"{len(recorded.mistakes)} recorded mistakes; record at least 3")
        answers = {grade_id(c): c for c in cells if is_solution(c)}
        for name, wrong in recorded.mistakes.items():
            if not wrong:
                problems.append(f"mistake {name!r} changes no answer")
            for gid, src in wrong.items():
                if gid not in answers:
                    problems.append(f"mistake {name!r}: {gid!r} is not an answer cell")
                elif src.strip() == strip_markers(answers[gid].source).strip():
                    problems.append(f"mistake {name!r}: the answer to {gid!r} is the solution")
        for func in recorded.library_answers:
            pattern = re.compile(rf"\b{re.escape(func.split('.')[-1])}\s*\(")
            for c in cells:
                if is_test(c) and any(pattern.search(r) for r in hidden_regions(c.source)):
                    problems.append(f"hidden test {grade_id(c)} calls {func}, a library function "
                                    "that is the answer: compute the expected value itself")
    return problems


def _names(source: str) -> tuple[set, set]:
    """(names bound, names read) by a cell's code (empty when it is not Python)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set(), set()
    bound, read = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (read if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
    return bound, read


def _locked_reads_of_answers(cells) -> list[str]:
    """Locked code cells run in the student's kernel *and* in the grader's judge, which never
    runs an answer cell: a locked cell must not read a name that only an answer defines."""
    problems, locked_names, answer_names = [], set(), set()
    for c in cells:
        if c.cell_type != "code" or not meta(c):
            continue
        bound, read = _names(strip_markers(c.source))
        if is_solution(c):
            answer_names |= bound - locked_names
        elif meta(c).get("locked") and not is_test(c):
            wrong = sorted((read - bound - locked_names) & answer_names)
            if wrong:
                problems.append(f"locked cell {grade_id(c)} reads {', '.join(wrong)}, which only "
                                "an answer defines: the judge runs locked cells without the "
                                "answers (move that code into a test or a self-check)")
            locked_names |= bound
    return problems


# --------------------------------------------------------------------------
# Student version and submissions

def student_version(nb) -> nbformat.NotebookNode:
    """The released notebook, made in-process with nbgrader's own preprocessors."""
    from nbgrader.preprocessors import (ClearHiddenTests, ClearMarkScheme, ClearOutput,
                                        ClearSolutions, LockCells)

    out = copy.deepcopy(nb)
    resources: dict = {}
    for cls in (LockCells, ClearSolutions, ClearOutput, ClearHiddenTests, ClearMarkScheme):
        out, resources = cls().preprocess(out, resources)
    return out


def solved(released, source) -> nbformat.NotebookNode:
    """The student version with every answer cell filled in with the source's solution."""
    answers = {grade_id(c): strip_markers(c.source) for c in source.cells if is_solution(c)}
    return with_answers(released, answers)


def with_answers(released, answers: dict) -> nbformat.NotebookNode:
    """A copy of ``released`` whose answer cells ``answers`` (grade id -> source) are replaced."""
    out = copy.deepcopy(released)
    found = set()
    for c in out.cells:
        gid = grade_id(c)
        if gid in answers and is_solution(c):
            c.source = answers[gid]
            found.add(gid)
    missing = set(answers) - found
    if missing:
        raise KeyError(f"no answer cell {', '.join(sorted(missing))} in the notebook")
    return out


def grading_view(source, submission) -> nbformat.NotebookNode:
    """What autograde runs: the source's cells, with the submission's answer cells."""
    answers = {grade_id(c): c.source for c in submission.cells if is_solution(c)}
    out = copy.deepcopy(source)
    for c in out.cells:
        if is_solution(c) and grade_id(c) in answers:
            c.source = answers[grade_id(c)]
    return out


def mistake_submission(source, released, answers: dict) -> nbformat.NotebookNode:
    """The solved student version with one recorded mistake's answers in place."""
    return with_answers(solved(released, source), answers)


# --------------------------------------------------------------------------
# In-process execution

@dataclass
class Outcome:
    grade_id: str
    points: float
    max_points: float
    passed: bool
    error: str = ""


@dataclass
class Run:
    """Scores of one in-process run; ``values`` holds what answer cells assigned (if asked)."""

    outcomes: dict
    values: dict = field(default_factory=dict)

    @property
    def score(self) -> float:
        return sum(o.points for o in self.outcomes.values())

    @property
    def max_score(self) -> float:
        return sum(o.max_points for o in self.outcomes.values())

    def failures(self) -> list[str]:
        return [f"{o.grade_id}: {o.error}" for o in self.outcomes.values() if not o.passed]


@contextlib.contextmanager
def learner_folder(learner: str):
    """A working folder holding ``.weakties-learner``, as the grader prepares one; the
    process works there, with no other source of learner id."""
    saved_cwd = os.getcwd()
    saved_env = {k: os.environ.get(k) for k in ("JUPYTERHUB_USER", "WEAKTIES_CONFIG_DIR")}
    with tempfile.TemporaryDirectory(prefix="exercise-") as tmp:
        (Path(tmp) / ".weakties-learner").write_text(learner, encoding="utf-8")
        os.environ.pop("JUPYTERHUB_USER", None)
        os.environ["WEAKTIES_CONFIG_DIR"] = str(Path(tmp) / "config")
        os.chdir(tmp)
        try:
            yield Path(tmp)
        finally:
            os.chdir(saved_cwd)
            for k, v in saved_env.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v


def _shell():
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    # Errors are read from each cell's result; formatting tracebacks only costs time.
    shell.showtraceback = lambda *args, **kwargs: None
    return shell


@contextlib.contextmanager
def _cleared(shell_class):
    try:
        yield
    finally:
        shell_class.clear_instance()


_PLAIN = (bool, int, float, str, type(None))


def literal(value, depth=0):
    """``value`` as plain Python data that ``repr`` writes as a literal, or raise TypeError."""
    import numpy as np

    if depth > 6:
        raise TypeError("too deep")
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, _PLAIN):
        if isinstance(value, float) and not math.isfinite(value):
            raise TypeError("not finite")
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, dict):
        return {literal(k, depth + 1): literal(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        items = [literal(x, depth + 1) for x in value]
        return items if isinstance(value, list) else tuple(items)
    if isinstance(value, (set, frozenset)):
        return {literal(x, depth + 1) for x in value}
    raise TypeError(type(value).__name__)


def run_in_process(nb, learner: str, *, capture: bool = False) -> Run:
    """Run the code cells of ``nb`` (a grading view: source cells and answers) for ``learner``.

    Each grade cell scores its points when it runs without an error, as in
    nbgrader. With ``capture=True``, the plain values (numbers, texts, lists,
    dicts, sets) that each answer cell assigns are returned in ``values``
    (``{grade_id: {name: value}}``).
    """
    import matplotlib.pyplot as plt

    from IPython.core.interactiveshell import InteractiveShell

    shell = _shell()
    outcomes, values = {}, {}
    # A shell left registered would make later code (doctests, widgets) believe it
    # runs inside IPython, so each run gets its own shell and clears it after.
    with _cleared(InteractiveShell), learner_folder(learner), contextlib.redirect_stdout(io.StringIO()), \
            contextlib.redirect_stderr(io.StringIO()):
        for c in nb.cells:
            if c.cell_type != "code":
                continue
            before = dict(shell.user_ns) if capture and is_solution(c) else None
            result = shell.run_cell(c.source, store_history=False, silent=True)
            error = result.error_before_exec or result.error_in_exec
            if is_test(c):
                gid = grade_id(c)
                ok = error is None
                outcomes[gid] = Outcome(gid, points(c) if ok else 0.0, points(c), ok,
                                        "" if ok else f"{type(error).__name__}: {error}")
            if before is not None and error is None:
                assigned = {}
                for name, value in shell.user_ns.items():
                    if name.startswith("_") or name in ("In", "Out", "exit", "quit"):
                        continue
                    if name in before and before[name] is value:
                        continue
                    try:
                        assigned[name] = literal(value)
                    except TypeError:
                        pass
                values[grade_id(c)] = assigned
        # A French notebook sets the library's language in its setup cell: back to the
        # default, so that what runs next in this process is not in French.
        from weakties import i18n
        i18n.set_language(None)
    plt.close("all")
    return Run(outcomes, values)


_captured: dict = {}


def captured_values(source, learner: str) -> dict:
    """``{answer grade id: {name: value}}``: the plain values the solution assigns for
    ``learner`` (computed once per notebook and learner)."""
    key = (json.dumps(source, sort_keys=True, default=str), learner)
    if key not in _captured:
        _captured[key] = run_in_process(source, learner, capture=True).values
    return _captured[key]


def copier_answers(source, learner: str) -> dict:
    """Answer cells of a copier: the solution, then the plain values it computed for
    ``learner`` pasted as constants (functions stay as written in the solution)."""
    values = captured_values(source, learner)
    out = {}
    for c in source.cells:
        if not is_solution(c) or c.cell_type != "code":
            continue
        pasted = values.get(grade_id(c), {})
        body = strip_markers(c.source)
        if pasted:
            body += "\n\n# Numbers copied from another learner's notebook:\n"
            body += "\n".join(f"{k} = {v!r}" for k, v in pasted.items())
        out[grade_id(c)] = body
    return out


# --------------------------------------------------------------------------
# Grading with the real pipeline

def sandbox_available() -> tuple[bool, str]:
    """Whether the kernel sandbox works here, and why not."""
    try:
        from grader.engine.sandbox import sandbox_problem
    except ImportError as exc:  # the grader is not there yet
        return False, f"grader.engine.sandbox cannot be imported ({exc})"
    problem = sandbox_problem()
    return problem is None, problem or ""


def _grade_jobs(jobs: list[dict]) -> list[dict]:
    """Grade each job ``{"submitted", "source", "learner", "sandbox"}`` in this process."""
    from grader.engine.pipeline import Reference, grade_notebook

    refs: dict = {}
    results = []
    for job in jobs:
        ref = refs.get(job["source"])
        if ref is None:
            ref = refs[job["source"]] = Reference.from_notebook(job["source"])
        r = grade_notebook(job["submitted"], job["source"], learner_id=job["learner"],
                           sandbox=job["sandbox"], reference=ref)
        results.append({
            "status": r.status, "failure": r.failure, "flags": list(r.flags),
            "seconds": r.seconds,
            "cells": {c.grade_id: {"kind": c.kind, "points": c.points,
                                   "max_points": c.max_points, "passed": c.passed,
                                   "message": c.message} for c in r.cells},
        })
    return results


def grade_with_pipeline(jobs: list[dict], workers: int = 2) -> list[dict]:
    """Grade jobs with ``grader.engine.pipeline.grade_notebook`` in up to ``workers`` processes.

    Each worker is a fresh Python process running this module, so that kernels,
    ZeroMQ contexts and event loops never cross a fork.
    """
    if not jobs:
        return []
    workers = max(1, min(workers, len(jobs)))
    chunks = [list(range(i, len(jobs), workers)) for i in range(workers)]
    procs = []
    with tempfile.TemporaryDirectory(prefix="grade-jobs-") as tmp:
        for k, idx in enumerate(chunks):
            jobs_file = Path(tmp) / f"jobs-{k}.json"
            out_file = Path(tmp) / f"results-{k}.json"
            jobs_file.write_text(json.dumps([jobs[i] for i in idx]))
            env = dict(os.environ, PYTHONPATH=os.pathsep.join(
                [str(ROOT), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep))
            procs.append((idx, out_file, subprocess.Popen(
                [sys.executable, __file__, str(jobs_file), str(out_file)], cwd=ROOT, env=env,
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)))
        results: list = [None] * len(jobs)
        for idx, out_file, proc in procs:
            out, err = proc.communicate(timeout=900)
            if proc.returncode != 0:
                raise RuntimeError(f"grading worker failed ({proc.returncode}):\n{err[-3000:]}")
            for i, r in zip(idx, json.loads(out_file.read_text())):
                results[i] = r
    return results


def autograded_score(result: dict) -> tuple[float, float]:
    """(points, max points) over the autograded test cells of a pipeline result."""
    cells = [c for c in result["cells"].values() if c["kind"] == "test"]
    return (sum(c["points"] or 0 for c in cells), sum(c["max_points"] for c in cells))


def main(argv) -> int:
    jobs_file, out_file = argv
    results = _grade_jobs(json.loads(Path(jobs_file).read_text()))
    Path(out_file).write_text(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
