"""Engagement and reputation: the engagement triangle and augmented transparency.

The lesson ``course/06-engagement-and-reputation.ipynb`` runs this simulation;
its exercise is ``exercises/06-engagement-and-reputation/``.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd

from .. import ties as _ties
from ..i18n import N_, decimal, gettext, number, percent
from ..plotting import style_axes
from ._common import (ScenarioResult, check_choice, check_fraction,
                      check_int, check_number, graph_arrays, make_rng, new_axes, style)

__all__ = ["reputation", "ReputationResult", "CLASSES", "class_of", "SOURCES"]

#: Reliability classes by mean reliability on the three commitments.
CLASSES = ("unreliable", "average", "reliable")
_BOUNDS = (0.6, 0.85)  # below 0.6: unreliable; 0.85 and above: reliable
_DEPTH_WEIGHT = (1.0, 1.0, 0.5, 0.25)  # own experience, 1, 2, 3 steps away
#: Where a report heard by a client comes from, in :attr:`ReputationResult.sources`.
SOURCES = ("own experience", "strong tie", "weak tie", "contact of a contact",
           "three steps away")
_SOURCE_NAMES = {"own experience": N_("own experience"), "strong tie": N_("strong tie"),
                 "weak tie": N_("weak tie"), "contact of a contact": N_("contact of a contact"),
                 "three steps away": N_("three steps away")}


def class_of(mean_reliability):
    """Reliability class of a mean reliability in [0, 1].

    "unreliable" below 0.6, "reliable" from 0.85, "average" between.

    Examples
    --------
    >>> [class_of(x) for x in (0.4, 0.7, 0.9)]
    ['unreliable', 'average', 'reliable']
    """
    x = np.asarray(mean_reliability, dtype=float)
    out = np.searchsorted(np.array(_BOUNDS), x, side="right")
    if out.ndim == 0:
        return CLASSES[int(out)]
    return np.array(CLASSES, dtype=object)[out]


@dataclasses.dataclass(repr=False)
class ReputationResult(ScenarioResult):
    """Who got the business in :func:`reputation`, and how reputations spread.

    Attributes
    ----------
    business : pandas.DataFrame
        One row per period and reliability class: ``period``, ``class``,
        ``people`` (in the class), ``projects`` (won that period),
        ``share`` (of all projects that period) and ``relative`` (share
        divided by the class's share of people: 1 is a fair share).
    spread : pandas.DataFrame
        One row per period: ``period``, ``projects``, ``queries`` (candidates
        asked about), ``queries_unreliable``, ``warned`` (share of queries
        about an unreliable candidate that found a bad report),
        ``avoided_unreliable`` (share of unreliable candidates that were
        passed over), ``people_with_bad_experience`` (people who have had
        a partner break a commitment, so far).
    projects : pandas.DataFrame
        One row per project: ``period``, ``client``, ``partner``,
        ``partner_class``, ``asked`` (bool: the client asked the network),
        ``kept`` (commitments kept, 0 to 3).
    sources : pandas.DataFrame
        Who answered the clients who asked: one row per source (see
        :data:`SOURCES`: the client's own experience, a strong tie, a weak
        tie, a contact of a contact, someone three steps away):
        ``source``, ``reports`` (experiences of a candidate heard, one per
        person who had worked with them), ``warnings`` (of them, reports
        of a broken commitment), ``share`` (of all reports), ``asked``
        (for strong and weak ties: how many times a tie of that kind was
        asked about a candidate, one per tie and candidate; 0 otherwise)
        and ``per_tie`` (``reports / asked``: how often one tie of that
        kind knew the candidate).
    """

    business: pd.DataFrame
    spread: pd.DataFrame
    projects: pd.DataFrame
    sources: pd.DataFrame

    title = N_("Reputation")

    def trend(self, first=3, last=6) -> pd.DataFrame:
        """Relative business of each class in the first and the last periods.

        Returns a DataFrame with ``class``, ``start`` (mean over the first
        ``first`` periods), ``end`` (over the last ``last``), ``change``.
        """
        b = self.business
        p = b["period"].max()
        start = b[b["period"] <= first].groupby("class")["relative"].mean()
        end = b[b["period"] > p - last].groupby("class")["relative"].mean()
        t = pd.DataFrame({"start": start, "end": end}).reindex(list(CLASSES))
        t["change"] = t["end"] - t["start"]
        return t.reset_index().rename(columns={"index": "class"})

    def summary_lines(self):
        t = self.trend()
        dec = lambda x: decimal(x, 2) if x == x else "nan"  # noqa: E731
        pct = lambda x: percent(x) if x == x else "nan"  # noqa: E731
        lines = [gettext(N_("{projects} projects over {periods} periods; {ask} of clients ask "
                            "their network first.")).format(
            projects=number(len(self.projects)), periods=self.params["periods"],
            ask=pct(self.params["ask_share"]))]
        text = gettext(N_("{partners}: {start} of a fair share of business at the start, {end} "
                          "at the end"))
        for r in t.itertuples():
            lines.append(text.format(partners=gettext(_CLASS_LABELS.get(r[1], r[1])),
                                     start=dec(r.start), end=dec(r.end)))
        s = self.spread
        if len(s):
            lines.append(gettext(N_("queries about unreliable candidates that found a warning: "
                                    "{first} in period 1, {last} in period {period}")).format(
                first=pct(s["warned"].iloc[0]), last=pct(s["warned"].iloc[-1]),
                period=int(s["period"].iloc[-1])))
        return lines

    def plot(self, ax=None, kind="business", lang=None):
        """Draw the result.

        Parameters
        ----------
        ax : matplotlib Axes, optional
        kind : {"business", "spread", "sources"}
            "business": relative business of each reliability class by
            period; "spread": share of queries about unreliable candidates
            that found a warning, and share of those candidates passed over;
            "sources": who answered the clients who asked (share of the
            reports from each source).
        lang : str, optional
            Language of the labels (:mod:`weakties.i18n`).

        Returns
        -------
        matplotlib.axes.Axes
        """
        kind = check_choice("kind", kind, ("business", "spread", "sources"))
        ax = new_axes(ax)
        t = lambda text: gettext(text, lang)  # noqa: E731
        ask = percent(self.params["ask_share"], lang=lang)
        if kind == "business":
            for i, c in enumerate(CLASSES):
                d = self.business[self.business["class"] == c]
                ax.plot(d["period"], d["relative"], label=t(_CLASS_LABELS[c]), **style(i))
            ax.axhline(1.0, color="#555555", lw=0.8, ls=":")
            ax.legend(frameon=False)
            style_axes(ax, t(N_("Business by reliability ({ask} of clients ask their "
                                "network)")).format(ask=ask),
                       t(N_("month")), t(N_("share of projects / share of people (1 = fair)")))
        elif kind == "spread":
            s = self.spread
            ax.plot(s["period"], s["warned"] * 100, label=t(N_("queries that found a warning")),
                    **style(0))
            ax.plot(s["period"], s["avoided_unreliable"] * 100,
                    label=t(N_("unreliable candidates passed over")), **style(1))
            ax.legend(frameon=False)
            style_axes(ax, t(N_("How bad reputations spread ({ask} ask their network)"))
                       .format(ask=ask), t(N_("month")), t(N_("share (%)")))
        else:
            d = self.sources
            x = np.arange(len(d))
            hatches = ("", "//", "..", "xx", "\\\\")
            for i, row in enumerate(d.itertuples()):
                bars = ax.bar(x[i], row.share * 100, 0.6, color=style(i)["color"],
                              hatch=hatches[i], edgecolor="black",
                              label=t(_SOURCE_NAMES[row.source]))
                ax.bar_label(bars, labels=[percent(row.share, 1, lang=lang)
                                           if row.share == row.share else ""], fontsize=8)
            ax.set_xticks(x, [t(_SOURCE_NAMES[v]).replace(" ", "\n", 1) for v in d["source"]])
            ax.legend(frameon=False)
            style_axes(ax, t(N_("Who answered the clients who asked ({ask} ask)")).format(
                ask=ask), t(N_("who had worked with the candidate")),
                t(N_("share of the answers (%)")))
        return ax


_CLASS_LABELS = {"unreliable": N_("unreliable partners"), "average": N_("average partners"),
                 "reliable": N_("reliable partners")}


def reputation(G, *, periods=24, ask_share=0.5, seed, depth=2, demand=0.2,
               candidates=4, tolerance=0.75, candour=1.0) -> ReputationResult:
    """Simulate partners who keep or break their commitments, and clients who ask around.

    In plain words: when you work with partners, three things matter:
    respecting the client relation, respecting deadlines, and paying
    invoices. A partner who breaks one of them leaves a bad memory. More
    and more, before signing, people ask their network: "have you worked
    with them?". Then bad habits become known, and unreliable partners
    lose business while reliable ones gain it. The more people ask, the
    faster it goes. This rests on one assumption you can change: that
    people who had a bad experience say so when asked (``candour``).

    **Model.** Each person has a reliability on each commitment of the
    engagement triangle (the population's ``reliability``: client relation,
    deadlines, payment). Each period, each person starts a project with
    probability ``demand`` and considers ``candidates`` partners drawn at
    random from the population.

    - With probability ``ask_share`` the client *asks their network*: every
      person within ``depth`` steps who has worked with a candidate reports
      their last experience (the share of commitments kept); reports are
      averaged with weight 1 for the client's own experience and direct
      contacts, 0.5 two steps away and 0.25 three steps away. Candidates
      whose reported score is below ``tolerance`` are avoided; the client
      picks the best-rated of the others (unknown candidates count as
      just acceptable), or the best-rated of all if every one is avoided.
    - Otherwise the client relies on their own experience only: they avoid
      partners who failed them before and pick at random among the others.

    The partner keeps each commitment with probability equal to their
    reliability on it; the client remembers the share kept.

    Business volume per reliability class (unreliable: mean reliability
    below 0.6; reliable: 0.85 and above) is compared with the class's share
    of people. Unreliable partners lose business over time, faster the
    larger ``ask_share``.

    **Who answers.** :attr:`ReputationResult.sources` counts the reports
    clients heard by where they came from: their own experience, a strong
    or a weak tie (strength at least :data:`weakties.ties.STRONG_THRESHOLD`
    or not), a contact of a contact, someone three steps away. Since
    partners are drawn from anyone, one close contact has worked with a
    given candidate about as often as one acquaintance: weak ties and
    contacts of contacts answer most questions because there are many more
    of them, not because each one knows more.

    **Assumptions.** Partners are drawn from the whole population (any
    trade, whoever one knows); reports are honest; a client avoids a
    candidate whose reported score is below ``tolerance`` (0.75 by
    default: a partner who broke one commitment in three is avoided); one
    project per client and period; a partner can take any number of
    projects.

    Parameters
    ----------
    G : networkx.Graph
        A population from :func:`weakties.population`. Not modified.
    periods : int, default 24
        Periods (months), 1 to 240.
    ask_share : float in [0, 1], default 0.5
        Share of clients who ask their network before committing.
    seed : int or str
    depth : int, default 2
        How many steps a recommendation query travels, 1 to 3.
    demand : float in [0, 1], default 0.2
        Chance that a person starts a project in a period.
    candidates : int, default 4
        Partners a client considers, 1 to 50.
    tolerance : float in [0, 1], default 0.75
        Reported score under which a candidate is avoided.
    candour : float in [0, 1], default 1
        Share of people who, when asked about a partner who broke a
        commitment with them, say so; the others (drawn once, for the
        whole run) report every commitment kept, out of politeness or to
        avoid a conflict. A client's own memory is always candid. At 0,
        only one's own experience and nothing from the network warns.

    Returns
    -------
    ReputationResult
        ``.business``, ``.spread``, ``.projects``, ``.sources`` and
        ``.trend()``.

    Raises
    ------
    ValueError
        A parameter out of range, or a graph without reliabilities.

    References
    ----------
    .. [1] Granovetter, M. (1985). Economic action and social structure: the
       problem of embeddedness. *American Journal of Sociology* 91(3),
       481-510.
    .. [2] Burt, R. S. (2005). *Brokerage and Closure: An Introduction to
       Social Capital*. Oxford University Press (reputation travels through
       closed networks).
    .. [3] Raub, W., Weesie, J. (1990). Reputation and efficiency in social
       interactions: an example of network effects. *American Journal of
       Sociology* 96(3), 626-654.

    Examples
    --------
    >>> import weakties
    >>> from weakties.scenarios import reputation
    >>> G = weakties.population(300, seed=1)
    >>> r = reputation(G, periods=6, ask_share=0.8, seed=1)
    >>> sorted(r.business["class"].unique())
    ['average', 'reliable', 'unreliable']
    >>> bool((r.business.groupby("period")["share"].sum().round(9) == 1).all())
    True
    """
    periods = check_int("periods", periods, 1, 240)
    ask_share = check_fraction("ask_share", ask_share)
    depth = check_int("depth", depth, 1, 3)
    demand = check_fraction("demand", demand)
    candidates = check_int("candidates", candidates, 1, 50)
    tolerance = check_number("tolerance", tolerance, 0.0, 1.0)
    candour = check_fraction("candour", candour)
    A = graph_arrays(G, "reputation", need_reliability=True)
    rng = make_rng(seed, "reputation")
    n = A.n
    # Who says so when a partner failed them (a stream of its own, so that
    # every other draw is the same whatever the candour).
    candid = make_rng(seed, "reputation-candour").random(n) < candour
    rel = A.reliability
    klass = np.searchsorted(np.array(_BOUNDS), rel.mean(axis=1), side="right")  # class_of
    people_per_class = np.bincount(klass, minlength=3)
    indptr, indices = A.indptr, A.indices

    raters = [dict() for _ in range(n)]   # partner -> {client: last score}
    bad_seen = np.zeros(n, dtype=bool)    # has had a partner break a commitment
    nbrs = [set(indices[indptr[i]:indptr[i + 1]].tolist()) for i in range(n)]
    strong_slot = A.strength[A.eid] >= _ties.STRONG_THRESHOLD
    strong_nbrs = [set(indices[indptr[i]:indptr[i + 1]][strong_slot[indptr[i]:indptr[i + 1]]]
                       .tolist()) for i in range(n)]
    n_strong = np.array([len(x) for x in strong_nbrs], dtype=np.int64)
    n_weak = A.degree - n_strong
    acceptable = tolerance  # an unknown candidate counts as just acceptable
    # Who answered: reports and warnings by source (SOURCES), ties asked by kind.
    src_reports = np.zeros(len(SOURCES), dtype=np.int64)
    src_warnings = np.zeros(len(SOURCES), dtype=np.int64)
    ties_asked = np.zeros(2, dtype=np.int64)  # strong, weak

    business, spread, proj = [], [], []
    for period in range(1, periods + 1):
        clients = np.flatnonzero(rng.random(n) < demand)
        clients = clients[rng.permutation(len(clients))]
        cand = rng.integers(0, n - 1, size=(len(clients), candidates))
        cand = cand + (cand >= clients[:, None])
        asks = rng.random(len(clients)) < ask_share
        pick_noise = rng.random((len(clients), candidates))
        kept = rng.random((len(clients), 3))
        won = np.zeros(3, dtype=np.int64)
        q_total = q_unrel = q_warned = unrel_seen = unrel_avoided = 0
        for i, c in enumerate(clients.tolist()):
            cs = cand[i]
            if asks[i]:
                score = np.full(candidates, acceptable)
                ties_asked[0] += candidates * n_strong[c]
                ties_asked[1] += candidates * n_weak[c]
                for j, p in enumerate(cs.tolist()):
                    reports = raters[p]
                    if not reports:
                        continue
                    total_w = total = 0.0
                    for r, val in reports.items():
                        d = _distance(c, r, depth, nbrs)
                        if d >= 0:
                            if d > 0 and not candid[r]:
                                val = 1.0
                            total_w += _DEPTH_WEIGHT[d]
                            total += _DEPTH_WEIGHT[d] * val
                            k = d + 1 if d >= 2 else d if d == 0 else (
                                1 if r in strong_nbrs[c] else 2)
                            src_reports[k] += 1
                            src_warnings[k] += val < 1.0
                    if total_w > 0:
                        score[j] = total / total_w
                avoid = score < tolerance
                q_total += candidates
                bad_cls = klass[cs] == 0
                q_unrel += int(bad_cls.sum())
                q_warned += int((bad_cls & avoid).sum())
                pool = np.flatnonzero(~avoid) if (~avoid).any() else np.arange(candidates)
                best = pool[score[pool] == score[pool].max()]
                j = int(best[int(pick_noise[i, 0] * len(best))])
            else:
                own = np.array([raters[p].get(c, 1.0) for p in cs.tolist()])
                avoid = own < 1.0
                pool = np.flatnonzero(~avoid) if (~avoid).any() else np.arange(candidates)
                j = int(pool[int(pick_noise[i, 0] * len(pool))])
            unrel = klass[cs] == 0
            unrel_seen += int(unrel.sum())
            picked = np.zeros(candidates, dtype=bool)
            picked[j] = True
            unrel_avoided += int((unrel & ~picked).sum())
            p = int(cs[j])
            k_kept = int((kept[i] < rel[p]).sum())
            raters[p][c] = k_kept / 3.0
            if k_kept < 3:
                bad_seen[c] = True
            won[klass[p]] += 1
            proj.append((period, c, p, int(klass[p]), bool(asks[i]), k_kept))
        total = max(int(won.sum()), 1)
        for k in range(3):
            share = won[k] / total
            fair = people_per_class[k] / n
            business.append({"period": period, "class": CLASSES[k],
                             "people": int(people_per_class[k]), "projects": int(won[k]),
                             "share": share, "relative": share / fair if fair else np.nan})
        spread.append({"period": period, "projects": int(won.sum()), "queries": q_total,
                       "queries_unreliable": q_unrel,
                       "warned": q_warned / q_unrel if q_unrel else np.nan,
                       "avoided_unreliable": unrel_avoided / unrel_seen if unrel_seen else np.nan,
                       "people_with_bad_experience": int(bad_seen.sum())})

    nodes = np.array(A.nodes, dtype=object)
    P = np.array(proj, dtype=np.int64).reshape(-1, 6)
    projects = pd.DataFrame({
        "period": P[:, 0], "client": nodes[P[:, 1]], "partner": nodes[P[:, 2]],
        "partner_class": np.array(CLASSES, dtype=object)[P[:, 3]].astype(str),
        "asked": P[:, 4].astype(bool), "kept": P[:, 5]})
    asked = np.array([0, ties_asked[0], ties_asked[1], 0, 0], dtype=np.int64)
    total_reports = int(src_reports.sum())
    sources = pd.DataFrame({
        "source": list(SOURCES), "reports": src_reports, "warnings": src_warnings,
        "share": src_reports / total_reports if total_reports else np.full(len(SOURCES), np.nan),
        "asked": asked,
        "per_tie": np.where(asked > 0, src_reports / np.maximum(asked, 1), np.nan)})
    params = {"periods": periods, "ask_share": ask_share, "seed": seed, "depth": depth,
              "demand": demand, "candidates": candidates, "tolerance": tolerance,
              "candour": candour}
    return ReputationResult(params=params, business=pd.DataFrame(business),
                            spread=pd.DataFrame(spread), projects=projects, sources=sources)


def _distance(c, r, depth, nbrs):
    """Steps from ``c`` to ``r`` if at most ``depth`` (0 to 3), else -1."""
    if r == c:
        return 0
    mine = nbrs[c]
    if r in mine:
        return 1
    if depth >= 2 and not mine.isdisjoint(nbrs[r]):
        return 2
    if depth >= 3:
        theirs = nbrs[r]
        for x in mine:
            if not nbrs[x].isdisjoint(theirs):
                return 3
    return -1
