"""``weakties-grade feedback ASSIGNMENT``: an HTML feedback page per student.

Runs nbgrader's ``generate_feedback`` (scores and the grader's comments from
the gradebook, into ``feedback/<student>/<assignment>/<notebook>.html``) with
one more preprocessor, :class:`HideTestCode`, that keeps the tests secret:

- the code of every test cell is replaced by a short line, and its outputs
  (which may show hidden test lines in a traceback) by the outcome: passed,
  or not passed with the test's own message (what was expected, what was
  found, a hint);
- hidden-test and mark-scheme regions are removed from every cell;
- a summary at the top gives the score of each task, and a banner marks a
  submission that was flagged for the instructor's review.

A submission that could not be graded (status ``failed``, see
:mod:`grader.stores.results`) gets a page that says so, with the reason, and no
score. The same preprocessor serves the formgrader's "Generate feedback"
button, through :mod:`grader.nbgrader_config`.
"""

from __future__ import annotations

import argparse
import re
import textwrap
from pathlib import Path

from ..engine.converters import run_converter
from ..render.text import inert
from ..render.words import N_, number, tr
from ..stores.status import status_of
from .common import UserError, check_assignment, course_of

__all__ = ["feedback", "configure_parser", "run"]

















def _failed_page(course, student: str, assignment: str, reasons: list[str]) -> list[Path]:
    """The page of a submission that could not be graded: why, and that it is not a zero."""
    from ..render.pages import render
    from ..stores.course import released_notebooks

    written = []
    folder = course.feedback / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    for nb in released_notebooks(course, assignment):
        page = render("failed.html.j2", title=tr(N_("{assignment}: {notebook} could not be "
                                                    "graded"), assignment=assignment, notebook=nb),
                      notebook=f"{nb}.ipynb", reasons=list(reasons), extra_css="")
        path = folder / f"{nb}.html"
        path.write_text(page, encoding="utf-8")
        written.append(path)
    return written


def feedback(course, assignment: str, students: list[str] | None = None) -> dict:
    """Write the feedback pages of ``assignment``; return ``{"written": [...], "failed": [...]}``."""
    from nbgrader.converters import GenerateFeedback

    check_assignment(course, assignment)
    statuses = status_of(course)
    failed = sorted(s for (s, a), r in statuses.items()
                    if a == assignment and r["status"] == "failed"
                    and (students is None or s in students))
    graded_root = course.autograded
    graded = sorted(p.parent.name for p in graded_root.glob(f"*/{assignment}")
                    if p.is_dir() and any(p.glob("*.ipynb")))
    todo = [s for s in graded if s not in failed and (students is None or s in students)]
    if not todo and not failed:
        raise UserError(tr(N_("no autograded submission of {assignment} in {folder}: run "
                              "`weakties-grade autograde {assignment}` first."),
                           assignment=assignment, folder=graded_root))
    config = course.nbgrader_config()
    written = []
    errors: dict[str, str] = {}
    if todo:
        excluded = [s for s in graded if s not in todo]
        try:
            run_converter(GenerateFeedback, course, assignment,
                          student=todo[0] if len(todo) == 1 else "*",
                          config=_excluding(config, excluded), what="writing the feedback",
                          force=True)
        except UserError as exc:
            # nbgrader went on with the other students; name the ones that failed
            broken = sorted(set(re.findall(r"for student '([^']+)'", getattr(exc, "log", ""))))
            if not broken:
                raise
            errors.update({s: str(exc) for s in broken})
        for s in todo:
            if s not in errors:
                written.extend(sorted((course.feedback / s / assignment).glob("*.html")))
    for s in failed:
        reasons = statuses[(s, assignment)]["reasons"]
        written.extend(_failed_page(course, s, assignment, reasons))
    return {"written": written, "failed": failed,
            "students": [s for s in todo if s not in errors], "errors": errors}


def _excluding(config, students: list[str]):
    from traitlets.config import Config

    c = Config()
    c.CourseDirectory.student_id_exclude = ",".join(students)
    config.merge(c)
    return config


def configure_parser(parser: argparse.ArgumentParser) -> None:
    parser.description = textwrap.dedent("""\
        Write an HTML feedback page per student and notebook, with nbgrader's
        generate_feedback, into COURSE/feedback/<student>/ASSIGNMENT/<notebook>.html.

        Each page shows the student's answers, the score of each task, and for each test
        whether it passed and, if not, the test's message (what was expected, what was
        found, a hint). The code of the tests is never shown. Flagged submissions carry a
        banner saying they are under review; a submission that could not be graded gets a
        page that says so, with the reason, and no score.

        Run it again after manual grading in the formgrader: pages are rewritten.""")
    parser.epilog = textwrap.dedent("""\
        example:
          weakties-grade feedback 01-your-network""")
    parser.add_argument("assignment", metavar="ASSIGNMENT", help="name of the assignment")
    parser.add_argument("--student", action="append", metavar="ID",
                        help="only this student (repeat for several)")


def run(args) -> int:
    course = course_of(args)
    result = feedback(course, args.assignment, args.student)
    fields = {"assignment": args.assignment, "pages": number(len(result["written"])),
              "folder": course.feedback, "graded": number(len(result["students"])),
              "failed": number(len(result["failed"]))}
    if result["failed"]:
        print(tr(N_("Feedback for {assignment}: {pages} page(s) in {folder} ({graded} graded "
                    "student(s), {failed} that could not be graded)."), **fields))
    else:
        print(tr(N_("Feedback for {assignment}: {pages} page(s) in {folder} ({graded} graded "
                    "student(s))."), **fields))
    if result["errors"]:
        print(tr(N_("No feedback for {n} student(s), because nbgrader could not read their "
                    "graded notebook: {students}. Autograde them again (`weakties-grade "
                    "autograde ASSIGNMENT --student ID --force`)."),
                 n=number(len(result["errors"])),
                 students=inert(", ".join(sorted(result["errors"])))))
        return 1
    return 0
