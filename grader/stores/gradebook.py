"""Gradebook safety: backups before each autograde run, and an integrity check.

``weakties-grade gradebook`` (:mod:`grader.commands.gradebook`) has four actions::

    weakties-grade gradebook check                 # integrity and consistency
    weakties-grade gradebook check --against latest  # ... and no grade lost since the last backup
    weakties-grade gradebook backup                # a copy now
    weakties-grade gradebook list                  # the backups, newest last
    weakties-grade gradebook restore PATH          # put a backup back (the current one is kept)

Backups are consistent copies made with SQLite's online backup (safe while
the formgrader is open), named ``gradebook-<UTC time>.db`` in the course's
``backups/`` folder; the autograde command makes one before each run and
keeps the last :data:`KEEP`.

:func:`check` returns a list of problems (empty when all is well):

- SQLite's ``PRAGMA integrity_check`` and ``PRAGMA foreign_key_check``;
- every submitted notebook has a grade for each of its grade cells and a
  comment for each of its answer cells;
- every score lies within its bounds (0 to the cell's points);
- every submission the autograde status table calls graded or flagged has an
  automatic score for each autograded test cell;
- given an earlier copy (``against``): every submission, manual score,
  extra credit, manual comment and automatic score in it is still there.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
import sqlite3
from pathlib import Path

__all__ = ["KEEP", "open_gradebook", "backup", "backups", "restore", "check"]


#: Backups kept by default.
KEEP = 20


@contextlib.contextmanager
def open_gradebook(course):
    """nbgrader's :class:`~nbgrader.api.Gradebook` of ``course`` (closed afterwards)."""
    from nbgrader.api import Gradebook

    from ..engine.converters import tools_on_path

    tools_on_path()      # nbgrader runs `alembic` by name when it creates a gradebook
    course_id = course.nbgrader_config().CourseDirectory.course_id or "default_course"
    gb = Gradebook(course.db_url, course_id)
    try:
        yield gb
    finally:
        gb.close()


def backups(course) -> list[Path]:
    """The backups of the gradebook, oldest first."""
    folder = Path(course.backups)
    return sorted(folder.glob("gradebook-*.db")) if folder.is_dir() else []


def backup(course, keep: int = KEEP) -> Path | None:
    """Copy the gradebook into ``course.backups``; returns the copy (``None``: no gradebook yet).

    Keeps the newest ``keep`` backups.

    Examples
    --------
    >>> import sqlite3, tempfile
    >>> from grader.stores.course import Course
    >>> course = Course(tempfile.mkdtemp())
    >>> backup(course) is None
    True
    >>> sqlite3.connect(course.gradebook).execute("CREATE TABLE t (x)").connection.close()
    >>> backup(course).name.startswith("gradebook-")
    True
    """
    source = Path(course.gradebook)
    if not source.is_file():
        return None
    folder = Path(course.backups)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y%m%dT%H%M%S.%fZ")
    dest = folder / f"gradebook-{stamp}.db"
    part = dest.with_suffix(".db.part")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=60)
    out = sqlite3.connect(part)
    try:
        src.backup(out)
    finally:
        out.close()
        src.close()
    os.replace(part, dest)
    for old in backups(course)[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)
    return dest


def restore(course, source: str | os.PathLike) -> Path | None:
    """Put the backup ``source`` in place of the gradebook; returns the backup of the current one."""
    source = Path(source)
    problems = _sqlite_problems(source)
    if problems:
        raise ValueError(f"{source} is not a sound gradebook ({problems[0]}); choose another "
                         "backup (`weakties-grade gradebook list`).")
    kept = backup(course, keep=10**6)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    out = sqlite3.connect(course.gradebook, timeout=60)
    try:
        src.backup(out)
    finally:
        out.close()
        src.close()
    return kept


def _sqlite_problems(path: Path) -> list[str]:
    if not path.is_file():
        return [f"{path} does not exist"]
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=60)
        try:
            rows = [r[0] for r in con.execute("PRAGMA integrity_check")]
            fk = con.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return [f"SQLite cannot read it ({exc})"]
    problems = [] if rows == ["ok"] else [f"SQLite integrity check: {'; '.join(rows[:5])}"]
    if fk:
        problems.append(f"{len(fk)} rows point at missing rows (foreign keys)")
    return problems


def _read(path: Path):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=60)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "grade" not in tables:
            return None
        grades = {tuple(r[:4]): r[4:] for r in con.execute(_GRADES_SQL)}
        comments = {tuple(r[:4]): r[4] for r in con.execute(_COMMENTS_SQL)}
        submissions = set(con.execute(
            "SELECT s.student_id, a.name FROM submitted_assignment s "
            "JOIN assignment a ON a.id = s.assignment_id").fetchall())
        expected_grades = con.execute("""
            SELECT s.student_id, a.name, n.name, c.name
            FROM submitted_notebook sn
            JOIN submitted_assignment s ON s.id = sn.assignment_id
            JOIN assignment a ON a.id = s.assignment_id
            JOIN notebook n ON n.id = sn.notebook_id
            JOIN base_cell c ON c.notebook_id = n.id
            WHERE c.type IN ('GradeCell', 'TaskCell')""").fetchall()
        expected_comments = con.execute("""
            SELECT s.student_id, a.name, n.name, c.name
            FROM submitted_notebook sn
            JOIN submitted_assignment s ON s.id = sn.assignment_id
            JOIN assignment a ON a.id = s.assignment_id
            JOIN notebook n ON n.id = sn.notebook_id
            JOIN base_cell c ON c.notebook_id = n.id
            WHERE c.type IN ('SolutionCell', 'TaskCell')""").fetchall()
        tests = set(con.execute("""
            SELECT a.name, n.name, c.name FROM base_cell c
            JOIN grade_cells gc ON gc.id = c.id
            JOIN notebook n ON n.id = c.notebook_id
            JOIN assignment a ON a.id = n.assignment_id
            WHERE gc.cell_type = 'code' AND NOT EXISTS (
                SELECT 1 FROM base_cell s WHERE s.notebook_id = c.notebook_id
                AND s.name = c.name AND s.type = 'SolutionCell')""").fetchall())
    finally:
        con.close()
    return {"grades": grades, "comments": comments, "submissions": submissions,
            "expected_grades": expected_grades, "expected_comments": expected_comments,
            "tests": tests}


def _label(key) -> str:
    return "/".join(str(k) for k in key)


def check(course, against: str | os.PathLike | None = None) -> list[str]:
    """Problems of the course's gradebook (an empty list when it is sound).

    ``against``: an earlier copy (a path, or ``"latest"`` for the newest
    backup) whose grades must all still be there.
    """
    from .status import read_status

    path = Path(course.gradebook)
    if not path.is_file():
        return [f"there is no gradebook at {path}"]
    problems = _sqlite_problems(path)
    if problems:
        return problems
    now = _read(path)
    if now is None:
        return ["the gradebook has no nbgrader tables"]
    for key in now["expected_grades"]:
        if tuple(key) not in now["grades"]:
            problems.append(f"no grade row for {_label(key)}")
    for key in now["expected_comments"]:
        if tuple(key) not in now["comments"]:
            problems.append(f"no comment row for {_label(key)}")
    for key, (kind, auto, manual, extra, max_score) in now["grades"].items():
        top = float(max_score or 0)
        for what, value in (("automatic", auto), ("manual", manual)):
            if value is not None and not (-1e-9 <= value <= top + 1e-9):
                problems.append(f"{what} score {value:g} of {_label(key)} is outside 0 to {top:g}")
    for (student, assignment), record in read_status(course).items():
        if record.status == "failed":
            continue
        if (student, assignment) not in now["submissions"]:
            problems.append(f"{student}/{assignment} is {record.status} but has no submission in "
                            "the gradebook")
            continue
        for a, notebook, cell in now["tests"]:
            if a != assignment:
                continue
            row = now["grades"].get((student, assignment, notebook, cell))
            if row is not None and row[1] is None:
                problems.append(f"{student}/{assignment}/{notebook}/{cell} is {record.status} "
                                "but has no automatic score")
    if against is not None:
        if str(against) == "latest":
            found = backups(course)
            if not found:
                return problems + ["there is no backup to compare with"]
            against = found[-1]
        before = _read(Path(against))
        if before is None:
            return problems + [f"{against} is not a gradebook"]
        for key in sorted(before["submissions"] - now["submissions"]):
            problems.append(f"the submission {_label(key)} was lost")
        for key, (kind, auto, manual, extra, _) in before["grades"].items():
            row = now["grades"].get(key)
            if row is None:
                problems.append(f"the grade of {_label(key)} was lost")
                continue
            if manual is not None and row[2] != manual:
                problems.append(f"the manual score of {_label(key)} changed ({manual:g} -> "
                                f"{row[2] if row[2] is None else f'{row[2]:g}'})")
            if extra is not None and row[3] != extra:
                problems.append(f"the extra credit of {_label(key)} changed")
            if auto is not None and row[1] is None:
                problems.append(f"the automatic score of {_label(key)} was lost")
        for key, text in before["comments"].items():
            if text and now["comments"].get(key) != text:
                problems.append(f"the instructor's comment on {_label(key)} was lost")
    return problems


_GRADES_SQL = """
SELECT s.student_id, a.name, n.name, c.name, c.type, g.auto_score, g.manual_score,
       g.extra_credit, COALESCE(gc.max_score, tc.max_score)
FROM grade g
JOIN submitted_notebook sn ON sn.id = g.notebook_id
JOIN submitted_assignment s ON s.id = sn.assignment_id
JOIN assignment a ON a.id = s.assignment_id
JOIN notebook n ON n.id = sn.notebook_id
JOIN base_cell c ON c.id = g.cell_id
LEFT JOIN grade_cells gc ON gc.id = c.id
LEFT JOIN task_cells tc ON tc.id = c.id
"""


_COMMENTS_SQL = """
SELECT s.student_id, a.name, n.name, c.name, cm.manual_comment
FROM comment cm
JOIN submitted_notebook sn ON sn.id = cm.notebook_id
JOIN submitted_assignment s ON s.id = sn.assignment_id
JOIN assignment a ON a.id = s.assignment_id
JOIN notebook n ON n.id = sn.notebook_id
JOIN base_cell c ON c.id = cm.cell_id
"""
