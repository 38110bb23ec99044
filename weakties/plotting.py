"""Readable, colour-blind-safe pictures of networks and results.

Every picture follows the same rules, so that nothing is conveyed by colour
alone: categories get a colour from the Okabe-Ito palette *and* a marker
shape, the legend names them, tie strength is drawn as line width, and the
ego is a large star labelled "you". :func:`describe_ego` writes the text
alternative that a lesson puts under the picture.

References
----------
.. [1] Okabe, M., Ito, K. (2008). *Color Universal Design (CUD): how to make
   figures and presentations that are friendly to colorblind people*.
   https://jfly.uni-koeln.de/color/
"""

from __future__ import annotations

import math
from collections import Counter

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
from matplotlib.collections import LineCollection

from . import ties as _ties
from .i18n import N_, gettext, number, percent as _percent

__all__ = ["PALETTE", "MARKERS", "category_styles", "style_axes", "draw_ego",
           "describe_ego", "draw_network", "show", "show_ego", "share_histogram",
           "count_histogram", "compare_circles", "percent_axis", "ATTRIBUTE_LABELS",
           "attribute_label"]

#: Okabe-Ito colour-blind-safe palette (black last, kept for the ego).
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2",
           "#D55E00", "#CC79A7", "#999999", "#000000")
#: Marker shapes paired with the palette so that shape alone tells categories apart.
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "h", "<", ">", "p", "d", "8", "H")
_OTHER = "other"

#: The words for the attributes a picture may colour people by (the keys are
#: never shown: ``"sector"`` is shown as "sector" in English, "secteur" in French).
ATTRIBUTE_LABELS = {
    "sector": N_("sector"), "region": N_("region"), "generation": N_("generation"),
    "school": N_("school"), "city": N_("city"), "community": N_("community"),
    "layer": N_("layer"), "kind": N_("kind"), "origin": N_("origin"),
    _OTHER: N_("other"),
}


def attribute_label(key, lang=None):
    """The word a picture shows for the attribute ``key`` (the key itself if unknown).

    Examples
    --------
    >>> attribute_label("sector", lang="en"), attribute_label("sector", lang="fr")
    ('sector', 'secteur')
    """
    words = ATTRIBUTE_LABELS.get(key)
    return gettext(words, lang) if words else str(key)


def _category(cat, lang=None):
    return attribute_label(_OTHER, lang) if cat == _OTHER else cat


def category_styles(values, max_categories=8):
    """Colour and marker for each category, most frequent first.

    Categories beyond ``max_categories`` share the grey "other" style.

    Returns
    -------
    dict
        ``{category: (colour, marker)}``, including ``"other"`` when used.

    Examples
    --------
    >>> styles = category_styles(["bank", "bank", "art"])
    >>> list(styles)
    ['bank', 'art']
    >>> styles["bank"][0] != styles["art"][0] and styles["bank"][1] != styles["art"][1]
    True
    """
    counts = Counter(values)
    ordered = sorted(counts, key=lambda c: (-counts[c], str(c)))
    named = ordered if len(ordered) <= max_categories else ordered[:max_categories - 1]
    out = {c: (PALETTE[i % 8], MARKERS[i % len(MARKERS)]) for i, c in enumerate(named)}
    if len(named) < len(ordered):
        out[_OTHER] = ("#BBBBBB", MARKERS[-1])
    return out


def style_axes(ax, title, xlabel=None, ylabel=None):
    """Give a plot its title and axis labels, in the course's plain style."""
    ax.set_title(title)
    if xlabel is not None:
        ax.set_xlabel(xlabel)
    if ylabel is not None:
        ax.set_ylabel(ylabel)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return ax


def _ring_layout(G, ego, rings):
    """Ego in the centre, alters on circles by Dunbar layer, similar people together."""
    pos = {ego: (0.0, 0.0)}
    for k, members in rings.items():
        if not members:
            continue
        members = sorted(members, key=lambda v: (str(G.nodes[v].get("sector")), str(v)))
        radius = float(k)
        offset = 0.35 * k
        for i, v in enumerate(members):
            a = offset + 2 * math.pi * i / len(members)
            pos[v] = (radius * math.cos(a), radius * math.sin(a))
    return pos


def draw_ego(G, ego, color_by="sector", ax=None, show_alter_ties=True,
             max_categories=8, title=None):
    """Draw one person's network: Dunbar's layers as rings, strength as line width.

    The ego is a black star in the centre, labelled "you". Each alter sits on
    the ring of its layer (:func:`weakties.ties.layers`): strongest ties
    inside. Colour *and* shape show ``color_by`` (sector by default), the
    legend names them, and line width shows tie strength. Ties between
    alters are thin grey lines: where there are many, the circle is closed.

    Parameters
    ----------
    G : networkx.Graph
    ego : node
    color_by : str, default "sector"
        A node attribute (sector, region, generation, school, ...).
    ax : matplotlib Axes, optional
    show_alter_ties : bool, default True
    max_categories : int, default 8
    title : str, optional

    Returns
    -------
    matplotlib.axes.Axes
        The ties are two :class:`~matplotlib.collections.LineCollection`
        in ``ax.collections``, first the ties between alters (when shown),
        then the ego's ties, one segment per alter in the order of the
        rings; the people are the collections after them.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import weakties
    >>> from weakties.plotting import draw_ego
    >>> G = weakties.population(300, seed=1)
    >>> ax = draw_ego(G, 0)
    >>> ax.get_legend() is not None
    True
    """
    _ties._check_node(G, ego)
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 7))
    rings = _ties.layers(G, ego)
    alters = [v for r in rings.values() for v in r]
    pos = _ring_layout(G, ego, rings)
    styles = category_styles([G.nodes[v].get(color_by) for v in alters], max_categories)
    for k in (1, 2, 3, 4):
        ax.add_patch(plt.Circle((0, 0), k, fill=False, ls=":", lw=0.8, color="#999999"))
        ax.text(0, k + 0.05, gettext(_ties.LAYER_NAMES[k - 1]), ha="center", va="bottom",
                fontsize=7, color="#555555")
    # Each set of ties is one LineCollection: the picture of one line per tie (same
    # colours, widths, caps, joins and order) with one artist to draw instead of hundreds.
    lines = {"capstyle": plt.rcParams["lines.solid_capstyle"],
             "joinstyle": plt.rcParams["lines.solid_joinstyle"]}
    if show_alter_ties:
        H = G.subgraph(alters)
        ax.add_collection(LineCollection([(pos[u], pos[v]) for u, v in H.edges()],
                                         colors="#CCCCCC", linewidths=0.5, zorder=1, **lines),
                          autolim=False)
    ax.add_collection(LineCollection(
        [(pos[ego], pos[v]) for v in alters], colors="#444444", alpha=0.7, zorder=2,
        linewidths=[0.5 + 4 * G[ego][v].get("strength", 0.5) for v in alters], **lines),
        autolim=False)
    for cat, (colour, marker) in styles.items():
        members = [v for v in alters if (G.nodes[v].get(color_by) if G.nodes[v].get(color_by) in styles else _OTHER) == cat]
        if not members:
            continue
        xy = np.array([pos[v] for v in members])
        ax.scatter(xy[:, 0], xy[:, 1], s=80, c=colour, marker=marker, edgecolors="black",
                   linewidths=0.6, zorder=3,
                   label=f"{_category(cat)} ({number(len(members))})")
    you = gettext(N_("you"))
    ax.scatter([0], [0], s=500, c="black", marker="*", zorder=4, label=you)
    ax.annotate(you, (0, 0), xytext=(0, -18), textcoords="offset points",
                ha="center", fontsize=9, fontweight="bold")
    for s, lab in ((0.9, N_("strong tie")), (0.2, N_("weak tie"))):
        ax.plot([], [], color="#444444", lw=0.5 + 4 * s, label=gettext(lab))
    ax.legend(title=attribute_label(color_by), loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8,
              frameon=False)
    ax.set_aspect("equal")
    ax.set_xlim(-4.6, 4.6)
    ax.set_ylim(-4.6, 4.6)
    ax.axis("off")
    name = G.nodes[ego].get("name")
    ax.set_title(title or gettext(N_("The network of {name}: {n} ties by layer")).format(
        name=name or ego, n=number(len(alters))))
    return ax


def describe_ego(G, ego, color_by="sector"):
    """A text alternative for :func:`draw_ego`: what the picture shows, in words.

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(300, seed=1)
    >>> text = describe_ego(G, 0)
    >>> text.startswith("A network drawing")
    True
    """
    rings = _ties.layers(G, ego)
    alters = [v for r in rings.values() for v in r]
    counts = Counter(G.nodes[v].get(color_by) for v in alters).most_common(3)
    top = ", ".join(f"{c} ({number(k)})" for c, k in counts)
    closed = G.subgraph(alters).number_of_edges()
    possible = len(alters) * (len(alters) - 1) / 2 or 1
    return gettext(N_(
        "A network drawing with you at the centre and {n} people on four rings: {support} "
        "in the support clique, {sympathy} in the sympathy group, {affinity} in the affinity "
        "group and {active} in the outer active network. Thicker lines are stronger ties. "
        "The most common values of {attribute} are {top}. {closed} of the {possible} possible "
        "ties among your contacts exist ({share}).")).format(
        n=number(len(alters)), support=number(len(rings[1])), sympathy=number(len(rings[2])),
        affinity=number(len(rings[3])), active=number(len(rings[4])),
        attribute=attribute_label(color_by), top=top, closed=number(closed),
        possible=number(int(possible)), share=_percent(closed / possible))


def draw_network(G, color_by="sector", ax=None, highlight=None, seed=0,
                 max_categories=8, title=None, node_size=30):
    """Draw a small graph: colour and shape by attribute, width by strength.

    Parameters
    ----------
    G : networkx.Graph
        A few hundred people at most; draw an ego network or a subgraph.
    color_by : str
    highlight : node or collection of nodes, optional
        Drawn as large black stars.
    seed : int
        Seed of the spring layout, for the same picture every time.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import weakties
    >>> from weakties.plotting import draw_network
    >>> G = weakties.population(60, seed=1)
    >>> ax = draw_network(G, highlight=0)
    >>> ax.get_title() != ""
    True
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 6))
    if highlight is None:
        marked = set()
    elif highlight in G:
        marked = {highlight}
    else:
        marked = set(highlight)
    pos = nx.spring_layout(G, seed=seed, weight="strength")
    widths = [0.3 + 3 * d.get("strength", 0.3) for _, _, d in G.edges(data=True)]
    nx.draw_networkx_edges(G, pos, ax=ax, width=widths, edge_color="#888888", alpha=0.6)
    styles = category_styles([G.nodes[v].get(color_by) for v in G], max_categories)
    for cat, (colour, marker) in styles.items():
        members = [v for v in G if v not in marked and
                   (G.nodes[v].get(color_by) if G.nodes[v].get(color_by) in styles else _OTHER) == cat]
        if members:
            nx.draw_networkx_nodes(G, pos, nodelist=members, node_color=colour,
                                   node_shape=marker, node_size=node_size, ax=ax,
                                   edgecolors="black", linewidths=0.4,
                                   label=f"{_category(cat)} "
                                         f"({number(len(members))})")
    if marked:
        nx.draw_networkx_nodes(G, pos, nodelist=list(marked), node_color="black",
                               node_shape="*", node_size=node_size * 10, ax=ax,
                               label=gettext(N_("highlighted")))
    ax.legend(title=attribute_label(color_by), loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8,
              frameon=False)
    ax.axis("off")
    ax.set_title(title or gettext(N_("{people} people, {ties} ties, coloured and shaped by "
                                     "{attribute}")).format(
        people=number(G.number_of_nodes()), ties=number(G.number_of_edges()),
        attribute=attribute_label(color_by)))
    return ax



# --------------------------------------------------------------------------
# Pictures the lessons show in one call

def show(ax=None):
    """Show the figure of ``ax`` (or the current one) under the cell, then close it.

    Lesson cells call drawing functions through ``show_...`` helpers so that
    a cell shows its picture and nothing else (no ``<Axes ...>`` line).
    """
    fig = ax.figure if ax is not None else plt.gcf()
    try:
        from IPython import get_ipython
        from IPython.display import display

        if get_ipython() is not None:
            display(fig)
    finally:
        plt.close(fig)


def show_ego(G, ego, color_by="sector"):
    """Draw one person's network (:func:`draw_ego`) and show it under the cell.

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(300, seed=1)
    >>> open_before = len(plt.get_fignums())
    >>> show_ego(G, 0)   # draws, shows and closes the figure; returns nothing
    >>> len(plt.get_fignums()) == open_before
    True
    """
    show(draw_ego(G, ego, color_by=color_by))


def percent_axis(axis, lang=None):
    """Write the tick labels of ``axis`` (``ax.xaxis``) as percentages of shares in [0, 1].

    Uses :func:`weakties.i18n.percent`, so the labels follow the language
    (``40%`` in English, ``40 %`` in French).

    Examples
    --------
    >>> fig, ax = plt.subplots()
    >>> percent_axis(ax.xaxis, lang="en")
    >>> ax.xaxis.get_major_formatter()(0.4, 0)
    '40%'
    >>> plt.close(fig)
    """
    from matplotlib.ticker import FuncFormatter

    from .i18n import percent

    axis.set_major_formatter(FuncFormatter(lambda x, _: percent(x, lang=lang)))


_MARK_STYLES = (("black", "--", 2), (PALETTE[5], ":", 3), (PALETTE[2], "-.", 2))


def share_histogram(shares, marks=None, *, title, xlabel, ylabel, bins=20, ax=None,
                    lang=None):
    """A histogram of shares (values in [0, 1]) with marked values as vertical lines.

    Parameters
    ----------
    shares : sequence of float in [0, 1]
        One share per person (for example, the share of their ties that are strong).
    marks : dict, optional
        ``{label: value}``: each drawn as a vertical line, with its own colour
        *and* line style, named in the legend ("median person: 13%").
    title, xlabel, ylabel : str
    bins : int, default 20
    ax : matplotlib Axes, optional
    lang : str, optional
        Language of the percentages on the axis.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> ax = share_histogram([0.1, 0.2, 0.2, 0.5], {"median person: 20%": 0.2},
    ...                      title="Shares", xlabel="share", ylabel="people")
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['median person: 20%']
    >>> int(sum(p.get_height() for p in ax.patches))
    4
    >>> plt.close(ax.figure)
    """
    values = np.asarray(list(shares), dtype=float)
    if values.size == 0:
        raise ValueError("share_histogram needs at least one share to draw.")
    if np.isnan(values).any() or values.min() < 0 or values.max() > 1:
        raise ValueError("shares must be numbers between 0 and 1 (a share of 30% is 0.3).")
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 4))
    ax.hist(values, bins=bins, range=(0, 1) if values.max() > 0.5 else None,
            color=PALETTE[4], edgecolor="black")
    for (label, value), (colour, style, width) in zip((marks or {}).items(), _MARK_STYLES):
        ax.axvline(value, color=colour, ls=style, lw=width, label=label)
    percent_axis(ax.xaxis, lang=lang)
    if marks:
        ax.legend(frameon=False)
    return style_axes(ax, title, xlabel, ylabel)


def count_histogram(counts, outline=None, *, labels, title, xlabel, ylabel, ax=None):
    """Filled bars for one count per person, and optionally a dashed outline for another.

    Parameters
    ----------
    counts : sequence of int
        Drawn as filled bars (for example relations per person).
    outline : sequence of int, optional
        Drawn as a dashed black outline on the same bins (for example all
        ties per person), so that the two are told apart without colour.
    labels : (str, str)
        Legend names of ``counts`` and ``outline``.
    title, xlabel, ylabel : str

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> ax = count_histogram([1, 2, 2], [3, 4, 4], labels=("relations", "ties"),
    ...                      title="t", xlabel="x", ylabel="y")
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['relations', 'ties']
    >>> plt.close(ax.figure)
    """
    counts = np.asarray(list(counts))
    top = max(counts.max(), np.max(outline) if outline is not None else 0)
    bins = np.arange(0, top + 2)
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 4))
    ax.hist(counts, bins=bins, color=PALETTE[4], edgecolor="black", label=labels[0])
    if outline is not None:
        ax.hist(outline, bins=bins, histtype="step", color="black", ls="--", lw=1.5,
                label=labels[1])
    ax.legend(frameon=False)
    return style_axes(ax, title, xlabel, ylabel)


def compare_circles(simulated, reference, *, names, labels, title, xlabel, ylabel,
                    ax=None, lang=None):
    """Two lines over nested circles of people, on a log scale, each point labelled.

    Parameters
    ----------
    simulated, reference : sequences of float
        The number of people within each circle, from the closest out (for
        example this population's averages and Dunbar's 5, 15, 50, 150).
    names : sequence of str
        The circles' names, on the horizontal axis.
    labels : (str, str)
        Legend names of ``simulated`` and ``reference``.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> ax = compare_circles([3, 8, 20, 30], [5, 15, 50, 150], names="abcd",
    ...                      labels=("simulated", "Dunbar"), title="t", xlabel="x", ylabel="y")
    >>> ax.get_yscale(), len(ax.get_lines())
    ('log', 2)
    >>> plt.close(ax.figure)
    """
    from .i18n import decimal, number

    if len(simulated) != len(reference) or len(names) != len(simulated):
        raise ValueError("simulated, reference and names need one value per circle each.")
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 4.5))
    x = np.arange(1, len(names) + 1)
    ax.plot(x, reference, marker="s", ls="--", color=PALETTE[5], label=labels[1])
    ax.plot(x, simulated, marker="o", color=PALETTE[4], label=labels[0])
    for xi, r, s in zip(x, reference, simulated):
        ax.annotate(number(r, lang=lang), (xi, r), textcoords="offset points",
                    xytext=(8, 0), va="center")
        ax.annotate(decimal(s, 1, lang=lang), (xi, s), textcoords="offset points",
                    xytext=(8, 0), va="center")
    ax.set_yscale("log")
    ax.set_xticks(x, list(names))
    ax.set_xlim(0.7, len(names) + 0.5)
    ax.legend(frameon=False, loc="upper left")
    return style_axes(ax, title, xlabel, ylabel)
