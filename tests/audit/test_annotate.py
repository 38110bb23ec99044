"""The annotation widget, driven through its handlers as a learner would use it."""

from __future__ import annotations

import json

import ipywidgets as w
import pandas as pd
import pytest

from weakties.audit import SAMPLE_EXPORT, annotate, load_annotations, read_linkedin
from weakties.audit.schema import REGIONS

from audit_support import KEY, PEOPLE, SECRETS, export_text, leaks, write_export


@pytest.fixture
def export(tmp_path):
    people = [dict(PEOPLE[i % len(PEOPLE)], first=f"{PEOPLE[i % len(PEOPLE)]['first']}{i}")
              for i in range(30)]
    return write_export(tmp_path, export_text(people))


@pytest.fixture
def contacts(export):
    return read_linkedin(export, secret=KEY)


def test_a_row_choice_is_saved_at_once_keyed_by_pseudonym(contacts, export):
    ann = annotate(contacts, page_size=5)
    row = ann.rows[0]
    row.fields["strength"].value = 3            # the learner picks "3 · good contact"
    row.fields["context"].value = "school"
    saved = load_annotations(ann.path)
    assert ann.path.parent == export.parent
    assert saved.loc[row.contact, "strength"] == 3
    assert saved.loc[row.contact, "context"] == "school"
    row.fields["context"].value = ""            # back to "—": cleared
    assert pd.isna(load_annotations(ann.path).loc[row.contact, "context"])
    assert ann.saves == 3
    assert leaks(ann.path.read_text(encoding="utf-8")) == []


def test_filter_by_company_or_title_ignores_accents_and_case(contacts):
    ann = annotate(contacts, page_size=5)
    assert ann.shown == 30
    ann.filter.value = "clinique des TILLEULS"
    assert ann.shown == 5
    assert set(contacts.set_index("contact").loc[ann.visible_contacts(), "company"]) == {
        "Clinique des Tilleuls"}
    ann.filter.value = "developpeuse"            # "Développeuse" in the titles
    assert ann.shown == 5
    ann.filter.value = "nothing like this"
    assert ann.shown == 0 and "No contact matches" in ann.status.value
    assert all(r.box.layout.display == "none" for r in ann.rows)


def test_sector_filter_and_todo_filter(contacts):
    ann = annotate(contacts, page_size=5)
    ann.sector_filter.value = "Health"
    assert ann.shown == 5
    ann.rows[0].fields["strength"].value = 2
    ann.show.value = "todo"
    assert ann.shown == 4
    ann.show.value = "done"
    assert ann.shown == 1


def test_paging(contacts):
    ann = annotate(contacts, page_size=12)
    assert ann.pages() == 3 and ann.page_label.value == "Page 1 of 3"
    assert ann.previous_button.disabled
    first_page = [r.contact for r in ann.rows]
    ann.next_button.click()
    ann.next_button.click()
    assert ann.page == 2 and ann.next_button.disabled
    last = [r.contact for r in ann.rows if r.contact]
    assert len(last) == 6 and not set(last) & set(first_page)
    assert sum(r.box.layout.display == "none" for r in ann.rows) == 6
    ann.next_button.click()                      # nothing beyond the last page
    assert ann.page == 2
    ann.previous_button.click()
    assert ann.page == 1


def test_turning_pages_does_not_save_or_change_values(contacts):
    ann = annotate(contacts, page_size=5)
    ann.rows[0].fields["strength"].value = 4
    saves = ann.saves
    ann.next_button.click()
    ann.previous_button.click()
    assert ann.saves == saves
    assert ann.rows[0].fields["strength"].value == 4


def test_bulk_tagging_the_filtered_contacts(contacts):
    ann = annotate(contacts, page_size=5)
    ann.filter.value = "Capgemini"
    shown = ann.visible_contacts()
    ann.bulk["context"].value = "former_colleague"
    ann.bulk["region"].value = "Auvergne-Rhône-Alpes"
    ann.apply_button.click()
    table = ann.annotated.set_index("contact")
    assert set(table.loc[shown, "context"]) == {"former_colleague"}
    assert set(table.loc[shown, "region"]) == {"Auvergne-Rhône-Alpes"}
    others = table.drop(index=shown)
    assert others["context"].isna().all()
    saved = load_annotations(ann.path)
    assert set(saved.index) == set(shown)
    assert "Set how met = former_colleague, region = Auvergne-Rhône-Alpes for 5" in \
        ann.status.value
    # The bulk choices reset to "(keep)" so a second click does nothing by surprise.
    assert all(dd.value is None for dd in ann.bulk.values())
    ann.apply_button.click()
    assert "Choose at least one value" in ann.status.value


def test_bulk_clear(contacts):
    ann = annotate(contacts, page_size=5)
    ann.bulk["strength"].value = 2
    ann.apply_button.click()
    assert ann.done == 30
    ann.bulk["strength"].value = ""
    ann.apply_button.click()
    assert ann.done == 0


def test_resuming_loads_the_saved_annotations(contacts):
    first = annotate(contacts, page_size=5)
    first.rows[1].fields["generation"].value = "1970s"
    first.rows[2].fields["strength"].value = 1
    second = annotate(read_linkedin(first.path.with_name("Connections.csv"), secret=KEY),
                      page_size=5)
    assert second.rows[1].fields["generation"].value == "1970s"
    assert second.rows[2].fields["strength"].value == 1
    assert second.done == 1
    assert "1 of 30 contacts annotated" in second.progress.value


def test_annotated_table_feeds_the_report(contacts):
    from weakties.audit import report

    ann = annotate(contacts, page_size=5)
    ann.bulk["strength"].value = 2
    ann.apply_button.click()
    r = report(ann, goal="job_search")
    assert r.measures.set_index("measure").loc["annotated_share", "you"] == 1.0


def test_set_checks_values(contacts):
    ann = annotate(contacts)
    c = contacts.loc[0, "contact"]
    ann.set(c, strength="close", region="ile-de-france")
    assert ann.annotated.loc[0, "strength"] == 4 and ann.annotated.loc[0, "region"] == REGIONS[0]
    with pytest.raises(ValueError, match="not a strength"):
        ann.set(c, strength=9)
    with pytest.raises(KeyError, match="not one of these contacts"):
        ann.set("C-00000000", strength=1)
    with pytest.raises(KeyError, match="cannot annotate 'name'"):
        ann.set(c, name="x")


def test_widget_state_holds_no_personal_data(contacts):
    ann = annotate(contacts, page_size=30)
    ann.rows[0].fields["strength"].value = 2
    state = json.dumps(w.Widget.get_manager_state(drop_defaults=False), default=str)
    assert contacts.loc[0, "contact"] in state          # the state is really there...
    assert "Banque Marivaux" in state
    assert leaks(state) == []                             # ...but no name, email or URL
    assert leaks(ann.progress.value + ann.status.value) == []
    for secret in SECRETS:
        assert secret not in repr(ann.annotated.attrs)


def test_poke_exercises_every_control_and_restores_the_file(contacts):
    ann = annotate(contacts, page_size=5)
    ann.rows[0].fields["strength"].value = 3
    before = ann.path.read_bytes()
    assert ann.poke() == []
    assert ann.path.read_bytes() == before
    assert ann.done == 1


def test_poke_is_part_of_the_lesson_widget_exercise(contacts):
    from weakties import widgets

    ann = annotate(contacts, page_size=5)
    report = widgets.exercise_all([ann])
    assert report["Annotator"] == 1 and report["problems"] == []


def test_the_sample_starts_from_the_shipped_annotations(private_config):
    ann = annotate(read_linkedin(SAMPLE_EXPORT))
    assert ann.path.parent == private_config / "sample-audit"
    assert 150 < ann.done < 250


def test_bad_arguments(contacts):
    with pytest.raises(TypeError, match="read_linkedin"):
        annotate([1, 2, 3])
    with pytest.raises(ValueError, match="page_size"):
        annotate(contacts, page_size=0)
