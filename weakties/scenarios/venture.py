"""Creating a company: assembling partners, suppliers, advisers and first clients.

The lesson ``course/10-creating-a-company.ipynb`` runs this simulation; its
exercise is ``exercises/10-creating-a-company/``.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Mapping

import numpy as np
import pandas as pd

from .. import ties as _ties
from ..i18n import N_, gettext
from ..plotting import style_axes
from ._common import (ScenarioResult, best_chains, chain_to, check_choice, check_int,
                      check_node, check_nodes, check_number, graph_arrays, make_rng,
                      new_axes, style)

__all__ = ["venture", "venture_searcher", "venture_coverage", "VentureResult", "ROLES", "DEFAULT_NEEDS",
           "MODES"]

#: The people a new company needs.
ROLES = ("partner", "supplier", "adviser", "client")
#: A digital services start-up: what it needs, role by role. Each need is a
#: skill (as in the population's ``skills``) or a sector.
DEFAULT_NEEDS = {
    "partner": ("web development", "sales"),
    "supplier": ("cloud", "Hospitality"),
    "adviser": ("accounting", "business law", "Finance"),
    "client": ("Retail", "Industry", "Health"),
}
#: The three searches compared: chains of strong ties only, of weak ties only,
#: and through the whole network (which holds both, so it covers at least as
#: much as either: comparing it with them shows nothing; compare the first two).
MODES = ("strong ties only", "weak ties only", "whole network")
_MODES = MODES


@dataclasses.dataclass(repr=False)
class VentureResult(ScenarioResult):
    """The team a founder can assemble with :func:`venture`.

    Attributes
    ----------
    team : pandas.DataFrame
        One row per need and mode (:data:`MODES`: "strong ties only", "weak
        ties only", "whole network"):
        ``mode``, ``role``, ``need``, ``kind`` ("skill" or "sector"),
        ``covered`` (bool), ``person`` (None if not covered), ``hops``,
        ``trust`` (product of tie strengths on the chain), ``reliability``
        (mean of the three commitments), ``score`` (trust x reliability),
        ``sector``, ``chain`` (tuple of people from the founder).
    coverage : pandas.DataFrame
        One row per mode: ``mode``, ``needs``, ``covered``, ``share``,
        ``mean_trust`` and ``mean_reliability`` of the people found,
        ``sectors`` (distinct sectors among them).
    """

    team: pd.DataFrame
    coverage: pd.DataFrame

    title = "Venture"

    def summary_lines(self):
        lines = []
        for r in self.coverage.itertuples():
            lines.append(f"{r.mode}: {r.covered} of {r.needs} needs covered ({r.share:.0%}), "
                         f"{r.sectors} sectors, mean trust {r.mean_trust:.2f}, "
                         f"mean reliability {r.mean_reliability:.2f}")
        missing = self.team[(self.team["mode"] == "whole network") & ~self.team["covered"]]
        if len(missing):
            lines.append("not found within reach: " + ", ".join(
                f"{r.role} ({r.need})" for r in missing.itertuples()))
        return lines

    def plot(self, ax=None, lang=None, title=None):
        """Needs covered by role: strong ties only, weak ties only, the whole network.

        Parameters
        ----------
        ax : matplotlib.axes.Axes, optional
        lang : str, optional
            The language of the labels (:mod:`weakties.i18n`).
        title : str, optional
            Instead of the default title.

        Returns
        -------
        matplotlib.axes.Axes
        """
        ax = new_axes(ax)
        tr = lambda text: gettext(text, lang)  # noqa: E731
        t = self.team
        roles = [r for r in ROLES if r in set(t["role"])]
        x = np.arange(len(roles))
        modes = [m for m in _MODES if m in set(t["mode"])]
        width = 0.8 / len(modes)
        for i, mode in enumerate(modes):
            d = t[t["mode"] == mode].groupby("role")["covered"].mean().reindex(roles)
            ax.bar(x + (i - (len(modes) - 1) / 2) * width, d * 100, width,
                   color=style(i)["color"], hatch=_HATCHES[i % len(_HATCHES)],
                   edgecolor="black", label=tr(MODE_NAMES[mode]))
        ax.set_xticks(x, [tr(ROLE_NAMES[r]) for r in roles])
        ax.set_ylim(0, 105)
        ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        style_axes(ax, title or tr(N_("Needs of the new company covered, by role")),
                   tr(N_("role")), tr(N_("needs covered (%)")))
        return ax


#: The modes and roles as a learner reads them (translated by :func:`weakties.i18n.gettext`).
MODE_NAMES = {"strong ties only": N_("strong ties only"), "weak ties only": N_("weak ties only"),
              "whole network": N_("whole network")}
ROLE_NAMES = {"partner": N_("partner"), "supplier": N_("supplier"), "adviser": N_("adviser"),
              "client": N_("client")}
_HATCHES = ("//", "..", "xx")


def _parse_needs(needs, skills_known, sectors):
    if needs is None:
        needs = DEFAULT_NEEDS
    if not isinstance(needs, Mapping):
        raise TypeError(gettext(N_("needs must map a role to what it needs, for example "
                                   "{example}.")).format(
            example="{'partner': ['web development'], 'client': ['Retail']}"))
    out = []
    for role, items in needs.items():
        check_choice("a role in needs", role, ROLES)
        if isinstance(items, str):
            items = (items,)
        for item in items:
            if item in sectors:
                out.append((role, item, "sector"))
            elif item in skills_known:
                out.append((role, item, "skill"))
            else:
                close = difflib.get_close_matches(str(item), sorted(skills_known | set(sectors)),
                                                  n=1)
                hint = (" " + gettext(N_("Did you mean {name}?")).format(name=repr(close[0]))
                        if close else "")
                raise ValueError(gettext(N_("{item} (needed as {role}) is neither a skill nor "
                                            "a sector of this population.{hint} Sectors: "
                                            "{sectors}.")).format(
                    item=repr(item), role=role, hint=hint, sectors=", ".join(sectors)))
    if not out:
        raise ValueError(gettext(N_("needs is empty: name at least one skill or sector, for "
                                    "example {example}.")).format(
            example="{'partner': ['web development']}"))
    return out


def venture(G, founder, needs=None, *, max_hops=2, seed,
            min_reliability=0.0, strong_threshold=None) -> VentureResult:
    """Assemble the people a new company needs from the founder's network.

    In plain words: to create a company you need partners with skills you
    lack, suppliers, advisers (an accountant, a lawyer, a banker) and
    first clients. The best are reliable people you reach through someone
    you trust. The simulation searches for them three ways: through your
    strong ties only (your close contacts and their close contacts),
    through your weak ties only, and through your whole network. Your close
    circle is small and tends to resemble you; your weak ties are many and
    spread over more sectors, but each chain of weak ties is less trusted.
    The whole network holds both kinds of ties, so it always covers at
    least as much as either: the comparison that teaches something is
    strong ties only against weak ties only.

    **Model.** Each need is a skill (a partner who does "web
    development") or a sector (a first client in "Retail"). A person fits
    a need if they have the skill, or work in the sector. For each need the
    founder picks, among the people who fit and are within ``max_hops``
    ties, the one with the best ``score = trust x reliability``:

    - *trust*: the product of tie strengths along the most trusted chain
      from the founder (:func:`weakties.scenarios.prospecting` uses the same
      chains); a direct contact's trust is the tie's strength;
    - *reliability*: the person's mean reliability on the engagement
      triangle (client relation, deadlines, payment).

    People below ``min_reliability`` are never chosen. A person may cover
    several needs. Three modes are compared (:data:`MODES`): chains made
    of strong ties only (strength at least ``strong_threshold``), of weak
    ties only (strength below it), and chains through the whole network.

    **Assumptions.** Everyone reached agrees to take part (a close friend
    says yes more easily than an acquaintance's acquaintance; the trust of
    the chain is the model's only stand-in for that); trust is the product
    of strengths, so a chain of weak ties is trusted less by definition;
    where the line between strong and weak ties falls
    (``strong_threshold``) decides how many strong ties a founder has, and
    so how much the strong ties alone can cover; the founder's own skills
    are not counted (a company needs others); ties between equals in score
    are broken by a seeded random draw.

    Parameters
    ----------
    G : networkx.Graph
        A population from :func:`weakties.population`. Not modified.
    founder : node
    needs : mapping, optional
        Role ("partner", "supplier", "adviser", "client") to a skill or
        sector, or a list of them. Default :data:`DEFAULT_NEEDS`.
    max_hops : int, default 2
        Longest chain, in ties, 1 to 4.
    seed : int or str
    min_reliability : float in [0, 1], default 0
        Nobody less reliable than this is chosen.
    strong_threshold : float in (0, 1], optional
        The strength from which a tie counts as strong (default
        :data:`weakties.ties.STRONG_THRESHOLD`, 0.5).

    Returns
    -------
    VentureResult
        ``.team`` (one row per need and mode) and ``.coverage`` (one row
        per mode, in the order of :data:`MODES`).

    Raises
    ------
    networkx.NodeNotFound
        A founder who is not in ``G``.
    ValueError
        An unknown role, a need that is neither a skill nor a sector, no
        needs, a parameter out of range.

    References
    ----------
    .. [1] Burt, R. S. (1992). *Structural Holes: The Social Structure of
       Competition*. Harvard University Press.
    .. [2] Granovetter, M. S. (1973). The strength of weak ties. *American
       Journal of Sociology* 78(6), 1360-1380.
    .. [3] Aldrich, H. E., Zimmer, C. (1986). Entrepreneurship through social
       networks. In *The Art and Science of Entrepreneurship*, 3-23.
    .. [4] Ruef, M., Aldrich, H. E., Carter, N. M. (2003). The structure of
       founding teams: homophily, strong ties, and isolation among US
       entrepreneurs. *American Sociological Review* 68(2), 195-222.

    Examples
    --------
    >>> import weakties
    >>> from weakties.scenarios import venture
    >>> G = weakties.population(300, seed=1)
    >>> r = venture(G, 0, seed=1)
    >>> c = r.coverage.set_index("mode")["covered"]
    >>> bool(c["whole network"] >= max(c["strong ties only"], c["weak ties only"]))
    True
    """
    check_node(G, founder, "founder")
    _check_options(max_hops, min_reliability, strong_threshold)
    return venture_searcher(G, needs, seed=seed)(founder, max_hops=max_hops,
                                                 min_reliability=min_reliability,
                                                 strong_threshold=strong_threshold)


def venture_searcher(G, needs=None, *, seed):
    """:func:`venture` for one population, read once: a function of the founder and options.

    In plain words: the same search as :func:`venture`, prepared once for a
    population, so that trying another founder, another number of ties
    away, another minimum reliability or another line between strong and
    weak ties costs only the search itself (a lesson's controls redraw
    quickly).

    Parameters
    ----------
    G : networkx.Graph
        A population from :func:`weakties.population`. Not modified; read
        now, so a later change of ``G`` is not seen.
    needs, seed
        As in :func:`venture`.

    Returns
    -------
    callable
        ``search(founder, *, max_hops=2, min_reliability=0.0,
        strong_threshold=None)``, returning the :class:`VentureResult` that
        :func:`venture` returns with the same arguments.

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(300, seed=1)
    >>> search = venture_searcher(G, seed=1)
    >>> a = search(0, max_hops=1).coverage
    >>> b = venture(G, 0, max_hops=1, seed=1).coverage
    >>> bool(a.equals(b))
    True
    """
    space = _Space(G, needs, "venture", seed)

    def search(founder, *, max_hops=2, min_reliability=0.0, strong_threshold=None):
        check_node(G, founder, "founder")
        max_hops, min_reliability, threshold = _check_options(max_hops, min_reliability,
                                                              strong_threshold)
        rows = space.search(founder, max_hops, min_reliability, threshold)
        team = pd.DataFrame(rows)
        # Keep node ids as they are (a missing person is None, not NaN turning ids into floats).
        team["person"] = pd.Series([r["person"] for r in rows], index=team.index, dtype=object)
        cov = []
        for mode in _MODES:
            d = team[team["mode"] == mode]
            found = d[d["covered"]]
            cov.append({"mode": mode, "needs": len(d), "covered": int(d["covered"].sum()),
                        "share": float(d["covered"].mean()),
                        "mean_trust": float(found["trust"].mean()) if len(found) else np.nan,
                        "mean_reliability": float(found["reliability"].mean()) if len(found)
                        else np.nan,
                        "sectors": int(found["sector"].nunique())})
        params = {"founder": founder, "needs": len(space.items), "max_hops": max_hops,
                  "seed": seed, "min_reliability": min_reliability,
                  "strong_threshold": threshold}
        return VentureResult(params=params, team=team, coverage=pd.DataFrame(cov))

    return search


def venture_coverage(G, founders, needs=None, *, max_hops=2, seed, min_reliability=0.0,
                     strong_threshold=None):
    """How many needs each of several founders covers, searching each of the three ways.

    In plain words: one founder is one story. This runs :func:`venture`
    for many founders at once, so that you can see whether what happens to
    one founder happens to most: how many of the company's needs they cover
    through strong ties only, weak ties only and the whole network, and how
    many people each search reaches.

    The figures are those of :func:`venture` with the same arguments (the
    same model, the same seeded tie-breaks); the population is read once,
    so many founders cost little more than one.

    Parameters
    ----------
    G : networkx.Graph
        A population from :func:`weakties.population`. Not modified.
    founders : sequence of nodes
    needs, max_hops, seed, min_reliability, strong_threshold
        As in :func:`venture`.

    Returns
    -------
    pandas.DataFrame
        One row per founder and mode (:data:`MODES`): ``founder``,
        ``mode``, ``ties`` (the founder's ties this search may start
        from), ``reached`` (people within ``max_hops`` ties through this
        search), ``covered`` (needs covered), ``needs`` and ``share``.

    References
    ----------
    .. [1] Ruef, M., Aldrich, H. E., Carter, N. M. (2003). The structure of
       founding teams: homophily, strong ties, and isolation among US
       entrepreneurs. *American Sociological Review* 68(2), 195-222.

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(300, seed=1)
    >>> table = venture_coverage(G, [0, 1], seed=1)
    >>> len(table), list(table["mode"][:3])
    (6, ['strong ties only', 'weak ties only', 'whole network'])
    >>> one = venture(G, 1, seed=1).coverage.set_index("mode")["covered"]
    >>> mine = table[table["founder"] == 1].set_index("mode")["covered"]
    >>> bool((one == mine).all())
    True
    """
    founders = check_nodes(G, founders, "founders")
    max_hops, min_reliability, threshold = _check_options(max_hops, min_reliability,
                                                          strong_threshold)
    space = _Space(G, needs, "venture_coverage", seed)
    rows = []
    for founder in founders:
        team = space.search(founder, max_hops, min_reliability, threshold, chains=False)
        for mode in _MODES:
            mine = [r for r in team if r["mode"] == mode]
            covered = sum(r["covered"] for r in mine)
            rows.append({"founder": founder, "mode": mode, "ties": space.ties[(founder, mode)],
                         "reached": space.reached[(founder, mode)], "covered": covered,
                         "needs": len(mine), "share": covered / len(mine)})
    return pd.DataFrame(rows)


def _check_options(max_hops, min_reliability, strong_threshold):
    max_hops = check_int("max_hops", max_hops, 1, 4)
    min_reliability = check_number("min_reliability", min_reliability, 0.0, 1.0)
    threshold = (_ties.STRONG_THRESHOLD if strong_threshold is None else
                 check_number("strong_threshold", strong_threshold, 0.0, 1.0))
    if threshold <= 0:
        raise ValueError(gettext(N_("strong_threshold must be above 0 (every tie has a "
                                    "strength above 0, so all would be strong); the course "
                                    "uses 0.5.")))
    return max_hops, min_reliability, threshold


class _Space:
    """The population read once for :func:`venture`: people, what they fit, their reliability."""

    def __init__(self, G, needs, scenario, seed):
        A = graph_arrays(G, scenario, need_reliability=True, need_skills=True)
        self.A = A
        self.sectors = A.labels["sector"]
        self.sector = A.require("sector", scenario)
        known = set().union(*A.skills) if A.skills else set()
        self.items = _parse_needs(needs, known, self.sectors)
        self.fits = [self.sector == self.sectors.index(item) if kind == "sector" else
                     np.fromiter((item in s for s in A.skills), dtype=bool, count=A.n)
                     for _, item, kind in self.items]
        self.rel = A.reliability.mean(axis=1)
        # Seeded tie-break between equal scores.
        self.noise = make_rng(seed, "venture").random(A.n) * 1e-9
        self.nodes = np.array(A.nodes, dtype=object)
        self.sector_labels = np.array(self.sectors, dtype=object)
        self.ties, self.reached = {}, {}

    def search(self, founder, max_hops, min_reliability, threshold, chains=True):
        """One row (a dict) per mode and need: who covers it, through which chain."""
        A, rel = self.A, self.rel
        src = A.index[founder]
        rows = []
        for mode in _MODES:
            allowed = (A.strength >= threshold if mode == "strong ties only" else
                       A.strength < threshold if mode == "weak ties only" else None)
            trust, hops, parent, _ = best_chains(A, src, max_hops, allowed)
            own = A.eid[A.indptr[src]:A.indptr[src + 1]]
            self.ties[(founder, mode)] = int(len(own) if allowed is None else
                                             allowed[own].sum())
            self.reached[(founder, mode)] = int((hops > 0).sum())
            score = trust * rel
            eligible = (hops > 0) & (rel >= min_reliability)
            for (role, item, kind), fits in zip(self.items, self.fits):
                cand = np.flatnonzero(eligible & fits)
                row = {"mode": mode, "role": role, "need": item, "kind": kind}
                if len(cand):
                    best = int(cand[np.argmax(score[cand] + self.noise[cand])])
                    path = chain_to(parent, hops, best) if chains else []
                    row.update(covered=True, person=self.nodes[best], hops=int(hops[best]),
                               trust=float(trust[best]), reliability=float(rel[best]),
                               score=float(score[best]),
                               sector=self.sector_labels[self.sector[best]],
                               chain=tuple(self.nodes[path].tolist()))
                else:
                    row.update(covered=False, person=None, hops=-1, trust=0.0,
                               reliability=np.nan, score=0.0, sector=None, chain=())
                rows.append(row)
        return rows
