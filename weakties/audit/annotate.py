"""The annotation widget: say how well you know each contact and how you met.

An export tells who your contacts are, not what they are *to you*.
:func:`annotate` shows your contacts a page at a time and lets you set, for
each, how well you know them (:data:`~weakties.audit.schema.STRENGTH_SCALE`),
how you met (:data:`~weakties.ties.CONTEXTS`), and their sector, region and
generation where the export does not say. It is made for hundreds of
contacts:

- a **filter** on company and title (accents and case ignored), on the
  guessed sector, and on what is already annotated;
- **pages** of a dozen contacts;
- **bulk tagging**: set a value for every contact the filter shows at
  once (all the people of one company, all the "développeur" titles).

Every change is saved at once in the annotation file
(:mod:`weakties.audit.store`), keyed by pseudonym; reopening the widget
loads it, so you can stop and resume at any time. Contacts are shown by
pseudonym, job title, company and connection date: no name, email or
profile address is ever in the widget or its saved state.

Examples
--------
>>> import os, tempfile
>>> os.environ["WEAKTIES_CONFIG_DIR"] = tempfile.mkdtemp()
>>> from weakties.audit import read_linkedin, annotate, SAMPLE_EXPORT
>>> widget = annotate(read_linkedin(SAMPLE_EXPORT))
>>> widget.filter.value = "orbe numérique"        # the contacts of one company
>>> widget.shown > 10
True
>>> widget.bulk["context"].value = "colleague"
>>> widget.apply_button.click()                  # tag them all
>>> table = widget.annotated.set_index("contact")
>>> set(table.loc[widget.visible_contacts(), "context"]) == {"colleague"}
True
>>> del os.environ["WEAKTIES_CONFIG_DIR"]
"""

from __future__ import annotations

import html
import math

import ipywidgets as w
import pandas as pd
from IPython.display import display

from ..i18n import N_, gettext, language
from ._text import fold
from .schema import (ABROAD, ANNOTATION_COLUMNS, CONTEXT_LABELS, CONTEXTS, GENERATIONS, REGIONS,
                     STRENGTH_SCALE, check_context, check_generation, check_region,
                     check_sector, check_strength)
from .sectors import SECTORS, UNKNOWN
from .store import _info, annotations_path, load_annotations, save_annotations, seed_sample

__all__ = ["annotate", "Annotator", "MESSAGES"]

#: Every learner-facing text of the widget (for translation).
MESSAGES = {
    "filter": N_("Filter"),
    "filter_placeholder": N_("company or job title, e.g. banque, développeur"),
    "show": N_("Show"),
    "all": N_("all contacts"),
    "todo": N_("not annotated yet"),
    "done": N_("annotated"),
    "sector_filter": N_("Sector (guessed)"),
    "any_sector": N_("any sector"),
    "previous": N_("Previous"),
    "next": N_("Next"),
    "page": N_("Page {page} of {pages}"),
    "bulk_title": N_("Set for every contact shown by the filter:"),
    "keep": N_("(keep)"),
    "clear": N_("(clear)"),
    "apply": N_("Apply to the {n} contacts shown"),
    "applied": N_("Set {what} for {n} contacts."),
    "nothing_to_apply": N_("Choose at least one value to set first."),
    "none_shown": N_("No contact matches the filter."),
    "progress": N_("{done} of {total} contacts annotated (strength set). Saved in {file}."),
    "not_set": N_("—"),
    "strength": N_("How well"),
    "context": N_("How met"),
    "sector": N_("Sector"),
    "region": N_("Region"),
    "generation": N_("Generation"),
    "guess": N_("guessed sector: {sector}"),
    "unmatched": N_("{n} saved annotations match no contact here (made with another secret?)."),
    "save_error": N_("Could not save: {error}"),
}


class _Translated:
    """:data:`MESSAGES` in the current language (``_MSG["next"]``)."""

    def __getitem__(self, key):
        return gettext(MESSAGES[key])


_MSG = _Translated()


def generation_label(decade: str, lang=None) -> str:
    """A birth decade as the language writes it: ``1980s`` (en), ``années 1980`` (fr).

    Examples
    --------
    >>> generation_label("1980s", lang="en"), generation_label("1980s", lang="fr")
    ('1980s', 'années 1980')
    """
    if not (isinstance(decade, str) and decade.endswith("s") and decade[:-1].isdigit()):
        return decade
    return gettext(N_("{decade}s"), lang).format(decade=decade[:-1])

_FIELDS = ("strength", "context", "sector", "region", "generation")
_CHECK = {"strength": check_strength, "context": check_context, "sector": check_sector,
          "region": check_region, "generation": check_generation}


#: How "unknown" (no sector found) and "Abroad" are shown (the stored values stay).
UNKNOWN_LABEL = N_("unknown")
ABROAD_LABEL = N_("Abroad")


def _month(date) -> str:
    """``Mar 2024`` (en), ``mars 2024`` (fr): the month a contact was added."""
    if language() == "en":
        return f"{date:%b %Y}"
    from babel.dates import format_date

    return format_date(date, "MMM y", locale=language())


def _shown(field, value) -> str:
    """How the value ``value`` of ``field`` is shown in the widget's messages.

    English shows the stored value itself (as before the French edition);
    another language shows the label of the value, never an English key.
    """
    if language() == "en" or field == "strength":
        return str(value)
    for label, v in _options(field, []):
        if v == value:
            return label
    return str(value)


def _options(field, blank):
    if field == "strength":
        values = [(f"{k} · {gettext(v[0])}", k) for k, v in STRENGTH_SCALE.items()]
    elif field == "context":
        values = [(gettext(CONTEXT_LABELS[c]), c) for c in CONTEXTS]
    elif field == "sector":
        values = [(s, s) for s in SECTORS] + [(gettext(UNKNOWN_LABEL), UNKNOWN)]
    elif field == "region":
        values = [(gettext(ABROAD_LABEL) if r == ABROAD else r, r) for r in REGIONS]
    else:
        values = [(generation_label(g), g) for g in GENERATIONS]
    return blank + values


class _Row:
    """The widgets of one line of the page (reused from page to page)."""

    def __init__(self):
        width = {"strength": "9.5rem", "context": "11rem", "sector": "10rem",
                 "region": "11rem", "generation": "6.5rem"}
        self.label = w.HTML(layout=w.Layout(width="24rem"))
        self.fields = {f: w.Dropdown(options=_options(f, [(_MSG["not_set"], "")]),
                                     value="", description="",
                                     layout=w.Layout(width=width[f]))
                       for f in _FIELDS}
        self.box = w.HBox([self.label, *self.fields.values()],
                          layout=w.Layout(align_items="center"))
        self.contact = None


class Annotator:
    """The annotation widget (see :func:`annotate`); display it in a notebook cell.

    Attributes
    ----------
    annotations : DataFrame
        The saved annotations, indexed by pseudonym.
    annotated : DataFrame
        The contacts with the annotations applied (what
        :func:`~weakties.audit.report` takes).
    path : Path
        The annotation file.
    filter, show, sector_filter : widgets
        The filter controls.
    rows : list
        The lines of the page; ``rows[i].fields["strength"]`` and so on.
    bulk : dict of Dropdown
        The bulk-tagging values; ``apply_button`` applies them.
    previous_button, next_button : Button
    widget : ipywidgets.VBox
    """

    def __init__(self, contacts: pd.DataFrame, *, path=None, page_size: int = 12):
        if not isinstance(contacts, pd.DataFrame) or "contact" not in contacts.columns:
            raise TypeError("annotate() needs the table from read_linkedin() or "
                            "read_contacts().")
        if not isinstance(page_size, int) or not 1 <= page_size <= 100:
            raise ValueError("page_size must be a whole number from 1 to 100.")
        self.contacts = contacts.reset_index(drop=True)
        if path is None:
            path = annotations_path(contacts)
            if _info(contacts).get("sample"):
                seed_sample(path)
        from pathlib import Path
        self.path = Path(path)
        self.annotations = load_annotations(self.path)
        # Values already in the table (a contact sheet) count as annotations too.
        self._values = {}
        for f in _FIELDS:
            own = self.contacts[f]
            if f == "sector":  # a sector set by hand differs from the guess
                own = own.where(own != self.contacts["sector_guess"], None)
            saved = self.contacts["contact"].map(self.annotations[f])
            merged = saved.where(saved.notna(), own)
            self._values[f] = [None if pd.isna(v) else (int(v) if f == "strength" else v)
                               for v in merged]
        self._index = {c: i for i, c in enumerate(self.contacts["contact"])}
        self.unmatched = int((~self.annotations.index.isin(self._index)).sum())
        self._search = [fold(f"{c} {p}") for c, p in zip(self.contacts["company"],
                                                          self.contacts["position"])]
        self.page_size = page_size
        self.page = 0
        self._loading = False
        self.saves = 0
        self.last_error = None
        self._build()
        self._refilter()
        from ..widgets import register
        register(self)  # exercised by weakties.widgets.exercise_all

    # -- building -----------------------------------------------------------
    def _build(self):
        m = _MSG
        self.filter = w.Text(description=m["filter"], placeholder=m["filter_placeholder"],
                             continuous_update=False, layout=w.Layout(width="28rem"))
        self.show = w.Dropdown(options=[(m["all"], "all"), (m["todo"], "todo"),
                                        (m["done"], "done")], value="all",
                               description=m["show"], layout=w.Layout(width="16rem"))
        self.sector_filter = w.Dropdown(
            options=[(m["any_sector"], "")] + [(s, s) for s in SECTORS]
            + [(gettext(UNKNOWN_LABEL), UNKNOWN)],
            value="", description=m["sector_filter"], style={"description_width": "initial"},
            layout=w.Layout(width="18rem"))
        for control in (self.filter, self.show, self.sector_filter):
            control.observe(self._on_filter, names="value")
        self.rows = [_Row() for _ in range(self.page_size)]
        for i, row in enumerate(self.rows):
            for f, dd in row.fields.items():
                dd.observe(lambda change, i=i, f=f: self._on_row(i, f, change), names="value")
        self.previous_button = w.Button(description=m["previous"], icon="arrow-left",
                                        layout=w.Layout(width="8rem"))
        self.next_button = w.Button(description=m["next"], icon="arrow-right",
                                    layout=w.Layout(width="8rem"))
        self.previous_button.on_click(lambda _: self.go(self.page - 1))
        self.next_button.on_click(lambda _: self.go(self.page + 1))
        self.page_label = w.Label()
        blank = [(m["keep"], None), (m["clear"], "")]
        self.bulk = {f: w.Dropdown(options=_options(f, blank), value=None,
                                   description=m[f], style={"description_width": "initial"},
                                   layout=w.Layout(width="15rem"))
                     for f in _FIELDS}
        self.apply_button = w.Button(button_style="warning", icon="tags",
                                     layout=w.Layout(width="auto"))
        self.apply_button.on_click(lambda _: self.apply_bulk())
        self.status = w.HTML()
        self.progress = w.HTML()
        header = w.HBox([w.HTML(f"<b>{html.escape(m[f])}</b>",
                                layout=w.Layout(width=r.fields[f].layout.width))
                         for r in self.rows[:1] for f in _FIELDS])
        header.children = (w.HTML(layout=w.Layout(width="24rem")),) + header.children
        self.widget = w.VBox([
            self.progress,
            w.HBox([self.filter, self.show, self.sector_filter],
                   layout=w.Layout(flex_flow="row wrap")),
            w.HTML(f"<i>{html.escape(m['bulk_title'])}</i>"),
            w.HBox(list(self.bulk.values()) + [self.apply_button],
                   layout=w.Layout(flex_flow="row wrap")),
            header,
            *[r.box for r in self.rows],
            w.HBox([self.previous_button, self.page_label, self.next_button],
                   layout=w.Layout(align_items="center")),
            self.status,
        ])

    # -- state --------------------------------------------------------------
    def visible_contacts(self) -> list:
        """Pseudonyms of the contacts the filter shows, in order."""
        return [self.contacts.at[i, "contact"] for i in self._shown]

    @property
    def shown(self) -> int:
        """How many contacts the filter shows."""
        return len(self._shown)

    @property
    def annotated(self) -> pd.DataFrame:
        """The contacts with the current annotations applied (a new table)."""
        out = self.contacts.copy()
        out.attrs = dict(self.contacts.attrs)
        out["strength"] = pd.array(self._values["strength"], dtype="Int64")
        for f in ("context", "region", "generation"):
            out[f] = pd.Series(self._values[f], dtype="object")
        out["sector"] = [g if s is None else s
                         for s, g in zip(self._values["sector"], out["sector_guess"])]
        out = out.set_index(self.contacts.index)
        return out

    def _annotation_frame(self) -> pd.DataFrame:
        data = {f: self._values[f] for f in _FIELDS}
        df = pd.DataFrame(data, index=pd.Index(self.contacts["contact"], name="contact"))
        df["strength"] = pd.array(df["strength"].tolist(), dtype="Int64")
        df = df[df.notna().any(axis=1)]
        # keep saved annotations of contacts not in this table (another export)
        others = self.annotations[~self.annotations.index.isin(df.index)
                                  & ~self.annotations.index.isin(self._index)]
        return pd.concat([df, others]) if len(others) else df

    @property
    def done(self) -> int:
        """How many contacts have a strength."""
        return sum(v is not None for v in self._values["strength"])

    # -- handlers -----------------------------------------------------------
    def _on_filter(self, change=None):
        self._refilter()

    def _refilter(self):
        text = fold(self.filter.value)
        mode, sector = self.show.value, self.sector_filter.value
        guesses = self.contacts["sector_guess"]
        shown = []
        for i, hay in enumerate(self._search):
            if text and text not in hay:
                continue
            if sector and guesses.iat[i] != sector:
                continue
            has = self._values["strength"][i] is not None
            if (mode == "todo" and has) or (mode == "done" and not has):
                continue
            shown.append(i)
        self._shown = shown
        self.apply_button.description = _MSG["apply"].format(n=len(shown))
        self.apply_button.disabled = not shown
        self.go(0)

    def pages(self) -> int:
        return max(1, math.ceil(len(self._shown) / self.page_size))

    def go(self, page: int):
        """Show page ``page`` (from 0), clamped to the pages that exist."""
        self.page = min(max(0, int(page)), self.pages() - 1)
        start = self.page * self.page_size
        chunk = self._shown[start:start + self.page_size]
        self._loading = True
        try:
            for row, i in zip(self.rows, chunk + [None] * (self.page_size - len(chunk))):
                if i is None:
                    row.contact = None
                    row.box.layout.display = "none"
                    continue
                row.contact = self.contacts.at[i, "contact"]
                row.box.layout.display = None
                row.label.value = self._label(i)
                for f, dd in row.fields.items():
                    v = self._values[f][i]
                    dd.value = "" if v is None else v
        finally:
            self._loading = False
        self.page_label.value = _MSG["page"].format(page=self.page + 1, pages=self.pages())
        self.previous_button.disabled = self.page == 0
        self.next_button.disabled = self.page >= self.pages() - 1
        if not self._shown:
            self.status.value = f"<p>{html.escape(_MSG['none_shown'])}</p>"
        self._progress()

    def _label(self, i) -> str:
        c = self.contacts
        date = c.at[i, "connected_on"]
        when = "" if pd.isna(date) else " · " + _month(date)
        sector = c.at[i, "sector_guess"]
        guess = _MSG["guess"].format(sector=gettext(UNKNOWN_LABEL) if sector == UNKNOWN
                                     else sector)
        return (f"<div style='line-height:1.2'><code>{html.escape(str(c.at[i, 'contact']))}"
                f"</code>{html.escape(when)}<br><b>{html.escape(str(c.at[i, 'position']))}</b>"
                f"<br>{html.escape(str(c.at[i, 'company']))} "
                f"<small style='color:#555'>({html.escape(guess)})</small></div>")

    def _on_row(self, slot, field, change):
        if self._loading:
            return
        contact = self.rows[slot].contact
        if contact is None:
            return
        value = change["new"]
        self.set(contact, **{field: None if value == "" else value})

    def set(self, contact: str, **values):
        """Annotate one contact (by pseudonym) and save, as a learner choosing in a row would.

        Values are checked (:mod:`weakties.audit.schema`); ``None`` clears one.
        """
        if contact not in self._index:
            raise KeyError(f"{contact!r} is not one of these contacts' pseudonyms.")
        unknown = set(values) - set(_FIELDS)
        if unknown:
            raise KeyError(f"cannot annotate {sorted(unknown)[0]!r}: use {', '.join(_FIELDS)}.")
        i = self._index[contact]
        for f, v in values.items():
            self._values[f][i] = _CHECK[f](v)
        self._save()

    def apply_bulk(self):
        """Set the chosen bulk values for every contact the filter shows (the button's handler)."""
        chosen = {f: dd.value for f, dd in self.bulk.items() if dd.value is not None}
        if not chosen:
            self.status.value = f"<p>{html.escape(_MSG['nothing_to_apply'])}</p>"
            return
        for f, v in chosen.items():
            value = None if v == "" else _CHECK[f](v)
            for i in self._shown:
                self._values[f][i] = value
        self._save()
        what = ", ".join(f"{_MSG[f].lower()} = {_MSG['not_set'] if v == '' else _shown(f, v)}"
                         for f, v in chosen.items())
        n = len(self._shown)
        for dd in self.bulk.values():
            dd.value = None
        self._refilter() if self.show.value != "all" else self.go(self.page)
        self.status.value = f"<p>{html.escape(_MSG['applied'].format(what=what, n=n))}</p>"

    def _save(self):
        try:
            frame = self._annotation_frame()
            save_annotations(frame, self.path)
            self.annotations = frame.sort_index()
            self.saves += 1
            self.last_error = None
        except (OSError, ValueError) as exc:
            self.last_error = exc
            self.status.value = (f"<p style='color:#D55E00'>"
                                 f"{html.escape(_MSG['save_error'].format(error=exc))}</p>")
        self._progress()

    def _progress(self):
        text = _MSG["progress"].format(done=self.done, total=len(self.contacts),
                                           file=self.path.name)
        if self.unmatched:
            text += " " + _MSG["unmatched"].format(n=self.unmatched)
        self.progress.value = f"<p>{html.escape(text)}</p>"

    # -- lessons and tests ----------------------------------------------------
    def poke(self) -> list[str]:
        """Use every control once, then restore the annotations; return the problems seen.

        Called by :func:`weakties.widgets.exercise_all` in the lesson tests.
        """
        problems = []
        saved = {f: list(v) for f, v in self._values.items()}
        before_file = self.path.read_bytes() if self.path.exists() else None
        try:
            self.filter.value = ""
            self.show.value = "all"
            if self.pages() > 1:
                self.next_button.click()
                if self.page != 1:
                    problems.append("the Next button did not turn the page")
                self.previous_button.click()
                if self.page != 0:
                    problems.append("the Previous button did not turn the page back")
            row = self.rows[0]
            if row.contact is not None:
                target = 4 if row.fields["strength"].value != 4 else 1
                saves = self.saves
                row.fields["strength"].value = target
                i = self._index[row.contact]
                if self._values["strength"][i] != target or self.saves == saves:
                    problems.append("choosing a strength in a row did not record and save it")
            first = self.contacts.at[0, "company"] or self.contacts.at[0, "position"]
            self.filter.value = str(first)
            if first and self._index[self.contacts.at[0, "contact"]] not in self._shown:
                problems.append("the filter hid a contact whose company matches it")
            self.bulk["region"].value = REGIONS[0]
            self.apply_button.click()
            if any(self._values["region"][i] != REGIONS[0] for i in self._shown):
                problems.append("bulk tagging did not set every contact shown")
            self.show.value = "todo"
            self.sector_filter.value = SECTORS[0]
            self.sector_filter.value = ""
        except Exception as exc:  # reported to the lesson test
            problems.append(f"{type(exc).__name__}: {exc}")
        finally:
            self._values = saved
            if before_file is None:
                if self.path.exists():
                    self.path.unlink()
            else:
                self.path.write_bytes(before_file)
            self.annotations = load_annotations(self.path)
            self.filter.value = ""
            self.show.value = "all"
            self.sector_filter.value = ""
            self.go(0)
        return problems

    def _ipython_display_(self):
        display(self.widget)


def annotate(contacts: pd.DataFrame, *, path=None, page_size: int = 12) -> Annotator:
    """Open the annotation widget on a contact table (see the module documentation).

    Parameters
    ----------
    contacts : DataFrame
        From :func:`~weakties.audit.read_linkedin` or
        :func:`~weakties.audit.read_contacts`.
    path : str or Path, optional
        The annotation file; default next to the export
        (:func:`~weakties.audit.store.annotations_path`).
    page_size : int, default 12
        Contacts per page.

    Returns
    -------
    Annotator
        Display it (last line of a cell); its ``annotated`` table goes to
        :func:`~weakties.audit.report`.

    Examples
    --------
    >>> import os, tempfile
    >>> os.environ["WEAKTIES_CONFIG_DIR"] = tempfile.mkdtemp()
    >>> from weakties.audit import read_linkedin, annotate, SAMPLE_EXPORT
    >>> widget = annotate(read_linkedin(SAMPLE_EXPORT), page_size=5)
    >>> row = widget.rows[0]
    >>> row.fields["strength"].value = 4          # "4 · close", as a learner would choose
    >>> int(widget.annotations.loc[row.contact, "strength"])
    4
    >>> widget.next_button.click(); widget.page_label.value
    'Page 2 of 60'
    >>> del os.environ["WEAKTIES_CONFIG_DIR"]
    """
    return Annotator(contacts, path=path, page_size=page_size)


_ = ANNOTATION_COLUMNS
