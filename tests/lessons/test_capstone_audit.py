"""weakties.lessons.capstone_audit (lesson 11): the functions the capstone's cells call."""

import matplotlib
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

import weakties  # noqa: E402
from weakties import audit  # noqa: E402
from weakties.lessons import capstone_audit as ca  # noqa: E402
from weakties.scenarios import networking_event  # noqa: E402


@pytest.fixture(scope="module")
def settings(tmp_path_factory):
    import os

    old = os.environ.get("WEAKTIES_CONFIG_DIR")
    os.environ["WEAKTIES_CONFIG_DIR"] = str(tmp_path_factory.mktemp("config"))
    yield
    if old is None:
        del os.environ["WEAKTIES_CONFIG_DIR"]
    else:
        os.environ["WEAKTIES_CONFIG_DIR"] = old


@pytest.fixture(scope="module")
def contacts(settings):
    return audit.with_annotations(audit.read_network("sample"))


def test_overview_counts_and_shows_no_personal_column(contacts, capsys):
    table = ca.contacts_overview(contacts, rows=5, lang="en")
    unknown = (contacts["sector"] == "unknown").sum()
    assert capsys.readouterr().out.strip() == f"{len(contacts)} contacts; {unknown} with an " \
                                               "unknown sector"
    assert len(table) == 5
    assert not {"first_name", "last_name", "name", "email", "url"} & set(table.columns)
    assert table["contact"].str.match(r"^C-[0-9a-f]{8}$").all()


def test_event_formats_are_the_networking_simulation_per_attendee():
    G = weakties.population(400, seed=2)
    table = ca.event_formats(G, lang="en")
    assert list(table.index) == ["evening", "breakfast", "neighbourhood"]
    ties = networking_event(G, ca.ATTENDEES, format="breakfast", rounds=ca.SESSIONS,
                            seed=ca.SEED, months=ca.MONTHS).new_ties
    met = ties[ties["kind"] == "event"]
    assert table.loc["breakfast", "contacts per attendee"] == round(len(met) / ca.ATTENDEES, 2)
    assert table.loc["breakfast", "relations per attendee"] == \
        round(met["relation"].sum() / ca.ATTENDEES, 2)


def test_tables_keep_the_report_columns(contacts):
    rep = audit.report(contacts, goal="prospecting")
    assert list(ca.measures_table(rep)["label"]) == list(rep.measures["label"])
    assert list(ca.worlds_table(rep).columns) == ["dimension", "world", "your_contacts",
                                                  "needed", "missing", "why"]
    assert set(ca.bridges_table(rep)["contact"]) <= set(contacts["contact"])
    assert len(ca.events_table(rep)) == len(rep.events)


def test_plan_explorer_writes_the_plan_of_the_goal_chosen(contacts):
    show = ca.plan_explorer_callback(contacts)
    plan = show("company_creation", "Health")
    expected = audit.report(contacts, goal="company_creation", targets={"sectors": ["Health"]})
    assert str(plan) == str(expected.plan())
    assert show("company_creation", "Health") is plan           # computed once
    explorer = ca.explore_plan(contacts, "job_search", lang="en")
    assert explorer.poke() == []


def test_prediction_answer_follows_the_audit_verdict(contacts):
    index, fig, description = ca.PREDICTIONS["sector-variety"].run(contacts, "job_search",
                                                                     lang="en")
    first = audit.report(contacts, goal="job_search")
    verdict = first.measures.set_index("measure").loc["sector_diversity", "verdict"]
    assert ca.PREDICTIONS["sector-variety"].choices[index] == {
        "below the reference": "lower", "above the reference": "higher"}.get(verdict,
                                                                             "about the same")
    assert description.startswith(first.describe("sectors"))
    plt.close(fig)


def test_save_report_says_where(contacts, capsys):
    rep = audit.report(contacts, goal="e_reputation")
    path = ca.save_report(rep, lang="en")
    assert path.exists() and path.suffix == ".html"
    assert capsys.readouterr().out.strip() == f"The report is saved as {path.name} in {path.parent}"
