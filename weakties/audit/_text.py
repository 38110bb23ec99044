"""Small text helpers shared by the audit modules (not public)."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")
_SPACES = re.compile(r"\s+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# Name particles that are also ordinary words in company names ("Banque de France").
_PARTICLES = frozenset("de du des la le les van von der den di da do dos das del della "
                       "el al bin ben ibn mac st saint sainte y e et and of the".split())
_URL = re.compile(r"(?:https?://|www\.|\b(?:[\w-]+\.)*linkedin\.com/)[^\s<>\"]*?"
                  r"(?=[)\].,;:!?'\"]*(?:\s|$))", re.IGNORECASE)


_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss",
                            "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
                            "’": "'"})
_NON_LETTER = re.compile(r"[\W_]+")


def _plain(text) -> str:
    decomposed = unicodedata.normalize("NFKD", str(text).translate(_LIGATURES))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def fold(text) -> str:
    """Lower-case, accents removed, punctuation turned into single spaces (ASCII only).

    >>> fold("  Hôtel-de-Ville (Lyon) "), fold("Cœur"), fold(None)
    ('hotel de ville lyon', 'coeur', '')
    """
    if text is None or (isinstance(text, float) and text != text):
        return ""
    return _NON_WORD.sub(" ", _plain(text)).strip()


def fold_words(text) -> list[str]:
    """Words of a text, lower-case and without accents, in any script.

    >>> fold_words("Иван Петров-Quillebœuf")
    ['иван', 'петров', 'quilleboeuf']
    """
    if text is None or (isinstance(text, float) and text != text):
        return []
    return [w for w in _NON_LETTER.split(_plain(text)) if w]


def clean_cell(text) -> str:
    """A cell as text: NFC-normalised, whitespace collapsed, stripped ("" for missing).

    >>> clean_cell("  Banque\\u00a0Martin \\n")
    'Banque Martin'
    """
    if text is None or (isinstance(text, float) and text != text):
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", str(text))).strip()


def scrub(text: str, words=()) -> str:
    """Remove emails, web addresses and the given words (a person's names) from text.

    Freelancers often give their own name as their company ("Marie Martin
    Photographie"), and some put an email or a link in their title; these
    must not survive the reading of the file.

    >>> scrub("Marie Martin Photographie", ["Marie", "Martin"])
    '[name] Photographie'
    >>> scrub("Петров Консалтинг", ["Иван", "Петров"])
    '[name] Консалтинг'
    >>> scrub("Writer (see www.example.org or me@example.org)")
    'Writer (see [link] or [email])'
    """
    if not text:
        return text
    out = text
    low = text.lower()
    if "@" in out:
        out = _EMAIL.sub("[email]", out)
    if "http" in low or "www." in low or "linkedin" in low:
        out = _URL.sub("[link]", out)
    targets = {t for part in words for t in _word_keys(part)}
    targets = {t for t in targets if len(t) >= 2 and t not in _PARTICLES}
    if targets and targets & set(_word_keys(out)):
        def repl(match):
            return "[name]" if "".join(_word_keys(match.group(0))) in targets else match.group(0)
        out = _WORD.sub(repl, out)
        out = _NAME_RUN.sub("[name]", out)
    return clean_cell(out)


_WORD = re.compile(r"[^\W_]+")
_NAME_RUN = re.compile(r"\[name\](?:[\s'’-]+(?:[^\W\d_]{1,4}[\s'’-]+)*\[name\])+")


def _word_keys(text) -> list:
    # Never cached: the texts hold names before they are scrubbed.
    return fold_words(text)
