"""Dates as LinkedIn and spreadsheets write them, in English, French and a few more languages.

Accepted forms (case, accents and a trailing dot on the month are ignored):

===========================  =====================================================
``15 Mar 2024``              LinkedIn's English export
``15 mars 2024``             French; also ``1er mars 2024``, ``15 févr. 2024``,
                             ``3 août 2021``, ``7 déc. 2019``
``15. März 2024``            German; also Spanish ``15 de marzo de 2024``,
                             Italian ``15 mar 2024``, Portuguese ``15 de março de 2024``
``Mar 15, 2024``             United States order
``15-Mar-24``                a spreadsheet's short form (two-digit years are 20xx)
``2024-03-15``               ISO 8601, optionally followed by a time
``15/03/2024``, ``15.03.2024``  numbers only: day first, unless a date of the same
                             column only makes sense month first (``03/25/2024``)
a year alone (``2019``)      in contact sheets: 1 January of that year
===========================  =====================================================

Month names: English, French, German, Spanish, Italian and Portuguese, full
or abbreviated (:data:`MONTHS`). Anything else, or an impossible date
(``31 Feb 2024``), is not a date: the reader turns it into a missing value
and warns with the line numbers.
"""

from __future__ import annotations

import datetime as _dt
import re

from ._text import fold

__all__ = ["MONTHS", "parse_date", "parse_dates"]

_NAMES = {
    1: "jan january janv janvier januar janner jaenner ene enero gen gennaio janeiro",
    2: "feb february fev fevr fevrier februar febrero febbraio fevereiro",
    3: "mar march mars marz maerz mrz marzo marco",
    4: "apr april avr avril abr abril aprile",
    5: "may mai mayo maggio mag maio",
    6: "jun june juin juni junio giugno giu junho",
    7: "jul july juil juillet juli julio luglio lug julho",
    8: "aug august aout ago agosto",
    9: "sep sept september septembre septiembre setiembre settembre set setembro",
    10: "oct october octobre okt oktober octubre ottobre ott out outubro",
    11: "nov november novembre noviembre novembro",
    12: "dec december decembre dez dezember dic diciembre dicembre dezembro",
}
#: Month name or abbreviation (folded: lower case, no accents) -> month number.
MONTHS = {name: m for m, names in _NAMES.items() for name in names.split()}
_FILLER = {"de", "del", "le", "the", "of", "er", "st", "nd", "rd", "th", "o", "a"}
_TOKEN = re.compile(r"[a-z]+|\d+")


def _year(token: str) -> int | None:
    if len(token) == 4:
        return int(token)
    if len(token) == 2:
        return 2000 + int(token)
    return None


def _make(y, m, d):
    try:
        return _dt.date(y, m, d)
    except (ValueError, TypeError):
        return None


def _split(text):
    """(numbers, month) from a date text, or None if it is not shaped like a date."""
    tokens = _TOKEN.findall(fold(text))
    numbers, months = [], []
    for t in tokens:
        if t.isdigit():
            numbers.append(t)
        elif t in MONTHS:
            months.append(MONTHS[t])
        elif t.endswith(("er", "st", "nd", "rd", "th")) and t[:-2].isdigit():
            numbers.append(t[:-2])
        elif t not in _FILLER:
            return None
    return numbers, months


def parse_date(text, order: str = "dmy"):
    """Parse one date (see the module documentation); ``None`` if it is not one.

    Parameters
    ----------
    text : str
    order : {"dmy", "mdy"}
        How to read dates written with numbers only, such as ``03/04/2024``.

    Returns
    -------
    datetime.date or None

    Examples
    --------
    >>> parse_date("15 Mar 2024"), parse_date("15 févr. 2024"), parse_date("1er août 2019")
    (datetime.date(2024, 3, 15), datetime.date(2024, 2, 15), datetime.date(2019, 8, 1))
    >>> parse_date("Mar 15, 2024"), parse_date("2024-03-15 10:22:01"), parse_date("15/03/2024")
    (datetime.date(2024, 3, 15), datetime.date(2024, 3, 15), datetime.date(2024, 3, 15))
    >>> parse_date("31 Feb 2024") is None, parse_date("yesterday") is None
    (True, True)
    """
    if text is None:
        return None
    if isinstance(text, _dt.datetime):
        return text.date()
    if isinstance(text, _dt.date):
        return text
    text = str(text).strip()
    if not text:
        return None
    split = _split(text)
    if split is None:
        return None
    numbers, months = split
    if len(months) == 1 and len(numbers) >= 2:
        month = months[0]
        a, b = numbers[0], numbers[1]
        if len(a) == 4 and len(b) <= 2:        # 2024 Mar 15
            return _make(int(a), month, int(b))
        if len(a) <= 2:                        # 15 Mar 2024, Mar 15 2024, 15-Mar-24
            y = _year(b)
            return _make(y, month, int(a)) if y else None
        return None
    if months or len(numbers) < 3:
        if not months and len(numbers) == 1 and len(numbers[0]) == 4:
            return None  # a year alone is not a day (see parse_dates(year_ok=True))
        return None
    a, b, c = numbers[:3]
    if len(a) == 4:                            # ISO 2024-03-15 [time]
        return _make(int(a), int(b), int(c))
    y = _year(c)
    if y is None or len(a) > 2 or len(b) > 2:
        return None
    if order == "mdy":
        return _make(y, int(a), int(b))
    return _make(y, int(b), int(a))


_NUMERIC = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})\b")


def numeric_order(texts) -> str:
    """Whether the number-only dates of a column are day first or month first.

    Day first unless some date only makes sense month first (its second
    number is above 12 while no date has a first number above 12).

    Examples
    --------
    >>> numeric_order(["03/04/2024", "25/12/2023"]), numeric_order(["03/25/2024"])
    ('dmy', 'mdy')
    """
    first_big = second_big = False
    for t in texts:
        m = _NUMERIC.match(str(t)) if t is not None else None
        if m:
            first_big |= int(m.group(1)) > 12
            second_big |= int(m.group(2)) > 12
    return "mdy" if second_big and not first_big else "dmy"


def parse_dates(texts, *, year_ok: bool = False):
    """Parse a column of dates; returns ``(dates, bad)`` with the positions that failed.

    Parameters
    ----------
    texts : sequence of str, date or None
        Empty cells are missing values, not failures.
    year_ok : bool, default False
        Accept a year alone (``"2019"``) as 1 January of that year.

    Returns
    -------
    dates : list of datetime.date or None
    bad : list of int
        Positions of non-empty cells that are not dates.

    Examples
    --------
    >>> parse_dates(["15 Mar 2024", "", "soon"])
    ([datetime.date(2024, 3, 15), None, None], [2])
    >>> parse_dates(["2019"], year_ok=True)[0]
    [datetime.date(2019, 1, 1)]
    """
    texts = list(texts)
    order = numeric_order(texts)
    cache: dict = {}
    out, bad = [], []
    for i, t in enumerate(texts):
        if t is None or (isinstance(t, float) and t != t) or (isinstance(t, str) and not t.strip()):
            out.append(None)
            continue
        key = t if isinstance(t, (str, _dt.date)) else str(t)
        if key not in cache:
            value = parse_date(key, order)
            if value is None and year_ok:
                s = str(key).strip()
                if re.fullmatch(r"\d{4}(\.0)?", s) and 1900 <= int(s[:4]) <= 2100:
                    value = _dt.date(int(s[:4]), 1, 1)
            cache[key] = value
        out.append(cache[key])
        if cache[key] is None:
            bad.append(i)
    return out, bad
