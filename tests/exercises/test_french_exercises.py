"""The French edition of the exercises cannot drift from the English one.

For every English assignment ``exercises/NN-slug/`` there is a French one,
``exercises/NN-nom/`` (built from ``exercises/.sources/fr/NN-nom.py``), whose
notebook metadata names the English assignment it translates. The two have the
same cells (ids, types, nbgrader grade ids, points, locked and solution flags)
and the same code: code cells are compared as Python syntax trees with every
string constant blanked and comments gone, so only the words may differ. The
one line a French notebook adds is ``weakties.i18n.set_language("fr")`` in its
setup cell, so that the library's messages (the checks' expected / found /
hint) are French in the learner's kernel and in the grader's judge, which runs
the setup cell too.

Both editions give a learner the same data: the French code passes the English
assignment's name to ``ex.my_population`` and ``ex.my_person`` (the seed), and a
test runs both setup cells for the same learner.

The French edition is verified like the English one by
``test_assignments.py`` (every folder is an assignment): conventions, solution
full marks, blank zero, the English assignment's recorded mistakes (applied by
grade id) strictly in between.
"""

from __future__ import annotations

import ast
import contextlib
import io
import re

import nbformat
import pytest

import exercise_harness as h

ENGLISH = h.english_assignments()
FRENCH = {h.edition(a)[1]: a for a in h.assignments() if h.edition(a)[0] == "fr"}
SET_LANGUAGE = 'weakties.i18n.set_language("fr")'
#: Frequent English words that no French sentence holds (outside code spans and proper names).
ENGLISH_WORDS = ("the", "and", "with", "your", "you", "this", "that", "which", "when", "what",
                 "is", "are", "of", "for", "from", "not", "each", "every", "how", "here")


class _Blank(ast.NodeTransformer):
    """Blank every string constant (and f-string), so that only the code's structure is left."""

    def visit_Constant(self, node):
        if isinstance(node.value, str):
            return ast.copy_location(ast.Constant("…"), node)
        return node

    def visit_JoinedStr(self, node):
        return ast.copy_location(ast.Constant("…"), node)


def code_shape(source: str, drop=()) -> str:
    """The code of a cell without its words: comments, strings and the statements ``drop``."""
    tree = ast.parse(source)
    drop = {ast.dump(ast.parse(d).body[0]) for d in drop}
    tree.body = [s for s in tree.body if ast.dump(s) not in drop]
    return ast.dump(_Blank().visit(tree))


def _cells(nb):
    return [(c.get("id"), c.cell_type, (c.metadata.get("nbgrader") or {})) for c in nb.cells]


def test_every_english_exercise_has_a_french_edition():
    missing = [a for a in ENGLISH if a not in FRENCH]
    assert not missing, ("no French edition (exercises/.sources/fr/NN-nom.py, built with "
                         f"`python exercises/.sources/build.py`) for: {', '.join(missing)}")


def test_french_names_follow_the_english_numbers():
    for english, french in FRENCH.items():
        assert english in ENGLISH, f"{french} translates {english}, which is not an exercise"
        assert french[:3] == english[:3], f"{french} translates {english}: same number expected"
        assert french != english


def test_the_code_shape_sees_code_but_not_words():
    # The comparison must be able to fail on code, and must ignore words.
    a = 'ex.check_equal("n", n, 3, what="your ties")  # a comment'
    b = 'ex.check_equal("n", n, 3, what="vos liens")  # un commentaire'
    assert code_shape(a) == code_shape(b)
    assert code_shape(a) != code_shape(a.replace("3", "4"))
    assert code_shape(a) != code_shape(a.replace("what=", "hint="))
    assert code_shape(f'x = f"{{n}} ties"') == code_shape(f'x = f"{{n}} liens de {{m}}"')


@pytest.mark.parametrize("english", sorted(FRENCH))
def test_french_cells_match_the_english(english):
    french = FRENCH[english]
    en, fr = h.load_source(english), h.load_source(french)
    assert fr.metadata["weakties"] == {"lang": "fr", "edition_of": english}
    assert "weakties" not in en.metadata
    assert _cells(fr) == _cells(en), f"{french} and {english} differ in their cells or metadata"
    setup = next(i for i, c in enumerate(en.cells) if c.cell_type == "code")
    assert SET_LANGUAGE in fr.cells[setup].source, \
        f"the setup cell of {french} must set the language: {SET_LANGUAGE}"
    for i, (a, b) in enumerate(zip(en.cells, fr.cells)):
        if a.cell_type != "code":
            continue
        drop = (SET_LANGUAGE,) if i == setup else ()
        assert code_shape(h.strip_markers(b.source), drop) == \
            code_shape(h.strip_markers(a.source)), (
            f"cell {a.get('id')}: the code of {french} differs from {english} (beyond words)")
        # Hidden tests and solutions stay where they are.
        assert (h.BEGIN_HIDDEN in a.source) == (h.BEGIN_HIDDEN in b.source), a.get("id")
        assert (h.BEGIN_SOLUTION in a.source) == (h.BEGIN_SOLUTION in b.source), a.get("id")


@pytest.mark.parametrize("english", sorted(FRENCH))
def test_a_learner_gets_the_same_data_in_both_languages(english):
    from weakties import i18n

    found = {}
    for assignment in (english, FRENCH[english]):
        nb = h.load_source(assignment)
        setup = next(c for c in nb.cells if c.cell_type == "code")
        ns: dict = {}
        with h.learner_folder(h.LEARNERS[1]), contextlib.redirect_stdout(io.StringIO()):
            try:
                exec(compile(setup.source, f"<{assignment} setup>", "exec"), ns)
            finally:
                i18n.set_language(None)
        found[assignment] = (sorted(ns["G"].edges), ns["me"], ns.get("example"),
                             ns["ASSIGNMENT"])
    a, b = found.values()
    assert a[3] == b[3] == english, "the French code must pass the English name (the seed)"
    assert a[0] == b[0], "the two editions build different populations"
    assert a[1:3] == b[1:3], "the two editions choose different people"


def _constants(nb) -> set:
    """The string constants of a notebook's code (keys, options, column names: data)."""
    found = set()
    for c in nb.cells:
        if c.cell_type == "code":
            for node in ast.walk(ast.parse(h.strip_markers(c.source))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    found.add(node.value)
    return found


#: A value quoted in a message ('not followed'), after a character that is not a letter (so
#: that the French apostrophe of "l'événement" is not taken for a quote).
_QUOTED = re.compile(r"(?<![^\W\d_])'[a-z_ ]+'")


def _words(nb, data=frozenset()) -> list[str]:
    """The words a learner reads: markdown outside code spans, comments and texts in code
    (without the constants in ``data``, which the code uses as keys or options)."""
    out = []
    for c in nb.cells:
        if c.cell_type == "markdown":
            text = re.sub(r"```.*?```", " ", c.source, flags=re.S)
            out.append(re.sub(r"`[^`]*`", " ", text))
            continue
        source = h.strip_markers(c.source)
        out += re.findall(r"#\s*(.*)", source)
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and " " in node.value and node.value not in data:
                out.append(_QUOTED.sub(" ", node.value))
    return out


def english_sentences(nb, data=frozenset()) -> list[str]:
    found = []
    pattern = re.compile(r"\b(" + "|".join(ENGLISH_WORDS) + r")\b", re.I)
    for text in _words(nb, data):
        for hit in pattern.finditer(text):
            found.append(text[max(0, hit.start() - 30):hit.end() + 30].replace("\n", " "))
    return found


def test_the_english_detector_finds_english():
    en = h.load_source(ENGLISH[0])
    assert len(english_sentences(en)) > 20


@pytest.mark.parametrize("english", sorted(FRENCH))
def test_no_english_sentence_in_the_french_edition(english):
    # Keys and options the code shares with the English edition ("not followed") are data.
    shared = _constants(h.load_source(english)) & _constants(h.load_source(FRENCH[english]))
    found = english_sentences(h.load_source(FRENCH[english]), shared)
    assert not found, f"{FRENCH[english]} still shows English: {found[:8]}"


@pytest.mark.parametrize("english", sorted(FRENCH))
def test_french_typography(english):
    nb = h.load_source(FRENCH[english])
    for c in nb.cells:
        text = c.source if c.cell_type == "markdown" else "\n".join(_words(
            nbformat.from_dict({"cells": [c]})))
        text = re.sub(r"`[^`]*`", " ", text)
        bad = re.findall(r".{0,20}(?: [:;?!%»]|« ).{0,10}", text)
        assert not bad, f"{FRENCH[english]}, cell {c.get('id')}: ordinary space in {bad[:3]}"
