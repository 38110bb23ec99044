"""Message catalogs of the course: one gettext catalog per module, kept with Babel.

Every learner-facing string of the library and the grader is written in
English and marked with :func:`weakties.i18n.N_` where it is defined. Its
translations live in gettext PO files, one per module that marks strings, so
that translators (and several people at once) work on small files in the
usual tools (Poedit, Weblate, a text editor)::

    weakties/locale/fr/LC_MESSAGES/weakties.lessons.job_search.po
    weakties/locale/fr/LC_MESSAGES/grader.render.feedback.po
    ...

Commands (from the project folder, with the course's Python)::

    .venv/bin/python -m weakties.translations extract   # add new strings, drop gone ones
    .venv/bin/python -m weakties.translations check     # fail on a string without translation

``extract`` reads the marked strings of every module with Babel's Python
extractor (keyword ``N_``), and updates each language's PO file: new strings
are added with an empty translation, translations of strings that are gone
are kept as obsolete entries (``#~``) at the end, so that nothing a
translator wrote is lost. ``check`` fails, naming the file and the string,
when a string has no translation, a fuzzy one, or a translation whose
``{placeholders}`` differ from the English (``"{n} ties"`` must keep
``{n}``).

At run time, :func:`catalog` compiles the PO files of a language with Babel
(in memory, once per process) into one :class:`gettext.GNUTranslations`;
:func:`weakties.i18n.gettext` looks strings up there. Nothing is compiled
by hand and no compiled file can go stale.

References
----------
.. [1] GNU gettext manual, "The Format of PO Files".
   https://www.gnu.org/software/gettext/manual/html_node/PO-Files.html
.. [2] Babel documentation, "Working with Message Catalogs".
   https://babel.pocoo.org/en/latest/messages.html
"""

from __future__ import annotations

import argparse
import gettext as _gettext
import io
import re
import string
import sys
from functools import lru_cache
from pathlib import Path

__all__ = ["ROOT", "LOCALE_DIR", "TRANSLATED", "marked_modules", "extract_module",
           "po_path", "update", "problems", "catalog", "main"]

ROOT = Path(__file__).resolve().parents[1]
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

#: The languages that have catalogs (English is the source language).
TRANSLATED = ("fr",)

#: Folders whose Python modules may mark strings.
PACKAGES = ("weakties", "grader")
KEYWORDS = {"N_": None}
_MARK = re.compile(r"\bN_\(")
HEADER = ("# Translations ({lang}) of the strings that {module} shows learners.\n"
          "# Edit the msgstr lines; keep every {{placeholder}} of the English.\n"
          "# Updated by: .venv/bin/python -m weakties.translations extract")


def marked_modules(root: Path = ROOT) -> dict:
    """``{dotted module name: path}`` of every module that marks strings with ``N_``.

    Examples
    --------
    >>> "weakties.lessons.job_search" in marked_modules()
    True
    """
    found = {}
    for package in PACKAGES:
        for path in sorted((Path(root) / package).rglob("*.py")):
            if path.name == "translations.py" or "__pycache__" in path.parts:
                continue
            if _MARK.search(path.read_text(encoding="utf-8")):
                rel = path.relative_to(root).with_suffix("")
                parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
                found[".".join(parts)] = path
    return found


def extract_module(path: Path):
    """The strings ``path`` marks, as a Babel catalog (the template of its PO files)."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_file

    template = Catalog(project="weakties", fuzzy=False)
    for lineno, message, comments, context in extract_from_file(
            "python", str(path), keywords=KEYWORDS, comment_tags=("TRANSLATORS:",),
            strip_comment_tags=True):
        if isinstance(message, tuple):  # plural forms are not used by the course
            message = message[0]
        if message:
            template.add(message, locations=[(path.name, None)],
                         auto_comments=comments, context=context)
    return template


def po_path(module: str, lang: str, locale_dir: Path = LOCALE_DIR) -> Path:
    """Where the PO file of ``module`` in ``lang`` lives."""
    return Path(locale_dir) / lang / "LC_MESSAGES" / f"{module}.po"


def _read(path: Path, lang: str):
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po

    if not path.exists():
        return Catalog(locale=lang, project="weakties", fuzzy=False)
    with open(path, "rb") as f:
        return read_po(f, locale=lang)


def _write(catalog, path: Path) -> None:
    from babel.messages.pofile import write_po

    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    write_po(buf, catalog, width=88, omit_header=False, sort_output=False,
             include_previous=False, ignore_obsolete=False)
    data = buf.getvalue()
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


def update(root: Path = ROOT, locale_dir: Path = LOCALE_DIR, langs=TRANSLATED) -> list:
    """Bring every PO file in line with the strings the modules mark; the files written."""
    modules = marked_modules(root)
    written = []
    for lang in langs:
        for module, path in modules.items():
            target = po_path(module, lang, locale_dir)
            before = target.read_bytes() if target.exists() else None
            cat = _read(target, lang)
            template = extract_module(path)
            if before is not None:  # keep the file's dates: only strings change it
                template.creation_date = cat.creation_date
            cat.header_comment = HEADER.format(module=module, lang=lang)
            cat.project, cat.version = "weakties", "1"
            cat.update(template, no_fuzzy_matching=True)
            _write(cat, target)
            if target.read_bytes() != before:
                written.append(target)
        folder = Path(locale_dir) / lang / "LC_MESSAGES"
        for stale in sorted(folder.glob("*.po")):
            if stale.stem not in modules:
                print(f"note: {stale} belongs to no module that marks strings; "
                      "remove it if the module is gone", file=sys.stderr)
    return written


def _fields(text: str) -> set:
    try:
        return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
    except ValueError:
        return {"<unbalanced braces>"}


def problems(root: Path = ROOT, locale_dir: Path = LOCALE_DIR, langs=TRANSLATED) -> list:
    """What stands between the catalogs and a complete translation, one sentence each."""
    out = []
    modules = marked_modules(root)
    for lang in langs:
        for module, path in modules.items():
            target = po_path(module, lang, locale_dir)
            marked = {m.id for m in extract_module(path) if m.id}
            if not target.exists():
                out.append(f"{target.relative_to(root)}: missing ({len(marked)} strings of "
                           f"{module}); run: .venv/bin/python -m weakties.translations extract")
                continue
            cat = _read(target, lang)
            have = {m.id: m for m in cat if m.id}
            for msgid in sorted(marked):
                m = have.get(msgid)
                where = f"{target.relative_to(root)}: {msgid[:70]!r}"
                if m is None:
                    out.append(f"{where} is not in the file; run: .venv/bin/python -m "
                               "weakties.translations extract")
                elif not m.string:
                    out.append(f"{where} has no translation")
                elif m.fuzzy:
                    out.append(f"{where} is marked fuzzy: check it and remove the flag")
                elif _fields(m.string) != _fields(msgid):
                    out.append(f"{where}: the translation's placeholders "
                               f"{sorted(_fields(m.string))} differ from the English "
                               f"{sorted(_fields(msgid))}")
    return out


@lru_cache(maxsize=None)
def catalog(lang: str, locale_dir: Path = LOCALE_DIR):
    """Every PO file of ``lang`` compiled with Babel into one gettext catalog.

    Strings without a translation (or fuzzy ones) are left out, so that they
    fall back to English.
    """
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    merged = Catalog(locale=lang, project="weakties", fuzzy=False)
    for path in sorted((Path(locale_dir) / lang / "LC_MESSAGES").glob("*.po")):
        for m in _read(path, lang):
            if m.id and m.string and not m.fuzzy:
                merged.add(m.id, m.string, context=m.context)
    buf = io.BytesIO()
    write_mo(buf, merged, use_fuzzy=False)
    buf.seek(0)
    return _gettext.GNUTranslations(buf)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m weakties.translations",
        description="Keep the course's message catalogs (gettext PO files) in step with "
                    "the strings the library and the grader mark with N_.")
    parser.add_argument("command", choices=("extract", "check"),
                        help="extract: add new strings to every PO file; check: fail on "
                             "a string without a translation")
    args = parser.parse_args(argv)
    if args.command == "extract":
        for path in update():
            print(f"wrote {path.relative_to(ROOT)}")
        return 0
    found = problems()
    for p in found:
        print(p)
    if found:
        print(f"{len(found)} problem(s): translate the strings in the PO files named above "
              "(any PO editor, or a text editor: fill msgstr).", file=sys.stderr)
        return 1
    print("every marked string has a translation")
    return 0


if __name__ == "__main__":
    sys.exit(main())
