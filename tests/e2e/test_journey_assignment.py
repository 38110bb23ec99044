"""A student works on a graded exercise in JupyterLab and checks it with Validate.

The student unzips the LMS zip that ``weakties-grade release --zip`` made,
writes their student id into ``.weakties-learner`` next to the notebook (as
the zip's README says), and has done tasks 1 to 3 earlier. In the browser
they type their answer to task 4, run all cells, read the self-checks, and
press nbgrader's **Validate** button: the dialog says the notebook passes.
Then they change the answer into a typical mistake (a percentage where a
share is asked): the self-check under the answer and the Validate dialog
both show the teaching message (what was expected, what was found, a
hint), and the value "found" is the one the answer cell printed.
"""

from __future__ import annotations

import re
import zipfile

import nbformat
import pytest

import e2e_support as support
from e2e_support import expect

pytestmark = [pytest.mark.browser, pytest.mark.slow]

JOURNEY = "learner-assignment"
STUDENT = "e2e-student-01"
NOTEBOOK = f"{support.ASSIGNMENT}/{support.ASSIGNMENT}.ipynb"
EARLIER = ("answer-context", "answer-relation", "answer-relation-list", "answer-inner")
REFLECTION = ("I chose one of my online contacts, a buyer in the retail sector. The tie is "
              "recent and we exchange once a year. Next month I will send her a short note "
              "about a trade fair she mentioned and ask for a call in the following week.")


@pytest.fixture
def source():
    return nbformat.read(support.ROOT / "exercises" / NOTEBOOK, as_version=4)


@pytest.fixture
def student_home(tmp_path, released, source):
    """The LMS zip unzipped in the student's folder, their id set, tasks 1-3 done."""
    home = tmp_path / "student"
    with zipfile.ZipFile(released / "release" / f"{support.ASSIGNMENT}.zip") as zf:
        zf.extractall(home)
    (home / support.ASSIGNMENT / ".weakties-learner").write_text(STUDENT + "\n")
    support.fill_answers(home / NOTEBOOK,
                         {gid: support.solution_of(source, gid) for gid in EARLIER})
    return home


def validate(page):
    """Press Validate and return the result dialog once it shows a result."""
    page.locator(".jp-NotebookPanel:visible .validate-button").click()
    dialog = page.locator(".jp-Dialog").filter(has_text="Validation Results")
    expect()(dialog.locator("#validation-message")).to_be_visible(timeout=support.KERNEL_START)
    return dialog


def close(dialog):
    dialog.get_by_role("button", name="Ok").click()
    expect()(dialog).to_have_count(0)


def test_student_validates_an_answer_then_reads_the_teaching_message(page, page_errors,
                                                                     student_home, source,
                                                                     start_lab):
    lab = start_lab(student_home)
    support.open_in_lab(page, lab, NOTEBOOK)
    notebook = page.locator(".jp-NotebookPanel:visible")
    expect()(notebook.locator(".validate-button")).to_have_text("Validate")
    answer = support.cell_with(page, "print(relation_share, mostly, contact_context)")
    expect()(answer).to_contain_text("raise NotImplementedError()")
    selfcheck = support.cell_with(page, 'ex.check_between("relation_share"')
    support.screenshot(page, JOURNEY, "1-opened", locator=answer)

    # 1. Type the right answer and the reflection, run everything: every self-check passes.
    support.replace_cell_source(page, answer, support.solution_of(source, support.TYPED_ANSWER))
    expect()(answer).not_to_contain_text("NotImplementedError")
    reflection = support.cell_with(page, "YOUR ANSWER HERE")
    support.write_markdown(page, reflection, REFLECTION)
    support.run_all_and_wait(page)
    selfchecks = support.code_cells(page).filter(has_text="# Self-check (0 points)")
    n_selfchecks = sum(1 for c in source.cells if c.metadata.get("nbgrader", {}).get(
        "grade_id", "").startswith("selfcheck-"))
    expect()(selfchecks).to_have_count(n_selfchecks)
    expect()(selfchecks.locator(".jp-OutputArea-output")).to_have_text(
        ["Self-check passed."] * n_selfchecks)
    support.screenshot(page, JOURNEY, "2-answered", locator=selfcheck)

    # 2. Validate: nbgrader runs the saved notebook and reports success.
    dialog = validate(page)
    expect()(dialog.locator("#validation-message")).to_have_class(re.compile("validation-success"))
    expect()(dialog).to_contain_text("Success! Your notebook passes all the tests.")
    support.screenshot(page, JOURNEY, "3-validate-success")
    close(dialog)

    # 3. A typical mistake: the self-check under the answer teaches what is wrong.
    support.replace_cell_source(page, answer, support.PERCENT_SHARE)
    support.run_cell(page, answer)
    printed = answer.locator(".jp-OutputArea-output").first.text_content().split()[0]
    assert float(printed) > 1, f"the mistake should print a percentage, printed {printed}"
    support.run_cell(page, selfcheck)
    message = selfcheck.locator(support.ERROR_OUTPUT)
    expect()(message).to_have_count(1)
    expect()(message).to_contain_text("`relation_share` is not right yet.")
    expect()(message).to_contain_text(re.compile(r"Expected:\s+a share, between 0 and 1"))
    expect()(message).to_contain_text(re.compile(rf"Found:\s+{re.escape(_short(printed))}"))
    expect()(message).to_contain_text(re.compile(r"Hint:\s+.*do not multiply by 100"))
    expect()(message).not_to_contain_text("Self-check passed.")
    support.screenshot(page, JOURNEY, "4-selfcheck-teaches", locator=selfcheck)

    # 4. Validate again: one cell fails, with the same teaching message.
    dialog = validate(page)
    result = dialog.locator("#validation-message")
    expect()(result).to_have_class(re.compile("validation-failed"))
    expect()(result.get_by_text("The following cell failed:")).to_have_count(1)
    expect()(result).to_contain_text('ex.check_between("relation_share"')
    expect()(result).to_contain_text("`relation_share` is not right yet.")
    expect()(result).to_contain_text(re.compile(r"Expected:\s+a share, between 0 and 1"))
    expect()(result).to_contain_text(re.compile(rf"Found:\s+{re.escape(_short(printed))}"))
    expect()(result).to_contain_text(re.compile(r"Hint:\s+.*do not multiply by 100"))
    expect()(result).not_to_contain_text("Success!")
    result.get_by_text("Hint:").last.scroll_into_view_if_needed()
    support.screenshot(page, JOURNEY, "5-validate-failure")
    close(dialog)

    # What was validated is what the student saved: the mistake, in the file.
    saved = nbformat.read(student_home / NOTEBOOK, as_version=4)
    assert any(c.source == support.PERCENT_SHARE for c in saved.cells)
    assert page_errors == [], page_errors


def _short(printed: str) -> str:
    """How a check message writes the number the answer cell printed (its leading digits)."""
    return printed.split(".")[0]
