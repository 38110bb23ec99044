"""The grade tables: rows for the CSV export and for Moodle's grade import, and the writer.

Text cells are neutralised against formula injection (:func:`neutralise`):
a spreadsheet opening ``grades.csv`` never evaluates a student's name,
email or reason as a formula. Score columns are written by this module
from numbers, so they stay numbers.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

from ..errors import UserError
from ..stores.results import SubmissionResult
from .words import N_, short_status, tr

__all__ = ["CSV_COLUMNS", "CSV_HEADERS", "MOODLE_ID_HEADERS", "NUMBER_COLUMNS", "csv_rows",
           "csv_header", "moodle_rows", "neutralise", "write_csv"]


CSV_COLUMNS = ("assignment", "student_id", "first_name", "last_name", "email", "id_number",
               "status", "score", "max_score", "percent", "late_penalty", "timestamp",
               "reasons")


#: The header of each column of the CSV format, in English (translated by csv_header).
CSV_HEADERS = {
    "assignment": N_("assignment"), "student_id": N_("student_id"),
    "first_name": N_("first_name"), "last_name": N_("last_name"), "email": N_("email"),
    "id_number": N_("id_number"), "status": N_("status"), "score": N_("score"),
    "max_score": N_("max_score"), "percent": N_("percent"),
    "late_penalty": N_("late_penalty"), "timestamp": N_("timestamp"),
    "reasons": N_("reasons"),
}

#: The column names of Moodle's grade import (as Moodle names them in each language).
MOODLE_ID_HEADERS = {"email": N_("Email address"), "id_number": N_("ID number")}


def csv_header(lang: str | None = None) -> list:
    """The header row of the CSV format in ``lang``: the column names in English.

    Examples
    --------
    >>> csv_header(lang="en")[:3]
    ['assignment', 'student_id', 'first_name']
    >>> csv_header(lang="fr")[:3]
    ['devoir', 'identifiant', 'prénom']
    """
    return [tr(CSV_HEADERS[c], lang) for c in CSV_COLUMNS]

#: Columns written from numbers by this module (never neutralised).
NUMBER_COLUMNS = ("score", "max_score", "percent", "late_penalty")

#: First characters that make a spreadsheet read a cell as a formula (OWASP's
#: list, with the full-width forms some spreadsheets also accept).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralise(value) -> str:
    """A text cell that no spreadsheet reads as a formula.

    Definition: a value whose first character (or first character after
    leading spaces) is ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
    (or a full-width ``=``, ``+``, ``-``, ``@``) gets a leading apostrophe,
    which spreadsheets show as text and do not evaluate; other values are
    unchanged, so names stay readable.

    Reference: OWASP, "CSV Injection"
    (https://owasp.org/www-community/attacks/CSV_Injection).

    Examples
    --------
    >>> neutralise("=HYPERLINK('http://x', 'y')")
    "'=HYPERLINK('http://x', 'y')"
    >>> neutralise("Chloé"), neutralise("-"), neutralise("  @SUM(A1)")
    ('Chloé', "'-", "'  @SUM(A1)")
    """
    text = "" if value is None else str(value)
    stripped = text.lstrip(" ")
    if text.startswith(FORMULA_START) or stripped.startswith(FORMULA_START):
        return "'" + text
    return text


def _fmt(value: float | None) -> str:
    if value is None:
        return ""
    return f"{round(value, 2):g}" if abs(value) < 1e15 else str(value)


def csv_rows(results: list[SubmissionResult], roster=None) -> list[dict]:
    """Rows of the CSV format (see :data:`CSV_COLUMNS`)."""
    rows = []
    for r in results:
        student = roster.get(r.student) if roster is not None else None
        row = {
            "assignment": r.assignment,
            "student_id": r.student,
            "first_name": (student.first_name if student and student.first_name else r.first_name),
            "last_name": (student.last_name if student and student.last_name else r.last_name),
            "email": (student.email if student and student.email else r.email),
            "id_number": student.id_number if student else "",
            "status": short_status(r.status),
            "score": _fmt(r.score),
            "max_score": _fmt(r.max_score),
            "percent": _fmt(r.percent),
            "late_penalty": _fmt(r.late_penalty) if r.score is not None else "",
            "timestamp": r.timestamp,
            "reasons": "; ".join(r.reasons),
        }
        rows.append({k: v if k in NUMBER_COLUMNS else neutralise(v) for k, v in row.items()})
    return rows


def moodle_rows(results: list[SubmissionResult], *, match_on: str = "email", roster=None,
                out_of: float | None = None) -> tuple[list[str], list[list[str]], list[str]]:
    """(header, rows, left-out messages) of the Moodle import file for ONE assignment."""
    assignments = sorted({r.assignment for r in results})
    if len(assignments) != 1:
        raise UserError("the Moodle format holds one assignment (one grade column): choose it "
                        "with --assignment.")
    name = assignments[0]
    header = [tr(MOODLE_ID_HEADERS[match_on]), neutralise(name)]
    rows, left_out = [], []
    for r in results:
        student = roster.get(r.student) if roster is not None else None
        if match_on == "email":
            ident = (student.email if student and student.email else r.email)
        else:
            ident = student.id_number if student else ""
        if r.status != "graded":
            why = tr({"failed": N_("could not be graded"), "flagged": N_("flagged for review"),
                      "missing": N_("no submission"), "not_autograded": N_("not autograded yet"),
                      "needs_grading": N_("manual grading not finished")}[r.status])
            detail = f" ({'; '.join(r.reasons)})" if r.reasons else ""
            left_out.append(f"{r.student}: {why}{detail}")
            continue
        if not ident:
            left_out.append(f"{r.student}: " + tr(
                N_("no {what} in the roster (Moodle would stop the whole import on an empty "
                   "one)"), what=tr(MOODLE_ID_HEADERS[match_on]).lower()))
            continue
        score = r.score
        if out_of is not None and r.max_score:
            score = score * out_of / r.max_score
        rows.append([neutralise(ident), _fmt(score)])
    return header, rows, left_out


def write_csv(path, header, rows, labels=None) -> None:
    """Write ``rows`` (lists or dicts) under ``header``, to ``path`` or stdout for ``-``.

    Dict rows are keyed by ``header``; ``labels`` (same length) is the header
    row written, when it differs from the keys (another language).
    """
    buffer = io.StringIO()
    if rows and isinstance(rows[0], dict):
        writer = csv.DictWriter(buffer, fieldnames=list(header), lineterminator="\n")
        if labels is None:
            writer.writeheader()
        else:
            csv.writer(buffer, lineterminator="\n").writerow(list(labels))
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
