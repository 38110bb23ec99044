"""Helpers for the graded exercises: your own data, and checks whose failures teach.

Every learner works on their **own** simulated population, built from their
learner id (see :mod:`weakties.learner`): the seed of an assignment's
population is ``"<assignment>:<learner id>"``. Two learners get different
people, ties and numbers, so a learner who copies someone else's answers gets
them wrong on their own data. Everything "personal" in an exercise (the
population, the person who is "you", a target, the seed of a simulation) is
derived from that same seed, deterministically: the grader rebuilds exactly
the data the learner saw.

Your own data
-------------
- :func:`my_population` builds your population (cached for the kernel's
  life; each call returns an independent copy, so changing it in one cell
  never changes it in another);
- :func:`my_person` picks the person who is "you" (or another role: an
  example person, a target) among the people who meet an exercise's needs;
- :func:`my_pick` picks one of several options for you; :func:`my_seed` and
  :func:`my_rng` give your seed for a simulation;
- :func:`reference_population` is the same population for the hidden tests:
  read-only, and never the learner's copy, so that an answer cell that
  changes ``G`` cannot change what the tests compare against.

Checks that teach
-----------------
The ``check_*`` functions raise :class:`CheckFailed` (an ``AssertionError``)
with a message in three parts: what was **expected**, what was **found**,
and a **hint**. They are used by the visible self-checks and by the hidden
tests of the exercises. In hidden tests, pass ``reveal=False`` so that the
message describes the expected value in words ("the share computed from
your own population") and says whether the answer is too high or too low,
without giving the value away.

Examples
--------
>>> check_between("share", 0.3, 0, 1)
>>> check_between("share", 30, 0, 1, hint="divide by the number of ties; do not multiply by 100.")
Traceback (most recent call last):
...
weakties.exercises.CheckFailed: `share` is not right yet.
  Expected: a number between 0 and 1.
  Found:    30.
  Hint:     divide by the number of ties; do not multiply by 100.
"""

from __future__ import annotations

import copy
import math
import numbers
import re
import sys
from collections import OrderedDict
from collections.abc import Mapping

import networkx as nx
import numpy as np

from . import i18n as _i18n
from . import learner as _learner
from .i18n import N_
from .populations import population, seed_from

__all__ = [
    "my_seed", "my_rng", "my_population", "reference_population", "my_person", "my_pick",
    "describe_person", "CheckFailed", "answer", "check_type", "check_equal", "check_close",
    "check_between", "check_choice", "check_items", "check_order", "check_mapping",
    "check_function", "check_person", "KINDS",
]

_ASSIGNMENT = re.compile(r"^\d\d-[a-z0-9]+(?:-[a-z0-9]+)*$")
#: Where :func:`answer` reads answers when it is not the learner's own kernel:
#: the grader's judge sets it to its reader of the student's notebook (a callable
#: ``name -> value`` raising ``LookupError`` for an undefined name).
_answer_source = None
_CACHE_SIZE = 6
_cache: "OrderedDict[tuple, nx.Graph]" = OrderedDict()
_person_cache: dict = {}


# --------------------------------------------------------------------------
# Messages: written in English, marked with N_, shown in the current language
# (weakties.i18n; a French exercise's setup cell sets it), numbers formatted by Babel.

def _t(message: str, /, **values) -> str:
    """``message`` (marked with ``N_``) in the current language, its ``{placeholders}`` filled."""
    return _i18n.gettext(message).format(**values)


def _plural(n: int, one: str, many: str, /, **values) -> str:
    """``one`` or ``many`` (both marked with ``N_``) for the count ``n``, as the language says
    (French writes 0 and 1 in the singular)."""
    single = n <= 1 if _i18n.language() == "fr" else n == 1
    return _t(one if single else many, n=n, **values)


# --------------------------------------------------------------------------
# Your own data

def _check_assignment(assignment) -> str:
    if not isinstance(assignment, str) or not _ASSIGNMENT.match(assignment):
        raise ValueError(_t(N_(
            "{assignment} is not an assignment name: use the name of the exercise folder, "
            "two digits, a dash and lowercase words joined by dashes, such as "
            "'01-your-network'."), assignment=repr(assignment)))
    return assignment


def _who(learner) -> str:
    return _learner.learner_id() if learner is None else _learner.check_learner_id(learner)


def my_seed(assignment, role=None, *, learner=None) -> str:
    """Your seed for an assignment: ``"<assignment>:<learner id>"``, plus ``":<role>"``.

    The population of an assignment uses the seed without a role; anything
    else personal (a simulation, a choice of person) adds a role, so that it
    is drawn independently of the population but just as reproducibly.

    Parameters
    ----------
    assignment : str
        The exercise folder's name, such as ``"02-strong-and-weak-ties"``.
    role : str, optional
        What the seed is for ("event", "target", ...).
    learner : str, optional
        A learner id; by default the current learner's
        (:func:`weakties.learner.learner_id`).

    Examples
    --------
    >>> my_seed("01-your-network", learner="alice")
    '01-your-network:alice'
    >>> my_seed("05-encounters-and-events", "event", learner="alice")
    '05-encounters-and-events:alice:event'
    """
    seed = f"{_check_assignment(assignment)}:{_who(learner)}"
    if role is not None:
        if not isinstance(role, str) or not role.strip():
            raise ValueError(_t(N_("role must be a non-empty text such as 'target', not {role}."),
                                role=repr(role)))
        seed += f":{role}"
    return seed


def my_rng(assignment, role, *, learner=None) -> np.random.Generator:
    """A random generator seeded with :func:`my_seed` ``(assignment, role)``.

    Examples
    --------
    >>> a = my_rng("03-alter-ego-network", "walk", learner="alice").random()
    >>> b = my_rng("03-alter-ego-network", "walk", learner="alice").random()
    >>> a == b
    True
    """
    return np.random.default_rng(seed_from(my_seed(assignment, role, learner=learner)))


def _build(assignment, n, learner, options) -> nx.Graph:
    """The population, built once per kernel and frozen (shared by the two functions below)."""
    key = (assignment, learner, n, tuple(sorted(options.items())))
    if key in _cache:
        _cache.move_to_end(key)
        return _cache[key]
    G = population(n, seed=f"{assignment}:{learner}", **options)
    nx.freeze(G)
    _cache[key] = G
    while len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)
    return G


def my_population(assignment, n=400, *, learner=None, **options) -> nx.Graph:
    """Your own simulated population for an assignment.

    ``weakties.population(n, seed=f"{assignment}:{learner id}", **options)``,
    built once per kernel and cached; every call returns an independent copy
    that you may change freely.

    Parameters
    ----------
    assignment : str
        The exercise folder's name, such as ``"01-your-network"``.
    n : int, default 400
        Number of people (a few hundred keeps exercises fast).
    learner : str, optional
        A learner id; by default the current learner's.
    **options
        Options of :func:`weakties.population`.

    Returns
    -------
    networkx.Graph

    Raises
    ------
    LookupError
        No learner id is set (the message says how to set one).

    Examples
    --------
    >>> G = my_population("01-your-network", n=120, learner="alice")
    >>> H = my_population("01-your-network", n=120, learner="alice")
    >>> G is H, sorted(G.edges) == sorted(H.edges)
    (False, True)
    >>> sorted(my_population("01-your-network", n=120, learner="bob").edges) == sorted(G.edges)
    False
    """
    assignment = _check_assignment(assignment)
    G = _build(assignment, n, _who(learner), options).copy()
    G.graph = copy.deepcopy(G.graph)
    return G


def reference_population(assignment, n=400, *, learner=None, **options) -> nx.Graph:
    """The learner's population as the hidden tests see it: read-only, never the learner's copy.

    Same arguments and same population as :func:`my_population`: the cached
    build itself, frozen (``networkx.freeze``), whereas the learner only
    ever gets copies of it (with their own attribute dictionaries), so an
    answer cell that changes ``G`` or its ties changes nothing here.

    Examples
    --------
    >>> R = reference_population("01-your-network", n=120, learner="alice")
    >>> nx.is_frozen(R)
    True
    >>> sorted(R.edges) == sorted(my_population("01-your-network", n=120, learner="alice").edges)
    True
    """
    assignment = _check_assignment(assignment)
    return _build(assignment, n, _who(learner), options)


def _strong_count(G, v, threshold=0.5):
    return sum(1 for d in G[v].values() if d.get("strength", 1.0) >= threshold)


def _local_bridge_count(G, v):
    mine = set(G[v]) - {v}
    return sum(1 for u in mine if not (mine & (set(G[u]) - {u})))


def my_person(G, assignment, *, role="you", learner=None, exclude=(), min_ties=15,
              max_ties=None, min_strong=0, min_weak=0, min_local_bridges=0, where=None):
    """The person who plays ``role`` for you in an assignment (by default, "you").

    The candidates are the people of ``G`` who meet every condition given;
    one of them is drawn with :func:`my_rng` ``(assignment, role)``, so the
    same learner always gets the same person on the same population.

    Parameters
    ----------
    G : networkx.Graph
        Your population (:func:`my_population` or :func:`reference_population`).
    assignment : str
    role : str, default "you"
        "you", "example", "target", ...: each role is drawn independently.
    learner : str, optional
    exclude : iterable of nodes
        People who may not be chosen (for instance "you", when drawing an
        example person).
    min_ties, max_ties : int, optional
        Bounds on the person's number of ties.
    min_strong, min_weak : int, default 0
        Least number of strong ties (strength at least 0.5) and weak ties.
    min_local_bridges : int, default 0
        Least number of the person's ties that are local bridges (no
        contact in common).
    where : callable ``(G, node) -> bool``, optional
        Any other condition.

    Returns
    -------
    node

    Raises
    ------
    ValueError
        Nobody meets the conditions: loosen them or use a larger population.

    Examples
    --------
    >>> G = my_population("01-your-network", n=200, learner="alice")
    >>> me = my_person(G, "01-your-network", learner="alice", min_strong=2)
    >>> me == my_person(G, "01-your-network", learner="alice", min_strong=2)
    True
    >>> G.degree(me) >= 15
    True
    >>> my_person(G, "01-your-network", role="example", learner="alice", exclude=[me]) != me
    True
    """
    key = None
    if where is None and nx.is_frozen(G):
        key = (id(G), assignment, role, _who(learner), tuple(sorted(exclude, key=repr)),
               min_ties, max_ties, min_strong, min_weak, min_local_bridges)
        hit = _person_cache.get(key)
        if hit is not None and hit[0] is G:
            return hit[1]
    excluded = set(exclude)
    candidates = []
    for v in sorted(G):
        if v in excluded:
            continue
        k = G.degree(v)
        if k < min_ties or (max_ties is not None and k > max_ties):
            continue
        strong = _strong_count(G, v) if (min_strong or min_weak) else 0
        if strong < min_strong or k - strong < min_weak:
            continue
        if min_local_bridges and _local_bridge_count(G, v) < min_local_bridges:
            continue
        if where is not None and not where(G, v):
            continue
        candidates.append(v)
    if not candidates:
        raise ValueError(_t(N_(
            "nobody in this population of {n} people meets the conditions for the role "
            "{role}: loosen them or use a larger population."),
            n=_num(G.number_of_nodes()), role=repr(role)))
    rng = my_rng(assignment, role, learner=learner)
    person = candidates[int(rng.integers(len(candidates)))]
    if key is not None:
        if len(_person_cache) > 64:
            _person_cache.clear()
        _person_cache[key] = (G, person)
    return person


def my_pick(assignment, options, *, role, learner=None):
    """One of ``options``, drawn for you with :func:`my_rng` ``(assignment, role)``.

    ``options`` must be in a reproducible order (a sorted list, never a set
    of texts, whose order changes from one Python session to the next).

    Examples
    --------
    >>> pick = my_pick("04-silos-and-bridges", ["Health", "Retail", "Transport"],
    ...                role="target", learner="alice")
    >>> pick in ["Health", "Retail", "Transport"]
    True
    >>> pick == my_pick("04-silos-and-bridges", ["Health", "Retail", "Transport"],
    ...                 role="target", learner="alice")
    True
    """
    if isinstance(options, (set, frozenset)):
        raise TypeError(_t(N_("options must be a list in a fixed order (sorted), not a set: "
                              "the order of a set of texts changes between sessions.")))
    options = list(options)
    if not options:
        raise ValueError(_t(N_("options is empty: there is nothing to pick from.")))
    return options[int(my_rng(assignment, role, learner=learner).integers(len(options)))]


_PROFILE = ("occupation", "sector", "employer", "region", "district", "generation", "school")
#: How :func:`describe_person` names each part of a profile.
_PROFILE_LABELS = {"occupation": N_("occupation"), "sector": N_("sector"),
                   "employer": N_("employer"), "region": N_("region"),
                   "district": N_("district"), "generation": N_("generation"),
                   "school": N_("school")}


def describe_person(G, v) -> str:
    """A short description of person ``v``: name, work, place, generation, ties.

    Examples
    --------
    >>> G = my_population("01-your-network", n=120, learner="alice")
    >>> text = describe_person(G, 0)
    >>> text.startswith("Person 0 (") and "ties" in text
    True
    """
    if v not in G:
        raise nx.NodeNotFound(_t(N_("person {v} is not in this population."), v=repr(v)))
    d = G.nodes[v]
    name = d.get("name", _t(N_("no name")))
    colon = "\u00a0: " if _i18n.language() == "fr" else ": "
    parts = [f"{_t(_PROFILE_LABELS[k])}{colon}{d[k]}" for k in _PROFILE if d.get(k) is not None]
    head = _plural(G.degree(v), N_("Person {v} ({name}), {n} tie."),
                   N_("Person {v} ({name}), {n} ties."), v=v, name=name)
    semi = "\u202f; " if _i18n.language() == "fr" else "; "
    return head + " " + semi.join(parts) + "."


# --------------------------------------------------------------------------
# Checks that teach

class CheckFailed(AssertionError):
    """An answer failed a check: the message says what was expected, what was found, and a hint.

    Attributes ``name``, ``expected``, ``found`` and ``hint`` hold the three
    parts (``hint`` may be ``None``).
    """

    def __init__(self, name, expected, found, hint=None):
        self.name, self.expected, self.found, self.hint = name, expected, found, hint
        lines = [_t(N_("`{name}` is not right yet."), name=name),
                 _t(N_("  Expected: {text}"), text=_sentence(expected)),
                 _t(N_("  Found:    {text}"), text=_sentence(found))]
        if hint:
            lines.append(_t(N_("  Hint:     {text}"), text=_sentence(hint)))
        super().__init__("\n".join(lines))
        _install_display()  # in case this module was imported before the shell started


def _show_check_failed(shell, etype, value, tb, tb_offset=None):
    """IPython's display of a failed check: the teaching message, not library frames.

    The failing line of the learner's cell comes first, so they see which
    check failed; the error is still an error for the kernel (and nbgrader).
    """
    line = ""
    frames = [f for f in __import__("traceback").extract_tb(tb)
              if f.filename != __file__]
    if frames:
        line = _t(N_("In the cell, line {n}: {code}"), n=frames[-1].lineno,
                  code=frames[-1].line) + "\n"
    stb = [f"{line}{etype.__name__}: {value}"]
    # Shown the way IPython shows any error (ipykernel sends it as the cell's
    # error output), only shorter.
    shell._showtraceback(etype, value, stb)
    return stb


def _install_display():
    """In a notebook, show failed checks without the traceback through this module.

    Installed only when no other custom exception handler exists (IPython
    keeps one handler for all custom exceptions).
    """
    shell = sys.modules.get("IPython") and sys.modules["IPython"].get_ipython()
    if shell is None or not hasattr(shell, "set_custom_exc"):
        return
    if tuple(shell.custom_exceptions) in ((), (CheckFailed,)):
        shell.set_custom_exc((CheckFailed,), _show_check_failed)


def _sentence(text) -> str:
    text = str(text).strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def _num(x) -> str:
    if isinstance(x, (bool, np.bool_)):
        return str(bool(x))
    french = _i18n.language() == "fr"
    if isinstance(x, numbers.Integral):
        return _i18n.number(int(x)) if french and abs(int(x)) < 10 ** 15 else str(int(x))
    if isinstance(x, numbers.Real):
        x = float(x)
        if math.isnan(x):
            return _t(N_("nan (not a number)"))
        if french and math.isfinite(x) and 1e-4 <= abs(x) < 1e15:
            # four significant digits, as English's .4g, with the decimal comma
            digits = max(0, 3 - math.floor(math.log10(abs(x))))
            text = _i18n.decimal(x, digits)
            return text.rstrip("0").rstrip(",") if "," in text else text
        if french:
            return f"{x:.4g}".replace(".", ",")
        return f"{x:.4g}"
    return repr(x)


def _short(value, limit=6) -> str:
    """A short description of a value for a message."""
    if value is None:
        return _t(N_("None (nothing)"))
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, numbers.Number):
        return _num(value)
    if isinstance(value, str):
        return repr(value) if len(value) <= 60 else repr(value[:57] + "...")
    kind = _type_name(value)
    if isinstance(value, Mapping):
        items = list(value.items())
        shown = ", ".join(f"{_short(k)}: {_short(v)}" for k, v in items[:limit])
        more = ", ..." if len(items) > limit else ""
        return _plural(len(items), N_("{kind} of {n} item: {items}"),
                       N_("{kind} of {n} items: {items}"), kind=kind,
                       items="{" + shown + more + "}")
    if isinstance(value, (list, tuple, set, frozenset)):
        items = list(value) if not isinstance(value, (set, frozenset)) else _sorted(value)
        shown = ", ".join(_short(x) for x in items[:limit])
        more = ", ..." if len(items) > limit else ""
        return _plural(len(items), N_("{kind} of {n} item: {items}"),
                       N_("{kind} of {n} items: {items}"), kind=kind,
                       items="[" + shown + more + "]")
    if callable(value):
        return _t(N_("a function ({name})"),
                  name=getattr(value, "__name__", None) or _t(N_("no name")))
    return kind


def _sorted(items):
    try:
        return sorted(items)
    except TypeError:
        return sorted(items, key=repr)


def _class_of(value) -> tuple[str, str]:
    """(module, name) of the value's class; for a value the grader could only describe
    (an object of the student's kernel that is not plain data), the class it described."""
    described = getattr(type(value), "_wire_type", None)
    if described is not None:
        return value._wire_type
    return type(value).__module__ or "", type(value).__name__


def _type_name(value) -> str:
    module, name = _class_of(value)
    if module.startswith("pandas"):
        return _t(N_("a pandas {name}"), name=name)
    if module.startswith("numpy") and name == "ndarray":
        return _t(N_("a numpy array"))
    if name in _TYPE_NAMES:
        return _t(_TYPE_NAMES[name])
    return _t(N_("a {name}"), name=name)


_TYPE_NAMES = {"dict": N_("a dictionary"), "list": N_("a list"), "tuple": N_("a tuple"),
               "set": N_("a set"), "frozenset": N_("a set"), "str": N_("a text"),
               "int": N_("a whole number"), "float": N_("a number"), "bool": "True or False",
               "NoneType": "None"}


def _is_bool(x):
    return isinstance(x, (bool, np.bool_))


def _is_int(x):
    return isinstance(x, numbers.Integral) and not _is_bool(x)


def _is_number(x):
    return isinstance(x, numbers.Real) and not _is_bool(x) and not math.isnan(float(x))


#: The kinds of answer :func:`check_type` knows: name -> (test, description).
KINDS = {
    "whole number": (_is_int, N_("a whole number such as 12")),
    "number": (_is_number, N_("a number such as 0.25")),
    "text": (lambda x: isinstance(x, str), N_("a text in quotes, such as 'weak'")),
    "true or false": (_is_bool, "True or False"),
    "list": (lambda x: isinstance(x, (list, tuple)), N_("a list, such as [3, 17, 42]")),
    "collection": (lambda x: isinstance(x, (list, tuple, set, frozenset)),
                   N_("a list or a set, such as [3, 17, 42]")),
    "dict": (lambda x: isinstance(x, Mapping),
             N_("a dictionary, such as {{'often': 3, 'rarely': 5}}")),
    "function": (callable, N_("a function (written with def)")),
}


def _type_hint(value, kind) -> str | None:
    module = _class_of(value)[0]
    if value is None:
        return _t(N_("the value is None: a function without `return` gives None, and so "
                     "does print(); store the value itself"))
    if module.startswith("pandas") and kind == "dict":
        return _t(N_("turn a pandas Series into a dictionary with .to_dict()"))
    if module.startswith("pandas") and kind in ("list", "collection"):
        return _t(N_("turn a pandas Series into a list with .tolist()"))
    if module.startswith("pandas") and kind in ("number", "whole number"):
        return _t(N_("take one value out of the table, for example with .iloc[0], or use .sum() or .mean()"))
    if module.startswith("numpy") and kind in ("list", "collection"):
        return _t(N_("turn a numpy array into a list with .tolist()"))
    if isinstance(value, str) and kind in ("number", "whole number"):
        return _t(N_("remove the quotes: a number is written without them"))
    if isinstance(value, float) and kind == "whole number":
        return _t(N_("a count is a whole number: count with len(...) or sum(...) of 1s, or use int(...)"))
    if _is_bool(value) and kind in ("number", "whole number"):
        return _t(N_("True and False are answers to a yes-or-no question, not numbers"))
    if isinstance(value, (set, frozenset)) and kind == "list":
        return _t(N_("turn the set into a list, in the order asked, with sorted(...)"))
    if isinstance(value, (list, tuple)) and kind == "dict":
        return _t(N_("build a dictionary {{key: value}}, not a list"))
    return None


def answer(name):
    """The value of the answer variable ``name`` from the notebook, or a teaching error.

    Used by tests instead of the bare name, so that a learner who has not
    defined it yet (or misspelled it) reads what to do rather than a
    ``NameError``.

    Examples
    --------
    >>> x_answer = 3
    >>> answer("x_answer")
    3
    >>> answer("y_answer")
    Traceback (most recent call last):
    ...
    weakties.exercises.CheckFailed: `y_answer` is not right yet.
      Expected: a variable named `y_answer`, defined in your answer cell.
      Found:    no variable of that name.
      Hint:     write your answer in the answer cell (remove the line raise NotImplementedError()), run it without error, and every cell above it; check the spelling of the name.
    """
    if _answer_source is not None:
        try:
            return _answer_source(name)
        except LookupError:
            pass
    else:
        frame = sys._getframe(1)
        for scope in (frame.f_locals, frame.f_globals):
            if name in scope:
                return scope[name]
    raise CheckFailed(name, _t(N_("a variable named `{name}`, defined in your answer cell"),
                               name=name),
                      _t(N_("no variable of that name")),
                      _t(N_("write your answer in the answer cell (remove the line raise "
                            "NotImplementedError()), run it without error, and every cell "
                            "above it; check the spelling of the name")))


def check_type(name, value, kind, *, hint=None):
    """Check that ``value`` is of ``kind`` (a key of :data:`KINDS`).

    Examples
    --------
    >>> check_type("n_ties", 12, "whole number")
    >>> check_type("n_ties", "12", "whole number")
    Traceback (most recent call last):
    ...
    weakties.exercises.CheckFailed: `n_ties` is not right yet.
      Expected: a whole number such as 12.
      Found:    a text: '12'.
      Hint:     remove the quotes: a number is written without them.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}: use one of {', '.join(KINDS)}.")
    test, description = KINDS[kind]
    if test(value):
        return
    description = _t(description)
    short, kind_name = _short(value), _type_name(value)
    if value is None or short.startswith(kind_name):
        found = short               # None, containers, objects: the description says the type
    else:
        found = _t(N_("{kind}: {value}"), kind=kind_name, value=short)
    raise CheckFailed(name, description, found, hint or _type_hint(value, kind))


def check_equal(name, found, expected, *, what=None, hint=None, reveal=True):
    """Check that ``found == expected``.

    ``what`` describes the expected value in words; with ``reveal=False``
    the value itself is not shown (for numbers, the message says whether the
    answer is too high or too low).

    Examples
    --------
    >>> check_equal("n_strong", 4, 4)
    >>> check_equal("n_strong", 5, 4, what="the number of your strong ties", reveal=False)
    Traceback (most recent call last):
    ...
    weakties.exercises.CheckFailed: `n_strong` is not right yet.
      Expected: the number of your strong ties.
      Found:    5, which is too high.
    """
    if _same(found, expected):
        return
    raise CheckFailed(name, _expected(what, expected, reveal), _found(found, expected), hint)


def _same(a, b):
    if _is_bool(a) or _is_bool(b):
        return _is_bool(a) and _is_bool(b) and bool(a) == bool(b)
    try:
        return bool(a == b)
    except (TypeError, ValueError):
        return False


def _expected(what, expected, reveal):
    if what and reveal:
        return _t(N_("{what}: {value}"), what=what, value=_short(expected))
    if what:
        return what
    return _short(expected) if reveal else _t(N_("another value"))


def _found(found, expected):
    text = _short(found)
    if _is_number(found) and _is_number(expected) and found != expected:
        text += _t(N_(", which is too high")) if found > expected else _t(N_(", which is too low"))
    return text


def check_close(name, found, expected, *, tol=1e-6, what=None, hint=None, reveal=True):
    """Check that the number ``found`` is within ``tol`` of ``expected``.

    Examples
    --------
    >>> check_close("share", 0.3333, 1 / 3, tol=0.001)
    >>> check_close("share", 0.5, 1 / 3, tol=0.001, what="the share of your weak ties",
    ...             reveal=False, hint="divide by all your ties")
    Traceback (most recent call last):
    ...
    weakties.exercises.CheckFailed: `share` is not right yet.
      Expected: the share of your weak ties (to within 0.001).
      Found:    0.5, which is too high.
      Hint:     divide by all your ties.
    """
    check_type(name, found, "number", hint=hint)
    if abs(float(found) - float(expected)) <= tol:
        return
    exp = _expected(what, expected, reveal) + _t(N_(" (to within {tol})"), tol=_num(tol))
    raise CheckFailed(name, exp, _found(found, expected), hint)


def check_between(name, found, low, high, *, what=None, hint=None):
    """Check that the number ``found`` lies between ``low`` and ``high`` (inclusive).

    Examples
    --------
    >>> check_between("share", 1.2, 0, 1, what="a share")
    Traceback (most recent call last):
    ...
    weakties.exercises.CheckFailed: `share` is not right yet.
      Expected: a share, between 0 and 1.
      Found:    1.2.
    """
    check_type(name, found, "number", hint=hint)
    if low <= found <= high:
        return
    exp = _t(N_("{what}, between {low} and {high}"), what=what, low=_num(low), high=_num(high)) \
        if what else _t(N_("a number between {low} and {high}"), low=_num(low), high=_num(high))
    raise CheckFailed(name, exp, _short(found), hint)


def _norm_choice(x):
    return x.strip().lower() if isinstance(x, str) else x


def check_choice(name, found, accepted, *, options=None, what=None, hint=None, reveal=False):
    """Check a choice: ``found`` must be one of ``options`` and one of ``accepted``.

    ``accepted`` holds every answer that is right on the learner's data (ties
    included). Texts are compared without regard to case or surrounding
    spaces.

    Examples
    --------
    >>> check_choice("kind", "Weak", ["weak"], options=["strong", "weak"])
    >>> check_choice("kind", "medium", ["weak"], options=["strong", "weak"])
    Traceback (most recent call last):
    ...
    weakties.exercises.CheckFailed: `kind` is not right yet.
      Expected: one of 'strong', 'weak'.
      Found:    'medium'.
    >>> check_choice("kind", "strong", ["weak"], options=["strong", "weak"],
    ...              what="the kind of tie that gives you the most new people")
    Traceback (most recent call last):
    ...
    weakties.exercises.CheckFailed: `kind` is not right yet.
      Expected: the kind of tie that gives you the most new people.
      Found:    'strong', which is not the best answer on your data.
    """
    f = _norm_choice(found)
    if options is not None:
        opts = [_norm_choice(o) for o in options]
        if not any(_same(f, o) for o in opts):
            raise CheckFailed(name, _t(N_("one of {options}"),
                                       options=", ".join(_short(o) for o in options)),
                              _short(found), hint)
    if any(_same(f, _norm_choice(a)) for a in accepted):
        return
    acc = list(accepted)
    exp = what or _t(N_("the best answer on your data"))
    if reveal:
        exp += " (" + _t(N_(" or ")).join(_short(a) for a in acc) + ")"
    raise CheckFailed(name, exp, _t(N_("{value}, which is not the best answer on your data"),
                                    value=_short(found)), hint)


def _as_items(name, found, hint):
    if isinstance(found, (str, Mapping)) or not hasattr(found, "__iter__"):
        check_type(name, found, "collection", hint=hint)
    module = _class_of(found)[0]
    if module.startswith(("numpy", "pandas")):
        check_type(name, found, "collection", hint=hint)
    return list(found)


def check_items(name, found, expected, *, what=None, hint=None, reveal=False, unique=True):
    """Check that the collection ``found`` holds exactly the items of ``expected`` (any order).

    The message counts the missing and the extra items; it names the extra
    ones (they come from the learner) and, with ``reveal=True``, the missing
    ones too.

    Examples
    --------
    >>> check_items("bridges", [3, 1], {1, 3})
    >>> check_items("bridges", [3, 1, 7], {1, 3, 5}, what="your local bridges")
    Traceback (most recent call last):
    ...
    weakties.exercises.CheckFailed: `bridges` is not right yet.
      Expected: your local bridges (3 items).
      Found:    1 item missing and 1 that should not be there: 7.
    """
    items = _as_items(name, found, hint)
    if unique and len(set(items)) != len(items):
        seen, dup = set(), []
        for x in items:
            if x in seen and x not in dup:
                dup.append(x)
            seen.add(x)
        raise CheckFailed(name, _t(N_("{what} with each item once"),
                                   what=what or _t(N_("a collection"))),
                          _t(N_("repeated items: {items}"),
                             items=", ".join(_short(x) for x in dup[:5])),
                          hint or _t(N_("remove the duplicates, for example with "
                                        "sorted(set(...))")))
    exp_set, got = set(expected), set(items)
    if got == exp_set:
        return
    missing = _sorted(exp_set - got)
    extra = _sorted(got - exp_set)
    parts = []
    if missing:
        parts.append(_plural(len(missing), N_("{n} item missing"), N_("{n} items missing"))
                     + (f" ({', '.join(_short(x) for x in missing[:5])})" if reveal else ""))
    if extra:
        parts.append(_plural(len(extra), N_("{n} that should not be there: "),
                             N_("{n} that should not be there: "))
                     + ", ".join(_short(x) for x in extra[:5]) + (", ..." if len(extra) > 5 else ""))
    exp = _plural(len(exp_set), N_("{what} ({n} item)"), N_("{what} ({n} items)"),
                  what=what or _t(N_("the expected items")))
    raise CheckFailed(name, exp, _t(N_(" and ")).join(parts), hint)


def check_order(name, found, key, *, descending=True, what=None, hint=None):
    """Check that ``found`` is sorted by ``key(item)`` (equal keys in any order).

    Examples
    --------
    >>> strength = {"a": 0.9, "b": 0.5, "c": 0.5}
    >>> check_order("closest", ["a", "c", "b"], strength.get)
    >>> check_order("closest", ["b", "a"], strength.get, what="strongest first")
    Traceback (most recent call last):
    ...
    weakties.exercises.CheckFailed: `closest` is not right yet.
      Expected: strongest first.
      Found:    'b' (0.5) comes before 'a' (0.9).
    """
    items = _as_items(name, found, hint)
    values = [key(x) for x in items]
    for i in range(len(items) - 1):
        a, b = values[i], values[i + 1]
        if (a < b) if descending else (a > b):
            raise CheckFailed(
                name, what or (_t(N_("from the largest to the smallest")) if descending
                               else _t(N_("from the smallest to the largest"))),
                _t(N_("{a} ({a_value}) comes before {b} ({b_value})"), a=_short(items[i]),
                   a_value=_num(a), b=_short(items[i + 1]), b_value=_num(b)),
                hint)


def check_mapping(name, found, expected, *, tol=None, what=None, hint=None, reveal=False,
                  keys_only=False):
    """Check a dictionary: the same keys as ``expected``, and values equal (or within ``tol``).

    Examples
    --------
    >>> check_mapping("bands", {"often": 2, "rarely": 5}, {"often": 2, "rarely": 5})
    >>> check_mapping("bands", {"often": 2, "rarely": 4}, {"often": 2, "rarely": 5},
    ...               what="your ties counted by band")
    Traceback (most recent call last):
    ...
    weakties.exercises.CheckFailed: `bands` is not right yet.
      Expected: your ties counted by band.
      Found:    a wrong value for 1 of 2 keys: 'rarely': 4 (too low).
    >>> check_mapping("bands", {"often": 2}, {"often": 2, "rarely": 5})
    Traceback (most recent call last):
    ...
    weakties.exercises.CheckFailed: `bands` is not right yet.
      Expected: a dictionary with 2 keys.
      Found:    1 key missing: 'rarely'.
    """
    check_type(name, found, "dict", hint=hint)
    exp_keys, got_keys = set(expected), set(found)
    if exp_keys != got_keys:
        missing, extra = _sorted(exp_keys - got_keys), _sorted(got_keys - exp_keys)
        parts = []
        if missing:
            parts.append(_plural(len(missing), N_("{n} key missing: "), N_("{n} keys missing: "))
                         + ", ".join(_short(k) for k in missing[:5])
                         + (", ..." if len(missing) > 5 else ""))
        if extra:
            parts.append(_plural(len(extra), N_("{n} key that should not be there: "),
                                 N_("{n} keys that should not be there: "))
                         + ", ".join(_short(k) for k in extra[:5])
                         + (", ..." if len(extra) > 5 else ""))
        exp = what or _plural(len(exp_keys), N_("a dictionary with {n} key"),
                              N_("a dictionary with {n} keys"))
        raise CheckFailed(name, exp, _t(N_(" and ")).join(parts), hint)
    if keys_only:
        return
    wrong = []
    for k in _sorted(exp_keys):
        f, e = found[k], expected[k]
        if tol is not None and _is_number(e):
            ok = _is_number(f) and abs(float(f) - float(e)) <= tol
        else:
            ok = _same(f, e)
        if not ok:
            wrong.append(k)
    if not wrong:
        return
    shown = []
    for k in wrong[:3]:
        f, e = found[k], expected[k]
        text = _t(N_("{key}: {value}"), key=_short(k), value=_short(f))
        if _is_number(f) and _is_number(e):
            text += _t(N_(" (too high)")) if f > e else _t(N_(" (too low)"))
        if reveal:
            text += _t(N_(", expected {value}"), value=_short(e))
        shown.append(text)
    more = ", ..." if len(wrong) > 3 else ""
    exp = what or _t(N_("a dictionary with the right values"))
    if tol is not None:
        exp += _t(N_(" (to within {tol})"), tol=_num(tol))
    semi = "\u202f; " if _i18n.language() == "fr" else "; "
    raise CheckFailed(name, exp, _plural(len(exp_keys), N_("a wrong value for {wrong} of {n} key: "),
                                         N_("a wrong value for {wrong} of {n} keys: "),
                                         wrong=len(wrong))
                      + semi.join(shown) + more, hint)


def check_function(name, func, cases, *, tol=None, hint=None, reveal=True):
    """Call the learner's function on each case and compare with the expected result.

    Parameters
    ----------
    name : str
        The function's name, for the message.
    func : callable
    cases : iterable of ``(args, expected, description)``
        ``args`` is a tuple of positional arguments; ``description`` says
        in words what the case is ("a path of four people").
    tol : float, optional
        Compare numbers to within ``tol``.
    reveal : bool, default True
        Show the expected result (fine on small made-up examples).

    Examples
    --------
    >>> def double(x):
    ...     return 2 * x
    >>> check_function("double", double, [((2,), 4, "two")])
    >>> check_function("double", double, [((0.5,), 2, "a half")])
    Traceback (most recent call last):
    ...
    weakties.exercises.CheckFailed: `double` is not right yet.
      Expected: on a half, the result 2.
      Found:    1, which is too low.
    """
    check_type(name, func, "function", hint=hint)
    for args, expected, description in cases:
        try:
            result = func(*args)
        except Exception as exc:  # noqa: BLE001 - the learner's code may raise anything
            # In the grader's judge, the learner's function runs in the learner's kernel:
            # what it raised comes back as the name of its exception and its message.
            stopped = (f"{exc.student_type}: {exc.message}" if hasattr(exc, "student_type")
                       else f"{type(exc).__name__}: {exc}")
            raise CheckFailed(
                name, _t(N_("on {case}, a result"), case=description)
                + (f" ({_short(expected)})" if reveal else ""),
                _t(N_("your function stopped with {error}"), error=stopped),
                hint or _t(N_("run your function on this case yourself and read the error"))
            ) from None
        if tol is not None and _is_number(expected):
            ok = _is_number(result) and abs(float(result) - float(expected)) <= tol
        else:
            ok = _same(result, expected)
        if not ok:
            exp = _t(N_("on {case}, the result {value}"), case=description,
                     value=_short(expected)) if reveal else \
                _t(N_("on {case}, the result the task describes"), case=description)
            raise CheckFailed(name, exp, _found(result, expected), hint)


def check_person(name, found, G, *, among=None, what=None, hint=None):
    """Check that ``found`` is a person of ``G`` (and, if given, one of ``among``).

    Examples
    --------
    >>> G = nx.path_graph(3)
    >>> check_person("broker", 1, G)
    >>> check_person("broker", 7, G, what="one of your contacts")
    Traceback (most recent call last):
    ...
    weakties.exercises.CheckFailed: `broker` is not right yet.
      Expected: one of your contacts (a person's number, a node of G).
      Found:    7, who is not in the population.
    """
    exp = _t(N_("{what} (a person's number, a node of G)"), what=what or _t(N_("a person")))
    if isinstance(found, str) and not G.has_node(found):
        raise CheckFailed(name, exp, _short(found),
                          hint or _t(N_("give the person's number, not their name")))
    try:
        present = G.has_node(found)
    except TypeError:
        present = False
    if not present:
        raise CheckFailed(name, exp, _t(N_("{value}, who is not in the population"),
                                        value=_short(found)), hint)
    if among is not None and found not in set(among):
        raise CheckFailed(name, exp, _t(N_("{value}, who is not one of them"),
                                        value=_short(found)), hint)


_install_display()
