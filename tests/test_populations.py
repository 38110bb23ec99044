"""weakties.population: attributes, determinism, bad input, and emergent structure.

The structure tests check the calibration documented in ``weakties/CALIBRATION.md``
at the lessons' size (2,000 people) and the exercises' size (450 people), over
several seeds: clustering like measured professional networks (Newman 2003),
homophily that stays partial, Dunbar-like layers, a small world, and the
coupling of tie strength with network structure (Onnela et al. 2007).
"""

import json
import math
import re
import subprocess
import sys
import textwrap

import networkx as nx
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import weakties
from weakties import _france, metrics, ties
from weakties.populations import DEFAULTS, OPTION_RANGES

SEEDS = (1, 2, 3)
LESSON_SIZE, EXERCISE_SIZE = 2000, 450
NODE_ATTRS = {"name", "sector", "occupation", "employer", "region", "district",
              "generation", "birth_year", "school", "skills", "reliability"}
EDGE_ATTRS = {"strength", "context", "frequency", "since", "time", "closeness",
              "reciprocity", "duration"}


@pytest.fixture(scope="module")
def pops():
    return {s: weakties.population(LESSON_SIZE, seed=s) for s in SEEDS}


@pytest.fixture(scope="module")
def small_pops():
    return {s: weakties.population(EXERCISE_SIZE, seed=s) for s in SEEDS}


@pytest.fixture(scope="module")
def both_sizes(pops, small_pops):
    """(label, graph) for every seed at the lessons' and the exercises' size."""
    return [(f"n={G.number_of_nodes()}, seed={s}", G)
            for table in (pops, small_pops) for s, G in table.items()]


def fingerprint(G):
    nodes = [(v, sorted((k, repr(sorted(x) if isinstance(x, frozenset) else
                                 dict(x) if k == "reliability" else x))
                        for k, x in d.items())) for v, d in G.nodes(data=True)]
    edges = [(u, v, sorted(d.items())) for u, v, d in G.edges(data=True)]
    return repr((nodes, edges))


# -- attributes ---------------------------------------------------------------

def test_every_person_has_the_documented_attributes(pops):
    G = pops[1]
    districts = {d: r for r, (_, ds) in _france.REGIONS.items() for d in ds}
    for v, d in G.nodes(data=True):
        assert set(d) == NODE_ATTRS, f"person {v} has {sorted(d)}"
        assert d["name"] and isinstance(d["name"], str)
        assert d["sector"] in _france.SECTORS
        assert d["occupation"] in _france.SECTORS[d["sector"]][1]
        assert districts[d["district"]] == d["region"], "district outside its region"
        assert re.fullmatch(r"(19|20)\d0s", d["generation"])
        assert int(d["generation"][:4]) <= d["birth_year"] <= int(d["generation"][:4]) + 9
        assert isinstance(d["skills"], frozenset) and len(d["skills"]) >= 2
        assert set(d["reliability"]) == {"client", "deadlines", "payment"}
        assert all(0 <= x <= 1 for x in d["reliability"].values())
        assert isinstance(d["employer"], str) and d["employer"]


def test_every_tie_has_strength_and_its_components(pops):
    G = pops[1]
    year = G.graph["options"]["year"]
    for u, v, d in G.edges(data=True):
        assert EDGE_ATTRS <= set(d)
        assert 0 < d["strength"] <= 1
        assert d["context"] in ties.CONTEXTS
        assert d["frequency"] > 0
        assert d["since"] <= year
        for k in ("time", "closeness", "reciprocity", "duration"):
            assert 0 <= d[k] <= 1
        expected = ties.tie_strength(d["time"], d["closeness"], d["reciprocity"], d["duration"])
        assert d["strength"] == pytest.approx(expected, abs=1e-5)
        assert d["time"] == pytest.approx(ties.time_component(d["frequency"]), abs=1e-3)
        assert d["duration"] == pytest.approx(ties.duration_component(year - d["since"]), abs=1e-5)
        if d["context"] in ("client", "supplier"):
            assert d["provider"] in (u, v)
        assert u != v


def test_ties_come_from_the_contexts_they_name(pops):
    """Colleagues share an employer, classmates a school and generation, neighbours a district."""
    G = pops[2]
    n = G.nodes
    checked = {"colleague": 0, "school": 0, "neighbour": 0, "client": 0}
    for u, v, d in G.edges(data=True):
        c = d["context"]
        if c == "colleague":
            assert n[u]["employer"] == n[v]["employer"]
        elif c == "school":
            assert (n[u]["school"], n[u]["generation"]) == (n[v]["school"], n[v]["generation"])
        elif c == "neighbour":
            assert n[u]["district"] == n[v]["district"]
        elif c == "client":
            provider = d["provider"]
            other = v if provider == u else u
            assert n[other]["sector"] in _france.SERVICE_SECTORS[n[provider]["sector"]]
        else:
            continue
        checked[c] += 1
    assert all(k > 50 for k in checked.values()), checked


def test_every_context_is_present(pops):
    contexts = {d for *_, d in pops[1].edges(data="context")}
    assert contexts == set(ties.CONTEXTS)


# -- determinism ----------------------------------------------------------------

def test_same_seed_same_population():
    assert fingerprint(weakties.population(400, seed=11)) == \
        fingerprint(weakties.population(400, seed=11))


def test_different_seeds_differ():
    a, b = weakties.population(400, seed=11), weakties.population(400, seed=12)
    assert set(a.edges) != set(b.edges)
    assert [a.nodes[i]["name"] for i in a] != [b.nodes[i]["name"] for i in b]


def test_text_seeds_are_stable_and_distinct():
    a = weakties.population(300, seed="alice")
    assert fingerprint(a) == fingerprint(weakties.population(300, seed="alice"))
    assert set(a.edges) != set(weakties.population(300, seed="bob").edges)


def test_same_seed_across_processes_with_different_string_hashing():
    code = textwrap.dedent("""
        import hashlib, weakties
        G = weakties.population(300, seed=5)
        rows = [repr(sorted((k, repr(sorted(x) if isinstance(x, frozenset) else x))
                 for k, x in d.items() if k != 'reliability')) for _, d in G.nodes(data=True)]
        rows += [repr((u, v, sorted(d.items()))) for u, v, d in G.edges(data=True)]
        print(hashlib.sha256('\\n'.join(rows).encode()).hexdigest())
    """)
    digests = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       env={"PYTHONHASHSEED": h, "PATH": "/usr/bin:/bin"}, check=True).stdout
        for h in ("1", "2", "999")
    }
    assert len(digests) == 1, "the population depends on Python's string hashing"


# -- bad input ------------------------------------------------------------------

@pytest.mark.parametrize("n, error, words", [
    (1, ValueError, "at least 2"),
    (0, ValueError, "at least 2"),
    (-5, ValueError, "at least 2"),
    (2.5, TypeError, "whole number"),
    ("100", TypeError, "whole number"),
    (True, TypeError, "whole number"),
    (10**7, ValueError, "at most"),
])
def test_bad_sizes_are_refused_clearly(n, error, words):
    with pytest.raises(error, match=words):
        weakties.population(n, seed=1)


def test_unknown_option_lists_the_allowed_ones_and_suggests():
    with pytest.raises(TypeError) as info:
        weakties.population(100, seed=1, mean_degre=10)
    message = str(info.value)
    assert "mean_degre" in message and "Did you mean 'mean_degree'" in message
    for option in DEFAULTS:
        assert option in message


@pytest.mark.parametrize("option", sorted(OPTION_RANGES))
def test_out_of_range_options_say_the_range(option):
    low, high = OPTION_RANGES[option]
    with pytest.raises(ValueError, match=f"between {low} and {high}"):
        weakties.population(100, seed=1, **{option: high + 1})
    with pytest.raises(TypeError, match="must be a number"):
        weakties.population(100, seed=1, **{option: "high"})


def test_shares_that_leave_no_room_for_contexts_are_refused():
    with pytest.raises(ValueError, match="at most 0.8"):
        weakties.population(100, seed=1, online_share=0.6, closure=0.3)


@pytest.mark.parametrize("seed, error", [(-1, ValueError), (1.5, TypeError), (None, TypeError),
                                         ("  ", ValueError), (True, TypeError)])
def test_bad_seeds_are_refused(seed, error):
    with pytest.raises(error, match="seed"):
        weakties.population(50, seed=seed)


def test_seed_is_required():
    with pytest.raises(TypeError):
        weakties.population(50)


# -- properties on small and odd populations -----------------------------------

@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n=st.integers(2, 80), seed=st.integers(0, 10**6),
       mean_degree=st.floats(2, 40), homophily=st.floats(0, 1),
       online_share=st.floats(0, 0.4), regional_spread=st.floats(0, 1))
def test_invariants_hold_for_any_size_and_options(n, seed, mean_degree, homophily,
                                                  online_share, regional_spread):
    G = weakties.population(n, seed=seed, mean_degree=mean_degree, homophily=homophily,
                            online_share=online_share, regional_spread=regional_spread)
    assert sorted(G) == list(range(n))
    assert nx.number_of_selfloops(G) == 0
    assert all(set(d) == NODE_ATTRS for _, d in G.nodes(data=True))
    assert all(0 < s <= 1 for *_, s in G.edges(data="strength"))
    assert min(dict(G.degree()).values()) >= 1, "someone has no tie at all"


# -- emergent structure (the bars), over several seeds -----------------

def test_sector_homophily_is_clearly_positive_but_well_below_one(pops):
    """Homophily (McPherson, Smith-Lovin and Cook 2001): similar people connect more."""
    values = [metrics.assortativity(G, ["sector"])["sector"] for G in pops.values()]
    assert all(0.1 < r < 0.6 for r in values), values


def test_homophily_option_strengthens_sector_assortativity():
    low = [metrics.assortativity(weakties.population(1500, seed=s, homophily=0.0),
                                 ["sector"])["sector"] for s in SEEDS]
    high = [metrics.assortativity(weakties.population(1500, seed=s, homophily=1.0),
                                  ["sector"])["sector"] for s in SEEDS]
    assert min(high) > max(low), (low, high)


def test_clustering_far_above_a_random_graph_of_the_same_density(pops):
    """Watts and Strogatz (1998): social networks are far more clustered than random ones."""
    for G in pops.values():
        density = nx.density(G)
        assert nx.average_clustering(G) > 5 * density


def test_closure_ties_join_friends_of_friends(pops):
    """Triadic closure (Granovetter 1973): ties made through a common acquaintance close triangles."""
    for G in pops.values():
        friend = [len(set(G[u]) & set(G[v])) for u, v, c in G.edges(data="context")
                  if c == "friend"]
        assert np.mean([k >= 1 for k in friend]) > 0.9


def test_small_world_short_paths(both_sizes):
    """Watts and Strogatz (1998): a few long ties make a clustered world small."""
    for _, G in both_sizes:
        giant = max(nx.connected_components(G), key=len)
        assert len(giant) >= 0.99 * G.number_of_nodes()
        rng = np.random.default_rng(0)
        sample = rng.choice(sorted(giant), size=20, replace=False)
        lengths = [np.mean(list(nx.single_source_shortest_path_length(G, int(v)).values()))
                   for v in sample]
        k = 2 * G.number_of_edges() / G.number_of_nodes()
        assert np.mean(lengths) < 1.5 * math.log(G.number_of_nodes()) / math.log(k)


@pytest.mark.parametrize("target", [10, 30, 60])
def test_mean_degree_option_is_met_within_fifteen_percent(target):
    G = weakties.population(2000, seed=4, mean_degree=target)
    realised = 2 * G.number_of_edges() / G.number_of_nodes()
    assert abs(realised - target) / target < 0.15, realised


def test_online_share_option_sets_the_share_of_online_ties():
    for share in (0.05, 0.3):
        G = weakties.population(1500, seed=1, online_share=share)
        observed = sum(c == "online" for *_, c in G.edges(data="context")) / G.number_of_edges()
        assert abs(observed - share) < 0.06, (share, observed)


def test_regional_spread_zero_puts_everyone_in_the_capital_region():
    G = weakties.population(300, seed=1, regional_spread=0.0)
    assert {d for _, d in G.nodes(data="region")} == {"Île-de-France"}
    spread = weakties.population(3000, seed=1)
    share = sum(r == "Île-de-France" for _, r in spread.nodes(data="region")) / 3000
    census = _france.REGIONS["Île-de-France"][0] / sum(p for p, _ in _france.REGIONS.values())
    assert abs(share - census) < 0.03


def test_few_strong_ties_many_weak_ones_in_every_ego_network(both_sizes):
    """Dunbar's layers: the closer the circle, the fewer the people."""
    for _, G in both_sizes:
        for ego in G:
            rings = ties.layers(G, ego)
            strong = sum(G[ego][v]["strength"] >= ties.STRONG_THRESHOLD for v in G[ego])
            assert strong < G.degree(ego) - strong, f"person {ego}: {strong} strong ties"
            assert len(rings[4]) >= max(len(rings[1]), len(rings[2])), f"person {ego}: {rings}"


def test_dunbar_layers_grow_by_a_factor_of_about_three(both_sizes):
    """Zhou, Sornette, Hill and Dunbar (2005): each layer about three times the one inside."""
    for _, G in both_sizes:
        cumulative = np.array([np.cumsum([len(r) for r in ties.layers(G, v).values()])
                               for v in G]).mean(axis=0)
        ratios = cumulative[1:] / cumulative[:-1]
        assert all(1.8 < r < 4.5 for r in ratios), ratios


def test_population_records_its_seed_and_options():
    G = weakties.population(100, seed=9, homophily=0.3)
    assert G.graph["seed"] == 9
    assert G.graph["options"]["homophily"] == 0.3
    json.dumps(G.graph["options"])  # plain values


# -- calibration against measured networks (weakties/CALIBRATION.md) ----------

def _overlap_and_strength(G):
    """Onnela's overlap and the strength of every tie, as two arrays."""
    nbrs = {v: set(G[v]) for v in G}
    overlap, strength = [], []
    for u, v, s in G.edges(data="strength"):
        common = len(nbrs[u] & nbrs[v])
        denom = (len(nbrs[u]) - 1) + (len(nbrs[v]) - 1) - common
        overlap.append(common / denom if denom > 0 else 0.0)
        strength.append(s)
    return np.array(overlap), np.array(strength)


def _ranks(x):
    order = np.argsort(x, kind="stable")
    r = np.empty(len(x))
    r[order] = np.arange(len(x))
    return r


def _collapse_point(G, order):
    """Smallest share of ties removed (in steps of 1%) at which the largest
    connected group holds fewer than half of the people."""
    fractions = [i / 100 for i in range(101)]
    for f, share in ties.removal_curve(G, order, fractions, seed=0):
        if share < 0.5:
            return f
    return 1.0


def test_clustered_like_measured_professional_networks(both_sizes):
    """Newman (2003, SIAM Review, table of network statistics): average clustering of
    company directors 0.59 and of co-authorship networks 0.34 to 0.45, where a random
    graph of the same density gives about 0.01. The population must sit in that range
    at the lessons' and the exercises' size, not near a random graph."""
    for label, G in both_sizes:
        c = nx.average_clustering(G)
        assert 0.2 <= c <= 0.5, (label, c)
        assert c > 3 * nx.density(G), (label, c, nx.density(G))


def test_homophily_by_sector_region_and_generation_stays_partial(both_sizes):
    """McPherson, Smith-Lovin and Cook (2001): similar people connect more, along
    occupation, place and age, without closing into separate worlds."""
    for label, G in both_sizes:
        r = metrics.assortativity(G, ["sector", "region", "generation"])
        low = 0.15 if G.number_of_nodes() >= LESSON_SIZE else 0.08
        assert low < r["sector"] < 0.6, (label, r)
        assert r["region"] > 0.3 and r["generation"] > 0.04, (label, r)


def test_overlap_rises_with_tie_strength(both_sizes):
    """Onnela et al. (2007, PNAS): the stronger a tie, the more contacts its two
    people share (edge overlap rises with tie strength)."""
    for label, G in both_sizes:
        overlap, strength = _overlap_and_strength(G)
        groups = np.array_split(np.argsort(strength, kind="stable"), 5)
        means = [overlap[g].mean() for g in groups]
        assert all(m > 1.3 * means[0] for m in means[1:]), (label, means)
        assert np.mean(means[3:]) > 1.8 * means[0], (label, means)
        rho = np.corrcoef(_ranks(strength), _ranks(overlap))[0, 1]
        assert rho > 0.2, (label, rho)


def test_removing_weak_ties_first_breaks_the_network_sooner(both_sizes):
    """Onnela et al. (2007, PNAS): removing the weakest ties first makes the network
    fall apart after far fewer removals than removing the strongest ties first,
    because weak ties hold the dense groups together."""
    for label, G in both_sizes:
        weak, strong = _collapse_point(G, "weak"), _collapse_point(G, "strong")
        assert weak < strong, (label, weak, strong)
        # Where the weak-first network has fallen apart, the strong-first one holds.
        share = dict(ties.removal_curve(G, "strong", [weak], seed=0))[weak]
        assert share > 0.75, (label, weak, share)
        # The network needs at least half again as many ties to hold together
        # when only its strongest ties are left as when only its weakest are.
        assert (1 - weak) > 1.5 * (1 - strong), (label, weak, strong)


def test_names_come_from_the_lists_shipped_with_the_package(pops):
    """Names are drawn from weakties/data, a first name of the person's birth decade."""
    firsts, lasts = _france.first_names(), _france.surnames()
    for v, d in pops[1].nodes(data=True):
        first, last = d["name"].split(" ", 1)
        origins = [o for o in _france.NAME_ORIGINS
                   if first in firsts[(o, d["generation"], "F")] + firsts[(o, d["generation"], "M")]
                   and last in lasts[o]]
        assert origins, f"person {v} is named {d['name']!r}, not from the shipped lists"


def test_population_does_not_need_faker():
    """A Faker release that edits its lists must not rename anyone: the population
    builds with Faker made unimportable."""
    code = textwrap.dedent("""
        import sys
        sys.modules["faker"] = None
        import weakties
        G = weakties.population(60, seed=3)
        print(G.nodes[0]["name"])
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == weakties.population(60, seed=3).nodes[0]["name"]
