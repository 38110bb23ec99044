"""Build lessons 02 to 05 of the course as clean notebooks (no outputs): the old way.

These lessons are not converted yet to MyST sources (``course/sources/``,
see ``course/LESSON-GUIDE.md``); until they are, the one build command
``.venv/bin/python -m course.build`` runs this script for them, and
``--check`` compares its output with the stored notebooks. Converting a
lesson removes its code from here; when none is left, this file goes.

The lessons are written here as cell sources. Each cell has a stable id
(``lNN-<key>``). The text alternatives under the pictures quote numbers from
the simulation: they are computed here, with the same seed and the same
library calls as the notebook, so that the words follow the data.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import sys
import textwrap
from pathlib import Path

import nbformat

COURSE = Path(__file__).resolve().parents[1]
SEED = 7
N_PEOPLE = 2000
LUCIE = 37  # the person the first lessons follow (a policy officer in Paris)

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
LANGUAGE_INFO = {"name": "python", "pygments_lexer": "ipython3",
                 "codemirror_mode": {"name": "ipython", "version": 3},
                 "file_extension": ".py", "mimetype": "text/x-python",
                 "nbconvert_exporter": "python"}


# --------------------------------------------------------------------------
# Notebook helpers

def _clean(text: str) -> str:
    return textwrap.dedent(text).strip("\n")


class Lesson:
    """Cells of one lesson, in order, each with a stable id ``lNN-<key>``."""

    def __init__(self, number: str, slug: str):
        self.number, self.slug = number, slug
        self.cells = []

    def md(self, key, text):
        self.cells.append(nbformat.v4.new_markdown_cell(_clean(text), id=f"l{self.number}-{key}"))

    def code(self, key, text):
        self.cells.append(nbformat.v4.new_code_cell(_clean(text), id=f"l{self.number}-{key}"))

    @property
    def path(self) -> Path:
        return COURSE / f"{self.number}-{self.slug}.ipynb"

    def notebook(self):
        nb = nbformat.v4.new_notebook()
        nb.nbformat, nb.nbformat_minor = 4, 5
        nb.metadata = {"kernelspec": dict(KERNELSPEC), "language_info": dict(LANGUAGE_INFO)}
        nb.cells = self.cells
        ids = [c.id for c in self.cells]
        duplicated = sorted({i for i in ids if ids.count(i) > 1})
        if duplicated:
            raise ValueError(f"lesson {self.number}: duplicated cell ids {duplicated}")
        nbformat.validate(nb)
        return nb

    def text(self) -> str:
        return nbformat.writes(self.notebook()) + "\n"


@functools.lru_cache(maxsize=None)
def population():
    import weakties
    from weakties.lessons import followed_person
    G = weakties.population(N_PEOPLE, seed=SEED)
    claim(followed_person(G) == LUCIE, "02-05",
          f"lessons 02 to 05 follow person {LUCIE}, the person lessons 00 and 01 follow "
          "(weakties.lessons.followed_person); convert them to call followed_person(G)")
    return G


def claim(condition, lesson, text):
    """Stop the build when the data no longer support a sentence of a lesson."""
    if not condition:
        raise AssertionError(f"lesson {lesson} says {text!r}, but the simulation no longer "
                             "shows it: rewrite that sentence.")


def pct(x, digits=0):
    return f"{100 * x:.{digits}f}%"


# --------------------------------------------------------------------------
# Shared text

SETUP_MD = """
    ## Setup

    Run this cell first: it builds a fictional population of 2,000
    professionals in France, always the same one (the *seed* fixes the
    chance draws), and loads the tools of the course. It takes a few
    seconds.
"""

WIDGETS_NOTE = """
    *If a control below shows no picture, run the cell again (Shift+Enter).*
"""


# --------------------------------------------------------------------------
# Lesson 04: Silos and bridges

def _insularity(G, attribute):
    import networkx as nx
    import pandas as pd
    value = nx.get_node_attributes(G, attribute)
    ends = pd.DataFrame([(value[a], value[b]) for a, b in G.edges()]
                        + [(value[b], value[a]) for a, b in G.edges()], columns=["group", "other"])
    inside = (ends["group"] == ends["other"]).groupby(ends["group"]).mean()
    expected = pd.Series(value).value_counts(normalize=True)
    return pd.DataFrame({"inside": inside, "expected": expected}).sort_values("inside")


@functools.lru_cache(maxsize=None)
def _brokerage():
    """Constraint and reach of everyone; the broker and the closed person of lesson 04."""
    from collections import Counter
    import numpy as np
    from weakties import metrics
    G = population()
    con = {p: metrics.constraint(G, p) for p in G}
    reach = {p: len(metrics.reach(G, p, 2)) for p in G}
    band = [p for p in G if 29 <= G.degree(p) <= 31]
    broker, closed = min(band, key=con.get), max(band, key=con.get)
    mine = set(G[closed])
    common = Counter(q for a in mine for q in G[a] if q != closed and q not in mine)
    two = metrics.reach(G, closed, 2)
    me = G.nodes[closed]
    far = [p for p in G if p != closed and p not in two
           and all(G.nodes[p][a] != me[a] for a in ("sector", "region", "generation"))]
    far = [far[i] for i in np.random.default_rng(SEED).permutation(len(far))]
    candidates = {"friends of friends": sorted(common, key=lambda q: (-common[q], q)),
                  "other worlds": far}
    after = {}
    for strategy, people in candidates.items():
        H = G.copy()
        H.add_edges_from((closed, p, {"strength": 0.3, "context": "event"}) for p in people[:5])
        after[strategy] = (metrics.constraint(H, closed), len(metrics.reach(H, closed, 2)))
    return con, reach, broker, closed, after


def facts_04():
    import numpy as np
    G = population()
    tables = {a: _insularity(G, a) for a in ("sector", "region", "generation")}
    sector = tables["sector"]
    ratio = (sector["inside"] / sector["expected"]).sort_values()
    con, reach, broker, closed, after = _brokerage()
    c = np.array([con[p] for p in G])
    size = np.array([G.degree(p) for p in G])
    claim(np.corrcoef(c, size)[0, 1] < -0.5, "04", "constraint falls as the number of ties rises")
    claim(reach[broker] > reach[closed], "04", "the broker reaches more people")
    claim(after["other worlds"][0] < after["friends of friends"][0], "04",
          "ties to other worlds lower constraint more")
    claim(all((t["inside"] > t["expected"]).all() for t in tables.values()), "04",
          "every group keeps more ties inside than expected")
    claim(tables["region"]["inside"].mean() > 1.5 * tables["sector"]["inside"].mean(), "04",
          "by region the gap is much larger than by sector")
    import networkx as nx
    from weakties import metrics
    star, circle = nx.star_graph(5), nx.complete_graph(6)
    toy = (metrics.constraint(star, 0, weight=None), metrics.effective_size(star, 0, weight=None),
           metrics.constraint(circle, 0, weight=None),
           metrics.effective_size(circle, 0, weight=None))
    closure = {p: G.subgraph(G[p]).number_of_edges() for p in (broker, closed)}
    claim(closure[closed] > closure[broker], "04", "the closed person's contacts have more ties")
    return {
        "toy": toy, "closed_first": G.nodes[closed]["name"].split()[0],
        "sector": sector, "most_insular": ratio.index[-1], "most_ratio": ratio.iloc[-1],
        "least_insular": ratio.index[0], "least_ratio": ratio.iloc[0],
        "region_inside_mean": tables["region"]["inside"].mean(),
        "c_min": c.min(), "c_max": c.max(), "c_median": float(np.median(c)),
        "broker": broker, "closed": closed,
        "broker_name": G.nodes[broker]["name"], "closed_name": G.nodes[closed]["name"],
        "broker_ties": G.degree(broker), "closed_ties": G.degree(closed),
        "broker_c": con[broker], "closed_c": con[closed],
        "broker_reach": reach[broker], "closed_reach": reach[closed],
        "after": after,
    }


def lesson_04():
    f = facts_04()
    L = Lesson("04", "silos-and-bridges")
    L.md("title", """
        # Lesson 04: Silos and bridges

        This lesson measures how closed sectors and regions are, and shows
        why the person who links two closed worlds, the *broker*, sees more
        and is worth more.

        **Duration:** about 50 minutes.

        **Learning objectives.** By the end of this lesson you can:

        - Measure how insular a sector, a region or a generation is.
        - Explain what a structural hole is and why brokers gain from
          spanning one.
        - Compute constraint and effective size, and say what they tell you
          about a person's network.
        - Plan new ties that make you a broker between two worlds.

        **Prerequisites:** lessons 00 to 03 (ego networks, weak ties and
        bridges, homophily).
    """)
    L.md("setup-md", SETUP_MD)
    L.code("setup", """
        import weakties
        from weakties.widgets import Explorer, Prediction, Quiz
        from weakties import metrics
        from weakties.plotting import draw_ego, style_axes, PALETTE, MARKERS
        import ipywidgets as widgets
        import matplotlib.pyplot as plt
        import networkx as nx
        import numpy as np
        import pandas as pd

        SEED = 7
        G = weakties.population(2000, seed=SEED)
    """)
    L.md("silos", """
        ## Silos

        For a long time, organisations and professions were sealed
        vertically: by sector, by region, by profession, by culture. Bankers
        met bankers, engineers met engineers, people from Lyon met people
        from Lyon. Such a *silo* is efficient for routine work, but it wears
        out creativity: everyone knows the same things, and nobody sees the
        changes happening outside (Burt 2004).

        A simple measure of insularity: among the ties of a group's members,
        the share that stay **inside** the group. To judge it, compare it with
        the share **expected** if ties ignored the group: the group's share
        of the population. A sector with 10% of the people that keeps 30% of
        its ties inside is three times more closed than chance.

        The next cell computes both numbers for every sector, region and
        generation. There is no library function for it yet, so the cell
        does it in a few lines: it lists both ends of every tie, then counts.
    """)
    L.code("insularity", """
        def insularity(attribute):
            value = nx.get_node_attributes(G, attribute)
            ends = pd.DataFrame([(value[a], value[b]) for a, b in G.edges()]
                                + [(value[b], value[a]) for a, b in G.edges()], columns=["group", "other"])
            inside = (ends["group"] == ends["other"]).groupby(ends["group"]).mean()
            expected = pd.Series(value).value_counts(normalize=True)
            return pd.DataFrame({"inside": inside, "expected": expected}).sort_values("inside")

        insular = {attribute: insularity(attribute) for attribute in ("sector", "region", "generation")}
        insular["sector"].round(2)
    """)
    L.md("explore-md", """
        ## Explore: which worlds are closed?

        Choose an attribute. Each group gets two bars: the share of its
        members' ties that stay inside the group (filled), and the share
        expected if ties ignored the group (hatched). The further apart the
        two bars, the more closed the group.
    """)
    L.code("explore", """
        def show_insularity(attribute):
            table = insular[attribute]
            y = np.arange(len(table))
            fig, ax = plt.subplots(figsize=(9, 0.45 * len(table) + 1.5))
            ax.barh(y + 0.2, 100 * table["inside"], 0.4, color=PALETTE[4], edgecolor="black",
                    label="ties that stay inside the group")
            ax.barh(y - 0.2, 100 * table["expected"], 0.4, color="white", edgecolor="black",
                    hatch="//", label="expected if ties ignored the group")
            ax.set_yticks(y, table.index)
            ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
            style_axes(ax, f"How closed is each {attribute}?", "share of ties (%)", None)

        explorer = Explorer(show_insularity, title="Choose the attribute that defines the groups.",
                            attribute=widgets.Dropdown(options=["sector", "region", "generation"],
                                                       description="groups by"))
        explorer
    """)
    L.md("explore-alt", f"""
        *Picture description:* one pair of horizontal bars per group (sector,
        region or generation, as chosen): a filled bar for the share of ties
        that stay inside the group, a hatched bar for the share expected if
        ties ignored the group. For sectors, every filled bar is longer than
        its hatched bar. Relative to its size, the most closed sector in this
        simulated population is {f['most_insular']} ({f['most_ratio']:.1f}
        times what chance would give) and the least closed is
        {f['least_insular']} ({f['least_ratio']:.1f} times). The one thing to
        notice: by region the gap is much larger: on average
        {pct(f['region_inside_mean'])} of a region's ties stay in the region.
    """)
    L.md("holes", """
        ## Structural holes

        Between two silos there is a gap: people on one side do not talk with
        people on the other. The sociologist Ronald Burt calls it a
        **structural hole**. A person who has ties on both sides spans the
        hole: a **broker**. The broker hears both sides' news early, sees
        how an idea from one side solves a problem on the other, and can
        introduce people (Burt 1992).

        Burt (2004) studied 673 managers in the supply chain of a large
        American electronics company. Managers whose networks spanned
        structural holes were more likely to have their ideas judged
        valuable, and they received better performance evaluations, higher
        pay and more promotions.

        Burt measures this with two numbers:

        - **Constraint**: how much your network is concentrated in a few
          contacts who are themselves connected to each other. It is close to
          0 for a broker with many separate contacts, and about 1 for a
          person with a single contact or a small closed circle.
        - **Effective size**: the number of your contacts, minus their
          redundancy. A contact who knows none of your other contacts counts
          1; a contact who knows all of them counts little.

        The two small networks below show the extremes (functions
        `metrics.constraint` and `metrics.effective_size`).
    """)
    L.code("toy", """
        star, circle = nx.star_graph(5), nx.complete_graph(6)
        fig, axes = plt.subplots(1, 2, figsize=(10, 4.5))
        for ax, graph, name in ((axes[0], star, "A broker: 5 contacts who do not know each other"),
                                (axes[1], circle, "A closed circle: 5 contacts who all know each other")):
            pos = nx.circular_layout(graph) if graph is circle else nx.spring_layout(graph, seed=SEED)
            others = [p for p in graph if p != 0]
            nx.draw_networkx_edges(graph, pos, ax=ax, width=2, edge_color="#555555")
            nx.draw_networkx_nodes(graph, pos, nodelist=others, ax=ax, node_color=PALETTE[1],
                                   node_shape="o", edgecolors="black", node_size=300, label="contact")
            nx.draw_networkx_nodes(graph, pos, nodelist=[0], ax=ax, node_color="black",
                                   node_shape="*", node_size=900, label="you")
            c, e = metrics.constraint(graph, 0, weight=None), metrics.effective_size(graph, 0, weight=None)
            ax.set_title(f"{name}\\nconstraint {c:.2f}, effective size {e:.1f}", fontsize=10)
            ax.legend(frameon=False, loc="lower center", ncol=2, bbox_to_anchor=(0.5, -0.12))
            ax.axis("off")
        plt.show()
    """)
    L.md("toy-alt", f"""
        *Picture description:* two small network drawings. On the left, you
        (a black star) are tied to five contacts (blue circles) who have no
        ties to each other: constraint {f['toy'][0]:.2f}, effective size
        {f['toy'][1]:.1f}. On the right, you and five contacts all know each
        other: constraint {f['toy'][2]:.2f}, effective size {f['toy'][3]:.1f}. The one thing to notice: with the same number of
        contacts, the broker has five separate sources of news, the closed
        circle has only one.
    """)
    L.md("population-md", """
        ## Brokers and closed circles in the population

        The next cell computes the constraint of all 2,000 people and the
        number of people each can reach in two steps (contacts and contacts
        of contacts). It takes a few seconds. Then it finds two people with
        about 30 ties each: the one with the lowest constraint (the broker)
        and the one with the highest (the closed circle).
    """)
    L.code("population", """
        constraint = {p: metrics.constraint(G, p) for p in G}
        within_two = {p: len(metrics.reach(G, p, 2)) for p in G}
        about_thirty = [p for p in G if 29 <= G.degree(p) <= 31]
        broker = min(about_thirty, key=constraint.get)
        closed = max(about_thirty, key=constraint.get)

        fig, ax = plt.subplots(figsize=(8, 4.5))
        ax.scatter([G.degree(p) for p in G], [constraint[p] for p in G], s=10, color="#999999",
                   label="one person")
        for person, name, marker, colour in ((broker, "the broker", "D", PALETTE[2]),
                                             (closed, "the closed circle", "s", PALETTE[5])):
            ax.scatter([G.degree(person)], [constraint[person]], s=150, marker=marker, color=colour,
                       edgecolors="black", zorder=3,
                       label=f"{name}: {G.nodes[person]['name']}")
        ax.legend(frameon=False)
        style_axes(ax, "Constraint falls as the number of ties rises",
                   "number of ties", "constraint (lower = more of a broker)")
        plt.show()
    """)
    L.md("population-alt", f"""
        *Picture description:* a scatter plot with one grey dot per person:
        number of ties on the horizontal axis, constraint on the vertical
        axis (from {f['c_min']:.3f} to {f['c_max']:.3f} in this simulated
        population). The dots form a falling curve. Two people with about 30
        ties are marked: the broker, {f['broker_name']} (green diamond,
        constraint {f['broker_c']:.3f}), and the closed circle,
        {f['closed_name']} (orange square, constraint {f['closed_c']:.3f}).
        The one thing to notice: more ties lower constraint, but among
        people with about 30 ties constraint still ranges from
        {f['broker_c']:.3f} to {f['closed_c']:.3f}.
    """)
    L.md("predict-md", f"""
        ## Predict, then see

        {f['broker_name']} and {f['closed_name']} have about the same number
        of ties ({f['broker_ties']} and {f['closed_ties']}). Before you run the
        simulation, predict who can reach more people in two steps: through
        their contacts, and their contacts' contacts.
    """)
    L.code("predict", """
        CHOICES = ["The broker (low constraint)", "The closed circle (high constraint)",
                   "About the same: they have the same number of ties"]

        def reach_answer():
            fig, axes = plt.subplots(1, 2, figsize=(16, 7.5))
            for ax, person, name in ((axes[0], broker, "The broker"), (axes[1], closed, "The closed circle")):
                draw_ego(G, person, ax=ax,
                         title=f"{name}: {G.degree(person)} ties, constraint {constraint[person]:.3f},\\n"
                               f"{within_two[person]} people within two steps")
            fig.tight_layout()
            gap = within_two[broker] - within_two[closed]
            answer = CHOICES[2] if abs(gap) < 0.05 * within_two[closed] else CHOICES[0] if gap > 0 else CHOICES[1]
            return answer, fig

        prediction = Prediction("Who reaches more people within two steps?", CHOICES, run=reach_answer,
                                explanation=("When your contacts know each other, their contacts "
                                             "overlap too: the same people are counted again and "
                                             "again. A broker's contacts lead to different people."))
        prediction
    """)
    L.md("predict-alt", f"""
        *Picture description:* after you run the simulation, two network
        drawings side by side, each with its own legend (colours and shapes
        show sectors, and are chosen separately for each drawing). On the
        left, the broker: {f['broker_ties']} ties, constraint
        {f['broker_c']:.3f}, {f['broker_reach']} people within two steps. On
        the right, the closed circle: {f['closed_ties']} ties, constraint
        {f['closed_c']:.3f}, {f['closed_reach']} people within two steps. The
        one thing to notice: the right drawing has more grey lines between
        contacts, and its owner reaches fewer people.
    """)
    fof_c, fof_r = f["after"]["friends of friends"]
    far_c, far_r = f["after"]["other worlds"]
    L.md("broker-md", f"""
        ## Becoming a broker

        Can {f['closed_name']} become a broker? Suppose {f['closed_first']}
        makes new ties (weak ones at first, strength 0.3, like people met at
        an event and seen again), chosen among:

        - **friends of friends**: people whom {f['closed_first']}'s contacts already know, the
          easiest to meet (and the ones a platform suggests);
        - **other worlds**: people more than two steps away, of another sector,
          another region and another generation.

        Predict which choice lowers {f['closed_first']}'s constraint more,
        then check with the
        controls below. The cell first computes the result of every choice
        from 0 to 10 new ties (a few seconds), so that the controls react
        quickly.
    """)
    L.code("broker-prepare", """
        from collections import Counter

        mine = set(G[closed])
        in_common = Counter(q for a in mine for q in G[a] if q != closed and q not in mine)
        reached = metrics.reach(G, closed, 2)
        me = G.nodes[closed]
        far = [p for p in G if p != closed and p not in reached
               and all(G.nodes[p][a] != me[a] for a in ("sector", "region", "generation"))]
        candidates = {
            "friends of friends": sorted(in_common, key=lambda q: (-in_common[q], q)),  # most in common first
            "other worlds": [far[i] for i in np.random.default_rng(SEED).permutation(len(far))],
        }
        NEW_TIE = {"strength": 0.3, "context": "event"}

        results = {}  # (strategy, number of new ties) -> (constraint, people within two steps)
        for strategy, people in candidates.items():
            grown = G.copy()  # a copy: G itself never changes
            for count in range(11):
                if count:
                    grown.add_edge(closed, people[count - 1], **NEW_TIE)
                results[strategy, count] = (metrics.constraint(grown, closed),
                                            len(metrics.reach(grown, closed, 2)))

        def ego_view(strategy, count):
            \"\"\"The closed person's ego network with `count` new ties: quick to build and draw.\"\"\"
            new = candidates[strategy][:count]
            view = G.subgraph([closed, *G[closed], *new]).copy()
            view.add_edges_from((closed, p, NEW_TIE) for p in new)
            return view
    """)
    L.code("explore-broker", """
        def show_broker(count, strategy):
            fig = plt.figure(figsize=(13, 6))
            grid = fig.add_gridspec(2, 2, width_ratios=[1.5, 1])
            draw_ego(ego_view(strategy, count), closed, ax=fig.add_subplot(grid[:, 0]),
                     title=f"{G.nodes[closed]['name']} with {count} new ties to {strategy}")
            for row, (index, label) in enumerate(((0, "constraint"), (1, "people within two steps"))):
                ax = fig.add_subplot(grid[row, 1])
                for i, s in enumerate(candidates):
                    ax.plot(range(11), [results[s, k][index] for k in range(11)], label=s,
                            color=PALETTE[(4, 5)[i]], marker=MARKERS[i], ls=("-", "--")[i])
                ax.scatter([count], [results[strategy, count][index]], s=200, facecolors="none",
                           edgecolors="black", linewidths=2, zorder=3)
                ax.legend(frameon=False, fontsize=9)
                style_axes(ax, label.capitalize(), "new ties", label)
            fig.tight_layout()

        explorer_broker = Explorer(
            show_broker, title="Add new ties and choose where they lead.",
            count=widgets.IntSlider(value=5, min=0, max=10, description="new ties"),
            strategy=widgets.Dropdown(options=list(candidates), description="chosen among"))
        explorer_broker
    """)
    L.md("explore-broker-alt", f"""
        *Picture description:* on the left, the network drawing of
        {f['closed_name']} with the chosen number of new ties; the new ties
        are weak, so they sit on the outer rings. On the right, two small
        charts show the constraint (top) and the number of people within two
        steps (bottom) for 0 to 10 new ties, one line per choice (solid:
        friends of friends; dashed: other worlds), with a circle at the
        current setting. With 5 new ties, constraint falls from
        {f['closed_c']:.3f} to {fof_c:.3f} through friends of friends and to
        {far_c:.3f} through other worlds; the people within two steps grow
        from {f['closed_reach']} to {fof_r} and to {far_r}. The one thing to
        notice: the same effort buys much more reach when it crosses a
        structural hole.
    """)
    L.md("check", """
        ## Check your understanding
    """)
    L.code("quiz-1", """
        quiz_hole = Quiz(
            "What is a structural hole?",
            ["A gap between two groups of people who have no ties to each other",
             "A person with no ties at all",
             "A tie that is about to be broken"],
            answer="A gap between two groups of people who have no ties to each other",
            explanation="The broker is the person whose ties span that gap (Burt 1992).",
            hints={"A person with no ties at all": "The hole is between groups, not a person.",
                   "A tie that is about to be broken":
                       "The hole is the absence of ties between two groups."},
        )
        quiz_hole
    """)
    L.code("quiz-2", """
        quiz_constraint = Quiz(
            "Two people each have 30 contacts. Lina's contacts all know each other; Omar's mostly "
            "do not. Who has the higher constraint?",
            ["Lina", "Omar", "Neither: they have the same number of contacts"],
            answer="Lina",
            explanation=("Constraint is high when your contacts are connected to each other: "
                         "Lina's network is a closed circle, Omar is a broker."),
            hints={"Omar": "Omar's contacts do not know each other: that is the broker's low constraint.",
                   "Neither: they have the same number of contacts":
                       "Constraint depends on how the contacts are tied to each other, not only "
                       "on how many there are."},
        )
        quiz_constraint
    """)
    L.code("quiz-3", """
        quiz_burt = Quiz(
            "In Burt's study of 673 managers, what went with spanning structural holes?",
            ["Ideas judged more valuable, better evaluations, higher pay and more promotions",
             "Fewer promotions, because brokers belong to no group",
             "No measurable difference"],
            answer="Ideas judged more valuable, better evaluations, higher pay and more promotions",
            explanation="Burt (2004) found all four in the supply chain of a large electronics company.",
            hints={"Fewer promotions, because brokers belong to no group":
                       "It was the other way round: brokerage went with more promotions.",
                   "No measurable difference": "Burt (2004) found clear differences."},
        )
        quiz_burt
    """)
    L.md("reflection", """
        ## Reflection

        1. Which silo do you belong to: a sector, a region, a profession, a
           school? How many of your contacts are outside it?
        2. Name two worlds you know that do not know each other. What could
           one bring to the other, and could you make the introduction?
        3. Being a broker has a cost: you belong fully to no group. How would
           you keep the trust of both sides?

        The exercise `exercises/04-silos-and-bridges/` asks you to compute
        constraint, effective size and reach for simulated people and to
        choose new ties that turn a closed network into a broker's.
    """)
    L.md("recap", """
        ## Recap

        - A silo keeps its ties inside; compare the share of ties inside a
          group with its share of the population.
        - A structural hole is a gap between groups; the broker who spans it
          gets early news, new ideas and, in Burt's managers, better pay and
          promotions (Burt 1992, 2004).
        - Constraint is high when your contacts all know each other;
          effective size counts your non-redundant contacts.
        - New ties to other worlds lower constraint and widen your reach
          more than new ties to friends of friends.
    """)
    L.md("sources", """
        ## Sources

        - Burt, R. S. (1992). *Structural Holes: The Social Structure of
          Competition*. Harvard University Press.
        - Burt, R. S. (2004). Structural holes and good ideas. *American
          Journal of Sociology* 110(2), 349-399.
    """)
    return L


# --------------------------------------------------------------------------
# Lesson 05: Encounters and events

def _jazz_evening():
    from weakties.scenarios import networking_event
    G = population()
    paris = [p for p in G if G.nodes[p]["region"] == "Île-de-France"]
    musician = next(p for p in paris if G.nodes[p]["occupation"] == "musician")
    bankers = [p for p in paris if G.nodes[p]["sector"] == "Finance"][:20]
    designers = [p for p in paris
                 if G.nodes[p]["occupation"] in ("UX designer", "graphic designer")][:20]
    attendees = [musician] + bankers + designers
    result = networking_event(G, attendees, format="evening", rounds=6, seed=SEED, months=36)
    return musician, attendees, result


@functools.lru_cache(maxsize=None)
def _formats():
    from weakties.scenarios import networking_event
    G = population()
    return {fmt: networking_event(G, 60, format=fmt, rounds=6, seed=SEED, months=36)
            for fmt in ("evening", "breakfast", "neighbourhood")}


def facts_05():
    G = population()
    musician, attendees, evening = _jazz_evening()
    t = evening.new_ties
    met = t[(t["kind"] == "event") & ((t["person"] == musician) | (t["other"] == musician))]
    others = [b if a == musician else a for a, b in zip(met["person"], met["other"])]
    worlds = {"Finance", "Digital"}
    before = sum(G.nodes[q]["sector"] in worlds for q in G[musician])
    after = sum(G.nodes[q]["sector"] in worlds for q in others)
    per = {}
    for fmt, r in _formats().items():
        nt = r.new_ties
        ev, on = nt[nt["kind"] == "event"], nt[nt["kind"] == "online"]
        per[fmt] = {"event": len(ev) / 60, "relations": ev["relation"].sum() / 60,
                    "online": len(on) / 60, "online_relations": on["relation"].sum() / 60,
                    "event_strength": ev["strength"].mean(), "online_strength": on["strength"].mean()}
    best = max(per, key=lambda k: per[k]["relations"])
    most_contacts = max(per, key=lambda k: per[k]["event"])
    claim(best == "neighbourhood" and most_contacts == "evening", "05",
          "the evening makes most contacts, the neighbourhood most relations")
    claim(all(v["online_relations"] == 0 for v in per.values()), "05",
          "no online-only tie becomes a relation")
    claim(all(v["event_strength"] > 1.5 * v["online_strength"] for v in per.values()), "05",
          "event ties end much stronger than online-only ties")
    cross = _formats()["breakfast"].crossing.pivot(index="attribute", columns="ties",
                                                    values="share")
    claim(all(cross.loc[a, "event"] > cross.loc[a, "existing"]
              for a in ("sector", "region", "generation")), "05",
          "event ties cross sector, region and generation more than existing ties")
    return {
        "musician": G.nodes[musician]["name"], "musician_first": G.nodes[musician]["name"].split()[0],
        "attendees": len(attendees), "bankers": sum(G.nodes[p]["sector"] == "Finance" for p in attendees),
        "met": len(met), "before": before, "after": after, "ties": G.degree(musician),
        "per": per, "cross": cross,
    }


def lesson_05():
    f = facts_05()
    per, cross = f["per"], f["cross"]
    br = per["breakfast"]
    L = Lesson("05", "encounters-and-events")
    L.md("title", """
        # Lesson 05: Encounters and events

        This lesson shows how networking events bring together people whose
        circles would never meet, and why a new contact becomes a relation
        only when you meet again in person.

        **Duration:** about 45 minutes.

        **Learning objectives.** By the end of this lesson you can:

        - Explain why events create ties that your own circles cannot.
        - Compare three formats: networking evenings, breakfasts and
          neighbourhood groups.
        - Show, with a simulation, why a tie met in person and followed up
          grows stronger than a contact made online only.
        - Plan how you will follow up the people you meet.

        **Prerequisites:** lessons 01 to 04 (contacts and relations, weak
        ties, the alter-ego network, brokers).
    """)
    L.md("setup-md", SETUP_MD)
    L.code("setup", """
        import weakties
        from weakties.widgets import Explorer, Prediction, Quiz
        from weakties.scenarios import networking_event
        from weakties.scenarios.networking_event import FORMATS
        from weakties.plotting import draw_network, style_axes, PALETTE
        import ipywidgets as widgets
        import matplotlib.pyplot as plt
        import networkx as nx
        import pandas as pd

        SEED = 7
        G = weakties.population(2000, seed=SEED)
    """)
    L.md("why", """
        ## Why events matter

        Ties form inside the contexts people share: a family, a school, a
        workplace, a neighbourhood (Feld 1981). Lesson 03 showed the cost:
        those contexts gather people who are alike, so the ties they produce
        are alike too. To meet someone from another world, you need a context
        that gathers different people. That is what a good networking event
        is.

        Gathering people is not enough. At a real business mixer,
        researchers followed who talked to whom: guests spent much of their
        time with people they already knew (Ingram and Morris 2007). Formats
        that seat people at tables, and change tables during the evening,
        mix them on purpose.
    """)
    L.md("formats-md", """
        ## Three formats

        The simulation (function `networking_event`) knows three formats. In
        each, people sit at tables and two people at a table exchange
        contacts half of the time. The formats differ in the size of the
        tables, in how often people change tables, and in the chance of
        seeing each other again afterwards:
    """)
    L.code("formats", """
        pd.DataFrame(FORMATS).T.rename(columns={
            "table": "people per table", "seatings": "table changes per session",
            "follow_up": "chance of meeting again each month", "about": "what it is"})
    """)
    L.md("formats-after", """
        - A **networking evening** is large: people move between tables and
          meet many others, but briefly.
        - A **breakfast** is small: one table, time to talk.
        - A **neighbourhood group** gathers professionals who live and work
          in the same districts; meeting again is easy.

        The chances of meeting again are **assumptions of the model**, not
        measurements: the simulation shows what follows from them.
    """)
    L.md("jazz-md", f"""
        ## An improbable encounter

        Imagine a jazz guitarist at a networking evening among bankers and
        designers. Nobody in the guitarist's circles would have introduced
        them; yet a banker may need music for a client event, and a designer
        may need a musician for a video. This is the *improbable encounter*.

        The next cell invites one musician from Île-de-France,
        {f['musician']}, with {f['bankers']} people from finance and some UX
        and graphic designers, {f['attendees']} people in all, to six monthly
        evenings. It then follows the new ties for three years.
    """)
    L.code("jazz", """
        paris = [p for p in G if G.nodes[p]["region"] == "Île-de-France"]
        musician = next(p for p in paris if G.nodes[p]["occupation"] == "musician")
        bankers = [p for p in paris if G.nodes[p]["sector"] == "Finance"][:20]
        designers = [p for p in paris if G.nodes[p]["occupation"] in ("UX designer", "graphic designer")][:20]
        attendees = [musician] + bankers + designers
        evening = networking_event(G, attendees, format="evening", rounds=6, seed=SEED, months=36)
        print(evening.summary())
    """)
    L.md("jazz-draw-md", """
        The next cell draws who met whom at the evenings: one mark per
        attendee, coloured and shaped by occupation, one line per tie made at
        the event (thicker when it grew stronger). The musician is the large
        black star.
    """)
    L.code("jazz-draw", """
        met = nx.Graph()
        met.add_nodes_from((p, G.nodes[p]) for p in attendees)
        event_ties = evening.new_ties[evening.new_ties["kind"] == "event"]
        met.add_edges_from((a, b, {"strength": s}) for a, b, s
                           in zip(event_ties["person"], event_ties["other"], event_ties["strength"]))
        fig, ax = plt.subplots(figsize=(10, 7))
        draw_network(met, color_by="occupation", highlight=musician, ax=ax, seed=SEED, node_size=60,
                     title="Who met whom at six networking evenings")
        handles, labels = ax.get_legend_handles_labels()  # name the star in the legend
        labels = [f"the musician, {G.nodes[musician]['name']}" if lab == "highlighted" else lab
                  for lab in labels]
        ax.legend(handles, labels, title="occupation", loc="upper left", bbox_to_anchor=(1.0, 1.0),
                  frameon=False, fontsize=9)
        plt.show()
    """)
    L.md("jazz-draw-alt", f"""
        *Picture description:* a network drawing of the {f['attendees']}
        attendees, each mark coloured and shaped by occupation (finance
        occupations such as bank adviser or accountant, UX designers and
        graphic designers), with the musician as a large black star. Lines
        are the ties made at the evenings. {f['musician_first']}
        met {f['met']} people there, {f['after']} of them in finance or
        digital trades; before the evenings, {f['before']} of
        {f['musician_first']}'s {f['ties']} ties were in those two sectors.
        The one thing to notice: the musician is now tied into two worlds
        that none of the musician's own circles reached.
    """)
    L.md("predict-md", """
        ## Predict, then see: which format builds relations?

        Now compare the three formats on the same footing: 60 people invited
        to six monthly sessions, followed for three years. At each session,
        every attendee also accepts one connection request online from
        someone outside the room: an *online-only* contact, kept alive by an
        occasional message. After three years, which format has turned the
        most new contacts into **relations** (the rule of lesson 01: two
        years, four exchanges a year, help both ways)?
    """)
    L.code("predict", """
        results = {fmt: networking_event(G, 60, format=fmt, rounds=6, seed=SEED, months=36)
                   for fmt in FORMATS}

        def per_attendee(result):
            t = result.new_ties
            event, online = t[t["kind"] == "event"], t[t["kind"] == "online"]
            n = result.params["attendees"]
            return {"contacts met at the event": len(event) / n,
                    "event contacts that became relations": event["relation"].sum() / n,
                    "online-only contacts": len(online) / n,
                    "online contacts that became relations": online["relation"].sum() / n}

        def format_answer():
            table = pd.DataFrame({fmt: per_attendee(r) for fmt, r in results.items()}).T
            ax = table.plot.bar(figsize=(9, 4.5), edgecolor="black", rot=0,
                                color=[PALETTE[4], PALETTE[2], PALETTE[1], PALETTE[5]])
            for bars, hatch in zip(ax.containers, ["", "//", "..", "xx"]):
                for bar in bars:
                    bar.set_hatch(hatch)
                ax.bar_label(bars, fmt="%.1f", fontsize=8)
            ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
            style_axes(ax, "New ties per attendee after three years", "format", "ties per attendee")
            return table["event contacts that became relations"].idxmax(), ax.figure

        prediction = Prediction("Which format turns the most new contacts into relations?",
                                 list(FORMATS), run=format_answer,
                                 explanation=("The evening makes the most contacts, but relations "
                                              "need meetings after the event. Where people meet "
                                              "again easily, more contacts become relations."))
        prediction
    """)
    L.md("predict-alt", f"""
        *Picture description:* after you run the simulation, a bar chart
        with one group of four bars per format (each bar with its own colour
        and hatch pattern): contacts met at the event, those that became
        relations, online-only contacts, and those that became relations,
        all per attendee. The evening makes {per['evening']['event']:.1f}
        contacts per attendee, the breakfast {per['breakfast']['event']:.1f}
        and the neighbourhood group {per['neighbourhood']['event']:.1f}; the
        relations per attendee are {per['evening']['relations']:.2f},
        {per['breakfast']['relations']:.2f} and
        {per['neighbourhood']['relations']:.2f}. No online-only contact
        became a relation. The one thing to notice: the format with the most
        contacts is not the one with the most relations.
    """)
    L.md("crystallise", """
        ## Why presence matters

        Economists who study cities argue that meeting face to face does
        things that messages cannot: it builds trust quickly, it lets people
        judge each other, and it carries information that is hard to write
        down (Storper and Venables 2004). In the simulation, this is an
        assumption: each meeting in person raises a tie's closeness and
        reciprocity several times more than an online message does.

        The next cell shows what follows from it, for the breakfast format:
        the average strength of the new ties, month after month.
    """)
    L.code("strength", """
        breakfast = results["breakfast"]
        ax = breakfast.plot(kind="strength")
        ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        plt.show()
    """)
    L.md("strength-alt", f"""
        *Picture description:* three lines over 36 months, with different
        colours, markers and line styles: event ties that were followed up in
        person, all event ties, and online-only ties; a dotted line marks the
        strong threshold (0.5). After three years, event ties reach an average
        strength of {br['event_strength']:.2f}, online-only ties
        {br['online_strength']:.2f}. The one thing to notice: the online-only
        line barely rises. A contact you only "add" stays a name in a list;
        value grows through meetings.
    """)
    L.md("crossing-md", """
        The same result, seen from another side: the next cell shows which
        new ties join people of different sectors, regions and generations,
        compared with the ties the attendees already had.
    """)
    L.code("crossing", """
        ax = breakfast.plot(kind="crossing")
        ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        plt.show()
    """)
    L.md("crossing-alt", f"""
        *Picture description:* three groups of bars (across sector, across
        region, across generation), each with three hatched bars: ties met at
        the breakfast, online-only ties, and the attendees' existing ties. Ties
        met at the breakfast join people of different sectors in
        {pct(cross.loc['sector', 'event'])} of cases, against
        {pct(cross.loc['sector', 'existing'])} for the attendees' existing
        ties; across regions, {pct(cross.loc['region', 'event'])} against
        {pct(cross.loc['region', 'existing'])}. The one thing to notice: the
        event reaches other worlds. Online-only contacts cross regions even
        more, but they stay weak.
    """)
    L.md("explore-md", """
        ## Explore: design your own series of events

        Choose a format, the number of monthly sessions, and how long you
        follow the new ties. Each change runs the simulation again for 60
        invited people (under a second). Look at the left panel for the
        strength of the ties over time, and at the right panel for what is
        left after the period: contacts, and relations.
    """)
    L.code("explore", """
        def show_series(fmt, sessions, months):
            result = networking_event(G, 60, format=fmt, rounds=sessions, seed=SEED,
                                      months=max(months, sessions))
            fig, (left, right) = plt.subplots(1, 2, figsize=(14, 4.5))
            result.plot(ax=left, kind="strength")
            left.set_ylim(0, 0.8)
            left.legend(frameon=False, loc="upper right", fontsize=9)
            counts = per_attendee(result)
            bars = right.barh(list(counts), list(counts.values()), edgecolor="black",
                              color=[PALETTE[4], PALETTE[2], PALETTE[1], PALETTE[5]],
                              hatch=["", "//", "..", "xx"])
            right.bar_label(bars, fmt="%.2f", padding=3)
            right.set_xlim(0, 1.2 * max(counts.values()))
            right.invert_yaxis()
            style_axes(right, f"Per attendee after {max(months, sessions)} months", "ties per attendee", None)
            fig.tight_layout()

        explorer = Explorer(
            show_series, title="Design a series of events and follow the ties it creates.",
            fmt=widgets.Dropdown(options=list(FORMATS), value="breakfast", description="format"),
            sessions=widgets.IntSlider(value=6, min=1, max=12, description="monthly sessions"),
            months=widgets.IntSlider(value=36, min=12, max=48, step=6, description="months followed"))
        explorer
    """)
    L.md("explore-alt", """
        *Picture description:* on the left, the strength of new ties month by
        month (followed-up event ties, all event ties, online-only ties) for
        the chosen format; on the right, four horizontal bars with their
        values: contacts met at the events, those that became relations,
        online-only contacts and those that became relations, per attendee.
        The one thing to notice: relations appear only after two years (the
        rule of lesson 01), and only among ties met in person; more sessions
        bring more contacts, but the format decides how many become relations.
    """)
    L.md("check", """
        ## Check your understanding
    """)
    L.code("quiz-1", """
        quiz_improbable = Quiz(
            "Why can a networking event give you ties that your own circles cannot?",
            ["It gathers people from contexts you do not share: other trades, places, generations",
             "Because people at events are more friendly",
             "Because every tie made at an event is strong"],
            answer="It gathers people from contexts you do not share: other trades, places, generations",
            explanation=("Your circles come from your contexts (Feld 1981); an event is a new "
                         "context that gathers different people."),
            hints={"Because people at events are more friendly":
                       "Friendliness is not the point: who is in the room is.",
                   "Because every tie made at an event is strong":
                       "Event ties start weak. They grow only with follow-up."},
        )
        quiz_improbable
    """)
    L.code("quiz-2", """
        quiz_follow = Quiz(
            "You met ten people at an evening and connected with all of them online. What makes "
            "some of them become relations?",
            ["Meeting them again and exchanging services over the following months",
             "Having accepted their connection requests",
             "Liking their posts"],
            answer="Meeting them again and exchanging services over the following months",
            explanation=("A relation needs time, regular exchanges and help both ways; meetings in "
                         "person build closeness and reciprocity fastest."),
            hints={"Having accepted their connection requests":
                       "That makes a contact. In the simulation, no online-only contact became a "
                       "relation.",
                   "Liking their posts": "A light online exchange keeps a contact alive but builds little trust."},
        )
        quiz_follow
    """)
    L.code("quiz-3", """
        quiz_mixer = Quiz(
            "What did Ingram and Morris (2007) observe at a business mixer?",
            ["Guests spent much of their time with people they already knew",
             "Guests talked to everyone in the room equally",
             "Guests talked only to strangers"],
            answer="Guests spent much of their time with people they already knew",
            explanation=("Without a format that mixes people (tables, rotations), guests stay with "
                         "familiar faces."),
            hints={"Guests talked to everyone in the room equally":
                       "People do not mix by themselves, even at a mixer.",
                   "Guests talked only to strangers":
                       "It was the opposite: familiar faces drew them."},
        )
        quiz_mixer
    """)
    L.md("reflection", """
        ## Reflection

        1. Which events in your area gather people outside your sector? Name
           one evening, one breakfast and one group near where you live or
           work.
        2. Think of the last person you met at an event. Did you meet again?
           What would a good reason to meet again have been?
        3. Plan your follow-up: after your next event, whom will you contact,
           within how many days, with what offer or question?

        The exercise `exercises/05-encounters-and-events/` asks you to run
        `networking_event` for several formats and to design a series of
        events that creates the most relations across sectors.
    """)
    L.md("recap", """
        ## Recap

        - Events are new contexts: they gather people whom your own circles
          would never bring you (Feld 1981), if the format mixes them
          (Ingram and Morris 2007).
        - Large evenings make many contacts; formats where people meet again
          easily turn more contacts into relations.
        - A contact made online only stays weak; value grows through meetings
          in person and exchanges over time (Storper and Venables 2004).
        - Plan the follow-up before the event: it decides what the event is
          worth.
    """)
    L.md("sources", """
        ## Sources

        - Feld, S. L. (1981). The focused organization of social ties.
          *American Journal of Sociology* 86(5), 1015-1035.
        - Ingram, P., Morris, M. W. (2007). Do people mix at mixers? Structure,
          homophily, and the "life of the party". *Administrative Science
          Quarterly* 52(4), 558-585.
        - Storper, M., Venables, A. J. (2004). Buzz: face-to-face contact and
          the urban economy. *Journal of Economic Geography* 4(4), 351-370.
    """)
    return L


# --------------------------------------------------------------------------
# Command line

BUILDERS = {"04": "lesson_04", "05": "lesson_05"}


def build(numbers=None):
    """The lessons as ``{path: notebook text}`` (nothing is written)."""
    out = {}
    for number, name in BUILDERS.items():
        if numbers and number not in numbers:
            continue
        builder = globals().get(name)
        if builder is None:
            continue
        lesson = builder()
        out[lesson.path] = lesson.text()
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if a notebook differs from what this "
                             "script builds")
    parser.add_argument("lessons", nargs="*", metavar="NN",
                        help="lesson numbers to build (default: 02 to 05)")
    args = parser.parse_args(argv)
    stale = []
    for path, text in build(args.lessons).items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        if args.check:
            stale.append(path.name)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(COURSE.parent)}")
    if stale:
        print(f"stale: {', '.join(stale)}: run `python course/build/lessons_02_05.py` "
              "and commit the notebooks.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
