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
        error = UserError(f"{what} failed for {assignment}: {detail}")
        error.log = buffer.getvalue()
        raise error from None
    finally:
        log.removeHandler(handler)
    return buffer.getvalue()


def nbgrader_error(log: str) -> str:
    r"""The useful part of nbgrader's error messages in ``log`` (one line).

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
    cleaned = []
    for text in found:
        # "package.module.SomeError: message" -> "message"
        text = re.sub(r"^(?:[A-Za-z_][\w]*\.)+[A-Za-z_]\w*(?:Error|Exception): ", "", text)
        text = re.sub(r"^NbGraderException: ", "", text)
        if text and not any(text in other for other in cleaned):
            cleaned = [c for c in cleaned if c not in text] + [text]
    return "; ".join(cleaned)


def released_notebooks(course: Course, assignment: str) -> list[str]:
    """Names (without ``.ipynb``) of the notebooks of ``assignment``, from its source."""
    folder = course.source / assignment
    return sorted(p.stem for p in folder.glob("*.ipynb"))


def status_of(course: Course) -> dict:
    """Failed and flagged submissions, as ``weakties-grade autograde`` recorded them.

    Returns ``{(student, assignment): {"status": "failed"|"flagged", "reasons": [...]}}``
    from :func:`grader.status.read_status`; empty when nothing was autograded
    with ``weakties-grade autograde`` (for instance after a stock ``nbgrader
    autograde``).
    """
    try:
        from .status import read_status
    except ImportError:
        return {}
    out = {}
    for key, record in read_status(course).items():
        if record.status in ("failed", "flagged"):
            out[key] = {"status": record.status, "reasons": [str(r) for r in record.reasons]}
    return out
