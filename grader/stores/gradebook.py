"""Gradebook safety: backups before each autograde run, and an integrity check.

The gradebook is nbgrader's database: ``gradebook.db`` (SQLite) in the
course folder by default, or a PostgreSQL database when the course says so
(``course.ini`` or ``WEAKTIES_DB_URL``, see :mod:`grader.stores.course`).
Everything here works on both.

``weakties-grade gradebook`` (:mod:`grader.commands.gradebook`) has four actions::

    weakties-grade gradebook check                 # integrity and consistency
    weakties-grade gradebook check --against latest  # ... and no grade lost since the last backup
    weakties-grade gradebook backup                # a copy now
    weakties-grade gradebook list                  # the backups, newest last
    weakties-grade gradebook restore PATH          # put a backup back (the current one is kept)

Backups are consistent copies, safe while the formgrader is open: SQLite's
online backup (``gradebook-<UTC time>.db``), or PostgreSQL's ``pg_dump``
in its custom format (``gradebook-<UTC time>.dump``, put back with
``pg_restore``), in the course's ``backups/`` folder; the autograde command
makes one before each run and keeps the last :data:`KEEP`.

:func:`check` returns a list of problems (empty when all is well):

- SQLite's ``PRAGMA integrity_check`` and ``PRAGMA foreign_key_check``
  (PostgreSQL enforces both itself: there, that the database answers);
- every submitted notebook has a grade for each of its grade cells and a
  comment for each of its answer cells;
- every score lies within its bounds (0 to the cell's points);
- every submission the autograde status table calls graded or flagged has an
  automatic score for each autograded test cell;
- given an earlier copy (``against``): every submission, manual score,
  extra credit, manual comment and automatic score in it is still there (a
  PostgreSQL backup is read in a scratch database, which needs the right to
  create one).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import glob
import os
import secrets
import shutil
import sqlite3
import subprocess
from pathlib import Path

__all__ = ["KEEP", "open_gradebook", "backup", "backups", "restore", "check", "reader",
           "table_names"]


#: Backups kept by default.
KEEP = 20


def _db_url(course) -> str:
    """The SQLAlchemy URL of a course, or of an SQLite gradebook given by its path."""
    if hasattr(course, "db_url"):
        return course.db_url
    return f"sqlite:///{Path(course)}"


def _sqlite_path(url: str) -> Path | None:
    return Path(url[len("sqlite:///"):]) if url.startswith("sqlite:///") else None


@contextlib.contextmanager
def reader(course):
    """A read-only SQLAlchemy connection to the gradebook (``None``: no SQLite file yet).

    An SQLite gradebook is opened read-only, so that reading never creates it.
    """
    from sqlalchemy import create_engine

    url = _db_url(course)
    path = _sqlite_path(url)
    if path is not None:
        if not path.is_file():
            yield None
            return
        engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(
            f"file:{path}?mode=ro", uri=True, timeout=60))
    else:
        engine = create_engine(url)
    try:
        try:
            con = engine.connect()
        except Exception as exc:  # the database is down, unreachable or refuses us
            from sqlalchemy.engine import make_url

            from ..errors import UserError
            shown = make_url(url).render_as_string(hide_password=True)
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            raise UserError(
                f"cannot reach the gradebook database {shown}: {reason}. Start the database "
                "(on the course's hub: python deploy/hub/stack.py start) or correct db_url in "
                "the course's course.ini, then run the command again; nothing was changed."
            ) from None
        with con:
            yield con
    finally:
        engine.dispose()


def table_names(course) -> list[str]:
    """The tables of the gradebook (empty when it does not exist yet)."""
    from sqlalchemy import inspect

    with reader(course) as con:
        return [] if con is None else sorted(inspect(con).get_table_names())


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
    """The backups of the gradebook (SQLite ``.db`` or PostgreSQL ``.dump``), oldest first."""
    folder = Path(course.backups)
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob("gradebook-*") if p.suffix in (".db", ".dump")]
    return sorted(found, key=lambda p: p.name)


def _stamp() -> str:
    return _dt.datetime.now(_dt.timezone.utc).strftime("%Y%m%dT%H%M%S.%fZ")


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
    url = course.db_url
    source = _sqlite_path(url)
    folder = Path(course.backups)
    if source is not None:
        if not source.is_file():
            return None
        folder.mkdir(parents=True, exist_ok=True)
        dest = folder / f"gradebook-{_stamp()}.db"
        part = dest.with_suffix(".db.part")
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=60)
        out = sqlite3.connect(part)
        try:
            src.backup(out)
        finally:
            out.close()
            src.close()
    else:
        if not table_names(course):
            return None
        folder.mkdir(parents=True, exist_ok=True)
        dest = folder / f"gradebook-{_stamp()}.dump"
        part = dest.with_suffix(".dump.part")
        _pg_run(url, "pg_dump", "--format=custom", "--no-owner", "--file", str(part))
    os.replace(part, dest)
    for old in backups(course)[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)
    return dest


def restore(course, source: str | os.PathLike) -> Path | None:
    """Put the backup ``source`` in place of the gradebook; returns the backup of the current one."""
    source = Path(source)
    url = course.db_url
    target = _sqlite_path(url)
    if target is not None:
        if source.suffix == ".dump":
            raise ValueError(f"{source} is a PostgreSQL backup, and this course's gradebook is "
                             f"SQLite ({target}): choose a .db backup (`weakties-grade gradebook "
                             "list`).")
        problems = _sqlite_problems(source)
        if problems:
            raise ValueError(f"{source} is not a sound gradebook ({problems[0]}); choose "
                             "another backup (`weakties-grade gradebook list`).")
        kept = backup(course, keep=10**6)
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        out = sqlite3.connect(target, timeout=60)
        try:
            src.backup(out)
        finally:
            out.close()
            src.close()
        return kept
    if source.suffix != ".dump":
        raise ValueError(f"{source} is not a PostgreSQL backup (gradebook-*.dump), and this "
                         "course's gradebook is in PostgreSQL: choose a .dump backup "
                         "(`weakties-grade gradebook list`).")
    if not source.is_file():
        raise ValueError(f"{source} does not exist: choose a backup from `weakties-grade "
                         "gradebook list`.")
    try:
        _pg_run(url, "pg_restore", "--list", str(source), database=False)
    except ValueError as exc:
        raise ValueError(f"{source} is not a sound PostgreSQL backup ({exc}); choose another "
                         "backup (`weakties-grade gradebook list`).") from None
    kept = backup(course, keep=10**6)
    _pg_clear(url)
    _pg_run(url, "pg_restore", "--no-owner", "--single-transaction", "--exit-on-error",
            str(source))
    return kept


# ---------------------------------------------------------------------------
# PostgreSQL: its own tools, pg_dump and pg_restore


def _pg_tool(name: str) -> str:
    """The newest ``pg_dump``/``pg_restore`` of the machine (not older than the server)."""
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                   key=lambda p: int(Path(p).parts[4]) if Path(p).parts[4].isdigit() else 0)
    if found:
        return found[-1]
    tool = shutil.which(name)
    if tool:
        return tool
    raise ValueError(f"{name} is not installed: the PostgreSQL gradebook is backed up and "
                     "restored with PostgreSQL's own tools (`apt-get install postgresql-client`).")


def _libpq(url: str) -> tuple[str, dict]:
    """A libpq connection URI for ``url`` (without its password) and the environment to use it."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password is not None:
        env["PGPASSWORD"] = str(parsed.password)
    plain = parsed.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _pg_run(url: str, tool: str, *args: str, database: bool = True) -> str:
    uri, env = _libpq(url)
    command = [_pg_tool(tool), *args] + ([f"--dbname={uri}"] if database else [])
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        lines = [line.strip() for line in (result.stderr or result.stdout).splitlines()
                 if line.strip()]
        errors = [line for line in lines if "error" in line.lower()] or lines
        raise ValueError(f"{tool} failed: {errors[0] if errors else f'exit {result.returncode}'}")
    return result.stdout


def _pg_clear(url: str) -> None:
    """Empty the gradebook's schema: tables, and the enumerated types nbgrader creates
    (before a restore puts the backup's back; the database's owner may do it)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.begin() as con:
            con.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            con.execute(text("CREATE SCHEMA public"))
    finally:
        engine.dispose()


@contextlib.contextmanager
def _scratch_copy(url: str, dump: Path):
    """The backup ``dump`` restored into a scratch PostgreSQL database; yields its URL."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"weakties_check_{secrets.token_hex(6)}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as con:
            con.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # noqa: BLE001 - reported as a problem, with its reason
        admin.dispose()
        raise ValueError("comparing with a PostgreSQL backup needs the right to create a "
                         f"scratch database (CREATEDB): {str(exc).splitlines()[0]}") from None
    scratch = make_url(url).set(database=name).render_as_string(hide_password=False)
    try:
        _pg_run(scratch, "pg_restore", "--no-owner", "--exit-on-error", str(dump))
        yield scratch
    finally:
        with admin.connect() as con:
            con.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


# ---------------------------------------------------------------------------
# The check


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


def _read(source):
    """The grades, comments and submissions of a gradebook (a course, a URL or an SQLite path)."""
    from sqlalchemy import inspect, text

    if isinstance(source, str) and "://" in source:
        source = _UrlOnly(source)
    with reader(source) as con:
        if con is None or "grade" not in inspect(con).get_table_names():
            return None

        def rows(sql):
            return [tuple(r) for r in con.execute(text(sql)).fetchall()]

        grades = {tuple(r[:4]): r[4:] for r in rows(_GRADES_SQL)}
        comments = {tuple(r[:4]): r[4] for r in rows(_COMMENTS_SQL)}
        submissions = set(rows(
            "SELECT s.student_id, a.name FROM submitted_assignment s "
            "JOIN assignment a ON a.id = s.assignment_id"))
        expected_grades = rows("""
            SELECT s.student_id, a.name, n.name, c.name
            FROM submitted_notebook sn
            JOIN submitted_assignment s ON s.id = sn.assignment_id
            JOIN assignment a ON a.id = s.assignment_id
            JOIN notebook n ON n.id = sn.notebook_id
            JOIN base_cell c ON c.notebook_id = n.id
            WHERE c.type IN ('GradeCell', 'TaskCell')""")
        expected_comments = rows("""
            SELECT s.student_id, a.name, n.name, c.name
            FROM submitted_notebook sn
            JOIN submitted_assignment s ON s.id = sn.assignment_id
            JOIN assignment a ON a.id = s.assignment_id
            JOIN notebook n ON n.id = sn.notebook_id
            JOIN base_cell c ON c.notebook_id = n.id
            WHERE c.type IN ('SolutionCell', 'TaskCell')""")
        tests = set(rows("""
            SELECT a.name, n.name, c.name FROM base_cell c
            JOIN grade_cells gc ON gc.id = c.id
            JOIN notebook n ON n.id = c.notebook_id
            JOIN assignment a ON a.id = n.assignment_id
            WHERE gc.cell_type = 'code' AND NOT EXISTS (
                SELECT 1 FROM base_cell s WHERE s.notebook_id = c.notebook_id
                AND s.name = c.name AND s.type = 'SolutionCell')"""))
    return {"grades": grades, "comments": comments, "submissions": submissions,
            "expected_grades": expected_grades, "expected_comments": expected_comments,
            "tests": tests}


class _UrlOnly:
    """A stand-in course that has only a database URL."""

    def __init__(self, url: str):
        self.db_url = url


def _read_backup(course, against: Path):
    if against.suffix == ".dump":
        if course.sqlite:
            raise ValueError(f"{against} is a PostgreSQL backup and this course's gradebook is "
                             "SQLite")
        with _scratch_copy(course.db_url, against) as url:
            return _read(url)
    if not against.is_file():
        raise ValueError(f"{against} does not exist")
    return _read(against)


def _label(key) -> str:
    return "/".join(str(k) for k in key)


def check(course, against: str | os.PathLike | None = None) -> list[str]:
    """Problems of the course's gradebook (an empty list when it is sound).

    ``against``: an earlier copy (a path, or ``"latest"`` for the newest
    backup) whose grades must all still be there.
    """
    from .status import read_status

    if course.sqlite:
        path = _sqlite_path(course.db_url)
        if not path.is_file():
            return [f"there is no gradebook at {path}"]
        problems = _sqlite_problems(path)
        if problems:
            return problems
        now = _read(course)
    else:
        problems = []
        try:
            now = _read(course)
        except Exception as exc:  # noqa: BLE001 - the database does not answer: say why
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            return [f"the PostgreSQL gradebook {course.gradebook_label()} does not answer "
                    f"({first})"]
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
        try:
            before = _read_backup(course, Path(against))
        except ValueError as exc:
            return problems + [f"cannot compare with {against}: {exc}"]
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
