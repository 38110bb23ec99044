"""Scenario simulations: the mechanism behind every lesson, seeded and tested.

Each scenario is a function of a population graph (from
:func:`weakties.population`) that never modifies it and returns a result
object holding tidy pandas DataFrames, a readable summary and a
``.plot(ax=None)`` method. Same seed, same result.

========================  =====================================================
:func:`job_search`        leads and hires through contacts
:func:`tie_experiment`    the naive correlation against a randomised experiment
:func:`labour_market`     employment over time when contacts pass on jobs
:func:`recommend`         "people you may know" and the alter-ego network
:func:`networking_event`  evenings, breakfasts, neighbourhood poles
:func:`reputation`        the engagement triangle and augmented transparency
:func:`prospecting`       warm introductions to prospects
:func:`cascade`           e-reputation and influence
:func:`venture`           assembling a company's partners and first clients
========================  =====================================================
"""

from .cascade import CascadeResult, cascade
from .job_search import JobSearchResult, TieExperimentResult, job_search, tie_experiment
from .labour_market import LabourMarketResult, labour_market
from .networking_event import NetworkingEventResult, networking_event
from .prospecting import ProspectingResult, prospecting
from .recommend import RecommendResult, recommend
from .reputation import ReputationResult, reputation
from .venture import VentureResult, venture

__all__ = [
    "job_search", "tie_experiment", "labour_market", "recommend", "networking_event",
    "reputation", "prospecting", "cascade", "venture",
    "JobSearchResult", "TieExperimentResult", "LabourMarketResult", "RecommendResult",
    "NetworkingEventResult", "ReputationResult", "ProspectingResult", "CascadeResult",
    "VentureResult",
]
