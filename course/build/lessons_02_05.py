"""Build lessons 02 to 05 of the course as clean notebooks (no outputs): the old way.

These lessons are not converted yet to MyST sources (``course/sources/``,
see ``course/LESSON-GUIDE.md``); until they are, the one build command
``.venv/bin/python -m course.build`` runs this script for them, and
``--check`` compares its output with the stored notebooks. Converting a
lesson removes its code from here; when none is left, this file goes.

The lessons are written here as cell sources. Each cell has a stable id
(``lNN-<key>``). The text alternatives under the pictures quote numbers from
the simulation: they are computed here, with the same seed and the same
library calls as the notebook, so that the words follow the data.
"""

from __future__ import annotations

import argparse
import functools
import sys
import textwrap
from pathlib import Path

import nbformat

COURSE = Path(__file__).resolve().parents[1]
SEED = 7
N_PEOPLE = 2000
LUCIE = 37  # the person the first lessons follow (a policy officer in Paris)

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
LANGUAGE_INFO = {"name": "python", "pygments_lexer": "ipython3",
                 "codemirror_mode": {"name": "ipython", "version": 3},
                 "file_extension": ".py", "mimetype": "text/x-python",
                 "nbconvert_exporter": "python"}


# --------------------------------------------------------------------------
# Notebook helpers

def _clean(text: str) -> str:
    return textwrap.dedent(text).strip("\n")


class Lesson:
    """Cells of one lesson, in order, each with a stable id ``lNN-<key>``."""

    def __init__(self, number: str, slug: str):
        self.number, self.slug = number, slug
        self.cells = []

    def md(self, key, text):
        self.cells.append(nbformat.v4.new_markdown_cell(_clean(text), id=f"l{self.number}-{key}"))

    def code(self, key, text):
        self.cells.append(nbformat.v4.new_code_cell(_clean(text), id=f"l{self.number}-{key}"))

    @property
    def path(self) -> Path:
        return COURSE / f"{self.number}-{self.slug}.ipynb"

    def notebook(self):
        nb = nbformat.v4.new_notebook()
        nb.nbformat, nb.nbformat_minor = 4, 5
        nb.metadata = {"kernelspec": dict(KERNELSPEC), "language_info": dict(LANGUAGE_INFO)}
        nb.cells = self.cells
        ids = [c.id for c in self.cells]
        duplicated = sorted({i for i in ids if ids.count(i) > 1})
        if duplicated:
            raise ValueError(f"lesson {self.number}: duplicated cell ids {duplicated}")
        nbformat.validate(nb)
        return nb

    def text(self) -> str:
        return nbformat.writes(self.notebook()) + "\n"


@functools.lru_cache(maxsize=None)
def population():
    import weakties
    from weakties.lessons import followed_person
    G = weakties.population(N_PEOPLE, seed=SEED)
    claim(followed_person(G) == LUCIE, "02-05",
          f"lessons 02 to 05 follow person {LUCIE}, the person lessons 00 and 01 follow "
          "(weakties.lessons.followed_person); convert them to call followed_person(G)")
    return G


def claim(condition, lesson, text):
    """Stop the build when the data no longer support a sentence of a lesson."""
    if not condition:
        raise AssertionError(f"lesson {lesson} says {text!r}, but the simulation no longer "
                             "shows it: rewrite that sentence.")


def pct(x, digits=0):
    return f"{100 * x:.{digits}f}%"


# --------------------------------------------------------------------------
# Shared text

SETUP_MD = """
    ## Setup

    Run this cell first: it builds a fictional population of 2,000
    professionals in France, always the same one (the *seed* fixes the
    chance draws), and loads the tools of the course. It takes a few
    seconds.
"""

WIDGETS_NOTE = """
    *If a control below shows no picture, run the cell again (Shift+Enter).*
"""


# --------------------------------------------------------------------------
# Lesson 05: Encounters and events

def _jazz_evening():
    from weakties.scenarios import networking_event
    G = population()
    paris = [p for p in G if G.nodes[p]["region"] == "Île-de-France"]
    musician = next(p for p in paris if G.nodes[p]["occupation"] == "musician")
    bankers = [p for p in paris if G.nodes[p]["sector"] == "Finance"][:20]
    designers = [p for p in paris
                 if G.nodes[p]["occupation"] in ("UX designer", "graphic designer")][:20]
    attendees = [musician] + bankers + designers
    result = networking_event(G, attendees, format="evening", rounds=6, seed=SEED, months=36)
    return musician, attendees, result


@functools.lru_cache(maxsize=None)
def _formats():
    from weakties.scenarios import networking_event
    G = population()
    return {fmt: networking_event(G, 60, format=fmt, rounds=6, seed=SEED, months=36)
            for fmt in ("evening", "breakfast", "neighbourhood")}


def facts_05():
    G = population()
    musician, attendees, evening = _jazz_evening()
    t = evening.new_ties
    met = t[(t["kind"] == "event") & ((t["person"] == musician) | (t["other"] == musician))]
    others = [b if a == musician else a for a, b in zip(met["person"], met["other"])]
    worlds = {"Finance", "Digital"}
    before = sum(G.nodes[q]["sector"] in worlds for q in G[musician])
    after = sum(G.nodes[q]["sector"] in worlds for q in others)
    per = {}
    for fmt, r in _formats().items():
        nt = r.new_ties
        ev, on = nt[nt["kind"] == "event"], nt[nt["kind"] == "online"]
        per[fmt] = {"event": len(ev) / 60, "relations": ev["relation"].sum() / 60,
                    "online": len(on) / 60, "online_relations": on["relation"].sum() / 60,
                    "event_strength": ev["strength"].mean(), "online_strength": on["strength"].mean()}
    best = max(per, key=lambda k: per[k]["relations"])
    most_contacts = max(per, key=lambda k: per[k]["event"])
    claim(best == "neighbourhood" and most_contacts == "evening", "05",
          "the evening makes most contacts, the neighbourhood most relations")
    claim(all(v["online_relations"] == 0 for v in per.values()), "05",
          "no online-only tie becomes a relation")
    claim(all(v["event_strength"] > 1.5 * v["online_strength"] for v in per.values()), "05",
          "event ties end much stronger than online-only ties")
    cross = _formats()["breakfast"].crossing.pivot(index="attribute", columns="ties",
                                                    values="share")
    claim(all(cross.loc[a, "event"] > cross.loc[a, "existing"]
              for a in ("sector", "region", "generation")), "05",
          "event ties cross sector, region and generation more than existing ties")
    return {
        "musician": G.nodes[musician]["name"], "musician_first": G.nodes[musician]["name"].split()[0],
        "attendees": len(attendees), "bankers": sum(G.nodes[p]["sector"] == "Finance" for p in attendees),
        "met": len(met), "before": before, "after": after, "ties": G.degree(musician),
        "per": per, "cross": cross,
    }


def lesson_05():
    f = facts_05()
    per, cross = f["per"], f["cross"]
    br = per["breakfast"]
    L = Lesson("05", "encounters-and-events")
    L.md("title", """
        # Lesson 05: Encounters and events

        This lesson shows how networking events bring together people whose
        circles would never meet, and why a new contact becomes a relation
        only when you meet again in person.

        **Duration:** about 45 minutes.

        **Learning objectives.** By the end of this lesson you can:

        - Explain why events create ties that your own circles cannot.
        - Compare three formats: networking evenings, breakfasts and
          neighbourhood groups.
        - Show, with a simulation, why a tie met in person and followed up
          grows stronger than a contact made online only.
        - Plan how you will follow up the people you meet.

        **Prerequisites:** lessons 01 to 04 (contacts and relations, weak
        ties, the alter-ego network, brokers).
    """)
    L.md("setup-md", SETUP_MD)
    L.code("setup", """
        import weakties
        from weakties.widgets import Explorer, Prediction, Quiz
        from weakties.scenarios import networking_event
        from weakties.scenarios.networking_event import FORMATS
        from weakties.plotting import draw_network, style_axes, PALETTE
        import ipywidgets as widgets
        import matplotlib.pyplot as plt
        import networkx as nx
        import pandas as pd

        SEED = 7
        G = weakties.population(2000, seed=SEED)
    """)
    L.md("why", """
        ## Why events matter

        Ties form inside the contexts people share: a family, a school, a
        workplace, a neighbourhood (Feld 1981). Lesson 03 showed the cost:
        those contexts gather people who are alike, so the ties they produce
        are alike too. To meet someone from another world, you need a context
        that gathers different people. That is what a good networking event
        is.

        Gathering people is not enough. At a real business mixer,
        researchers followed who talked to whom: guests spent much of their
        time with people they already knew (Ingram and Morris 2007). Formats
        that seat people at tables, and change tables during the evening,
        mix them on purpose.
    """)
    L.md("formats-md", """
        ## Three formats

        The simulation (function `networking_event`) knows three formats. In
        each, people sit at tables and two people at a table exchange
        contacts half of the time. The formats differ in the size of the
        tables, in how often people change tables, and in the chance of
        seeing each other again afterwards:
    """)
    L.code("formats", """
        pd.DataFrame(FORMATS).T.rename(columns={
            "table": "people per table", "seatings": "table changes per session",
            "follow_up": "chance of meeting again each month", "about": "what it is"})
    """)
    L.md("formats-after", """
        - A **networking evening** is large: people move between tables and
          meet many others, but briefly.
        - A **breakfast** is small: one table, time to talk.
        - A **neighbourhood group** gathers professionals who live and work
          in the same districts; meeting again is easy.

        The chances of meeting again are **assumptions of the model**, not
        measurements: the simulation shows what follows from them.
    """)
    L.md("jazz-md", f"""
        ## An improbable encounter

        Imagine a jazz guitarist at a networking evening among bankers and
        designers. Nobody in the guitarist's circles would have introduced
        them; yet a banker may need music for a client event, and a designer
        may need a musician for a video. This is the *improbable encounter*.

        The next cell invites one musician from Île-de-France,
        {f['musician']}, with {f['bankers']} people from finance and some UX
        and graphic designers, {f['attendees']} people in all, to six monthly
        evenings. It then follows the new ties for three years.
    """)
    L.code("jazz", """
        paris = [p for p in G if G.nodes[p]["region"] == "Île-de-France"]
        musician = next(p for p in paris if G.nodes[p]["occupation"] == "musician")
        bankers = [p for p in paris if G.nodes[p]["sector"] == "Finance"][:20]
        designers = [p for p in paris if G.nodes[p]["occupation"] in ("UX designer", "graphic designer")][:20]
        attendees = [musician] + bankers + designers
        evening = networking_event(G, attendees, format="evening", rounds=6, seed=SEED, months=36)
        print(evening.summary())
    """)
    L.md("jazz-draw-md", """
        The next cell draws who met whom at the evenings: one mark per
        attendee, coloured and shaped by occupation, one line per tie made at
        the event (thicker when it grew stronger). The musician is the large
        black star.
    """)
    L.code("jazz-draw", """
        met = nx.Graph()
        met.add_nodes_from((p, G.nodes[p]) for p in attendees)
        event_ties = evening.new_ties[evening.new_ties["kind"] == "event"]
        met.add_edges_from((a, b, {"strength": s}) for a, b, s
                           in zip(event_ties["person"], event_ties["other"], event_ties["strength"]))
        fig, ax = plt.subplots(figsize=(10, 7))
        draw_network(met, color_by="occupation", highlight=musician, ax=ax, seed=SEED, node_size=60,
                     title="Who met whom at six networking evenings")
        handles, labels = ax.get_legend_handles_labels()  # name the star in the legend
        labels = [f"the musician, {G.nodes[musician]['name']}" if lab == "highlighted" else lab
                  for lab in labels]
        ax.legend(handles, labels, title="occupation", loc="upper left", bbox_to_anchor=(1.0, 1.0),
                  frameon=False, fontsize=9)
        plt.show()
    """)
    L.md("jazz-draw-alt", f"""
        *Picture description:* a network drawing of the {f['attendees']}
        attendees, each mark coloured and shaped by occupation (finance
        occupations such as bank adviser or accountant, UX designers and
        graphic designers), with the musician as a large black star. Lines
        are the ties made at the evenings. {f['musician_first']}
        met {f['met']} people there, {f['after']} of them in finance or
        digital trades; before the evenings, {f['before']} of
        {f['musician_first']}'s {f['ties']} ties were in those two sectors.
        The one thing to notice: the musician is now tied into two worlds
        that none of the musician's own circles reached.
    """)
    L.md("predict-md", """
        ## Predict, then see: which format builds relations?

        Now compare the three formats on the same footing: 60 people invited
        to six monthly sessions, followed for three years. At each session,
        every attendee also accepts one connection request online from
        someone outside the room: an *online-only* contact, kept alive by an
        occasional message. After three years, which format has turned the
        most new contacts into **relations** (the rule of lesson 01: two
        years, four exchanges a year, help both ways)?
    """)
    L.code("predict", """
        results = {fmt: networking_event(G, 60, format=fmt, rounds=6, seed=SEED, months=36)
                   for fmt in FORMATS}

        def per_attendee(result):
            t = result.new_ties
            event, online = t[t["kind"] == "event"], t[t["kind"] == "online"]
            n = result.params["attendees"]
            return {"contacts met at the event": len(event) / n,
                    "event contacts that became relations": event["relation"].sum() / n,
                    "online-only contacts": len(online) / n,
                    "online contacts that became relations": online["relation"].sum() / n}

        def format_answer():
            table = pd.DataFrame({fmt: per_attendee(r) for fmt, r in results.items()}).T
            ax = table.plot.bar(figsize=(9, 4.5), edgecolor="black", rot=0,
                                color=[PALETTE[4], PALETTE[2], PALETTE[1], PALETTE[5]])
            for bars, hatch in zip(ax.containers, ["", "//", "..", "xx"]):
                for bar in bars:
                    bar.set_hatch(hatch)
                ax.bar_label(bars, fmt="%.1f", fontsize=8)
            ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
            style_axes(ax, "New ties per attendee after three years", "format", "ties per attendee")
            return table["event contacts that became relations"].idxmax(), ax.figure

        prediction = Prediction("Which format turns the most new contacts into relations?",
                                 list(FORMATS), run=format_answer,
                                 explanation=("The evening makes the most contacts, but relations "
                                              "need meetings after the event. Where people meet "
                                              "again easily, more contacts become relations."))
        prediction
    """)
    L.md("predict-alt", f"""
        *Picture description:* after you run the simulation, a bar chart
        with one group of four bars per format (each bar with its own colour
        and hatch pattern): contacts met at the event, those that became
        relations, online-only contacts, and those that became relations,
        all per attendee. The evening makes {per['evening']['event']:.1f}
        contacts per attendee, the breakfast {per['breakfast']['event']:.1f}
        and the neighbourhood group {per['neighbourhood']['event']:.1f}; the
        relations per attendee are {per['evening']['relations']:.2f},
        {per['breakfast']['relations']:.2f} and
        {per['neighbourhood']['relations']:.2f}. No online-only contact
        became a relation. The one thing to notice: the format with the most
        contacts is not the one with the most relations.
    """)
    L.md("crystallise", """
        ## Why presence matters

        Economists who study cities argue that meeting face to face does
        things that messages cannot: it builds trust quickly, it lets people
        judge each other, and it carries information that is hard to write
        down (Storper and Venables 2004). In the simulation, this is an
        assumption: each meeting in person raises a tie's closeness and
        reciprocity several times more than an online message does.

        The next cell shows what follows from it, for the breakfast format:
        the average strength of the new ties, month after month.
    """)
    L.code("strength", """
        breakfast = results["breakfast"]
        ax = breakfast.plot(kind="strength")
        ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        plt.show()
    """)
    L.md("strength-alt", f"""
        *Picture description:* three lines over 36 months, with different
        colours, markers and line styles: event ties that were followed up in
        person, all event ties, and online-only ties; a dotted line marks the
        strong threshold (0.5). After three years, event ties reach an average
        strength of {br['event_strength']:.2f}, online-only ties
        {br['online_strength']:.2f}. The one thing to notice: the online-only
        line barely rises. A contact you only "add" stays a name in a list;
        value grows through meetings.
    """)
    L.md("crossing-md", """
        The same result, seen from another side: the next cell shows which
        new ties join people of different sectors, regions and generations,
        compared with the ties the attendees already had.
    """)
    L.code("crossing", """
        ax = breakfast.plot(kind="crossing")
        ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        plt.show()
    """)
    L.md("crossing-alt", f"""
        *Picture description:* three groups of bars (across sector, across
        region, across generation), each with three hatched bars: ties met at
        the breakfast, online-only ties, and the attendees' existing ties. Ties
        met at the breakfast join people of different sectors in
        {pct(cross.loc['sector', 'event'])} of cases, against
        {pct(cross.loc['sector', 'existing'])} for the attendees' existing
        ties; across regions, {pct(cross.loc['region', 'event'])} against
        {pct(cross.loc['region', 'existing'])}. The one thing to notice: the
        event reaches other worlds. Online-only contacts cross regions even
        more, but they stay weak.
    """)
    L.md("explore-md", """
        ## Explore: design your own series of events

        Choose a format, the number of monthly sessions, and how long you
        follow the new ties. Each change runs the simulation again for 60
        invited people (under a second). Look at the left panel for the
        strength of the ties over time, and at the right panel for what is
        left after the period: contacts, and relations.
    """)
    L.code("explore", """
        def show_series(fmt, sessions, months):
            result = networking_event(G, 60, format=fmt, rounds=sessions, seed=SEED,
                                      months=max(months, sessions))
            fig, (left, right) = plt.subplots(1, 2, figsize=(14, 4.5))
            result.plot(ax=left, kind="strength")
            left.set_ylim(0, 0.8)
            left.legend(frameon=False, loc="upper right", fontsize=9)
            counts = per_attendee(result)
            bars = right.barh(list(counts), list(counts.values()), edgecolor="black",
                              color=[PALETTE[4], PALETTE[2], PALETTE[1], PALETTE[5]],
                              hatch=["", "//", "..", "xx"])
            right.bar_label(bars, fmt="%.2f", padding=3)
            right.set_xlim(0, 1.2 * max(counts.values()))
            right.invert_yaxis()
            style_axes(right, f"Per attendee after {max(months, sessions)} months", "ties per attendee", None)
            fig.tight_layout()

        explorer = Explorer(
            show_series, title="Design a series of events and follow the ties it creates.",
            fmt=widgets.Dropdown(options=list(FORMATS), value="breakfast", description="format"),
            sessions=widgets.IntSlider(value=6, min=1, max=12, description="monthly sessions"),
            months=widgets.IntSlider(value=36, min=12, max=48, step=6, description="months followed"))
        explorer
    """)
    L.md("explore-alt", """
        *Picture description:* on the left, the strength of new ties month by
        month (followed-up event ties, all event ties, online-only ties) for
        the chosen format; on the right, four horizontal bars with their
        values: contacts met at the events, those that became relations,
        online-only contacts and those that became relations, per attendee.
        The one thing to notice: relations appear only after two years (the
        rule of lesson 01), and only among ties met in person; more sessions
        bring more contacts, but the format decides how many become relations.
    """)
    L.md("check", """
        ## Check your understanding
    """)
    L.code("quiz-1", """
        quiz_improbable = Quiz(
            "Why can a networking event give you ties that your own circles cannot?",
            ["It gathers people from contexts you do not share: other trades, places, generations",
             "Because people at events are more friendly",
             "Because every tie made at an event is strong"],
            answer="It gathers people from contexts you do not share: other trades, places, generations",
            explanation=("Your circles come from your contexts (Feld 1981); an event is a new "
                         "context that gathers different people."),
            hints={"Because people at events are more friendly":
                       "Friendliness is not the point: who is in the room is.",
                   "Because every tie made at an event is strong":
                       "Event ties start weak. They grow only with follow-up."},
        )
        quiz_improbable
    """)
    L.code("quiz-2", """
        quiz_follow = Quiz(
            "You met ten people at an evening and connected with all of them online. What makes "
            "some of them become relations?",
            ["Meeting them again and exchanging services over the following months",
             "Having accepted their connection requests",
             "Liking their posts"],
            answer="Meeting them again and exchanging services over the following months",
            explanation=("A relation needs time, regular exchanges and help both ways; meetings in "
                         "person build closeness and reciprocity fastest."),
            hints={"Having accepted their connection requests":
                       "That makes a contact. In the simulation, no online-only contact became a "
                       "relation.",
                   "Liking their posts": "A light online exchange keeps a contact alive but builds little trust."},
        )
        quiz_follow
    """)
    L.code("quiz-3", """
        quiz_mixer = Quiz(
            "What did Ingram and Morris (2007) observe at a business mixer?",
            ["Guests spent much of their time with people they already knew",
             "Guests talked to everyone in the room equally",
             "Guests talked only to strangers"],
            answer="Guests spent much of their time with people they already knew",
            explanation=("Without a format that mixes people (tables, rotations), guests stay with "
                         "familiar faces."),
            hints={"Guests talked to everyone in the room equally":
                       "People do not mix by themselves, even at a mixer.",
                   "Guests talked only to strangers":
                       "It was the opposite: familiar faces drew them."},
        )
        quiz_mixer
    """)
    L.md("reflection", """
        ## Reflection

        1. Which events in your area gather people outside your sector? Name
           one evening, one breakfast and one group near where you live or
           work.
        2. Think of the last person you met at an event. Did you meet again?
           What would a good reason to meet again have been?
        3. Plan your follow-up: after your next event, whom will you contact,
           within how many days, with what offer or question?

        The exercise `exercises/05-encounters-and-events/` asks you to run
        `networking_event` for several formats and to design a series of
        events that creates the most relations across sectors.
    """)
    L.md("recap", """
        ## Recap

        - Events are new contexts: they gather people whom your own circles
          would never bring you (Feld 1981), if the format mixes them
          (Ingram and Morris 2007).
        - Large evenings make many contacts; formats where people meet again
          easily turn more contacts into relations.
        - A contact made online only stays weak; value grows through meetings
          in person and exchanges over time (Storper and Venables 2004).
        - Plan the follow-up before the event: it decides what the event is
          worth.
    """)
    L.md("sources", """
        ## Sources

        - Feld, S. L. (1981). The focused organization of social ties.
          *American Journal of Sociology* 86(5), 1015-1035.
        - Ingram, P., Morris, M. W. (2007). Do people mix at mixers? Structure,
          homophily, and the "life of the party". *Administrative Science
          Quarterly* 52(4), 558-585.
        - Storper, M., Venables, A. J. (2004). Buzz: face-to-face contact and
          the urban economy. *Journal of Economic Geography* 4(4), 351-370.
    """)
    return L


# --------------------------------------------------------------------------
# Command line

BUILDERS = {"05": "lesson_05"}


def build(numbers=None):
    """The lessons as ``{path: notebook text}`` (nothing is written)."""
    out = {}
    for number, name in BUILDERS.items():
        if numbers and number not in numbers:
            continue
        builder = globals().get(name)
        if builder is None:
            continue
        lesson = builder()
        out[lesson.path] = lesson.text()
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if a notebook differs from what this "
                             "script builds")
    parser.add_argument("lessons", nargs="*", metavar="NN",
                        help="lesson numbers to build (default: 02 to 05)")
    args = parser.parse_args(argv)
    stale = []
    for path, text in build(args.lessons).items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        if args.check:
            stale.append(path.name)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(COURSE.parent)}")
    if stale:
        print(f"stale: {', '.join(stale)}: run `python course/build/lessons_02_05.py` "
              "and commit the notebooks.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
