"""weakties.lessons.silos_and_bridges (lesson 04): silos, the small world, brokers, new ties."""

import matplotlib
import networkx as nx
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

import weakties  # noqa: E402
from weakties import metrics  # noqa: E402
from weakties.lessons import claims_of, silos_and_bridges as sb  # noqa: E402


@pytest.fixture(scope="module")
def G():
    return weakties.population(800, seed=5)


@pytest.fixture(scope="module")
def people(G):
    return sb.brokerage(G)


@pytest.fixture(scope="module")
def world():
    return sb.small_world(300, 6, seeds=(1, 2))


def test_insularity_table_rounds_the_library_measure(G):
    table = sb.insularity_table(G, "region", lang="en")
    raw = metrics.insularity(G, "region")
    assert list(table.index) == list(raw.index)
    assert list(table["ties inside"]) == list(raw["inside"].round(2))
    assert list(table["times more than chance"]) == list(raw["ratio"].round(2))


def test_insularity_explorer_redraws_each_grouping(G):
    before = set(plt.get_fignums())
    explorer = sb.explore_insularity(G)
    assert explorer.poke() == []
    explorer.set(attribute="generation")
    ax = explorer.last_result.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert sorted(labels) == sorted({G.nodes[p]["generation"] for p in G})
    assert set(plt.get_fignums()) == before


def _png(fig):
    import io

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=40)
    buffer.seek(0)
    return plt.imread(buffer)


def test_insularity_explorer_shows_the_picture_drawn_for_the_grouping(G):
    import numpy as np

    explorer = sb.explore_insularity(G, lang="en")
    for attribute in sb.GROUPINGS:
        fresh = sb.draw_insularity(metrics.insularity(G, attribute), attribute, lang="en")
        explorer.set(attribute=attribute)
        assert explorer.last_result is explorer.func(attribute)  # drawn once, shown again
        assert np.array_equal(_png(fresh), _png(explorer.last_result)), attribute
        plt.close(fresh)


def test_small_world_chords_are_the_rewired_ties(world):
    assert world.chords[0.0] == []
    for share in world.shares:
        moved = round(share * 300 * 6 / 2)
        assert 0.9 * moved <= len(world.chords[share]) <= moved
    ring = {frozenset(e) for e in weakties.smallworld.ring_lattice(300, 6).edges()}
    assert not any(frozenset(c) in ring for c in world.chords[0.1])


def test_small_world_explorer_marks_the_share_and_titles_the_numbers(world):
    explorer = sb.explore_small_world(world=world, lang="en")
    assert explorer.poke() == []
    explorer.set(share=0.05)
    fig = explorer.last_result
    row = world.row(0.05)
    assert f"Paths: {round(100 * row['path_ratio'])}% of the ring's" in fig.axes[1].get_title()
    assert "5.0% of the ties rewired at random" == fig.axes[0].get_title()


def test_show_population_small_world_prints_both_networks(G, capsys):
    sb.show_population_small_world(G, lang="en")
    lines = capsys.readouterr().out.splitlines()
    c = weakties.smallworld.compare_with_random(G, seed=7)
    assert lines[0].startswith(f"This population: {c['path_length']:.1f} steps")
    assert lines[1].endswith(f"clustering {c['random_clustering']:.3f}")


def test_toy_networks_have_burts_textbook_values():
    """Burt (1992): a star's centre has constraint 1/k and effective size k; a clique of
    k contacts has (2k-1)^2 / k^3 and effective size 1."""
    toy = sb.toy_networks()
    assert toy["broker"][1] == pytest.approx(1 / 5) and toy["broker"][2] == pytest.approx(5)
    assert toy["circle"][1] == pytest.approx(9 ** 2 / 5 ** 3)
    assert toy["circle"][2] == pytest.approx(1)
    before = set(plt.get_fignums())
    sb.show_broker_and_circle()
    assert set(plt.get_fignums()) == before


def test_brokerage_chooses_the_extremes_among_typical_people(G, people):
    median = sorted(d for _, d in G.degree())[len(G) // 2]
    band = [p for p in G if abs(G.degree(p) - median) <= 1]
    assert people.broker in band and people.closed in band
    assert people.constraint[people.broker] == min(people.constraint[p] for p in band)
    assert people.constraint[people.closed] == max(people.constraint[p] for p in band)
    assert people.reach[people.broker] == len(metrics.reach(G, people.broker, 2))
    with pytest.raises(ValueError, match="fewer than two people"):
        sb.brokerage(nx.empty_graph(1))


def test_reach_prediction_matches_the_measures(G, people):
    index, fig, text = sb.PREDICTIONS["reach"].run(G, people, lang="en")
    rb, rc = people.reach[people.broker], people.reach[people.closed]
    assert index == (0 if rb > 1.05 * rc else 1 if rc > 1.05 * rb else 2)
    assert f"{rb} people within two steps. On the right" in text
    plt.close(fig)


def test_new_tie_candidates_are_what_they_say(G, people):
    person = people.closed
    c = sb.new_tie_candidates(G, person)
    two = metrics.reach(G, person, 2)
    for q in c["friends"][:20]:
        assert q not in G[person] and q in two
    mutual = [len(set(G[q]) & set(G[person])) for q in c["friends"]]
    assert mutual == sorted(mutual, reverse=True)
    me = G.nodes[person]
    for q in c["worlds"][:20]:
        assert q not in two and all(G.nodes[q][a] != me[a]
                                    for a in ("sector", "region", "generation"))


def test_new_tie_choices_add_weak_ties_without_changing_the_population(G, people):
    edges = G.number_of_edges()
    choices = sb.new_tie_choices(G, people.closed)
    assert G.number_of_edges() == edges
    grown = G.copy()
    for q in choices.candidates["worlds"][:3]:
        grown.add_edge(people.closed, q, **sb.NEW_TIES)
    assert choices.results["worlds", 3] == (metrics.constraint(grown, people.closed),
                                            len(metrics.reach(grown, people.closed, 2)))
    view = choices.view(G, "friends", 4)
    assert view.degree(people.closed) == G.degree(people.closed) + 4


def test_new_ties_explorer_redraws(G, people):
    explorer = sb.explore_new_ties(G, sb.new_tie_choices(G, people.closed))
    assert explorer.poke() == []
    assert explorer.showed_picture


def test_claims_fail_when_the_numbers_say_otherwise():
    claims = claims_of(sb)
    assert not claims["paths_collapse_before_clustering"].verify(
        {"one_percent": {"path_worst": 0.5, "clustering_worst": 0.95}})[0]
    assert not claims["other_worlds_lower_constraint_more"].verify(
        {"after": {"friends": [0.06, 600], "worlds": [0.07, 650]}})[0]
    assert not claims["the_population_is_a_small_world"].verify(
        {"population": {"path_length": 4, "random_path_length": 2.6, "clustering": 0.2,
                        "random_clustering": 0.01}})[0]


def test_small_world_reused_figure_draws_as_a_fresh_one(world):
    import io

    import numpy as np

    def png(fig):
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=40)
        buffer.seek(0)
        return plt.imread(buffer)

    # from many long-range ties to none and back: nothing of one share stays in the next
    for share in (1.0, 0.0, 0.05, 0.5):
        fresh = world.draw(share, lang="en")
        reused = world.draw(share, lang="en", reuse=True)
        assert reused is world.draw(0.0, lang="en", reuse=True)
        world.draw(share, lang="en", reuse=True)
        assert np.array_equal(png(fresh), png(reused)), share
        plt.close(fresh)
