"""Commercial prospecting: reaching a prospect through a warm introduction.

The lesson ``course/08-prospecting.ipynb`` runs this simulation; its exercise
is ``exercises/08-prospecting/``.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd

from ..i18n import N_, gettext
from ..plotting import style_axes
from ._common import (ScenarioResult, best_chains, chain_to, check_choice, check_fraction,
                      check_int, check_node, check_nodes, check_number, graph_arrays, make_rng,
                      new_axes, style)

__all__ = ["prospecting", "ProspectingResult", "AGREE_EXPONENT"]

#: Each person on a chain agrees to pass the request on (and the target to
#: meet) with probability strength ** AGREE_EXPONENT: 0.71 on a tie of
#: strength 0.5, 0.45 on a tie of strength 0.2.
AGREE_EXPONENT = 0.5


@dataclasses.dataclass(repr=False)
class ProspectingResult(ScenarioResult):
    """Best introduction chains to each target, from :func:`prospecting`.

    Attributes
    ----------
    chains : pandas.DataFrame
        One row per target: ``target``, ``hops`` (ties on the best chain;
        -1 if no chain within ``max_hops``), ``chain`` (tuple of people from
        the seller to the target), ``first_contact`` (whom to ask first;
        None if unreachable), ``trust`` (product of tie strengths on the
        chain), ``p_warm`` (chance that the introduction goes through),
        ``p_cold`` (chance that a cold approach works), ``warm`` and
        ``cold`` (bool: whether each approach worked in this simulation;
        ``warm`` is False without a chain).
    first_asks : pandas.DataFrame
        One row per contact of the seller who opens at least one best
        chain, best first: ``contact``, ``strength`` (of the seller's tie),
        ``targets`` (chains they open), ``expected`` (sum of ``p_warm`` over
        those chains).
    reach : pandas.DataFrame
        One row per approach ("warm", "cold"): ``approach``, ``targets``,
        ``expected`` (targets reached on average), ``reached`` (in this
        simulation).
    """

    chains: pd.DataFrame
    first_asks: pd.DataFrame
    reach: pd.DataFrame

    title = "Prospecting"

    def summary_lines(self):
        c = self.chains
        ok = c["hops"] > 0
        lines = [f"{int(ok.sum())} of {len(c)} targets reachable through at most "
                 f"{self.params['max_hops']} ties."]
        for r in self.reach.itertuples():
            lines.append(f"{r.approach} approach: {r.reached} targets reached "
                         f"({r.expected:.1f} expected)")
        if len(self.first_asks):
            first = self.first_asks
            lines.append(f"ask first: {first['contact'].tolist()[0]!r}, who opens the "
                         f"best chain to {int(first['targets'].iloc[0])} targets")
        return lines

    def plot(self, ax=None, lang=None):
        """Expected targets reached, warm against cold, by number of ties on the chain.

        Parameters
        ----------
        ax : matplotlib Axes, optional
        lang : str, optional
            Language of the labels (:mod:`weakties.i18n`).

        Returns
        -------
        matplotlib.axes.Axes
        """
        ax = new_axes(ax)
        t = lambda text: gettext(text, lang)  # noqa: E731
        c = self.chains.copy()
        c["group"] = np.where(c["hops"] > 0, c["hops"], 0)
        order = sorted(g for g in c["group"].unique() if g > 0) + (
            [0] if (c["hops"] <= 0).any() else [])
        g = c.groupby("group")[["p_warm", "p_cold"]].sum().reindex(order)
        x = np.arange(len(order))
        for i, (col, label, hatch) in enumerate((("p_warm", N_("warm introduction"), "//"),
                                                 ("p_cold", N_("cold approach"), ".."))):
            ax.bar(x + (i - 0.5) * 0.4, g[col], 0.4, color=style(i)["color"], hatch=hatch,
                   edgecolor="black", label=t(label))
        names = [t(N_("no chain")) if h == 0 else t(N_("1 tie")) if h == 1
                 else t(N_("{count} ties")).format(count=h) for h in order]
        ax.set_xticks(x, names)
        ax.legend(frameon=False)
        style_axes(ax, t(N_("Targets reached: warm introductions against cold approaches")),
                   t(N_("length of the best chain of introducers")),
                   t(N_("targets reached (expected)")))
        return ax


def prospecting(G, seller, targets, *, max_hops=3, seed, cold_rate=0.05,
                criterion="trust", agree_exponent=AGREE_EXPONENT) -> ProspectingResult:
    """Find the best chain of introducers from a seller to each prospect.

    In plain words: a stranger who calls a prospect out of the blue rarely
    gets a meeting. A friend of the prospect who says "you should meet
    this person" often does. To reach a prospect, look for a chain of people
    who know each other well: you ask your contact, who asks theirs, who
    introduces you. Strong links along the chain make the introduction
    likely; every extra link makes it less likely.

    **Model.** The *trust* of a chain is the product of the strengths of
    its ties. For each target the best chain is the one of at most
    ``max_hops`` ties with the highest trust (``criterion="trust"``), or the
    one with the fewest ties, highest trust among equals
    (``criterion="hops"``). Each person asked along the chain agrees with
    probability ``strength ** 0.5`` of the tie to the person asking
    (:data:`AGREE_EXPONENT`, or ``agree_exponent``), so the introduction
    goes through with probability ``p_warm = trust ** 0.5``. A cold
    approach works with probability ``cold_rate``. Whom to ask first: the seller's contacts
    ranked by the expected number of introductions their chains bring.

    The best chains come from a dynamic programme over the number of ties
    (a Bellman-Ford limited to ``max_hops`` rounds): a few passes over the
    ties, fast on 10,000 people.

    **Assumptions.** Every target is approached once, warm or cold;
    introducers act independently; a target who is already a contact is a
    chain of one tie. The cold rate and how readily people pass a request
    on (``agree_exponent``) are parameters, not measured figures: how many
    times as many meetings warm introductions bring than cold approaches
    follows from them.

    Parameters
    ----------
    G : networkx.Graph
        A population from :func:`weakties.population`. Not modified.
    seller : node
        The person who prospects.
    targets : list of nodes
        The prospects (the seller is not allowed among them).
    max_hops : int, default 3
        Longest chain, in ties, 1 to 6.
    seed : int or str
    cold_rate : float in [0, 1], default 0.05
        Chance that a cold approach gets a meeting.
    criterion : {"trust", "hops"}, default "trust"
    agree_exponent : float, default 0.5
        Each person on a chain agrees with probability ``strength **
        agree_exponent``: 0.5 (the square root) by default; 1 makes people
        less willing (the strength itself), 0.25 more willing. From 0.05
        to 4.

    Returns
    -------
    ProspectingResult
        ``.chains`` (one row per target), ``.first_asks``, ``.reach``.

    Raises
    ------
    networkx.NodeNotFound
        A seller or target who is not in ``G``.
    ValueError
        No targets, the seller among the targets, an unknown criterion, a
        parameter out of range.

    References
    ----------
    .. [1] Granovetter, M. S. (1973). The strength of weak ties. *American
       Journal of Sociology* 78(6), 1360-1380.
    .. [2] Travers, J., Milgram, S. (1969). An experimental study of the
       small world problem. *Sociometry* 32(4), 425-443.
    .. [3] Burt, R. S. (1992). *Structural Holes: The Social Structure of
       Competition*. Harvard University Press.

    Examples
    --------
    >>> import weakties
    >>> from weakties.scenarios import prospecting
    >>> G = weakties.population(300, seed=1)
    >>> r = prospecting(G, 0, range(1, 60), max_hops=3, seed=1)
    >>> row = r.chains.iloc[0]
    >>> row["chain"][0] == 0 and row["chain"][-1] == row["target"]
    True
    >>> bool((r.chains["p_warm"] >= 0).all() and (r.chains["p_warm"] <= 1).all())
    True
    """
    check_node(G, seller, "seller")
    targets = check_nodes(G, targets, "targets")
    if seller in targets:
        raise ValueError(gettext(N_("the seller {seller} is among the targets: remove them "
                                    "from targets (nobody needs an introduction to "
                                    "themself).")).format(seller=repr(seller)))
    max_hops = check_int("max_hops", max_hops, 1, 6)
    cold_rate = check_fraction("cold_rate", cold_rate)
    criterion = check_choice("criterion", criterion, ("trust", "hops"))
    agree_exponent = check_number("agree_exponent", agree_exponent, 0.05, 4.0)
    A = graph_arrays(G, "prospecting")
    rng = make_rng(seed, "prospecting")
    src = A.index[seller]
    t_idx = np.array([A.index[v] for v in targets], dtype=np.int64)
    trust, hops, parent = _chains(A, src, max_hops, criterion)
    nodes = np.array(A.nodes, dtype=object)
    t_trust = trust[t_idx]
    t_hops = hops[t_idx]
    p_warm = np.where(t_hops > 0, t_trust ** agree_exponent, 0.0)
    warm = rng.random(len(t_idx)) < p_warm
    cold = rng.random(len(t_idx)) < cold_rate
    chains, first = [], []
    for t, h in zip(t_idx.tolist(), t_hops.tolist()):
        path = chain_to(parent, hops, t) if h > 0 else []
        chains.append(tuple(nodes[path].tolist()) if path else ())
        first.append(nodes[path[1]] if len(path) > 1 else None)
    table = pd.DataFrame({
        "target": nodes[t_idx], "hops": t_hops, "chain": pd.Series(chains, dtype=object),
        "first_contact": pd.Series(first, dtype=object),
        "trust": t_trust, "p_warm": p_warm, "p_cold": np.full(len(t_idx), cold_rate),
        "warm": warm & (t_hops > 0), "cold": cold})
    reachable = table[table["hops"] > 0]
    if len(reachable):
        f = reachable.groupby("first_contact", sort=False).agg(
            targets=("target", "size"), expected=("p_warm", "sum")).reset_index()
        f = f.rename(columns={"first_contact": "contact"})
        f["strength"] = [float(G[seller][c]["strength"]) for c in f["contact"]]
        f = f.sort_values(["expected", "targets"], ascending=False, kind="stable")
        f = f[["contact", "strength", "targets", "expected"]].reset_index(drop=True)
    else:
        f = pd.DataFrame({"contact": pd.Series(dtype=object),
                          "strength": pd.Series(dtype=float),
                          "targets": pd.Series(dtype=np.int64),
                          "expected": pd.Series(dtype=float)})
    reach = pd.DataFrame({
        "approach": ["warm", "cold"], "targets": [len(t_idx)] * 2,
        "expected": [float(p_warm.sum()), float(cold_rate * len(t_idx))],
        "reached": [int(table["warm"].sum()), int(cold.sum())]})
    params = {"seller": seller, "targets": len(t_idx), "max_hops": max_hops, "seed": seed,
              "cold_rate": cold_rate, "criterion": criterion,
              "agree_exponent": agree_exponent}
    return ProspectingResult(params=params, chains=table, first_asks=f, reach=reach)


def _chains(A, src, max_hops, criterion):
    trust, hops, parent, layers = best_chains(A, src, max_hops)
    if criterion == "hops":
        # Fewest ties first: the first layer that reaches a person wins, and
        # in it the chain of highest trust.
        reached = layers > 0
        first = np.where(reached.any(axis=0), reached.argmax(axis=0), -1)
        hops = first
        trust = np.where(first >= 0, layers[np.maximum(first, 0), np.arange(A.n)], 0.0)
        hops[src], trust[src] = 0, 1.0
    return trust, hops, parent
