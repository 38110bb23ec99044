"""Read LinkedIn's ``Connections.csv``, keeping no name, email or profile address.

LinkedIn's "Get a copy of your data" (Settings, Data privacy) sends a zip
archive whose ``Connections.csv`` lists your contacts. The file usually
starts with a few lines of notes (a ``Notes:`` line, a quoted paragraph about
missing email addresses, a blank line) before the header::

    First Name,Last Name,URL,Email Address,Company,Position,Connected On

:func:`read_linkedin` *looks for* that header line instead of skipping a
fixed number of lines, so it also reads exports with other notes or none, a
byte-order mark, Windows (CRLF) or old Mac (CR) line endings, empty rows,
no ``URL`` column (older exports), no ``Email Address`` column, quoted
commas and line breaks inside cells, dates with English or French month
names (see :mod:`weakties.audit.dates`), a semicolon or tab instead of the
comma (a spreadsheet's re-save), and Windows-1252 text (a spreadsheet's
re-save on Windows).

Header names accepted
---------------------
Case, accents, spaces and punctuation are ignored ("E-mail address" is
"email address"). :data:`HEADER_NAMES` lists them all:

================  ========================================================================
column            accepted names
================  ========================================================================
first name        First Name; Prénom; Vorname; Nombre; Nome
last name         Last Name; Surname; Nom; Nom de famille; Nachname; Apellidos; Cognome
URL (optional)    URL; Profile URL; URL du profil; Profil URL; URL del perfil
email (optional)  Email Address; E-mail; Adresse e-mail; Courriel; E-Mail-Adresse
company           Company; Entreprise; Société; Organisation; Unternehmen; Empresa; Azienda
position          Position; Poste; Title; Job title; Intitulé du poste; Fonction; Cargo
connected on      Connected On; Date de connexion; Connecté le; En relation depuis;
                  Verbunden am; Fecha de conexión; Collegato il
================  ========================================================================

Privacy
-------
Names, emails and profile addresses are read into memory only to compute
each contact's pseudonym (:mod:`weakties.audit.pseudonym`); they are never
put in the returned table, its attributes, a cache, a warning or an error
message. A contact's own names, emails and web addresses are also removed
from their company and title ("Marie Martin Photographie" becomes "[name]
Photographie"). The file is only opened for reading.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import warnings
from pathlib import Path

import pandas as pd

from . import _io
from ._text import clean_cell, fold, scrub
from .dates import parse_dates
from ..i18n import N_, gettext, number
from .errors import AuditInputError, AuditWarning
from .pseudonym import SAMPLE_KEY, identity_key, learner_secret, pseudonymise_all
from .schema import COLUMNS
from .sectors import sector_of, seniority_of


def _t(text: str, **fields) -> str:
    """``text`` (marked with N_) in the current language, its ``{fields}`` filled in."""
    return gettext(text).format(**fields)

__all__ = ["read_linkedin", "HEADER_NAMES", "REQUIRED", "SAMPLE_EXPORT", "is_sample"]

_DATA = Path(__file__).resolve().parent.parent / "data" / "audit"
#: The shipped fictional export (about 300 contacts made with Faker).
SAMPLE_EXPORT = _DATA / "Connections.csv"

#: Canonical column -> accepted header names (folded).
HEADER_NAMES = {
    "first_name": ("first name", "firstname", "given name", "prenom", "vorname", "nombre",
                   "nome", "primeiro nome"),
    "last_name": ("last name", "lastname", "surname", "family name", "nom", "nom de famille",
                  "nachname", "apellidos", "apellido", "cognome", "sobrenome",
                  "ultimo nome"),
    "url": ("url", "profile url", "linkedin url", "url du profil", "profil url",
            "url del perfil", "url do perfil", "url del profilo"),
    "email": ("email address", "e mail address", "email", "e mail", "adresse e mail",
              "adresse email", "adresse electronique", "adresse courriel", "courriel",
              "e mail adresse", "email adresse", "direccion de correo electronico",
              "correo electronico", "indirizzo email", "indirizzo e mail",
              "endereco de e mail", "endereco de email"),
    "company": ("company", "entreprise", "societe", "organisation", "organization",
                "employeur", "unternehmen", "firma", "empresa", "azienda"),
    "position": ("position", "poste", "title", "job title", "intitule du poste", "titre",
                 "fonction", "cargo", "puesto", "posizione", "ruolo", "titel"),
    "connected_on": ("connected on", "connected", "connection date", "date de connexion",
                     "connecte le", "connectes le", "connexion le", "connexion etablie le",
                     "en relation depuis", "relation depuis", "verbunden am", "vernetzt am",
                     "fecha de conexion", "conectado el", "conectado em", "data de conexao",
                     "collegato il", "data di collegamento"),
}
#: Columns without which the file cannot be read.
REQUIRED = ("first_name", "last_name", "company", "position", "connected_on")
_DISPLAY = {"first_name": "First Name", "last_name": "Last Name", "url": "URL",
            "email": "Email Address", "company": "Company", "position": "Position",
            "connected_on": "Connected On"}
_ALIAS = {name: canon for canon, names in HEADER_NAMES.items() for name in names}

# Other files of LinkedIn's export, recognised by words of their header.
_OTHER_FILES = (
    ({"conversation id"}, "Messages.csv"),
    ({"sender profile url"}, "Messages.csv"),
    ({"sent at", "direction"}, "Invitations.csv"),
    ({"maiden name"}, "Profile.csv"),
    ({"headline", "industry"}, "Profile.csv"),
    ({"company name", "started on"}, "Positions.csv"),
    ({"school name"}, "Education.csv"),
    ({"emails", "phonenumbers"}, "Contacts.csv (your imported address book)"),
    ({"organization", "followed on"}, "Company Follows.csv"),
    ({"email address", "confirmed", "primary"}, "Email Addresses.csv"),
    ({"skill name", "endorsement date"}, "Endorsement_Received_Info.csv"),
    ({"text", "creation date"}, "Recommendations_Received.csv"),
    ({"sharelink"}, "Shares.csv"),
    ({"date", "type", "link"}, "Reactions.csv"),
    ({"date", "link", "message"}, "Comments.csv"),
    ({"application date"}, "Job Applications.csv"),
    ({"name", "proficiency"}, "Languages.csv"),
    ({"authority"}, "Certifications.csv"),
    ({"registered at"}, "Registration.csv"),
    ({"content title"}, "Learning.csv"),
)


def is_sample(data: bytes) -> bool:
    """Whether these bytes are the shipped fictional sample export (read with the public key).

    Examples
    --------
    >>> is_sample(SAMPLE_EXPORT.read_bytes()), is_sample(b"First Name,Last Name")
    (True, False)
    """
    try:
        return SAMPLE_EXPORT.stat().st_size == len(data) and SAMPLE_EXPORT.read_bytes() == data
    except OSError:
        return False


def _find_header(lines, max_lines=100):
    """(line index, delimiter, {canonical: column}, folded cells) of the best header candidate."""
    best = None
    for i, line in enumerate(lines[:max_lines]):
        if not line.strip():
            continue
        for delim in _io.DELIMITERS:
            if delim not in line and delim != ",":
                continue
            cells = [fold(c) for c in _io.parse_line(line, delim)]
            mapping = {}
            for j, c in enumerate(cells):
                canon = _ALIAS.get(c)
                if canon and canon not in mapping:
                    mapping[canon] = j
            score = len(mapping)
            if best is None or score > best[0]:
                best = (score, i, delim, mapping, cells)
    if best is None:
        return None
    return best[1:]


def _diagnose(found, name: str) -> AuditInputError:
    """The error for a file whose header is not Connections.csv's."""
    if found is None:
        return AuditInputError(_t(N_("{name} has no text in it: is it Connections.csv from "
                                     "LinkedIn's data export?"), name=name))
    _, _, mapping, cells = found
    words = set(cells)
    for needed, other in _OTHER_FILES:
        if needed <= words and not {"first_name", "connected_on"} <= set(mapping):
            return AuditInputError(_t(
                N_("{name} looks like LinkedIn's {other}, not Connections.csv: your contacts "
                   "are in Connections.csv, in the same folder of the export."),
                name=name, other=other))
    if {"context", "strength"} & words or {"contexte", "force"} & words:
        return AuditInputError(_t(
            N_("{name} looks like a contact sheet, not LinkedIn's Connections.csv: read it "
               "with read_contacts()."), name=name))
    missing = [c for c in REQUIRED if c not in mapping]
    if len(mapping) <= 1:
        return AuditInputError(_t(
            N_("{name} has no '{column}' column (none of the first lines is "
               "Connections.csv's header 'First Name,Last Name,URL,Email Address,Company,"
               "Position,Connected On'): is it Connections.csv from LinkedIn's data export?"),
            name=name, column=_DISPLAY[missing[0]]))
    names = ", ".join(f"'{_DISPLAY[c]}'" for c in missing)
    return AuditInputError(_t(
        N_("{name} has no {names} columns: is it Connections.csv from LinkedIn's data "
           "export? (Accepted column names are listed in help(weakties.audit.linkedin).)")
        if len(missing) > 1 else
        N_("{name} has no {names} column: is it Connections.csv from LinkedIn's data export? "
           "(Accepted column names are listed in help(weakties.audit.linkedin).)"),
        name=name, names=names))


def _plausible(text: str) -> bool:
    found = _find_header(_io.split_lines(text)[:100])
    if not found or not set(REQUIRED) <= set(found[2]):
        return False
    odd = [ch for ch in text if ord(ch) > 127]
    typographic = sum(ch.isalpha() or ch in "’‘“”–—…€«» " for ch in odd)
    return not odd or typographic >= 0.95 * len(odd)


def _norm_url(url: str) -> str:
    return url.strip().lower().split("?")[0].rstrip("/")


def read_linkedin(path, *, secret: bytes | None = None) -> pd.DataFrame:
    """Read LinkedIn's ``Connections.csv`` into a table of pseudonymised contacts.

    Parameters
    ----------
    path : str or Path
        The ``Connections.csv`` from LinkedIn's data export, or
        :data:`SAMPLE_EXPORT`.
    secret : bytes, optional
        Key of the pseudonyms; by default the learner's own, kept in their
        configuration folder (:func:`weakties.audit.pseudonym.learner_secret`).
        The shipped sample always uses the public
        :data:`~weakties.audit.pseudonym.SAMPLE_KEY`.

    Returns
    -------
    pandas.DataFrame
        One row per contact, in the file's order, with the columns of
        :data:`weakties.audit.schema.COLUMNS`: ``contact`` (pseudonym),
        ``company``, ``position``, ``connected_on`` (a date), ``year``,
        ``sector_guess`` and ``sector`` (:func:`~weakties.audit.sector_of`),
        ``seniority``, ``source`` ("linkedin"), and the annotation columns
        (``strength``, ``context``, ``region``, ``generation``,
        ``last_contact``), empty until you annotate. ``df.attrs["weakties"]``
        records the file's path and encoding, whether it is the sample, and
        the lines skipped.

    Raises
    ------
    AuditInputError
        The file is missing, empty, not a CSV (a zip archive, a PDF, a
        workbook), another file of the export (Messages.csv...), has no
        contact rows, or cannot be decoded; the message says what to do.

    Warns
    -----
    AuditWarning
        Rows skipped (more cells than the header: an unquoted comma),
        duplicated rows dropped, dates that could not be read (left empty).
        Warnings give line numbers, never content.

    Examples
    --------
    >>> from weakties.audit import read_linkedin, SAMPLE_EXPORT
    >>> contacts = read_linkedin(SAMPLE_EXPORT)
    >>> len(contacts) > 250
    True
    >>> contacts.loc[0, "contact"].startswith("C-")
    True
    >>> str(contacts["connected_on"].dtype)
    'datetime64[ns]'
    >>> {"First Name", "Email Address", "URL"} & set(contacts.columns)
    set()
    """
    p = _io.resolve(path, "LinkedIn export (Connections.csv)")
    data = _io.read_bytes(p, "LinkedIn export")
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        raise AuditInputError(_t(
            N_("{name} is empty. Download LinkedIn's data export again (Settings, Data "
               "privacy, Get a copy of your data) and use the Connections.csv inside."),
            name=p.name))
    _io.refuse_non_text(data, p, "CSV file")
    sample = is_sample(data)
    text, encoding = _io.decode(data, p, "LinkedIn Connections.csv", _plausible)
    del data
    lines = _io.split_lines(text)
    del text
    found = _find_header(lines)
    if found is None or not set(REQUIRED) <= set(found[2]):
        raise _diagnose(found, p.name)
    start, delim, cols, _ = found
    key = SAMPLE_KEY if sample else (learner_secret() if secret is None else secret)

    width = max(cols.values()) + 1
    reader = csv.reader(io.StringIO("\n".join(lines[start + 1:])), delimiter=delim)
    del lines
    records, identities, discriminators, raw_dates, line_nos = [], [], [], [], []
    too_wide, seen = [], {}
    duplicates = []
    try:
        for row in reader:
            line_no = start + 1 + reader.line_num
            if not any(c.strip() for c in row):
                continue
            if len(row) < width:
                row = row + [""] * (width - len(row))
            header_width = len(found[3])
            if len(row) > header_width and any(c.strip() for c in row[header_width:]):
                too_wide.append(line_no)
                continue

            def cell(name):
                j = cols.get(name)
                return clean_cell(row[j]) if j is not None else ""

            first, last = cell("first_name"), cell("last_name")
            url, email = _norm_url(cell("url")), cell("email").lower()
            names = (first, last)
            company = scrub(cell("company"), names)
            position = scrub(cell("position"), names)
            date_text = cell("connected_on")
            ident = identity_key(first, last)
            if not ident:
                ident = ("url:" + url) if url else ("email:" + email) if email else "anonymous"
            disc = (date_text, url, email, fold(company))
            if (ident, disc) in seen:
                duplicates.append(line_no)
                continue
            seen[(ident, disc)] = line_no
            identities.append(ident)
            discriminators.append(disc)
            records.append((company, position))
            raw_dates.append(date_text)
            line_nos.append(line_no)
    except csv.Error:
        raise AuditInputError(_t(
            N_("{name} is not a well-formed CSV file near line {line} (a quote that is never "
               "closed, or a cell that is far too long): use the original Connections.csv "
               "from LinkedIn's export."), name=p.name, line=start + 1 + reader.line_num)) \
            from None
    if not records:
        raise AuditInputError(_t(
            N_("{name} has the column names of Connections.csv but no contact in it. If you "
               "have connections on LinkedIn, download the export again and check that you "
               "opened the complete archive."), name=p.name))

    dates, bad = parse_dates(raw_dates)
    # Order namesakes by connection date (oldest first), then by the other values.
    iso = [d.isoformat() if d else "9999" for d in dates]
    discriminators = [(iso[i],) + discriminators[i][1:] for i in range(len(discriminators))]
    pseudonyms = pseudonymise_all(identities, discriminators, secret=key)
    del identities, discriminators

    df = _frame(pseudonyms, records, dates, source="linkedin")
    problems = []
    if too_wide:
        problems.append(_t(
            N_("{n} rows were skipped because they have more cells than the header (a comma "
               "in an unquoted company or title?): lines {lines}") if len(too_wide) > 1 else
            N_("{n} row was skipped because they have more cells than the header (a comma in "
               "an unquoted company or title?): line {lines}"),
            n=number(len(too_wide)), lines=_lines(too_wide)))
    if duplicates:
        problems.append(_t(
            N_("{n} duplicated rows were dropped: lines {lines}") if len(duplicates) > 1
            else N_("{n} duplicated row was dropped: line {lines}"),
            n=number(len(duplicates)), lines=_lines(duplicates)))
    if bad:
        bad_lines = [line_nos[i] for i in bad]
        problems.append(_t(
            N_("{n} connection dates could not be read and are left empty: lines {lines}")
            if len(bad) > 1 else
            N_("{n} connection date could not be read and is left empty: line {lines}"),
            n=number(len(bad)), lines=_lines(bad_lines)))
    for message in problems:
        warnings.warn(f"{p.name}: {message}.", AuditWarning, stacklevel=2)
    df.attrs["weakties"] = {
        "source": "linkedin", "path": str(p.resolve()), "sample": sample,
        "encoding": encoding, "skipped_lines": sorted(too_wide + duplicates),
        "bad_date_lines": [line_nos[i] for i in bad],
    }
    return df


def _lines(numbers, limit=12):
    shown = ", ".join(str(n) for n in numbers[:limit])
    if len(numbers) <= limit:
        return shown
    return _t(N_("{shown} and {n} more"), shown=shown, n=number(len(numbers) - limit))


def _frame(pseudonyms, records, dates, *, source, annotations=None) -> pd.DataFrame:
    """Build the standard contact table (see :data:`weakties.audit.schema.COLUMNS`)."""
    n = len(pseudonyms)
    company = [r[0] for r in records]
    position = [r[1] for r in records]
    guess = [sector_of(c, t) for c, t in zip(company, position)]
    connected = pd.to_datetime(pd.Series([d if d else None for d in dates], dtype="object"),
                               errors="coerce").astype("datetime64[ns]")
    ann = annotations or {}
    sector = [a if a is not None else g for a, g in
              zip(ann.get("sector", [None] * n), guess)]
    df = pd.DataFrame({
        "contact": pd.Series(pseudonyms, dtype="object"),
        "company": pd.Series(company, dtype="object"),
        "position": pd.Series(position, dtype="object"),
        "connected_on": connected,
        "year": connected.dt.year.astype("Int64"),
        "sector_guess": pd.Series(guess, dtype="object"),
        "sector": pd.Series(sector, dtype="object"),
        "seniority": pd.Series([seniority_of(t) for t in position], dtype="object"),
        "strength": pd.array(ann.get("strength", [None] * n), dtype="Int64"),
        "context": pd.Series(ann.get("context", [None] * n), dtype="object"),
        "region": pd.Series(ann.get("region", [None] * n), dtype="object"),
        "generation": pd.Series(ann.get("generation", [None] * n), dtype="object"),
        "last_contact": pd.to_datetime(pd.Series(ann.get("last_contact", [None] * n),
                                                 dtype="object"),
                                       errors="coerce").astype("datetime64[ns]"),
        "source": pd.Series([source] * n, dtype="object"),
    })
    assert tuple(df.columns) == COLUMNS
    return df


_ = _dt  # dates are datetime.date objects until the frame is built
