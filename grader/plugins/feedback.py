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

:class:`FeedbackExporter` (``GenerateFeedback.exporter_class`` in the course
configuration) writes the page: the notebook is first cut to the limits of
:data:`grader.render.pages.FEEDBACK_LIMITS` (bounded time and memory for any
submission) and sanitised (:func:`grader.render.html.sanitize_notebook`),
then rendered with the autoescaping template ``grader/templates/feedback.html.j2``,
whose pages allow no script.
"""

from __future__ import annotations

import re
from pathlib import Path

from nbconvert.exporters import Exporter
from nbformat.v4 import new_output
from nbgrader.preprocessors import ClearHiddenTests, ClearMarkScheme, NbGraderPreprocessor
from traitlets import List, Unicode, default

from ..render.words import N_, number, points, tr

__all__ = ["HideTestCode", "FeedbackExporter", "outcome_of", "HIDDEN_SOURCE"]


_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


HIDDEN_SOURCE = N_("# The code of this test is not shown.")


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
                return False, evalue or tr(N_("a check of this test was not met."))
            return False, f"{ename}: {evalue}" if evalue else ename
        if output.get("output_type") == "stream" and output.get("name") == "stderr":
            return False, tr(N_("the test wrote an error message: {text}"),
                             text=_plain(output.get("text", ""))[:300])
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
                return False, tr(PARTLY, score=_pts(score), points=_pts(points))
            return False, tr(N_("this test did not earn its points: it did not run as "
                                "expected."))
    return passed, message


def _is_test(cell) -> bool:
    meta = cell.metadata.get("nbgrader", {})
    return cell.cell_type == "code" and bool(meta.get("grade")) and not meta.get("solution")


def _fmt(value) -> str:
    return points(value) if value is not None else "-"


_pts = points
PARTLY = N_("Partly passed: {score} of {points} points.")


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
                partly = tr(PARTLY).split("{", 1)[0]
                if passed:
                    text = tr(N_("Passed."))
                elif message.startswith(partly):
                    text = message
                else:
                    text = tr(N_("Not passed: {message}"), message=message)
                cell.source = tr(HIDDEN_SOURCE)
                cell.outputs = [new_output("stream", name="stdout", text=text + "\n")]
                cell.execution_count = None
        # The page (FeedbackExporter) shows the banner and the task table at the top.
        resources["weakties_feedback"] = {"banner": self._banner(resources), "tasks": tasks}
        return nb, resources

    def _banner(self, resources) -> dict | None:
        if not self.course_root:
            return None
        from ..stores.course import Course
        from ..stores.status import status_of

        root = Path(self.course_root)
        try:
            course = Course(root, source=(root / "source").resolve())
        except ValueError:
            return None
        info = resources.get("nbgrader", {})
        record = status_of(course).get((info.get("student"), info.get("assignment")))
        if not record or record["status"] != "flagged":
            return None
        return {"title": tr(N_("Flagged for review")),
                "text": tr(N_("Your instructor will review this submission before the grade "
                              "is final. Tests that did not run as expected earned no "
                              "points.")),
                "reasons": list(record["reasons"])}

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

    def _task_summary(self, nb, pending=frozenset()) -> list[dict]:
        """Rows (task, shown score, tests passed) of the table at the top of the page."""
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
        return [{"task": task,
                 "shown": tr(N_("to be graded")) if pending
                 else f"{_fmt(score)} / {_fmt(points)}",
                 "tests": tr(N_("{passed} of {tests}"), passed=number(passed),
                             tests=number(tests)) if tests else tr(N_("graded by hand"))}
                for task, (score, points, passed, tests, pending) in rows.items()]


class FeedbackExporter(Exporter):
    """The feedback page: the notebook cut to bounded limits, sanitised, autoescaped.

    nbgrader's ``GenerateFeedback`` (command line and the formgrader's
    button) uses it through ``GenerateFeedback.exporter_class``; its
    preprocessors (``GetGrades``, :class:`HideTestCode`) run after the
    notebook is cut and sanitised, and the page comes from
    ``grader/templates/feedback.html.j2``.
    """

    output_mimetype = "text/html"
    export_from_notebook = "Feedback page"

    @default("file_extension")
    def _file_extension_default(self):
        return ".html"

    def from_filename(self, filename, resources=None, **kw):
        from ..render.pages import FEEDBACK_LIMITS

        size = Path(filename).stat().st_size
        if size > FEEDBACK_LIMITS.file_bytes:
            from nbformat.v4 import new_markdown_cell, new_notebook

            nb = new_notebook(cells=[new_markdown_cell(
                tr(N_("This notebook is {size} MB, more than the {limit} MB a feedback page "
                      "shows. Your instructor has your graded notebook."),
                   size=number(size // (1024 * 1024)),
                   limit=number(FEEDBACK_LIMITS.file_bytes // (1024 * 1024))))])
            resources = self._init_resources(resources)
            resources.setdefault("metadata", {})["name"] = Path(filename).stem
            return self.from_notebook_node(nb, resources, **kw)
        return super().from_filename(filename, resources, **kw)

    def from_file(self, file_stream, resources=None, **kw):
        # nbformat.read would also validate every cell against the schema, which
        # costs most of the time on a notebook of thousands of cells; the cells
        # are checked one by one by the sanitiser instead.
        import nbformat
        from nbformat.reader import reads

        nb = nbformat.convert(reads(file_stream.read()), 4)
        return self.from_notebook_node(nb, resources, **kw)

    def from_notebook_node(self, nb, resources=None, **kw):
        from ..render.html import sanitize_notebook
        from ..render.pages import FEEDBACK_LIMITS, cap_notebook, feedback_page

        capped, limit_notes = cap_notebook(nb, FEEDBACK_LIMITS)
        clean, _ = sanitize_notebook(capped)
        nb_copy, resources = super().from_notebook_node(clean, resources, **kw)
        extra = resources.get("weakties_feedback", {})
        page = feedback_page(nb_copy, resources, banner=extra.get("banner"),
                             tasks=extra.get("tasks", ()), limits_notes=limit_notes)
        resources["output_extension"] = ".html"
        return page, resources

