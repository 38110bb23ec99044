"""Helpers for the audit tests: export variants made on the fly, privacy checks."""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import os
from pathlib import Path

KEY = b"a test key that is only used in the test suite"

# Recognisable fictional people: none of these strings may ever leave the reader.
PEOPLE = [
    {"first": "Zéphyrine", "last": "Quillebœuf", "url": "https://www.linkedin.com/in/zephyrine-quilleboeuf-7a1",
     "email": "zephyrine.quilleboeuf@example.org", "company": "Banque Marivaux",
     "position": "Analyste financier", "date": (2024, 3, 15)},
    {"first": "Barnabé", "last": "Ottavioli", "url": "https://www.linkedin.com/in/barnabe-ottavioli",
     "email": "", "company": "Durandal, Fougerolles & Associés", "position": "Avocat associé",
     "date": (2019, 8, 1)},
    {"first": "Hortense", "last": "Vandermeulen", "url": "https://www.linkedin.com/in/hvandermeulen",
     "email": "", "company": "Capgemini", "position": 'Développeuse "full stack"',
     "date": (2021, 2, 3)},
    {"first": "Anne-Sixtine", "last": "N'Goran-Pélissier", "url": "https://www.linkedin.com/in/asngp",
     "email": "asngp@example.com", "company": "Clinique des Tilleuls", "position": "Infirmière",
     "date": (2018, 12, 7)},
    {"first": "Wolfgang", "last": "Tiefenbrunner", "url": "https://www.linkedin.com/in/wtiefen",
     "email": "", "company": "Mairie de Lyon", "position": "Chargé de mission",
     "date": (2016, 5, 30)},
    {"first": "Ophélie", "last": "Castelnaudary", "url": "https://www.linkedin.com/in/ocastelnaudary",
     "email": "", "company": "", "position": "", "date": (2025, 7, 14)},
]
SECRETS = sorted({p[k] for p in PEOPLE for k in ("first", "last", "url", "email") if p[k]}
                 | {p["first"] + " " + p["last"] for p in PEOPLE})

EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
FR_MONTHS = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
             "nov.", "déc.")
HEADERS = {
    "en": ("First Name", "Last Name", "URL", "Email Address", "Company", "Position",
           "Connected On"),
    "fr": ("Prénom", "Nom", "URL", "Adresse e-mail", "Entreprise", "Poste", "Date de connexion"),
}
PREAMBLES = {
    "standard": ('Notes:\n"When exporting your connection data, you may notice that some of the '
                 'email addresses are missing. You will only see email addresses for connections '
                 'who have allowed their connections to see or download their email address '
                 'using this setting https://www.linkedin.com/psettings/privacy/email."\n\n'),
    "other": ("Remarques :\n\"Lors de l'exportation de vos relations, certaines adresses e-mail "
              "peuvent manquer.\"\n\n"),
    "none": "",
}


def export_text(people=PEOPLE, *, preamble="standard", lang="en", dates="en",
                drop=(), empty_rows=False, delimiter=",", order=None) -> str:
    """A Connections.csv as text, in one of the variants the tests need."""
    header = list(HEADERS[lang])
    keys = ["first", "last", "url", "email", "company", "position", "date"]
    keep = [i for i, k in enumerate(keys) if k not in drop]
    if order is not None:
        keep = [keep[i] for i in order]
    out = io.StringIO()
    out.write(PREAMBLES[preamble])
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow([header[i] for i in keep])
    for n, p in enumerate(people):
        if empty_rows and n == 2:
            writer.writerow([""] * len(keep))
            out.write("\n")
        y, m, d = p["date"]
        date = (f"{d:02d} {EN_MONTHS[m - 1]} {y}" if dates == "en" else
                f"{'1er' if d == 1 else d} {FR_MONTHS[m - 1]} {y}" if dates == "fr" else
                f"{y}-{m:02d}-{d:02d}")
        values = [p["first"], p["last"], p["url"], p["email"], p["company"], p["position"], date]
        writer.writerow([values[i] for i in keep])
    return out.getvalue()


def write_export(folder: Path, text: str, *, name="Connections.csv", encoding="utf-8",
                 newline="\n", bom=False) -> Path:
    data = text.replace("\n", newline).encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    path = Path(folder) / name
    path.write_bytes(data)
    return path


def leaks(text: str, secrets=SECRETS) -> list[str]:
    """The secret strings found in a text (case-insensitive)."""
    low = text.casefold()
    return [s for s in secrets if s.casefold() in low]


def frame_text(df) -> str:
    """Everything a DataFrame shows or carries: values, repr, HTML, columns, attributes."""
    return "\n".join([repr(df), df.to_string(), df.to_html(), df.to_csv(), str(list(df.columns)),
                      repr(df.attrs)])


@contextlib.contextmanager
def unchanged(*paths):
    """Assert that files keep their bytes and modification time through the block."""
    before = {p: (hashlib.sha256(Path(p).read_bytes()).hexdigest(), os.stat(p).st_mtime_ns)
              for p in paths}
    try:
        yield
    finally:
        for p, (digest, mtime) in before.items():
            assert hashlib.sha256(Path(p).read_bytes()).hexdigest() == digest, f"{p} was modified"
            assert os.stat(p).st_mtime_ns == mtime, f"{p} had its modification time changed"
