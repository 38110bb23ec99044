"""Read a contact sheet: your network listed by hand, in CSV or Excel.

For people without LinkedIn, or who prefer to list the people who matter
(LinkedIn does not know who your neighbours or your clients are), the
course ships two empty templates with the same columns:
:data:`CONTACTS_TEMPLATE` (CSV) and :data:`CONTACTS_TEMPLATE_XLSX` (Excel,
with drop-down lists and a help sheet). Copy one into a folder of yours
(never into the course folder), fill one row per person, and read it with
:func:`read_contacts`.

The columns
-----------
The first row holds the column names; every column is optional except that
the sheet must have at least one of ``company``, ``position``, ``context``,
``sector`` or ``strength``. Column names are matched ignoring case, accents
and spaces, in English or French.

================  =====================  ================================================
column            French name            what to write
================  =====================  ================================================
``name``          ``nom``                the person's name (or ``first_name`` and
                                         ``last_name``): replaced by a pseudonym at once
``id``            ``identifiant``        instead of a name, any label of yours
``company``       ``entreprise``         where they work
``position``      ``poste``              their job title
``context``       ``contexte``           how you met: family, friend, colleague,
                                         former_colleague, school, client, supplier,
                                         neighbour, event, online (or the French words)
``sector``        ``secteur``            Digital, Finance, Industry, Retail, Health,
                                         Public sector, Education, Culture & media,
                                         Consulting, Construction, Hospitality,
                                         Transport; empty: guessed from company and title
``region``        ``région``             a region of France, or Abroad
``generation``    ``génération``         a birth decade (1980s) or a birth year (1987)
``strength``      ``force``              how well you know them: 1 (barely),
                                         2 (acquaintance), 3 (good contact), 4 (close)
``last_contact``  ``dernier_contact``    date of your last exchange (2024-03-15,
                                         15/03/2024, 15 mars 2024) or a year
``since``         ``depuis``             when you met: a date or a year
================  =====================  ================================================

Columns such as ``email``, ``phone``, ``linkedin`` or ``notes`` are ignored
without being read (so nothing they hold reaches the table). A wrong value
stops the reading with an error that lists, for each problem, the row (as
your spreadsheet numbers it) and the column, and the values allowed; the
error never repeats what the cell holds.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import io
import warnings
from pathlib import Path

import pandas as pd

from . import _io
from ._text import clean_cell, fold, scrub
from .dates import parse_dates
from .errors import AuditInputError, AuditWarning
from .linkedin import _DATA, _frame
from .pseudonym import identity_key, learner_secret, pseudonymise_all
from .schema import (BadValue, allowed_text, check_context, check_generation, check_region,
                     check_sector, check_strength)

__all__ = ["read_contacts", "CONTACTS_TEMPLATE", "CONTACTS_TEMPLATE_XLSX", "SHEET_COLUMNS",
           "SHEET_HEADER"]

#: The empty CSV template (header row only).
CONTACTS_TEMPLATE = _DATA / "contacts-template.csv"
#: The empty Excel template, with drop-down lists and a help sheet.
CONTACTS_TEMPLATE_XLSX = _DATA / "contacts-template.xlsx"
#: The template's columns, in order.
SHEET_HEADER = ("name", "company", "position", "context", "sector", "region", "generation",
                "strength", "last_contact", "since")

#: Canonical column -> accepted names (folded).
SHEET_COLUMNS = {
    "name": ("name", "full name", "nom", "nom complet", "prenom nom", "contact", "person",
             "personne"),
    "first_name": ("first name", "firstname", "prenom"),
    "last_name": ("last name", "lastname", "surname", "nom de famille"),
    "id": ("id", "identifiant", "ref", "reference", "label"),
    "company": ("company", "entreprise", "societe", "organisation", "organization",
                "employer", "employeur"),
    "position": ("position", "poste", "title", "job title", "job", "fonction", "metier",
                 "intitule du poste"),
    "context": ("context", "contexte", "how met", "how we met", "how_met", "met through",
                "rencontre", "comment rencontre", "lieu de rencontre"),
    "sector": ("sector", "secteur", "industry", "secteur d activite"),
    "region": ("region", "region de travail", "where", "ou"),
    "generation": ("generation", "birth decade", "decennie de naissance", "birth year",
                   "annee de naissance"),
    "strength": ("strength", "force", "how well", "how well known", "tie strength",
                 "force du lien", "proximite", "closeness"),
    "last_contact": ("last contact", "dernier contact", "dernier echange", "last exchange"),
    "since": ("since", "depuis", "met on", "met in", "connected on", "date de rencontre",
              "annee de rencontre"),
}
_IGNORED = ("email", "e mail", "mail", "courriel", "email address", "adresse e mail",
            "phone", "telephone", "tel", "mobile", "portable", "url", "linkedin", "profile",
            "profil", "notes", "note", "comment", "comments", "commentaire", "commentaires",
            "address", "adresse")
_ALIAS = {n: c for c, names in SHEET_COLUMNS.items() for n in names}
_USEFUL = ("company", "position", "context", "sector", "strength")
_CHECKS = {"context": check_context, "sector": check_sector, "region": check_region,
           "generation": check_generation, "strength": check_strength}
_WHAT = {"context": "a way of meeting", "sector": "a sector", "region": "a region",
         "generation": "a generation", "strength": "a strength",
         "last_contact": "a date", "since": "a date or a year"}
_MAX_LISTED = 10


def _rows_csv(data: bytes, p: Path):
    """(row number, cells) of a CSV sheet, header first, with the encoding used."""
    def plausible(text):
        return _header_of(_io.split_lines(text)) is not None

    text, encoding = _io.decode(data, p, "contact sheet", plausible)
    lines = _io.split_lines(text)
    found = _header_of(lines)
    if found is None or _looks_like_linkedin(lines[found[0]:found[0] + 1]):
        if _looks_like_linkedin(lines[:100]):
            raise AuditInputError(f"{p.name} looks like LinkedIn's Connections.csv: read it "
                                  "with read_linkedin().")
        return None, encoding
    index, delim = found
    import csv
    reader = csv.reader(io.StringIO("\n".join(lines[index:])), delimiter=delim)
    rows = []
    try:
        for row in reader:
            rows.append((index + reader.line_num, row))
    except csv.Error:
        raise AuditInputError(
            f"{p.name} is not a well-formed CSV file near line {index + reader.line_num} (a "
            "quote that is never closed?): open it in a spreadsheet and save it again as "
            "CSV UTF-8.") from None
    return rows, encoding


def _looks_like_linkedin(lines) -> bool:
    from .linkedin import REQUIRED, _find_header

    found = _find_header(lines)
    return bool(found) and set(REQUIRED) <= set(found[2])


def _header_of(lines):
    """(line index, delimiter) of the first non-empty line, if it names known columns."""
    for i, line in enumerate(lines[:50]):
        if not line.strip():
            continue
        best = None
        for delim in _io.DELIMITERS:
            cells = [fold(c) for c in _io.parse_line(line, delim)]
            known = sum(c in _ALIAS for c in cells)
            if known and (best is None or known > best[0]):
                best = (known, delim)
        return (i, best[1]) if best else None
    return None


def _rows_xlsx(data: bytes, p: Path):
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds on a damaged workbook
        raise AuditInputError(
            f"{p.name} could not be opened as an Excel workbook (.xlsx): open it in your "
            "spreadsheet and save it again as .xlsx, or as CSV UTF-8.") from None
    try:
        ws = wb["contacts"] if "contacts" in wb.sheetnames else wb.worksheets[0]
        rows = []
        for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
            rows.append((number, ["" if v is None else v for v in row]))
    finally:
        wb.close()
    while rows and not any(_filled(v) for v in rows[0][1]):
        rows.pop(0)
    return rows, "xlsx"


def _filled(value) -> bool:
    return not (value is None or (isinstance(value, str) and not value.strip()))


def _text_of(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_cell(value)


def read_contacts(path, *, secret: bytes | None = None) -> pd.DataFrame:
    """Read a contact sheet (CSV or Excel) into a table of pseudonymised contacts.

    Parameters
    ----------
    path : str or Path
        A ``.csv`` or ``.xlsx`` file with the columns described in the
        module documentation (start from :data:`CONTACTS_TEMPLATE` or
        :data:`CONTACTS_TEMPLATE_XLSX`).
    secret : bytes, optional
        Key of the pseudonyms; by default the learner's own.

    Returns
    -------
    pandas.DataFrame
        The same columns as :func:`~weakties.audit.read_linkedin`
        (:data:`weakties.audit.schema.COLUMNS`), with ``source`` "sheet",
        ``connected_on`` from ``since`` and the annotations filled from the
        sheet.

    Raises
    ------
    AuditInputError
        A missing, empty or unreadable file, no known column, no row, or
        values that are not allowed (each listed by row and column, with
        the allowed values).

    Notes
    -----
    The pseudonym comes from the name (the same as LinkedIn's for the same
    first and last name), else from the ``id`` column, else from the row
    number: add a name or an id if you will reorder rows and want saved
    annotations to follow.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> sheet = pathlib.Path(tempfile.mkdtemp()) / "my-contacts.csv"
    >>> _ = sheet.write_text("name,company,context,strength,region\\n"
    ...                      "Ana Diaz,Banque Martin,school,3,Bretagne\\n"
    ...                      "Bo Li,,event,1,\\n", encoding="utf-8")
    >>> key = b"an example key, never use a fixed key for real data"
    >>> df = read_contacts(sheet, secret=key)
    >>> df[["sector", "context", "strength", "region"]].values.tolist()
    [['Finance', 'school', 3, 'Bretagne'], ['unknown', 'event', 1, None]]
    >>> "Ana Diaz" in df.to_string()
    False
    """
    p = _io.resolve(path, "contact sheet", suggest="*.csv")
    data = _io.read_bytes(p, "contact sheet")
    if not data.strip(b" \t\r\n\xef\xbb\xbf,;"):
        raise AuditInputError(
            f"{p.name} is empty. Start from the template (weakties.audit.CONTACTS_TEMPLATE "
            "or CONTACTS_TEMPLATE_XLSX): keep its first row, then add one row per person.")
    _io.refuse_non_text(data, p, "contact sheet (CSV or .xlsx)", allow_xlsx=True)
    if data.startswith(b"PK"):
        rows, encoding = _rows_xlsx(data, p)
    else:
        rows, encoding = _rows_csv(data, p)
    del data
    if not rows:
        raise AuditInputError(
            f"{p.name} has no known column in its first row. The first row must hold the "
            f"column names ({', '.join(SHEET_HEADER)}): start from the template "
            "weakties.audit.CONTACTS_TEMPLATE.")
    header_no, header = rows[0]
    cols, ignored, unknown = {}, [], []
    for j, h in enumerate(header):
        name = fold(h)
        if not name:
            continue
        canon = _ALIAS.get(name) or _ALIAS.get(name.replace(" ", "_"))
        if canon and canon not in cols:
            cols[canon] = j
        elif name in _IGNORED:
            ignored.append(clean_cell(h))
        elif canon is None:
            unknown.append((clean_cell(h), name))
    if _looks_like_linkedin([",".join(str(h) for h in header)]):
        raise AuditInputError(
            f"{p.name} looks like LinkedIn's Connections.csv: read it with read_linkedin().")
    if not cols or not (set(_USEFUL) & set(cols)):
        raise AuditInputError(
            f"{p.name} has none of the columns company, position, context, sector or "
            f"strength in its first row (row {header_no}). The first row must hold the column "
            f"names ({', '.join(SHEET_HEADER)}): start from the template "
            "weakties.audit.CONTACTS_TEMPLATE.")
    for shown, name in unknown:
        close = difflib.get_close_matches(name, list(_ALIAS), n=1, cutoff=0.75)
        hint = f" (did you mean {_ALIAS[close[0]]!r}?)" if close else ""
        warnings.warn(f"{p.name}: the column {shown!r} is not one the audit knows, and is "
                      f"ignored{hint}. Known columns: {', '.join(SHEET_HEADER)}.",
                      AuditWarning, stacklevel=2)
    key = learner_secret() if secret is None else secret

    identities, discriminators, records = [], [], []
    values = {k: [] for k in ("strength", "context", "sector", "region", "generation")}
    raw_last, raw_since, row_numbers = [], [], []
    problems = []
    for number, row in rows[1:]:
        if not any(_filled(v) for v in row):
            continue

        def cell(name):
            j = cols.get(name)
            return row[j] if j is not None and j < len(row) else ""

        names = [_text_of(cell(k)) for k in ("name", "first_name", "last_name")]
        ident = identity_key(names[0]) if names[0] else identity_key(names[1], names[2])
        if not ident:
            own = _text_of(cell("id"))
            ident = f"id:{fold(own)}" if own else f"row:{number}"
        company = scrub(_text_of(cell("company")), names)
        position = scrub(_text_of(cell("position")), names)
        for kind, check in _CHECKS.items():
            try:
                values[kind].append(check(cell(kind)) if kind in cols else None)
            except BadValue as exc:
                values[kind].append(None)
                problems.append(f"row {number}, column {header[cols[kind]]!r}: not "
                                f"{_WHAT[kind]}; allowed: {allowed_text(kind)}.{exc.hint}")
        raw_last.append(cell("last_contact"))
        raw_since.append(cell("since"))
        identities.append(ident)
        discriminators.append((fold(company), fold(position), f"{number:08d}"))
        records.append((company, position))
        row_numbers.append(number)
    if not records:
        raise AuditInputError(
            f"{p.name} has the column names but no contact: add one row per person under "
            "the first row.")
    last, bad_last = parse_dates(raw_last, year_ok=True)
    since, bad_since = parse_dates(raw_since, year_ok=True)
    for kind, bad in (("last_contact", bad_last), ("since", bad_since)):
        for i in bad:
            problems.append(f"row {row_numbers[i]}, column {header[cols[kind]]!r}: not "
                            f"{_WHAT[kind]}; write a date such as 2024-03-15, 15/03/2024 or "
                            "15 mars 2024, or a year such as 2019.")
    if problems:
        problems.sort(key=lambda m: int(m.split(",")[0].split()[1]))
        shown = "\n".join(f"- {m}" for m in problems[:_MAX_LISTED])
        more = (f"\n- and {len(problems) - _MAX_LISTED} more." if len(problems) > _MAX_LISTED
                else "")
        raise AuditInputError(
            f"{len(problems)} value{'s' if len(problems) > 1 else ''} in {p.name} cannot be "
            f"used; correct {'them' if len(problems) > 1 else 'it'} and read the file again:\n"
            f"{shown}{more}")
    pseudonyms = pseudonymise_all(identities, discriminators, secret=key)
    del identities, discriminators
    df = _frame(pseudonyms, records, since, source="sheet",
                annotations={**values, "last_contact": last})
    df.attrs["weakties"] = {"source": "sheet", "path": str(p.resolve()), "sample": False,
                            "encoding": encoding, "skipped_lines": [],
                            "ignored_columns": ignored}
    return df


_ = _dt
