"""The gradebook in PostgreSQL: an autograde run survives a database restart; backups work.

A course of its own (its own database on the stack's PostgreSQL, its own
folder in the grading account's home) with eight collected submissions of
``01-your-network``: four full solutions, four blank notebooks. The
commands run as the grading account, which reaches the database by peer
authentication, as on the hub.

- ``weakties-grade autograde`` runs; as soon as the first submission is
  saved, PostgreSQL is restarted (fast shutdown: open connections are cut).
  The run must say which submissions it could not save (and exit with 1);
  a second run must grade exactly those, and the first run's grades must be
  untouched.
- ``weakties-grade gradebook``: check, backup (``pg_dump``), a lost manual
  grade found by ``check --against latest``, restore (``pg_restore``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import nbformat
import pytest

import hub_support as support
from conftest import sandbox_flags

pytestmark = [pytest.mark.slow]

A = "01-your-network"
FULL = ["f1", "f2", "f3", "f4"]
BLANK = ["b1", "b2", "b3", "b4"]
DATABASE = "weakties_faults"


def _points(source) -> dict:
    return {c.metadata.nbgrader["grade_id"]: float(c.metadata.nbgrader.get("points", 0))
            for c in source.cells if c.metadata.get("nbgrader", {}).get("grade")}


def _solutions(source) -> dict:
    out = {}
    for cell in source.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution") and cell.cell_type == "code":
            out[meta["grade_id"]] = "\n".join(
                line for line in cell.source.splitlines()
                if line.strip() not in ("### BEGIN SOLUTION", "### END SOLUTION"))
    return out


@pytest.fixture(scope="module")
def faults_course(hub):
    """A course with its own PostgreSQL database and eight collected submissions."""
    grader = support.stack.pwd.getpwnam(hub.grader)
    root = Path(grader.pw_dir) / "faults-course"
    source = nbformat.read(support.ROOT / "exercises" / A / f"{A}.ipynb", as_version=4)
    stack_settings = hub.settings
    support.stack.psql(stack_settings, f'DROP DATABASE IF EXISTS "{DATABASE}"')
    support.stack.psql(stack_settings, f'CREATE DATABASE "{DATABASE}" OWNER "{hub.grader}"')
    url = support.stack.db_url(stack_settings).replace(f"/{stack_settings['pg']['database']}?",
                                                       f"/{DATABASE}?")
    hub.run_as(hub.grader, ["mkdir", "-p", str(root)])
    hub.run_as(hub.grader, ["sh", "-c", f"printf '[gradebook]\\nurl = {url}\\n' > "
                                        f"{root}/course.ini"])
    course = ["--course", root]
    hub.grade(*course, "release", A)
    downloads = Path(grader.pw_dir) / "faults-downloads"
    released = root / "release" / A / f"{A}.ipynb"
    answers = _solutions(source)
    for student in FULL + BLANK:
        folder = downloads / student
        folder.mkdir(parents=True, exist_ok=True)
        nb = nbformat.read(released, as_version=4)
        if student in FULL:
            for cell in nb.cells:
                gid = cell.metadata.get("nbgrader", {}).get("grade_id")
                if gid in answers and cell.metadata.nbgrader.get("solution"):
                    cell.source = answers[gid]
        nbformat.write(nb, folder / f"{A}.ipynb")
    subprocess.run(["chown", "-R", f"{grader.pw_uid}:{grader.pw_gid}", str(downloads)],
                   check=True)
    hub.grade(*course, "collect", A, "--from", downloads)
    points = _points(source)
    auto = sum(p for gid, p in points.items() if gid.startswith(("test-", "selfcheck-")))
    yield {"root": root, "args": course, "auto": auto, "points": points}
    support.stack.psql(stack_settings, f'DROP DATABASE IF EXISTS "{DATABASE}"')
    shutil.rmtree(root, ignore_errors=True)
    shutil.rmtree(downloads, ignore_errors=True)


def _statuses(hub) -> dict:
    rows = hub.psql("SELECT student, status, score FROM weakties_status", DATABASE)
    out = {}
    for line in rows.splitlines():
        student, state, score = line.split("|")
        out[student] = (state, float(score) if score else None)
    return out


def _status_count(hub) -> int:
    try:
        return int(hub.psql("SELECT count(*) FROM weakties_status", DATABASE).strip() or 0)
    except RuntimeError:      # the table does not exist yet, or the database restarts
        return 0


def test_a_database_restart_during_autograde_loses_nothing(hub, faults_course):
    course = faults_course
    command = [support.stack.RUNUSER, "-u", hub.grader, "--",
               str(support.stack.venv_bin() / "weakties-grade"),
               *map(str, course["args"]), "autograde", A, "--jobs", "2", "--no-progress",
               *sandbox_flags()]
    env = hub.env_of(hub.grader)
    run = subprocess.Popen(command, env=env, cwd="/", stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 600
    while _status_count(hub) < 1 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)    # between two looks at the status table
    assert run.poll() is None, "the run ended before the database could be restarted:\n" \
        + run.stdout.read()
    support.stack.pg_restart(hub.settings)
    output, _ = run.communicate(timeout=900)
    first = _statuses(hub)
    everyone = set(FULL + BLANK)

    # The run says which submissions it could not save, and fails.
    assert run.returncode == 1, output
    unsaved = everyone - set(first)
    assert unsaved, f"every submission was saved: the restart came too late\n{output}"
    assert "could not be saved" in output, output
    for student in unsaved:
        assert re.search(rf"\b{student}\b.*failed", output), output
    # What was saved is right.
    for student, (state, score) in first.items():
        assert state == "graded"
        assert score == pytest.approx(course["auto"] if student in FULL else 0.0)

    # A second run grades exactly the rest; the first run's grades stay.
    again = hub.grade(*course["args"], "autograde", A, "--no-progress", *sandbox_flags())
    assert re.search(rf"{len(unsaved)}\s+graded", again.stdout), again.stdout
    assert re.search(rf"{len(first)}\s+skipped", again.stdout), again.stdout
    final = _statuses(hub)
    assert set(final) == everyone
    for student in everyone:
        assert final[student][0] == "graded"
        assert final[student][1] == pytest.approx(course["auto"] if student in FULL else 0.0)
        if student in first:
            assert final[student] == first[student]
    submissions = hub.psql("SELECT count(*) FROM submitted_assignment", DATABASE).strip()
    assert submissions == str(len(everyone))
    check = hub.grade(*course["args"], "gradebook", "check")
    assert "is sound" in check.stdout


def test_gradebook_backup_check_and_restore_on_postgresql(hub, faults_course):
    course = faults_course
    hub.grade(*course["args"], "autograde", A, "--no-progress", *sandbox_flags(), check=False)
    grade_of = ("SELECT g.manual_score FROM grade g JOIN base_cell c ON c.id = g.cell_id "
                "JOIN submitted_notebook sn ON sn.id = g.notebook_id "
                "JOIN submitted_assignment s ON s.id = sn.assignment_id "
                "WHERE s.student_id = 'f1' AND c.name = 'answer-reflection'")
    cell_of = f"SELECT g.id FROM grade g WHERE g.id IN (SELECT g.id FROM grade g " \
              "JOIN base_cell c ON c.id = g.cell_id JOIN submitted_notebook sn ON " \
              "sn.id = g.notebook_id JOIN submitted_assignment s ON s.id = sn.assignment_id " \
              "WHERE s.student_id = 'f1' AND c.name = 'answer-reflection')"
    hub.psql(f"UPDATE grade SET manual_score = 3 WHERE id IN ({cell_of})", DATABASE)

    made = hub.grade(*course["args"], "gradebook", "backup")
    dump = Path(made.stdout.strip().split(" to ")[-1])
    assert dump.suffix == ".dump" and dump.is_file() and dump.stat().st_size > 0
    listed = hub.grade(*course["args"], "gradebook", "list")
    assert dump.name in listed.stdout

    # A grade lost after the backup: check --against finds it (read in a scratch database).
    hub.psql(f"UPDATE grade SET manual_score = NULL WHERE id IN ({cell_of})", DATABASE)
    lost = hub.grade(*course["args"], "gradebook", "check", "--against", "latest", check=False)
    assert lost.returncode == 1, lost.stdout + lost.stderr
    assert re.search(r"manual score of .*f1.*answer-reflection changed", lost.stdout), lost.stdout
    leftovers = support.stack.psql(
        hub.settings, "SELECT datname FROM pg_database WHERE datname LIKE 'weakties_check_%'")
    assert leftovers.strip() == ""

    # Restore puts it back, after backing up the current state.
    restored = hub.grade(*course["args"], "gradebook", "restore", dump)
    assert "previous gradebook was kept" in restored.stdout
    assert hub.psql(grade_of, DATABASE).strip() in ("3", "3.0")
    sound = hub.grade(*course["args"], "gradebook", "check", "--against", str(dump))
    assert "is sound" in sound.stdout

    # An SQLite backup is refused for a PostgreSQL gradebook, with the reason.
    wrong = hub.grade(*course["args"], "gradebook", "restore", "/nonexistent/gradebook-x.db",
                      check=False)
    assert wrong.returncode == 2 and "PostgreSQL" in wrong.stderr
    assert os.path.exists(dump)
