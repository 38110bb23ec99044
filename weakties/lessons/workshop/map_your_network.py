"""Workshop page 4, map your own network: the start of the audit of lesson 11, and a plan.

The first part of lesson 11 for the workshop
(``course/sources/en/workshop/04-map-your-network.md``): the composition of
one's own network, read privately from a LinkedIn export on the learner's
own computer (:func:`map_my_network`), or drawn by hand on the printable
worksheet (``course/workshop/worksheet.html``); then a three-step action
plan. The protagonist's network is shown first with the same pictures
(:func:`show_her_map`): the audit's pictures of :mod:`weakties.audit`, fed
with her ties in the simulated population.
"""

from __future__ import annotations

import html
import tempfile
import warnings
from pathlib import Path

import pandas as pd

from ... import ties as _ties
from ...i18n import N_, gettext, number
from .._core import QuizData, claim
from . import Page, list_words, protagonist

__all__ = ["LESSON", "QUIZZES", "PREDICTIONS", "contacts_of", "her_report", "show_her_map",
           "MapMyNetwork", "map_my_network", "facts"]

LESSON = Page("04", "map-your-network", population=(2000, 7))

#: The audit's pictures the page shows for a learner's own file: aggregates only
#: (sectors, years), never a name or a company, since a neighbour may see the screen.
OWN_PICTURES = ("sectors", "over_time")
#: The kinds of file the upload accepts (a LinkedIn export, or a contact sheet).
ACCEPTED = (".csv", ".xlsx")


def _level(strength: float) -> int:
    """The audit's four-step scale (1 barely ... 4 close) of a tie strength in [0, 1]."""
    return min(4, int(strength * 4) + 1)


def contacts_of(G, person) -> pd.DataFrame:
    """``person``'s ties as a contact table of the audit, as if she had annotated them all.

    The table has the columns of :data:`weakties.audit.COLUMNS`: a
    pseudonym for each contact (``P-001``...), their employer as company,
    occupation as position, the year the tie began, the sector, region and
    generation, how the tie began (the audit's contexts are the
    population's), and how well she knows them on the audit's four steps
    (from the tie's strength: steps 3 and 4 are strong ties).

    Examples
    --------
    >>> import weakties
    >>> from weakties import audit
    >>> G = weakties.population(300, seed=1)
    >>> table = contacts_of(G, 0)
    >>> len(table) == G.degree(0), list(table.columns) == list(audit.COLUMNS)
    (True, True)
    >>> int((table["strength"] >= 3).sum()) == sum(
    ...     weakties.ties.is_strong(G[0][q]["strength"]) for q in G[0])
    True
    """
    from ...audit import COLUMNS

    _ties._check_node(G, person, "person")
    rows = []
    for k, other in enumerate(sorted(G[person]), 1):
        tie, who = G[person][other], G.nodes[other]
        rows.append({
            "contact": f"P-{k:03d}", "company": who.get("employer", ""),
            "position": who.get("occupation", ""), "connected_on": pd.NaT,
            "year": tie.get("since"), "sector_guess": who.get("sector"),
            "sector": who.get("sector"), "seniority": "unknown",
            "strength": _level(tie["strength"]), "context": tie.get("context"),
            "region": who.get("region"), "generation": who.get("generation"),
            "last_contact": pd.NaT, "source": "sheet"})
    table = pd.DataFrame(rows, columns=list(COLUMNS))
    table["year"] = table["year"].astype("Int64")
    table["strength"] = table["strength"].astype("Int64")
    return table


def her_report(G, person):
    """The audit's report (:func:`weakties.audit.report`) of ``person``'s ties, against ``G``."""
    from ... import audit

    me = {k: G.nodes[person].get(k) for k in ("sector", "region", "generation")}
    return audit.report(contacts_of(G, person), goal="job_search", reference=G, me=me)


def show_her_map(G, person):
    """Show two pictures of ``person``'s network, as the audit draws them, with their descriptions.

    The sectors of her contacts against the whole population, then her
    ties by how well she knows them and by how they began.
    """
    from IPython.display import display

    report = her_report(G, person)
    display(report.picture("sectors"))
    display(report.picture("ties"))


# --------------------------------------------------------------------------
# The learner's own network, read privately

#: What the widget says of a file that is not a contact file.
_NOT_A_CONTACT_FILE = N_("This file is not a .csv or .xlsx file. Choose the file Connections.csv "
                         "from LinkedIn's archive (unzip the archive first), or a contact sheet.")


def _message(text: str, colour: str | None = None) -> str:
    style = f" style='color:{colour}'" if colour else ""
    return f"<p{style}>{html.escape(text)}</p>"


class MapMyNetwork:
    """Read the learner's own contacts, privately, and show what they are made of.

    A file chooser for a LinkedIn ``Connections.csv`` (or a contact sheet,
    :data:`weakties.audit.CONTACTS_TEMPLATE`) and a button for the course's
    fictional sample. The file is read on this computer
    (:func:`weakties.audit.read_network`: names, emails and profile
    addresses are dropped as it is read), from a private temporary folder
    that is deleted at once; nothing is saved. The pictures are aggregates
    only (:data:`OWN_PICTURES`: sectors against the population, new contacts
    per year), each with its description.

    Parameters
    ----------
    G : networkx.Graph
        The population the sectors are compared with.
    lang : str, optional

    Attributes
    ----------
    widget : ipywidgets.VBox
    contacts : int or None
        How many contacts the last file held (None before one is read).
    showed_picture : bool
        Whether the last file drew its pictures.
    last_error : Exception or None
    """

    def __init__(self, G, lang=None):
        import ipywidgets as widgets

        from ...widgets import register

        self.G, self.lang = G, lang
        t = self._t
        self.contacts = None
        self.showed_picture = False
        self.last_error = None
        self.upload = widgets.FileUpload(accept=",".join(ACCEPTED), multiple=False,
                                         description=t(N_("Choose your file")),
                                         layout=widgets.Layout(width="auto"))
        self.sample = widgets.Button(description=t(N_("Show the sample file instead")),
                                     icon="eye", layout=widgets.Layout(width="auto"))
        self.status = widgets.HTML()
        self.output = widgets.Output()
        self.upload.observe(self._on_upload, names="value")
        self.sample.on_click(lambda _: self.show_sample())
        self.widget = widgets.VBox([
            widgets.HTML(_message(t(N_("Your file is read on this computer only, and nothing "
                                       "is saved. The pictures show sectors and years, "
                                       "never a name.")))),
            widgets.HBox([self.upload, self.sample]), self.status, self.output])
        register(self)

    def _t(self, text):
        return gettext(text, self.lang)

    def _on_upload(self, change):
        files = change["new"]
        if files:
            item = files[0]
            name, content = item["name"], bytes(item["content"])
            self.upload.value = ()  # the chooser keeps no copy of the file
            self.read_bytes(name, content)

    def show_sample(self):
        """Read the course's fictional sample export (the button's handler)."""
        from ... import audit

        self._show(audit.SAMPLE_EXPORT, self._t(N_("the sample file (fictional people)")))

    def read_bytes(self, name: str, content: bytes):
        """Read a file's content as the file chooser gives it, from a private temporary folder."""
        suffix = Path(str(name)).suffix.lower()
        if suffix not in ACCEPTED:
            self._fail(self._t(_NOT_A_CONTACT_FILE))
            return
        with tempfile.TemporaryDirectory(prefix="weakties-") as folder:
            path = Path(folder) / f"contacts{suffix}"
            path.write_bytes(content)
            self._show(path, self._t(N_("your file")))

    def _fail(self, text):
        self.contacts, self.showed_picture = None, False
        self.status.value = _message(text, "#D55E00")
        from ...widgets import _clear
        _clear(self.output)

    def _show(self, path, label):
        from IPython.display import display

        from ... import audit

        t = self._t
        self.status.value = _message(t(N_("Reading {label}...")).format(label=label))
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", audit.AuditWarning)
                contacts = audit.read_network(path)
                report = audit.report(contacts, goal="job_search", reference=self.G)
        except audit.AuditInputError as exc:
            self.last_error = exc
            self._fail(str(exc))
            return
        except Exception as exc:  # shown in plain words, kept for tests
            self.last_error = exc
            self._fail(t(N_("This file could not be read ({problem}). Check that it is "
                            "LinkedIn's Connections.csv or a contact sheet.")).format(
                problem=type(exc).__name__))
            return
        self.last_error = None
        self.contacts = len(contacts)
        unknown = int((contacts["sector"] == audit.UNKNOWN).sum())
        skipped = sum(1 for w in caught if issubclass(w.category, audit.AuditWarning))
        text = t(N_("Read {label}: {contacts} contacts; the sector of {unknown} of them could "
                    "not be guessed from the company and the job title.")).format(
            label=label, contacts=number(len(contacts), self.lang),
            unknown=number(unknown, self.lang))
        if skipped:
            text += " " + t(N_("Some lines could not be read and were left out."))
        self.status.value = _message(text)
        from ...widgets import _clear
        from IPython import get_ipython

        pictures = [report.picture(name) for name in OWN_PICTURES]
        if get_ipython() is not None:  # outside a notebook, display would print the pictures
            with self.output:
                _clear(self.output)
                for picture in pictures:
                    display(picture)
        self.showed_picture = True

    def poke(self) -> list[str]:
        """Show the sample, read a file that is not a contact file, then the sample's bytes."""
        from ... import audit

        problems = []
        self.sample.click()
        if self.last_error is not None or not self.showed_picture:
            problems.append(f"the sample did not show: {self.last_error}")
        self.read_bytes("notes.txt", b"hello")
        refused = html.escape(self._t(_NOT_A_CONTACT_FILE))
        if self.showed_picture or refused not in self.status.value:
            problems.append("a file that is not a contact file was not refused")
        self.read_bytes("Connections.csv", Path(audit.SAMPLE_EXPORT).read_bytes())
        if self.last_error is not None or not self.contacts:
            problems.append(f"a LinkedIn export given as bytes was not read: {self.last_error}")
        return problems

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)


def map_my_network(G, lang=None) -> MapMyNetwork:
    """The widget that reads the learner's own contacts privately (:class:`MapMyNetwork`).

    Examples
    --------
    >>> import os, tempfile, weakties
    >>> os.environ["WEAKTIES_CONFIG_DIR"] = tempfile.mkdtemp()
    >>> m = map_my_network(weakties.population(300, seed=1))
    >>> m.show_sample()
    >>> m.contacts, m.showed_picture
    (300, True)
    >>> del os.environ["WEAKTIES_CONFIG_DIR"]
    """
    return MapMyNetwork(G, lang=lang)


# --------------------------------------------------------------------------
# Quizzes

PREDICTIONS: dict = {}

QUIZZES = {
    "privacy": QuizData(
        question=N_("You choose your Connections.csv on this page. What happens to the names "
                    "of your contacts?"),
        choices=(N_("They are sent to the workshop's organisers"),
                 N_("They are dropped on this computer as the file is read"),
                 N_("They are saved with the workshop's pages")),
        answer=N_("They are dropped on this computer as the file is read"),
        explanation=N_("The pages run on this computer (the address starts with 127.0.0.1). "
                       "Names, emails and profile addresses are dropped as the file is read, "
                       "and nothing is saved."),
        hints={N_("They are sent to the workshop's organisers"):
               N_("Look at the address of this page: 127.0.0.1 is this computer itself."),
               N_("They are saved with the workshop's pages"):
               N_("The file is read from a temporary folder that is deleted at once.")},
    ),
    "first-step": QuizData(
        question=N_("Which of these is a good first step of an action plan for a job search?"),
        choices=(N_("Send the same message to all your contacts"),
                 N_("Ask an acquaintance who works in the trade you want a precise question"),
                 N_("Wait for a platform to suggest people to you")),
        answer=N_("Ask an acquaintance who works in the trade you want a precise question"),
        explanation=N_("Choose the people for the job you want, and ask each one something "
                       "they can answer: \"Do you know of an opening for a driver around "
                       "here?\""),
        hints={N_("Send the same message to all your contacts"):
               N_("A message to everyone is easy to ignore. Choose a few people and make a "
                  "precise request."),
               N_("Wait for a platform to suggest people to you"):
               N_("Platforms suggest people who resemble you and know the people you "
                  "know: they rarely open a new world.")},
    ),
}


# --------------------------------------------------------------------------
# Facts and claims

def facts(G):
    """The numbers and names the text of page 4 quotes, computed on its population."""
    from ...audit import SECTORS

    person = protagonist(G)
    attrs = G.nodes[person]
    table = contacts_of(G, person)
    sectors = table["sector"].value_counts()
    contexts = table["context"].value_counts()
    population = pd.Series([G.nodes[p].get("sector") for p in G]).value_counts(normalize=True)
    share = sectors / len(table)
    # As the audit's picture calls them: under half their share of the population.
    under = [s for s in SECTORS if share.get(s, 0.0) < 0.5 * population.get(s, 0.0)]
    return {
        "first": attrs["name"].split()[0],
        "occupation": attrs["occupation"],
        "sector": attrs["sector"],
        "ties": len(table),
        "strong": int((table["strength"] >= 3).sum()),
        "weak": int((table["strength"] <= 2).sum()),
        "sectors": len(SECTORS),
        "her_sectors": int(sectors.size),
        "under_sectors": len(under),
        "under_list": list_words(under),
        "top_sector": str(sectors.index[0]),
        "top_sector_count": int(sectors.iloc[0]),
        "own_sector_share": float(sectors.get(attrs["sector"], 0) / len(table)),
        "own_sector_population": float(population.get(attrs["sector"], 0.0)),
        "top_context": str(contexts.index[0]).replace("_", " "),
        "top_context_count": int(contexts.iloc[0]),
    }


@claim("her own trade's sector is the most common among her contacts, far more common than "
       "in the population")
def her_own_sector_dominates(f):
    return (f["top_sector"] == f["sector"] and f["own_sector_share"] > 2 * f["own_sector_population"],
            f"top sector {f['top_sector']}; her sector {f['own_sector_share']:.2f} of her "
            f"contacts, {f['own_sector_population']:.2f} of the population")


@claim("several sectors are under-represented among her contacts")
def several_sectors_under_represented(f):
    return f["under_sectors"] >= 2, f"under-represented: {f['under_list'] or 'none'}"


@claim("most of her ties are weak")
def most_of_her_ties_are_weak(f):
    return f["weak"] > f["strong"], f"{f['weak']} weak, {f['strong']} strong"
