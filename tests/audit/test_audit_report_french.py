"""The audit's report and action plan in French (issue 16): no English sentence outside data."""

from __future__ import annotations

import html
import re

import pytest

from weakties import i18n
from weakties.audit import SAMPLE_EXPORT, read_linkedin, report
from weakties.audit.report import GOALS
from weakties.audit.sectors import SECTORS
from weakties.audit.store import with_annotations

ENGLISH = {"the", "and", "with", "your", "you", "this", "that", "of", "which", "when", "is",
           "are", "to", "from", "for", "in", "on", "by", "not", "yet", "who", "them",
           "reference", "share", "contacts", "measure", "world", "worlds", "goal", "ties"}
# "contacts" is also French: it is checked through the other words of its sentences.
ENGLISH -= {"contacts"}
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
#: Titles of English sources keep their original wording (BRIEF: sources keep their titles).
TITLES = ("The strength of weak ties", "A causal test of the strength of weak ties",
          "Structural holes and good ideas", "Birds of a feather",
          "Inequality and Heterogeneity", "American Journal of Sociology",
          "Annual Review of Sociology", "Science")


@pytest.fixture(scope="module")
def contacts(tmp_path_factory):
    import os

    os.environ["WEAKTIES_CONFIG_DIR"] = str(tmp_path_factory.mktemp("config"))
    try:
        yield with_annotations(read_linkedin(SAMPLE_EXPORT))
    finally:
        del os.environ["WEAKTIES_CONFIG_DIR"]


def _prose(r, text: str) -> str:
    """``text`` without data: contacts' companies, positions, sectors, pseudonyms, titles."""
    text = html.unescape(re.sub(r"<style.*?</style>|<[^>]+>", " ", text, flags=re.S))
    data = set(TITLES) | set(SECTORS) | {"weakties.population", "LinkedIn", "Blau"}
    for col in ("company", "position", "contact"):
        data |= {str(v) for v in r.bridges[col] if v}
    data |= {str(v) for v in r.worlds["world"]}
    for value in sorted(data, key=len, reverse=True):
        text = text.replace(value, " ")
    return text


def _english(text: str) -> set:
    return {w for w in WORD.findall(text.lower()) if w in ENGLISH}


@pytest.mark.parametrize("goal", sorted(GOALS))
def test_french_plan_has_no_english_sentence(contacts, goal):
    i18n.set_language("fr")
    try:
        r = report(contacts, goal=goal, targets={"sectors": ["Health"]})
        page = r.plan()._repr_html_()
        text = repr(r)
    finally:
        i18n.set_language(None)
    assert "Plan d'action" in html.unescape(page) and "Bilan de réseau" in page
    assert not _english(_prose(r, page)), sorted(_english(_prose(r, page)))
    assert not _english(_prose(r, text)), sorted(_english(_prose(r, text)))
    # French numbers: a share is written "17 %", never "17%"
    assert not re.search(r"\d%", page)


def test_french_pictures_are_described_in_french(contacts):
    i18n.set_language("fr")
    try:
        r = report(contacts, goal="job_search")
        texts = {name: r.describe(name) for name in ("sectors", "over_time", "ties",
                                                     "measures", "companies")}
        title = r.figure("over_time").axes[0].get_title()
        page = r.to_html()
    finally:
        i18n.set_language(None)
    assert title == "Nouveaux contacts par année"
    for name, text in texts.items():
        assert not _english(_prose(r, text)), (name, sorted(_english(_prose(r, text))))
    assert page.startswith("<!DOCTYPE html><html lang='fr'>")
    assert "Description de l'image" in html.unescape(page)
    assert not _english(_prose(r, page)), sorted(_english(_prose(r, page)))


def test_the_numbers_are_the_same_in_both_languages(contacts):
    en = report(contacts, goal="prospecting")
    i18n.set_language("fr")
    try:
        fr = report(contacts, goal="prospecting")
    finally:
        i18n.set_language(None)
    assert en.measures["you"].equals(fr.measures["you"])
    assert list(en.bridges["contact"]) == list(fr.bridges["contact"])
    assert list(en.events["format"]) == list(fr.events["format"])
    assert len(en.actions) == len(fr.actions)
    assert en.to_html().startswith("<!DOCTYPE html><html lang='en'>")


def test_linkedin_errors_and_warnings_in_french(tmp_path):
    from weakties.audit import AuditInputError
    from weakties.audit.errors import AuditWarning

    empty = tmp_path / "Connections.csv"
    empty.write_bytes(b"")
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    twice = tmp_path / "twice" / "Connections.csv"
    twice.parent.mkdir()
    row = "Ada,Martin,,,Banque Ferrand,Conseillère,15 Mar 2024\n"
    twice.write_text(header + row + row + "Léo,Petit,,,Atelier,Menuisier,someday\n",
                     encoding="utf-8")
    i18n.set_language("fr")
    try:
        with pytest.raises(AuditInputError) as caught:
            read_linkedin(empty, secret=b"a key used only by this test")
        with pytest.warns(AuditWarning) as warned:
            read_linkedin(twice, secret=b"a key used only by this test")
    finally:
        i18n.set_language(None)
    assert str(caught.value).startswith("Connections.csv est vide. Téléchargez de nouveau")
    messages = " ".join(str(w.message) for w in warned)
    assert "1\u00a0ligne en double a été retirée" in messages.replace(" ligne", "\u00a0ligne")
    assert "1 date de mise en relation n'a pas pu être lue" in messages
    assert not _english(messages.replace("Connections.csv", " "))
