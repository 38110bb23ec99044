"""weakties.i18n: numbers written as an English or a French reader writes them."""

import pytest

from weakties import i18n

NARROW = "\u202f"
NBSP = "\u00a0"


@pytest.mark.parametrize("call, en, fr", [
    (lambda lang: i18n.number(29201, lang=lang), "29,201", f"29{NARROW}201"),
    (lambda lang: i18n.number(1234567.6, lang=lang), "1,234,568", f"1{NARROW}234{NARROW}568"),
    (lambda lang: i18n.number(-3, lang=lang), "-3", "-3"),
    (lambda lang: i18n.decimal(0.4523, 2, lang=lang), "0.45", "0,45"),
    (lambda lang: i18n.decimal(2.0, 1, lang=lang), "2.0", "2,0"),
    (lambda lang: i18n.decimal(1234.5, 1, lang=lang), "1,234.5", f"1{NARROW}234,5"),
    (lambda lang: i18n.percent(0.17, lang=lang), "17%", f"17{NBSP}%"),
    (lambda lang: i18n.percent(0.1734, 1, lang=lang), "17.3%", f"17,3{NBSP}%"),
    (lambda lang: i18n.percent(1, lang=lang), "100%", f"100{NBSP}%"),
])
def test_english_and_french_formats(call, en, fr):
    assert (call("en"), call("fr")) == (en, fr)


def test_french_formats_are_babels():
    """Babel (Unicode CLDR) writes the same, so issue 16 can switch to it without a change."""
    numbers = pytest.importorskip("babel.numbers")
    for x in (7, 2000, 29201, 1234567):
        assert i18n.number(x, lang="fr") == numbers.format_decimal(x, locale="fr")
        assert i18n.number(x, lang="en") == numbers.format_decimal(x, locale="en")
    for x in (0.05, 0.17, 0.5, 0.999):
        assert i18n.percent(x, lang="fr") == numbers.format_percent(x, locale="fr")
        assert i18n.percent(x, lang="en") == numbers.format_percent(x, locale="en")
    assert i18n.decimal(0.45, 2, lang="fr") == numbers.format_decimal(0.45, "0.00", locale="fr")


@pytest.mark.parametrize("value, error", [(True, TypeError), ("3", TypeError),
                                          (float("nan"), ValueError), (float("inf"), ValueError)])
def test_only_finite_numbers_are_formatted(value, error):
    with pytest.raises(error, match="number"):
        i18n.number(value, lang="en")


def test_unknown_language_and_digits_are_refused():
    with pytest.raises(ValueError, match="unknown language 'de'"):
        i18n.percent(0.5, lang="de")
    with pytest.raises(ValueError, match="digits"):
        i18n.decimal(0.5, -1, lang="en")


def test_the_current_language_comes_from_set_language_then_the_environment(monkeypatch):
    monkeypatch.delenv("WEAKTIES_LANG", raising=False)
    assert i18n.language() == "en"
    monkeypatch.setenv("WEAKTIES_LANG", "fr")
    assert i18n.language() == "fr" and i18n.percent(0.5) == f"50{NBSP}%"
    i18n.set_language("en")
    try:
        assert i18n.language() == "en" and i18n.percent(0.5) == "50%"
    finally:
        i18n.set_language(None)
    monkeypatch.setenv("WEAKTIES_LANG", "xx")
    with pytest.raises(ValueError, match="WEAKTIES_LANG is 'xx'"):
        i18n.language()
    with pytest.raises(ValueError, match="unknown language"):
        i18n.set_language("xx")


def test_gettext_falls_back_to_english_without_a_catalog():
    assert i18n.N_("Run the simulation") == "Run the simulation"
    assert i18n.gettext("Run the simulation", lang="en") == "Run the simulation"
    assert i18n.gettext("A sentence that no catalog holds", lang="fr") == \
        "A sentence that no catalog holds"
    assert i18n.gettext("", lang="fr") == ""
