"""Facts written into a French lesson: labels translated, names kept, texts in the language.

The build writes a text fact through the message catalog (a sector, a label
marked with N_), so that a French lesson quotes "Santé" where the English
one quotes "Health", while a person's name or a place has no translation
and stays as it is; a fact given as a function of the language is written
in the language of each edition.
"""

from weakties.lessons.build import render_text


def test_a_label_fact_is_translated_and_a_name_is_kept():
    facts = {"sector": "Health", "name": "Christine Lemoine", "district": "Annecy"}
    text = "{{ name }} ({{ district }}): {{ sector }}"
    assert render_text(text, facts, lang="en")[0] == "Christine Lemoine (Annecy): Health"
    assert render_text(text, facts, lang="fr")[0] == "Christine Lemoine (Annecy): Santé"


def test_a_text_fact_written_per_language_is_written_in_each_edition():
    facts = {"ego": lambda lang=None: {"en": "A drawing", "fr": "Un dessin"}[lang or "en"]}
    assert render_text("{{ ego }}.", facts, lang="en")[0] == "A drawing."
    assert render_text("{{ ego }}.", facts, lang="fr")[0] == "Un dessin."


def test_the_sector_explorer_and_the_intensity_table_speak_french():
    import ipywidgets as widgets

    import weakties
    from weakties.lessons import job_search as js

    G = weakties.population(300, seed=1)
    ex = js.explore_change_of_sector(G, lang="fr")
    options = [o for w in ex.controls.values() if isinstance(w, widgets.Dropdown)
               for o in w.options]
    assert ("Santé", "Health") in options and ("Numérique", "Digital") in options
    table = js.intensity_table(G, lang="fr")
    assert list(table.columns) == ["demandes", "pistes", "pistes pour 100 demandes"]
    assert all("," in v and "." not in v for v in table["pistes pour 100 demandes"])
