"""``weakties-grade report ASSIGNMENT``: which concepts were hardest, on one HTML page.

The page (``reports/<assignment>.html`` in the course folder) is
self-contained: pictures are embedded as PNG, so it can be mailed or put on
a course site as one file. It shows

- how many submissions are graded, waiting for manual grading, flagged,
  failed, not yet autograded or missing;
- the distribution of scores (in percent of the maximum);
- for each task (see :mod:`grader.stores.results` for how cells are grouped), and
  for each graded cell in it: the success rate (the share of submissions
  that earned the cell's full points) and the mean score; the task with the
  lowest success rate is named at the top;
- the list of failed and flagged submissions with their reasons.

Success rates count the submissions with a trustworthy score: graded or
waiting for manual grading. Flagged and failed submissions are counted
apart, never as zeros. Cells worth 0 points (self-checks) are left out:
the gradebook cannot tell whether they passed.
"""

from __future__ import annotations

import argparse
import base64
import io
import statistics
import textwrap
from pathlib import Path
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime, timezone

from ..render.pages import render as render_page
from ..render.words import N_, STATUS_WORDS, language, number, percent, points, status_text, tr
from ..stores.results import STATUSES, SubmissionResult, load_results
from .common import UserError, check_assignment, course_of

__all__ = ["TaskStats", "CellStats", "task_stats", "render", "write_report",
           "configure_parser", "run"]

#: Submissions whose scores count in success rates.
COUNTED = ("graded", "needs_grading")
#: The words for each status, in English (shown in the current language by status_text).
STATUS_TEXT = dict(STATUS_WORDS)


@dataclass
class CellStats:
    notebook: str
    grade_id: str
    kind: str
    points: float
    scores: list[float] = field(default_factory=list)

    @property
    def n(self) -> int:
        return len(self.scores)

    @property
    def success_rate(self) -> float | None:
        if not self.scores:
            return None
        return sum(1 for s in self.scores if s >= self.points - 1e-9) / len(self.scores)

    @property
    def mean_fraction(self) -> float | None:
        if not self.scores or not self.points:
            return None
        return statistics.fmean(self.scores) / self.points


@dataclass
class TaskStats:
    task: str
    cells: list[CellStats] = field(default_factory=list)
    full: list[bool] = field(default_factory=list)      # per submission: all cells full marks
    fractions: list[float] = field(default_factory=list)

    @property
    def points(self) -> float:
        return sum(c.points for c in self.cells)

    @property
    def success_rate(self) -> float | None:
        return sum(self.full) / len(self.full) if self.full else None

    @property
    def mean_fraction(self) -> float | None:
        return statistics.fmean(self.fractions) if self.fractions else None


def task_stats(results: list[SubmissionResult]) -> list[TaskStats]:
    """Per-task and per-cell statistics over the counted submissions, in notebook order."""
    tasks: "OrderedDict[str, TaskStats]" = OrderedDict()
    cells: dict[tuple[str, str], CellStats] = {}
    order = []
    for r in results:
        for c in r.cells:
            key = (c.cell.notebook, c.cell.grade_id)
            if key not in cells and c.cell.points > 0:
                cells[key] = CellStats(c.cell.notebook, c.cell.grade_id, c.cell.kind,
                                       c.cell.points)
                order.append((c.cell.order, c.cell.task, key))
    for _, task, key in sorted(order, key=lambda t: t[0]):
        tasks.setdefault(task, TaskStats(task)).cells.append(cells[key])
    for r in results:
        if r.status not in COUNTED:
            continue
        per_task: dict[str, list[tuple[float, float]]] = {}
        for c in r.cells:
            key = (c.cell.notebook, c.cell.grade_id)
            if key not in cells or c.score is None:
                continue
            cells[key].scores.append(c.score)
            per_task.setdefault(c.cell.task, []).append((c.score, c.cell.points))
        for task, pairs in per_task.items():
            t = tasks[task]
            if len(pairs) == len(t.cells):     # only submissions with every cell graded
                t.full.append(all(s >= p - 1e-9 for s, p in pairs))
                t.fractions.append(sum(s for s, _ in pairs) / sum(p for _, p in pairs))
    return list(tasks.values())


def _png(fig) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _pct(value: float | None) -> str:
    return "-" if value is None else percent(value)


def _plots(results, tasks) -> dict[str, str]:
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    from weakties.plotting import PALETTE, style_axes

    out = {}
    percents = [r.percent for r in results if r.status in COUNTED and r.percent is not None]
    fig, ax = plt.subplots(figsize=(7, 3.2))
    bins = [i * 10 for i in range(11)]
    ax.hist(percents, bins=bins, color=PALETTE[4], edgecolor="black", hatch="//")
    if percents:
        mean = statistics.fmean(percents)
        ax.axvline(mean, color="black", linestyle="--",
                   label=tr(N_("mean {mean}"), mean=percent(mean / 100)))
        ax.legend()
    style_axes(ax, tr(N_("Score distribution")), tr(N_("score (% of the maximum)")),
               tr(N_("submissions")))
    ax.set_xlim(0, 100)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    out["distribution"] = _png(fig)

    rated = [t for t in tasks if t.success_rate is not None]
    if rated:
        fig, ax = plt.subplots(figsize=(7, 0.5 + 0.45 * len(rated)))
        names = [t.task for t in rated][::-1]
        rates = [100 * t.success_rate for t in rated][::-1]
        means = [100 * (t.mean_fraction or 0) for t in rated][::-1]
        ys = range(len(rated))
        ax.barh([y + 0.2 for y in ys], rates, height=0.4, color=PALETTE[5], hatch="xx",
                edgecolor="black", label=tr(N_("full marks (success rate)")))
        ax.barh([y - 0.2 for y in ys], means, height=0.4, color=PALETTE[1],
                edgecolor="black", label=tr(N_("mean score")))
        ax.set_yticks(list(ys), names)
        ax.set_xlim(0, 100)
        ax.legend(loc="lower right", fontsize="small")
        style_axes(ax, tr(N_("Success per task")), tr(N_("% of counted submissions")), None)
        out["tasks"] = _png(fig)
    return out


def _written(when) -> str:
    """When the report was written: ``2024-03-15 14:05`` (en), ``15 mars 2024 à 14:05`` (fr)."""
    if language() == "en":
        return f"{when:%Y-%m-%d %H:%M}"
    from weakties.i18n import date

    return tr(N_("{date} at {time}"), date=date(when), time=f"{when:%H:%M}")


def render(assignment: str, results: list[SubmissionResult], *, plots: bool = True) -> str:
    """The HTML report for ``assignment`` (one string, self-contained)."""
    tasks = task_stats(results)
    counts = {s: 0 for s in STATUSES}
    for r in results:
        counts[r.status] = counts.get(r.status, 0) + 1
    images = _plots(results, tasks) if plots else {}
    rated = [t for t in tasks if t.success_rate is not None]
    hardest = None
    if rated:
        worst = min(rated, key=lambda t: (t.success_rate, t.mean_fraction or 0))
        hardest = {"task": worst.task, "rate": _pct(worst.success_rate)}
    scored = [r.percent for r in results if r.status in COUNTED and r.percent is not None]
    # Every value is escaped by the template (grader/templates/report.html.j2).
    return render_page(
        "report.html.j2", title=tr(N_("{assignment}: results"), assignment=assignment),
        assignment=assignment, written=_written(datetime.now(timezone.utc)),
        n_results=number(len(results)),
        hardest=hardest, extra_css=".cell td:first-child{padding-left:2em}.hard{font-weight:bold}",
        statuses=[{"status": s, "text": status_text(s), "count": number(counts.get(s, 0))}
                  for s in STATUSES],
        scored={"mean": percent(statistics.fmean(scored) / 100, 1),
                "median": percent(statistics.median(scored) / 100, 1),
                "n": number(len(scored))} if scored else None,
        images=images,
        tasks=[{"task": t.task, "points": points(t.points), "rate": _pct(t.success_rate),
                "mean": _pct(t.mean_fraction), "n": number(len(t.full)),
                "cells": [{"notebook": c.notebook, "grade_id": c.grade_id,
                           "kind": tr(N_("test")) if c.kind == "test"
                           else tr(N_("graded by hand")),
                           "points": points(c.points), "rate": _pct(c.success_rate),
                           "mean": _pct(c.mean_fraction), "n": number(c.n)} for c in t.cells]}
               for t in tasks],
        troubled=[{"student": r.student, "status": status_text(r.status),
                   "reasons": "; ".join(r.reasons)}
                  for r in results if r.status in ("failed", "flagged")])


def write_report(course, assignment: str) -> "Path":
    from pathlib import Path  # noqa: F401

    check_assignment(course, assignment)
    if not course.has_gradebook():
        raise UserError(tr(N_("there is no gradebook in {folder}: release and autograde "
                              "{assignment} first."), folder=course.root, assignment=assignment))
    results = load_results(course, [assignment])
    course.reports.mkdir(parents=True, exist_ok=True)
    path = course.reports / f"{assignment}.html"
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(render(assignment, results), encoding="utf-8")
    tmp.replace(path)
    return path


def configure_parser(parser: argparse.ArgumentParser) -> None:
    parser.description = textwrap.dedent("""\
        Write an HTML report on one assignment to COURSE/reports/ASSIGNMENT.html (one
        self-contained file, pictures included): the number of graded, flagged, failed and
        missing submissions, the score distribution, and for each task and each graded cell
        the success rate (share of submissions with full points) and the mean score, so you
        see which concept was hardest. Flagged and failed submissions are counted apart,
        never as zeros.""")
    parser.epilog = textwrap.dedent("""\
        example:
          weakties-grade report 01-your-network""")
    parser.add_argument("assignment", metavar="ASSIGNMENT", help="name of the assignment")


def run(args) -> int:
    course = course_of(args)
    path = write_report(course, args.assignment)
    print(path)
    return 0
