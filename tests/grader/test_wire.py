"""grader.engine.wire: plain data crosses, nothing else does."""

from __future__ import annotations

import json
import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grader.engine import wire
from grader.engine.wire import FunctionRef, Limits, Missing, Opaque, Raised, WireError

# Plain values: the kinds a learner's answer is made of.
_scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**30, 10**30),
                     st.floats(allow_nan=False), st.text(max_size=20))
_keys = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=8)),
                     lambda inner: st.tuples(inner, inner), max_leaves=4)
plain = st.recursive(_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.tuples(inner, inner),
    st.dictionaries(_keys, inner, max_size=4), st.sets(_keys, max_size=4),
    st.frozensets(_keys, max_size=3)), max_leaves=25)


def _types(value):
    """The exact types of a value, recursively (to compare structure, not only equality)."""
    if isinstance(value, dict):
        return ("dict", sorted((repr(_types(k)), repr(_types(v))) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, [_types(x) for x in value])
    if isinstance(value, (set, frozenset)):
        return (type(value).__name__, sorted(repr(_types(x)) for x in value))
    return type(value).__name__


@settings(max_examples=200, deadline=None)
@given(plain)
def test_plain_data_round_trips_with_its_exact_types(value):
    back = wire.decode(wire.encode(value))
    assert back == value or (isinstance(value, float) and math.isnan(value))
    assert _types(back) == _types(value)


def test_non_finite_numbers_cross_through_their_tag():
    back = wire.decode(wire.encode([float("nan"), float("inf"), -float("inf")]))
    assert math.isnan(back[0]) and back[1:] == [math.inf, -math.inf]
    with pytest.raises(WireError, match="not allowed"):
        wire.decode("[NaN]")
    with pytest.raises(WireError, match="non-finite"):
        wire.decode("[1e400]")


class Liar(int):
    """An answer whose comparisons always agree."""

    def __eq__(self, other):
        return True

    __hash__ = int.__hash__


def test_objects_of_the_student_become_builtins_or_opaque():
    value = wire.decode(wire.encode({"n": Liar(3), "x": np.float64(0.5), "k": np.int64(7),
                                     "b": np.bool_(True), "views": {"a": 1}.keys(),
                                     "gen": (i for i in range(3))}))
    assert type(value["n"]) is int and value["n"] == 3 and value["n"] != 4
    assert (type(value["x"]), type(value["k"]), type(value["b"])) == (float, int, bool)
    assert value["views"] == ["a"] and value["gen"] == [0, 1, 2]
    for obj, kind in [(np.arange(3), "numpy array"), (pd.Series([1, 2]), "pandas Series"),
                      (nx.path_graph(3), "networkx Graph"), (object(), "object")]:
        decoded = wire.decode(wire.encode([obj]))[0]
        assert type(decoded) is Opaque and decoded.kind == kind
        assert decoded != 0 and decoded != [] and decoded != {}


def test_a_function_at_the_top_is_a_reference_and_inside_is_opaque():
    def f(x):
        return x
    assert wire.decode(json.dumps(wire.to_plain(f))) == FunctionRef("?")
    assert wire.decode(wire.encode([f]))[0].kind == "function"


@pytest.mark.parametrize("text,why", [
    ('{"graph": {"directed": false, "graph": {"dict": []}, "nodes": [], "edges": []}}',
     "unknown tag"),
    ('{"frame": {"columns": [], "index": [], "rows": []}}', "unknown tag"),
    ('{"tuple": [1], "set": [2]}', "exactly one key"),
    ('{"class": "os.system"}', "unknown tag"),
    ('{"dict": [[[1, 2], 3]]}', "cannot be a key"),
    ('{"set": [{"dict": []}]}', "cannot be a key"),
    ('{"float": "1e5"}', "float tag"),
    ("[" * 100 + "]" * 100, "nested"),
    ("[" + "9" * 300 + "]", "digits"),
    ("not json", "not valid JSON"),
    ('{"opaque": {"type": 3}}', "opaque tag"),
])
def test_the_decoder_refuses_what_is_not_plain_data(text, why):
    with pytest.raises(WireError, match=why):
        wire.decode(text)


def test_sizes_are_bounded():
    small = Limits(max_bytes=1000, max_items=50, max_depth=5)
    with pytest.raises(WireError, match="bytes"):
        wire.decode("[" + ", ".join(["1"] * 600) + "]", limits=small)
    with pytest.raises(WireError, match="values"):
        wire.decode("[" + ", ".join(["1"] * 60) + "]", limits=small)
    with pytest.raises(WireError, match="values"):
        wire.encode(list(range(100)), limits=small)
    deep = []
    for _ in range(100_000):         # a depth bomb: the kernel's side cuts it, never recursing
        deep = [deep]
    assert "opaque" in json.dumps(wire.to_plain(deep))


def test_lone_surrogates_are_replaced_before_they_can_break_a_message():
    text = wire.encode({"s": "a\ud800b"})
    text.encode("utf-8")
    assert wire.decode(text) == {"s": "a\ufffdb"}


def test_graphs_and_frames_go_to_the_kernel_only():
    G = nx.Graph()
    G.add_edge("a", "b", strength=0.5)
    frame = pd.DataFrame({"x": [1, 2], "y": ["u", "v"]})
    text = wire.encode([G, frame], args=True)
    G2, frame2 = wire.decode(text, args=True)
    assert sorted(G2.edges(data=True)) == sorted(G.edges(data=True))
    assert frame2.equals(frame)
    with pytest.raises(WireError, match="unknown tag"):
        wire.decode(text)


def test_the_kernel_side_answers_by_name(monkeypatch):
    import __main__

    def double(x):
        return 2 * x

    def boom(x):
        raise ValueError("no " + x)

    monkeypatch.setattr(__main__, "answer_x", {1, 2}, raising=False)
    monkeypatch.setattr(__main__, "double", double, raising=False)
    monkeypatch.setattr(__main__, "boom", boom, raising=False)
    got = wire.read_fetch(wire.fetch(["answer_x", "double", "nowhere"]),
                          ["answer_x", "double", "nowhere"])
    assert got == {"answer_x": {1, 2}, "double": FunctionRef("double"), "nowhere": Missing()}
    assert wire.read_call(wire.call("double", wire.encode([[21], {}], args=True))) == 42
    assert wire.read_call(wire.call("boom", wire.encode([["way"], {}], args=True))) == \
        Raised("ValueError", "no way")
    assert wire.read_call(wire.call("nowhere", wire.encode([[], {}], args=True))) == Missing()


def test_replies_with_extra_or_forged_entries_are_refused():
    with pytest.raises(WireError):
        wire.read_fetch('{"x": {"value": 1, "missing": true}}', ["x"])
    with pytest.raises(WireError):
        wire.read_call('{"raised": ["E", 3]}')
    assert wire.read_fetch('{"x": {"value": 1}, "other": {"value": 2}}', ["x"]) == {"x": 1}


def test_the_digit_limit_holds_at_the_quick_path_boundary():
    """Integers of exactly 18 digits pass the quick check; one more digit is checked in full."""
    limits = wire.Limits(max_digits=18)
    assert wire.decode(str(10 ** 18 - 1), limits=limits) == 10 ** 18 - 1
    assert wire.decode(str(-(10 ** 18 - 1)), limits=limits) == -(10 ** 18 - 1)
    with pytest.raises(wire.WireError, match="18 digits"):
        wire.decode(str(10 ** 18), limits=limits)
    assert wire.to_plain(10 ** 18 - 1, limits=limits) == 10 ** 18 - 1
    assert wire.to_plain(10 ** 18, limits=limits)["opaque"]["kind"] == "number too large"
    assert wire.to_plain(123456, limits=wire.Limits(max_digits=5))["opaque"]["kind"] == \
        "number too large"
    assert wire.decode(wire.encode("é\ud800")) == "é\ufffd"


def test_a_population_reaches_the_students_function_whole_and_compact():
    """A graph's attribute names are written once; every node and tie arrives with exactly
    its own attributes (read-only mappings as dictionaries), whatever keys others have."""
    import weakties

    G = weakties.population(80, seed="wire")
    G.add_node("alone")
    G.add_edge(0, "alone", note=[1, (2, 3)], **{"7": None})
    G.graph["extra"] = {"k": {1, 2}}
    text = wire.encode(((G,), {}), args=True)
    (H,), _ = wire.decode(text, args=True)
    assert nx.utils.graphs_equal(G, H) and G.graph == H.graph
    assert H.nodes["alone"] == {} and H.edges[0, "alone"] == {"note": [1, (2, 3)], "7": None}
    for u, v, d in G.edges(data=True):
        assert H.edges[u, v] == d              # absent attributes stay absent
    assert H.nodes[0]["reliability"] == dict(G.nodes[0]["reliability"])
    # Half the text of one dictionary per node and tie.
    old_style = json.dumps([[wire.to_plain(dict(d)) for _, _, d in G.edges(data=True)]])
    assert len(text) < len(old_style)


@pytest.mark.parametrize("graph", [
    {"node_keys": [], "nodes": [[1]], "edge_keys": [], "edges": []},                # no values
    {"node_keys": ["a"], "nodes": [[1, []]], "edge_keys": [], "edges": []},         # too few
    {"node_keys": [[1]], "nodes": [], "edge_keys": [], "edges": []},                # list key
    {"node_keys": [], "nodes": [[[1, 2], []]], "edge_keys": [], "edges": []},       # list id
    {"node_keys": [], "nodes": [], "edge_keys": [], "edges": [[1, []]]},            # one end
    {"node_keys": [], "nodes": "x", "edge_keys": [], "edges": []},
    {"node_keys": ["a"], "nodes": [[1, [None], [[0]]]], "edge_keys": [], "edges": []},
])
def test_a_malformed_graph_is_an_error_not_a_graph(graph):
    body = {"directed": False, "graph": {"dict": []}, **graph}
    with pytest.raises(WireError):
        wire.decode(json.dumps({"graph": body}), args=True)
