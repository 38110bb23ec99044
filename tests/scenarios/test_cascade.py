"""Tests of weakties.scenarios.cascade."""

import networkx as nx
import numpy as np
import pytest

from weakties import ties
from weakties.scenarios import cascade
from weakties.scenarios.cascade import NEGATIVE_PASS, NEGATIVE_WEIGHT, bad_news_sweep


def mean_reach(P, seeds, s, **kw):
    return cascade(P, seeds, seed=s, runs=30, **kw).final_reach


# --------------------------------------------------------------------------
# Output and invariants

@pytest.mark.parametrize("model", ["independent", "threshold"])
def test_everyone_reached_came_through_a_tie(G, model):
    r = cascade(G, "influencers", model=model, seed=1, runs=3)
    for run, d in r.reached.groupby("run"):
        step = dict(zip(d["person"], d["step"]))
        assert d["person"].is_unique
        for row in d.itertuples():
            if row.tie == "seed":
                assert row.step == 0 and row.via is None
                continue
            assert G.has_edge(row.via, row.person)
            assert step[row.via] == row.step - 1  # passed on by someone reached just before
            assert row.strength == G[row.via][row.person]["strength"]
            assert row.tie == ("strong" if row.strength >= ties.STRONG_THRESHOLD else "weak")
        a = r.adoption[r.adoption["run"] == run]
        assert a["reached"].iloc[-1] == len(d)
        assert (np.diff(a["reached"]) > 0).all()


def test_influencers_are_the_best_connected(G):
    r = cascade(G, "influencers", k=8, seed=1, runs=2)
    degrees = sorted((d for _, d in G.degree()), reverse=True)
    s0 = r.seeds[r.seeds["run"] == 0]
    assert sorted(s0["degree"], reverse=True) == degrees[:8]
    assert (r.seeds.groupby("run")["person"].apply(tuple).nunique()) == 1


def test_random_seeds_change_between_runs(G):
    r = cascade(G, "random", k=5, seed=1, runs=4)
    assert r.seeds.groupby("run")["person"].apply(tuple).nunique() > 1


def test_given_seeds(G):
    r = cascade(G, [1, 2, 3], seed=1, runs=2)
    assert set(r.seeds["person"]) == {1, 2, 3}
    first = r.reached[r.reached["step"] == 0]
    assert set(first["person"]) == {1, 2, 3}


def test_no_transmission_stays_with_the_seeds(G):
    r = cascade(G, [5, 6], probability=0.0, seed=1, runs=2)
    assert r.final_reach == pytest.approx(2 / G.number_of_nodes())


def test_by_tie_table(G):
    t = cascade(G, "influencers", seed=1, runs=3).by_tie()
    assert list(t["tie"]) == ["weak", "strong"]
    assert t["share"].sum() == pytest.approx(1.0)


# --------------------------------------------------------------------------
# Determinism and the input graph

def test_same_seed_same_result(G, helpers):
    helpers.assert_same_result(cascade(G, "random", seed="c", runs=3),
                               cascade(G, "random", seed="c", runs=3))


def test_different_seed_different_result(G, helpers):
    assert helpers.results_differ(cascade(G, "random", seed=1, runs=3),
                                  cascade(G, "random", seed=2, runs=3))


@pytest.mark.parametrize("model", ["independent", "threshold"])
def test_input_graph_unchanged(small, helpers, model):
    helpers.assert_unchanged(small, lambda g: cascade(g, "influencers", model=model, seed=1))


# --------------------------------------------------------------------------
# Literature

def test_influencers_reach_more_than_random_seeds(populations):
    """Kempe, Kleinberg and Tardos (KDD 2003): seeds chosen by centrality
    (here, the most ties) reach more people than random seeds, in the
    independent cascade. Mean over 30 runs, in every population."""
    for s, P in enumerate(populations):
        assert mean_reach(P, "influencers", s) > 1.2 * mean_reach(P, "random", s)


def test_positive_word_of_mouth_travels_further_than_negative_in_cascades(populations):
    """East, Hammond and Wright (2007): positive word of mouth is several times
    more frequent than negative. The model assumes negative news is passed on
    half as often (NEGATIVE_PASS); this checks the consequence the lesson
    states: it then reaches fewer people in the independent cascade."""
    for s, P in enumerate(populations):
        pos = mean_reach(P, "influencers", s, valence="positive")
        neg = mean_reach(P, "influencers", s, valence="negative")
        assert neg < 0.7 * pos


def test_a_single_negative_stands_out_in_the_threshold_model(populations):
    """Baumeister et al. (2001), 'Bad is stronger than good'; the BRIEF:
    where most feedback is positive, a negative stands out. The model
    assumes bad news weighs NEGATIVE_WEIGHT times as much; in the linear
    threshold model (Granovetter 1978; Kempe et al. 2003) that extra weight
    tips people over, so bad news from the same seeds reaches far more."""
    for s, P in enumerate(populations):
        pos = cascade(P, "influencers", model="threshold", valence="positive", seed=s,
                      runs=10).final_reach
        neg = cascade(P, "influencers", model="threshold", valence="negative", seed=s,
                      runs=10).final_reach
        assert neg > 2 * pos


def test_most_people_are_reached_through_weak_ties(populations):
    """Granovetter (1973): weak ties carry information across the network;
    most people hear the message through a weak tie (they are most ties)."""
    for s, P in enumerate(populations):
        t = cascade(P, "influencers", seed=s, runs=10).by_tie().set_index("tie")
        assert t.loc["weak", "share"] > 0.5


# --------------------------------------------------------------------------
# The assumptions that tell good news from bad news

@pytest.mark.parametrize("model, factor", [("threshold", "negative_weight"),
                                           ("independent", "negative_pass")])
def test_without_the_assumption_bad_news_spreads_exactly_like_good_news(G, helpers, model,
                                                                         factor):
    """Good and bad news differ only by one assumed number: set it to 1 and the
    two cascades are the same draw for draw."""
    good = cascade(G, "influencers", model=model, valence="positive", seed=3, runs=4)
    bad = cascade(G, "influencers", model=model, valence="negative", seed=3, runs=4,
                  **{factor: 1.0})
    helpers.assert_same_result(good, bad)


def test_the_defaults_are_the_documented_assumptions(G, helpers):
    assert (NEGATIVE_PASS, NEGATIVE_WEIGHT) == (0.5, 1.2)
    for model, factor, value in (("threshold", "negative_weight", 1.2),
                                 ("independent", "negative_pass", 0.5)):
        helpers.assert_same_result(
            cascade(G, "random", model=model, valence="negative", seed=2, runs=3),
            cascade(G, "random", model=model, valence="negative", seed=2, runs=3,
                    **{factor: value}))


def test_the_assumption_is_ignored_for_good_news(G, helpers):
    helpers.assert_same_result(
        cascade(G, "influencers", model="threshold", seed=2, runs=3),
        cascade(G, "influencers", model="threshold", seed=2, runs=3, negative_weight=2.0))


@pytest.mark.parametrize("model", ["threshold", "independent"])
def test_sweep_gives_the_figures_of_cascade(G, model):
    table = bad_news_sweep(G, [0.8, 1.3], model=model, seed=4, runs=3)
    factor = "negative_weight" if model == "threshold" else "negative_pass"
    assert list(table["value"]) == [0.8, 1.3]
    assert table["positive"].tolist() == [cascade(G, "influencers", model=model, seed=4,
                                                  runs=3).final_reach] * 2
    for value, negative in zip(table["value"], table["negative"]):
        assert negative == pytest.approx(cascade(
            G, "influencers", model=model, valence="negative", seed=4, runs=3,
            **{factor: value}).final_reach)


def test_bad_news_reach_hinges_on_its_weight(populations):
    """The result of the threshold model follows from its assumption: with the
    weight of bad news at 1 it goes exactly as far as good news; a weight a
    little above 1 makes it reach far more (the pressure on a person can then
    exceed every threshold), in every population."""
    for s, P in enumerate(populations):
        t = bad_news_sweep(P, [1.0, 1.05, 1.3], seed=s, runs=10).set_index("value")
        assert t.loc[1.0, "negative"] == pytest.approx(t.loc[1.0, "positive"])
        assert t.loc[1.3, "negative"] > 0.9
        assert t.loc[1.0, "negative"] < 0.5
        assert t.loc[1.0, "negative"] <= t.loc[1.05, "negative"] <= t.loc[1.3, "negative"]


@pytest.mark.parametrize("kwargs, error, pattern", [
    ({"values": []}, ValueError, "values is empty"),
    ({"values": "1.2"}, TypeError, "list of numbers"),
    ({"values": [1.0, 4.0]}, ValueError, "each value must be between 0.0 and 3.0"),
    ({"values": [1.0], "model": "sir"}, ValueError, "'independent', 'threshold'"),
])
def test_sweep_bad_input(small, kwargs, error, pattern):
    with pytest.raises(error, match=pattern):
        bad_news_sweep(small, seed=1, **kwargs)


# --------------------------------------------------------------------------
# Bad input

def test_unknown_seed_person(small):
    with pytest.raises(nx.NodeNotFound, match="seed 777 is not a person"):
        cascade(small, [1, 777], seed=1)


def test_empty_seeds(small):
    with pytest.raises(ValueError, match="seeds is empty"):
        cascade(small, [], seed=1)


def test_seed_rule_lists_allowed(small):
    with pytest.raises(ValueError, match="'influencers', 'random'"):
        cascade(small, "celebrities", seed=1)


def test_number_of_seeds_is_k(small):
    with pytest.raises(TypeError, match="k=5"):
        cascade(small, 5, seed=1)


@pytest.mark.parametrize("kwargs, pattern", [
    ({"model": "sir"}, "'independent', 'threshold'"),
    ({"valence": "neutral"}, "'positive', 'negative'"),
    ({"k": 0}, "k must be"), ({"runs": 0}, "runs must be"),
    ({"probability": 1.5}, "probability must be"),
    ({"negative_weight": 3.5}, "negative_weight must be between 0.0 and 3.0"),
    ({"negative_pass": -0.1}, "negative_pass must be between 0.0 and 3.0"),
])
def test_bad_parameters(small, kwargs, pattern):
    with pytest.raises(ValueError, match=pattern):
        cascade(small, "random", seed=1, **kwargs)


# --------------------------------------------------------------------------
# Presentation

def test_plot(small, helpers):
    helpers.assert_axes(cascade(small, "influencers", seed=1, runs=3).plot())


def test_mean_curve_rises_from_the_seeds_to_the_final_reach(G):
    r = cascade(G, "random", k=7, seed=1, runs=4)
    curve = r.mean_curve()
    assert curve[0] == pytest.approx(7 / G.number_of_nodes())
    assert curve[-1] == pytest.approx(r.final_reach)
    assert (np.diff(curve) >= 0).all()
    assert len(curve) == r.adoption["step"].max() + 1


def test_plot_labels_follow_the_arguments(small):
    r = cascade(small, "influencers", model="threshold", valence="negative", seed=1, runs=2)
    assert r.label(lang="en") == "negative message, linear threshold, seeds: influencers"
    ax = r.plot(label="mine", index=2, title="T")
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["mine"]
    assert ax.get_title() == "T" and ax.lines[0].get_marker() == "^"
    import matplotlib.pyplot as plt
    plt.close(ax.figure)


def test_summary(small):
    text = repr(cascade(small, "influencers", seed=1, runs=3))
    assert "final reach" in text and "weak ties" in text


def test_docstring_speaks_plainly_and_cites_sources():
    """The docstring opens with a paragraph a job seeker can follow, then the
    model, parameters, sources and a runnable example."""
    from weakties.scenarios import cascade as fn
    parts = fn.__doc__.split("\n\n")
    assert parts[1].strip().startswith("In plain words:")
    for section in ("Parameters", "Returns", "References", "Examples"):
        assert f"\n    {section}\n    ---" in fn.__doc__
