"""Fingerprints of small populations: a change that alters populations fails here.

A learner's notebook and the grader build the same population from the same
seed, and the lessons name people from it ("person 37, seed 7"). Anything
that changes a population (the code of ``weakties.population``, the name
lists in ``weakties/data``, a numpy release with other random streams) must
therefore be made on purpose, with the lessons and the exercises rebuilt.

The fingerprint is a SHA-256 hash of every person's attributes and every
tie's attributes, written in a canonical form: people and ties in sorted
order, attributes sorted by name, numbers written with 9 significant digits
(so that the hash does not depend on dict ordering or float printing).

After a change made on purpose, rebuild what depends on populations, then
write the new fingerprints into this file::

    .venv/bin/python -m course.build                  # every lesson and workshop page
    .venv/bin/python exercises/.sources/build.py      # every exercise
    .venv/bin/python tests/test_fingerprint.py --write
"""

from __future__ import annotations

import hashlib
import math
import numbers
import re
import sys
from collections.abc import Mapping
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

import weakties

N = 300
SEEDS = (1, 7, "alice")

# BEGIN FINGERPRINTS (written by `.venv/bin/python tests/test_fingerprint.py --write`)
FINGERPRINTS = {
    '1': '116e86596b1745a57d1eea3338a9c0cf47b7c1236aefb886ec66bd403d112885',
    '7': '01d7f411b58ec375dd7c5b9b60b7701ae164a5daf93f9df3698646f18822337a',
    "'alice'": 'bd5de382fb225808bba0ba2f1b80733ba6ee136f2294b4e4e24587aa7784758f',
}
# END FINGERPRINTS

REBUILD = """\
Populations changed: weakties.population({n}, seed={seed!r}) no longer gives the
population the course was built with (fingerprint {got}, expected {want}).

If you did not mean to change populations, look for what moved the random draws:
the order or number of rng calls in weakties/populations.py, the name lists in
weakties/data/, or the installed numpy ({numpy}; the tested versions are pinned in
constraints.txt).

If you meant it, the lessons' facts (people named, figures quoted) and the
exercises built from populations must follow:
    .venv/bin/python -m course.build
    .venv/bin/python exercises/.sources/build.py
then record the new fingerprints:
    .venv/bin/python tests/test_fingerprint.py --write
"""


def canonical(x) -> str:
    """A text for an attribute value that does not depend on ordering or float noise."""
    if isinstance(x, bool) or x is None:
        return repr(x)
    if isinstance(x, numbers.Integral):
        return str(int(x))
    if isinstance(x, numbers.Real):
        x = float(x)
        if math.isnan(x):
            return "nan"
        return format(x + 0.0, ".9g")  # + 0.0 turns -0.0 into 0.0
    if isinstance(x, str):
        return repr(x)
    if isinstance(x, (set, frozenset)):
        return "{" + ",".join(sorted(canonical(v) for v in x)) + "}"
    if isinstance(x, Mapping):
        items = sorted((canonical(k), canonical(v)) for k, v in x.items())
        return "{" + ",".join(f"{k}:{v}" for k, v in items) + "}"
    if isinstance(x, (list, tuple)):
        return "[" + ",".join(canonical(v) for v in x) + "]"
    raise TypeError(f"no canonical form for {type(x).__name__}: {x!r}")


def fingerprint(G: nx.Graph) -> str:
    """SHA-256 of the people, the ties and all their attributes, in canonical form."""
    h = hashlib.sha256()
    for v in sorted(G):
        d = G.nodes[v]
        h.update(f"node {canonical(v)} ".encode())
        h.update(";".join(f"{k}={canonical(d[k])}" for k in sorted(d)).encode())
        h.update(b"\n")
    for u, v in sorted(tuple(sorted(e)) for e in G.edges()):
        d = G.edges[u, v]
        h.update(f"edge {canonical(u)} {canonical(v)} ".encode())
        h.update(";".join(f"{k}={canonical(d[k])}" for k in sorted(d)).encode())
        h.update(b"\n")
    return h.hexdigest()


# -- the fingerprint itself ----------------------------------------------------

def _toy(order=1, noise=0.0):
    G = nx.Graph()
    people = [(0, {"name": "Ana", "skills": frozenset({"b", "a"}), "reliability": {"x": 0.5, "y": 0.25}}),
              (1, {"name": "Bo", "skills": frozenset({"c"}), "reliability": {"y": 1.0, "x": 0.0}})]
    for v, d in people[::order]:
        G.add_node(v, **dict(list(d.items())[::order]))
    G.add_edge(*((1, 0) if order < 0 else (0, 1)), strength=0.1 + noise, since=2020)
    return G


def test_fingerprint_ignores_ordering_and_float_noise():
    assert fingerprint(_toy()) == fingerprint(_toy(order=-1))
    assert fingerprint(_toy()) == fingerprint(_toy(noise=1e-14))


def test_fingerprint_sees_any_change():
    base = fingerprint(_toy())
    G = _toy()
    G.nodes[1]["name"] = "Bob"
    assert fingerprint(G) != base
    assert fingerprint(_toy(noise=1e-6)) != base
    G = _toy()
    G.add_edge(1, 2, strength=0.3)
    assert fingerprint(G) != base
    with pytest.raises(TypeError, match="canonical"):
        canonical(object())


# -- the stored fingerprints -----------------------------------------------------

@pytest.mark.parametrize("seed", SEEDS)
def test_population_matches_its_stored_fingerprint(seed):
    got = fingerprint(weakties.population(N, seed=seed))
    want = FINGERPRINTS.get(repr(seed))
    assert got == want, REBUILD.format(n=N, seed=seed, got=got, want=want,
                                       numpy=np.__version__)


# -- the pinned versions ----------------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]


def _pins():
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"constraints.txt: {line!r} is not an exact pin (name==version)"
            key = re.sub(r"[-_.]+", "-", name).lower()
            assert key not in pins, f"constraints.txt pins {name} twice"
            pins[key] = version
    return pins


def test_constraints_pin_every_dependency_within_its_range():
    """constraints.txt pins the versions the course is tested with; pyproject.toml keeps ranges."""
    import tomllib

    from packaging.requirements import Requirement

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = _pins()
    assert "weakties" not in pins, "constraints.txt must not pin the project itself"
    wanted = project["dependencies"] + [r for extra in project["optional-dependencies"].values()
                                        for r in extra]
    for text in wanted:
        req = Requirement(text)
        key = re.sub(r"[-_.]+", "-", req.name).lower()
        assert key in pins, f"constraints.txt does not pin {req.name} (pyproject.toml: {text})"
        assert req.specifier.contains(pins[key], prereleases=True), (
            f"constraints.txt pins {req.name}=={pins[key]}, outside pyproject.toml's {text}")


def _write():
    path = Path(__file__)
    text = path.read_text(encoding="utf-8")
    rows = "".join(f"    {repr(seed)!r}: {fingerprint(weakties.population(N, seed=seed))!r},\n"
                   for seed in SEEDS)
    new, count = re.subn(r"(# BEGIN FINGERPRINTS[^\n]*\nFINGERPRINTS = \{\n).*?(\}\n# END FINGERPRINTS)",
                         lambda m: m.group(1) + rows + m.group(2), text, flags=re.S)
    if count != 1:
        raise SystemExit("could not find the FINGERPRINTS block in " + str(path))
    path.write_text(new, encoding="utf-8")
    print(f"wrote {len(SEEDS)} fingerprints to {path}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        _write()
    else:
        for seed in SEEDS:
            print(repr(seed), fingerprint(weakties.population(N, seed=seed)))
        print("(run with --write to store them in this file)")
