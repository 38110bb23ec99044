"""``weakties-grade export``: the grades table, as CSV or as a file for Moodle's grade import.

``--format csv`` (default) writes one row per student and assignment with
the columns of :data:`CSV_COLUMNS`. The ``status`` column says whether the
score is final (see :mod:`grader.results`): a failed submission has an empty
score and the status ``failed`` with its reasons, never a plain 0; a flagged
one keeps the score the grader gave and the status ``flagged``.

``--format moodle`` writes a file for Moodle's grade import (Grades >
Import > CSV file): one identifier column that Moodle matches users on
(``Email address`` or ``ID number``, from the roster or the gradebook) and
one grade column for the assignment. Only final grades are written: failed,
flagged, missing, not yet autograded and not yet manually graded submissions
are left out (Moodle then keeps whatever grade it has) and listed on the
screen, so that nothing is imported as a zero by mistake. In Moodle choose
"Map from: Email address, Map to: Email address" (or ID number), and map the
grade column to the assignment's grade item.

The same CSV is what ``nbgrader export`` writes when run from the course
root (:class:`StatusCsvExportPlugin`, set in :mod:`grader.nbgrader_config`).
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import textwrap
from pathlib import Path

from nbgrader.plugins import ExportPlugin

from .cli import UserError, course_of
from .results import SubmissionResult, load_results

__all__ = ["CSV_COLUMNS", "csv_rows", "moodle_rows", "write_csv", "StatusCsvExportPlugin",
           "configure_parser", "run"]

CSV_COLUMNS = ("assignment", "student_id", "first_name", "last_name", "email", "id_number",
               "status", "score", "max_score", "percent", "late_penalty", "timestamp",
               "reasons")
MOODLE_ID_HEADERS = {"email": "Email address", "id_number": "ID number"}


def _fmt(value: float | None) -> str:
    if value is None:
        return ""
    return f"{round(value, 2):g}" if abs(value) < 1e15 else str(value)


def csv_rows(results: list[SubmissionResult], roster=None) -> list[dict]:
    """Rows of the CSV format (see :data:`CSV_COLUMNS`)."""
    rows = []
    for r in results:
        student = roster.get(r.student) if roster is not None else None
        rows.append({
            "assignment": r.assignment,
            "student_id": r.student,
            "first_name": (student.first_name if student and student.first_name else r.first_name),
            "last_name": (student.last_name if student and student.last_name else r.last_name),
            "email": (student.email if student and student.email else r.email),
            "id_number": student.id_number if student else "",
            "status": r.status,
            "score": _fmt(r.score),
            "max_score": _fmt(r.max_score),
            "percent": _fmt(r.percent),
            "late_penalty": _fmt(r.late_penalty) if r.score is not None else "",
            "timestamp": r.timestamp,
            "reasons": "; ".join(r.reasons),
        })
    return rows


def moodle_rows(results: list[SubmissionResult], *, match_on: str = "email", roster=None,
                out_of: float | None = None) -> tuple[list[str], list[list[str]], list[str]]:
    """(header, rows, left-out messages) of the Moodle import file for ONE assignment."""
    assignments = sorted({r.assignment for r in results})
    if len(assignments) != 1:
        raise UserError("the Moodle format holds one assignment (one grade column): choose it "
                        "with --assignment.")
    name = assignments[0]
    header = [MOODLE_ID_HEADERS[match_on], name]
    rows, left_out = [], []
    for r in results:
        student = roster.get(r.student) if roster is not None else None
        if match_on == "email":
            ident = (student.email if student and student.email else r.email)
        else:
            ident = student.id_number if student else ""
        if r.status != "graded":
            why = {"failed": "could not be graded", "flagged": "flagged for review",
                   "missing": "no submission", "not_autograded": "not autograded yet",
                   "needs_grading": "manual grading not finished"}[r.status]
            detail = f" ({'; '.join(r.reasons)})" if r.reasons else ""
            left_out.append(f"{r.student}: {why}{detail}")
            continue
        if not ident:
            left_out.append(f"{r.student}: no {MOODLE_ID_HEADERS[match_on].lower()} in the "
                            "roster (Moodle would stop the whole import on an empty one)")
            continue
        score = r.score
        if out_of is not None and r.max_score:
            score = score * out_of / r.max_score
        rows.append([ident, _fmt(score)])
    return header, rows, left_out


def write_csv(path, header, rows) -> None:
    """Write ``rows`` (lists or dicts) under ``header``, to ``path`` or stdout for ``-``."""
    buffer = io.StringIO()
    if rows and isinstance(rows[0], dict):
        writer = csv.DictWriter(buffer, fieldnames=list(header), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    if str(path) == "-":
        sys.stdout.write(buffer.getvalue())
        return
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(buffer.getvalue(), encoding="utf-8")
    tmp.replace(path)


class StatusCsvExportPlugin(ExportPlugin):
    """``nbgrader export`` with the status column: failed and flagged submissions marked."""

    def export(self, gradebook) -> None:
        from .course import Course

        root = Path(self.parent.coursedir.root)
        course = Course(root, source=(root / "source").resolve())
        assignments = [str(a) for a in self.assignment] or None
        students = [str(s) for s in self.student] or None
        results = load_results(course, assignments, students)
        dest = self.to or "grades.csv"
        self.log.info("Exporting grades with their status to %s", dest)
        write_csv(dest, CSV_COLUMNS, csv_rows(results))


def configure_parser(parser: argparse.ArgumentParser) -> None:
    parser.description = textwrap.dedent("""\
        Write the grades table.

        --format csv (default): one row per student and assignment with the columns
          assignment, student_id, first_name, last_name, email, id_number, status, score,
          max_score, percent, late_penalty, timestamp, reasons.
          status is graded, needs_grading (manual grading not finished), flagged (to review:
          the grader found something wrong; the affected tests earned nothing), failed
          (could not be graded: empty score, never 0), not_autograded or missing.

        --format moodle: a CSV for Moodle's grade import (Grades > Import > CSV file) with
          one identifier column (Email address, or ID number with --match-on id_number) and
          one grade column. Only final grades are written; the others are listed on the
          screen and left out, so Moodle keeps what it has. In Moodle map "Email address"
          to "Email address" (or "ID number" to "ID number") and the grade column to the
          assignment's grade item. --out-of rescales, for instance to a grade out of 20.

        Names, emails and ID numbers come from the roster (--roster, else COURSE/roster.csv
        as kept by `collect`, else the gradebook). The file goes to -o FILE (- for the
        screen), by default to COURSE/exports/.""")
    parser.epilog = textwrap.dedent("""\
        examples:
          weakties-grade export -o grades.csv
          weakties-grade export --assignment 01-your-network --format moodle --out-of 20""")
    parser.add_argument("--assignment", metavar="A", action="append",
                        help="only this assignment (repeat for several); the Moodle format "
                             "needs exactly one")
    parser.add_argument("--format", choices=("csv", "moodle"), default="csv",
                        help="csv (default) or moodle")
    parser.add_argument("--roster", metavar="CSV", help="the class roster")
    parser.add_argument("--match-on", choices=("email", "id_number"), default="email",
                        help="the Moodle identifier column (default: email)")
    parser.add_argument("--out-of", type=float, metavar="N",
                        help="Moodle format: rescale scores to a grade out of N")
    parser.add_argument("-o", "--output", metavar="FILE", help="where to write (- for the screen)")


def run(args) -> int:
    from .roster import read_roster

    course = course_of(args)
    if not course.gradebook.exists():
        raise UserError(f"there is no gradebook in {course.root} yet: release, collect and "
                        "autograde an assignment first (or give the right --course).")
    roster_path = args.roster or (course.root / "roster.csv"
                                  if (course.root / "roster.csv").is_file() else None)
    roster = read_roster(roster_path) if roster_path else None
    if args.out_of is not None and args.out_of <= 0:
        raise UserError("--out-of must be a positive number, such as 20 or 100.")
    assignments = args.assignment
    if args.format == "moodle" and not assignments:
        from nbgrader.api import Gradebook
        with Gradebook(course.db_url, "weakties") as gb:
            names = sorted(a.name for a in gb.assignments)
        if len(names) != 1:
            raise UserError("the Moodle format holds one assignment: choose it with "
                            f"--assignment (the gradebook has: {', '.join(names) or 'none'}).")
        assignments = names
    if args.format == "moodle" and len(assignments) != 1:
        raise UserError("the Moodle format holds one assignment (one grade column): give "
                        "--assignment once.")
    if args.match_on == "id_number" and roster is None:
        raise UserError("--match-on id_number needs a roster with an id_number column: give "
                        "--roster CSV.")
    results = load_results(course, assignments)
    if args.format == "csv":
        default = course.root / "exports" / (
            f"grades-{assignments[0]}.csv" if assignments and len(assignments) == 1
            else "grades.csv")
        output = args.output or default
        write_csv(output, CSV_COLUMNS, csv_rows(results, roster))
        if str(output) != "-":
            counts = {}
            for r in results:
                counts[r.status] = counts.get(r.status, 0) + 1
            summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
            print(f"Grades written to {output} ({summary or 'no rows'}).")
        return 0
    header, rows, left_out = moodle_rows(results, match_on=args.match_on, roster=roster,
                                         out_of=args.out_of)
    output = args.output or course.root / "exports" / f"moodle-{assignments[0]}.csv"
    write_csv(output, header, rows)
    stream = sys.stderr if str(output) == "-" else sys.stdout
    if str(output) != "-":
        print(f"Moodle grade import file written to {output}: {len(rows)} grade(s), "
              f"matched on {MOODLE_ID_HEADERS[args.match_on]}.", file=stream)
    if left_out:
        print(f"Left out (Moodle keeps its current grade for them): {len(left_out)}",
              file=stream)
        for line in left_out:
            print(f"  {line}", file=stream)
    return 0
