"""Helpers for the tests of the ``weakties-grade`` commands.

The small course in ``cli_fixtures/source`` has one assignment, ``ps1``:
task 1 (``square``: a 0-point self-check and a 2-point test with a hidden
part), task 2 (``total``: a 3-point hidden test reading ``data/numbers.csv``)
and task 3 (a 2-point reflection graded by hand). Its answers are written
here by hand, so expected scores are known without running the grader.
"""

from __future__ import annotations

import json
import os
import sys
import zipfile
from pathlib import Path

import nbformat

from grader.stores.course import Course

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "source"

#: Answers for ps1, by solution cell.
SQUARE_RIGHT = "def square(x):\n    return x * x"
SQUARE_ABS = "def square(x):\n    return abs(x) * x"          # fails the hidden negative case
TOTAL_RIGHT = "total = sum(NUMBERS)"
TOTAL_WRONG = "total = len(NUMBERS)"
REFLECTION = "Rounding makes exact floats fragile, and random data changes the numbers."

#: Points of ps1's autograded cells and of its manual cell.
POINTS = {"square-selfcheck": 0.0, "square-hidden": 2.0, "total-hidden": 3.0}
MANUAL = {"reflection": 2.0}


def tools_on_path() -> None:
    """nbgrader runs `alembic` by name when it creates a gradebook."""
    bindir = str(Path(sys.executable).parent)
    if bindir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bindir + os.pathsep + os.environ.get("PATH", "")


def make_course(root, source=SOURCE, release=("ps1",)) -> Course:
    """A course at ``root`` on ``source``, with ``release`` assignments released."""
    from grader.commands.release import release as do_release

    tools_on_path()
    course = Course(root, source=source).ensure()
    for name in release:
        do_release(course, name)
    return course


def released(course: Course, assignment: str = "ps1", notebook: str = "ps1"):
    return nbformat.read(course.release / assignment / f"{notebook}.ipynb", as_version=4)


def fill(nb, answers: dict):
    """A copy of notebook ``nb`` with ``answers`` ({grade_id: source}) in its solution cells."""
    out = nbformat.from_dict(json.loads(json.dumps(nb)))
    for cell in out.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution") and meta.get("grade_id") in answers:
            cell.source = answers[meta["grade_id"]]
    return out


def answers(square=SQUARE_RIGHT, total=TOTAL_RIGHT, reflection=REFLECTION) -> dict:
    out = {}
    if square:
        out["square"] = square
    if total:
        out["total"] = total
    if reflection:
        out["reflection"] = reflection
    return out


def notebook_bytes(course: Course, **kw) -> bytes:
    """A filled ps1 notebook as bytes (``kw`` as for :func:`answers`)."""
    return nbformat.writes(fill(released(course), answers(**kw))).encode()


def expected_auto(square=SQUARE_RIGHT, total=TOTAL_RIGHT) -> float:
    """Autograded points of an answer set, by reading the tests' rules (not the grader)."""
    pts = 0.0
    if square == SQUARE_RIGHT:
        pts += POINTS["square-hidden"]
    if total == TOTAL_RIGHT:
        pts += POINTS["total-hidden"]
    return pts


def write_submission(course: Course, student: str, data: bytes, assignment="ps1",
                     timestamp="2026-03-01 10:00:00+00:00") -> Path:
    folder = course.submission(student, assignment)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{assignment}.ipynb").write_bytes(data)
    (folder / "timestamp.txt").write_text(timestamp)
    return folder


def stock_autograde(course: Course, assignment: str = "ps1", student: str = "*") -> str:
    """Autograde with stock nbgrader (no sandbox) and this course's configuration."""
    from nbgrader.converters import Autograde

    from grader.engine.converters import run_converter

    return run_converter(Autograde, course, assignment, student, what="autograde", force=True,
                         create_student=True)


def set_manual(course: Course, student: str, score: float, assignment="ps1",
               notebook="ps1", cell="reflection") -> None:
    """Grade a manual cell as the formgrader does (nbgrader's Gradebook API)."""
    from nbgrader.api import Gradebook

    with Gradebook(course.db_url, "weakties") as gb:
        grade = gb.find_grade(cell, notebook, assignment, student)
        grade.manual_score = score
        grade.needs_manual_grade = False
        gb.db.commit()


def write_roster(path: Path, rows, header="student_id,first_name,last_name,email,id_number,moodle_id"):
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def moodle_zip(path: Path, files: dict, date_time=(2026, 3, 1, 9, 30, 0)) -> Path:
    """A zip like Moodle's "Download all submissions": {name inside the zip: bytes}."""
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=date_time)
            zf.writestr(info, data)
    return path


def patch_status(monkeypatch, records: dict) -> None:
    """Make failed/flagged statuses appear as grader.stores.status would report them.

    ``records``: {(student, assignment): {"status": "failed"|"flagged", "reasons": [...]}}.
    """
    import grader.commands.feedback
    import grader.stores.results
    import grader.stores.status

    def fake(course):
        return dict(records)

    for module in (grader.stores.status, grader.stores.results, grader.commands.feedback):
        monkeypatch.setattr(module, "status_of", fake)


# --------------------------------------------------------------------------
# A graded class, built once per test session with stock nbgrader and copied
# into each test's own folder.

#: student -> (answers, manual score or None, expected total, expected status)
CLASS = {
    "full": (dict(), 2.0, 7.0, "graded"),
    "half": (dict(square=SQUARE_ABS), 1.0, 4.0, "graded"),
    "nototal": (dict(total=TOTAL_WRONG, reflection=None), None, 2.0, "graded"),
    "blank": (None, None, 0.0, "graded"),
    "pending": (dict(), None, 5.0, "needs_grading"),
}
_TEMPLATE: dict = {}


def graded_class(root) -> Course:
    """A copy at ``root`` of a course where :data:`CLASS` was collected and autograded.

    Also has ``late`` (no submission) in the gradebook and ``waiting`` collected
    but not autograded.
    """
    import shutil
    import tempfile

    from nbgrader.api import Gradebook

    if "course" not in _TEMPLATE:
        base = Path(tempfile.mkdtemp(prefix="weakties-graded-")) / "course"
        course = make_course(base)
        blank = nbformat.writes(released(course)).encode()
        for student, (ans, _, _, _) in CLASS.items():
            data = blank if ans is None else notebook_bytes(course, **ans)
            write_submission(course, student, data)
        stock_autograde(course)
        for student, (_, manual, _, _) in CLASS.items():
            if manual is not None:
                set_manual(course, student, manual)
        with Gradebook(course.db_url, "weakties") as gb:
            gb.update_or_create_student("late", first_name="Lee", last_name="Late",
                                        email="late@example.org")
            gb.update_or_create_student("waiting")
        write_submission(course, "waiting", notebook_bytes(course))
        _TEMPLATE["course"] = course
    template = _TEMPLATE["course"]
    root = Path(root)
    shutil.copytree(template.root, root, symlinks=True)
    (root / "nbgrader_config.py").unlink()
    return Course(root, source=template.source).ensure()
