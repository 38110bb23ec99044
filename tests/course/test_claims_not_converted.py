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
from weakties.scenarios import job_search, prospecting, reputation

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
# Lesson 06: engagement and reputation

@pytest.fixture(scope="module")
def rep(G):
    return {a: reputation(G, ask_share=a, seed=B.SEED) for a in (0.0, 1.0)}


def test_06_without_asking_nothing_changes(rep):
    end = rep[0.0].trend().set_index("class")["end"]
    assert 0.8 <= end["unreliable"] <= 1.25
    assert 0.8 <= end["reliable"] <= 1.25


def test_06_asking_moves_business_from_unreliable_to_reliable(rep):
    t = rep[1.0].trend().set_index("class")
    # "It falls, but they still win some projects"
    assert 0.2 <= t.loc["unreliable", "end"] < 0.8
    assert t.loc["unreliable", "end"] < t.loc["unreliable", "start"]
    assert t.loc["reliable", "end"] > 1.2
    s = rep[1.0].spread
    assert s["warned"].iloc[-1] > s["warned"].iloc[0] + 0.2, "warnings keep growing"


def test_06_reliable_partners_keep_their_commitments_more_often(rep):
    kept = rep[1.0].projects.groupby("partner_class")["kept"].apply(lambda k: (k == 3).mean())
    assert kept["reliable"] > kept["average"] > kept["unreliable"]


def test_06_closeness_tells_nothing_about_reliability(G):
    mean = {v: sum(G.nodes[v]["reliability"].values()) / 3 for v in G}
    ends = {True: [], False: []}
    for u, v, d in G.edges(data=True):
        ends[d["strength"] >= 0.5] += [mean[u], mean[v]]
    strong, weak = (sum(ends[k]) / len(ends[k]) for k in (True, False))
    assert abs(strong - weak) < 0.03


def test_06_questions_must_travel_beyond_your_own_contacts(G):
    end = {d: reputation(G, ask_share=1.0, depth=d, periods=12, seed=B.SEED)
           .trend().set_index("class").loc["unreliable", "end"] for d in (1, 3)}
    assert end[1] > 0.8, "asking only one's own contacts changes little"
    assert end[3] < end[1] - 0.3


# ---------------------------------------------------------------------------
# Lesson 07: job search

SEEKERS = list(range(0, B.N, 4))


@pytest.fixture(scope="module")
def jobs(G):
    return {s: job_search(G, SEEKERS, strategy=s, seed=B.SEED)
            for s in ("strong", "everyone", "weak", "targeted")}


def test_07_targeted_weak_ties_hire_most_and_strong_ties_fewest(jobs):
    hired = {s: r.seekers["hired"].mean() for s, r in jobs.items()}
    assert max(hired, key=hired.get) == "targeted"
    assert min(hired, key=hired.get) == "strong"
    others = min(hired[s] for s in ("everyone", "weak", "targeted"))
    assert hired["strong"] < 0.5 * others, "the strong-ties curve stays far below the others"


def test_07_leads_follow_an_inverted_u_in_mutual_contacts(jobs):
    # Rajkumar et al. (2022), Science 377: an inverted U in mutual connections.
    lpt = jobs["everyone"].leads_per_tie().set_index("mutual")["leads_per_tie"]
    peak = int(lpt.idxmax())
    assert 1 <= peak <= 8
    assert lpt.loc[0] < 0.6 * lpt.max() and lpt.loc[10] < 0.6 * lpt.max()


def test_07_contacts_seen_least_bring_most_leads_per_tie(jobs):
    # Rajkumar et al. (2022): by interaction intensity, the weakest ties help most.
    by_band = jobs["everyone"].asked.groupby("frequency_band")["leads"].mean()
    assert by_band["rarely"] > by_band["occasionally"] > by_band["often"]


def test_07_most_hires_through_contacts_seen_occasionally(jobs):
    # Granovetter (1974): 55.6% occasionally, 27.8% rarely, 16.7% often.
    share = jobs["everyone"].hires_by_band().set_index("frequency_band")["share"]
    assert share.idxmax() == "occasionally"
    assert share.idxmin() == "often"


def test_07_change_of_sector_rewards_choosing_weak_ties(G):
    hired = {s: job_search(G, SEEKERS, strategy=s, target="Health", seed=B.SEED)
             .seekers["hired"].mean() for s in ("strong", "weak", "targeted")}
    assert hired["targeted"] > hired["weak"] > hired["strong"]


def test_07_your_own_sector_is_a_minority_of_your_contacts(G):
    mine = G.nodes[B.YOU]["sector"]
    same = sum(1 for v in G[B.YOU] if G.nodes[v]["sector"] == mine)
    assert same < G.degree(B.YOU) / 2


# ---------------------------------------------------------------------------
# Lesson 08: prospecting

@pytest.fixture(scope="module")
def prospects(G):
    return [v for v in G if G.nodes[v]["sector"] == B.PROSPECT_SECTOR and v != B.YOU]


def test_08_warm_introductions_bring_several_times_as_many_meetings(G, prospects):
    r = prospecting(G, B.YOU, prospects, max_hops=3, seed=B.SEED)
    e = r.reach.set_index("approach")["expected"]
    assert e["warm"] > 3 * e["cold"]
    mean = r.chains[r.chains["hops"] > 0].groupby("hops")["p_warm"].mean()
    assert list(mean.index) == [1, 2, 3]
    assert mean[1] > mean[2] > mean[3] > 0.05, "each tie lowers the chance; three still beat cold"
    best3 = r.chains[r.chains["hops"] == 3]
    assert len(best3) > len(r.chains) / 2, "most prospects are three ties away"


def test_08_direct_contacts_alone_reach_few_prospects(G, prospects):
    one = prospecting(G, B.YOU, prospects, max_hops=1, seed=B.SEED).reach.set_index("approach")
    three = prospecting(G, B.YOU, prospects, max_hops=3, seed=B.SEED).reach.set_index("approach")
    assert one.loc["warm", "expected"] < 0.1 * three.loc["warm", "expected"]


def test_08_most_trusted_chain_beats_shortest(G, prospects):
    e = {k: prospecting(G, B.YOU, prospects, max_hops=4, criterion=k, seed=B.SEED)
         .reach.set_index("approach").loc["warm", "expected"] for k in ("trust", "hops")}
    assert e["trust"] > e["hops"]


def test_08_first_contact_is_not_simply_your_strongest_tie(G, prospects):
    r = prospecting(G, B.YOU, prospects, max_hops=3, seed=B.SEED)
    first = r.first_asks.iloc[0]
    strongest = max(G[B.YOU][v]["strength"] for v in G[B.YOU])
    assert first["strength"] < strongest
