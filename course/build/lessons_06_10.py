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
    "09": "09-e-reputation",
    "10": "10-creating-a-company",
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
# Lesson 09: e-reputation and influence

def facts_09():
    from collections import Counter

    import weakties
    from weakties.scenarios import cascade

    G = population()
    inf = cascade(G, "influencers", seed=SEED)
    rnd = cascade(G, "random", seed=SEED)
    kinds = Counter(weakties.ties.classify(G).values())
    by_tie = inf.by_tie().set_index("tie")
    run0 = inf.reached[inf.reached["run"] == 0]
    deg = sorted((d for _, d in G.degree()), reverse=True)
    variants = {(m, v): cascade(G, "influencers", model=m, valence=v, seed=SEED).final_reach
                for m in ("independent", "threshold") for v in ("positive", "negative")}
    return {
        "inf": inf.final_reach, "rnd": rnd.final_reach,
        "steps_inf": int(inf.adoption["step"].max()),
        "weak_ties": kinds["weak"] / sum(kinds.values()),
        "by_tie": by_tie, "run0": len(run0),
        "run0_weak": int((run0["tie"] == "weak").sum()),
        "run0_strong": int((run0["tie"] == "strong").sum()),
        "top_degree": deg[:10], "mean_degree": sum(deg) / len(deg),
        "variants": variants,
    }


def lesson_09():
    f = {**person_facts(), **facts_09()}
    v = f["variants"]
    ratio = f["inf"] / f["rnd"]
    return notebook([
        md("l09-title", """
            # Lesson 09: E-reputation and influence

            What is said about you travels through the network, for good or for bad.
            This lesson simulates word of mouth, then turns to being visible without
            ego and to using networks as a source of information.

            **Duration:** about 45 minutes.

            **Learning objectives.** By the end of this lesson you can:

            - Explain two models of how a message spreads: the independent cascade
              and the linear threshold (Kempe, Kleinberg and Tardos 2003).
            - Compare, in a simulation, how far a message goes when influencers
              start it and when people chosen at random start it.
            - Measure how much of the spread travels through weak ties.
            - Explain why a negative message can weigh more than a positive one.
            - Choose a way to be visible that shows competence without ego, and
              information groups that inform rather than overflow into debate.

            **Prerequisites:** lesson 02 (strong and weak ties) and lesson 04 (silos
            and bridges).
            """),
        md("l09-setup-md", f"""
            ## Setup

            Run this cell first: it builds a fictional population of 2,000
            professionals in France, always the same one (the *seed* fixes the
            chance draws), and loads the tools of the course. It takes a few
            seconds.

            As in lessons 06 to 10, you are {f['name']} (person {YOU}), a
            {f['occupation']} in the {f['sector']} sector.
            """),
        code("l09-setup", f"""
            import matplotlib.pyplot as plt
            import networkx as nx
            import ipywidgets as widgets
            import weakties
            from weakties.widgets import Explorer, Prediction, Quiz
            from weakties.plotting import MARKERS, PALETTE, draw_network
            from weakties.scenarios import cascade

            SEED = {SEED}
            G = weakties.population({N}, seed=SEED)
            YOU = {YOU}
            """),
        md("l09-word", """
            ## What is said about you spreads

            Your *e-reputation* is what people find and say about you, online and
            offline: a recommendation, a comment under a post, a remark at a
            meeting, a search result. It travels from person to person, and you do
            not control where it goes.

            Two findings frame this lesson. Positive word of mouth is more frequent
            than negative word of mouth (East, Hammond and Wright 2007). But
            negative information weighs more than positive information of the same
            size (Baumeister et al. 2001): where most of what is said about you is
            positive, a single negative remark stands out.
            """),
        md("l09-models", """
            ## Two models of spreading

            Kempe, Kleinberg and Tardos (2003) studied two classic models of how
            something spreads in a network:

            - **Independent cascade.** A person who has just heard the message
              passes it to each contact who has not heard it, once, with some
              chance. In this simulation the chance is higher for stronger ties:
              close contacts listen more.
            - **Linear threshold.** Each person has a threshold, drawn at random.
              They adopt the message when the share of their contacts who carry it,
              weighted by tie strength, reaches their threshold (Granovetter 1978).
              Someone with a low threshold is convinced by one contact; someone with
              a high threshold needs most of their circle.

            The message starts from a few **seeds**: either the people with the most
            ties (the "influencers") or people chosen at random.
            """),
        md("l09-run-md", """
            This cell runs the independent cascade of a positive message ten times
            from the ten influencers, and ten times from ten people chosen at random
            (new ones in each run). It shows nothing yet.
            """),
        code("l09-run", """
            influencers = cascade(G, "influencers", seed=SEED)
            random_seeds = cascade(G, "random", seed=SEED)
            """),
        md("l09-predict-md", """
            ## Predict, then see

            Choose your prediction, then press the button.
            """),
        code("l09-predict", """
            def influencer_advantage():
                ratio = influencers.final_reach / random_seeds.final_reach
                answer = ("About as far" if ratio < 1.1 else
                          "Somewhat further" if ratio < 2 else "More than twice as far")
                return answer, (f"Share of the population reached: {influencers.final_reach:.1%} "
                                f"from influencers, {random_seeds.final_reach:.1%} from people "
                                f"chosen at random ({ratio:.1f} times as far).")

            Prediction("Ten influencers, or ten people chosen at random, start the same "
                       "positive message. How far does it go when the influencers start it?",
                       ["About as far", "Somewhat further", "More than twice as far"],
                       run=influencer_advantage,
                       explanation="Influencers reach more people at the first step, so the "
                                   "cascade starts wider. In this population nobody has "
                                   "hundreds of contacts, so their advantage stays moderate.")
            """),
        md("l09-curves-md", """
            ## The two cascades, step by step

            Each result draws its curve with its `plot` method; the loop gives each
            curve its own colour, marker and line style.
            """),
        code("l09-curves", """
            fig, ax = plt.subplots(figsize=(8, 4.5))
            for i, result in enumerate([influencers, random_seeds]):
                result.plot(ax=ax)
                ax.lines[-1].set(color=PALETTE[i * 4], marker=MARKERS[i], linestyle=["-", "--"][i])
            ax.legend(frameon=False)
            plt.show()
            """),
        md("l09-curves-alt", f"""
            *Picture description:* a line chart with two curves. The horizontal axis
            is the step of the cascade (0 is the seeds); the vertical axis is the
            share of the population that has heard the message, in percent, on
            average over ten runs. The curve for influencers (circles, solid line)
            rises to {f['inf']:.1%}; the curve for people chosen at random (squares,
            dashed line) to {f['rnd']:.1%}. The one thing to notice: influencers
            give the message a wider start and a final reach {ratio:.1f} times as
            large, in this simulated population; both curves level off. The
            ten influencers have {f['top_degree'][-1]} to {f['top_degree'][0]}
            contacts, against {f['mean_degree']:.0f} on average.
            """),
        md("l09-tree-md", """
            ## Who heard it from whom

            The next picture draws one run of the influencers' cascade as a network:
            each person who heard the message is linked to the person they heard it
            from. The seeds are black stars; everyone else is coloured and shaped by
            the kind of tie that brought them the message. The cell builds that
            network from the result's table `reached` (one row per person reached).
            """),
        code("l09-tree", """
            run = influencers.reached[influencers.reached["run"] == 0]
            tree = nx.Graph()
            for row in run.itertuples():
                tree.add_node(row.person, **{"heard through": row.tie + " tie"})
                if row.tie != "seed":
                    tree.add_edge(row.via, row.person, strength=row.strength)
            seeds = list(run.loc[run["tie"] == "seed", "person"])
            ax = draw_network(tree, color_by="heard through", highlight=seeds, seed=SEED,
                              title="One cascade: who heard the message from whom")
            ax.get_legend().get_texts()[-1].set_text("influencer (seed)")
            plt.show()
            """),
        md("l09-tree-alt", f"""
            *Picture description:* a network drawing of the {f['run0']} people
            reached in one run. Ten black stars are the influencers; from most of
            them grows a tree of people, each linked to the person who told them,
            with thicker lines for stronger ties. {f['run0_weak']} people heard the message through a
            weak tie and {f['run0_strong']} through a strong tie. The one thing to
            notice: most branches are weak ties.
            """),
        md("l09-weak-md", """
            ## Weak ties carry most of the spread

            Over the ten runs, how many people heard the message through a weak tie,
            and how many through a strong tie? This cell counts them, and the share
            of all ties that are weak.
            """),
        code("l09-weak", """
            kinds = list(weakties.ties.classify(G).values())
            print(f"weak ties: {kinds.count('weak') / len(kinds):.0%} of all ties")
            influencers.by_tie()
            """),
        md("l09-weak-after", f"""
            In this simulated population, {pct(f['by_tie'].loc['weak', 'share'])} of
            the people reached heard the message through a weak tie, while
            {pct(f['weak_ties'])} of all ties are weak. One by one, a strong tie
            passes the message more readily; but weak ties are far more numerous and
            lead to people who have not heard it yet. Bakshy and colleagues (2012)
            found the same on Facebook: stronger ties are individually more
            influential, but the more abundant weak ties are responsible for most of
            the spread of new information.
            """),
        md("l09-explore-md", """
            ## Explore: models, good news and bad news

            Move the controls: the **model** (independent cascade or linear
            threshold), the **valence** of the message (positive or negative), how
            the **seeds** are chosen and **how many**, and the base **probability**
            of passing the message on (used by the independent cascade only). In
            the simulation, a negative message is passed on half as often in the
            independent cascade (positive word of mouth is more frequent), but
            weighs 1.2 times as much in the threshold model (bad news stands out).
            The title gives the final reach.
            """),
        code("l09-explore", """
            def show(model, valence, seeds, k, probability):
                result = cascade(G, seeds, k=k, model=model, valence=valence,
                                 probability=probability, seed=SEED)
                ax = result.plot()
                ax.set_title(f"Final reach: {result.final_reach:.1%} of the population")

            Explorer(show, title="How far does the message go?",
                     model=widgets.Dropdown(options=[("independent cascade", "independent"),
                                                     ("linear threshold", "threshold")]),
                     valence=widgets.Dropdown(options=["positive", "negative"]),
                     seeds=widgets.Dropdown(options=["influencers", "random"]),
                     k=widgets.IntSlider(value=10, min=1, max=50, description="how many seeds"),
                     probability=widgets.FloatSlider(value=0.035, min=0.01, max=0.08,
                                                     step=0.005, readout_format=".3f"))
            """),
        md("l09-explore-alt", f"""
            *Picture description:* the chart above is a line chart of the share of
            the population reached, step by step, as in "The two cascades, step by
            step", redrawn for the values you chose; its title gives the final
            reach. Things to try: with ten influencers, the independent cascade
            reaches {v[('independent', 'positive')]:.1%} with a positive message and
            {v[('independent', 'negative')]:.1%} with a negative one; the threshold
            model reaches {v[('threshold', 'positive')]:.1%} with a positive message
            and {v[('threshold', 'negative')]:.1%} with a negative one. Then raise
            the probability slowly: past a certain value, the independent cascade
            suddenly reaches a large part of the population. The one thing to
            notice: in the threshold model, the small extra weight of bad news is
            enough to tip this simulated population over. A model is a
            simplification: here nobody forgets, checks or answers the message.
            """),
        md("l09-visible", """
            ## Visible, without ego

            If what is said about you spreads through weak ties, visibility matters:
            people you barely know pass on what they find useful or striking. The
            course's advice is to let your visibility show *competence*, not ego:

            - share what you learned (a result, a method, a mistake and how you
              fixed it), more than what you obtained (a title, an award);
            - credit the people you worked with, by name;
            - answer questions in your field precisely, with sources;
            - keep the three commitments of lesson 06: what your partners say about
              you weighs more than what you say about yourself;
            - when a negative remark appears, answer once, calmly and with facts,
              or in private; never in anger.
            """),
        md("l09-information", """
            ## Networks as an information channel

            Professional networks are also a source of information: a daily press
            review chosen by people you follow, groups by theme (a trade, a
            technology, a region), and influencers who bring news, documents and
            points of view. Following a few well-chosen people and groups, across
            sectors, brings you the new information that weak ties carry.

            Discussion groups also overflow: a thread turns into a debate between a
            few people, with positions repeated and no new fact. Leave such threads,
            do not feed them, and prefer groups where members share documents and
            sources.
            """),
        md("l09-quiz-md", """
            ## Check your understanding

            Choose an answer and press **Check**. These questions are not graded.
            """),
        code("l09-quiz-1", """
            Quiz("In the independent cascade model, what does a person do when they hear "
                 "the message?",
                 ["They pass it to each contact once, with some chance",
                  "They wait until enough of their contacts carry it",
                  "They pass it to all their contacts for sure"],
                 answer="They pass it to each contact once, with some chance",
                 explanation="Each tie gets one chance to carry the message (Kempe, "
                             "Kleinberg and Tardos 2003).",
                 hints={"They wait until enough of their contacts carry it":
                        "That describes how a person adopts the message in the linear "
                        "threshold model.",
                        "They pass it to all their contacts for sure":
                        "Then every message would reach everyone connected; each pass "
                        "happens only with some chance."})
            """),
        code("l09-quiz-2", """
            Quiz("In this simulated population, most people who heard the message heard it "
                 "through...",
                 ["a strong tie", "a weak tie", "an influencer, directly"],
                 answer="a weak tie",
                 explanation="Weak ties are far more numerous and lead to people who have "
                             "not heard the message yet (Bakshy et al. 2012 found the same "
                             "on Facebook).",
                 hints={"a strong tie": "One by one, strong ties pass the message more "
                                        "readily; but count how many ties are strong.",
                        "an influencer, directly": "Influencers reach only their own "
                                                   "contacts directly; the cascade goes "
                                                   "further."})
            """),
        code("l09-quiz-3", """
            Quiz("Which post shows competence without ego?",
                 ["A post announcing your new title, with a photo of you",
                  "A short summary of what your team learned on a project, naming the "
                  "people who did the work",
                  "A long reply proving a stranger wrong in a discussion group"],
                 answer="A short summary of what your team learned on a project, naming "
                        "the people who did the work",
                 explanation="It shows what you can do and is useful to others, so people "
                             "pass it on; it credits your partners.",
                 hints={"A post announcing your new title, with a photo of you":
                        "It tells people what you obtained, not what you can do for them.",
                        "A long reply proving a stranger wrong in a discussion group":
                        "That is how a thread overflows into an unproductive debate."})
            """),
        md("l09-reflection", """
            ## Reflection

            1. Search for your own name. What would a stranger conclude about your
               competence from what they find?
            2. Which three people or groups bring you the most useful professional
               information? Are they in your sector or in others?
            3. Think of a discussion that overflowed into an unproductive debate.
               At what point could you have left it, or moved it to a private
               conversation?

            The exercise `exercises/09-e-reputation/` asks you to choose who starts
            a message on your own simulated population, measure how far it travels
            and through which ties.
            """),
        md("l09-recap", """
            ## Recap

            - Word of mouth spreads as a cascade: each person may pass the message
              on (independent cascade), or adopts it once enough contacts carry it
              (linear threshold).
            - Starting from influencers gives a message a wider start; in this
              simulated population the advantage is moderate.
            - Most people hear a message through a weak tie, because weak ties are
              many and reach new people (Bakshy et al. 2012).
            - Negative word of mouth is rarer but weighs more; in the threshold
              model, a little extra weight can tip a whole network.
            - Be visible through competence, not ego; use networks to inform
              yourself, and leave debates that bring no new facts.
            """),
        md("l09-sources", """
            ## Sources

            - Kempe, D., Kleinberg, J., Tardos, É. (2003). Maximizing the spread of
              influence through a social network. *Proceedings of the 9th ACM SIGKDD
              International Conference on Knowledge Discovery and Data Mining*,
              137-146.
            - Granovetter, M. (1978). Threshold models of collective behavior.
              *American Journal of Sociology* 83(6), 1420-1443.
            - East, R., Hammond, K., Wright, M. (2007). The relative incidence of
              positive and negative word of mouth: a multi-category study.
              *International Journal of Research in Marketing* 24(2), 175-184.
            - Baumeister, R. F., Bratslavsky, E., Finkenauer, C., Vohs, K. D.
              (2001). Bad is stronger than good. *Review of General Psychology*
              5(4), 323-370.
            - Bakshy, E., Rosenn, I., Marlow, C., Adamic, L. (2012). The role of
              social networks in information diffusion. *Proceedings of the 21st
              International Conference on World Wide Web*, 519-528.
            - The simulation is `weakties.scenarios.cascade`; its documentation
              lists its assumptions.
            """),
    ])

# ---------------------------------------------------------------------------
# Lesson 10: creating a company

def facts_10():
    from weakties.scenarios import venture
    from weakties.scenarios.venture import DEFAULT_NEEDS

    G = population()
    r = venture(G, YOU, seed=SEED)
    cov = r.coverage.set_index("mode")
    team = r.team[r.team["mode"] == "whole network"]
    strong = r.team[r.team["mode"] == "strong ties only"]
    people = {p for chain in team["chain"] for p in chain}
    hop1 = venture(G, YOU, seed=SEED, max_hops=1).coverage.set_index("mode")
    hop3 = venture(G, YOU, seed=SEED, max_hops=3).coverage.set_index("mode")
    rel = venture(G, YOU, seed=SEED, min_reliability=0.8).coverage.set_index("mode")
    return {
        "needs": sum(len(v) for v in DEFAULT_NEEDS.values()),
        "cov": cov, "hop1": hop1, "hop3": hop3, "rel": rel,
        "missing": [f"{row.role} ({row.need})" for row in strong.itertuples() if not row.covered],
        "team_size": team["person"].nunique(), "drawn": len(people),
        "direct": int((team.drop_duplicates("person")["hops"] == 1).sum()),
        "sectors": sorted(set(team["sector"])),
        "strong_contacts": sum(1 for v in G[YOU] if G[YOU][v]["strength"] >= 0.5),
        "strong_sectors": sorted({G.nodes[v]["sector"] for v in G[YOU]
                                  if G[YOU][v]["strength"] >= 0.5}),
    }


def lesson_10():
    f = {**person_facts(), **facts_10()}
    cov, hop1, hop3, rel = f["cov"], f["hop1"], f["hop3"], f["rel"]
    S, W = "strong ties only", "whole network"
    return notebook([
        md("l10-title", """
            # Lesson 10: Creating a company

            To create a company you need partners, suppliers, advisers and first
            clients. This lesson shows how far your close circle takes you, and what
            your whole network adds.

            **Duration:** about 45 minutes.

            **Learning objectives.** By the end of this lesson you can:

            - List the people a new company needs, and the skill or sector behind
              each need.
            - Compare, in a simulation, the needs a founder covers through strong
              ties only and through the whole network.
            - Explain why complementary skills are found across sectors, through
              weak ties.
            - Choose each person by trust *and* by reliability, as in lesson 06.

            **Prerequisites:** lesson 02 (strong and weak ties), lesson 04 (silos and
            bridges) and lesson 06 (engagement and reputation).
            """),
        md("l10-setup-md", f"""
            ## Setup

            Run this cell first: it builds a fictional population of 2,000
            professionals in France, always the same one (the *seed* fixes the
            chance draws), and loads the tools of the course. It takes a few
            seconds.

            As in lessons 06 to 10, you are {f['name']} (person {YOU}), a
            {f['occupation']} in the {f['sector']} sector. In this lesson you
            found a digital services company.
            """),
        code("l10-setup", f"""
            import matplotlib.pyplot as plt
            import networkx as nx
            import pandas as pd
            import ipywidgets as widgets
            import weakties
            from weakties.widgets import Explorer, Prediction, Quiz
            from weakties.plotting import draw_network
            from weakties.scenarios import venture
            from weakties.scenarios.venture import DEFAULT_NEEDS

            SEED = {SEED}
            G = weakties.population({N}, seed=SEED)
            YOU = {YOU}
            """),
        md("l10-needs-md", """
            ## What a new company needs

            A company needs more than its founder:

            - **partners** with the skills you lack;
            - **suppliers** who deliver what you cannot make yourself;
            - **advisers**: an accountant, a lawyer, a banker;
            - **first clients**, who trust you before anyone else does.

            Each need is either a **skill** (a partner who does web development) or
            a **sector** (a first client in retail). This cell lists the needs of the
            digital services company in the simulation.
            """),
        code("l10-needs", """
            pd.DataFrame([(role, need) for role, needs in DEFAULT_NEEDS.items() for need in needs],
                         columns=["role", "need"])
            """),
        md("l10-founders", """
            ## Founders lean on strong ties

            Most founders build their first team from the people closest to them.
            In a study of founding teams in the United States, Ruef, Aldrich and
            Carter (2003) found that their composition is shaped above all by
            homophily (people who resemble each other) and by strong ties (family,
            friends, old colleagues). Entrepreneurs rely on their networks for
            resources of every kind (Aldrich and Zimmer 1986).

            The close circle gives trust, but it resembles you: the same sector, the
            same skills, the same contacts. A company needs *complementary* skills,
            and these are found in other sectors, which weak ties reach (Burt 1992).
            Strong ties also carry emotion: if the business goes badly, you may
            lose a friend as well as a partner.
            """),
        md("l10-model", f"""
            ## The simulation

            `venture` looks, for each need, for the best person within two ties of
            you (your contacts and their contacts). The best person has the highest
            **trust** (the product of tie strengths along the chain from you, as in
            lesson 08) times **reliability** (their mean reliability on the three
            commitments of lesson 06). It compares two ways of searching:
            through **strong ties only**, and through the **whole network**.
            You have {f['strong_contacts']} strong ties, in
            {len(f['strong_sectors'])} sectors. This cell runs it; it shows
            nothing yet.
            """),
        code("l10-run", """
            result = venture(G, YOU, max_hops=2, seed=SEED)
            """),
        md("l10-predict-md", """
            ## Predict, then see

            Choose your prediction, then press the button.
            """),
        code("l10-predict", f"""
            def strong_coverage():
                covered = result.coverage.set_index("mode")["covered"]
                strong = covered["strong ties only"]
                answer = ("All or almost all (8 to 10)" if strong >= 8 else
                          "About half (4 to 7)" if strong >= 4 else "Few (0 to 3)")
                return answer, (f"Needs covered: {{strong}} of {f['needs']} through strong ties "
                                f"only, {{covered['whole network']}} of {f['needs']} through the "
                                "whole network.")

            Prediction("Through your strong ties only (your close contacts and their close "
                       "contacts), how many of the {f['needs']} needs can you cover?",
                       ["All or almost all (8 to 10)", "About half (4 to 7)", "Few (0 to 3)"],
                       run=strong_coverage,
                       explanation="Your close circle is small and resembles you. The whole "
                                   "network, through weak ties, reaches other sectors and "
                                   "other skills.")
            """),
        md("l10-plot-md", """
            ## Needs covered, role by role

            The next picture compares the two searches for each role.
            """),
        code("l10-plot", """
            result.plot()
            plt.show()
            """),
        md("l10-plot-alt", f"""
            *Picture description:* a bar chart with one pair of bars per role
            (partner, supplier, adviser, client). In each pair, the left bar
            (hatched with lines) is the share of needs covered through strong ties
            only, the right bar (hatched with dots) through the whole network. In
            all, strong ties only cover {cov.loc[S, 'covered']} of the
            {f['needs']} needs and the whole network {cov.loc[W, 'covered']}. Not
            found through strong ties: {', '.join(f['missing'])}. The one thing to
            notice: the whole network covers every role, in this simulated
            population.
            """),
        md("l10-team-md", """
            ## Your team

            This table lists the person chosen for each need through the whole
            network: their sector, how many ties away they are (`hops`), the trust
            of the chain and their reliability.
            """),
        code("l10-team", """
            team = result.team[result.team["mode"] == "whole network"]
            columns = ["role", "need", "person", "sector", "hops", "trust", "reliability"]
            team[columns].astype({"person": "Int64"}).round(2)
            """),
        md("l10-team-after", f"""
            In this simulated population, {f['team_size']} different people cover
            the {f['needs']} needs (one person can cover several), from
            {len(f['sectors'])} sectors: {', '.join(f['sectors'])}.
            {f['direct']} of them are your direct contacts; the other
            {f['team_size'] - f['direct']} are contacts of contacts, reached
            through an introduction.
            """),
        md("l10-draw-md", """
            ## Your team, drawn

            The next picture draws you, your team, and the contacts who lead you to
            them (the people on the chains of the table above), with `draw_network`:
            colour and shape by sector, line width by tie strength, and each team
            member labelled with the role they play.
            """),
        code("l10-draw", """
            people = {p for chain in team["chain"] for p in chain}
            H = G.subgraph(people)
            ax = draw_network(H, highlight=YOU, seed=SEED, node_size=80, max_categories=12,
                              title="Your team and the contacts who lead to them")
            ax.get_legend().get_texts()[-1].set_text("you")
            pos = nx.spring_layout(H, seed=SEED, weight="strength")   # the layout draw_network used
            for person, rows in team.groupby("person"):
                ax.annotate(", ".join(sorted(set(rows["role"]))), pos[person], xytext=(7, 7),
                            textcoords="offset points", fontsize=9,
                            bbox={"boxstyle": "round", "facecolor": "white", "alpha": 0.8})
            plt.show()
            """),
        md("l10-draw-alt", f"""
            *Picture description:* a network drawing of {f['drawn']} people: you (a
            black star), the {f['team_size']} people of your team, each labelled
            with their role (partner, supplier, adviser or client), and the
            contacts through whom you reach them. People are coloured and shaped by
            sector; lines are thicker for stronger ties. The one thing to notice:
            the team spreads over {len(f['sectors'])} sectors, while your
            {f['strong_contacts']} strong ties work in only
            {len(f['strong_sectors'])}.
            """),
        md("l10-reliability", f"""
            ## Trust is not reliability

            A close tie is not a guarantee of a reliable partner (lesson 06). The
            simulation can exclude anyone whose mean reliability is below a
            minimum. With a minimum of 0.8, in this simulated population, strong
            ties only cover {rel.loc[S, 'covered']} of the {f['needs']} needs, and
            the whole network still covers {rel.loc[W, 'covered']}. The larger your
            network, the more you can afford to choose reliable people. Before you
            commit, ask people who have worked with them.
            """),
        md("l10-explore-md", """
            ## Explore: how far you search, and how demanding you are

            Move the controls: `max hops` is how many ties away you search (1: your
            contacts only), and `min reliability` the minimum reliability you
            accept. The chart of needs covered by role is redrawn each time.
            """),
        code("l10-explore", """
            def show(max_hops, min_reliability):
                venture(G, YOU, max_hops=max_hops, min_reliability=min_reliability,
                        seed=SEED).plot()

            Explorer(show, title="Needs covered: strong ties only against the whole network",
                     max_hops=widgets.IntSlider(value=2, min=1, max=3),
                     min_reliability=widgets.FloatSlider(value=0.0, min=0.0, max=0.9, step=0.1))
            """),
        md("l10-explore-alt", f"""
            *Picture description:* the chart above is the bar chart of "Needs
            covered, role by role", redrawn for the values you chose. Things to try:
            with `max hops` at 1, strong ties only cover {hop1.loc[S, 'covered']}
            needs and the whole network {hop1.loc[W, 'covered']}; at 3, strong ties
            only cover {hop3.loc[S, 'covered']} and the whole network
            {hop3.loc[W, 'covered']}. Then raise `min reliability`. The one thing to
            notice: through strong ties only, you need long chains of close friends
            of close friends to cover what weak ties bring in two steps.
            """),
        md("l10-quiz-md", """
            ## Check your understanding

            Choose an answer and press **Check**. These questions are not graded.
            """),
        code("l10-quiz-1", """
            Quiz("Why does a founding team built only from close friends often lack skills?",
                 ["Close friends are less competent than strangers",
                  "Close friends tend to resemble you: same sector, same skills",
                  "Close friends refuse to work together"],
                 answer="Close friends tend to resemble you: same sector, same skills",
                 explanation="Founding teams are shaped by homophily and strong ties (Ruef, "
                             "Aldrich and Carter 2003); complementary skills are in other "
                             "sectors.",
                 hints={"Close friends are less competent than strangers":
                        "Competence is not the issue; similarity is.",
                        "Close friends refuse to work together":
                        "They are often willing; but they bring what you already have."})
            """),
        code("l10-quiz-2", """
            Quiz("In the simulation, how is the person chosen for each need?",
                 ["The person with the most contacts",
                  "The person with the best trust (through the chain from you) times "
                  "reliability",
                  "The first person found in the sector"],
                 answer="The person with the best trust (through the chain from you) times "
                        "reliability",
                 explanation="Trust measures how well the introduction can go; reliability "
                             "how well the commitments will be kept.",
                 hints={"The person with the most contacts":
                        "Many contacts do not make a good partner.",
                        "The first person found in the sector":
                        "The simulation compares everyone who fits, within reach."})
            """),
        code("l10-quiz-3", """
            Quiz("You need an accountant for your new company. Which approach is closest to "
                 "what this lesson recommends?",
                 ["Take your cousin, who is an accountant, without asking anyone",
                  "Ask your contacts whom they would recommend, and ask people who have "
                  "worked with the candidates",
                  "Pick the first accountant in an online directory"],
                 answer="Ask your contacts whom they would recommend, and ask people who "
                        "have worked with the candidates",
                 explanation="Your network reaches more candidates, and the people who have "
                             "worked with them can tell you whether they are reliable.",
                 hints={"Take your cousin, who is an accountant, without asking anyone":
                        "Maybe your cousin is the right person; but a strong tie tells you "
                        "nothing about reliability, and mixes family and business.",
                        "Pick the first accountant in an online directory":
                        "That is a cold approach: no trust, no information on reliability."})
            """),
        md("l10-reflection", """
            ## Reflection

            1. Imagine the company you could create. Which partner, supplier,
               adviser and first client would it need?
            2. For each need, who in your network has the skill, or knows someone
               who has it? How many of them are in your own sector?
            3. Whom would you ask about the reliability of a future partner, before
               you sign anything together?

            The exercise `exercises/10-creating-a-company/` asks you to assemble the
            people a company needs on your own simulated population, and to compare
            your close circle with your whole network.
            """),
        md("l10-recap", """
            ## Recap

            - A company needs partners, suppliers, advisers and first clients, with
              skills that complement yours.
            - Founders tend to build teams from strong ties and look-alikes (Ruef,
              Aldrich and Carter 2003); the close circle resembles you.
            - In this simulated population, strong ties alone cover about half of
              the needs; the whole network covers them all, across many sectors.
            - Choose people by trust *and* reliability, and ask those who have
              worked with them.
            """),
        md("l10-sources", """
            ## Sources

            - Ruef, M., Aldrich, H. E., Carter, N. M. (2003). The structure of
              founding teams: homophily, strong ties, and isolation among US
              entrepreneurs. *American Sociological Review* 68(2), 195-222.
            - Aldrich, H. E., Zimmer, C. (1986). Entrepreneurship through social
              networks. In D. L. Sexton, R. W. Smilor (eds.), *The Art and Science
              of Entrepreneurship*, 3-23. Ballinger.
            - Burt, R. S. (1992). *Structural Holes: The Social Structure of
              Competition*. Harvard University Press.
            - Granovetter, M. S. (1973). The strength of weak ties. *American Journal
              of Sociology* 78(6), 1360-1380.
            - The simulation is `weakties.scenarios.venture`; its documentation
              lists its assumptions.
            """),
    ])

# ---------------------------------------------------------------------------

BUILDERS = {"09": lesson_09,
            "10": lesson_10}


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
