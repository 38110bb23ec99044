"""Ties: how strong they are, which are weak, which are bridges, which are relations.

Granovetter (1973) defines the strength of a tie as "a (probably linear)
combination of the amount of time, the emotional intensity, the intimacy
(mutual confiding), and the reciprocal services which characterize the tie".
This module turns that definition into numbers (:func:`tie_strength`) and
gives the measures the course uses on ties: strong or weak
(:func:`classify`), edge overlap (:func:`overlap`), local bridges
(:func:`local_bridges`), Dunbar-like layers (:func:`layers`), contacts
versus relations (:func:`is_relation`), Granovetter's frequency bands
(:func:`frequency_band`) and what happens to a network when ties are removed
(:func:`removal_curve`).

References
----------
.. [1] Granovetter, M. S. (1973). The strength of weak ties. *American
   Journal of Sociology* 78(6), 1360-1380.
.. [2] Granovetter, M. S. (1974). *Getting a Job*. Harvard University Press.
.. [3] Marsden, P. V., Campbell, K. E. (1984). Measuring tie strength.
   *Social Forces* 63(2), 482-501.
.. [4] Onnela, J.-P. et al. (2007). Structure and tie strengths in mobile
   communication networks. *PNAS* 104(18), 7332-7336.
.. [5] Zhou, W.-X., Sornette, D., Hill, R. A., Dunbar, R. I. M. (2005).
   Discrete hierarchical organization of social group sizes. *Proc. R. Soc.
   B* 272, 439-444.
"""

from __future__ import annotations

import math
from types import MappingProxyType

import networkx as nx
import numpy as np

from .i18n import N_


def _t(text: str, **fields) -> str:
    """An error message (marked with N_) in the current language, its ``{fields}`` filled in."""
    from .i18n import gettext

    return gettext(text).format(**fields)

__all__ = [
    "CONTEXTS", "STRENGTH_WEIGHTS", "STRONG_THRESHOLD", "LAYER_BOUNDS",
    "LAYER_NAMES", "RELATION_RULE",
    "tie_strength", "time_component", "duration_component",
    "classify", "is_strong", "overlap", "local_bridges", "layers",
    "is_relation", "relations", "contacts", "frequency_band", "removal_curve",
]

#: How a tie began, from the most to the least intimate. When two people
#: share several contexts, the population keeps the first in this order.
CONTEXTS = ("family", "friend", "colleague", "former_colleague", "school",
            "client", "supplier", "neighbour", "event", "online")

#: Weights of the four components in :func:`tie_strength`. Closeness weighs
#: most: Marsden and Campbell (1984) found it the best single indicator.
STRENGTH_WEIGHTS = MappingProxyType(
    {"time": 0.25, "closeness": 0.40, "reciprocity": 0.20, "duration": 0.15})

#: Default rule of :func:`classify`: a tie is strong from this strength up.
STRONG_THRESHOLD = 0.5

#: Lower strength bounds of Dunbar's inner layers (support clique,
#: sympathy group, affinity group); every other tie is in the outer layer.
LAYER_BOUNDS = (0.75, 0.55, 0.4)
LAYER_NAMES = (N_("support clique"), N_("sympathy group"), N_("affinity group"),
               N_("active network"))

#: What makes a tie a *relation* rather than a mere *contact*.
RELATION_RULE = MappingProxyType(
    {"min_years": 2, "min_frequency": 4.0, "min_reciprocity": 0.4})

_YEARS_FOR_FULL_DURATION = 20.0
_MAX_FREQUENCY = 365.0


def time_component(frequency):
    """Time spent together, from the number of interactions per year, in [0, 1].

    ``log(1 + f) / log(1 + 365)``: daily contact gives 1, once a month about
    0.43, once a year about 0.12. The logarithm reflects that the tenth
    meeting adds less than the first.

    Parameters
    ----------
    frequency : float or array_like
        Interactions per year, zero or more.

    Returns
    -------
    float or numpy.ndarray

    Examples
    --------
    >>> round(float(time_component(365)), 3)
    1.0
    >>> round(float(time_component(12)), 2)
    0.43
    """
    f = np.clip(np.asarray(frequency, dtype=float), 0.0, _MAX_FREQUENCY)
    out = np.log1p(f) / math.log1p(_MAX_FREQUENCY)
    return out if out.ndim else float(out)


def duration_component(years):
    """How long the tie has lasted, in [0, 1]: ``years / 20``, capped at 1.

    Examples
    --------
    >>> duration_component(5)
    0.25
    >>> duration_component(40)
    1.0
    """
    y = np.clip(np.asarray(years, dtype=float) / _YEARS_FOR_FULL_DURATION, 0.0, 1.0)
    return y if y.ndim else float(y)


def tie_strength(time, closeness, reciprocity, duration, weights=STRENGTH_WEIGHTS):
    """Strength of a tie from its four components (Granovetter 1973).

    .. math:: s = 0.25\\,t + 0.40\\,c + 0.20\\,r + 0.15\\,d

    clipped to [0.01, 1] so that every tie has some strength. ``t`` is time
    (:func:`time_component`), ``c`` closeness (emotional intensity and
    intimacy), ``r`` reciprocal services, ``d`` duration
    (:func:`duration_component`), each in [0, 1]. The weights follow
    Marsden and Campbell (1984), who found closeness the best indicator and
    frequency and duration partly driven by the context of the tie.

    Parameters
    ----------
    time, closeness, reciprocity, duration : float or array_like
        Components in [0, 1].
    weights : mapping, optional
        Weights with keys ``time``, ``closeness``, ``reciprocity``,
        ``duration``; they must sum to 1.

    Returns
    -------
    float or numpy.ndarray
        Strength in [0.01, 1].

    Examples
    --------
    A close family tie seen every week for thirty years:

    >>> round(tie_strength(time_component(52), 0.9, 0.7, 1.0), 2)
    0.82

    An online contact seen once a year, met two years ago:

    >>> round(tie_strength(time_component(1), 0.05, 0.05, duration_component(2)), 2)
    0.07
    """
    total = sum(weights[k] for k in ("time", "closeness", "reciprocity", "duration"))
    if not math.isclose(total, 1.0, abs_tol=1e-9):
        raise ValueError(_t(N_("the strength weights must sum to 1, not {total}."), total=total))
    parts = [np.asarray(x, dtype=float) for x in (time, closeness, reciprocity, duration)]
    for name, x in zip(("time", "closeness", "reciprocity", "duration"), parts):
        if np.any((x < 0) | (x > 1)) or np.any(np.isnan(x)):
            raise ValueError(_t(N_("the {name} component must be between 0 and 1."), name=name))
    s = (weights["time"] * parts[0] + weights["closeness"] * parts[1]
         + weights["reciprocity"] * parts[2] + weights["duration"] * parts[3])
    s = np.clip(s, 0.01, 1.0)
    return s if s.ndim else float(s)


def _check_node(G, node, role="ego"):
    if node not in G:
        raise nx.NodeNotFound(_t(N_("{role} {node} is not a person of this network."),
                                 role=role, node=repr(node)))


def _check_threshold(threshold):
    if threshold is None:
        return STRONG_THRESHOLD
    if not 0 < threshold <= 1:
        raise ValueError(_t(N_("threshold must be in (0, 1], not {threshold}."),
                            threshold=threshold))
    return threshold


def is_strong(strength, threshold=None):
    """Whether a tie of this strength is strong under the rule of :func:`classify`.

    Examples
    --------
    >>> is_strong(0.8), is_strong(0.2), is_strong(0.2, threshold=0.1)
    (True, False, True)
    """
    return strength >= _check_threshold(threshold)


def classify(G, threshold=None, weight="strength"):
    """Label every tie "strong" or "weak".

    The default rule: a tie is **strong** when its strength is at least
    :data:`STRONG_THRESHOLD` (0.5, the middle of the scale), **weak**
    otherwise. Pass ``threshold`` to move the line.

    Parameters
    ----------
    G : networkx.Graph
    threshold : float in (0, 1], optional
    weight : str, default "strength"
        Edge attribute holding the strength; a tie without it counts as
        strength 1, as in networkx.

    Returns
    -------
    dict
        ``{(u, v): "strong" or "weak"}`` for every edge, in ``G.edges`` order.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_edge("Ana", "Bo", strength=0.9)
    >>> G.add_edge("Ana", "Cy", strength=0.2)
    >>> classify(G)
    {('Ana', 'Bo'): 'strong', ('Ana', 'Cy'): 'weak'}
    """
    t = _check_threshold(threshold)
    return {(u, v): ("strong" if s >= t else "weak")
            for u, v, s in G.edges(data=weight, default=1.0)}


def overlap(G, u, v):
    """Edge overlap of the tie between ``u`` and ``v`` (Onnela et al. 2007).

    .. math:: O_{uv} = \\frac{n_{uv}}{(k_u - 1) + (k_v - 1) - n_{uv}}

    where :math:`n_{uv}` is the number of common neighbours and :math:`k` the
    degree: the share of their other contacts that the two people have in
    common. 0 when they share nobody, 1 when they share everybody. When
    neither has any other contact the overlap is 0.

    Parameters
    ----------
    G : networkx.Graph
    u, v : nodes joined by a tie

    Returns
    -------
    float in [0, 1]

    Raises
    ------
    networkx.NodeNotFound
        If ``u`` or ``v`` is not in ``G``.
    ValueError
        If there is no tie between them.

    Examples
    --------
    >>> import networkx as nx
    >>> overlap(nx.complete_graph(4), 0, 1)
    1.0
    >>> overlap(nx.path_graph(4), 1, 2)
    0.0
    """
    _check_node(G, u, "person")
    _check_node(G, v, "person")
    if not G.has_edge(u, v):
        raise ValueError(_t(N_("there is no tie between {u} and {v}: overlap is defined for "
                               "ties."), u=repr(u), v=repr(v)))
    nu, nv = set(G[u]) - {u}, set(G[v]) - {v}
    common = len(nu & nv)
    denom = (len(nu) - 1) + (len(nv) - 1) - common
    return common / denom if denom > 0 else 0.0


def local_bridges(G, ego=None):
    """Ties whose two ends have no contact in common (Granovetter 1973).

    A *local bridge* is the shortest route between the two worlds it joins:
    remove it and the two people are at least three steps apart. Granovetter
    argued that no strong tie is a bridge (the "forbidden triad"), so local
    bridges are mostly weak ties.

    Parameters
    ----------
    G : networkx.Graph
    ego : node, optional
        Only the local bridges that touch ``ego``.

    Returns
    -------
    list of (u, v) tuples
        With ``ego`` given, every tuple is ``(ego, alter)``.

    See Also
    --------
    networkx.local_bridges : the same for the whole graph, with the span.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.barbell_graph(3, 0)   # two triangles joined by one tie
    >>> local_bridges(G)
    [(2, 3)]
    >>> local_bridges(G, ego=3)
    [(3, 2)]
    """
    if ego is None:
        return [(u, v) for u, v in nx.local_bridges(G, with_span=False)]
    _check_node(G, ego)
    mine = set(G[ego]) - {ego}
    return [(ego, v) for v in G[ego] if v != ego and not (mine & (set(G[v]) - {v}))]


def layers(G, ego, bounds=LAYER_BOUNDS, weight="strength"):
    """Dunbar-like layers of an ego network, by tie strength.

    Dunbar's layers are nested circles of about 5, 15, 50 and 150 people, in
    decreasing closeness, each about three times the one inside it (Zhou et
    al. 2005). Here a tie falls in the first layer (support clique) when its
    strength is at least ``bounds[0]``, in the second (sympathy group) from
    ``bounds[1]``, in the third (affinity group) from ``bounds[2]``, and in
    the fourth (active network) otherwise.

    Parameters
    ----------
    G : networkx.Graph
    ego : node
    bounds : three decreasing floats, default :data:`LAYER_BOUNDS`
    weight : str, default "strength"

    Returns
    -------
    dict
        ``{1: [...], 2: [...], 3: [...], 4: [...]}``: the alters *in* each
        ring (not cumulative), strongest first. Dunbar's cumulative circles
        are the unions of rings 1..k.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_weighted_edges_from([("me", "mum", 0.9), ("me", "pal", 0.6),
    ...                            ("me", "ex-boss", 0.45), ("me", "web", 0.1)],
    ...                           weight="strength")
    >>> layers(G, "me")
    {1: ['mum'], 2: ['pal'], 3: ['ex-boss'], 4: ['web']}
    """
    _check_node(G, ego)
    if len(bounds) != 3 or not (1 >= bounds[0] > bounds[1] > bounds[2] > 0):
        raise ValueError(_t(N_("bounds must be three decreasing numbers in (0, 1], not "
                               "{bounds}."), bounds=repr(bounds)))
    rings: dict[int, list] = {1: [], 2: [], 3: [], 4: []}
    alters = sorted(((d.get(weight, 1.0), v) for v, d in G[ego].items() if v != ego),
                    key=lambda x: -x[0])
    for s, v in alters:
        ring = 1 if s >= bounds[0] else 2 if s >= bounds[1] else 3 if s >= bounds[2] else 4
        rings[ring].append(v)
    return rings


def is_relation(G, u, v, year=None):
    """Whether the tie between ``u`` and ``v`` is a *relation*, not a mere *contact*.

    A **contact** is anyone you are linked to. A **relation** is a contact
    with whom trust has been built over time through exchanges, shared work
    and kept commitments. In code, a tie is a relation when all three hold
    (:data:`RELATION_RULE`):

    - it has lasted at least 2 years (``year - since >= 2``), time for trust;
    - you exchange at least 4 times a year (``frequency >= 4``), regular exchanges;
    - services go both ways (``reciprocity >= 0.4``), commitments made and kept.

    Every relation is a contact; most contacts are not relations.

    Parameters
    ----------
    G : networkx.Graph
        With edge attributes ``since``, ``frequency`` and ``reciprocity``
        (as :func:`weakties.population` makes them).
    u, v : nodes joined by a tie
    year : int, optional
        The present; defaults to ``G.graph["options"]["year"]`` or 2026.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_edge("a", "b", since=2015, frequency=12, reciprocity=0.6)
    >>> G.add_edge("a", "c", since=2025, frequency=1, reciprocity=0.1)
    >>> is_relation(G, "a", "b", year=2026), is_relation(G, "a", "c", year=2026)
    (True, False)
    """
    if not G.has_edge(u, v):
        raise ValueError(_t(N_("there is no tie between {u} and {v}."), u=repr(u), v=repr(v)))
    d = G[u][v]
    missing = [k for k in ("since", "frequency", "reciprocity") if k not in d]
    if missing:
        raise ValueError(_t(N_("the tie {u}-{v} has no {missing}: is_relation needs the "
                               "attributes weakties.population gives."),
                            u=repr(u), v=repr(v), missing=", ".join(missing)))
    if year is None:
        year = G.graph.get("options", {}).get("year", 2026)
    rule = RELATION_RULE
    return (year - d["since"] >= rule["min_years"]
            and d["frequency"] >= rule["min_frequency"]
            and d["reciprocity"] >= rule["min_reciprocity"])


def relations(G, ego, year=None):
    """The alters of ``ego`` who are relations (see :func:`is_relation`).

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(300, seed=3)
    >>> set(relations(G, 0)) <= set(G[0])
    True
    """
    _check_node(G, ego)
    return [v for v in G[ego] if v != ego and is_relation(G, ego, v, year)]


def contacts(G, ego, year=None):
    """The alters of ``ego`` who are contacts only, not (yet) relations.

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(300, seed=3)
    >>> len(contacts(G, 0)) + len(relations(G, 0)) == G.degree(0)
    True
    """
    _check_node(G, ego)
    return [v for v in G[ego] if v != ego and not is_relation(G, ego, v, year)]


def frequency_band(frequency):
    """Granovetter's (1974) bands of how often a contact is seen.

    - "often": at least twice a week (104 times a year or more);
    - "rarely": once a year or less;
    - "occasionally": in between.

    Of professional, technical and managerial workers who found their job
    through a contact, 16.7% saw that contact often, 55.6% occasionally and
    27.8% rarely (Granovetter 1974).

    Examples
    --------
    >>> [frequency_band(f) for f in (200, 12, 1, 0.5)]
    ['often', 'occasionally', 'rarely', 'rarely']
    """
    if frequency is None or (isinstance(frequency, float) and math.isnan(frequency)):
        raise ValueError(_t(N_("frequency is missing: give the number of interactions per "
                               "year.")))
    if frequency < 0:
        raise ValueError(_t(N_("frequency must be zero or more, not {frequency}."),
                            frequency=frequency))
    if frequency >= 104:
        return "often"
    if frequency <= 1:
        return "rarely"
    return "occasionally"


def removal_curve(G, order="weak", fractions=None, weight="strength", seed=None):
    """Share of people still in the largest connected group as ties are removed.

    Onnela et al. (2007) showed that removing the **weakest ties first**
    breaks a network apart much faster than removing the strongest first:
    weak ties hold distant communities together, strong ties sit inside them.

    Parameters
    ----------
    G : networkx.Graph
    order : {"weak", "strong", "random"}
        Remove the weakest first, the strongest first, or in random order.
    fractions : sequence of floats in [0, 1], optional
        Shares of ties removed at which to measure; default 0, 0.05, ..., 1.
    weight : str, default "strength"
    seed : int, optional
        For ``order="random"`` and to break ties between equal strengths.

    Returns
    -------
    list of (fraction, share) tuples
        ``share`` is the size of the largest connected group divided by the
        number of people.

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(1000, seed=2)
    >>> weak = dict(removal_curve(G, "weak", [0.9]))[0.9]
    >>> strong = dict(removal_curve(G, "strong", [0.9]))[0.9]
    >>> weak < strong
    True
    """
    if order not in ("weak", "strong", "random"):
        raise ValueError(_t(N_("order must be 'weak', 'strong' or 'random', not {order}."),
                            order=repr(order)))
    if fractions is None:
        fractions = [i / 20 for i in range(21)]
    fractions = [float(f) for f in fractions]
    if any(not 0 <= f <= 1 for f in fractions):
        raise ValueError(_t(N_("fractions must be between 0 and 1.")))
    n = G.number_of_nodes()
    if n == 0:
        return [(f, 0.0) for f in fractions]
    index = {v: i for i, v in enumerate(G)}
    edges = list(G.edges(data=weight, default=1.0))
    m = len(edges)
    rng = np.random.default_rng(seed)
    tiebreak = rng.random(m)
    s = np.array([e[2] for e in edges], dtype=float)
    if order == "random":
        removal = rng.permutation(m)
    elif order == "weak":
        removal = np.lexsort((tiebreak, s))
    else:
        removal = np.lexsort((tiebreak, -s))
    # Add ties back in reverse removal order, measuring the giant component
    # with a union-find: O(m log n) for the whole curve.
    parent = np.arange(n)
    size = np.ones(n, dtype=np.int64)

    def find(a):
        root = a
        while parent[root] != root:
            root = parent[root]
        while parent[a] != root:
            parent[a], a = root, parent[a]
        return root

    wanted = sorted(set(fractions), reverse=True)
    keep_counts = {f: m - int(round(f * m)) for f in wanted}
    result = {}
    largest = 1
    added = 0
    order_back = removal[::-1]
    for f in sorted(wanted, key=lambda f: keep_counts[f]):
        target = keep_counts[f]
        while added < target:
            u, v, _ = edges[order_back[added]]
            a, b = find(index[u]), find(index[v])
            if a != b:
                if size[a] < size[b]:
                    a, b = b, a
                parent[b] = a
                size[a] += size[b]
                largest = max(largest, int(size[a]))
            added += 1
        result[f] = largest / n
    return [(f, result[f]) for f in fractions]
