"""weakties.lessons.engagement_and_reputation (lesson 06): classes, pictures, explorer, claims."""

import matplotlib
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

import weakties  # noqa: E402
from weakties.lessons import claims_of, you_person  # noqa: E402
from weakties.lessons import engagement_and_reputation as er  # noqa: E402
from weakties.scenarios.reputation import class_of  # noqa: E402


@pytest.fixture(scope="module")
def G():
    return weakties.population(2000, seed=7)


@pytest.fixture(scope="module")
def small():
    return weakties.population(400, seed=3)


def test_reliability_classes_follow_the_mean_of_the_three_commitments(small):
    classes = er.reliability_classes(small)
    for v in list(small)[:50]:
        mean = sum(small.nodes[v]["reliability"].values()) / 3
        assert classes[v] == class_of(mean)
    counts = er.class_counts(small, lang="en")
    assert list(counts.index) == ["unreliable", "average", "reliable"]
    assert counts["unreliable"] == sum(1 for c in classes.values() if c == "unreliable")


def test_show_reliability_prints_the_three_commitments(small, capsys):
    er.show_reliability(small, 5, lang="en")
    lines = capsys.readouterr().out.splitlines()
    r = small.nodes[5]["reliability"]
    assert lines == [f"respect for the client relation: {r['client']:.2f}",
                     f"respect for deadlines: {r['deadlines']:.2f}",
                     f"respect for paying invoices: {r['payment']:.2f}"]


def test_contacts_drawn_by_reliability_class(G):
    you = you_person(G)
    fig = er.show_contacts_by_reliability(G, you, lang="en")
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    classes = er.reliability_classes(G)
    for c in set(classes[v] for v in G[you]):
        count = sum(1 for v in G[you] if classes[v] == c)
        assert f"{c} ({count})" in legend
    assert fig.axes[0].get_legend().get_title().get_text() == "reliability class"
    plt.close(fig)


def test_ask_or_not_runs_the_two_simulations_once(small):
    nobody, everyone = er.ask_or_not(small)
    assert nobody.params["ask_share"] == 0 and everyone.params["ask_share"] == 1
    assert nobody.params["periods"] == er.PERIODS and nobody.params["seed"] == er.SEED
    assert er.ask_or_not(small)[1] is everyone


def test_pictures_have_titles_and_legends(small, capsys):
    for fig in (er.show_with_and_without(small, lang="en"), er.show_spread(small, lang="en"),
                er.show_who_answered(small, lang="en")):
        for ax in fig.axes:
            assert ax.get_title() and ax.get_legend() is not None
        plt.close(fig)
    printed = capsys.readouterr().out
    assert "one strong tie had worked with the candidate" in printed
    assert "one weak tie had worked with the candidate" in printed


def test_prediction_answer_follows_the_unreliable_partners_business(small):
    index, fig, description = er.PREDICTIONS["unreliable"].run(small, lang="en")
    end = er.ask_or_not(small)[1].trend().set_index("class").loc["unreliable", "end"]
    assert index == (0 if end >= 0.8 else 1 if end >= 0.2 else 2)
    assert f"{end:.2f} in the last six" in description
    plt.close(fig)


def test_explorer_redraws_for_every_control(small):
    ex = er.explore_asking(small, lang="en")
    ex.set(candour=0.0, view="sources")
    assert ex.last_error is None
    assert ex.last_result.axes[0].get_title().startswith("Who answered")
    assert ex.poke() == []
    assert er.EXPLORERS == {"explore": er.explore_asking}


def test_every_claim_of_the_lesson_holds_on_its_population(G):
    f = er.facts(G)
    failed = {name: c.verify(f) for name, c in claims_of(er).items() if not c.verify(f)[0]}
    assert not failed


def test_the_candour_claim_fails_when_candour_does_not_matter():
    f = {"candour_end": {"all": 0.6, "half": 0.62, "none": 1.0}}
    holds, detail = claims_of(er)["transparency_needs_candour"].verify(f)
    assert not holds and "by candour" in detail
