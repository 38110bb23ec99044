"""The words of weakties-grade in the instructor's language: templates, pages, commands.

Every sentence the grader shows (feedback pages, the report, the student
README of the release zip, the commands' messages) is written in English and
marked with :func:`weakties.i18n.N_`; :func:`tr` shows it in the current
language (``weakties-grade --lang fr``, the course's ``course.ini``, or
``WEAKTIES_LANG``: see :func:`choose_language`). The sentences of the Jinja2
templates are listed in :data:`TEMPLATE_WORDS`, so that the catalog tools
(``python -m weakties.translations extract``) find them; a test checks that
every ``_("...")`` of ``grader/templates/`` is listed.

Values put into a sentence are formatted by the caller (numbers with
:mod:`weakties.i18n`); in an HTML page :func:`tr_html` escapes them, so that
student text stays text.
"""

from __future__ import annotations

import configparser
import os
from pathlib import Path

from markupsafe import Markup, escape

#: The languages of the grader (those of :mod:`weakties.i18n`, which is imported only
#: when a sentence is shown, so that ``weakties-grade --help`` stays quick).
LANGUAGES = ("en", "fr")


def N_(text: str) -> str:
    """Mark ``text`` for translation (as :func:`weakties.i18n.N_`); return it unchanged."""
    return text


def _i18n():
    from weakties import i18n

    return i18n


def gettext(text: str, lang: str | None = None) -> str:
    """:func:`weakties.i18n.gettext`, imported when first needed."""
    return _i18n().gettext(text, lang)


def language() -> str:
    """:func:`weakties.i18n.language`, imported when first needed."""
    return _i18n().language()


def number(x, lang: str | None = None) -> str:
    """:func:`weakties.i18n.number`, imported when first needed."""
    return _i18n().number(x, lang)


def percent(x, digits: int = 0, lang: str | None = None) -> str:
    """:func:`weakties.i18n.percent`, imported when first needed."""
    return _i18n().percent(x, digits, lang)

__all__ = ["tr", "tr_html", "choose_language", "course_language", "TEMPLATE_WORDS",
           "STATUS_WORDS", "status_text", "points", "SHORT_STATUS", "short_status"]


def tr(text: str, lang: str | None = None, **fields) -> str:
    """``text`` in the current language (or ``lang``), its ``{fields}`` filled in.

    Examples
    --------
    >>> tr("Score: {score} / {max_score}", lang="en", score="3", max_score="4")
    'Score: 3 / 4'
    >>> tr("Score: {score} / {max_score}", lang="fr", score="3", max_score="4")
    'Note\\xa0: 3 / 4'
    """
    out = gettext(text, lang)
    return out.format(**fields) if fields else out


def tr_html(text: str, **fields) -> Markup:
    """Like :func:`tr` for an autoescaped page: the sentence and every field escaped.

    Examples
    --------
    >>> str(tr_html("Your notebook {notebook} could not be graded automatically, so it has "
    ...             "no score yet.", notebook="<b>x</b>"))[:34]
    'Your notebook &lt;b&gt;x&lt;/b&gt;'
    """
    return escape(gettext(text)).format(**fields)


def points(value, lang: str | None = None) -> str:
    """A score or a number of points as the language writes it: ``2.5`` (en), ``2,5`` (fr).

    Whole numbers have no decimals; others at most three (Babel, CLDR).

    Examples
    --------
    >>> points(2.5, lang="en"), points(2.5, lang="fr"), points(3.0, lang="fr")
    ('2.5', '2,5', '3')
    """
    lang = lang or language()
    value = float(value)
    if lang == "en":
        return f"{value:g}"
    from babel.numbers import format_decimal

    return format_decimal(round(value, 3), locale=lang)


def course_language(root) -> str | None:
    """The language set in the course's ``course.ini`` (``[course]``, key ``language``).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> course_language(root) is None
    True
    >>> _ = (root / "course.ini").write_text("[course]\\nlanguage = fr\\n")
    >>> course_language(root)
    'fr'
    """
    path = Path(root) / "course.ini"
    if not path.is_file():
        return None
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(path, encoding="utf-8")
    except configparser.Error:
        return None  # course_settings reports a broken file with the way to fix it
    value = parser.get("course", "language", fallback="").strip()
    if not value:
        return None
    if value not in LANGUAGES:
        raise ValueError(f"the [course] language of {path} is {value!r}: set it to one of "
                         f"{', '.join(LANGUAGES)} (for example: language = fr).")
    return value


def choose_language(option: str | None, course_root=None) -> str:
    """The grader's language: ``--lang``, else the course's ``course.ini``, else ``WEAKTIES_LANG``.

    Examples
    --------
    >>> choose_language("fr")
    'fr'
    >>> choose_language("de")
    Traceback (most recent call last):
    ...
    ValueError: --lang is 'de': choose one of en, fr (for example --lang fr).
    """
    if option:
        if option not in LANGUAGES:
            raise ValueError(f"--lang is {option!r}: choose one of {', '.join(LANGUAGES)} "
                             "(for example --lang fr).")
        return option
    if course_root is not None:
        found = course_language(course_root)
        if found:
            return found
    if os.environ.get("WEAKTIES_LANG"):
        return language()
    return "en"


#: What each status of a submission is called on pages, tables and the terminal.
STATUS_WORDS = {
    "graded": N_("graded"),
    "needs_grading": N_("waiting for manual grading"),
    "flagged": N_("flagged for review"),
    "failed": N_("could not be graded"),
    "not_autograded": N_("collected, not autograded yet"),
    "missing": N_("no submission"),
}


#: The one-word statuses of the autograde table (the terminal), by status key.
SHORT_STATUS = {
    "graded": N_("graded"),
    "flagged": N_("flagged"),
    "failed": N_("failed"),
    "needs_grading": N_("needs_grading"),
    "skipped": N_("skipped"),
    "not_autograded": N_("not_autograded"),
    "missing": N_("missing"),
}


def short_status(status: str, lang: str | None = None) -> str:
    """The status of an autograded submission in one word (the key itself in English).

    Examples
    --------
    >>> short_status("flagged", lang="en"), short_status("flagged", lang="fr")
    ('flagged', 'signalé')
    """
    words = SHORT_STATUS.get(status)
    return tr(words, lang) if words else status


def status_text(status: str, lang: str | None = None) -> str:
    """The words for a submission's status (an unknown status is shown as it is).

    Examples
    --------
    >>> status_text("needs_grading", lang="en")
    'waiting for manual grading'
    >>> status_text("flagged", lang="fr")
    'signalé pour vérification'
    """
    words = STATUS_WORDS.get(status)
    return tr(words, lang) if words else status


#: The sentences of grader/templates/*.html.j2 (written there as ``_("...")``).
TEMPLATE_WORDS = (
    # failed.html.j2
    N_("Could not be graded"),
    N_("The grader could not finish grading this submission."),
    N_("Your notebook {notebook} could not be graded automatically, so it has no score yet."),
    N_("This is not a grade of zero. Your instructor has the details and will tell you what "
       "to do (often: fix the notebook as described above and hand it in again)."),
    # feedback.html.j2
    N_("Score: {score} / {max_score}"),
    N_("after a late submission penalty of {penalty}"),
    N_("Your results by task"),
    N_("Task"),
    N_("Score"),
    N_("Tests passed"),
    N_("Each test below says whether it passed and, if not, what was expected and a hint. "
       "The code of the tests is not shown."),
    N_("This page does not show all of the notebook:"),
    N_("output image"),
    N_("score: {score} / {points}"),
    N_("Comments:"),
    # report.html.j2
    N_("{assignment}: results"),
    N_("Written {written} UTC by weakties-grade report. {n} student(s) in the gradebook."),
    N_("Hardest task: {task} ({rate} of the counted submissions earned all its points)."),
    N_("Submissions"),
    N_("Status"),
    N_("Success rates count graded submissions and those waiting for manual grading. "
       "Flagged and failed submissions are counted apart, not as zeros."),
    N_("Scores"),
    N_("Mean {mean}, median {median}, over {n} submission(s)."),
    N_("Histogram of the scores in percent of the maximum"),
    N_("Tasks"),
    N_("Success rate and mean score of each task"),
    N_("Task / graded cell"),
    N_("Kind"),
    N_("Points"),
    N_("Success rate"),
    N_("Mean score"),
    N_("Counted"),
    N_("Failed and flagged submissions"),
    N_("Student"),
    N_("Reasons"),
    N_("None."),
)
