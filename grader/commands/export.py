"""``weakties-grade export``: the grades table, as CSV or as a file for Moodle's grade import.

``--format csv`` (default) writes one row per student and assignment with
the columns of :data:`CSV_COLUMNS`. The ``status`` column says whether the
score is final (see :mod:`grader.stores.results`): a failed submission has an empty
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
import sys
import textwrap

from ..render.tables import (CSV_COLUMNS, MOODLE_ID_HEADERS, csv_header, csv_rows, moodle_rows,
                             write_csv)
from ..render.text import inert
from ..render.words import N_, number, short_status, tr
from ..stores.results import load_results
from .common import UserError, course_of

__all__ = ["configure_parser", "run"]













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
    from ..stores.roster import read_roster

    course = course_of(args)
    if not course.has_gradebook():
        raise UserError(tr(N_("there is no gradebook in {folder} yet: release, collect and "
                              "autograde an assignment first (or give the right --course)."),
                           folder=course.root))
    roster_path = args.roster or (course.root / "roster.csv"
                                  if (course.root / "roster.csv").is_file() else None)
    roster = read_roster(roster_path) if roster_path else None
    if args.out_of is not None and args.out_of <= 0:
        raise UserError(tr(N_("--out-of must be a positive number, such as 20 or 100.")))
    assignments = args.assignment
    if args.format == "moodle" and not assignments:
        from nbgrader.api import Gradebook
        with Gradebook(course.db_url, "weakties") as gb:
            names = sorted(a.name for a in gb.assignments)
        if len(names) != 1:
            raise UserError(tr(N_("the Moodle format holds one assignment: choose it with "
                                  "--assignment (the gradebook has: {names})."),
                               names=", ".join(names) or tr(N_("none"))))
        assignments = names
    if args.format == "moodle" and len(assignments) != 1:
        raise UserError(tr(N_("the Moodle format holds one assignment (one grade column): "
                              "give --assignment once.")))
    if args.match_on == "id_number" and roster is None:
        raise UserError(tr(N_("--match-on id_number needs a roster with an id_number column: "
                              "give --roster CSV.")))
    results = load_results(course, assignments)
    if args.format == "csv":
        default = course.root / "exports" / (
            f"grades-{assignments[0]}.csv" if assignments and len(assignments) == 1
            else "grades.csv")
        output = args.output or default
        write_csv(output, CSV_COLUMNS, csv_rows(results, roster), labels=csv_header())
        if str(output) != "-":
            counts = {}
            for r in results:
                counts[r.status] = counts.get(r.status, 0) + 1
            summary = ", ".join(f"{number(n)} {short_status(status)}"
                                for status, n in sorted(counts.items()))
            print(tr(N_("Grades written to {path} ({summary})."), path=output,
                     summary=summary or tr(N_("no rows"))))
        return 0
    header, rows, left_out = moodle_rows(results, match_on=args.match_on, roster=roster,
                                         out_of=args.out_of)
    output = args.output or course.root / "exports" / f"moodle-{assignments[0]}.csv"
    write_csv(output, header, rows)
    stream = sys.stderr if str(output) == "-" else sys.stdout
    if str(output) != "-":
        print(tr(N_("Moodle grade import file written to {path}: {n} grade(s), matched on "
                    "{column}."), path=output, n=number(len(rows)),
                 column=tr(MOODLE_ID_HEADERS[args.match_on])), file=stream)
    if left_out:
        print(tr(N_("Left out (Moodle keeps its current grade for them): {n}"),
                 n=number(len(left_out))), file=stream)
        for line in left_out:
            print(f"  {inert(line)}", file=stream)
    return 0
