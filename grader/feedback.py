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
:mod:`grader.results`) gets a page that says so, with the reason, and no
score. The same preprocessor serves the formgrader's "Generate feedback"
button, through :mod:`grader.nbgrader_config`.
"""

from __future__ import annotations

import argparse
import html
import re
import textwrap
from pathlib import Path

from nbformat.v4 import new_markdown_cell, new_output
from nbgrader.preprocessors import ClearHiddenTests, ClearMarkScheme, NbGraderPreprocessor
from traitlets import List, Unicode

from .cli import UserError, course_of
from .common import check_assignment, run_converter, status_of

__all__ = ["HideTestCode", "outcome_of", "feedback", "configure_parser", "run"]

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
HIDDEN_SOURCE = "# The code of this test is not shown."


def _plain(text: str) -> str:
    return _ANSI.sub("", text or "").strip()


def outcome_of(cell) -> tuple[bool, str]:
    """(passed, message) of an executed test cell, without its code or traceback.

    The message is the test's own explanation (an ``AssertionError``'s text)
    or, for another error, its name and text.

    Examples
    --------
    >>> from nbformat.v4 import new_code_cell, new_output
    >>> cell = new_code_cell("assert x == 2, 'x: expected 2, found 3'")
    >>> cell.outputs = [new_output("error", ename="AssertionError",
    ...                            evalue="x: expected 2, found 3", traceback=["..."])]
    >>> outcome_of(cell)
    (False, 'x: expected 2, found 3')
    >>> cell.outputs = []
    >>> outcome_of(cell)
    (True, '')
    """
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            ename = _plain(output.get("ename", ""))
            evalue = _plain(output.get("evalue", ""))
            if ename == "AssertionError":
                return False, evalue or "a check of this test was not met."
            return False, f"{ename}: {evalue}" if evalue else ename
        if output.get("output_type") == "stream" and output.get("name") == "stderr":
            return False, "the test wrote an error message: " + _plain(output.get("text", ""))[:300]
    return True, ""


def _graded_outcome(cell) -> tuple[bool, str]:
    """Like :func:`outcome_of`, but the gradebook's score decides for a test with points.

    The grader may give a test no points although it shows no error (it did
    not prove it ran, or code before it tampered with the notebook).
    """
    passed, message = outcome_of(cell)
    meta = cell.metadata.get("nbgrader", {})
    points, score = meta.get("points"), meta.get("score")
    if points and score is not None:
        if float(score) >= float(points) - 1e-9:
            return True, ""
        if passed:
            if float(score) > 0:
                return False, f"Partly passed: {float(score):g} of {float(points):g} points."
            return False, "this test did not earn its points: it did not run as expected."
    return passed, message


def _is_test(cell) -> bool:
    meta = cell.metadata.get("nbgrader", {})
    return cell.cell_type == "code" and bool(meta.get("grade")) and not meta.get("solution")


def _fmt(value) -> str:
    return f"{float(value):g}" if value is not None else "-"


class HideTestCode(NbGraderPreprocessor):
    """Feedback without the tests' code: outcomes, messages, task summary, status banner."""

    course_root = Unicode("", help="The course root (to read failed and flagged statuses).")\
        .tag(config=True)
    # Accepted (and unused) so that configurations written for GetGrades do not warn.
    display_data_priority = List([], help="Unused.").tag(config=True)

    def preprocess(self, nb, resources):
        hidden = ClearHiddenTests(enforce_metadata=False)
        scheme = ClearMarkScheme(enforce_metadata=False, check_attachment_leakage=False)
        for cell in nb.cells:
            if cell.cell_type == "code":
                hidden._remove_hidden_test_region(cell)
            else:
                scheme._remove_mark_scheme_region(cell)
        tasks = self._task_summary(nb, self._pending(resources))
        for cell in nb.cells:
            if _is_test(cell):
                passed, message = _graded_outcome(cell)
                if passed:
                    text = "Passed."
                elif message.startswith("Partly passed"):
                    text = message
                else:
                    text = "Not passed: " + message
                cell.source = HIDDEN_SOURCE
                cell.outputs = [new_output("stream", name="stdout", text=text + "\n")]
                cell.execution_count = None
        intro = []
        banner = self._banner(resources)
        if banner:
            intro.append(new_markdown_cell(banner))
        if tasks:
            intro.append(new_markdown_cell(tasks))
        nb.cells[0:0] = intro
        return nb, resources

    def _banner(self, resources) -> str:
        if not self.course_root:
            return ""
        from .course import Course

        root = Path(self.course_root)
        try:
            course = Course(root, source=(root / "source").resolve())
        except ValueError:
            return ""
        info = resources.get("nbgrader", {})
        record = status_of(course).get((info.get("student"), info.get("assignment")))
        if not record or record["status"] != "flagged":
            return ""
        return _box("Flagged for review",
                    "Your instructor will review this submission before the grade is final. "
                    "Tests that did not run as expected earned no points.",
                    record["reasons"])

    def _pending(self, resources) -> set:
        """grade ids of this submission that still wait for manual grading."""
        info = resources.get("nbgrader", {})
        if not info.get("db_url"):
            return set()
        from nbgrader.api import Gradebook, MissingEntry

        try:
            with Gradebook(info["db_url"]) as gb:
                notebook = gb.find_submission_notebook(info["notebook"], info["assignment"],
                                                       info["student"])
                return {g.name for g in notebook.grades if g.needs_manual_grade}
        except MissingEntry:
            return set()

    def _task_summary(self, nb, pending=frozenset()) -> str:
        from .results import task_of_cells

        labels = task_of_cells(nb)
        rows: dict[str, list] = {}
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader", {})
            if not (meta.get("grade") or meta.get("task")) or "points" not in meta:
                continue
            task = labels.get(meta.get("grade_id"), meta.get("grade_id"))
            row = rows.setdefault(task, [0.0, 0.0, 0, 0, False])
            row[1] += float(meta.get("points") or 0)
            if meta.get("score") is None or meta.get("grade_id") in pending:
                row[4] = True
            else:
                row[0] += float(meta["score"])
            if _is_test(cell) and float(meta.get("points") or 0) > 0:
                row[3] += 1
                row[2] += 1 if _graded_outcome(cell)[0] else 0
        if not rows:
            return ""
        lines = ["## Your results by task", "",
                 "| Task | Score | Tests passed |", "|---|---|---|"]
        for task, (score, points, passed, tests, pending) in rows.items():
            shown = "to be graded" if pending else f"{_fmt(score)} / {_fmt(points)}"
            lines.append(f"| {task.replace('|', '/')} | {shown} | "
                         f"{f'{passed} of {tests}' if tests else 'graded by hand'} |")
        lines += ["", "Each test below says whether it passed and, if not, what was expected "
                      "and a hint. The code of the tests is not shown."]
        return "\n".join(lines)


def _box(title: str, text: str, reasons=()) -> str:
    items = "".join(f"<li>{html.escape(r)}</li>" for r in reasons)
    items = f"<ul>{items}</ul>" if items else ""
    return (f'<div style="border:3px solid #d55e00;padding:0.8em;margin:0.5em 0;'
            f'background:#fff4ec"><strong>&#9888; {html.escape(title)}</strong>'
            f"<p>{html.escape(text)}</p>{items}</div>")


FAILED_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
<body style="font-family:sans-serif;max-width:45em;margin:2em auto">
<h1>{title}</h1>
{box}
<p>Your notebook {notebook} could not be graded automatically, so it has no score yet.
This is not a grade of zero. Your instructor has the details and will tell you what to do
(often: fix the notebook as described above and hand it in again).</p>
</body></html>
"""


def _failed_page(course, student: str, assignment: str, reasons: list[str]) -> list[Path]:
    from .common import released_notebooks

    written = []
    folder = course.feedback / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    for nb in released_notebooks(course, assignment):
        title = f"{assignment}: {nb} could not be graded"
        page = FAILED_PAGE.format(
            title=html.escape(title), notebook=html.escape(f"{nb}.ipynb"),
            box=_box("Could not be graded", "The grader could not finish grading this "
                     "submission.", reasons))
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
        raise UserError(f"no autograded submission of {assignment} in {graded_root}: run "
                        f"`weakties-grade autograde {assignment}` first.")
    config = course.nbgrader_config()
    from traitlets.config import Config

    extra = Config()
    extra.HTMLExporter.template_name = "feedback"
    config.merge(extra)
    written = []
    errors: dict[str, str] = {}
    if todo:
        from .common import coursedir  # noqa: F401  (config check)

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
    print(f"Feedback for {args.assignment}: {len(result['written'])} page(s) in "
          f"{course.feedback} ({len(result['students'])} graded student(s)"
          + (f", {len(result['failed'])} that could not be graded" if result["failed"] else "")
          + ").")
    if result["errors"]:
        print(f"No feedback for {len(result['errors'])} student(s), because nbgrader could not "
              f"read their graded notebook: {', '.join(sorted(result['errors']))}. Autograde "
              "them again (`weakties-grade autograde ASSIGNMENT --student ID --force`).")
        return 1
    return 0
