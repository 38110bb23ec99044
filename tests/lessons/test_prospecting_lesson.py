"""weakties.lessons.prospecting (lesson 08): prospects, chains, first contacts, explorers, claims."""

import math

import matplotlib
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

import weakties  # noqa: E402
from weakties.lessons import claims_of, you_person  # noqa: E402
from weakties.lessons import prospecting as pr  # noqa: E402


@pytest.fixture(scope="module")
def G():
    return weakties.population(2000, seed=7)


def test_prospects_are_the_sector_without_the_seller(G):
    you = you_person(G)
    people = pr.prospects(G, you)
    assert people == [v for v in G if G.nodes[v]["sector"] == pr.PROSPECT_SECTOR and v != you]


@pytest.mark.parametrize("strengths", [(0.8, 0.5), (0.9, 0.4, 0.7), (1.0,)])
def test_chain_trust_multiplies_the_strengths(strengths, capsys):
    pr.chain_trust(*strengths, lang="en")
    trust_line, chance_line = capsys.readouterr().out.splitlines()
    trust = math.prod(strengths)
    assert trust_line.endswith(f"= {trust:.2f}")
    assert chance_line.endswith(f"= {math.sqrt(trust):.2f}")


def test_chain_trust_refuses_impossible_strengths():
    with pytest.raises(ValueError, match="each between 0 and 1"):
        pr.chain_trust(1.5, 0.2)


def test_prospect_is_kept_and_follows_its_settings(G):
    r = pr.prospect(G, 2, 0.1, "hops", 1.0)
    assert (r.params["max_hops"], r.params["cold_rate"], r.params["criterion"],
            r.params["agree_exponent"]) == (2, 0.1, "hops", 1.0)
    assert pr.prospect(G, 2, 0.1, "hops", 1.0) is r


def test_best_chain_is_the_likeliest_of_its_length(G):
    row = pr.best_chain(G)
    c = pr.prospect(G).chains
    assert row["hops"] == 3
    assert row["p_warm"] == c.loc[c["hops"] == 3, "p_warm"].max()
    fig = pr.show_best_chain(G, lang="en")
    labels = [t.get_text() for t in fig.axes[0].texts if t.get_text().startswith("tie strength")]
    chain = list(row["chain"])
    assert labels == [f"tie strength {G[a][b]['strength']:.2f}" for a, b in zip(chain, chain[1:])]
    plt.close(fig)


def test_first_contacts_rank_ties_by_strength(G):
    table = pr.first_contacts(G, lang="en")
    you = you_person(G)
    strengths = sorted((G[you][v]["strength"] for v in G[you]), reverse=True)
    for contact, row in table.iterrows():
        assert G[you][contact]["strength"] == pytest.approx(row["tie strength"], abs=0.005)
        assert strengths[row["rank among your ties"] - 1] == G[you][contact]["strength"]
    assert list(table["expected introductions"]) == sorted(table["expected introductions"],
                                                           reverse=True)


def test_prediction_answer_follows_the_ratio(G):
    index, fig, description = pr.PREDICTIONS["warm"].run(G, lang="en")
    e = pr.prospect(G).reach.set_index("approach")["expected"]
    ratio = e["warm"] / e["cold"]
    assert index == (0 if ratio < 1.5 else 1 if ratio < 3 else 2)
    assert f"{ratio:.1f} times as many" in description
    plt.close(fig)


def test_explorers_respond(G):
    ex = pr.explore_prospecting(G, lang="en")
    ex.set(max_hops=1, willing=1.0)
    assert ex.last_error is None
    assert ex.poke() == []
    chains = pr.explore_chains(G, lang="en")
    chains.set(rank=2)
    assert chains.last_result.axes[0].get_title().startswith("Prospect ranked 2:")
    assert chains.poke() == []
    assert set(pr.EXPLORERS) == {"explore", "chains"}


def test_every_claim_of_the_lesson_holds_on_its_population(G):
    f = pr.facts(G)
    failed = {name: c.verify(f) for name, c in claims_of(pr).items() if not c.verify(f)[0]}
    assert not failed


def test_the_assumption_claim_fails_when_the_advantage_does_not_move():
    f = {"warm": 40.0, "hinge": {"less_willing": {"warm": 38.0},
                                 "less_willing_cold": {"ratio": 2.5}}}
    holds, _ = claims_of(pr)["the_advantage_rests_on_assumptions"].verify(f)
    assert not holds
