"""Shared fixtures of the scenario tests: populations built once per session."""

import copy

import matplotlib
import networkx as nx
import pandas as pd
import pytest

import weakties

matplotlib.use("Agg")

#: Seeds of the populations over which literature results are checked.
POPULATION_SEEDS = (21, 22, 23)
N = 1500


@pytest.fixture(scope="session")
def G():
    """One default population of 1,500 people."""
    return weakties.population(N, seed=11)


@pytest.fixture(scope="session")
def populations():
    """Three default populations of 1,500 people, for bands over seeds."""
    return [weakties.population(N, seed=s) for s in POPULATION_SEEDS]


@pytest.fixture(scope="session")
def small():
    """A small population for fast checks of errors and invariants."""
    return weakties.population(300, seed=5)


def graph_state(G):
    """Everything about a graph: nodes, ties and every attribute, as plain data."""
    nodes = [(v, {k: (dict(x) if k == "reliability" else x) for k, x in d.items()})
             for v, d in G.nodes(data=True)]
    edges = sorted((min(u, v), max(u, v), tuple(sorted(d.items())))
                   for u, v, d in G.edges(data=True))
    return copy.deepcopy((nodes, edges, dict(G.graph)))


def assert_unchanged(G, run):
    """Calling ``run(G)`` leaves ``G``'s nodes, ties and attribute dicts as they were."""
    before = graph_state(G)
    run(G)
    assert graph_state(G) == before


def assert_same_result(a, b):
    """Two results hold equal tables."""
    ta, tb = a.tables(), b.tables()
    assert ta.keys() == tb.keys()
    for name in ta:
        pd.testing.assert_frame_equal(ta[name], tb[name], obj=name)


def results_differ(a, b):
    """Whether at least one table of two results differs."""
    for name, frame in a.tables().items():
        other = b.tables()[name]
        if frame.shape != other.shape or not frame.equals(other):
            return True
    return False


def assert_axes(ax):
    """A picture with a title, labelled axes and a legend (nothing by colour alone)."""
    assert ax.get_title()
    assert ax.get_ylabel()
    assert ax.get_legend() is not None
    import matplotlib.pyplot as plt
    plt.close(ax.figure)


def relabelled(G):
    """The same population with text node names (to test non-integer nodes)."""
    return nx.relabel_nodes(G, {v: f"p{v}" for v in G}, copy=True)


@pytest.fixture(scope="session")
def helpers():
    """The helper checks above, for the test modules."""
    from types import SimpleNamespace
    return SimpleNamespace(graph_state=graph_state, assert_unchanged=assert_unchanged,
                           assert_same_result=assert_same_result,
                           results_differ=results_differ, assert_axes=assert_axes,
                           relabelled=relabelled)
