"""The columns of a contact table and the values each annotation may take.

Both readers (:func:`~weakties.audit.read_linkedin`,
:func:`~weakties.audit.read_contacts`) return a DataFrame with the columns
of :data:`COLUMNS`, one row per contact:

=================  ==================================================================
``contact``        the pseudonym (``C-3f9a1c2b``), never a name
``company``        the company as written (a contact's own name removed from it)
``position``       the job title as written (same)
``connected_on``   date you connected (LinkedIn) or met (contact sheet), or missing
``year``           its year (nullable integer)
``sector_guess``   the sector read from company and title (:func:`sector_of`)
``sector``         the sector you set by hand, or else the guess
``seniority``      from the title (:func:`seniority_of`)
``strength``       how well you know them, 1 to 4 (:data:`STRENGTH_SCALE`), or missing
``context``        how you met (:data:`CONTEXTS`), or missing
``region``         where they work (:data:`REGIONS`), or missing
``generation``     their birth decade (``"1980s"``), or missing
``last_contact``   date of your last exchange, or missing
``source``         ``"linkedin"`` or ``"sheet"``
=================  ==================================================================

The annotations (strength, context, sector, region, generation) are what the
export cannot know; the annotation widget records them.

How well you know them (``strength``)
-------------------------------------
A four-step scale, each step with a strength on the library's 0-1 scale
(:data:`STRENGTH_VALUES`), so that steps 3 and 4 are *strong* ties under
:data:`weakties.ties.STRONG_THRESHOLD` and steps 1 and 2 are *weak* ties.
Granovetter (1973) defines strength from time, emotional intensity,
intimacy and reciprocal services; the questions follow that definition.

=====  ===============  ====================================================
1      barely           met once or twice; they might not remember you
2      acquaintance     occasional exchanges; you could write to them
3      good contact     regular exchanges; you have helped each other
4      close            you trust them and confide in them; you talk often
=====  ===============  ====================================================
"""

from __future__ import annotations

import difflib
import re
from types import MappingProxyType

from .. import _france
from ..i18n import N_, gettext


def _t(text: str, **fields) -> str:
    """``text`` (marked with N_) in the current language, its ``{fields}`` filled in."""
    return gettext(text).format(**fields)
from ..ties import CONTEXTS, STRONG_THRESHOLD
from ._text import fold
from .sectors import SECTORS, UNKNOWN

__all__ = ["COLUMNS", "ANNOTATION_COLUMNS", "STRENGTH_SCALE", "STRENGTH_VALUES", "CONTEXTS",
           "CONTEXT_LABELS", "REGIONS", "ABROAD", "GENERATIONS", "SECTORS", "is_strong_level",
           "check_strength", "check_context", "check_sector", "check_region",
           "check_generation", "allowed_text", "BadValue"]

COLUMNS = ("contact", "company", "position", "connected_on", "year", "sector_guess", "sector",
           "seniority", "strength", "context", "region", "generation", "last_contact", "source")
#: The columns the learner annotates (and the annotation file stores).
ANNOTATION_COLUMNS = ("strength", "context", "sector", "region", "generation")

#: Step -> (label, question that defines it).
STRENGTH_SCALE = MappingProxyType({
    1: (N_("barely"), N_("met once or twice; they might not remember you")),
    2: (N_("acquaintance"), N_("occasional exchanges; you could write to them")),
    3: (N_("good contact"), N_("regular exchanges; you have helped each other")),
    4: (N_("close"), N_("you trust them and confide in them; you talk often")),
})
#: Step -> tie strength on the library's 0-1 scale (middle of each quarter).
STRENGTH_VALUES = MappingProxyType({1: 0.15, 2: 0.35, 3: 0.6, 4: 0.85})

#: Readable label of each context (how you met).
CONTEXT_LABELS = MappingProxyType({
    "family": N_("family"), "friend": N_("friend (or friend of a friend)"),
    "colleague": N_("colleague"), "former_colleague": N_("former colleague"),
    "school": N_("school or university"), "client": N_("client"),
    "supplier": N_("supplier or service provider"), "neighbour": N_("neighbour"),
    "event": N_("event (evening, breakfast, conference)"), "online": N_("online only"),
})
_CONTEXT_ALIASES = {
    "famille": "family", "parent": "family", "ami": "friend", "amie": "friend",
    "amis": "friend", "friends": "friend", "collegue": "colleague", "coworker": "colleague",
    "co worker": "colleague", "ancien collegue": "former_colleague",
    "ancienne collegue": "former_colleague", "former colleague": "former_colleague",
    "ex colleague": "former_colleague", "ex collegue": "former_colleague",
    "ecole": "school", "etudes": "school", "university": "school", "universite": "school",
    "classmate": "school", "camarade": "school", "fournisseur": "supplier",
    "prestataire": "supplier", "provider": "supplier", "voisin": "neighbour",
    "voisine": "neighbour", "neighbor": "neighbour", "quartier": "neighbour",
    "evenement": "event", "evenements": "event", "soiree": "event", "petit dejeuner": "event",
    "conference": "event", "salon": "event", "en ligne": "online", "internet": "online",
    "linkedin": "online", "reseau social": "online", "cliente": "client", "customer": "client",
}

#: Abroad: a contact who works outside France.
ABROAD = "Abroad"
#: The population's regions, and abroad.
REGIONS = tuple(_france.REGIONS) + (ABROAD,)
_REGION_ALIASES = {
    "idf": "Île-de-France", "paris": "Île-de-France", "ile de france": "Île-de-France",
    "paca": "Provence-Alpes-Côte d'Azur", "aura": "Auvergne-Rhône-Alpes",
    "etranger": ABROAD, "a l etranger": ABROAD, "international": ABROAD,
    "outside france": ABROAD, "hors de france": ABROAD,
}
#: Birth decades a contact may belong to (the population has 1960s to 2000s).
GENERATIONS = tuple(f"{d}s" for d in range(1930, 2020, 10))


class BadValue(ValueError):
    """A value that an annotation cannot take; ``.kind`` and ``.hint`` for messages without it."""

    def __init__(self, message, kind, hint=""):
        super().__init__(message)
        self.kind = kind
        self.hint = hint


def is_strong_level(step) -> bool:
    """Whether a strength step (1-4) is a strong tie under the library's threshold.

    Examples
    --------
    >>> [is_strong_level(s) for s in (1, 2, 3, 4)]
    [False, False, True, True]
    """
    return STRENGTH_VALUES[int(step)] >= STRONG_THRESHOLD


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and value != value) or (
        isinstance(value, str) and not value.strip()) or str(value) in ("<NA>", "NaT")


def allowed_text(kind: str) -> str:
    """The allowed values of an annotation, as a sentence fragment.

    Examples
    --------
    >>> allowed_text("strength")
    '1 (barely), 2 (acquaintance), 3 (good contact), 4 (close)'
    """
    if kind == "strength":
        return ", ".join(f"{k} ({gettext(v[0])})" for k, v in STRENGTH_SCALE.items())
    if kind == "context":
        return ", ".join(CONTEXTS)
    if kind == "sector":
        return ", ".join(SECTORS) + f", {UNKNOWN}"
    if kind == "region":
        return ", ".join(REGIONS)
    if kind == "generation":
        from .annotate import generation_label
        return _t(N_("a birth decade from {first} to {last} (or a birth year)"),
                  first=generation_label(GENERATIONS[0]), last=generation_label(GENERATIONS[-1]))
    raise KeyError(kind)


def _suggest(value, choices) -> str:
    close = difflib.get_close_matches(fold(value), [fold(c) for c in choices], n=1, cutoff=0.6)
    if not close:
        return ""
    original = {fold(c): c for c in choices}[close[0]]
    return " " + _t(N_("Did you mean {value}?"), value=repr(original))


def check_strength(value):
    """A strength step 1-4 from a number or a label; ``None`` if empty.

    Raises ``ValueError`` naming the allowed values.

    Examples
    --------
    >>> check_strength("3"), check_strength(2.0), check_strength("close"), check_strength("")
    (3, 2, 4, None)
    >>> check_strength(7)
    Traceback (most recent call last):
    ...
    weakties.audit.schema.BadValue: 7 is not a strength: use 1 (barely), 2 (acquaintance), 3 (good contact), 4 (close).
    """
    if _missing(value):
        return None
    text = fold(value)
    for step, (label, _) in STRENGTH_SCALE.items():
        if text == fold(label):
            return step
    for step, (label, _) in STRENGTH_SCALE.items():  # the French labels too ("proche")
        if text == fold(gettext(label, "fr")):
            return step
    try:
        number = float(str(value).strip().replace(",", "."))
    except ValueError:
        number = None
    if number is not None and number.is_integer() and int(number) in STRENGTH_SCALE:
        return int(number)
    raise BadValue(_t(N_("{value} is not a strength: use {allowed}."),
                      value=repr(value) if isinstance(value, str) else value,
                      allowed=allowed_text("strength")), "strength")


def check_context(value):
    """A context code (how you met) from a code, an English or French label; ``None`` if empty.

    Examples
    --------
    >>> check_context("Former colleague"), check_context("école"), check_context("")
    ('former_colleague', 'school', None)
    """
    if _missing(value):
        return None
    text = fold(value)
    code = text.replace(" ", "_")
    if code in CONTEXTS:
        return code
    for c, label in CONTEXT_LABELS.items():
        if text in (fold(label), fold(gettext(label, "fr"))):
            return c
    if text in _CONTEXT_ALIASES:
        return _CONTEXT_ALIASES[text]
    hint = _suggest(value, CONTEXTS)
    raise BadValue(_t(N_("{value} is not a way of meeting: use one of {allowed}."),
                      value=repr(value), allowed=allowed_text("context")) + hint,
                   "context", hint)


def check_sector(value):
    """A sector of the population (or ``"unknown"``); ``None`` if empty.

    Examples
    --------
    >>> check_sector("culture & media"), check_sector("Unknown"), check_sector(None)
    ('Culture & media', 'unknown', None)
    """
    if _missing(value):
        return None
    text = fold(value)
    for s in SECTORS + (UNKNOWN,):
        if text == fold(s):
            return s
    hint = _suggest(value, SECTORS)
    raise BadValue(_t(N_("{value} is not a sector: use one of {allowed}."), value=repr(value),
                      allowed=allowed_text("sector")) + hint, "sector", hint)


def check_region(value):
    """A region of France (or ``"Abroad"``), accents and case ignored; ``None`` if empty.

    Examples
    --------
    >>> check_region("ile-de-france"), check_region("Bretagne"), check_region("étranger")
    ('Île-de-France', 'Bretagne', 'Abroad')
    """
    if _missing(value):
        return None
    text = fold(value)
    for r in REGIONS:
        if text == fold(r):
            return r
    if text in _REGION_ALIASES:
        return _REGION_ALIASES[text]
    hint = _suggest(value, REGIONS)
    raise BadValue(_t(N_("{value} is not a region: use one of {allowed}."), value=repr(value),
                      allowed=allowed_text("region")) + hint, "region", hint)


def check_generation(value):
    """A birth decade label (``"1980s"``) from a label or a birth year; ``None`` if empty.

    Examples
    --------
    >>> check_generation("1980s"), check_generation(1987), check_generation("années 90")
    ('1980s', '1980s', '1990s')
    """
    if _missing(value):
        return None
    text = fold(value)
    m = re.fullmatch(r"(?:annees\s+)?(\d{4}|\d{2})\s*s?(?:\s+0)?", text.replace(" 0", ""))
    if m:
        digits = m.group(1)
        year = int(digits) if len(digits) == 4 else (1900 + int(digits) if int(digits) >= 20
                                                     else 2000 + int(digits))
        label = f"{year // 10 * 10}s"
        if label in GENERATIONS:
            return label
    raise BadValue(_t(N_("{value} is not a generation: use {allowed}."), value=repr(value),
                      allowed=allowed_text("generation")), "generation")
