"""A whole class on the hub, in Chromium: release, fetch, answer, validate, submit, grade, feedback.

The stack of ``deploy/hub`` runs (PostgreSQL, JupyterHub, the formgrader
service). Everybody logs in through the hub's login page:

1. the instructor opens the formgrader (the course's hub service), makes the
   student version of ``01-your-network`` and releases it;
2. three students each open the Assignment List, fetch the assignment, open
   it, answer in the browser (Ada everything, Bruno everything with a
   typical mistake in task 4, Chloé nothing), press Validate and submit;
3. the instructor collects from the formgrader, autogrades with the
   formgrader's Autograde buttons and with ``weakties-grade autograde`` (the
   two must give the same grades: issue 15 asks it of the formgrader before
   instructors use it on a hub), grades Ada's reflection by hand, generates
   and releases the feedback;
4. each student fetches their feedback and reads their own page; nobody can
   open another's.

Expected scores come from the source notebook's points (full solution: all
autograded points; the mistake: all but the points of the one test it
fails; blank: nothing). Screenshots go to ``test-artifacts/hub/``.
"""

from __future__ import annotations

import re

import nbformat
import pytest

import e2e_support as e2e
import hub_support as support
from conftest import sandbox_flags
from e2e_support import expect

pytestmark = [pytest.mark.slow, pytest.mark.browser]

A = e2e.ASSIGNMENT
ADA_REFLECTION = ("I chose person 57, a sales engineer in energy whom I met at an event. "
                  "We exchange twice a year and services have not gone both ways yet. "
                  "Next month I will send him the report he asked about and suggest a call.")
POINTS, COMMENT = 4, "A concrete action with a date; give the numbers of the tie next time."
STUDENTS = list(support.JOURNEY_STUDENTS)


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium through Playwright (never a downloaded browser), one for the module."""
    problem = e2e.browser_problem()
    if problem:
        pytest.skip(problem)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(e2e.CHROMIUM),
                                      args=e2e.CHROMIUM_FLAGS, headless=True)
        # A page waits on a server that serves a whole class on a shared machine.
        expect().set_options(timeout=60_000)
        try:
            yield chromium
        finally:
            expect().set_options(timeout=5_000)
            chromium.close()


def shot(page, step: str) -> None:
    support.ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(support.ARTIFACTS / f"{step}.png"))


def _points(source) -> dict:
    return {c.metadata.nbgrader["grade_id"]: float(c.metadata.nbgrader.get("points", 0))
            for c in source.cells if c.metadata.get("nbgrader", {}).get("grade")}


def _answers(source, student: str) -> dict:
    """What ``student`` types: {grade id: text}."""
    if student == "chloe":
        return {}
    answers = {c.metadata.nbgrader["grade_id"]: e2e.solution_of(source, c.metadata.nbgrader[
        "grade_id"]) for c in source.cells
        if c.metadata.get("nbgrader", {}).get("solution") and c.cell_type == "code"}
    if student == "bruno":
        answers[e2e.TYPED_ANSWER] = e2e.PERCENT_SHARE
    else:
        answers["answer-reflection"] = ADA_REFLECTION
    return answers


def _modal_ok(page, what: str) -> None:
    """Wait for the formgrader's result dialog; it must be a success; close it."""
    modal = page.locator("#success-modal, #error-modal")
    modal.wait_for(timeout=300_000)
    assert modal.get_attribute("id") == "success-modal", f"{what}: {modal.inner_text()}"
    modal.locator("button.close").first.click()
    expect()(modal).to_have_count(0)


def _dismiss_news(page) -> None:
    """Answer JupyterLab's question about news now, if it is shown (``Hub.login`` also does,
    whenever it covers the page)."""
    toast = page.locator(".Toastify__toast").filter(has_text="Jupyter news")
    if toast.count():
        toast.get_by_role("button", name="No", exact=True).click()


def _scores(hub) -> dict:
    rows = hub.psql("SELECT s.student_id, COALESCE(SUM(COALESCE(g.manual_score, g.auto_score, "
                    "0)), 0) FROM submitted_assignment s "
                    "JOIN assignment a ON a.id = s.assignment_id "
                    "JOIN submitted_notebook sn ON sn.assignment_id = s.id "
                    "JOIN grade g ON g.notebook_id = sn.id "
                    f"WHERE a.name = '{A}' GROUP BY s.student_id")
    return {line.split("|")[0]: float(line.split("|")[1]) for line in rows.splitlines()}


def _formgrader(hub, page, path: str = "manage_assignments") -> None:
    page.goto(f"{hub.base}/services/{hub.settings['service']}/formgrader/{path}")


def _assignment_row(page):
    return page.locator("#main-table tr").filter(has=page.get_by_role("link", name=A,
                                                                      exact=True))


def _student_works(hub, browser, name: str, source, released) -> None:
    """A student fetches, answers, validates and submits, in the browser."""
    user = hub.user(name)
    page = hub.login(browser, name)
    page.locator("#jp-main-dock-panel").wait_for(timeout=e2e.KERNEL_START)
    _dismiss_news(page)
    e2e.menu(page, "Nbgrader", "Assignment List")
    item = page.locator("#released_assignments_list .list_item").filter(has_text=A)
    item.get_by_role("button", name="Fetch").click()
    fetched = page.locator("#fetched_assignments_list .list_item").filter(has_text=A)
    expect()(fetched.first).to_be_visible()
    if name == "ada":
        shot(page, "2-student-fetched")

    page.goto(f"{hub.base}/user/{user}/lab/tree/{A}/{A}.ipynb?reset")
    cells = page.locator(".jp-NotebookPanel:visible .jp-Cell")
    expect()(cells).to_have_count(len(released.cells), timeout=e2e.KERNEL_START)
    _dismiss_news(page)
    for grade_id, text in _answers(source, name).items():
        index = next(i for i, c in enumerate(released.cells)
                     if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)
        if released.cells[index].cell_type == "markdown":
            e2e.write_markdown(page, cells.nth(index), text)
        else:
            e2e.replace_cell_source(page, cells.nth(index), text)
    e2e.save(page)

    page.locator(".jp-NotebookPanel:visible .validate-button").click()
    dialog = page.locator(".jp-Dialog").filter(has_text="Validation Results")
    message = dialog.locator("#validation-message")
    # Validate saves first: answer JupyterLab's "File Changed" question if a loaded
    # machine makes it ask (see e2e_support.overwrite_if_asked).
    for _ in range(e2e.KERNEL_START // 500):
        if e2e.overwrite_if_asked(page) or message.count():
            break
        page.wait_for_timeout(500)
    expect()(message).to_be_visible(timeout=e2e.KERNEL_START)
    if name == "ada":
        expect()(dialog).to_contain_text("Success! Your notebook passes all the tests.")
    else:
        expect()(message).not_to_have_class(re.compile("validation-success"))
    shot(page, f"3-{name}-validate")
    dialog.get_by_role("button", name="Ok").click()
    expect()(dialog).to_have_count(0)

    e2e.menu(page, "Nbgrader", "Assignment List")
    fetched = page.locator("#fetched_assignments_list .list_item").filter(has_text=A)
    fetched.get_by_role("button", name="Submit").first.click()
    submitted = page.locator("#submitted_assignments_list .list_item").filter(has_text=A)
    expect()(submitted.first).to_be_visible(timeout=e2e.KERNEL_START)
    shot(page, f"4-{name}-submitted")
    page.context.close()


def _student_reads_feedback(hub, browser, name: str) -> str:
    """A student fetches their feedback in the Assignment List; returns their page's text."""
    user = hub.user(name)
    page = hub.login(browser, name)
    page.locator("#jp-main-dock-panel").wait_for(timeout=e2e.KERNEL_START)
    _dismiss_news(page)
    e2e.menu(page, "Nbgrader", "Assignment List")
    submitted = page.locator("#submitted_assignments_list .list_item").filter(has_text=A)
    submitted.get_by_role("button", name="Fetch Feedback").first.click()
    expect()(page.locator("#submitted_assignments_list").get_by_text(
        re.compile("View feedback", re.I)).first).to_be_visible(timeout=e2e.KERNEL_START)
    home = support.stack.pwd.getpwnam(user).pw_dir
    pages = sorted(__import__("pathlib").Path(home, A, "feedback").glob(f"*/{A}.html"))
    assert len(pages) == 1, pages
    relative = pages[0].relative_to(home)
    page.goto(f"{hub.base}/user/{user}/files/{relative}")
    expect()(page.locator("body")).to_contain_text("Score")
    shot(page, f"10-{name}-feedback")
    text = page.locator("body").inner_text()
    # Another student's feedback is out of reach, even with its exact address.
    other = STUDENTS[(STUDENTS.index(name) + 1) % len(STUDENTS)]
    reply = page.goto(f"{hub.base}/user/{hub.user(other)}/files/{relative}")
    assert reply.status in (403, 404) or "Score" not in page.locator("body").inner_text()
    page.context.close()
    return text


def test_a_class_works_through_an_assignment_on_the_hub(hub, browser):
    source = nbformat.read(support.ROOT / "exercises" / A / f"{A}.ipynb", as_version=4)
    points = _points(source)
    auto = sum(p for gid, p in points.items() if gid.startswith(("test-", "selfcheck-")))
    total = sum(points.values())
    expected = {"ada": auto, "bruno": auto - points[e2e.PERCENT_SHARE_TEST], "chloe": 0.0}
    for old in support.ARTIFACTS.glob("*.png"):
        old.unlink()

    # 1. The instructor makes the student version and releases it, in the formgrader.
    prof = hub.login(hub_browser := browser, support.INSTRUCTOR)
    prof.wait_for_url(re.compile(r"/user/|/hub/"))
    _formgrader(hub, prof)
    row = _assignment_row(prof)
    expect()(row).to_have_count(1)
    row.locator("td.assign a").click()
    _modal_ok(prof, "generate")
    row.locator("td.release a").click()
    _modal_ok(prof, "release")
    expect()(row.locator("td.status")).to_contain_text("released")
    shot(prof, "1-instructor-released")
    released = nbformat.reads(hub.run_as(hub.grader, ["cat", hub.course / "release" / A /
                                                      f"{A}.ipynb"]).stdout, as_version=4)

    # 2. Three students fetch, answer, validate and submit.
    for name in STUDENTS:
        _student_works(hub, hub_browser, name, source, released)

    # 3. The instructor collects and autogrades, with the formgrader and with weakties-grade.
    _formgrader(hub, prof)
    row = _assignment_row(prof)
    row.locator("td.collect a").click()
    _modal_ok(prof, "collect")
    expect()(row.locator("td.num-submissions")).to_have_text("3")
    row.locator("td.num-submissions a").click()
    table = prof.locator("#main-table")
    expect()(table.locator("tr").filter(has_text="needs autograding")).to_have_count(3)
    shot(prof, "5-instructor-collected")
    for name in STUDENTS:
        line = table.locator("tr").filter(has_text=hub.user(name))
        line.locator("td.autograde a").click()
        _modal_ok(prof, f"formgrader autograde of {name}")
    expect()(table.locator("tr").filter(has_text="needs autograding")).to_have_count(0)
    shot(prof, "6-formgrader-autograded")
    by_formgrader = _scores(hub)

    result = hub.grade("autograde", A, "--force", "--no-progress", *sandbox_flags())
    assert re.search(r"3\s+graded", result.stdout), result.stdout
    by_weakties = _scores(hub)
    assert by_weakties == {hub.user(n): pytest.approx(expected[n]) for n in STUDENTS}
    prof.reload()
    for name in STUDENTS:
        expect()(table.locator("tr").filter(has_text=hub.user(name))).to_contain_text(
            f"{expected[name]:g} / {total:g}")
    shot(prof, "7-weakties-grade-autograded")

    # 4. Ada's reflection graded by hand.
    _formgrader(hub, prof, f"submissions/{_submission_id(hub, 'ada')}")
    score = prof.locator("input.score#answer-reflection")
    # the page's script marks the cell once the grades are loaded: only then may one type
    expect()(score).to_have_class(re.compile("needs_manual_grade"))
    expect()(prof.locator(".nbgrader_cell").filter(has=score)).to_contain_text(ADA_REFLECTION[:60])
    score.fill(str(POINTS))
    score.press("Tab")
    comment = prof.locator("textarea#answer-reflection-comment")
    comment.fill(COMMENT)
    comment.press("Tab")
    expect()(score).not_to_have_class(re.compile("needs_manual_grade"))
    score.scroll_into_view_if_needed()
    shot(prof, "8-reflection-graded")
    expect()(prof.locator("textarea#answer-reflection-comment")).to_have_value(COMMENT)

    # 5. Feedback generated and released from the formgrader.
    _formgrader(hub, prof)
    row = _assignment_row(prof)
    row.locator("td.generate-feedback a").click()
    _modal_ok(prof, "generate feedback")
    row.locator("td.release-feedback a").click()
    _modal_ok(prof, "release feedback")
    shot(prof, "9-feedback-released")

    # 6. Each student reads their own feedback, and only theirs.
    final = {"ada": expected["ada"] + POINTS, "bruno": expected["bruno"], "chloe": 0.0}
    for name in STUDENTS:
        text = _student_reads_feedback(hub, hub_browser, name)
        # the course's feedback page ("Score: 19 / 20"; nbgrader's own wrote "(Score: ...)")
        found = re.search(r"Score: ([\d.]+) / ([\d.]+)", text)
        assert found and float(found.group(1)) == pytest.approx(final[name]), text[:400]
        assert float(found.group(2)) == pytest.approx(total)
        assert (COMMENT in text) == (name == "ada")
        assert (ADA_REFLECTION[:60] in text) == (name == "ada")

    # Issue 15: the formgrader's Autograde button gives the grades weakties-grade gives.
    assert by_formgrader == by_weakties, (
        f"the formgrader's Autograde button gave {by_formgrader}, weakties-grade autograde "
        f"gave {by_weakties}")


def _submission_id(hub, name: str) -> str:
    """The formgrader's id of the submitted notebook of ``name`` (its grading page)."""
    return hub.psql("SELECT sn.id FROM submitted_notebook sn "
                    "JOIN submitted_assignment s ON s.id = sn.assignment_id "
                    "JOIN assignment a ON a.id = s.assignment_id "
                    f"WHERE a.name = '{A}' AND s.student_id = '{hub.user(name)}'").strip()
