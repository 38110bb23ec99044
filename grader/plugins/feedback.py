"""Feedback that keeps the tests secret: nbgrader's ``generate_feedback`` with :class:`HideTestCode`.

Loaded by nbgrader from the course configuration (:mod:`grader.nbgrader_config`),
so both ``weakties-grade feedback`` and the formgrader's "Generate feedback"
button use it:

- the code of every test cell is replaced by a short line, and its outputs
  (which may show hidden test lines in a traceback) by the outcome: passed,
  or not passed with the test's own message (what was expected, what was
  found, a hint);
- hidden-test and mark-scheme regions are removed from every cell;
- a summary at the top gives the score of each task, and a banner marks a
  submission that was flagged for the instructor's review.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from nbformat.v4 import new_markdown_cell, new_output
from nbgrader.preprocessors import ClearHiddenTests, ClearMarkScheme, NbGraderPreprocessor
from traitlets import List, Unicode

__all__ = ["HideTestCode", "outcome_of", "HIDDEN_SOURCE"]


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
        from ..stores.course import Course
        from ..stores.status import status_of

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
        from ..stores.results import task_of_cells

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
