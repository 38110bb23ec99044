"""The message catalogs: extraction keeps translations, check names what is missing, lookup falls back."""

import textwrap
from pathlib import Path

import pytest

from weakties import i18n, translations


def _project(tmp_path, source):
    pkg = tmp_path / "weakties"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "quiz.py").write_text(textwrap.dedent(source))
    (tmp_path / "grader").mkdir()
    return tmp_path, tmp_path / "locale"


def _po(locale, module="weakties.quiz"):
    return translations.po_path(module, "fr", locale)


def _set(po: Path, msgid: str, msgstr: str):
    text = po.read_text(encoding="utf-8")
    old = f'msgid "{msgid}"\nmsgstr ""'
    assert old in text, f"{msgid!r} is not an untranslated entry of {po}"
    po.write_text(text.replace(old, f'msgid "{msgid}"\nmsgstr "{msgstr}"'), encoding="utf-8")


SOURCE = '''
from weakties.i18n import N_
QUESTION = N_("Which tie is strong?")
LABEL = N_("{n} ties")
NOT_MARKED = "left alone"
'''


def test_extract_writes_one_po_file_per_marking_module(tmp_path):
    root, locale = _project(tmp_path, SOURCE)
    written = translations.update(root, locale)
    assert written == [_po(locale)]
    text = _po(locale).read_text(encoding="utf-8")
    assert 'msgid "Which tie is strong?"' in text and 'msgid "{n} ties"' in text
    assert "left alone" not in text
    assert translations.update(root, locale) == [], "a second run must change nothing"


def test_check_names_each_untranslated_string_then_passes(tmp_path):
    root, locale = _project(tmp_path, SOURCE)
    assert any("missing" in p for p in translations.problems(root, locale))
    translations.update(root, locale)
    found = translations.problems(root, locale)
    assert len(found) == 2 and all("has no translation" in p for p in found)
    _set(_po(locale), "Which tie is strong?", "Quel lien est fort ?")
    _set(_po(locale), "{n} ties", "{n} liens")
    assert translations.problems(root, locale) == []


def test_check_refuses_a_translation_that_loses_a_placeholder(tmp_path):
    root, locale = _project(tmp_path, SOURCE)
    translations.update(root, locale)
    _set(_po(locale), "Which tie is strong?", "Quel lien est fort ?")
    _set(_po(locale), "{n} ties", "des liens")
    (problem,) = translations.problems(root, locale)
    assert "placeholders" in problem and "'n'" in problem


def test_extract_keeps_translations_and_keeps_a_removed_string_as_obsolete(tmp_path):
    root, locale = _project(tmp_path, SOURCE)
    translations.update(root, locale)
    _set(_po(locale), "Which tie is strong?", "Quel lien est fort ?")
    (root / "weakties" / "quiz.py").write_text(
        'from weakties.i18n import N_\nQUESTION = N_("Which tie is strong?")\n'
        'NEW = N_("A new string")\n')
    translations.update(root, locale)
    text = _po(locale).read_text(encoding="utf-8")
    assert 'msgstr "Quel lien est fort ?"' in text, "a translation was lost"
    assert 'msgid "A new string"' in text
    assert '#~ msgid "{n} ties"' in text, "a removed string must stay as obsolete"


def test_catalog_compiles_translations_and_leaves_the_rest_in_english(tmp_path):
    root, locale = _project(tmp_path, SOURCE)
    translations.update(root, locale)
    _set(_po(locale), "Which tie is strong?", "Quel lien est fort ?")
    cat = translations.catalog("fr", locale)
    assert cat.gettext("Which tie is strong?") == "Quel lien est fort ?"
    assert cat.gettext("{n} ties") == "{n} ties"


def test_the_course_catalogs_are_in_step_with_the_marked_strings():
    """Every module that marks strings has its French PO file, holding every marked string."""
    stale = [p for p in translations.problems()
             if "missing" in p or "is not in the file" in p]
    assert not stale, ("run .venv/bin/python -m weakties.translations extract:\n"
                       + "\n".join(stale[:10]))


def test_gettext_uses_the_course_catalog():
    marked = translations.marked_modules()
    assert "weakties.lessons.job_search" in marked
    with pytest.raises(ValueError, match="unknown language"):
        i18n.gettext("Run", lang="de")
    assert i18n.gettext("No such string in any catalog", lang="fr") == \
        "No such string in any catalog"
