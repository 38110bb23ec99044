"""``weakties-grade export``: the grades table, statuses, and Moodle's import format."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from cli_fixtures import support

from grader.cli import main

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning")]

FAILED = {"status": "failed", "reasons": ["the notebook is not valid JSON"]}
FLAGGED = {"status": "flagged", "reasons": ["test cell test-x did not prove it ran"]}


@pytest.fixture
def course(tmp_path):
    return support.graded_class(tmp_path / "course")


def _run(course, *args, capsys):
    code = main(["--course", str(course.root), "--source", str(support.SOURCE), "export", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def _rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_scores_equal_the_expected_ones(course, capsys):
    code, out, _ = _run(course, "-o", "-", capsys=capsys)
    assert code == 0
    rows = {r["student_id"]: r for r in _rows(out)}
    for student, (_, _, total, status) in support.CLASS.items():
        assert float(rows[student]["score"]) == pytest.approx(total), student
        assert rows[student]["status"] == status, student
        assert float(rows[student]["max_score"]) == 7.0
    assert rows["late"]["status"] == "missing" and rows["late"]["score"] == ""
    assert rows["late"]["email"] == "late@example.org"
    assert rows["waiting"]["status"] == "not_autograded" and rows["waiting"]["score"] == ""


def test_failed_is_never_a_plain_zero_and_flagged_is_marked(course, capsys, monkeypatch):
    support.patch_status(monkeypatch, {("blank", "ps1"): FAILED, ("full", "ps1"): FLAGGED})
    code, out, _ = _run(course, "-o", "-", capsys=capsys)
    rows = {r["student_id"]: r for r in _rows(out)}
    assert rows["blank"]["status"] == "failed"
    assert rows["blank"]["score"] == "" and rows["blank"]["percent"] == ""
    assert rows["blank"]["reasons"] == "the notebook is not valid JSON"
    assert rows["full"]["status"] == "flagged"
    assert float(rows["full"]["score"]) == 7.0
    assert "did not prove it ran" in rows["full"]["reasons"]


def test_default_output_file_and_roster_columns(course, capsys, tmp_path):
    roster = support.write_roster(tmp_path / "r.csv", ["full,Fay,Full,fay@example.org,77,"])
    code, out, _ = _run(course, "--assignment", "ps1", "--roster", str(roster), capsys=capsys)
    path = course.root / "exports" / "grades-ps1.csv"
    assert code == 0 and str(path) in out
    rows = {r["student_id"]: r for r in _rows(path.read_text())}
    assert rows["full"]["id_number"] == "77" and rows["full"]["first_name"] == "Fay"


def test_moodle_file_holds_only_final_grades(course, capsys, monkeypatch, tmp_path):
    support.patch_status(monkeypatch, {("blank", "ps1"): FAILED, ("half", "ps1"): FLAGGED})
    roster = support.write_roster(tmp_path / "r.csv", [
        f"{s},F{s},L{s},{s}@example.org,{100 + i}," for i, s in enumerate(support.CLASS)])
    out_file = tmp_path / "moodle.csv"
    code, out, _ = _run(course, "--format", "moodle", "--roster", str(roster), "-o",
                        str(out_file), capsys=capsys)
    assert code == 0
    rows = list(csv.reader(io.StringIO(out_file.read_text())))
    assert rows[0] == ["Email address", "ps1"]
    grades = {r[0]: float(r[1]) for r in rows[1:]}
    # graded only: failed (blank), flagged (half), needs_grading (pending), missing and
    # not autograded students are left out, so Moodle keeps what it has.
    assert grades == {"full@example.org": 7.0, "nototal@example.org": 2.0}
    for student in ("blank", "half", "pending", "late", "waiting"):
        assert student in out
    assert "could not be graded" in out and "flagged for review" in out


def test_moodle_rescaled_and_matched_on_id_number(course, capsys, tmp_path):
    roster = support.write_roster(tmp_path / "r.csv", [
        "full,,,full@example.org,2024001,", "half,,,,2024002,", "nototal,,,,,"])
    code, out, _ = _run(course, "--format", "moodle", "--match-on", "id_number", "--out-of", "20",
                        "--roster", str(roster), "-o", str(tmp_path / "m.csv"), capsys=capsys)
    rows = list(csv.reader(io.StringIO((tmp_path / "m.csv").read_text())))
    assert rows[0] == ["ID number", "ps1"]
    assert {r[0]: float(r[1]) for r in rows[1:]} == {"2024001": pytest.approx(20.0),
                                                     "2024002": pytest.approx(4 / 7 * 20, abs=0.01)}
    assert "nototal: no id number" in out


@pytest.mark.parametrize("args, message", [
    (["--format", "moodle", "--match-on", "id_number"], "needs a roster"),
    (["--format", "moodle", "--assignment", "ps1", "--assignment", "ps1"], "one assignment"),
    (["--assignment", "nope"], "no assignment 'nope'"),
    (["--format", "moodle", "--out-of", "0"], "positive"),
])
def test_export_errors_are_one_line(course, capsys, args, message):
    code, out, err = _run(course, *args, capsys=capsys)
    assert code == 2
    assert message in err and err.count("\n") == 1


def test_stock_nbgrader_export_gets_the_status_column(course, monkeypatch, tmp_path):
    dest = tmp_path / "grades.csv"
    env = {"PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin"}
    proc = subprocess.run([str(Path(sys.executable).parent / "nbgrader"), "export", "--to",
                           str(dest)], cwd=course.root, env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    rows = {r["student_id"]: r for r in _rows(dest.read_text())}
    assert rows["late"]["status"] == "missing"
    assert float(rows["half"]["score"]) == 4.0
