"""The workshop: lessons 00, 01, 07 and the start of 11 as pages without code, for job seekers.

A two-hour workshop for adults looking for work, most of them not
programmers, shown with ``python3 start.py workshop``: Voilà serves the pages
of ``course/workshop/`` with their text, pictures and controls and no code.
The pages follow one fictional person, chosen by :func:`protagonist`: someone
in a trade that hires on site and on trust (a caterer, a driver, a nurse...),
not a software developer.

Each page is written like a lesson (``course/LESSON-GUIDE.md``): its text is
``course/sources/en/workshop/NN-slug.md``, built by ``python -m course.build``
into ``course/workshop/NN-slug.ipynb``, and everything else is a module of
this package named after it (page ``03-where-jobs-come-from`` has
:mod:`weakties.lessons.workshop.where_jobs_come_from`): its ``LESSON`` (a
:class:`Page`), the facts its text quotes, the claims its text makes, its
quizzes and predictions, and the functions its cells call. A page's cells
call :func:`quiz` and :func:`predict` of this package, which read the page
modules (``quiz("03-in-total")``), so that no answer stands in a cell.

=========================  ==================================================================
:func:`protagonist`        the person the workshop follows, chosen by criteria
:func:`less_digital`       whether a sector is one of the least digital trades of the model
:func:`pages`              ``{number: module}`` of the workshop's pages
:func:`quiz`               a quiz of a page, as a widget
:func:`predict`            a prediction of a page, as a widget
:class:`Page`              what a page module declares (a :class:`~weakties.lessons.Lesson`
                           whose cell ids start with ``w``)
=========================  ==================================================================
"""

from __future__ import annotations

import importlib
import pkgutil
import statistics
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

from ... import ties as _ties
from ...i18n import N_, gettext
from .._core import Lesson, split_key
from ..people import is_woman, typical_people

__all__ = ["Page", "TRADES", "LESS_DIGITAL", "protagonist", "less_digital", "pages",
           "page_module", "quiz", "predict", "course_population"]

#: Occupations of the population a job seeker in a public workshop can identify with:
#: trades learned on the job or at a vocational school, in the order the text prefers.
TRADES = ("caterer", "chef", "driver", "nurse", "site manager")
#: A sector is "less digital" when the job search model rates it at most this
#: (:data:`weakties.scenarios.job_search.DIGITAL`, 0 to 1): hospitality and
#: construction (0.1), health and transport (0.2).
LESS_DIGITAL = 0.2


@dataclass(frozen=True)
class Page(Lesson):
    """A workshop page: like a :class:`~weakties.lessons.Lesson`, with cell ids ``wNN-key``.

    Examples
    --------
    >>> Page("03", "where-jobs-come-from").code_id("setup")
    'w03-setup'
    """

    def code_id(self, key: str) -> str:
        """The notebook cell id of the source cell ``key``: ``wNN-key``."""
        return f"w{self.number}-{key}"


def less_digital(sector: str, digital=None) -> bool:
    """Whether ``sector`` is one of the least digital trades of the job search model.

    Parameters
    ----------
    sector : str
    digital : mapping, optional
        ``{sector: 0 to 1}``; default
        :data:`weakties.scenarios.job_search.DIGITAL`.

    Examples
    --------
    >>> less_digital("Hospitality"), less_digital("Digital")
    (True, False)
    """
    if digital is None:
        from ...scenarios.job_search import DIGITAL as digital
    return digital.get(sector, 1.0) <= LESS_DIGITAL


def _relation_share(G, person) -> float:
    return len(_ties.relations(G, person)) / G.degree(person) if G.degree(person) else 0.0


def protagonist(G, trades=TRADES):
    """The fictional person the workshop follows: a woman in a less digital trade.

    The first person, in the population's order, who meets every criterion
    the workshop's pages rely on:

    - her occupation is one of ``trades`` (by default :data:`TRADES`: a
      caterer, a chef, a driver, a nurse or a site manager), in a sector
      the job search model rates as little digital (:func:`less_digital`):
      a trade that hires on site and on trust, where a job seeker at a
      public workshop can recognise themselves;
    - she is a woman (the text says "she");
    - her number of ties is within 10% of the median person's, and her
      share of relations within 10 points of the median person's share:
      her network is a typical one, not an exception;
    - each of her four rings of closeness (:func:`weakties.ties.layers`)
      holds someone, so the drawings show all of them;
    - at least one of her strong ties and one of her weak ties work in her
      own sector: people who could tell her of an opening in her trade.

    Nothing about her job search is chosen: what happens when she and
    others look for work is simulated on the pages.

    Parameters
    ----------
    G : networkx.Graph
        A population from :func:`weakties.population`.
    trades : sequence of str, optional
        The occupations to choose from.

    Returns
    -------
    int
        Her number in the population.

    Raises
    ------
    ValueError
        When nobody meets the criteria (a very small population, or
        occupations that the population does not have).

    Examples
    --------
    >>> import weakties
    >>> G = weakties.population(2000, seed=7)
    >>> person = protagonist(G)
    >>> G.nodes[person]["occupation"] in TRADES, less_digital(G.nodes[person]["sector"])
    (True, True)
    """
    if G.number_of_nodes() == 0:
        raise ValueError("the population is empty: build one with "
                         "weakties.population(2000, seed=7).")
    if isinstance(trades, str) or not trades:
        raise ValueError("trades is a list of occupations, for example ['caterer', 'driver'], "
                         f"not {trades!r}.")
    wanted = set(trades)
    median_share = statistics.median(_relation_share(G, p) for p in G)
    for p in typical_people(G, 0.1):
        attrs = G.nodes[p]
        if attrs.get("occupation") not in wanted or not less_digital(attrs.get("sector")):
            continue
        if not is_woman(G, p) or abs(_relation_share(G, p) - median_share) > 0.1:
            continue
        if not all(_ties.layers(G, p).values()):
            continue
        same = [q for q in G[p] if G.nodes[q].get("sector") == attrs["sector"]]
        strong = [_ties.is_strong(G[p][q]["strength"]) for q in same]
        if not (any(strong) and not all(strong)):
            continue
        return p
    raise ValueError("nobody in this population meets the criteria of the person the workshop "
                     f"follows (a woman working as one of {', '.join(trades)}, with a typical "
                     "network): use the course's population, weakties.population(2000, "
                     "seed=7), or a larger one.")


@lru_cache(maxsize=1)
def course_population():
    """The course's population, ``weakties.population(2000, seed=7)``, built once.

    For the facts of a page that runs no code (the home page).
    """
    import weakties

    return weakties.population(2000, seed=7)


# --------------------------------------------------------------------------
# The pages and their quizzes

_PAGES: dict | None = None


def pages() -> dict:
    """``{number: module}`` of every page module of the workshop, in order.

    Examples
    --------
    >>> sorted(pages())[:2]
    ['00', '01']
    """
    global _PAGES
    if _PAGES is None:
        found = {}
        package = importlib.import_module(__name__)
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
            if info.name.startswith("_"):
                continue
            module = importlib.import_module(f"{__name__}.{info.name}")
            page = getattr(module, "LESSON", None)
            if not isinstance(page, Page):
                continue
            if page.number in found:
                raise ValueError(f"two workshop modules say they are page {page.number}: "
                                 f"{found[page.number].__name__} and {module.__name__}.")
            if info.name != page.slug.replace("-", "_"):
                raise ValueError(f"{module.__name__} is page {page.name}: name the module "
                                 f"{page.slug.replace('-', '_')}.py, after the page.")
            found[page.number] = module
        _PAGES = dict(sorted(found.items()))
    return dict(_PAGES)


def page_module(number: str) -> ModuleType:
    """The module of workshop page ``number`` (``"03"``)."""
    found = pages()
    if number not in found:
        raise ValueError(f"the workshop has no page {number!r} (its pages: "
                         f"{', '.join(found) or 'none'}).")
    return found[number]


def _data(key: str, table: str):
    number, name = split_key(key)
    entries = getattr(page_module(number), table, {})
    if name not in entries:
        kind = "quiz" if table == "QUIZZES" else "prediction"
        raise ValueError(f"workshop page {number} has no {kind} named {name!r}; its {kind} "
                         f"names: {', '.join(sorted(entries)) or 'none'}.")
    return entries[name]


# --------------------------------------------------------------------------
# Facts written in words, in the language of the page being built

def generation_words(generation: str, lang: str | None = None) -> str:
    """A generation fact (``"1980s"``) as the text of a page writes it in ``lang``.

    The build computes a page's facts with the page's language set, so the
    pages' ``facts`` call this without ``lang``.

    Examples
    --------
    >>> generation_words("1980s", "en"), generation_words("1980s", "fr")
    ('1980s', 'années 1980')
    """
    decade = str(generation).rstrip("s")
    if decade.isdigit():
        return gettext(N_("{decade}s"), lang).format(decade=decade)
    return str(generation)


def list_words(items, lang: str | None = None) -> str:
    """A list fact as the text of a page writes it in ``lang`` ("a, b and c").

    Examples
    --------
    >>> list_words(["Retail", "Digital", "Finance"], "en")
    'Retail, Digital and Finance'
    >>> list_words(["Retail", "Digital", "Finance"], "fr")
    'Retail, Digital et Finance'
    """
    items = [str(i) for i in items]
    if len(items) < 2:
        return "".join(items)
    return gettext(N_("{first} and {last}"), lang).format(first=", ".join(items[:-1]),
                                                          last=items[-1])


def quiz(key: str, lang: str | None = None):
    """The quiz ``key`` (``"NN-name"``) of workshop page NN, as a widget.

    Examples
    --------
    >>> q = quiz("03-in-total")
    >>> len(q.choices) >= 2 and q.buttons.value is None
    True
    """
    from ...widgets import Quiz

    data = _data(key, "QUIZZES")

    def t(text):
        return gettext(text, lang)

    return Quiz(t(data.question), [t(c) for c in data.choices], t(data.answer),
                t(data.explanation), hints={t(k): t(v) for k, v in data.hints.items()})


def predict(key: str, *args, lang: str | None = None):
    """The prediction ``key`` (``"NN-name"``) of workshop page NN, as a widget.

    The simulation runs with ``args`` when the learner presses the button.
    """
    from ...widgets import Prediction

    data = _data(key, "PREDICTIONS")
    choices = [gettext(c, lang) for c in data.choices]

    def run():
        index, figure, description = data.run(*args, lang=lang)
        return choices[index], figure, description

    return Prediction(gettext(data.question, lang), choices, run=run,
                      explanation=gettext(data.explanation, lang))
