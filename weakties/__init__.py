"""weakties: simulated professional networks for a course on building one's network.

The library behind the course's lessons, exercises and grader:

- :func:`population` builds a fictional professional population of France
  whose structure emerges from shared contexts and triadic closure;
- :mod:`weakties.ties` measures ties (strength, weak or strong, overlap,
  bridges, Dunbar's layers, contacts versus relations);
- :mod:`weakties.metrics` measures ego networks (:func:`ego_report`) and
  whole populations (assortativity);
- :mod:`weakties.scenarios`, :mod:`weakties.audit`, :mod:`weakties.plotting`
  and :mod:`weakties.widgets` are loaded on first use.

Examples
--------
>>> import weakties
>>> G = weakties.population(300, seed=7)
>>> report = weakties.ego_report(G, 0)
>>> report.size == G.degree(0)
True
"""

from importlib import import_module

from . import metrics, ties
from .metrics import EgoReport, ego_report
from .populations import population, seed_from

__all__ = ["population", "seed_from", "ego_report", "EgoReport", "ties", "metrics",
           "scenarios", "audit", "plotting", "widgets", "exercises", "learner"]
__version__ = "0.1.0"

_LAZY = {"scenarios", "audit", "plotting", "widgets", "exercises", "learner"}


def __getattr__(name):
    # Heavier modules (pandas, matplotlib, ipywidgets) load only when used,
    # so that `import weakties` stays quick in a grading kernel.
    if name in _LAZY:
        return import_module(f"{__name__}.{name}")
    raise AttributeError(f"module 'weakties' has no attribute {name!r}")
