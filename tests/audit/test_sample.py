"""The shipped sample export and templates: fictional, realistic, tricky, regenerable."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from weakties.audit import (CONTACTS_TEMPLATE, CONTACTS_TEMPLATE_XLSX, SAMPLE_ANNOTATIONS,
                            SAMPLE_EXPORT, read_linkedin)
from weakties.audit.sample import HEADER, PREAMBLE, make_sample, write_sample, write_templates
from weakties.audit.store import load_annotations


def raw_rows():
    text = SAMPLE_EXPORT.read_text(encoding="utf-8")
    assert text.startswith(PREAMBLE)
    return list(csv.reader(io.StringIO(text[len(PREAMBLE):])))


def test_sample_is_a_realistic_export():
    rows = raw_rows()
    assert tuple(rows[0]) == HEADER
    people = [r for r in rows[1:] if any(r)]
    assert 280 <= len(people) <= 320
    df = read_linkedin(SAMPLE_EXPORT)
    assert len(df) == len(people)
    years = df["year"].dropna()
    assert years.min() <= 2017 and years.max() >= 2025          # about ten years
    assert df["connected_on"].is_monotonic_decreasing             # newest first, as LinkedIn
    assert df["company"].nunique() > 80
    assert (df["sector"] != "unknown").mean() > 0.9
    assert set(df["seniority"]) >= {"student", "junior", "professional", "senior", "manager",
                                    "executive"}
    emails = [r[3] for r in people if r[3]]
    assert 0 < len(emails) < 0.2 * len(people)                     # most emails are hidden


def test_sample_has_the_tricky_rows():
    rows = raw_rows()
    people = rows[1:]
    assert [""] * 7 in people                                      # an empty row
    assert any("," in r[4] for r in people if r)                   # a quoted comma
    assert any('"' in r[5] for r in people if r)                   # quotes in a title
    assert any("\n" in r[5] for r in people if r)                  # a line break in a title
    assert any(r[0] == r[1] == "" for r in people if any(r))       # a member without a name
    assert any(r[4] == r[5] == "" for r in people if any(r))       # no company, no title
    assert any("@" in r[5] for r in people if r)                   # an email in a title
    assert any(r[0] and r[0] in r[4] for r in people if r)         # own name as company
    names = [(r[0], r[1]) for r in people if any(r) and r[0]]
    assert len(names) > len(set(names))                            # namesakes
    df = read_linkedin(SAMPLE_EXPORT)
    assert df["contact"].is_unique
    assert not df["company"].str.contains("@").any()
    assert df["company"].str.contains(r"\[name\]").sum() == 1


def test_sample_is_fiction_from_fakers_lists():
    from faker.providers.person.en_GB import Provider as EN
    from faker.providers.person.fr_FR import Provider as FR

    firsts = set(FR.first_names_male) | set(FR.first_names_female) | set(EN.first_names_male) \
        | set(EN.first_names_female)
    generated = make_sample()
    assert sum(r["first"] in firsts for r in generated) >= len(generated) - 10
    assert all(r["url"].startswith("https://www.linkedin.com/in/") for r in generated)
    assert all(r["email"].endswith(("@example.fr", "@example.com")) for r in generated
               if r["email"])


def test_generator_is_deterministic_and_matches_the_shipped_files(tmp_path):
    assert make_sample() == make_sample()
    assert make_sample(seed=1) != make_sample()
    export, annotations = write_sample(tmp_path)
    assert export.read_bytes() == SAMPLE_EXPORT.read_bytes()
    assert annotations.read_bytes() == SAMPLE_ANNOTATIONS.read_bytes()
    csv_path, xlsx_path = write_templates(tmp_path)
    assert csv_path.read_bytes() == CONTACTS_TEMPLATE.read_bytes()
    new, shipped = openpyxl.load_workbook(xlsx_path), openpyxl.load_workbook(CONTACTS_TEMPLATE_XLSX)
    assert new.sheetnames == shipped.sheetnames
    for name in new.sheetnames:
        assert [[c.value for c in r] for r in new[name].iter_rows()] == \
               [[c.value for c in r] for r in shipped[name].iter_rows()]


def test_sample_annotations_are_partial_and_plausible():
    a = load_annotations(SAMPLE_ANNOTATIONS)
    assert set(a["context"].dropna()) >= {"school", "colleague", "former_colleague", "event",
                                          "online", "client", "friend"}
    assert a["strength"].between(1, 4).all()
    assert a["region"].value_counts().index[0] == "Île-de-France"
    text = SAMPLE_ANNOTATIONS.read_text(encoding="utf-8")
    cells = {c for line in text.splitlines() for c in line.split(",")}
    for r in make_sample():
        if r["last"]:
            assert r["last"] not in cells and f"{r['first']} {r['last']}" not in text


def test_cli_writes_everything(tmp_path, capsys):
    from weakties.audit.sample import main

    assert main(["--out", str(tmp_path)]) == 0
    written = capsys.readouterr().out.split()
    assert sorted(p.rsplit("/", 1)[-1] for p in written) == sorted(
        ["Connections.csv", "Connections.weakties-annotations.csv", "contacts-template.csv",
         "contacts-template.xlsx"])


@pytest.mark.parametrize("path", [SAMPLE_EXPORT, SAMPLE_ANNOTATIONS, CONTACTS_TEMPLATE,
                                  CONTACTS_TEMPLATE_XLSX])
def test_shipped_files_exist(path):
    assert path.is_file() and path.stat().st_size > 0
