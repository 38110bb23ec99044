"""Small helpers shared by the ``weakties-grade`` commands.

Running nbgrader's converters in-process with the course configuration,
checking assignment names, and reading the student version of a notebook.
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

from .cli import UserError
from .course import Course

__all__ = ["check_assignment", "coursedir", "run_converter", "nbgrader_logger",
           "released_notebooks", "status_of"]


def check_assignment(course: Course, assignment: str) -> Path:
    """The source folder of ``assignment``, or a :class:`UserError` listing the known ones.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> src = pathlib.Path(tempfile.mkdtemp())
    >>> (src / "ps1").mkdir(); _ = (src / "ps1" / "a.ipynb").write_text("{}")
    >>> course = Course(tempfile.mkdtemp(), source=src)
    >>> check_assignment(course, "ps1").name
    'ps1'
    >>> check_assignment(course, "ps2")
    Traceback (most recent call last):
    ...
    grader.cli.UserError: there is no assignment 'ps2' in ... Known assignments: ps1.
    """
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", assignment or ""):
        raise UserError(f"{assignment!r} is not an assignment name: use the name of a folder "
                        f"of {course.source} (letters, digits, '.', '_' and '-').")
    folder = course.source / assignment
    if not folder.is_dir() or not any(folder.glob("*.ipynb")):
        known = ", ".join(course.assignments()) or "none"
        raise UserError(f"there is no assignment {assignment!r} in {course.source}. "
                        f"Known assignments: {known}.")
    return folder


def nbgrader_logger() -> logging.Logger:
    """A logger for nbgrader's messages that does not print on its own."""
    log = logging.getLogger("weakties.nbgrader")
    log.propagate = False
    log.setLevel(logging.INFO)
    if not log.handlers:
        log.addHandler(logging.NullHandler())
    return log


def coursedir(course: Course, config=None):
    """nbgrader's ``CourseDirectory`` for ``course`` (with the course configuration)."""
    from nbgrader.coursedir import CourseDirectory

    config = config if config is not None else course.nbgrader_config()
    return CourseDirectory(config=config, log=nbgrader_logger())


def run_converter(converter_class, course: Course, assignment: str, student: str | None = None,
                  *, config=None, what: str = "nbgrader", **traits) -> str:
    """Run an nbgrader converter (GenerateAssignment, GenerateFeedback, ...) in-process.

    Returns nbgrader's log. A failure raises :class:`UserError` with
    nbgrader's own error messages (not its traceback).
    """
    from nbgrader.converters.base import NbGraderException

    config = config if config is not None else course.nbgrader_config()
    log = nbgrader_logger()
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(logging.Formatter("[%(levelname)s] %(message)s"))
    log.addHandler(handler)
    cdir = coursedir(course, config)
    cdir.assignment_id = assignment
    if student is not None:
        cdir.student_id = student
    try:
        converter = converter_class(coursedir=cdir, config=config, log=log)
        for name, value in traits.items():
            setattr(converter, name, value)
        converter.start()
    except (NbGraderException, SystemExit) as exc:
        detail = nbgrader_error(buffer.getvalue()) or str(exc) or "see nbgrader's messages"
        raise UserError(f"{what} failed for {assignment}: {detail}") from None
    finally:
        log.removeHandler(handler)
    return buffer.getvalue()


def nbgrader_error(log: str) -> str:
    """The useful part of nbgrader's error messages in ``log`` (one line).

    Examples
    --------
    >>> nbgrader_error("[INFO] ok\n[ERROR] Bad cell 'x'\n[ERROR] Please see the the above "
    ...                "traceback for details on the specific errors on the above failures.")
    "Bad cell 'x'"
    """
    lines = log.splitlines()
    found = []
    for i, line in enumerate(lines):
        if not line.startswith("[ERROR] "):
            continue
        text = line[len("[ERROR] "):].strip()
        if text.startswith("Traceback"):
            # keep the exception line that ends the traceback
            for follow in lines[i + 1:]:
                if follow.startswith("["):
                    break
                if follow and not follow.startswith(" "):
                    text = follow.strip()
            found.append(text)
        elif not text.startswith(("Please see the", "There was an error processing")):
            found.append(text)
    return "; ".join(dict.fromkeys(found))


def released_notebooks(course: Course, assignment: str) -> list[str]:
    """Names (without ``.ipynb``) of the notebooks of ``assignment``, from its source."""
    folder = course.source / assignment
    return sorted(p.stem for p in folder.glob("*.ipynb"))


def status_of(course: Course) -> dict:
    """Failed and flagged submissions, from :func:`grader.status.load_status`.

    Returns ``{(student, assignment): {"status": "failed"|"flagged", "reasons": [..]}}``;
    empty when the status module or file is not there (nothing was graded
    with ``weakties-grade autograde``).
    """
    try:
        from .status import load_status
    except ImportError:
        return {}
    return normalise_status(load_status(course))


def normalise_status(raw) -> dict:
    """Accept the status records in the shapes :mod:`grader.status` may give."""
    out: dict = {}
    if not raw:
        return out
    if isinstance(raw, dict):
        items = []
        for key, value in raw.items():
            if isinstance(key, tuple) and len(key) == 2:
                items.append((key, value))
            elif isinstance(value, dict) and all(isinstance(v, dict) for v in value.values()):
                # {assignment: {student: record}} or {student: {assignment: record}}
                for inner, record in value.items():
                    items.append(((key, inner), record))
            else:
                items.append((key, value))
    else:
        items = [(None, record) for record in raw]
    for key, record in items:
        record = _record_dict(record)
        student = record.get("student") or record.get("student_id")
        assignment = record.get("assignment") or record.get("assignment_id")
        if (student is None or assignment is None) and isinstance(key, tuple):
            a, b = key
            student, assignment = (student or a, assignment or b)
        status = str(record.get("status") or record.get("state") or "").lower()
        if record.get("failed") is True:
            status = "failed"
        elif record.get("flagged") is True and status != "failed":
            status = "flagged"
        if status not in ("failed", "flagged"):
            continue
        reasons = record.get("reasons") or record.get("reason") or []
        if isinstance(reasons, str):
            reasons = [reasons]
        out[(str(student), str(assignment))] = {"status": status,
                                                "reasons": [str(r) for r in reasons]}
    return out


def _record_dict(record) -> dict:
    if isinstance(record, dict):
        return record
    if hasattr(record, "_asdict"):
        return record._asdict()
    if hasattr(record, "__dataclass_fields__"):
        import dataclasses
        return dataclasses.asdict(record)
    return dict(vars(record)) if hasattr(record, "__dict__") else {"status": record}
