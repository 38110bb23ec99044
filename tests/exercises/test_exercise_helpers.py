"""Tests of weakties.exercises: the learner's own data and the checks that teach."""

import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import weakties
from weakties import exercises as ex
from weakties.learner import LEARNER_FILE

A = "01-your-network"


@pytest.fixture
def learner_dir(tmp_path, monkeypatch):
    """A notebook folder whose learner id file says 'carol', and no other source of id."""
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    monkeypatch.setenv("WEAKTIES_CONFIG_DIR", str(tmp_path / "config"))
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / LEARNER_FILE).write_text("carol\n")
    monkeypatch.chdir(folder)
    return folder


# -- your own data -----------------------------------------------------------

def test_population_is_seeded_with_assignment_and_learner(learner_dir):
    G = ex.my_population(A, n=150)
    H = weakties.population(150, seed=f"{A}:carol")
    assert sorted(G.edges) == sorted(H.edges)
    assert G.nodes[3]["name"] == H.nodes[3]["name"]


def test_other_learners_and_assignments_get_other_data():
    base = sorted(ex.my_population(A, n=150, learner="dana").edges)
    assert sorted(ex.my_population(A, n=150, learner="eve").edges) != base
    assert sorted(ex.my_population("02-strong-and-weak-ties", n=150, learner="dana").edges) != base


def test_each_call_returns_an_independent_copy():
    G = ex.my_population(A, n=150, learner="dana")
    u, v = next(iter(G.edges))
    G.remove_edge(u, v)
    G.nodes[0]["sector"] = "changed"
    H = ex.my_population(A, n=150, learner="dana")
    assert H.has_edge(u, v) and H.nodes[0]["sector"] != "changed"
    # attribute dicts of ties are copied too
    H[u][v]["strength"] = -1.0
    assert ex.my_population(A, n=150, learner="dana")[u][v]["strength"] > 0


def test_reference_is_frozen_and_independent_of_the_learner_copy():
    G = ex.my_population(A, n=150, learner="dana")
    R = ex.reference_population(A, n=150, learner="dana")
    assert nx.is_frozen(R)
    with pytest.raises(nx.NetworkXError):
        R.remove_node(0)
    u, v = next(iter(G.edges))
    G[u][v]["strength"] = 0.0
    G.remove_edge(u, v)
    G.nodes[1]["sector"] = "changed"
    G.graph["options"]["year"] = 1999
    assert R.has_edge(u, v) and R[u][v]["strength"] > 0
    assert R.nodes[1]["sector"] != "changed" and R.graph["options"]["year"] == 2026


def test_bad_assignment_name_is_explained():
    with pytest.raises(ValueError, match="two digits"):
        ex.my_population("your network", learner="dana")


def test_missing_learner_id_says_how_to_set_one(tmp_path, monkeypatch):
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    monkeypatch.setenv("WEAKTIES_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(LookupError, match="set_learner"):
        ex.my_population(A, n=100)


def test_seed_and_rng():
    assert ex.my_seed(A, learner="dana") == f"{A}:dana"
    assert ex.my_seed(A, "event", learner="dana") == f"{A}:dana:event"
    with pytest.raises(ValueError):
        ex.my_seed(A, "", learner="dana")
    a = ex.my_rng(A, "x", learner="dana").random(3)
    assert np.array_equal(a, ex.my_rng(A, "x", learner="dana").random(3))
    assert not np.array_equal(a, ex.my_rng(A, "y", learner="dana").random(3))


@pytest.mark.parametrize("criteria", [
    {"min_ties": 20}, {"min_strong": 4, "min_weak": 10}, {"min_local_bridges": 2},
    {"max_ties": 25, "where": lambda G, v: G.nodes[v]["generation"] is not None},
])
def test_person_meets_the_criteria_and_is_stable(criteria):
    G = ex.my_population("02-strong-and-weak-ties", n=400, learner="dana")
    me = ex.my_person(G, "02-strong-and-weak-ties", learner="dana", **criteria)
    assert me == ex.my_person(G, "02-strong-and-weak-ties", learner="dana", **criteria)
    k = G.degree(me)
    strong = sum(1 for d in G[me].values() if d["strength"] >= 0.5)
    assert k >= criteria.get("min_ties", 15)
    assert k <= criteria.get("max_ties", k)
    assert strong >= criteria.get("min_strong", 0)
    assert k - strong >= criteria.get("min_weak", 0)
    bridges = len(weakties.ties.local_bridges(G, ego=me))
    assert bridges >= criteria.get("min_local_bridges", 0)


def test_person_differs_between_learners_and_roles():
    people = set()
    for who in ("a1", "a2", "a3", "a4", "a5", "a6"):
        G = ex.my_population(A, n=200, learner=who)
        people.add(ex.my_person(G, A, learner=who))
    assert len(people) >= 3
    G = ex.my_population(A, n=200, learner="a1")
    me = ex.my_person(G, A, learner="a1")
    assert ex.my_person(G, A, role="example", learner="a1", exclude=[me]) != me


def test_person_without_candidates_is_an_author_error():
    G = ex.my_population(A, n=120, learner="dana")
    with pytest.raises(ValueError, match="loosen"):
        ex.my_person(G, A, learner="dana", min_ties=10_000)


def test_pick_refuses_sets_and_empty_options():
    with pytest.raises(TypeError, match="sorted"):
        ex.my_pick(A, {"a", "b"}, role="r", learner="dana")
    with pytest.raises(ValueError):
        ex.my_pick(A, [], role="r", learner="dana")
    picks = {ex.my_pick(A, list("abcdefgh"), role="r", learner=f"l{i}") for i in range(20)}
    assert len(picks) >= 3


def test_describe_person_names_the_profile():
    G = ex.my_population(A, n=120, learner="dana")
    text = ex.describe_person(G, 5)
    assert G.nodes[5]["name"] in text and G.nodes[5]["sector"] in text
    with pytest.raises(nx.NodeNotFound):
        ex.describe_person(G, -1)


# -- checks ------------------------------------------------------------------

def _message(call):
    with pytest.raises(ex.CheckFailed) as info:
        call()
    assert isinstance(info.value, AssertionError)
    text = str(info.value)
    assert "Expected:" in text and "Found:" in text
    return text


@pytest.mark.parametrize("value, kind, hint", [
    (pd.Series({"a": 1}), "dict", ".to_dict()"),
    (np.array([1, 2]), "list", ".tolist()"),
    ("3", "whole number", "quotes"),
    (3.0, "whole number", "int("),
    (None, "number", "return"),
    (True, "number", "yes-or-no"),
    ({1, 2}, "list", "sorted("),
])
def test_type_errors_come_with_a_hint(value, kind, hint):
    text = _message(lambda: ex.check_type("x", value, kind))
    assert hint in text


@pytest.mark.parametrize("value, kind", [
    (np.int64(3), "whole number"), (np.float64(0.5), "number"), (3, "number"),
    (np.bool_(True), "true or false"), ((1, 2), "list"), ({1}, "collection"),
    ({"a": 1}, "dict"), (len, "function"), ("weak", "text"),
])
def test_accepted_types(value, kind):
    ex.check_type("x", value, kind)


def test_nan_is_not_a_number():
    _message(lambda: ex.check_type("x", math.nan, "number"))


def test_hidden_values_are_not_revealed():
    text = _message(lambda: ex.check_close("share", 0.61, 0.4321, tol=0.01, reveal=False,
                                           what="the share of your weak ties"))
    assert "0.4321" not in text and "too high" in text
    text = _message(lambda: ex.check_mapping("d", {"a": 1, "b": 9}, {"a": 1, "b": 7}))
    assert "7" not in text.split("Found:")[1] and "too high" in text
    text = _message(lambda: ex.check_items("xs", [1, 2], [1, 3]))
    assert "3" not in text.split("Found:")[1] and "2" in text.split("Found:")[1]
    text = _message(lambda: ex.check_choice("c", "a", ["b"], options=["a", "b"]))
    assert "'b'" not in text.split("Found:")[1]


def test_revealed_values_are_shown():
    text = _message(lambda: ex.check_mapping("d", {"a": 2}, {"a": 1}, reveal=True))
    assert "expected 1" in text
    text = _message(lambda: ex.check_items("xs", [1], [1, 3], reveal=True))
    assert "(3)" in text


def test_choice_ignores_case_and_spaces_and_accepts_ties():
    ex.check_choice("c", " Weak ", ["weak"], options=["strong", "weak"])
    ex.check_choice("c", 7, [3, 7])
    _message(lambda: ex.check_choice("c", "weak", ["strong"]))


def test_items_and_order():
    ex.check_items("xs", np.array([1, 2]).tolist(), {2, 1})
    assert "repeated" in _message(lambda: ex.check_items("xs", [1, 1, 2], [1, 2]))
    assert "list or a set" in _message(lambda: ex.check_items("xs", "12", ["1", "2"]))
    key = {1: 0.5, 2: 0.5, 3: 0.2}.get
    ex.check_order("xs", [2, 1, 3], key)
    ex.check_order("xs", [3, 1], key, descending=False)
    assert "comes before" in _message(lambda: ex.check_order("xs", [3, 1], key))


def test_function_errors_are_reported_not_raised():
    def broken(x):
        return 1 / x
    text = _message(lambda: ex.check_function("f", broken, [((0,), 0, "zero")]))
    assert "ZeroDivisionError" in text and "zero" in text
    _message(lambda: ex.check_function("f", 3, []))


def test_person():
    G = nx.path_graph(4)
    ex.check_person("p", np.int64(2), G, among=[2, 3])
    assert "not one of them" in _message(lambda: ex.check_person("p", 1, G, among=[2, 3]))
    assert "number, not their name" in _message(lambda: ex.check_person("p", "Ana", G))
    assert "not in the population" in _message(lambda: ex.check_person("p", [1], G))


def test_answer_reads_the_notebook_variable():
    my_value = 42  # noqa: F841 - read by answer() from this frame
    assert ex.answer("my_value") == 42
    assert "answer cell" in _message(lambda: ex.answer("not_defined_anywhere"))


def test_a_failed_check_shows_its_message_not_the_library_frames():
    """In a notebook, a failed check shows the learner's line and the teaching message only."""
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    InteractiveShell.clear_instance()  # a fresh shell, whatever ran before
    shell = InteractiveShell.instance()
    try:
        shell.run_cell("import weakties.exercises as ex")
        with capture_output() as out:
            result = shell.run_cell("share = 30\nex.check_between('share', share, 0, 1, "
                                    "hint='divide; do not multiply by 100.')")
        assert result.error_in_exec is not None           # still an error for the kernel
        text = out.stdout + out.stderr
        assert "Expected: a number between 0 and 1." in text and "Hint:" in text
        assert "line 2: ex.check_between" in text
        assert "exercises.py" not in text                 # no library frame
        with capture_output() as out:
            shell.run_cell("1 / 0")
        assert "ZeroDivisionError" in out.stdout + out.stderr  # other errors as usual
    finally:
        InteractiveShell.clear_instance()
