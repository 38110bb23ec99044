"""Build lesson 11 (the capstone: audit your own network), stored without outputs.

Run from the project root::

    .venv/bin/python course/build/lesson_11.py

The lesson runs on the shipped fictional sample unless the learner changes
the path in its parameters cell (tagged ``parameters``). Its picture
descriptions quote what the pictures show *for the sample*: they are the
very texts :meth:`weakties.audit.AuditReport.describe` writes, computed here
at build time by the same calls the lesson makes; with their own data,
learners read the description of their pictures printed under each one.
``tests/audit/test_lesson_11.py`` rebuilds the notebook in memory and fails
if the committed one differs.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from textwrap import dedent

import nbformat

ROOT = Path(__file__).resolve().parents[2]
LESSON = ROOT / "course" / "11-capstone-audit.ipynb"
SEED = 7


def md(cid, text):
    cell = nbformat.v4.new_markdown_cell(dedent(text).strip("\n"))
    cell.id = cid
    return cell


def code(cid, text, tags=None):
    cell = nbformat.v4.new_code_cell(dedent(text).strip("\n"))
    cell.id = cid
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def notebook(cells):
    nb = nbformat.v4.new_notebook()
    nb.nbformat, nb.nbformat_minor = 4, 5
    nb.metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)",
                       "language": "python"},
        "language_info": {"name": "python"},
    }
    nb.cells = cells
    ids = [c.id for c in cells]
    assert len(ids) == len(set(ids)), "duplicated cell ids"
    nbformat.validate(nb)
    return nb


def facts():
    """What the sample shows, computed with the lesson's own calls (private config folder)."""
    old = os.environ.get("WEAKTIES_CONFIG_DIR")
    os.environ["WEAKTIES_CONFIG_DIR"] = tempfile.mkdtemp()
    try:
        from weakties import audit
        from weakties.scenarios import networking_event

        import weakties

        contacts = audit.read_network("sample")
        first = audit.report(contacts, goal="job_search")
        annotated = audit.with_annotations(contacts)
        rep = audit.report(annotated, goal="job_search", targets={"sectors": []})
        m = rep.measures.set_index("measure")
        G = weakties.population(2000, seed=SEED)
        events = {}
        for fmt in ("evening", "breakfast", "neighbourhood"):
            r = networking_event(G, 60, format=fmt, rounds=6, seed=SEED, months=24)
            t = r.new_ties[r.new_ties["kind"] == "event"]
            events[fmt] = (len(t) / 60, float(t["crosses_sector"].mean()),
                           float(t["relation"].sum() / 60))
        return {
            "n": len(contacts),
            "sectors_text": first.describe("sectors"),
            "sector_verdict": first.measures.set_index("measure").loc[
                "sector_diversity", "verdict"],
            "ties_text": rep.describe("ties"),
            "measures_text": rep.describe("measures"),
            "annotated": int(annotated["strength"].notna().sum()),
            "alter_ego": m.loc["alter_ego_share", "you"],
            "alter_ego_ref": m.loc["alter_ego_share", "reference_median"],
            "me": rep.me,
            "missing": list(rep.missing["world"]),
            "events": events,
        }
    finally:
        if old is None:
            del os.environ["WEAKTIES_CONFIG_DIR"]
        else:
            os.environ["WEAKTIES_CONFIG_DIR"] = old


def pct(x):
    return f"{x:.0%}"


def lesson(f=None):
    f = f or facts()
    ev = f["events"]
    cells = [
        md("l11-title", """
            # Lesson 11: Audit your own network

            This capstone applies the whole course to *your* network: you read
            your LinkedIn contacts (or a list you write yourself), say how well
            you know each person, measure your network against a simulated
            population, and leave with an action plan for your goal.

            **Duration:** about 90 minutes (30 of them annotating your contacts).

            **Learning objectives.** By the end of this lesson you can:

            - Import your contacts without exposing anyone's name, email or profile.
            - Annotate your contacts: how well you know them, how you met.
            - Measure the composition, the balance of strong and weak ties, the
              diversity and the alter-ego share of your network against a reference.
            - Choose the worlds your goal needs and the contacts and events that
              can bridge to them.
            - Write an action plan you can follow in the next three months.

            **Prerequisites:** lessons 01 to 05, and the lesson of your goal
            (07 job search, 08 prospecting, 09 e-reputation, 10 creating a company).
            """),
        md("l11-privacy", """
            ## Your data stays with you

            Your contacts did not ask to be part of a course. This lesson is built
            so that their personal data never leaves your computer, and never
            appears in a notebook, a report or a submission:

            - As soon as the file is read, each person's name, email and profile
              address are replaced by a **pseudonym** such as `C-3f9a1c2b`. The
              pseudonym is computed with a secret key that is created on your
              computer, in your own settings folder, the first time you read a
              file. Without that key, nobody can find a name from a pseudonym.
            - The same person always gets the same pseudonym on your computer, so
              your annotations still match when you download a newer export.
            - Your annotations are saved next to your export, keyed by pseudonym
              only. Keep your export in a folder of yours, never in the course
              folder.
            - Graded exercises never use your real contacts: the exercise of this
              lesson asks for your action plan, written in your own words.

            To get your LinkedIn export: on LinkedIn, open *Settings*, then *Data
            privacy*, then *Get a copy of your data*; choose *Connections*. You
            receive an email with a zip archive. Extract the file
            `Connections.csv` from it. If you do not use LinkedIn, copy the
            contact-sheet template (`weakties.audit.CONTACTS_TEMPLATE`, or the
            Excel version `CONTACTS_TEMPLATE_XLSX`) into a folder of yours and
            list the people who matter to you, one per row.
            """),
        md("l11-params-md", """
            ## Choose your data and your goal

            The next cell is the only one you need to change. Leave `EXPORT` as
            `"sample"` to work on the fictional network of Camille, a marketing
            professional in Paris (about 300 contacts, none of them real). To
            audit your own network, replace `"sample"` by the path of your
            `Connections.csv` or of your contact sheet, between quotes. On
            Windows, put an `r` before the quotes: `r"C:\\Users\\you\\Downloads\\Connections.csv"`.

            `GOAL` is one of `"job_search"`, `"prospecting"`, `"e_reputation"` or
            `"company_creation"`. `TARGET_SECTORS` lists the sectors your goal
            aims at (the sector of the job you want, the sectors of your
            prospects), for example `["Health"]`; leave it empty to let the audit
            choose from your goal.
            """),
        code("l11-params", """
            # Parameters: change EXPORT to the path of your own file (between quotes).
            EXPORT = "sample"
            GOAL = "job_search"
            TARGET_SECTORS = []
            """, tags=["parameters"]),
        md("l11-setup-md", """
            ## Setup

            Run this cell: it loads the tools of the course and builds the
            fictional population of 2,000 professionals of the earlier lessons,
            always the same one (the *seed* fixes the chance draws). The audit
            compares your network with a population like it.
            """),
        code("l11-setup", """
            import weakties
            from weakties import audit
            from weakties.widgets import Explorer, Prediction, Quiz
            from weakties.scenarios import networking_event
            import ipywidgets as widgets
            import matplotlib.pyplot as plt
            import pandas as pd

            SEED = 7
            G = weakties.population(2000, seed=SEED)
            """),
        md("l11-read-md", """
            ## Read your contacts

            The next cell reads the file named in `EXPORT` and shows its first
            rows. Look at the columns: there is no name, no email and no profile
            address, only the pseudonym, the company, the job title and the date
            you connected. The audit adds a **sector**, guessed from the company
            and the title (a small table of French and English keywords:
            "banque", "logiciel", "hôpital"...; "unknown" when the words are not
            clear), and a **seniority** read from the title.
            """),
        code("l11-read", """
            contacts = audit.read_network(EXPORT)
            print(len(contacts), "contacts;", (contacts["sector"] == "unknown").sum(), "with an unknown sector")
            contacts[["contact", "company", "position", "connected_on", "sector", "seniority"]].head(8)
            """),
        md("l11-predict-md", """
            ## Predict, then see: how varied is your network?

            Lesson 03 showed that most networks are *alter-ego networks*: people
            of the same sector, region and generation as you. The audit compares
            your contacts with the people of a simulated population whose
            members have about as many ties as you have contacts.

            Before you see the numbers: is the **variety of sectors** among your
            contacts (Blau's index, lesson 03) lower than, about the same as, or
            higher than that of a typical person in the population?
            """),
        code("l11-predict", """
            def sector_answer():
                first = audit.report(contacts, goal=GOAL)
                verdict = first.measures.set_index("measure").loc["sector_diversity", "verdict"]
                answer = {"below the reference": "lower", "above the reference": "higher"}.get(
                    verdict, "about the same")
                return answer, first.picture("sectors")

            prediction = Prediction(
                "Compared with a typical person of the population, the variety of sectors "
                "among your contacts is...", ["lower", "about the same", "higher"],
                run=sector_answer,
                explanation=("Most people meet others through their school, their employer and "
                             "their district: contexts that gather people of the same sector "
                             "(Feld 1981; McPherson, Smith-Lovin and Cook 2001)."))
            prediction
            """),
        md("l11-predict-alt", f"""
            *Picture description:* (shown after you run the simulation) {f["sectors_text"]}
            These are the sample's numbers, for which the answer is
            "{ {"below the reference": "lower", "above the reference": "higher"}.get(
                f["sector_verdict"], "about the same")}"; with your own file, the
            description of your picture is written under it. The one thing to
            notice: the sectors where your solid bar is far shorter than the
            hatched one are worlds you hardly reach.
            """),
        md("l11-annotate-md", """
            ## Annotate: how well do you know them?

            The export knows who your contacts are, not what they are *to you*.
            In the widget below, set for each contact:

            - **How well** you know them, on a four-step scale built on
              Granovetter's definition of tie strength (time, emotional
              intensity, intimacy, services given both ways; Granovetter 1973):
              1 *barely* (met once or twice; they might not remember you),
              2 *acquaintance* (occasional exchanges; you could write to them),
              3 *good contact* (regular exchanges; you have helped each other),
              4 *close* (you trust them and confide in them; you talk often).
              Steps 1 and 2 are weak ties, steps 3 and 4 strong ties.
            - **How met**: family, friend, colleague, former colleague, school,
              client, supplier, neighbour, event or online only.
            - The **sector** when the guess is wrong, and the **region** and
              **generation** when you know them.

            To go fast, type a company or a job title in *Filter* (for example
            your employer), then use the line *Set for every contact shown* to
            tag them all at once, for example "how met: colleague". Every change
            is saved at once; you can stop and come back later. Camille has
            already annotated {annotated} of the sample's {n} contacts.
            """.replace("{annotated}", str(f["annotated"])).replace("{n}", str(f["n"]))),
        code("l11-annotate", """
            annotator = audit.annotate(contacts)
            annotator
            """),
        md("l11-ties-md", """
            ## Strong and weak ties

            The next cell runs the audit on your annotated contacts for your
            goal, then draws the balance of strong and weak ties and how you met
            the people you annotated. Run it again after annotating more.
            """),
        code("l11-ties", """
            rep = audit.report(annotator, goal=GOAL, targets={"sectors": TARGET_SECTORS})
            rep.picture("ties")
            """),
        md("l11-ties-alt", f"""
            *Picture description:* {f["ties_text"]} Weak and strong bars differ by
            colour and by pattern (plain for weak, crossed for strong). These are
            the sample's numbers; with your own file, the description of your
            picture is written under it. The one thing to notice: a platform network is
            mostly weak ties, and weak ties are the ones that carry new
            information from other worlds (Granovetter 1973); a strong tie is
            also emotionally loaded, which makes it a poor channel for a job
            request.
            """),
        md("l11-measures-md", f"""
            ## Compared with the reference

            The table gives each measure for you and for the reference: the
            middle value of the simulated people (median) and your verdict.

            - **Diversity** (Blau's index): the chance that two of your contacts
              drawn at random differ, by sector, region, generation or company.
            - **Alter-ego share**: the share of your contacts who resemble you,
              with the rule of lesson 03 (at least two of sector, region,
              generation and school in common; "school" means you met at school).
              The audit infers your own profile from your annotations (your
              colleagues' sector and region, your classmates' generation); for
              Camille: {f["me"].get("sector")}, {f["me"].get("region")}, {f["me"].get("generation")}.
            - **Concentration**: the share of your contacts who work in your five
              most common companies. A network held by a few employers breaks
              when you change jobs.
            """),
        code("l11-measures", """
            display(rep.measures[["label", "you", "reference_median", "verdict"]].round(2))
            rep.picture("measures")
            """),
        md("l11-measures-alt", f"""
            *Picture description:* {f["measures_text"]} These are the sample's
            numbers; yours are written under your picture. The one thing to notice: in the
            sample, {pct(f["alter_ego"])} of the contacts the rule can decide are
            look-alikes, against {pct(f["alter_ego_ref"])} for a typical person of
            the population: the alter-ego network of lesson 03. These are numbers
            from *this simulated population*, not facts about France.
            """),
        md("l11-worlds-md", """
            ## The worlds you miss, and who can open them

            Your goal needs some worlds: the sector of the job you want, your
            clients' sectors, the bank, accountant and lawyer of a new company.
            The audit lists them, with the worlds the population holds and your
            network hardly reaches. For each, it proposes up to three contacts
            who could *bridge* to it (lesson 04): people who work in that world,
            or whose sector works with it. For a job search it prefers
            acquaintances: in a randomised study of 20 million LinkedIn members,
            moderately weak ties helped most to change jobs (Rajkumar et al.
            2022). For introductions to clients it prefers contacts you trust.
            """),
        code("l11-worlds", """
            display(rep.worlds[["dimension", "world", "your_contacts", "needed", "missing", "why"]])
            rep.bridges[["world", "contact", "position", "company", "tie", "why"]]
            """),
        md("l11-events-md", f"""
            ## Which events to attend

            Lesson 05 simulated three formats. Run again for 60 people and six
            monthly sessions, followed for two years, in this population: an
            evening made {ev["evening"][0]:.1f} contacts per attendee
            ({pct(ev["evening"][1])} of them across sectors) and
            {ev["evening"][2]:.2f} relations; a breakfast {ev["breakfast"][0]:.1f}
            contacts and {ev["breakfast"][2]:.2f} relations; a neighbourhood group
            {ev["neighbourhood"][0]:.1f} contacts and {ev["neighbourhood"][2]:.2f}
            relations. The audit chooses formats from your gaps: evenings to
            reach missing sectors, breakfasts to turn contacts into relations and
            to earn introductions, neighbourhood groups for local partners and
            clients. The next cell runs the same simulation and shows the table.
            """),
        code("l11-events", """
            def per_attendee(fmt):
                t = networking_event(G, 60, format=fmt, rounds=6, seed=SEED, months=24).new_ties
                met = t[t["kind"] == "event"]
                return {"contacts per attendee": len(met) / 60,
                        "share across sectors": met["crosses_sector"].mean(),
                        "relations per attendee": met["relation"].sum() / 60}

            display(pd.DataFrame({fmt: per_attendee(fmt) for fmt in ("evening", "breakfast", "neighbourhood")}).T.round(2))
            rep.events[["title", "why", "how_often"]]
            """),
        md("l11-explore-md", """
            ## Explore: the plan for each goal

            Change the goal and the target sector: the audit writes the plan
            again (the measures stay the same; the worlds, the contacts to ask
            and the events change). Compare what a job search and the creation
            of a company would ask of the same network.
            """),
        code("l11-explore", """
            def show_plan(goal, target):
                return audit.report(annotator, goal=goal, targets={"sectors": [target] if target else []}).plan()

            explorer = Explorer(
                show_plan, title="Choose a goal and a target sector; read the plan.",
                goal=widgets.Dropdown(options=[(g.label, k) for k, g in audit.GOALS.items()],
                                      value=GOAL, description="goal"),
                target=widgets.Dropdown(options=[("(chosen by the audit)", "")] + [(s, s) for s in audit.SECTORS],
                                        value="", description="target sector"))
            explorer
            """),
        md("l11-report-md", """
            ## Your report

            The next cell shows the whole report, with its pictures, and saves it
            as one HTML file that you can open in a browser or print: next to
            your export (for the sample, in your settings folder). It holds
            pseudonyms, companies and job titles, never a name. Keep it with your
            private files; do not hand it in.
            """),
        code("l11-report", """
            saved = rep.save()
            print("The report is saved as", saved.name, "in", saved.parent)
            rep
            """),
        md("l11-check", """
            ## Check your understanding
            """),
        code("l11-quiz-1", """
            quiz_pseudonym = Quiz(
                "Your report shows the contact C-3f9a1c2b. What can someone who reads the report, "
                "but does not have your computer, learn about who this person is?",
                ["Their company and job title, but not their name",
                 "Their name, by searching the pseudonym on LinkedIn",
                 "Their email address"],
                answer="Their company and job title, but not their name",
                explanation=("The pseudonym is computed with a secret key kept in your own "
                             "settings folder; names, emails and profile addresses are dropped "
                             "when the file is read."),
                hints={"Their name, by searching the pseudonym on LinkedIn":
                           "The pseudonym exists only on your computer; LinkedIn does not know it.",
                       "Their email address": "Emails are dropped as soon as the file is read."})
            quiz_pseudonym
            """),
        code("l11-quiz-2", """
            quiz_ask = Quiz(
                "You look for a job in a sector where you know few people. Whom should you ask first?",
                ["An acquaintance who works in that sector",
                 "Your closest friend, who works in your own sector",
                 "Everyone in your network, with the same message"],
                answer="An acquaintance who works in that sector",
                explanation=("Weak ties reach other worlds (Granovetter 1973); moderately weak "
                             "ties helped most in a randomised study (Rajkumar et al. 2022). A "
                             "precise request to a chosen contact works better than a mass message."),
                hints={"Your closest friend, who works in your own sector":
                           "A close friend knows what you know, and the request can strain the friendship.",
                       "Everyone in your network, with the same message":
                           "Choose the contacts per project, and make a precise request."})
            quiz_ask
            """),
        code("l11-quiz-3", """
            quiz_alter = Quiz(
                "Your alter-ego share is far above the reference. What does it mean?",
                ["Most of your contacts share your sector, region, generation or school",
                 "Most of your contacts are strong ties",
                 "Your network is larger than most"],
                answer="Most of your contacts share your sector, region, generation or school",
                explanation=("A high alter-ego share is the comfortable network of look-alikes "
                             "of lesson 03: it brings little that you do not already know."),
                hints={"Most of your contacts are strong ties":
                           "Strength and resemblance are different things: look-alikes can be weak ties.",
                       "Your network is larger than most":
                           "The share does not depend on size: it is a proportion."})
            quiz_alter
            """),
        md("l11-reflection", """
            ## Reflection

            1. Which world that your goal needs is the hardest for you to reach?
               Which of the contacts the audit proposes would you really ask, and
               with what precise request?
            2. Which measure surprised you most, compared with what you thought of
               your network before the lesson?
            3. Which events will you attend in the next three months, and how will
               you follow up the people you meet there?

            The exercise `exercises/11-capstone-audit/` practises the same audit
            on a simulated network of your own (graded work never uses a real
            export) and asks for its diagnosis and action plan: the goal, the
            worlds missing, the contacts to ask (by role, never by name), the
            events to attend and the follow-up. It is graded by hand with a
            rubric. The plan you write for your real network in this lesson
            stays with you.
            """),
        md("l11-recap", """
            ## Recap

            - An export counts contacts; only you can say which are relations, and
              how you met them. Annotating is the heart of the audit.
            - Names, emails and profiles are replaced by pseudonyms on your
              computer, with a secret key that never leaves it.
            - Compare your network with a reference: diversity, balance of strong
              and weak ties, alter-ego share, concentration in a few companies.
            - Plan per goal: the worlds it needs, the contacts who can bridge to
              them (moderately weak ties for a job), and the events that build
              new relations (evenings, breakfasts, neighbourhood groups).
            - Follow up: a tie met in person and followed up becomes a relation.
            """),
        md("l11-sources", """
            ## Sources

            - Blau, P. M. (1977). *Inequality and Heterogeneity*. Free Press.
            - Burt, R. S. (2004). Structural holes and good ideas. *American
              Journal of Sociology* 110(2), 349-399.
            - Feld, S. L. (1981). The focused organization of social ties.
              *American Journal of Sociology* 86(5), 1015-1035.
            - Granovetter, M. S. (1973). The strength of weak ties. *American
              Journal of Sociology* 78(6), 1360-1380.
            - Krawczyk, H., Bellare, M., Canetti, R. (1997). HMAC: Keyed-hashing for
              message authentication. RFC 2104 (the pseudonyms).
            - McPherson, M., Smith-Lovin, L., Cook, J. M. (2001). Birds of a
              feather: homophily in social networks. *Annual Review of Sociology*
              27, 415-444.
            - Rajkumar, K., Saint-Jacques, G., Bojinov, I., Brynjolfsson, E., Aral,
              S. (2022). A causal test of the strength of weak ties. *Science* 377,
              1304-1310.
            """),
    ]
    return notebook(cells)


def main(argv):
    nb = lesson()
    nbformat.write(nb, LESSON)
    print(f"wrote {LESSON.relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
