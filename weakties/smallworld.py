"""The small world: a few long-range ties make a clustered world small.

Watts and Strogatz (1998) started from a ring where everyone knows only
their nearest neighbours: a world of small, closed circles (high
clustering) where news needs many steps to cross from one side to the
other (long paths). They then *rewired* a share of the ties at random:
each rewired tie keeps one of its two people and leads the other end to
someone anywhere. A handful of such long-range ties is enough to make the
average path short, while the circles stay almost as closed as before:
path length collapses long before clustering does. Most real networks are
like this, clustered *and* small (Newman 2003).

:func:`small_world_curve` measures both along a range of shares, over
several seeds; lesson 04 (``course/04-silos-and-bridges.ipynb``) shows it
with a slider. :func:`compare_with_random` measures the same two numbers
on a population, against a random network of the same size.

References
----------
.. [1] Watts, D. J., Strogatz, S. H. (1998). Collective dynamics of
   'small-world' networks. *Nature* 393, 440-442.
.. [2] Newman, M. E. J. (2003). The structure and function of complex
   networks. *SIAM Review* 45(2), 167-256.
"""

from __future__ import annotations

import math
import numbers

import networkx as nx
import numpy as np
import pandas as pd

__all__ = ["SHARES", "ring_lattice", "rewire", "path_length", "average_clustering",
           "small_world_curve", "compare_with_random"]

#: Shares of ties rewired that :func:`small_world_curve` measures by default:
#: from none to all, closer together where the path length collapses.
SHARES = (0.0, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0)


def _check_int(name, value, low):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < low:
        raise ValueError(f"{name} must be a whole number of at least {low}, not {value!r}.")
    return int(value)


def _check_share(share):
    if isinstance(share, bool) or not isinstance(share, numbers.Real) or not 0 <= share <= 1:
        raise ValueError(f"the share of ties rewired must be a number from 0 to 1, not {share!r} "
                         "(0.01 rewires 1 tie in 100).")
    return float(share)


def ring_lattice(n=1000, k=10):
    """A ring of ``n`` people, each tied to the ``k`` nearest (``k / 2`` on each side).

    The starting point of Watts and Strogatz (1998): a world of closed,
    overlapping circles, as in a street where everyone knows only their
    neighbours. Its clustering is ``3(k - 2) / (4(k - 1))`` and its average
    path length about ``n / (2k)`` steps.

    Parameters
    ----------
    n : int, default 1000
    k : int, default 10
        Even, from 2 to ``n - 2``.

    Returns
    -------
    networkx.Graph
        People ``0 .. n-1``; person ``i`` is tied to ``i ± 1, ..., i ± k/2`` (around the ring).

    Examples
    --------
    >>> R = ring_lattice(20, 4)
    >>> R.number_of_edges(), sorted(R[0])
    (40, [1, 2, 18, 19])
    >>> round(average_clustering(R), 3)   # 3(k-2) / (4(k-1)) = 0.5
    0.5
    """
    n = _check_int("n", n, 4)
    k = _check_int("k", k, 2)
    if k % 2 or k > n - 2:
        raise ValueError(f"k (the number of neighbours) must be even and at most n - 2 = {n - 2}, "
                         f"not {k}.")
    return nx.circulant_graph(n, range(1, k // 2 + 1))


def _rewiring(G, seed):
    """The ties of ``G`` in a random order, each with the end it keeps and a stream of draws."""
    rng = np.random.default_rng(seed)
    edges = list(G.edges())
    order = rng.permutation(len(edges))
    keep_first = rng.random(len(edges)) < 0.5
    return [(edges[i] if keep_first[j] else edges[i][::-1]) for j, i in enumerate(order)], rng


def _rewire_steps(nbrs, ties, rng, start, stop):
    """Rewire ``ties[start:stop]`` in place in the neighbour sets ``nbrs``."""
    n = len(nbrs)
    for u, v in ties[start:stop]:
        if len(nbrs[u]) >= n - 1:
            continue  # already tied to everyone: nowhere else to go
        while True:
            w = int(rng.integers(n))
            if w != u and w not in nbrs[u]:
                break
        nbrs[u].discard(v)
        nbrs[v].discard(u)
        nbrs[u].add(w)
        nbrs[w].add(u)


def _sets(G):
    index = {v: i for i, v in enumerate(G)}
    return [set(index[w] for w in G[v] if w != v) for v in G], list(G)


def rewire(G, share, seed):
    """A copy of ``G`` where a share of the ties lead somewhere else, at random.

    **Model** (Watts and Strogatz 1998): ``round(share * m)`` ties, drawn at
    random, each keep one of their two people (drawn at random) and lose
    the other; the kept person is tied instead to someone drawn at random
    from the whole network (never themself, never someone they are already
    tied to). The number of ties does not change. With the same seed, the
    ties rewired at a share are also rewired at any larger share, so that
    results along a range of shares follow one another.

    Parameters
    ----------
    G : networkx.Graph
        Not modified.
    share : float in [0, 1]
    seed : int

    Returns
    -------
    networkx.Graph
        The same people, without their attributes.

    Examples
    --------
    >>> R = ring_lattice(100, 4)
    >>> H = rewire(R, 0.1, seed=1)
    >>> H.number_of_edges() == R.number_of_edges()
    True
    >>> len(set(map(frozenset, R.edges())) - set(map(frozenset, H.edges())))  # 20 ties moved
    20
    """
    share = _check_share(share)
    nbrs, nodes = _sets(G)
    ties, rng = _rewiring(nx.convert_node_labels_to_integers(G), seed)
    _rewire_steps(nbrs, ties, rng, 0, round(share * len(ties)))
    H = nx.Graph()
    H.add_nodes_from(nodes)
    H.add_edges_from((nodes[a], nodes[b]) for a, s in enumerate(nbrs) for b in s if a < b)
    return H


def _csr(nbrs):
    deg = np.array([len(s) for s in nbrs], dtype=np.int64)
    indptr = np.zeros(len(nbrs) + 1, dtype=np.int64)
    np.cumsum(deg, out=indptr[1:])
    indices = np.fromiter((w for s in nbrs for w in sorted(s)), dtype=np.int64,
                          count=int(indptr[-1]))
    return deg, indptr, indices


def _path_length(nbrs, sources):
    """Average steps from ``sources`` to everyone they reach (breadth-first, all sources at once)."""
    n = len(nbrs)
    deg, indptr, indices = _csr(nbrs)
    has = deg > 0
    starts = indptr[:-1][has]
    rows = np.arange(len(sources))
    visited = np.zeros((len(sources), n), dtype=bool)
    visited[rows, sources] = True
    frontier = visited.copy()
    total = count = 0
    step = 0
    while frontier.any() and len(indices):
        step += 1
        reached = np.zeros_like(visited)
        reached[:, has] = np.logical_or.reduceat(frontier[:, indices], starts, axis=1)
        new = reached & ~visited
        found = int(new.sum())
        total += step * found
        count += found
        visited |= new
        frontier = new
    return total / count if count else math.nan


def _sources(n, sources, rng):
    if sources is None or sources >= n:
        return np.arange(n)
    return np.sort(rng.choice(n, size=sources, replace=False))


def path_length(G, sources=None, seed=0):
    """Average number of steps between two people who can reach each other.

    Each step is one tie. With ``sources`` given, the average is taken over
    the paths from that many people drawn at random (with ``seed``) to
    everyone they can reach: an estimate that is close for a network where
    people are alike, and quick. Without it, over all pairs (as
    :func:`networkx.average_shortest_path_length` on a connected network).

    Parameters
    ----------
    G : networkx.Graph
    sources : int, optional
    seed : int, default 0

    Returns
    -------
    float
        ``nan`` for a network without ties.

    Examples
    --------
    >>> import networkx as nx
    >>> path_length(nx.path_graph(4))    # (1+2+3 + 1+1+2 + 2+1+1 + 3+2+1) / 12
    1.6666666666666667
    >>> round(path_length(ring_lattice(1000, 10), sources=20), 2)
    50.45
    """
    if sources is not None:
        _check_int("sources", sources, 1)
    nbrs, _ = _sets(G)
    if not nbrs:
        return math.nan
    return _path_length(nbrs, _sources(len(nbrs), sources, np.random.default_rng(seed)))


def _clustering(nbrs):
    total = 0.0
    for v, mine in enumerate(nbrs):
        k = len(mine)
        if k < 2:
            continue
        links = sum(len(mine & nbrs[a]) for a in mine) / 2
        total += links / (k * (k - 1) / 2)
    return total / len(nbrs) if nbrs else math.nan


def average_clustering(G):
    """Average clustering: for each person, the share of pairs of their contacts who are tied.

    The same number as :func:`networkx.average_clustering` (people with
    fewer than two contacts count 0), computed on neighbour sets.

    Examples
    --------
    >>> import networkx as nx
    >>> average_clustering(nx.complete_graph(5)), average_clustering(nx.star_graph(4))
    (1.0, 0.0)
    """
    nbrs, _ = _sets(G)
    return _clustering(nbrs)


def small_world_curve(n=1000, k=10, shares=SHARES, seeds=(1, 2, 3), sources=100):
    """Path length and clustering of a ring as more and more of its ties are rewired.

    For each seed, the ties of :func:`ring_lattice` are rewired one after
    the other in a random order (:func:`rewire`); at each share of
    ``shares`` the network's average path length (:func:`path_length`,
    from ``sources`` people) and average clustering
    (:func:`average_clustering`) are measured, then divided by those of
    the ring itself, as in Watts and Strogatz (1998, figure 2). The result
    is what the rewiring produces, averaged over the seeds: no formula of
    it says how fast either number falls.

    Parameters
    ----------
    n, k : int
        The ring: ``n`` people each tied to the ``k`` nearest.
    shares : sequence of float in [0, 1]
    seeds : sequence of int
        One rewiring per seed (at least one).
    sources : int, default 100
        People from whom path lengths are measured (all when at least ``n``).

    Returns
    -------
    pandas.DataFrame
        One row per share (sorted): ``share``, ``path_length`` and
        ``clustering`` (means over seeds), ``path_ratio`` and
        ``clustering_ratio`` (the means divided by the ring's), and
        ``path_ratio_max`` and ``clustering_ratio_min`` (the least
        favourable seed).

    References
    ----------
    .. [1] Watts, D. J., Strogatz, S. H. (1998). Collective dynamics of
       'small-world' networks. *Nature* 393, 440-442.

    Examples
    --------
    >>> curve = small_world_curve(300, 6, shares=(0, 0.05, 1), seeds=(1, 2), sources=30)
    >>> list(curve["share"])
    [0.0, 0.05, 1.0]
    >>> row = curve.set_index("share").loc[0.05]
    >>> bool(row["path_ratio"] < 0.5 and row["clustering_ratio"] > 0.7)
    True
    """
    shares = sorted({_check_share(s) for s in shares})
    seeds = list(seeds)
    if not seeds:
        raise ValueError("seeds must hold at least one seed, for example seeds=(1, 2, 3).")
    ring = ring_lattice(n, k)
    m = ring.number_of_edges()
    sources = _check_int("sources", sources, 1)
    base_nbrs, _ = _sets(ring)
    base_path = _path_length(base_nbrs, np.arange(min(sources, n)))  # every start is alike
    base_clustering = _clustering(base_nbrs)
    rows = []
    for seed in seeds:
        nbrs = [set(s) for s in base_nbrs]
        ties, rng = _rewiring(ring, seed)
        pick = np.random.default_rng([seed, 1])
        done = 0
        for share in shares:
            target = round(share * m)
            _rewire_steps(nbrs, ties, rng, done, target)
            done = target
            if target == 0:
                path, clustering = base_path, base_clustering
            else:
                path = _path_length(nbrs, _sources(n, sources, pick))
                clustering = _clustering(nbrs)
            rows.append((seed, share, path, clustering))
    table = pd.DataFrame(rows, columns=["seed", "share", "path_length", "clustering"])
    table["path_ratio"] = table["path_length"] / base_path
    table["clustering_ratio"] = table["clustering"] / base_clustering
    out = table.groupby("share", sort=True).agg(
        path_length=("path_length", "mean"), clustering=("clustering", "mean"),
        path_ratio=("path_ratio", "mean"), clustering_ratio=("clustering_ratio", "mean"),
        path_ratio_max=("path_ratio", "max"), clustering_ratio_min=("clustering_ratio", "min"))
    return out.reset_index()


def compare_with_random(G, seed=0, sources=100):
    """Path length and clustering of ``G`` against a random network of the same size.

    The random network has the same number of people and of ties, drawn
    at random (:func:`networkx.gnm_random_graph`). A network is a *small
    world* when its path length is close to the random network's while its
    clustering is many times higher (Watts and Strogatz 1998).

    Parameters
    ----------
    G : networkx.Graph
    seed : int, default 0
        For the random network and the people paths are measured from.
    sources : int, default 100
        See :func:`path_length`.

    Returns
    -------
    dict
        ``path_length``, ``clustering``, ``random_path_length``,
        ``random_clustering``.

    Examples
    --------
    >>> import weakties
    >>> c = compare_with_random(weakties.population(500, seed=1), seed=1, sources=50)
    >>> bool(c["clustering"] > 3 * c["random_clustering"])
    True
    >>> bool(c["path_length"] < 2 * c["random_path_length"])
    True
    """
    R = nx.gnm_random_graph(G.number_of_nodes(), G.number_of_edges(), seed=seed)
    return {"path_length": path_length(G, sources, seed),
            "clustering": average_clustering(G),
            "random_path_length": path_length(R, sources, seed),
            "random_clustering": average_clustering(R)}
