"""Student text made inert for a terminal: no control sequences, no rich markup.

Every string a student controls (names, file names, grade ids, reasons that
quote them) passes through :func:`inert` before a command prints it, so that
it can neither drive the instructor's terminal (colours, cursor moves, a
clipboard write through OSC 52, a changed window title, text hidden or
reversed by bidi controls) nor be read as markup by :mod:`rich`.
"""

from __future__ import annotations

import re

__all__ = ["inert", "inert_text"]

#: Escape sequences a terminal acts on: CSI (``ESC [`` ... final byte), OSC
#: (``ESC ]`` ... BEL or ST), DCS, SOS, PM and APC strings (``ESC P``, ``ESC X``,
#: ``ESC ^``, ``ESC _`` ... ST), and the two-character ``ESC x`` forms; also
#: their 8-bit forms (CSI U+009B, OSC U+009D, DCS U+0090 ...).
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"          # CSI
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])"                       # OSC, DCS, SOS, PM, APC
    r"[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"                          # ... up to BEL or ST
    r"|\x1b[\x20-\x2f]*[\x30-\x7e]?")                                  # ESC x, ESC ( B ...
#: Characters that are never shown as themselves: C0 and C1 controls, DEL, and
#: the Unicode controls that reorder or hide text (bidi embeddings, overrides
#: and isolates, the Arabic letter mark, line and paragraph separators).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
                      "\u202a-\u202e\u2066-\u2069]")
#: Replaces each control character that is not part of a sequence.
REPLACEMENT = "\ufffd"


def inert(text, *, markup: bool = False, multiline: bool = False) -> str:
    """``text`` with terminal control sequences and control characters taken out.

    Definition: escape sequences (CSI such as colours and cursor moves; OSC
    such as window titles, hyperlinks and OSC 52 clipboard writes; DCS, APC,
    PM, SOS strings) are removed whole; any other C0 or C1 control character,
    DEL, and the bidirectional controls that reorder text (U+202A to U+202E,
    U+2066 to U+2069, U+200E, U+200F, U+061C) become U+FFFD. Tabs become a
    space; line breaks become a space too unless ``multiline`` (then ``\\n``
    is kept and ``\\r`` dropped). With ``markup``, square brackets that rich
    would read as a tag are escaped (:func:`rich.markup.escape`).

    Any object is first turned into text with ``str``.

    References: ECMA-48 (control functions for coded character sets), the
    Unicode bidirectional algorithm (UAX #9), and the "Trojan Source" attacks
    (Boucher and Anderson, 2021) for why bidi controls are removed.

    Examples
    --------
    >>> inert("Ada\\x1b[2J\\x1b]52;c;ZXZpbA==\\x07 Lovelace")
    'Ada Lovelace'
    >>> inert("grade[/]id", markup=True)
    'grade\\\\[/]id'
    >>> inert("admin\\u202etxt.exe")
    'admin\\ufffdtxt.exe'
    >>> inert("two\\nlines"), inert("two\\nlines", multiline=True)
    ('two lines', 'two\\nlines')
    """
    text = "" if text is None else str(text)
    text = _SEQUENCE.sub("", text)
    text = text.replace("\t", " ")
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "")
    else:
        text = text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    text = _CONTROL.sub(REPLACEMENT, text)
    if markup:
        from rich.markup import escape

        text = escape(text)
    return text


def inert_text(text, style: str = "", *, multiline: bool = False):
    """A :class:`rich.text.Text` of ``inert(text)``: shown as it is, never read as markup.

    Examples
    --------
    >>> inert_text("[bold]x[/]").plain
    '[bold]x[/]'
    """
    from rich.text import Text

    return Text(inert(text, multiline=multiline), style=style)
