"""read_linkedin on every variant of Connections.csv, and on every kind of bad input."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import warnings
import zipfile

import pandas as pd
import pytest

from weakties.audit import AuditInputError, AuditWarning, read_linkedin
from weakties.audit.pseudonym import pseudonym
from weakties.audit.schema import COLUMNS

from audit_support import (KEY, PEOPLE, export_text, frame_text, leaks, unchanged, write_export)

EXPECTED_DATES = [pd.Timestamp(*p["date"]) for p in PEOPLE]
EXPECTED_COMPANIES = [p["company"] for p in PEOPLE]


def read(path, **kw):
    with unchanged(path):
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a clean variant must not warn
            return read_linkedin(path, secret=KEY, **kw)


def check_contacts(df):
    """The table holds the people of PEOPLE, in order, and nothing identifying."""
    assert tuple(df.columns) == COLUMNS
    assert len(df) == len(PEOPLE)
    assert list(df["company"]) == EXPECTED_COMPANIES
    assert list(df["position"]) == [p["position"] for p in PEOPLE]
    assert list(df["connected_on"]) == EXPECTED_DATES
    assert str(df["connected_on"].dtype).startswith("datetime64")
    assert list(df["year"]) == [p["date"][0] for p in PEOPLE]
    assert list(df["contact"]) == [pseudonym(p["first"], p["last"], secret=KEY) for p in PEOPLE]
    assert leaks(frame_text(df)) == []


# --------------------------------------------------------------------------
# Variants, one at a time

@pytest.mark.parametrize("preamble", ["standard", "other", "none"])
def test_preamble_is_found_not_skipped(tmp_path, preamble):
    check_contacts(read(write_export(tmp_path, export_text(preamble=preamble))))


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_line_endings(tmp_path, newline):
    check_contacts(read(write_export(tmp_path, export_text(), newline=newline)))


def test_byte_order_mark(tmp_path):
    path = write_export(tmp_path, export_text(), bom=True)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    check_contacts(read(path))


def test_empty_rows_are_ignored(tmp_path):
    check_contacts(read(write_export(tmp_path, export_text(empty_rows=True))))


@pytest.mark.parametrize("drop", [("url",), ("email",), ("url", "email")])
def test_older_exports_without_url_or_email(tmp_path, drop):
    df = read(write_export(tmp_path, export_text(drop=drop)))
    check_contacts(df)


def test_columns_in_another_order(tmp_path):
    text = export_text(order=[6, 4, 5, 3, 2, 1, 0])
    check_contacts(read(write_export(tmp_path, text)))


def test_quoted_commas_and_quotes_are_kept(tmp_path):
    df = read(write_export(tmp_path, export_text()))
    assert df.loc[1, "company"] == "Durandal, Fougerolles & Associés"
    assert df.loc[2, "position"] == 'Développeuse "full stack"'


@pytest.mark.parametrize("dates", ["en", "fr", "iso"])
def test_dates(tmp_path, dates):
    check_contacts(read(write_export(tmp_path, export_text(dates=dates))))


def test_french_interface_export(tmp_path):
    text = export_text(lang="fr", dates="fr", preamble="other")
    check_contacts(read(write_export(tmp_path, text)))


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_spreadsheet_resave_with_another_delimiter(tmp_path, delimiter):
    check_contacts(read(write_export(tmp_path, export_text(delimiter=delimiter))))


def test_windows_1252_resave(tmp_path):
    path = write_export(tmp_path, export_text(lang="fr", dates="fr"), encoding="cp1252")
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    df = read(path)
    check_contacts(df)
    assert df.attrs["weakties"]["encoding"] == "cp1252"


def test_utf16_with_bom(tmp_path):
    path = write_export(tmp_path, export_text(delimiter="\t"), encoding="utf-16")
    check_contacts(read(path))


# --------------------------------------------------------------------------
# Combinations of variants

COMBINATIONS = list(itertools.product(
    ["standard", "none"], ["en", "fr"], ["\n", "\r\n"], [False, True], [(), ("url",)]))


@pytest.mark.parametrize("preamble,lang,newline,bom,drop", COMBINATIONS)
def test_combinations(tmp_path, preamble, lang, newline, bom, drop):
    text = export_text(preamble=preamble, lang=lang, dates=lang, drop=drop, empty_rows=True)
    check_contacts(read(write_export(tmp_path, text, newline=newline, bom=bom)))


# --------------------------------------------------------------------------
# Derived columns and privacy inside the cells

def test_derived_columns(tmp_path):
    df = read(write_export(tmp_path, export_text()))
    assert list(df["sector"]) == ["Finance", "Consulting", "Digital", "Health", "Public sector",
                                  "unknown"]
    assert (df["sector"] == df["sector_guess"]).all()
    assert list(df["seniority"]) == ["professional", "executive", "professional",
                                     "professional", "professional", "unknown"]
    assert df["strength"].isna().all() and df["context"].isna().all()
    assert set(df["source"]) == {"linkedin"}


def test_own_name_email_and_links_are_removed_from_company_and_title(tmp_path):
    people = [dict(PEOPLE[0], company="Zéphyrine Quillebœuf Conseil",
                   position="Consultante (zephyrine.quilleboeuf@example.org, "
                            "https://www.linkedin.com/in/zephyrine-quilleboeuf-7a1)")]
    df = read(write_export(tmp_path, export_text(people)))
    assert df.loc[0, "company"] == "[name] Conseil"
    assert df.loc[0, "position"] == "Consultante ([email], [link])"
    assert df.loc[0, "sector"] == "Consulting"
    assert leaks(frame_text(df)) == []


def test_attributes_hold_no_personal_data(tmp_path):
    path = write_export(tmp_path, export_text())
    df = read(path)
    info = df.attrs["weakties"]
    assert info["path"] == str(path.resolve()) and info["sample"] is False
    assert leaks(repr(df.attrs)) == []


def test_namesakes_get_different_pseudonyms_and_the_oldest_keeps_the_plain_one(tmp_path):
    twin = dict(PEOPLE[0], url="https://www.linkedin.com/in/another-one", date=(2025, 1, 2),
                company="Hôtel Beauséjour")
    df = read(write_export(tmp_path, export_text([twin, PEOPLE[0]])))
    plain = pseudonym(PEOPLE[0]["first"], PEOPLE[0]["last"], secret=KEY)
    assert df.loc[1, "contact"] == plain           # connected in 2024: the oldest
    assert df.loc[0, "contact"] != plain
    assert df["contact"].is_unique


def test_a_member_without_a_name_is_kept(tmp_path):
    nameless = dict(PEOPLE[2], first="", last="")
    df = read(write_export(tmp_path, export_text([nameless, PEOPLE[0]])))
    assert len(df) == 2 and df["contact"].is_unique


def test_same_person_twice_is_dropped_with_a_warning(tmp_path):
    path = write_export(tmp_path, export_text([PEOPLE[0], PEOPLE[1], PEOPLE[0]]))
    with pytest.warns(AuditWarning, match=r"1 duplicated row was dropped: line 7"):
        df = read_linkedin(path, secret=KEY)
    assert len(df) == 2


def test_rows_wider_than_the_header_are_skipped_with_line_numbers_only(tmp_path):
    text = export_text(PEOPLE[:2]) + "Zéphyrine,Quillebœuf,,,Smith, Jones & Co,Boss,15 Mar 2024\n"
    path = write_export(tmp_path, text)
    with pytest.warns(AuditWarning) as record:
        df = read_linkedin(path, secret=KEY)
    assert len(df) == 2
    message = str(record[0].message)
    assert "line 7" in message and "more cells than the header" in message
    assert leaks(message) == [] and "Smith" not in message


def test_unreadable_dates_are_left_empty_with_a_warning(tmp_path):
    text = export_text(PEOPLE[:2]).replace("01 Aug 2019", "the day after")
    path = write_export(tmp_path, text)
    with pytest.warns(AuditWarning, match=r"1 connection date could not be read .* line 6"):
        df = read_linkedin(path, secret=KEY)
    assert pd.isna(df.loc[1, "connected_on"]) and pd.isna(df.loc[1, "year"])
    assert df.loc[0, "connected_on"] == pd.Timestamp(2024, 3, 15)


def test_cells_with_line_breaks(tmp_path):
    people = [dict(PEOPLE[0], position="Analyste\nfinancier senior")]
    df = read(write_export(tmp_path, export_text(people), newline="\r\n"))
    assert df.loc[0, "position"] == "Analyste financier senior"


def test_large_export_reads(tmp_path):
    people = [dict(PEOPLE[i % 5], first=f"Person{i}", date=(2015 + i % 10, 1 + i % 12, 1 + i % 28))
              for i in range(30_000)]
    df = read(write_export(tmp_path, export_text(people)))
    assert len(df) == 30_000 and df["contact"].is_unique


# --------------------------------------------------------------------------
# Bad input: a clear error, never a pandas traceback, the file untouched

def assert_clear_error(path, *fragments):
    with unchanged(path):
        with pytest.raises(AuditInputError) as info:
            read_linkedin(path, secret=KEY)
    err = info.value
    assert isinstance(err, ValueError)
    message = str(err)
    for fragment in fragments:
        assert fragment.lower() in message.lower(), message
    # The error stands alone: no chained pandas, csv or codec exception to read through.
    assert err.__cause__ is None and (err.__context__ is None or err.__suppress_context__)
    assert leaks(message) == []
    return message


def test_missing_file_names_the_folder_content(tmp_path):
    (tmp_path / "connections.CSV").write_text("x")
    with pytest.raises(AuditInputError, match="did you mean that file"):
        read_linkedin(tmp_path / "Connexions.csv")
    with pytest.raises(AuditInputError, match="no file at"):
        read_linkedin(tmp_path / "nowhere" / "Connections.csv")


def test_a_folder_is_not_a_file(tmp_path):
    inner = tmp_path / "Basic_LinkedInDataExport"
    inner.mkdir()
    write_export(inner, export_text())
    with pytest.raises(AuditInputError, match="is a folder.*Connections.csv"):
        read_linkedin(tmp_path)


def test_empty_file(tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_bytes(b"")
    assert_clear_error(path, "is empty", "Get a copy of your data")
    path.write_bytes(b"\xef\xbb\xbf\r\n \n")
    assert_clear_error(path, "is empty")


def test_header_but_no_rows(tmp_path):
    path = write_export(tmp_path, export_text([]))
    assert_clear_error(path, "no contact in it")


def test_pdf(tmp_path):
    path = tmp_path / "Connections.pdf"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    assert_clear_error(path, "is a PDF document", "Connections.csv")


def test_zip_archive_names_the_file_inside(tmp_path):
    path = tmp_path / "Basic_LinkedInDataExport_03-15-2026.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("Connections.csv", export_text())
        z.writestr("Messages.csv", "CONVERSATION ID\n")
    message = assert_clear_error(path, "zip archive", "extract it")
    assert "'Connections.csv'" in message


def test_excel_workbook(tmp_path):
    import openpyxl

    path = tmp_path / "Connections.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["First Name", "Last Name"])
    wb.save(path)
    assert_clear_error(path, "Excel workbook", "read_contacts", "CSV UTF-8")


@pytest.mark.parametrize("name,header,expected", [
    ("Messages.csv", "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,"
                     "SUBJECT,CONTENT", "Messages.csv"),
    ("Invitations.csv", "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl",
     "Invitations.csv"),
    ("Profile.csv", "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,"
                    "Industry,Zip Code,Geo Location", "Profile.csv"),
    ("Positions.csv", "Company Name,Title,Description,Location,Started On,Finished On",
     "Positions.csv"),
    ("Recommendations_Received.csv", "First Name,Last Name,Company,Job Title,Text,"
                                     "Creation Date,Status", "Recommendations_Received.csv"),
])
def test_another_file_of_the_export(tmp_path, name, header, expected):
    path = tmp_path / name
    path.write_text(header + "\nsomething,else\n", encoding="utf-8")
    assert_clear_error(path, f"LinkedIn's {expected}", "Connections.csv")


def test_any_other_csv(tmp_path):
    path = tmp_path / "budget.csv"
    path.write_text("month,amount\nJanuary,12\n", encoding="utf-8")
    assert_clear_error(path, "no 'First Name' column",
                       "is it Connections.csv from LinkedIn's data export?")


def test_a_headerless_export_never_quotes_its_first_row(tmp_path):
    text = export_text()
    headerless = "\n".join(text.split("\n")[5:])
    path = write_export(tmp_path, headerless)
    message = assert_clear_error(path, "no 'First Name' column")
    assert "Zéphyrine" not in message


def test_missing_required_columns_are_named(tmp_path):
    text = export_text(drop=("date",))
    message = assert_clear_error(write_export(tmp_path, text), "no 'Connected On' column")
    assert "help(weakties.audit.linkedin)" in message


def test_undecodable_bytes(tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_bytes(bytes(range(128, 256)) * 40 + b"\n\x81\x8d\x8f\x90\x9d")
    assert_clear_error(path, "cannot be read", "UTF-8")


def test_binary_file(tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_bytes(b"First Name\x00\x01\x02\x03" * 100)
    assert_clear_error(path, "binary file")


def test_unclosed_quote(tmp_path):
    text = export_text(PEOPLE[:1]) + 'Anna,"Unclosed,' + "x" * 200_000 + "\n"
    path = write_export(tmp_path, text)
    assert_clear_error(path, "not a well-formed CSV file")


def test_wrong_path_type():
    with pytest.raises(TypeError, match="must be a text or a Path"):
        read_linkedin(42)


def test_reading_the_sample_uses_the_public_key_and_leaves_no_secret(private_config):
    from weakties.audit import SAMPLE_EXPORT
    from weakties.audit.pseudonym import SAMPLE_KEY

    with unchanged(SAMPLE_EXPORT):
        df = read_linkedin(SAMPLE_EXPORT)
    assert df.attrs["weakties"]["sample"] is True
    again = read_linkedin(SAMPLE_EXPORT, secret=SAMPLE_KEY)
    assert list(df["contact"]) == list(again["contact"])
    assert not (private_config / "pseudonym-key").exists()


def test_dates_are_real_dates_for_every_month(tmp_path):
    people = [dict(PEOPLE[0], first=f"P{m}", date=(2020, m, 28)) for m in range(1, 13)]
    for dates in ("en", "fr"):
        df = read(write_export(tmp_path, export_text(people, dates=dates)))
        assert [d.date() for d in df["connected_on"]] == [dt.date(2020, m, 28)
                                                         for m in range(1, 13)]


def test_header_aliases_are_documented():
    from weakties.audit import linkedin

    for canon, names in linkedin.HEADER_NAMES.items():
        assert names, canon
    doc = linkedin.__doc__
    for shown in ("Prénom", "Nom de famille", "Entreprise", "Poste", "Date de connexion"):
        assert shown in doc
    assert io  # keep the import list honest
