"""Shared machinery of the scenarios: result base class, checks, graph arrays, plot styles.

Every scenario reads the population once into numpy arrays
(:func:`graph_arrays`), never writes to the graph it was given, and returns a
:class:`ScenarioResult`: a dataclass of tidy pandas DataFrames with a
readable summary and a ``plot`` method.
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import math
import numbers
import weakref
from collections.abc import Iterable, Mapping

import networkx as nx
import numpy as np
import pandas as pd

from .. import ties as _ties
from ..i18n import N_, gettext, number
from ..populations import seed_from

__all__ = [
    "ScenarioResult", "GraphArrays", "graph_arrays", "make_rng",
    "check_graph", "check_node", "check_nodes", "check_choice", "check_int",
    "check_fraction", "check_number", "new_axes", "style", "LINESTYLES",
    "RELIABILITY_KEYS",
]

#: Line styles paired with the palette, so that series differ without colour.
LINESTYLES = ("-", "--", ":", "-.", (0, (5, 1)), (0, (3, 1, 1, 1, 1, 1)))
#: The three commitments of the engagement triangle, in the population's order.
RELIABILITY_KEYS = ("client", "deadlines", "payment")
_CATEGORICAL = ("sector", "region", "generation", "school", "district", "employer",
                "occupation")


# --------------------------------------------------------------------------
# Result base class

#: The words for each scenario's title (``ScenarioResult.title``), shown by ``summary``.
SCENARIO_TITLES = {
    "Scenario result": N_("Scenario result"), "Cascade": N_("Cascade"),
    "Job search": N_("Job search"), "Tie experiment": N_("Tie experiment"),
    "Labour market": N_("Labour market"), "Networking event": N_("Networking event"),
    "Prospecting": N_("Prospecting"), "Recommendations": N_("Recommendations"),
    "Reputation": N_("Reputation"), "Venture": N_("Venture"),
}


@dataclasses.dataclass(repr=False)
class ScenarioResult:
    """Base of every scenario result: tidy tables, a summary and a plot.

    Subclasses are dataclasses whose DataFrame fields are the tidy tables
    (one row per observation, named columns) and whose ``params`` field
    records the arguments of the call. They define :meth:`summary_lines`
    and :meth:`plot`.
    """

    params: dict

    #: Title of the summary; subclasses override it (its words: SCENARIO_TITLES).
    title = "Scenario result"

    def tables(self) -> dict:
        """The result's tidy tables, by name."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)
                if isinstance(getattr(self, f.name), pd.DataFrame)}

    def summary_lines(self) -> list:
        """Plain-language lines describing the outcome (subclasses add theirs)."""
        return []

    def summary(self) -> str:
        """A short text that says what happened, in plain words."""
        shown = ", ".join(f"{k}={v!r}" for k, v in self.params.items())
        title = SCENARIO_TITLES.get(self.title)
        lines = [f"{gettext(title) if title else self.title} ({shown})"]
        lines += [f"  {line}" for line in self.summary_lines()]
        rows = gettext(N_("{n} rows"))
        tables = ", ".join(f"{k} ({rows.format(n=number(len(v)))})"
                           for k, v in self.tables().items())
        lines.append("  " + gettext(N_("tables: {tables}")).format(tables=tables))
        return "\n".join(lines)

    def __repr__(self) -> str:
        return self.summary()

    def plot(self, ax=None):  # pragma: no cover - every subclass overrides it
        raise NotImplementedError


# --------------------------------------------------------------------------
# Checks with clear messages

def _scenario_hint():
    return "build one with weakties.population(n, seed=...)"


def check_graph(G, scenario):
    """A non-empty, undirected, simple networkx graph, or a clear error."""
    if not isinstance(G, nx.Graph):
        raise TypeError(f"{scenario} needs a networkx graph of people "
                        f"({_scenario_hint()}), not {type(G).__name__}.")
    if G.is_directed() or G.is_multigraph():
        raise TypeError(f"{scenario} needs an undirected graph with one tie per pair "
                        "(networkx.Graph), as weakties.population makes.")
    if G.number_of_nodes() < 2:
        raise ValueError(f"{scenario} needs a population of at least two people; "
                         f"this graph has {G.number_of_nodes()} ({_scenario_hint()}).")


def check_node(G, node, role):
    """``node`` is a person of ``G``, or networkx.NodeNotFound naming the role."""
    try:
        present = node in G
    except TypeError:  # unhashable
        present = False
    if not present:
        raise nx.NodeNotFound(
            f"{role} {node!r} is not a person of this network: people are numbered "
            f"0 to {G.number_of_nodes() - 1} in a weakties population.")
    return node


def check_nodes(G, nodes, role):
    """A non-empty list of distinct people of ``G``, in the order given."""
    if isinstance(nodes, (str, bytes)) or not isinstance(nodes, Iterable):
        if nodes in G if _hashable(nodes) else False:
            raise TypeError(f"{role} must be a list of people, for example "
                            f"{role}=[{nodes!r}], not a single person.")
        raise TypeError(f"{role} must be a list of people (node numbers), "
                        f"not {type(nodes).__name__}.")
    out = list(dict.fromkeys(nodes))
    if not out:
        raise ValueError(f"{role} is empty: give at least one person, "
                         f"for example {role}=[0, 1, 2].")
    for v in out:
        check_node(G, v, role.rstrip("s") if role.endswith("s") else role)
    return out


def _hashable(x):
    try:
        hash(x)
    except TypeError:
        return False
    return True


def check_choice(name, value, allowed):
    """``value`` is one of ``allowed``, or ValueError listing them."""
    allowed = tuple(allowed)
    if isinstance(value, str) and value in allowed:
        return value
    close = difflib.get_close_matches(str(value), allowed, n=1) if isinstance(value, str) else []
    hint = f" Did you mean {close[0]!r}?" if close else ""
    raise ValueError(f"{name} must be one of {', '.join(repr(a) for a in allowed)}, "
                     f"not {value!r}.{hint}")


def check_int(name, value, low, high=None):
    """A whole number in [low, high], or a clear error."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a whole number, not {value!r}.")
    if value < low or (high is not None and value > high):
        span = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise ValueError(f"{name} must be {span}, not {value}.")
    return int(value)


def check_number(name, value, low, high):
    """A real number in [low, high], or a clear error."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or math.isnan(value):
        raise TypeError(f"{name} must be a number between {low} and {high}, not {value!r}.")
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low} and {high}, not {value}.")
    return float(value)


def check_fraction(name, value):
    """A share in [0, 1], or a clear error."""
    return check_number(name, value, 0.0, 1.0)


def make_rng(seed, salt):
    """A numpy Generator for ``seed`` (int or str), distinct per scenario ``salt``.

    The salt keeps two scenarios run with the same seed from drawing the
    same random numbers.
    """
    base = seed_from(seed)
    digest = hashlib.sha256(f"{salt}:{base}".encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:8], "big"))


# --------------------------------------------------------------------------
# The population as arrays

@dataclasses.dataclass(frozen=True, eq=False)
class GraphArrays:
    """A read-only numpy view of a population, for fast scenarios.

    People are indexed ``0 .. n-1`` in ``G``'s node order (``nodes[i]`` is
    the node). Ties are listed once each (``eu < ev``) and in compressed
    sparse rows (``indptr``, ``indices``, ``eid``: the neighbours of person
    ``i`` are ``indices[indptr[i]:indptr[i+1]]``, in increasing order, and
    ``eid`` gives the tie of each entry).
    """

    nodes: list
    index: dict
    n: int
    eu: np.ndarray
    ev: np.ndarray
    strength: np.ndarray
    frequency: np.ndarray
    context: np.ndarray       # code into weakties.ties.CONTEXTS, -1 if unknown
    indptr: np.ndarray
    indices: np.ndarray
    eid: np.ndarray
    mutual: np.ndarray        # common contacts of the two ends of each tie
    codes: dict               # attribute -> int codes per person (-1 missing)
    labels: dict              # attribute -> list of category labels
    reliability: np.ndarray | None   # (n, 3) or None
    skills: list | None

    @property
    def m(self) -> int:
        return len(self.eu)

    @property
    def degree(self) -> np.ndarray:
        return np.diff(self.indptr)

    def neighbours(self, i):
        return self.indices[self.indptr[i]:self.indptr[i + 1]]

    def slots(self, i):
        """CSR positions of person ``i``'s ties."""
        return np.arange(self.indptr[i], self.indptr[i + 1])

    def require(self, attribute, scenario):
        """Codes of a categorical attribute, or a clear error if people lack it."""
        c = self.codes.get(attribute)
        if c is None or (c < 0).any():
            raise ValueError(
                f"{scenario} needs the person attribute {attribute!r} on every person; "
                f"{_scenario_hint()}.")
        return c


_MUTUAL_CACHE: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def graph_arrays(G, scenario, *, need_reliability=False, need_skills=False):
    """Read ``G`` into a :class:`GraphArrays` (``G`` is only read).

    The attributes are read afresh at every call, so that a graph changed
    between two calls is seen as it is; only the count of common contacts
    per tie, the costly part, is cached per graph and reused while the set
    of ties is unchanged.
    """
    check_graph(G, scenario)
    nodes = list(G)
    n = len(nodes)
    if all(isinstance(v, numbers.Integral) for v in nodes) and nodes == list(range(n)):
        index = None
    else:
        index = {v: i for i, v in enumerate(nodes)}
    m = G.number_of_edges()
    eu = np.empty(m, dtype=np.int64)
    ev = np.empty(m, dtype=np.int64)
    strength = np.empty(m)
    frequency = np.empty(m)
    context = np.empty(m, dtype=np.int64)
    ctx_code = {c: i for i, c in enumerate(_ties.CONTEXTS)}
    k = 0
    for u, v, d in G.edges(data=True):
        if u == v:
            raise ValueError(f"{scenario} needs a graph without self-loops; "
                             f"person {u!r} is tied to themself.")
        a, b = (u, v) if index is None else (index[u], index[v])
        if a > b:
            a, b = b, a
        eu[k], ev[k] = a, b
        s = d.get("strength")
        if s is None:
            raise ValueError(f"{scenario} needs a 'strength' on every tie; the tie "
                             f"{u!r}-{v!r} has none ({_scenario_hint()}).")
        strength[k] = s
        frequency[k] = d.get("frequency", math.nan)
        context[k] = ctx_code.get(d.get("context"), -1)
        k += 1
    if m and (np.any(~(strength > 0)) or np.any(strength > 1)):
        raise ValueError(f"{scenario} needs tie strengths in (0, 1]; "
                         f"found values from {strength.min()} to {strength.max()}.")
    order = np.lexsort((ev, eu))
    eu, ev, strength, frequency, context = (x[order] for x in (eu, ev, strength,
                                                                frequency, context))
    src = np.concatenate([eu, ev])
    dst = np.concatenate([ev, eu])
    ids = np.concatenate([np.arange(m), np.arange(m)])
    o = np.lexsort((dst, src))
    indices, eid = dst[o], ids[o]
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(src, minlength=n), out=indptr[1:])

    mutual = _mutual_counts(G, n, eu, ev, indptr, indices)

    data = G.nodes
    codes, labels = {}, {}
    for a in _CATEGORICAL:
        values = [data[v].get(a) for v in nodes]
        present = sorted({str(x) for x in values if x is not None})
        lookup = {lab: i for i, lab in enumerate(present)}
        codes[a] = np.array([-1 if x is None else lookup[str(x)] for x in values],
                            dtype=np.int64)
        labels[a] = present
    reliability = None
    if need_reliability:
        rows = []
        for v in nodes:
            r = data[v].get("reliability")
            if not isinstance(r, Mapping) or any(key not in r for key in RELIABILITY_KEYS):
                raise ValueError(
                    f"{scenario} needs each person's 'reliability' on the three commitments "
                    f"{', '.join(RELIABILITY_KEYS)}; person {v!r} lacks it ({_scenario_hint()}).")
            rows.append([float(r[key]) for key in RELIABILITY_KEYS])
        reliability = np.array(rows, dtype=float).reshape(n, 3)
    skills = None
    if need_skills:
        skills = []
        for v in nodes:
            s = data[v].get("skills")
            if s is None:
                raise ValueError(f"{scenario} needs each person's 'skills'; person {v!r} "
                                 f"has none ({_scenario_hint()}).")
            skills.append(frozenset(s))
    return GraphArrays(
        nodes=nodes, index=index if index is not None else _IdentityIndex(n), n=n,
        eu=eu, ev=ev, strength=strength, frequency=frequency, context=context,
        indptr=indptr, indices=indices, eid=eid, mutual=mutual, codes=codes,
        labels=labels, reliability=reliability, skills=skills)


class _IdentityIndex(Mapping):
    """``{i: i for i in range(n)}`` without building it."""

    def __init__(self, n):
        self._n = n

    def __getitem__(self, key):
        if isinstance(key, numbers.Integral) and not isinstance(key, bool) and 0 <= key < self._n:
            return int(key)
        raise KeyError(key)

    def __iter__(self):
        return iter(range(self._n))

    def __len__(self):
        return self._n


def _mutual_counts(G, n, eu, ev, indptr, indices):
    key = hashlib.sha256(eu.tobytes() + ev.tobytes()).digest() + n.to_bytes(8, "big")
    try:
        cached = _MUTUAL_CACHE.get(G)
    except TypeError:
        cached = None
    if cached is not None and cached[0] == key:
        return cached[1]
    nbrs = [set(indices[indptr[i]:indptr[i + 1]].tolist()) for i in range(n)]
    mutual = np.fromiter((len(nbrs[a] & nbrs[b]) for a, b in zip(eu.tolist(), ev.tolist())),
                         dtype=np.int64, count=len(eu))
    mutual.flags.writeable = False
    try:
        _MUTUAL_CACHE[G] = (key, mutual)
    except TypeError:
        pass
    return mutual


def best_chains(A, source, max_hops, allowed=None):
    """Most trusted chains from ``source`` to everyone, in at most ``max_hops`` ties.

    The trust of a chain is the product of the strengths of its ties; the
    best chain to each person maximises it (fewer ties break equal trust).
    Dynamic programming over the number of ties (a Bellman-Ford limited to
    ``max_hops`` rounds), so it costs ``max_hops`` passes over the ties.

    Parameters
    ----------
    A : GraphArrays
    source : int
        Index of the person the chains start from.
    max_hops : int
    allowed : bool array over ties, optional
        Only these ties may be used.

    Returns
    -------
    trust : float array (n,)
        Best product of strengths; 0 where nobody is reachable; 1 at source.
    hops : int array (n,)
        Ties in that chain; -1 where unreachable; 0 at source.
    parent : int array (max_hops + 1, n)
        ``parent[h, v]``: the person before ``v`` on the best chain of exactly
        ``h`` ties (-1 if none).
    layers : float array (max_hops + 1, n)
        ``layers[h, v]``: trust of the best chain of exactly ``h`` ties.
    """
    n = A.n
    s = A.strength[A.eid]
    if allowed is not None:
        s = np.where(allowed[A.eid], s, 0.0)
    row = np.repeat(np.arange(n), np.diff(A.indptr))
    nonempty = np.flatnonzero(np.diff(A.indptr) > 0)
    starts = A.indptr[nonempty]
    layers = np.zeros((max_hops + 1, n))
    layers[0, source] = 1.0
    parent = np.full((max_hops + 1, n), -1, dtype=np.int64)
    for h in range(1, max_hops + 1):
        vals = layers[h - 1][A.indices] * s
        best = np.zeros(n)
        if len(starts):
            best[nonempty] = np.maximum.reduceat(vals, starts)
        hit = (vals > 0) & (vals == best[row])
        first_slot = np.flatnonzero(hit)
        rows_hit, first = np.unique(row[first_slot], return_index=True)
        parent[h, rows_hit] = A.indices[first_slot[first]]
        best[source] = 0.0
        parent[h, source] = -1
        layers[h] = best
    # Best over chains of at most max_hops ties; fewer ties win equal trust.
    trust = np.zeros(n)
    hops = np.full(n, -1, dtype=np.int64)
    for h in range(0, max_hops + 1):
        better = layers[h] > trust + 1e-15
        trust[better] = layers[h][better]
        hops[better] = h
    return trust, hops, parent, layers


def chain_to(parent, hops, target):
    """The chain (list of indices, source first) of the best chain to ``target``."""
    h = int(hops[target])
    if h < 0:
        return []
    path = [int(target)]
    v = int(target)
    for level in range(h, 0, -1):
        v = int(parent[level, v])
        path.append(v)
    path = path[::-1]
    # A chain never needs to visit someone twice (strengths are at most 1):
    # cut any loop that equal strengths of 1 could let in.
    seen, out = {}, []
    for x in path:
        if x in seen:
            out = out[:seen[x] + 1]
            seen = {y: i for i, y in enumerate(out)}
            continue
        seen[x] = len(out)
        out.append(x)
    return out


# --------------------------------------------------------------------------
# Plots

def new_axes(ax, figsize=(7, 4.5)):
    """The given Axes, or a new figure's."""
    if ax is None:
        import matplotlib.pyplot as plt
        _, ax = plt.subplots(figsize=figsize)
    return ax


def style(i):
    """Colour, marker and line style of the ``i``-th series (never colour alone)."""
    from ..plotting import MARKERS, PALETTE
    return {"color": PALETTE[i % 8], "marker": MARKERS[i % len(MARKERS)],
            "linestyle": LINESTYLES[i % len(LINESTYLES)]}
