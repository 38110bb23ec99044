"""weakties.lessons.alter_ego_network (lesson 03): look-alikes, the baseline, the four rules."""

import math

import matplotlib
import networkx as nx
import numpy as np
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

import weakties  # noqa: E402
from weakties import metrics  # noqa: E402
from weakties.lessons import alter_ego_network as ae, claims_of  # noqa: E402


@pytest.fixture(scope="module")
def G():
    return weakties.population(800, seed=5)


@pytest.fixture(scope="module")
def results(G):
    return ae.compare_policies(G, rounds=4, seed=3)


def test_random_pair_share_counts_look_alikes_among_random_pairs():
    H = nx.Graph()
    H.add_node(0, sector="a", region="x", generation="1990s", school="s")
    H.add_node(1, sector="a", region="x", generation="1960s", school="t")   # alike with 0
    H.add_node(2, sector="b", region="y", generation="1960s", school="t")   # alike with 1
    # Pairs (0, 1) and (1, 2) look alike, (0, 2) does not: two thirds of random pairs.
    assert ae.random_pair_share(H, pairs=30000, seed=1) == pytest.approx(2 / 3, abs=0.02)
    with pytest.raises(ValueError, match="at least two people"):
        ae.random_pair_share(nx.empty_graph(1))


def test_the_baseline_is_far_below_the_shares_in_networks(G):
    """McPherson et al. (2001): networks hold far more look-alikes than chance."""
    baseline = ae.random_pair_share(G)
    assert 0 < baseline < 0.2
    assert np.median(ae.alter_ego_shares(G)) > 3 * baseline


def test_alter_ego_shares_use_the_course_rule(G):
    shares = ae.alter_ego_shares(G)
    expected = [metrics.alter_ego_share(G, p) for p in G]
    assert shares == [s for s in expected if not math.isnan(s)]


def test_person_counts_by_hand(G):
    person = 10
    counted = [v for v in G[person] if G[person][v]["context"] != "family"]
    alike = [v for v in counted if metrics.is_alter_ego(G, person, v)]
    regions = {G.nodes[v]["region"] for v in counted}
    assert ae.person_counts(G, person) == (len(alike), len(counted) - len(alike), len(regions))


def test_show_diversity_prints_the_blau_index_of_each_attribute(G, capsys):
    ae.show_diversity(G, 10, lang="en")
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == ["bank, bank, bank: 0.00", "bank, design: 0.50"]
    sectors = [G.nodes[v]["sector"] for v in G[10]]
    blau = 1 - sum((sectors.count(s) / len(sectors)) ** 2 for s in set(sectors))
    assert lines[2].endswith(f"diversity by sector: {blau:.2f}")


def test_pictures_are_shown_and_closed(G, results):
    before = set(plt.get_fignums())
    ae.show_assortativity(G)
    ae.show_alter_ego_shares(G, 10)
    ae.show_person_after(G, 10, results)
    assert set(plt.get_fignums()) == before


def test_compare_policies_runs_every_rule_with_its_rounds(results):
    assert list(results) == list(ae.POLICY_NAMES)
    for result in results.values():
        assert list(result.history["round"]) == [0, 1, 2, 3, 4]
    firsts = {r.history["clustering"].iloc[0] for r in results.values()}
    assert len(firsts) == 1   # the same starting network


def test_draw_policies_draws_one_line_per_rule_up_to_the_round(results):
    ax = ae.draw_policies(results, "degree_gini", rounds=2)
    assert len(ax.get_lines()) == 4
    assert all(list(line.get_xdata()) == [0, 1, 2] for line in ax.get_lines())
    assert list(ax.get_lines()[0].get_ydata()) == \
        list(results["mutual"].history["degree_gini"].iloc[:3])
    plt.close(ax.figure)
    with pytest.raises(ValueError, match="unknown measure 'friends'"):
        ae.draw_policies(results, "friends")


def test_explorer_redraws_every_measure(results):
    explorer = ae.explore_policies(results)
    assert explorer.poke() == []
    for measure in ae.MEASURES:
        explorer.set(measure=measure)
        assert explorer.last_error is None and explorer.showed_picture


def test_predictions_on_the_simulation(results):
    """Su, Sharma and Goel (2016): contacts-of-contacts suggestions raise clustering and
    send the already popular disproportionately many new ties."""
    index, fig, text = ae.PREDICTIONS["closure"].run(results, lang="en")
    assert list(ae.POLICY_NAMES)[index] == "mutual"
    plt.close(fig)
    index, fig, text = ae.PREDICTIONS["popular"].run(results, lang="en")
    assert list(ae.POLICY_NAMES)[index] == "mutual"
    mutual = results["mutual"].best_connected_share(0.1)
    assert f"{round(100 * mutual)}% of the new ties went to them" in text
    plt.close(fig)
    index, fig, text = ae.PREDICTIONS["alike"].run(results, lang="en")
    assert list(ae.POLICY_NAMES)[index] == "similar"
    plt.close(fig)


def test_claims_fail_when_the_numbers_say_otherwise():
    claims = claims_of(ae)
    assert not claims["popular_people_gain_disproportionately"].verify(
        {"popular": {"mutual": 0.15, "random": 0.1}})[0]
    assert not claims["mutual_leaves_the_share_flat"].verify(
        {"start": {"alter_ego_share": 0.45}, "end": {"mutual": {"alter_ego_share": 0.5}}})[0]
    assert not claims["many_more_look_alikes_than_chance"].verify(
        {"median_share": 0.2, "baseline": 0.1})[0]
