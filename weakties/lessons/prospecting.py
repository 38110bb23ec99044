"""Lesson 08, prospecting: warm introductions through the right intermediary.

The functions the lesson's cells call, its quizzes and its prediction, the
facts its text quotes and the claims its text makes
(``course/sources/en/08-prospecting.md``). The simulation is
:func:`weakties.scenarios.prospecting`.

References
----------
.. [1] Travers, J., Milgram, S. (1969). An experimental study of the small
   world problem. *Sociometry* 32(4), 425-443.
.. [2] Granovetter, M. S. (1973). The strength of weak ties. *American
   Journal of Sociology* 78(6), 1360-1380.
.. [3] Burt, R. S. (1992). *Structural Holes: The Social Structure of
   Competition*. Harvard University Press.
"""

from __future__ import annotations

import math

from ..i18n import N_, decimal, gettext, language, number
from ..scenarios.prospecting import AGREE_EXPONENT, prospecting
from ._core import Lesson, PredictionData, QuizData, claim
from .people import you_person

__all__ = ["LESSON", "QUIZZES", "PREDICTIONS", "EXPLORERS", "SEED", "PROSPECT_SECTOR",
           "COLD_RATE", "prospects", "chain_trust", "prospect", "show_reach", "draw_chain",
           "best_chain", "show_best_chain", "first_contacts", "explore_prospecting",
           "explore_chains", "facts"]

LESSON = Lesson("08", "prospecting", population=(2000, 7))

#: The seed of the lesson's simulations, the prospects' sector and the
#: assumed chance that a cold approach works.
SEED, PROSPECT_SECTOR, COLD_RATE = 7, "Finance", 0.05
#: How readily people pass a request on, in the explorer: the exponent of
#: the tie's strength (the model assumes 0.5, the square root).
AGREE_CHOICES = {0.25: N_("more willing (strength to the power 0.25)"),
                 AGREE_EXPONENT: N_("as the model assumes (square root of the strength)"),
                 1.0: N_("less willing (the strength itself)")}


def _t(text, lang):
    return gettext(text, lang)


def prospects(G, seller):
    """The lesson's prospects: everyone who works in :data:`PROSPECT_SECTOR`, except the seller.

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(300, seed=1)
    >>> people = prospects(G, 0)
    >>> all(G.nodes[p]["sector"] == "Finance" for p in people) and 0 not in people
    True
    """
    return [v for v in G if G.nodes[v]["sector"] == PROSPECT_SECTOR and v != seller]


def chain_trust(*strengths, lang=None):
    """Print the trust of a chain of ties (the product of their strengths) and its chance.

    The introduction goes through with a chance equal to the square root
    of the trust (each person on the chain agrees with a chance equal to
    the square root of the strength of the tie to the person who asks).

    Examples
    --------
    >>> chain_trust(0.8, 0.5, lang="en")
    Trust of the chain: 0.8 × 0.5 = 0.40
    Chance that the introduction goes through: √0.40 = 0.63
    """
    if not strengths or not all(isinstance(s, (int, float)) and 0 < s <= 1 for s in strengths):
        raise ValueError(_t(N_("give the strengths of the ties of the chain, each between 0 "
                               "and 1, for example chain_trust(0.8, 0.5)."), lang))
    trust = math.prod(strengths)
    product = " × ".join(decimal(s, 1 if round(s, 1) == s else 2, lang) for s in strengths)
    print(_t(N_("Trust of the chain: {product} = {trust}"), lang).format(
        product=product, trust=decimal(trust, 2, lang)))
    print(_t(N_("Chance that the introduction goes through: √{trust} = {chance}"), lang).format(
        trust=decimal(trust, 2, lang), chance=decimal(trust ** AGREE_EXPONENT, 2, lang)))


_CACHE: dict = {}
_PEOPLE: dict = {}


def prospect(G, max_hops=3, cold_rate=COLD_RATE, criterion="trust",
             agree_exponent=AGREE_EXPONENT):
    """The lesson's prospecting: you (:func:`you_person`) approach each of your prospects once.

    Results are kept for the population, so that the lesson's cells and
    controls reuse them.

    Returns
    -------
    weakties.scenarios.prospecting.ProspectingResult

    Examples
    --------
    >>> import weakties
    >>> r = prospect(weakties.population(2000, seed=7))
    >>> r.params["max_hops"], r.params["cold_rate"]
    (3, 0.05)
    """
    graph = (id(G), G.number_of_nodes(), G.number_of_edges())
    key = graph + (max_hops, cold_rate, criterion, agree_exponent)
    if key not in _CACHE:
        if len(_CACHE) > 128:
            _CACHE.clear()
        if graph not in _PEOPLE:  # who "you" is does not depend on the controls: found once
            _PEOPLE.clear()
            you = you_person(G)
            _PEOPLE[graph] = (you, prospects(G, you))
        you, targets = _PEOPLE[graph]
        _CACHE[key] = prospecting(G, you, list(targets), max_hops=max_hops, seed=SEED,
                                  cold_rate=cold_rate, criterion=criterion,
                                  agree_exponent=agree_exponent)
    return _CACHE[key]


def show_reach(G, lang=None):
    """Draw the expected meetings, warm against cold, by length of the best chain.

    Returns
    -------
    matplotlib.figure.Figure
    """
    ax = prospect(G).plot(lang=lang)
    ax.figure.set_size_inches(8, 4.5)
    return ax.figure


def draw_chain(G, chain, title, lang=None, ax=None):
    """Draw a chain of introducers from left to right: you, the introducers, the prospect.

    Each person is a marker (the seller a black star; the others coloured
    and shaped by sector, with their role and sector written below); each
    tie is a line whose width shows its strength, labelled with it.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(300, seed=1)
    >>> a, b = next(iter(G.edges()))
    >>> ax = draw_chain(G, [a, b], "A chain of one tie", lang="en")
    >>> [t.get_text() for t in ax.texts][0].startswith("tie strength")
    True
    """
    import matplotlib.pyplot as plt

    from ..plotting import category_styles

    if ax is None:
        _, ax = plt.subplots(figsize=(10, 3))
    sectors = [G.nodes[v]["sector"] for v in chain]
    styles = category_styles(sectors[1:])
    for i, (a, b) in enumerate(zip(chain, chain[1:])):
        strength = G[a][b]["strength"]
        ax.plot([i, i + 1], [0, 0], color="#444444", lw=1 + 8 * strength, zorder=1)
        ax.text(i + 0.5, 0.1, _t(N_("tie strength {strength}"), lang).format(
            strength=decimal(strength, 2, lang)), ha="center")
    for i, person in enumerate(chain):
        if i == 0:
            role = _t(N_("you"), lang)
        elif i == len(chain) - 1:
            role = _t(N_("prospect"), lang)
        else:
            role = _t(N_("introducer {number}"), lang).format(number=i)
        colour, marker = ("black", "*") if i == 0 else styles[sectors[i]]
        ax.scatter([i], [0], s=700 if i == 0 else 350, c=colour, marker=marker,
                   edgecolors="black", zorder=2)
        ax.text(i, -0.15, f"{role}\n{sectors[i]}", ha="center", va="top", fontsize=10)
    ax.set_xlim(-0.5, len(chain) - 0.5)
    ax.set_ylim(-0.5, 0.3)
    ax.axis("off")
    ax.set_title(title)
    return ax


def best_chain(G, hops=3):
    """The row of the chain of ``hops`` ties with the best chance of an introduction.

    Returns
    -------
    pandas.Series
        A row of :attr:`ProspectingResult.chains`.
    """
    c = prospect(G).chains
    return c[c["hops"] == hops].sort_values("p_warm", kind="stable").iloc[-1]


def show_best_chain(G, lang=None):
    """Draw your best chain of three ties to one prospect.

    Returns
    -------
    matplotlib.figure.Figure
    """
    row = best_chain(G)
    return draw_chain(G, list(row["chain"]), _t(N_("Your best chain to one prospect"), lang),
                      lang).figure


def first_contacts(G, rows=6, lang=None):
    """Your contacts who open the best chains, by the introductions they are expected to bring.

    Returns
    -------
    pandas.DataFrame
        One row per contact: their sector, the strength of your tie to
        them and its rank among your ties (1: your strongest), the prospects
        their chains reach, and the expected introductions.

    Examples
    --------
    >>> import weakties
    >>> table = first_contacts(weakties.population(2000, seed=7), lang="en")
    >>> list(table.columns)[:2]
    ['sector', 'tie strength']
    """
    import pandas as pd

    you = you_person(G)
    f = prospect(G).first_asks.head(rows)
    rank = {v: 1 + sum(1 for w in G[you] if G[you][w]["strength"] > G[you][v]["strength"])
            for v in f["contact"]}
    strength, expected = f["strength"].round(2).to_numpy(), f["expected"].round(2).to_numpy()
    if (language() if lang is None else lang) != "en":  # numbers as the language writes them
        strength = [decimal(x, 2, lang) for x in strength]
        expected = [decimal(x, 2, lang) for x in expected]
    return pd.DataFrame({
        _t(N_("sector"), lang): [G.nodes[v]["sector"] for v in f["contact"]],
        _t(N_("tie strength"), lang): strength,
        _t(N_("rank among your ties"), lang): [rank[v] for v in f["contact"]],
        _t(N_("prospects reached"), lang): f["targets"].to_numpy(),
        _t(N_("expected introductions"), lang): expected,
    }, index=pd.Index(f["contact"].to_numpy(), name=_t(N_("contact"), lang)))


# --------------------------------------------------------------------------
# Explorers

def explore_prospecting(G, lang=None):
    """An explorer: how long a chain, how likely a cold approach, which chain, how willing people are.

    Returns
    -------
    weakties.widgets.Explorer
    """
    import ipywidgets as widgets

    from ..widgets import Explorer

    def show_prospecting(max_hops, cold_rate, criterion, willing):
        return prospect(G, max_hops, cold_rate, criterion, willing).plot(lang=lang).figure

    return Explorer(
        show_prospecting, title=_t(N_("Warm introductions against cold approaches"), lang),
        max_hops=widgets.IntSlider(value=3, min=1, max=4,
                                   description=_t(N_("longest chain (ties)"), lang)),
        cold_rate=widgets.FloatSlider(value=COLD_RATE, min=0.01, max=0.2, step=0.01,
                                      description=_t(N_("cold approaches that work"), lang)),
        criterion=widgets.Dropdown(options=[(_t(N_("most trusted chain"), lang), "trust"),
                                            (_t(N_("fewest ties"), lang), "hops")],
                                   description=_t(N_("chain chosen"), lang)),
        willing=widgets.Dropdown(options=[(_t(label, lang), value)
                                          for value, label in AGREE_CHOICES.items()],
                                 value=AGREE_EXPONENT,
                                 description=_t(N_("people pass a request on"), lang)))


def explore_chains(G, lang=None):
    """An explorer: the best chain to each prospect, from the likeliest introduction down.

    Returns
    -------
    weakties.widgets.Explorer
    """
    import ipywidgets as widgets

    from ..widgets import Explorer

    c = prospect(G).chains
    ranked = c[c["hops"] > 0].sort_values("p_warm", ascending=False, kind="stable")

    def show_chain(rank):
        row = ranked.iloc[rank - 1]
        title = _t(N_("Prospect ranked {rank}: {hops} ties, chance of introduction {chance}"),
                   lang).format(rank=rank, hops=int(row["hops"]),
                                chance=decimal(row["p_warm"], 2, lang))
        return draw_chain(G, list(row["chain"]), title, lang).figure

    return Explorer(show_chain, title=_t(N_("The best chain to each prospect"), lang),
                    rank=widgets.IntSlider(value=1, min=1, max=len(ranked),
                                           description=_t(N_("rank"), lang)))


#: The lesson's explorers by the key of the cell that shows them, for benchmarks.
EXPLORERS = {"explore": explore_prospecting, "chains": explore_chains}


# --------------------------------------------------------------------------
# Prediction and quizzes

def _warm_answer(G, lang=None):
    """What the simulation shows: expected meetings, warm against cold, by chain length."""
    r = prospect(G)
    e = r.reach.set_index("approach")["expected"]
    ratio = e["warm"] / e["cold"]
    index = 0 if ratio < 1.5 else 1 if ratio < 3 else 2
    by_hops = r.chains[r.chains["hops"] > 0].groupby("hops")["p_warm"].agg(["size", "sum"])
    longest = int(by_hops["size"].idxmax())
    ax = r.plot(lang=lang)
    description = _t(N_(
        "A bar chart with one pair of bars per length of chain. In each pair, the left bar "
        "(hatched with lines) is the expected number of meetings through warm "
        "introductions, the right bar (hatched with dots) through cold approaches. Most "
        "prospects ({most} of {n}) are {hops} ties away; for them, warm introductions bring "
        "{warm_most} expected meetings against {cold_most} cold. In all, {warm} warm "
        "against {cold} cold: {ratio} times as many. The one thing to notice: even a chain of "
        "three ties beats a cold approach, with the chances the model assumes."), lang).format(
        most=number(int(by_hops.loc[longest, "size"]), lang), n=number(len(r.chains), lang),
        hops=longest, warm_most=decimal(by_hops.loc[longest, "sum"], 1, lang),
        cold_most=decimal(by_hops.loc[longest, "size"] * COLD_RATE, 1, lang),
        warm=decimal(e["warm"], 1, lang), cold=decimal(e["cold"], 1, lang),
        ratio=decimal(ratio, 1, lang))
    return index, ax.figure, description


PREDICTIONS = {
    "warm": PredictionData(
        question=N_("You approach each of your prospects once. How many meetings do warm "
                    "introductions bring, compared with cold approaches?"),
        choices=(N_("About as many"), N_("About twice as many"), N_("Several times as many")),
        run=_warm_answer,
        explanation=N_("With the model's assumptions (each person on a chain agrees with a "
                       "chance equal to the square root of the tie's strength; a cold approach "
                       "works 5 times in 100), a chain of three ties of moderate strength still "
                       "goes through far more often than a cold approach works."),
        claims=("warm_beats_cold_several_times",),
    ),
}

QUIZZES = {
    "trust": QuizData(
        question=N_("A chain has two ties, of strength 0.9 and 0.4. What is its trust?"),
        choices=(N_("1.3"), N_("0.36"), N_("0.65")),
        answer=N_("0.36"),
        explanation=N_("The trust of a chain is the product of the strengths: 0.9 × 0.4 = "
                       "0.36. The introduction then goes through with a chance of √0.36 = "
                       "0.6."),
        hints={N_("1.3"): N_("That is the sum. A chain is only as good as all its links "
                             "together: multiply the strengths."),
               N_("0.65"): N_("That is the mean of the two strengths; multiply them "
                              "instead.")},
    ),
    "first": QuizData(
        question=N_("Which contact should you ask first for an introduction to a prospect?"),
        choices=(N_("Your closest friend, whatever their sector"),
                 N_("The contact with the most connections on the platform"),
                 N_("A contact you know well enough to ask, who knows people in the "
                    "prospect's world")),
        answer=N_("A contact you know well enough to ask, who knows people in the prospect's "
                  "world"),
        explanation=N_("A good first contact needs both: a tie strong enough for them to "
                       "agree, and a bridge to the prospect's world."),
        hints={N_("Your closest friend, whatever their sector"):
               N_("A close friend agrees easily, but may know nobody near the prospect."),
               N_("The contact with the most connections on the platform"):
               N_("Many connections are not the right connections, and a weak tie to you "
                  "may not pass your request on.")},
    ),
    "longer": QuizData(
        question=N_("Why can a chain of three ties be better than a chain of two?"),
        choices=(N_("Its ties may be much stronger, so its trust is higher"),
                 N_("It cannot: shorter is always better"),
                 N_("Prospects prefer long chains")),
        answer=N_("Its ties may be much stronger, so its trust is higher"),
        explanation=N_("Three ties of strength 0.7 have a trust of 0.34; two ties of strength "
                       "0.3 have a trust of 0.09."),
        hints={N_("It cannot: shorter is always better"):
               N_("Compare 0.7 × 0.7 × 0.7 with 0.3 × 0.3."),
               N_("Prospects prefer long chains"):
               N_("The prospect sees only the last introducer; what matters is whether every "
                  "link passes the request on.")},
    ),
    "assumption": QuizData(
        question=N_("In the simulation, what does the advantage of warm introductions over "
                    "cold approaches depend on?"),
        choices=(N_("Nothing: it is a law of networks"),
                 N_("On the assumed chance that a cold approach works, and on how readily "
                    "people pass a request on"),
                 N_("Only on the number of your contacts")),
        answer=N_("On the assumed chance that a cold approach works, and on how readily "
                  "people pass a request on"),
        explanation=N_("Both are assumptions of the model, not measured figures. With people "
                       "less willing and cold approaches that work more often, the advantage "
                       "shrinks, and can vanish."),
        hints={N_("Nothing: it is a law of networks"):
               N_("Move the controls of the explorer: the advantage changes."),
               N_("Only on the number of your contacts"):
               N_("Your contacts open the chains, but the chances along them are "
                  "assumptions.")},
    ),
}


# --------------------------------------------------------------------------
# Facts and claims

def facts(G):
    """The numbers and names the text of lesson 08 quotes, computed on its population."""
    you = you_person(G)
    people = prospects(G, you)
    r = prospect(G)
    reach = r.reach.set_index("approach")["expected"]
    c = r.chains
    by_hops = c[c["hops"] > 0].groupby("hops")["p_warm"].agg(["size", "mean", "sum"])
    row = best_chain(G)
    chain = list(row["chain"])
    first = r.first_asks.iloc[0]
    first_contact = first["contact"]
    strongest = max(G[you][v]["strength"] for v in G[you])
    crit = {k: float(prospect(G, 4, criterion=k).reach.set_index("approach")
                     .loc["warm", "expected"]) for k in ("trust", "hops")}
    one = prospect(G, 1).reach.set_index("approach")["expected"]
    hinge = {}
    for name, exponent, cold in (("less_willing", 1.0, COLD_RATE),
                                 ("less_willing_cold", 1.0, 0.1)):
        e = prospect(G, 3, cold, "trust", exponent).reach.set_index("approach")["expected"]
        hinge[name] = {"warm": float(e["warm"]), "cold": float(e["cold"]),
                       "ratio": float(e["warm"] / e["cold"])}
    return {
        "people": G.number_of_nodes(),
        "name": G.nodes[you]["name"], "first": G.nodes[you]["name"].split()[0],
        "occupation": G.nodes[you]["occupation"], "sector": G.nodes[you]["sector"],
        "prospect_sector": PROSPECT_SECTOR,
        "n": len(people), "direct": sum(1 for v in people if v in G[you]),
        "warm": float(reach["warm"]), "cold": float(reach["cold"]),
        "ratio": float(reach["warm"] / reach["cold"]),
        "by_hops": {str(h): {"size": int(by_hops.loc[h, "size"]),
                             "mean": float(by_hops.loc[h, "mean"]),
                             "sum": float(by_hops.loc[h, "sum"])} for h in by_hops.index},
        "hops_present": [int(h) for h in by_hops.index],
        "three_away": int((c["hops"] == 3).sum()),
        "chain_sectors": [G.nodes[v]["sector"] for v in chain],
        "links": [float(G[a][b]["strength"]) for a, b in zip(chain, chain[1:])],
        "chain_trust": float(row["trust"]), "chain_p": float(row["p_warm"]),
        "chain_hops": len(chain) - 1,
        "first_sector": G.nodes[first_contact]["sector"],
        "first_strength": float(first["strength"]),
        "first_targets": int(first["targets"]),
        "first_rank": 1 + sum(1 for v in G[you] if G[you][v]["strength"] > first["strength"]),
        "strongest_strength": float(strongest),
        "crit": crit,
        "hop1_warm": float(one["warm"]),
        "cold_rate": COLD_RATE,
        "hinge": hinge,
    }


@claim("warm introductions bring more than three times as many expected meetings as cold "
       "approaches")
def warm_beats_cold_several_times(f):
    return f["ratio"] > 3, f"warm {f['warm']:.1f}, cold {f['cold']:.1f}"


@claim("each extra tie lowers the chance of one introduction, but chains of three ties still "
       "beat a cold approach; most prospects are three ties away")
def each_tie_lowers_the_chance(f):
    h = f["by_hops"]
    means = [h[k]["mean"] for k in ("1", "2", "3") if k in h]
    ok = (f["hops_present"] == [1, 2, 3] and means == sorted(means, reverse=True)
          and means[-1] > f["cold_rate"] and f["three_away"] > f["n"] / 2)
    return ok, f"mean chance by length {h}; three ties away {f['three_away']} of {f['n']}"


@claim("the best chain shown has three ties and one introducer outside your sector")
def the_chain_crosses_worlds(f):
    s = f["chain_sectors"]
    return (f["chain_hops"] == 3 and any(x != s[0] for x in s[1:3]), f"sectors {s}")


@claim("your direct contacts alone bring less than a tenth of the warm meetings of chains of "
       "three ties; few prospects are your contacts")
def direct_contacts_reach_few(f):
    return (f["hop1_warm"] < 0.1 * f["warm"] and f["direct"] <= 0.05 * f["n"],
            f"one tie {f['hop1_warm']:.1f}, three {f['warm']:.1f}; direct {f['direct']}")


@claim("choosing the most trusted chain brings more meetings than choosing the shortest")
def most_trusted_beats_shortest(f):
    return f["crit"]["trust"] > f["crit"]["hops"], f"expected meetings {f['crit']}"


@claim("the contact to ask first is not your strongest tie")
def first_contact_is_not_the_strongest(f):
    return (f["first_strength"] < f["strongest_strength"] and f["first_rank"] > 1,
            f"first contact strength {f['first_strength']:.2f}, rank {f['first_rank']}")


@claim("when people pass a request on less readily, warm introductions bring far fewer "
       "meetings; if cold approaches also work twice as often, the two approaches are close")
def the_advantage_rests_on_assumptions(f):
    h = f["hinge"]
    ok = (h["less_willing"]["warm"] < 0.6 * f["warm"]
          and h["less_willing_cold"]["ratio"] < 1.5)
    return ok, f"{h}"
