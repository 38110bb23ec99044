"""The sector and seniority mapping: clear cases, ambiguous cases left unknown."""

import pytest

import weakties
from weakties.audit.sectors import (SECTOR_RULES, SECTORS, SENIORITY_LEVELS, UNKNOWN,
                                    rules_table, sector_of, sector_scores, seniority_of)


@pytest.mark.parametrize("company,position,expected", [
    ("BNP Paribas", "Chargée d'affaires", "Finance"),
    ("Banque Populaire", "", "Finance"),
    ("", "Bank teller", "Finance"),
    ("AXA", "", "Finance"),
    ("Mutuelle Générale", "", "Finance"),
    ("Cabinet Lefort", "Expert-comptable", "Finance"),
    ("Martin Assurances", "Commercial", "Finance"),
    ("Capgemini", "Consultant", "Digital"),           # the employer decides
    ("", "Développeur Python", "Digital"),
    ("", "Software engineer", "Digital"),
    ("", "Data scientist", "Digital"),
    ("Studio Martin Web", "IT project manager", "Digital"),
    ("", "Architecte logiciel", "Digital"),
    ("", "Solution architect", "Digital"),
    ("", "Architecte", "Construction"),
    ("Vinci", "", "Construction"),
    ("", "Agent immobilier", "Construction"),
    ("Hôpital Saint-Louis", "Infirmière", "Health"),
    ("Clinique du Parc", "", "Health"),
    ("", "Pharmacienne", "Health"),
    ("Mairie de Nantes", "", "Public sector"),
    ("Hôtel de Ville de Lyon", "", "Public sector"),
    ("Conseil départemental du Rhône", "Chargée de mission", "Public sector"),
    ("Conseil régional de Bretagne", "", "Public sector"),
    ("France Travail", "Conseiller", "Public sector"),
    ("Université de Lille", "Maître de conférences", "Education"),
    ("Lycée Victor Hugo", "Professeur", "Education"),
    ("", "Étudiante en master", "Education"),
    ("Martin Conseil", "Associé", "Consulting"),
    ("Deloitte", "", "Consulting"),
    ("", "Avocate", "Consulting"),
    ("", "Lawyer", "Consulting"),
    ("", "Marketing consultant", "Consulting"),
    ("Éditions Gallimard", "", "Culture & media"),
    ("Radio France", "Journaliste", "Culture & media"),
    ("", "Graphiste", "Culture & media"),
    ("", "Community manager", "Culture & media"),
    ("Hôtel Beauséjour", "Réceptionniste", "Hospitality"),
    ("Restaurant Le Zinc", "", "Hospitality"),
    ("", "Chef de cuisine", "Hospitality"),
    ("Sodexo", "", "Hospitality"),
    ("SNCF", "", "Transport"),
    ("Geodis", "Responsable logistique", "Transport"),
    ("Martin Logistique", "", "Transport"),
    ("Safran", "Ingénieur", "Industry"),
    ("Usine Renault de Flins", "", "Industry"),
    ("Carrefour", "Chef de rayon", "Retail"),
    ("", "Vendeuse", "Retail"),
    ("Decathlon", "", "Retail"),
])
def test_clear_cases(company, position, expected):
    assert sector_of(company, position) == expected


@pytest.mark.parametrize("company,position", [
    ("", ""),
    ("Groupe Martin", "Manager"),
    ("Freelance", ""),
    ("Amazon", ""),                      # retail or cloud
    ("Banque Numérique", ""),            # finance or digital
    ("", "Directeur"),
    ("", "Chargé de mission"),
    ("Martin & Co", "Associate"),
    ("Self-employed", "Owner"),
    ("", "Project manager"),
    (None, None),
    (float("nan"), float("nan")),
])
def test_ambiguous_or_silent_cases_stay_unknown(company, position):
    assert sector_of(company, position) == UNKNOWN


def test_company_counts_double_but_two_clear_clues_in_it_tie():
    assert sector_scores("Banque Martin", "Développeur")["Finance"] == 4
    assert sector_scores("Banque Martin", "Développeur")["Digital"] == 2
    assert sector_of("Banque Logiciel", "") == UNKNOWN


def test_rules_only_name_population_sectors():
    named = {s for s, _, _ in SECTOR_RULES if s is not None}
    assert named == set(SECTORS) == set(weakties._france.SECTORS)
    table = rules_table()
    assert set(table["sector"]) == set(SECTORS) | {"(neutral)"}
    assert table["keyword"].is_unique


def test_population_employers_are_recognised():
    """Employers of the simulated population carry their sector in their names."""
    G = weakties.population(1500, seed=11)
    right = unknown = wrong = 0
    for _, d in G.nodes(data=True):
        guess = sector_of(d["employer"], d["occupation"])
        if guess == d["sector"]:
            right += 1
        elif guess == UNKNOWN:
            unknown += 1
        else:
            wrong += 1
    assert right / G.number_of_nodes() > 0.95
    assert wrong / G.number_of_nodes() < 0.01


@pytest.mark.parametrize("title,expected", [
    ("Stagiaire chef de projet", "student"),
    ("Alternante marketing", "student"),
    ("Intern", "student"),
    ("PhD student", "student"),
    ("Junior Data Analyst", "junior"),
    ("Assistante de direction", "junior"),
    ("CEO & Co-founder", "executive"),
    ("Co-fondatrice", "executive"),
    ("Directeur général", "executive"),
    ("Gérante", "executive"),
    ("Associé", "executive"),
    ("VP Sales", "executive"),
    ("Head of Marketing", "manager"),
    ("Directrice artistique", "manager"),
    ("Responsable RH", "manager"),
    ("Chef de rayon", "manager"),
    ("Team Lead", "manager"),
    ("Senior Software Engineer", "senior"),
    ("Lead developer", "senior"),
    ("Experte comptable", "senior"),
    ("Product Manager", "professional"),
    ("Product Owner", "professional"),
    ("Chef de projet digital", "professional"),
    ("Community manager", "professional"),
    ("Comptable", "professional"),
    ("Infirmière", "professional"),
    ("", "unknown"),
])
def test_seniority(title, expected):
    assert seniority_of(title) == expected
    assert expected in SENIORITY_LEVELS
