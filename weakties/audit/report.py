"""The audit report: what your network is made of, how it compares, and what to do next.

:func:`report` measures a contact table (from
:func:`~weakties.audit.read_linkedin` or :func:`~weakties.audit.read_contacts`,
with your annotations) for one of four goals, compares it with a
reference, and writes an action plan. The result, an :class:`AuditReport`,
shows itself in a notebook and saves as one self-contained HTML file
(pictures embedded, no link to anything outside). Neither holds a name, an
email or a profile address: contacts appear by pseudonym, company and title.

The measures
------------
``contacts``
    Number of contacts.
``annotated_share``
    Share of contacts whose strength you have annotated.
``strong_share``
    Among annotated contacts, the share of strong ties (steps 3 and 4 of
    :data:`~weakties.audit.schema.STRENGTH_SCALE`, strength at least
    :data:`weakties.ties.STRONG_THRESHOLD`).
``sector_diversity``, ``region_diversity``, ``generation_diversity``
    Blau's index (:func:`weakties.metrics.blau`) over the contacts whose
    value is known: the chance that two contacts drawn at random differ.
``company_diversity``
    Blau's index over companies (contacts with a company).
``top5_company_share``
    Concentration: the share of contacts (with a company) who work in your
    five most common companies.
``alter_ego_share``
    The share of contacts who resemble you, with the course's one rule
    (:func:`weakties.metrics.resembles`, which
    :func:`weakties.metrics.alter_ego_share` applies to the reference
    population and lesson 03 to its own): at least
    :data:`~weakties.metrics.ALTER_EGO_MIN_SHARED` of sector, region,
    generation and school in common, family ties left out. The export does
    not know schools, so a contact "shares your school" when you met at
    school (context ``"school"``). A contact counts only when the rule can
    decide from what is known (two matches, or too few unknown values left
    to reach two); the report says how many could be decided. Your own
    sector, region and generation come from ``me=``, or are inferred from
    your annotations (your colleagues' most common sector and region, your
    classmates' most common generation), as the report says.

The reference
-------------
By default, a simulated population (:func:`weakties.population`, seed
:data:`REFERENCE_SEED`) whose people have about as many ties as you have
contacts (``mean_degree`` = your number of contacts rounded to ten, within
10 to 150, the range the model builds in a second or two; twelve times as
many people, from 1,000 to 2,000). The ego networks of its people
(600 drawn with the same seed), family ties left out since a professional
network rarely lists family, give the distribution of each measure: your
value is placed against its quartiles. Their alter-ego share is
:func:`weakties.metrics.alter_ego_share`, the figure lesson 03 shows. Sector, region and generation shares
of the whole population stand for the *worlds* you could reach. Pass
``reference=G`` to use another population, and ``targets=`` to set your own
goals (they are shown next to the reference and drive the verdicts).

The action plan
---------------
The worlds of the plan are the sectors, regions and generations your goal
needs (:data:`GOALS`: the target job's sector, your clients' sectors, a
company's advisers...), whether you reach them already or not, and the
worlds the reference holds that your network hardly reaches (under half
their share). For each, up to three contacts who could
*bridge* to it, from different companies when possible: people in that
world, or whose sector works with it (client and supplier flows of the
population model), preferring the tie strength that suits the goal
(moderately weak ties for a job search, trusted ties for introductions) and,
except for e-reputation, managers and executives. Then the kinds of events to attend, in the
formats of the course's networking simulation: evenings, breakfasts and
neighbourhood poles.

References
----------
.. [1] Granovetter, M. S. (1973). The strength of weak ties. *American
   Journal of Sociology* 78(6), 1360-1380.
.. [2] Rajkumar, K., Saint-Jacques, G., Bojinov, I., Brynjolfsson, E., Aral,
   S. (2022). A causal test of the strength of weak ties. *Science* 377,
   1304-1310.
.. [3] Burt, R. S. (2004). Structural holes and good ideas. *American
   Journal of Sociology* 110(2), 349-399.
.. [4] McPherson, M., Smith-Lovin, L., Cook, J. M. (2001). Birds of a
   feather: homophily in social networks. *Annual Review of Sociology* 27,
   415-444.
"""

from __future__ import annotations

import base64
import datetime as _dt
import difflib
import html
import io
import math
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

from .. import _france
from ..metrics import ALTER_EGO_LEFT_OUT, alter_ego_share, blau, resembles
from ..ties import STRONG_THRESHOLD
from ..i18n import N_, decimal, gettext, language, number, percent
from ..plotting import MARKERS, PALETTE, attribute_label
from .errors import AuditInputError
from .schema import (ABROAD, ANNOTATION_COLUMNS, COLUMNS, CONTEXT_LABELS, REGIONS,
                     STRENGTH_SCALE, STRENGTH_VALUES, check_generation, check_region,
                     check_sector, is_strong_level)
from .sectors import SECTORS, SENIORITY_LEVELS, UNKNOWN

__all__ = ["report", "AuditReport", "GOALS", "MEASURES", "REFERENCE_SEED", "EVENT_FORMATS",
           "reference_distribution"]

#: Seed of the default reference population.
REFERENCE_SEED = 2026
_REFERENCE_PEOPLE = 2000
_REFERENCE_EGOS = 600

#: Measure -> (label, which way is better: +1 higher, -1 lower, 0 neither).
MEASURES = {
    "contacts": (N_("Contacts"), 0),
    "annotated_share": (N_("Share of contacts annotated"), 1),
    "strong_share": (N_("Share of strong ties (annotated contacts)"), 0),
    "sector_diversity": (N_("Sector diversity (Blau)"), 1),
    "region_diversity": (N_("Region diversity (Blau)"), 1),
    "generation_diversity": (N_("Generation diversity (Blau)"), 1),
    "company_diversity": (N_("Company diversity (Blau)"), 1),
    "top5_company_share": (N_("Share in your 5 most common companies"), -1),
    "alter_ego_share": (N_("Alter-ego share (contacts who resemble you)"), -1),
}
_SHARES = {"annotated_share", "strong_share", "top5_company_share", "alter_ego_share"}


@dataclass(frozen=True)
class _Goal:
    label: str
    purpose: str
    ties: dict            # strength step (or None) -> preference for bridges
    senior_bonus: float
    events: tuple         # formats in order of priority
    advice: str
    ask: str              # what to ask a contact who bridges to a world


#: The four goals of the course (lessons 7 to 10).
GOALS = {
    "job_search": _Goal(
        N_("Find a job"),
        N_("reach the sector, companies and region of the job you want through weak ties "
           "chosen for this project"),
        {2: 3.0, 1: 2.0, 3: 2.0, None: 1.0, 4: 0.0}, 1.0, ("evening", "breakfast",
                                                            "neighbourhood"),
        N_("Do not rely on your strong ties: they know what you know, and asking them for a "
           "job can strain the relationship (lesson 7). Choose weak ties in the target sector "
           "and make a precise request to each: moderately weak ties pass on the most job "
           "leads (Rajkumar et al. 2022)."),
        N_("tell them precisely which job you are looking for, and ask whom they would "
           "advise you to meet")),
    "prospecting": _Goal(
        N_("Find clients (commercial prospecting)"),
        N_("reach the decision makers of your client sectors through warm introductions"),
        {3: 3.0, 4: 3.0, 2: 2.0, None: 1.0, 1: 1.0}, 1.0, ("breakfast", "evening",
                                                            "neighbourhood"),
        N_("A warm introduction by someone the prospect trusts works far better than a cold "
           "message (lesson 8). For each prospect, look for the contact who knows them, and "
           "ask that contact to introduce you."),
        N_("ask for a warm introduction to a decision maker")),
    "e_reputation": _Goal(
        N_("Build your e-reputation"),
        N_("be known for your competence in many worlds, not only your own circle"),
        {2: 3.0, 3: 3.0, 1: 2.0, 4: 1.0, None: 1.0}, 0.5, ("evening", "breakfast",
                                                            "neighbourhood"),
        N_("What is said about you spreads through your contacts' contacts (lesson 9). Show "
           "competence without ego: share useful content, and give visibility to others. A "
           "network that spans sectors and generations carries your name further."),
        N_("share something useful with them, and ask what their world needs to know")),
    "company_creation": _Goal(
        N_("Create a company"),
        N_("assemble partners, suppliers, advisers (bank, accounting, law) and first clients "
           "with complementary skills"),
        {3: 3.0, 4: 2.0, 2: 2.0, None: 1.0, 1: 1.0}, 0.5, ("neighbourhood", "breakfast",
                                                            "evening"),
        N_("A company needs partners, suppliers, advisers and first clients from several "
           "sectors (lesson 10). Before committing, ask your network about a partner's "
           "reliability: clients, deadlines, payments (lesson 6)."),
        N_("ask for advice, and for introductions to possible partners, suppliers or "
           "clients")),
}
_ADVISERS = ("Finance", "Consulting", "Digital")

#: How each seniority level (guessed from job titles) is shown.
SENIORITY_WORDS = {"student": N_("student"), "junior": N_("junior"),
                   "professional": N_("professional"), "senior": N_("senior"),
                   "manager": N_("manager"), "executive": N_("executive"),
                   "unknown": N_("unknown")}

#: The networking formats of the course (see ``weakties.scenarios.networking_event``).
EVENT_FORMATS = {
    "evening": (N_("Networking evenings"),
                N_("Evenings mix people from many sectors and generations who would never "
                   "meet through their own circles: the place for improbable encounters and "
                   "new weak ties.")),
    "breakfast": (N_("Business breakfasts"),
                  N_("Breakfasts gather a small group that meets again every month: the same "
                     "faces return, so a contact met in person becomes a relation, and "
                     "members introduce each other to clients and partners.")),
    "neighbourhood": (N_("Neighbourhood poles"),
                      N_("Professionals who live and work in the same districts meet "
                         "regularly: local partners, suppliers and clients, and a mix of "
                         "trades you do not meet at work.")),
}




def _t(text: str, **fields) -> str:
    """``text`` (marked with N_) in the current language, its ``{fields}`` filled in."""
    return gettext(text).format(**fields)


def _world(dim, world) -> str:
    """How a world is shown: a birth decade and "Abroad" in the current language."""
    if dim == "generation":
        from .annotate import generation_label
        return generation_label(world)
    if dim == "region" and world == ABROAD:
        from .annotate import ABROAD_LABEL
        return _t(ABROAD_LABEL)
    return str(world)


# --------------------------------------------------------------------------
# Checking the inputs

def _contacts_table(contacts) -> pd.DataFrame:
    if hasattr(contacts, "annotated") and not isinstance(contacts, pd.DataFrame):
        contacts = contacts.annotated  # an annotation widget
    if not isinstance(contacts, pd.DataFrame):
        raise TypeError("report() needs the table of contacts from read_linkedin() or "
                        f"read_contacts() (a DataFrame), not {type(contacts).__name__}.")
    missing = [c for c in COLUMNS if c not in contacts.columns]
    if missing:
        raise AuditInputError(
            f"this table has no {', '.join(repr(m) for m in missing)} column"
            f"{'s' if len(missing) > 1 else ''}: report() needs the table that "
            "read_linkedin() or read_contacts() returns (with your annotations).")
    if contacts.empty:
        raise AuditInputError("this table has no contact: there is nothing to audit.")
    return contacts


def _check_goal(goal) -> str:
    key = "_".join(str(goal).strip().lower().replace("-", " ").split())
    if key in GOALS:
        return key
    close = difflib.get_close_matches(key, list(GOALS), n=1)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    raise ValueError(f"{goal!r} is not a goal of the audit.{hint} Choose one of "
                     f"{', '.join(repr(g) for g in GOALS)}.")


def _check_me(me) -> dict:
    if me is None:
        return {}
    if not isinstance(me, dict):
        raise TypeError("me must be a dict such as {'sector': 'Digital', 'region': "
                        "'Île-de-France', 'generation': '1990s'}.")
    unknown = set(me) - {"sector", "region", "generation"}
    if unknown:
        raise ValueError(f"me has no key {sorted(unknown)[0]!r}: use 'sector', 'region' and "
                         "'generation'.")
    out = {}
    for key, check in (("sector", check_sector), ("region", check_region),
                       ("generation", check_generation)):
        if me.get(key) is not None:
            value = check(me[key])
            if value is not None and value != UNKNOWN:
                out[key] = value
    return out


def _check_targets(targets) -> dict:
    if targets is None:
        return {}
    if not isinstance(targets, dict):
        raise TypeError("targets must be a dict, for example {'sectors': ['Health'], "
                        "'sector_diversity': 0.8, 'strong_share': (0.1, 0.3)}.")
    out = {}
    for key, value in targets.items():
        if key in ("sectors", "regions", "generations"):
            check = {"sectors": check_sector, "regions": check_region,
                     "generations": check_generation}[key]
            values = [value] if isinstance(value, str) else list(value)
            out[key] = [v for v in (check(x) for x in values) if v and v != UNKNOWN]
        elif key in MEASURES:
            if isinstance(value, (tuple, list)) and len(value) == 2:
                low, high = (None if v is None else float(v) for v in value)
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                low, high = (float(value), None) if MEASURES[key][1] >= 0 else (None, float(value))
            else:
                raise ValueError(f"target {key!r} must be a number or a (low, high) pair, "
                                 f"not {value!r}.")
            out[key] = (low, high)
        else:
            close = difflib.get_close_matches(key, ["sectors", "regions", "generations",
                                                    *MEASURES], n=1)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            raise ValueError(f"targets has no key {key!r}.{hint} Allowed: sectors, regions, "
                             f"generations, {', '.join(MEASURES)}.")
    return out


# --------------------------------------------------------------------------
# Measures

def _value(x):
    """A text value, or None for anything missing (None, NaN, NA, empty)."""
    return x if isinstance(x, str) and x else None


def _known(series):
    return [v for v in series if isinstance(v, str) and v and v != UNKNOWN]


def _top_share(companies, k):
    counts = Counter(companies)
    total = sum(counts.values())
    if not total:
        return math.nan
    return sum(c for _, c in counts.most_common(k)) / total


def _alter_ego(rows, me):
    """(share, decided, alter egos) of a contact table, by the course's one rule.

    ``rows`` yields ``(sector, region, generation, context)`` per contact.
    The rule is :func:`weakties.metrics.resembles` (the one
    :func:`weakties.metrics.alter_ego_share` applies to a population, and
    so to the reference): at least two of sector, region, generation and
    school in common, family ties left out
    (:data:`weakties.metrics.ALTER_EGO_LEFT_OUT`). The export does not know
    schools, so a contact shares your school when you met at school
    (context ``"school"``), does not when you met them another way, and is
    unknown when you have not said how you met. A contact counts only when
    the rule can decide from what is known (``resembles`` is not None).
    """
    mine = {"sector": me.get("sector"), "region": me.get("region"),
            "generation": me.get("generation"), "school": "your school"}
    alter = decided = 0
    for sector, region, generation, context in rows:
        sector, region, generation, context = map(_value, (sector, region, generation, context))
        if context in ALTER_EGO_LEFT_OUT:
            continue
        theirs = {"sector": sector if sector != UNKNOWN else None, "region": region,
                  "generation": generation,
                  "school": None if context is None else
                  "your school" if context == "school" else "another"}
        verdict = resembles(mine, theirs)
        if verdict is not None:
            decided += 1
            alter += verdict
    share = alter / decided if decided else math.nan
    return share, decided, alter


def _measure(df, me) -> tuple[dict, dict]:
    strength = df["strength"].dropna().astype(int)
    companies = [c for c in df["company"] if isinstance(c, str) and c]
    ae, decided, _ = _alter_ego(zip(df["sector"], df["region"], df["generation"],
                                    df["context"]), me) if me else (math.nan, 0, 0)
    m = {
        "contacts": float(len(df)),
        "annotated_share": len(strength) / len(df),
        "strong_share": (float(np.mean([is_strong_level(s) for s in strength]))
                         if len(strength) else math.nan),
        "sector_diversity": blau(_known(df["sector"])) if _known(df["sector"]) else math.nan,
        "region_diversity": blau(_known(df["region"])) if _known(df["region"]) else math.nan,
        "generation_diversity": (blau(_known(df["generation"])) if _known(df["generation"])
                                 else math.nan),
        "company_diversity": blau(companies) if companies else math.nan,
        "top5_company_share": _top_share(companies, 5),
        "alter_ego_share": ae,
    }
    coverage = {
        "strength": len(strength), "sector": len(_known(df["sector"])),
        "region": len(_known(df["region"])), "generation": len(_known(df["generation"])),
        "context": int(df["context"].notna().sum()), "company": len(companies),
        "alter_ego_decided": decided,
    }
    return m, coverage


def _infer_me(df, given) -> tuple[dict, list]:
    """Fill sector/region/generation not given from the annotations, saying how."""
    me, how = dict(given), []
    colleagues = df[df["context"].isin(["colleague"])]
    if len(colleagues) < 3:
        colleagues = df[df["context"].isin(["colleague", "former_colleague"])]
    classmates = df[df["context"] == "school"]
    for key, pool, who in (("sector", colleagues, N_("{key} {value} (your colleagues' most "
                                                     "common)")),
                           ("region", colleagues, N_("{key} {value} (your colleagues' most "
                                                     "common)")),
                           ("generation", classmates, N_("{key} {value} (your classmates' "
                                                         "most common)"))):
        if key in me:
            continue
        values = _known(pool[key])
        if len(values) >= 3:
            counts = Counter(values)
            top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            me[key] = top
            how.append(_t(who, key=attribute_label(key), value=repr(_world(key, top))))
    return me, how


@lru_cache(maxsize=8)
def _reference_from_population(n_people, mean_degree, seed):
    import weakties

    G = weakties.population(n_people, seed=seed, mean_degree=mean_degree)
    return _reference_from_graph(G, seed)


def _reference_from_graph(G, seed):
    nodes = list(G.nodes)
    rng = np.random.default_rng(seed)
    egos = (nodes if len(nodes) <= _REFERENCE_EGOS else
            [nodes[i] for i in sorted(rng.choice(len(nodes), _REFERENCE_EGOS, replace=False))])
    data = dict(G.nodes(data=True))
    rows = []
    for ego in egos:
        nbrs = G._adj[ego]
        alters = [v for v, d in nbrs.items() if v != ego and d.get("context") != "family"]
        if not alters:
            continue
        employers = [data[v].get("employer") for v in alters]
        strong = [nbrs[v].get("strength", 1.0) >= STRONG_THRESHOLD for v in alters]
        ae = alter_ego_share(G, ego)
        rows.append({
            "contacts": float(len(alters)), "annotated_share": 1.0,
            "strong_share": float(np.mean(strong)),
            "sector_diversity": blau(data[v].get("sector") for v in alters),
            "region_diversity": blau(data[v].get("region") for v in alters),
            "generation_diversity": blau(data[v].get("generation") for v in alters),
            "company_diversity": blau(employers),
            "top5_company_share": _top_share(employers, 5),
            "alter_ego_share": ae,
        })
    table = pd.DataFrame(rows)
    n = G.number_of_nodes()
    worlds = {}
    for key in ("sector", "region", "generation"):
        counts = Counter(d.get(key) for d in data.values())
        worlds[key] = {k: c / n for k, c in counts.items() if k is not None}
    return table, worlds, {"people": n, "egos": len(rows),
                           "mean_degree": G.graph.get("options", {}).get("mean_degree"),
                           "seed": G.graph.get("seed")}


def reference_distribution(size: int, *, seed: int = REFERENCE_SEED, reference=None):
    """The reference measures for a network of ``size`` contacts.

    Parameters
    ----------
    size : int
        Your number of contacts.
    seed : int
    reference : networkx.Graph, optional
        A population to use instead of the default one.

    Returns
    -------
    table : DataFrame
        One row per reference ego, one column per measure of :data:`MEASURES`.
    worlds : dict
        ``{"sector": {...}, "region": {...}, "generation": {...}}``: shares
        of the whole population.
    info : dict
        People, egos, mean degree and seed of the reference.

    Examples
    --------
    >>> table, worlds, info = reference_distribution(40)
    >>> info["people"], info["egos"] > 500
    (1000, True)
    >>> bool(0.2 < table["sector_diversity"].median() < 0.9)
    True
    >>> round(sum(worlds["sector"].values()), 6)
    1.0
    """
    if reference is not None:
        if not isinstance(reference, nx.Graph):
            raise TypeError("reference must be a population graph (weakties.population) "
                            f"or None, not {type(reference).__name__}.")
        return _reference_from_graph(reference, seed)
    degree = int(min(150, max(10, round(size / 10) * 10)))
    people = int(min(_REFERENCE_PEOPLE, max(1000, 12 * degree)))
    return _reference_from_population(people, float(degree), int(seed))


# --------------------------------------------------------------------------
# Worlds, bridges, events, actions

def _trade_partners(sector):
    """Sectors that buy from ``sector`` and sectors that sell to it (population model)."""
    clients = {**_france.SERVICE_SECTORS.get(sector, {}), **_france.GOODS_SECTORS.get(sector, {})}
    suppliers = {s for s, m in {**_france.SERVICE_SECTORS, **_france.GOODS_SECTORS}.items()
                 if sector in m}
    for s, m in _france.GOODS_SECTORS.items():
        if sector in m:
            suppliers.add(s)
    return clients, suppliers


def _needed(goal, me, targets):
    """(dimension, world, reason) the goal needs."""
    out = []
    for s in targets.get("sectors", []):
        out.append(("sector", s, _t(N_("a sector you set as a target"))))
    for r in targets.get("regions", []):
        out.append(("region", r, _t(N_("a region you set as a target"))))
    for g in targets.get("generations", []):
        out.append(("generation", g, _t(N_("a generation you set as a target"))))
    own = me.get("sector")
    if goal == "job_search" and not targets.get("sectors") and own:
        out.append(("sector", own, _t(N_("the sector of the job you want (your own; set "
                                         "targets={{'sectors': [...]}} to aim elsewhere)"))))
    if goal in ("prospecting", "company_creation") and own:
        clients, suppliers = _trade_partners(own)
        for s, _ in sorted(clients.items(), key=lambda kv: (-kv[1], kv[0]))[:3]:
            out.append(("sector", s, _t(N_("buys from your sector ({own}): prospects and "
                                           "first clients"), own=own)))
        if goal == "company_creation":
            for s in sorted(suppliers)[:2]:
                out.append(("sector", s, _t(N_("supplies your sector ({own})"), own=own)))
    if goal == "company_creation":
        for s, why in zip(_ADVISERS, (N_("a banker and an accountant"),
                                      N_("a lawyer and advisers"),
                                      N_("a website and digital tools"))):
            out.append(("sector", s, _t(N_("advisers a new company needs: {why}"),
                                        why=_t(why))))
        if me.get("region"):
            out.append(("region", me["region"], _t(N_("your own region: local partners, "
                                                       "suppliers and clients"))))
    merged: dict = {}
    for d, w, why in out:  # a world needed for several reasons gets them all
        merged.setdefault((d, w), []).append(why)
    sep = "; " if language() == "en" else "\u202f; "  # French: a space before ';'
    return [(d, w, sep.join(whys)) for (d, w), whys in merged.items()]


def _worlds(df, goal, me, targets, worlds):
    """The goal's worlds (reached or not) and the worlds the network hardly reaches."""
    rows = []
    counts = {key: Counter(_known(df[key])) for key in ("sector", "region", "generation")}
    totals = {key: sum(c.values()) for key, c in counts.items()}
    for dim, world, why in _needed(goal, me, targets):
        n = counts[dim].get(world, 0)
        share = n / totals[dim] if totals[dim] else math.nan
        ref_share = worlds[dim].get(world, math.nan)
        enough = max(3, 0.05 * totals[dim]) if totals[dim] else 3
        reached = bool(totals[dim] and n >= enough
                       and (dim != "sector" or share >= min(0.1, ref_share)))
        rows.append({"dimension": dim, "world": world, "your_contacts": n, "your_share": share,
                     "reference_share": ref_share, "needed": True, "missing": not reached,
                     "why": why})
    for dim in ("sector", "region", "generation"):
        if totals[dim] < max(10, 0.2 * len(df)):
            continue  # too few known values to say what is missing
        candidates = []
        for world, ref_share in worlds[dim].items():
            share = counts[dim].get(world, 0) / totals[dim]
            if ref_share >= 0.04 and share < 0.5 * ref_share:
                candidates.append((ref_share - share, world, share, ref_share))
        candidates.sort(key=lambda x: (-x[0], x[1]))
        for _, world, share, ref_share in candidates[:3]:
            if any(r["dimension"] == dim and r["world"] == world for r in rows):
                continue
            rows.append({"dimension": dim, "world": world,
                         "your_contacts": counts[dim].get(world, 0), "your_share": share,
                         "reference_share": ref_share, "needed": False, "missing": True,
                         "why": _t(N_("{reference} of the reference population, {yours} of "
                                      "your known contacts"), reference=percent(ref_share),
                                   yours=percent(share))})
    cols = ["dimension", "world", "your_contacts", "your_share", "reference_share", "needed",
            "missing", "why"]
    out = pd.DataFrame(rows, columns=cols)
    return out.astype({"needed": bool, "missing": bool, "your_contacts": int})


def _tie_text(step):
    if step is None or (isinstance(step, float) and math.isnan(step)):
        return _t(N_("not annotated yet"))
    label = _t(STRENGTH_SCALE[int(step)][0])
    if is_strong_level(step):
        return _t(N_("{label} (strong tie)"), label=label)
    return _t(N_("{label} (weak tie)"), label=label)


def _bridges(df, worlds, goal_key):
    goal = GOALS[goal_key]
    rows = []
    used = Counter()
    records = df[["contact", "company", "position", "sector", "region", "generation",
                  "strength", "seniority", "context"]].to_dict("records")
    for _, w in worlds.iterrows():
        dim, world = w["dimension"], w["world"]
        scored = []
        for r in records:
            step = None if pd.isna(r["strength"]) else int(r["strength"])
            direct = r[dim] == world
            adjacent = False
            if dim == "sector" and not direct and r["sector"] in SECTORS:
                clients, suppliers = _trade_partners(r["sector"])
                adjacent = world in clients or world in suppliers
            if not (direct or adjacent):
                continue
            score = (3.0 if direct else 1.0) + goal.ties.get(step, 1.0)
            if r["seniority"] in ("manager", "executive"):
                score += goal.senior_bonus
            score -= 0.75 * used[r["contact"]]
            if direct:
                how = (_t(N_("is in {world}"), world=_world(dim, world)) if dim != "generation"
                       else _t(N_("is of the {world} generation"), world=_world(dim, world)))
            else:
                how = _t(N_("works in {sector}, which trades with {world}"),
                         sector=r["sector"], world=world)
            scored.append((-score, r["contact"], r, how, step))
        scored.sort(key=lambda x: (x[0], x[1]))
        # Up to three, from different companies when possible: three doors, not one.
        picked, companies = [], set()
        for item in scored:
            company = item[2]["company"] or item[1]
            if company not in companies:
                picked.append(item)
                companies.add(company)
            if len(picked) == 3:
                break
        for item in scored:
            if len(picked) == 3:
                break
            if item not in picked:
                picked.append(item)
        for neg, contact, r, how, step in picked:
            used[contact] += 1
            rows.append({"dimension": dim, "world": world, "contact": contact,
                         "company": r["company"], "position": r["position"],
                         "tie": _tie_text(step), "why": how, "score": -neg})
    cols = ["dimension", "world", "contact", "company", "position", "tie", "why", "score"]
    return pd.DataFrame(rows, columns=cols)


def _events(goal_key, worlds, measures, ref_q, me):
    goal = GOALS[goal_key]
    missing = worlds[worlds["missing"].astype(bool)]
    reasons = {f: [] for f in EVENT_FORMATS}
    sectors = [w for d, w in zip(missing["dimension"], missing["world"]) if d == "sector"]
    if sectors:
        reasons["evening"].append(_t(N_("meet people from {sectors}"),
                                     sectors=_join(sectors[:4])))
    sd = measures.get("sector_diversity")
    if sd is not None and not math.isnan(sd) and sd < ref_q["sector_diversity"][1]:
        reasons["evening"].append(_t(N_("widen a network whose sectors are less varied than "
                                        "the reference's")))
    ss = measures.get("strong_share")
    if ss is not None and not math.isnan(ss) and ss < ref_q["strong_share"][0]:
        reasons["breakfast"].append(_t(N_("turn some contacts into relations: few of your "
                                          "ties are strong")))
    if goal_key in ("prospecting", "company_creation"):
        reasons["breakfast"].append(_t(N_("meet the same business owners every month and "
                                          "earn the introductions they make")))
    if goal_key == "company_creation" or any(missing["dimension"] == "region"):
        where = me.get("region") or _t(N_("your region"))
        reasons["neighbourhood"].append(_t(N_("find partners, suppliers and clients near you "
                                              "({where})"), where=_world("region", where)))
    if goal_key == "job_search":
        reasons["neighbourhood"].append(_t(N_("hear of openings in local companies from "
                                              "people outside your trade")))
    ag = measures.get("alter_ego_share")
    if ag is not None and not math.isnan(ag) and ag > ref_q["alter_ego_share"][1]:
        reasons["evening"].append(_t(N_("meet people unlike you: most of your contacts "
                                        "resemble you")))
    out = []
    for fmt in goal.events:
        if reasons[fmt] or fmt == goal.events[0]:
            title, what = EVENT_FORMATS[fmt]
            out.append({"format": fmt, "title": _t(title), "what": _t(what),
                        "why": _join(reasons[fmt]) if reasons[fmt] else _t(goal.purpose),
                        "how_often": _t(N_("one a month for the next three months"))
                        if fmt == goal.events[0] else _t(N_("one in the next two months"))})
    return pd.DataFrame(out, columns=["format", "title", "what", "why", "how_often"])


def _join(items):
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return _t(N_("{first} and {last}"), first=", ".join(items[:-1]), last=items[-1])


def _actions(goal_key, df, measures, coverage, worlds, bridges, events, ref_q, targets):
    goal = GOALS[goal_key]
    out = []
    n = len(df)
    if coverage["strength"] < 0.5 * n:
        out.append(_t(N_("Annotate your contacts: {done} of {n} have a tie strength. Start "
                         "with the people you know well and those of the sectors below; the "
                         "balance of strong and weak ties and the alter-ego share need it."),
                      done=number(coverage["strength"]), n=number(n)))
    needed = worlds[worlds["needed"].astype(bool)]
    for _, w in needed.head(5).iterrows():
        b = bridges[(bridges["dimension"] == w["dimension"]) & (bridges["world"] == w["world"])]
        if len(b):
            first = b.iloc[0]
            no_title, no_company = _t(N_("no title")), _t(N_("no company"))
            who = (f"{first['contact']} ({first['position'] or no_title}, "
                   f"{first['company'] or no_company}, {first['tie']})")
            if w["missing"]:
                out.append(_t(N_("{world} ({why}): you hardly reach it; start with {who} and "
                                 "{ask}."), world=_world(w["dimension"], w["world"]),
                              why=w["why"], who=who, ask=_t(goal.ask)))
            else:
                out.append(_t(N_("{world} ({why}): you know {n} people there; start with "
                                 "{who} and {ask}."), world=_world(w["dimension"], w["world"]),
                              why=w["why"], n=number(w["your_contacts"]), who=who,
                              ask=_t(goal.ask)))
        else:
            out.append(_t(N_("{world} ({why}): none of your contacts reaches it yet; meet it "
                             "at the events below."), world=_world(w["dimension"], w["world"]),
                          why=w["why"]))
    other = worlds[~worlds["needed"].astype(bool) & worlds["missing"].astype(bool)]
    if len(other):
        worlds = _join([f"{_world(d, w)} ({attribute_label(d)})"
                        for d, w in zip(other["dimension"], other["world"])][:4])
        out.append(_t(N_("Open your network to worlds you hardly reach: {worlds}."),
                      worlds=worlds))
    top5 = measures["top5_company_share"]
    if not math.isnan(top5) and top5 > ref_q["top5_company_share"][2]:
        out.append(_t(N_("{share} of your contacts (with a company) work in your five most "
                         "common companies: a change of employer or a closed team would cut "
                         "you off. Add contacts outside them."), share=percent(top5)))
    ag = measures["alter_ego_share"]
    if not math.isnan(ag) and ag > ref_q["alter_ego_share"][1]:
        out.append(_t(N_("{share} of the contacts the rule can decide resemble you (sector, "
                         "region, generation, school): choose the next ones deliberately "
                         "across trades, territories and generations, not from 'people you "
                         "may know'."), share=percent(ag)))
    out.append(_t(goal.advice))
    if len(events):
        first = events.iloc[0]
        out.append(_t(N_("Go to {event}, {how_often}: {why}."), event=first["title"].lower(),
                      how_often=first["how_often"], why=first["why"]))
    out.append(_t(N_("After each meeting, follow up within a week and meet again: a tie met "
                     "in person and followed up becomes a relation (lesson 5).")))
    for key, target in targets.items():
        if key in MEASURES:
            low, high = target
            value = measures[key]
            if not math.isnan(value) and ((low is not None and value < low)
                                          or (high is not None and value > high)):
                out.append(_t(N_("Target not met: {measure} is {value} (target {target})."),
                              measure=_t(MEASURES[key][0]).lower(), value=_fmt(key, value),
                              target=_range(key, low, high)))
    return out


def _fmt(key, value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return _t(N_("n/a"))
    if key == "contacts":
        return number(int(value))
    if key in _SHARES:
        return percent(value)
    return decimal(value, 2)


def _range(key, low, high):
    if low is not None and high is not None:
        return _t(N_("{low} to {high}"), low=_fmt(key, low), high=_fmt(key, high))
    if low is not None:
        return _t(N_("at least {value}"), value=_fmt(key, low))
    return _t(N_("at most {value}"), value=_fmt(key, high))


# --------------------------------------------------------------------------
# The report

@dataclass(frozen=True, repr=False, eq=False)
class AuditReport:
    """The result of :func:`report`; displays in a notebook and saves as HTML.

    Attributes
    ----------
    goal : str
        One of :data:`GOALS`.
    measures : DataFrame
        One row per measure of :data:`MEASURES`: ``label``, ``you``, the
        reference's quartiles ``reference_p25``, ``reference_median``,
        ``reference_p75``, ``percentile`` (share of reference egos below
        you), ``target`` and ``verdict``.
    composition : dict of Series
        Counts of ``sector``, ``company`` (top 10), ``seniority``, ``year``,
        ``strength``, ``context``, ``region``, ``generation``.
    worlds : DataFrame
        The worlds (sectors, regions, generations) the goal needs, reached
        or not, and the worlds the network hardly reaches: ``dimension``,
        ``world``, ``your_contacts``, ``your_share``, ``reference_share``,
        ``needed`` (for the goal), ``missing`` (hardly reached), ``why``.
    missing : DataFrame
        The rows of ``worlds`` that are missing.
    bridges : DataFrame
        Up to three contacts who could bridge to each world (``contact`` as a
        pseudonym, ``company``, ``position``, ``tie``, ``why``), best first.
    events : DataFrame
        Kinds of events to attend (``format``: evening, breakfast or
        neighbourhood; ``why``; ``how_often``).
    actions : list of str
        The action plan, in order.
    me : dict
        Your sector, region and generation as used for the alter-ego share.
    notes : list of str
        How the numbers were obtained (coverage, inferences, reference).
    """

    goal: str
    measures: pd.DataFrame
    composition: dict
    worlds: pd.DataFrame
    bridges: pd.DataFrame
    events: pd.DataFrame
    actions: list
    me: dict
    notes: list
    reference: dict
    reference_worlds: dict = field(default_factory=dict)
    _source: dict = field(default_factory=dict)

    @property
    def missing(self) -> pd.DataFrame:
        """The worlds the network hardly reaches (rows of ``worlds``)."""
        return self.worlds[self.worlds["missing"].astype(bool)].reset_index(drop=True)

    # -- text ---------------------------------------------------------------
    def __repr__(self) -> str:
        m = self.measures.set_index("measure")
        lines = [f"AuditReport: {_t(GOALS[self.goal].label)} ("
                 + _t(N_("{n} contacts"), n=number(int(m.loc['contacts', 'you']))) + ")"]
        for key, row in m.iterrows():
            if key == "contacts":
                continue
            lines.append("  " + _t(N_("{label}: {you} (reference median {median}; {verdict})"),
                                   label=row["label"], you=_fmt(key, row["you"]),
                                   median=_fmt(key, row["reference_median"]),
                                   verdict=row["verdict"]))
        if len(self.missing):
            lines.append("  " + _t(N_("missing worlds: {worlds}"), worlds=", ".join(
                _world(d, w) for d, w in zip(self.missing["dimension"].head(6),
                                             self.missing["world"].head(6)))))
        lines.append("  " + _t(N_("action plan:")))
        lines += [f"  {i}. {a}" for i, a in enumerate(self.actions, 1)]
        return "\n".join(lines)

    # -- pictures -----------------------------------------------------------
    def figures(self) -> dict:
        """The report's pictures as matplotlib Figures, with their text alternatives.

        Returns
        -------
        dict
            ``{name: (figure, description)}`` for ``"sectors"``,
            ``"over_time"``, ``"ties"``, ``"measures"`` and ``"companies"``.
        """
        return {name: draw(self) for name, draw in _FIGURES.items()}

    def figure(self, name: str):
        """One picture of the report as a matplotlib Figure (see :meth:`figures`).

        Examples
        --------
        >>> import os, tempfile
        >>> os.environ["WEAKTIES_CONFIG_DIR"] = tempfile.mkdtemp()
        >>> from weakties.audit import read_linkedin, report, SAMPLE_EXPORT
        >>> r = report(read_linkedin(SAMPLE_EXPORT))
        >>> r.figure("over_time").axes[0].get_title()
        'New contacts per year'
        >>> del os.environ["WEAKTIES_CONFIG_DIR"]
        """
        return self._draw(name)[0]

    def picture(self, name: str):
        """One picture with its text alternative, to show in a notebook (whatever the backend).

        The picture is an embedded PNG with the description as its ``alt``
        text and, below it, as a caption starting "Picture description:".

        Examples
        --------
        >>> import os, tempfile
        >>> os.environ["WEAKTIES_CONFIG_DIR"] = tempfile.mkdtemp()
        >>> from weakties.audit import read_linkedin, report, SAMPLE_EXPORT
        >>> p = report(read_linkedin(SAMPLE_EXPORT)).picture("over_time")
        >>> p._repr_html_().startswith("<figure><img src='data:image/png;base64,")
        True
        >>> str(p).startswith("Bar chart of new contacts per year")
        True
        >>> del os.environ["WEAKTIES_CONFIG_DIR"]
        """
        fig, text = self._draw(name)
        return _Fragment(_figure_html(fig, text), text)

    def describe(self, name: str) -> str:
        """The text alternative of one picture: what it shows, with this network's numbers."""
        return self._draw(name)[1]

    def _draw(self, name):
        if name not in _FIGURES:
            raise ValueError(f"the report has no picture {name!r}: choose one of "
                             f"{', '.join(repr(k) for k in _FIGURES)}.")
        return _FIGURES[name](self)

    def plan(self):
        """The action plan, the worlds and the bridges, without pictures (quick to show)."""
        return _Fragment(_render(self, page=False, figures=False), repr(self))

    def to_html(self) -> str:
        """The whole report as one self-contained HTML page (pictures embedded)."""
        return _render(self)

    def _repr_html_(self) -> str:
        return _render(self, page=False)

    def save(self, path=None) -> Path:
        """Write the report as an HTML file; returns its path.

        Parameters
        ----------
        path : str or Path, optional
            Default: next to the export, ``<export name>-audit-<goal>.html``
            (for the sample: in the learner's configuration folder).

        Examples
        --------
        >>> import os, tempfile, pathlib
        >>> os.environ["WEAKTIES_CONFIG_DIR"] = tempfile.mkdtemp()
        >>> from weakties.audit import read_linkedin, report, SAMPLE_EXPORT
        >>> r = report(read_linkedin(SAMPLE_EXPORT), goal="prospecting")
        >>> r.save().name
        'Connections-audit-prospecting.html'
        >>> del os.environ["WEAKTIES_CONFIG_DIR"]
        """
        if path is None:
            info = self._source
            if info.get("sample"):
                from ..learner import config_dir
                folder, stem = config_dir() / "sample-audit", "Connections"
            elif info.get("path"):
                folder, stem = Path(info["path"]).parent, Path(info["path"]).stem
            else:
                raise AuditInputError("this report does not know where its contacts came "
                                      "from: pass save(path) with a file name ending in .html.")
            path = folder / f"{stem}-audit-{self.goal.replace('_', '-')}.html"
        p = Path(path).expanduser()
        if p.suffix.lower() not in (".html", ".htm"):
            raise ValueError(f"save the report as an .html file, not {p.name!r}.")
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text(self.to_html(), encoding="utf-8")
        except OSError as exc:
            raise AuditInputError(f"cannot write {p} ({exc.strerror}): choose a folder of "
                                  "yours.") from None
        return p


def report(contacts, goal="job_search", reference=None, targets=None, *, me=None,
           seed: int = REFERENCE_SEED) -> AuditReport:
    """Audit a network for a goal: composition, balance, diversity, comparison, action plan.

    Parameters
    ----------
    contacts : DataFrame or annotation widget
        From :func:`~weakties.audit.read_linkedin` or
        :func:`~weakties.audit.read_contacts`, with your annotations
        (:func:`~weakties.audit.store.with_annotations`, or the
        ``annotated`` table of :func:`~weakties.audit.annotate`).
    goal : {"job_search", "prospecting", "e_reputation", "company_creation"}
    reference : networkx.Graph, optional
        A population to compare with; default: a simulated population
        whose people have about as many ties as you have contacts (see the
        module documentation).
    targets : dict, optional
        ``{"sectors": [...], "regions": [...], "generations": [...]}``: the
        worlds your goal aims at (the sector of the job you want, your
        prospects' sectors); and values for measures of :data:`MEASURES`: a
        number (at least it, or at most it for measures where lower is
        better) or a ``(low, high)`` pair.
    me : dict, optional
        Your ``sector``, ``region`` and ``generation`` (for the alter-ego
        share and the goal's worlds); inferred from your annotations when
        missing.
    seed : int, default :data:`REFERENCE_SEED`

    Returns
    -------
    AuditReport

    Raises
    ------
    AuditInputError
        The table is not a contact table, or is empty.
    ValueError
        An unknown goal, target or value (the message lists what is allowed).

    Examples
    --------
    >>> import os, tempfile
    >>> os.environ["WEAKTIES_CONFIG_DIR"] = tempfile.mkdtemp()
    >>> from weakties.audit import read_linkedin, report, SAMPLE_EXPORT
    >>> from weakties.audit.store import with_annotations
    >>> contacts = with_annotations(read_linkedin(SAMPLE_EXPORT))
    >>> r = report(contacts, goal="job_search", targets={"sectors": ["Health"]})
    >>> "Health" in set(r.missing["world"])
    True
    >>> set(r.bridges["contact"].str[:2]) == {"C-"}
    True
    >>> r.events["format"].iloc[0]
    'evening'
    >>> del os.environ["WEAKTIES_CONFIG_DIR"]
    """
    df = _contacts_table(contacts)
    goal = _check_goal(goal)
    given = _check_me(me)
    targets = _check_targets(targets)
    me_used, inferred = _infer_me(df, given)
    measures, coverage = _measure(df, me_used)
    ref_table, worlds, info = reference_distribution(len(df), seed=seed, reference=reference)
    ref_q = {k: tuple(float(np.nanquantile(ref_table[k], q)) if ref_table[k].notna().any()
                      else math.nan for q in (0.25, 0.5, 0.75)) for k in MEASURES}
    rows = []
    for key, (label, better) in MEASURES.items():
        label = _t(label)
        you = measures[key]
        p25, med, p75 = ref_q[key]
        col = ref_table[key].dropna()
        pct = float((col < you).mean()) if len(col) and not math.isnan(you) else math.nan
        target = targets.get(key)
        if math.isnan(you):
            verdict = _t(N_("not measured: annotate more contacts"))
        elif target is not None:
            low, high = target
            ok = (low is None or you >= low) and (high is None or you <= high)
            verdict = _t(N_("meets your target")) if ok else _t(N_("misses your target"))
        elif key in ("contacts", "annotated_share"):
            verdict = _t(N_("for information"))
        elif you < p25:
            verdict = _t(N_("below the reference"))
        elif you > p75:
            verdict = _t(N_("above the reference"))
        else:
            verdict = _t(N_("like the reference"))
        rows.append({"measure": key, "label": label, "you": you, "reference_p25": p25,
                     "reference_median": med, "reference_p75": p75, "percentile": pct,
                     "target": _range(key, *target) if target else "", "verdict": verdict})
    table = pd.DataFrame(rows)
    goal_worlds = _worlds(df, goal, me_used, targets, worlds)
    bridges = _bridges(df, goal_worlds, goal)
    events = _events(goal, goal_worlds, measures, ref_q, me_used)
    actions = _actions(goal, df, measures, coverage, goal_worlds, bridges, events, ref_q,
                       targets)

    def counts(col, order=None, top=None):
        s = df[col].dropna()
        s = s[s.astype(str) != ""]
        c = s.value_counts()
        if order is not None:
            c = c.reindex([o for o in order if o in c.index])
        elif top:
            c = c.sort_values(ascending=False, kind="stable").head(top)
        return c

    composition = {
        "sector": counts("sector", list(SECTORS) + [UNKNOWN]),
        "company": df.loc[df["company"].astype(str) != "", "company"].value_counts().head(10),
        "seniority": counts("seniority", SENIORITY_LEVELS),
        "year": df["year"].dropna().astype(int).value_counts().sort_index(),
        "strength": df["strength"].dropna().astype(int).value_counts().sort_index(),
        "context": counts("context", list(CONTEXT_LABELS)),
        "region": counts("region", list(REGIONS)),
        "generation": counts("generation", sorted(set(_known(df["generation"])))),
    }
    n = len(df)
    notes = [
        _t(N_("{strength} of {n} contacts have a tie strength, {context} a context, {region} "
              "a region, {generation} a generation; {sector} have a known sector ({unknown} "
              "unknown)."), strength=number(coverage["strength"]), n=number(n),
           context=number(coverage["context"]), region=number(coverage["region"]),
           generation=number(coverage["generation"]), sector=number(coverage["sector"]),
           unknown=number(n - coverage["sector"])),
        _t(N_("Reference: a simulated population of {people} people (weakties.population, "
              "seed {seed}, mean degree {degree}), {egos} of whose ego networks (family ties "
              "left out) give the quartiles. It is a model of France, not a measure of real "
              "networks."), people=number(info["people"]), seed=repr(info["seed"]),
           degree=info["mean_degree"] if language() == "en" else
           str(info["mean_degree"]).replace(".", ","), egos=number(info["egos"])),
    ]
    if me_used:
        if inferred:
            notes.append(_t(N_("Your profile was inferred from your annotations: {what}. Pass "
                               "me={{'sector': ..., 'region': ..., 'generation': ...}} to set "
                               "it yourself."), what=_join(inferred)))
        notes.append(_t(N_("Alter-ego share: {decided} of {n} contacts could be decided from "
                           "what is known."), decided=number(coverage["alter_ego_decided"]),
                        n=number(n)))
    else:
        notes.append(_t(N_("The alter-ego share needs your own sector, region and generation: "
                           "pass me={{...}}, or annotate colleagues and classmates so they can "
                           "be inferred.")))
    src = dict(df.attrs.get("weakties", {}))
    if src.get("source") == "linkedin":
        notes.append(_t(N_("A LinkedIn export lists platform contacts only: family and close "
                           "friends are often missing, so expect fewer strong ties than in the "
                           "reference.")))
    return AuditReport(goal=goal, measures=table, composition=composition, worlds=goal_worlds,
                       bridges=bridges, events=events, actions=actions, me=me_used,
                       notes=notes, reference=info, reference_worlds=worlds,
                       _source={"sample": bool(src.get("sample")), "path": src.get("path")})


# --------------------------------------------------------------------------
# Pictures

def _new_figure(w=7.5, h=4.2):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(w, h), dpi=100)
    return fig, fig.add_subplot(1, 1, 1)


def _style(ax, title, xlabel=None, ylabel=None):
    from ..plotting import style_axes

    style_axes(ax, title, xlabel, ylabel)


def _fig_sectors(r):
    s = r.composition["sector"]
    known = s.drop(UNKNOWN, errors="ignore")
    total = known.sum() or 1
    ref = r.reference_worlds.get("sector", {})
    names = list(SECTORS)
    fig, ax = _new_figure(7.5, 4.8)
    y = np.arange(len(names))
    yours = [known.get(k, 0) / total for k in names]
    theirs = [ref.get(k, 0.0) for k in names]
    ax.barh(y + 0.2, yours, height=0.4, color=PALETTE[4], label=_t(N_("your contacts")))
    ax.barh(y - 0.2, theirs, height=0.4, color="white", edgecolor=PALETTE[0], hatch="///",
            label=_t(N_("reference population")))
    ax.set_yticks(y, names)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(_percent())
    ax.legend(loc="lower right", frameon=False)
    _style(ax, _t(N_("Sectors: your contacts against the reference population")),
           _t(N_("share of contacts with a known sector")))
    fig.tight_layout()
    over = [k for k, a, b in zip(names, yours, theirs) if a > 1.5 * b and a > 0.05]
    under = [k for k, a, b in zip(names, yours, theirs) if a < 0.5 * b]
    unknown = int(s.get(UNKNOWN, 0))
    none = _t(N_("none"))
    text = _t(N_("Bar chart of the share of each of {sectors} sectors among your {total} "
                 "contacts with a known sector (solid bars) and in the reference population "
                 "(hatched bars). Over-represented in your network: {over}. "
                 "Under-represented: {under}. {unknown} contacts have an unknown sector and "
                 "are not shown."), sectors=number(len(names)), total=number(int(total)),
              over=_join(over) or none, under=_join(under) or none, unknown=number(unknown))
    return fig, text


def _percent():
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda x, _: percent(x))


def _fig_over_time(r):
    s = r.composition["year"]
    fig, ax = _new_figure(7.5, 3.6)
    if len(s):
        years = list(range(int(s.index.min()), int(s.index.max()) + 1))
        values = [int(s.get(y, 0)) for y in years]
        ax.bar(years, values, color=PALETTE[2], edgecolor="black", linewidth=0.5)
        ax.set_xticks(years[:: max(1, len(years) // 12)])
        peak = years[int(np.argmax(values))]
        text = _t(N_("Bar chart of new contacts per year from {first} to {last}: {n} "
                     "contacts in all, the most in {peak} ({most})."), first=years[0],
                  last=years[-1], n=number(sum(values)), peak=peak, most=number(max(values)))
    else:
        text = _t(N_("No connection dates are known, so this chart is empty."))
    _style(ax, _t(N_("New contacts per year")), _t(N_("year")), _t(N_("contacts")))
    fig.tight_layout()
    return fig, text


def _fig_ties(r):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(10, 4), dpi=100)
    ax1, ax2 = fig.add_subplot(1, 2, 1), fig.add_subplot(1, 2, 2)
    s = r.composition["strength"]
    n = int(r.measures.set_index("measure").loc["contacts", "you"])
    steps = list(STRENGTH_SCALE)
    values = [int(s.get(k, 0)) for k in steps] + [n - int(s.sum())]
    labels = [f"{k} {_t(STRENGTH_SCALE[k][0])}" for k in steps] + [_t(N_("not annotated"))]
    colours = [PALETTE[1], PALETTE[1], PALETTE[5], PALETTE[5], "#DDDDDD"]
    hatches = ["", "", "xx", "xx", ".."]
    bars = ax1.bar(range(len(values)), values, color=colours, edgecolor="black", linewidth=0.5)
    for b, h in zip(bars, hatches):
        b.set_hatch(h)
    ax1.set_xticks(range(len(values)), labels, rotation=30, ha="right")
    _style(ax1, _t(N_("How well you know them")), None, _t(N_("contacts")))
    from matplotlib.patches import Patch

    ax1.legend(handles=[Patch(facecolor=PALETTE[1], edgecolor="black",
                              label=_t(N_("weak tie"))),
                        Patch(facecolor=PALETTE[5], edgecolor="black", hatch="xx",
                              label=_t(N_("strong tie"))),
                        Patch(facecolor="#DDDDDD", edgecolor="black", hatch="..",
                              label=_t(N_("not annotated")))],
               loc="upper center", ncol=3, frameon=False, fontsize=8)
    ax1.set_ylim(0, 1.3 * max(max(values), 1))
    c = r.composition["context"]
    if len(c):
        ax2.barh(range(len(c)), c.values, color=PALETTE[6], edgecolor="black", linewidth=0.5)
        ax2.set_yticks(range(len(c)), [_context(k) for k in c.index], fontsize=8)
        ax2.invert_yaxis()
    _style(ax2, _t(N_("How you met (annotated contacts)")), _t(N_("contacts")))
    fig.tight_layout()
    strong = values[2] + values[3]
    weak = values[0] + values[1]
    ranked = sorted(c.items(), key=lambda kv: (-kv[1], list(CONTEXT_LABELS).index(kv[0])
                                               if kv[0] in CONTEXT_LABELS else 99))
    top = ", ".join(f"{_context(k)} ({number(v)})" for k, v in ranked[:3])
    text = _t(N_("Two bar charts. Left: contacts by how well you know them: {barely} barely, "
                 "{acquaintances} acquaintances, {good} good contacts, {close} close, {none} "
                 "not annotated; {weak} weak and {strong} strong ties among the annotated. "
                 "Right: how you met, most often {top}."), barely=number(values[0]),
              acquaintances=number(values[1]), good=number(values[2]), close=number(values[3]),
              none=number(values[4]), weak=number(weak), strong=number(strong),
              top=top or _t(N_("not annotated yet")))
    return fig, text


def _fig_measures(r):
    m = r.measures[r.measures["measure"].isin(
        ["strong_share", "sector_diversity", "region_diversity", "generation_diversity",
         "company_diversity", "top5_company_share", "alter_ego_share"])].reset_index(drop=True)
    fig, ax = _new_figure(7.5, 4.2)
    y = np.arange(len(m))
    for i, row in m.iterrows():
        if not math.isnan(row["reference_p25"]):
            ax.plot([row["reference_p25"], row["reference_p75"]], [i, i], color=PALETTE[7],
                    lw=8, solid_capstyle="butt", alpha=0.6,
                    label=_t(N_("reference: middle half of people")) if i == 0 else None)
            ax.plot(row["reference_median"], i, marker="|", color="black", ms=14,
                    label=_t(N_("reference median")) if i == 0 else None)
        if not math.isnan(row["you"]):
            ax.plot(row["you"], i, marker=MARKERS[3], color=PALETTE[5], ms=9,
                    markeredgecolor="black", linestyle="none",
                    label=_t(N_("you")) if i == 0 else None)
    ax.set_yticks(y, m["label"], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    handles, labels = ax.get_legend_handles_labels()
    if not handles:
        ax.plot([], [], marker=MARKERS[3], color=PALETTE[5], linestyle="none",
                label=_t(N_("you")))
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.08), ncol=3, frameon=False, fontsize=8)
    _style(ax, "", _t(N_("value (0 to 1)")))
    fig.suptitle(_t(N_("Your measures against the reference")), y=0.99)
    fig.tight_layout()
    parts = []
    for _, row in m.iterrows():
        label = row["label"][0].lower() + row["label"][1:]
        parts.append(f"{label} {_fmt(row['measure'], row['you'])} ({row['verdict']})")
    joined = "; ".join(parts) if language() == "en" else " ; ".join(parts)
    text = (_t(N_("Dot plot of seven measures between 0 and 1: a diamond for your value, a "
                  "grey band for the middle half of the reference population and a tick for "
                  "its median."))
            + " " + joined[:1].upper() + joined[1:] + ".")
    return fig, text


def _fig_companies(r):
    s = r.composition["company"]
    fig, ax = _new_figure(7.5, 3.8)
    if len(s):
        ax.barh(range(len(s)), s.values, color=PALETTE[0], edgecolor="black", linewidth=0.5)
        ax.set_yticks(range(len(s)), [_short(c) for c in s.index], fontsize=8)
        ax.invert_yaxis()
        top5 = r.measures.set_index("measure").loc["top5_company_share", "you"]
        text = _t(N_("Bar chart of your {n} most common companies; the first is {first} with "
                     "{count} contacts. The five most common hold {share} of your contacts "
                     "with a company."), n=number(len(s)), first=_short(s.index[0]),
                  count=number(int(s.iloc[0])), share=_fmt("top5_company_share", top5))
    else:
        text = _t(N_("No company is known, so this chart is empty."))
    _style(ax, _t(N_("Your most common companies (concentration)")), _t(N_("contacts")))
    fig.tight_layout()
    return fig, text


def _context(key) -> str:
    """How a context (how you met) is shown: its label in the current language."""
    return _t(CONTEXT_LABELS[key]) if key in CONTEXT_LABELS else str(key)


def _short(text, n=32):
    text = str(text)
    return text if len(text) <= n else text[: n - 1] + "…"


_FIGURES = {"measures": _fig_measures, "sectors": _fig_sectors, "ties": _fig_ties,
            "companies": _fig_companies, "over_time": _fig_over_time}


def _png(fig) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100, metadata={"Software": None})
    return base64.b64encode(buf.getvalue()).decode("ascii")


# --------------------------------------------------------------------------
# HTML

_CSS = """
.wt-audit{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:60rem;
line-height:1.45;color:#222}
.wt-audit h1{font-size:1.5rem}.wt-audit h2{font-size:1.2rem;margin-top:1.6rem;
border-bottom:1px solid #ccc}
.wt-audit table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}
.wt-audit th,.wt-audit td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;
vertical-align:top}
.wt-audit th{background:#f2f2f2}.wt-audit figure{margin:1rem 0}
.wt-audit figcaption{font-size:.85rem;color:#444}
.wt-audit .wt-note{font-size:.85rem;color:#444}
"""


def _e(x) -> str:
    return html.escape("" if x is None else str(x))


def _table(df, columns, headers, fmt=None):
    fmt = fmt or {}
    out = ["<table><thead><tr>"]
    out += [f"<th scope='col'>{_e(h)}</th>" for h in headers]
    out.append("</tr></thead><tbody>")
    for _, row in df.iterrows():
        out.append("<tr>")
        for c in columns:
            v = row[c]
            out.append(f"<td>{_e(fmt[c](row) if c in fmt else v)}</td>")
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


class _Fragment:
    """A piece of HTML that shows itself in a notebook, with a text form for the console."""

    def __init__(self, html_text, text):
        self.html, self.text = html_text, text

    def _repr_html_(self):
        return self.html

    def __repr__(self):
        return self.text

    __str__ = __repr__


def _figure_html(fig, text) -> str:
    return (f"<figure><img src='data:image/png;base64,{_png(fig)}' alt='{_e(text)}' "
            "style='max-width:100%'><figcaption><em>" + _e(_t(N_("Picture description:")))
            + "</em> "
            f"{_e(text)}</figcaption></figure>")


def _render(r: AuditReport, page: bool = True, figures: bool = True) -> str:
    goal = GOALS[r.goal]
    m = r.measures
    n = int(m.set_index("measure").loc["contacts", "you"])
    title = _t(N_("Network audit: {goal}"), goal=_t(goal.label))
    intro = _t(N_("{n} contacts. The goal: {purpose}."), n=number(n), purpose=_t(goal.purpose))
    parts = [f"<div class='wt-audit'><h1>{_e(title)}</h1>", f"<p>{_e(intro)}</p>"]
    parts.append("<h2>" + _e(_t(N_("Action plan"))) + "</h2><ol>"
                 + "".join(f"<li>{_e(a)}</li>" for a in r.actions) + "</ol>")
    figs = r.figures() if figures else {}

    def figure(name):
        if not figures:
            return ""
        return _figure_html(*figs[name])

    parts.append("<h2>" + _e(_t(N_("Your measures against the reference"))) + "</h2>")
    parts.append(_table(m, ["label", "you", "reference_p25", "reference_median",
                            "reference_p75", "target", "verdict"],
                        [_t(h) for h in (N_("measure"), N_("you"),
                                         N_("reference, lower quartile"),
                                         N_("reference median"),
                                         N_("reference, upper quartile"), N_("your target"),
                                         N_("verdict"))],
                        {c: (lambda row, c=c: _fmt(row["measure"], row[c]))
                         for c in ("you", "reference_p25", "reference_median",
                                   "reference_p75")}))
    parts.append(figure("measures"))
    parts.append("<h2>" + _e(_t(N_("Worlds for your goal, and missing worlds"))) + "</h2>")
    if len(r.worlds):
        parts.append(_table(r.worlds, ["dimension", "world", "your_contacts", "your_share",
                                       "reference_share", "needed", "missing", "why"],
                            [_t(h) for h in (N_("kind"), N_("world"), N_("your contacts"),
                                             N_("your share"), N_("reference share"),
                                             N_("needed for your goal"), N_("status"),
                                             N_("why"))],
                            {"dimension": lambda row: attribute_label(row["dimension"]),
                             "world": lambda row: _world(row["dimension"], row["world"]),
                             "your_contacts": lambda row: number(row["your_contacts"]),
                             "your_share": lambda row: _fmt("strong_share", row["your_share"]),
                             "reference_share": lambda row: _fmt("strong_share",
                                                                 row["reference_share"]),
                             "needed": lambda row: _t(N_("yes")) if row["needed"]
                             else _t(N_("no")),
                             "missing": lambda row: (_t(N_("missing")) if row["missing"]
                                                     else _t(N_("reached")))}))
    else:
        parts.append("<p>" + _e(_t(N_("No missing world was found with what is known. "
                                      "Annotate regions and generations, or set targets, for "
                                      "a finer view."))) + "</p>")
    parts.append("<h2>" + _e(_t(N_("Contacts who could bridge to them"))) + "</h2>")
    if len(r.bridges):
        parts.append(_table(r.bridges, ["world", "contact", "position", "company", "tie", "why"],
                            [_t(h) for h in (N_("world"), N_("contact (pseudonym)"),
                                             N_("position"), N_("company"), N_("tie"),
                                             N_("why"))],
                            {"world": lambda row: _world(row["dimension"], row["world"])}))
    else:
        parts.append("<p>" + _e(_t(N_("None yet: the events below are the way in."))) + "</p>")
    parts.append("<h2>" + _e(_t(N_("Events to attend"))) + "</h2><ul>")
    for _, e in r.events.iterrows():
        parts.append(f"<li><b>{_e(e['title'])}</b> ({_e(e['how_often'])}): {_e(e['why'])}. "
                     f"<span class='wt-note'>{_e(e['what'])}</span></li>")
    parts.append("</ul>")
    if not figures:
        return f"<style>{_CSS}</style>" + "".join(parts) + "</div>"
    parts.append("<h2>" + _e(_t(N_("Composition of your network"))) + "</h2>")
    for name in ("sectors", "companies", "ties", "over_time"):
        parts.append(figure(name))
    sen = r.composition["seniority"]
    parts.append("<p>" + _e(_t(N_("Seniority (from job titles): {levels}."), levels=", ".join(
        f"{_t(SENIORITY_WORDS.get(k, k))} {number(int(v))}" for k, v in sen.items()))) + "</p>")
    for key, title in (("region", N_("Regions (annotated): {values}.")),
                       ("generation", N_("Generations (annotated): {values}."))):
        c = r.composition[key]
        if len(c):
            parts.append("<p>" + _e(_t(title, values=", ".join(
                f"{_world(key, k)} {number(int(v))}" for k, v in c.items()))) + "</p>")
    parts.append("<h2>" + _e(_t(N_("How these numbers were obtained")))
                 + "</h2><ul class='wt-note'>"
                 + "".join(f"<li>{_e(x)}</li>" for x in r.notes) + "</ul>")
    parts.append("<p class='wt-note'>" + _e(_t(N_(
        "Sources: Granovetter (1973), {granovetter}, American Journal of Sociology; Rajkumar "
        "et al. (2022), {rajkumar}, Science; Burt (2004), {burt}, American Journal of "
        "Sociology; McPherson, Smith-Lovin and Cook (2001), {mcpherson}, Annual Review of "
        "Sociology; Blau (1977), {blau}."), granovetter="The strength of weak ties",
        rajkumar="A causal test of the strength of weak ties",
        burt="Structural holes and good ideas", mcpherson="Birds of a feather",
        blau="Inequality and Heterogeneity")) + "</p>")
    parts.append("<p class='wt-note'>" + _e(_t(N_("Contacts appear by pseudonym only. This "
                                                  "report was made on your computer; keep it "
                                                  "with your private files."))) + "</p></div>")
    body = "".join(parts)
    if not page:
        return f"<style>{_CSS}</style>{body}"
    return (f"<!DOCTYPE html><html lang='{language()}'><head><meta charset='utf-8'>"
            f"<title>{_e(title)}</title>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<style>{_CSS}</style></head><body>{body}</body></html>")


_ = (_dt, ABROAD, ANNOTATION_COLUMNS, STRENGTH_VALUES)
