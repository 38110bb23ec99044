"""Lesson 04, silos and bridges: insularity, the small world, structural holes, brokers.

The functions the lesson's cells call, its quizzes and its prediction, the
facts its text quotes and the claims its text makes
(``course/sources/en/04-silos-and-bridges.md``).

References
----------
.. [1] Burt, R. S. (1992). *Structural Holes: The Social Structure of
   Competition*. Harvard University Press.
.. [2] Burt, R. S. (2004). Structural holes and good ideas. *American
   Journal of Sociology* 110(2), 349-399.
.. [3] Watts, D. J., Strogatz, S. H. (1998). Collective dynamics of
   'small-world' networks. *Nature* 393, 440-442.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass

import numpy as np

from .. import metrics as _metrics
from .. import smallworld as _sw
from .. import ties as _ties
from ..i18n import N_, decimal, gettext, number, percent
from ._core import Lesson, PredictionData, QuizData, claim

__all__ = ["LESSON", "QUIZZES", "PREDICTIONS", "GROUPINGS", "NEW_TIES", "STRATEGIES",
           "insularity_table", "draw_insularity", "explore_insularity", "SmallWorld",
           "small_world", "explore_small_world", "show_population_small_world",
           "toy_networks", "show_broker_and_circle", "Brokerage", "brokerage",
           "show_constraint", "new_tie_candidates", "NewTies", "new_tie_choices",
           "explore_new_ties", "facts"]

LESSON = Lesson("04", "silos-and-bridges", population=(2000, 7))

#: The attributes whose groups the lesson compares.
GROUPINGS = {"sector": N_("sector"), "region": N_("region"), "generation": N_("generation")}

#: The choices of new ties of the broker explorer.
STRATEGIES = {"friends": N_("friends of friends"), "worlds": N_("other worlds")}

#: The new ties a person makes in the broker explorer: weak at first, like people met at
#: an event and seen again.
NEW_TIES = {"strength": 0.3, "context": "event"}

_SEED = 7
_MAX_NEW = 10


def _t(lang):
    return lambda text: gettext(text, lang)


# --------------------------------------------------------------------------
# Silos

def insularity_table(G, attribute="sector", lang=None):
    """How closed each group is (:func:`weakties.metrics.insularity`), rounded, for reading.

    Returns
    -------
    pandas.DataFrame
        One row per group, least closed first: the share of its ties that
        stay inside, the share expected if ties ignored the group, and how
        many times more closed than chance it is.

    Examples
    --------
    >>> import weakties
    >>> table = insularity_table(weakties.population(300, seed=1), "region")
    >>> list(table.columns)
    ['ties inside', 'expected by chance', 'times more than chance']
    """
    t = _t(lang)
    table = _metrics.insularity(G, attribute)[["inside", "expected", "ratio"]].round(2)
    table.columns = [t(N_("ties inside")), t(N_("expected by chance")),
                     t(N_("times more than chance"))]
    table.index.name = t(GROUPINGS.get(attribute, attribute))
    return table


def draw_insularity(table, attribute, lang=None):
    """Two bars per group: ties inside (filled) and expected by chance (hatched); return the Figure.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`weakties.metrics.insularity`.
    """
    import matplotlib.pyplot as plt

    from ..plotting import PALETTE, percent_axis, style_axes

    t = _t(lang)
    y = np.arange(len(table))
    fig, ax = plt.subplots(figsize=(9, 0.45 * len(table) + 1.5))
    ax.barh(y + 0.2, table["inside"], 0.4, color=PALETTE[4], edgecolor="black",
            label=t(N_("ties that stay inside the group")))
    ax.barh(y - 0.2, table["expected"], 0.4, color="white", edgecolor="black", hatch="//",
            label=t(N_("expected if ties ignored the group")))
    ax.set_yticks(y, [str(g) for g in table.index])
    ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    percent_axis(ax.xaxis, lang)
    style_axes(ax, t(N_("How closed is each {group}?")).format(
        group=t(GROUPINGS.get(attribute, attribute))), t(N_("share of ties")), None)
    fig.subplots_adjust(left=0.3, right=0.62)
    return fig


def explore_insularity(G, lang=None):
    """An explorer: choose sector, region or generation; two bars per group.

    The three tables are computed and their three pictures drawn when the
    explorer is made (a fraction of a second); a move only shows one.

    Returns
    -------
    weakties.widgets.Explorer
        Its callback is ``.func(attribute)``.
    """
    import ipywidgets as widgets
    import matplotlib.pyplot as plt

    from ..widgets import Explorer

    t = _t(lang)
    # Closed for pyplot, so that the notebook does not show them all at once.
    pictures = {}
    for a in GROUPINGS:
        pictures[a] = draw_insularity(_metrics.insularity(G, a), a, lang=lang)
        plt.close(pictures[a])

    def show_insularity(attribute):
        return pictures[attribute]

    return Explorer(show_insularity, title=t(N_("Choose the attribute that defines the groups.")),
                    attribute=widgets.Dropdown(options=[(t(n), a) for a, n in GROUPINGS.items()],
                                               description=t(N_("groups by"))))


# --------------------------------------------------------------------------
# The small world

class SmallWorld:
    """Watts and Strogatz's rewired ring, measured once for the explorer.

    Attributes
    ----------
    curve : pandas.DataFrame
        :func:`weakties.smallworld.small_world_curve` of a ring of ``n``
        people each tied to the ``k`` nearest, over three rewirings.
    chords : dict
        ``{share: list of ties}``: the long-range ties of one rewiring at
        each share, as pairs of positions on the ring (for the drawing).
    """

    def __init__(self, n=1000, k=10, seeds=(1, 2, 3)):
        self.n, self.k = n, k
        self._figures = {}
        self.curve = _sw.small_world_curve(n, k, seeds=seeds)
        self.shares = list(self.curve["share"])
        ring = _sw.ring_lattice(n, k)
        before = set(map(frozenset, ring.edges()))
        self.chords = {}
        for share in self.shares:
            after = _sw.rewire(ring, share, seed=seeds[0])
            self.chords[share] = sorted(tuple(sorted(e)) for e in
                                        set(map(frozenset, after.edges())) - before)

    def row(self, share):
        """The curve's row at ``share`` (a dict)."""
        return self.curve.set_index("share").loc[share].to_dict()

    def draw(self, share, lang=None, reuse=False):
        """The ring with its long-range ties, and the two curves with ``share`` marked.

        With ``reuse=True`` the figure of the previous call in the same
        language is kept and only what depends on ``share`` is redrawn (the
        long-range ties, the marker, the titles and the legend's count): the
        explorer's way, the same picture faster.
        """
        if reuse and lang in self._figures:
            fig = self._figures[lang]
        else:
            fig = self._new_figure(lang)
            if reuse:
                self._figures[lang] = fig
        self._show_share(fig, share, lang)
        return fig

    def _new_figure(self, lang):
        """The parts of the picture that do not depend on the share."""
        import matplotlib.pyplot as plt
        from matplotlib.collections import LineCollection
        from matplotlib.figure import Figure

        from ..plotting import MARKERS, PALETTE, percent_axis, style_axes

        t = _t(lang)
        if not hasattr(self, "_figures"):
            self._figures = {}
        fig = Figure(figsize=(12, 5))
        ax, ax2 = fig.subplots(1, 2, width_ratios=[1, 1.3])
        angle = 2 * np.pi * np.arange(self.n) / self.n
        self._xy = np.column_stack([np.cos(angle), np.sin(angle)])
        xy = self._xy
        ax.plot(np.append(xy[:, 0], xy[0, 0]), np.append(xy[:, 1], xy[0, 1]), color="#999999",
                lw=4, label=t(N_("{n} people, each tied to the {k} nearest")).format(
                    n=number(self.n, lang), k=self.k))
        ax.add_collection(LineCollection([], colors=PALETTE[5], linewidths=0.8, alpha=0.7))
        ax.plot([], [], color=PALETTE[5], label=" ")
        ax.set_aspect("equal")
        ax.axis("off")
        ax.set_xlim(-1.1, 1.1)  # the ring's own limits, whatever the long-range ties
        ax.set_ylim(-1.1, 1.1)
        ax.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, 0.0))
        c = self.curve[self.curve["share"] > 0]
        ax2.plot(c["share"], c["path_ratio"], color=PALETTE[4], marker=MARKERS[0], lw=2,
                 label=t(N_("average path length")))
        ax2.plot(c["share"], c["clustering_ratio"], color=PALETTE[0], marker=MARKERS[1], lw=2,
                 ls="--", label=t(N_("clustering")))
        ax2.axvline(c["share"].iloc[0], color="black", lw=1)
        ax2.set_xscale("log")
        ax2.set_ylim(0, 1.05)
        percent_axis(ax2.yaxis, lang)
        ax2.xaxis.set_major_formatter(
            plt.FuncFormatter(lambda x, _: percent(x, 1 if x < 0.01 else 0, lang)))
        ax2.legend(frameon=False, loc="lower left")
        style_axes(ax2, "", t(N_("share of ties rewired at random (log scale)")),
                   t(N_("compared with the ring without rewiring")))
        fig.subplots_adjust(left=0.02, right=0.97, bottom=0.2, top=0.9, wspace=0.15)
        return fig

    def _show_share(self, fig, share, lang):
        """Draw what depends on ``share`` into a figure of :meth:`_new_figure`."""
        t = _t(lang)
        ax, ax2 = fig.axes
        xy = self._xy
        chords = self.chords[share]
        ax.collections[0].set_segments([(xy[a], xy[b]) for a, b in chords])
        ax.get_legend().get_texts()[1].set_text(t(N_("long-range ties: {count}")).format(
            count=number(len(chords), lang)))
        ax.set_title(t(N_("{share} of the ties rewired at random")).format(
            share=percent(share, 1, lang)))
        marker = ax2.lines[-1]
        marker.set_xdata([share, share])
        marker.set_visible(share > 0)
        row = self.row(share)
        ax2.set_title(t(N_("Paths: {path} of the ring's; clustering: {clustering} of the "
                           "ring's")).format(path=percent(row["path_ratio"], lang=lang),
                                             clustering=percent(row["clustering_ratio"],
                                                                lang=lang)))


def small_world(n=1000, k=10, seeds=(1, 2, 3)):
    """What :func:`explore_small_world` precomputes (a :class:`SmallWorld`).

    Examples
    --------
    >>> s = small_world(200, 6, seeds=(1,))
    >>> len(s.chords[0.0]), s.row(0.0)["path_ratio"]
    (0, 1.0)
    """
    return SmallWorld(n, k, seeds)


def explore_small_world(lang=None, world=None):
    """An explorer: rewire a share of a ring's ties at random; see path length and clustering.

    A slider chooses the share of ties rewired (from none to all). The
    left panel draws the ring and its long-range ties; the right panel the
    average path length and the clustering, both compared with the ring
    without rewiring, with the slider's share marked. Everything is
    computed once (:class:`SmallWorld`, a few seconds); a redraw only draws.

    Returns
    -------
    weakties.widgets.Explorer
        Its callback is ``.func(share)``.
    """
    import ipywidgets as widgets

    from ..widgets import Explorer

    t = _t(lang)
    world = world or SmallWorld()

    def show_rewiring(share):
        return world.draw(share, lang=lang, reuse=True)

    return Explorer(
        show_rewiring, title=t(N_("Rewire a share of the ties at random and watch paths and "
                                  "clustering.")),
        share=widgets.SelectionSlider(
            options=[(percent(s, 2 if s < 0.01 else 0, lang), s) for s in world.shares],
            value=0.01, description=t(N_("ties rewired"))))


def show_population_small_world(G, lang=None):
    """Print the population's path length and clustering, and a random network's of the same size.

    Examples
    --------
    >>> import weakties
    >>> show_population_small_world(weakties.population(300, seed=1), lang="en")  # doctest: +ELLIPSIS
    This population: ... steps between two people on average; clustering ...
    A random network with as many people and ties: ... steps; clustering ...
    """
    t = _t(lang)
    c = _sw.compare_with_random(G, seed=_SEED)
    print(t(N_("This population: {steps} steps between two people on average; clustering "
               "{clustering}")).format(steps=decimal(c["path_length"], 1, lang),
                                       clustering=decimal(c["clustering"], 3, lang)))
    print(t(N_("A random network with as many people and ties: {steps} steps; clustering "
               "{clustering}")).format(steps=decimal(c["random_path_length"], 1, lang),
                                       clustering=decimal(c["random_clustering"], 3, lang)))


# --------------------------------------------------------------------------
# Structural holes

def toy_networks():
    """A broker tied to five people who do not know each other, and a circle of six who all do.

    Returns
    -------
    dict
        ``{"broker": (graph, constraint, effective size), "circle": (...)}``
        with "you" as person 0, unweighted (:func:`weakties.metrics.constraint`).

    Examples
    --------
    >>> round(toy_networks()["broker"][1], 2), toy_networks()["broker"][2]
    (0.2, 5.0)
    """
    import networkx as nx

    out = {}
    for name, graph in (("broker", nx.star_graph(5)), ("circle", nx.complete_graph(6))):
        out[name] = (graph, _metrics.constraint(graph, 0, weight=None),
                     _metrics.effective_size(graph, 0, weight=None))
    return out


def show_broker_and_circle(lang=None):
    """Draw the two networks of :func:`toy_networks` side by side, with their measures, and show it."""
    import matplotlib.pyplot as plt
    import networkx as nx

    from ..plotting import PALETTE, show

    t = _t(lang)
    fig, axes = plt.subplots(1, 2, figsize=(10, 4.5))
    titles = {"broker": N_("A broker: 5 contacts who do not know each other"),
              "circle": N_("A closed circle: 5 contacts who all know each other")}
    for ax, (name, (graph, c, e)) in zip(axes, toy_networks().items()):
        pos = nx.circular_layout([p for p in graph if p != 0])
        pos[0] = np.zeros(2)
        nx.draw_networkx_edges(graph, pos, ax=ax, width=2, edge_color="#555555")
        nx.draw_networkx_nodes(graph, pos, nodelist=[p for p in graph if p != 0], ax=ax,
                               node_color=PALETTE[1], node_shape="o", edgecolors="black",
                               node_size=300, label=t(N_("contact")))
        nx.draw_networkx_nodes(graph, pos, nodelist=[0], ax=ax, node_color="black",
                               node_shape="*", node_size=900, label=t(N_("you")))
        ax.set_title(t(titles[name]) + "\n" + t(N_("constraint {c}, effective size {e}")).format(
            c=decimal(c, 2, lang), e=decimal(e, 1, lang)), fontsize=10)
        ax.legend(frameon=False, loc="lower center", ncol=2, bbox_to_anchor=(0.5, -0.12))
        ax.axis("off")
    show(axes[0])


@dataclass
class Brokerage:
    """Constraint and reach of everyone, and the two people the lesson compares.

    Attributes
    ----------
    constraint : dict
        ``{person: Burt's constraint}`` (:func:`weakties.metrics.constraint`).
    reach : dict
        ``{person: people within two steps}`` (:func:`weakties.metrics.reach`).
    broker, closed : node
        Among the people whose number of ties is within one of the median
        person's, the one with the lowest constraint and the one with the
        highest.
    """

    constraint: dict
    reach: dict
    broker: object
    closed: object


def brokerage(G):
    """Measure everyone's constraint and reach, and choose the broker and the closed circle.

    It takes a few seconds on 2,000 people.

    Returns
    -------
    Brokerage

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(300, seed=1)
    >>> b = brokerage(G)
    >>> b.constraint[b.broker] <= b.constraint[b.closed]
    True
    """
    constraint = {p: _metrics.constraint(G, p) for p in G}
    reach = {p: len(_metrics.reach(G, p, 2)) for p in G}
    median = statistics.median(d for _, d in G.degree())
    band = [p for p in G if abs(G.degree(p) - median) <= 1]
    if len(band) < 2:
        raise ValueError("fewer than two people have about the median number of ties: use a "
                         "population of a few hundred people or more.")
    broker = min(band, key=lambda p: (constraint[p], str(p)))
    closed = max(band, key=lambda p: (constraint[p], str(p)))
    return Brokerage(constraint, reach, broker, closed)


def show_constraint(G, people, lang=None):
    """Scatter everyone's constraint against their number of ties, mark the two people, and show it.

    Parameters
    ----------
    people : Brokerage
        From :func:`brokerage`.
    """
    import matplotlib.pyplot as plt

    from ..plotting import PALETTE, show, style_axes

    t = _t(lang)
    fig, ax = plt.subplots(figsize=(8, 4.5))
    ax.scatter([G.degree(p) for p in G], [people.constraint[p] for p in G], s=10,
               color="#999999", label=t(N_("one person")))
    for person, name, marker, colour in (
            (people.broker, N_("the broker"), "D", PALETTE[2]),
            (people.closed, N_("the closed circle"), "s", PALETTE[5])):
        ax.scatter([G.degree(person)], [people.constraint[person]], s=150, marker=marker,
                   color=colour, edgecolors="black", zorder=3,
                   label=t(N_("{name}: {value}")).format(name=t(name),
                                                         value=G.nodes[person]['name']))
    ax.legend(frameon=False)
    style_axes(ax, t(N_("Constraint falls as the number of ties rises")),
               t(N_("number of ties")), t(N_("constraint (lower: more of a broker)")))
    show(ax)


def _reach_answer(G, people, lang=None):
    """What the simulation shows: the two people's networks and their reach."""
    import matplotlib.pyplot as plt

    from ..plotting import draw_ego

    t = _t(lang)
    fig, axes = plt.subplots(1, 2, figsize=(16, 7.5))
    for ax, person, name in ((axes[0], people.broker, N_("The broker")),
                             (axes[1], people.closed, N_("The closed circle"))):
        draw_ego(G, person, ax=ax, title=t(N_(
            "{who}: {ties} ties, constraint {c},\n{reach} people within two steps")).format(
            who=t(name), ties=number(G.degree(person), lang),
            c=decimal(people.constraint[person], 3, lang),
            reach=number(people.reach[person], lang)))
    fig.subplots_adjust(left=0.02, right=0.9, wspace=0.45)
    rb, rc = people.reach[people.broker], people.reach[people.closed]
    index = 2 if abs(rb - rc) < 0.05 * rc else 0 if rb > rc else 1
    description = t(N_(
        "Two network drawings side by side, each with its own legend (colours and shapes show "
        "sectors, chosen separately for each drawing). On the left, the broker, {broker}: "
        "{broker_ties} ties, constraint {broker_c}, {broker_reach} people within two steps. On "
        "the right, the closed circle, {closed}: {closed_ties} ties, constraint {closed_c}, "
        "{closed_reach} people within two steps. The one thing to notice: the right drawing "
        "has more grey lines between contacts, and its owner reaches fewer people.")).format(
        broker=G.nodes[people.broker]["name"], broker_ties=number(G.degree(people.broker), lang),
        broker_c=decimal(people.constraint[people.broker], 3, lang),
        broker_reach=number(rb, lang), closed=G.nodes[people.closed]["name"],
        closed_ties=number(G.degree(people.closed), lang),
        closed_c=decimal(people.constraint[people.closed], 3, lang),
        closed_reach=number(rc, lang))
    return index, fig, description


# --------------------------------------------------------------------------
# Becoming a broker

def new_tie_candidates(G, person, seed=_SEED):
    """The people ``person`` could tie to, by :data:`STRATEGIES`, in the order they are chosen.

    - ``"friends"``: friends of friends, the people ``person``'s contacts
      know, those with the most contacts in common first (the ones a
      platform suggests);
    - ``"worlds"``: people more than two steps away, of another sector,
      another region and another generation, in a random order (``seed``).

    Returns
    -------
    dict
        ``{strategy: list of people}``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(4)   # 0 - 1 - 2 - 3
    >>> nx.set_node_attributes(G, {0: "a", 1: "a", 2: "a", 3: "b"}, "sector")
    >>> nx.set_node_attributes(G, {0: "x", 1: "x", 2: "x", 3: "y"}, "region")
    >>> nx.set_node_attributes(G, {0: "1990s", 1: "1990s", 2: "1990s", 3: "1960s"}, "generation")
    >>> new_tie_candidates(G, 0)
    {'friends': [2], 'worlds': [3]}
    """
    mine = set(G[person])
    common = Counter(q for a in mine for q in G[a] if q != person and q not in mine)
    two = _metrics.reach(G, person, 2)
    me = G.nodes[person]
    far = [p for p in G if p != person and p not in two
           and all(G.nodes[p][a] != me[a] for a in ("sector", "region", "generation"))]
    far = [far[i] for i in np.random.default_rng(seed).permutation(len(far))]
    return {"friends": sorted(common, key=lambda q: (-common[q], str(q))), "worlds": far}


@dataclass
class NewTies:
    """The broker explorer's precomputed results for one person.

    Attributes
    ----------
    person : node
    candidates : dict
        From :func:`new_tie_candidates`.
    results : dict
        ``{(strategy, count): (constraint, people within two steps)}`` for 0
        to 10 new ties.
    """

    person: object
    candidates: dict
    results: dict

    def view(self, G, strategy, count):
        """The person's ego network with ``count`` new ties: quick to build and draw."""
        new = self.candidates[strategy][:count]
        view = G.subgraph([self.person, *G[self.person], *new]).copy()
        view.add_edges_from((self.person, p, dict(NEW_TIES)) for p in new)
        return view


def new_tie_choices(G, person, seed=_SEED):
    """Constraint and reach of ``person`` with 0 to 10 new weak ties of each kind.

    Each new tie is weak (:data:`NEW_TIES`, strength 0.3), made to the next
    person of :func:`new_tie_candidates`. ``G`` itself is not changed.

    Returns
    -------
    NewTies

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(300, seed=1)
    >>> choices = new_tie_choices(G, 0)
    >>> choices.results["friends", 0] == choices.results["worlds", 0]
    True
    """
    candidates = new_tie_candidates(G, person, seed)
    results = {}
    for strategy, people in candidates.items():
        grown = G.copy()
        for count in range(_MAX_NEW + 1):
            if count and count <= len(people):
                grown.add_edge(person, people[count - 1], **NEW_TIES)
            results[strategy, count] = (_metrics.constraint(grown, person),
                                        len(_metrics.reach(grown, person, 2)))
    return NewTies(person, candidates, results)


def explore_new_ties(G, choices, lang=None):
    """An explorer: add 0 to 10 new ties, chosen among friends of friends or in other worlds.

    The left panel draws the person's network with the new ties; two small
    charts show the constraint and the people within two steps for every
    number of new ties, one line per choice, the current setting circled.
    Results are precomputed (:func:`new_tie_choices`) and every picture is
    drawn when the explorer is made; a move only shows one.

    Returns
    -------
    weakties.widgets.Explorer
        Its callback is ``.func(count, strategy)``.
    """
    import ipywidgets as widgets
    import matplotlib.pyplot as plt

    from ..plotting import MARKERS, PALETTE, draw_ego, style_axes
    from ..widgets import Explorer

    t = _t(lang)
    name = G.nodes[choices.person]["name"]
    labels = ((0, N_("constraint")), (1, N_("people within two steps")))

    def draw_new_ties(count, strategy):
        fig = plt.figure(figsize=(13, 6))
        grid = fig.add_gridspec(2, 2, width_ratios=[1.5, 1], hspace=0.5, wspace=0.35)
        draw_ego(choices.view(G, strategy, count), choices.person, ax=fig.add_subplot(grid[:, 0]),
                 title=t(N_("{name} with {count} new ties to {strategy}")).format(
                     name=name, count=count, strategy=t(STRATEGIES[strategy])))
        for row, (index, label) in enumerate(labels):
            ax = fig.add_subplot(grid[row, 1])
            for i, s in enumerate(STRATEGIES):
                ax.plot(range(_MAX_NEW + 1),
                        [choices.results[s, k][index] for k in range(_MAX_NEW + 1)],
                        label=t(STRATEGIES[s]), color=PALETTE[(4, 5)[i]], marker=MARKERS[i],
                        ls=("-", "--")[i])
            ax.scatter([count], [choices.results[strategy, count][index]], s=200,
                       facecolors="none", edgecolors="black", linewidths=2, zorder=3)
            ax.legend(frameon=False, fontsize=9)
            style_axes(ax, t(label).capitalize(), t(N_("new ties")), t(label))
        fig.subplots_adjust(left=0.02, right=0.97, top=0.92, bottom=0.1)
        return fig

    # Every picture the controls can ask for, drawn now (a few seconds): a move only shows
    # one. Closed for pyplot, so that the notebook does not show them all at once.
    pictures = {}
    for strategy in STRATEGIES:
        for count in range(_MAX_NEW + 1):
            pictures[count, strategy] = draw_new_ties(count, strategy)
            plt.close(pictures[count, strategy])

    def show_new_ties(count, strategy):
        return pictures[count, strategy]

    return Explorer(
        show_new_ties, title=t(N_("Add new ties and choose where they lead.")),
        count=widgets.IntSlider(value=5, min=0, max=_MAX_NEW, description=t(N_("new ties"))),
        strategy=widgets.Dropdown(options=[(t(n), s) for s, n in STRATEGIES.items()],
                                  description=t(N_("chosen among"))))


# --------------------------------------------------------------------------
# Prediction and quizzes

PREDICTIONS = {
    "reach": PredictionData(
        question=N_("Who reaches more people within two steps?"),
        choices=(N_("The broker (low constraint)"), N_("The closed circle (high constraint)"),
                 N_("About the same: they have the same number of ties")),
        run=_reach_answer,
        explanation=N_("When your contacts know each other, their contacts overlap too: the "
                       "same people are counted again and again. A broker's contacts lead to "
                       "different people."),
        claims=("the_broker_reaches_more", "the_closed_circle_is_closed"),
    ),
}

QUIZZES = {
    "hole": QuizData(
        question=N_("What is a structural hole?"),
        choices=(N_("A person with no ties at all"),
                 N_("A gap between two groups of people who have no ties to each other"),
                 N_("A tie that is about to be broken")),
        answer=N_("A gap between two groups of people who have no ties to each other"),
        explanation=N_("The broker is the person whose ties span that gap (Burt 1992)."),
        hints={N_("A person with no ties at all"):
               N_("The hole is between groups, not a person."),
               N_("A tie that is about to be broken"):
               N_("The hole is the absence of ties between two groups.")},
    ),
    "constraint": QuizData(
        question=N_("Two people each have 30 contacts. Lina's contacts all know each other; "
                    "Omar's mostly do not. Who has the higher constraint?"),
        choices=(N_("Omar"), N_("Neither: they have the same number of contacts"), N_("Lina")),
        answer=N_("Lina"),
        explanation=N_("With the same number of contacts, constraint is higher when the "
                       "contacts are connected to each other: Lina's network is a closed "
                       "circle, Omar is a broker."),
        hints={N_("Omar"):
               N_("Omar's contacts do not know each other: that is the broker's low "
                  "constraint."),
               N_("Neither: they have the same number of contacts"):
               N_("Constraint depends on how the contacts are tied to each other, not only on "
                  "how many there are.")},
    ),
    "small-world": QuizData(
        question=N_("In a world of closed circles, what does rewiring 1 tie in 100 to someone "
                    "anywhere do, in Watts and Strogatz's model?"),
        choices=(N_("Nothing much: 1 tie in 100 is too few"),
                 N_("It breaks up the circles: clustering collapses"),
                 N_("It makes paths much shorter while the circles stay almost as closed")),
        answer=N_("It makes paths much shorter while the circles stay almost as closed"),
        explanation=N_("A few long-range ties are shortcuts for everyone near their ends: the "
                       "average path collapses long before clustering does (Watts and "
                       "Strogatz 1998)."),
        hints={N_("Nothing much: 1 tie in 100 is too few"):
               N_("Look at the path length line at 1% in the explorer."),
               N_("It breaks up the circles: clustering collapses"):
               N_("Look at the clustering line: at 1% it has hardly moved.")},
    ),
    "burt": QuizData(
        question=N_("In Burt's study of 673 managers, what went with spanning structural "
                    "holes?"),
        choices=(N_("Ideas judged more valuable, better evaluations, higher pay and more "
                    "promotions"),
                 N_("Fewer promotions, because brokers belong to no group"),
                 N_("No measurable difference")),
        answer=N_("Ideas judged more valuable, better evaluations, higher pay and more "
                  "promotions"),
        explanation=N_("Burt (2004) found all four in the supply chain of a large electronics "
                       "company."),
        hints={N_("Fewer promotions, because brokers belong to no group"):
               N_("It was the other way round: brokerage went with more promotions."),
               N_("No measurable difference"): N_("Burt (2004) found clear differences.")},
    ),
}


# --------------------------------------------------------------------------
# Facts and claims

def _first_below(curve, column, level):
    below = curve.loc[curve[column] < level, "share"]
    return float(below.min()) if len(below) else float("nan")


def facts(G):
    """The numbers and names the text of lesson 04 quotes, computed on its population."""
    import networkx as nx

    tables = {a: _metrics.insularity(G, a) for a in GROUPINGS}
    sector = tables["sector"].sort_values("ratio")
    people = brokerage(G)
    choices = new_tie_choices(G, people.closed)
    toy = toy_networks()
    c = np.array([people.constraint[p] for p in G])
    size = np.array([G.degree(p) for p in G])
    world = SmallWorld()
    curve = world.curve
    row = world.row(0.01)
    population = _sw.compare_with_random(G, seed=_SEED)
    closed_alters = G.subgraph(G[people.closed]).number_of_edges()
    broker_alters = G.subgraph(G[people.broker]).number_of_edges()
    return {
        "people": G.number_of_nodes(),
        "most_insular": str(sector.index[-1]), "most_ratio": float(sector["ratio"].iloc[-1]),
        "least_insular": str(sector.index[0]), "least_ratio": float(sector["ratio"].iloc[0]),
        "sector_all_above": bool((tables["sector"]["inside"] > tables["sector"]["expected"])
                                 .all()),
        "all_above": all(bool((t["inside"] > t["expected"]).all()) for t in tables.values()),
        "region_inside_mean": float(tables["region"]["inside"].mean()),
        "sector_inside_mean": float(tables["sector"]["inside"].mean()),
        "ring_people": world.n, "ring_k": world.k,
        "ring_ties": world.n * world.k // 2,
        "ring_path": float(curve["path_length"].iloc[0]),
        "ring_clustering": float(curve["clustering"].iloc[0]),
        "one_percent": {"ties": round(0.01 * world.n * world.k / 2),
                        "path": row["path_ratio"], "clustering": row["clustering_ratio"],
                        "path_worst": row["path_ratio_max"],
                        "clustering_worst": row["clustering_ratio_min"]},
        "half_path_at": _first_below(curve, "path_ratio", 0.5),
        "half_clustering_at": _first_below(curve, "clustering_ratio", 0.5),
        "all_rewired_clustering": float(curve["clustering_ratio"].iloc[-1]),
        "population": population,
        "toy": [toy["broker"][1], toy["broker"][2], toy["circle"][1], toy["circle"][2]],
        "circle_24": _metrics.constraint(nx.complete_graph(25), 0, weight=None),
        "c_min": float(c.min()), "c_max": float(c.max()),
        "c_size_correlation": float(np.corrcoef(c, size)[0, 1]),
        "band_median": float(statistics.median(size)),
        "broker_name": G.nodes[people.broker]["name"],
        "closed_name": G.nodes[people.closed]["name"],
        "closed_first": G.nodes[people.closed]["name"].split()[0],
        "broker_ties": G.degree(people.broker), "closed_ties": G.degree(people.closed),
        "broker_c": people.constraint[people.broker], "closed_c": people.constraint[people.closed],
        "broker_reach": people.reach[people.broker], "closed_reach": people.reach[people.closed],
        "broker_alter_ties": broker_alters, "closed_alter_ties": closed_alters,
        "after": {s: list(choices.results[s, 5]) for s in STRATEGIES},
        "start": list(choices.results["friends", 0]),
    }


@claim("for sectors, every group keeps more of its ties inside than chance would give")
def every_sector_is_a_silo(f):
    return f["sector_all_above"], "a sector keeps fewer ties inside than expected"


@claim("by region the gap is much larger than by sector")
def regions_are_more_closed(f):
    return f["region_inside_mean"] > 1.5 * f["sector_inside_mean"], \
        f"region {f['region_inside_mean']:.2f}, sector {f['sector_inside_mean']:.2f}"


@claim("with 1 tie in 100 rewired, paths are several times shorter while clustering keeps "
       "more than 90% of its value, in every rewiring")
def paths_collapse_before_clustering(f):
    o = f["one_percent"]
    return o["path_worst"] < 0.3 and o["clustering_worst"] > 0.9, f"at 1%: {o}"


@claim("paths halve with a share of ties rewired at least fifty times smaller than the share "
       "that halves clustering")
def paths_halve_far_sooner(f):
    return f["half_clustering_at"] >= 50 * f["half_path_at"], \
        f"paths halve at {f['half_path_at']}, clustering at {f['half_clustering_at']}"


@claim("the population is a small world: its paths are about as short as a random network's "
       "(within 20%) while its clustering is several times higher")
def the_population_is_a_small_world(f):
    p = f["population"]
    return (p["path_length"] < 1.2 * p["random_path_length"]
            and p["clustering"] > 3 * p["random_clustering"]), f"{p}"


@claim("a closed circle's constraint is high with few contacts and falls as the circle grows")
def closed_circles_lose_constraint_as_they_grow(f):
    return f["toy"][2] > 0.5 > 0.2 > f["circle_24"], \
        f"five contacts {f['toy'][2]:.3f}, twenty-four {f['circle_24']:.3f}"


@claim("constraint falls as the number of ties rises (a strong negative correlation)")
def constraint_falls_with_ties(f):
    return f["c_size_correlation"] < -0.5, f"correlation {f['c_size_correlation']:.2f}"


@claim("the broker reaches more people within two steps than the closed circle")
def the_broker_reaches_more(f):
    return f["broker_reach"] > 1.05 * f["closed_reach"], \
        f"broker {f['broker_reach']}, closed {f['closed_reach']}"


@claim("the closed circle's contacts have more ties among themselves than the broker's")
def the_closed_circle_is_closed(f):
    return f["closed_alter_ties"] > f["broker_alter_ties"], \
        f"closed {f['closed_alter_ties']}, broker {f['broker_alter_ties']}"


@claim("new ties to other worlds lower constraint more and widen reach more than new ties to "
       "friends of friends")
def other_worlds_lower_constraint_more(f):
    friends, worlds = f["after"]["friends"], f["after"]["worlds"]
    return worlds[0] < friends[0] and worlds[1] > friends[1], f"after 5 new ties {f['after']}"
