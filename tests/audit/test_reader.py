"""read_network picks the right reader for the sample, an export or a contact sheet."""

import pytest

from weakties.audit import AuditInputError, read_network

from audit_support import KEY, export_text, unchanged, write_export


def test_sample():
    df = read_network("sample")
    assert df.attrs["weakties"]["sample"] and len(df) == 300
    assert len(read_network(None)) == 300


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_linkedin_export(tmp_path, lang):
    path = write_export(tmp_path, export_text(lang=lang, dates=lang), name="export.csv")
    with unchanged(path):
        df = read_network(path, secret=KEY)
    assert df.attrs["weakties"]["source"] == "linkedin" and len(df) == 6


def test_contact_sheets(tmp_path):
    import openpyxl

    csv_path = tmp_path / "mine.csv"
    csv_path.write_text("name,company,strength\nAna Diaz,Banque,2\n", encoding="utf-8")
    assert read_network(csv_path, secret=KEY).attrs["weakties"]["source"] == "sheet"
    wb = openpyxl.Workbook()
    wb.active.append(["name", "context"])
    wb.active.append(["Ana Diaz", "school"])
    wb.save(tmp_path / "mine.xlsx")
    assert read_network(tmp_path / "mine.xlsx", secret=KEY).loc[0, "context"] == "school"


def test_anything_else_gets_the_linkedin_message(tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text("month,amount\nJan,1\n", encoding="utf-8")
    with pytest.raises(AuditInputError, match="is it Connections.csv"):
        read_network(path)
