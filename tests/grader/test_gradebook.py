"""Gradebook safety: backups, restore, the integrity check, and a run killed with kill -9."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from grader.stores import gradebook, status
from grader.cli import main

import cohort

# nbgrader's own add_submission warns under SQLAlchemy 2 (used here to record grades by hand).
pytestmark = pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning")


def _grade_by_hand(course, student="ann", auto=2.0, manual=None):
    """Record a submission with nbgrader's own API (no kernel)."""
    with gradebook.open_gradebook(course) as gb:
        gb.update_or_create_student(student)
        gb.add_submission("ties-basics", student)
        for name in ("test-degree", "test-strong-small", "test-strong-own", "selfcheck-share",
                     "test-share"):
            grade = gb.find_grade(name, "ties-basics", "ties-basics", student)
            grade.auto_score = 0.0
            grade.needs_manual_grade = False
        grade = gb.find_grade("test-degree", "ties-basics", "ties-basics", student)
        grade.auto_score = auto
        if manual is not None:
            grade.manual_score = manual
        comment = gb.find_comment("reflection", "ties-basics", "ties-basics", student)
        comment.manual_comment = "Good example."
        gb.db.commit()


def _sql(course, statement, *params):
    con = sqlite3.connect(course.gradebook)
    with con:
        con.execute(statement, params)
    con.close()


def test_a_sound_gradebook_has_no_problem(course):
    _grade_by_hand(course)
    assert gradebook.check(course) == []


def test_backups_are_complete_copies_and_only_the_newest_are_kept(course):
    _grade_by_hand(course)
    made = [gradebook.backup(course, keep=3) for _ in range(5)]
    kept = gradebook.backups(course)
    assert kept == made[-3:]
    con = sqlite3.connect(kept[-1])
    assert con.execute("SELECT auto_score FROM grade WHERE auto_score = 2").fetchall() == [(2.0,)]
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()


def test_restore_puts_a_backup_back_and_keeps_the_current_one(course):
    _grade_by_hand(course)
    saved = gradebook.backup(course)
    _sql(course, "UPDATE grade SET auto_score = 0")
    kept = gradebook.restore(course, saved)
    assert gradebook.check(course, against=saved) == []
    con = sqlite3.connect(kept)
    assert con.execute("SELECT max(auto_score) FROM grade").fetchone() == (0.0,)
    con.close()
    broken = course.root / "broken.db"
    broken.write_bytes(b"this is not a database" * 100)
    with pytest.raises(ValueError, match="not a sound gradebook"):
        gradebook.restore(course, broken)


@pytest.mark.parametrize("damage,words", [
    ("DELETE FROM grade WHERE cell_id IN (SELECT id FROM base_cell WHERE name = 'test-share')",
     "no grade row"),
    ("UPDATE grade SET auto_score = 5 WHERE auto_score = 2", "outside 0 to 2"),
    ("UPDATE grade SET manual_score = -1 WHERE auto_score = 2", "outside"),
    ("DELETE FROM comment", "no comment row"),
])
def test_check_finds_damage(course, damage, words):
    _grade_by_hand(course)
    _sql(course, damage)
    problems = gradebook.check(course)
    assert any(words in p for p in problems), problems


def test_check_finds_grades_lost_since_a_backup(course):
    _grade_by_hand(course, manual=1.5)
    _grade_by_hand(course, student="bob")
    saved = gradebook.backup(course)
    _sql(course, "UPDATE grade SET manual_score = NULL")
    _sql(course, "UPDATE comment SET manual_comment = NULL")
    problems = gradebook.check(course, against="latest")
    assert any("manual score of ann/ties-basics/ties-basics/test-degree changed" in p
               for p in problems), problems
    assert any("comment on ann" in p for p in problems)
    gradebook.restore(course, saved)
    with gradebook.open_gradebook(course) as gb:
        gb.remove_submission("ties-basics", "bob")
    assert any("submission bob/ties-basics was lost" in p
               for p in gradebook.check(course, against=saved))


def test_check_finds_a_graded_status_without_scores(course):
    _grade_by_hand(course)
    con = sqlite3.connect(course.gradebook)
    with con:
        status.ensure_table(con.execute)
        status.write_status(con.execute, status.StatusRecord("ann", "ties-basics", "graded"))
        status.write_status(con.execute, status.StatusRecord("zoe", "ties-basics", "flagged"))
    con.close()
    assert gradebook.check(course) == ["zoe/ties-basics is flagged but has no submission in "
                                       "the gradebook"]
    _sql(course, "UPDATE grade SET auto_score = NULL WHERE auto_score = 2")
    assert any("has no automatic score" in p for p in gradebook.check(course))


def test_a_corrupt_file_fails_the_check(course):
    data = bytearray(course.gradebook.read_bytes())
    data[100:4000] = b"\xff" * 3900
    course.gradebook.write_bytes(bytes(data))
    assert gradebook.check(course) != []


def test_the_command(course, capsys):
    _grade_by_hand(course)
    args = ["--course", str(course.root), "--source", str(course.source), "gradebook"]
    assert main(args + ["backup"]) == 0
    assert main(args + ["check", "--against", "latest"]) == 0
    assert "is sound" in capsys.readouterr().out
    assert main(args + ["list"]) == 0 and "gradebook-" in capsys.readouterr().out
    _sql(course, "UPDATE grade SET auto_score = 9 WHERE auto_score = 2")
    assert main(args + ["check"]) == 1
    assert "outside 0 to 2" in capsys.readouterr().out
    assert main(args + ["restore", str(gradebook.backups(course)[0])]) == 0
    assert main(args + ["check"]) == 0


@pytest.mark.slow
def test_a_run_killed_with_kill_9_is_completed_by_a_rerun_without_loss(course):
    """kill -9 in the middle of a batch: the gradebook stays sound and a rerun finishes it."""
    from grader.engine.batch import autograde

    sims = cohort.make_cohort(course, "ties-basics", 8)
    _grade_by_hand(course, student="zed", manual=1.0)       # an earlier manual grade
    before = gradebook.backup(course)
    command = [sys.executable, "-m", "grader.cli", "--course", str(course.root), "--source",
               str(course.source), "autograde", "ties-basics", "--jobs", "1", "--no-progress",
               "--unsafe-no-sandbox"]
    process = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while len(status.read_status(course)) < 2 and time.monotonic() < deadline \
            and process.poll() is None:
        time.sleep(0.1)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    done = len(status.read_status(course))
    assert 2 <= done < len(sims), "the batch must be killed in the middle"
    assert gradebook.check(course, against=before) == []

    outcomes = autograde(course, "ties-basics", sandbox=False, progress=False, jobs=2)
    assert sorted(o.status for o in outcomes).count("skipped") == done
    assert gradebook.check(course, against=before) == []
    with gradebook.open_gradebook(course) as gb:
        for sim in sims:
            for (notebook, cell), points in sim.expected.items():
                assert gb.find_grade(cell, notebook, "ties-basics", sim.student).auto_score \
                    == points
        assert gb.find_grade("test-degree", "ties-basics", "ties-basics", "zed").manual_score \
            == 1.0
    assert not list(course.autograded.glob("*/.ties-basics.*"))
