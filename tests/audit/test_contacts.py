"""Contact sheets in CSV and Excel: the templates, French headers, clear errors by row and column."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest

from weakties.audit import (CONTACTS_TEMPLATE, CONTACTS_TEMPLATE_XLSX, AuditInputError,
                            AuditWarning, read_contacts, read_linkedin)
from weakties.audit.contacts import SHEET_HEADER
from weakties.audit.pseudonym import pseudonym
from weakties.audit.schema import COLUMNS, CONTEXTS, REGIONS

from audit_support import KEY, export_text, frame_text, leaks, unchanged, write_export

ROWS = [
    ["Zéphyrine Quillebœuf", "Banque Marivaux", "Analyste", "former colleague", "", "Bretagne",
     "1987", "3", "2025-11-02", "2016"],
    ["Barnabé Ottavioli", "", "Avocat", "client", "Consulting", "Île-de-France", "1970s",
     "close", "15/03/2024", ""],
    ["Hortense Vandermeulen", "Capgemini", "", "événement", "", "", "", "1", "", "3 mai 2022"],
]


def write_csv(path, header, rows, sep=","):
    import csv

    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=sep)
        w.writerow(header)
        w.writerows(rows)
    return path


def write_xlsx(path, header, rows, sheet="contacts"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def days(column):
    return [None if pd.isna(d) else d.date().isoformat() for d in column]


def check(df):
    assert tuple(df.columns) == COLUMNS and len(df) == 3
    assert list(df["source"]) == ["sheet"] * 3
    assert list(df["context"]) == ["former_colleague", "client", "event"]
    assert list(df["strength"]) == [3, 4, 1]
    assert list(df["region"]) == ["Bretagne", "Île-de-France", None]
    assert list(df["generation"]) == ["1980s", "1970s", None]
    assert list(df["sector"]) == ["Finance", "Consulting", "Digital"]
    assert days(df["connected_on"]) == ["2016-01-01", None, "2022-05-03"]
    assert days(df["last_contact"]) == ["2025-11-02", "2024-03-15", None]
    assert leaks(frame_text(df)) == []


def test_csv_sheet(tmp_path):
    path = write_csv(tmp_path / "mine.csv", SHEET_HEADER, ROWS)
    with unchanged(path):
        check(read_contacts(path, secret=KEY))


def test_excel_sheet_with_real_dates_and_numbers(tmp_path):
    import datetime as dt

    rows = [list(r) for r in ROWS]
    rows[0][6], rows[0][7], rows[0][8], rows[0][9] = 1987, 3, dt.datetime(2025, 11, 2), 2016
    path = write_xlsx(tmp_path / "mine.xlsx", SHEET_HEADER, rows)
    with unchanged(path):
        check(read_contacts(path, secret=KEY))


def test_french_headers_and_semicolons(tmp_path):
    header = ["Nom", "Entreprise", "Poste", "Contexte", "Secteur", "Région", "Génération",
              "Force", "Dernier contact", "Depuis"]
    path = write_csv(tmp_path / "mes-contacts.csv", header, ROWS, sep=";")
    check(read_contacts(path, secret=KEY))


def test_same_pseudonym_as_linkedin_for_the_same_person(tmp_path):
    sheet = write_csv(tmp_path / "mine.csv", SHEET_HEADER, ROWS)
    export = write_export(tmp_path, export_text())
    a = read_contacts(sheet, secret=KEY)
    b = read_linkedin(export, secret=KEY)
    assert a.loc[0, "contact"] == b.loc[0, "contact"] == pseudonym("Zéphyrine", "Quillebœuf",
                                                                    secret=KEY)


def test_first_and_last_name_columns(tmp_path):
    path = write_csv(tmp_path / "mine.csv", ["first_name", "last_name", "company"],
                     [["Zéphyrine", "Quillebœuf", "Banque Marivaux"]])
    df = read_contacts(path, secret=KEY)
    assert df.loc[0, "contact"] == pseudonym("Zéphyrine Quillebœuf", secret=KEY)


def test_without_names_rows_get_their_own_pseudonyms(tmp_path):
    path = write_csv(tmp_path / "mine.csv", ["id", "company", "strength"],
                     [["neighbour-3", "Boulangerie", "2"], ["", "Mairie", "1"], ["", "Mairie", "1"]])
    df = read_contacts(path, secret=KEY)
    assert df["contact"].is_unique and df["contact"].str.match(r"C-[0-9a-f]{8}$").all()


def test_private_columns_are_ignored_unread(tmp_path):
    header = ["name", "company", "email", "phone", "notes", "strength"]
    rows = [["Zéphyrine Quillebœuf", "Banque Marivaux", "zephyrine.quilleboeuf@example.org",
             "+33 6 12 34 56 78", "met at Barnabé Ottavioli's party", "2"]]
    df = read_contacts(write_csv(tmp_path / "mine.csv", header, rows), secret=KEY)
    assert leaks(frame_text(df)) == [] and "+33" not in frame_text(df)
    assert df.attrs["weakties"]["ignored_columns"] == ["email", "phone", "notes"]


def test_unknown_column_warns_with_a_suggestion(tmp_path):
    path = write_csv(tmp_path / "mine.csv", ["name", "company", "contxt"],
                     [["Ana Diaz", "Banque", "school"]])
    with pytest.warns(AuditWarning, match=r"'contxt'.*did you mean 'context'"):
        read_contacts(path, secret=KEY)


def test_wrong_values_are_listed_by_row_and_column_without_their_content(tmp_path):
    rows = [list(r) for r in ROWS]
    rows[0][3] = "Barnabé Ottavioli"   # a name typed in the wrong column
    rows[1][7] = "7"
    rows[2][5] = "Bretaggne"
    rows[2][8] = "last summer"
    path = write_csv(tmp_path / "mine.csv", SHEET_HEADER, rows)
    with unchanged(path), pytest.raises(AuditInputError) as info:
        read_contacts(path, secret=KEY)
    message = str(info.value)
    assert message.startswith("4 values in mine.csv cannot be used")
    assert "row 2, column 'context': not a way of meeting; allowed: " + ", ".join(CONTEXTS) \
        in message
    assert "row 3, column 'strength': not a strength; allowed: 1 (barely), 2 (acquaintance), " \
           "3 (good contact), 4 (close)." in message
    assert "row 4, column 'region': not a region; allowed: " + ", ".join(REGIONS) in message
    assert "Did you mean 'Bretagne'?" in message
    assert "row 4, column 'last_contact': not a date" in message
    assert leaks(message) == [] and "last summer" not in message


def test_excel_row_numbers_are_the_spreadsheet_rows(tmp_path):
    rows = [list(r) for r in ROWS]
    rows[2][3] = "par hasard"
    path = write_xlsx(tmp_path / "mine.xlsx", SHEET_HEADER, [[None] * 10] + rows)
    with pytest.raises(AuditInputError, match=r"row 5, column 'context'"):
        read_contacts(path, secret=KEY)


@pytest.mark.parametrize("template", [CONTACTS_TEMPLATE, CONTACTS_TEMPLATE_XLSX],
                         ids=["csv", "xlsx"])
def test_empty_templates_say_there_is_no_contact_yet(template):
    with unchanged(template), pytest.raises(AuditInputError, match="no contact"):
        read_contacts(template, secret=KEY)


def test_template_columns():
    assert CONTACTS_TEMPLATE.read_text(encoding="utf-8").strip() == ",".join(SHEET_HEADER)
    wb = openpyxl.load_workbook(CONTACTS_TEMPLATE_XLSX)
    assert wb.sheetnames[0] == "contacts"
    header = [c.value for c in wb["contacts"][1]]
    assert header == list(SHEET_HEADER)
    lists = {str(dv.sqref)[0] for dv in wb["contacts"].data_validations.dataValidation}
    # drop-down lists on context, sector, region, generation and strength
    assert lists == {"D", "E", "F", "G", "H"}
    help_text = " ".join(str(c.value) for row in wb["help"].iter_rows() for c in row if c.value)
    for col in SHEET_HEADER:
        assert col in help_text


def test_filled_xlsx_template_reads(tmp_path):
    import shutil

    path = tmp_path / "my-network.xlsx"
    shutil.copyfile(CONTACTS_TEMPLATE_XLSX, path)
    wb = openpyxl.load_workbook(path)
    for r in ROWS:
        wb["contacts"].append(r)
    wb.save(path)
    check(read_contacts(path, secret=KEY))


@pytest.mark.parametrize("content,fragment", [
    (b"", "is empty"),
    (b"\n\n,,,\n", "is empty"),
    (b"%PDF-1.4 x", "PDF document"),
    (b"month,amount\nJan,3\n", "no known column in its first row"),
    ("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
     "A,B,,,C,D,15 Mar 2024\n".encode(), "read it with read_linkedin()"),
    (bytes(range(128, 256)) * 10, "cannot be read"),
    (b"name,company\n", "no contact"),
])
def test_bad_files(tmp_path, content, fragment):
    path = tmp_path / "sheet.csv"
    path.write_bytes(content)
    with unchanged(path), pytest.raises(AuditInputError, match=fragment) as info:
        read_contacts(path, secret=KEY)
    assert info.value.__cause__ is None


def test_damaged_workbook(tmp_path):
    import zipfile

    path = tmp_path / "sheet.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("xl/workbook.xml", "<not really>")
    with unchanged(path), pytest.raises(AuditInputError, match="could not be opened as an Excel"):
        read_contacts(path, secret=KEY)


def test_missing_sheet_file(tmp_path):
    with pytest.raises(AuditInputError, match="no file at"):
        read_contacts(tmp_path / "nothing.csv")


def test_contacts_from_a_sheet_are_a_valid_report_input(tmp_path):
    from weakties.audit import report

    rows = [[f"Person {i}", c, "", ctx, "", reg, gen, s, "", str(2015 + i % 10)]
            for i, (c, ctx, reg, gen, s) in enumerate(
                [("Banque Marivaux", "colleague", "Bretagne", "1980s", "3"),
                 ("Mairie de Rennes", "neighbour", "Bretagne", "1960s", "2"),
                 ("Clinique des Lilas", "family", "Bretagne", "1990s", "4")] * 5)]
    df = read_contacts(write_csv(tmp_path / "mine.csv", SHEET_HEADER, rows), secret=KEY)
    r = report(df, goal="company_creation")
    assert r.measures.set_index("measure").loc["strong_share", "you"] == pytest.approx(10 / 15)
    assert isinstance(r.measures, pd.DataFrame)
