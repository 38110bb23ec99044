"""A platform's "people you may know": how recommendations reshape a network.

The lesson ``course/03-alter-ego-network.ipynb`` runs this simulation; its
exercise is ``exercises/03-alter-ego-network/``.
"""

from __future__ import annotations

import dataclasses
import itertools

import networkx as nx
import numpy as np
import pandas as pd

from .. import metrics as _metrics
from .. import ties as _ties
from ..i18n import N_, decimal, gettext, number
from ..plotting import attribute_label, style_axes
from ._common import (ScenarioResult, check_choice, check_fraction, check_int,
                      graph_arrays, make_rng, new_axes, style)

__all__ = ["recommend", "RecommendResult", "POLICIES", "HISTORY_ATTRIBUTES", "best_connected"]

#: How the platform picks whom to suggest.
POLICIES = ("mutual", "similar", "random", "diverse")
#: Attributes whose assortativity the history follows.
HISTORY_ATTRIBUTES = ("sector", "region", "generation", "school")
_MEASURES = {
    "clustering": N_("average clustering"),
    "alter_ego_share": N_("mean alter-ego share"),
    "degree_gini": N_("Gini of the number of ties"),
    "top_tenth_share": N_("share of ties held by the best-connected tenth"),
}
#: How each policy is named on pictures (the keys are never shown).
POLICY_LABELS = {"mutual": N_("most contacts in common"), "similar": N_("most alike"),
                 "random": N_("anyone at random"), "diverse": N_("least alike")}

# A tie made by accepting a suggestion: an online contact, seen about once
# a year, not close yet (the population's online profile).
_WALKS = 40  # random walks that sample the "diverse" candidates
_NEW_TIE = {"context": "online", "frequency": 1.0, "closeness": 0.05,
            "reciprocity": 0.05, "duration": 0.0}


@dataclasses.dataclass(repr=False)
class RecommendResult(ScenarioResult):
    """The network grown by :func:`recommend`, and its history.

    Attributes
    ----------
    graph : networkx.Graph
        A new graph: the input population plus the accepted suggestions,
        whose ties have ``context="online"``, ``recommended=True`` and the
        ``round`` they were made in. The input graph is not modified.
    history : pandas.DataFrame
        One row per round (round 0 is the starting network): ``round``,
        ``new_ties``, ``ties``, ``assortativity_<attribute>`` for sector,
        region, generation and school, ``clustering``,
        ``alter_ego_share``, ``degree_gini`` and ``top_tenth_share`` (the
        share of all tie ends held by the tenth of people with the most ties).
    new_ties : pandas.DataFrame
        One row per accepted suggestion: ``round``, ``person``,
        ``suggested``, ``mutual`` (contacts they shared when suggested),
        ``similar`` (how many of sector, region, generation, school they
        share), ``alter_ego`` (bool: at least two shared, see
        :func:`weakties.metrics.is_alter_ego`), ``suggested_ties`` (how
        many ties the suggested person had when the tie was made).
    """

    graph: nx.Graph
    history: pd.DataFrame
    new_ties: pd.DataFrame

    title = "Recommendations"

    def summary_lines(self):
        h = self.history
        first, last = h.iloc[0], h.iloc[-1]
        t = gettext
        lines = [t(N_("{n} suggestions accepted over {rounds} rounds ({before} ties before, "
                      "{after} after).")).format(
            n=number(len(self.new_ties)), rounds=number(int(last["round"])),
            before=number(int(first["ties"])), after=number(int(last["ties"])))]
        change = t(N_("{label}: {before} before, {after} after"))
        for col, label in _MEASURES.items():
            lines.append(change.format(label=t(label), before=decimal(first[col], 3),
                                       after=decimal(last[col], 3)))
        for a in HISTORY_ATTRIBUTES:
            col = f"assortativity_{a}"
            lines.append(change.format(
                label=t(N_("assortativity by {attribute}")).format(
                    attribute=attribute_label(a)),
                before=decimal(first[col], 3), after=decimal(last[col], 3)))
        return lines

    def best_connected_share(self, share=0.1):
        """Share of the accepted suggestions that went to the best-connected people.

        The best connected are the ``share`` of people with the most ties
        *before* the suggestions (:func:`best_connected`). Su, Sharma and
        Goel (2016) found that once Twitter's "who to follow" suggestions
        began, accounts that were already popular gained followers
        *disproportionately*: more than their share of the population.

        Parameters
        ----------
        share : float in (0, 1], default 0.1

        Returns
        -------
        float
            From 0 to 1 (NaN if no suggestion was accepted): compare it with
            ``share``, what suggestions blind to popularity would give.
        """
        if len(self.new_ties) == 0:
            return np.nan
        before = self.graph.copy()
        before.remove_edges_from(zip(self.new_ties["person"], self.new_ties["suggested"]))
        top = best_connected(before, share)
        return float(self.new_ties["suggested"].isin(top).mean())

    def plot(self, ax=None, measure="clustering"):
        """Draw one measure of the network round by round.

        Parameters
        ----------
        ax : matplotlib Axes, optional
        measure : str, default "clustering"
            "clustering", "alter_ego_share", "degree_gini",
            "top_tenth_share" or "assortativity" (one line per attribute).

        Returns
        -------
        matplotlib.axes.Axes
        """
        measure = check_choice("measure", measure, tuple(_MEASURES) + ("assortativity",))
        ax = new_axes(ax)
        h = self.history
        policy = self.params["policy"]
        if measure == "assortativity":
            for i, a in enumerate(HISTORY_ATTRIBUTES):
                ax.plot(h["round"], h[f"assortativity_{a}"], label=attribute_label(a),
                        **style(i))
            ax.legend(title=gettext(N_("attribute")), frameon=False)
            style_axes(ax, gettext(N_("Assortativity round by round (suggestions: {policy})"))
                       .format(policy=_policy(policy)), gettext(N_("round")),
                       gettext(N_("assortativity (0 = mixing at random)")))
        else:
            ax.plot(h["round"], h[measure], label=gettext(N_("suggestions: {policy}")).format(
                policy=_policy(policy)), **style(0))
            ax.legend(frameon=False)
            what = gettext(_MEASURES[measure])
            style_axes(ax, gettext(N_("{measure} round by round (suggestions: {policy})"))
                       .format(measure=what[:1].upper() + what[1:], policy=_policy(policy)),
                       gettext(N_("round")), what)
        return ax


def _policy(policy) -> str:
    words = POLICY_LABELS.get(policy)
    return gettext(words) if words else str(policy)


class _Tracker:
    """The growing network's measures, updated tie by tie (no whole-graph pass).

    Keeps neighbour sets, triangles per person (for clustering), alter-ego
    alters per person, and for each attribute the ends per category and
    the ties within a category (for Newman's assortativity).
    """

    def __init__(self, A, cat):
        self.n = A.n
        self.nbrs = [set(A.neighbours(i).tolist()) for i in range(A.n)]
        self.deg = A.degree.astype(np.int64).copy()
        tri = np.bincount(A.eu, weights=A.mutual, minlength=A.n) + \
            np.bincount(A.ev, weights=A.mutual, minlength=A.n)
        self.tri = (tri / 2).astype(np.int64)  # each triangle counted at each end's two ties
        self.cat = cat  # (k, n) codes of the history attributes
        self.alter_attrs = cat[:len(_metrics.ALTER_EGO_ATTRIBUTES)]
        # The alter-ego share counts ties outside the family only
        # (weakties.metrics.alter_ego_share): ``counted`` is that number of
        # ties per person, ``ae`` the look-alikes among them.
        left_out = [_ties.CONTEXTS.index(c) for c in _metrics.ALTER_EGO_LEFT_OUT]
        counted = ~np.isin(A.context, left_out)
        ae = self._alter_ego(A.eu, A.ev) & counted
        self.counted = (np.bincount(A.eu, weights=counted, minlength=A.n)
                        + np.bincount(A.ev, weights=counted, minlength=A.n)).astype(np.int64)
        self.ae = (np.bincount(A.eu, weights=ae, minlength=A.n)
                   + np.bincount(A.ev, weights=ae, minlength=A.n)).astype(np.int64)
        self.ends = [np.bincount(np.concatenate([c[A.eu], c[A.ev]]), minlength=c.max() + 1)
                     .astype(np.int64) for c in cat]
        self.same = [int((c[A.eu] == c[A.ev]).sum()) for c in cat]
        self.m = A.m

    def _alter_ego(self, u, v):
        shared = sum((c[u] == c[v]) & (c[u] >= 0) for c in self.alter_attrs)
        return shared >= _metrics.ALTER_EGO_MIN_SHARED

    def add(self, u, v):
        common = self.nbrs[u] & self.nbrs[v]
        k = len(common)
        self.tri[u] += k
        self.tri[v] += k
        for w in common:
            self.tri[w] += 1
        self.nbrs[u].add(v)
        self.nbrs[v].add(u)
        self.deg[u] += 1
        self.deg[v] += 1
        self.counted[u] += 1  # a suggestion makes an online tie: always counted
        self.counted[v] += 1
        if self._alter_ego(u, v):
            self.ae[u] += 1
            self.ae[v] += 1
        for j, c in enumerate(self.cat):
            self.ends[j][c[u]] += 1
            self.ends[j][c[v]] += 1
            self.same[j] += int(c[u] == c[v])
        self.m += 1
        return k

    def measures(self):
        d = self.deg
        pairs = d * (d - 1) / 2
        with np.errstate(invalid="ignore", divide="ignore"):
            clust = np.where(d > 1, self.tri / np.where(pairs > 0, pairs, 1), 0.0)
            c = self.counted
            share = self.ae[c > 0] / c[c > 0]
        out = {"ties": self.m, "clustering": float(clust.mean()),
               "alter_ego_share": float(share.mean()) if len(share) else np.nan,
               "degree_gini": _metrics.gini(d), "top_tenth_share": _top_share(d, 0.1)}
        for j, a in enumerate(HISTORY_ATTRIBUTES):
            total = 2 * self.m
            if total == 0:
                out[f"assortativity_{a}"] = np.nan
                continue
            e = 2 * self.same[j] / total
            sq = float(((self.ends[j] / total) ** 2).sum())
            out[f"assortativity_{a}"] = np.nan if np.isclose(sq, 1.0) else (e - sq) / (1 - sq)
        return out


def recommend(G, *, policy, rounds=10, seed, active=0.5, accept=0.8) -> RecommendResult:
    """Simulate a platform's "people you may know" suggestions, round after round.

    In plain words: every round, the platform shows some members one person
    they might know, and most accept. If it suggests people who already
    share many contacts with you, or who look like you, your network closes
    in on itself: your contacts all know each other and resemble you (the
    alter-ego network). If it suggests people unlike you, two or three
    steps away, your network opens to other worlds.

    **Model.** Each round, every person is *active* with probability
    ``active``; each active person is shown one suggestion, chosen by
    ``policy`` among the people they are not tied to, and accepts it with
    probability ``accept``. Suggestions of a round are computed on the
    network as it was at the start of that round. Policies:

    - ``"mutual"``: the person with the most contacts in common (triadic
      closure; random choice among equals);
    - ``"similar"``: the person who shares the most of sector, region,
      generation and school;
    - ``"random"``: anyone;
    - ``"diverse"``: among people two or three steps away (the ends of 40
      random walks of two or three steps, as platforms sample), the one
      who shares the fewest of those attributes.

    A new tie is an online contact seen about once a year, with little
    closeness yet (``context="online"``, strength from
    :func:`weakties.ties.tie_strength`).

    The history follows, after every round: Newman's assortativity per
    attribute (:func:`weakties.metrics.assortativity`), average clustering
    (as :func:`networkx.average_clustering`), the mean alter-ego share
    (:func:`weakties.metrics.alter_ego_share` averaged over people with
    ties outside the family), and two measures of concentration: the Gini
    of the number of ties (:func:`weakties.metrics.gini`) and the share of
    all tie ends held by the tenth of people with the most ties.
    :meth:`RecommendResult.best_connected_share` says what share of the
    accepted suggestions went to the people who were best connected at
    the start.
    They are updated tie by tie, exactly, without a pass over the whole
    network, so a round costs the same at 2,000 or 10,000 people.

    **Expected.** "mutual" and "similar" raise clustering and assortativity
    compared with "random" (triadic closure amplifies homophily, Asikainen
    et al. 2020; friend-of-friend suggestions raise clustering and
    concentrate ties, Su, Sharma and Goel 2016); "diverse" lowers the
    alter-ego share.

    Parameters
    ----------
    G : networkx.Graph
        A population from :func:`weakties.population`. Not modified.
    policy : {"mutual", "similar", "random", "diverse"}
    rounds : int, default 10
        Rounds of suggestions, 0 to 200.
    seed : int or str
    active : float in [0, 1], default 0.5
        Share of people shown a suggestion each round.
    accept : float in [0, 1], default 0.8
        Chance that a suggestion is accepted.

    Returns
    -------
    RecommendResult
        ``.graph`` (the grown network, a new graph), ``.history`` (one row
        per round), ``.new_ties`` (one row per accepted suggestion).

    Raises
    ------
    ValueError
        An unknown policy (the message lists them), a parameter out of range.

    References
    ----------
    .. [1] Su, J., Sharma, A., Goel, S. (2016). The effect of recommendations
       on network structure. *Proceedings of WWW 2016*, 1157-1167.
    .. [2] Asikainen, A., Iñiguez, G., Ureña-Carrión, J., Kaski, K., Kivelä, M.
       (2020). Cumulative effects of triadic closure and homophily in social
       networks. *Science Advances* 6(19), eaax7310.
    .. [3] Rajkumar, K. et al. (2022). A causal test of the strength of weak
       ties. *Science* 377(6612), 1304-1310.
    .. [4] Newman, M. E. J. (2003). Mixing patterns in networks. *Physical
       Review E* 67, 026126.

    Examples
    --------
    >>> import weakties
    >>> from weakties.scenarios import recommend
    >>> G = weakties.population(300, seed=1)
    >>> r = recommend(G, policy="mutual", rounds=3, seed=1)
    >>> list(r.history["round"])
    [0, 1, 2, 3]
    >>> r.graph.number_of_edges() == G.number_of_edges() + len(r.new_ties)
    True
    >>> bool(r.history["clustering"].iloc[-1] > r.history["clustering"].iloc[0])
    True
    """
    policy = check_choice("policy", policy, POLICIES)
    rounds = check_int("rounds", rounds, 0, 200)
    active = check_fraction("active", active)
    accept = check_fraction("accept", accept)
    A = graph_arrays(G, "recommend")
    cat = np.stack([A.require(a, "recommend") for a in HISTORY_ATTRIBUTES])
    rng = make_rng(seed, "recommend")
    n = A.n
    T = _Tracker(A, cat)

    history = [dict(round=0, new_ties=0, **T.measures())]
    made = []
    for r in range(1, rounds + 1):
        people = np.flatnonzero(rng.random(n) < active)
        people = people[rng.permutation(len(people))]
        noise = rng.random((len(people), 1))  # per-person seed of the tie-breaks
        shown = _suggest(policy, T, cat, people, noise, rng)
        accepted = rng.random(len(people)) < accept
        count = 0
        for i, (u, v) in enumerate(zip(people.tolist(), shown.tolist())):
            if v < 0 or not accepted[i] or v in T.nbrs[u]:
                continue  # nobody to suggest, declined, or tied earlier this round
            had = int(T.deg[v])
            mutual = T.add(u, v)
            similar = int(sum(c[u] == c[v] for c in cat))
            made.append((r, u, v, mutual, similar, bool(T._alter_ego(u, v)), had))
            count += 1
        history.append(dict(round=r, new_ties=count, **T.measures()))

    cols = ["round", "new_ties", "ties"] + [f"assortativity_{a}" for a in HISTORY_ATTRIBUTES] \
        + list(_MEASURES)
    hist = pd.DataFrame(history)[cols]
    nodes = np.array(A.nodes, dtype=object)
    made_arr = np.array(made, dtype=object).reshape(-1, 7)
    new = pd.DataFrame({
        "round": made_arr[:, 0].astype(np.int64),
        "person": nodes[made_arr[:, 1].astype(np.int64)],
        "suggested": nodes[made_arr[:, 2].astype(np.int64)],
        "mutual": made_arr[:, 3].astype(np.int64),
        "similar": made_arr[:, 4].astype(np.int64),
        "alter_ego": made_arr[:, 5].astype(bool),
        "suggested_ties": made_arr[:, 6].astype(np.int64),
    })
    H = G.copy()
    year = G.graph.get("options", {}).get("year", 2026)
    t = _ties.time_component(_NEW_TIE["frequency"])
    strength = round(float(_ties.tie_strength(t, _NEW_TIE["closeness"], _NEW_TIE["reciprocity"],
                                              _NEW_TIE["duration"])), 6)
    H.add_edges_from(
        (nodes[u], nodes[v], {"strength": strength, "context": "online",
                              "frequency": _NEW_TIE["frequency"], "since": year,
                              "time": round(float(t), 6), "closeness": _NEW_TIE["closeness"],
                              "reciprocity": _NEW_TIE["reciprocity"], "duration": 0.0,
                              "recommended": True, "round": r})
        for r, u, v, *_ in made)
    H.graph["name"] = f"{G.graph.get('name', 'network')} + {policy!r} suggestions"
    params = {"policy": policy, "rounds": rounds, "seed": seed, "active": active,
              "accept": accept}
    return RecommendResult(params=params, graph=H, history=hist, new_ties=new)


def _top_share(degrees, share):
    """Share of all tie ends held by the ``share`` of people with the most ties."""
    d = np.sort(np.asarray(degrees))[::-1]
    total = d.sum()
    k = int(np.ceil(share * len(d)))
    return float(d[:k].sum() / total) if total else np.nan


def best_connected(G, share=0.1):
    """The best-connected ``share`` of people: the ``ceil(share * n)`` with the most ties.

    Ranked by number of ties, most first; among equals, in the graph's
    order, so that the same graph always gives the same people.

    Examples
    --------
    >>> import networkx as nx
    >>> best_connected(nx.star_graph(9), 0.1)
    {0}
    >>> sorted(best_connected(nx.star_graph(9), 0.2))
    [0, 1]
    """
    share = check_fraction("share", share)
    nodes = list(G)
    ranked = sorted(range(len(nodes)), key=lambda i: (-G.degree(nodes[i]), i))
    return {nodes[i] for i in ranked[:int(np.ceil(share * len(nodes)))]}


def _snapshot(T):
    """The network as it is now, in compressed sparse rows, and its sorted tie keys."""
    n = T.n
    deg = np.fromiter((len(x) for x in T.nbrs), dtype=np.int64, count=n)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(deg, out=indptr[1:])
    indices = np.fromiter(itertools.chain.from_iterable(T.nbrs), dtype=np.int64,
                          count=int(indptr[-1]))
    rows = np.repeat(np.arange(n, dtype=np.int64), deg)
    keys = np.sort(rows * n + indices)
    return deg, indptr, indices, keys


def _tied(keys, n, u, v):
    """Whether each pair (u, v) is tied, from the sorted tie keys."""
    k = u * n + v
    pos = np.minimum(np.searchsorted(keys, k), max(len(keys) - 1, 0))
    return (keys[pos] == k) if len(keys) else np.zeros(len(k), dtype=bool)


def _pick(owner, score, noise, lowest):
    """For each owner, the candidate position with the best score (random among equals)."""
    key = score if lowest else -score
    order = np.lexsort((noise, key, owner))
    _, first = np.unique(owner[order], return_index=True)
    return order[first]


def _suggest(policy, T, cat, people, noise, rng):
    """One suggestion per person (-1 if none), on the network as it is now."""
    n = T.n
    out = np.full(len(people), -1, dtype=np.int64)
    if len(people) == 0:
        return out
    if policy == "random":
        v = rng.integers(0, n - 1, size=len(people))
        v = v + (v >= people)
        for i, u in enumerate(people.tolist()):
            if v[i] not in T.nbrs[u]:
                out[i] = v[i]
        return out
    deg, indptr, indices, keys = _snapshot(T)
    if policy == "similar":
        for i, u in enumerate(people.tolist()):
            score = (cat[:, u:u + 1] == cat).sum(axis=0)
            score[u] = -1
            score[indices[indptr[u]:indptr[u + 1]]] = -1
            best = np.flatnonzero(score == score.max())
            if score[best[0]] >= 0:
                out[i] = best[int(noise[i, 0] * len(best))]
        return out
    if policy == "mutual":
        for i, u in enumerate(people.tolist()):
            mine = indices[indptr[u]:indptr[u + 1]]
            if len(mine) == 0:
                continue
            lens = deg[mine]
            starts = np.repeat(indptr[mine] - np.cumsum(lens) + lens, lens)
            fof = indices[starts + np.arange(int(lens.sum()))]
            counts = np.bincount(fof, minlength=n)
            counts[u] = 0
            counts[mine] = 0
            top = counts.max()
            if top > 0:
                best = np.flatnonzero(counts == top)
                out[i] = best[int(noise[i, 0] * len(best))]
        return out
    # diverse: ends of random walks of two or three steps, least alike.
    who = np.repeat(np.arange(len(people)), _WALKS)
    x = people[who]
    ok = deg[x] > 0
    r = rng.random((3, len(x)))
    longer = rng.random(len(x)) < 0.5
    for step in range(3):
        go = ok & (deg[x] > 0) & ((step < 2) | longer)
        ok &= deg[x] > 0
        pos = indptr[x] + (r[step] * deg[x]).astype(np.int64)
        x = np.where(go, indices[np.minimum(pos, len(indices) - 1)], x)
    u = people[who]
    valid = ok & (x != u) & ~_tied(keys, n, u, x)
    who, x, u = who[valid], x[valid], u[valid]
    if len(who) == 0:
        return out
    score = (cat[:, u] == cat[:, x]).sum(axis=0)
    best = _pick(who, score, rng.random(len(who)), lowest=True)
    out[who[best]] = x[best]
    return out
