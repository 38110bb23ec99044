"""A hostile submission opened by the instructor: nothing the student wrote runs.

Mallory hands in ``01-your-network`` with the full solution (so it is
graded like anyone's), plus payloads everywhere the grader shows student
text: her reflection (``<img onerror>``, ``<script>``, ``<iframe srcdoc>``, a
``javascript:`` link, a ``\\href`` for MathJax), an answer cell that displays
HTML with event handlers, a Javascript output and an SVG with a script, and
her roster last name (``<img src=x onerror=...>``). Each payload sets
``window.__pwned`` and the page title, and writes a file through the Jupyter
server's contents API as the instructor (the way issue 12's attacker wrote
files and opened a terminal).

Everything goes through the real command line (``collect --roster``,
``autograde``, ``feedback``, ``lab``). First the test proves the payload
works: run in the instructor's JupyterLab page, it creates a file. Then the
instructor opens every formgrader page that shows Mallory (manage students,
her assignments, manage submissions, the manual-grading list with names
shown, her graded notebook) and her feedback page: in none of them does a
payload run (no ``__pwned``, the title kept, no dialog), and no file is
created on the server. Her name is shown as the text she typed.
"""

from __future__ import annotations

import csv
import re
import shutil
import sys
import warnings
from pathlib import Path

import nbformat
import pytest

import e2e_support as support
from e2e_support import expect

# The corpus of the grader's tests holds the payloads (one definition for both suites).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "grader"))
from attacks import corpus  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.slow]

JOURNEY = "hostile"
A = support.ASSIGNMENT
STUDENT = "mallory"
LAST_NAME = corpus._XSS_NAME
FIRST_NAME = "Mal $\\href{javascript:window.__pwned=1}{lory}$"


def _sandbox_flags() -> list[str]:
    from grader.engine.execute import sandbox_problem

    problem = sandbox_problem()
    if problem is None:
        return []
    warnings.warn(f"hostile journey graded WITHOUT the sandbox: {problem}", UserWarning)
    return ["--unsafe-no-sandbox"]


@pytest.fixture
def course(tmp_path, released, grade):
    source = nbformat.read(support.ROOT / "exercises" / A / f"{A}.ipynb", as_version=4)
    root = tmp_path / "course"
    shutil.copytree(released, root, symlinks=True)
    answers = {c.metadata.nbgrader["grade_id"]: support.solution_of(source, c.metadata.nbgrader[
        "grade_id"]) for c in source.cells if c.metadata.get("nbgrader", {}).get("solution")}
    answers["answer-reflection"] = corpus._XSS_MARKDOWN + \
        "\n\n$\\href{javascript:window.__pwned=1}{my source}$"
    first_code = next(g for g, s in answers.items() if g != "answer-reflection")
    answers[first_code] = answers[first_code] + "\n" + corpus._XSS_OUTPUTS
    downloads = tmp_path / "downloads" / "Mallory Student_4242_assignsubmission_file_"
    downloads.mkdir(parents=True)
    notebook = downloads / f"{A}.ipynb"
    shutil.copy(root / "release" / A / f"{A}.ipynb", notebook)
    support.fill_answers(notebook, answers)
    roster = tmp_path / "roster.csv"
    with open(roster, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([["student_id", "first_name", "last_name", "email", "moodle_id"],
                                 [STUDENT, FIRST_NAME, LAST_NAME, "m@example.org", "4242"]])
    grade("--course", root, "collect", A, "--from", downloads.parent, "--roster", roster)
    grade("--course", root, "autograde", A, "--no-progress", *_sandbox_flags())
    grade("--course", root, "feedback", A)
    return root


def _pwned(page) -> list[str]:
    """Signs that a payload ran, in the page and every frame of it."""
    signs = []
    for frame in page.frames:
        try:
            state = frame.evaluate("() => [window.__pwned === undefined ? null : "
                                   "String(window.__pwned), document.title]")
        except Exception:     # a frame gone while navigating
            continue
        if state[0] is not None:
            signs.append(f"window.__pwned={state[0]} in {frame.url}")
        if state[1] == "PWNED":
            signs.append(f"title changed in {frame.url}")
    return signs


def _files(root: Path) -> list[str]:
    return sorted(p.name for p in root.rglob("pwned-*.txt"))


def _visit(page, url: str, dialogs: list, step: str, wait_for=None) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    if wait_for is not None:
        expect()(page.locator(wait_for).first).to_be_visible()
    page.wait_for_load_state("networkidle")
    support.screenshot(page, JOURNEY, step)
    assert _pwned(page) == [], step
    assert dialogs == [], (step, dialogs)


def test_nothing_a_hostile_student_wrote_runs_for_the_instructor(page, course, start_lab):
    root = course
    dialogs: list = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    lab = start_lab(root, command=[str(support.VENV_BIN / "weakties-grade"), "--course",
                                   str(root), "lab", "--no-browser"],
                    jupyter_args_after_dashes=True)

    # 0. The payload is real: run in the instructor's page, it writes a file as the instructor.
    page.goto(lab.url("lab", reset=None))
    page.locator("#jp-main-dock-panel").wait_for()
    page.evaluate(corpus.PWN)
    page.wait_for_function("() => window.__pwned === 1")   # (JupyterLab resets its title)
    page.wait_for_function(
        "async () => (await fetch('/api/contents?content=1').then(r => r.json()))"
        ".content.some(f => f.name.startsWith('pwned-'))")
    assert _files(root), "the control payload did not write its file"
    for path in root.glob("pwned-*.txt"):
        path.unlink()

    # 1. Every formgrader page that shows Mallory, and her graded notebook.
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", "weakties") as gb:
        submission_id = gb.find_submission_notebook(A, A, STUDENT).id
        assert gb.find_student(STUDENT).last_name == LAST_NAME     # stored as typed
    base = lab.url("formgrader").split("?")[0].rstrip("/")
    token = lab.url("formgrader").split("?", 1)[1]
    pages = [
        ("1-manage-students", f"{base}/manage_students?{token}", "#main-table tr"),
        ("2-student-assignments", f"{base}/manage_students/{STUDENT}?{token}", "#main-table"),
        ("3-manage-submissions", f"{base}/manage_submissions/{A}?{token}", "#main-table tr"),
        ("4-gradebook-names", f"{base}/gradebook/{A}/{A}?{token}", "#main-table tr"),
        ("5-graded-notebook", f"{base}/submissions/{submission_id}/?{token}", ".nbgrader_cell"),
        ("6-reflected-id", f"{base}/manage_students/%3Cimg%20src%3Dx%20onerror%3D"
                           f"window.__pwned%3D1%3E?{token}", "body"),
    ]
    for step, url, selector in pages:
        _visit(page, url, dialogs, step, wait_for=selector)
        if step == "1-manage-students":
            expect()(page.locator("#main-table")).to_contain_text(LAST_NAME[:20])
        if step == "4-gradebook-names":
            page.get_by_text("Show All Names").click()
            expect()(page.locator("#main-table")).to_contain_text(LAST_NAME[:20])
            support.screenshot(page, JOURNEY, "4-gradebook-names-shown")
            assert _pwned(page) == []
        if step == "5-graded-notebook":
            expect()(page.locator("body")).to_contain_text("Weak ties carry news")
            expect()(page.locator("body")).to_contain_text("Removed because it could run code")
            expect()(page.locator(".navbar, nav").first).to_contain_text(LAST_NAME[:20])
            support.screenshot(page, JOURNEY, "5-graded-notebook-reflection", locator=page.locator(
                ".nbgrader_cell", has_text="Weak ties carry news").first)
            assert _pwned(page) == []
        assert _files(root) == [], step

    # 2. Her feedback page, opened as a student (or an LMS) would open the file.
    feedback = root / "feedback" / STUDENT / A / f"{A}.html"
    _visit(page, feedback.as_uri(), dialogs, "7-feedback", wait_for="#notebook")
    expect()(page.locator("#notebook")).to_contain_text("Weak ties carry news")
    support.screenshot(page, JOURNEY, "7-feedback-reflection", locator=page.locator(
        ".cell", has_text="Weak ties carry news").last)
    assert _pwned(page) == []

    # 3. Nothing was written on the server by any of it.
    page.wait_for_load_state("networkidle")
    assert _files(root) == []
    assert not re.search(r"pwned", " ".join(p.name for p in root.iterdir()))
