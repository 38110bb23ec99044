"""Lesson 11, the capstone: audit your own network, privately, against a simulated reference.

The functions the lesson's cells call, its quizzes and its prediction, the
facts its text quotes and the claims its text makes
(``course/sources/en/11-capstone-audit.md``). The audit itself is
:mod:`weakties.audit`; the facts are what it shows for the shipped fictional
export (Camille's network), computed with a private settings folder so that
building the lesson writes nothing of the author's.

Privacy: every function here works on the contact table of
:func:`weakties.audit.read_network`, in which names, emails and profile
addresses have already been replaced by pseudonyms; none of them prints or
draws anything else.

References
----------
.. [1] Granovetter, M. S. (1973). The strength of weak ties. *American
   Journal of Sociology* 78(6), 1360-1380.
.. [2] Rajkumar, K., Saint-Jacques, G., Bojinov, I., Brynjolfsson, E., Aral,
   S. (2022). A causal test of the strength of weak ties. *Science* 377,
   1304-1310.
.. [3] McPherson, M., Smith-Lovin, L., Cook, J. M. (2001). Birds of a
   feather: homophily in social networks. *Annual Review of Sociology* 27,
   415-444.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager

from .. import audit
from ..i18n import N_, gettext, language, number
from ..scenarios import networking_event
from ._core import Lesson, PredictionData, QuizData, claim
from .workshop import generation_words

# ``audit`` is imported by the lesson's setup cell from here too.
__all__ = ["LESSON", "QUIZZES", "PREDICTIONS", "SEED", "EVENT_FORMATS", "audit",
           "contacts_overview", "measures_table", "worlds_table", "bridges_table",
           "event_formats", "events_table", "plan_explorer_callback", "explore_plan",
           "save_report", "facts"]

LESSON = Lesson("11", "capstone-audit", population=(2000, 7))

#: The seed of the lesson's simulations (the same as its population's).
SEED = 7
#: The formats of lesson 05 whose figures the lesson quotes.
EVENT_FORMATS = ("evening", "breakfast", "neighbourhood")
#: Attendees, monthly sessions and months followed in :func:`event_formats`.
ATTENDEES, SESSIONS, MONTHS = 60, 6, 24

_OVERVIEW_COLUMNS = ["contact", "company", "position", "connected_on", "sector", "seniority"]


#: The headers of the lesson's tables, shown in the lesson's language (English keeps the
#: columns' own names).
_HEADERS = {
    "contact": N_("contact"), "company": N_("company"), "position": N_("position"),
    "connected_on": N_("connected on"), "sector": N_("sector"), "seniority": N_("seniority"),
    "label": N_("measure"), "you": N_("you"), "reference_median": N_("reference (median)"),
    "verdict": N_("verdict"), "dimension": N_("dimension"), "world": N_("world"),
    "your_contacts": N_("your contacts"), "needed": N_("needed"), "missing": N_("missing"),
    "why": N_("why"), "tie": N_("tie"), "title": N_("event"), "how_often": N_("how often"),
}


def _headers(table, lang=None):
    """``table`` with its column names in ``lang`` (unchanged in English)."""
    if (lang or language()) == "en":
        return table
    return table.rename(columns={c: gettext(_HEADERS[c], lang) for c in table.columns
                                 if c in _HEADERS})


def contacts_overview(contacts, rows=8, lang=None):
    """Print how many contacts were read and how many have an unknown sector; return the first rows.

    Only columns without personal data are shown: the pseudonym, the
    company, the job title, the date of connection, the sector guessed and
    the seniority.

    Examples
    --------
    >>> import os, tempfile
    >>> os.environ["WEAKTIES_CONFIG_DIR"] = tempfile.mkdtemp()
    >>> from weakties import audit
    >>> table = contacts_overview(audit.read_network("sample"), lang="en")  # doctest: +ELLIPSIS
    300 contacts; ... with an unknown sector
    >>> list(table.columns)
    ['contact', 'company', 'position', 'connected_on', 'sector', 'seniority']
    >>> del os.environ["WEAKTIES_CONFIG_DIR"]
    """
    unknown = int((contacts["sector"] == audit.UNKNOWN).sum())
    print(gettext(N_("{count} contacts; {unknown} with an unknown sector"), lang).format(
        count=number(len(contacts), lang), unknown=number(unknown, lang)))
    return _headers(contacts[_OVERVIEW_COLUMNS].head(rows), lang)


def measures_table(rep, lang=None):
    """Each measure of the report for you and for the reference (median), and the verdict.

    Examples
    --------
    >>> import os, tempfile
    >>> os.environ["WEAKTIES_CONFIG_DIR"] = tempfile.mkdtemp()
    >>> from weakties import audit
    >>> table = measures_table(audit.report(audit.read_network("sample")))
    >>> list(table.columns)
    ['label', 'you', 'reference_median', 'verdict']
    >>> del os.environ["WEAKTIES_CONFIG_DIR"]
    """
    return _headers(rep.measures[["label", "you", "reference_median", "verdict"]].round(2), lang)


def worlds_table(rep, lang=None):
    """The worlds the goal needs and the worlds the network hardly reaches, with why."""
    return _headers(rep.worlds[["dimension", "world", "your_contacts", "needed", "missing",
                                "why"]], lang)


def bridges_table(rep, lang=None):
    """The contacts (pseudonyms) who could bridge to each world, best first, with why."""
    return _headers(rep.bridges[["world", "contact", "position", "company", "tie", "why"]],
                    lang)


def event_formats(G, lang=None):
    """What each format of lesson 05 made in this population, per attendee.

    :func:`weakties.scenarios.networking_event` for :data:`ATTENDEES`
    people, :data:`SESSIONS` monthly sessions, followed for :data:`MONTHS`
    months, with the lesson's seed.

    Returns
    -------
    pandas.DataFrame
        One row per format: new contacts per attendee, the share of them
        across sectors, and relations per attendee at the end (rounded).

    Examples
    --------
    >>> import weakties
    >>> table = event_formats(weakties.population(400, seed=1), lang="en")
    >>> list(table.columns)
    ['contacts per attendee', 'share across sectors', 'relations per attendee']
    """
    import pandas as pd

    t = lambda text: gettext(text, lang)  # noqa: E731
    rows = {}
    for fmt, (contacts, across, relations) in _event_figures(G).items():
        rows[t(_FORMAT_NAMES[fmt])] = {t(N_("contacts per attendee")): contacts,
                                       t(N_("share across sectors")): across,
                                       t(N_("relations per attendee")): relations}
    return pd.DataFrame(rows).T.round(2)


_FORMAT_NAMES = {"evening": N_("evening"), "breakfast": N_("breakfast"),
                 "neighbourhood": N_("neighbourhood")}


def _event_figures(G):
    out = {}
    for fmt in EVENT_FORMATS:
        ties = networking_event(G, ATTENDEES, format=fmt, rounds=SESSIONS, seed=SEED,
                                months=MONTHS).new_ties
        met = ties[ties["kind"] == "event"]
        out[fmt] = (len(met) / ATTENDEES, float(met["crosses_sector"].mean()),
                    float(met["relation"].sum() / ATTENDEES))
    return out


def events_table(rep, lang=None):
    """The kinds of events the report proposes, why, and how often."""
    return _headers(rep.events[["title", "why", "how_often"]], lang)


def plan_explorer_callback(contacts, lang=None):
    """The function of the plan Explorer: ``callback(goal, target)`` returns the report's plan.

    ``target`` is a sector, or "" to let the audit choose from the goal.
    Each (goal, target) is computed once, then kept.
    """
    cache = {}

    def show(goal, target):
        key = (goal, target)
        if key not in cache:
            cache[key] = audit.report(contacts, goal=goal,
                                      targets={"sectors": [target] if target else []}).plan()
        return cache[key]

    return show


def explore_plan(contacts, goal="job_search", lang=None):
    """An Explorer: choose a goal and a target sector; read the audit's plan for them.

    Returns
    -------
    weakties.widgets.Explorer
    """
    import ipywidgets as widgets

    from ..widgets import Explorer

    t = lambda text: gettext(text, lang)  # noqa: E731
    return Explorer(
        plan_explorer_callback(contacts, lang),
        title=t(N_("Choose a goal and a target sector; read the plan.")),
        goal=widgets.Dropdown(options=[(t(g.label), k) for k, g in audit.GOALS.items()],
                              value=goal, description=t(N_("goal"))),
        target=widgets.Dropdown(options=[(t(N_("(chosen by the audit)")), "")]
                                + [(s, s) for s in audit.SECTORS],
                                value="", description=t(N_("target sector"))))


def save_report(rep, lang=None):
    """Save the whole report as one HTML file (:meth:`weakties.audit.AuditReport.save`); say where.

    Returns
    -------
    pathlib.Path
    """
    saved = rep.save()
    print(gettext(N_("The report is saved as {name} in {folder}"), lang).format(
        name=saved.name, folder=saved.parent))
    return saved


# --------------------------------------------------------------------------
# Prediction and quizzes

_VARIETY_CHOICES = (N_("lower"), N_("about the same"), N_("higher"))
_VERDICT_INDEX = {"below the reference": 0, "above the reference": 2}


def _verdict(text, lang=None):
    """The English verdict of the audit's ``text``, which may be written in ``lang``.

    Examples
    --------
    >>> _verdict("below the reference")
    'below the reference'
    """
    for english in ("below the reference", "above the reference", "like the reference"):
        if text in (english, gettext(english, lang)):
            return english
    return text


def _sector_variety_answer(contacts, goal="job_search", lang=None):
    """What the audit shows: the variety of sectors against the reference, drawn."""
    first = audit.report(contacts, goal=goal)
    verdict = first.measures.set_index("measure").loc["sector_diversity", "verdict"]
    figure, text = first.figure("sectors"), first.describe("sectors")
    notice = gettext(N_("The one thing to notice: the sectors where your solid bar is far "
                        "shorter than the hatched one are worlds you hardly reach."), lang)
    return _VERDICT_INDEX.get(_verdict(verdict, lang), 1), figure, f"{text} {notice}"


PREDICTIONS = {
    "sector-variety": PredictionData(
        question=N_("Compared with a typical person of the population, the variety of sectors "
                    "among your contacts is..."),
        choices=_VARIETY_CHOICES,
        run=_sector_variety_answer,
        explanation=N_("Most people meet others through their school, their employer and their "
                       "district: contexts that gather people of the same sector (Feld 1981; "
                       "McPherson, Smith-Lovin and Cook 2001)."),
        claims=("sample_sectors_less_varied",),
    ),
}

QUIZZES = {
    "pseudonym": QuizData(
        question=N_("Your report shows the contact C-3f9a1c2b. What can someone who reads the "
                    "report, but does not have your computer, learn about who this person is?"),
        choices=(N_("Their name, by searching the pseudonym on LinkedIn"),
                 N_("Their company and job title, but not their name"),
                 N_("Their email address")),
        answer=N_("Their company and job title, but not their name"),
        explanation=N_("The pseudonym is computed with a secret key kept in your own settings "
                       "folder; names, emails and profile addresses are dropped when the file "
                       "is read."),
        hints={N_("Their name, by searching the pseudonym on LinkedIn"):
               N_("The pseudonym exists only on your computer; LinkedIn does not know it."),
               N_("Their email address"): N_("Emails are dropped as soon as the file is read.")}),
    "ask": QuizData(
        question=N_("You look for a job in a sector where you know few people. Whom should you "
                    "ask first?"),
        choices=(N_("Your closest friend, who works in your own sector"),
                 N_("Everyone in your network, with the same message"),
                 N_("An acquaintance who works in that sector")),
        answer=N_("An acquaintance who works in that sector"),
        explanation=N_("Weak ties reach other worlds (Granovetter 1973); moderately weak ties "
                       "helped most in a randomised study (Rajkumar et al. 2022). Keep your "
                       "strong ties too: one of them can vouch for you. A precise request to a "
                       "chosen contact works better than a mass message."),
        hints={N_("Your closest friend, who works in your own sector"):
               N_("A close friend is worth asking too, but works in your own sector: who "
                  "reaches the sector you want?"),
               N_("Everyone in your network, with the same message"):
               N_("Choose the contacts per project, and make a precise request.")}),
    "alter": QuizData(
        question=N_("Your alter-ego share is far above the reference. What does it mean?"),
        choices=(N_("Most of your contacts are strong ties"),
                 N_("Your network is larger than most"),
                 N_("Many of your contacts share at least two of your sector, region, "
                    "generation and school")),
        answer=N_("Many of your contacts share at least two of your sector, region, "
                  "generation and school"),
        explanation=N_("A high alter-ego share is the comfortable network of look-alikes of "
                       "lesson 03: it brings little that you do not already know."),
        hints={N_("Most of your contacts are strong ties"):
               N_("Strength and resemblance are different things: look-alikes can be weak "
                  "ties."),
               N_("Your network is larger than most"):
               N_("The share does not depend on size: it is a proportion.")}),
}


# --------------------------------------------------------------------------
# Facts and claims

@contextmanager
def _private_settings():
    """A settings folder of its own, so the sample's pseudonym key is not the author's."""
    old = os.environ.get("WEAKTIES_CONFIG_DIR")
    with tempfile.TemporaryDirectory() as folder:
        os.environ["WEAKTIES_CONFIG_DIR"] = folder
        try:
            yield
        finally:
            if old is None:
                del os.environ["WEAKTIES_CONFIG_DIR"]
            else:
                os.environ["WEAKTIES_CONFIG_DIR"] = old


def facts(G):
    """What the sample shows, by the lesson's own calls, and what the events made in ``G``."""
    from .. import metrics

    with _private_settings():
        contacts = audit.read_network("sample")
        first = audit.report(contacts, goal="job_search")
        annotated = audit.with_annotations(contacts)
        rep = audit.report(annotated, goal="job_search", targets={"sectors": []})
    m = rep.measures.set_index("measure")
    first_m = first.measures.set_index("measure")
    events = _event_figures(G)
    lesson_shares = [metrics.alter_ego_share(G, p) for p in G]
    lesson_shares = sorted(s for s in lesson_shares if s == s)
    return {
        "people": G.number_of_nodes(),
        "n": len(contacts),
        "annotated": int(annotated["strength"].notna().sum()),
        "sector_verdict": _verdict(first_m.loc["sector_diversity", "verdict"]),
        "sectors_text": first.describe("sectors"),
        "ties_text": rep.describe("ties"),
        "measures_text": rep.describe("measures"),
        "strong_share": float(m.loc["strong_share", "you"]),
        "alter_ego": float(m.loc["alter_ego_share", "you"]),
        "alter_ego_ref": float(m.loc["alter_ego_share", "reference_median"]),
        "alter_ego_verdict": _verdict(m.loc["alter_ego_share", "verdict"]),
        "reference_degree": rep.reference.get("mean_degree"),
        "reference_people": rep.reference.get("people"),
        "lesson_alter_ego": lesson_shares[len(lesson_shares) // 2],
        "lesson_degree": 2 * G.number_of_edges() / G.number_of_nodes(),
        "me_sector": rep.me.get("sector"), "me_region": rep.me.get("region"),
        "me_generation": generation_words(rep.me.get("generation")),
        "missing": ", ".join(generation_words(w) for w in rep.missing["world"]),
        "events": {fmt: {"contacts": c, "across": a, "relations": r}
                   for fmt, (c, a, r) in events.items()},
    }


@claim("the variety of sectors among the sample's contacts is below the reference")
def sample_sectors_less_varied(f):
    return f["sector_verdict"] == "below the reference", f"verdict {f['sector_verdict']!r}"


@claim("the sample's network is mostly weak ties")
def sample_mostly_weak_ties(f):
    return f["strong_share"] < 0.5, f"strong share {f['strong_share']:.2f}"


@claim("in the sample, the alter-ego share is above the reference's")
def sample_alter_ego_above_reference(f):
    return (f["alter_ego"] > f["alter_ego_ref"]
            and f["alter_ego_verdict"] == "above the reference"), (
        f"sample {f['alter_ego']:.2f}, reference median {f['alter_ego_ref']:.2f}, "
        f"verdict {f['alter_ego_verdict']!r}")


@claim("the reference, whose people have as many ties as the sample has contacts, has a lower "
       "median alter-ego share than lesson 03's population")
def bigger_networks_fewer_look_alikes(f):
    return (f["alter_ego_ref"] < f["lesson_alter_ego"]
            and f["reference_degree"] > 2 * f["lesson_degree"]), (
        f"reference {f['alter_ego_ref']:.2f} at {f['reference_degree']} ties, lesson 03's "
        f"population {f['lesson_alter_ego']:.2f}")


@claim("an evening makes the most contacts per attendee, and the most contacts across sectors")
def evenings_make_the_most_contacts(f):
    e = f["events"]
    return (max(e, key=lambda k: e[k]["contacts"]) == "evening"
            and max(e, key=lambda k: e[k]["contacts"] * e[k]["across"]) == "evening"), f"{e}"


@claim("a breakfast makes more relations per attendee than an evening")
def breakfasts_make_more_relations(f):
    e = f["events"]
    return e["breakfast"]["relations"] > e["evening"]["relations"], f"{e}"
