"""Build lessons 06 to 10 of the course: notebooks stored without outputs, the old way.

These lessons are not converted yet to MyST sources (``course/sources/``,
see ``course/LESSON-GUIDE.md``); until they are, the one build command
``.venv/bin/python -m course.build`` runs this script for them, and
``--check`` compares its output with the stored notebooks. Converting a
lesson removes its code from here; when none is left, this file goes.

Each lesson is a list of cells written here as source strings, with stable
cell ids (``l07-setup``, ...), nbformat 4.5 and the ``python3`` kernel.

The picture descriptions ("*Picture description:*" cells) must say what the
picture shows *for this population and seed*. So the numbers they quote are
computed here, at build time, by the same library calls the lesson makes
(``facts_NN`` functions). The qualitative claims of their text are checked
by ``tests/course/test_claims_not_converted.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from textwrap import dedent

import nbformat

COURSE = Path(__file__).resolve().parents[1]
SEED = 7
N = 2000
#: The person who plays "you" in lessons 06 to 10.
YOU = 126

LESSONS = {
    "06": "06-engagement-and-reputation",
    "07": "07-job-search",
    "08": "08-prospecting",
}


# ---------------------------------------------------------------------------
# Notebook helpers

def md(cid, text):
    """A markdown cell with a stable id."""
    cell = nbformat.v4.new_markdown_cell(dedent(text).strip("\n"))
    cell.id = cid
    return cell


def code(cid, text):
    """A code cell with a stable id and no outputs."""
    cell = nbformat.v4.new_code_cell(dedent(text).strip("\n"))
    cell.id = cid
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
    duplicated = sorted({i for i in ids if ids.count(i) > 1})
    if duplicated:
        raise ValueError(f"duplicated cell ids: {duplicated}")
    nbformat.validate(nb)
    return nb


_POPULATION = None


def population():
    """The lessons' population, built once per run of this script."""
    global _POPULATION
    if _POPULATION is None:
        import weakties
        _POPULATION = weakties.population(N, seed=SEED)
    return _POPULATION


def pct(x):
    return f"{x:.0%}"


def person_facts():
    """Who "you" are in lessons 06 to 10, and how typical that person is."""
    import statistics

    G = population()

    def strong(v):
        return sum(1 for w in G[v] if G[v][w]["strength"] >= 0.5)

    return {
        "name": G.nodes[YOU]["name"], "occupation": G.nodes[YOU]["occupation"],
        "sector": G.nodes[YOU]["sector"], "degree": G.degree(YOU), "strong": strong(YOU),
        "median_degree": statistics.median(d for _, d in G.degree()),
        "median_strong": statistics.median(strong(v) for v in G),
    }


# ---------------------------------------------------------------------------
# Lesson 06: engagement and reputation

def facts_06():
    import networkx as nx
    import weakties
    from weakties.plotting import describe_ego
    from weakties.scenarios import reputation
    from weakties.scenarios.reputation import class_of

    G = population()
    classes = {v: str(class_of(sum(G.nodes[v]["reliability"].values()) / 3)) for v in G}
    counts = {c: sum(1 for x in classes.values() if x == c)
              for c in ("unreliable", "average", "reliable")}
    ego = nx.ego_graph(G, YOU)
    nx.set_node_attributes(ego, classes, "reliability class")
    layers = weakties.ties.layers(G, YOU)
    mean_rel = {v: sum(G.nodes[v]["reliability"].values()) / 3 for v in G}
    ends = {"strong": [], "weak": []}
    for u, v, d in G.edges(data=True):
        ends["strong" if d["strength"] >= 0.5 else "weak"] += [mean_rel[u], mean_rel[v]]
    nobody = reputation(G, ask_share=0.0, seed=SEED)
    everyone = reputation(G, ask_share=1.0, seed=SEED)
    t0 = nobody.trend().set_index("class")
    t1 = everyone.trend().set_index("class")
    kept = everyone.projects.groupby("partner_class")["kept"].apply(lambda k: (k == 3).mean())
    s = everyone.spread
    explore = {d: reputation(G, ask_share=1.0, depth=d, seed=SEED, periods=12)
               .trend().set_index("class") for d in (1, 3)}
    mine = dict(G.nodes[YOU]["reliability"])
    return {
        "mine": mine, "mine_in_five": round(5 * sum(mine.values()) / 3),
        "counts": counts,
        "ego": describe_ego(ego, YOU, color_by="reliability class"),
        "ego_unreliable": sum(1 for v in G[YOU] if classes[v] == "unreliable"),
        "inner": [v for k in (1, 2, 3) for v in layers[k]],
        "rel_strong": sum(ends["strong"]) / len(ends["strong"]),
        "rel_weak": sum(ends["weak"]) / len(ends["weak"]),
        "inner_classes": {c: sum(1 for k in (1, 2, 3) for v in layers[k] if classes[v] == c)
                          for c in ("reliable", "average", "unreliable")},
        "degree": G.degree(YOU),
        "name": G.nodes[YOU]["name"],
        "occupation": G.nodes[YOU]["occupation"],
        "sector": G.nodes[YOU]["sector"],
        "t0": t0, "t1": t1, "kept": kept,
        "warned_first": s["warned"].iloc[0], "warned_last": s["warned"].iloc[-1],
        "bad_last": int(s["people_with_bad_experience"].iloc[-1]),
        "d1": explore[1], "d3": explore[3],
    }


def lesson_06():
    f = {**person_facts(), **facts_06()}
    t0, t1, d1, d3 = f["t0"], f["t1"], f["d1"], f["d3"]
    ic = f["inner_classes"]
    c = f["counts"]
    return notebook([
        md("l06-title", f"""
            # Lesson 06: Engagement and reputation

            When you work with partners, you make commitments; this lesson shows how
            keeping or breaking them becomes known through the network, and how that
            decides who wins the next project.

            **Duration:** about 45 minutes.

            **Learning objectives.** By the end of this lesson you can:

            - Explain the three commitments of the engagement triangle and what
              breaking one of them does to a partner.
            - List what to ask your network before you commit to a prospect, a
              supplier, a banker or a candidate, and whom to ask.
            - Measure, in a simulation, how the share of clients who ask their
              network changes who wins the business.
            - Explain *augmented transparency*: why, when people ask their network,
              reliable partners gain business and unreliable ones lose it.

            **Prerequisites:** lesson 01 (your network as a graph) and lesson 02
            (strong and weak ties).
            """),
        md("l06-setup-md", f"""
            ## Setup

            Run this cell first: it builds a fictional population of 2,000
            professionals in France, always the same one (the *seed* fixes the
            chance draws), and loads the tools of the course. It takes a few
            seconds.

            The first lessons followed Lucie Mahe. Lessons 06 to 10 follow another
            person of the same population: {f['name']} (person {YOU}), a
            {f['occupation']} in the {f['sector']} sector. She has {f['degree']}
            contacts, {f['strong']} of them strong ties, close to the median
            person here ({f['median_degree']:.0f} contacts,
            {f['median_strong']:.0f} strong ties). In the drawings she is the black
            star labelled "you": put yourself in her place.
            """),
        code("l06-setup", f"""
            import matplotlib.pyplot as plt
            import networkx as nx
            import pandas as pd
            import ipywidgets as widgets
            import weakties
            from weakties.widgets import Explorer, Prediction, Quiz
            from weakties.plotting import draw_ego
            from weakties.scenarios import reputation
            from weakties.scenarios.reputation import class_of

            SEED = {SEED}
            G = weakties.population({N}, seed=SEED)
            YOU = {YOU}
            """),
        md("l06-triangle", """
            ## The engagement triangle

            When you work with partners (a freelancer who builds part of your
            product, a company that subcontracts work to you, an associate who
            brings you a client), the work rests on three commitments. This course
            calls them the **engagement triangle**:

            1. **Respect the client relation.** The client belongs to the partner
               who brought them. You do not go around your partner to sell to their
               client directly.
            2. **Respect deadlines.** Your part of the work arrives on the day you
               promised.
            3. **Respect the payment of invoices.** You pay your partners on time,
               as agreed.

            Economic exchanges are embedded in personal relations: people prefer
            to deal with those whose past behaviour they know, directly or through
            someone they trust (Granovetter 1985). Kept commitments are what that
            trust is made of.
            """),
        md("l06-breaking", """
            ## What breaking a commitment does

            In a product built together, each partner depends on the others.

            - **A missed deadline** delays the whole delivery, and the client blames
              every partner, not only the late one.
            - **A client taken away** makes the partner who brought them lose the
              client *and* the time they invested to win them.
            - **A late payment** forces the partner to pay their own staff and
              suppliers without the money they are owed. Their cash suffers, and
              for a small company this alone can be fatal.

            The person who suffered a broken commitment remembers it, and talks
            about it when someone asks. The rest of this lesson follows what
            happens next.
            """),
        md("l06-reliability-md", """
            ## Reliability in the simulated population

            Every person in the simulated population has a *reliability* on each of
            the three commitments: the chance that they keep it on a project
            (1 means always). This cell shows yours.
            """),
        code("l06-reliability", """
            G.nodes[YOU]["reliability"]
            """),
        md("l06-reliability-after", f"""
            You keep each commitment with a chance between {min(f['mine'].values()):.2f}
            and {max(f['mine'].values()):.2f}: about {f['mine_in_five']} times in five.
            Reliability is a property of each simulated person; it does not change
            during the simulation.
            """),
        md("l06-classes-md", """
            The course sorts people into three classes by their mean reliability on
            the three commitments: **unreliable** (below 0.6), **average**, and
            **reliable** (0.85 or more). This cell counts the people in each class.
            """),
        code("l06-classes", """
            classes = {v: str(class_of(sum(G.nodes[v]["reliability"].values()) / 3)) for v in G}
            pd.Series(classes).value_counts()
            """),
        md("l06-classes-after", f"""
            In this simulated population, {c['unreliable']:,} people are unreliable,
            {c['average']:,} are average and {c['reliable']:,} are reliable.
            These classes are a choice of this course, not categories from the
            literature.
            """),
        md("l06-ego-md", """
            ## Your contacts, as only experience can show them

            The next picture draws your network with each contact coloured *and*
            shaped by their reliability class. Strong ties are in the inner rings,
            with thicker lines.
            """),
        code("l06-ego", """
            ego = nx.ego_graph(G, YOU)   # a copy: you and your contacts
            nx.set_node_attributes(ego, classes, "reliability class")
            draw_ego(ego, YOU, color_by="reliability class",
                     title="Your contacts by reliability class")
            plt.show()
            """),
        md("l06-ego-alt", f"""
            *Picture description:* {f['ego']} Among your {len(f['inner'])}
            closest contacts (the three inner rings), {ic['reliable']} are
            reliable, {ic['average']} average and {ic['unreliable']} unreliable.
            The one thing to notice: closeness tells you nothing about
            reliability. Over the whole population, the people at the two ends
            of a strong tie have a mean reliability of {f['rel_strong']:.2f},
            and those at the two ends of a weak tie {f['rel_weak']:.2f}.

            In real life you do not see these colours. You learn them by working
            with someone, or by asking people who have.
            """),
        md("l06-asking", """
            ## Asking your network before you commit

            Before they sign, more and more companies ask their network:

            - about a **prospect**: is this company solvent? Does it pay its
              suppliers on time?
            - about a **supplier**: does it deliver on time and as promised?
            - about a **banker**: is this bank solid? Does this adviser keep their
              word?
            - about a **candidate**: does this person really have the skills on
              their profile?

            A useful answer comes from someone who has *worked with* them. That
            person is rarely one of your close friends, who live in the same world
            as you. More often it is a weak tie, or a contact of a contact: the
            question must travel beyond your inner circle.
            """),
        md("l06-model", """
            ## The simulation

            `reputation` simulates two years (24 months) of projects in the
            population:

            - each month, about one person in five starts a project and considers
              four possible partners, drawn from the whole population;
            - a share of clients (`ask_share`) **ask their network first**: everyone
              within two steps (contacts, and contacts of contacts) who has worked
              with a candidate reports their last experience, and candidates with a
              bad report are avoided;
            - the other clients rely only on their own experience: they avoid a
              partner who failed them before, and choose at random among the
              others;
            - the chosen partner keeps each commitment with the chance given by
              their reliability, and the client remembers how it went.

            The result compares each class's share of the projects with its share
            of the population: **1 is a fair share**, 2 is twice a fair share.
            This cell runs the simulation twice, once where nobody asks and once
            where every client asks. It takes a few seconds and shows nothing yet.
            """),
        code("l06-run", """
            nobody_asks = reputation(G, ask_share=0.0, seed=SEED)
            everyone_asks = reputation(G, ask_share=1.0, seed=SEED)
            """),
        md("l06-predict-md", """
            ## Predict, then see

            Choose your prediction, then press the button. The answer comes from
            the simulation in which every client asks their network.
            """),
        code("l06-predict", """
            def unreliable_business():
                t = everyone_asks.trend().set_index("class")
                start, end = t.loc["unreliable", "start"], t.loc["unreliable", "end"]
                if end >= 0.8:
                    answer = "It stays close to a fair share"
                elif end >= 0.2:
                    answer = "It falls, but they still win some projects"
                else:
                    answer = "It falls to almost nothing"
                return answer, (f"Unreliable partners won {start:.2f} of a fair share of "
                                f"projects in the first three months and {end:.2f} in the "
                                "last six months.")

            Prediction(
                "Every client asks their network before committing. After two years, "
                "what happens to the business of unreliable partners?",
                ["It stays close to a fair share",
                 "It falls, but they still win some projects",
                 "It falls to almost nothing"],
                run=unreliable_business,
                explanation="Each bad experience becomes a warning that the client's contacts "
                            "and their contacts can hear. Warnings accumulate month after "
                            "month. A partner nobody has worked with yet still gets the "
                            "benefit of the doubt, so unreliable partners keep winning some "
                            "projects from clients who hear nothing about them.")
            """),
        md("l06-control-md", """
            ## With and without asking

            To know what asking changes, compare with a population where nobody
            asks: the same people, the same projects, only `ask_share` differs.
            This cell draws the two simulations side by side.
            """),
        code("l06-control", """
            fig, axes = plt.subplots(1, 2, figsize=(13, 4.5), sharey=True)
            nobody_asks.plot(ax=axes[0])
            everyone_asks.plot(ax=axes[1])
            plt.show()
            """),
        md("l06-control-alt", f"""
            *Picture description:* two line charts side by side. The horizontal axis
            is the period (one month, 1 to 24); the vertical axis is each class's business
            divided by its fair share, with a dotted line at 1. Each class has its
            own colour, marker and line style. On the left, where nobody asks,
            the three lines stay close to 1 (unreliable partners:
            {t0.loc['unreliable', 'end']:.2f} of a fair share at the end). On the
            right, where every client asks, the lines separate month after month:
            at the end, unreliable partners win {t1.loc['unreliable', 'end']:.2f}
            of a fair share and reliable partners {t1.loc['reliable', 'end']:.2f}.
            The one thing to notice: the only difference between the two charts is
            whether clients ask their network.

            Without asking, each client learns only from their own bad
            experiences, and there are too many partners for that to matter. In
            this simulated population, reliable partners kept all three
            commitments on {pct(f['kept']['reliable'])} of their projects,
            unreliable ones on only {pct(f['kept']['unreliable'])}.
            """),
        md("l06-transparency", """
            ## Augmented transparency

            When many people ask their network, a person's reliability stops being
            private. It becomes visible to people who have never worked with them:
            the network *augments* transparency. This cell draws how the warnings
            spread in the simulation where every client asks.
            """),
        code("l06-spread", """
            everyone_asks.plot(kind="spread")
            plt.show()
            """),
        md("l06-spread-alt", f"""
            *Picture description:* a line chart over the 24 months, with two lines
            in percent. The first (circles, solid line) is the share of questions
            about unreliable candidates that found a warning: it rises from
            {pct(f['warned_first'])} in the first month to {pct(f['warned_last'])}
            in the last. The second (squares, dashed line) is the share of
            unreliable candidates who were passed over; it starts near 75% because
            a client who considers four candidates and picks one passes over three
            in four even by chance, and it rises above that. The one thing to
            notice: warnings keep growing, because every project adds experience
            that others can ask about. By the end, {f['bad_last']:,} of the 2,000
            people have had a partner break a commitment.

            For you, this works in both directions. Your own reliability travels
            through the network too, and reaches people you have never met. Keeping
            the three commitments is the most effective way to build a reputation;
            when you cannot keep one (a delay you did not expect), say so early to
            the people concerned.
            """),
        md("l06-explore-md", """
            ## Explore: how many ask, and how far the question travels

            Move the controls. `ask share` is the share of clients who ask their
            network. `depth` is how far a question travels: only your own
            contacts, contacts of contacts, or three steps (contacts of contacts
            of contacts). `view` switches between
            the business of each class and the spread of warnings. To keep the
            redraw quick, this explorer simulates 12 months; results already seen
            are kept, so moving back is immediate.
            """),
        code("l06-explore", """
            from functools import lru_cache

            @lru_cache(maxsize=None)
            def simulate(ask_share, depth):
                return reputation(G, ask_share=ask_share, depth=depth, periods=12, seed=SEED)

            def show(ask_share, depth, view):
                simulate(ask_share, depth).plot(kind=view)

            Explorer(show, title="Who wins the projects when clients ask their network?",
                     ask_share=widgets.FloatSlider(value=0.5, min=0, max=1, step=0.25),
                     depth=widgets.Dropdown(options=[("only my contacts", 1),
                                                     ("contacts of contacts", 2),
                                                     ("three steps", 3)], value=2),
                     view=widgets.Dropdown(options=[("business by class", "business"),
                                                    ("spread of warnings", "spread")]))
            """),
        md("l06-explore-alt", f"""
            *Picture description:* the chart above is redrawn each time you move a
            control; it is one of the two charts described earlier, for the values
            you chose. Things to try: set `ask share` to 1 and compare the depths.
            When every client asks only their own contacts, unreliable partners
            still win {d1.loc['unreliable', 'end']:.2f} of a fair share after 12
            months; when questions travel three steps, they win
            {d3.loc['unreliable', 'end']:.2f}. The one thing to notice: your close
            contacts alone rarely know the answer; the question has to reach
            contacts of contacts, through weak ties.
            """),
        md("l06-quiz-md", """
            ## Check your understanding

            Choose an answer and press **Check**. These questions are not graded.
            """),
        code("l06-quiz-1", """
            Quiz("A partner delivers on time and pays on time, but contacts your client "
                 "directly to sell them their own services. Which commitment do they break?",
                 ["Respect for deadlines", "Respect for the client relation",
                  "Respect for the payment of invoices", "None: this is normal competition"],
                 answer="Respect for the client relation",
                 explanation="The client belongs to the partner who brought them; going "
                             "around that partner breaks the first side of the triangle.",
                 hints={"None: this is normal competition":
                        "Competing for new clients is normal; taking a client that a "
                        "partner brought you is not.",
                        "Respect for deadlines": "The work arrived on time here.",
                        "Respect for the payment of invoices": "The invoices were paid "
                        "on time here."})
            """),
        code("l06-quiz-2", """
            Quiz("In the simulation, what made unreliable partners lose business?",
                 ["A rating agency that published their results",
                  "Clients who asked their network and heard about bad experiences",
                  "Each client's own bad experiences, even without asking anyone"],
                 answer="Clients who asked their network and heard about bad experiences",
                 explanation="With ask_share = 0, unreliable partners kept about a fair "
                             "share; only asking the network made bad experiences visible "
                             "to new clients.",
                 hints={"A rating agency that published their results":
                        "There is no agency in the model: only people and their contacts.",
                        "Each client's own bad experiences, even without asking anyone":
                        "Look again at the left-hand chart: without asking, the lines "
                        "stay close to 1."})
            """),
        code("l06-quiz-3", """
            Quiz("You are about to sign with a new supplier. Whom is it most useful to ask?",
                 ["Your closest friend, who has never worked with this supplier",
                  "People who have worked with this supplier, even if you know them "
                  "only a little or through a contact",
                  "Nobody: the supplier's website says enough"],
                 answer="People who have worked with this supplier, even if you know them "
                        "only a little or through a contact",
                 explanation="A useful answer comes from experience. Such people are "
                             "often weak ties or contacts of contacts.",
                 hints={"Your closest friend, who has never worked with this supplier":
                        "Your friend wants to help, but has no experience of this "
                        "supplier to share.",
                        "Nobody: the supplier's website says enough":
                        "A website shows what a supplier says about itself, not whether "
                        "it keeps its commitments."})
            """),
        md("l06-reflection", """
            ## Reflection

            1. Remember a project where a partner broke one of the three
               commitments. What did it cost you, and whom did you tell?
            2. Before your next important commitment (a client, a supplier, an
               employer), which question would you ask, and who in your network
               has the experience to answer it?
            3. Which of the three commitments is the hardest for you to keep, and
               what would you tell a partner when you cannot keep it?

            The exercise `exercises/06-engagement-and-reputation/` asks you to run
            the reputation simulation on your own simulated population, read who
            wins the business and explain what asking the network changes.
            """),
        md("l06-recap", """
            ## Recap

            - The engagement triangle: respect the client relation, respect
              deadlines, respect the payment of invoices.
            - Breaking one commitment damages the product built together and the
              partner's cash, and it is remembered.
            - Before committing, ask people who have *worked with* the prospect,
              supplier, banker or candidate; they are often weak ties or contacts
              of contacts.
            - In this simulated population, when clients ask their network,
              unreliable partners lose business and reliable ones gain it; when
              nobody asks, nothing changes. This is augmented transparency.
            - Your own reliability travels the same way.
            """),
        md("l06-sources", """
            ## Sources

            - Granovetter, M. (1985). Economic action and social structure: the
              problem of embeddedness. *American Journal of Sociology* 91(3),
              481-510.
            - Burt, R. S. (2005). *Brokerage and Closure: An Introduction to Social
              Capital*. Oxford University Press. (Reputation travels through
              closed networks.)
            - Raub, W., Weesie, J. (1990). Reputation and efficiency in social
              interactions: an example of network effects. *American Journal of
              Sociology* 96(3), 626-654.
            - The engagement triangle and the questions to ask before committing
              come from the practice of the trainer whose teaching inspired this
              course; the simulation is `weakties.scenarios.reputation` (its
              documentation lists its assumptions).
            """),
    ])


# ---------------------------------------------------------------------------
# Lesson 07: job search

STRATEGY_NAMES = {
    "strong": "strong ties only",
    "everyone": "everyone",
    "weak": "weak ties only",
    "targeted": "weak ties chosen for the target job",
}


def facts_07():
    from weakties.plotting import describe_ego
    from weakties.scenarios import job_search
    from weakties.scenarios.job_search import STRATEGIES

    G = population()
    seekers = list(range(0, len(G), 4))
    results = {s: job_search(G, seekers, strategy=s, seed=SEED) for s in STRATEGIES}
    hired = {s: r.seekers["hired"].mean() for s, r in results.items()}
    everyone = results["everyone"]
    lpt = everyone.leads_per_tie()
    peak = lpt.loc[lpt["leads_per_tie"].idxmax()]
    by_band = everyone.asked.groupby("frequency_band")["leads"].mean()
    bands = everyone.hires_by_band().set_index("frequency_band")
    change = {s: job_search(G, seekers, strategy=s, target="Health", seed=SEED)
              .seekers["hired"].mean() for s in STRATEGIES}
    you_sector = G.nodes[YOU]["sector"]
    return {
        "ego": describe_ego(G, YOU, color_by="sector"),
        "same_sector": sum(1 for v in G[YOU] if G.nodes[v]["sector"] == you_sector),
        "degree": G.degree(YOU), "sector": you_sector,
        "hired": hired, "best": max(hired, key=hired.get),
        "peak": int(peak["mutual"]), "peak_value": float(peak["leads_per_tie"]),
        "lpt0": float(lpt.loc[lpt["mutual"] == 0, "leads_per_tie"].iloc[0]),
        "lpt_max_mutual": float(lpt["leads_per_tie"].iloc[-1]),
        "by_band": by_band, "bands": bands, "change": change,
        "n_seekers": len(seekers),
    }


def lesson_07():
    f = {**person_facts(), **facts_07()}
    h, ch, bands, bb = f["hired"], f["change"], f["bands"], f["by_band"]
    return notebook([
        md("l07-title", """
            # Lesson 07: Job search

            Where do job leads come from, and whom should you ask? This lesson
            compares ways of mobilising your network when you look for a job.

            **Duration:** about 50 minutes.

            **Learning objectives.** By the end of this lesson you can:

            - Explain why strong ties are poorly placed to bring you new job leads.
            - Quote what Granovetter (1974) and Rajkumar et al. (2022) found about
              the ties through which people find jobs.
            - Compare, in a simulation, four ways of asking your contacts for leads.
            - Read the inverted U of job leads against the number of mutual
              contacts.
            - Choose the weak ties to ask for a target job.

            **Prerequisites:** lesson 02 (strong and weak ties) and lesson 03 (the
            alter-ego network).
            """),
        md("l07-setup-md", f"""
            ## Setup

            Run this cell first: it builds a fictional population of 2,000
            professionals in France, always the same one (the *seed* fixes the
            chance draws), and loads the tools of the course. It takes a few
            seconds.

            As in lessons 06 to 10, you are {f['name']} (person {YOU}), a
            {f['occupation']} in the {f['sector']} sector. The cell also picks the
            people who look for a job in this lesson: one person in four, 500 in
            all.
            """),
        code("l07-setup", f"""
            import matplotlib.pyplot as plt
            import ipywidgets as widgets
            import weakties
            from weakties.widgets import Explorer, Prediction, Quiz
            from weakties.plotting import MARKERS, PALETTE, draw_ego
            from weakties.scenarios import job_search

            SEED = {SEED}
            G = weakties.population({N}, seed=SEED)
            YOU = {YOU}
            SEEKERS = list(range(0, len(G), 4))   # one person in four looks for a job
            """),
        md("l07-strong", """
            ## Do not rely on your strong ties

            Your strong ties (family, close friends, colleagues you see every week)
            share your world. They know the same people as you and hear the same
            news, so they rarely know of an opening you have not heard of
            (Granovetter 1973).

            Strong ties are also loaded with emotion. Asking a close friend for a
            job puts the friendship at stake: if they cannot help, both of you feel
            uneasy. And they are not well placed to judge your skills objectively:
            they know you as a friend or a relative, not as a professional.

            Weak ties (acquaintances from other companies, sectors, regions or
            generations) reach other worlds. The weak ties worth asking are the
            ones *chosen for the job you want*.
            """),
        md("l07-granovetter", """
            ## What Granovetter found

            Mark Granovetter interviewed professional, technical and managerial
            workers near Boston who had recently changed jobs. Among those who
            found their job through a personal contact, the contact was someone
            they saw (Granovetter 1974):

            | how often they saw the contact | share |
            |---|---|
            | often (at least twice a week) | 16.7% |
            | occasionally (more than once a year, less than twice a week) | 55.6% |
            | rarely (once a year or less) | 27.8% |

            Most people found their job through someone they saw only occasionally
            or rarely.
            """),
        md("l07-rajkumar", """
            ## What a large experiment found

            Rajkumar and colleagues (2022) analysed experiments in which LinkedIn
            varied its "People You May Know" recommendations at random, for some
            20 million members. Because the variations were random, the study can
            say what weak ties *cause*, not only what goes with them. They found:

            - **an inverted U**: the chance that a new tie leads to a job move rises
              with the number of mutual connections up to about 10, then falls.
              Moderately weak ties help most;
            - by **interaction intensity** (how much two people exchange), the
              *weakest* ties help most;
            - weak ties matter **more in digital sectors**;
            - **correlational** estimates (comparing people as they are) favour
              strong ties, while the **randomised** estimates favour weak ties. A
              simple comparison can mislead, because people choose whom they
              connect with and whom they ask.
            """),
        md("l07-calvo", """
            ## Employment travels in groups

            Calvó-Armengol and Jackson (2004) showed with a model that when job
            information passes through contacts, employment becomes correlated
            among neighbours in the network: people whose contacts have jobs hear of
            more openings. The same mechanism makes long unemployment reinforce
            itself: a circle of unemployed people hears of few openings. One more
            reason to reach beyond your own circle.
            """),
        md("l07-ego-md", """
            ## Your network, by sector

            The next picture draws your contacts by sector, with colour *and* shape,
            strong ties in the inner rings with thicker lines. Look for the
            contacts who work in the sector you want.
            """),
        code("l07-ego", """
            draw_ego(G, YOU, color_by="sector", title="Your contacts by sector")
            plt.show()
            """),
        md("l07-ego-alt", f"""
            *Picture description:* {f['ego']} The one thing to notice:
            {f['same_sector']} of your {f['degree']} contacts work in your own
            sector ({f['sector']}); the others are bridges to other sectors.
            """),
        md("l07-model", f"""
            ## The simulation

            `job_search` follows the {f['n_seekers']} seekers for twelve months:

            - each month, each seeker who has no job yet asks three contacts, chosen
              by a **strategy**;
            - an asked contact knows of an opening at their own employer half of the
              time, and passes it on with a chance that depends on the tie. If
              the contact shares many contacts with the seeker, or is a strong
              tie, the seeker has often heard of the opening already (the lead
              is not new). If the contact shares few contacts with the seeker,
              they are less willing to help (there is less trust to build on);
            - a lead in the sector the seeker wants becomes a job half of the time;
              a lead in another sector rarely does.

            The four strategies are: **strong** (strong ties only), **everyone**
            (all contacts, in random order), **weak** (weak ties only) and
            **targeted** (weak ties chosen for the target job: those who work in
            the target sector first). This cell runs the four; it shows nothing
            yet.
            """),
        code("l07-run", """
            STRATEGIES = ["strong", "everyone", "weak", "targeted"]
            results = {s: job_search(G, SEEKERS, strategy=s, seed=SEED) for s in STRATEGIES}
            """),
        md("l07-predict-md", """
            ## Predict, then see

            Choose your prediction, then press the button.
            """),
        code("l07-predict", """
            CHOICES = {"strong": "Ask strong ties only", "everyone": "Ask everyone",
                       "weak": "Ask weak ties only",
                       "targeted": "Ask weak ties chosen for the target job"}

            def best_strategy():
                hired = {s: r.seekers["hired"].mean() for s, r in results.items()}
                best = max(hired, key=hired.get)
                return CHOICES[best], "Seekers hired within a year: " + ", ".join(
                    f"{CHOICES[s].lower()} {hired[s]:.0%}" for s in STRATEGIES) + "."

            Prediction("Which strategy gets the most seekers a job within a year?",
                       list(CHOICES.values()), run=best_strategy,
                       explanation="Strong ties know what you know, so their leads are "
                                   "rarely new. Weak ties bring new leads, and weak ties "
                                   "in the sector you want bring leads that fit.")
            """),
        md("l07-compare-md", """
            ## Four strategies, month by month

            Each result draws one curve with its `plot` method. The loop below gives
            each curve its own colour, marker and line style, so that the four can
            be told apart without colour; the function is reused further down.
            """),
        code("l07-compare", """
            LOOK = {"strong": (PALETTE[5], MARKERS[0], "-"), "everyone": (PALETTE[1], MARKERS[1], "--"),
                    "weak": (PALETTE[2], MARKERS[2], ":"), "targeted": (PALETTE[4], MARKERS[3], "-.")}

            def compare(results, kind="hires"):
                fig, ax = plt.subplots(figsize=(8, 4.5))
                for strategy, r in results.items():
                    r.plot(ax=ax, kind=kind)
                    colour, marker, line = LOOK[strategy]
                    ax.lines[-1].set(color=colour, marker=marker, linestyle=line)
                ax.legend(frameon=False)

            compare(results)
            plt.show()
            """),
        md("l07-compare-alt", f"""
            *Picture description:* a line chart with four curves, one per strategy,
            each with its own colour, marker and line style. The horizontal axis
            is the month (0 to 12); the vertical axis is the share of seekers
            hired so far. After twelve months: strong ties only
            {pct(h['strong'])}, everyone {pct(h['everyone'])}, weak ties only
            {pct(h['weak'])}, weak ties chosen for the target job
            {pct(h['targeted'])}. The one thing to notice: the strong-ties curve
            stays far below the three others, in this simulated population.
            """),
        md("l07-u-md", """
            ## The inverted U

            Which ties bring the most leads? The next picture counts, for the
            strategy "everyone", the leads per tie asked, by the number of contacts
            the seeker and the contact have in common.
            """),
        code("l07-u", """
            results["everyone"].plot(kind="mutual")
            plt.show()
            """),
        md("l07-u-alt", f"""
            *Picture description:* a line chart. The horizontal axis is the number
            of mutual contacts between the seeker and the contact asked (0 to "10+");
            the vertical axis is the number of leads per tie asked. The curve rises
            from {f['lpt0']:.2f} with no mutual contact to a peak of
            {f['peak_value']:.2f} at {f['peak']} mutual contacts, then falls to
            {f['lpt_max_mutual']:.2f} at 10 or more. The one thing to notice: it
            is an inverted U. Moderately weak ties help most.

            Two forces make the U. With few mutual contacts, the contact is less
            willing to help. With many, the contact lives in your world and their
            news is rarely new to you. Rajkumar et al. (2022) found the peak at
            about 10 mutual connections; here it comes earlier, because people in
            this population have about 30 contacts, not hundreds as on LinkedIn.
            """),
        md("l07-intensity-md", """
            ## By how often you see the contact

            The next table gives the leads per tie asked, by how often the seeker
            sees the contact (Granovetter's three bands), for the strategy
            "everyone".
            """),
        code("l07-intensity", """
            asked = results["everyone"].asked
            asked.groupby("frequency_band")["leads"].mean().reindex(
                ["often", "occasionally", "rarely"]).round(3)
            """),
        md("l07-intensity-after", f"""
            In this simulated population, a contact seen often brought
            {bb['often']:.3f} leads per tie asked, one seen occasionally
            {bb['occasionally']:.3f}, and one seen rarely {bb['rarely']:.3f}. As in
            the experiment of Rajkumar et al. (2022), the ties with the least
            interaction bring the most leads per tie.
            """),
        md("l07-bands-md", """
            ## Compared with Granovetter's figures

            The next picture puts the hires of the strategy "everyone", by how
            often the seeker saw the contact who passed the lead, next to
            Granovetter's 1974 figures.
            """),
        code("l07-bands", """
            results["everyone"].plot(kind="bands")
            plt.show()
            """),
        md("l07-bands-alt", f"""
            *Picture description:* a bar chart with three pairs of bars, one pair
            per band (often, occasionally, rarely). In each pair, the left bar
            (hatched with lines) is this simulation and the right bar (hatched with
            dots) is Granovetter (1974). Simulation: often
            {pct(bands.loc['often', 'share'])}, occasionally
            {pct(bands.loc['occasionally', 'share'])}, rarely
            {pct(bands.loc['rarely', 'share'])}; Granovetter: 17%, 56%, 28%. The
            one thing to notice: in both, most jobs come through contacts seen
            occasionally, and few through contacts seen often. The model was
            built to follow these figures; it does not prove them.
            """),
        md("l07-explore-md", """
            ## Explore: a change of sector

            Seekers who want to change sector cannot count on the contacts of their
            old sector. Choose a **target** sector for all seekers, the number of
            contacts each seeker **asks** per month, and the **view**: hires over
            time, or leads per tie by mutual contacts. Three strategies are
            redrawn each time: strong ties only, weak ties only, and weak ties
            chosen for the target job. Results already seen are kept, so moving
            back is immediate.
            """),
        code("l07-explore", """
            from functools import lru_cache
            SECTORS = sorted({G.nodes[v]["sector"] for v in G})

            @lru_cache(maxsize=None)
            def simulate(strategy, target, asks):
                return job_search(G, SEEKERS, strategy=strategy, asks=asks, seed=SEED,
                                  target=None if target == "own" else target)

            def show(target, asks, view):
                compare({s: simulate(s, target, asks) for s in ["strong", "weak", "targeted"]},
                        kind=view)

            Explorer(show, title="Which strategy works best for a change of sector?",
                     target=widgets.Dropdown(options=[("their own sector", "own")] + [(s, s) for s in SECTORS],
                                             value="own"),
                     asks=widgets.IntSlider(value=3, min=1, max=6),
                     view=widgets.Dropdown(options=[("hires over time", "hires"),
                                                    ("leads by mutual contacts", "mutual")]))
            """),
        md("l07-explore-alt", f"""
            *Picture description:* the chart above has one curve for each of the
            three strategies, drawn as in the picture "Four strategies, month by
            month" (or as in "The
            inverted U" when you choose that view), for the values you chose.
            Things to try: choose Health as the target. In this simulated
            population, after twelve months, strong ties only then get
            {pct(ch['strong'])} of the seekers a job, weak ties only
            {pct(ch['weak'])}, and weak ties chosen for the target job
            {pct(ch['targeted'])}. The one thing to notice: for a change
            of sector, choosing the weak ties to ask matters even more.
            """),
        md("l07-quiz-md", """
            ## Check your understanding

            Choose an answer and press **Check**. These questions are not graded.
            """),
        code("l07-quiz-1", """
            Quiz("Granovetter (1974) asked workers who found their job through a contact "
                 "how often they saw that contact. What did most of them answer?",
                 ["Often (at least twice a week)", "Occasionally or rarely",
                  "They had never met the contact"],
                 answer="Occasionally or rarely",
                 explanation="55.6% saw the contact occasionally and 27.8% rarely: "
                             "83.4% in all (Granovetter 1974).",
                 hints={"Often (at least twice a week)":
                        "Only 16.7% saw the contact that often.",
                        "They had never met the contact":
                        "The study counted jobs found through a personal contact: "
                        "someone they knew."})
            """),
        code("l07-quiz-2", """
            Quiz("In the LinkedIn experiments analysed by Rajkumar et al. (2022), which new "
                 "ties led to the most job moves?",
                 ["Ties with many mutual connections", "Moderately weak ties: some mutual "
                  "connections, not many", "Ties with no mutual connection at all"],
                 answer="Moderately weak ties: some mutual connections, not many",
                 explanation="Job moves followed an inverted U: rising up to about 10 mutual "
                             "connections, falling after.",
                 hints={"Ties with many mutual connections":
                        "Those contacts live in your world; their news is rarely new.",
                        "Ties with no mutual connection at all":
                        "Those contacts are the least willing to help: there is little "
                        "trust to build on."})
            """),
        code("l07-quiz-3", """
            Quiz("Why is your brother or your best friend often not the best person to "
                 "ask for a job lead?",
                 ["They do not want to help you",
                  "They know the same people and news as you, and cannot judge your "
                  "skills objectively",
                  "Strong ties never pass on job leads"],
                 answer="They know the same people and news as you, and cannot judge "
                        "your skills objectively",
                 explanation="Strong ties want to help, but their leads are rarely new, "
                             "and they know you as a relative or a friend, not as a "
                             "professional.",
                 hints={"They do not want to help you":
                        "They usually want to help; that is not the problem.",
                        "Strong ties never pass on job leads":
                        "They do, in the simulation and in Granovetter's study (16.7%), "
                        "but less often than weak ties."})
            """),
        code("l07-quiz-4", """
            Quiz("You are a teacher and want to work in the digital sector. Whom do you "
                 "ask first?",
                 ["Your colleagues at school, whom you see every day",
                  "Acquaintances who work in the digital sector",
                  "All your contacts, in alphabetical order"],
                 answer="Acquaintances who work in the digital sector",
                 explanation="Weak ties chosen for the target job: they know of openings "
                             "in the sector you want, and their news is new to you.",
                 hints={"Your colleagues at school, whom you see every day":
                        "Strong ties in your old sector know of openings in that "
                        "sector, not in the one you want.",
                        "All your contacts, in alphabetical order":
                        "Asking everyone works better than asking strong ties only, "
                        "but choosing whom to ask works better still."})
            """),
        md("l07-reflection", """
            ## Reflection

            1. Which job do you want next, and in which sector? Among your contacts,
               who works in it or close to it, even if you see them rarely?
            2. Whom have you asked for help so far? Were they strong ties or weak
               ties?
            3. How would you ask an acquaintance for a lead without making them
               uncomfortable? What would you offer in return?

            The exercise `exercises/07-job-search/` asks you to compare strategies
            on your own simulated population and to choose, for a target job, the
            ties to mobilise, saying why.
            """),
        md("l07-recap", """
            ## Recap

            - Strong ties share your world: their leads are rarely new, asking them
              is emotionally loaded, and they cannot judge your skills objectively.
            - Most people found their job through a contact they saw occasionally
              or rarely (Granovetter 1974).
            - Moderately weak ties help most: an inverted U in mutual connections
              (Rajkumar et al. 2022); the weakest ties by interaction help most.
            - In this simulated population, asking weak ties chosen for the target
              job gets the most seekers hired, and asking strong ties only the
              fewest.
            - Employment is correlated among contacts (Calvó-Armengol and Jackson
              2004): reach beyond your own circle.
            """),
        md("l07-sources", """
            ## Sources

            - Granovetter, M. S. (1973). The strength of weak ties. *American Journal
              of Sociology* 78(6), 1360-1380.
            - Granovetter, M. S. (1974). *Getting a Job: A Study of Contacts and
              Careers*. Harvard University Press. (16.7% often, 55.6% occasionally,
              27.8% rarely.)
            - Rajkumar, K., Saint-Jacques, G., Bojinov, I., Brynjolfsson, E.,
              Aral, S. (2022). A causal test of the strength of weak ties. *Science*
              377(6612), 1304-1310.
            - Calvó-Armengol, A., Jackson, M. O. (2004). The effects of social
              networks on employment and inequality. *American Economic Review*
              94(3), 426-454.
            - The simulation is `weakties.scenarios.job_search`; its documentation
              lists its assumptions.
            """),
    ])

# ---------------------------------------------------------------------------
# Lesson 08: prospecting

PROSPECT_SECTOR = "Finance"

DRAW_CHAIN = """
    def draw_chain(chain, title):
        fig, ax = plt.subplots(figsize=(10, 3))
        sectors = [G.nodes[v]["sector"] for v in chain]
        styles = category_styles(sectors[1:])
        for i, (a, b) in enumerate(zip(chain, chain[1:])):
            strength = G[a][b]["strength"]
            ax.plot([i, i + 1], [0, 0], color="#444444", lw=1 + 8 * strength, zorder=1)
            ax.text(i + 0.5, 0.1, f"tie strength {strength:.2f}", ha="center")
        for i, person in enumerate(chain):
            role = "you" if i == 0 else "prospect" if i == len(chain) - 1 else f"introducer {i}"
            colour, marker = ("black", "*") if i == 0 else styles[sectors[i]]
            ax.scatter([i], [0], s=700 if i == 0 else 350, c=colour, marker=marker,
                       edgecolors="black", zorder=2)
            ax.text(i, -0.15, f"{role}\\n{sectors[i]}", ha="center", va="top", fontsize=10)
        ax.set_xlim(-0.5, len(chain) - 0.5)
        ax.set_ylim(-0.5, 0.3)
        ax.axis("off")
        ax.set_title(title)
        return ax
"""


def facts_08():
    from weakties.scenarios import prospecting

    G = population()
    prospects = [v for v in G if G.nodes[v]["sector"] == PROSPECT_SECTOR and v != YOU]
    r = prospecting(G, YOU, prospects, seed=SEED)
    reach = r.reach.set_index("approach")
    c = r.chains
    ex = c[c["hops"] == 3].sort_values("p_warm", kind="stable").iloc[-1]
    chain = list(ex["chain"])
    links = [G[a][b]["strength"] for a, b in zip(chain, chain[1:])]
    by_hops = c[c["hops"] > 0].groupby("hops")["p_warm"].agg(["size", "mean", "sum"])
    first = r.first_asks.iloc[0]
    strongest = max(G[YOU], key=lambda v: G[YOU][v]["strength"])
    crit = {k: prospecting(G, YOU, prospects, seed=SEED, max_hops=4, criterion=k)
            .reach.set_index("approach").loc["warm", "expected"] for k in ("trust", "hops")}
    hop1 = prospecting(G, YOU, prospects, seed=SEED, max_hops=1).reach.set_index("approach")
    return {
        "n": len(prospects), "direct": sum(1 for v in prospects if v in G[YOU]),
        "warm": reach.loc["warm", "expected"], "cold": reach.loc["cold", "expected"],
        "chain": chain, "links": links, "ex": ex,
        "chain_sectors": [G.nodes[v]["sector"] for v in chain],
        "by_hops": by_hops, "first": first,
        "first_sector": G.nodes[int(first["contact"])]["sector"],
        "strongest": strongest, "strongest_strength": G[YOU][strongest]["strength"],
        "first_rank": 1 + sum(1 for v in G[YOU]
                              if G[YOU][v]["strength"] > first["strength"]),
        "crit": crit, "hop1_warm": hop1.loc["warm", "expected"],
    }


def lesson_08():
    f = {**person_facts(), **facts_08()}
    bh, ex, first = f["by_hops"], f["ex"], f["first"]
    chain, links, sectors = f["chain"], f["links"], f["chain_sectors"]
    ratio = f["warm"] / f["cold"]
    return notebook([
        md("l08-title", """
            # Lesson 08: Prospecting

            A prospect listens to someone they trust. This lesson shows how to reach
            a prospect through a warm introduction by the right intermediary, and
            whom to ask first.

            **Duration:** about 45 minutes.

            **Learning objectives.** By the end of this lesson you can:

            - Explain why a warm introduction works better than a cold approach.
            - Compute the trust of a chain of introducers and the chance that an
              introduction goes through.
            - Find, in a simulation, the best chain to each prospect and the
              contacts to ask first.
            - Choose between the most trusted chain and the shortest chain.

            **Prerequisites:** lesson 02 (strong and weak ties) and lesson 04 (silos
            and bridges).
            """),
        md("l08-setup-md", f"""
            ## Setup

            Run this cell first: it builds a fictional population of 2,000
            professionals in France, always the same one (the *seed* fixes the
            chance draws), and loads the tools of the course. It takes a few
            seconds.

            As in lessons 06 to 10, you are {f['name']} (person {YOU}). In this
            lesson you sell a service to companies in the {PROSPECT_SECTOR}
            sector: your prospects are the {f['n']} people who work in it.
            """),
        code("l08-setup", f"""
            import matplotlib.pyplot as plt
            import networkx as nx
            import ipywidgets as widgets
            import weakties
            from weakties.widgets import Explorer, Prediction, Quiz
            from weakties.plotting import category_styles
            from weakties.scenarios import prospecting

            SEED = {SEED}
            G = weakties.population({N}, seed=SEED)
            YOU = {YOU}
            PROSPECTS = [v for v in G if G.nodes[v]["sector"] == "{PROSPECT_SECTOR}" and v != YOU]
            """),
        md("l08-warm", f"""
            ## Cold approach, warm introduction

            A **cold approach** is an email, a call or a message to someone who does
            not know you. Most of them stay unanswered.

            A **warm introduction** is a message from someone the prospect knows:
            "you should meet this person". The prospect trusts the introducer, and
            part of that trust passes to you. The introducer acts as a bridge
            between two people who would not have met (Burt 1992).

            Only {f['direct']} of your {f['n']} prospects are already your
            contacts. To reach the others warmly, you need a chain: you ask a
            contact, who asks one of theirs, who introduces you.
            """),
        md("l08-milgram", """
            ## Chains exist, but they break

            In a classic experiment, people in Nebraska and Boston were asked to send
            a folder to a target person in Massachusetts, only through people they
            knew by first name. 64 of the 296 chains reached the target, and those
            that did had 5.2 intermediaries on average (Travers and Milgram 1969).

            Two lessons for prospecting: short chains to almost anyone exist, and
            every link of a chain is a person who may not pass the request on.
            """),
        md("l08-trust-md", """
            ## The trust of a chain

            The simulation gives each chain a **trust**: the product of the
            strengths of its ties. Each person asked along the chain agrees with a
            chance equal to the square root of the strength of the tie to the
            person who asks. So the introduction goes through with a chance equal
            to the square root of the trust.

            For example, a chain of two ties of strength 0.8 and 0.5 has trust
            0.8 × 0.5 = 0.4, and the introduction goes through with a chance of
            √0.4 ≈ 0.63. This cell computes it.
            """),
        code("l08-trust", """
            trust = 0.8 * 0.5
            trust, trust ** 0.5
            """),
        md("l08-run-md", """
            ## The simulation

            `prospecting` finds, for each prospect, the chain of at most three ties
            with the highest trust, and draws whether the introduction goes
            through. It compares with a cold approach, which works with a chance of
            5%. That 5% is a setting of the simulation, not a measured figure. This
            cell runs it; it shows nothing yet.
            """),
        code("l08-run", """
            result = prospecting(G, YOU, PROSPECTS, max_hops=3, seed=SEED)
            """),
        md("l08-predict-md", """
            ## Predict, then see

            Choose your prediction, then press the button.
            """),
        code("l08-predict", """
            def warm_against_cold():
                expected = result.reach.set_index("approach")["expected"]
                ratio = expected["warm"] / expected["cold"]
                answer = ("About as many" if ratio < 1.5 else
                          "About twice as many" if ratio < 3 else "Several times as many")
                return answer, (f"Expected meetings: {expected['warm']:.1f} through warm "
                                f"introductions, {expected['cold']:.1f} through cold approaches "
                                f"({ratio:.1f} times as many).")

            Prediction(f"You approach each of your {len(PROSPECTS)} prospects once. How many "
                       "meetings do warm introductions bring, compared with cold approaches?",
                       ["About as many", "About twice as many", "Several times as many"],
                       run=warm_against_cold,
                       explanation="A chain of three ties of moderate strength still goes "
                                   "through far more often than a cold approach works.")
            """),
        md("l08-plot-md", """
            ## Meetings by length of chain

            The next picture splits the expected meetings by the length of the best
            chain to each prospect.
            """),
        code("l08-plot", """
            result.plot()
            plt.show()
            """),
        md("l08-plot-alt", f"""
            *Picture description:* a bar chart with one pair of bars per length of
            chain (1, 2 and 3 ties). In each pair, the left bar (hatched with
            lines) is the expected number of meetings through warm introductions,
            the right bar (hatched with dots) through cold approaches. Most
            prospects ({int(bh.loc[3, 'size'])} of {f['n']}) are three ties away; for
            them, warm introductions bring {bh.loc[3, 'sum']:.1f} expected
            meetings against {bh.loc[3, 'size'] * 0.05:.1f} cold. In all,
            {f['warm']:.1f} warm against {f['cold']:.1f} cold, {ratio:.1f} times as
            many. The one thing to notice: each extra tie lowers the chance of one
            introduction (on average {bh.loc[1, 'mean']:.2f} for one tie,
            {bh.loc[2, 'mean']:.2f} for two, {bh.loc[3, 'mean']:.2f} for three),
            but even three ties beat a cold approach, in this simulated population.
            """),
        md("l08-chain-md", """
            ## One chain, drawn

            The library has no drawing of a chain yet, so this cell defines one:
            each person is a marker (you are the black star; the others are
            coloured and shaped by sector, with their role and sector written
            below), and each tie is a line whose width shows its strength. Then it
            draws the best chain to the prospect who is three ties away and has
            the best chance of a warm introduction.
            """),
        code("l08-chain", dedent(DRAW_CHAIN) + "\n" + dedent("""
            example = result.chains[result.chains["hops"] == 3].sort_values("p_warm").iloc[-1]
            draw_chain(list(example["chain"]), "Your best chain to one prospect")
            plt.show()
            """)),
        md("l08-chain-alt", f"""
            *Picture description:* a chain of four people from left to right: you
            (a black star, {sectors[0]}), introducer 1 ({sectors[1]}), introducer 2
            ({sectors[2]}) and the prospect ({sectors[3]}). The lines between them
            are labelled with the tie strengths {links[0]:.2f}, {links[1]:.2f} and
            {links[2]:.2f}, and are thicker for stronger ties. The trust of the
            chain is {ex['trust']:.2f}, so the introduction goes through with a
            chance of {ex['p_warm']:.2f}. The one thing to notice: the weakest link
            limits the whole chain, and the first introducer is the bridge from
            your circle to the prospect's world.
            """),
        md("l08-first-md", """
            ## Whom to ask first

            Some contacts open the best chain to many prospects. The table lists
            your contacts by the number of introductions their chains are expected
            to bring (`expected`), with the strength of your tie to them and the
            number of prospects they open (`targets`).
            """),
        code("l08-first", """
            first = result.first_asks.head(6).copy()
            first["sector"] = [G.nodes[v]["sector"] for v in first["contact"]]
            first.round(2)
            """),
        md("l08-first-after", f"""
            In this simulated population, the contact to ask first (person
            {int(first['contact'])}, in {f['first_sector']}, tie strength
            {first['strength']:.2f}) opens the best chain to {int(first['targets'])}
            prospects. The right first contact is someone you know well enough to
            ask *and* who knows people in the prospects' world. It is not simply
            your closest contact: here it is your tie number {f['first_rank']} by
            strength (your strongest tie has strength
            {f['strongest_strength']:.2f}). Ask the first contacts one at a time,
            explain precisely whom you want to meet and why, and thank them
            whatever the outcome.
            """),
        md("l08-criterion", f"""
            ## The most trusted chain or the shortest?

            The shortest chain is not always the best: two ties of strength 0.3
            (trust 0.09) are less likely to go through than three ties of strength
            0.7 (trust 0.34). With chains of up to four ties, in this simulated
            population, choosing the most trusted chain brings
            {f['crit']['trust']:.1f} expected meetings, and choosing the shortest
            chain {f['crit']['hops']:.1f}. With your direct contacts alone (one
            tie), you would get {f['hop1_warm']:.1f}.
            """),
        md("l08-explore-md", """
            ## Explore: how far, how cold, which chain

            Move the controls: `max hops` is the longest chain allowed, `cold rate`
            the chance that a cold approach works, and `criterion` the way to choose
            each chain (most trusted, or fewest ties). The chart is redrawn each
            time.
            """),
        code("l08-explore", """
            def show(max_hops, cold_rate, criterion):
                prospecting(G, YOU, PROSPECTS, max_hops=max_hops, cold_rate=cold_rate,
                            criterion=criterion, seed=SEED).plot()

            Explorer(show, title="Warm introductions against cold approaches",
                     max_hops=widgets.IntSlider(value=3, min=1, max=4),
                     cold_rate=widgets.FloatSlider(value=0.05, min=0.01, max=0.2, step=0.01),
                     criterion=widgets.Dropdown(options=[("most trusted chain", "trust"),
                                                         ("fewest ties", "hops")]))
            """),
        md("l08-explore-alt", f"""
            *Picture description:* the chart above is the bar chart of "Meetings by
            length of chain", redrawn for the values you chose; prospects with no
            chain short enough appear in a group "no chain", where only the cold
            approach is possible. Things to try: set `max hops` to 1, then 2, then 3.
            With one tie, warm introductions bring only {f['hop1_warm']:.1f}
            expected meetings, because few prospects are your direct contacts. The
            one thing to notice: your contacts of contacts, not your contacts
            alone, give you access to your prospects.
            """),
        md("l08-chains-md", """
            ## Explore: the chain to each prospect

            Move the slider to see the best chain to each prospect, from the most
            likely introduction (rank 1) to the least likely.
            """),
        code("l08-chains", """
            ranked = result.chains[result.chains["hops"] > 0].sort_values("p_warm", ascending=False)

            def show_chain(rank):
                row = ranked.iloc[rank - 1]
                draw_chain(list(row["chain"]), f"Prospect ranked {rank}: {row['hops']} ties, "
                                               f"chance of introduction {row['p_warm']:.2f}")

            Explorer(show_chain, title="The best chain to each prospect",
                     rank=widgets.IntSlider(value=1, min=1, max=len(ranked)))
            """),
        md("l08-chains-alt", """
            *Picture description:* the drawing above is a chain as in "One chain,
            drawn", redrawn for the prospect of the rank you chose; its title gives
            the number of ties on the chain and the chance that the introduction
            goes through. The one thing to notice: the same few contacts start many
            of the best chains.
            """),
        md("l08-quiz-md", """
            ## Check your understanding

            Choose an answer and press **Check**. These questions are not graded.
            """),
        code("l08-quiz-1", """
            Quiz("A chain has two ties, of strength 0.9 and 0.4. What is its trust?",
                 ["1.3", "0.36", "0.65"],
                 answer="0.36",
                 explanation="The trust of a chain is the product of the strengths: "
                             "0.9 × 0.4 = 0.36. The introduction then goes through with a "
                             "chance of √0.36 = 0.6.",
                 hints={"1.3": "That is the sum. A chain is only as good as all its links "
                               "together: multiply the strengths.",
                        "0.65": "That is the mean of the two strengths; multiply them "
                                "instead."})
            """),
        code("l08-quiz-2", """
            Quiz("Which contact should you ask first for an introduction to a prospect?",
                 ["Your closest friend, whatever their sector",
                  "A contact you know well enough to ask, who knows people in the "
                  "prospect's world",
                  "The contact with the most connections on the platform"],
                 answer="A contact you know well enough to ask, who knows people in the "
                        "prospect's world",
                 explanation="A good first contact needs both: a tie strong enough for them "
                             "to agree, and a bridge to the prospect's world.",
                 hints={"Your closest friend, whatever their sector":
                        "A close friend agrees easily, but may know nobody near the "
                        "prospect.",
                        "The contact with the most connections on the platform":
                        "Many connections are not the right connections, and a weak tie "
                        "to you may not pass your request on."})
            """),
        code("l08-quiz-3", """
            Quiz("Why can a chain of three ties be better than a chain of two?",
                 ["It cannot: shorter is always better",
                  "Its ties may be much stronger, so its trust is higher",
                  "Prospects prefer long chains"],
                 answer="Its ties may be much stronger, so its trust is higher",
                 explanation="Three ties of strength 0.7 have a trust of 0.34; two ties of "
                             "strength 0.3 have a trust of 0.09.",
                 hints={"It cannot: shorter is always better":
                        "Compare 0.7 × 0.7 × 0.7 with 0.3 × 0.3.",
                        "Prospects prefer long chains":
                        "The prospect sees only the last introducer; what matters is "
                        "whether every link passes the request on."})
            """),
        md("l08-reflection", """
            ## Reflection

            1. Name one prospect you would like to meet. Who among your contacts
               could know someone close to them?
            2. Which of your contacts are bridges to a sector or a region where you
               have no other contact?
            3. How would you write a request for an introduction so that it is
               easy to pass on (who you are, whom you want to meet, why it is
               useful to them)?

            The exercise `exercises/08-prospecting/` asks you to find, on your own
            simulated population, the best introducers to a list of prospects and to
            say whom you would ask first, and why.
            """),
        md("l08-recap", """
            ## Recap

            - A warm introduction passes the introducer's trust to you; a cold
              approach starts with none.
            - The trust of a chain is the product of the strengths of its ties;
              every extra link is a person who may not pass the request on.
            - In this simulated population, warm introductions bring several times
              as many meetings as cold approaches, mostly through chains of two or
              three ties.
            - Ask first the contacts who open the best chains: known well enough to
              ask, and close to the prospects' world.
            - The most trusted chain can be longer than the shortest one.
            """),
        md("l08-sources", """
            ## Sources

            - Travers, J., Milgram, S. (1969). An experimental study of the small
              world problem. *Sociometry* 32(4), 425-443. (64 of 296 chains reached
              the target; 5.2 intermediaries on average.)
            - Granovetter, M. S. (1973). The strength of weak ties. *American Journal
              of Sociology* 78(6), 1360-1380.
            - Burt, R. S. (1992). *Structural Holes: The Social Structure of
              Competition*. Harvard University Press.
            - The simulation is `weakties.scenarios.prospecting`; its documentation
              lists its assumptions (the cold rate is a setting, not a measured
              figure).
            """),
    ])

# ---------------------------------------------------------------------------

BUILDERS = {"06": lesson_06, "07": lesson_07, "08": lesson_08}


def build(numbers=None):
    """Build the lessons ``numbers`` (default: all) and return {path: notebook}."""
    out = {}
    for number in numbers or sorted(BUILDERS):
        out[COURSE / f"{LESSONS[number]}.ipynb"] = BUILDERS[number]()
    return out


def main(argv):
    unknown = [a for a in argv if a not in BUILDERS]
    if unknown:
        raise SystemExit(f"unknown lesson(s) {unknown}; choose among {sorted(BUILDERS)}")
    for path, nb in build(argv or None).items():
        nbformat.write(nb, path)
        print(f"wrote {path.relative_to(COURSE.parent)}")


if __name__ == "__main__":
    main(sys.argv[1:])
