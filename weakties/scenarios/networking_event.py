"""Networking events: improbable encounters, and how some become relations.

The lesson ``course/05-encounters-and-events.ipynb`` runs this simulation; its
exercise is ``exercises/05-encounters-and-events/``.
"""

from __future__ import annotations

import dataclasses
import numbers

import numpy as np
import pandas as pd

from .. import ties as _ties
from ..i18n import N_, decimal, gettext, language, number, percent
from ..plotting import style_axes
from ._common import (ScenarioResult, _scenario_hint, check_choice, check_fraction, check_graph,
                      check_int, check_nodes, make_rng, new_axes, style)

__all__ = ["networking_event", "NetworkingEventResult", "FORMATS", "POLE_DISTRICTS"]

#: Event formats: people per table, seatings per session, chance of an
#: in-person follow-up each month while the tie is warm. The chances of a
#: follow-up are assumptions of the course, not measured figures: pass
#: ``follow_up=`` to :func:`networking_event` to change them.
FORMATS = {
    "evening": {"table": 5, "seatings": 3, "follow_up": 0.15,
                "about": N_("a large evening where people move between groups")},
    "breakfast": {"table": 6, "seatings": 1, "follow_up": 0.30,
                  "about": N_("a small breakfast at one table, with time to talk")},
    "neighbourhood": {"table": 8, "seatings": 1, "follow_up": 0.40,
                      "about": N_("professionals who live and work in the same districts")},
}
_ATTEND = 0.8        # chance that an attendee comes to a given session
_EXCHANGE = 0.5      # chance that two people at a table exchange contacts
_COLD = 0.2          # follow-ups of a tie gone cold (3 months without one) are rarer
_WARM_MONTHS = 3
_ONLINE_MESSAGE = 0.1  # chance of an online exchange per month on an online-only tie
_START = {"event": (0.15, 0.05), "online": (0.05, 0.02)}  # closeness, reciprocity
_GAIN = {"event": (0.08, 0.06), "online": (0.01, 0.01)}   # per exchange
_CROSS = ("sector", "region", "generation")

#: The districts of the trainer's neighbourhood pole of professionals in
#: Paris (*pôle des réseaux inter pro de proximité*): people who live and
#: work in the 3rd, 4th, 10th, 11th, 12th, 19th and 20th arrondissements.
#: The neighbourhood format draws its guests from these districts.
POLE_DISTRICTS = ("Paris 3e", "Paris 4e", "Paris 10e", "Paris 11e", "Paris 12e",
                  "Paris 19e", "Paris 20e")


@dataclasses.dataclass(repr=False)
class NetworkingEventResult(ScenarioResult):
    """The ties made by :func:`networking_event` and how they grew.

    Attributes
    ----------
    new_ties : pandas.DataFrame
        One row per new tie: ``tie`` (id), ``person``, ``other``, ``kind``
        ("event": met at the event; "online": connected online only),
        ``session`` (month it was made), ``crosses_sector``,
        ``crosses_region``, ``crosses_generation``, ``crosses_any``,
        ``follow_ups`` (in-person meetings or online exchanges after),
        ``strength`` (at the end), ``relation`` (bool, the rule of
        :func:`weakties.ties.is_relation`).
    strength : pandas.DataFrame
        One row per tie and month from its creation: ``tie``, ``kind``,
        ``month``, ``strength``, ``frequency`` (exchanges per year so far).
    crossing : pandas.DataFrame
        One row per attribute and kind of tie (event ties, online ties, the
        attendees' existing ties): ``attribute``, ``ties`` ("event",
        "online" or "existing"), ``count`` and ``share``
        (share of ties joining two different values).
    """

    new_ties: pd.DataFrame
    strength: pd.DataFrame
    crossing: pd.DataFrame

    title = "Networking event"

    def summary_lines(self):
        t = self.new_ties
        ev, on = t[t["kind"] == "event"], t[t["kind"] == "online"]
        lines = [gettext(N_("{event} ties made at the event, {online} made online only.")).format(
            event=_count(len(ev)), online=_count(len(on)))]
        c = self.crossing.pivot(index="attribute", columns="ties", values="share")
        for a in _CROSS:
            if a in c.index:
                lines.append(gettext(N_("{ties_across}: {event} of event ties, {existing} of the "
                                        "attendees' existing ties")).format(
                    ties_across=gettext(_TIES_ACROSS[a]),
                    event=_share(c.loc[a].get("event", np.nan)),
                    existing=_share(c.loc[a].get("existing", np.nan))))
        if len(ev):
            lines.append(gettext(N_("after {months} months: event ties strength {event} on "
                                    "average ({relations} became relations), online-only ties "
                                    "{online}")).format(
                months=_count(self.params["months"]), event=_strength(ev["strength"].mean()),
                relations=_count(ev["relation"].sum()),
                online=_strength(on["strength"].mean() if len(on) else np.nan)))
        return lines

    def plot(self, ax=None, kind="strength", lang=None):
        """Draw the result.

        Parameters
        ----------
        ax : matplotlib Axes, optional
        kind : {"strength", "crossing"}
            "strength": mean strength by month since the tie was made, for
            event ties followed up in person, all event ties, and online-only
            ties. "crossing": share of ties that cross sector, region and
            generation, event ties against the attendees' existing ties.
        lang : str, optional
            Language of the labels (:mod:`weakties.i18n`).

        Returns
        -------
        matplotlib.axes.Axes
        """
        kind = check_choice("kind", kind, ("strength", "crossing"))
        ax = new_axes(ax)
        t = lambda text: gettext(text, lang)  # noqa: E731
        fmt = t(_FORMAT_NAMES[self.params["format"]])
        if kind == "strength":
            s = self.strength.merge(self.new_ties[["tie", "follow_ups"]], on="tie")
            s["age"] = s["month"] - s.groupby("tie")["month"].transform("min")
            groups = [(N_("event ties followed up in person"),
                       s[(s["kind"] == "event") & (s["follow_ups"] > 0)]),
                      (N_("all event ties"), s[s["kind"] == "event"]),
                      (N_("online-only ties"), s[s["kind"] == "online"])]
            for i, (label, d) in enumerate(groups):
                if len(d):
                    m = d.groupby("age")["strength"].mean()
                    ax.plot(m.index, m.values, label=t(label), markevery=3, **style(i))
            ax.axhline(_ties.STRONG_THRESHOLD, color="#555555", lw=0.8, ls=":")
            ax.text(0, _ties.STRONG_THRESHOLD, " " + t(N_("strong from here")), va="bottom",
                    fontsize=8)
            ax.legend(frameon=False)
            style_axes(ax, t(N_("Strength of new ties over time ({format} format)"))
                       .format(format=fmt), t(N_("months since the tie was made")),
                       t(N_("mean tie strength")))
        else:
            c = self.crossing
            kinds = [("event", N_("met at the event"), "//"), ("online", N_("online only"), ".."),
                     ("existing", N_("attendees' existing ties"), "xx")]
            x = np.arange(len(_CROSS))
            for i, (k, label, hatch) in enumerate(kinds):
                d = c[c["ties"] == k].set_index("attribute").reindex(list(_CROSS))
                ax.bar(x + (i - 1) * 0.27, d["share"] * 100, 0.27, color=style(i)["color"],
                       hatch=hatch, edgecolor="black", label=t(label))
            ax.set_xticks(x, [t(_ACROSS[a]) for a in _CROSS])
            ax.legend(frameon=False)
            style_axes(ax, t(N_("New ties cross worlds ({format} format)")).format(format=fmt),
                       None, t(N_("share of ties joining different values (%)")))
        return ax


_FORMAT_NAMES = {"evening": N_("evening"), "breakfast": N_("breakfast"),
                 "neighbourhood": N_("neighbourhood")}
_ACROSS = {"sector": N_("across sector"), "region": N_("across region"),
           "generation": N_("across generation")}
_TIES_ACROSS = {"sector": N_("ties across sector"), "region": N_("ties across region"),
                "generation": N_("ties across generation")}


# Numbers of the summary, as the current language writes them (English keeps the plain
# digits and the "nan" of an undefined value that it always showed).
def _count(n):
    return str(int(n)) if language() == "en" else number(int(n))


def _share(x):
    return percent(float(x)) if np.isfinite(x) else "nan%"


def _strength(x):
    return decimal(float(x), 2) if np.isfinite(x) else "nan"


class _People:
    """What the simulation reads of a population: each person's categories.

    Lighter than :func:`weakties.scenarios._common.graph_arrays`: an event
    needs the attributes of everyone (online ties reach anyone) but only
    the ties of its attendees (:meth:`ties_of`), so a run at lesson size
    does not read the whole network.
    """

    def __init__(self, G):
        check_graph(G, "networking_event")
        self.G = G
        self.nodes = list(G)
        self.n = len(self.nodes)
        self.index = {v: i for i, v in enumerate(self.nodes)}
        data = G.nodes
        self.codes, self.labels = {}, {}
        for a in _CROSS + ("district",):
            values = [data[v].get(a) for v in self.nodes]
            present = sorted({str(x) for x in values if x is not None})
            lookup = {lab: i for i, lab in enumerate(present)}
            self.codes[a] = np.array([-1 if x is None else lookup[str(x)] for x in values],
                                     dtype=np.int64)
            self.labels[a] = present

    def require(self, attribute, scenario):
        """Codes of a categorical attribute, or a clear error if people lack it."""
        c = self.codes[attribute]
        if (c < 0).any():
            raise ValueError(f"{scenario} needs the person attribute {attribute!r} on every "
                             f"person; {_scenario_hint()}.")
        return c

    def ties_of(self, people):
        """The existing ties that touch ``people`` (indices): two arrays, lower index first."""
        index, nodes, G = self.index, self.nodes, self.G
        keys = set()
        n = self.n
        for i in people.tolist():
            for other in G[nodes[i]]:
                j = index[other]
                if j == i:
                    raise ValueError("networking_event needs a graph without self-loops; "
                                     f"person {nodes[i]!r} is tied to themself.")
                keys.add(min(i, j) * n + max(i, j))
        keys = np.array(sorted(keys), dtype=np.int64)
        return keys // n, keys % n


def _residents(A, districts):
    """Indices of the people who live in ``districts`` (names), in population order."""
    codes = A.require("district", "networking_event")
    labels = list(A.labels["district"])
    if isinstance(districts, str):
        districts = [districts]
    districts = list(districts)
    if not districts:
        raise ValueError("districts is empty: name at least one district, for example "
                         "districts=['Paris 11e'], or leave it out.")
    unknown = [d for d in districts if d not in labels]
    if unknown:
        known = ", ".join(repr(d) for d in sorted(labels, key=str)[:12])
        raise ValueError(f"nobody in this population lives in {', '.join(map(repr, unknown))}. "
                         f"Districts are named as in the population's 'district' attribute, "
                         f"for example {known}.")
    wanted = [labels.index(d) for d in districts]
    return np.flatnonzero(np.isin(codes, wanted))


def _invite(A, count, fmt, rng, districts):
    """Choose ``count`` attendees by the format's rule (or among ``districts``).

    Returns the attendees' indices and the districts they were drawn from
    (None when the rule is not by district).
    """
    n = A.n
    count = min(count, n)
    if districts is None and fmt == "neighbourhood":
        A.require("district", "networking_event")
        labels = set(A.labels["district"])
        districts = [d for d in POLE_DISTRICTS if d in labels]
        if not districts:
            raise ValueError("nobody in this population lives in the districts of the "
                             "neighbourhood pole (" + ", ".join(POLE_DISTRICTS) + "): pass "
                             "districts=[...] with districts of this population, or a list of "
                             "attendees.")
    if districts is not None:
        # People who live in these districts, as a neighbourhood pole gathers
        # them: all of them if fewer than ``count`` live there.
        residents = _residents(A, districts)
        if len(residents) < 2:
            raise ValueError(f"only {len(residents)} person lives in the districts "
                             f"{list(districts) if not isinstance(districts, str) else districts}"
                             ": an event needs at least two guests. Add districts, or use a "
                             "larger population.")
        return np.sort(residents[rng.permutation(len(residents))][:count]), (
            [districts] if isinstance(districts, str) else list(districts))
    # Evenings and breakfasts: half from the capital region, half from anywhere.
    region = A.require("region", "networking_event")
    labels = A.labels["region"]
    cap = labels.index("Île-de-France") if "Île-de-France" in labels else int(
        np.argmax(np.bincount(region)))
    local = np.flatnonzero(region == cap)
    local = local[rng.permutation(len(local))][:count // 2]
    rest = np.setdiff1d(np.arange(n), local)
    rest = rest[rng.permutation(len(rest))][:count - len(local)]
    return np.concatenate([local, rest]), None


def networking_event(G, attendees, *, format="evening", rounds=6, seed, months=24,
                     online=1, districts=None, follow_up=None) -> NetworkingEventResult:
    """Simulate a series of networking events and follow the ties they create.

    In plain words: at a networking evening or breakfast you meet people
    your own circles would never bring you: another trade, another region,
    another generation. Connecting online is easy, but the value appears
    only when you meet again in person: a contact you follow up becomes a
    relation, a contact you only "add" online stays a name in a list. How
    often people meet again after the event is an assumption of each
    format, which you can change (``follow_up``).

    **Model.** The event meets once a month for ``rounds`` months. Each
    attendee comes to a session with probability 0.8; those present are
    seated at random in tables (``FORMATS`` gives the table size and how
    many times people change tables), and two people at a table who were
    not yet tied exchange contacts with probability 0.5: a new *event* tie.
    At each session each attendee also accepts ``online`` connection
    requests from people outside the room (same sector with probability
    0.6, as platform suggestions): *online-only* ties.

    Then, month after month until ``months`` after the first session:

    - an event tie has an in-person follow-up with the format's
      probability (evening 0.15, breakfast 0.30, neighbourhood 0.40, or
      ``follow_up``), five times less once three months pass without one
      (the tie goes cold);
    - an online-only tie has an online exchange with probability 0.1.

    Each exchange raises the tie's closeness and reciprocity (in person by
    0.08 and 0.06 of what remains to 1; online by 0.01), and counts towards
    its frequency (exchanges per year, counted over the tie's first twelve
    months until it is a year old). Strength is :func:`weakties.ties.tie_strength` of time
    (exchanges per year), closeness, reciprocity and duration; a tie is a
    *relation* by the rule of :func:`weakties.ties.is_relation` (two years,
    four exchanges a year, reciprocity 0.4).

    **Guests.** Evenings and breakfasts invite half of their guests from
    Île-de-France and half from anywhere. The neighbourhood format invites,
    as the trainer's neighbourhood pole of professionals does, people who
    live in the same districts: by default those of the pole,
    :data:`POLE_DISTRICTS` (the 3rd, 4th, 10th, 11th, 12th, 19th and 20th
    arrondissements of Paris), or ``districts``.

    **Assumptions.** Seating is random (no homophily inside the room: the
    "improbable encounter"). The chances of a follow-up are the course's
    assumptions, not measured figures: people who live and work in the
    same districts are assumed to meet again most easily, a breakfast
    (time to talk) more easily than a large evening. Which format turns
    the most contacts into relations follows from these chances: with the
    same ``follow_up`` for every format, the format that makes the most
    contacts makes the most relations.

    Parameters
    ----------
    G : networkx.Graph
        A population from :func:`weakties.population`. Not modified.
    attendees : list of nodes, or int
        The people who attend, or how many to invite (evening and
        breakfast: half from Île-de-France, half from anywhere;
        neighbourhood: people who live in the pole's districts, all of
        them if fewer live there; see ``districts``).
    format : {"evening", "breakfast", "neighbourhood"}, default "evening"
    rounds : int, default 6
        Monthly sessions, 1 to 60.
    seed : int or str
    months : int, default 24
        Months followed after the first session, at least ``rounds``, at
        most 240.
    online : int, default 1
        Online-only connections each attendee accepts per session, 0 to 20.
    districts : list of str, optional
        When ``attendees`` is a number: invite people who live in these
        districts (names as in the population's ``district`` attribute,
        such as ``"Paris 11e"``), whatever the format; all of them if fewer
        live there. Default: :data:`POLE_DISTRICTS` for the neighbourhood
        format, the rule above for the others.
    follow_up : float in [0, 1], optional
        Chance of an in-person follow-up each month while a tie is warm,
        instead of the format's (``FORMATS[format]["follow_up"]``).

    Returns
    -------
    NetworkingEventResult
        ``.new_ties``, ``.strength`` (by month), ``.crossing``.

    Raises
    ------
    networkx.NodeNotFound
        An attendee who is not in ``G``.
    ValueError
        No attendees, fewer than two, an unknown format or district,
        districts given with a list of attendees, a parameter out of range.

    References
    ----------
    .. [1] Granovetter, M. S. (1973). The strength of weak ties. *American
       Journal of Sociology* 78(6), 1360-1380.
    .. [2] Feld, S. L. (1981). The focused organization of social ties.
       *American Journal of Sociology* 86(5), 1015-1035.
    .. [3] McPherson, M., Smith-Lovin, L., Cook, J. M. (2001). Birds of a
       feather: homophily in social networks. *Annual Review of Sociology*
       27, 415-444.
    .. [4] Marsden, P. V., Campbell, K. E. (1984). Measuring tie strength.
       *Social Forces* 63(2), 482-501.
    .. [5] Storper, M., Venables, A. J. (2004). Buzz: face-to-face contact
       and the urban economy. *Journal of Economic Geography* 4(4),
       351-370.

    Examples
    --------
    >>> import weakties
    >>> from weakties.scenarios import networking_event
    >>> G = weakties.population(300, seed=1)
    >>> r = networking_event(G, 30, format="breakfast", rounds=3, seed=1, months=12)
    >>> sorted(r.new_ties["kind"].unique())
    ['event', 'online']
    >>> last = r.strength.groupby("tie").last().join(r.new_ties.set_index("tie")[["follow_ups"]])
    >>> bool(last[last["kind"] == "online"]["strength"].max() < 0.5)
    True
    >>> pole = networking_event(G, 30, format="neighbourhood", seed=1)
    >>> guests = set(pole.new_ties.query("kind == 'event'")[["person", "other"]].stack())
    >>> all(G.nodes[p]["district"] in POLE_DISTRICTS for p in guests)
    True
    """
    fmt = check_choice("format", format, tuple(FORMATS))
    rounds = check_int("rounds", rounds, 1, 60)
    months = check_int("months", months, rounds, 240)
    online = check_int("online", online, 0, 20)
    if follow_up is not None:
        follow_up = check_fraction("follow_up", follow_up)
    A = _People(G)
    rng = make_rng(seed, "networking_event")
    if isinstance(attendees, numbers.Integral) and not isinstance(attendees, bool):
        count = check_int("attendees", attendees, 2, A.n)
        people, districts = _invite(A, count, fmt, rng, districts)
    else:
        if districts is not None:
            raise ValueError("districts says where to invite guests from, but attendees is "
                             "already a list of people: give a number of guests to invite "
                             "(attendees=60) with districts, or leave districts out.")
        people = np.array([A.index[v] for v in check_nodes(G, attendees, "attendees")],
                          dtype=np.int64)
        if len(people) < 2:
            raise ValueError("attendees must hold at least two people: "
                             "nobody meets anyone alone.")
    codes = {a: A.require(a, "networking_event") for a in _CROSS}
    sector = codes["sector"]
    spec = FORMATS[fmt]
    n = A.n
    # Every new tie has an attendee at one end: the ties that touch them are
    # all the existing ties a new one could repeat.
    eu, ev = A.ties_of(people)
    tied = set((eu * n + ev).tolist())

    new = []  # (u, v, kind, session)
    by_sector = {int(x): np.flatnonzero(sector == x) for x in np.unique(sector)}
    for s in range(1, rounds + 1):
        here = people[rng.random(len(people)) < _ATTEND]
        for _ in range(spec["seatings"]):
            seated = here[rng.permutation(len(here))]
            for t0 in range(0, len(seated), spec["table"]):
                table = seated[t0:t0 + spec["table"]]
                iu, ju = np.triu_indices(len(table), 1)
                swap = rng.random(len(iu)) < _EXCHANGE
                for a, b in zip(table[iu[swap]].tolist(), table[ju[swap]].tolist()):
                    key = min(a, b) * n + max(a, b)
                    if key not in tied:
                        tied.add(key)
                        new.append((a, b, "event", s))
        for a in here.tolist():
            for _ in range(online):
                same = rng.random() < 0.6
                pool = by_sector[int(sector[a])] if same else None
                b = int(pool[rng.integers(len(pool))]) if pool is not None \
                    else int(rng.integers(n))
                key = min(a, b) * n + max(a, b)
                if b != a and key not in tied:
                    tied.add(key)
                    new.append((a, b, "online", s))

    k = len(new)
    u = np.array([t[0] for t in new], dtype=np.int64)
    v = np.array([t[1] for t in new], dtype=np.int64)
    kind = np.array([t[2] for t in new], dtype=object)
    session = np.array([t[3] for t in new], dtype=np.int64)
    is_event = kind == "event"
    close = np.where(is_event, _START["event"][0], _START["online"][0])
    recip = np.where(is_event, _START["event"][1], _START["online"][1])
    count = np.where(is_event, 1, 0).astype(float)  # the meeting itself counts
    follow = np.zeros(k, dtype=np.int64)
    last = session.copy()
    gain_c = np.where(is_event, _GAIN["event"][0], _GAIN["online"][0])
    gain_r = np.where(is_event, _GAIN["event"][1], _GAIN["online"][1])
    p_follow = spec["follow_up"] if follow_up is None else follow_up
    rows_tie, rows_month, rows_s, rows_f = [], [], [], []
    for month in range(1, months + 1):
        alive = session <= month
        later = alive & (session < month)
        warm = (month - last) <= _WARM_MONTHS
        p = np.where(is_event, np.where(warm, p_follow, p_follow * _COLD), _ONLINE_MESSAGE)
        meet = later & (rng.random(k) < p)
        close = np.where(meet, close + gain_c * (1 - close), close)
        recip = np.where(meet, recip + gain_r * (1 - recip), recip)
        count += meet
        follow += meet
        last = np.where(meet, month, last)
        age = month - session + 1  # months the tie has existed, this one included
        freq = count * 12.0 / np.maximum(age, 12)  # per year, over the first year at least
        strength = _ties.tie_strength(_ties.time_component(freq), close, recip,
                                      _ties.duration_component(age / 12.0))
        idx = np.flatnonzero(alive)
        rows_tie.append(idx)
        rows_month.append(np.full(len(idx), month))
        rows_s.append(np.atleast_1d(strength)[idx] if k else np.empty(0))
        rows_f.append(freq[idx])
    final_age_years = (months - session + 1) / 12.0
    final_freq = count * 12.0 / np.maximum(months - session + 1, 12)
    rule = _ties.RELATION_RULE
    relation = ((final_age_years >= rule["min_years"]) & (final_freq >= rule["min_frequency"])
                & (recip >= rule["min_reciprocity"]))
    final_strength = _ties.tie_strength(_ties.time_component(final_freq), close, recip,
                                        _ties.duration_component(final_age_years)) \
        if k else np.empty(0)

    nodes = np.array(A.nodes, dtype=object)
    crosses = {a: codes[a][u] != codes[a][v] for a in _CROSS}
    new_ties = pd.DataFrame({
        "tie": np.arange(k, dtype=np.int64), "person": nodes[u], "other": nodes[v],
        "kind": kind.astype(str) if k else np.array([], dtype=str), "session": session,
        **{f"crosses_{a}": crosses[a] for a in _CROSS},
        "crosses_any": np.logical_or.reduce([crosses[a] for a in _CROSS]) if k
        else np.zeros(0, dtype=bool),
        "follow_ups": follow, "strength": np.round(np.atleast_1d(final_strength), 6),
        "relation": relation.astype(bool),
    })
    tie_ids = np.concatenate(rows_tie) if rows_tie else np.empty(0, dtype=np.int64)
    strength_df = pd.DataFrame({
        "tie": tie_ids, "kind": kind[tie_ids].astype(str) if k else np.array([], dtype=str),
        "month": np.concatenate(rows_month).astype(np.int64),
        "strength": np.round(np.concatenate(rows_s), 6),
        "frequency": np.round(np.concatenate(rows_f), 3),
    })
    # Existing ties of the attendees, for comparison.
    mask = np.zeros(n, dtype=bool)
    mask[people] = True
    mine = mask[eu] | mask[ev]
    rows = []
    for a in _CROSS:
        c = codes[a]
        for label, sel_u, sel_v in (("event", u[is_event], v[is_event]),
                                    ("online", u[~is_event], v[~is_event]),
                                    ("existing", eu[mine], ev[mine])):
            share = float(np.mean(c[sel_u] != c[sel_v])) if len(sel_u) else np.nan
            rows.append({"attribute": a, "ties": label, "count": int(len(sel_u)),
                         "share": share})
    crossing = pd.DataFrame(rows)
    params = {"attendees": int(len(people)), "format": fmt, "rounds": rounds, "seed": seed,
              "months": months, "online": online, "follow_up": p_follow,
              "districts": districts}
    return NetworkingEventResult(params=params, new_ties=new_ties, strength=strength_df,
                                 crossing=crossing)
