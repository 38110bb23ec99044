"""weakties.lessons.strong_and_weak_ties (lesson 02): components, closure, bridges, removal."""

import itertools

import matplotlib
import networkx as nx
import numpy as np
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

import weakties  # noqa: E402
from weakties import ties  # noqa: E402
from weakties.lessons import claims_of, strong_and_weak_ties as sw  # noqa: E402


@pytest.fixture(scope="module")
def G():
    return weakties.population(800, seed=5)


def test_component_table_shows_the_strongest_and_weakest_ties(G):
    table = sw.component_table(G, 3, count=2)
    strengths = sorted((G[3][q]["strength"] for q in G[3]), reverse=True)
    assert list(table["strength"]) == [round(s, 2) for s in strengths[:2] + strengths[-2:]]
    row = table.iloc[0]
    other = next(q for q in G[3] if G.nodes[q]["name"] == row["contact"])
    tie = G[3][other]
    for c in sw.COMPONENTS:
        assert row[c] == round(tie[c], 2)
    # The components make the strength with the course's weights.
    assert tie["strength"] == pytest.approx(sum(ties.STRENGTH_WEIGHTS[c] * tie[c]
                                                for c in sw.COMPONENTS), abs=1e-5)
    with pytest.raises(nx.NodeNotFound):
        sw.component_table(G, -5)


def test_component_table_in_french_names_contexts_and_writes_decimal_commas(G):
    en, fr = sw.component_table(G, 3, count=2, lang="en"), sw.component_table(G, 3, count=2,
                                                                              lang="fr")
    assert list(fr.columns) == ["contact", "origine du lien", "temps", "proximité",
                                "réciprocité", "ancienneté", "force"]
    assert list(fr["force"]) == [f"{x:.2f}".replace(".", ",") for x in en["strength"]]
    assert "_" not in "".join(en["how they met"]) + "".join(fr["origine du lien"])


def test_facts_are_written_in_the_language_they_are_computed_in(G):
    from weakties.i18n import set_language

    try:
        set_language("fr")
        fr = sw.facts(G)
    finally:
        set_language(None)
    en = sw.facts(G)
    assert en["top_context"] == "family" and fr["top_context"] == "famille"
    assert (" in " in en["my_bridge_people"]) and ("région" in fr["my_bridge_people"])
    assert fr["closure"] == en["closure"]


def test_context_strength_averages_by_context(G):
    table = sw.context_strength(G)
    family = [s for _, _, d in G.edges(data=True) if d["context"] == "family"
              for s in [d["strength"]]]
    assert table.loc["family", "mean"] == pytest.approx(np.mean(family))
    assert table.loc["family", "ties"] == len(family)


def test_closure_by_pair_counts_pairs_by_hand():
    H = nx.Graph()
    for other, s in (("a", 0.9), ("b", 0.8), ("c", 0.1), ("d", 0.2)):
        H.add_edge("me", other, strength=s)
    H.add_edge("a", "b", strength=0.3)   # the two strong contacts know each other
    H.add_edge("a", "c", strength=0.3)   # one strong and one weak pair of four is tied
    closure = sw.closure_by_pair(H, step=1)
    # Pairs at "me" only count: the other people have fewer than two contacts in the
    # right order, but "a" has three contacts (me, b, c) whose pairs count too.
    expected = {k: [0, 0] for k in sw.PAIR_KINDS}
    for p in H:
        strong = {q: H[p][q]["strength"] >= 0.5 for q in H[p]}
        for x, y in itertools.combinations(strong, 2):
            kind = sw.PAIR_KINDS[strong[x] + strong[y]]
            expected[kind][0] += 1
            expected[kind][1] += H.has_edge(x, y)
    for kind, (pairs, tied) in expected.items():
        assert closure[kind] == pytest.approx(tied / pairs)


def test_bridge_counts_agree_with_the_library(G):
    c = sw.bridge_counts(G)
    bridges = ties.local_bridges(G)
    assert c["bridges"] == len(bridges) == len(list(nx.local_bridges(G)))
    strong = [b for b in bridges if G.edges[b]["strength"] >= ties.STRONG_THRESHOLD]
    assert c["strong_bridge_share"] == pytest.approx(len(strong) / len(bridges))


def test_bridge_summary_names_where_the_bridges_lead(G, capsys):
    person = next(p for p in G if ties.local_bridges(G, ego=p))
    sw.bridge_summary(G, person, lang="en")
    out = capsys.readouterr().out
    for _, other in ties.local_bridges(G, ego=person):
        assert G.nodes[other]["name"] in out
    lonely = next(p for p in G if not ties.local_bridges(G, ego=p))
    sw.bridge_summary(G, lonely, lang="en")
    assert "has no local bridge" in capsys.readouterr().out


def test_overlap_by_strength_groups_ties_in_tenths(G):
    table = sw.overlap_by_strength(G)
    assert len(table) == 10
    assert list(table["strength"]) == sorted(table["strength"])
    everything = np.mean([ties.overlap(G, a, b) for a, b in G.edges()])
    assert table["overlap"].mean() == pytest.approx(everything, rel=0.01)


def test_removal_curves_and_the_largest_gap(G):
    curves = sw.removal_curves(G, seed=1)
    for order, curve in curves.items():
        assert curve[0] == 1.0 and len(curve) == 101
        assert list(curve) == sorted(curve, reverse=True), order
    at = sw.largest_gap(curves)
    gap = curves["strong"] - curves["weak"]
    assert gap[int(round(at * 100))] == gap.max()


def test_region_removal_keeps_the_right_ties_and_finds_the_largest_group(G):
    r = sw.region_removal(G)
    assert all(G.nodes[p]["region"] == sw.EXPLORED_REGION for p in r.region)
    strengths = [s for *_, s in r.ranked]
    assert strengths == sorted(strengths)
    kept = r.kept(0.5, "weak")
    assert min(s for *_, s in kept) >= max(s for *_, s in r.ranked[:len(r.ranked) - len(kept)])
    left = nx.Graph()
    left.add_nodes_from(r.region)
    left.add_edges_from((a, b) for a, b, _ in r.kept(0.8, "strong"))
    assert r.largest_group(0.8, "strong") == max(nx.connected_components(left), key=len)
    assert r.largest_group(0.0, "random") == set(max(nx.connected_components(r.region), key=len))
    with pytest.raises(ValueError, match="nobody lives in 'Atlantis'"):
        sw.region_removal(G, "Atlantis")


def test_region_explorer_redraws_every_setting(G):
    before = set(plt.get_fignums())
    explorer = sw.explore_region(G)
    assert explorer.poke() == []
    assert explorer.showed_picture
    explorer.set(removed=90, order="strong")
    fig = explorer.last_result
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    largest = len(sw.region_removal(G).largest_group(0.9, "strong"))
    assert any(f"({largest})" in label for label in labels)
    assert set(plt.get_fignums()) == before


def test_prediction_answers_from_the_curves(G):
    p = sw.PREDICTIONS["removal"]
    index, fig, text = p.run(G, lang="en")
    assert p.choices[index] == "Removing the weakest ties first"   # Onnela et al. (2007)
    curves = sw.removal_curves(G)
    at = sw.largest_gap(curves)
    i = int(round(100 * at))
    assert (f"{i}% of the ties removed: the largest group still holds "
            f"{round(100 * curves['strong'][i])}% of the people") in text
    assert f"but {round(100 * curves['weak'][i])}% when the weakest go first" in text
    assert fig.axes[0].get_legend() is not None
    plt.close(fig)


def test_facts_on_the_lesson_population():
    n, seed = sw.LESSON.population
    G = weakties.population(n, seed=seed)
    f = sw.facts(G)
    assert f["name"] == G.nodes[f["person"]]["name"]
    assert f["strong_share"] == pytest.approx(
        sum(s >= 0.5 for *_, s in G.edges(data="strength")) / G.number_of_edges())
    assert f["region_people"] == sum(G.nodes[p]["region"] == f["region"] for p in G)
    assert f["my_bridges"] == len(ties.local_bridges(G, ego=f["person"]))


def test_claims_fail_when_the_numbers_say_otherwise():
    claims = claims_of(sw)
    assert not claims["stronger_pairs_close_more"].verify({"closure": [0.2, 0.25, 0.28]})[0]
    assert claims["stronger_pairs_close_more"].verify({"closure": [0.1, 0.15, 0.3]})[0]
    assert not claims["weak_first_breaks_sooner"].verify(
        {"gap_at": 0.9, "gap_weak": 0.5, "gap_strong": 0.6})[0]
    assert not claims["only_family_is_strong_on_average"].verify(
        {"strong_contexts": ["family", "friend"]})[0]


def test_region_reused_figure_draws_as_a_fresh_one(G):
    import io

    def png(fig):
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=40)
        buffer.seek(0)
        return plt.imread(buffer)

    removal = sw.region_removal(G)
    # from every tie to few and back, in each order: nothing of one move stays in the next
    for removed, order in ((0.9, "weak"), (0.0, "strong"), (0.5, "random"), (0.9, "strong")):
        fresh = removal.draw(removed, order, lang="en")
        reused = removal.draw(0.0, "weak", lang="en", reuse=True)
        assert removal.draw(removed, order, lang="en", reuse=True) is reused
        assert np.array_equal(png(fresh), png(reused)), (removed, order)
        plt.close(fresh)
