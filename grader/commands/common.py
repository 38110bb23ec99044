"""What the ``weakties-grade`` commands share: the course named on the command line,
assignment names checked, and the one-line refusal to grade without the sandbox.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from ..errors import UserError
from ..render.words import N_, tr
from ..stores.course import EXERCISES, Course, default_root

__all__ = ["UserError", "check_assignment", "course_of", "sandbox_refusal"]


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
    grader.errors.UserError: there is no assignment 'ps2' in ... Known assignments: ps1.
    """
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", assignment or ""):
        raise UserError(tr(N_("{assignment} is not an assignment name: use the name of a "
                              "folder of {source} (letters, digits, '.', '_' and '-')."),
                           assignment=repr(assignment), source=course.source))
    folder = course.source / assignment
    if not folder.is_dir() or not any(folder.glob("*.ipynb")):
        known = ", ".join(course.assignments()) or tr(N_("none"))
        raise UserError(tr(N_("there is no assignment {assignment} in {source}. Known "
                              "assignments: {known}."), assignment=repr(assignment),
                           source=course.source, known=known))
    return folder














def sandbox_refusal(problem: str) -> str:
    """The one-line refusal to grade without the sandbox, shared with selfcheck."""
    return " ".join(problem.split()) + " " + tr(N_(
        "Grading runs student code only inside the sandbox; to grade without it (trusted "
        "submissions only), add --unsafe-no-sandbox."))


def course_of(args: argparse.Namespace, *, create: bool = True) -> Course:
    """The :class:`~grader.stores.course.Course` named by ``args`` (created if ``create``).

    Raises :class:`UserError` when the folder is inside the project or the
    source folder is missing.
    """
    source = Path(getattr(args, "source", None) or EXERCISES)
    root = getattr(args, "course", None) or default_root()
    try:
        course = Course(root, source=source)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    if not course.source.is_dir():
        raise UserError(tr(N_("the source folder {source} does not exist: give the folder of "
                              "nbgrader source assignments with --source."),
                           source=course.source))
    if create:
        course.ensure()
    return course
