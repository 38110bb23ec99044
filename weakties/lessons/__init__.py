"""The lessons' questions, predictions and helpers, kept out of the notebooks.

A lesson cell calls one function and reads like a sentence::

    quiz("01-contact")                        # a quiz of lesson 01
    predict("01-relation-share", G, person)   # predict, then run the simulation
    person = followed_person(G)               # the person the lessons follow

Each lesson has a module here named after it (lesson
``01-your-network`` has :mod:`weakties.lessons.your_network`) holding its
quizzes, predictions, the functions its cells call, the facts its text
quotes and the claims its text makes (see :mod:`weakties.lessons._core`
and ``course/LESSON-GUIDE.md``). Questions, choices, answers, hints and
explanations live only here, so a learner sees no answer before choosing.
"""

from __future__ import annotations

from ..i18n import N_, gettext
from ._core import (Claim, Lesson, PredictionData, QuizData, claim, claims_of, lesson_module,
                    lesson_modules, split_key)
from .people import followed_person, you_person

__all__ = ["quiz", "predict", "followed_person", "you_person", "Lesson", "QuizData",
           "PredictionData",
           "Claim", "claim", "claims_of", "lesson_module", "lesson_modules", "N_"]


def _data(key: str, table: str):
    number, name = split_key(key)
    module = lesson_module(number)
    entries = getattr(module, table, {})
    if name not in entries:
        kind = "quiz" if table == "QUIZZES" else "prediction"
        raise ValueError(f"lesson {number} has no {kind} named {name!r}; its {kind} names: "
                         f"{', '.join(sorted(entries)) or 'none'}.")
    return entries[name]


def quiz(key: str, lang: str | None = None):
    """The quiz ``key`` (``"NN-name"``) of a lesson, as a widget, in ``lang``.

    Parameters
    ----------
    key : str
        The lesson number, a dash and the quiz's name in the lesson module's
        ``QUIZZES``.
    lang : str, optional
        The language (default: :func:`weakties.i18n.language`).

    Returns
    -------
    weakties.widgets.Quiz

    Examples
    --------
    >>> q = quiz("01-dunbar")
    >>> q.question.startswith("In Dunbar's layers")
    True
    >>> quiz("01-nothing")
    Traceback (most recent call last):
    ...
    ValueError: lesson 01 has no quiz named 'nothing'; its quiz names: contact, dunbar, rule.
    """
    from ..widgets import Quiz

    data = _data(key, "QUIZZES")

    def t(text):
        return gettext(text, lang)

    return Quiz(t(data.question), [t(c) for c in data.choices], t(data.answer),
                t(data.explanation), hints={t(k): t(v) for k, v in data.hints.items()})


def predict(key: str, *args, lang: str | None = None):
    """The prediction ``key`` (``"NN-name"``) of a lesson, as a widget, in ``lang``.

    The learner chooses, then presses the button: the simulation runs with
    ``args`` (the population, a person...), draws its picture and shows the
    picture's description under it, then the verdict and the explanation.

    Returns
    -------
    weakties.widgets.Prediction

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(300, seed=1)
    >>> p = predict("00-strong-share", G)
    >>> p.question
    "In this population, what share of a typical person's ties are strong?"
    >>> len(p.choices), p.correct is None
    (3, True)
    """
    from ..widgets import Prediction

    data = _data(key, "PREDICTIONS")
    choices = [gettext(c, lang) for c in data.choices]

    def run():
        index, figure, description = data.run(*args, lang=lang)
        return choices[index], figure, description

    return Prediction(gettext(data.question, lang), choices, run=run,
                      explanation=gettext(data.explanation, lang))
