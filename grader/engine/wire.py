"""Plain data across the judge's boundary: what a student's kernel may send, and nothing else.

The hidden tests run in the judge (:mod:`grader.engine.judge`), a process
that never runs student code. What they need from the student's notebook
(the value of an answer, the result of calling the student's function on
the judge's inputs) leaves the student's kernel as **JSON text** in the
form below, and is rebuilt in the judge by :func:`decode`, which creates
only objects of exact built-in types: ``None``, ``bool``, ``int``,
``float``, ``str``, and ``list``, ``tuple``, ``dict``, ``set`` and
``frozenset`` of them. A student's object never crosses: no class, no
method, no ``__eq__`` of the student's runs in the judge. Sizes are
bounded (:class:`Limits`); anything else is an error, never an object.

The form (a JSON value; an object always has exactly one key, a *tag*)::

    null, true, false, numbers, strings, arrays     themselves (an array is a list)
    {"float": "nan" | "inf" | "-inf"}               a float that JSON cannot write
    {"tuple": [...]}, {"set": [...]}, {"frozenset": [...]}
    {"dict": [[key, value], ...]}                   any hashable keys
    {"opaque": {"type": "pandas.Series", "kind": "pandas Series"}}
                                                    a value that is not plain data:
                                                    the judge sees only what kind it is
    {"function": "name"}                            an answer that is a function: the
                                                    judge may ask the kernel to call it

Only the judge sends these two, as arguments of a call to a student's
function (the kernel rebuilds them with networkx and pandas)::

    {"graph": {"directed": false, "graph": {...},
               "node_keys": [k, ...], "nodes": [[n, [value, ...]], ...],
               "edge_keys": [k, ...], "edges": [[u, v, [value, ...]], ...]}}
    {"frame": {"columns": [...], "index": [...], "rows": [[...], ...]}}

A graph's attribute names are written once (``node_keys``, ``edge_keys``);
each node or edge lists its values in that order, followed, when it lacks
some attributes, by the positions it lacks (``[n, [values], [absent]]``; the
value at an absent position is ``null``). A population of 150 people is
half as long this way as with a dictionary per tie.

This module uses only the standard library (numpy, pandas and networkx
only if the process already imported them): the grader sends its source
into the student's kernel, which uses :func:`to_plain`, :func:`fetch` and
:func:`call` to answer the judge's requests. Whatever code in the kernel
answers instead, :func:`decode` is the judge's only way in.

Examples
--------
>>> text = encode({"often": 2, ("a", 1): [1.5, None, {3}]})
>>> decode(text) == {"often": 2, ("a", 1): [1.5, None, {3}]}
True
>>> decode('{"dict": [[[1, 2], 3]]}')
Traceback (most recent call last):
...
grader.engine.wire.WireError: a dictionary key that cannot be a key (a list)
"""

from __future__ import annotations

import json
import math
import sys
from dataclasses import dataclass
from types import MappingProxyType

__all__ = ["Limits", "WireError", "Opaque", "FunctionRef", "Missing", "Raised", "Reply",
           "encode", "decode", "to_plain", "fetch", "call", "read_fetch", "read_call",
           "KERNEL_MODULE"]

#: The name under which the kernel holds this module (``sys.modules``).
KERNEL_MODULE = "_weakties_io"

_TAGS = frozenset({"float", "tuple", "set", "frozenset", "dict", "opaque", "function",
                   "graph", "frame"})
_ARG_TAGS = frozenset({"graph", "frame"})


class WireError(ValueError):
    """The text is not plain data in the agreed form, or is larger than allowed."""


@dataclass(frozen=True)
class Limits:
    """How much plain data one message may hold.

    Attributes
    ----------
    max_bytes : int
        Length of the JSON text.
    max_items : int
        Values in all (every element, key and value counts one).
    max_depth : int
        Nesting of containers.
    max_digits : int
        Digits of one integer.
    """

    max_bytes: int = 8 * 1024 * 1024
    max_items: int = 500_000
    max_depth: int = 40
    max_digits: int = 200


DEFAULT = Limits()


@dataclass(frozen=True)
class Opaque:
    """A value of the student's that is not plain data: only its kind crosses.

    ``type`` is the dotted name of its class and ``kind`` a short description
    (``"numpy array"``, ``"pandas Series"``, ``"generator"``, ``"object"``);
    both are text written by the student's kernel, cut to 80 characters.
    Comparisons with anything else are false.

    Examples
    --------
    >>> Opaque("pandas.core.series.Series", "pandas Series") == {"a": 1}
    False
    """

    type: str
    kind: str

    @property
    def _wire_type(self):
        """(module, name) of the student's class, as :mod:`weakties.exercises` reads it."""
        module, _, name = self.type.rpartition(".")
        return module, name or self.type

    def __repr__(self):
        return f"<{self.kind}>"


@dataclass(frozen=True)
class FunctionRef:
    """An answer that is a function in the student's kernel (by the name it was read under)."""

    name: str


# ---------------------------------------------------------------------------
# Building plain data from any value (in the student's kernel, and for the judge's arguments)
# ---------------------------------------------------------------------------

_ITERATOR_TYPES = ("generator", "map", "filter", "zip", "enumerate", "reversed", "range",
                   "dict_keys", "dict_values", "dict_items", "odict_keys", "odict_values",
                   "odict_items", "list_iterator", "tuple_iterator", "set_iterator")


def _clip(text, limit=80) -> str:
    text = str(text)
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _kind(value) -> tuple[str, str]:
    cls = type(value)
    module = getattr(cls, "__module__", "") or ""
    name = getattr(cls, "__qualname__", getattr(cls, "__name__", "object"))
    dotted = _clip(f"{module}.{name}" if module and module != "builtins" else name)
    if module.startswith("numpy"):
        return dotted, "numpy array" if name == "ndarray" else f"numpy {name}"
    if module.startswith("pandas"):
        return dotted, f"pandas {name}"
    if module.startswith("networkx"):
        return dotted, f"networkx {name}"
    if callable(value):
        return dotted, "function"
    return dotted, "object"


def to_plain(value, *, limits: Limits = DEFAULT, top: bool = True, args: bool = False):
    """``value`` as a JSON-ready tagged structure (see the module documentation).

    Numbers of numpy become Python numbers; iterators, ranges and dictionary
    views become lists (at most ``limits.max_items`` items); dictionary and
    list subclasses become plain ones. A function at the top becomes a
    ``{"function": ...}`` reference; anything else that is not plain data
    becomes ``{"opaque": ...}``. With ``args=True`` (the judge's arguments)
    networkx graphs and pandas DataFrames are written too.

    Examples
    --------
    >>> to_plain((1, 2.5, float("nan"), {"a": range(3)}))
    {'tuple': [1, 2.5, {'float': 'nan'}, {'dict': [['a', [0, 1, 2]]]}]}
    >>> to_plain(object())["opaque"]["kind"]
    'object'
    """
    budget = [limits.max_items]
    return _plain(value, limits, budget, 0, top, args, set())


#: Integers below this in size have at most 18 digits (checked without writing them out).
_SMALL_INT = 10 ** 18


def _plain(value, limits, budget, depth, top, args, path):
    budget[0] -= 1
    if budget[0] < 0:
        raise WireError(f"more than {limits.max_items} values")
    if depth > limits.max_depth:
        return {"opaque": {"type": "structure", "kind": "structure nested too deeply"}}
    kind = type(value)
    if value is None or kind is bool:
        return value
    if kind is str:
        return _utf8(value)
    # The commonest values, of exact built-in types, first (a graph has thousands).
    if kind is float and math.isfinite(value):
        return value
    if kind is int and -_SMALL_INT < value < _SMALL_INT and limits.max_digits >= 18:
        return value
    np = sys.modules.get("numpy")
    if np is not None and isinstance(value, np.generic):
        if isinstance(value, np.bool_):
            return bool(value)
        if isinstance(value, np.integer):
            value = int(value)
        elif isinstance(value, np.floating):
            value = float(value)
        elif isinstance(value, np.str_):
            return str(value)
    if np is not None and isinstance(value, np.ndarray) and value.ndim == 0:
        return _plain(value.item(), limits, budget, depth, top, args, path)
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        value = int(value)
        if len(str(abs(value))) > limits.max_digits:
            return {"opaque": {"type": "int", "kind": "number too large"}}
        return value
    if isinstance(value, float):
        value = float(value)
        if math.isnan(value):
            return {"float": "nan"}
        if math.isinf(value):
            return {"float": "inf" if value > 0 else "-inf"}
        return value
    if isinstance(value, str):
        return _utf8(str(value))
    key = id(value)
    if key in path:
        return {"opaque": {"type": "structure", "kind": "structure that contains itself"}}
    path = path | {key}

    def inner(items):
        return [_plain(x, limits, budget, depth + 1, False, args, path) for x in items]

    if isinstance(value, list):
        return inner(value)
    if isinstance(value, tuple):
        return {"tuple": inner(value)}
    if isinstance(value, frozenset):
        return {"frozenset": inner(_ordered(value))}
    if isinstance(value, set):
        return {"set": inner(_ordered(value))}
    if isinstance(value, dict) or type(value) is MappingProxyType:   # a read-only dict too
        return {"dict": [[_plain(k, limits, budget, depth + 1, False, args, path),
                          _plain(v, limits, budget, depth + 1, False, args, path)]
                         for k, v in value.items()]}
    if args:
        special = _special_arg(value, limits, budget, depth, path)
        if special is not None:
            return special
    if type(value).__name__ in _ITERATOR_TYPES:
        items = []
        for item in value:
            if len(items) >= limits.max_items:
                return {"opaque": {"type": _kind(value)[0], "kind": "sequence that does not end"}}
            items.append(item)
        return inner(items)
    dotted, kind = _kind(value)
    if top and kind == "function":
        return {"function": "?"}
    return {"opaque": {"type": dotted, "kind": kind}}


def _utf8(text: str) -> str:
    """``text``, with lone surrogates (which no UTF-8 message can carry) made U+FFFD."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)


def _ordered(items):
    try:
        return sorted(items)
    except TypeError:
        return sorted(items, key=repr)


def _special_arg(value, limits, budget, depth, path):
    nx = sys.modules.get("networkx")
    pd = sys.modules.get("pandas")

    def p(x):
        return _plain(x, limits, budget, depth + 1, False, True, path)

    if nx is not None and isinstance(value, nx.Graph):
        node_keys, nodes = _rows([(n,) for n in value.nodes], list(value.nodes.values()), p)
        edge_keys, edges = _rows([(u, v) for u, v in value.edges],
                                 [d for _, _, d in value.edges(data=True)], p)
        return {"graph": {"directed": value.is_directed(), "graph": p(dict(value.graph)),
                          "node_keys": node_keys, "nodes": nodes,
                          "edge_keys": edge_keys, "edges": edges}}
    if pd is not None and isinstance(value, pd.DataFrame):
        return {"frame": {
            "columns": [p(c) for c in value.columns],
            "index": [p(i) for i in value.index],
            "rows": [[p(x) for x in row] for row in value.itertuples(index=False, name=None)],
        }}
    return None


def _rows(ids, attrs, p):
    """Attribute names once, then one row per node or edge: (keys, rows) of plain data."""
    keys: dict = {}
    for d in attrs:
        for k in d:
            if k not in keys:
                keys[k] = len(keys)
    rows = []
    for id_, d in zip(ids, attrs):
        values = [None] * len(keys)
        for k, v in d.items():
            values[keys[k]] = p(v)
        row = [*(p(x) for x in id_), values]
        if len(d) < len(keys):
            row.append([i for k, i in keys.items() if k not in d])
        rows.append(row)
    return [p(k) for k in keys], rows


def encode(value, *, limits: Limits = DEFAULT, args: bool = False) -> str:
    """JSON text of :func:`to_plain` ``(value)``; :class:`WireError` if it is too large.

    Examples
    --------
    >>> encode([1, "a", (2, 3)])
    '[1, "a", {"tuple": [2, 3]}]'
    """
    text = json.dumps(to_plain(value, limits=limits, args=args), ensure_ascii=False,
                      allow_nan=False, separators=(", ", ": "))
    if len(text) > limits.max_bytes:
        raise WireError(f"more than {limits.max_bytes} bytes")
    return text


# ---------------------------------------------------------------------------
# Rebuilding (in the judge: exact built-in types only)
# ---------------------------------------------------------------------------


def _reject_constant(name):
    raise WireError(f"{name} is not allowed here (write non-finite floats with the float tag)")


def decode(text, *, limits: Limits = DEFAULT, args: bool = False):
    """Rebuild the value that ``text`` describes, with exact built-in types only.

    ``args=True`` also accepts the graph and frame tags (in the student's
    kernel, for the judge's arguments; never in the judge).

    Raises
    ------
    WireError
        The text is too long, is not JSON, uses an unknown tag, nests too
        deeply, holds too many values, an integer with too many digits, an
        unhashable key, or a non-finite number written as a bare constant.

    Examples
    --------
    >>> decode('{"tuple": [1, {"float": "inf"}, {"set": ["a"]}]}')
    (1, inf, {'a'})
    >>> decode('{"opaque": {"type": "pandas.core.series.Series", "kind": "pandas Series"}}')
    <pandas Series>
    >>> decode('{"graph": {"directed": false, "graph": {}, "nodes": [], "edges": []}}')
    Traceback (most recent call last):
    ...
    grader.engine.wire.WireError: unknown tag 'graph'
    """
    if isinstance(text, (bytes, bytearray)):
        if len(text) > limits.max_bytes:
            raise WireError(f"more than {limits.max_bytes} bytes")
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError:
            raise WireError("not UTF-8 text") from None
    if not isinstance(text, str):
        raise WireError(f"expected JSON text, not {type(text).__name__}")
    if len(text) > limits.max_bytes:
        raise WireError(f"more than {limits.max_bytes} bytes")
    try:
        raw = json.loads(text, parse_constant=_reject_constant)
    except WireError:
        raise
    except (ValueError, RecursionError) as exc:
        raise WireError(f"not valid JSON ({type(exc).__name__})") from None
    return _build(raw, limits, [limits.max_items], 0, args)


def _build(node, limits, budget, depth, args):
    budget[0] -= 1
    if budget[0] < 0:
        raise WireError(f"more than {limits.max_items} values")
    if depth > limits.max_depth:
        raise WireError(f"nested more than {limits.max_depth} levels deep")
    kind = type(node)
    if node is None or kind is bool or kind is str:
        return node
    if kind is int:
        if -_SMALL_INT < node < _SMALL_INT and limits.max_digits >= 18:
            return node
        if len(str(abs(node))) > limits.max_digits:
            raise WireError(f"an integer of more than {limits.max_digits} digits")
        return node
    if kind is float:
        if not math.isfinite(node):
            raise WireError("a non-finite number outside the float tag")
        return node
    if kind is list:
        return [_build(x, limits, budget, depth + 1, args) for x in node]
    if kind is not dict or len(node) != 1:
        raise WireError("an object must have exactly one key, its tag")
    (tag, body), = node.items()
    if tag not in _TAGS or (tag in _ARG_TAGS and not args):
        raise WireError(f"unknown tag {_clip(tag, 30)!r}")
    if tag == "float":
        if body not in ("nan", "inf", "-inf"):
            raise WireError("the float tag holds 'nan', 'inf' or '-inf'")
        return float(body)
    if tag == "opaque":
        if type(body) is not dict or type(body.get("type")) is not str \
                or type(body.get("kind")) is not str:
            raise WireError("the opaque tag holds a type and a kind, as texts")
        return Opaque(_clip(body["type"]), _clip(body["kind"]))
    if tag == "function":
        if type(body) is not str:
            raise WireError("the function tag holds a name")
        return FunctionRef(_clip(body))
    if tag in ("graph", "frame"):
        return _build_arg(tag, body, limits, budget, depth, args)
    if type(body) is not list:
        raise WireError(f"the {tag} tag holds an array")
    if tag == "dict":
        out = {}
        for pair in body:
            if type(pair) is not list or len(pair) != 2:
                raise WireError("a dictionary entry is a pair [key, value]")
            key = _build(pair[0], limits, budget, depth + 1, args)
            _check_key(key)
            out[key] = _build(pair[1], limits, budget, depth + 1, args)
        return out
    items = [_build(x, limits, budget, depth + 1, args) for x in body]
    if tag == "tuple":
        return tuple(items)
    for item in items:
        _check_key(item, what="a set item")
    return set(items) if tag == "set" else frozenset(items)


def _check_key(key, what="a dictionary key"):
    kind = type(key)
    if key is None or kind in (bool, int, float, str, frozenset):
        return
    if kind is tuple:
        for item in key:
            _check_key(item, what)
        return
    name = {list: "a list", dict: "a dictionary", set: "a set"}.get(kind, kind.__name__)
    raise WireError(f"{what} that cannot be a key ({name})")


def _read_rows(body, what, width, b):
    """The ``(ids, attributes)`` of a graph's nodes (``width`` 1) or edges (2)."""
    keys = b(body.get(f"{what}_keys", []))
    if type(keys) is not list:
        raise WireError(f"the graph's {what}_keys is a list")
    for key in keys:
        _check_key(key)
    rows = body.get(f"{what}s", [])
    if type(rows) is not list:
        raise WireError(f"the graph's {what}s is a list")
    for row in rows:
        if type(row) is not list or len(row) not in (width + 1, width + 2) \
                or type(row[width]) is not list or len(row[width]) != len(keys):
            raise WireError(f"a {what} of the graph is [id, values] or [id, values, absent]")
        ids = [b(x) for x in row[:width]]
        for x in ids:
            _check_key(x, what=f"a {what} id")
        values = b(row[width])
        absent = b(row[width + 1]) if len(row) > width + 1 else []
        if type(absent) is not list or any(type(i) is not int for i in absent):
            raise WireError(f"a {what}'s absent attributes are given by position")
        absent = set(absent)
        yield ids, {k: v for i, (k, v) in enumerate(zip(keys, values)) if i not in absent}


def _build_arg(tag, body, limits, budget, depth, args):
    if type(body) is not dict:
        raise WireError(f"the {tag} tag holds an object")

    def b(x):
        return _build(x, limits, budget, depth + 1, args)

    if tag == "graph":
        import networkx as nx

        G = nx.DiGraph() if body.get("directed") else nx.Graph()
        G.graph.update(b(body.get("graph", {"dict": []})))
        for node, attrs in _read_rows(body, "node", 1, b):
            G.add_node(node[0], **attrs)
        for (u, v), attrs in _read_rows(body, "edge", 2, b):
            G.add_edge(u, v, **attrs)
        return G
    import pandas as pd

    rows = [b(row) for row in body.get("rows", [])]
    return pd.DataFrame(rows, columns=b(body.get("columns", [])),
                        index=b(body.get("index", [])) or None)


# ---------------------------------------------------------------------------
# The kernel's side: answering the judge's requests
# ---------------------------------------------------------------------------


def _namespace():
    shell = sys.modules.get("IPython") and sys.modules["IPython"].get_ipython()
    if shell is not None:
        return shell.user_ns
    return sys.modules["__main__"].__dict__


def fetch(names, limits: Limits = DEFAULT) -> str:
    """(In the student's kernel) JSON text of ``{name: plain value}`` for the names asked.

    A name that is not defined is written ``{"missing": true}``; a value too
    large for the limits is written as an opaque ``"value too large"``.
    """
    ns = _namespace()
    out = {}
    for name in names:
        if name not in ns:
            out[name] = {"missing": True}
            continue
        try:
            plain = to_plain(ns[name], limits=limits)
            if isinstance(plain, dict) and "function" in plain:
                plain = {"function": name}
            text = json.dumps(plain, ensure_ascii=False, allow_nan=False)
            if len(text) > limits.max_bytes:
                raise WireError("too large")
            out[name] = {"value": plain}
        except (WireError, RecursionError, ValueError, TypeError):
            out[name] = {"value": {"opaque": {"type": "value", "kind": "value too large"}}}
        except Exception as exc:  # noqa: BLE001 - a student's object misbehaving
            out[name] = {"value": {"opaque": {"type": type(exc).__name__,
                                              "kind": "value that cannot be read"}}}
    return Reply(json.dumps(out, ensure_ascii=False, allow_nan=False))


def call(name: str, args_text: str, limits: Limits = DEFAULT) -> str:
    """(In the student's kernel) call the function ``name`` on the judge's arguments.

    ``args_text`` is :func:`encode` ``([args, kwargs], args=True)``. Returns
    JSON text: ``{"value": plain}``, ``{"missing": true}``, or
    ``{"raised": [type name, message]}`` when the function raised.
    """
    ns = _namespace()
    if name not in ns:
        return Reply(json.dumps({"missing": True}))
    try:
        arguments, keywords = decode(args_text, limits=limits, args=True)
    except Exception as exc:  # noqa: BLE001
        return Reply(json.dumps({"raised": ["GraderError",
                                            f"the arguments could not be read: {exc}"]}))
    try:
        result = ns[name](*arguments, **keywords)
    except BaseException as exc:  # noqa: BLE001 - the student's code may raise anything
        return Reply(json.dumps({"raised": [_clip(type(exc).__name__, 60), _clip(exc, 300)]},
                                ensure_ascii=False))
    try:
        text = json.dumps({"value": to_plain(result, limits=limits, top=False)},
                          ensure_ascii=False, allow_nan=False)
    except (WireError, RecursionError, ValueError, TypeError):
        text = json.dumps({"value": {"opaque": {"type": "value", "kind": "value too large"}}})
    if len(text) > limits.max_bytes:
        text = json.dumps({"value": {"opaque": {"type": "value", "kind": "value too large"}}})
    return Reply(text)


class Reply(str):
    """JSON text shown as itself (IPython's display of a user expression adds no quotes)."""

    def __repr__(self):
        return str(self)

    def _repr_pretty_(self, printer, cycle):
        printer.text(str(self))


# ---------------------------------------------------------------------------
# Reading the kernel's replies (in the judge)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Missing:
    """The student's notebook has no variable of that name."""


@dataclass(frozen=True)
class Raised:
    """The student's function raised: the name of its exception and its message (student text)."""

    type: str
    message: str


def _envelope(text, limits):
    if isinstance(text, (bytes, bytearray)):
        text = bytes(text).decode("utf-8", "replace")
    if not isinstance(text, str) or len(text) > limits.max_bytes + 4096:
        raise WireError("the reply is not text or is too long")
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except WireError:
        raise
    except (ValueError, RecursionError) as exc:
        raise WireError(f"the reply is not valid JSON ({type(exc).__name__})") from None


def _one(entry, limits):
    if type(entry) is not dict or len(entry) != 1:
        raise WireError("a reply entry holds exactly one of value, missing, raised")
    (key, body), = entry.items()
    if key == "missing" and body is True:
        return Missing()
    if key == "value":
        return _build(body, limits, [limits.max_items], 0, False)
    if key == "raised" and type(body) is list and len(body) == 2 \
            and all(type(x) is str for x in body):
        return Raised(_clip(body[0], 60), _clip(body[1], 300))
    raise WireError("a reply entry holds exactly one of value, missing, raised")


def read_fetch(text, names, limits: Limits = DEFAULT) -> dict:
    """The judge's reading of :func:`fetch`'s reply: ``{name: value or Missing()}``.

    Names that were not asked are ignored; a name asked but absent is
    :class:`Missing`.

    Examples
    --------
    >>> read_fetch('{"x": {"value": {"set": [1, 2]}}, "y": {"missing": true}}', ["x", "y", "z"])
    {'x': {1, 2}, 'y': Missing(), 'z': Missing()}
    """
    raw = _envelope(text, limits)
    if type(raw) is not dict:
        raise WireError("the reply is not an object")
    return {name: _one(raw[name], limits) if name in raw else Missing() for name in names}


def read_call(text, limits: Limits = DEFAULT):
    """The judge's reading of :func:`call`'s reply: a value, :class:`Missing` or :class:`Raised`.

    Examples
    --------
    >>> read_call('{"raised": ["ZeroDivisionError", "division by zero"]}')
    Raised(type='ZeroDivisionError', message='division by zero')
    """
    return _one(_envelope(text, limits), limits)
