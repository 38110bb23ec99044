"""Simulated professional populations: people, the contexts they share, and their ties.

The population is built the way sociologists say networks form (Feld's
*focus theory*, 1981): people share **contexts** (a family, a school cohort,
an employer, a district, an event, an online platform) and ties form inside
them. Friends of friends meet (**triadic closure**), and a few ties come from
**random encounters**. Nothing is painted on: homophily, clustering, short
paths and the layered strength of ego networks all *emerge* from these
mechanisms, and the tests check that they do.

Calibration
-----------
The mechanisms' parameters (module constants such as ``_CONTEXT_MIX``,
``_IN_TEAM``, ``_SPELLS``, ``_PYMK_SHARE``, ``_ASKED``) were chosen so that,
at the lessons' size (2,000 people) and the exercises' size (450), the
population is clustered like measured professional networks: average
clustering 0.23 and 0.32-0.33 (company directors 0.59, co-authorship
networks 0.34 to 0.45, a random graph of the same density about 0.01:
Newman 2003), with sector homophily that stays partial, Dunbar-like layers,
short paths, and edge overlap rising with tie strength (Onnela et al.
2007). Most of a person's ties sit in a few dense circles (their team,
their circle of friends, their family); people meet first the friends of
friends they hear about from several contacts (Kossinets and Watts 2006).
Each parameter, what it models, the figure it was chosen against and the
measured results are in ``weakties/CALIBRATION.md``; the tests in
``tests/test_populations.py`` check the ranges over several seeds.

References
----------
.. [1] Feld, S. L. (1981). The focused organization of social ties.
   *American Journal of Sociology* 86(5), 1015-1035.
.. [2] McPherson, M., Smith-Lovin, L., Cook, J. M. (2001). Birds of a feather:
   homophily in social networks. *Annual Review of Sociology* 27, 415-444.
.. [3] Granovetter, M. S. (1973). The strength of weak ties.
   *American Journal of Sociology* 78(6), 1360-1380.
.. [4] Marsden, P. V., Campbell, K. E. (1984). Measuring tie strength.
   *Social Forces* 63(2), 482-501.
.. [5] Asikainen, A., Iñiguez, G., Ureña-Carrión, J., Kaski, K., Kivelä, M.
   (2020). Cumulative effects of triadic closure and homophily in social
   networks. *Science Advances* 6(19), eaax7310.
.. [6] Dunbar, R. I. M. (1998). The social brain hypothesis. *Evolutionary
   Anthropology* 6(5), 178-190.
.. [7] Sutcliffe, A., Dunbar, R., Binder, J., Arrow, H. (2012). Relationships
   and the social brain: integrating psychological and evolutionary
   perspectives. *British Journal of Psychology* 103(2), 149-168.
.. [8] Newman, M. E. J. (2003). The structure and function of complex
   networks. *SIAM Review* 45(2), 167-256 (table of network statistics).
.. [9] Onnela, J.-P. et al. (2007). Structure and tie strengths in mobile
   communication networks. *PNAS* 104(18), 7332-7336.
.. [10] Kossinets, G., Watts, D. J. (2006). Empirical analysis of an evolving
   social network. *Science* 311(5757), 88-90.
.. [11] LinkedIn Engineering. People You May Know
   (https://engineering.linkedin.com/teams/data/artificial-intelligence/people-you-may-know):
   the feature "is responsible for building more than 50% of LinkedIn's
   professional graph".
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import math
import numbers
from types import MappingProxyType

import networkx as nx
import numpy as np

from . import _france
from .ties import CONTEXTS, tie_strength

__all__ = ["population", "DEFAULTS", "OPTION_RANGES", "seed_from"]

#: Documented default options (see :func:`population`).
DEFAULTS = MappingProxyType({
    "mean_degree": 30.0,
    "homophily": 0.6,
    "online_share": 0.15,
    "regional_spread": 1.0,
    "closure": 0.12,
    "random_share": 0.02,
    "year": 2026,
})

#: Allowed range of each option, inclusive.
OPTION_RANGES = MappingProxyType({
    "mean_degree": (2.0, 200.0),
    "homophily": (0.0, 1.0),
    "online_share": (0.0, 0.6),
    "regional_spread": (0.0, 1.0),
    "closure": (0.0, 0.4),
    "random_share": (0.0, 0.2),
    "year": (2000, 2100),
})

MAX_PEOPLE = 1_000_000

# How the ties a person has (beyond family, online ties, closure and random
# encounters) divide between the contexts they share with others.
_CONTEXT_MIX = {
    "school": 0.12, "colleague": 0.38, "former_colleague": 0.10,
    "client": 0.03, "supplier": 0.01, "neighbour": 0.02, "event": 0.02,
    "leisure": 0.32,
}
# People per family circle that counts in a working adult's network (the
# person, a partner, parents, siblings, grown-up children).
_FAMILY_SIZES = (np.array([1, 2, 3, 4, 5]), np.array([0.10, 0.25, 0.30, 0.25, 0.10]))
_FAMILY_TIE = 0.9  # share of family pairs that are in touch
_TEAM_SIZE = 8
_IN_TEAM = 0.9     # share of colleague ties inside one's own team
_SPELLS = 0.6      # past employers per person from which colleagues are kept
_STREET = 4    # neighbours who know each other: a landing, a courtyard
_CLUB = 6      # a circle within a sports club or an association
_TABLE = 5     # a table at a networking event
_CLASS = 6     # a circle of classmates within a school cohort
# Largest share of a person's ties that can be close, and from which
# closeness a tie counts as close (see _limited_closeness).
_CLOSE_CAPACITY = 0.3
_CLOSE_LEVEL = 0.3
# Triadic closure (see _closure): each person hears about the contacts of
# _ASKED of their contacts and meets those they heard about most often.
_ASKED = 8
# Share of online ties suggested by the platform among friends of friends.
# LinkedIn's engineers write that "People You May Know" built more than half
# of LinkedIn's professional graph.
_PYMK_SHARE = 0.7
# Share of the contexts' nominal ties lost because a pair already shares
# another context (a first guess; _ties corrects what remains).
_DEDUP_LOSS = 0.15

# Context code -> (median interactions per year, log-sd, closeness Beta(a, b),
# reciprocity Beta(a, b)). Closeness stands for emotional intensity and
# intimacy; reciprocity for reciprocal services (Granovetter 1973). Marsden
# and Campbell (1984) found closeness the best single indicator of strength,
# and frequency and duration partly a matter of context (kin, neighbours and
# co-workers are seen often without being close), which these draws follow.
_TIE_PROFILE = {
    "family": (60.0, 0.8, (8, 2), (6, 3)),
    "friend": (12.0, 0.9, (3, 4), (3, 4)),
    "colleague": (100.0, 0.5, (2, 5), (3.5, 4)),
    "former_colleague": (3.0, 0.9, (3, 5), (3, 5)),
    "school": (2.0, 0.9, (3, 5), (2, 5)),
    "client": (12.0, 0.7, (2, 6), (3, 4)),
    "supplier": (12.0, 0.7, (2, 6), (3, 4)),
    "neighbour": (15.0, 1.0, (2, 6), (2, 5)),
    "event": (1.5, 0.8, (1.5, 8), (1.5, 7)),
    "online": (0.8, 1.0, (1, 10), (1, 8)),
}
_CROSS_TEAM_FREQUENCY = 30.0
# Median age of a tie in years, by context (exponential draws).
_TIE_AGE = {
    "friend": 8.0, "colleague": 5.0, "former_colleague": 7.0, "client": 4.0,
    "supplier": 4.0, "neighbour": 6.0, "event": 3.0, "online": 5.0,
}
_CODE = {c: i for i, c in enumerate(CONTEXTS)}  # lower code = higher priority


def seed_from(seed) -> int:
    """Turn a seed (int or str) into a non-negative integer, stably.

    Strings are hashed with SHA-256, so ``"alice"`` gives the same number on
    every machine and in every Python session (unlike :func:`hash`).

    Parameters
    ----------
    seed : int or str
        A non-negative integer, or any text such as a student id.

    Returns
    -------
    int

    Examples
    --------
    >>> seed_from(42)
    42
    >>> seed_from("alice") == seed_from("alice")
    True
    >>> seed_from("alice") == seed_from("bob")
    False
    """
    if isinstance(seed, bool) or not isinstance(seed, (numbers.Integral, str)):
        raise TypeError(
            f"seed must be a whole number or a text (such as a student id), "
            f"not {type(seed).__name__}: for example seed=42 or seed='alice'."
        )
    if isinstance(seed, str):
        if not seed.strip():
            raise ValueError("seed is an empty text: give a number or a non-empty text.")
        return int.from_bytes(hashlib.sha256(seed.encode("utf-8")).digest()[:8], "big")
    if seed < 0:
        raise ValueError(f"seed must be zero or positive, not {seed}.")
    return int(seed)


def _check_options(n, options):
    if isinstance(n, bool) or not isinstance(n, numbers.Integral):
        raise TypeError(f"n (the number of people) must be a whole number, not {type(n).__name__}.")
    if n < 2:
        raise ValueError(f"n (the number of people) must be at least 2, not {n}.")
    if n > MAX_PEOPLE:
        raise ValueError(f"n (the number of people) must be at most {MAX_PEOPLE:,}, not {n:,}.")
    unknown = [k for k in options if k not in DEFAULTS]
    if unknown:
        key = unknown[0]
        close = difflib.get_close_matches(key, list(DEFAULTS), n=1)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        raise TypeError(
            f"population() has no option {key!r}.{hint} "
            f"Allowed options: {', '.join(DEFAULTS)}."
        )
    opts = dict(DEFAULTS)
    for key, value in options.items():
        low, high = OPTION_RANGES[key]
        if isinstance(value, bool) or not isinstance(value, numbers.Real) or math.isnan(value):
            raise TypeError(f"option {key!r} must be a number between {low} and {high}, "
                            f"not {value!r}.")
        if not low <= value <= high:
            raise ValueError(f"option {key!r} must be between {low} and {high}, not {value}.")
        opts[key] = value
    opts["year"] = int(opts["year"])
    share = opts["online_share"] + opts["closure"] + opts["random_share"]
    if share > 0.8:
        raise ValueError(
            f"online_share + closure + random_share is {share:.2f}; it must stay at most "
            "0.8 so that shared contexts (family, school, work) still make most ties."
        )
    return opts


def population(n, *, seed, **options) -> nx.Graph:
    """Build a fictional professional population of ``n`` people in France.

    People get attributes drawn from plausible French distributions; ties
    form inside shared contexts (families, school cohorts, employers and their
    teams, former employers, client and supplier relations, districts,
    networking events, online platforms), then by triadic closure and a few
    random encounters. Each tie gets a strength from four components after
    Granovetter (1973) and Marsden and Campbell (1984); see
    :func:`weakties.ties.tie_strength`.

    Parameters
    ----------
    n : int
        Number of people, at least 2 (100,000 builds in about a minute).
    seed : int or str
        Same seed, same population, attribute for attribute. A text seed (a
        student id) is hashed with :func:`seed_from`.
    mean_degree : float, default 30
        Target mean number of ties per person (the realised mean is within
        about 10% of it once ``n`` is 1,000 or more; smaller populations
        fall short of large targets). Family ties do
        not scale with it.
    homophily : float in [0, 1], default 0.6
        Strength of the preference for similar people (same sector, same
        generation) where people choose whom to meet: at events, online,
        in leisure, in career moves. 0 means no preference beyond what the
        contexts themselves impose (colleagues share a sector anyway).
    online_share : float in [0, 0.6], default 0.15
        Share of ties made online only.
    regional_spread : float in [0, 1], default 1
        0 puts everyone in Île-de-France; 1 spreads people like France's
        population (INSEE 2021); values between mix the two.
    closure : float in [0, 0.4], default 0.12
        Share of ties made through a common acquaintance (triadic closure,
        context ``"friend"``); closure goes through close ties first.
    random_share : float in [0, 0.2], default 0.02
        Share of ties from chance encounters anywhere in the country.
    year : int, default 2026
        The present: ties began in this year or before.

    Returns
    -------
    networkx.Graph
        Nodes ``0 .. n-1``. Node attributes: ``name``, ``sector``,
        ``occupation``, ``employer``, ``region``, ``district``,
        ``generation``, ``birth_year``, ``school``, ``skills`` (frozenset),
        ``reliability`` (read-only mapping with keys ``"client"``,
        ``"deadlines"``, ``"payment"``, values in [0, 1]). Edge attributes:
        ``strength`` in (0, 1], ``context`` (one of
        :data:`weakties.ties.CONTEXTS`), ``frequency`` (interactions per
        year), ``since`` (year), the strength components ``time``,
        ``closeness``, ``reciprocity``, ``duration`` (each in [0, 1]), and
        ``provider`` (the node that sells) on client and supplier ties.
        ``G.graph`` records the seed and the options.

    Raises
    ------
    ValueError
        ``n < 2``, an option out of its range (see :data:`OPTION_RANGES`).
    TypeError
        An unknown option (the message lists the allowed ones), or a value
        of the wrong type.

    Notes
    -----
    The population is one of working professionals, the course's audience:
    everyone has at least half the mean number of ties (and at least two);
    anyone the contexts left with fewer gets online contacts in their
    sector, as a professional profile would. Nobody can keep more than 30%
    of their ties close (the social brain's limited capacity, Dunbar 1998):
    together these make every ego network hold fewer strong ties than weak
    ones. Employers are regional establishments: the same firm in two
    regions counts as two employers.

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(500, seed=1)
    >>> G.number_of_nodes()
    500
    >>> sorted(G.nodes[0])[:4]
    ['birth_year', 'district', 'employer', 'generation']
    >>> all(0 < s <= 1 for _, _, s in G.edges(data="strength"))
    True
    >>> weakties.population(500, seed=1).edges == G.edges
    True
    """
    opts = _check_options(n, options)
    seed_int = seed_from(seed)
    rng = np.random.default_rng(seed_int)
    people = _people(n, rng, opts)
    pairs = _ties(people, rng, opts)
    G = _graph(people, pairs, rng, opts)
    G.graph.update(
        name=f"weakties population (n={n}, seed={seed!r})",
        seed=seed, options=dict(opts),
    )
    return G


# --------------------------------------------------------------------------
# People

def _people(n, rng, opts):
    """Draw every person's attributes; returns a dict of arrays and lists."""
    regions = list(_france.REGIONS)
    census = np.array([_france.REGIONS[r][0] for r in regions])
    census = census / census.sum()
    capital = np.array([r == _france.CAPITAL_REGION for r in regions], float)
    s = opts["regional_spread"]
    p_region = (1 - s) * capital + s * census
    region = rng.choice(len(regions), size=n, p=p_region / p_region.sum())

    # District: the region's main city (or Paris itself) weighs more.
    district = np.empty(n, dtype=object)
    for r_i, r in enumerate(regions):
        idx = np.flatnonzero(region == r_i)
        names = _france.REGIONS[r][1]
        if r == _france.CAPITAL_REGION:
            w = np.array([3.0 if d.startswith("Paris") else 4.5 for d in names])
        else:
            w = np.array([2.5] + [1.0] * (len(names) - 1))
        district[idx] = np.array(names, dtype=object)[
            rng.choice(len(names), size=len(idx), p=w / w.sum())]

    gens = list(_france.GENERATIONS)
    g_w = np.array(list(_france.GENERATIONS.values()))
    generation = rng.choice(len(gens), size=n, p=g_w / g_w.sum())
    decade = np.array([int(g[:4]) for g in gens])[generation]
    birth_year = np.minimum(decade + rng.integers(0, 10, size=n), opts["year"] - 18)

    # School: a kind, a region (mostly one's own), then the sector follows
    # the school kind (engineers into industry and digital, and so on).
    kinds = list(_france.SCHOOL_KINDS)
    kind = rng.choice(len(kinds), size=n, p=[0.45, 0.2, 0.2, 0.15])
    school_region = region.copy()
    move = rng.random(n)
    cap_i = regions.index(_france.CAPITAL_REGION)
    school_region[move < 0.15] = cap_i
    far = move > 0.85
    school_region[far] = rng.choice(len(regions), size=int(far.sum()), p=census)
    school = np.array([
        f"{_france.SCHOOL_CITY[regions[sr]]} {kinds[k]}"
        if kinds[k] != "University" else f"University of {_france.SCHOOL_CITY[regions[sr]]}"
        for sr, k in zip(school_region, kind)
    ], dtype=object)

    sectors = list(_france.SECTORS)
    base = np.array([_france.SECTORS[x][0] for x in sectors])
    sector = np.empty(n, dtype=np.int64)
    for k_i, k in enumerate(kinds):
        idx = np.flatnonzero(kind == k_i)
        mult = np.array([_france.SCHOOL_KINDS[k].get(x, 1.0) for x in sectors])
        w = base * mult
        sector[idx] = rng.choice(len(sectors), size=len(idx), p=w / w.sum())

    occupation = np.empty(n, dtype=object)
    skills = [None] * n
    for x_i, x in enumerate(sectors):
        idx = np.flatnonzero(sector == x_i)
        occs = list(_france.SECTORS[x][1])
        pick = rng.integers(0, len(occs), size=len(idx))
        for i, o in zip(idx, pick):
            occupation[i] = occs[o]
            own = _france.SECTORS[x][1][occs[o]]
            k = min(len(own), 2 + int(rng.integers(0, 2)))
            chosen = {own[j] for j in rng.choice(len(own), size=k, replace=False)}
            extra = rng.choice(len(_france.TRANSVERSAL_SKILLS),
                               size=1 + int(rng.integers(0, 2)), replace=False)
            chosen.update(_france.TRANSVERSAL_SKILLS[j] for j in extra)
            skills[i] = frozenset(chosen)

    # Reliability on the engagement triangle: most people keep their
    # commitments, a few do not; the three values are correlated.
    latent = rng.beta(5.0, 1.6, size=n)
    reliability = np.clip(latent[:, None] + rng.normal(0, 0.08, size=(n, 3)), 0, 1)

    names = _names(n, rng, generation, gens)
    team_size = _circle(_TEAM_SIZE, _IN_TEAM * _budget(opts)["colleague"])
    employer, team = _employers(n, rng, region, sector, occupation, district,
                                regions, sectors, names, team_size)
    return {
        "n": n, "region": region, "district": district, "generation": generation,
        "birth_year": birth_year, "school": school, "sector": sector,
        "occupation": occupation, "skills": skills, "reliability": reliability,
        "name": names, "employer": employer, "team": team,
        "regions": regions, "sectors": sectors, "generations": gens,
    }


def _names(n, rng, generation, generations):
    """Names from the lists shipped in ``weakties/data`` (see ``_france.first_names``):
    85% French names, 15% English ones; a first name given in the person's
    birth decade, a woman's or a man's name with equal chances."""
    firsts = _france.first_names()
    lasts = _france.surnames()
    origin = np.where(rng.random(n) < 0.15, 1, 0)
    gender = np.where(rng.random(n) < 0.5, 0, 1)
    pick_first, pick_last = rng.random(n), rng.random(n)
    out = []
    for o, g, gen, x, y in zip(origin.tolist(), gender.tolist(), generation.tolist(),
                               pick_first.tolist(), pick_last.tolist()):
        origin_name = _france.NAME_ORIGINS[o]
        first = firsts[(origin_name, generations[gen], "FM"[g])]
        last = lasts[origin_name]
        out.append(f"{first[int(x * len(first))]} {last[int(y * len(last))]}")
    return out


_EMPLOYER_PATTERNS = {
    "Digital": ("{name} Numérique", "{name} Tech", "Studio {name} Web"),
    "Finance": ("Banque {name}", "{name} Assurances", "Crédit {name}"),
    "Industry": ("{name} Industries", "Ateliers {name}", "{name} Énergie"),
    "Retail": ("Maison {name}", "{name} Distribution", "Boutiques {name}"),
    "Health": ("Clinique {name}", "Pharmacie {name}", "Centre de santé {name}"),
    "Public sector": ("Mairie de {city}", "Agence publique {name}",
                      "Conseil départemental {name}"),
    "Education": ("Lycée {name}", "Institut {name}", "Formations {name}"),
    "Culture & media": ("Studio {name}", "Éditions {name}", "{name} Médias"),
    "Consulting": ("{name} Conseil", "Cabinet {name}", "{name} Partenaires"),
    "Construction": ("{name} Bâtiment", "{name} Immobilier", "Architectes {name}"),
    "Hospitality": ("Hôtel {name}", "Restaurant {name}", "Traiteur {name}"),
    "Transport": ("Transports {name}", "{name} Logistique", "{name} Fret"),
}
_SELF_EMPLOYED = {"Consulting": 0.25, "Culture & media": 0.3, "Health": 0.15,
                  "Construction": 0.12}


def _employers(n, rng, region, sector, occupation, district, regions, sectors, names,
               team_size):
    """Assign employers (regional establishments) and teams within them."""
    surnames = _france.surnames()["fr"]
    employer = np.empty(n, dtype=object)
    team = np.full(n, -1, dtype=np.int64)
    used: set[str] = set()
    next_team = 0
    for x_i, x in enumerate(sectors):
        patterns = _EMPLOYER_PATTERNS[x]
        for r_i, r in enumerate(regions):
            idx = np.flatnonzero((sector == x_i) & (region == r_i))
            if len(idx) == 0:
                continue
            idx = idx[rng.permutation(len(idx))]
            solo = rng.random(len(idx)) < _SELF_EMPLOYED.get(x, 0.06)
            for i in idx[solo]:
                employer[i] = f"{names[i]} ({occupation[i]}, self-employed)"
            rest = idx[~solo]
            start = 0
            while start < len(rest):
                size = int(min(len(rest) - start, rng.zipf(1.6), 3000))
                members = rest[start:start + size]
                start += size
                city = _france.SCHOOL_CITY[r]
                label = patterns[int(rng.integers(len(patterns)))].format(
                    name=surnames[int(rng.integers(len(surnames)))], city=city)
                if label in used:
                    label = f"{label} ({district[members[0]]})"
                k = 2
                base = label
                while label in used:
                    label = f"{base} {k}"
                    k += 1
                used.add(label)
                employer[members] = label
                # Teams of about eight, grouped by occupation.
                order = members[np.argsort(occupation[members].astype(str), kind="stable")]
                for t0 in range(0, len(order), team_size):
                    team[order[t0:t0 + team_size]] = next_team
                    next_team += 1
    return employer, team


# --------------------------------------------------------------------------
# Ties

def _budget(opts):
    """Expected ties per person from each context, before deduplication."""
    d = opts["mean_degree"]
    sizes, weights = _FAMILY_SIZES
    family = (float(sizes @ weights) - 1) * _FAMILY_TIE  # relatives in touch
    online = opts["online_share"] * d * (1 - _PYMK_SHARE)
    online_pymk = opts["online_share"] * d * _PYMK_SHARE
    closure = opts["closure"] * d
    random_ = opts["random_share"] * d
    rest = max(d - family - online - online_pymk - closure - random_, 0.0)
    rest /= 1 - _DEDUP_LOSS
    out = {c: w * rest for c, w in _CONTEXT_MIX.items()}
    out.update(online=online, online_pymk=online_pymk, closure=closure, random=random_)
    return out


def _circle(base, per_person):
    """Size of a circle (team, class, club...): the base size, or more when the
    wanted number of ties per person would not fit (density stays below 0.75)."""
    return max(base, int(math.ceil(per_person / 0.75)) + 1)


@functools.lru_cache(maxsize=128)
def _pairs_of(size):
    """All pairs (i < j) of positions in a group of ``size``, as two read-only arrays."""
    iu, ju = np.triu_indices(size, 1)
    iu.flags.writeable = False
    ju.flags.writeable = False
    return iu, ju


def _group_pairs(members, per_person, rng):
    """Random pairs within a group so each member gets about per_person ties."""
    s = len(members)
    if s < 2 or per_person <= 0:
        return np.empty((0, 2), dtype=np.int64)
    p = min(1.0, per_person / (s - 1))
    if s <= 60:
        iu, ju = _pairs_of(s)
        keep = rng.random(len(iu)) < p
        return np.column_stack([members[iu[keep]], members[ju[keep]]])
    m = rng.binomial(s * (s - 1) // 2, p)
    a = rng.integers(0, s, size=m)
    b = rng.integers(0, s - 1, size=m)
    b = b + (b >= a)
    return np.column_stack([members[a], members[b]])


def _groups(keys):
    """Indices grouped by an integer or string key, in a deterministic order."""
    keys = np.asarray(keys)
    if keys.dtype.kind in "OUS":
        _, codes = np.unique(keys.astype(str), return_inverse=True)
    else:
        codes = keys
    order = np.argsort(codes, kind="stable")
    sorted_codes = codes[order]
    cuts = np.flatnonzero(np.diff(sorted_codes)) + 1
    return [g for g in np.split(order, cuts) if len(g)]


def _pick_similar(candidates_by_key, key_of, i, pool, rng, homophily):
    """Pick a partner for i: with probability homophily someone with the same key."""
    if rng.random() < homophily:
        same = candidates_by_key.get(key_of[i])
        if same is not None and len(same) > 1:
            j = same[rng.integers(len(same))]
            if j != i:
                return j
    j = pool[rng.integers(len(pool))]
    return j if j != i else -1


def _ties(P, rng, opts):
    """All ties as arrays (pairs, context code, detail, multiplexity).

    Shared contexts first. How many distinct ties they yield depends on the
    population's size (small sector-region cells make small teams; pairs
    drawn twice merge), so when the realised mean degree misses its target
    by more than 5%, the contexts are drawn once more with their budgets
    rescaled. Then triadic closure and the minimum number of ties.
    """
    n = P["n"]
    b = _budget(opts)
    target = max(opts["mean_degree"] - b["closure"] - b["online_pymk"], 1.0)
    pairs, codes, detail, multiplex = _dedupe(_context_ties(P, rng, opts, b), n)
    realised = 2 * len(pairs) / n
    if n >= 200 and realised > 0 and abs(realised / target - 1) > 0.05:
        scale = target / realised
        rescaled = {k: (v * scale if k in _CONTEXT_MIX or k in ("online", "random") else v)
                    for k, v in b.items()}
        pairs, codes, detail, multiplex = _dedupe(
            _context_ties(P, rng, opts, rescaled), n)
    pairs, codes, detail, multiplex = _closure(pairs, codes, detail, multiplex, n, b, rng)
    minimum = max(2, int(round(opts["mean_degree"] / 2)))
    return _ensure_minimum(pairs, codes, detail, multiplex, P, rng, minimum)


def _context_ties(P, rng, opts, b):
    """Candidate ties from shared contexts, as chunks (pairs, context code, detail)."""
    n = P["n"]
    h = opts["homophily"]
    chunks = []  # (pairs, context, detail)

    def add(pairs, context, detail=0):
        pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
        if len(pairs):
            if np.ndim(detail):
                det = np.asarray(detail, dtype=np.int64)
            else:
                det = np.full(len(pairs), detail, dtype=np.int64)
            chunks.append((pairs, np.full(len(pairs), _CODE[context]), det))

    everyone = np.arange(n)

    # Families: mostly within a region, mixing generations and sectors.
    order = np.lexsort((rng.random(n), P["region"]))
    swap = np.flatnonzero(rng.random(n) < 0.15)
    order[swap] = order[swap[rng.permutation(len(swap))]]
    start = 0
    sizes, weights = _FAMILY_SIZES
    while start < n:
        size = int(rng.choice(sizes, p=weights))
        fam = order[start:start + size]
        start += size
        if len(fam) > 1:
            iu, ju = _pairs_of(len(fam))
            keep = rng.random(len(iu)) < _FAMILY_TIE
            add(np.column_stack([fam[iu[keep]], fam[ju[keep]]]), "family")

    # School cohorts: same school, same generation.
    # Circles of classmates; a few ties across circles in the same cohort.
    for g in _groups(np.char.add(P["school"].astype(str), P["generation"].astype(str))):
        g = g[rng.permutation(len(g))]
        size = _circle(_CLASS, 0.8 * b["school"])
        for t0 in range(0, len(g), size):
            add(_group_pairs(g[t0:t0 + size], 0.8 * b["school"], rng), "school")
        if len(g) > size:
            k = rng.poisson(0.2 * b["school"] / 2, size=len(g))
            u = np.repeat(g, k)
            add(np.column_stack([u, g[rng.integers(0, len(g), size=len(u))]]), "school")

    # Colleagues: dense within teams; a few across teams of the same
    # department (neighbouring teams, which share an occupation).
    team = P["team"]
    staffed = np.flatnonzero(team >= 0)
    team_members = {}
    for g in _groups(team[staffed]):
        members = staffed[g]
        team_members[int(team[members[0]])] = members
        add(_group_pairs(members, _IN_TEAM * b["colleague"], rng), "colleague", 1)
    employer_members = {}
    for g in _groups(P["employer"][staffed]):
        members = staffed[g]
        members = members[np.argsort(team[members], kind="stable")]
        employer_members[P["employer"][members[0]]] = members
        if len(members) > len(team_members[int(team[members[0]])]):
            k = rng.poisson((1 - _IN_TEAM) * b["colleague"] / 2, size=len(members))
            pos = np.repeat(np.arange(len(members)), k)
            off = rng.integers(1, 2 * len(team_members[int(team[members[0]])]) + 1,
                               size=len(pos)) * rng.choice([-1, 1], len(pos))
            other = np.clip(pos + off, 0, len(members) - 1)
            add(np.column_stack([members[pos], members[other]]), "colleague", 0)

    # Former colleagues: past spells at other employers, mostly same sector
    # (more so with stronger homophily) and same region. A person keeps in
    # touch with several members of the team they worked in there (who
    # still know each other), not with scattered individuals.
    employers = sorted(employer_members)
    emp_sector = np.array([P["sector"][employer_members[e][0]] for e in employers])
    emp_region = np.array([P["region"][employer_members[e][0]] for e in employers])
    emp_size = np.array([len(employer_members[e]) for e in employers], float)
    by_cell: dict = {}
    for e_i in range(len(employers)):
        by_cell.setdefault((emp_sector[e_i], emp_region[e_i]), []).append(e_i)
        by_cell.setdefault((emp_sector[e_i], -1), []).append(e_i)
    if employers:
        spells_per_person = _SPELLS
        per_spell = b["former_colleague"] / (2 * spells_per_person)
        n_spells = rng.poisson(spells_per_person, size=n)
        same_sector = 0.4 + 0.5 * h
        pairs = []
        for i in np.repeat(everyone, n_spells).tolist():
            x = P["sector"][i] if rng.random() < same_sector else int(rng.integers(len(P["sectors"])))
            r = P["region"][i] if rng.random() < 0.75 else -1
            cell = by_cell.get((x, r)) or by_cell.get((x, -1))
            if not cell:
                continue
            w = emp_size[cell]
            e_i = cell[int(np.searchsorted(np.cumsum(w), rng.random() * w.sum()))]
            staff = employer_members[employers[e_i]]
            anchor = staff[rng.integers(len(staff))]
            mates = team_members[int(team[anchor])]
            kept = min(len(mates), int(rng.poisson(per_spell)))
            for j in mates[rng.choice(len(mates), size=kept, replace=False)].tolist():
                pairs.append((i, j))
        add(pairs, "former_colleague")

    # Clients and suppliers: providers in service (or goods) sectors tied to
    # people in the sectors they serve, mostly in their own region.
    sector_names = P["sectors"]
    cell_people: dict = {}
    for g in _groups(P["sector"] * 100 + P["region"]):
        i0 = g[0]
        cell_people[(P["sector"][i0], P["region"][i0])] = g
    sector_people = {x: np.flatnonzero(P["sector"] == x) for x in range(len(sector_names))}
    for context, table in (("client", _france.SERVICE_SECTORS),
                           ("supplier", _france.GOODS_SECTORS)):
        providers = np.flatnonzero(np.isin(
            P["sector"], [sector_names.index(x) for x in table]))
        if len(providers) == 0:
            continue
        mu = b[context] * n / (2 * len(providers) * 1.5)
        k = rng.poisson(mu, size=len(providers))
        pairs = []
        for i, ki in zip(providers.tolist(), k.tolist()):
            targets = table[sector_names[P["sector"][i]]]
            tx = [sector_names.index(t) for t in targets]
            tw = np.cumsum(np.array(list(targets.values()), float))
            for _ in range(ki):
                x = tx[int(np.searchsorted(tw, rng.random() * tw[-1]))]
                local = cell_people.get((x, P["region"][i]))
                pool = local if (local is not None and rng.random() < 0.7) else sector_people[x]
                if not len(pool):
                    continue
                # One or two people of the client's team know the provider.
                j = int(pool[rng.integers(len(pool))])
                pairs.append((i, j))
                if team[j] >= 0 and rng.random() < 0.5:
                    mates = team_members[int(team[j])]
                    pairs.append((i, int(mates[rng.integers(len(mates))])))
        if pairs:
            arr = np.array(pairs, dtype=np.int64)
            add(arr, context, arr[:, 0])  # detail = the provider

    # Neighbours and leisure friends: same district, in small circles (a
    # building or street; a club or association). Clubs gather people of the
    # same generation more often the stronger the homophily.
    for g in _groups(P["district"]):
        street = g[rng.permutation(len(g))]
        size = _circle(_STREET, b["neighbour"])
        for t0 in range(0, len(street), size):
            add(_group_pairs(street[t0:t0 + size], b["neighbour"], rng), "neighbour")
        key = np.where(rng.random(len(g)) < h, P["generation"][g], rng.integers(0, 5, len(g)))
        club = g[np.lexsort((rng.random(len(g)), key))]
        size = _circle(_CLUB, b["leisure"])
        for t0 in range(0, len(club), size):
            add(_group_pairs(club[t0:t0 + size], b["leisure"], rng), "friend")

    # Networking events: a regional gathering, half of them themed on a
    # sector; attendees talk around tables of five and some exchange cards.
    total_event_ties = b["event"] * n / 2
    region_people = {r: np.flatnonzero(P["region"] == r) for r in np.unique(P["region"])}
    region_keys = sorted(region_people)
    region_w = np.array([len(region_people[r]) for r in region_keys], float)
    made = 0
    while made < total_event_ties:
        r = region_keys[int(np.searchsorted(np.cumsum(region_w), rng.random() * region_w.sum()))]
        local = region_people[r]
        size = int(min(len(local), rng.integers(15, 61)))
        if size < 2:
            made += 1
            continue
        attendees = local[rng.choice(len(local), size=size, replace=False)]
        if rng.random() < 0.5:  # themed event: part of the room shares a sector
            x = int(rng.integers(len(sector_names)))
            themed = sector_people[x]
            k = int(round(h * 0.6 * size))
            if k and len(themed):
                attendees[:k] = themed[rng.integers(0, len(themed), size=k)]
            attendees = np.unique(attendees)
        attendees = attendees[rng.permutation(len(attendees))]
        for t0 in range(0, len(attendees), _TABLE):
            pairs = _group_pairs(attendees[t0:t0 + _TABLE], 2.0, rng)
            add(pairs, "event")
            made += max(len(pairs), 1)

    # Online ties: half are suggested friends of friends (made in
    # _closure); the others link to the same sector with probability
    # `homophily`, else to anyone.
    k = rng.poisson(b["online"] / 2, size=n)
    u = np.repeat(everyone, k)
    same = rng.random(len(u)) < h
    v = everyone[rng.integers(0, n, size=len(u))]
    for x, members in sector_people.items():
        sel = same & (P["sector"][u] == x)
        v[sel] = members[rng.integers(0, len(members), size=int(sel.sum()))]
    add(np.column_stack([u, v]), "online")

    # Random encounters anywhere (a train, a conference abroad, a forum).
    m = rng.poisson(b["random"] * n / 2)
    u = rng.integers(0, n, size=m)
    v = rng.integers(0, n, size=m)
    add(np.column_stack([u, v]), "event", 0)
    m2 = rng.poisson(b["random"] * n / 4)
    add(np.column_stack([rng.integers(0, n, size=m2), rng.integers(0, n, size=m2)]), "online")
    return chunks


def _dedupe(chunks, n):
    """Keep one tie per pair: the highest-priority context; count multiplexity."""
    if not chunks:
        e = np.empty(0, dtype=np.int64)
        return np.empty((0, 2), dtype=np.int64), e, e, e
    pairs = np.concatenate([c[0] for c in chunks])
    codes = np.concatenate([c[1] for c in chunks])
    detail = np.concatenate([c[2] for c in chunks])
    lo = np.minimum(pairs[:, 0], pairs[:, 1])
    hi = np.maximum(pairs[:, 0], pairs[:, 1])
    ok = lo != hi
    lo, hi, codes, detail = lo[ok], hi[ok], codes[ok], detail[ok]
    key = lo * n + hi
    order = np.lexsort((codes, key))
    key, lo, hi, codes, detail = key[order], lo[order], hi[order], codes[order], detail[order]
    first = np.ones(len(key), bool)
    first[1:] = key[1:] != key[:-1]
    # Multiplexity: number of distinct contexts the pair shares.
    distinct = first | (codes != np.roll(codes, 1))
    group = np.cumsum(first) - 1
    multiplex = np.bincount(group, weights=distinct).astype(np.int64)
    return np.column_stack([lo[first], hi[first]]), codes[first], detail[first], multiplex


def _closure(pairs, codes, detail, multiplex, n, b, rng):
    """Triadic closure, twice over: people meet the friends of their friends.

    Each person asks :data:`_ASKED` of their own contacts, drawn at random
    (a contact drawn twice is asked once), hears about all the contacts of
    those, and meets, among the people they do not know yet, those they
    heard about most (at random among equals). Someone known to many of
    one's contacts is heard about more often, so pairs with many mutual
    contacts form far more often: Kossinets and Watts (2006) found the
    chance of a new tie rising with the number of mutual acquaintances. No
    formula sets a clustering value; clustering follows from who hears
    about whom.

    Friends (context ``"friend"``): one hears from one's close contacts,
    mostly about their own close contacts (each mention weighs by the
    closeness of the tie it travels along), so two people close to the same
    person end up tied, as Granovetter's forbidden triad says. Online
    (context ``"online"``): the platform suggests people with mutual
    connections ("people you may know"), through any tie, every mutual
    connection counting the same; LinkedIn's engineers describe its
    suggestions as friends of friends, more likely the more connections two
    people have in common.
    """
    if len(pairs) == 0:
        return pairs, codes, detail, multiplex
    profile_close = np.array([_TIE_PROFILE[c][2][0] / sum(_TIE_PROFILE[c][2])
                              for c in CONTEXTS])
    # Adjacency in compressed form: the contacts of v are dst[indptr[v]:indptr[v + 1]].
    src = np.concatenate([pairs[:, 0], pairs[:, 1]])
    dst = np.concatenate([pairs[:, 1], pairs[:, 0]])
    close_w = np.concatenate([profile_close[codes] ** 2] * 2)
    order = np.argsort(src, kind="stable")
    src, dst, close_w = src[order], dst[order], close_w[order]
    degree = np.bincount(src, minlength=n)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(degree, out=indptr[1:])
    eligible = np.flatnonzero(degree >= 2)
    if len(eligible) == 0:
        return pairs, codes, detail, multiplex
    tied = np.sort(np.minimum(src, dst) * n + np.maximum(src, dst))

    def is_tied(x, y):
        key = np.minimum(x, y) * n + np.maximum(x, y)
        pos = np.minimum(np.searchsorted(tied, key), len(tied) - 1)
        return tied[pos] == key

    def pick(v, cum):
        """One contact of each v, with probability proportional to the weights summed in cum."""
        lo = np.where(indptr[v] > 0, cum[np.maximum(indptr[v] - 1, 0)], 0.0)
        hi = cum[indptr[v + 1] - 1]
        j = np.searchsorted(cum, lo + rng.random(len(v)) * (hi - lo), side="right")
        return dst[np.clip(j, indptr[v], indptr[v + 1] - 1)]

    made = np.empty(0, dtype=np.int64)
    found = {}
    for context, target, weights in (("friend", b["closure"], close_w),
                                     ("online", b["online_pymk"], np.ones(len(dst)))):
        target = int(round(target * n / 2))
        cum = np.cumsum(weights)
        got, total = [], 0
        for _ in range(4):  # passes over everyone until the target is met
            if total >= target:
                break
            egos = eligible[rng.permutation(len(eligible))]
            quota = rng.poisson((target - total) / len(egos), size=len(egos))
            egos, quota = egos[quota > 0], quota[quota > 0]
            for s0 in range(0, len(egos), 4096):
                if total >= target:
                    break
                e, wanted = egos[s0:s0 + 4096], quota[s0:s0 + 4096]
                # (ego row, contact asked), each distinct pair once.
                asked = np.unique(np.repeat(np.arange(len(e)), _ASKED) * n
                                  + pick(np.repeat(e, _ASKED), cum))
                row, via = asked // n, asked % n
                lens = indptr[via + 1] - indptr[via]
                row = np.repeat(row, lens)
                first_of = np.repeat(np.cumsum(lens) - lens, lens)
                slot = np.repeat(indptr[via], lens) + np.arange(len(row)) - first_of
                heard = dst[slot]
                keys, inverse = np.unique(row * n + heard, return_inverse=True)
                # How much one hears about someone: once per contact who knows
                # them, or, for friends, more from contacts close to them.
                times = np.bincount(inverse, weights=weights[slot], minlength=len(keys))
                row, heard = keys // n, keys % n
                ego = e[row]
                ok = (heard != ego) & ~is_tied(ego, heard)
                row, heard, ego, times = row[ok], heard[ok], ego[ok], times[ok]
                # Most heard-about first (at random among equals), up to each quota.
                o = np.lexsort((rng.random(len(row)), -times, row))
                row, heard, ego = row[o], heard[o], ego[o]
                starts = np.flatnonzero(np.r_[True, row[1:] != row[:-1]]) if len(row) else row
                rank = np.arange(len(row)) - np.repeat(starts, np.diff(np.r_[starts, len(row)]))
                take = rank < wanted[row]
                key = (np.minimum(ego[take], heard[take]) * n
                       + np.maximum(ego[take], heard[take]))
                key = key[np.sort(np.unique(key, return_index=True)[1])]
                if len(made):
                    pos = np.minimum(np.searchsorted(made, key), len(made) - 1)
                    key = key[made[pos] != key]
                key = key[:target - total]
                got.append(key)
                total += len(key)
                made = np.sort(np.concatenate([made, key]))
        keys = np.concatenate(got) if got else np.empty(0, dtype=np.int64)
        found[context] = keys
    k1, k2 = len(found["friend"]), len(found["online"])
    keys = np.concatenate([found["friend"], found["online"]])
    if len(keys) == 0:
        return pairs, codes, detail, multiplex
    new = np.column_stack([keys // n, keys % n]).astype(np.int64)
    return (np.concatenate([pairs, new]),
            np.concatenate([codes, np.full(k1, _CODE["friend"]), np.full(k2, _CODE["online"])]),
            np.concatenate([detail, np.zeros(k1 + k2, dtype=np.int64)]),
            np.concatenate([multiplex, np.ones(k1 + k2, dtype=np.int64)]))


def _ensure_minimum(pairs, codes, detail, multiplex, P, rng, minimum=2):
    """Give anyone with fewer than `minimum` ties online contacts in their sector
    (at random among them: these are weak, casual ties)."""
    n = P["n"]
    minimum = min(minimum, n - 1) if n >= 3 else 1
    deg = np.bincount(pairs.ravel(), minlength=n) if len(pairs) else np.zeros(n, int)
    existing = set((pairs[:, 0] * n + pairs[:, 1]).tolist()) if len(pairs) else set()
    extra = []
    for i in np.flatnonzero(deg < minimum).tolist():
        same = np.flatnonzero(P["sector"] == P["sector"][i])
        pool = same if len(same) > minimum + 1 else np.arange(n)
        tries = 0
        while deg[i] < minimum and tries < 50:
            tries += 1
            j = int(pool[rng.integers(len(pool))])
            key = min(i, j) * n + max(i, j)
            if j == i or key in existing:
                continue
            existing.add(key)
            extra.append((min(i, j), max(i, j)))
            deg[i] += 1
            deg[j] += 1
    if not extra:
        return pairs, codes, detail, multiplex
    extra = np.array(extra, dtype=np.int64)
    k = len(extra)
    return (np.concatenate([pairs, extra]),
            np.concatenate([codes, np.full(k, _CODE["online"])]),
            np.concatenate([detail, np.zeros(k, dtype=np.int64)]),
            np.concatenate([multiplex, np.ones(k, dtype=np.int64)]))


# --------------------------------------------------------------------------
# Graph assembly: tie components and strength

def _graph(P, ties, rng, opts):
    pairs, codes, detail, multiplex = ties
    n, year = P["n"], opts["year"]
    m = len(pairs)
    names = np.array(CONTEXTS, dtype=object)[codes]

    med = np.array([_TIE_PROFILE[c][0] for c in CONTEXTS])[codes]
    sd = np.array([_TIE_PROFILE[c][1] for c in CONTEXTS])[codes]
    colleague = codes == _CODE["colleague"]
    med = np.where(colleague & (detail == 0), _CROSS_TEAM_FREQUENCY, med)
    frequency = np.clip(med * np.exp(rng.normal(0, 1, m) * sd), 0.1, 365.0)

    ca = np.array([_TIE_PROFILE[c][2][0] for c in CONTEXTS], float)[codes]
    cb = np.array([_TIE_PROFILE[c][2][1] for c in CONTEXTS], float)[codes]
    ra = np.array([_TIE_PROFILE[c][3][0] for c in CONTEXTS], float)[codes]
    rb = np.array([_TIE_PROFILE[c][3][1] for c in CONTEXTS], float)[codes]
    extra = np.maximum(multiplex - 1, 0)  # ties that share several contexts are closer
    closeness = np.clip(rng.beta(ca, cb) + 0.1 * extra, 0, 1)
    closeness = _limited_closeness(pairs, closeness, n)
    reciprocity = np.clip(rng.beta(ra, rb) + 0.05 * extra, 0, 1)

    birth = P["birth_year"]
    older = np.minimum(birth[pairs[:, 0]], birth[pairs[:, 1]]) if m else np.empty(0)
    younger = np.maximum(birth[pairs[:, 0]], birth[pairs[:, 1]]) if m else np.empty(0)
    age = np.array([_TIE_AGE.get(c, 0.0) for c in CONTEXTS])[codes]
    since = np.floor(year - rng.exponential(1.0, m) * age / math.log(2))
    school = codes == _CODE["school"]
    since = np.where(school, older + 18 + rng.integers(0, 5, m), since)
    since = np.clip(since, younger + 16, year)
    since = np.where(codes == _CODE["family"], younger, since)
    since = np.where(codes == _CODE["online"], np.maximum(since, 2004), since)
    since = np.minimum(since, year).astype(int)

    time_c, duration = _components(frequency, since, year)
    strength = tie_strength(time_c, closeness, reciprocity, duration)

    G = nx.Graph()
    regions, sectors, gens = P["regions"], P["sectors"], P["generations"]
    keys = ("client", "deadlines", "payment")
    for i in range(n):
        G.add_node(
            i,
            name=P["name"][i],
            sector=sectors[P["sector"][i]],
            occupation=P["occupation"][i],
            employer=P["employer"][i],
            region=regions[P["region"][i]],
            district=P["district"][i],
            generation=gens[P["generation"][i]],
            birth_year=int(birth[i]),
            school=P["school"][i],
            skills=P["skills"][i],
            reliability=MappingProxyType(
                {k: round(float(v), 4) for k, v in zip(keys, P["reliability"][i])}),
        )
    cols = zip(pairs[:, 0].tolist(), pairs[:, 1].tolist(), names.tolist(),
               np.round(strength, 6).tolist(), np.round(frequency, 3).tolist(),
               since.tolist(), np.round(time_c, 6).tolist(), np.round(closeness, 6).tolist(),
               np.round(reciprocity, 6).tolist(), np.round(duration, 6).tolist(),
               detail.tolist())
    edges = []
    for u, v, ctx, s, f, y, t, c, r, d, det in cols:
        attrs = {"strength": s, "context": ctx, "frequency": f, "since": y,
                 "time": t, "closeness": c, "reciprocity": r, "duration": d}
        if ctx in ("client", "supplier"):
            attrs["provider"] = det
        edges.append((u, v, attrs))
    G.add_edges_from(edges)
    return G


def _limited_closeness(pairs, closeness, n):
    """Closeness is a limited resource: nobody is close to everyone.

    The social brain hypothesis explains Dunbar's layers by limited time and
    emotional capacity (Dunbar 1998; Sutcliffe et al. 2012). Here a person
    can keep at most :data:`_CLOSE_CAPACITY` of their ties close (closeness
    of :data:`_CLOSE_LEVEL` or more); their other would-be close ties are
    halved in closeness, on both sides of the tie.
    """
    m = len(pairs)
    if m == 0:
        return closeness
    ends = np.concatenate([pairs[:, 0], pairs[:, 1]])
    edge = np.concatenate([np.arange(m), np.arange(m)])
    c = closeness[edge]
    order = np.lexsort((-c, ends))
    ends, edge, c = ends[order], edge[order], c[order]
    starts = np.flatnonzero(np.r_[True, ends[1:] != ends[:-1]])
    rank = np.arange(len(ends)) - np.repeat(starts, np.diff(np.r_[starts, len(ends)]))
    degree = np.bincount(ends, minlength=n)
    allowed = np.floor(_CLOSE_CAPACITY * degree[ends])
    excess = np.unique(edge[(c >= _CLOSE_LEVEL) & (rank >= allowed)])
    out = closeness.copy()
    out[excess] *= 0.5
    return out


def _components(frequency, since, year):
    """Time and duration components of tie strength, each in [0, 1]."""
    from .ties import duration_component, time_component
    return time_component(frequency), duration_component(year - since)
