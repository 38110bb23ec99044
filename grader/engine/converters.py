"""Running nbgrader's own converters in-process, with the course configuration.

``generate_assignment`` (release, workspace) and ``generate_feedback``
(feedback) run through :func:`run_converter`, which turns nbgrader's log
into one readable :class:`~grader.errors.UserError` when it fails.
"""

from __future__ import annotations

import io
import logging
import os
import re
import sys
from pathlib import Path

from ..errors import UserError
from ..stores.course import Course

__all__ = ["coursedir", "run_converter", "nbgrader_logger", "nbgrader_error", "tools_on_path"]


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


def tools_on_path() -> None:
    """Put this Python's scripts folder on PATH.

    nbgrader runs ``alembic`` (and starting Jupyter runs ``jupyter-*``) by
    name; when ``weakties-grade`` is run from a virtual environment that is
    not activated, they would not be found.
    """
    scripts = str(Path(sys.executable).parent)
    parts = os.environ.get("PATH", "").split(os.pathsep)
    if scripts not in parts:
        os.environ["PATH"] = os.pathsep.join([scripts, *filter(None, parts)])
