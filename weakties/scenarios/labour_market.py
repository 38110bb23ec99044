"""A labour market over time, where contacts pass on job news (Calvó-Armengol and Jackson 2004).

The lesson ``course/07-job-search.ipynb`` runs this simulation to show two
results of the model of Calvó-Armengol and Jackson (2004): when job news
travels through contacts, employment is correlated among contacts, and the
longer someone has been out of work, the lower their chance of finding work
next month.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd

from .. import ties as _ties
from ..i18n import N_, decimal, gettext, number, percent
from ..plotting import style_axes
from ._common import (ScenarioResult, check_choice, check_fraction, check_int, graph_arrays,
                      make_rng, new_axes, style)

__all__ = ["labour_market", "LabourMarketResult", "DURATION_BINS"]

#: Groups of unemployment durations (months out of work so far) in the hazard table.
DURATION_BINS = ((1, 1), (2, 2), (3, 3), (4, 6), (7, 12), (13, 24), (25, None))


#: The statuses of the contacts table, as the picture names them (keys never shown).
_PEOPLE = {"unemployed": N_("unemployed people"), "employed": N_("employed people")}
_CONTACTS_OF = {"unemployed": N_("contacts of\nunemployed people"),
                "employed": N_("contacts of\nemployed people")}


def _bin_label(low, high):
    if high is None:
        return f"{low}+"
    return str(low) if low == high else f"{low}-{high}"


@dataclasses.dataclass(repr=False)
class LabourMarketResult(ScenarioResult):
    """Employment month by month in :func:`labour_market`.

    Attributes
    ----------
    history : pandas.DataFrame
        One row per month: ``month``, ``unemployed`` (share of people out
        of work at the end of the month), ``found_direct`` and
        ``found_contact`` (people who found work that month by hearing of
        a job themselves, or from a contact), ``lost`` (people who lost
        their job).
    hazard : pandas.DataFrame
        The chance of finding work in a month by months out of work so
        far, over the months after the warm-up: ``duration`` (a label such
        as "1", "4-6", "25+"), ``low`` and ``high`` (months; ``high`` is
        -1 for the open last group), ``at_risk`` (person-months out of
        work with that duration), ``found`` (of them, found work that
        month), ``hazard`` (found / at_risk).
    contacts : pandas.DataFrame
        Two rows, ``status`` "unemployed" and "employed": ``people``
        (person-months after the warm-up), ``contacts_unemployed`` (share
        of their contacts of the same sector and region, the ones job
        news passes between, out of work at the same time).
    people : pandas.DataFrame
        One row per person: ``person``, ``degree``, ``weak_ties``,
        ``months_unemployed`` (after the warm-up), ``spells`` (times they
        lost a job).
    correlation : float
        Correlation of employment between the two ends of a tie of the
        same sector and region, after the warm-up: the mean over months of the correlation (phi coefficient)
        between "out of work" at one end of a tie and at the other. 0 when
        a person's status says nothing about their contacts', positive
        when the unemployed tend to have unemployed contacts.
    """

    history: pd.DataFrame
    hazard: pd.DataFrame
    contacts: pd.DataFrame
    people: pd.DataFrame
    correlation: float

    title = "Labour market"

    @property
    def unemployment(self) -> float:
        """Mean share of people out of work after the warm-up."""
        h = self.history[self.history["month"] > self.params["warm_up"]]
        return float(h["unemployed"].mean())

    def hazard_ratio(self, short=(1, 3), long=(13, None)) -> float:
        """Chance of finding work in a month early in a spell, over the same chance late.

        Parameters
        ----------
        short, long : (int, int or None)
            Ranges of months out of work, ends included (None: no end).

        Returns
        -------
        float
            Above 1: the longer out of work, the lower the chance of
            finding work (duration dependence).
        """
        def rate(low, high):
            h = self.hazard
            hi = h["high"].where(h["high"] >= 0, np.inf)
            sel = (h["low"] >= low) & (hi <= (np.inf if high is None else high))
            at_risk = h.loc[sel, "at_risk"].sum()
            return h.loc[sel, "found"].sum() / at_risk if at_risk else np.nan
        return float(rate(*short) / rate(*long))

    def summary_lines(self):
        c = self.contacts.set_index("status")["contacts_unemployed"]
        t = gettext
        lines = [t(N_("{share} of people out of work on average after the warm-up of "
                      "{months} months.")).format(share=percent(self.unemployment, 1),
                                                  months=number(self.params["warm_up"])),
                 t(N_("contacts out of work: {unemployed} for an unemployed person, "
                      "{employed} for an employed one (correlation across ties "
                      "{correlation}).")).format(
                     unemployed=percent(c["unemployed"], 1), employed=percent(c["employed"], 1),
                     correlation=decimal(self.correlation, 3))]
        h = self.hazard
        first, last = h.iloc[0], h[h["at_risk"] > 0].iloc[-1]
        lines.append(t(N_("chance of finding work next month: {first} after {first_months} "
                          "month out of work, {last} after {last_months} months.")).format(
            first=percent(first["hazard"], 1), first_months=first["duration"],
            last=percent(last["hazard"], 1), last_months=last["duration"]))
        return lines

    def plot(self, ax=None, kind="hazard"):
        """Draw the result.

        Parameters
        ----------
        ax : matplotlib Axes, optional
        kind : {"hazard", "contacts", "unemployment"}
            "hazard": chance of finding work in a month by months out of
            work so far; "contacts": share of contacts out of work, for
            unemployed and for employed people; "unemployment": share of
            people out of work month by month.

        Returns
        -------
        matplotlib.axes.Axes
        """
        kind = check_choice("kind", kind, ("hazard", "contacts", "unemployment"))
        ax = new_axes(ax)
        label = self._label()
        if kind == "hazard":
            h = self.hazard[self.hazard["at_risk"] > 0]
            ax.plot(np.arange(len(h)), h["hazard"] * 100, label=label, **style(0))
            ax.set_xticks(np.arange(len(h)), list(h["duration"]))
            ax.set_ylim(bottom=0)
            ax.legend(frameon=False)
            style_axes(ax, gettext(N_("The longer out of work, the lower the chance of a job "
                                      "next month")),
                       gettext(N_("months out of work so far")),
                       gettext(N_("found work the next month (%)")))
        elif kind == "contacts":
            c = self.contacts
            x = np.arange(len(c))
            a, b = style(5), style(2)
            for k, row in enumerate(c.itertuples()):
                st = a if row.status == "unemployed" else b
                ax.bar(x[k], row.contacts_unemployed * 100, 0.5, color=st["color"],
                       hatch="//" if k == 0 else "..", edgecolor="black",
                       label=gettext(_PEOPLE[row.status]))
            ax.axhline(self.unemployment * 100, color="black", lw=1, linestyle="--",
                       label=gettext(N_("everyone")))
            ax.set_xticks(x, [gettext(_CONTACTS_OF[s]) for s in c["status"]])
            ax.legend(frameon=False)
            style_axes(ax, gettext(N_("Unemployment travels in groups")),
                       gettext(N_("contacts of the same trade and region")),
                       gettext(N_("contacts out of work at the same time (%)")))
        else:
            h = self.history
            ax.plot(h["month"], h["unemployed"] * 100, label=label, **style(0))
            ax.axvline(self.params["warm_up"], color="black", lw=1, linestyle=":",
                       label=gettext(N_("end of the warm-up")))
            ax.set_ylim(bottom=0)
            ax.legend(frameon=False)
            style_axes(ax, gettext(N_("People out of work, month by month")),
                       gettext(N_("month")), gettext(N_("out of work (%)")))
        return ax

    def _label(self):
        p = self.params
        return gettext(N_("openings {openings} a month, weak ties used {weak}")).format(
            openings=percent(p["openings"]), weak=percent(p["weak_share"]))


def _pick(A, givers, allowed_slot, weight_slot, rng):
    """For each giver, one neighbour drawn with probability ~ weight (or -1 if none)."""
    deg = A.indptr[givers + 1] - A.indptr[givers]
    if len(givers) == 0 or deg.sum() == 0:
        return np.full(len(givers), -1, dtype=np.int64)
    start = np.repeat(A.indptr[givers], deg)
    slot = start + np.arange(int(deg.sum())) - np.repeat(np.cumsum(deg) - deg, deg)
    w = np.where(allowed_slot[slot], weight_slot[slot], 0.0)
    cs = np.cumsum(w)
    ends = np.cumsum(deg)
    before = np.concatenate([[0.0], cs])[ends - deg]
    total = cs[ends - 1] - before
    target = before + rng.random(len(givers)) * total
    idx = np.searchsorted(cs, target, side="right")
    idx = np.minimum(idx, ends - 1)
    chosen = np.where(total > 0, A.indices[slot[idx]], -1)
    return chosen


def labour_market(G, *, seed, months=120, warm_up=24, openings=0.04, separation=0.01,
                  pass_on=1.0, weak_share=1.0, unemployed=0.1) -> LabourMarketResult:
    """Simulate a labour market where employed contacts pass on jobs to unemployed ones.

    In plain words: every month some people lose their job, and everyone
    has a small chance to hear of a job. If you are out of work, you take
    it. If you already have a job, you pass the news to a contact of your
    trade who is out of work, often the one you are closest to. So the
    more of your contacts have a job, the more job news reaches you. Two things
    follow, though nobody wrote them into the model: people out of work
    tend to have contacts out of work, and the longer someone has been out
    of work, the lower their chance of finding work next month (their
    circle is more often out of work too, so less news reaches them).

    **Model** (Calvó-Armengol and Jackson 2004, in monthly steps). At the
    start, each person is out of work with probability ``unemployed``.
    Each month:

    1. each person hears of a job of their own trade with probability
       ``openings``. A person out of work takes it. A person in work passes
       it on, with probability ``pass_on``, to one of their contacts of the
       same sector and region (whom the job suits) who is out of work,
       drawn with probability proportional to tie strength, among their
       strong ties and a share ``weak_share`` of their weak ties (drawn
       once for the whole run: the weak ties they would think of). The
       contact takes it. News for someone with no such contact is lost;
    2. each person who had a job at the start of the month loses it with
       probability ``separation``.

    Everyone is alike: the same chance to hear of a job and to lose one.
    Differences between people come only from their contacts. Statistics
    are taken after a warm-up of ``warm_up`` months, once the share out of
    work has settled.

    **What comes out** (five populations of 2,000 people, default options;
    ``tests/scenarios/test_labour_market.py`` checks each result over
    several seeds, against the same market with ``pass_on=0``):

    - about 6% of people out of work, against 20% (``separation /
      (openings + separation)``) when nobody passes on news, and 13% when
      news goes through strong ties only (``weak_share=0``);
    - *employment correlated between contacts*: the same-trade contacts
      of a person out of work are out of work 7 to 8% of the time, those
      of a person in work 4 to 5% (a correlation across ties of about
      0.02; 0.005 or less without job news);
    - *duration dependence*: the chance of finding work next month is
      about 21% in the first month out of work and about 7% after two
      years; 2 to 2.5 times as high in the first three months as after a
      year (about 1 without job news). Part of it comes from people with
      few contacts in their trade, who stay out of work longer; part from
      the circles of the long-term unemployed being out of work too.

    With ``pass_on=0`` both effects vanish. Using fewer weak ties leaves
    more people out of work, for longer; more openings shorten every
    spell.

    Parameters
    ----------
    G : networkx.Graph
        A population from :func:`weakties.population` (ties need a
        ``strength``). Not modified.
    seed : int or str
        Same seed, same result.
    months : int, default 120
        Months simulated, 12 to 600, warm-up included.
    warm_up : int, default 24
        Months left out of the statistics, 0 to ``months - 12``.
    openings : float in [0, 1], default 0.04
        Chance that a person hears of a job of their trade in a month.
    separation : float in [0, 1], default 0.01
        Chance that a person in work loses their job in a month.
    pass_on : float in [0, 1], default 1
        Chance that a person in work passes job news on (0: nobody does,
        the market without networks).
    weak_share : float in [0, 1], default 1
        Share of each person's weak ties through which they pass on job
        news (strong ties always).
    unemployed : float in [0, 1], default 0.1
        Share of people out of work at the start.

    Returns
    -------
    LabourMarketResult
        ``.history``, ``.hazard``, ``.contacts``, ``.people``, the
        figures ``.unemployment``, ``.correlation``, ``.hazard_ratio()``
        and ``.plot(kind=...)``.

    Raises
    ------
    ValueError
        A parameter out of range, a graph without tie strengths.
    TypeError
        Not a networkx graph.

    References
    ----------
    .. [1] Calvó-Armengol, A., Jackson, M. O. (2004). The effects of social
       networks on employment and inequality. *American Economic Review*
       94(3), 426-454.
    .. [2] Granovetter, M. S. (1974). *Getting a Job*. Harvard University
       Press.

    Examples
    --------
    >>> import weakties
    >>> from weakties.scenarios import labour_market
    >>> G = weakties.population(300, seed=1)
    >>> r = labour_market(G, seed=1, months=60, warm_up=12)
    >>> 0 < r.unemployment < 0.3
    True
    >>> list(r.contacts["status"])
    ['unemployed', 'employed']
    >>> without = labour_market(G, seed=1, months=60, warm_up=12, pass_on=0)
    >>> without.unemployment > r.unemployment
    True
    """
    months = check_int("months", months, 12, 600)
    warm_up = check_int("warm_up", warm_up, 0, months - 12)
    openings = check_fraction("openings", openings)
    separation = check_fraction("separation", separation)
    pass_on = check_fraction("pass_on", pass_on)
    weak_share = check_fraction("weak_share", weak_share)
    unemployed = check_fraction("unemployed", unemployed)
    A = graph_arrays(G, "labour_market")
    sector = A.require("sector", "labour_market")
    rng = make_rng(seed, "labour_market")
    n = A.n
    slot_strength = A.strength[A.eid]
    strong_slot = slot_strength >= _ties.STRONG_THRESHOLD
    region = A.require("region", "labour_market")
    owner = np.repeat(np.arange(n), A.degree)
    # Job news is about jobs of one's own trade: it suits a contact of the
    # same sector and region. Each person thinks of their strong ties and
    # of a share of their weak ties.
    same_trade = (sector[A.indices] == sector[owner]) & (region[A.indices] == region[owner])
    usable = same_trade & (strong_slot | (rng.random(len(A.indices)) < weak_share))
    e_trade = (sector[A.eu] == sector[A.ev]) & (region[A.eu] == region[A.ev])
    trade_deg = np.bincount(np.concatenate([A.eu[e_trade], A.ev[e_trade]]), minlength=n)

    out = rng.random(n) < unemployed
    duration = np.where(out, 1, 0).astype(np.int64)   # months out of work so far
    spells = out.astype(np.int64)
    months_out = np.zeros(n, dtype=np.int64)
    bins = DURATION_BINS
    at_risk = np.zeros(len(bins), dtype=np.int64)
    found_by_bin = np.zeros(len(bins), dtype=np.int64)
    lows = np.array([b[0] for b in bins])
    hist = []
    corr_sum, corr_n = 0.0, 0
    contacts_out = {"unemployed": [0, 0.0], "employed": [0, 0.0]}
    deg = A.degree
    eu, ev = A.eu, A.ev

    for month in range(1, months + 1):
        hears = rng.random(n) < openings
        # 1. Job news: the unemployed take it, the employed pass it on.
        direct = out & hears
        givers = np.flatnonzero(~out & hears & (rng.random(n) < pass_on))
        chosen = _pick(A, givers, usable & out[A.indices], slot_strength, rng)
        via_contact = np.zeros(n, dtype=bool)
        via_contact[chosen[chosen >= 0]] = True
        via_contact &= ~direct
        found = direct | via_contact
        if month > warm_up:
            d_bin = np.searchsorted(lows, duration[out], side="right") - 1
            np.add.at(at_risk, d_bin, 1)
            np.add.at(found_by_bin, d_bin[found[out]], 1)
        # 2. Job losses, among those in work at the start of the month.
        lose = ~out & (rng.random(n) < separation)
        new_out = (out & ~found) | lose
        duration = np.where(new_out, np.where(out & ~found, duration + 1, 1), 0)
        spells += lose
        out = new_out
        hist.append((month, out.mean(), int(direct.sum()), int(via_contact.sum()),
                     int(lose.sum())))
        if month > warm_up:
            months_out += out
            x = out.astype(float)
            a = np.concatenate([x[eu[e_trade]], x[ev[e_trade]]])
            b = np.concatenate([x[ev[e_trade]], x[eu[e_trade]]])
            if a.std() > 0 and b.std() > 0:
                corr_sum += float(np.corrcoef(a, b)[0, 1])
                corr_n += 1
            nb_out = np.bincount(np.concatenate([eu[e_trade], ev[e_trade]]),
                                 weights=np.concatenate([x[ev[e_trade]], x[eu[e_trade]]]),
                                 minlength=n)
            share = np.divide(nb_out, trade_deg, out=np.zeros(n), where=trade_deg > 0)
            has = trade_deg > 0
            for status, mask in (("unemployed", out & has), ("employed", ~out & has)):
                contacts_out[status][0] += int(mask.sum())
                contacts_out[status][1] += float(share[mask].sum())

    history = pd.DataFrame(hist, columns=["month", "unemployed", "found_direct",
                                          "found_contact", "lost"])
    hazard = pd.DataFrame({
        "duration": [_bin_label(lo, hi) for lo, hi in bins],
        "low": lows,
        "high": np.array([-1 if hi is None else hi for _, hi in bins]),
        "at_risk": at_risk,
        "found": found_by_bin,
    })
    hazard["hazard"] = hazard["found"] / hazard["at_risk"].where(hazard["at_risk"] > 0)
    contacts = pd.DataFrame({
        "status": ["unemployed", "employed"],
        "people": [contacts_out[s][0] for s in ("unemployed", "employed")],
        "contacts_unemployed": [contacts_out[s][1] / contacts_out[s][0] if contacts_out[s][0]
                                else np.nan for s in ("unemployed", "employed")],
    })
    weak_ties = np.bincount(np.repeat(np.arange(n), deg), weights=~strong_slot,
                            minlength=n).astype(np.int64)
    people = pd.DataFrame({"person": A.nodes, "degree": deg, "weak_ties": weak_ties,
                           "months_unemployed": months_out, "spells": spells})
    params = {"seed": seed, "months": months, "warm_up": warm_up, "openings": openings,
              "separation": separation, "pass_on": pass_on, "weak_share": weak_share,
              "unemployed": unemployed}
    return LabourMarketResult(params=params, history=history, hazard=hazard,
                              contacts=contacts, people=people,
                              correlation=corr_sum / corr_n if corr_n else float("nan"))
