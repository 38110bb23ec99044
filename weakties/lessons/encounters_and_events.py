"""Lesson 05, encounters and events: improbable encounters, formats, crystallisation.

The functions the lesson's cells call, its quizzes and its prediction, the
facts its text quotes and the claims its text makes
(``course/sources/en/05-encounters-and-events.md``). The simulation is
:func:`weakties.scenarios.networking_event`.

References
----------
.. [1] Feld, S. L. (1981). The focused organization of social ties.
   *American Journal of Sociology* 86(5), 1015-1035.
.. [2] Ingram, P., Morris, M. W. (2007). Do people mix at mixers? Structure,
   homophily, and the "life of the party". *Administrative Science
   Quarterly* 52(4), 558-585.
.. [3] Storper, M., Venables, A. J. (2004). Buzz: face-to-face contact and
   the urban economy. *Journal of Economic Geography* 4(4), 351-370.
"""

from __future__ import annotations

import numpy as np

from .. import ties as _ties
from ..i18n import N_, decimal, gettext, number, percent
from ..scenarios.networking_event import FORMATS, POLE_DISTRICTS, networking_event
from ._core import Lesson, PredictionData, QuizData, claim

__all__ = ["LESSON", "QUIZZES", "PREDICTIONS", "EXPLORERS", "SEED", "GUESTS", "SESSIONS",
           "MONTHS", "FOLLOW_UPS", "format_table", "improbable_guests", "jazz_evening",
           "show_who_met", "pole_table", "compare_formats", "per_attendee", "show_strength",
           "show_crossing", "relations_by_chance", "explore_follow_up", "explore_series",
           "facts"]

LESSON = Lesson("05", "encounters-and-events", population=(2000, 7))

#: The seed of the lesson's event simulations.
SEED = 7
#: The lesson's series of events: guests invited, monthly sessions, months followed.
GUESTS, SESSIONS, MONTHS = 60, 6, 36
#: The order in which the lesson shows the formats.
_FORMATS = ("evening", "breakfast", "neighbourhood")
_FORMAT_NAMES = {"evening": N_("evening"), "breakfast": N_("breakfast"),
                 "neighbourhood": N_("neighbourhood")}
#: The chances of meeting again each month the explorer lets the learner give
#: every format (None: each format's own, as the model assumes).
FOLLOW_UPS = (None, 0.1, 0.2, 0.3, 0.4, 0.5)
_MUSIC_WORLDS = ("Finance", "Digital")
_EQUAL = 0.4  # the same chance for every format that the text quotes


def _t(text, lang):
    return gettext(text, lang)


def format_table(lang=None):
    """The three formats of the simulation, one row each, with what they assume.

    Returns
    -------
    pandas.DataFrame
        One row per format: people per table, seatings per session (people
        change tables between seatings), the chance of meeting again each
        month (an assumption of the model) and what the format is.

    Examples
    --------
    >>> table = format_table(lang="en")
    >>> list(table.index)
    ['evening', 'breakfast', 'neighbourhood']
    >>> float(table.loc["breakfast", "chance of meeting again each month"])
    0.3
    """
    import pandas as pd

    columns = (N_("people per table"), N_("seatings per session"),
               N_("chance of meeting again each month"), N_("what it is"))
    rows = {_t(_FORMAT_NAMES[f], lang): (FORMATS[f]["table"], FORMATS[f]["seatings"],
                                        FORMATS[f]["follow_up"], _t(FORMATS[f]["about"], lang))
            for f in _FORMATS}
    return pd.DataFrame.from_dict(rows, orient="index", columns=[_t(c, lang) for c in columns])


# --------------------------------------------------------------------------
# The improbable encounter

def improbable_guests(G):
    """The guests of the lesson's evening: a musician among bankers and designers.

    Chosen by criteria, so that a change of the population keeps the
    story true: the first musician (in the population's order) who lives
    in Île-de-France, the first 20 people of the Finance sector who live
    there, and the first 20 UX or graphic designers who live there.

    Returns
    -------
    (node, list of nodes)
        The musician, and every guest (the musician first).

    Raises
    ------
    ValueError
        When nobody in Île-de-France is a musician.

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(2000, seed=7)
    >>> musician, guests = improbable_guests(G)
    >>> G.nodes[musician]["occupation"], guests[0] == musician
    ('musician', True)
    """
    paris = [p for p in G if G.nodes[p].get("region") == "Île-de-France"]
    musician = next((p for p in paris if G.nodes[p].get("occupation") == "musician"), None)
    if musician is None:
        raise ValueError("nobody in Île-de-France is a musician in this population: use the "
                         "lesson's population, weakties.population(2000, seed=7).")
    bankers = [p for p in paris if G.nodes[p]["sector"] == "Finance"][:20]
    designers = [p for p in paris
                 if G.nodes[p]["occupation"] in ("UX designer", "graphic designer")][:20]
    return musician, [musician] + bankers + designers


def _met_by(result, person):
    t = result.new_ties
    met = t[(t["kind"] == "event") & ((t["person"] == person) | (t["other"] == person))]
    return [b if a == person else a for a, b in zip(met["person"], met["other"])]


def jazz_evening(G, lang=None):
    """Run the lesson's six networking evenings for :func:`improbable_guests`, and say what happened.

    Prints how many ties were made at the evenings and online, and whom
    the musician met.

    Returns
    -------
    weakties.scenarios.networking_event.NetworkingEventResult

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(2000, seed=7)
    >>> evening = jazz_evening(G, lang="en")  # doctest: +ELLIPSIS
    Guests: ... Ties made at the evenings: ...
    >>> evening.params["format"]
    'evening'
    """
    musician, guests = improbable_guests(G)
    result = networking_event(G, guests, format="evening", rounds=SESSIONS, seed=SEED,
                              months=MONTHS)
    t = result.new_ties
    met = _met_by(result, musician)
    worlds = sum(G.nodes[q]["sector"] in _MUSIC_WORLDS for q in met)
    print(_t(N_("Guests: {guests}. Ties made at the evenings: {event}; made online only: "
                "{online}."), lang).format(
        guests=number(len(guests), lang), event=number(int((t["kind"] == "event").sum()), lang),
        online=number(int((t["kind"] == "online").sum()), lang)))
    print(_t(N_("{name}, the musician, met {met} people at the evenings, {worlds} of them in "
                "finance or digital trades."), lang).format(
        name=G.nodes[musician]["name"], met=number(len(met), lang), worlds=number(worlds, lang)))
    return result


def show_who_met(G, result, lang=None):
    """Draw who met whom at an event: each guest by occupation, each tie made there.

    Marks are coloured and shaped by occupation; a line is a tie made at
    the event, thicker when it grew stronger; the musician of
    :func:`improbable_guests` (when among the guests) is a large black star.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(2000, seed=7)
    >>> fig = show_who_met(G, jazz_evening(G, lang="en"), lang="en")  # doctest: +ELLIPSIS
    Guests: ...
    >>> fig.axes[0].get_title()
    'Who met whom at six networking evenings'
    """
    import matplotlib.pyplot as plt
    import networkx as nx

    from ..plotting import draw_network

    musician, _ = improbable_guests(G)
    t = result.new_ties
    event = t[t["kind"] == "event"]
    guests = sorted(set(event["person"]) | set(event["other"]), key=str)
    met = nx.Graph()
    met.add_nodes_from((p, G.nodes[p]) for p in guests)
    met.add_edges_from((a, b, {"strength": s}) for a, b, s
                       in zip(event["person"], event["other"], event["strength"]))
    fig, ax = plt.subplots(figsize=(10, 7))
    draw_network(met, color_by="occupation", highlight=musician if musician in met else None,
                 ax=ax, seed=SEED, node_size=60,
                 title=_t(N_("Who met whom at six networking evenings"), lang))
    handles, labels = ax.get_legend_handles_labels()
    star = _t(N_("the musician, {name}"), lang).format(name=G.nodes[musician]["name"])
    labels = [star if label == "highlighted" else label for label in labels]
    ax.legend(handles, labels, title=_t(N_("occupation"), lang), loc="upper left",
              bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=9)
    return fig


# --------------------------------------------------------------------------
# The neighbourhood pole

def pole_table(G, lang=None):
    """Where the guests of the neighbourhood format live: the pole's districts.

    Runs the lesson's neighbourhood series (:data:`GUESTS` invited) and
    counts, for each district of :data:`POLE_DISTRICTS`, the people who
    live there, the guests invited from it and the sectors they work in.

    Returns
    -------
    pandas.DataFrame
        One row per district, and a last row for the whole pole.

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(2000, seed=7)
    >>> table = pole_table(G, lang="en")
    >>> list(table.index[:2]), table.index[-1]
    (['Paris 3e', 'Paris 4e'], 'the whole pole')
    >>> int(table["guests"].iloc[-1]) == int(table["guests"].iloc[:-1].sum())
    True
    """
    import pandas as pd

    result = compare_formats(G)["neighbourhood"]
    guests = _guests(result)
    rows = {}
    for d in POLE_DISTRICTS:
        here = [p for p in guests if G.nodes[p]["district"] == d]
        rows[d] = (sum(1 for p in G if G.nodes[p]["district"] == d), len(here),
                   len({G.nodes[p]["sector"] for p in here}))
    rows[_t(N_("the whole pole"), lang)] = (
        sum(r[0] for r in rows.values()), len(guests),
        len({G.nodes[p]["sector"] for p in guests}))
    columns = [_t(c, lang) for c in (N_("people who live there"), N_("guests"),
                                     N_("sectors among the guests"))]
    return pd.DataFrame.from_dict(rows, orient="index", columns=columns)


def _guests(result):
    """The guests of a neighbourhood series: everyone invited, met or not."""
    t = result.new_ties
    return sorted(set(t["person"]) | set(t.loc[t["kind"] == "event", "other"]), key=str)


# --------------------------------------------------------------------------
# Comparing the formats

_CACHE: dict = {}


def compare_formats(G, follow_up=None):
    """The lesson's series of events in each format, on the same footing.

    :data:`GUESTS` people invited (``networking_event(G, 60, ...)``), six
    monthly sessions, followed for three years, seed :data:`SEED`. Results
    are kept for the population (a population is never changed by a
    lesson), so that the lesson's cells and controls reuse them.

    Parameters
    ----------
    G : networkx.Graph
    follow_up : float, optional
        The chance of meeting again each month for every format; default:
        each format's own (``FORMATS``), as the model assumes.

    Returns
    -------
    dict
        ``{format: NetworkingEventResult}`` for evening, breakfast and
        neighbourhood.

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(2000, seed=7)
    >>> results = compare_formats(G)
    >>> list(results), results["breakfast"].params["follow_up"]
    (['evening', 'breakfast', 'neighbourhood'], 0.3)
    """
    key = (id(G), G.number_of_nodes(), G.number_of_edges(), follow_up)
    if key not in _CACHE:
        if len(_CACHE) > 64:
            _CACHE.clear()
        _CACHE[key] = {f: networking_event(G, GUESTS, format=f, rounds=SESSIONS, seed=SEED,
                                           months=MONTHS, follow_up=follow_up)
                       for f in _FORMATS}
    return _CACHE[key]


_PER_ATTENDEE = (N_("contacts met at the events"), N_("of them, became relations"),
                 N_("online-only contacts"), N_("of them, became relations online"))


def per_attendee(result):
    """New ties per guest: met at the events, relations among them, online only, relations.

    Returns
    -------
    list of float
        Four numbers per guest, in the order of the lesson's bars: contacts
        met at the events, event contacts that became relations, online-only
        contacts, online-only contacts that became relations.

    Examples
    --------
    >>> import weakties
    >>> from weakties.scenarios import networking_event
    >>> r = networking_event(weakties.population(300, seed=1), 30, seed=1)
    >>> met, relations, online, online_relations = per_attendee(r)
    >>> 0 <= relations <= met and online_relations <= online
    True
    """
    t = result.new_ties
    event, online = t[t["kind"] == "event"], t[t["kind"] == "online"]
    n = result.params["attendees"]
    return [len(event) / n, float(event["relation"].sum()) / n, len(online) / n,
            float(online["relation"].sum()) / n]


def _bars(results, title, lang, ax=None):
    """Grouped bars: per guest, for each format, the four numbers of :func:`per_attendee`."""
    import matplotlib.pyplot as plt

    from ..plotting import PALETTE, style_axes

    if ax is None:
        _, ax = plt.subplots(figsize=(9, 4.5))
    colours = (PALETTE[4], PALETTE[2], PALETTE[1], PALETTE[5])
    hatches = ("", "//", "..", "xx")
    x = np.arange(len(results))
    values = np.array([per_attendee(r) for r in results.values()])
    for k, label in enumerate(_PER_ATTENDEE):
        bars = ax.bar(x + (k - 1.5) * 0.2, values[:, k], 0.2, color=colours[k],
                      hatch=hatches[k], edgecolor="black", label=_t(label, lang))
        digits = 2 if k % 2 else 1  # relations are few: two decimals
        ax.bar_label(bars, labels=[decimal(v, digits, lang) for v in values[:, k]], fontsize=8)
    ax.set_xticks(x, [_t(_FORMAT_NAMES[f], lang) for f in results])
    ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    style_axes(ax, title, _t(N_("format"), lang), _t(N_("new ties per guest"), lang))
    return ax


def show_strength(G, lang=None):
    """Draw the strength of the breakfast's new ties, month by month, as in the lesson.

    Returns
    -------
    matplotlib.figure.Figure
    """
    ax = compare_formats(G)["breakfast"].plot(kind="strength", lang=lang)
    ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.figure.set_size_inches(9, 4.5)
    return ax.figure


def show_crossing(G, lang=None):
    """Draw which of the breakfast's new ties join different sectors, regions, generations.

    Returns
    -------
    matplotlib.figure.Figure
    """
    ax = compare_formats(G)["breakfast"].plot(kind="crossing", lang=lang)
    ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.figure.set_size_inches(9, 4.5)
    return ax.figure


# --------------------------------------------------------------------------
# Explorers

def relations_by_chance(G, follow_up):
    """Relations per guest, by format, when every format has this chance of meeting again.

    Parameters
    ----------
    follow_up : float or None
        None: each format's own chance, as the model assumes.

    Returns
    -------
    dict
        ``{format: relations per guest}``.

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(2000, seed=7)
    >>> never = relations_by_chance(G, 0.0)
    >>> set(never.values())
    {0.0}
    """
    return {f: per_attendee(r)[1] for f, r in compare_formats(G, follow_up).items()}


def explore_follow_up(G, lang=None):
    """An explorer: give every format the same chance of meeting again, and compare.

    One control, the chance of meeting again each month after the event:
    each format's own (the model's assumption) or the same for all. The
    picture is the bars of the prediction, for that chance. Every
    chance is simulated and drawn when the explorer is made, so a move
    only shows its picture.

    Returns
    -------
    weakties.widgets.Explorer
    """
    import ipywidgets as widgets

    from ..widgets import Explorer

    # the separator of a list of numbers: French writes decimals with a comma
    own = _t(N_(", "), lang).join(decimal(FORMATS[f]["follow_up"], 2, lang) for f in _FORMATS)
    options = [(_t(N_("each format's own ({chances})"), lang).format(chances=own), -1.0)]
    options += [(_t(N_("{chance} for every format"), lang).format(chance=decimal(c, 1, lang)),
                 float(c)) for c in FOLLOW_UPS[1:]]
    import matplotlib.pyplot as plt

    def draw_chance(chance):
        follow_up = None if chance < 0 else chance
        results = compare_formats(G, follow_up)
        relations = {f: per_attendee(r)[1] for f, r in results.items()}
        best = max(relations, key=relations.get)
        title = _t(N_("Most relations: the {format}"), lang).format(
            format=_t(_FORMAT_NAMES[best], lang))
        return _bars(results, title, lang).figure

    # Every picture the menu can ask for, simulated and drawn now: a move only shows one.
    # Closed for pyplot, so that the notebook does not show them all at once.
    pictures = {}
    for _, chance in options:
        pictures[chance] = draw_chance(chance)
        plt.close(pictures[chance])

    def show_chance(chance):
        return pictures[chance]

    return Explorer(show_chance,
                    title=_t(N_("What if meeting again were as easy after every format?"), lang),
                    chance=widgets.Dropdown(options=options, value=-1.0,
                                            description=_t(N_("chance of meeting again each "
                                                              "month"), lang)))


def explore_series(G, lang=None):
    """An explorer: design a series of events and follow the ties it creates.

    Three controls: the format, the number of monthly sessions and the
    months followed. On the left, the strength of the new ties month by
    month; on the right, the new ties per guest at the end.

    Returns
    -------
    weakties.widgets.Explorer
    """
    import ipywidgets as widgets
    import matplotlib.pyplot as plt

    from ..plotting import PALETTE, style_axes
    from ..widgets import Explorer

    layout = {}  # the margins of the first picture, reused: labels keep their places

    def show_series(fmt, sessions, months):
        months = max(months, sessions)
        result = networking_event(G, GUESTS, format=fmt, rounds=sessions, seed=SEED,
                                  months=months)
        fig, (left, right) = plt.subplots(1, 2, figsize=(14, 4.5))
        result.plot(ax=left, kind="strength", lang=lang)
        left.set_ylim(0, 0.8)
        left.legend(frameon=False, loc="upper right", fontsize=9)
        counts = per_attendee(result)
        bars = right.barh([_t(label, lang) for label in _PER_ATTENDEE], counts,
                          edgecolor="black", color=[PALETTE[4], PALETTE[2], PALETTE[1],
                                                    PALETTE[5]],
                          hatch=["", "//", "..", "xx"])
        right.bar_label(bars, labels=[decimal(c, 2, lang) for c in counts], padding=3)
        right.set_xlim(0, 1.2 * max(max(counts), 0.1))
        right.invert_yaxis()
        style_axes(right, _t(N_("Per guest after {months} months"), lang).format(
            months=number(months, lang)), _t(N_("new ties per guest"), lang), None)
        if layout:
            fig.subplots_adjust(**layout)
        else:
            fig.tight_layout()
            p = fig.subplotpars
            layout.update(left=p.left, right=p.right, bottom=p.bottom, top=p.top,
                          wspace=p.wspace)
        return fig

    return Explorer(
        show_series, title=_t(N_("Design a series of events and follow the ties it creates."),
                              lang),
        fmt=widgets.Dropdown(options=[(_t(_FORMAT_NAMES[f], lang), f) for f in _FORMATS],
                             value="breakfast", description=_t(N_("format"), lang)),
        sessions=widgets.IntSlider(value=SESSIONS, min=1, max=12,
                                   description=_t(N_("monthly sessions"), lang)),
        months=widgets.IntSlider(value=MONTHS, min=12, max=48, step=6,
                                 description=_t(N_("months followed"), lang)))


#: The lesson's explorers by the key of the cell that shows them, for benchmarks.
EXPLORERS = {"assumption": explore_follow_up, "explore": explore_series}


# --------------------------------------------------------------------------
# Prediction and quizzes

def _format_answer(G, lang=None):
    """What the simulation shows: new ties per guest in each format, drawn."""
    results = compare_formats(G)
    per = {f: per_attendee(r) for f, r in results.items()}
    best = max(per, key=lambda f: per[f][1])
    ax = _bars(results, _t(N_("New ties per guest after three years"), lang), lang)
    description = _t(N_(
        "A bar chart with one group of four bars per format, each bar with its own colour "
        "and hatch pattern: contacts met at the events, those that became relations, "
        "online-only contacts, and those that became relations, all per guest. The evening "
        "makes {evening} contacts per guest, the breakfast {breakfast} and the neighbourhood "
        "group {neighbourhood}; the relations per guest are {r_evening}, {r_breakfast} and "
        "{r_neighbourhood}. No online-only contact became a relation. The one thing to "
        "notice: the format with the most contacts is not the one with the most relations."),
        lang).format(
        evening=decimal(per["evening"][0], 1, lang), breakfast=decimal(per["breakfast"][0], 1, lang),
        neighbourhood=decimal(per["neighbourhood"][0], 1, lang),
        r_evening=decimal(per["evening"][1], 2, lang),
        r_breakfast=decimal(per["breakfast"][1], 2, lang),
        r_neighbourhood=decimal(per["neighbourhood"][1], 2, lang))
    return _FORMATS.index(best), ax.figure, description


PREDICTIONS = {
    "format": PredictionData(
        question=N_("Which format turns the most new contacts into relations?"),
        choices=(N_("evening"), N_("breakfast"), N_("neighbourhood")),
        run=_format_answer,
        explanation=N_("The evening makes the most contacts, but a relation needs meetings "
                       "after the event. The model assumes that people meet again most "
                       "easily when they live and work in the same districts, so more of "
                       "their contacts become relations."),
        claims=("evening_most_contacts_neighbourhood_most_relations", "no_online_relation"),
    ),
}

QUIZZES = {
    "improbable": QuizData(
        question=N_("Why can a networking event give you ties that your own circles cannot?"),
        choices=(N_("It gathers people from contexts you do not share: other trades, places, "
                    "generations"),
                 N_("Because people at events are more friendly"),
                 N_("Because every tie made at an event is strong")),
        answer=N_("It gathers people from contexts you do not share: other trades, places, "
                  "generations"),
        explanation=N_("Your circles come from your contexts (Feld 1981); an event is a new "
                       "context that gathers different people."),
        hints={N_("Because people at events are more friendly"):
               N_("Friendliness is not the point: who is in the room is."),
               N_("Because every tie made at an event is strong"):
               N_("Event ties start weak. They grow only with follow-up.")},
    ),
    "follow": QuizData(
        question=N_("You met ten people at an evening and connected with all of them online. "
                    "What makes some of them become relations?"),
        choices=(N_("Having accepted their connection requests"),
                 N_("Meeting them again and exchanging services over the following months"),
                 N_("Liking their posts")),
        answer=N_("Meeting them again and exchanging services over the following months"),
        explanation=N_("A relation needs time, regular exchanges and help both ways. The tie "
                       "crystallises through real presence: meetings in person and kept "
                       "promises."),
        hints={N_("Having accepted their connection requests"):
               N_("That makes a contact. In the simulation, no online-only contact became a "
                  "relation."),
               N_("Liking their posts"):
               N_("A light online exchange keeps a contact alive but builds little trust.")},
    ),
    "assumption": QuizData(
        question=N_("In the simulation, why does the neighbourhood format turn the most "
                    "contacts into relations?"),
        choices=(N_("Because it makes the most contacts"),
                 N_("Because people who live nearby are more reliable"),
                 N_("Because the model assumes that its guests meet again most often")),
        answer=N_("Because the model assumes that its guests meet again most often"),
        explanation=N_("The chance of meeting again is an assumption of each format. Give "
                       "every format the same chance, and the evening, which makes the most "
                       "contacts, makes the most relations."),
        hints={N_("Because it makes the most contacts"):
               N_("Look at the bars again: the evening makes the most contacts."),
               N_("Because people who live nearby are more reliable"):
               N_("Reliability plays no part in this simulation.")},
    ),
    "mixer": QuizData(
        question=N_("What did Ingram and Morris (2007) observe at a business mixer?"),
        choices=(N_("Guests talked to everyone in the room equally"),
                 N_("Most guests stayed with the people they knew before the mixer"),
                 N_("Guests talked only to strangers")),
        answer=N_("Most guests stayed with the people they knew before the mixer"),
        explanation=N_("Without a format that mixes people (tables, rotations), guests stay "
                       "with familiar faces."),
        hints={N_("Guests talked to everyone in the room equally"):
               N_("People do not mix by themselves, even at a mixer."),
               N_("Guests talked only to strangers"):
               N_("It was the opposite: familiar faces drew them.")},
    ),
}


# --------------------------------------------------------------------------
# Facts and claims

def facts(G):
    """The numbers and names the text of lesson 05 quotes, computed on its population."""
    musician, guests = improbable_guests(G)
    evening = networking_event(G, guests, format="evening", rounds=SESSIONS, seed=SEED,
                               months=MONTHS)
    met = _met_by(evening, musician)
    results = compare_formats(G)
    per = {f: per_attendee(r) for f, r in results.items()}
    strength = {}
    for f, r in results.items():
        t = r.new_ties
        strength[f] = {k: float(t.loc[t["kind"] == k, "strength"].mean())
                       for k in ("event", "online")}
    cross = results["breakfast"].crossing.pivot(index="attribute", columns="ties",
                                                values="share")
    pole = results["neighbourhood"]
    pole_guests = _guests(pole)
    same = {c: relations_by_chance(G, c) for c in FOLLOW_UPS[1:]}
    share_same = {c: {f: float(r.new_ties.query("kind == 'event'")["relation"].mean())
                      for f, r in compare_formats(G, c).items()} for c in FOLLOW_UPS[1:]}
    return {
        "people": G.number_of_nodes(),
        "musician": G.nodes[musician]["name"],
        "musician_first": G.nodes[musician]["name"].split()[0],
        "musician_sector": G.nodes[musician]["sector"],
        "guests": len(guests),
        "guests_invited": GUESTS,
        "bankers": sum(G.nodes[p]["sector"] == "Finance" for p in guests),
        "met": len(met),
        "before": sum(G.nodes[q]["sector"] in _MUSIC_WORLDS for q in G[musician]),
        "after": sum(G.nodes[q]["sector"] in _MUSIC_WORLDS for q in met),
        "ties": G.degree(musician),
        "per": {f: [float(x) for x in v] for f, v in per.items()},
        "strength": strength,
        "cross": {a: {k: float(cross.loc[a, k]) for k in ("event", "online", "existing")}
                  for a in ("sector", "region", "generation")},
        "pole_districts": list(POLE_DISTRICTS),
        "pole_residents": sum(1 for p in G if G.nodes[p]["district"] in POLE_DISTRICTS),
        "pole_guests": len(pole_guests),
        "pole_guest_districts": sorted({G.nodes[p]["district"] for p in pole_guests}),
        "pole_sectors": len({G.nodes[p]["sector"] for p in pole_guests}),
        "own_chance": {f: FORMATS[f]["follow_up"] for f in _FORMATS},
        "same": {c: {f: float(v) for f, v in r.items()} for c, r in same.items()},
        "equal": {"chance": _EQUAL, **{f: float(v) for f, v in same[_EQUAL].items()}},
        "share_same": share_same,
        "strong_threshold": _ties.STRONG_THRESHOLD,
    }


@claim("the evening makes the most contacts, the neighbourhood format the most relations "
       "(with each format's assumed chance of meeting again)")
def evening_most_contacts_neighbourhood_most_relations(f):
    per = f["per"]
    contacts = max(per, key=lambda k: per[k][0])
    relations = max(per, key=lambda k: per[k][1])
    return (contacts == "evening" and relations == "neighbourhood",
            f"most contacts: {contacts}, most relations: {relations}")


@claim("no online-only contact becomes a relation")
def no_online_relation(f):
    return all(v[3] == 0 for v in f["per"].values()), f"online relations per guest {f['per']}"


@claim("event ties end much stronger than online-only ties (more than 1.5 times)")
def event_ties_much_stronger(f):
    s = f["strength"]
    return (all(v["event"] > 1.5 * v["online"] for v in s.values()),
            f"mean strength by format {s}")


@claim("the breakfast's new ties cross sector, region and generation more often than the "
       "guests' existing ties")
def event_ties_cross_more(f):
    c = f["cross"]
    return (all(c[a]["event"] > c[a]["existing"] for a in c), f"shares crossing {c}")


@claim("the musician met several people in finance or digital trades at the evenings, more "
       "than the musician's own ties held before")
def musician_reaches_new_worlds(f):
    return (f["after"] >= 2 and f["after"] > f["before"],
            f"met in those sectors {f['after']}, before {f['before']}")


@claim("every guest of the neighbourhood format lives in one of the pole's districts, several "
       "districts and sectors are represented")
def pole_guests_share_districts(f):
    ok = (set(f["pole_guest_districts"]) <= set(f["pole_districts"])
          and len(f["pole_guest_districts"]) >= 4 and f["pole_sectors"] >= 5)
    return ok, (f"districts {f['pole_guest_districts']}, {f['pole_sectors']} sectors, "
                f"{f['pole_guests']} guests")


@claim("with the same chance of meeting again for every format (0.3 or more), the evening "
       "makes the most relations, and a tie made at any format becomes a relation about "
       "equally often")
def same_chance_evening_wins(f):
    wins = all(max(r, key=r.get) == "evening" for c, r in f["same"].items() if c >= 0.3)
    close = all(max(s.values()) - min(s.values()) < 0.1 for c, s in f["share_same"].items()
                if c >= 0.3)
    return wins and close, f"relations per guest {f['same']}; share per tie {f['share_same']}"


@claim("relations need frequent meetings: at a chance of 0.1 or 0.2 a month, almost no tie "
       "becomes a relation")
def low_chance_few_relations(f):
    low = [v for c, r in f["same"].items() if c <= 0.2 for v in r.values()]
    return max(low) < 0.3, f"relations per guest at 0.1 and 0.2: {low}"
