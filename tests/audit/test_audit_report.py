"""The audit report: measures, reference, missing worlds, bridges, events, HTML."""

from __future__ import annotations

import math
import re

import networkx as nx
import pandas as pd
import pytest

import weakties
from weakties.audit import (SAMPLE_EXPORT, AuditInputError, AuditReport, read_linkedin,
                            report, with_annotations)
from weakties.audit.report import EVENT_FORMATS, GOALS, MEASURES, reference_distribution
from weakties.audit.schema import COLUMNS
from weakties.metrics import alter_ego_share, is_alter_ego

from audit_support import frame_text, leaks


def table(rows, source="sheet"):
    """A contact table from (company, position, sector, strength, context, region, generation)."""
    records = []
    for i, (company, position, sector, strength, context, region, generation) in enumerate(rows):
        records.append({
            "contact": f"C-{i:08x}", "company": company, "position": position,
            "connected_on": pd.Timestamp(2015 + i % 10, 1, 1), "year": 2015 + i % 10,
            "sector_guess": sector, "sector": sector,
            "seniority": "manager" if "Head" in position else "professional",
            "strength": strength, "context": context, "region": region,
            "generation": generation, "last_contact": pd.NaT, "source": source})
    df = pd.DataFrame(records, columns=list(COLUMNS))
    df["strength"] = pd.array(df["strength"], dtype="Int64")
    return df


ME = {"sector": "Digital", "region": "Île-de-France", "generation": "1990s"}


@pytest.fixture(scope="module")
def sample():
    import os
    import tempfile

    old = os.environ.get("WEAKTIES_CONFIG_DIR")
    os.environ["WEAKTIES_CONFIG_DIR"] = tempfile.mkdtemp()
    try:
        yield with_annotations(read_linkedin(SAMPLE_EXPORT))
    finally:
        if old is None:
            del os.environ["WEAKTIES_CONFIG_DIR"]
        else:
            os.environ["WEAKTIES_CONFIG_DIR"] = old


def measure(r, key):
    return r.measures.set_index("measure").loc[key, "you"]


# --------------------------------------------------------------------------
# Measures

def test_alter_ego_rule_is_the_library_rule():
    """Where everything is known, the share equals metrics.is_alter_ego over the contacts."""
    rows = []
    sectors = ["Digital", "Finance", "Health"]
    regions = ["Île-de-France", "Bretagne"]
    gens = ["1990s", "1970s"]
    contexts = ["school", "colleague", "online"]
    for i in range(36):
        rows.append((f"Co{i}", "", sectors[i % 3], 2, contexts[(i // 3) % 3], regions[i % 2],
                     gens[(i // 2) % 2]))
    r = report(table(rows), me=ME)
    G = nx.Graph()
    G.add_node("me", **ME, school="S")
    for i, (_, _, s, _, ctx, reg, gen) in enumerate(rows):
        G.add_node(i, sector=s, region=reg, generation=gen, school="S" if ctx == "school" else "x")
    expected = sum(is_alter_ego(G, "me", i) for i in range(len(rows))) / len(rows)
    assert measure(r, "alter_ego_share") == pytest.approx(expected)
    assert 0 < expected < 1


def test_alter_ego_counts_only_what_can_be_decided():
    rows = [("A", "", "Digital", 2, None, "Île-de-France", None),      # 2 shared: alter ego
            ("B", "", "Finance", 2, None, "Bretagne", None),           # could still reach 2
            ("C", "", "Finance", 2, "online", "Bretagne", "1960s"),    # decided: not
            ("D", "", "unknown", 2, "school", "Île-de-France", None)]  # region + school: alter
    r = report(table(rows), me=ME)
    assert measure(r, "alter_ego_share") == pytest.approx(2 / 3)
    assert any("3 of 4 contacts could be decided" in n for n in r.notes)


def test_alter_ego_needs_a_profile():
    rows = [("A", "", "Digital", 2, "online", None, None)] * 3
    r = report(table(rows))
    assert math.isnan(measure(r, "alter_ego_share"))
    assert "not measured" in r.measures.set_index("measure").loc["alter_ego_share", "verdict"]
    assert any("pass me=" in n for n in r.notes)


def test_profile_is_inferred_from_colleagues_and_classmates():
    rows = ([("Orbe", "", "Digital", 3, "colleague", "Occitanie", "1980s")] * 4
            + [("Uni", "", "Education", 2, "school", "Bretagne", "2000s")] * 3)
    r = report(table(rows))
    assert r.me == {"sector": "Digital", "region": "Occitanie", "generation": "2000s"}
    assert any("inferred" in n for n in r.notes)
    given = report(table(rows), me={"generation": "1990s"})
    assert given.me["generation"] == "1990s" and given.me["sector"] == "Digital"


def test_balance_diversity_and_concentration_by_hand():
    rows = ([("Orbe", "", "Digital", 4, "colleague", "Île-de-France", "1990s")] * 30
            + [("Banque Martin", "", "Finance", 1, "event", "Bretagne", "1970s")] * 10
            + [("", "", "unknown", None, None, None, None)] * 10)
    r = report(table(rows), me=ME)
    assert measure(r, "contacts") == 50
    assert measure(r, "annotated_share") == pytest.approx(0.8)
    assert measure(r, "strong_share") == pytest.approx(30 / 40)
    # Blau = 1 - (30/40)^2 - (10/40)^2 over the 40 known sectors
    assert measure(r, "sector_diversity") == pytest.approx(1 - 0.75 ** 2 - 0.25 ** 2)
    assert measure(r, "top5_company_share") == pytest.approx(1.0)
    assert measure(r, "company_diversity") == pytest.approx(1 - 0.75 ** 2 - 0.25 ** 2)
    verdicts = r.measures.set_index("measure")["verdict"]
    assert verdicts["sector_diversity"] == "below the reference"
    assert verdicts["top5_company_share"] == "above the reference"
    assert r.composition["sector"]["unknown"] == 10


def test_targets_drive_the_verdicts_and_the_plan():
    rows = [("Orbe", "", "Digital", 2, "colleague", "Île-de-France", "1990s")] * 5
    r = report(table(rows), me=ME, targets={"sector_diversity": 0.5, "strong_share": (0.1, 0.3),
                                           "sectors": ["Health"]})
    m = r.measures.set_index("measure")
    assert m.loc["sector_diversity", "verdict"] == "misses your target"
    assert m.loc["sector_diversity", "target"] == "at least 0.50"
    assert m.loc["strong_share", "target"] == "10% to 30%"
    assert any(a.startswith("Target not met: sector diversity") for a in r.actions)
    health = r.missing[r.missing["world"] == "Health"].iloc[0]
    assert bool(health["needed"]) and health["your_contacts"] == 0


def test_a_target_world_already_well_reached_is_not_missing_but_still_planned():
    rows = [("Clinique", "", "Health", 2, "client", "Île-de-France", "1990s")] * 8
    r = report(table(rows), me=ME, targets={"sectors": ["Health"]})
    assert "Health" not in set(r.missing["world"])
    health = r.worlds.set_index("world").loc["Health"]
    assert bool(health["needed"]) and not bool(health["missing"])
    assert len(r.bridges[r.bridges["world"] == "Health"]) == 3
    assert any(a.startswith("Health (a sector you set as a target): you know 8 people there")
               for a in r.actions)


# --------------------------------------------------------------------------
# Reference

def test_reference_is_deterministic_and_seeded():
    from weakties.audit.report import _reference_from_population

    a, wa, ia = reference_distribution(40, seed=5)
    _reference_from_population.cache_clear()      # build it again, do not reuse it
    b, wb, _ = reference_distribution(40, seed=5)
    c, _, _ = reference_distribution(40, seed=6)
    pd.testing.assert_frame_equal(a, b)
    assert wa == wb
    assert not a.equals(c)
    assert ia["mean_degree"] == 40 and set(a.columns) == set(MEASURES)


def test_reference_egos_have_about_as_many_ties_as_the_learner_has_contacts():
    for size in (40, 100):
        t, _, _ = reference_distribution(size)
        assert 0.6 * size < t["contacts"].median() < 1.2 * size


def test_reference_can_be_any_population():
    G = weakties.population(400, seed=3)
    t, worlds, info = reference_distribution(50, reference=G)
    assert info["people"] == 400 and len(t) == 400
    assert sum(worlds["region"].values()) == pytest.approx(1)
    with pytest.raises(TypeError, match="population graph"):
        reference_distribution(50, reference="a graph")


def test_reference_alter_ego_share_is_lesson_03s_function():
    """One rule for the course (issue 14): each reference person's alter-ego share is
    metrics.alter_ego_share, the function lesson 03 shows, family ties left out."""
    G = weakties.population(300, seed=4)
    t, _, info = reference_distribution(40, reference=G)
    people = [v for v in G if any(d.get("context") != "family" for d in G[v].values())]
    assert info["egos"] == len(people) == len(t)
    assert list(t["alter_ego_share"]) == pytest.approx(
        [alter_ego_share(G, v) for v in people], nan_ok=True)


def test_contacts_follow_the_same_rule_as_the_population():
    """The same contacts as a population around "me" and as a contact table give the
    same share, family ties left out in both (school stands for "met at school")."""
    rows = [("A", "", "Digital", 2, "school", "Bretagne", "1990s"),
            ("B", "", "Digital", 2, "family", "Île-de-France", "1990s"),
            ("C", "", "Health", 2, "colleague", "Île-de-France", "1970s"),
            ("D", "", "Digital", 2, "colleague", "Île-de-France", "1970s")]
    G = nx.Graph()
    G.add_node("me", **ME, school="S")
    for i, (_, _, s, _, ctx, reg, gen) in enumerate(rows):
        G.add_node(i, sector=s, region=reg, generation=gen, school="S" if ctx == "school" else "x")
        G.add_edge("me", i, context=ctx)
    r = report(table(rows), me=ME)
    assert measure(r, "alter_ego_share") == pytest.approx(alter_ego_share(G, "me")) == 2 / 3


def test_reference_alter_ego_share_is_in_a_plausible_band():
    """Homophily makes look-alikes far more common among ties than among random pairs
    (McPherson, Smith-Lovin and Cook 2001); the metrics module finds about 7% of random
    pairs alike in a default population."""
    t, _, _ = reference_distribution(60)
    assert 0.15 < t["alter_ego_share"].median() < 0.6


# --------------------------------------------------------------------------
# Worlds, bridges, events

def test_bridges_prefer_moderately_weak_ties_for_a_job_and_trusted_ones_for_introductions():
    rows = [("Hôpital A", "Nurse", "Health", 4, "friend", "Bretagne", "1980s"),
            ("Hôpital B", "Nurse", "Health", 2, "event", "Bretagne", "1980s"),
            ("Hôpital C", "Nurse", "Health", 1, "online", "Bretagne", "1980s"),
            ("Hôpital D", "Nurse", "Health", 3, "client", "Bretagne", "1980s")]
    rows += [("Orbe", "", "Digital", 2, "colleague", "Île-de-France", "1990s")] * 20
    targets = {"sectors": ["Health"]}
    job = report(table(rows), goal="job_search", me=ME, targets=targets)
    pros = report(table(rows), goal="prospecting", me=ME, targets=targets)
    first_job = job.bridges[job.bridges["world"] == "Health"].iloc[0]
    first_pro = pros.bridges[pros.bridges["world"] == "Health"].iloc[0]
    assert first_job["company"] == "Hôpital B"           # an acquaintance (Rajkumar et al. 2022)
    assert first_pro["company"] in ("Hôpital A", "Hôpital D")   # trust for a warm introduction
    assert "Hôpital A" not in set(job.bridges["company"][:2])   # not the close friend first
    assert "acquaintance (weak tie)" == first_job["tie"]


def test_contacts_whose_sector_trades_with_a_world_can_bridge_to_it():
    # In the population model, finance serves construction and digital does not, and
    # construction supplies neither (weakties._france.SERVICE_SECTORS and GOODS_SECTORS).
    rows = [("Banque Martin", "Chargé d'affaires", "Finance", 2, "event", None, None)]
    rows += [("Orbe", "", "Digital", 2, "colleague", None, None)] * 5
    r = report(table(rows), me=ME, targets={"sectors": ["Construction"]})
    b = r.bridges[r.bridges["world"] == "Construction"]
    assert list(b["company"]) == ["Banque Martin"]
    assert "trades with Construction" in b.iloc[0]["why"]


def test_goal_worlds():
    rows = [("Orbe", "", "Digital", 2, "colleague", "Île-de-France", "1990s")] * 10
    creation = report(table(rows), goal="company_creation", me=ME)
    needed = set(creation.missing.loc[creation.missing["needed"], "world"])
    assert "Île-de-France" in set(creation.worlds["world"])   # local partners
    assert {"Finance", "Consulting"} <= needed      # banker, accountant, lawyer
    prospecting = report(table(rows), goal="prospecting", me=ME)
    clients = set(prospecting.worlds.loc[prospecting.worlds["needed"], "world"])
    assert clients == {"Finance", "Retail", "Industry"}   # digital's biggest clients in the model


@pytest.mark.parametrize("goal,first", [("job_search", "evening"), ("prospecting", "breakfast"),
                                        ("e_reputation", "evening"),
                                        ("company_creation", "neighbourhood")])
def test_events_follow_the_goal(sample, goal, first):
    r = report(sample, goal=goal)
    assert r.events.iloc[0]["format"] == first
    assert set(r.events["format"]) <= set(EVENT_FORMATS)
    assert any(EVENT_FORMATS[first][0].lower() in a for a in r.actions)


def test_sample_report_finds_the_alter_ego_network(sample):
    r = report(sample, goal="job_search")
    m = r.measures.set_index("measure")
    assert m.loc["alter_ego_share", "verdict"] == "above the reference"
    assert m.loc["sector_diversity", "verdict"] == "below the reference"
    assert r.me == {"sector": "Digital", "region": "Île-de-France", "generation": "1990s"}
    assert {"Industry", "Public sector"} <= set(r.missing["world"])
    assert set(r.bridges["contact"]) <= set(sample["contact"])


def test_same_input_same_report(sample):
    a, b = report(sample, goal="e_reputation"), report(sample, goal="e_reputation")
    pd.testing.assert_frame_equal(a.measures, b.measures)
    pd.testing.assert_frame_equal(a.bridges, b.bridges)
    assert a.actions == b.actions


def test_an_unannotated_export_asks_for_annotations(sample):
    bare = read_linkedin(SAMPLE_EXPORT)
    r = report(bare, goal="job_search")
    assert r.actions[0].startswith("Annotate your contacts: 0 of 300")
    assert math.isnan(measure(r, "strong_share"))


# --------------------------------------------------------------------------
# Bad input

def test_bad_goal_targets_profile_and_tables(sample):
    with pytest.raises(ValueError, match="Did you mean 'job_search'"):
        report(sample, goal="job_serch")
    assert report(sample, goal="Job search").goal == "job_search"
    with pytest.raises(ValueError, match="Did you mean 'sectors'"):
        report(sample, targets={"sector": ["Health"]})
    with pytest.raises(ValueError, match="not a sector"):
        report(sample, targets={"sectors": ["Healthcare stuff"]})
    with pytest.raises(ValueError, match="number or a"):
        report(sample, targets={"strong_share": "high"})
    with pytest.raises(ValueError, match="not a region"):
        report(sample, me={"region": "Atlantis"})
    with pytest.raises(ValueError, match="no key 'age'"):
        report(sample, me={"age": 30})
    with pytest.raises(TypeError, match="read_linkedin"):
        report([1, 2])
    with pytest.raises(AuditInputError, match="no 'strength' column"):
        report(sample.drop(columns=["strength"]))
    with pytest.raises(AuditInputError, match="no contact"):
        report(sample.iloc[:0])


# --------------------------------------------------------------------------
# Rendering

@pytest.fixture(scope="module")
def sample_report(sample):
    return report(sample, goal="job_search", targets={"sectors": ["Health"]})


def test_html_is_self_contained_and_accessible(sample_report):
    page = sample_report.to_html()
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page.lower()
    srcs = re.findall(r"""(?:src|href)=['"]([^'"]+)""", page)
    assert len(srcs) == 5 and all(s.startswith("data:image/png;base64,") for s in srcs)
    alts = re.findall(r"""alt=['"]([^'"]*)""", page)
    assert len(alts) == 5 and all(len(a) > 60 for a in alts)
    assert page.count("Picture description:") == 5
    for heading in ("Action plan", "Worlds for your goal", "Contacts who could bridge",
                    "Events to attend", "Composition of your network"):
        assert heading in page
    fragment = sample_report._repr_html_()
    assert "<html" not in fragment and "Action plan" in fragment


def test_figures_are_titled_and_labelled(sample_report):
    figs = sample_report.figures()
    assert set(figs) == {"measures", "sectors", "ties", "companies", "over_time"}
    for name, (fig, text) in figs.items():
        titled = [ax for ax in fig.axes if ax.get_title()] or [fig._suptitle]
        assert titled and titled[0] is not None, name
        assert any(ax.get_xlabel() or ax.get_ylabel() for ax in fig.axes), name
        assert text and len(text) > 40


def test_save_next_to_the_export_or_where_asked(tmp_path, sample_report, private_config):
    default = sample_report.save()
    assert default.parent == private_config / "sample-audit"
    assert default.name == "Connections-audit-job-search.html"
    mine = sample_report.save(tmp_path / "audit.html")
    assert mine.read_text(encoding="utf-8") == sample_report.to_html()
    with pytest.raises(ValueError, match=r"\.html"):
        sample_report.save(tmp_path / "audit.pdf")


def test_report_holds_no_personal_data(tmp_path):
    from audit_support import KEY, PEOPLE, export_text, write_export

    people = [dict(PEOPLE[i % len(PEOPLE)], first=f"{PEOPLE[i % len(PEOPLE)]['first']}{i}")
              for i in range(40)]
    contacts = read_linkedin(write_export(tmp_path, export_text(people)), secret=KEY)
    r = report(contacts, goal="company_creation", me=ME)
    for text in (r.to_html(), repr(r), frame_text(r.bridges), frame_text(r.missing),
                 frame_text(r.measures), " ".join(r.actions), " ".join(r.notes)):
        assert leaks(text) == []
    saved = r.save(tmp_path / "report.html").read_text(encoding="utf-8")
    assert leaks(saved) == [] and str(tmp_path) not in saved


def test_repr_is_a_readable_summary(sample_report):
    text = repr(sample_report)
    assert text.startswith("AuditReport: Find a job (300 contacts)")
    assert "action plan:" in text and "1. " in text
    assert isinstance(sample_report, AuditReport)
    assert set(GOALS) == {"job_search", "prospecting", "e_reputation", "company_creation"}
