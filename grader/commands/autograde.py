"""``weakties-grade autograde ASSIGNMENT``: grade every submission, in parallel, safely.

The batch itself is :func:`grader.engine.batch.autograde`; this module reads
the command line, shows a progress bar and prints the table of outcomes.
"""

from __future__ import annotations

import argparse
import textwrap

from ..engine.batch import autograde, course_limits, default_jobs
from ..engine.pipeline import FAILED, FLAGGED
from ..render.words import N_, number, points, short_status, tr
from .common import UserError, course_of, sandbox_refusal

__all__ = ["configure_parser", "run"]




# ---------------------------------------------------------------------------
# The command
# ---------------------------------------------------------------------------




def configure_parser(parser: argparse.ArgumentParser) -> None:
    """Options of ``weakties-grade autograde``."""
    parser.description = textwrap.dedent("""\
        Grade the collected submissions of an assignment: in parallel, each notebook's
        kernel in a sandbox, the tests proved to have run, the gradebook written safely.

        Reads submitted/<student>/<assignment>/, writes autograded/<student>/<assignment>/
        and the gradebook (backed up first). A submission already graded with the same
        files is skipped unless --force. Manual grades from the formgrader are kept.
        At the end a table lists the graded, flagged (to review, with reasons) and
        failed (not graded, with reasons) submissions.

        Exit code: 0, or 1 when some submission could not be graded at all.

        Example: weakties-grade autograde 01-your-network --jobs 3""")
    parser.add_argument("assignment", metavar="ASSIGNMENT", help="the assignment to grade")
    parser.add_argument("--student", action="append", metavar="ID", dest="students",
                        help="grade only this student (repeat the option for several)")
    parser.add_argument("--jobs", type=int, metavar="N",
                        help=f"worker processes (default: two per core plus two, here "
                             f"{default_jobs()})")
    parser.add_argument("--force", action="store_true",
                        help="grade again submissions already graded with the same files")
    parser.add_argument("--unsafe-no-sandbox", action="store_true", dest="no_sandbox",
                        help="run student code WITHOUT the sandbox: it can then read the "
                             "solutions and the gradebook and delete files. Only for "
                             "submissions you trust")
    parser.add_argument("--cell-timeout", type=float, metavar="SECONDS",
                        help="longest run of one cell (default 30)")
    parser.add_argument("--notebook-timeout", type=float, metavar="SECONDS",
                        help="time budget of one notebook (default 300)")
    parser.add_argument("--memory-mb", type=int, metavar="MB",
                        help="memory limit of one kernel (default 4096)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")




def run(args) -> int:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from ..render.text import inert, inert_text

    from ..engine.execute import SandboxUnavailable

    if args.jobs is not None and args.jobs < 1:
        raise UserError(tr(N_("--jobs must be 1 or more, not {jobs}."), jobs=args.jobs))
    course = course_of(args)
    try:
        outcomes = autograde(course, args.assignment, students=args.students, jobs=args.jobs,
                             sandbox=not args.no_sandbox, force=args.force,
                             progress=not args.no_progress,
                             limits=course_limits(course, cell_timeout=args.cell_timeout,
                                                  notebook_timeout=args.notebook_timeout,
                                                  memory_mb=args.memory_mb))
    except SandboxUnavailable as exc:
        raise UserError(sandbox_refusal(str(exc))) from None
    console = Console(width=max(100, Console().width))
    # Student ids, grade ids and reasons are the students' text: shown as Text
    # objects (never read as markup), without control characters (inert).
    if not outcomes:
        console.print(Text(tr(N_("No submission of {assignment} in {folder}: collect them "
                                 "first (`weakties-grade collect`)."),
                              assignment=inert(args.assignment),
                              folder=inert(course.submitted))))
        return 0
    counts = {}
    for o in outcomes:
        counts[o.status] = counts.get(o.status, 0) + 1
    table = Table(title=Text(f"autograde {inert(args.assignment)}: " + ", ".join(
        f"{number(n)} {inert(short_status(s))}" for s, n in sorted(counts.items()))))
    table.add_column(tr(N_("student")))
    table.add_column(tr(N_("status")))
    table.add_column(tr(N_("score")), justify="right")
    table.add_column(tr(N_("reasons")))
    for o in outcomes:
        score = "-" if o.score is None else f"{points(o.score)} / {points(o.max_score)}"
        style = {FAILED: "red", FLAGGED: "yellow"}.get(o.status, "")
        shown = o.reasons if o.status in (FAILED, FLAGGED) else []
        reasons = "\n".join(f"- {inert(r)}" for r in shown[:8]) \
            + ("\n... " + tr(N_("{n} more"), n=number(len(shown) - 8)) if len(shown) > 8 else "")
        table.add_row(inert_text(o.student), inert_text(short_status(o.status), style),
                      Text(score),
                      Text(reasons))
    console.print(table)
    changed = [(o.student, c) for o in outcomes for c in o.changes]
    if changed:
        console.print(Text(tr(N_("Automatic scores that changed since the last grading:")),
                           style="bold"))
        for student, c in changed:
            console.print(Text(f"  {inert(student)}: {inert(c)}"))
    kept = [(o.student, c) for o in outcomes for c in o.kept]
    if kept:
        console.print(Text(tr(N_("{n} manual grade(s) from the formgrader were kept as "
                                 "given."), n=number(len(kept)))))
    return 1 if counts.get(FAILED) else 0
