"""Grades as the reports need them: per submission, per graded cell, per task.

Reads nbgrader's gradebook through its API and joins it with the source
notebooks (which cell belongs to which task, which cells are tests) and with
the status of failed and flagged submissions (:mod:`grader.stores.status`, written
by ``weakties-grade autograde``).

A submission's status is one of :data:`STATUSES`:

``graded``
    autograded, and every manually graded cell has a grade;
``needs_grading``
    autograded, but some cells still wait for manual grading (formgrader);
``flagged``
    graded, but the grader flagged it for the instructor's review (for
    instance tests that did not prove they ran); the score is what the
    grader gave, the affected tests earning nothing;
``failed``
    could not be graded (corrupt notebook, dead kernel...): no score, never 0;
``not_autograded``
    collected but not autograded yet;
``missing``
    nothing was collected for this student.

Tasks: a graded cell belongs to the task named by the closest markdown
heading above it in the source notebook (``## Task 2 (3 points)``), unless
its metadata says ``{"weakties": {"task": "..."}}``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from .status import status_of

__all__ = ["STATUSES", "CellInfo", "CellResult", "SubmissionResult", "grade_cells",
           "load_results", "task_of_cells"]

STATUSES = ("graded", "needs_grading", "flagged", "failed", "not_autograded", "missing")
#: Statuses that carry a score.
SCORED = ("graded", "needs_grading", "flagged")

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", re.M)


@dataclass(frozen=True)
class CellInfo:
    """A graded cell of a source notebook."""

    notebook: str
    grade_id: str
    points: float
    kind: str            # "test" (autograded) or "manual"
    task: str
    order: int


@dataclass
class CellResult:
    cell: CellInfo
    score: float | None
    needs_manual_grade: bool


@dataclass
class SubmissionResult:
    """One student's result on one assignment."""

    student: str
    assignment: str
    status: str
    score: float | None          # after late penalty; None when failed or missing
    max_score: float
    late_penalty: float = 0.0
    timestamp: str = ""
    reasons: list[str] = field(default_factory=list)
    cells: list[CellResult] = field(default_factory=list)
    first_name: str = ""
    last_name: str = ""
    email: str = ""

    @property
    def percent(self) -> float | None:
        if self.score is None or not self.max_score:
            return None
        return 100.0 * self.score / self.max_score


def _heading(source: str) -> str | None:
    found = _HEADING.findall(source or "")
    if not found:
        return None
    text = re.sub(r"[*_`]", "", found[-1]).strip()
    return text or None


def task_of_cells(nb) -> dict[str, str]:
    """{grade_id: task label} for the graded cells of notebook ``nb``.

    Examples
    --------
    >>> from nbformat.v4 import new_notebook, new_markdown_cell, new_code_cell
    >>> test = new_code_cell("assert True")
    >>> test.metadata["nbgrader"] = {"grade": True, "grade_id": "t1", "points": 1}
    >>> nb = new_notebook(cells=[new_markdown_cell("## Task 1: degree"), test])
    >>> task_of_cells(nb)
    {'t1': 'Task 1: degree'}
    """
    current = None
    out = {}
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "markdown":
            heading = _heading(cell.source)
            if heading and not meta.get("grade"):
                current = heading
        explicit = cell.metadata.get("weakties", {}).get("task") if isinstance(
            cell.metadata.get("weakties"), dict) else None
        if meta.get("grade") or meta.get("task"):
            out[meta["grade_id"]] = explicit or current or meta["grade_id"]
    return out


def grade_cells(source_folder: Path) -> list[CellInfo]:
    """The graded cells of an assignment's source notebooks, in notebook order."""
    cells = []
    order = 0
    for path in sorted(Path(source_folder).glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        tasks = task_of_cells(nb)
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader", {})
            if not (meta.get("grade") or meta.get("task")):
                continue
            kind = ("test" if cell.cell_type == "code" and meta.get("grade")
                    and not meta.get("solution") else "manual")
            cells.append(CellInfo(path.stem, meta["grade_id"], float(meta.get("points") or 0),
                                  kind, tasks.get(meta["grade_id"], meta["grade_id"]), order))
            order += 1
    return cells


def load_results(course, assignments=None, students=None) -> list[SubmissionResult]:
    """Every (student, assignment) of the gradebook, with status and per-cell scores.

    ``assignments`` and ``students`` restrict the result (lists of names).
    Sorted by assignment, then student.
    """
    from nbgrader.api import Gradebook, MissingEntry

    statuses = status_of(course)
    out = []
    with Gradebook(course.db_url, "weakties") as gb:
        known = [a.name for a in gb.assignments]
        names = sorted(known) if assignments is None else list(assignments)
        for name in names:
            if name not in known:
                raise LookupError(f"the gradebook has no assignment {name!r} (it has: "
                                  f"{', '.join(sorted(known)) or 'none'}). Release it first "
                                  "with `weakties-grade release`.")
        people = sorted(gb.students, key=lambda s: s.id)
        if students is not None:
            wanted = set(students)
            people = [s for s in people if s.id in wanted]
        for name in names:
            assignment = gb.find_assignment(name)
            source = course.source / name
            infos = grade_cells(source) if source.is_dir() else []
            info_by_key = {(c.notebook, c.grade_id): c for c in infos}
            max_score = float(assignment.max_score or 0.0)
            for person in people:
                res = SubmissionResult(person.id, name, "missing", None, max_score,
                                       first_name=person.first_name or "",
                                       last_name=person.last_name or "",
                                       email=person.email or "")
                try:
                    sub = gb.find_submission(name, person.id)
                except MissingEntry:
                    sub = None
                if sub is not None:
                    penalty = float(sub.late_submission_penalty or 0.0)
                    res.late_penalty = penalty
                    res.score = max(0.0, float(sub.score) - penalty)
                    res.timestamp = sub.timestamp.isoformat(" ") if sub.timestamp else ""
                    res.status = "needs_grading" if sub.needs_manual_grade else "graded"
                    for nb in sub.notebooks:
                        for grade in nb.grades:
                            info = info_by_key.get((nb.name, grade.name)) or CellInfo(
                                nb.name, grade.name, float(grade.max_score or 0),
                                "test" if grade.cell_type == "code" else "manual",
                                grade.name, 10_000)
                            score = None if (grade.auto_score is None
                                             and grade.manual_score is None) else float(grade.score)
                            res.cells.append(CellResult(info, score, bool(grade.needs_manual_grade)))
                    res.cells.sort(key=lambda c: (c.cell.order, c.cell.notebook, c.cell.grade_id))
                elif course.submission(person.id, name).is_dir():
                    res.status = "not_autograded"
                flag = statuses.get((person.id, name))
                if flag:
                    res.status = flag["status"]
                    res.reasons = list(flag["reasons"])
                    if res.status == "failed":
                        res.score = None
                out.append(res)
    return out
