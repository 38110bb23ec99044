"""The fictional sample export shipped with the course, and the empty contact-sheet templates.

Nobody in the sample exists. The names are drawn from Faker's lists of
French and English first and last names; companies are made up from the
same kinds of names as the simulated population's employers, plus a few
large employers whose names any French export would contain.

The sample belongs to an imaginary learner, whom the capstone lesson
calls Camille: born in the 1990s, a master's degree in communication in
Paris, first jobs in a communication agency and in a bank's marketing
department, now product marketing manager at a digital company, about 300
contacts made between 2016 and 2026. Like most professional networks it is
an *alter-ego network*: mostly communication, digital and finance people
of the same generation, in Île-de-France. The generator also writes the
annotations Camille has already made (about two contacts in three), keyed
by the sample's pseudonyms.

The file has the tricky rows real exports have: the notes before the
header, quoted commas and quotes, a line break inside a title, accents,
apostrophes and hyphens in names, two people with the same name, a member
with no name, a row with no company or title, a freelancer whose company
is her own name, an email inside a title, an emoji, and an empty row.

Regenerate the files with ``python -m weakties.audit.sample`` (add
``--out FOLDER`` to write elsewhere). Same seed, same files.
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import io
import unicodedata
from pathlib import Path

import numpy as np

from .. import _france
from .contacts import SHEET_HEADER
from .linkedin import _DATA
from .schema import CONTEXTS, GENERATIONS, REGIONS, STRENGTH_SCALE, allowed_text

__all__ = ["make_sample", "write_sample", "write_templates", "SEED", "PREAMBLE"]

SEED = 2026
#: The notes LinkedIn puts before the header (wording of recent English exports).
PREAMBLE = (
    "Notes:\n"
    "\"When exporting your connection data, you may notice that some of the email "
    "addresses are missing. You will only see email addresses for connections who have "
    "allowed their connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    "https://www.linkedin.com/help/linkedin/answer/261\"\n"
    "\n"
)
HEADER = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position",
          "Connected On")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# Employers of Camille's career: (company, sector).
_AGENCY = ("Studio Lemoine", "Culture & media")
_BANK = ("Banque Ferrand", "Finance")
_CURRENT = ("Orbe Numérique", "Digital")
_SCHOOL = ("Sorbonne Université", "Education")

# Job titles by sector: (title, weight). French and English, as on LinkedIn.
_TITLES = {
    "Digital": (("Développeur full stack", 3), ("Software Engineer", 3), ("Data Analyst", 2),
                ("Product Manager", 3), ("UX Designer", 2), ("Senior Data Scientist", 1),
                ("Head of Product", 1), ("CTO", 1), ("Product Owner", 2),
                ("Développeuse front-end junior", 1)),
    "Finance": (("Conseillère clientèle", 2), ("Chargé d'affaires entreprises", 2),
                ("Analyste financier", 2), ("Responsable marketing", 2),
                ("Chef de produit marketing", 2), ("Directeur d'agence", 1),
                ("Compliance Officer", 1), ("Contrôleuse de gestion", 1)),
    "Culture & media": (("Chargée de communication", 3), ("Directrice artistique", 1),
                        ("Graphiste", 2), ("Community manager", 3), ("Journaliste", 1),
                        ("Responsable des relations presse", 1), ("Concepteur-rédacteur", 2),
                        ("Stagiaire communication", 1), ("Account Manager", 2)),
    "Consulting": (("Consultante en stratégie", 2), ("Consultant senior", 2),
                   ("Chargée de recrutement", 2), ("Talent Acquisition Manager", 1),
                   ("Avocate en droit social", 1), ("Manager", 1), ("Associé", 1),
                   ("Coach professionnel", 1)),
    "Retail": (("Chef de rayon", 1), ("Responsable e-commerce", 2), ("Acheteuse", 1),
               ("Directeur de magasin", 1), ("Category Manager", 1)),
    "Education": (("Étudiante en master communication", 3), ("Étudiant", 2),
                  ("Maître de conférences", 1), ("Chargée de cours", 1),
                  ("Responsable des relations entreprises", 1)),
    "Health": (("Infirmière", 1), ("Médecin généraliste", 1), ("Pharmacien", 1),
               ("Chargée de communication", 1)),
    "Public sector": (("Chargé de mission", 1), ("Attachée territoriale", 1),
                      ("Responsable communication", 1)),
    "Industry": (("Ingénieur production", 1), ("Responsable qualité", 1), ("Acheteur", 1)),
    "Construction": (("Architecte", 1), ("Conducteur de travaux", 1),
                     ("Agent immobilier", 1)),
    "Hospitality": (("Chef de cuisine", 1), ("Directrice d'hôtel", 1)),
    "Transport": (("Responsable logistique", 1), ("Chef de projet supply chain", 1)),
}
# Company name patterns by sector (like the population's employers) and a few large employers.
_PATTERNS = {
    "Digital": ("{n} Numérique", "{n} Tech", "Studio {n} Web", "Capgemini", "Doctolib",
                "Ubisoft"),
    "Finance": ("Banque {n}", "{n} Assurances", "Crédit {n}", "BNP Paribas",
                "Société Générale", "AXA"),
    "Culture & media": ("Studio {n}", "Éditions {n}", "{n} Médias", "Publicis", "Havas"),
    "Consulting": ("{n} Conseil", "Cabinet {n}", "{n} Partenaires", "Deloitte", "Accenture"),
    "Retail": ("Maison {n}", "{n} Distribution", "Decathlon", "Fnac Darty"),
    "Education": ("Université de {c}", "Lycée {n}", "ESSEC Business School"),
    "Health": ("Clinique {n}", "Pharmacie {n}", "AP-HP"),
    "Public sector": ("Mairie de {c}", "Conseil départemental {n}", "France Travail"),
    "Industry": ("{n} Industries", "Ateliers {n}", "Safran"),
    "Construction": ("{n} Immobilier", "Architectes {n}", "Vinci"),
    "Hospitality": ("Hôtel {n}", "Restaurant {n}", "Accor"),
    "Transport": ("Transports {n}", "{n} Logistique", "SNCF"),
}
_AMBIGUOUS = ("Groupe {n}", "Amazon", "Freelance", "{n} & Co", "Indépendant")

# Who Camille knows: group -> (count, context, sectors with weights, years, strength
# weights for steps 1-4, generations with weights, share in Île-de-France).
_GROUPS = {
    "school": (42, "school", {"Culture & media": 4, "Digital": 2, "Consulting": 2,
                              "Finance": 1, "Education": 2, "Retail": 1},
               (2016, 2018), (3, 4, 2, 1), {"1990s": 9, "1980s": 1}, 0.85),
    "agency": (38, "former_colleague", {"Culture & media": 1}, (2018, 2021),
               (2, 4, 3, 1), {"1990s": 5, "1980s": 4, "1970s": 1}, 0.95),
    "bank": (30, "former_colleague", {"Finance": 1}, (2020, 2023), (3, 4, 2, 1),
             {"1990s": 4, "1980s": 4, "1970s": 2, "1960s": 1}, 0.9),
    "current": (34, "colleague", {"Digital": 1}, (2023, 2026), (1, 3, 4, 2),
                {"1990s": 6, "1980s": 3, "2000s": 1}, 0.95),
    "clients": (20, "client", {"Finance": 2, "Retail": 2, "Digital": 1, "Health": 1},
                (2019, 2026), (2, 4, 3, 0), {"1980s": 4, "1970s": 3, "1990s": 2}, 0.8),
    "suppliers": (14, "supplier", {"Culture & media": 2, "Digital": 2, "Consulting": 1},
                  (2018, 2026), (2, 4, 2, 0), {"1990s": 4, "1980s": 3}, 0.9),
    "events": (36, "event", {"Consulting": 3, "Digital": 3, "Culture & media": 2,
                             "Finance": 1, "Public sector": 1, "Health": 1,
                             "Construction": 1, "Industry": 1, "Hospitality": 1},
               (2017, 2026), (6, 3, 1, 0), {"1990s": 3, "1980s": 3, "1970s": 2,
                                            "1960s": 1}, 0.8),
    "online": (70, "online", {"Consulting": 4, "Digital": 4, "Culture & media": 3,
                              "Finance": 1, "Retail": 1, "Education": 1, "Transport": 1},
               (2016, 2026), (9, 1, 0, 0), {"1990s": 4, "1980s": 3, "1970s": 2}, 0.7),
    "friends": (12, "friend", {"Culture & media": 2, "Education": 1, "Health": 1,
                               "Digital": 1, "Public sector": 1},
                (2016, 2026), (0, 1, 4, 4), {"1990s": 1}, 0.9),
    "family": (4, "family", {"Industry": 1, "Education": 1, "Health": 1, "Hospitality": 1},
               (2016, 2020), (0, 0, 1, 4), {"1960s": 2, "1990s": 1, "2000s": 1}, 0.5),
}


def _pick(rng, weighted):
    items = list(weighted.items()) if isinstance(weighted, dict) else list(weighted)
    w = np.array([x[1] for x in items], dtype=float)
    return items[int(rng.choice(len(items), p=w / w.sum()))][0]


def _slug(text):
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return "-".join("".join(c if c.isalnum() else " " for c in plain).split())


def _date(rng, years):
    start = _dt.date(years[0], 1, 1).toordinal()
    end = min(_dt.date(years[1], 12, 31), _dt.date(2026, 3, 31)).toordinal()
    return _dt.date.fromordinal(int(rng.integers(start, end + 1)))


def make_sample(seed: int = SEED):
    """The sample's contacts as plain records (names included: it is fiction).

    Returns
    -------
    list of dict
        Keys: ``first``, ``last``, ``url``, ``email``, ``company``,
        ``position``, ``date`` (datetime.date), and the truth Camille knows:
        ``context``, ``strength``, ``region``, ``generation``, ``sector``,
        ``annotated`` (bool).

    Examples
    --------
    >>> rows = make_sample()
    >>> 280 <= len(rows) <= 320 and rows == make_sample()
    True
    """
    from faker.providers.person.en_GB import Provider as EnglishNames
    from faker.providers.person.fr_FR import Provider as FrenchNames

    rng = np.random.default_rng(seed)
    fr_first = tuple(FrenchNames.first_names_female) + tuple(FrenchNames.first_names_male)
    en_first = tuple(EnglishNames.first_names_female) + tuple(EnglishNames.first_names_male)
    fr_last, en_last = tuple(FrenchNames.last_names), tuple(EnglishNames.last_names)
    company_names = fr_last[:200]
    regions = [r for r in REGIONS if r not in ("Île-de-France", "Abroad")]
    region_w = np.array([_france.REGIONS[r][0] for r in regions])
    cities = {r: _france.SCHOOL_CITY[r] for r in _france.SCHOOL_CITY}
    rows = []
    for group, (count, context, sectors, years, strengths, gens, idf) in _GROUPS.items():
        for _ in range(count):
            english = rng.random() < 0.12
            firsts, lasts = (en_first, en_last) if english else (fr_first, fr_last)
            first = firsts[int(rng.integers(len(firsts)))]
            last = lasts[int(rng.integers(len(lasts)))]
            sector = _pick(rng, sectors)
            if rng.random() < idf:
                region = "Île-de-France"
            elif rng.random() < 0.1:
                region = "Abroad"
            else:
                region = regions[int(rng.choice(len(regions), p=region_w / region_w.sum()))]
            city = cities.get(region, "Paris")
            if group in ("agency", "bank", "current") and rng.random() < 0.85:
                company = {"agency": _AGENCY, "bank": _BANK, "current": _CURRENT}[group][0]
            elif group == "school" and rng.random() < 0.35:
                company, sector = _SCHOOL[0], _SCHOOL[1]
            elif rng.random() < 0.06:
                company = _AMBIGUOUS[int(rng.integers(len(_AMBIGUOUS)))]
            else:
                company = _PATTERNS[sector][int(rng.integers(len(_PATTERNS[sector])))]
            name = last
            while name in (first, last):
                name = company_names[int(rng.integers(len(company_names)))]
            company = company.format(n=name, c=city)
            titles = dict(_TITLES[sector])
            position = _pick(rng, titles)
            if group == "school" and company == _SCHOOL[0]:
                position = _pick(rng, dict(_TITLES["Education"]))
            strength = int(_pick(rng, {k + 1: w for k, w in enumerate(strengths)}))
            generation = _pick(rng, gens)
            date = _date(rng, years)
            tag = int(rng.integers(16 ** 6))
            url = f"https://www.linkedin.com/in/{_slug(first)}-{_slug(last)}-{tag:06x}"
            email = (f"{_slug(first)}.{_slug(last)}@example.{'com' if english else 'fr'}"
                     if rng.random() < 0.08 else "")
            rows.append({"first": first, "last": last, "url": url, "email": email,
                         "company": company, "position": position, "date": date,
                         "context": context, "strength": strength, "region": region,
                         "generation": generation, "sector": sector, "group": group,
                         "annotated": bool(rng.random() < 0.68)})
    _tricky(rows, rng)
    rows.sort(key=lambda r: (r["date"] or _dt.date.min), reverse=True)  # newest first, as LinkedIn
    return rows


def _tricky(rows, rng):
    """Turn a few rows into the awkward cases real exports contain."""
    def edit(i, **changes):
        rows[i].update(changes)

    edit(3, company="Durand, Petit & Associés", sector="Consulting", position="Associée")
    edit(7, position='Responsable "Growth" & acquisition')
    edit(11, first="Anne-Sophie", last="N'Diaye")
    edit(15, first="Jean-Baptiste", last="D'Almeida-Lefèvre")
    edit(19, last="Martin, PhD", position="Chercheuse en sciences de l'information",
         sector="Education")
    edit(23, company="", position="")
    edit(29, first="Élodie", last="Garnier", company="Élodie Garnier Photographie",
         position="Photographe indépendante", sector="Culture & media")
    edit(31, position="Illustratrice (contact : elodie.garnier@example.fr)",
         company="Freelance", sector="Culture & media")
    # Two different people with the same name.
    edit(37, first="Thomas", last="Petit")
    edit(41, first="Thomas", last="Petit")
    edit(43, first="", last="")  # a member who hides their name
    edit(47, position="Chargée de communication\nBénévole à la Croix-Rouge")
    edit(53, position="🚀 Growth Marketing Lead")
    edit(59, first="Zoë", last="Lefèvre-Lœuillet")


def _export_text(rows) -> str:
    out = io.StringIO()
    out.write(PREAMBLE)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for i, r in enumerate(rows):
        if i == 150:
            writer.writerow([""] * len(HEADER))  # an empty row, as some exports have
        d = r["date"]
        writer.writerow([r["first"], r["last"], r["url"], r["email"], r["company"],
                         r["position"], f"{d.day:02d} {_MONTHS[d.month - 1]} {d.year}"])
    return out.getvalue()


def write_sample(folder=None, seed: int = SEED) -> tuple[Path, Path]:
    """Write ``Connections.csv`` and its annotations into ``folder`` (default: the package data).

    Returns the two paths.

    Examples
    --------
    >>> import tempfile
    >>> export, notes = write_sample(tempfile.mkdtemp())
    >>> export.name, notes.name
    ('Connections.csv', 'Connections.weakties-annotations.csv')
    """
    from .linkedin import read_linkedin
    from .pseudonym import SAMPLE_KEY
    from .store import SUFFIX, save_annotations

    import pandas as pd

    folder = Path(folder) if folder is not None else _DATA
    folder.mkdir(parents=True, exist_ok=True)
    rows = make_sample(seed)
    export = folder / "Connections.csv"
    export.write_text(_export_text(rows), encoding="utf-8", newline="")
    contacts = read_linkedin(export, secret=SAMPLE_KEY)
    # read_linkedin keeps the file's order (the empty row is skipped).
    assert len(contacts) == len(rows)
    records = {}
    for r, (_, c) in zip(rows, contacts.iterrows()):
        if not r["annotated"]:
            continue
        records[c["contact"]] = {
            "strength": r["strength"], "context": r["context"],
            "sector": r["sector"] if c["sector_guess"] != r["sector"] else None,
            "region": r["region"], "generation": r["generation"]}
    annotations = pd.DataFrame.from_dict(records, orient="index")
    annotations.index.name = "contact"
    path = save_annotations(annotations, folder / ("Connections" + SUFFIX))
    return export, path


def write_templates(folder=None) -> tuple[Path, Path]:
    """Write the empty contact-sheet templates (CSV and Excel) into ``folder``.

    Examples
    --------
    >>> import tempfile
    >>> csv_path, xlsx_path = write_templates(tempfile.mkdtemp())
    >>> csv_path.read_text().strip()
    'name,company,position,context,sector,region,generation,strength,last_contact,since'
    """
    import openpyxl
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.datavalidation import DataValidation

    folder = Path(folder) if folder is not None else _DATA
    folder.mkdir(parents=True, exist_ok=True)
    csv_path = folder / "contacts-template.csv"
    csv_path.write_text(",".join(SHEET_HEADER) + "\n", encoding="utf-8", newline="")

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "contacts"
    ws.append(list(SHEET_HEADER))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    widths = {"name": 24, "company": 28, "position": 28, "context": 18, "sector": 18,
              "region": 26, "generation": 12, "strength": 16, "last_contact": 14, "since": 12}
    lists = wb.create_sheet("lists")
    choices = {
        "context": list(CONTEXTS),
        "sector": list(_france.SECTORS) + ["unknown"],
        "region": list(REGIONS),
        "generation": list(GENERATIONS),
        "strength": [f"{k}" for k in STRENGTH_SCALE],
    }
    for j, (col, values) in enumerate(choices.items(), start=1):
        letter = openpyxl.utils.get_column_letter(j)
        lists.cell(row=1, column=j, value=col)
        for i, v in enumerate(values, start=2):
            lists.cell(row=i, column=j, value=v)
        target = openpyxl.utils.get_column_letter(SHEET_HEADER.index(col) + 1)
        dv = DataValidation(type="list", formula1=f"=lists!${letter}$2:${letter}${len(values) + 1}",
                            allow_blank=True, showErrorMessage=True,
                            errorTitle=f"Not a {col}", error=f"Allowed: {allowed_text(col)}"[:255])
        dv.add(f"{target}2:{target}1000")
        ws.add_data_validation(dv)
    lists.sheet_state = "hidden"
    for j, col in enumerate(SHEET_HEADER, start=1):
        ws.column_dimensions[openpyxl.utils.get_column_letter(j)].width = widths[col]
    help_ = wb.create_sheet("help")
    help_.append(["column", "what to write"])
    for cell in help_[1]:
        cell.font = Font(bold=True)
    explanations = {
        "name": "The person's name. It is replaced by a pseudonym as soon as the file is "
                "read; leave it empty if you prefer, or use an 'id' column of your own.",
        "company": "Where they work.",
        "position": "Their job title.",
        "context": "How you met: " + allowed_text("context") + ".",
        "sector": "Their sector: " + allowed_text("sector") + ". Empty: guessed from the "
                  "company and the title.",
        "region": "Where they work: " + allowed_text("region") + ".",
        "generation": "Their birth decade (1980s) or birth year (1987).",
        "strength": "How well you know them: " + allowed_text("strength") + ".",
        "last_contact": "Date of your last exchange (2024-03-15, 15/03/2024) or a year.",
        "since": "When you met: a date or a year.",
    }
    for col in SHEET_HEADER:
        help_.append([col, explanations[col]])
    help_.column_dimensions["A"].width = 14
    help_.column_dimensions["B"].width = 110
    for row in help_.iter_rows(min_row=2):
        row[1].alignment = Alignment(wrap_text=True, vertical="top")
    help_.append([])
    help_.append(["privacy", "Keep this file in a folder of yours, never in the course "
                             "folder or a submission. Columns such as email, phone or notes "
                             "are ignored when the file is read."])
    xlsx_path = folder / "contacts-template.xlsx"
    wb.properties.creator = "weakties"
    wb.save(xlsx_path)
    return csv_path, xlsx_path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m weakties.audit.sample",
        description="Write the fictional sample export, its annotations and the empty "
                    "contact-sheet templates.")
    parser.add_argument("--out", default=None,
                        help="folder to write into (default: the package's data/audit/)")
    parser.add_argument("--seed", type=int, default=SEED, help=f"seed (default {SEED})")
    args = parser.parse_args(argv)
    for p in (*write_sample(args.out, args.seed), *write_templates(args.out)):
        print(p)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
