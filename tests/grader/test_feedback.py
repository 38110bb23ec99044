"""``weakties-grade feedback``: outcomes and teaching messages, never the tests' code."""

from __future__ import annotations

import re

import pytest
from cli_fixtures import support

from grader.cli import main
from grader.commands.feedback import feedback

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning"),
              pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning")]

#: Lines of ps1's hidden tests (from the source notebook), which must never reach a student.
HIDDEN = ["square(-4) == 16", "total == 15", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS",
          "assert square(3) == 9"]


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    course = support.graded_class(tmp_path_factory.mktemp("fb") / "course")
    result = feedback(course, "ps1")
    return course, result


def _page(course, student):
    return (course.feedback / student / "ps1" / "ps1.html").read_text(encoding="utf-8")


def _text(html):
    return re.sub(r"<[^>]+>", " ", html)


def test_one_page_per_graded_student(pages):
    course, result = pages
    graded = sorted(support.CLASS)
    assert sorted(result["students"]) == graded
    for student in graded:
        assert (course.feedback / student / "ps1" / "ps1.html").is_file()
    assert not (course.feedback / "waiting").exists()


@pytest.mark.parametrize("student", sorted(support.CLASS))
def test_no_test_code_is_revealed(pages, student):
    course, _ = pages
    page = _page(course, student)
    for line in HIDDEN:
        assert line not in page, line
    # each test cell shows one line instead of its code
    assert page.count("The code of this test is not shown.") == 3


def test_failed_tests_show_their_teaching_message(pages):
    course, _ = pages
    half = _text(_page(course, "half"))
    # square = abs(x) * x fails the hidden negative case: the test's own message is shown
    assert "Not passed: square of a negative number: expected a positive result." in half
    assert "Hint: (-4) * (-4) = 16." in half
    full = _text(_page(course, "full"))
    assert "Not passed" not in full
    assert full.count("Passed.") == 3      # the self-check and the two graded tests


def test_task_summary_gives_each_task_score(pages):
    course, _ = pages
    half = _text(_page(course, "half"))
    assert re.search(r"Task 1: squares\s*\|?\s*0 / 2", half) or \
        re.search(r"Task 1: squares\s+0 / 2", half)
    assert re.search(r"Task 2: the total\s+3 / 3", half)
    assert re.search(r"Task 3: reflection\s+1 / 2", half)
    pending = _text(_page(course, "pending"))
    assert re.search(r"Task 3: reflection\s+to be graded", pending)


def test_flagged_and_failed_are_marked(tmp_path, monkeypatch, capsys):
    course = support.graded_class(tmp_path / "course")
    support.patch_status(monkeypatch, {
        ("half", "ps1"): {"status": "flagged", "reasons": ["an input transformer was found"]},
        ("blank", "ps1"): {"status": "failed", "reasons": ["the kernel died"]},
    })
    code = main(["--course", str(course.root), "--source", str(support.SOURCE), "feedback",
                 "ps1"])
    assert code == 0
    assert "1 that could not be graded" in capsys.readouterr().out
    flagged = _page(course, "half")
    assert "Flagged for review" in flagged and "an input transformer was found" in flagged
    failed = _page(course, "blank")
    assert "Could not be graded" in failed and "the kernel died" in failed
    assert "Score" not in failed and "not a grade of zero" in failed
    assert "Flagged" not in _page(course, "full")


def test_feedback_before_autograde_is_a_clear_error(tmp_path, capsys):
    course = support.make_course(tmp_path / "course")
    code = main(["--course", str(course.root), "--source", str(support.SOURCE), "feedback",
                 "ps1"])
    err = capsys.readouterr().err
    assert code == 2 and "autograde ps1" in err and err.count("\n") == 1


def test_one_unreadable_graded_notebook_does_not_stop_the_others(tmp_path, capsys):
    course = support.graded_class(tmp_path / "course")
    broken = course.autograded / "blank" / "ps1" / "ps1.ipynb"
    broken.chmod(0o644)
    broken.write_text("{ not json")
    code = main(["--course", str(course.root), "--source", str(support.SOURCE), "feedback",
                 "ps1"])
    out = capsys.readouterr().out
    assert code == 1
    assert "No feedback for 1 student(s)" in out and "blank" in out
    for student in ("full", "half", "nototal", "pending"):
        assert (course.feedback / student / "ps1" / "ps1.html").is_file()
