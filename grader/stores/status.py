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

Where: the table ``weakties_status`` *inside the gradebook* (``gradebook.db``,
or the course's PostgreSQL database), next to nbgrader's own tables, which
nbgrader ignores. Keeping it in the same database lets the autograde command
write a submission's grades and its status in one transaction: a run killed
at any moment, or a database restarted in the middle of a run, leaves either
both or neither, never a status that disagrees with the grades. Read it with
:func:`load_status` (a pandas DataFrame) or :func:`read_status`.

The SQL is the same on SQLite and PostgreSQL (SQLAlchemy; an upsert with
``ON CONFLICT``, which both have).
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import asdict, dataclass, field

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
    seconds DOUBLE PRECISION,
    score DOUBLE PRECISION,
    max_score DOUBLE PRECISION,
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
    execute(_UPSERT, values)


_UPSERT = (f"INSERT INTO {TABLE} ({', '.join(_COLUMNS)}) "
           f"VALUES ({', '.join(':' + c for c in _COLUMNS)}) "
           "ON CONFLICT (student, assignment) DO UPDATE SET "
           + ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS[2:]))


def read_status(course) -> dict:
    """``{(student, assignment): StatusRecord}`` for a course (or an SQLite gradebook path).

    Empty when nothing was autograded yet. An SQLite gradebook is opened
    read-only (and never created).
    """
    from sqlalchemy import inspect, text

    from .gradebook import reader

    with reader(course) as con:
        if con is None or TABLE not in inspect(con).get_table_names():
            return {}     # no gradebook, or never autograded here
        rows = con.execute(text(f"SELECT {', '.join(_COLUMNS)} FROM {TABLE}")).fetchall()
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
