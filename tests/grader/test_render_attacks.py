"""The surface attacks of the corpus, through the real command line, with honest students.

A Moodle download holds honest students and the corpus's surface attacks
(``corpus.ATTACKS`` with ``surface=True``: scripts for the formgrader and
the feedback page, markup and escapes in names, ids and file names,
spreadsheet formulas in roster fields, an oversized notebook). It goes
through ``collect``, ``autograde``, ``feedback``, ``export`` (CSV and
Moodle), ``report`` and ``gradebook check``. Nothing crashes; honest
students get what their answers earn; no attack earns more than its answers;
no terminal output carries a control character; no page or autograded
notebook holds anything a browser would run (checked by
:func:`test_render_html.active_parts`, written for the tests); no CSV cell
is a formula; the oversized submission's page says what it leaves out.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

import cohort
from attacks import corpus
from test_render_html import active_parts

from grader.stores import gradebook

pytestmark = [pytest.mark.slow, pytest.mark.sandbox]

A = "ties-basics"
HONEST = {"h01": "full", "h02": "float-degree"}
SURFACE = [a for a in corpus.ATTACKS if a.surface]
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cli(course, *args, timeout=900):
    command = [str(Path(sys.executable).parent / "weakties-grade"), "--course",
               str(course.root), "--source", str(course.source), *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout)


def _inert(result) -> None:
    for stream in (result.stdout, result.stderr):
        assert "Traceback" not in stream, stream[-3000:]
        assert not CONTROL.search(stream.replace("\n", "").replace("\t", "")), \
            repr(CONTROL.search(stream.replace("\n", "")))


def _download(course, tmp_path) -> tuple[Path, Path, dict]:
    """A Moodle zip and roster for the honest students and the surface attacks."""
    import zipfile

    students, files, rows = {}, {}, []
    for i, (student, variant) in enumerate(HONEST.items()):
        cohort.write_submission(course, student, A, variant)
        students[student] = (f"Honest{i}", "Student", {})
    for i, attack in enumerate(SURFACE):
        student = f"x{i:02d}"
        corpus.write(course, student, attack)
        students[student] = (attack.roster.get("first_name", f"First{i}"),
                             attack.roster.get("last_name", f"Last{i}"), attack.roster)
    zipped = tmp_path / "moodle.zip"
    with zipfile.ZipFile(zipped, "w") as zf:
        for n, (student, (first, last, roster)) in enumerate(students.items()):
            pid = 5000 + n
            folder = course.submission(student, A)
            prefix = f"Student {n}_{pid}_assignsubmission_file_/"
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                if path.name == "timestamp.txt":
                    continue
                zf.writestr(prefix + path.relative_to(folder).as_posix(), path.read_bytes())
            rows.append([student, first, last, roster.get("email", f"{student}@example.org"),
                         roster.get("id_number", str(100 + n)), str(pid)])
            files[student] = folder
    import shutil

    shutil.rmtree(course.submitted)          # collect brings them back from the zip
    roster = tmp_path / "roster.csv"
    with open(roster, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["student_id", "first_name", "last_name", "email", "id_number",
                         "moodle_id"])
        writer.writerows(rows)
    return zipped, roster, students


def test_surface_attacks_through_the_command_line(course, tmp_path):
    zipped, roster, students = _download(course, tmp_path)

    collected = _cli(course, "collect", A, "--from", zipped, "--roster", roster)
    _inert(collected)
    assert collected.returncode == 1, collected.stdout    # the odd files are listed, not stored
    assert "notes" in collected.stdout and "txt.exe" in collected.stdout

    graded = _cli(course, "autograde", A, "--no-progress", "--jobs", "2", "--cell-timeout",
                  "20", "--notebook-timeout", "240")
    _inert(graded)
    assert graded.returncode in (0, 1), graded.stdout + graded.stderr
    assert "x01" in graded.stdout                          # the summary was printed

    # Grades: honest students get what their answers earn, attacks no more than theirs.
    with gradebook.open_gradebook(course) as gb:
        def earned(student):
            sub = gb.find_submission(A, student)
            return sum(g.auto_score or 0 for nb in sub.notebooks for g in nb.grades)

        for student, variant in HONEST.items():
            spec = cohort.VARIANTS[A][variant]
            assert earned(student) == pytest.approx(
                sum(cohort.expected_scores(A, spec, student).values())), student
        for i, attack in enumerate(SURFACE):
            assert earned(f"x{i:02d}") <= attack.honest_points(f"x{i:02d}") + 1e-9, attack.name
        # names are stored as the roster gives them, never escaped
        mallory = gb.find_student(f"x{[a.name for a in SURFACE].index('markup-in-names'):02d}")
        assert mallory.last_name == corpus._XSS_NAME

    # The autograded notebooks render nothing active (nbconvert's own HTML, no sanitiser).
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="basic", sanitize_html=False)
    for path in sorted(course.autograded.glob(f"*/{A}/{A}.ipynb")):
        html, _ = exporter.from_notebook_node(nbformat.read(path, as_version=4))
        assert active_parts(html) == [], path

    # Feedback pages: inert, and the oversized one says what it leaves out.
    fed = _cli(course, "feedback", A)
    _inert(fed)
    assert fed.returncode == 0, fed.stdout + fed.stderr
    pages = {p.parent.parent.name: p.read_text(encoding="utf-8")
             for p in course.feedback.glob(f"*/{A}/{A}.html")}
    assert set(pages) >= set(students)
    for student, page in pages.items():
        assert active_parts(page.split("</style>", 1)[-1]) == [], student
        assert "default-src 'none'" in page
    big = f"x{[a.name for a in SURFACE].index('oversized-for-feedback'):02d}"
    assert "not shown" in pages[big] and len(pages[big]) < 2_000_000
    assert "Weak ties carry news" in pages["x00"]          # the reflection is still shown

    # Exports: no cell a spreadsheet would run; scores are numbers.
    exported = _cli(course, "export", "--roster", roster, "-o", tmp_path / "grades.csv")
    _inert(exported)
    moodle = _cli(course, "export", "--assignment", A, "--format", "moodle", "--roster", roster,
                  "-o", tmp_path / "moodle.csv")
    _inert(moodle)
    for name in ("grades.csv", "moodle.csv"):
        rows = list(csv.reader(io.StringIO((tmp_path / name).read_text(encoding="utf-8"))))
        header = rows[0]
        for row in rows[1:]:
            for column, cell in zip(header, row):
                if column in ("score", "max_score", "percent", "late_penalty", A):
                    float(cell) if cell else None
                else:
                    assert not cell.lstrip(" ").startswith(FORMULA), (name, column, cell)

    # Report and gradebook check: no crash, nothing active, nothing raw on the terminal.
    reported = _cli(course, "report", A)
    _inert(reported)
    assert reported.returncode == 0, reported.stderr
    report = (course.reports / f"{A}.html").read_text(encoding="utf-8")
    assert active_parts(report.split("</style>", 1)[-1]) == []
    checked = _cli(course, "gradebook", "check")
    _inert(checked)
