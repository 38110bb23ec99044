"""Lesson 02, strong and weak ties: strength, triadic closure, bridges, overlap, removal.

The functions the lesson's cells call, its quizzes and its prediction, the
facts its text quotes and the claims its text makes
(``course/sources/en/02-strong-and-weak-ties.md``).

References
----------
.. [1] Granovetter, M. S. (1973). The strength of weak ties. *American
   Journal of Sociology* 78(6), 1360-1380.
.. [2] Marsden, P. V., Campbell, K. E. (1984). Measuring tie strength.
   *Social Forces* 63(2), 482-501.
.. [3] Onnela, J.-P. et al. (2007). Structure and tie strengths in mobile
   communication networks. *PNAS* 104(18), 7332-7336.
"""

from __future__ import annotations

import itertools

import numpy as np

from .. import ties as _ties
from ..i18n import N_, decimal, gettext, language, number, percent
from ._core import Lesson, PredictionData, QuizData, claim
from .people import followed_person

__all__ = ["LESSON", "QUIZZES", "PREDICTIONS", "COMPONENTS", "PAIR_KINDS", "REMOVAL_ORDERS",
           "EXPLORED_REGION", "component_table", "context_strength", "show_context_strength",
           "closure_by_pair", "show_closure", "bridge_counts", "bridge_summary",
           "overlap_by_strength", "show_overlap", "removal_curves", "largest_gap",
           "draw_removal", "RegionRemoval", "region_removal", "explore_region", "facts"]

LESSON = Lesson("02", "strong-and-weak-ties", population=(2000, 7))

#: The four components of the course's tie strength (:func:`weakties.ties.tie_strength`).
COMPONENTS = ("time", "closeness", "reciprocity", "duration")
_COMPONENT_NAMES = {"time": N_("time"), "closeness": N_("closeness"),
                    "reciprocity": N_("reciprocity"), "duration": N_("duration")}

#: Kinds of pairs of contacts, by how many of the two ties that lead to them are strong.
PAIR_KINDS = (N_("both ties weak"), N_("one strong, one weak"), N_("both ties strong"))

#: Orders in which :func:`removal_curves` removes ties, with their names.
REMOVAL_ORDERS = {"weak": N_("weakest ties first"), "strong": N_("strongest ties first"),
                  "random": N_("random order")}

#: The region whose ties the explorer removes (a region of a few hundred people).
EXPLORED_REGION = "Bretagne"

_FRACTIONS = tuple(round(i / 100, 2) for i in range(101))


def _t(lang):
    return lambda text: gettext(text, lang)


def _context(key, lang=None):
    """How a tie began, in words (``"former_colleague"`` -> "former colleague"), in ``lang``."""
    from .your_network import _CONTEXTS

    return gettext(_CONTEXTS[key], lang) if key in _CONTEXTS else key.replace("_", " ")


# --------------------------------------------------------------------------
# What makes a tie strong

def component_table(G, person, count=3, lang=None):
    """The ``count`` strongest and ``count`` weakest ties of ``person``, with their components.

    Parameters
    ----------
    G : networkx.Graph
        A population from :func:`weakties.population`.
    person : node
    count : int, default 3

    Returns
    -------
    pandas.DataFrame
        One row per tie, strongest first: the contact's name, the context
        where the tie began, its four components (time, closeness,
        reciprocity, duration) and its strength, each rounded to 2 decimals
        (written with the language's decimal mark outside English).

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(300, seed=1)
    >>> table = component_table(G, 0, count=2)
    >>> len(table), list(table.columns)[-1]
    (4, 'strength')
    """
    import pandas as pd

    _ties._check_node(G, person, "person")
    t = _t(lang)
    names = [t(N_("contact")), t(N_("how they met"))] + \
        [t(_COMPONENT_NAMES[c]) for c in COMPONENTS] + [t(N_("strength"))]
    rows = [[G.nodes[q]["name"], _context(tie["context"], lang)]
            + [round(tie[c], 2) for c in COMPONENTS] + [round(tie["strength"], 2)]
            for q, tie in G[person].items()]
    table = pd.DataFrame(rows, columns=names).sort_values(names[-1], ascending=False,
                                                          kind="stable")
    if len(table) > 2 * count:
        table = pd.concat([table.head(count), table.tail(count)])
    table = table.reset_index(drop=True)
    if (language() if lang is None else lang) != "en":  # numbers as the language writes them
        for column in names[2:]:
            table[column] = [decimal(x, 2, lang) for x in table[column]]
    return table


def context_strength(G):
    """Average strength and number of ties by the context where ties began, weakest first.

    Returns
    -------
    pandas.DataFrame
        Index: the context (``"former_colleague"``...); columns ``mean``
        (average strength) and ``ties``; sorted by ``mean``, lowest first.

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(300, seed=1)
    >>> table = context_strength(G)
    >>> int(table["ties"].sum()) == G.number_of_edges()
    True
    >>> list(table["mean"]) == sorted(table["mean"])
    True
    """
    import pandas as pd

    rows = pd.DataFrame([(d["context"], d["strength"]) for _, _, d in G.edges(data=True)],
                        columns=["context", "strength"])
    table = rows.groupby("context")["strength"].agg(["mean", "count"])
    table = table.rename(columns={"count": "ties"})
    return table.sort_values(["mean"], kind="stable")


def show_context_strength(G, lang=None):
    """Draw the average strength of ties by context, one labelled bar each, and show it.

    A dashed line marks the strong threshold; each bar is labelled with its
    average and its number of ties.
    """
    import matplotlib.pyplot as plt

    from ..plotting import PALETTE, show, style_axes

    t = _t(lang)
    table = context_strength(G)
    fig, ax = plt.subplots(figsize=(8, 4.5))
    labels = [_context(c, lang) for c in table.index]
    ax.barh(labels, table["mean"], color=PALETTE[4], edgecolor="black")
    ax.axvline(_ties.STRONG_THRESHOLD, color="black", ls="--",
               label=t(N_("strong from {threshold}")).format(
                   threshold=decimal(_ties.STRONG_THRESHOLD, 1, lang)))
    for y, (mean, count) in enumerate(zip(table["mean"], table["ties"])):
        ax.text(mean + 0.01, y, t(N_("{mean} ({ties} ties)")).format(
            mean=decimal(mean, 2, lang), ties=number(count, lang)), va="center", fontsize=9)
    ax.set_xlim(0, 1)
    ax.legend(frameon=False, loc="lower right")
    style_axes(ax, t(N_("Average tie strength by how people met")),
               t(N_("average strength (0 to 1)")), None)
    show(ax)


# --------------------------------------------------------------------------
# Triadic closure

def closure_by_pair(G, step=4):
    """How often two contacts of the same person know each other, by the strength of the two ties.

    For every ``step``-th person (a quarter of the people by default), each
    pair of their contacts is sorted by how many of the two ties leading to
    it are strong (:data:`weakties.ties.STRONG_THRESHOLD`): none, one or
    both. For each kind, the share of pairs who are tied to each other.

    Returns
    -------
    dict
        ``{kind: share}`` for the three kinds of :data:`PAIR_KINDS`, in that order.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_edge("me", "a", strength=0.9); G.add_edge("me", "b", strength=0.8)
    >>> G.add_edge("me", "c", strength=0.1); G.add_edge("a", "b", strength=0.3)
    >>> closure = closure_by_pair(G, step=1)   # pairs at me, at a and at b
    >>> closure["both ties strong"], closure["one strong, one weak"]
    (1.0, 0.5)
    """
    pairs = [0, 0, 0]
    tied = [0, 0, 0]
    people = list(G)
    for p in people[::step]:
        strong = {q: G[p][q]["strength"] >= _ties.STRONG_THRESHOLD for q in G[p] if q != p}
        for a, b in itertools.combinations(strong, 2):
            kind = strong[a] + strong[b]
            pairs[kind] += 1
            tied[kind] += G.has_edge(a, b)
    return {kind: (tied[i] / pairs[i] if pairs[i] else float("nan"))
            for i, kind in enumerate(PAIR_KINDS)}


def show_closure(G, lang=None):
    """Draw :func:`closure_by_pair` as three hatched, labelled bars, and show it."""
    import matplotlib.pyplot as plt

    from ..plotting import PALETTE, percent_axis, show, style_axes

    t = _t(lang)
    closure = closure_by_pair(G)
    fig, ax = plt.subplots(figsize=(7, 4))
    bars = ax.bar([t(k) for k in closure], list(closure.values()), color=PALETTE[:3],
                  edgecolor="black", hatch=["..", "//", "xx"])
    ax.bar_label(bars, labels=[percent(v, lang=lang) for v in closure.values()])
    percent_axis(ax.yaxis, lang)
    style_axes(ax, t(N_("Do two of your contacts know each other?")),
               t(N_("the two ties that lead from you to them")),
               t(N_("pairs who know each other")))
    show(ax)


# --------------------------------------------------------------------------
# Bridges

def bridge_counts(G):
    """Local bridges and strong ties in the whole population.

    Returns
    -------
    dict
        ``ties``, ``bridges`` (local bridges, :func:`weakties.ties.local_bridges`),
        ``strong_share`` (share of all ties that are strong) and
        ``strong_bridge_share`` (share of local bridges that are strong; NaN
        without local bridges).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.barbell_graph(3, 0)
    >>> nx.set_edge_attributes(G, 0.9, "strength")
    >>> G[2][3]["strength"] = 0.2   # the tie between the two triangles
    >>> c = bridge_counts(G)
    >>> c["bridges"], c["strong_bridge_share"], round(c["strong_share"], 2)
    (1, 0.0, 0.86)
    """
    kinds = _ties.classify(G)
    bridges = _ties.local_bridges(G)
    strong_bridges = sum(kinds.get((a, b), kinds.get((b, a))) == "strong" for a, b in bridges)
    return {"ties": len(kinds), "bridges": len(bridges),
            "strong_share": sum(k == "strong" for k in kinds.values()) / len(kinds),
            "strong_bridge_share": strong_bridges / len(bridges) if bridges else float("nan")}


def bridge_summary(G, person, lang=None):
    """Print the local bridges of the population and where ``person``'s own lead.

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(300, seed=1)
    >>> bridge_summary(G, 0, lang="en")  # doctest: +ELLIPSIS
    Local bridges: ... of ... ties
    Strong ties among all ties: ...%
    Strong ties among local bridges: ...%
    ...
    """
    _ties._check_node(G, person, "person")
    t = _t(lang)
    c = bridge_counts(G)
    print(t(N_("Local bridges: {bridges} of {ties} ties")).format(
        bridges=number(c["bridges"], lang), ties=number(c["ties"], lang)))
    print(t(N_("Strong ties among all ties: {share}")).format(
        share=percent(c["strong_share"], 1, lang)))
    print(t(N_("Strong ties among local bridges: {share}")).format(
        share=percent(c["strong_bridge_share"], 1, lang)))
    first = G.nodes[person]["name"].split()[0]
    mine = _ties.local_bridges(G, ego=person)
    if not mine:
        print(t(N_("{first} has no local bridge.")).format(first=first))
    for _, other in mine:
        d = G.nodes[other]
        print(t(N_("{first}'s local bridge leads to {name}, {occupation} in {region}.")).format(
            first=first, name=d["name"], occupation=d["occupation"], region=d["region"]))


# --------------------------------------------------------------------------
# Edge overlap

def overlap_by_strength(G, groups=10):
    """Average strength and edge overlap of ties in ``groups`` groups of equal size by strength.

    Overlap is Onnela et al.'s (:func:`weakties.ties.overlap`).

    Returns
    -------
    pandas.DataFrame
        One row per group, weakest first: ``strength`` and ``overlap`` (averages).

    Examples
    --------
    >>> import weakties
    >>> table = overlap_by_strength(weakties.population(300, seed=1), groups=4)
    >>> len(table), list(table["strength"]) == sorted(table["strength"])
    (4, True)
    """
    import pandas as pd

    table = pd.DataFrame([(d["strength"], _ties.overlap(G, a, b))
                          for a, b, d in G.edges(data=True)], columns=["strength", "overlap"])
    table["group"] = pd.qcut(table["strength"].rank(method="first"), groups, labels=False)
    return table.groupby("group")[["strength", "overlap"]].mean().reset_index(drop=True)


def show_overlap(G, lang=None):
    """Draw the average overlap of each tenth of the ties by strength, and show it."""
    import matplotlib.pyplot as plt

    from ..plotting import PALETTE, show, style_axes

    t = _t(lang)
    table = overlap_by_strength(G)
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.plot(table["strength"], table["overlap"], marker="o", color=PALETTE[4])
    style_axes(ax, t(N_("Stronger ties share more contacts (ten groups of ties)")),
               t(N_("average tie strength in the group")), t(N_("average edge overlap")))
    show(ax)


# --------------------------------------------------------------------------
# Removing ties

def removal_curves(G, seed=7, fractions=_FRACTIONS):
    """The largest connected group as ties are removed, in each of :data:`REMOVAL_ORDERS`.

    Returns
    -------
    dict
        ``{order: numpy array}``: for each share of ``fractions``, the share
        of people still in the largest connected group
        (:func:`weakties.ties.removal_curve`).

    Examples
    --------
    >>> import weakties
    >>> curves = removal_curves(weakties.population(300, seed=1), fractions=(0, 1))
    >>> [c.round(4).tolist() for c in curves.values()]
    [[1.0, 0.0033], [1.0, 0.0033], [1.0, 0.0033]]
    """
    return {order: np.array([s for _, s in _ties.removal_curve(G, order, fractions=fractions,
                                                                seed=seed)])
            for order in REMOVAL_ORDERS}


def largest_gap(curves, fractions=_FRACTIONS):
    """The share of ties removed where strongest-first keeps the most more than weakest-first.

    Returns
    -------
    float
        The share of ``fractions`` where ``curves["strong"] - curves["weak"]``
        is largest (the first such share).

    Examples
    --------
    >>> largest_gap({"weak": np.array([1, 0.5, 0.1]), "strong": np.array([1, 0.9, 0.2])},
    ...             fractions=(0, 0.5, 1))
    0.5
    """
    gap = np.asarray(curves["strong"]) - np.asarray(curves["weak"])
    return float(fractions[int(np.argmax(gap))])


def draw_removal(curves, title, fractions=_FRACTIONS, ax=None, current=None, lang=None):
    """Draw removal curves: one line per order, each with its own colour, marker and style.

    Parameters
    ----------
    curves : dict
        From :func:`removal_curves`.
    title : str
    current : float, optional
        A share of ties removed marked by a vertical line.

    Returns
    -------
    matplotlib.axes.Axes
    """
    import matplotlib.pyplot as plt

    from ..plotting import MARKERS, PALETTE, percent_axis, style_axes

    t = _t(lang)
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 4.5))
    for i, (order, curve) in enumerate(curves.items()):
        ax.plot(fractions, curve, label=t(REMOVAL_ORDERS[order]), color=PALETTE[i * 2],
                marker=MARKERS[i], markevery=5, ls=["-", "--", ":"][i], lw=2)
    if current is not None:
        ax.axvline(current, color="black", lw=1)
    ax.legend(frameon=False, loc="lower left")
    percent_axis(ax.xaxis, lang)
    percent_axis(ax.yaxis, lang)
    return style_axes(ax, title, t(N_("share of ties removed")),
                      t(N_("people in the largest connected group")))


class RegionRemoval:
    """Everything the region explorer needs, computed once: positions, orders, curves.

    Attributes
    ----------
    region : networkx.Graph
        The people of one region and the ties between them.
    ranked : list of (u, v, strength)
        The region's ties, weakest first.
    orders : dict
        ``{order: list of ties}`` in the order each removes them.
    positions : dict
        A drawing position per person, from the stronger ties.
    curves : dict
        :func:`removal_curves` of the region.
    """

    def __init__(self, G, region_name=EXPLORED_REGION, seed=7, lang=None):
        import networkx as nx

        people = [p for p in G if G.nodes[p]["region"] == region_name]
        if not people:
            raise ValueError(gettext(N_(
                "nobody lives in {region} in this population: choose a region its people "
                "have (G.nodes[person]['region'])."), lang).format(region=repr(region_name)))
        self.name = region_name
        self.region = G.subgraph(people)
        rng = np.random.default_rng(seed)
        edges = list(self.region.edges(data="strength"))
        tiebreak = rng.random(len(edges))
        self.ranked = [edges[i] for i in np.lexsort((tiebreak, [s for *_, s in edges]))]
        self.orders = {"weak": self.ranked, "strong": self.ranked[::-1],
                       "random": [self.ranked[i] for i in rng.permutation(len(self.ranked))]}
        # Positions pulled together mostly by the strong ties (weight: strength cubed),
        # so that close circles sit together and show as islands when weak ties go.
        core = nx.Graph()
        core.add_nodes_from(sorted(people))
        core.add_weighted_edges_from((a, b, s ** 3) for a, b, s in self.ranked)
        self.positions = nx.spring_layout(core, seed=seed, k=0.15, iterations=100)
        self.curves = removal_curves(self.region, seed=seed)
        self._xy = np.array([self.positions[p] for p in sorted(people)])
        self._index = {p: i for i, p in enumerate(sorted(people))}

    def kept(self, removed, order):
        """The ties left after removing the share ``removed`` in ``order``."""
        ties = self.orders[order]
        return ties[round(removed * len(ties)):]

    def largest_group(self, removed, order):
        """The people still in the largest connected group (a set)."""
        import networkx as nx

        left = nx.Graph()
        left.add_nodes_from(self.region)
        left.add_edges_from((a, b) for a, b, _ in self.kept(removed, order))
        return max(nx.connected_components(left), key=len)

    def draw(self, removed, order, lang=None, reuse=False):
        """Two panels: the region with the ties left, and its removal curves; return the Figure.

        With ``reuse=True`` the figure of the previous call in the same
        language is kept and only what depends on the controls is redrawn
        (the ties left, who is cut off, the counts, the title, the marker):
        the explorer's way, the same picture faster.
        """
        if not hasattr(self, "_figures"):
            self._figures = {}
        if reuse and lang in self._figures:
            fig = self._figures[lang]
        else:
            fig = self._new_figure(lang)
            if reuse:
                self._figures[lang] = fig
        self._show(fig, removed, order, lang)
        return fig

    def _new_figure(self, lang):
        """The parts of the picture that do not depend on the controls."""
        from matplotlib.collections import LineCollection
        from matplotlib.figure import Figure

        from ..plotting import PALETTE

        t = _t(lang)
        fig = Figure(figsize=(12, 5.5))
        ax, ax2 = fig.subplots(1, 2, width_ratios=[1.2, 1])
        ax.add_collection(LineCollection([], colors="#555555", alpha=0.6), autolim=False)
        xy = self._xy
        # every person drawn once here, so that the limits are those of all the people
        ax.scatter(xy[:, 0], xy[:, 1], s=45, c=PALETTE[4], marker="o", edgecolors="black",
                   linewidths=0.5, zorder=3, label=" ")
        ax.scatter(xy[:, 0], xy[:, 1], s=45, c=PALETTE[5], marker="X", zorder=3, label=" ")
        ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(0, 0))
        ax.axis("off")
        ax.autoscale_view()
        draw_removal(self.curves, t(N_("The same region as a curve")), ax=ax2, current=0.0,
                     lang=lang)
        fig.subplots_adjust(left=0.02, right=0.98, bottom=0.2, top=0.92, wspace=0.12)
        return fig

    def _show(self, fig, removed, order, lang):
        """Draw what depends on the controls into a figure of :meth:`_new_figure`."""
        t = _t(lang)
        ax, ax2 = fig.axes
        kept = self.kept(removed, order)
        largest = self.largest_group(removed, order)
        ties = ax.collections[0]
        ties.set_segments([(self.positions[a], self.positions[b]) for a, b, _ in kept])
        ties.set_linewidths([0.5 + 3 * s for *_, s in kept] or [1.0])
        ties.set_visible(bool(kept))
        inside = np.array([p in largest for p in self._index])
        xy = self._xy
        ax.collections[1].set_offsets(xy[inside])
        ax.collections[2].set_offsets(xy[~inside])
        texts = ax.get_legend().get_texts()
        texts[0].set_text(t(N_("in the largest group ({count})")).format(
            count=number(int(inside.sum()), lang)))
        texts[1].set_text(t(N_("cut off from it ({count})")).format(
            count=number(int((~inside).sum()), lang)))
        ax.set_title(t(N_("{region}: {removed} of ties removed, {order}")).format(
            region=self.name, removed=percent(removed, lang=lang),
            order=t(REMOVAL_ORDERS[order])))
        ax2.lines[-1].set_xdata([removed, removed])


def region_removal(G, region_name=EXPLORED_REGION, seed=7):
    """What :func:`explore_region` precomputes (a :class:`RegionRemoval`).

    Examples
    --------
    >>> import weakties
    >>> r = region_removal(weakties.population(500, seed=1))
    >>> len(r.kept(0.5, "weak")) == len(r.ranked) - round(0.5 * len(r.ranked))
    True
    """
    return RegionRemoval(G, region_name, seed)


def explore_region(G, region_name=EXPLORED_REGION, lang=None, removal=None):
    """An explorer: remove a share of one region's ties in an order; see who stays connected.

    A slider sets the share removed (0 to 95%), a menu the order (weakest
    first, strongest first, random). The left panel draws the region's
    people (blue circles in the largest connected group, orange crosses cut
    off) and the ties left; the right panel the three removal curves with
    the slider's value marked. Positions and curves are computed once
    (:class:`RegionRemoval`); a redraw only draws.

    Returns
    -------
    weakties.widgets.Explorer
        Its callback is ``.func(removed, order)``, with ``removed`` in percent.
    """
    import ipywidgets as widgets

    from ..widgets import Explorer

    t = _t(lang)
    removal = removal or RegionRemoval(G, region_name, lang=lang)
    start = int(round(100 * largest_gap(removal.curves) / 5) * 5)

    def show_removal(removed, order):
        return removal.draw(removed / 100, order, lang=lang, reuse=True)

    return Explorer(
        show_removal,
        title=t(N_("Remove a share of the ties of one region, in the order you choose.")),
        removed=widgets.IntSlider(value=min(start, 95), min=0, max=95, step=5,
                                  description=t(N_("ties removed (%)"))),
        order=widgets.Dropdown(options=[(t(label), o) for o, label in REMOVAL_ORDERS.items()],
                               value="weak", description=t(N_("remove"))))


# --------------------------------------------------------------------------
# Prediction and quizzes

_REMOVAL_CHOICES = (N_("Removing the weakest ties first"), N_("Removing the strongest ties first"),
                    N_("Both orders break it at the same point"))


def _removal_answer(G, lang=None):
    """What the simulation shows: the three removal curves of the whole population."""
    t = _t(lang)
    curves = removal_curves(G)
    ax = draw_removal(curves, t(N_("What is left of the network as ties are removed "
                                   "({people} people)")).format(
        people=number(G.number_of_nodes(), lang)), lang=lang)
    area = {order: float(np.sum(c)) for order, c in curves.items()}
    index = 2 if abs(area["weak"] - area["strong"]) < 0.5 else \
        0 if area["weak"] < area["strong"] else 1
    at = largest_gap(curves)
    i = _FRACTIONS.index(at)
    description = t(N_(
        "Three lines show the share of people still in the largest connected group (vertical "
        "axis) as more and more ties are removed (horizontal axis): weakest first (solid), "
        "strongest first (dashed), random order (dotted). All three stay near 100% for a long "
        "time, because each person has many ties. The gap is widest with {at} of the ties "
        "removed: the largest group still holds {strong} of the people when the strongest "
        "ties go first, but {weak} when the weakest go first. The one thing to notice: the "
        "solid line falls first.")).format(
        at=percent(at, lang=lang), strong=percent(curves["strong"][i], lang=lang),
        weak=percent(curves["weak"][i], lang=lang))
    return index, ax.figure, description


PREDICTIONS = {
    "removal": PredictionData(
        question=N_("Which order of removal breaks the population into separate pieces sooner?"),
        choices=_REMOVAL_CHOICES,
        run=_removal_answer,
        explanation=N_("Strong ties sit inside tight circles whose members are also linked by "
                       "other ties; weak ties are the ones that join circles to each other. "
                       "Remove them and the circles drift apart."),
        claims=("weak_first_breaks_sooner", "curves_stay_high_for_long"),
    ),
}

QUIZZES = {
    "triad": QuizData(
        question=N_("Anna has a strong tie with Bruno and a strong tie with Chloé. What does "
                    "Granovetter's forbidden triad lead you to expect?"),
        choices=(N_("Bruno and Chloé have never met"),
                 N_("Bruno and Chloé know each other, at least a little"),
                 N_("Bruno and Chloé work in different sectors")),
        answer=N_("Bruno and Chloé know each other, at least a little"),
        explanation=N_("Two people close to the same person tend to meet through that person: "
                       "the triangle closes (Granovetter 1973)."),
        hints={N_("Bruno and Chloé have never met"):
               N_("That open triangle is exactly the 'forbidden' one: it is rare."),
               N_("Bruno and Chloé work in different sectors"):
               N_("The forbidden triad is about whether they know each other, not about their "
                  "sectors.")},
    ),
    "overlap": QuizData(
        question=N_("Karim and Léa are tied, but none of Karim's other contacts know Léa and "
                    "none of Léa's other contacts know Karim. What is the overlap of their "
                    "tie?"),
        choices=(N_("1: they share everything"), N_("0.5"), N_("0: it is a local bridge")),
        answer=N_("0: it is a local bridge"),
        explanation=N_("No common contacts gives an overlap of 0: the tie is a local bridge "
                       "between two circles (Onnela et al. 2007)."),
        hints={N_("1: they share everything"):
               N_("Overlap 1 means they have all their contacts in common."),
               N_("0.5"): N_("Count their common contacts: there are none.")},
    ),
    "news": QuizData(
        question=N_("You want to hear about job openings in a sector you do not know. Which "
                    "ties are most likely to bring you news you have not heard already?"),
        choices=(N_("Your strongest ties, because they care about you"),
                 N_("Ties with the highest overlap"),
                 N_("Weak ties that reach into that sector")),
        answer=N_("Weak ties that reach into that sector"),
        explanation=N_("Weak ties and local bridges lead into circles that yours do not overlap "
                       "with, so they carry news you do not already have (Granovetter 1973). "
                       "Your strong ties can still help in other ways, for example by "
                       "recommending you."),
        hints={N_("Your strongest ties, because they care about you"):
               N_("They care, but they mostly know what you know: strong ties share your "
                  "circle."),
               N_("Ties with the highest overlap"):
               N_("High overlap means the two of you know the same people: the same news.")},
    ),
    "components": QuizData(
        question=N_("Which of these is one of Granovetter's four parts of tie strength, but "
                    "NOT one of the course's four components?"),
        choices=(N_("Time spent together"), N_("Intimacy (confiding in each other)"),
                 N_("How long the tie has lasted")),
        answer=N_("Intimacy (confiding in each other)"),
        explanation=N_("Granovetter (1973) named time, emotional intensity, intimacy and "
                       "reciprocal services. The course folds emotional intensity and intimacy "
                       "into one component, closeness, and adds duration."),
        hints={N_("Time spent together"):
               N_("Time is in both lists: Granovetter's and the course's."),
               N_("How long the tie has lasted"):
               N_("Duration is the course's addition: Granovetter did not list it.")},
    ),
}


# --------------------------------------------------------------------------
# Facts and claims

def facts(G):
    """The numbers and names the text of lesson 02 quotes, computed on its population.

    Texts (the contexts, where her local bridges lead) are in the current
    language (:func:`weakties.i18n.language`).
    """
    person = followed_person(G)
    contexts = context_strength(G)
    closure = closure_by_pair(G)
    bridges = bridge_counts(G)
    overlap = overlap_by_strength(G)
    curves = removal_curves(G)
    at = largest_gap(curves)
    i = _FRACTIONS.index(at)
    removal = RegionRemoval(G)
    region_at = round(100 * largest_gap(removal.curves) / 5) * 5 / 100
    j = _FRACTIONS.index(region_at)
    mine = _ties.local_bridges(G, ego=person)
    strong_contexts = [c for c, m in contexts["mean"].items() if m >= _ties.STRONG_THRESHOLD]
    return {
        "people": G.number_of_nodes(),
        "person": person,
        "name": G.nodes[person]["name"],
        "first": G.nodes[person]["name"].split()[0],
        "weights": dict(_ties.STRENGTH_WEIGHTS),
        "threshold": _ties.STRONG_THRESHOLD,
        "top_context": _context(contexts.index[-1]),
        "top_context_mean": float(contexts["mean"].iloc[-1]),
        "low_context": _context(contexts.index[0]),
        "low_context_mean": float(contexts["mean"].iloc[0]),
        "strong_contexts": strong_contexts,
        "closure": [closure[k] for k in PAIR_KINDS],
        "open_strong": 1 - closure[PAIR_KINDS[2]],
        "closure_ratio": closure[PAIR_KINDS[2]] / closure[PAIR_KINDS[0]],
        "ties": bridges["ties"],
        "bridges": bridges["bridges"],
        "strong_share": bridges["strong_share"],
        "strong_bridge_share": bridges["strong_bridge_share"],
        "overlap_low": float(overlap["overlap"].iloc[0]),
        "overlap_high": float(overlap["overlap"].iloc[-1]),
        "overlap_peak": float(overlap["overlap"].max()),
        "overlap_groups": [float(x) for x in overlap["overlap"]],
        "median_ties": float(np.median([d for _, d in G.degree()])),
        "gap_at": at,
        "gap_strong": float(curves["strong"][i]),
        "gap_weak": float(curves["weak"][i]),
        "near_full_until": float(max(f for f, w, s in zip(_FRACTIONS, curves["weak"],
                                                           curves["strong"])
                                     if min(w, s) >= 0.9)),
        "region": removal.name,
        "region_people": removal.region.number_of_nodes(),
        "region_ties": removal.region.number_of_edges(),
        "region_at": region_at,
        "region_weak": float(removal.curves["weak"][j]),
        "region_strong": float(removal.curves["strong"][j]),
        "my_bridges": len(mine),
        # TRANSLATORS: between the items of a list that hold commas themselves.
        "my_bridge_people": gettext(N_("; ")).join(
            gettext(N_("{name}, {occupation} in {region}")).format(
                name=G.nodes[v]["name"], occupation=G.nodes[v]["occupation"],
                region=G.nodes[v]["region"])
            for _, v in mine),
    }


@claim("only family ties are strong on average; ties from work, school, events and "
       "platforms are mostly weak")
def only_family_is_strong_on_average(f):
    return f["strong_contexts"] == ["family"], f"contexts strong on average: {f['strong_contexts']}"


@claim("the stronger your two ties, the more likely your two contacts know each other: pairs "
       "reached by two strong ties know each other clearly more often (at least 1.5 times as "
       "often) than pairs reached by two weak ties")
def stronger_pairs_close_more(f):
    weak, mixed, strong = f["closure"]
    return weak < mixed < strong and strong >= 1.5 * weak, \
        f"closure by kind of pair {f['closure']}"


@claim("the forbidden triad is not forbidden here: some pairs reached by two strong ties do not "
       "know each other")
def the_triad_is_not_forbidden(f):
    return f["closure"][2] < 0.95, f"pairs reached by two strong ties tied: {f['closure'][2]:.2f}"


@claim("local bridges are mostly weak ties: far fewer of them are strong than of all ties")
def bridges_are_mostly_weak(f):
    return (f["strong_bridge_share"] < f["strong_share"] / 3,
            f"strong among bridges {f['strong_bridge_share']:.3f}, among all "
            f"{f['strong_share']:.3f}")


@claim("she has at least one local bridge (the text names where they lead)")
def she_has_a_local_bridge(f):
    return f["my_bridges"] >= 1, f"{f['my_bridges']} local bridges"


@claim("the line goes up: the stronger half of the ties has a higher average overlap than the "
       "weaker half, and the highest group at least 1.5 times the weakest group's")
def overlap_rises_with_strength(f):
    groups = f["overlap_groups"]
    lower, upper = np.mean(groups[:len(groups) // 2]), np.mean(groups[len(groups) // 2:])
    return upper > lower and f["overlap_peak"] >= 1.5 * f["overlap_low"], \
        f"overlap by group {[round(g, 3) for g in groups]}"


@claim("removing the weakest ties first breaks the network sooner: the solid line falls first")
def weak_first_breaks_sooner(f):
    return f["gap_weak"] < f["gap_strong"] - 0.2, \
        f"at {f['gap_at']:.2f} removed: weak first {f['gap_weak']:.2f}, strong first " \
        f"{f['gap_strong']:.2f}"


@claim("all three curves stay near 100% for a long time: past half of the ties removed")
def curves_stay_high_for_long(f):
    return f["near_full_until"] >= 0.5, f"both above 90% until {f['near_full_until']:.2f}"


@claim("in the region too, removing the weakest ties first leaves a smaller largest group")
def region_falls_apart_sooner_weak_first(f):
    return f["region_weak"] < f["region_strong"] - 0.1, \
        f"region at {f['region_at']:.2f}: weak {f['region_weak']:.2f}, " \
        f"strong {f['region_strong']:.2f}"
