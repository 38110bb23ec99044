"""An instructor grades a week's submissions with the formgrader in JupyterLab.

The course folder holds ``01-your-network`` released with ``weakties-grade
release``, and three students' notebooks collected with ``weakties-grade
collect`` (with a roster): Ada's full solution with a written reflection,
Bruno's with a typical mistake in task 4, Chloé's blank notebook. The
instructor starts ``weakties-grade lab`` (the real command), opens *Nbgrader
> Formgrader* from the menu, sees the assignment with no graded submission
yet; runs ``weakties-grade autograde`` from the command line (in the
bubblewrap sandbox when it works here); sees the three submissions and
their scores; opens Ada's notebook from *Manual Grading*, gives 4 of the 5
points of the reflection with a comment; and finds the new score in the
gradebook pages and in the gradebook database.

Expected scores come from the source notebook's points: the full solution
earns every autograded point, the mistake loses exactly the points of the
test cell it fails, the blank notebook earns nothing.
"""

from __future__ import annotations

import re
import shutil
import warnings

import nbformat
import pytest

import e2e_support as support
from e2e_support import expect

pytestmark = [pytest.mark.browser, pytest.mark.slow]

JOURNEY = "instructor"
A = support.ASSIGNMENT
ROSTER = """student_id,first_name,last_name,email
ada,Ada,Lovelace,ada.lovelace@example.org
bruno,Bruno,Moreau,bruno.moreau@example.org
chloe,Chloé,Nguyen,chloe.nguyen@example.org
"""
ADA_REFLECTION = ("I chose person 57, a sales engineer in energy whom I met at an event. "
                  "We exchange twice a year and services have not gone both ways yet. "
                  "Next month I will send him the report he asked about and suggest a call.")
POINTS, COMMENT = 4, "A concrete action with a date; give the numbers of the tie next time."


def _points(source) -> dict:
    """{grade id: points} of the source's graded cells, autograded and manual."""
    return {c.metadata.nbgrader["grade_id"]: float(c.metadata.nbgrader.get("points", 0))
            for c in source.cells if c.metadata.get("nbgrader", {}).get("grade")}


def _sandbox_flags() -> list[str]:
    from grader.engine.execute import sandbox_problem

    problem = sandbox_problem()
    if problem is None:
        return []
    warnings.warn(f"instructor journey graded WITHOUT the sandbox (--unsafe-no-sandbox): "
                  f"{problem}", UserWarning)
    return ["--unsafe-no-sandbox"]


@pytest.fixture
def course(tmp_path, released, grade):
    """A copy of the released course with three collected submissions (not graded yet)."""
    source = nbformat.read(support.ROOT / "exercises" / A / f"{A}.ipynb", as_version=4)
    root = tmp_path / "course"
    shutil.copytree(released, root, symlinks=True)
    answers = {c.metadata.nbgrader["grade_id"]: support.solution_of(source, c.metadata.nbgrader[
        "grade_id"]) for c in source.cells if c.metadata.get("nbgrader", {}).get("solution")}
    answers["answer-reflection"] = ADA_REFLECTION
    downloads = tmp_path / "downloads"
    for student, filled in [("ada", answers),
                            ("bruno", {**answers, support.TYPED_ANSWER: support.PERCENT_SHARE}),
                            ("chloe", {})]:
        notebook = downloads / student / f"{A}.ipynb"
        notebook.parent.mkdir(parents=True)
        shutil.copy(root / "release" / A / f"{A}.ipynb", notebook)
        support.fill_answers(notebook, filled)
    (tmp_path / "roster.csv").write_text(ROSTER)
    grade("--course", root, "collect", A, "--from", downloads, "--roster", tmp_path / "roster.csv")
    return {"root": root, "source": source}


def formgrader_frame(page):
    return page.frame_locator("#jp-main-dock-panel iframe").first


def test_instructor_autogrades_then_grades_a_reflection_in_the_formgrader(page, page_errors,
                                                                          course, grade,
                                                                          start_lab):
    root = course["root"]
    points = _points(course["source"])
    autograded = sum(p for gid, p in points.items() if gid.startswith(("test-", "selfcheck-")))
    total = sum(points.values())
    expected = {"ada": autograded, "bruno": autograded - points[support.PERCENT_SHARE_TEST],
                "chloe": 0.0}

    lab = start_lab(root, command=[str(support.VENV_BIN / "weakties-grade"), "--course",
                                   str(root), "lab", "--no-browser"],
                    jupyter_args_after_dashes=True)
    page.goto(lab.url("lab", reset=None))
    page.locator("#jp-main-dock-panel").wait_for()
    page.keyboard.press("Control+b")   # hide the file browser: room for the formgrader
    expect()(page.locator("#jp-left-stack")).to_be_hidden()

    # 1. Nbgrader > Formgrader: the assignment and its collected submissions, not graded yet.
    support.menu(page, "Nbgrader", "Formgrader")
    fg = formgrader_frame(page)
    row = fg.locator("tr").filter(has=fg.get_by_role("link", name=A, exact=True))
    expect()(row).to_have_count(1, timeout=support.KERNEL_START)
    expect()(row.locator("td.num-submissions")).to_have_text("3")
    row.locator("td.num-submissions").get_by_role("link").click()
    table = fg.locator("#main-table")
    expect()(table.locator("tr")).to_have_count(3)
    expect()(table.locator("tr").filter(has_text="needs autograding")).to_have_count(3)
    support.screenshot(page, JOURNEY, "1-collected-not-graded")

    # 2. Autograde from the command line while JupyterLab runs.
    result = grade("--course", root, "autograde", A, "--no-progress", *_sandbox_flags())
    assert "3 graded" in result.stdout, result.stdout

    fg.get_by_role("link", name="Manage Assignments").first.click()   # pages read the gradebook
    row.locator("td.num-submissions").get_by_role("link").click()
    expect()(fg.get_by_role("columnheader", name=re.compile("^Student Name"))).to_be_visible()
    expect()(table.locator("tr")).to_have_count(3)
    expect()(table.locator("tr").filter(has_text="needs autograding")).to_have_count(0)
    for student, name in [("ada", "Lovelace, Ada"), ("bruno", "Moreau, Bruno"),
                          ("chloe", "Nguyen, Chloé")]:
        line = table.locator("tr").filter(has_text=student)
        expect()(line).to_contain_text(name)
        expect()(line).to_contain_text(f"{expected[student]:g} / {total:g}")
    expect()(table.locator("tr").filter(has_text="ada")).to_contain_text("needs manual grading")
    support.screenshot(page, JOURNEY, "2-submissions-autograded")

    # 3. Manual Grading > the assignment > the notebook > Ada: grade the reflection.
    # (each click waits for the next page's own column, not a link of the page it leaves)
    fg.get_by_role("link", name="Manual Grading").first.click()
    expect()(fg.get_by_role("columnheader", name=re.compile("^Assignment ID"))).to_be_visible()
    fg.locator("#main-table").get_by_role("link", name=A, exact=True).click()
    expect()(fg.get_by_role("columnheader", name=re.compile("^Notebook ID"))).to_be_visible()
    fg.locator("#main-table").get_by_role("link", name=A, exact=True).click()
    expect()(fg.get_by_role("columnheader", name=re.compile("^Submission ID"))).to_be_visible()
    rows = fg.locator("#main-table tr")
    expect()(rows).to_have_count(3)
    fg.get_by_text("Show All Names").click()
    fg.get_by_role("link", name="Lovelace, Ada").click()
    score = fg.locator("input.score#answer-reflection")
    expect()(score).to_have_class(re.compile("needs_manual_grade"))
    expect()(fg.locator(".nbgrader_cell").filter(has=score)).to_contain_text(ADA_REFLECTION[:60])
    score.fill(str(POINTS))
    score.press("Tab")
    comment = fg.locator("textarea#answer-reflection-comment")
    comment.fill(COMMENT)
    comment.press("Tab")
    expect()(score).not_to_have_class(re.compile("needs_manual_grade"))
    expect()(score).to_have_value(str(POINTS))
    score.scroll_into_view_if_needed()
    support.screenshot(page, JOURNEY, "3-reflection-graded")

    # 4. The gradebook page shows Ada's new score; the database holds it.
    fg.get_by_role("link", name=A, exact=True).last.click()    # breadcrumb: the notebook
    expect()(fg.locator("#main-table tr")).to_have_count(3)
    fg.get_by_text("Show All Names").click()
    ada = fg.locator("#main-table tr").filter(has=fg.get_by_role("link", name="Lovelace, Ada"))
    expect()(ada.locator("td.score")).to_have_text(f"{expected['ada'] + POINTS:g} / {total:g}")
    expect()(ada.locator("td.written-score")).to_have_text(
        f"{POINTS:g} / {points['answer-reflection']:g}")
    expect()(ada.locator("td.needs-manual-grade .glyphicon-ok")).to_have_count(0)
    support.screenshot(page, JOURNEY, "4-gradebook-after-manual-grading")

    fg.get_by_role("link", name="Manage Assignments").first.click()
    fg.get_by_role("link", name="3", exact=True).click()
    expect()(fg.get_by_role("columnheader", name=re.compile("^Student Name"))).to_be_visible()
    line = fg.locator("#main-table tr").filter(has_text="ada")
    expect()(line).to_contain_text("graded")
    expect()(line).not_to_contain_text("needs manual grading")
    expect()(line).to_contain_text(f"{expected['ada'] + POINTS:g} / {total:g}")

    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", "weakties") as gb:
        reflection = gb.find_grade("answer-reflection", A, A, "ada")
        assert reflection.manual_score == POINTS and not reflection.needs_manual_grade
        assert gb.find_comment("answer-reflection", A, A, "ada").manual_comment == COMMENT
        assert gb.find_submission(A, "ada").score == pytest.approx(expected["ada"] + POINTS)
        for student in ("bruno", "chloe"):
            assert gb.find_submission(A, student).score == pytest.approx(expected[student])

    # The formgrader's grading page loads MathJax from a CDN; offline, that one script
    # is missing (math in answers is then shown as typed). Nothing else may fail.
    assert [e for e in page_errors if "MathJax is not defined" not in e] == [], page_errors


def test_the_formgrader_autograde_button_grades_like_weakties_grade(page, page_errors, course,
                                                                    grade, start_lab, tmp_path):
    """The formgrader's Autograde button (nbgrader's own Autograde, run by the Jupyter server)
    gives each student exactly the grades and status `weakties-grade autograde` gives."""
    from nbgrader.api import Gradebook

    from grader.stores.status import read_status

    root = course["root"]
    other = tmp_path / "other"
    shutil.copytree(root, other, symlinks=True)
    result = grade("--course", other, "autograde", A, "--no-progress", *_sandbox_flags())
    assert "3 graded" in result.stdout, result.stdout
    if _sandbox_flags():      # the button refuses without the sandbox, unless configured
        (root / "nbgrader_config.py").write_text((root / "nbgrader_config.py").read_text()
                                                 + "c.WeaktiesAutograde.sandbox = False\n")

    lab = start_lab(root, command=[str(support.VENV_BIN / "weakties-grade"), "--course",
                                   str(root), "lab", "--no-browser"],
                    jupyter_args_after_dashes=True)
    page.goto(lab.url("lab", reset=None))
    page.locator("#jp-main-dock-panel").wait_for()
    page.keyboard.press("Control+b")
    support.menu(page, "Nbgrader", "Formgrader")
    fg = formgrader_frame(page)
    row = fg.locator("tr").filter(has=fg.get_by_role("link", name=A, exact=True))
    expect()(row).to_have_count(1, timeout=support.KERNEL_START)
    row.locator("td.num-submissions").get_by_role("link").click()
    table = fg.locator("#main-table")
    expect()(table.locator("tr").filter(has_text="needs autograding")).to_have_count(3)
    for student in ("ada", "bruno", "chloe"):
        line = table.locator("tr").filter(has_text=student)
        line.locator("td.autograde a").click()
        modal = fg.locator("#success-modal")
        expect()(modal).to_be_visible(timeout=support.KERNEL_START * 4)
        expect()(modal).to_contain_text(f"Successfully autograded '{A}' for student '{student}'")
        modal.get_by_role("button", name="OK").click()
        expect()(modal).to_have_count(0)
    expect()(table.locator("tr").filter(has_text="needs autograding")).to_have_count(0)
    support.screenshot(page, JOURNEY, "5-autograded-with-the-button")

    def grades(folder):
        with Gradebook(f"sqlite:///{folder / 'gradebook.db'}", "weakties") as gb:
            return {s: {g.name: g.auto_score for n in gb.find_submission(A, s).notebooks
                        for g in n.grades} for s in ("ada", "bruno", "chloe")}

    assert grades(root) == grades(other)
    from grader.stores.course import Course

    ours, theirs = read_status(Course(other)), read_status(Course(root))
    for student in ("ada", "bruno", "chloe"):
        assert theirs[(student, A)].status == ours[(student, A)].status
    assert [e for e in page_errors if "MathJax is not defined" not in e] == [], page_errors
