"""Pseudonyms: stable for a secret, different for another, private secret, names round-trip."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from weakties.audit import AuditInputError, read_linkedin
from weakties.audit.pseudonym import (DIGITS, PREFIX, identity_key, learner_secret, pseudonym,
                                      pseudonymise_all, secret_path)

from audit_support import KEY, PEOPLE, export_text, write_export

OTHER_KEY = b"another test key, another set of pseudonyms"


def test_format():
    p = pseudonym("Ana", "Diaz", secret=KEY)
    assert p.startswith(PREFIX) and len(p) == len(PREFIX) + DIGITS
    int(p[len(PREFIX):], 16)


def test_stable_and_keyed():
    assert pseudonym("Ana", "Diaz", secret=KEY) == pseudonym("Ana", "Diaz", secret=KEY)
    assert pseudonym("Ana", "Diaz", secret=KEY) != pseudonym("Ana", "Diaz", secret=OTHER_KEY)
    assert pseudonym("Ana", "Diaz", secret=KEY) != pseudonym("Ana", "Dias", secret=KEY)


def test_normalisation_rules():
    # Case, spacing and the split between first and last name do not matter...
    assert identity_key(" ÉMILIE ", "durand") == identity_key("émilie  DURAND")
    # ...Unicode composition does not matter (NFKC)...
    assert identity_key("E\u0301milie") == identity_key("\u00c9milie")
    # ...but accents do: they are part of the name.
    assert identity_key("Emilie") != identity_key("Émilie")


def test_secret_is_created_once_privately(private_config):
    assert not secret_path().exists()
    key = learner_secret()
    assert len(key) == 32 and learner_secret() == key
    assert secret_path().parent == private_config
    if os.name == "posix":
        assert secret_path().stat().st_mode & 0o777 == 0o600
        assert private_config.stat().st_mode & 0o777 == 0o700


def test_secret_lives_in_the_configuration_folder_not_the_project(tmp_path, private_config):
    path = write_export(tmp_path, export_text())
    read_linkedin(path)
    assert secret_path().exists()
    assert secret_path().read_text().strip() not in path.read_text()
    assert [p.name for p in tmp_path.iterdir()] == ["Connections.csv"]


def test_damaged_secret_is_reported(private_config):
    private_config.mkdir(parents=True, exist_ok=True)
    secret_path().write_text("not hex at all")
    with pytest.raises(AuditInputError, match="damaged"):
        learner_secret()


def test_default_secret_gives_the_same_pseudonyms_in_another_process(tmp_path, private_config):
    path = write_export(tmp_path, export_text())
    here = list(read_linkedin(path)["contact"])
    code = ("import sys; from weakties.audit import read_linkedin; "
            "print(' '.join(read_linkedin(sys.argv[1])['contact']))")
    env = dict(os.environ, PYTHONHASHSEED="12345")
    out = subprocess.run([sys.executable, "-c", code, str(path)], env=env, check=True,
                         capture_output=True, text=True).stdout.split()
    assert out == here
    # Another learner (another configuration folder) gets other pseudonyms.
    env["WEAKTIES_CONFIG_DIR"] = str(tmp_path / "someone-else")
    other = subprocess.run([sys.executable, "-c", code, str(path)], env=env, check=True,
                           capture_output=True, text=True).stdout.split()
    assert len(other) == len(here) and not set(other) & set(here)


def test_namesakes_and_collisions():
    ids = [identity_key("Léa", "Roux")] * 3 + [identity_key("Bo", "Li")]
    discs = [("2020-01-01", "u1"), ("2018-05-05", "u2"), ("2018-05-05", "u2"), ("", "")]
    out = pseudonymise_all(ids, discs, secret=KEY)
    assert len(set(out)) == 4
    assert out[1] == pseudonym("Léa", "Roux", secret=KEY)   # the oldest keeps the plain one
    assert out[3] == pseudonym("Bo", "Li", secret=KEY)


def test_colliding_prefixes_are_lengthened(monkeypatch):
    import importlib

    mod = importlib.import_module("weakties.audit.pseudonym")

    monkeypatch.setattr(mod, "DIGITS", 1)   # force collisions among 40 people
    ids = [identity_key(f"Person {i}") for i in range(40)]
    out = mod.pseudonymise_all(ids, [("",)] * 40, secret=KEY)
    assert len(set(out)) == 40
    assert {len(p) for p in out} <= {len(PREFIX) + 1, len(PREFIX) + 12}
    assert any(len(p) == len(PREFIX) + 12 for p in out)


NAME_CHARS = st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                  "éèêëàâäîïôöùûüçÉÈÀÇœŒæßñøåÅ-'’ ,;\"\t") +
                             ["ł", "Ж", "李", "م", "\u0301"])
NAMES = st.lists(NAME_CHARS, min_size=1, max_size=20).map("".join).filter(lambda s: s.strip(" ,;\"\t'-’"))


def _full_name(pair):
    return identity_key(pair[0], pair[1])


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=st.lists(st.tuples(NAMES, NAMES), min_size=1, max_size=6,
                       unique_by=_full_name))
def test_any_names_round_trip_to_their_pseudonyms(tmp_path_factory, people):
    """Names with commas, quotes, accents and other scripts survive the CSV (hypothesis)."""
    folder = tmp_path_factory.mktemp("export")
    rows = [dict(PEOPLE[i % len(PEOPLE)], first=f, last=l) for i, (f, l) in enumerate(people)]
    # Identity keys collapse whitespace the way the reader cleans cells.
    df = read_linkedin(write_export(folder, export_text(rows)), secret=KEY)
    expected = [pseudonym(f, l, secret=KEY) for f, l in people]
    assert list(df["contact"]) == expected
    again = read_linkedin(folder / "Connections.csv", secret=KEY)
    assert list(again["contact"]) == expected
    other = read_linkedin(folder / "Connections.csv", secret=OTHER_KEY)
    assert not set(other["contact"]) & set(expected)
    text = df.to_csv()
    for f, l in people:
        for part in (f, l):
            if len(part.strip(" ,;\"\t'-’\u0301")) >= 4:
                assert part not in text


def test_csv_quoting_helper_is_really_quoting():
    # The round-trip test relies on the export helper quoting commas and quotes.
    rows = [dict(PEOPLE[0], first='Jean, "JJ"', last="O'Neil")]
    line = export_text(rows, preamble="none").splitlines()[1]
    assert next(csv.reader(io.StringIO(line)))[:2] == ['Jean, "JJ"', "O'Neil"]
