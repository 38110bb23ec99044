"""A self-learner checks an exercise with ``weakties-grade selfcheck`` from JupyterLab's terminal.

The self-learner made a workspace with ``weakties-grade workspace --name
... --path ...`` (the student version of every exercise and a
``.weakties-learner`` file), did tasks 1 to 3 of ``01-your-network``
earlier, and in the browser types task 4 with a typical mistake (a
percentage where a share is asked) and saves with Ctrl+S. Then, in
JupyterLab's terminal (File > New > Terminal), they run ``weakties-grade
selfcheck`` on the saved notebook and read their score and, task by task,
which tests passed and what the failed one expected, with a hint.

The expected score comes from the source notebook's points (every
autograded point except those of the one test the mistake fails); the
notebook on disk is the same before and after the self-check.
"""

from __future__ import annotations

import re
import warnings

import nbformat
import pytest

import e2e_support as support
from e2e_support import expect

pytestmark = [pytest.mark.browser, pytest.mark.slow]

JOURNEY = "selflearner"
LEARNER = "e2e-self-learner"
NOTEBOOK = f"my-work/{support.ASSIGNMENT}/{support.ASSIGNMENT}.ipynb"
EARLIER = ("answer-context", "answer-relation", "answer-relation-list", "answer-inner")


@pytest.fixture
def source():
    return nbformat.read(support.ROOT / "exercises" / support.ASSIGNMENT /
                         f"{support.ASSIGNMENT}.ipynb", as_version=4)


@pytest.fixture
def home(tmp_path, grade, source):
    """The self-learner's folder with a workspace made by ``weakties-grade workspace``."""
    home = tmp_path / "self-learner"
    home.mkdir()
    env = support.isolated_env(tmp_path / "cli-env")
    grade("workspace", "--name", LEARNER, "--path", home / "my-work", env=env)
    assert (home / "my-work" / ".weakties-learner").read_text().strip() == LEARNER
    support.fill_answers(home / NOTEBOOK,
                         {gid: support.solution_of(source, gid) for gid in EARLIER})
    return home


def _selfcheck_flags() -> list[str]:
    from grader.engine.execute import sandbox_problem

    problem = sandbox_problem()
    if problem is None:
        return []
    warnings.warn(f"self-check run WITHOUT the sandbox (--unsafe-no-sandbox): {problem}",
                  UserWarning)
    return ["--unsafe-no-sandbox"]


def terminal_text(terminal) -> str:
    """The lines the terminal shows (xterm's screen-reader rows, one per line)."""
    return "\n".join(terminal.locator(".xterm-accessibility-tree > div").all_text_contents())


def test_self_learner_runs_the_selfcheck_in_the_terminal(page, page_errors, home, source,
                                                         start_lab):
    points = {c.metadata.nbgrader["grade_id"]: float(c.metadata.nbgrader.get("points", 0))
              for c in source.cells if c.metadata.get("nbgrader", {}).get("grade")}
    autograded = sum(p for gid, p in points.items() if gid.startswith(("test-", "selfcheck-")))
    lost = points[support.PERCENT_SHARE_TEST]
    task4 = sum(p for gid, p in points.items() if gid.startswith("test-overcount"))

    lab = start_lab(home)
    support.open_in_lab(page, lab, NOTEBOOK)

    # 1. Type task 4 (with the mistake) in the browser and save.
    answer = support.cell_with(page, "print(relation_share, mostly, contact_context)")
    support.replace_cell_source(page, answer, support.PERCENT_SHARE)
    support.save(page)
    saved = nbformat.read(home / NOTEBOOK, as_version=4)
    assert any(c.source == support.PERCENT_SHARE for c in saved.cells)
    support.screenshot(page, JOURNEY, "1-answer-saved", locator=answer)
    before = (home / NOTEBOOK).read_bytes()

    # 2. File > New > Terminal, run the self-check on the saved notebook.
    page.keyboard.press("Control+b")   # hide the file browser: a wider terminal
    expect()(page.locator("#jp-left-stack")).to_be_hidden()
    support.menu(page, "File", "New", "Terminal")
    terminal = page.locator(".jp-Terminal:visible")
    expect()(terminal.locator(".xterm-accessibility-tree")).to_be_attached(timeout=60_000)
    expect()(terminal.locator(".xterm-accessibility-tree")).to_contain_text(  # the prompt
        re.compile(r"[$#%>]"), timeout=60_000)
    terminal.click()
    # The terminal's login shell resets PATH: the command is called by its path, as
    # grader/README.md shows it (.venv/bin/weakties-grade).
    command = " ".join([str(support.VENV_BIN / "weakties-grade"), "selfcheck", NOTEBOOK,
                        *_selfcheck_flags()])
    page.keyboard.type(command)
    page.keyboard.press("Enter")
    expect()(terminal.locator(".xterm-accessibility-tree")).to_contain_text(
        "The code of the hidden tests is not shown", timeout=support.KERNEL_START)
    support.screenshot(page, JOURNEY, "2-selfcheck-in-terminal")

    # 3. What the self-learner reads.
    text = terminal_text(terminal)
    assert f"for the learner '{LEARNER}'" in text, text
    assert re.search(rf"Score: {autograded - lost:g} / {autograded:g} points", text), text
    assert re.search(rf"Task 4: .*: {task4 - lost:g} / {task4:g}", text), text
    for task in (1, 2, 3):
        full = re.search(rf"Task {task}: .*\((\d+) points\): (\d+) / (\d+)", text)
        assert full and full.group(2) == full.group(3) == full.group(1), text
    assert re.search(rf"test {support.PERCENT_SHARE_TEST} \({lost:g} points\): not passed", text)
    assert "`relation_share` is not right yet." in text
    assert re.search(r"Expected:\s+the share of your ties that are relations", text), text
    assert re.search(r"Found:\s+[\d.]+, which is too high", text), text
    assert re.search(r"Hint:\s+\S", text), text
    assert "graded by a person" in text
    assert "BEGIN HIDDEN TESTS" not in text and "_G = ex.reference_population" not in text
    # The self-check changed nothing in the notebook.
    assert (home / NOTEBOOK).read_bytes() == before
    assert page_errors == [], page_errors
