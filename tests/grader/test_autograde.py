"""weakties-grade autograde: a batch over nbgrader's layout, re-runs, failures, and stock nbgrader."""

from __future__ import annotations

import hashlib
import json
import shutil
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from grader.stores import gradebook, status
from grader.engine.batch import autograde
from grader.cli import main

import cohort

pytestmark = [pytest.mark.slow, pytest.mark.sandbox]


def _tree_hash(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            h.update(str(path.relative_to(folder)).encode() + path.read_bytes())
    return h.hexdigest()


def _scores(course, student, assignment):
    out = {}
    with gradebook.open_gradebook(course) as gb:
        submission = gb.find_submission(assignment, student)
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                out[(notebook.name, grade.name)] = (grade.auto_score, grade.needs_manual_grade)
    return out


@pytest.fixture(scope="module")
def graded(course_template, tmp_path_factory):
    """A course whose cohort was autograded once: (course, simulated students, outcomes)."""
    course = cohort.copy_course(course_template, tmp_path_factory.mktemp("graded") / "course")
    sims = cohort.make_cohort(course, "ties-basics", 10)
    sims += cohort.make_cohort(course, "two-parts", 3, prefix="t")
    broken = course.submission("broken", "ties-basics")
    broken.mkdir(parents=True)
    (broken / "ties-basics.ipynb").write_text('{"cells": [{"cell_type": "code", "source": "x')
    odd = course.submission("not an id", "ties-basics")
    shutil.copytree(course.submission("s01", "ties-basics"), odd)
    before = _tree_hash(course.submitted)
    outcomes = autograde(course, "ties-basics", progress=False)
    outcomes += autograde(course, "two-parts", progress=False)
    assert _tree_hash(course.submitted) == before          # submissions are only read
    return course, sims, {(o.student, o.assignment): o for o in outcomes}


def test_every_score_is_the_expected_one(graded):
    course, sims, outcomes = graded
    for sim in sims:
        got = _scores(course, sim.student, sim.assignment)
        for key, points in sim.expected.items():
            assert got[key][0] == points, (sim.student, sim.variant, key)
        assert outcomes[(sim.student, sim.assignment)].score == sim.total
    # The copier pasted another student's numbers: they fail on the copier's own data.
    copier = next(s for s in sims if s.variant == "copier")
    assert outcomes[(copier.student, "ties-basics")].score < 7


def test_statuses_and_reasons(graded):
    course, sims, outcomes = graded
    assert outcomes[("s01", "ties-basics")].status == "graded"
    only_a = next(s for s in sims if s.variant == "only-a")
    flagged = outcomes[(only_a.student, "two-parts")]
    assert flagged.status == "flagged" and "part-b.ipynb: was not submitted" in flagged.reasons
    broken = outcomes[("broken", "ties-basics")]
    assert broken.status == "failed" and broken.score is None
    assert any("not valid JSON" in r for r in broken.reasons)
    odd = outcomes[("not an id", "ties-basics")]
    assert odd.status == "failed" and any("not a valid learner id" in r for r in odd.reasons)
    frame = status.load_status(course).set_index(["student", "assignment"])
    assert frame.loc[("broken", "ties-basics"), "status"] == "failed"
    assert frame.loc[(only_a.student, "two-parts"), "status"] == "flagged"
    assert (frame.status == "graded").sum() == len(sims) - 1


def test_a_failed_submission_is_never_a_silent_zero(graded):
    course, _, _ = graded
    for (notebook, cell), (auto, needs_manual) in _scores(course, "broken",
                                                          "ties-basics").items():
        assert auto is None and needs_manual, cell


def test_autograded_notebooks_hold_the_results_without_markers(graded):
    course, _, _ = graded
    folder = course.autograded / "s01" / "ties-basics"
    assert sorted(p.name for p in folder.iterdir()) == ["ties-basics.ipynb", "timestamp.txt"]
    nb = nbformat.read(folder / "ties-basics.ipynb", as_version=4)
    text = json.dumps(nb)
    assert "BEGIN HIDDEN TESTS" in text and "weakties.proof" not in text
    assert "__weakties" not in text
    assert any(c.get("outputs") for c in nb.cells if c.cell_type == "code")
    assert not (course.autograded / "broken" / "ties-basics" / "ties-basics.ipynb").exists()


def test_the_gradebook_is_sound(graded):
    course, _, _ = graded
    assert gradebook.check(course, against=gradebook.backups(course)[0]) == []
    with gradebook.open_gradebook(course) as gb:
        assert gb.find_submission_notebook("part-b", "two-parts", "t03").flagged


def test_a_rerun_skips_unchanged_submissions_and_reports_changes(course):
    sims = cohort.make_cohort(course, "ties-basics", 3)            # full, blank, float-degree
    first = autograde(course, "ties-basics", progress=False, jobs=2)
    assert [o.status for o in first] == ["graded"] * 3
    # The instructor grades the reflection and overrides a test by hand.
    with gradebook.open_gradebook(course) as gb:
        gb.find_grade("reflection", "ties-basics", "ties-basics", "s01").manual_score = 1.5
        gb.find_grade("test-share", "ties-basics", "ties-basics", "s01").manual_score = 1.0
        gb.db.commit()
    # s03 fixes the type of its answer and submits again.
    cohort.write_submission(course, "s03", "ties-basics", "full")
    again = {o.student: o for o in autograde(course, "ties-basics", progress=False)}
    assert again["s01"].status == again["s02"].status == "skipped"
    assert again["s03"].status == "graded"
    assert again["s03"].changes == ["ties-basics/test-degree: 0 -> 2"]
    # --force grades everything again and never loses the manual grades.
    forced = {o.student: o for o in autograde(course, "ties-basics", progress=False,
                                              force=True)}
    assert {o.status for o in forced.values()} == {"graded"}
    assert len(forced["s01"].kept) == 2 and forced["s01"].changes == []
    scores = _scores(course, "s01", "ties-basics")
    # Nothing changed for s01: the override and the hand-graded reflection need no new look.
    assert scores[("ties-basics", "test-share")] == (2.0, False)
    assert scores[("ties-basics", "reflection")][1] is False
    with gradebook.open_gradebook(course) as gb:
        assert gb.find_grade("reflection", "ties-basics", "ties-basics",
                             "s01").manual_score == 1.5
        assert gb.find_grade("test-share", "ties-basics", "ties-basics", "s01").score == 1.0
    assert gradebook.check(course, against=gradebook.backups(course)[0]) == []
    assert sims[0].total == 7


def test_the_command_prints_a_summary(course, capsys):
    cohort.make_cohort(course, "ties-basics", 2)
    bad = course.submission("zz", "ties-basics")
    bad.mkdir(parents=True)
    (bad / "ties-basics.ipynb").write_text("not json")
    args = ["--course", str(course.root), "--source", str(course.source), "autograde",
            "ties-basics", "--no-progress", "--jobs", "2", "--cell-timeout", "20"]
    assert main(args + ["--student", "s01", "--student", "s02"]) == 0
    out = capsys.readouterr().out
    assert "2 graded" in out and "s01" in out and "zz" not in out
    assert main(args) == 1                      # a submission could not be graded at all
    out = capsys.readouterr().out
    assert "failed" in out and "not valid JSON" in out and "2 skipped" in out
    assert main(args + ["--student", "nobody"]) == 2
    assert "no submission of ties-basics for nobody" in capsys.readouterr().err


def test_grading_refuses_to_run_without_the_sandbox(course, capsys, monkeypatch):
    import grader.engine.execute

    cohort.make_cohort(course, "ties-basics", 1)
    monkeypatch.setattr(grader.engine.execute, "sandbox_problem",
                        lambda **kw: "bubblewrap (bwrap) is not installed. Install bubblewrap "
                                     "with `apt-get install bubblewrap`.")
    args = ["--course", str(course.root), "--source", str(course.source), "autograde",
            "ties-basics", "--no-progress"]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "apt-get install bubblewrap" in err and "--unsafe-no-sandbox" in err
    assert status.read_status(course) == {}
    assert main(args + ["--unsafe-no-sandbox"]) == 0


def test_an_assignment_that_was_not_released(tmp_path, course_template, capsys):
    source = tmp_path / "source"
    shutil.copytree(cohort.SOURCE, source)
    shutil.copytree(source / "two-parts", source / "new-one")
    course = cohort.copy_course(course_template, tmp_path / "course")
    args = ["--course", str(course.root), "--source", str(source), "autograde", "new-one"]
    assert main(args) == 2
    assert "release it first" in capsys.readouterr().err


def _nbgrader(course, *args, env=None):
    nbgrader = Path(sys.executable).parent / "nbgrader"
    return subprocess.run([str(nbgrader), "autograde", "ties-basics", *args], cwd=course.root,
                          capture_output=True, text=True, timeout=900,
                          env={**os.environ, **(env or {})})


def test_nbgrader_autograde_grades_like_weakties_grade(course):
    """Stock `nbgrader autograde` in the course folder (what the formgrader's Autograde
    button runs) grades through weakties-grade's pipeline: the same grades and statuses,
    with no learner id file, and run as an instructor whose JUPYTERHUB_USER is set."""
    mix = ("full", "blank", "float-degree", "strict-threshold", "copier", "explorer")
    sims = cohort.make_cohort(course, "ties-basics", 6, mix=mix)
    theirs = cohort.copy_course(course, course.root.parent / "nbgrader")
    result = _nbgrader(theirs, env={"JUPYTERHUB_USER": "the-instructor"})
    assert result.returncode == 0, result.stderr[-2000:]
    autograde(course, "ties-basics", progress=False)
    ours_status, their_status = status.read_status(course), status.read_status(theirs)
    for sim in sims:
        assert _scores(theirs, sim.student, "ties-basics") == \
            _scores(course, sim.student, "ties-basics"), sim.variant
        key = (sim.student, "ties-basics")
        assert their_status[key].status == ours_status[key].status, sim.variant
    # Not the instructor's data: the copier's pasted numbers still fail on their own data.
    copier = next(s for s in sims if s.variant == "copier")
    assert _scores(theirs, copier.student, "ties-basics")[("ties-basics", "test-degree")][0] == 0.0


def test_honest_scores_equal_plain_nbgrader(course):
    """Honest students get from the judge exactly what nbgrader's own in-kernel grading gives."""
    mix = ("full", "blank", "float-degree", "strict-threshold", "copier", "explorer")
    sims = cohort.make_cohort(course, "ties-basics", 6, mix=mix)
    plain = cohort.use_plain_nbgrader(cohort.copy_course(course, course.root.parent / "plain"))
    result = _nbgrader(plain)
    assert result.returncode == 0, result.stderr[-2000:]
    autograde(course, "ties-basics", progress=False)
    for sim in sims:
        ours = _scores(course, sim.student, "ties-basics")
        theirs = _scores(plain, sim.student, "ties-basics")
        assert {k: v[0] for k, v in ours.items()} == {k: v[0] for k, v in theirs.items()}, \
            sim.variant


def test_nbgrader_autograde_refuses_without_the_sandbox(course):
    """Where the sandbox cannot run, nbgrader's Autograde writes no grade and names the way out."""
    cohort.make_cohort(course, "ties-basics", 1)
    scripts = str(Path(sys.executable).parent)
    result = _nbgrader(course, env={"PATH": scripts})       # no bubblewrap on this PATH
    log = result.stdout + result.stderr
    assert "weakties-grade autograde" in log, log[-2000:]
    with gradebook.open_gradebook(course) as gb:
        grades = gb.find_submission_notebook("ties-basics", "ties-basics", "s01").grades
        assert all(g.auto_score is None for g in grades)


def test_late_submissions_get_the_course_penalty(course, monkeypatch):
    from grader.stores.course import Course

    cohort.make_cohort(course, "ties-basics", 2)          # submitted at cohort.DEADLINE
    late = cohort.DEADLINE.replace(hour=13)
    cohort.write_submission(course, "s02", "ties-basics", "full", timestamp=late)
    with gradebook.open_gradebook(course) as gb:
        gb.update_or_create_assignment("ties-basics", duedate="2026-03-01 12:30:00 UTC")
    configured = Course.nbgrader_config

    def with_penalty(self):
        config = configured(self)
        config.LateSubmissionPlugin.penalty_method = "zero"     # nbgrader's own plugin
        return config

    monkeypatch.setattr(Course, "nbgrader_config", with_penalty)
    autograde(course, "ties-basics", progress=False, jobs=2)
    with gradebook.open_gradebook(course) as gb:
        on_time = gb.find_submission_notebook("ties-basics", "ties-basics", "s01")
        too_late = gb.find_submission_notebook("ties-basics", "ties-basics", "s02")
        assert on_time.late_submission_penalty is None and on_time.score == 7.0
        assert too_late.score == 7.0 and too_late.late_submission_penalty == 7.0


@pytest.mark.parametrize("where", ["launch", "wait_ready"])
def test_a_judge_that_cannot_start_fails_every_submission_with_the_reason(course, monkeypatch,
                                                                           where):
    """The judge is launched early (it loads the library while the gradebook is read);
    whether it cannot be started or never gets ready, no grade is invented: every
    submission is recorded as failed and says why."""
    from grader.engine.judge import JudgeServer, JudgeUnavailable

    cohort.make_cohort(course, "ties-basics", 2)
    real = getattr(JudgeServer, where)

    def broken(self):
        if where == "wait_ready":
            real(self)                    # a real judge, then stopped: nothing left running
            self.stop()
        raise JudgeUnavailable("the judge process did not start: no memory")

    monkeypatch.setattr(JudgeServer, where, broken)
    outcomes = autograde(course, "ties-basics", progress=False, jobs=2)
    assert [o.status for o in outcomes] == ["failed", "failed"]
    assert all("no memory" in " ".join(o.reasons) for o in outcomes)


def test_a_judge_launched_early_is_stopped_when_the_batch_cannot_run(course, monkeypatch):
    """An unknown student is found after the judge was launched: the judge is stopped."""
    from grader.engine.judge import JudgeServer

    started = []
    real = JudgeServer.launch

    def launch(self):
        started.append(self)
        return real(self)

    monkeypatch.setattr(JudgeServer, "launch", launch)
    cohort.make_cohort(course, "ties-basics", 1)
    with pytest.raises(ValueError, match="nobody"):
        autograde(course, "ties-basics", students=["nobody"], progress=False)
    assert len(started) == 1 and started[0].process is None
