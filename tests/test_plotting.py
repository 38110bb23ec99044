"""weakties.plotting: colour-blind-safe styles, readable ego drawings, text alternatives."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
import pytest  # noqa: E402

import weakties  # noqa: E402
from weakties import plotting, ties  # noqa: E402


@pytest.fixture(scope="module")
def G():
    return weakties.population(800, seed=2)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_each_category_gets_its_own_colour_and_shape():
    styles = plotting.category_styles(list("aaabbbccd") + ["e"] * 5)
    colours = [c for c, _ in styles.values()]
    markers = [m for _, m in styles.values()]
    assert len(set(colours)) == len(colours) and len(set(markers)) == len(markers)
    assert list(styles)[0] == "e"  # most frequent first
    assert all(c in plotting.PALETTE for c in colours)


def test_rare_categories_fold_into_other():
    styles = plotting.category_styles([f"s{i}" for i in range(12)], max_categories=8)
    assert "other" in styles and len(styles) == 8


def test_draw_ego_shows_every_alter_with_a_legend_and_width_by_strength(G):
    ego = 5
    ax = plotting.draw_ego(G, ego, color_by="sector")
    from matplotlib.collections import LineCollection, PathCollection
    points = sum(len(c.get_offsets()) for c in ax.collections if isinstance(c, PathCollection))
    assert points == G.degree(ego) + 1  # every alter, plus the ego
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "you" in labels and "strong tie" in labels
    from collections import Counter
    top, count = Counter(G.nodes[v]["sector"] for v in G[ego]).most_common(1)[0]
    assert f"{top} ({count})" in labels
    # The thickest line from the ego goes to the strongest tie.
    alter_ties, ego_ties = [c for c in ax.collections if isinstance(c, LineCollection)]
    segments = ego_ties.get_segments()
    assert len(segments) == G.degree(ego)
    assert all(tuple(s[0]) == (0.0, 0.0) for s in segments)
    widest = max(range(len(segments)), key=lambda i: ego_ties.get_linewidths()[i])
    strongest = max(G[ego], key=lambda v: G[ego][v]["strength"])
    rings = ties.layers(G, ego)
    assert strongest in rings[1] + rings[2]
    assert ego_ties.get_linewidths()[widest] == pytest.approx(
        0.5 + 4 * G[ego][strongest]["strength"])
    alters = set(G[ego])
    assert len(alter_ties.get_segments()) == G.subgraph(alters).number_of_edges()
    assert ax.get_title()


def _png(fig):
    import io

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    buffer.seek(0)
    return plt.imread(buffer)


@pytest.mark.parametrize("ego, show_alter_ties", [(5, True), (17, True), (5, False)])
def test_draw_ego_ties_look_as_one_line_per_tie(G, ego, show_alter_ties):
    """The two LineCollections give the picture of the former one ``ax.plot`` per tie."""
    import numpy as np
    from matplotlib.collections import LineCollection

    ax = plotting.draw_ego(G, ego, show_alter_ties=show_alter_ties)
    collections = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert len(collections) == 1 + show_alter_ties
    # The former drawing: remove the collections, draw each tie as its own line, with
    # the colours, widths, transparency and order the former code gave it.
    reference = plotting.draw_ego(G, ego, show_alter_ties=show_alter_ties)
    alter_ties = ego_ties = None
    if show_alter_ties:
        alter_ties, ego_ties = [c for c in reference.collections
                                if isinstance(c, LineCollection)]
    else:
        ego_ties, = [c for c in reference.collections if isinstance(c, LineCollection)]
    widths = ego_ties.get_linewidths()
    for c in (alter_ties, ego_ties):
        if c is not None:
            c.remove()
    if alter_ties is not None:
        for (a, b) in alter_ties.get_segments():
            reference.plot(*zip(a, b), color="#CCCCCC", lw=0.5, zorder=1)
    for (a, b), w in zip(ego_ties.get_segments(), widths):
        reference.plot(*zip(a, b), color="#444444", lw=w, alpha=0.7, zorder=2)
    assert np.array_equal(_png(ax.figure), _png(reference.figure))


def test_describe_ego_counts_what_the_picture_shows(G):
    text = plotting.describe_ego(G, 5)
    rings = ties.layers(G, 5)
    assert f"{G.degree(5)} people" in text
    assert f"{len(rings[1])} in the support clique" in text
    assert f"{len(rings[4])} in the outer" in text


def test_draw_network_highlights_and_labels():
    small = weakties.population(60, seed=1)
    ax = plotting.draw_network(small, highlight=[0, 1], color_by="generation")
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "highlighted" in labels
    assert "generation" in ax.get_legend().get_title().get_text()


def test_draw_ego_unknown_person(G):
    with pytest.raises(nx.NodeNotFound):
        plotting.draw_ego(G, -1)


def test_share_histogram_marks_values_with_distinct_styles():
    ax = plotting.share_histogram([0.1, 0.2, 0.3, 0.9], {"median": 0.25, "Lucie": 0.3},
                                  title="t", xlabel="share", ylabel="people")
    marks = [ln for ln in ax.get_lines()]
    assert [ln.get_xdata()[0] for ln in marks] == [0.25, 0.3]
    assert marks[0].get_linestyle() != marks[1].get_linestyle()
    assert marks[0].get_color() != marks[1].get_color()
    assert ax.get_title() == "t" and ax.get_xlabel() == "share" and ax.get_ylabel() == "people"
    assert ax.xaxis.get_major_formatter()(0.5, 0) == "50%"


@pytest.mark.parametrize("shares", [[], [0.2, 1.2], [-0.1, 0.5], [float("nan")]])
def test_share_histogram_refuses_what_is_not_a_share(shares):
    with pytest.raises(ValueError, match="share"):
        plotting.share_histogram(shares, title="t", xlabel="x", ylabel="y")


def test_percent_axis_follows_the_language():
    fig, ax = plt.subplots()
    plotting.percent_axis(ax.yaxis, lang="fr")
    assert ax.yaxis.get_major_formatter()(0.25, 0) == "25\u00a0%"


def test_count_histogram_outlines_the_second_count_without_colour():
    ax = plotting.count_histogram([1, 1, 2], [3, 4, 4], labels=("relations", "ties"),
                                  title="t", xlabel="x", ylabel="y")
    filled = [p for p in ax.patches if p.get_fill()]
    assert sum(p.get_height() for p in filled) == 3
    outline = [p for p in ax.patches if not p.get_fill()]
    assert outline and outline[0].get_linestyle() not in ("-", "solid", (0.0, None))


def test_compare_circles_labels_every_point_and_uses_a_log_scale():
    ax = plotting.compare_circles([1.5, 3.5, 10.8, 29.2], [5, 15, 50, 150],
                                  names=["a", "b", "c", "d"], labels=("sim", "Dunbar"),
                                  title="t", xlabel="x", ylabel="y", lang="fr")
    texts = [t.get_text() for t in ax.texts]
    assert "150" in texts and "29,2" in texts and len(texts) == 8
    assert ax.get_yscale() == "log"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Dunbar", "sim"]
    with pytest.raises(ValueError, match="one value per circle"):
        plotting.compare_circles([1, 2], [5, 15, 50], names="ab", labels=("a", "b"),
                                 title="t", xlabel="x", ylabel="y")


def test_show_closes_the_figure_it_shows(G):
    before = plt.get_fignums()
    plotting.show_ego(G, 5)
    assert plt.get_fignums() == before
