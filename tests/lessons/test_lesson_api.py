"""weakties.lessons: quizzes and predictions made from lesson data, claims, lesson modules."""

import ast
import inspect

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")

import weakties  # noqa: E402
from weakties import lessons, ties, widgets  # noqa: E402
from weakties.lessons import Lesson, PredictionData, QuizData, claim, claims_of  # noqa: E402


@pytest.fixture(scope="module")
def G():
    return weakties.population(600, seed=3)


def test_quiz_is_built_from_the_lesson_data():
    data = lessons.lesson_module("01").QUIZZES["contact"]
    q = lessons.quiz("01-contact")
    assert isinstance(q, widgets.Quiz)
    assert (q.question, tuple(q.choices), q.answer) == (data.question, data.choices, data.answer)
    wrong = next(c for c in q.choices if c != q.answer)
    q.choose(wrong)
    q.check()
    assert data.hints[wrong] in q.feedback.value
    q.choose(q.answer)
    q.check()
    assert "Correct" in q.feedback.value
    assert q.poke() == []


@pytest.mark.parametrize("key, message", [
    ("contact", "not a quiz or prediction name"),
    ("1-contact", "not a quiz or prediction name"),
    ("42-contact", "no lesson module says it is lesson '42'"),
    ("01-friend", "lesson 01 has no quiz named 'friend'; its quiz names: contact, dunbar, rule"),
])
def test_a_wrong_quiz_name_says_what_exists(key, message):
    with pytest.raises(ValueError, match=message):
        lessons.quiz(key)


def test_prediction_describes_its_picture_only_after_the_run(G, monkeypatch):
    shown = []
    monkeypatch.setattr(widgets, "display", shown.append)
    p = lessons.predict("00-strong-share", G)
    assert isinstance(p, widgets.Prediction) and p.description == ""
    p.choose(p.choices[2])
    p.reveal()
    kinds = [type(x).__name__ for x in shown]
    assert kinds == ["Figure", "HTML"], kinds  # the picture, then its description
    assert "Picture description:" in shown[1].value and p.description in shown[1].value
    strong = {v: 0 for v in G}
    for u, v, s in G.edges(data="strength"):
        if s >= ties.STRONG_THRESHOLD:
            strong[u] += 1
            strong[v] += 1
    median = float(np.median([strong[v] / G.degree(v) for v in G]))
    expected = 0 if median < 0.2 else 1 if median <= 0.5 else 2
    assert p.correct == p.choices[expected]
    assert f"{round(100 * median)}%" in p.description
    with pytest.raises(ValueError, match="has no prediction named 'nothing'"):
        lessons.predict("00-nothing", G)


def test_quiz_data_refuses_inconsistent_questions():
    with pytest.raises(ValueError, match="not one of its choices"):
        QuizData("Q?", ["a", "b"], "c", "")
    with pytest.raises(ValueError, match="hints for choices it does not offer"):
        QuizData("Q?", ["a", "b"], "a", "", hints={"z": "no"})
    with pytest.raises(ValueError, match="hint for its right answer"):
        QuizData("Q?", ["a", "b"], "a", "", hints={"a": "yes"})
    with pytest.raises(ValueError, match="at least two choices"):
        QuizData("Q?", ["a"], "a", "")
    with pytest.raises(ValueError, match="same choice twice"):
        QuizData("Q?", ["a", "a"], "a", "")


def test_prediction_data_and_lesson_refuse_bad_values():
    with pytest.raises(TypeError, match="needs run="):
        PredictionData("Q?", ["a", "b"], run=None)
    with pytest.raises(ValueError, match="two digits"):
        Lesson("1", "intro")
    with pytest.raises(ValueError, match="lowercase words"):
        Lesson("01", "Your Network")
    with pytest.raises(ValueError, match=r"\(people, seed\)"):
        Lesson("01", "intro", population=2000)
    assert Lesson("01", "intro").population_call() == "weakties.population(2000, seed=7)"
    assert Lesson("01", "intro", population=None).population_call() is None


def test_claims_verify_true_false_and_details_and_refuse_other_results():
    @claim("the share is small")
    def small(f):
        return f["share"] < 0.2

    @claim("the share is small, with the measure")
    def small_measured(f):
        return np.float64(f["share"]) < 0.2, f"share {f['share']}"

    @claim("this claim forgets to return")
    def broken(f):
        f["share"] < 0.2

    found = claims_of(__name__)
    assert found["small"].verify({"share": 0.1}) == (True, "")
    assert found["small"].verify({"share": 0.3}) == (False, "")
    assert found["small_measured"].verify({"share": 0.3}) == (False, "share 0.3")
    with pytest.raises(TypeError, match="returns True or False"):
        found["broken"].verify({"share": 0.1})
    with pytest.raises(ValueError, match="needs a description"):
        claim("")


def test_lesson_modules_are_found_by_number_and_named_after_their_lesson():
    modules = lessons.lesson_modules()
    assert {"00", "01"} <= set(modules)
    for number, module in modules.items():
        lesson = module.LESSON
        assert lesson.number == number
        assert module.__name__ == f"weakties.lessons.{lesson.slug.replace('-', '_')}"
        assert callable(module.facts) and module.QUIZZES and module.PREDICTIONS


@pytest.mark.parametrize("number", sorted(lessons.lesson_modules()))
def test_prediction_claims_exist_and_quiz_answers_move(number):
    module = lessons.lesson_module(number)
    names = claims_of(module)
    for p in module.PREDICTIONS.values():
        assert set(p.claims) <= set(names)
    positions = {q.choices.index(q.answer) for q in module.QUIZZES.values()}
    if len(module.QUIZZES) > 1:
        assert len(positions) > 1, f"lesson {number}: every quiz has its answer in one place"


def _unmarked_strings(node, allowed=()):
    """String literals under ``node`` that are not the argument of an N_() call."""
    out = []

    def visit(n, marked):
        if isinstance(n, ast.Call) and getattr(n.func, "id", None) == "N_":
            marked = True
        if isinstance(n, ast.keyword) and n.arg in allowed:
            return
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and not marked:
            out.append(n.value)
        for child in ast.iter_child_nodes(n):
            visit(child, marked)

    visit(node, False)
    return out


@pytest.mark.parametrize("number", sorted(lessons.lesson_modules()))
def test_every_string_a_learner_reads_is_marked_for_translation(number):
    module = lessons.lesson_module(number)
    tree = ast.parse(inspect.getsource(module))
    checked = 0
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") in (
                "QUIZZES", "PREDICTIONS"):
            assert isinstance(node.value, ast.Dict)
            for value in node.value.values:  # the dict keys are names, not shown
                unmarked = _unmarked_strings(value, allowed=("claims",))
                assert not unmarked, f"lesson {number}: not in N_(): {unmarked}"
                checked += 1
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "").endswith(
                "_CHOICES"):
            shown = node.value.values if isinstance(node.value, ast.Dict) else [node.value]
            assert not [s for v in shown for s in _unmarked_strings(v)]
    assert checked == len(module.QUIZZES) + len(module.PREDICTIONS)


def test_the_unmarked_string_finder_finds_them():
    tree = ast.parse('QuizData(N_("a"), ["b"], claims=("c",))')
    assert _unmarked_strings(tree) == ["b", "c"]
    assert _unmarked_strings(tree, allowed=("claims",)) == ["b"]
