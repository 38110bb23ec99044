"""The record of each autograded submission: graded, flagged or failed, and why.

nbgrader's gradebook has no place for "this submission could not be graded"
or "graded, but the instructor should look at it": a failed submission would
show a score of 0, indistinguishable from a genuine zero. ``weakties-grade
autograde`` therefore keeps, for each (student, assignment), a record with

- ``status``: ``"graded"``, ``"flagged"`` (graded; the reasons say what to
  review: tampering, repaired cells, a timeout...) or ``"failed"`` (not
  graded; the reasons say why);
- ``reasons``: sentences for the instructor;
- ``content_hash`` and ``reference_hash``: what was graded (the submission's
  files, the tests), so that a re-run skips unchanged submissions;
- ``started``, ``finished`` (UTC, ISO 8601), ``seconds``, ``score``,
  ``max_score``.

Where: the table ``weakties_status`` *inside the gradebook file*
(``gradebook.db``, next to nbgrader's own tables, which nbgrader ignores).
Keeping it in the same SQLite file lets the autograde command write a
submission's grades and its status in one transaction: a run killed at any
moment leaves either both or neither, never a status that disagrees with the
grades. Read it with :func:`load_status` (a pandas DataFrame) or
:func:`read_status`.
"""

from __future__ import annotations

import datetime as _dt
import json
import sqlite3
from dataclasses import asdict, dataclass, field
from pathlib import Path

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .course import Course

__all__ = ["TABLE", "STATUSES", "StatusRecord", "load_status", "read_status", "ensure_table",
           "write_status", "now"]

TABLE = "weakties_status"
STATUSES = ("graded", "flagged", "failed")

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS {TABLE} (
    student TEXT NOT NULL,
    assignment TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('graded', 'flagged', 'failed')),
    reasons TEXT NOT NULL DEFAULT '[]',
    content_hash TEXT,
    reference_hash TEXT,
    started TEXT,
    finished TEXT,
    seconds REAL,
    score REAL,
    max_score REAL,
    PRIMARY KEY (student, assignment)
)
"""
_COLUMNS = ("student", "assignment", "status", "reasons", "content_hash", "reference_hash",
            "started", "finished", "seconds", "score", "max_score")


def now() -> str:
    """The current UTC time, ISO 8601."""
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


@dataclass
class StatusRecord:
    """The status of one (student, assignment)."""

    student: str
    assignment: str
    status: str
    reasons: list = field(default_factory=list)
    content_hash: str | None = None
    reference_hash: str | None = None
    started: str | None = None
    finished: str | None = None
    seconds: float | None = None
    score: float | None = None
    max_score: float | None = None

    def __post_init__(self):
        if self.status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {self.status!r}")


def ensure_table(execute) -> None:
    """Create the status table if needed; ``execute(sql, params)`` runs one statement."""
    execute(_SCHEMA, {})


def write_status(execute, record: StatusRecord) -> None:
    """Insert or replace ``record`` with ``execute(sql, params)`` (inside the caller's transaction).

    ``execute`` takes SQL with ``:name`` parameters: a SQLAlchemy session's
    ``lambda sql, p: session.execute(text(sql), p)`` or a sqlite3 cursor's
    ``execute``.
    """
    values = asdict(record)
    values["reasons"] = json.dumps(list(record.reasons), ensure_ascii=False)
    names = ", ".join(_COLUMNS)
    params = ", ".join(f":{c}" for c in _COLUMNS)
    execute(f"INSERT OR REPLACE INTO {TABLE} ({names}) VALUES ({params})", values)


def _gradebook(course) -> Path:
    return Path(course.gradebook if hasattr(course, "gradebook") else course)


def read_status(course) -> dict:
    """``{(student, assignment): StatusRecord}`` for a course (or a gradebook path).

    Empty when nothing was autograded yet. Opens the gradebook read-only.
    """
    path = _gradebook(course)
    if not path.is_file():
        return {}
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    except sqlite3.Error:
        return {}
    try:
        rows = con.execute(f"SELECT {', '.join(_COLUMNS)} FROM {TABLE}").fetchall()
    except sqlite3.OperationalError:   # no such table: never autograded here
        rows = []
    finally:
        con.close()
    out = {}
    for row in rows:
        values = dict(zip(_COLUMNS, row))
        try:
            values["reasons"] = list(json.loads(values["reasons"] or "[]"))
        except ValueError:
            values["reasons"] = [str(values["reasons"])]
        out[(values["student"], values["assignment"])] = StatusRecord(**values)
    return out


def load_status(course):
    """The status of every autograded submission of ``course``, as a pandas DataFrame.

    Columns: ``student``, ``assignment``, ``status`` (``"graded"``,
    ``"flagged"`` or ``"failed"``), ``reasons`` (a list of sentences),
    ``score``, ``max_score``, ``finished`` (UTC, ISO 8601). One row per
    (student, assignment), sorted; empty (with these columns) when nothing
    was autograded.

    Examples
    --------
    >>> import tempfile
    >>> from grader.stores.course import Course
    >>> load_status(Course(tempfile.mkdtemp())).columns.tolist()
    ['student', 'assignment', 'status', 'reasons', 'score', 'max_score', 'finished']
    """
    import pandas as pd

    columns = ["student", "assignment", "status", "reasons", "score", "max_score", "finished"]
    records = sorted(read_status(course).values(), key=lambda r: (r.assignment, r.student))
    return pd.DataFrame([{c: getattr(r, c) for c in columns} for r in records], columns=columns)


def status_of(course: Course) -> dict:
    """Failed and flagged submissions, as ``weakties-grade autograde`` recorded them.

    Returns ``{(student, assignment): {"status": "failed"|"flagged", "reasons": [...]}}``
    from :func:`read_status`; empty when nothing was autograded
    with ``weakties-grade autograde`` (for instance after a stock ``nbgrader
    autograde``).
    """
    out = {}
    for key, record in read_status(course).items():
        if record.status in ("failed", "flagged"):
            out[key] = {"status": record.status, "reasons": [str(r) for r in record.reasons]}
    return out
