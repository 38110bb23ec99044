"""course/GLOSSARY.md: one short definition per term, in order, each with the lesson that first uses it."""

import re
from pathlib import Path

from weakties.lessons.build import anchor, glossary_anchors

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "course" / "GLOSSARY.md"


def _entries():
    text = GLOSSARY.read_text(encoding="utf-8")
    return [(e.splitlines()[0].strip(), " ".join(e.splitlines()[1:]).strip())
            for e in re.split(r"^### ", text, flags=re.M)[1:]]


def test_terms_are_in_alphabetical_order_with_distinct_anchors():
    terms = [t for t, _ in _entries()]
    assert terms == sorted(terms, key=str.lower)
    assert len({anchor(t).lower() for t in terms}) == len(terms)
    assert set(glossary_anchors(GLOSSARY).values()) == {anchor(t) for t in terms}
    # JupyterLab scrolls to a heading whose id is its text, spaces made dashes: the
    # anchors must stay valid ids (no quotes or brackets in a term).
    assert all(re.fullmatch(r"[\w-]+", anchor(t)) for t in terms)


def test_every_entry_is_short_and_names_the_lesson_of_first_use():
    for term, body in _entries():
        used = re.findall(r"\*First used in lesson (\d\d)\.\*", body)
        assert len(used) == 1 and 0 <= int(used[0]) <= 11, f"{term}: first use {used}"
        definition = body.split("*First used", 1)[0].strip()
        assert 20 <= len(definition) <= 420, f"{term}: define it in one or two sentences"


def test_the_terms_the_course_needs_are_there():
    # Issue 13 names these; the others are the terms lessons 00 to 11 use.
    terms = {t.lower() for t, _ in _entries()}
    needed = {"assortativity", "constraint", "blau index", "gini index", "seed", "kernel",
              "contact", "relation", "strong tie", "weak tie", "local bridge", "broker",
              "structural hole", "homophily", "alter-ego network", "edge overlap",
              "engagement triangle", "augmented transparency", "inverted u",
              "independent cascade", "linear threshold", "warm introduction", "pseudonym"}
    assert needed <= terms, sorted(needed - terms)
