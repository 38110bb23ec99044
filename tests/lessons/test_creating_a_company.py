"""weakties.lessons.creating_a_company (lesson 10): tables, drawings, the Explorer, the prediction."""

import matplotlib
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

import weakties  # noqa: E402
from weakties import ties  # noqa: E402
from weakties.lessons import creating_a_company as cc  # noqa: E402
from weakties.scenarios import venture  # noqa: E402
from weakties.scenarios.venture import DEFAULT_NEEDS  # noqa: E402


@pytest.fixture(scope="module")
def G():
    return weakties.population(800, seed=5)


@pytest.fixture(scope="module")
def you(G):
    return cc.you_person(G)


def test_needs_table_lists_every_need_with_its_kind():
    table = cc.needs_table(lang="en")
    assert len(table) == sum(len(v) for v in DEFAULT_NEEDS.values())
    kinds = dict(zip(table["need"], table["kind"]))
    assert kinds["accounting"] == "a skill" and kinds["Retail"] == "a sector"


def test_your_ties_counts_strong_and_weak_ties(G, you, capsys):
    cc.your_ties(G, you, lang="en")
    strong = [q for q in G[you] if G[you][q]["strength"] >= ties.STRONG_THRESHOLD]
    lines = capsys.readouterr().out.splitlines()
    sectors = len({G.nodes[q]["sector"] for q in strong})
    assert lines[0] == f"Strong ties: {len(strong)} in {sectors} sectors"
    assert lines[1].startswith(f"Weak ties: {G.degree(you) - len(strong)} in ")


def test_team_table_names_the_whole_network_team(G, you):
    result = venture(G, you, seed=cc.SEED)
    table = cc.team_table(G, result, lang="en")
    team = result.team[result.team["mode"] == "whole network"]
    assert len(table) == len(team)
    for row, member in zip(table.itertuples(), team.itertuples()):
        if member.covered:
            assert row.person == G.nodes[member.person]["name"]
            assert row.sector == G.nodes[member.person]["sector"]
        else:
            assert row.person == "-"


def test_show_team_labels_each_member_with_their_roles(G, you):
    result = venture(G, you, seed=cc.SEED)
    before = plt.get_fignums()
    fig = cc.show_team(G, you, result, lang="en")
    assert plt.get_fignums() == before  # closed, returned for the cell to show
    team = result.team[(result.team["mode"] == "whole network") & result.team["covered"]]
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert len(labels) == team["person"].nunique()
    assert all(set(label.split(", ")) <= {"partner", "supplier", "adviser", "client"}
               for label in labels)
    assert fig.axes[0].get_legend().get_texts()[-1].get_text() == "you"


def test_founders_are_every_tenth_person(G):
    table = cc.founders(G)
    assert sorted(set(table["founder"])) == sorted(G)[::cc.FOUNDER_STEP]


def test_show_founders_counts_every_founder_once_per_search(G):
    fig = cc.show_founders(G, lang="en")
    ax = fig.axes[0]
    founders = len(sorted(G)[::cc.FOUNDER_STEP])
    filled = sum(p.get_height() for p in ax.patches if p.get_fill())
    assert filled == founders


def test_explorer_callback_titles_the_chart_with_what_each_search_covers(G, you):
    show = cc.search_explorer_callback(G, you, lang="en")
    for options in ({"max_hops": 1, "min_reliability": 0.0, "strong_threshold": 0.5},
                    {"max_hops": 2, "min_reliability": 0.6, "strong_threshold": 0.3}):
        fig = show(**options)
        covered = venture(G, you, seed=cc.SEED, **options).coverage.set_index("mode")["covered"]
        assert fig.axes[0].get_title() == (
            f"Needs covered: strong ties only {covered['strong ties only']}, weak ties only "
            f"{covered['weak ties only']}, whole network {covered['whole network']} (of 10)")


def test_explorer_moves_every_control(G, you):
    explorer = cc.explore_search(G, you, lang="en")
    assert explorer.poke() == []
    assert set(explorer.controls) == {"max_hops", "min_reliability", "strong_threshold"}


def test_prediction_answer_follows_the_simulation(G, you):
    index, fig, description = cc.PREDICTIONS["strong-or-weak"].run(G, you, lang="en")
    covered = venture(G, you, seed=cc.SEED).coverage.set_index("mode")["covered"]
    strong, weak = covered["strong ties only"], covered["weak ties only"]
    expected = 1 if abs(strong - weak) <= 1 else 0 if strong > weak else 2
    assert index == expected
    assert f"strong ties only cover {strong} of the 10 needs, weak ties only {weak}" in description
    plt.close(fig)
