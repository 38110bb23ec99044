"""The annotation widget in French (issue 16): labels, choices and messages, no English key."""

from __future__ import annotations

import html
import re

import pytest

from weakties import i18n
from weakties.audit import annotate, read_linkedin
from weakties.audit.schema import CONTEXTS

from audit_support import KEY, PEOPLE, export_text, write_export

ENGLISH = {"the", "and", "with", "your", "you", "this", "that", "of", "which", "when", "is",
           "are", "set", "for", "shown", "choose", "first", "how", "met", "well",
           "page", "next", "previous", "filter", "show", "all", "not", "yet"}
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")


@pytest.fixture
def french():
    i18n.set_language("fr")
    yield
    i18n.set_language(None)


@pytest.fixture
def contacts(tmp_path):
    people = [dict(PEOPLE[i % len(PEOPLE)], first=f"{PEOPLE[i % len(PEOPLE)]['first']}{i}")
              for i in range(30)]
    return read_linkedin(write_export(tmp_path, export_text(people)), secret=KEY)


def _visible_text(ann) -> str:
    parts = [ann.filter.description, ann.filter.placeholder, ann.show.description,
             ann.sector_filter.description, ann.previous_button.description,
             ann.next_button.description, ann.apply_button.description,
             ann.page_label.value, ann.progress.value]
    parts += [label for label, _ in ann.show.options]
    for dd in ann.bulk.values():
        parts.append(dd.description)
        parts += [label for label, _ in dd.options]
    return html.unescape(re.sub(r"<[^>]+>", " ", " ".join(str(p) for p in parts)))


def test_widget_speaks_french(contacts, french):
    ann = annotate(contacts, page_size=5)
    text = _visible_text(ann)
    found = {w for w in WORD.findall(text.lower()) if w in ENGLISH}
    # 'page' is also French ("Page 1 sur 6"): only the English words that are not French count
    assert not found - {"page"}, found
    assert ann.next_button.description == "Suivant"
    assert re.fullmatch(r"Page 1 sur \d+", ann.page_label.value)
    contexts = [label for label, _ in ann.bulk["context"].options]
    assert "ancien collègue" in contexts and "former_colleague" not in contexts
    assert not (set(CONTEXTS) - {"client"}) & set(contexts)  # no key shown ("client" is French)
    generations = [label for label, _ in ann.bulk["generation"].options if label]
    assert "années 1980" in generations


def test_bulk_message_names_values_by_their_french_labels(contacts, french):
    ann = annotate(contacts, page_size=5)
    ann.filter.value = "Capgemini"
    ann.bulk["context"].value = "former_colleague"
    ann.bulk["generation"].value = "1980s"
    ann.apply_button.click()
    status = html.unescape(ann.status.value)
    assert "rencontre = ancien collègue" in status and "génération = années 1980" in status
    assert "former_colleague" not in status
    ann.apply_button.click()
    assert "Choisissez d'abord au moins une valeur" in html.unescape(ann.status.value)
    # the stored values are the keys, in every language
    assert set(ann.annotated.dropna(subset=["context"])["context"]) == {"former_colleague"}


def test_sheet_values_in_french_are_read_and_bad_ones_explained_in_french(french):
    from weakties.audit.schema import BadValue, check_context, check_generation, check_strength

    assert check_strength("proche") == 4 and check_strength("Bon contact") == 3
    assert check_context("ancien collègue") == "former_colleague"
    with pytest.raises(BadValue) as caught:
        check_strength(7)
    assert str(caught.value) == ("7 n'est pas une force de lien\u00a0: utilisez 1 (à peine), "
                                 "2 (connaissance), 3 (bon contact), 4 (proche).")
    with pytest.raises(BadValue) as caught:
        check_generation("hier")
    assert "des années 1930 aux années 2010" in str(caught.value)
