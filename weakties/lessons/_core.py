"""What a lesson module declares: the lesson, its quizzes, predictions and claims.

A lesson module (``weakties/lessons/your_network.py`` for
``course/sources/en/01-your-network.md``) holds everything of a lesson that
is not its text: the population it builds (:class:`Lesson`), the numbers its
text quotes (a ``facts(G)`` function), the checks of what its text says
(:func:`claim`), its quizzes (:class:`QuizData`) and predictions
(:class:`PredictionData`), and the functions its cells call. The lesson
notebook only calls them (``quiz("01-contact")``), so no answer stands in a
cell a learner can read before choosing.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass, field
from types import MappingProxyType, ModuleType
from typing import Callable, Mapping

import numpy as np

__all__ = ["Lesson", "QuizData", "PredictionData", "Claim", "claim", "claims_of",
           "lesson_module", "lesson_modules", "split_key"]

_NUMBER = re.compile(r"^\d\d$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_KEY = re.compile(r"^(\d\d)-([a-z0-9]+(?:-[a-z0-9]+)*)$")


@dataclass(frozen=True)
class Lesson:
    """Who a lesson module belongs to, and the population the lesson builds.

    Parameters
    ----------
    number : str
        Two digits, as in the notebook's name (``"01"``).
    slug : str
        The English name of the notebook after the number (``"your-network"``).
    population : (int, int) or None
        ``(people, seed)`` of the lesson's ``weakties.population(people,
        seed=seed)``: the build computes the facts on this population, and
        checks that the lesson's setup cell builds the same one. None for a
        lesson without a simulated population.

    Examples
    --------
    >>> Lesson("01", "your-network").code_id("setup")
    'l01-setup'
    """

    number: str
    slug: str
    population: tuple | None = (2000, 7)

    def __post_init__(self):
        if not isinstance(self.number, str) or not _NUMBER.match(self.number):
            raise ValueError(f"a lesson number is two digits in a string, like '01', "
                             f"not {self.number!r}.")
        if not isinstance(self.slug, str) or not _SLUG.match(self.slug):
            raise ValueError(f"a lesson slug is lowercase words joined by '-', like "
                             f"'your-network', not {self.slug!r}.")
        if self.population is not None:
            if (not isinstance(self.population, tuple) or len(self.population) != 2
                    or not isinstance(self.population[0], int)):
                raise ValueError("population is (people, seed), for example (2000, 7), "
                                 f"not {self.population!r}.")

    @property
    def name(self) -> str:
        """``NN-slug``, the notebook's name without ``.ipynb``."""
        return f"{self.number}-{self.slug}"

    def code_id(self, key: str) -> str:
        """The notebook cell id of the source cell ``key``: ``lNN-key``."""
        return f"l{self.number}-{key}"

    def population_call(self) -> str | None:
        """The call the lesson's setup cell must contain, or None."""
        if self.population is None:
            return None
        n, seed = self.population
        return f"weakties.population({n}, seed={seed!r})"


def _check_choices(kind, question, choices, extra=()):
    if not isinstance(question, str) or not question.strip():
        raise ValueError(f"a {kind} needs a question (a non-empty string).")
    if len(choices) < 2 or not all(isinstance(c, str) and c for c in choices):
        raise ValueError(f"the {kind} {question!r} needs at least two choices, each a "
                         "non-empty string.")
    if len(set(choices)) != len(choices):
        raise ValueError(f"the {kind} {question!r} has the same choice twice.")


@dataclass(frozen=True)
class QuizData:
    """A quiz question with its answer, explanation and hints, kept out of the notebook.

    Every string is written in English inside ``N_(...)`` so that it can be
    translated; :func:`weakties.lessons.quiz` turns it into a
    :class:`weakties.widgets.Quiz` in the learner's language.

    Parameters
    ----------
    question : str
    choices : sequence of str
        In the order shown (do not always put the answer first).
    answer : str
        The correct choice (one of ``choices``, word for word).
    explanation : str
        Why it is correct, shown with the verdict.
    hints : mapping, optional
        ``{wrong choice: hint}``: what to think about after a tempting wrong answer.

    Examples
    --------
    >>> q = QuizData("Which ties reach other worlds?", ["strong", "weak"], "weak",
    ...              "Weak ties bridge to other circles.", {"strong": "They share your world."})
    >>> q.answer
    'weak'
    >>> QuizData("?", ["a", "b"], "c", "")
    Traceback (most recent call last):
    ...
    ValueError: the answer 'c' of the quiz '?' is not one of its choices ['a', 'b'].
    """

    question: str
    choices: tuple
    answer: str
    explanation: str
    hints: Mapping = field(default_factory=dict)

    def __post_init__(self):
        object.__setattr__(self, "choices", tuple(self.choices))
        object.__setattr__(self, "hints", MappingProxyType(dict(self.hints)))
        _check_choices("quiz", self.question, self.choices)
        if self.answer not in self.choices:
            raise ValueError(f"the answer {self.answer!r} of the quiz {self.question!r} is not "
                             f"one of its choices {list(self.choices)!r}.")
        unknown = [h for h in self.hints if h not in self.choices]
        if unknown:
            raise ValueError(f"the quiz {self.question!r} has hints for choices it does not "
                             f"offer: {unknown!r}.")
        if self.answer in self.hints:
            raise ValueError(f"the quiz {self.question!r} has a hint for its right answer: "
                             "hints are for wrong answers.")


@dataclass(frozen=True)
class PredictionData:
    """A prediction: the question and choices; the simulation decides which is right.

    Parameters
    ----------
    question : str
    choices : sequence of str
    run : callable
        ``run(*args, lang=...)`` with the arguments given to
        :func:`weakties.lessons.predict` (the population, a person...). It
        runs the simulation and returns ``(index, figure, description)``:
        the index in ``choices`` of what the simulation shows, the picture
        (a Figure, or None), and the picture's description in words, which
        the learner sees under the picture only after running it.
    explanation : str, optional
        Why the simulation behaves so; shown after the result.
    claims : sequence of str, optional
        Names of the lesson's claims (see :func:`claim`) that ``run``'s
        description states, so that the build checks them.

    Examples
    --------
    >>> p = PredictionData("Is 2 + 2 four?", ["yes", "no"], run=lambda lang=None: (0, None, ""))
    >>> p.choices
    ('yes', 'no')
    """

    question: str
    choices: tuple
    run: Callable
    explanation: str = ""
    claims: tuple = ()

    def __post_init__(self):
        object.__setattr__(self, "choices", tuple(self.choices))
        object.__setattr__(self, "claims", tuple(self.claims))
        _check_choices("prediction", self.question, self.choices)
        if not callable(self.run):
            raise TypeError(f"the prediction {self.question!r} needs run=, a function that "
                            "runs the simulation.")


@dataclass(frozen=True)
class Claim:
    """One thing a lesson says about the simulated population, and its check."""

    name: str
    description: str
    check: Callable
    module: str

    def verify(self, facts) -> tuple[bool, str]:
        """``(holds, detail)``: run the check on the lesson's facts."""
        result = self.check(facts)
        detail = ""
        if isinstance(result, tuple):
            result, detail = result
        if not isinstance(result, (bool, np.bool_)):
            raise TypeError(f"claim {self.name} of {self.module} returned {result!r}: a claim "
                            "returns True or False (or (True/False, 'what was measured')).")
        return bool(result), str(detail)


_CLAIMS: dict = {}


def claim(description: str):
    """Declare a claim of the lesson: a sentence its text makes about the population.

    Decorates a function ``check(facts) -> bool`` (or ``(bool, detail)``,
    where ``detail`` says what was measured) that receives the lesson's
    facts. The build runs every claim and stops, naming the lesson, the
    claim and its description, when one no longer holds: then the text
    must change. The text marks each sentence with the claim's name, on a
    MyST comment line under it (``% claim: name``).

    Examples
    --------
    >>> @claim("most people have more weak ties than strong ones")
    ... def mostly_weak(facts):
    ...     return facts["median_strong_share"] < 0.5
    >>> claims_of(__name__)["mostly_weak"].verify({"median_strong_share": 0.13})
    (True, '')
    """
    if not isinstance(description, str) or not description.strip():
        raise ValueError("a claim needs a description: the sentence of the lesson it checks.")

    def register(func):
        _CLAIMS.setdefault(func.__module__, {})[func.__name__] = Claim(
            func.__name__, description, func, func.__module__)
        return func

    return register


def claims_of(module) -> dict:
    """The claims a module declared, ``{name: Claim}`` in the order declared."""
    name = module if isinstance(module, str) else module.__name__
    return dict(_CLAIMS.get(name, {}))


# --------------------------------------------------------------------------
# Finding a lesson's module

_NOT_LESSONS = {"build", "people"}
_BY_NUMBER: dict | None = None


def lesson_modules() -> dict:
    """``{number: module}`` of every lesson module in :mod:`weakties.lessons`.

    A lesson module is a module of the package that defines ``LESSON`` (a
    :class:`Lesson`); modules whose name starts with ``_`` are helpers.
    """
    global _BY_NUMBER
    if _BY_NUMBER is None:
        from weakties import lessons as package

        found = {}
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
            if info.name.startswith("_") or info.name in _NOT_LESSONS:
                continue
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            lesson = getattr(module, "LESSON", None)
            if not isinstance(lesson, Lesson):
                continue
            if lesson.number in found:
                raise ValueError(f"two lesson modules say they are lesson {lesson.number}: "
                                 f"{found[lesson.number].__name__} and {module.__name__}.")
            if module.__name__.rsplit(".", 1)[1] != lesson.slug.replace("-", "_"):
                raise ValueError(f"{module.__name__} is lesson {lesson.name}: name the module "
                                 f"{lesson.slug.replace('-', '_')}.py, after the lesson.")
            found[lesson.number] = module
        _BY_NUMBER = found
    return dict(_BY_NUMBER)


def lesson_module(number: str) -> ModuleType:
    """The module of lesson ``number`` (``"01"``)."""
    modules = lesson_modules()
    if number not in modules:
        known = ", ".join(sorted(modules)) or "none"
        raise ValueError(f"no lesson module says it is lesson {number!r} (lessons with a "
                         f"module: {known}). Create weakties/lessons/<slug>.py with "
                         f"LESSON = Lesson({number!r}, ...); see course/LESSON-GUIDE.md.")
    return modules[number]


def split_key(key: str) -> tuple[str, str]:
    """``"01-contact"`` -> ``("01", "contact")``.

    Examples
    --------
    >>> split_key("01-relation-share")
    ('01', 'relation-share')
    """
    match = _KEY.match(key) if isinstance(key, str) else None
    if not match:
        raise ValueError(f"{key!r} is not a quiz or prediction name: write the lesson number, "
                         "a dash and the name, for example quiz('01-contact').")
    return match.group(1), match.group(2)
