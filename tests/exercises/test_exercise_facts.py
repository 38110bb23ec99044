"""Figures the exercises' texts quote, computed again with the library, so that they stay true."""

from __future__ import annotations

import networkx as nx
import pytest

from weakties.metrics import constraint

import exercise_harness as h


def _ego(closed: bool, n: int = 24) -> nx.Graph:
    """A person (0) with ``n`` contacts of equal strength, who all know each other or none."""
    G = nx.Graph()
    G.add_edges_from(((0, i) for i in range(1, n + 1)), strength=0.5)
    if closed:
        G.add_edges_from(((i, j) for i in range(1, n + 1) for j in range(i + 1, n + 1)),
                         strength=0.5)
    return G


def test_exercise_04_quotes_the_constraint_of_closed_and_open_circles():
    # Burt's constraint: (2n - 1)^2 / n^3 for a closed circle of n equal ties, 1 / n for an
    # open one (Burt 1992). Exercise 04 quotes both for 24 contacts.
    closed, open_ = constraint(_ego(True), 0), constraint(_ego(False), 0)
    assert closed == pytest.approx(47 ** 2 / 24 ** 3, rel=1e-9)
    assert open_ == pytest.approx(1 / 24, rel=1e-9)
    text = "\n".join(c.source for c in h.load_source("04-silos-and-bridges").cells)
    assert f"about {closed:.2f}" in text and f"about {open_:.2f}" in text
    assert round(closed / open_) == 4 and "by about four" in text
    assert "near 1" not in text
