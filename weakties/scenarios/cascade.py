"""E-reputation and influence: how word of mouth spreads through a network.

The lesson ``course/09-e-reputation.ipynb`` runs this simulation; its exercise
is ``exercises/09-e-reputation/``.
"""

from __future__ import annotations

import dataclasses
import numbers

import numpy as np
import pandas as pd

from .. import ties as _ties
from ..plotting import style_axes
from ._common import (ScenarioResult, check_choice, check_int, check_nodes, check_number,
                      graph_arrays, make_rng, new_axes, style)

__all__ = ["cascade", "CascadeResult", "MODELS", "VALENCES", "SEED_RULES"]

MODELS = ("independent", "threshold")
VALENCES = ("positive", "negative")
#: Named ways to choose the seeds when no list of people is given.
SEED_RULES = ("influencers", "random")
#: Negative word of mouth is passed on less often (independent cascade) ...
NEGATIVE_PASS = 0.5
#: ... but a negative message weighs more than a positive one (linear
#: threshold): it stands out where most feedback is positive.
NEGATIVE_WEIGHT = 1.2


@dataclasses.dataclass(repr=False)
class CascadeResult(ScenarioResult):
    """How a message spread in :func:`cascade`.

    Attributes
    ----------
    adoption : pandas.DataFrame
        One row per run and step: ``run``, ``step`` (0 = the seeds),
        ``new`` (people reached at that step), ``reached`` (so far),
        ``share`` (of the population).
    reached : pandas.DataFrame
        One row per person reached in each run: ``run``, ``person``,
        ``step``, ``via`` (who passed the message; None for seeds),
        ``strength`` (of that tie; NaN for seeds), ``tie`` ("seed",
        "strong" or "weak", by :data:`weakties.ties.STRONG_THRESHOLD`).
    seeds : pandas.DataFrame
        One row per seed in each run: ``run``, ``person``, ``degree``.
    """

    adoption: pd.DataFrame
    reached: pd.DataFrame
    seeds: pd.DataFrame

    title = "Cascade"

    @property
    def final_reach(self) -> float:
        """Mean share of the population reached at the end, over the runs."""
        last = self.adoption.groupby("run")["share"].max()
        return float(last.mean())

    def by_tie(self) -> pd.DataFrame:
        """People reached through weak and through strong ties (seeds aside).

        Returns a DataFrame with ``tie`` ("weak", "strong"), ``people``
        (over all runs) and ``share``.
        """
        r = self.reached[self.reached["tie"] != "seed"]
        counts = r["tie"].value_counts().reindex(["weak", "strong"], fill_value=0)
        total = int(counts.sum())
        return pd.DataFrame({"tie": counts.index, "people": counts.to_numpy(dtype=np.int64),
                             "share": counts.to_numpy() / total if total else np.nan})

    def summary_lines(self):
        p = self.params
        t = self.by_tie()
        lines = [f"{p['valence']} word of mouth, {p['model']} model, "
                 f"{p['seeds']} seeds ({p['seed_rule']}), {p['runs']} runs.",
                 f"final reach: {self.final_reach:.1%} of the population on average"]
        if t["people"].sum():
            lines.append("reached through weak ties: {:.0%}, through strong ties: {:.0%}".format(
                *t["share"].tolist()))
        return lines

    def plot(self, ax=None):
        """Share of the population reached, step by step (mean over the runs).

        Returns
        -------
        matplotlib.axes.Axes
        """
        ax = new_axes(ax)
        a = self.adoption
        steps = int(a["step"].max())
        full = []
        for run, d in a.groupby("run"):
            s = d.set_index("step")["share"].reindex(range(steps + 1)).ffill()
            full.append(s.to_numpy())
        mean = np.mean(full, axis=0) * 100
        p = self.params
        ax.plot(np.arange(steps + 1), mean,
                label=f"{p['valence']}, {p['model']}, {p['seed_rule']} seeds", **style(0))
        ax.legend(frameon=False)
        style_axes(ax, "How far the message spreads", "step",
                   "share of the population reached (%)")
        return ax


def cascade(G, seeds, *, model="independent", valence="positive", seed, k=10,
            probability=0.035, runs=10) -> CascadeResult:
    """Simulate word of mouth spreading from a few people through the network.

    In plain words: what is said about you, or about your company, travels
    from person to person. A message started by well-connected people
    (influencers) goes further than one started by people chosen at random.
    People talk about good experiences more often than bad ones, but a
    single bad review stands out among good ones: it can tip people who
    have heard only a little.

    **Models** (Kempe, Kleinberg and Tardos 2003):

    - ``"independent"`` (independent cascade): a person who has just heard
      the message passes it to each contact who has not, once, with
      probability ``probability x (0.5 + strength)``: closer contacts listen
      more. Negative messages are passed on half as often
      (:data:`NEGATIVE_PASS`): positive word of mouth is the more frequent.
    - ``"threshold"`` (linear threshold): each person has a threshold drawn
      uniformly in [0, 1] and adopts the message once the strength of their
      ties to people who carry it, divided by the strength of all their
      ties, reaches it. A negative message weighs 1.2 times as much as a
      positive one (:data:`NEGATIVE_WEIGHT`): bad news stands out. The
      threshold model tips over once the pressure passes a critical level,
      so this small extra weight is enough for bad news to reach most of
      the network where good news from the same seeds stalls.

    Seeds: a list of people, or ``"influencers"`` (the ``k`` people with the
    most ties) or ``"random"`` (``k`` people drawn at random, anew in every
    run). The simulation is repeated ``runs`` times.

    **Assumptions.** Everyone reached passes the message on the same way;
    nobody forgets; one message at a time.

    Parameters
    ----------
    G : networkx.Graph
        A population from :func:`weakties.population`. Not modified.
    seeds : list of nodes, or {"influencers", "random"}
    model : {"independent", "threshold"}, default "independent"
    valence : {"positive", "negative"}, default "positive"
    seed : int or str
        Seed of the random draws (not to be confused with ``seeds``).
    k : int, default 10
        Number of seeds for "influencers" and "random", 1 to n.
    probability : float in [0, 1], default 0.035
        Base chance of passing the message (independent cascade).
    runs : int, default 10
        Repetitions, 1 to 200.

    Returns
    -------
    CascadeResult
        ``.adoption`` (by run and step), ``.reached`` (one row per person
        reached), ``.seeds``, ``.final_reach``, ``.by_tie()``.

    Raises
    ------
    networkx.NodeNotFound
        A seed who is not in ``G``.
    ValueError
        No seeds, an unknown model, valence or seed rule, a parameter out
        of range.

    References
    ----------
    .. [1] Kempe, D., Kleinberg, J., Tardos, É. (2003). Maximizing the spread
       of influence through a social network. *Proceedings of KDD 2003*,
       137-146.
    .. [2] Granovetter, M. (1978). Threshold models of collective behavior.
       *American Journal of Sociology* 83(6), 1420-1443.
    .. [3] East, R., Hammond, K., Wright, M. (2007). The relative incidence
       of positive and negative word of mouth: a multi-category study.
       *International Journal of Research in Marketing* 24(2), 175-184.
    .. [4] Baumeister, R. F., Bratslavsky, E., Finkenauer, C., Vohs, K. D.
       (2001). Bad is stronger than good. *Review of General Psychology*
       5(4), 323-370.

    Examples
    --------
    >>> import weakties
    >>> from weakties.scenarios import cascade
    >>> G = weakties.population(300, seed=1)
    >>> r = cascade(G, "influencers", seed=1, k=5, runs=3)
    >>> 0 < r.final_reach <= 1
    True
    >>> set(r.reached["tie"]) <= {"seed", "weak", "strong"}
    True
    """
    model = check_choice("model", model, MODELS)
    valence = check_choice("valence", valence, VALENCES)
    probability = check_number("probability", probability, 0.0, 1.0)
    runs = check_int("runs", runs, 1, 200)
    A = graph_arrays(G, "cascade")
    n = A.n
    if isinstance(seeds, str):
        rule = check_choice("seeds", seeds, SEED_RULES)
        k = check_int("k", k, 1, n)
        fixed = None
    elif isinstance(seeds, numbers.Integral) and not isinstance(seeds, bool):
        raise TypeError(f"seeds must be a list of people, 'influencers' or 'random', not the "
                        f"number {seeds}; to choose how many, use k={seeds}.")
    else:
        rule = "given"
        fixed = np.array([A.index[v] for v in check_nodes(G, seeds, "seeds")], dtype=np.int64)
        k = len(fixed)
    rng = make_rng(seed, "cascade")
    deg = A.degree
    if rule == "influencers":
        # Most ties first; equal degrees in a seeded random order.
        fixed = np.lexsort((rng.random(n), -deg))[:k]
    slot_s = A.strength[A.eid]
    row = np.repeat(np.arange(n), np.diff(A.indptr))
    if model == "independent":
        factor = NEGATIVE_PASS if valence == "negative" else 1.0
        p_slot = np.clip(probability * factor * (0.5 + slot_s), 0.0, 1.0)
    else:
        total = np.bincount(row, weights=slot_s, minlength=n)
        w_slot = slot_s / total[A.indices]   # influence of row on its neighbour
        if valence == "negative":
            w_slot = w_slot * NEGATIVE_WEIGHT

    adoption, reached, seed_rows = [], [], []
    for run in range(runs):
        start = fixed if fixed is not None else rng.choice(n, size=k, replace=False)
        step_of = np.full(n, -1, dtype=np.int64)
        via = np.full(n, -1, dtype=np.int64)
        via_s = np.full(n, np.nan)
        step_of[start] = 0
        frontier = np.asarray(start, dtype=np.int64)
        counts = [len(frontier)]
        if model == "threshold":
            theta = rng.random(n)
            pressure = np.zeros(n)
        step = 0
        while len(frontier):
            step += 1
            lens = A.indptr[frontier + 1] - A.indptr[frontier]
            slots = np.repeat(A.indptr[frontier], lens) + (
                np.arange(lens.sum()) - np.repeat(np.cumsum(lens) - lens, lens))
            src = np.repeat(frontier, lens)
            dst = A.indices[slots]
            if model == "independent":
                ok = (step_of[dst] < 0) & (rng.random(len(slots)) < p_slot[slots])
                cand = np.flatnonzero(ok)
                order = cand[rng.permutation(len(cand))]
                new, first = np.unique(dst[order], return_index=True)
                pick = order[first]
            else:
                np.add.at(pressure, dst, w_slot[slots])
                new = np.flatnonzero((step_of < 0) & (pressure >= theta))
                # Who tipped them: the strongest tie among this step's carriers.
                live = np.flatnonzero(np.isin(dst, new))
                order = live[np.lexsort((-slot_s[slots[live]], dst[live]))]
                _, first = np.unique(dst[order], return_index=True)
                pick = order[first]
                new = dst[pick]
            if len(new) == 0:
                break
            step_of[new] = step
            via[new] = src[pick]
            via_s[new] = slot_s[slots[pick]]
            counts.append(len(new))
            frontier = new
        total_reached = np.cumsum(counts)
        adoption.append(pd.DataFrame({"run": run, "step": np.arange(len(counts)),
                                      "new": counts, "reached": total_reached,
                                      "share": total_reached / n}))
        who = np.flatnonzero(step_of >= 0)
        reached.append((run, who, step_of[who], via[who], via_s[who]))
        seed_rows.append((run, np.asarray(start)))

    nodes = np.array(A.nodes, dtype=object)
    parts = []
    for run, who, st, vi, vs in reached:
        tie = np.where(vi < 0, "seed",
                       np.where(vs >= _ties.STRONG_THRESHOLD, "strong", "weak"))
        parts.append(pd.DataFrame({
            "run": run, "person": nodes[who], "step": st,
            "via": np.where(vi >= 0, nodes[np.maximum(vi, 0)], None), "strength": vs,
            "tie": tie.astype(str)}))
    reached_df = pd.concat(parts, ignore_index=True).sort_values(
        ["run", "step", "person"], kind="stable").reset_index(drop=True)
    seeds_df = pd.DataFrame({
        "run": np.concatenate([np.full(len(s), r) for r, s in seed_rows]),
        "person": nodes[np.concatenate([s for _, s in seed_rows])],
        "degree": deg[np.concatenate([s for _, s in seed_rows])]})
    params = {"seeds": k, "seed_rule": rule, "model": model, "valence": valence,
              "seed": seed, "probability": probability, "runs": runs}
    return CascadeResult(params=params, adoption=pd.concat(adoption, ignore_index=True),
                         reached=reached_df, seeds=seeds_df)
