"""Annotation values: what each may be, in English or French, and the errors that say so."""

import pytest

from weakties.audit.schema import (CONTEXTS, GENERATIONS, REGIONS, STRENGTH_SCALE,
                                   STRENGTH_VALUES, BadValue, check_context, check_generation,
                                   check_region, check_sector, check_strength, is_strong_level)
from weakties.ties import STRONG_THRESHOLD


def test_strength_scale_splits_at_the_library_threshold():
    """Steps 1-2 are weak and 3-4 strong under weakties.ties.STRONG_THRESHOLD (Granovetter 1973)."""
    assert [is_strong_level(s) for s in STRENGTH_SCALE] == [False, False, True, True]
    assert max(v for k, v in STRENGTH_VALUES.items() if k <= 2) < STRONG_THRESHOLD
    assert min(v for k, v in STRENGTH_VALUES.items() if k >= 3) >= STRONG_THRESHOLD


@pytest.mark.parametrize("value,expected", [
    (1, 1), ("2", 2), (3.0, 3), ("4.0", 4), ("4,0", 4), ("Close", 4), ("barely", 1),
    ("good contact", 3), ("", None), (None, None), (float("nan"), None)])
def test_strength(value, expected):
    assert check_strength(value) == expected


@pytest.mark.parametrize("value", [0, 5, "2.5", "very", -1])
def test_bad_strength_names_the_scale(value):
    with pytest.raises(BadValue, match=r"1 \(barely\), 2 \(acquaintance\), 3 \(good contact\), "
                                       r"4 \(close\)") as info:
        check_strength(value)
    assert isinstance(info.value, ValueError) and info.value.kind == "strength"


@pytest.mark.parametrize("value,expected", [
    ("colleague", "colleague"), ("Former colleague", "former_colleague"),
    ("former-colleague", "former_colleague"), ("ancien collègue", "former_colleague"),
    ("Famille", "family"), ("école", "school"), ("Fournisseur", "supplier"),
    ("voisine", "neighbour"), ("neighbor", "neighbour"), ("Événement", "event"),
    ("petit-déjeuner", "event"), ("en ligne", "online"), ("LinkedIn", "online"),
    ("online only", "online"), ("", None)])
def test_context(value, expected):
    assert check_context(value) == expected


def test_every_context_of_the_library_is_accepted():
    assert [check_context(c) for c in CONTEXTS] == list(CONTEXTS)


def test_bad_context_suggests():
    with pytest.raises(BadValue, match="Did you mean 'colleague'") as info:
        check_context("colleage")
    assert info.value.hint == " Did you mean 'colleague'?"


@pytest.mark.parametrize("value,expected", [
    ("ile-de-france", "Île-de-France"), ("IDF", "Île-de-France"), ("Paris", "Île-de-France"),
    ("provence alpes cote d'azur", "Provence-Alpes-Côte d'Azur"), ("PACA", "Provence-Alpes-Côte d'Azur"),
    ("bretagne", "Bretagne"), ("Abroad", "Abroad"), ("étranger", "Abroad")])
def test_region(value, expected):
    assert check_region(value) == expected


def test_every_region_is_accepted_and_bad_ones_are_not():
    assert [check_region(r) for r in REGIONS] == list(REGIONS)
    with pytest.raises(BadValue, match="Did you mean 'Normandie'"):
        check_region("Normandy")


@pytest.mark.parametrize("value,expected", [
    ("1980s", "1980s"), (1987, "1980s"), ("1987", "1980s"), (1987.0, "1980s"), ("80s", "1980s"),
    ("années 90", "1990s"), ("2003", "2000s"), ("", None)])
def test_generation(value, expected):
    assert check_generation(value) == expected


@pytest.mark.parametrize("value", ["2030", "1890", "old", "1980s and 1990s"])
def test_bad_generation(value):
    with pytest.raises(BadValue, match="birth decade"):
        check_generation(value)
    assert GENERATIONS[0] == "1930s" and GENERATIONS[-1] == "2010s"


def test_sector():
    assert check_sector("public sector") == "Public sector"
    assert check_sector("CULTURE & MEDIA") == "Culture & media"
    with pytest.raises(BadValue, match="Did you mean 'Finance'"):
        check_sector("Finances")
