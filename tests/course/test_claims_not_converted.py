"""Claims of lessons 06 to 10, which are not converted to MyST sources yet.

Lessons 06 to 10 quote numbers from their simulations, computed by
``course/build/lessons_06_10.py`` (``tests/course/test_lessons.py`` checks
that the stored notebooks are what it builds). The qualitative claims their
text makes (an ordering, a "far below", an "about half") are checked here on
the lessons' own population, seed and parameters. Converting a lesson
(``course/LESSON-GUIDE.md``) turns its tests here into claim functions of
its lesson module, checked at build time, and removes them from this file;
when the file is empty, it goes. Claims that restate the literature cite
their source.
"""

import importlib.util
import statistics

import pytest

from pathlib import Path

import weakties
from weakties.scenarios import cascade, venture

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "course" / "build" / "lessons_06_10.py"


def _build_module():
    spec = importlib.util.spec_from_file_location("lessons_06_10", BUILD)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


B = _build_module()


@pytest.fixture(scope="module")
def G():
    return weakties.population(B.N, seed=B.SEED)


# ---------------------------------------------------------------------------
# "You" is a typical person (lesson 06, setup text)

def test_you_is_close_to_the_median_person(G):
    def strong(v):
        return sum(1 for w in G[v] if G[v][w]["strength"] >= 0.5)

    assert abs(G.degree(B.YOU) - statistics.median(d for _, d in G.degree())) <= 5
    assert abs(strong(B.YOU) - statistics.median(strong(v) for v in G)) <= 2


# ---------------------------------------------------------------------------
# Lesson 09: e-reputation and influence

def test_09_influencers_reach_somewhat_further(G):
    inf = cascade(G, "influencers", seed=B.SEED).final_reach
    rnd = cascade(G, "random", seed=B.SEED).final_reach
    assert 1.1 <= inf / rnd < 2


def test_09_most_people_hear_through_weak_ties(G):
    # Bakshy et al. (2012): abundant weak ties carry most of the spread.
    share = cascade(G, "influencers", seed=B.SEED).by_tie().set_index("tie")["share"]
    assert share["weak"] > 0.5


def test_09_bad_news_in_each_model(G):
    def reach(model, valence, **kw):
        return cascade(G, "influencers", model=model, valence=valence, seed=B.SEED,
                       **kw).final_reach
    assert reach("independent", "negative") < reach("independent", "positive")
    assert reach("threshold", "negative") > 2 * reach("threshold", "positive")
    # "past a certain value, the independent cascade suddenly reaches a large part"
    assert reach("independent", "positive", probability=0.08) > 0.5


# ---------------------------------------------------------------------------
# Lesson 10: creating a company

def test_10_strong_ties_cover_about_half_and_the_whole_network_all(G):
    cov = venture(G, B.YOU, seed=B.SEED).coverage.set_index("mode")["covered"]
    assert 4 <= cov["strong ties only"] <= 7
    assert cov["whole network"] == 10


def test_10_the_team_spans_more_sectors_than_your_strong_ties(G):
    team = venture(G, B.YOU, seed=B.SEED).team
    team = team[team["mode"] == "whole network"]
    strong = {G.nodes[v]["sector"] for v in G[B.YOU] if G[B.YOU][v]["strength"] >= 0.5}
    assert team["sector"].nunique() > len(strong)


def test_10_longer_chains_of_strong_ties_catch_up(G):
    cov = {h: venture(G, B.YOU, max_hops=h, seed=B.SEED).coverage.set_index("mode")["covered"]
           for h in (1, 3)}
    assert cov[1]["strong ties only"] < cov[1]["whole network"]
    assert cov[3]["strong ties only"] > cov[1]["strong ties only"]


def test_10_demanding_reliability_costs_strong_ties_more(G):
    cov = venture(G, B.YOU, min_reliability=0.8, seed=B.SEED).coverage.set_index("mode")
    assert cov.loc["whole network", "covered"] == 10
    assert cov.loc["strong ties only", "covered"] < 10
