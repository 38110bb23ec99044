"""Reference tables for the simulated French professional population.

The figures are rounded and used only to give the simulation a plausible
shape; they are not meant for analysis.

Sources
-------
- Regional populations: INSEE, *Populations légales 2021* (metropolitan
  regions, millions of inhabitants, rounded to one decimal).
- Sector shares: loosely after INSEE, *Emploi salarié par secteur* (2022),
  tilted towards the office, service and digital jobs that a professional
  networking course addresses; values are weights, not statistics.
- First names and surnames: the lists shipped in ``weakties/data/``
  (``first_names.csv``, ``surnames.csv``; sources in ``data/NAMES.md``),
  read by :func:`first_names` and :func:`surnames`. They live in the package
  so that a seed gives the same names on every machine.
"""

from __future__ import annotations

import csv
import functools
from importlib import resources

from .i18n import N_

# Region -> (population in millions, districts). Districts are communes, or
# Paris arrondissements for the capital.
REGIONS: dict[str, tuple[float, tuple[str, ...]]] = {
    "Île-de-France": (12.3, tuple(
        ["Paris 1er"] + [f"Paris {i}e" for i in range(2, 21)] + [
            "Boulogne-Billancourt", "Saint-Denis", "Montreuil", "Nanterre",
            "Vincennes", "Issy-les-Moulineaux", "Créteil", "Versailles",
            "Argenteuil", "Courbevoie",
        ])),
    "Auvergne-Rhône-Alpes": (8.1, ("Lyon", "Villeurbanne", "Grenoble",
                                   "Saint-Étienne", "Clermont-Ferrand", "Annecy")),
    "Hauts-de-France": (6.0, ("Lille", "Roubaix", "Amiens", "Dunkerque")),
    "Nouvelle-Aquitaine": (6.0, ("Bordeaux", "Mérignac", "Limoges", "Poitiers",
                                 "La Rochelle")),
    "Occitanie": (6.0, ("Toulouse", "Montpellier", "Nîmes", "Perpignan")),
    "Grand Est": (5.6, ("Strasbourg", "Reims", "Metz", "Nancy", "Mulhouse")),
    "Provence-Alpes-Côte d'Azur": (5.1, ("Marseille", "Nice", "Aix-en-Provence",
                                         "Toulon", "Avignon")),
    "Pays de la Loire": (3.8, ("Nantes", "Angers", "Le Mans")),
    "Bretagne": (3.4, ("Rennes", "Brest", "Lorient", "Vannes")),
    "Normandie": (3.3, ("Rouen", "Caen", "Le Havre")),
    "Bourgogne-Franche-Comté": (2.8, ("Dijon", "Besançon")),
    "Centre-Val de Loire": (2.6, ("Tours", "Orléans")),
    "Corse": (0.35, ("Ajaccio", "Bastia")),
}

CAPITAL_REGION = "Île-de-France"

# The city whose name the region's schools carry.
SCHOOL_CITY = {
    "Île-de-France": "Paris", "Auvergne-Rhône-Alpes": "Lyon",
    "Hauts-de-France": "Lille", "Nouvelle-Aquitaine": "Bordeaux",
    "Occitanie": "Toulouse", "Grand Est": "Strasbourg",
    "Provence-Alpes-Côte d'Azur": "Marseille", "Pays de la Loire": "Nantes",
    "Bretagne": "Rennes", "Normandie": "Rouen",
    "Bourgogne-Franche-Comté": "Dijon", "Centre-Val de Loire": "Tours",
    "Corse": "Ajaccio",
}

# School kinds and the sectors their graduates tend to join (weight multipliers).
SCHOOL_KINDS: dict[str, dict[str, float]] = {
    "University": {"Public sector": 2.0, "Education": 3.0, "Health": 2.0,
                   "Culture & media": 2.0},
    "Engineering school": {"Digital": 3.0, "Industry": 3.0, "Construction": 2.0,
                           "Transport": 2.0, "Consulting": 1.5},
    "Business school": {"Finance": 3.0, "Retail": 2.0, "Consulting": 2.5,
                        "Hospitality": 1.5, "Digital": 1.5},
    "Technical institute": {"Industry": 2.0, "Construction": 2.0, "Transport": 2.0,
                            "Hospitality": 2.0, "Retail": 1.5, "Health": 1.5},
}

# Working population by birth decade (weights).
GENERATIONS: dict[str, float] = {
    "1960s": 0.16, "1970s": 0.22, "1980s": 0.24, "1990s": 0.25, "2000s": 0.13,
}

TRANSVERSAL_SKILLS = (
    "communication", "project management", "negotiation", "English",
    "public speaking", "team leadership", "writing",
)

# Sector -> (weight, {occupation: skills}).
SECTORS: dict[str, tuple[float, dict[str, tuple[str, ...]]]] = {
    "Digital": (0.10, {
        "software developer": ("Python", "web development", "cloud", "databases"),
        "data analyst": ("Python", "statistics", "data visualisation", "databases"),
        "product manager": ("product strategy", "user research", "agile methods"),
        "UX designer": ("user research", "interface design", "prototyping"),
        "IT project manager": ("agile methods", "cloud", "budgeting"),
    }),
    "Finance": (0.08, {
        "bank adviser": ("customer relations", "credit analysis", "regulation"),
        "financial analyst": ("financial modelling", "credit analysis", "statistics"),
        "insurance broker": ("customer relations", "risk assessment", "sales"),
        "accountant": ("accounting", "tax law", "budgeting"),
        "compliance officer": ("regulation", "risk assessment", "auditing"),
    }),
    "Industry": (0.10, {
        "production engineer": ("lean manufacturing", "quality control", "maintenance"),
        "quality manager": ("quality control", "auditing", "regulation"),
        "buyer": ("purchasing", "negotiation", "supply chain"),
        "technician": ("maintenance", "electrical systems", "quality control"),
        "R&D engineer": ("prototyping", "materials science", "patents"),
    }),
    "Retail": (0.09, {
        "store manager": ("sales", "team scheduling", "merchandising"),
        "sales representative": ("sales", "customer relations", "prospecting"),
        "e-commerce manager": ("web marketing", "logistics", "data visualisation"),
        "category buyer": ("purchasing", "merchandising", "supply chain"),
    }),
    "Health": (0.10, {
        "nurse": ("patient care", "emergency care", "health regulation"),
        "doctor": ("diagnosis", "patient care", "health regulation"),
        "pharmacist": ("pharmacology", "customer relations", "health regulation"),
        "care home manager": ("team scheduling", "budgeting", "health regulation"),
    }),
    "Public sector": (0.09, {
        "civil servant": ("public procurement", "regulation", "report writing"),
        "local authority manager": ("public procurement", "budgeting", "urban planning"),
        "policy officer": ("report writing", "regulation", "stakeholder dialogue"),
    }),
    "Education": (0.07, {
        "teacher": ("teaching", "curriculum design", "mentoring"),
        "researcher": ("research methods", "statistics", "grant writing"),
        "trainer": ("teaching", "curriculum design", "e-learning"),
    }),
    "Culture & media": (0.06, {
        "journalist": ("reporting", "interviewing", "fact-checking"),
        "graphic designer": ("visual identity", "illustration", "interface design"),
        "musician": ("performance", "composition", "event production"),
        "community manager": ("social media", "web marketing", "copywriting"),
        "event producer": ("event production", "budgeting", "sponsorship"),
    }),
    "Consulting": (0.09, {
        "management consultant": ("strategy", "change management", "financial modelling"),
        "HR consultant": ("recruitment", "employment law", "coaching"),
        "lawyer": ("business law", "contracts", "employment law"),
        "marketing consultant": ("web marketing", "market research", "branding"),
    }),
    "Construction": (0.08, {
        "architect": ("building design", "urban planning", "regulation"),
        "site manager": ("site management", "team scheduling", "safety"),
        "real estate agent": ("sales", "property valuation", "negotiation"),
        "civil engineer": ("structural design", "site management", "safety"),
    }),
    "Hospitality": (0.07, {
        "chef": ("cooking", "team scheduling", "food safety"),
        "hotel manager": ("customer relations", "budgeting", "team scheduling"),
        "caterer": ("cooking", "event production", "food safety"),
        "tourism officer": ("customer relations", "languages", "event production"),
    }),
    "Transport": (0.07, {
        "logistics manager": ("supply chain", "logistics", "budgeting"),
        "driver": ("driving", "safety", "customer relations"),
        "fleet manager": ("logistics", "maintenance", "safety"),
    }),
}

# Who buys services or goods from whom: provider sector -> client sectors
# (weights). Service providers serve every sector; goods suppliers supply
# businesses that need their goods.
#: The name of each sector as a learner reads it, marked for translation: show
#: ``gettext(SECTOR_NAMES[sector], lang)``; the data keep the English keys.
SECTOR_NAMES: dict[str, str] = {
    "Digital": N_("Digital"), "Finance": N_("Finance"), "Industry": N_("Industry"),
    "Retail": N_("Retail"), "Health": N_("Health"), "Public sector": N_("Public sector"),
    "Education": N_("Education"), "Culture & media": N_("Culture & media"),
    "Consulting": N_("Consulting"), "Construction": N_("Construction"),
    "Hospitality": N_("Hospitality"), "Transport": N_("Transport"),
}
assert set(SECTOR_NAMES) == set(SECTORS), "every sector needs a name in SECTOR_NAMES"

SERVICE_SECTORS: dict[str, dict[str, float]] = {
    "Digital": {"Finance": 3, "Retail": 2, "Industry": 2, "Public sector": 1.5,
                "Health": 1, "Consulting": 1, "Transport": 1},
    "Finance": {"Retail": 2, "Industry": 2, "Construction": 2, "Hospitality": 2,
                "Health": 1, "Digital": 1.5, "Culture & media": 1},
    "Consulting": {"Finance": 2, "Industry": 2, "Public sector": 2, "Retail": 1.5,
                   "Digital": 1.5, "Health": 1, "Transport": 1},
    "Culture & media": {"Retail": 2, "Hospitality": 2, "Public sector": 1.5,
                        "Digital": 1, "Finance": 1},
    "Education": {"Industry": 1, "Digital": 1, "Health": 1, "Public sector": 1},
}
GOODS_SECTORS: dict[str, dict[str, float]] = {
    "Industry": {"Construction": 2, "Retail": 2, "Transport": 1, "Health": 1},
    "Transport": {"Retail": 3, "Industry": 2, "Hospitality": 1},
    "Hospitality": {"Culture & media": 1, "Consulting": 1, "Finance": 1, "Digital": 1},
    "Retail": {"Hospitality": 2, "Health": 1, "Education": 1},
    "Construction": {"Public sector": 2, "Industry": 1, "Hospitality": 1, "Retail": 1},
}


# --------------------------------------------------------------------------
# Names, from the lists shipped with the package

NAME_ORIGINS = ("fr", "en")


def _read_csv(name):
    text = resources.files("weakties").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@functools.lru_cache(maxsize=None)
def first_names() -> dict[tuple[str, str, str], tuple[str, ...]]:
    """First names by (origin, birth decade, gender), in file order.

    Read from ``weakties/data/first_names.csv``: origin ``"fr"`` or ``"en"``,
    decade as in :data:`GENERATIONS`, gender ``"F"`` or ``"M"``.

    Examples
    --------
    >>> names = first_names()
    >>> "Lucie" in names[("fr", "1990s", "F")]
    True
    >>> sorted({decade for _, decade, _ in names}) == sorted(GENERATIONS)
    True
    """
    out: dict[tuple[str, str, str], list[str]] = {}
    for row in _read_csv("first_names.csv"):
        out.setdefault((row["origin"], row["decade"], row["gender"]), []).append(row["name"])
    return {k: tuple(v) for k, v in out.items()}


@functools.lru_cache(maxsize=None)
def surnames() -> dict[str, tuple[str, ...]]:
    """Family names by origin (``"fr"``, ``"en"``), in file order.

    Read from ``weakties/data/surnames.csv``.

    Examples
    --------
    >>> surnames()["fr"][:3]
    ('Martin', 'Bernard', 'Thomas')
    """
    out: dict[str, list[str]] = {}
    for row in _read_csv("surnames.csv"):
        out.setdefault(row["origin"], []).append(row["name"])
    return {k: tuple(v) for k, v in out.items()}
