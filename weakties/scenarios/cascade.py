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
from ..i18n import N_, gettext
from ..plotting import style_axes
from ._common import (ScenarioResult, check_choice, check_int, check_nodes, check_number,
                      graph_arrays, make_rng, new_axes, style)

__all__ = ["cascade", "bad_news_sweep", "CascadeResult", "MODELS", "VALENCES",
           "SEED_RULES", "NEGATIVE_PASS", "NEGATIVE_WEIGHT"]

MODELS = ("independent", "threshold")
VALENCES = ("positive", "negative")
#: Named ways to choose the seeds when no list of people is given.
SEED_RULES = ("influencers", "random")
#: An assumption of the model, not a measured figure: negative word of mouth
#: is passed on this many times as often as positive word of mouth in the
#: independent cascade (0.5: half as often; positive word of mouth is the
#: more frequent, East, Hammond and Wright 2007). The ``negative_pass``
#: argument of :func:`cascade` changes it.
NEGATIVE_PASS = 0.5
#: An assumption of the model, not a measured figure: a negative message
#: weighs this many times as much as a positive one in the linear threshold
#: model (bad news stands out, Baumeister et al. 2001; by how much in word of
#: mouth is not known). The ``negative_weight`` argument of :func:`cascade`
#: changes it, and :func:`bad_news_sweep` shows what it decides.
NEGATIVE_WEIGHT = 1.2
#: The range the two assumptions above may take.
_FACTOR_RANGE = (0.0, 3.0)


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

    def mean_curve(self) -> np.ndarray:
        """The share of the population reached after each step, mean over the runs.

        A run that ended early keeps its final share for the later steps.

        Returns
        -------
        numpy.ndarray
            One share (0 to 1) per step, from step 0 (the seeds) to the last
            step of the longest run.
        """
        a = self.adoption
        steps = int(a["step"].max())
        full = []
        for _, d in a.groupby("run"):
            s = d.set_index("step")["share"].reindex(range(steps + 1)).ffill()
            full.append(s.to_numpy())
        return np.mean(full, axis=0)

    def label(self, lang=None) -> str:
        """The curve's name in the legend: valence, model and seeds, in ``lang``."""
        p = self.params
        return gettext(N_("{valence} message, {model}, seeds: {seeds}"), lang).format(
            valence=gettext(_VALENCE_NAMES[p["valence"]], lang),
            model=gettext(_MODEL_NAMES[p["model"]], lang),
            seeds=gettext(_SEED_NAMES.get(p["seed_rule"], p["seed_rule"]), lang))

    def plot(self, ax=None, lang=None, label=None, index=0, title=None):
        """Share of the population reached, step by step (mean over the runs).

        Parameters
        ----------
        ax : matplotlib.axes.Axes, optional
        lang : str, optional
            The language of the labels (:mod:`weakties.i18n`).
        label : str, optional
            The curve's name in the legend (default :meth:`label`).
        index : int, default 0
            Which colour, marker and line style of the course's series to
            use, so that several curves on one picture differ without colour.
        title : str, optional
            Instead of the default title.

        Returns
        -------
        matplotlib.axes.Axes
        """
        ax = new_axes(ax)
        mean = self.mean_curve() * 100
        ax.plot(np.arange(len(mean)), mean, label=label or self.label(lang), **style(index))
        ax.legend(frameon=False)
        style_axes(ax, title or gettext(N_("How far the message spreads"), lang),
                   gettext(N_("step"), lang),
                   gettext(N_("share of the population reached (%)"), lang))
        return ax


_VALENCE_NAMES = {"positive": N_("positive"), "negative": N_("negative")}
_MODEL_NAMES = {"independent": N_("independent cascade"), "threshold": N_("linear threshold")}
_SEED_NAMES = {"influencers": N_("influencers"), "random": N_("chosen at random"),
               "given": N_("given")}


def cascade(G, seeds, *, model="independent", valence="positive", seed, k=10,
            probability=0.035, runs=10, negative_pass=NEGATIVE_PASS,
            negative_weight=NEGATIVE_WEIGHT) -> CascadeResult:
    """Simulate word of mouth spreading from a few people through the network.

    In plain words: what is said about you, or about your company, travels
    from person to person. A message started by well-connected people
    (influencers) starts wider than one started by people chosen at random.
    Whether bad news travels less or further than good news is not a result
    of this simulation but one of its assumptions, set by two numbers you
    can change: how often a bad message is passed on (``negative_pass``)
    and how much it weighs (``negative_weight``).

    **Models** (Kempe, Kleinberg and Tardos 2003):

    - ``"independent"`` (independent cascade): a person who has just heard
      the message passes it to each contact who has not, once, with
      probability ``probability x (0.5 + strength)``: the model assumes that
      closer contacts listen more. A negative message is passed on with
      that probability times ``negative_pass`` (default
      :data:`NEGATIVE_PASS`, 0.5: half as often, because positive word of
      mouth is the more frequent, East, Hammond and Wright 2007).
    - ``"threshold"`` (linear threshold): each person has a threshold drawn
      uniformly in [0, 1] and adopts the message once the strength of their
      ties to people who carry it, divided by the strength of all their
      ties, reaches it. A negative message weighs ``negative_weight`` times
      as much as a positive one (default :data:`NEGATIVE_WEIGHT`, 1.2: the
      model assumes that bad news stands out, after Baumeister et al. 2001).
      With a weight of 1, good and bad news spread exactly alike. A weight
      above 1 lets the pressure on a person exceed 1, above every
      threshold, so a little extra weight can tip a whole population: the
      result hinges on this one number (see :func:`bad_news_sweep`).

    Seeds: a list of people, or ``"influencers"`` (the ``k`` people with the
    most ties) or ``"random"`` (``k`` people drawn at random, anew in every
    run). The simulation is repeated ``runs`` times.

    **Assumptions.** Everyone reached passes the message on the same way;
    nobody forgets, checks or answers the message; one message at a time;
    the two numbers above, which decide how good and bad news differ.

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
    negative_pass : float in [0, 3], default :data:`NEGATIVE_PASS`
        How often a negative message is passed on, as a multiple of a
        positive one (independent cascade; used when ``valence`` is
        "negative").
    negative_weight : float in [0, 3], default :data:`NEGATIVE_WEIGHT`
        How much a negative message weighs, as a multiple of a positive one
        (threshold model; used when ``valence`` is "negative").

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

    With a weight of 1, bad news spreads exactly as good news does:

    >>> same = [cascade(G, "influencers", model="threshold", valence=v, seed=1,
    ...                 negative_weight=1.0).final_reach for v in ("positive", "negative")]
    >>> same[0] == same[1]
    True
    """
    model = check_choice("model", model, MODELS)
    valence = check_choice("valence", valence, VALENCES)
    probability = check_number("probability", probability, 0.0, 1.0)
    runs = check_int("runs", runs, 1, 200)
    negative_pass = check_number("negative_pass", negative_pass, *_FACTOR_RANGE)
    negative_weight = check_number("negative_weight", negative_weight, *_FACTOR_RANGE)
    A = graph_arrays(G, "cascade")
    rule, k, fixed = _seeds(G, A, seeds, k)
    factor = (1.0 if valence == "positive" else
              negative_pass if model == "independent" else negative_weight)
    raw = _spread(A, model, rule, k, fixed, probability, factor, runs,
                  make_rng(seed, "cascade"))
    params = {"seeds": k, "seed_rule": rule, "model": model, "valence": valence,
              "seed": seed, "probability": probability, "runs": runs}
    if valence == "negative":
        params["negative_pass" if model == "independent" else "negative_weight"] = factor
    return _result(A, raw, params)


def bad_news_sweep(G, values, *, model="threshold", seeds="influencers", seed, k=10,
                   probability=0.035, runs=10):
    """How far good and bad news go, for each value of the assumption that tells them apart.

    In plain words: the simulation does not discover that bad news travels
    further or less far than good news; it assumes it, through one number
    (how much a bad message weighs in the threshold model, how often it is
    passed on in the independent cascade). This function runs the same
    cascade for several values of that number, so that you can see how much
    the answer depends on it.

    For each value, :func:`cascade` runs the negative message with
    ``negative_weight`` (``model="threshold"``) or ``negative_pass``
    (``model="independent"``) set to it; the positive message, which does
    not depend on the value, is run once. The population is read once, so a
    sweep costs little more than its cascades. Every figure is the one
    :func:`cascade` gives with the same arguments.

    Parameters
    ----------
    G : networkx.Graph
        A population from :func:`weakties.population`. Not modified.
    values : sequence of float in [0, 3]
        The values of the assumption to try (1 means "like good news").
    model : {"threshold", "independent"}, default "threshold"
    seeds, seed, k, probability, runs
        As in :func:`cascade`.

    Returns
    -------
    pandas.DataFrame
        One row per value, in the order given: ``value``, ``positive`` and
        ``negative`` (the mean share of the population reached by each
        message, over the runs).

    References
    ----------
    .. [1] Kempe, D., Kleinberg, J., Tardos, É. (2003). Maximizing the spread
       of influence through a social network. *Proceedings of KDD 2003*,
       137-146.
    .. [2] Baumeister, R. F., Bratslavsky, E., Finkenauer, C., Vohs, K. D.
       (2001). Bad is stronger than good. *Review of General Psychology*
       5(4), 323-370.

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(300, seed=1)
    >>> table = bad_news_sweep(G, [1.0, 1.5], seed=1, runs=3)
    >>> list(table.columns)
    ['value', 'positive', 'negative']
    >>> bool(table["negative"].iloc[0] == table["positive"].iloc[0])
    True
    >>> bool(table["negative"].iloc[1] >= table["negative"].iloc[0])
    True
    """
    model = check_choice("model", model, MODELS)
    probability = check_number("probability", probability, 0.0, 1.0)
    runs = check_int("runs", runs, 1, 200)
    if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
        raise TypeError(gettext(N_("values must be a list of numbers, for example "
                                   "[1.0, 1.1, 1.2].")))
    values = [check_number("each value", v, *_FACTOR_RANGE) for v in values]
    if not values:
        raise ValueError(gettext(N_("values is empty: give at least one number, for example "
                                    "[1.0, 1.2].")))
    A = graph_arrays(G, "bad_news_sweep")
    rule, k, fixed = _seeds(G, A, seeds, k)

    def reach(factor):
        raw = _spread(A, model, rule, k, fixed, probability, factor, runs,
                      make_rng(seed, "cascade"))
        return float(np.mean([counts.sum() / A.n for *_, counts in raw]))

    positive = reach(1.0)
    return pd.DataFrame({"value": values, "positive": positive,
                         "negative": [reach(v) for v in values]})


def _seeds(G, A, seeds, k):
    """(rule, k, fixed indices or None) from the ``seeds`` argument of :func:`cascade`."""
    if isinstance(seeds, str):
        rule = check_choice("seeds", seeds, SEED_RULES)
        return rule, check_int("k", k, 1, A.n), None
    if isinstance(seeds, numbers.Integral) and not isinstance(seeds, bool):
        raise TypeError(gettext(N_("seeds must be a list of people, 'influencers' or "
                                   "'random', not the number {seeds}; to choose how many, "
                                   "use k={seeds}.")).format(seeds=seeds))
    fixed = np.array([A.index[v] for v in check_nodes(G, seeds, "seeds")], dtype=np.int64)
    return "given", len(fixed), fixed


def _spread(A, model, rule, k, fixed, probability, factor, runs, rng):
    """Run the cascade ``runs`` times; one tuple of arrays per run.

    ``factor`` multiplies the chance of passing the message on
    (independent cascade) or its weight (threshold model): 1 for a
    positive message. Each tuple is ``(start, step_of, via, via_strength,
    counts)``: the seeds, each person's step (-1 if never reached), who
    passed it to them, the strength of that tie, and how many people were
    reached at each step.
    """
    n = A.n
    deg = A.degree
    if rule == "influencers":
        # Most ties first; equal degrees in a seeded random order.
        fixed = np.lexsort((rng.random(n), -deg))[:k]
    slot_s = A.strength[A.eid]
    row = np.repeat(np.arange(n), np.diff(A.indptr))
    if model == "independent":
        p_slot = np.clip(probability * factor * (0.5 + slot_s), 0.0, 1.0)
    else:
        total = np.bincount(row, weights=slot_s, minlength=n)
        w_slot = slot_s / total[A.indices] * factor   # influence of row on its neighbour

    out = []
    for _ in range(runs):
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
                tipped = (step_of < 0) & (pressure >= theta)
                # Who tipped them: the strongest tie among this step's carriers.
                live = np.flatnonzero(tipped[dst])
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
        out.append((np.asarray(start), step_of, via, via_s, np.asarray(counts)))
    return out


def _result(A, raw, params) -> CascadeResult:
    """The tidy tables of a :class:`CascadeResult` from the runs of :func:`_spread`."""
    n = A.n
    nodes = np.array(A.nodes, dtype=object)
    adoption, parts = [], []
    for run, (start, step_of, via, via_s, counts) in enumerate(raw):
        total_reached = np.cumsum(counts)
        adoption.append(pd.DataFrame({"run": run, "step": np.arange(len(counts)),
                                      "new": counts, "reached": total_reached,
                                      "share": total_reached / n}))
        who = np.flatnonzero(step_of >= 0)
        vi, vs = via[who], via_s[who]
        tie = np.where(vi < 0, "seed",
                       np.where(vs >= _ties.STRONG_THRESHOLD, "strong", "weak"))
        parts.append(pd.DataFrame({
            "run": run, "person": nodes[who], "step": step_of[who],
            "via": np.where(vi >= 0, nodes[np.maximum(vi, 0)], None), "strength": vs,
            "tie": tie.astype(str)}))
    reached_df = pd.concat(parts, ignore_index=True).sort_values(
        ["run", "step", "person"], kind="stable").reset_index(drop=True)
    starts = [start for start, *_ in raw]
    seeds_df = pd.DataFrame({
        "run": np.concatenate([np.full(len(s), r) for r, s in enumerate(starts)]),
        "person": nodes[np.concatenate(starts)],
        "degree": A.degree[np.concatenate(starts)]})
    return CascadeResult(params=params, adoption=pd.concat(adoption, ignore_index=True),
                         reached=reached_df, seeds=seeds_df)
