"""Measures of an ego network and of a whole population.

The centrepiece is :func:`ego_report`: everything the course asks about one
person's network, computed from that person's neighbourhood only, so it
stays instant on a population of 100,000 (networkx's own
:func:`networkx.constraint` and :func:`networkx.effective_size` do
whole-graph work when asked about one person).

References
----------
.. [1] Burt, R. S. (1992). *Structural Holes: The Social Structure of
   Competition*. Harvard University Press.
.. [2] Burt, R. S. (2004). Structural holes and good ideas. *American
   Journal of Sociology* 110(2), 349-399.
.. [3] Blau, P. M. (1977). *Inequality and Heterogeneity*. Free Press.
.. [4] Newman, M. E. J. (2003). Mixing patterns in networks. *Physical
   Review E* 67, 026126.
.. [5] McPherson, M., Smith-Lovin, L., Cook, J. M. (2001). Birds of a
   feather: homophily in social networks. *Annual Review of Sociology* 27,
   415-444.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

import networkx as nx
import numpy as np

from . import ties as _ties
from .i18n import N_
from .ties import _t

__all__ = [
    "DIVERSITY_ATTRIBUTES", "ALTER_EGO_ATTRIBUTES", "ALTER_EGO_MIN_SHARED",
    "ALTER_EGO_LEFT_OUT", "blau", "diversity", "resembles", "is_alter_ego",
    "alter_ego_share", "constraint",
    "effective_size", "reach", "ego_report", "EgoReport", "assortativity", "gini",
    "insularity",
]

#: Attributes whose variety :func:`ego_report` measures.
DIVERSITY_ATTRIBUTES = ("sector", "region", "generation", "school", "employer")
#: Attributes compared to decide whether an alter resembles ego.
ALTER_EGO_ATTRIBUTES = ("sector", "region", "generation", "school")
#: An alter is an "alter ego" when at least this many attributes match.
ALTER_EGO_MIN_SHARED = 2
#: Contexts of the ties the alter-ego share leaves out (see :func:`alter_ego_share`).
ALTER_EGO_LEFT_OUT = ("family",)


def blau(values) -> float:
    """Blau's index of diversity: ``1 - sum(p_k ** 2)``.

    ``p_k`` is the share of values in category ``k``. 0 when everyone is
    alike; close to 1 when everyone differs; ``1 - 1/K`` at most for ``K``
    equally common categories. It is the chance that two people drawn at
    random (with replacement) differ. An empty collection gives 0.

    Parameters
    ----------
    values : iterable of hashable

    Examples
    --------
    >>> blau(["bank", "bank", "bank"])
    0.0
    >>> blau(["bank", "tech"])
    0.5
    >>> blau([])
    0.0
    """
    counts = Counter(values)
    total = sum(counts.values())
    if total == 0:
        return 0.0
    return 1.0 - sum((c / total) ** 2 for c in counts.values())


def diversity(G, nodes, attributes=DIVERSITY_ATTRIBUTES) -> dict:
    """Blau index of each attribute over a group of people.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_nodes_from([(1, {"sector": "bank"}), (2, {"sector": "bank"}),
    ...                   (3, {"sector": "tech"}), (4, {"sector": "art"})])
    >>> diversity(G, [1, 2, 3, 4], ["sector"])
    {'sector': 0.625}
    """
    data = [G.nodes[v] for v in nodes]
    return {a: blau([d.get(a) for d in data]) for a in attributes}


def resembles(mine, theirs, attributes=ALTER_EGO_ATTRIBUTES,
              min_shared=ALTER_EGO_MIN_SHARED):
    """Whether someone is an alter ego of a person, from their values: yes, no, or cannot tell.

    This is the course's one rule for a look-alike, on plain values, so that
    a population (:func:`is_alter_ego`, :func:`alter_ego_share`) and a
    table of contacts (the audit of a learner's own export, where some
    values are unknown) use the same rule. Someone is an **alter ego** when
    at least ``min_shared`` of the ``attributes`` (by default two of sector,
    region, generation and school) have the same known value for both. A
    missing value (None) never matches.

    Parameters
    ----------
    mine, theirs : mapping
        ``{attribute: value}`` of the person and of the other person; a
        missing key counts as None.
    attributes : sequence of str, default :data:`ALTER_EGO_ATTRIBUTES`
    min_shared : int, default :data:`ALTER_EGO_MIN_SHARED`

    Returns
    -------
    True, False or None
        True: at least ``min_shared`` values match. False: they cannot reach
        ``min_shared`` even if every value unknown on their side matched.
        None: the values known leave it open (a table of contacts counts
        such a contact as *not decided*).

    Examples
    --------
    >>> me = {"sector": "bank", "region": "Bretagne", "generation": "1990s", "school": "X"}
    >>> resembles(me, {"sector": "bank", "region": "Bretagne", "generation": "1960s",
    ...                "school": "Y"})
    True
    >>> resembles(me, {"sector": "art", "region": "Bretagne", "generation": "1960s",
    ...                "school": "Y"})
    False
    >>> print(resembles(me, {"sector": "art", "region": "Bretagne"}))
    None
    """
    shared = open_ = 0
    for k in attributes:
        a, b = mine.get(k), theirs.get(k)
        if a is None:
            continue
        if b is None:
            open_ += 1
        elif a == b:
            shared += 1
    if shared >= min_shared:
        return True
    if shared + open_ < min_shared:
        return False
    return None


def is_alter_ego(G, ego, alter, attributes=ALTER_EGO_ATTRIBUTES,
                 min_shared=ALTER_EGO_MIN_SHARED) -> bool:
    """Whether ``alter`` resembles ``ego``: at least ``min_shared`` attributes match.

    The course's rule (:func:`resembles`) on two people of a graph: it
    compares sector, region, generation and school, and calls an alter an
    *alter ego* (a look-alike) when at least two match: a colleague (same
    sector, same region) or a classmate (same school, same generation) is
    one; someone from the same sector in another region and generation is
    not. Missing values never match. ``ego`` and ``alter`` need not be
    tied, so the rule also tells how often people taken at random look
    alike.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_node("me", sector="bank", region="IdF", generation="1990s")
    >>> G.add_node("twin", sector="bank", region="IdF", generation="1990s")
    >>> G.add_node("other", sector="bank", region="Bretagne", generation="1960s")
    >>> is_alter_ego(G, "me", "twin", ["sector", "region", "generation"], 3)
    True
    >>> is_alter_ego(G, "me", "other", ["sector", "region", "generation"], 3)
    False
    """
    return resembles(G.nodes[ego], G.nodes[alter], attributes, min_shared) is True


def alter_ego_share(G, ego, attributes=ALTER_EGO_ATTRIBUTES,
                    min_shared=ALTER_EGO_MIN_SHARED, left_out=ALTER_EGO_LEFT_OUT) -> float:
    """The alter-ego share of ``ego``: the share of ego's contacts outside the family who look alike.

    **Definition** (the course's one rule, used by lesson 03, the
    ``recommend`` scenario and the audit's reference): among ego's ties
    whose context is not in ``left_out`` (by default family ties are left
    out: nobody chooses their family, and a professional platform and its
    export rarely list it), the share of contacts who are alter egos of
    ego by :func:`resembles`: at least two of sector, region, generation
    and school in common. A tie without a ``context`` counts. In a default
    population about 7% of pairs of people taken at random look alike, while
    about half of a typical person's contacts do: that gap is the alter-ego
    network (McPherson et al. 2001).

    Parameters
    ----------
    G : networkx.Graph
    ego : node
    attributes : sequence of str, default :data:`ALTER_EGO_ATTRIBUTES`
    min_shared : int, default :data:`ALTER_EGO_MIN_SHARED`
    left_out : sequence of str, default :data:`ALTER_EGO_LEFT_OUT`
        Contexts of the ties that are not counted.

    Returns
    -------
    float
        From 0 to 1; ``nan`` when no tie is left to count.

    Raises
    ------
    networkx.NodeNotFound
        If ``ego`` is not in ``G``.

    References
    ----------
    .. [1] McPherson, M., Smith-Lovin, L., Cook, J. M. (2001). Birds of a
       feather: homophily in social networks. *Annual Review of Sociology*
       27, 415-444.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_node("me", sector="bank", region="IdF")
    >>> G.add_node("colleague", sector="bank", region="IdF")
    >>> G.add_node("client", sector="art", region="IdF")
    >>> G.add_node("sister", sector="bank", region="IdF")
    >>> G.add_edge("me", "colleague", context="colleague")
    >>> G.add_edge("me", "client", context="client")
    >>> G.add_edge("me", "sister", context="family")
    >>> alter_ego_share(G, "me")   # the sister is left out: 1 of 2
    0.5
    """
    _ties._check_node(G, ego)
    left_out = tuple(left_out)
    mine = G.nodes[ego]
    counted = alike = 0
    for v, d in G[ego].items():
        if v == ego or d.get("context") in left_out:
            continue
        counted += 1
        alike += resembles(mine, G.nodes[v], attributes, min_shared) is True
    return alike / counted if counted else math.nan


# --------------------------------------------------------------------------
# Burt's structural holes, computed locally

def _mutual(G, a, b, weight):
    d = G[a].get(b)
    if d is None:
        return 0.0
    return 2.0 * (1.0 if weight is None else d.get(weight, 1.0))


def _holes(G, ego, weight):
    """(constraint, effective size) of ego, with networkx's exact definitions.

    Mutual weights are counted as networkx counts them in an undirected
    graph (a_uv + a_vu = 2 w_uv); only ego, its alters and the alters' own
    ties are read.
    """
    if G.is_directed() or G.is_multigraph():
        return (nx.constraint(G, [ego], weight=weight)[ego],
                nx.effective_size(G, [ego], weight=weight)[ego])
    nbrs = set(G[ego])
    if all(v == ego for v in nbrs):
        return math.nan, math.nan

    def mw(d):
        return 2.0 * (1.0 if weight is None else d.get(weight, 1.0))

    total = {}   # sum of mutual weights over each person's ties
    top = {}     # largest mutual weight of each person
    for a in nbrs | {ego}:
        ws = [mw(d) for d in G[a].values()]
        total[a] = sum(ws)
        top[a] = max(ws) if ws else 0.0
    p_ego = {q: (0.0 if total[ego] == 0 else mw(G[ego][q]) / total[ego]) for q in nbrs}
    # constraint: sum_j (p_ej + sum_q p_eq p_qj)^2
    indirect = dict.fromkeys(nbrs, 0.0)
    for q in nbrs:
        if total[q] == 0:
            continue
        share = p_ego[q] / total[q]
        for j, d in G[q].items():
            if j in indirect:
                indirect[j] += share * mw(d)
    c = sum((p_ego[j] + indirect[j]) ** 2 for j in nbrs)
    # effective size: sum_u (1 - sum_w p_ew m_uw), m_uw = mutual(u, w) / max_x mutual(u, x)
    es = 0.0
    for u in nbrs:
        r = 0.0
        if top[u] != 0:
            for w, d in G[u].items():
                if w in p_ego:
                    r += p_ego[w] * mw(d) / top[u]
        es += 1.0 - r
    return c, es


def constraint(G, ego, weight="strength") -> float:
    """Burt's constraint on ``ego``, from ego's neighbourhood only.

    .. math:: C_i = \\sum_j \\Big(p_{ij} + \\sum_q p_{iq} p_{qj}\\Big)^2

    where :math:`p_{ij}` is the share of ego's (strength-weighted) ties
    invested in :math:`j`. High constraint: ego's contacts all know each
    other (a closed circle). Low constraint: ego bridges structural holes,
    a broker (Burt 1992). Burt (2004) found that managers with low
    constraint got better evaluations, pay and promotions. Equal to
    ``networkx.constraint(G, [ego], weight)[ego]`` (the tests check it to
    1e-9) but reads only ego's neighbourhood and its neighbours' ties.

    Returns ``nan`` for a person with no ties.

    Examples
    --------
    A star: the centre is a pure broker; a clique: everyone is constrained.

    >>> import networkx as nx
    >>> round(constraint(nx.star_graph(4), 0, weight=None), 3)
    0.25
    >>> round(constraint(nx.complete_graph(5), 0, weight=None), 3)
    0.766
    """
    _ties._check_node(G, ego)
    return _holes(G, ego, weight)[0]


def effective_size(G, ego, weight="strength") -> float:
    """Burt's effective size of ``ego``'s network: the non-redundant contacts.

    .. math:: E_i = \\sum_j \\Big(1 - \\sum_q p_{iq} m_{jq}\\Big)

    where :math:`m_{jq}` is j's tie to q divided by j's strongest tie. A
    contact who knows none of ego's other contacts counts 1; one who knows
    them all counts little. Equal to ``networkx.effective_size(G, [ego],
    weight)[ego]`` to 1e-9, computed locally. ``nan`` for a person with no
    ties.

    Examples
    --------
    >>> import networkx as nx
    >>> effective_size(nx.star_graph(4), 0, weight=None)
    4.0
    >>> effective_size(nx.complete_graph(5), 0, weight=None)
    1.0
    """
    _ties._check_node(G, ego)
    return _holes(G, ego, weight)[1]


def reach(G, ego, steps=2) -> set:
    """People within ``steps`` steps of ``ego`` (ego excluded).

    Examples
    --------
    >>> import networkx as nx
    >>> sorted(reach(nx.path_graph(5), 0, steps=2))
    [1, 2]
    """
    _ties._check_node(G, ego)
    if steps < 1:
        raise ValueError(_t(N_("steps must be at least 1, not {steps}."), steps=steps))
    seen = {ego}
    frontier = {ego}
    for _ in range(steps):
        nxt = set()
        for v in frontier:
            nxt.update(G[v])
        nxt -= seen
        seen |= nxt
        frontier = nxt
    seen.discard(ego)
    return seen


def _fmt_map(m):
    return ", ".join(f"{k} {v:.2f}" for k, v in m.items())


@dataclass(frozen=True, repr=False)
class EgoReport:
    """Everything the course measures about one person's network.

    Attributes
    ----------
    ego : node
    name : str or None
        The person's name, if the graph has one.
    size : int
        Number of ties (alters).
    strong, weak : int
        Ties at or above / below the strong threshold (:func:`weakties.ties.classify`).
    relations, contacts : int
        Alters who are relations, and alters who are contacts only
        (:func:`weakties.ties.is_relation`); ``relations + contacts == size``.
    layers : tuple of 4 ints
        Alters in each of Dunbar's rings (:func:`weakties.ties.layers`).
    diversity : mapping
        Blau index of the alters per attribute (:func:`blau`).
    alter_ego_share : float
        The alter-ego share of ego (:func:`alter_ego_share`: family ties left out).
    constraint, effective_size : float
        Burt's measures weighted by strength (:func:`constraint`,
        :func:`effective_size`).
    local_bridges : int
        Ego's ties that are local bridges (:func:`weakties.ties.local_bridges`).
    reach2 : int
        Distinct people within two steps.
    reach2_diversity : mapping
        Blau index of those people per attribute.
    """

    ego: object
    name: str | None
    size: int
    strong: int
    weak: int
    relations: int
    contacts: int
    layers: tuple
    diversity: Mapping = field(compare=True)
    alter_ego_share: float
    constraint: float
    effective_size: float
    local_bridges: int
    reach2: int
    reach2_diversity: Mapping = field(compare=True)

    __hash__ = None  # holds mappings: not hashable

    def to_dict(self) -> dict:
        """The report as plain Python values (dicts, tuples, numbers)."""
        return {
            "ego": self.ego, "name": self.name, "size": self.size,
            "strong": self.strong, "weak": self.weak,
            "relations": self.relations, "contacts": self.contacts,
            "layers": tuple(self.layers), "diversity": dict(self.diversity),
            "alter_ego_share": self.alter_ego_share,
            "constraint": self.constraint, "effective_size": self.effective_size,
            "local_bridges": self.local_bridges, "reach2": self.reach2,
            "reach2_diversity": dict(self.reach2_diversity),
        }

    def __repr__(self) -> str:
        who = f"{self.ego!r}" + (f" ({self.name})" if self.name else "")
        return "\n".join([
            f"EgoReport for {who}",
            f"  ties: {self.size} (strong {self.strong}, weak {self.weak})",
            f"  relations: {self.relations}, contacts only: {self.contacts}",
            f"  Dunbar layers (inner to outer): {', '.join(map(str, self.layers))}",
            f"  alter-ego share: {self.alter_ego_share:.2f}",
            f"  constraint: {self.constraint:.3f}, effective size: {self.effective_size:.1f}",
            f"  local bridges: {self.local_bridges}",
            f"  people within two steps: {self.reach2}",
            f"  diversity of ties (Blau): {_fmt_map(self.diversity)}",
            f"  diversity within two steps: {_fmt_map(self.reach2_diversity)}",
        ])


def ego_report(G, ego, *, threshold=None, attributes=DIVERSITY_ATTRIBUTES,
               weight="strength") -> EgoReport:
    """Measure one person's network: size, strength, diversity, brokerage, reach.

    Parameters
    ----------
    G : networkx.Graph
        A population (see :func:`weakties.population`) or any graph whose
        ties carry ``strength`` and, for relations, ``since``,
        ``frequency`` and ``reciprocity``.
    ego : node
    threshold : float, optional
        Strong-tie threshold (default :data:`weakties.ties.STRONG_THRESHOLD`).
    attributes : sequence of str
        Attributes for the diversity indices.
    weight : str, default "strength"

    Returns
    -------
    EgoReport

    Raises
    ------
    networkx.NodeNotFound
        If ``ego`` is not in ``G``.

    Notes
    -----
    Runs in time proportional to the number of ties of ego's alters, not
    to the size of the population. A person with no ties gets size 0,
    ``nan`` for the ratios and Burt's measures, and 0 diversity.

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(500, seed=1)
    >>> r = weakties.ego_report(G, 0)
    >>> r.size == G.degree(0) and r.strong + r.weak == r.size
    True
    >>> r.relations + r.contacts == r.size
    True
    >>> 0 <= r.alter_ego_share <= 1
    True
    """
    _ties._check_node(G, ego)
    t = _ties._check_threshold(threshold)
    alters = [v for v in G[ego] if v != ego]
    strengths = [G[ego][v].get(weight, 1.0) for v in alters]
    strong = sum(s >= t for s in strengths)
    has_rel = all(k in G[ego][v] for v in alters for k in ("since", "frequency", "reciprocity"))
    n_rel = len(_ties.relations(G, ego)) if has_rel else 0
    rings = _ties.layers(G, ego, weight=weight)
    c, es = _holes(G, ego, weight)
    r2 = reach(G, ego, 2)
    return EgoReport(
        ego=ego,
        name=G.nodes[ego].get("name"),
        size=len(alters),
        strong=int(strong),
        weak=len(alters) - int(strong),
        relations=n_rel,
        contacts=len(alters) - n_rel,
        layers=tuple(len(rings[k]) for k in (1, 2, 3, 4)),
        diversity=MappingProxyType(diversity(G, alters, attributes)),
        alter_ego_share=alter_ego_share(G, ego),
        constraint=c,
        effective_size=es,
        local_bridges=len(_ties.local_bridges(G, ego)),
        reach2=len(r2),
        reach2_diversity=MappingProxyType(diversity(G, r2, attributes)),
    )


# --------------------------------------------------------------------------
# Whole-population measures

def assortativity(G, attributes=("sector", "region", "generation", "school")) -> dict:
    """Newman's assortativity coefficient for each categorical attribute.

    .. math:: r = \\frac{\\sum_k e_{kk} - \\sum_k a_k^2}{1 - \\sum_k a_k^2}

    where :math:`e_{kk}` is the share of tie ends joining two people of
    category k and :math:`a_k` the share of tie ends in category k (Newman
    2003). 1: ties only within categories; 0: as if at random; negative:
    ties mostly across. Gives the same numbers as
    :func:`networkx.attribute_assortativity_coefficient` without building a
    dense mixing matrix (employers number in the thousands).

    Returns
    -------
    dict
        ``{attribute: r}``; ``nan`` when undefined (no ties, or a single
        category).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([(1, 2), (3, 4), (1, 3)])
    >>> nx.set_node_attributes(G, {1: "a", 2: "a", 3: "b", 4: "b"}, "sector")
    >>> round(assortativity(G, ["sector"])["sector"], 3)
    0.333
    """
    out = {}
    edges = [(u, v) for u, v in G.edges() if u != v] if not G.is_directed() else None
    if edges is None:
        return {a: nx.attribute_assortativity_coefficient(G, a) for a in attributes}
    loops = [(u, u) for u in nx.nodes_with_selfloops(G)]
    for a in attributes:
        values = G.nodes
        ends = Counter()
        same = 0
        total = 0
        for u, v in edges:
            x, y = values[u].get(a), values[v].get(a)
            ends[x] += 1
            ends[y] += 1
            same += 2 * (x == y)
            total += 2
        for u, _ in loops:  # a self-loop counts once per end, as in networkx
            x = values[u].get(a)
            ends[x] += 1
            same += 1
            total += 1
        if total == 0:
            out[a] = math.nan
            continue
        e = same / total
        sq = sum((c / total) ** 2 for c in ends.values())
        out[a] = math.nan if math.isclose(sq, 1.0) else (e - sq) / (1 - sq)
    return out


def gini(values) -> float:
    """Gini coefficient of non-negative values: 0 all equal, near 1 all to one.

    Used on degrees to see whether a few people concentrate the ties.

    Examples
    --------
    >>> gini([5, 5, 5, 5])
    0.0
    >>> gini([0, 0, 0, 10])
    0.75
    """
    x = np.sort(np.asarray(list(values), dtype=float))
    if len(x) == 0 or x.sum() == 0:
        return 0.0
    if (x < 0).any():
        raise ValueError(_t(N_("gini needs values that are zero or more.")))
    n = len(x)
    cum = np.cumsum(x)
    return float((n + 1 - 2 * (cum / cum[-1]).sum()) / n)


def insularity(G, attribute) -> "pandas.DataFrame":
    """How closed each group of people is: the share of its ties that stay inside it.

    **Definition.** For each group (the people with one value of
    ``attribute``: a sector, a region, a generation), ``inside`` is the
    share of its members' ties whose other person is in the same group
    (each tie counts once at each of its ends), and ``expected`` is the
    group's share of all people: about what ``inside`` would be if ties
    ignored the group. Their ratio says how many times more closed than
    chance the group is: a sector with 10% of the people that keeps 30% of
    its ties inside is three times more closed than chance. A group that
    keeps more of its ties inside than expected is a *silo* in the sense of
    Burt (2004); the whole-population summary of the same idea is Newman's
    assortativity (:func:`assortativity`).

    Parameters
    ----------
    G : networkx.Graph
    attribute : str
        A person attribute, such as ``"sector"``, ``"region"`` or ``"generation"``.

    Returns
    -------
    pandas.DataFrame
        One row per group (index: the value of ``attribute``), sorted from
        the least to the most inward-looking ``inside`` share, with columns
        ``people``, ``ties`` (tie ends of its members), ``inside``,
        ``expected`` and ``ratio`` (``inside / expected``). A group whose
        members have no tie has ``inside`` NaN.

    Raises
    ------
    ValueError
        If some person lacks ``attribute`` (the message names one).

    References
    ----------
    .. [1] Burt, R. S. (2004). Structural holes and good ideas. *American
       Journal of Sociology* 110(2), 349-399.

    Examples
    --------
    Two groups of two; one tie inside each group, one tie across.

    >>> import networkx as nx
    >>> G = nx.Graph([(1, 2), (3, 4), (2, 3)])
    >>> nx.set_node_attributes(G, {1: "a", 2: "a", 3: "b", 4: "b"}, "sector")
    >>> table = insularity(G, "sector")
    >>> table.loc["a", ["people", "ties", "inside", "expected"]].tolist()
    [2.0, 3.0, 0.6666666666666666, 0.5]
    """
    import pandas as pd

    values = {}
    for v, d in G.nodes(data=True):
        if d.get(attribute) is None:
            raise ValueError(_t(N_("person {person} has no {attribute}: insularity needs it on "
                                   "every person (a population from weakties.population has "
                                   "sector, region, generation and school)."),
                                person=repr(v), attribute=repr(attribute)))
        values[v] = d[attribute]
    people = Counter(values.values())
    ends, inside = Counter(), Counter()
    for u, v in G.edges():
        a, b = values[u], values[v]
        ends[a] += 1
        ends[b] += 1
        if a == b:
            inside[a] += 2
    n = G.number_of_nodes()
    groups = sorted(people, key=str)
    table = pd.DataFrame({
        "people": [float(people[g]) for g in groups],
        "ties": [float(ends[g]) for g in groups],
        "inside": [inside[g] / ends[g] if ends[g] else math.nan for g in groups],
        "expected": [people[g] / n for g in groups],
    }, index=pd.Index(groups, name=attribute))
    table["ratio"] = table["inside"] / table["expected"]
    return table.sort_values("inside", kind="stable")
