"""A learner works through a lesson in JupyterLab: run it, predict, explore, answer a quiz.

The learner opens ``course/02-strong-and-weak-ties.ipynb`` (a temporary copy
of the lessons), runs all cells from the Run menu (every code cell runs,
nothing is written on stderr, every picture and widget renders), presses
the Prediction's button without a choice and then with one, moves the
slider of the lesson's Explorer with the keyboard and sees the picture
redrawn, then answers the first quiz: nothing chosen, a wrong answer, the
right one, each time reading the feedback under the Check button.

The quiz's question, answer, hint and explanation are read from the
lesson's library module (the data of its first ``quiz("NN-name")`` call), the
verdict words from ``weakties.widgets.MESSAGES``: the test checks that what
the learner sees is what the lesson and the library say, not a copy of it.
"""

from __future__ import annotations

import ast
import base64
import re
import shutil

import nbformat
import pytest

import e2e_support as support
from e2e_support import expect

pytestmark = [pytest.mark.browser, pytest.mark.slow]

JOURNEY = "learner-lesson"
LESSON = "02-strong-and-weak-ties.ipynb"


def first_quiz(lesson) -> dict:
    """Question, choices, answer, explanation and hints of the lesson's first quiz.

    A lesson cell calls ``quiz("NN-name")``; the quiz's data live in the
    lesson's library module (the answer is never in the notebook).
    """
    from weakties.lessons import _data

    for cell in lesson.cells:
        if cell.cell_type != "code":
            continue
        for node in ast.walk(ast.parse(cell.source)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "quiz" \
                    and node.args and isinstance(node.args[0], ast.Constant):
                data = _data(node.args[0].value, "QUIZZES")
                return {"question": data.question, "choices": list(data.choices),
                        "answer": data.answer, "explanation": data.explanation,
                        "hints": dict(data.hints)}
    raise AssertionError(f"{LESSON} has no quiz(...) call")


@pytest.fixture
def learner_home(tmp_path):
    """The learner's folder: a copy of the lessons, as in the project's course/."""
    home = tmp_path / "learner"
    (home / "course").mkdir(parents=True)
    for lesson in sorted((support.ROOT / "course").glob("[0-9][0-9]-*.ipynb")):
        shutil.copy(lesson, home / "course" / lesson.name)
    return home


def _image_src(explorer):
    return explorer.locator(".widget-output img").first.get_attribute("src")


def test_learner_runs_a_lesson_predicts_explores_and_answers_a_quiz(page, page_errors,
                                                                     learner_home, start_lab):
    from weakties.widgets import MESSAGES

    lab = start_lab(learner_home)
    lesson = nbformat.read(learner_home / "course" / LESSON, as_version=4)
    quiz = first_quiz(lesson)
    wrong = next(c for c in quiz["choices"] if c != quiz["answer"] and c in quiz.get("hints", {}))

    # 1. Open the lesson: the notebook and its kernel are ready.
    support.open_in_lab(page, lab, f"course/{LESSON}")
    expect()(page.locator(".jp-NotebookPanel:visible h1").first).to_contain_text("Lesson 02")
    support.screenshot(page, JOURNEY, "1-opened")

    # 2. Run > Run All Cells: every code cell runs, no error, every widget renders.
    support.run_all_and_wait(page)
    notebook = page.locator(".jp-NotebookPanel:visible")
    errors = notebook.locator(support.ERROR_OUTPUT)
    assert errors.count() == 0, errors.all_inner_texts()
    expect()(notebook.get_by_text("Error displaying widget")).to_have_count(0)
    # at least one picture per explorer (cells call the lesson's explore_... functions),
    # before any button is pressed
    explorers = sum(len(re.findall(r"\bexplore_\w+\(", c.source))
                    for c in lesson.cells if c.cell_type == "code")
    assert explorers >= 1
    expect()(notebook.locator(".jp-OutputArea-output img").nth(explorers - 1)).to_be_visible()

    # 3. Predict, then see: no choice asks for one; a choice runs the simulation.
    predict = notebook.locator(".widget-vbox").filter(
        has=page.get_by_role("button", name=MESSAGES["run"])).first
    predict.scroll_into_view_if_needed()
    verdict = predict.locator(".widget-html").last
    predict.get_by_role("button", name=MESSAGES["run"]).click()
    expect()(verdict).to_have_text(MESSAGES["predict_first"])
    choice = predict.locator(".widget-radio-box label").first
    chosen = choice.text_content().strip()
    choice.click()
    predict.get_by_role("button", name=MESSAGES["run"]).click()
    expect()(verdict).to_contain_text(MESSAGES["you_predicted"].format(choice=chosen))
    expect()(verdict).to_contain_text(re.compile(
        "|".join([re.escape(MESSAGES["right"]),
                  re.escape(MESSAGES["wrong"].split("{")[0])])))
    expect()(predict.locator(".widget-output img")).to_have_count(1)
    support.screenshot(page, JOURNEY, "2-prediction", locator=predict)

    # 4. The Explorer: move its slider one step with the keyboard, see the picture change.
    explorer = notebook.locator(".widget-vbox").filter(
        has=page.locator(".widget-hslider")).filter(has=page.locator(".widget-output img")).first
    slider = explorer.locator(".widget-hslider").first
    readout = slider.locator(".widget-readout")
    explorer.scroll_into_view_if_needed()
    start_value = int(readout.text_content())
    before = _image_src(explorer)
    assert before and before.startswith("data:image/png;base64,")
    support.screenshot(page, JOURNEY, "3-explorer-before", locator=explorer)

    slider.locator(".noUi-handle").first.focus()
    page.keyboard.press("ArrowLeft")
    expect()(readout).not_to_have_text(str(start_value))
    new_value = int(readout.text_content())
    assert new_value < start_value
    page.wait_for_function(
        "([el, old]) => { const img = el.querySelector('.widget-output img');"
        " return img && img.getAttribute('src') && img.getAttribute('src') !== old; }",
        arg=[explorer.element_handle(), before], timeout=60_000)
    after = _image_src(explorer)
    png_before = base64.b64decode(before.split(",", 1)[1])
    png_after = base64.b64decode(after.split(",", 1)[1])
    assert png_after[:8] == b"\x89PNG\r\n\x1a\n" and png_after != png_before
    expect()(explorer.locator(".widget-output img")).to_have_count(1)  # redrawn, not added
    support.screenshot(page, JOURNEY, "4-explorer-after", locator=explorer)

    # 5. The first quiz: no answer, a wrong answer, the right answer.
    box = notebook.locator(".widget-vbox").filter(has=page.locator(".widget-radio-box")).filter(
        has_text=quiz["question"]).first
    feedback = box.locator(".widget-html").last
    check = box.get_by_role("button", name=MESSAGES["check"])
    box.scroll_into_view_if_needed()
    expect()(feedback).to_have_text("")
    check.click()
    expect()(feedback).to_have_text(MESSAGES["choose_first"])

    box.locator(".widget-radio-box label").filter(has_text=wrong).click()
    check.click()
    expect()(feedback).to_contain_text(MESSAGES["not_quite"])
    expect()(feedback).to_contain_text(quiz["hints"][wrong])
    support.screenshot(page, JOURNEY, "5-quiz-wrong", locator=box)

    box.locator(".widget-radio-box label").filter(has_text=quiz["answer"]).click()
    check.click()
    expect()(feedback).to_contain_text(MESSAGES["correct"])
    expect()(feedback).to_contain_text(quiz["explanation"])
    expect()(feedback).not_to_contain_text(MESSAGES["not_quite"])
    support.screenshot(page, JOURNEY, "6-quiz-right", locator=box)
    assert page_errors == [], page_errors
