"""Saved annotations: next to the export, keyed by pseudonym only, merged back on reading."""

from __future__ import annotations

import pandas as pd
import pytest

from weakties.audit import (SAMPLE_ANNOTATIONS, SAMPLE_EXPORT, AuditInputError, AuditWarning,
                            annotations_path, load_annotations, read_linkedin,
                            with_annotations)
from weakties.audit.store import SUFFIX, save_annotations

from audit_support import KEY, PEOPLE, export_text, leaks, unchanged, write_export


@pytest.fixture
def contacts(tmp_path):
    return read_linkedin(write_export(tmp_path, export_text()), secret=KEY)


def annotations_for(contacts, **columns):
    df = pd.DataFrame(columns, index=pd.Index(contacts["contact"][: len(next(iter(
        columns.values())))], name="contact"))
    return df


def test_path_is_next_to_the_export(tmp_path, contacts):
    assert annotations_path(contacts) == tmp_path / ("Connections" + SUFFIX)


def test_sample_annotations_live_in_the_private_folder(private_config):
    path = annotations_path(read_linkedin(SAMPLE_EXPORT))
    assert path.parent == private_config / "sample-audit"


def test_a_table_without_origin_needs_a_path(contacts):
    bare = contacts.copy()
    bare.attrs = {}
    with pytest.raises(AuditInputError, match="pass path="):
        annotations_path(bare)


def test_round_trip_and_only_pseudonyms_in_the_file(tmp_path, contacts):
    a = annotations_for(contacts, strength=[3, None, 1], context=["school", None, "online"],
                        sector=[None, None, "Health"], region=["Bretagne", None, None],
                        generation=[None, None, "1980s"])
    path = save_annotations(a, annotations_path(contacts))
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "contact,strength,context,sector,region,generation"
    assert len(text.splitlines()) == 3          # the empty row is left out
    assert leaks(text) == []
    for company in (p["company"] for p in PEOPLE if p["company"]):
        assert company not in text
    back = load_annotations(path)
    assert list(back.index) == sorted([contacts.loc[0, "contact"], contacts.loc[2, "contact"]])
    assert back.loc[contacts.loc[0, "contact"], "strength"] == 3
    assert back.loc[contacts.loc[2, "contact"], "sector"] == "Health"


def test_saving_refuses_keys_that_are_not_pseudonyms(tmp_path):
    a = pd.DataFrame({"strength": [2]}, index=pd.Index(["Zéphyrine Quillebœuf"], name="contact"))
    with pytest.raises(ValueError, match="keyed by pseudonym"):
        save_annotations(a, tmp_path / "a.csv")
    assert not (tmp_path / "a.csv").exists()


def test_missing_file_is_an_empty_table(tmp_path):
    a = load_annotations(tmp_path / "none.csv")
    assert a.empty and list(a.columns) == ["strength", "context", "sector", "region",
                                           "generation"]


def test_edited_file_with_bad_values_is_reported(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("contact,strength,context,sector,region,generation\n"
                    "C-0123abcd,9,school,,,\nZéphyrine,1,,,,\n", encoding="utf-8")
    with unchanged(path), pytest.raises(AuditInputError) as info:
        load_annotations(path)
    message = str(info.value)
    assert "row 2, column 'strength'" in message and "row 3, column 'contact'" in message
    assert "Zéphyrine" not in message


def test_with_annotations_merges_and_keeps_the_input(tmp_path, contacts):
    before = contacts.copy()
    a = annotations_for(contacts, strength=[4, 2], context=["friend", "event"],
                        sector=["Education", None], region=[None, "Occitanie"],
                        generation=["1990s", None])
    merged = with_annotations(contacts, a)
    pd.testing.assert_frame_equal(contacts, before)
    assert merged.loc[0, "strength"] == 4 and merged.loc[1, "strength"] == 2
    assert pd.isna(merged.loc[2, "strength"])
    assert merged.loc[0, "sector"] == "Education" and merged.loc[0, "sector_guess"] == "Finance"
    assert merged.loc[1, "sector"] == "Consulting"      # not annotated: the guess
    assert merged.loc[1, "region"] == "Occitanie"
    assert merged.attrs == contacts.attrs


def test_with_annotations_reads_the_saved_file_by_default(contacts):
    a = annotations_for(contacts, strength=[1])
    save_annotations(a, annotations_path(contacts))
    assert with_annotations(contacts).loc[0, "strength"] == 1


def test_annotations_from_another_secret_are_reported(tmp_path, contacts):
    other = read_linkedin(tmp_path / "Connections.csv", secret=b"x" * 32)
    save_annotations(annotations_for(other, strength=[2, 3]), annotations_path(other))
    with pytest.warns(AuditWarning, match="2 saved annotations match no contact"):
        merged = with_annotations(contacts)
    assert merged["strength"].isna().all()


def test_sample_annotations_match_the_sample(private_config):
    contacts = read_linkedin(SAMPLE_EXPORT)
    shipped = load_annotations(SAMPLE_ANNOTATIONS)
    assert shipped.index.isin(contacts["contact"]).all()
    assert 0.5 < len(shipped) / len(contacts) < 0.9
    merged = with_annotations(contacts)
    # The shipped file was copied to the learner's folder, not modified in place.
    assert (private_config / "sample-audit" / ("Connections" + SUFFIX)).exists()
    assert int(merged["strength"].notna().sum()) == int(shipped["strength"].notna().sum())
