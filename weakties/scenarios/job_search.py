"""Job search through contacts: who passes a lead, and who gets the job.

The lesson ``course/07-job-search.ipynb`` runs this simulation; its exercise
is ``exercises/07-job-search/``.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd

from .. import ties as _ties
from ..plotting import style_axes
from ._common import (ScenarioResult, check_choice, check_fraction, check_int,
                      check_nodes, graph_arrays, make_rng, new_axes, style)

__all__ = ["job_search", "JobSearchResult", "STRATEGIES", "GRANOVETTER_BANDS"]

#: Who a seeker asks for leads.
STRATEGIES = ("strong", "everyone", "weak", "targeted")
#: Granovetter (1974): how often job finders saw the contact who told them of
#: their job (professional, technical and managerial workers, N = 54).
GRANOVETTER_BANDS = {"often": 0.167, "occasionally": 0.556, "rarely": 0.278}
_BANDS = ("often", "occasionally", "rarely")
_MUTUAL_CAP = 10  # "10 or more" in the tables by number of mutual contacts

# Model constants (see the docstring of job_search).
_REDUNDANCY = 0.05      # chance that one mutual contact already told the seeker
_SAME_WORLD = 3.0       # novelty (1 - strength) ** _SAME_WORLD: strong ties share worlds
_TRUST_STRENGTH = 0.5   # willingness: weight of tie strength
_TRUST_MUTUAL = 0.35    # willingness: weight of each mutual contact (embeddedness)
_WILLING_FLOOR = 0.05   # willingness of a stranger-like tie
_OTHER_SECTOR_FIT = 0.1  # chance that an opening in another sector suits the seeker


@dataclasses.dataclass(repr=False)
class JobSearchResult(ScenarioResult):
    """What happened to the seekers of :func:`job_search`.

    Attributes
    ----------
    leads : pandas.DataFrame
        One row per lead passed: ``round``, ``seeker``, ``contact``,
        ``strength``, ``mutual`` (contacts the two share), ``frequency``
        (times a year they see each other), ``frequency_band`` ("often",
        "occasionally", "rarely"), ``context`` (how the tie began),
        ``sector`` (of the opening), ``fits_target`` (bool), ``hired`` (bool).
    asked : pandas.DataFrame
        One row per tie a seeker asked at least once: ``seeker``,
        ``contact``, ``strength``, ``mutual``, ``frequency_band``,
        ``asks``, ``leads``, ``hired``.
    seekers : pandas.DataFrame
        One row per seeker: ``seeker``, ``target`` (sector), ``pool`` (ties
        the strategy lets them ask), ``asks``, ``leads``, ``hired``,
        ``round_hired``, ``via`` (the contact who passed the lead; -1 if
        none).
    """

    leads: pd.DataFrame
    asked: pd.DataFrame
    seekers: pd.DataFrame

    title = "Job search"

    def leads_per_tie(self) -> pd.DataFrame:
        """Leads per tie asked, by number of mutual contacts (the inverted U).

        Returns a DataFrame with ``mutual`` (``10`` stands for 10 or
        more), ``ties`` (ties asked), ``asks``, ``leads``, ``leads_per_tie``
        and ``leads_per_ask``.
        """
        a = self.asked.assign(mutual=self.asked["mutual"].clip(upper=_MUTUAL_CAP))
        g = a.groupby("mutual").agg(ties=("contact", "size"), asks=("asks", "sum"),
                                    leads=("leads", "sum")).reset_index()
        g["leads_per_tie"] = g["leads"] / g["ties"]
        g["leads_per_ask"] = g["leads"] / g["asks"]
        return g

    def hires_by_band(self) -> pd.DataFrame:
        """Hires by how often the seeker saw the contact, next to Granovetter's figures.

        Returns a DataFrame with ``frequency_band``, ``hires``, ``share`` and
        ``granovetter`` (the share Granovetter 1974 found).
        """
        h = self.leads[self.leads["hired"]]
        counts = h["frequency_band"].value_counts()
        total = int(counts.sum())
        rows = [{"frequency_band": b, "hires": int(counts.get(b, 0)),
                 "share": counts.get(b, 0) / total if total else np.nan,
                 "granovetter": GRANOVETTER_BANDS[b]} for b in _BANDS]
        return pd.DataFrame(rows)

    def summary_lines(self):
        s = self.seekers
        hired = int(s["hired"].sum())
        lines = [f"{hired} of {len(s)} seekers hired ({hired / len(s):.0%}) "
                 f"after {int(s['asks'].sum())} requests and {len(self.leads)} leads."]
        bands = self.hires_by_band()
        if hired:
            lines.append("hires by how often the contact was seen: " + ", ".join(
                f"{r.frequency_band} {r.share:.0%} (Granovetter {r.granovetter:.0%})"
                for r in bands.itertuples()))
        lpt = self.leads_per_tie()
        if len(lpt) and lpt["leads"].sum():
            best = lpt.loc[lpt["leads_per_tie"].idxmax()]
            lines.append(f"leads per tie peak at {int(best['mutual'])} mutual contacts "
                         f"({best['leads_per_tie']:.2f} leads per tie asked).")
        return lines

    def plot(self, ax=None, kind="mutual"):
        """Draw the result.

        Parameters
        ----------
        ax : matplotlib Axes, optional
        kind : {"mutual", "bands", "hires"}
            "mutual": leads per tie against mutual contacts (the inverted U);
            "bands": hires by how often the contact was seen, next to
            Granovetter's figures; "hires": share of seekers hired by round.

        Returns
        -------
        matplotlib.axes.Axes
        """
        kind = check_choice("kind", kind, ("mutual", "bands", "hires"))
        ax = new_axes(ax)
        strategy = self.params["strategy"]
        if kind == "mutual":
            t = self.leads_per_tie()
            st = style(0)
            ax.plot(t["mutual"], t["leads_per_tie"], label=f"strategy: {strategy}", **st)
            ticks = list(range(_MUTUAL_CAP + 1))
            ax.set_xticks(ticks, [str(x) if x < _MUTUAL_CAP else f"{x}+" for x in ticks])
            ax.legend(frameon=False)
            style_axes(ax, "Leads per tie asked, by number of mutual contacts",
                       "mutual contacts shared with the seeker", "leads per tie asked")
        elif kind == "bands":
            t = self.hires_by_band()
            x = np.arange(len(t))
            a, b = style(0), style(4)
            ax.bar(x - 0.2, t["share"] * 100, 0.4, color=a["color"], hatch="//",
                   edgecolor="black", label="this simulation")
            ax.bar(x + 0.2, t["granovetter"] * 100, 0.4, color=b["color"], hatch="..",
                   edgecolor="black", label="Granovetter (1974)")
            ax.set_xticks(x, ["often\n(twice a week or more)", "occasionally",
                              "rarely\n(once a year or less)"])
            ax.legend(frameon=False)
            style_axes(ax, "How often job finders saw the contact who told them",
                       "how often the seeker saw the contact", "share of hires (%)")
        else:
            s = self.seekers
            rounds = self.params["rounds"]
            r = np.arange(0, rounds + 1)
            share = [(s["round_hired"].between(1, k)).mean() * 100 for k in r]
            ax.plot(r, share, label=f"strategy: {strategy}", **style(0))
            ax.legend(frameon=False)
            style_axes(ax, "Seekers hired over time", "round (month)",
                       "share of seekers hired (%)")
        return ax


def _willing(strength, mutual):
    trust = 1.0 - np.exp(-(_TRUST_STRENGTH * strength + _TRUST_MUTUAL * mutual))
    return _WILLING_FLOOR + (1.0 - _WILLING_FLOOR) * trust


def _novel(strength, mutual):
    return (1.0 - _REDUNDANCY) ** mutual * (1.0 - strength) ** _SAME_WORLD


def job_search(G, seekers, *, rounds=12, seed, strategy="everyone", target=None,
               asks=3, openings=0.5, hire_rate=0.5) -> JobSearchResult:
    """Simulate people looking for a job through their contacts.

    In plain words: each month, some of your contacts hear of a job opening
    where they work. If you ask them, they may tell you about it. A close
    friend wants to help but usually knows the same things as you; a
    distant acquaintance knows about other worlds but may not bother. The
    contacts who help most sit in between: not too close, not too far.
    Asking acquaintances who work in the sector you want beats asking your
    family and close friends.

    **Model.** Every round (a month), each seeker who has no job yet asks
    ``asks`` of their contacts, chosen by ``strategy``, cycling through
    them in a fixed random order. An asked contact knows of an opening at
    their own employer, in their own sector, with probability
    ``openings``, and passes it on with probability
    ``novelty x willingness``:

    - *novelty*, the chance that the seeker has not heard of it already,
      ``(1 - 0.05) ** mutual x (1 - strength) ** 3``: each mutual contact
      may already have told the seeker, and a strong tie lives in the
      seeker's world (Granovetter 1973);
    - *willingness*, ``0.05 + 0.95 x (1 - exp(-(0.5 x strength + 0.35 x
      mutual)))``: people help those they are close to, and those their own
      contacts can vouch for (embeddedness); even a near-stranger helps
      now and then.

    Novelty falls and willingness rises with the number of mutual contacts,
    so leads per tie follow an inverted U in mutual contacts, as Rajkumar et
    al. (2022) found on LinkedIn. A lead gives a hire with probability
    ``hire_rate`` if the opening is in the seeker's target sector, and 0.1
    times that otherwise. A hired seeker stops searching.

    **Assumptions.** Openings are in the contact's own sector; the seeker
    applies to every lead; contacts not asked say nothing; one hire ends
    the search.

    **What it gives** with the default population (about 30 ties a person,
    0 to about 13 mutual contacts per tie). Leads per tie peak at about 2
    to 4 mutual contacts, lower than the peak of about 10 on LinkedIn,
    whose members have hundreds of connections: the peak sits at a similar
    *share* of one's contacts. Asking everyone, hires come through contacts
    seen often, occasionally and rarely in about 8-12%, 60-68% and 22-30%
    of cases, against Granovetter's 16.7%, 55.6% and 27.8%: here the people
    one sees twice a week or more are mostly current colleagues, who share
    the seeker's world. Weak ties chosen for the target job bring about
    three times as many hires as strong ties.

    Parameters
    ----------
    G : networkx.Graph
        A population from :func:`weakties.population`. Not modified.
    seekers : list of nodes
        The people looking for a job (at least one).
    rounds : int, default 12
        Months of search, 1 to 240.
    seed : int or str
        Same seed, same result.
    strategy : {"everyone", "strong", "weak", "targeted"}, default "everyone"
        Whom to ask: all contacts; strong ties only (strength at least
        :data:`weakties.ties.STRONG_THRESHOLD`); weak ties only; or weak ties
        chosen for the target job (those who work in the target sector
        first, then the other weak ties).
    target : str, optional
        The sector each seeker wants; default: their own sector.
    asks : int, default 3
        Contacts each seeker asks per round, 1 to 100.
    openings : float in [0, 1], default 0.5
        Chance that an asked contact knows of an opening this round.
    hire_rate : float in [0, 1], default 0.5
        Chance that a lead in the target sector ends in a hire.

    Returns
    -------
    JobSearchResult
        ``.leads`` (one row per lead), ``.asked`` (one row per tie asked),
        ``.seekers`` (one row per seeker), ``.leads_per_tie()``,
        ``.hires_by_band()`` and ``.plot(kind=...)``.

    Raises
    ------
    networkx.NodeNotFound
        A seeker who is not in ``G``.
    ValueError
        No seekers, an unknown strategy or target sector, a parameter out
        of range.

    References
    ----------
    .. [1] Granovetter, M. S. (1973). The strength of weak ties. *American
       Journal of Sociology* 78(6), 1360-1380.
    .. [2] Granovetter, M. S. (1974). *Getting a Job*. Harvard University
       Press. (16.7% of job finders saw the contact often, 55.6%
       occasionally, 27.8% rarely.)
    .. [3] Rajkumar, K., Saint-Jacques, G., Bojinov, I., Brynjolfsson, E.,
       Aral, S. (2022). A causal test of the strength of weak ties.
       *Science* 377(6612), 1304-1310.
    .. [4] Calvó-Armengol, A., Jackson, M. O. (2004). The effects of social
       networks on employment and inequality. *American Economic Review*
       94(3), 426-454.

    Examples
    --------
    >>> import weakties
    >>> from weakties.scenarios import job_search
    >>> G = weakties.population(300, seed=1)
    >>> r = job_search(G, range(50), rounds=6, seed=1, strategy="targeted")
    >>> set(r.leads.columns) >= {"seeker", "contact", "strength", "mutual",
    ...                          "frequency_band", "hired"}
    True
    >>> int(r.leads["hired"].sum()) == int(r.seekers["hired"].sum())
    True
    """
    seekers = check_nodes(G, seekers, "seekers")
    rounds = check_int("rounds", rounds, 1, 240)
    strategy = check_choice("strategy", strategy, STRATEGIES)
    asks = check_int("asks", asks, 1, 100)
    openings = check_fraction("openings", openings)
    hire_rate = check_fraction("hire_rate", hire_rate)
    A = graph_arrays(G, "job_search")
    sector = A.require("sector", "job_search")
    if target is not None:
        labels = A.labels["sector"]
        target_name = check_choice("target", target, labels)
        target_code = labels.index(target_name)
    rng = make_rng(seed, "job_search")

    s_idx = np.array([A.index[v] for v in seekers], dtype=np.int64)
    n_s = len(s_idx)
    tgt = sector[s_idx] if target is None else np.full(n_s, target_code)

    # Each seeker's pool: CSR slots of the ties the strategy lets them ask,
    # in the order they will be asked.
    slot_strength = A.strength[A.eid]
    pools = []
    for k, i in enumerate(s_idx.tolist()):
        slots = np.arange(A.indptr[i], A.indptr[i + 1])
        key = rng.random(len(slots))
        strong = slot_strength[slots] >= _ties.STRONG_THRESHOLD
        if strategy == "strong":
            slots, key = slots[strong], key[strong]
        elif strategy in ("weak", "targeted"):
            slots, key = slots[~strong], key[~strong]
        if strategy == "targeted":
            # Weak ties in the target sector first.
            key = key - (sector[A.indices[slots]] == tgt[k])
        pools.append(slots[np.argsort(key, kind="stable")])
    pool_len = np.array([len(p) for p in pools], dtype=np.int64)

    active = np.ones(n_s, dtype=bool)
    round_hired = np.zeros(n_s, dtype=np.int64)
    via = np.full(n_s, -1, dtype=np.int64)
    ask_rows, lead_rows = [], []
    for r in range(1, rounds + 1):
        who = np.flatnonzero(active & (pool_len > 0))
        if len(who) == 0:
            break
        per = np.minimum(asks, pool_len[who])
        owner = np.repeat(who, per)
        offset = np.arange(len(owner)) - np.repeat(np.cumsum(per) - per, per)
        pos = ((r - 1) * np.minimum(asks, pool_len[owner]) + offset) % pool_len[owner]
        slots = np.fromiter((pools[o][p] for o, p in zip(owner.tolist(), pos.tolist())),
                            dtype=np.int64, count=len(owner))
        e = A.eid[slots]
        contact = A.indices[slots]
        ask_rows.append((owner, slots))
        knows = rng.random(len(slots)) < openings
        p_pass = _novel(A.strength[e], A.mutual[e]) * _willing(A.strength[e], A.mutual[e])
        passed = knows & (rng.random(len(slots)) < p_pass)
        fits = sector[contact] == tgt[owner]
        p_hire = hire_rate * np.where(fits, 1.0, _OTHER_SECTOR_FIT)
        hire = passed & (rng.random(len(slots)) < p_hire)
        # One hire per seeker: the first successful lead in asking order.
        hired_now = np.zeros(len(slots), dtype=bool)
        if hire.any():
            cand = np.flatnonzero(hire)
            _, first = np.unique(owner[cand], return_index=True)
            hired_now[cand[first]] = True
            active[owner[cand[first]]] = False
            round_hired[owner[cand[first]]] = r
            via[owner[cand[first]]] = contact[cand[first]]
        sel = np.flatnonzero(passed)
        lead_rows.append(pd.DataFrame({
            "round": r, "seeker_i": owner[sel], "contact_i": contact[sel], "e": e[sel],
            "sector_i": sector[contact[sel]], "fits_target": fits[sel],
            "hired": hired_now[sel]}))

    nodes = np.array(A.nodes, dtype=object)
    band = np.array([_ties.frequency_band(f) if f == f else "unknown" for f in A.frequency],
                    dtype=object) if A.m else np.array([], dtype=object)
    ctx = np.array(list(_ties.CONTEXTS) + ["unknown"], dtype=object)[A.context]
    sector_labels = np.array(A.labels["sector"], dtype=object)

    if lead_rows:
        L = pd.concat(lead_rows, ignore_index=True)
    else:
        L = pd.DataFrame({k: pd.Series(dtype=t) for k, t in (
            ("round", int), ("seeker_i", int), ("contact_i", int), ("e", int),
            ("sector_i", int), ("fits_target", bool), ("hired", bool))})
    le = L["e"].to_numpy(dtype=np.int64)
    leads = pd.DataFrame({
        "round": L["round"].to_numpy(dtype=np.int64),
        "seeker": nodes[s_idx[L["seeker_i"].to_numpy(dtype=np.int64)]],
        "contact": nodes[L["contact_i"].to_numpy(dtype=np.int64)],
        "strength": A.strength[le],
        "mutual": A.mutual[le],
        "frequency": A.frequency[le],
        "frequency_band": band[le],
        "context": ctx[le],
        "sector": sector_labels[L["sector_i"].to_numpy(dtype=np.int64)],
        "fits_target": L["fits_target"].to_numpy(dtype=bool),
        "hired": L["hired"].to_numpy(dtype=bool),
    })

    if ask_rows:
        owner = np.concatenate([a for a, _ in ask_rows])
        slots = np.concatenate([b for _, b in ask_rows])
    else:
        owner = slots = np.empty(0, dtype=np.int64)
    key = owner * (len(A.indices) + 1) + slots
    uniq, n_asks = np.unique(key, return_counts=True)
    u_owner = uniq // (len(A.indices) + 1)
    u_slot = uniq % (len(A.indices) + 1)
    # Leads per (seeker, tie): match on (seeker, edge).
    ask_pair = u_owner * max(A.m, 1) + A.eid[u_slot]
    lead_pair = L["seeker_i"].to_numpy(dtype=np.int64) * max(A.m, 1) + le
    lead_count = pd.Series(lead_pair).value_counts()
    hired_pair = set(lead_pair[L["hired"].to_numpy(dtype=bool)].tolist())
    ue = A.eid[u_slot]
    asked = pd.DataFrame({
        "seeker": nodes[s_idx[u_owner]],
        "contact": nodes[A.indices[u_slot]],
        "strength": A.strength[ue],
        "mutual": A.mutual[ue],
        "frequency_band": band[ue],
        "asks": n_asks.astype(np.int64),
        "leads": lead_count.reindex(ask_pair, fill_value=0).to_numpy(dtype=np.int64),
        "hired": np.array([p in hired_pair for p in ask_pair.tolist()], dtype=bool),
    })

    per_seeker_asks = np.bincount(u_owner, weights=n_asks, minlength=n_s).astype(np.int64)
    per_seeker_leads = np.bincount(L["seeker_i"].to_numpy(dtype=np.int64),
                                   minlength=n_s).astype(np.int64)
    seekers_df = pd.DataFrame({
        "seeker": nodes[s_idx],
        "target": sector_labels[tgt],
        "pool": pool_len,
        "asks": per_seeker_asks,
        "leads": per_seeker_leads,
        "hired": round_hired > 0,
        "round_hired": round_hired,
        "via": np.where(via >= 0, nodes[np.maximum(via, 0)], -1),
    })
    params = {"seekers": n_s, "rounds": rounds, "seed": seed, "strategy": strategy,
              "target": target, "asks": asks, "openings": openings, "hire_rate": hire_rate}
    return JobSearchResult(params=params, leads=leads, asked=asked, seekers=seekers_df)
