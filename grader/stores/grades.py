"""Writing one graded submission: its notebooks to ``autograded/``, its grades to the gradebook.

Called by the parent process of the autograde batch only
(:mod:`grader.engine.batch`): the executed notebooks are written atomically
into ``autograded/<student>/<assignment>/``, then the grades, comments, late
penalties and the status record (:mod:`grader.stores.status`) in **one
transaction** per submission, with nbgrader's own Gradebook API and ORM
classes.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from ..engine.pipeline import FAILED, FLAGGED, IGNORED

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..engine.batch import _Graded
    from .course import Course

__all__ = ["regular_files", "write_autograded", "save"]


def regular_files(folder: Path):
    """Regular files below ``folder`` (no symbolic links followed), sorted."""
    out = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if d not in IGNORED)
        for name in sorted(files):
            path = Path(root) / name
            if not path.is_symlink() and path.is_file():
                out.append(path)
    return out


def write_autograded(course: Course, graded: _Graded) -> None:
    """Write the executed notebooks and the submission's files to autograded/ (atomically)."""
    import nbformat

    task = graded.task
    dest = course.autograded / task.student / task.assignment
    dest.parent.mkdir(parents=True, exist_ok=True)
    for stale in dest.parent.glob(f".{task.assignment}.*"):     # left by a killed run
        shutil.rmtree(stale, ignore_errors=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{task.assignment}.", dir=dest.parent))
    folder = Path(task.folder)
    for path in regular_files(folder):
        if path.suffix == ".ipynb":
            continue
        target = tmp / path.relative_to(folder)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    for rel, path in task.source_files:
        target = tmp / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    from ..render.html import sanitize_notebook

    for name, result in graded.results.items():
        if result.notebook is not None:
            # Nothing a student wrote may run where the notebook is shown (formgrader).
            clean, _ = sanitize_notebook(result.notebook)
            # nbformat's own JSON writer; the schema was checked when the notebook was read.
            (tmp / f"{name}.ipynb").write_text(nbformat.v4.nbjson.writes(clean),
                                               encoding="utf-8")
    old = None
    if dest.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{task.assignment}.old.", dir=dest.parent))
        os.replace(dest, old / "x")
    os.replace(tmp, dest)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _late_penalties(gb, submission, penalties) -> None:
    """nbgrader's late submission penalties (its AssignLatePenalties, with the course's plugin)."""
    seconds = submission.total_seconds_late
    for snb in submission.notebooks:
        if snb.late_submission_penalty is not None:
            snb.late_submission_penalty = None
        if seconds > 0:
            gb.db.flush()
            gb.db.expire(snb)            # reload the score computed by the database
            penalty = penalties.plugin_inst.late_submission_penalty(
                submission.student_id, snb.score, seconds)
            if penalty is not None:
                snb.late_submission_penalty = penalties._check_late_penalty(snb, penalty)


def _rows(db, submission):
    """A submission's grades and comments, {(notebook, cell name): row}, and its notebooks.

    Three queries, where nbgrader's ``find_grade`` makes one join per cell.
    """
    from nbgrader.api import BaseCell, Comment, Grade, Notebook, SubmittedNotebook

    def keyed(model):
        query = (db.query(model, Notebook.name, BaseCell.name)
                 .join(BaseCell, BaseCell.id == model.cell_id)
                 .join(SubmittedNotebook, SubmittedNotebook.id == model.notebook_id)
                 .join(Notebook, Notebook.id == SubmittedNotebook.notebook_id)
                 .filter(SubmittedNotebook.assignment_id == submission.id))
        return {(notebook, cell): row for row, notebook, cell in query}

    notebooks = {name: snb for snb, name in
                 db.query(SubmittedNotebook, Notebook.name)
                 .join(Notebook, Notebook.id == SubmittedNotebook.notebook_id)
                 .filter(SubmittedNotebook.assignment_id == submission.id)}
    return keyed(Grade), keyed(Comment), notebooks


def save(gb, graded: _Graded, state: str, reasons: list, digest: str,
          penalties=None) -> tuple[list, list]:
    """Write one submission's grades, comments and status in one transaction."""
    from nbgrader.api import (Comment, Grade, MissingEntry, Student, SubmittedAssignment,
                              SubmittedNotebook)
    from nbgrader.utils import parse_utc
    from sqlalchemy import text

    from . import status

    task = graded.task
    db = gb.db
    changes, kept = [], []
    try:
        try:
            student = gb.find_student(task.student)
        except MissingEntry:
            student = Student(id=task.student)
            db.add(student)
        try:
            submission = gb.find_submission(task.assignment, task.student)
        except MissingEntry:
            # As Gradebook.add_submission does, but without committing on its own.
            with db.no_autoflush:
                submission = SubmittedAssignment(
                    assignment=gb.find_assignment(task.assignment), student=student)
                rows = [submission]
                for notebook in submission.assignment.notebooks:
                    snb = SubmittedNotebook(notebook=notebook, assignment=submission)
                    rows.append(snb)
                    for cell in notebook.grade_cells:
                        rows.append(Grade(cell_id=cell.id, notebook=snb))
                    for cell in notebook.solution_cells:
                        rows.append(Comment(cell_id=cell.id, notebook=snb))
                    for cell in notebook.task_cells:
                        rows += [Comment(cell_id=cell.id, notebook=snb),
                                 Grade(cell_id=cell.id, notebook=snb)]
                db.add_all(rows)
        if graded.timestamp:
            try:
                submission.timestamp = parse_utc(graded.timestamp)
            except Exception:  # noqa: BLE001 - a bad timestamp.txt is not worth a failure
                pass
        db.flush()
        grades, comments, notebooks = _rows(db, submission)
        for name, result in graded.results.items():
            failed = result.status == FAILED and not result.missing
            for cell in result.cells:
                grade = grades[(name, cell.grade_id)]
                if failed:
                    if grade.auto_score is None:
                        grade.needs_manual_grade = True
                    continue        # keep any earlier automatic score; the status says failed
                new = cell.points
                old = grade.auto_score
                changed = old is not None and new is not None and abs(old - new) > 1e-9
                if changed:
                    changes.append(f"{name}/{cell.grade_id}: {old:g} -> {new:g}")
                grade.auto_score = new
                # A person must look when the grader cannot score the cell (a
                # reflection) and nobody has yet, when its test was tampered with,
                # or when a hand-given score now overrides a different automatic one.
                grade.needs_manual_grade = bool(
                    (new is None and grade.manual_score is None) or cell.tampered
                    or (grade.manual_score is not None and changed))
                if grade.manual_score is not None:
                    kept.append(f"{name}/{cell.grade_id}: manual score {grade.manual_score:g} "
                                "kept")
            for cell in task.references[name].cells:
                if not (cell.solution or cell.task) or failed:
                    continue
                comment = comments[(name, cell.grade_id)]
                comment.auto_comment = ("No response." if cell.solution and
                                        not result.answered.get(cell.grade_id, False) else None)
            if result.status in (FLAGGED, FAILED):     # shown with a flag in the formgrader
                notebooks[name].flagged = True
        if penalties is not None and state != FAILED:
            _late_penalties(gb, submission, penalties)
        score = sum(r.score for r in graded.results.values() if r.status != FAILED or r.missing)
        record = status.StatusRecord(
            task.student, task.assignment, state, reasons, task.content_hash, digest,
            graded.started, graded.finished, round(graded.seconds, 3),
            None if state == FAILED else score,
            sum(task.references[n].max_score for n in graded.results))
        status.write_status(lambda sql, p: db.execute(text(sql), p), record)
        db.commit()
    except Exception:
        db.rollback()
        raise
    return changes, kept
