"""Dates in English, French and other interface languages; bad dates stay missing."""

import datetime as dt

import pytest

from weakties.audit.dates import MONTHS, numeric_order, parse_date, parse_dates

D = dt.date


@pytest.mark.parametrize("text,expected", [
    ("15 Mar 2024", D(2024, 3, 15)),
    ("05 Jan 2016", D(2016, 1, 5)),
    ("15 mars 2024", D(2024, 3, 15)),
    ("1er mars 2024", D(2024, 3, 1)),
    ("15 févr. 2024", D(2024, 2, 15)),
    ("15 fevr 2024", D(2024, 2, 15)),
    ("15 Févr. 2024", D(2024, 2, 15)),
    ("3 août 2021", D(2021, 8, 3)),
    ("3 aout 2021", D(2021, 8, 3)),
    ("7 déc. 2019", D(2019, 12, 7)),
    ("12 juil. 2018", D(2018, 7, 12)),
    ("12 juin 2018", D(2018, 6, 12)),
    ("30 sept. 2020", D(2020, 9, 30)),
    ("2 janv. 2020", D(2020, 1, 2)),
    ("2 avr. 2020", D(2020, 4, 2)),
    ("15. März 2024", D(2024, 3, 15)),
    ("15 de marzo de 2024", D(2024, 3, 15)),
    ("15 de março de 2024", D(2024, 3, 15)),
    ("15 maggio 2024", D(2024, 5, 15)),
    ("March 15th, 2024", D(2024, 3, 15)),
    ("Mar 15, 2024", D(2024, 3, 15)),
    ("15-Mar-24", D(2024, 3, 15)),
    ("2024-03-15", D(2024, 3, 15)),
    ("2024-03-15 10:22:01", D(2024, 3, 15)),
    ("15/03/2024", D(2024, 3, 15)),
    ("15.03.2024", D(2024, 3, 15)),
    ("  15 MAR 2024 ", D(2024, 3, 15)),
])
def test_accepted_forms(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "yesterday", "31 Feb 2024", "15 Smarch 2024",
                                  "2024", "15 2024", "32/01/2024", "Mar 2024", None])
def test_not_dates(text):
    assert parse_date(text) is None


def test_every_month_in_english_and_french():
    english = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    french = ("janvier février mars avril mai juin juillet août septembre octobre novembre "
              "décembre").split()
    for m, (en, fr) in enumerate(zip(english, french), start=1):
        assert parse_date(f"9 {en} 2022") == D(2022, m, 9)
        assert parse_date(f"9 {fr} 2022") == D(2022, m, 9)


def test_month_names_never_conflict():
    # Each name maps to one month: the table would lose entries otherwise.
    from weakties.audit import dates

    names = [n for ns in dates._NAMES.values() for n in ns.split()]
    assert len(names) == len(set(names)) == len(MONTHS)


def test_numeric_dates_follow_the_column():
    assert numeric_order(["03/04/2024", "25/12/2023"]) == "dmy"
    assert numeric_order(["03/04/2024", "12/25/2023"]) == "mdy"
    dates, bad = parse_dates(["03/04/2024", "12/25/2023"])
    assert dates == [D(2024, 3, 4), D(2023, 12, 25)] and bad == []
    dates, bad = parse_dates(["03/04/2024"])
    assert dates == [D(2024, 4, 3)]          # day first when nothing says otherwise


def test_parse_dates_reports_positions_of_failures_only():
    dates, bad = parse_dates(["15 Mar 2024", "", None, "soon", "2019"])
    assert bad == [3, 4]
    dates, bad = parse_dates(["2019", "1987.0"], year_ok=True)
    assert dates == [D(2019, 1, 1), D(1987, 1, 1)] and bad == []
