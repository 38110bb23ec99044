"""Languages of the course: marking strings for translation and formatting numbers.

Two things every learner-facing text of the library goes through, so that a
French edition (or another language) changes words and number formats in
one place:

- **strings** are written in English and marked with :func:`N_` where they
  are defined (quiz questions, picture descriptions, plot titles), so that
  Babel's extractor finds them (``pybabel extract -k N_``); :func:`gettext`
  looks a marked string up in the catalog of a language when it is shown;
- **numbers** are formatted by :func:`number`, :func:`decimal` and
  :func:`percent`, which follow the typography of the language: ``2,000``,
  ``0.45`` and ``17%`` in English; ``2 000``, ``0,45`` and ``17 %`` in French
  (narrow no-break space between thousands, no-break space before ``%``, as
  Unicode CLDR's French locale writes them, which Babel follows).

The current language is ``"en"`` unless the environment variable
``WEAKTIES_LANG`` or :func:`set_language` says otherwise; every function
takes ``lang`` to override it.

References
----------
.. [1] Unicode CLDR, number formatting patterns of the ``en`` and ``fr``
   locales. https://cldr.unicode.org/
.. [2] Imprimerie nationale (2002). *Lexique des règles typographiques en
   usage à l'Imprimerie nationale*: a space before ``%``, a decimal comma.
"""

from __future__ import annotations

import math
import numbers
import os
import re

__all__ = ["LANGUAGES", "N_", "gettext", "language", "set_language", "number", "date",
           "decimal", "percent"]

#: Languages the formatting functions know. A language without a message
#: catalog shows the English strings with its own number formats.
LANGUAGES = ("en", "fr")

#: The message catalogs (one PO file per module) are kept by :mod:`weakties.translations`.
_current: str | None = None


def N_(text: str) -> str:
    """Mark ``text`` for translation where it is defined; return it unchanged.

    The string is translated later, when shown, by :func:`gettext`. Babel
    finds every marked string with ``pybabel extract -k N_``.

    Examples
    --------
    >>> N_("Run the simulation")
    'Run the simulation'
    """
    return text


def _check(lang) -> str:
    if lang is None:
        return language()
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: choose one of {', '.join(LANGUAGES)} "
                         "(for example lang='fr').")
    return lang


def language() -> str:
    """The current language: set by :func:`set_language`, else ``WEAKTIES_LANG``, else "en".

    Examples
    --------
    >>> language() in LANGUAGES
    True
    """
    if _current is not None:
        return _current
    lang = os.environ.get("WEAKTIES_LANG", "en") or "en"
    if lang not in LANGUAGES:
        raise ValueError(f"WEAKTIES_LANG is {lang!r}: set it to one of {', '.join(LANGUAGES)}.")
    return lang


def set_language(lang: str | None) -> None:
    """Set the language of everything shown from now on (None: back to the default).

    Examples
    --------
    >>> set_language("fr"); percent(0.17)
    '17\\xa0%'
    >>> set_language(None)
    """
    global _current
    _current = None if lang is None else _check(lang)


def _catalog(lang: str):
    from .translations import catalog
    return catalog(lang)


def gettext(text: str, lang: str | None = None) -> str:
    """``text`` in ``lang`` (the current language by default).

    English strings are their own translation; a language without a catalog
    (or a string missing from it) falls back to English.

    Examples
    --------
    >>> gettext("Run the simulation", lang="en")
    'Run the simulation'
    """
    lang = _check(lang)
    if lang == "en" or not text:
        return text
    return _catalog(lang).gettext(text)


def _real(x, what):
    if isinstance(x, bool) or not isinstance(x, numbers.Real):
        raise TypeError(f"{what} formats a number, not {type(x).__name__} {x!r}.")
    if not math.isfinite(float(x)):
        raise ValueError(f"{what} cannot format {x!r}: the value is not a finite number.")
    return float(x)


def _pattern(kind: str, lang: str, digits: int) -> str:
    """The locale's pattern (CLDR, through Babel) with exactly ``digits`` decimals."""
    from babel import Locale
    loc = Locale.parse(lang)
    pattern = (loc.percent_formats if kind == "percent" else loc.decimal_formats)[None].pattern
    decimals = "." + "0" * digits if digits else ""
    return re.sub(r"#,##0(\.[0#]+)?", "#,##0" + decimals, pattern, count=1)


def number(x, lang: str | None = None) -> str:
    """A whole number with thousands grouped: ``29,201`` (en), ``29 201`` (fr).

    ``x`` is rounded to the nearest whole number first (half to even).

    Examples
    --------
    >>> number(29201, lang="en"), number(14.6, lang="en")
    ('29,201', '15')
    >>> number(29201, lang="fr") == "29\\u202f201"
    True
    """
    from babel.numbers import format_decimal
    lang = _check(lang)
    return format_decimal(round(_real(x, "number")), format=_pattern("decimal", lang, 0),
                          locale=lang)


def decimal(x, digits: int = 2, lang: str | None = None) -> str:
    """A number with ``digits`` decimals: ``0.45`` (en), ``0,45`` (fr).

    Examples
    --------
    >>> decimal(0.4523, 2, lang="en"), decimal(0.4523, 2, lang="fr")
    ('0.45', '0,45')
    >>> decimal(1234.5, 1, lang="en")
    '1,234.5'
    """
    lang = _check(lang)
    if not isinstance(digits, int) or digits < 0:
        raise ValueError(f"digits must be a whole number, 0 or more, not {digits!r}.")
    from babel.numbers import format_decimal
    return format_decimal(_real(x, "decimal"), format=_pattern("decimal", lang, digits),
                          locale=lang, decimal_quantization=True)


def percent(x, digits: int = 0, lang: str | None = None) -> str:
    """A share written as a percentage: 0.17 gives ``17%`` (en), ``17 %`` (fr).

    Examples
    --------
    >>> percent(0.17, lang="en"), percent(0.1734, 1, lang="en")
    ('17%', '17.3%')
    >>> percent(0.17, lang="fr") == "17\\u00a0%"
    True
    """
    lang = _check(lang)
    if not isinstance(digits, int) or digits < 0:
        raise ValueError(f"digits must be a whole number, 0 or more, not {digits!r}.")
    from babel.numbers import format_percent
    return format_percent(_real(x, "percent"), format=_pattern("percent", lang, digits),
                          locale=lang, decimal_quantization=True)


def date(value, lang: str | None = None) -> str:
    """A date written out: ``March 15, 2024`` (en), ``15 mars 2024`` (fr).

    ``value`` is a :class:`datetime.date` (or datetime) or an ISO string
    ``"2024-03-15"``.

    Examples
    --------
    >>> date("2024-03-15", lang="en"), date("2024-03-15", lang="fr")
    ('March 15, 2024', '15 mars 2024')
    """
    import datetime as _dt
    from babel.dates import format_date
    lang = _check(lang)
    if isinstance(value, str):
        try:
            value = _dt.date.fromisoformat(value[:10])
        except ValueError:
            raise ValueError(f"date() reads dates written 2024-03-15, not {value!r}.") from None
    if not isinstance(value, _dt.date):
        raise TypeError(f"date() formats a date, not {type(value).__name__} {value!r}.")
    return format_date(value, format="long", locale=lang)
