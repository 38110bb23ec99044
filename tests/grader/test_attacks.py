"""The attack corpus, graded in one batch through the real command line with honest students.

For every hostile or broken submission of ``tests/grader/attacks/corpus.py``:
it earns no point it did not earn honestly, and is flagged or failed with a
reason. The honest students' grades are exactly those they get without the
hostile ones; the gradebook passes the integrity check and keeps every
earlier grade (a manual grade included); no file outside the submissions'
own working copies changes; the batch ends within a bounded time.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from grader.stores import gradebook, status
from grader.stores.course import PROJECT

import cohort
from attacks import corpus

pytestmark = [pytest.mark.slow, pytest.mark.sandbox]

HONEST = {"h01": "full", "h02": "float-degree", "h03": "explorer", "h04": "strict-threshold",
          "h05": "blank"}
BOUND_SECONDS = 420


def _tree(folder: Path, skip=()) -> dict:
    """{relative path: sha256} of every file (links recorded by their target)."""
    out = {}
    for root, dirs, files in os.walk(folder, followlinks=False):
        rel_root = Path(root).relative_to(folder)
        dirs[:] = [d for d in dirs if str(rel_root / d) not in skip
                   and d not in ("__pycache__", ".ipynb_checkpoints")]
        for name in files:
            path = Path(root) / name
            rel = str(path.relative_to(folder))
            if rel in skip:
                continue
            if path.is_symlink():
                out[rel] = "link:" + os.readlink(path)
            else:
                out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def _exercises() -> tuple:
    """The project's exercises/: its files, and git's view of them (to see concurrent edits)."""
    def git(*args):
        return subprocess.run(["git", *args], cwd=PROJECT, capture_output=True,
                              text=True).stdout
    return (git("rev-parse", "HEAD"), git("status", "--porcelain", "--", "exercises"),
            _tree(PROJECT / "exercises"))


def _cli(course, *args, timeout=BOUND_SECONDS):
    # Small limits keep the endless loops short; honest cells stay far below them.
    command = [str(Path(sys.executable).parent / "weakties-grade"), "--course", str(course.root),
               "--source", str(course.source), "autograde", "ties-basics", "--no-progress",
               "--cell-timeout", "10", "--notebook-timeout", "60", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout)


def _scores(course, student):
    with gradebook.open_gradebook(course) as gb:
        sub = gb.find_submission("ties-basics", student)
        return {g.name: g.auto_score for nb in sub.notebooks for g in nb.grades}


def test_the_attack_corpus_in_one_batch(course):
    assert len(corpus.ATTACKS) >= 15
    for student, variant in HONEST.items():
        cohort.write_submission(course, student, "ties-basics", variant)

    # Earlier grades: the honest students graded alone, and a manual grade.
    alone = _cli(course)
    assert alone.returncode == 0, alone.stdout + alone.stderr
    honest_alone = {s: _scores(course, s) for s in HONEST}
    with gradebook.open_gradebook(course) as gb:
        gb.find_grade("reflection", "ties-basics", "ties-basics", "h01").manual_score = 1.5
        gb.db.commit()
    earlier = gradebook.backup(course)

    hostile = {}
    for i, attack in enumerate(corpus.ATTACKS):
        student = f"x{i:02d}"
        corpus.write(course, student, attack)
        hostile[student] = attack
    canary = course.root / "canary.txt"
    canary.write_text("the instructor's file")
    outside = {"course": _tree(course.root, skip={"autograded", "gradebook.db",
                                                  "gradebook.db-journal", "backups"}),
               "fixtures": _tree(cohort.FIXTURES), "exercises": _exercises()}

    batch = _cli(course, "--force", "--jobs", "3")
    report = batch.stdout + batch.stderr
    assert batch.returncode == 1, report         # corrupt-json could not be graded at all

    # Nothing outside the working copies changed; the gradebook is sound and complete.
    assert _tree(course.root, skip={"autograded", "gradebook.db", "gradebook.db-journal",
                                    "backups"}) == outside["course"]
    assert _tree(cohort.FIXTURES) == outside["fixtures"]
    head, edits, files = _exercises()
    if (head, edits) == outside["exercises"][:2]:
        assert files == outside["exercises"][2]
    else:   # someone edits the project meanwhile: at least nothing was deleted
        assert set(outside["exercises"][2]) <= set(files)
    assert gradebook.check(course, against=earlier) == []
    with gradebook.open_gradebook(course) as gb:
        assert gb.find_grade("reflection", "ties-basics", "ties-basics",
                             "h01").manual_score == 1.5

    # Honest students: exactly the grades they get without the hostile ones.
    records = status.read_status(course)
    print(report)
    for student in HONEST:
        assert _scores(course, student) == honest_alone[student], student
        assert records[(student, "ties-basics")].status == "graded", student

    # Each hostile submission: no point it did not earn honestly, and a reason.
    problems = []
    table = ["| # | attack | honest | earned | status | first reason |", "|---:|---|---:|---:|---|---|"]
    for number, (student, attack) in enumerate(hostile.items(), start=1):
        record = records[(student, "ties-basics")]
        earned = sum(v or 0 for v in _scores(course, student).values())
        honest = attack.honest_points(student)
        reasons = " | ".join(record.reasons)
        first = (record.reasons[0] if record.reasons else "").replace("|", "/")[:90]
        table.append(f"| {number} | {attack.name} | {honest:g} | {earned:g} | {record.status} "
                     f"| {first} |")
        if earned > honest + 1e-9:
            problems.append(f"{attack.name}: earned {earned} > {honest}: {reasons}")
        if attack.status is not None and record.status != attack.status:
            problems.append(f"{attack.name}: status {record.status}, expected {attack.status}")
        if attack.reason and attack.reason not in reasons:
            problems.append(f"{attack.name}: no reason mentioning {attack.reason!r}: {reasons}")
    artifacts = PROJECT / "test-artifacts" / "attacks"
    artifacts.mkdir(parents=True, exist_ok=True)
    (artifacts / "outcomes.md").write_text("\n".join(table) + "\n")
    assert problems == [], "\n".join(problems)

    # What the sandbox kept out of reach never shows in an output.
    shown = []
    for path in course.autograded.glob("*/ties-basics/ties-basics.ipynb"):
        nb = nbformat.read(path, as_version=4)
        shown += [json.dumps(o) for c in nb.cells if c.cell_type == "code" for o in c.outputs
                  if o.output_type != "error"]     # tracebacks quote the attack's own code
    text = "\n".join(shown)
    for secret in ("BEGIN SOLUTION", "SQLite format", "NBGRADER", "gradebook at /",
                   "removed /", "JPY_"):
        assert secret not in text, secret

    # The hidden tests never reached a student's kernel: no output of any cell, errors
    # included, quotes them (IPython's history, a caller's frame, stderr, a thread).
    hidden = ("HIDDEN TESTS", "_check = weakties.population", "_expected = {frozenset",
              "assert n_ties_0 == _check")
    for path in course.autograded.glob("*/ties-basics/ties-basics.ipynb"):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            outputs = json.dumps(cell.outputs)
            assert not any(h in outputs for h in hidden), (path, cell.source[:80])
            # A test cell shows only what the judge wrote, never a student's thread.
            if cell.metadata.get("nbgrader", {}).get("grade") and \
                    not cell.metadata["nbgrader"].get("solution"):
                assert "THREAD-MARK" not in outputs, path
