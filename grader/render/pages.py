"""HTML pages of weakties-grade (feedback, report) from autoescaping Jinja2 templates.

Templates live in ``grader/templates/``. The environment escapes every value
(``autoescape=True``), so student text (names, reasons, outputs) is shown as
text; the only HTML that reaches a page unescaped is what this module made
itself or cleaned with :func:`grader.render.html.sanitize_html`, marked with
:class:`markupsafe.Markup`. Every page carries a Content-Security-Policy that
allows no script at all.

Feedback pages have bounded costs: :func:`cap_notebook` keeps at most
:data:`FEEDBACK_LIMITS` of a notebook (cells, characters of source, outputs,
characters of text, image bytes, and a total) and says what it left out;
graded cells are always kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup, escape

from .html import NOTE_PREFIX, markdown_html, sanitize_html
from .text import inert
from .words import N_, language, number, points, tr, tr_html

__all__ = ["TEMPLATES", "FeedbackLimits", "FEEDBACK_LIMITS", "environment", "render",
           "cap_notebook", "feedback_page"]

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@dataclass(frozen=True)
class FeedbackLimits:
    """What one feedback page shows at most (see ``grader/SANDBOX.md``)."""

    #: Largest autograded notebook file read (bytes); a larger one gets a short page.
    file_bytes: int = 64 * 1024 * 1024
    #: Cells shown, graded cells not counted (they are always shown).
    cells: int = 1000
    #: Characters of one cell's source.
    source_chars: int = 20_000
    #: Outputs of one cell.
    outputs: int = 20
    #: Characters of one text output.
    output_chars: int = 20_000
    #: Bytes of one image (as base64 text).
    image_chars: int = 2 * 1024 * 1024
    #: Characters of sources and outputs on the whole page.
    total_chars: int = 8 * 1024 * 1024
    #: Longest source highlighted (longer ones are shown as plain text).
    highlight_chars: int = 5_000


FEEDBACK_LIMITS = FeedbackLimits()

_ENV = None


def environment():
    """The Jinja2 environment of ``grader/templates``, autoescaping every value."""
    global _ENV
    if _ENV is None:
        from jinja2 import Environment, FileSystemLoader, StrictUndefined

        _ENV = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                           undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        # Sentences in the current language (grader.render.words); values escaped.
        _ENV.globals.update({"_": tr_html, "page_lang": language})
    return _ENV


def render(name: str, **context) -> str:
    """Render ``grader/templates/<name>`` with ``context`` (every value escaped).

    Examples
    --------
    >>> page = render("failed.html.j2", title="<b>ps1</b>", reasons=["<script>x</script>"],
    ...               notebook="ps1.ipynb", extra_css="")
    >>> "<script>" in page, "&lt;script&gt;x&lt;/script&gt;" in page
    (False, True)
    """
    return environment().get_template(name).render(**context)


# --------------------------------------------------------------------------- limits

def _text(value) -> str:
    if isinstance(value, list):
        return "".join(str(v) for v in value)
    return value if isinstance(value, str) else str(value)


def _is_graded(cell) -> bool:
    meta = (cell.get("metadata") or {}).get("nbgrader") or {}
    return isinstance(meta, dict) and bool(meta.get("grade") or meta.get("solution")
                                           or meta.get("task"))


#: The note that ends a text cut short, by what was cut.
_MORE = {
    "cell": N_("{n} more characters of this cell are not shown."),
    "output": N_("{n} more characters of this output are not shown."),
    "traceback": N_("{n} more characters of this traceback are not shown."),
    "message": N_("{n} more characters of this message are not shown."),
}


def _cut(text: str, limit: int, what: str) -> str:
    if len(text) <= limit:
        return text
    return text[:limit] + "\n\n" + NOTE_PREFIX + tr(what, n=number(len(text) - limit))


def cap_notebook(nb, limits: FeedbackLimits = FEEDBACK_LIMITS):
    """``(notebook, notes)``: ``nb`` cut to ``limits``, with notes where things were left out.

    Graded cells (tests, answers, tasks) are always kept, their sources and
    outputs cut like the others'; other cells beyond ``limits.cells`` are
    left out, each run of left-out cells replaced by one note cell. A source
    is cut after ``limits.source_chars`` characters, a text output after
    ``limits.output_chars``; an image above ``limits.image_chars`` and the
    outputs past ``limits.outputs`` per cell are replaced by a note; once
    ``limits.total_chars`` characters are used, later outputs and ungraded
    cells are left out. ``nb`` itself is not changed.

    Examples
    --------
    >>> from nbformat.v4 import new_notebook, new_code_cell
    >>> nb = new_notebook(cells=[new_code_cell(f"x = {i}") for i in range(5)])
    >>> small, notes = cap_notebook(nb, FeedbackLimits(cells=2))
    >>> [c.cell_type for c in small.cells], notes
    (['code', 'code', 'markdown'], ['3 cells after the first 2 are not shown.'])
    """
    from nbformat import from_dict
    from nbformat.v4 import new_markdown_cell, new_output

    notes: list[str] = []
    used = 0
    shown = 0
    skipped = 0
    cells = []

    def flush():
        nonlocal skipped
        if skipped:
            cell = new_markdown_cell(NOTE_PREFIX + tr(N_("{n} cell(s) not shown here."),
                                                      n=number(skipped)))
            cell.metadata["weakties"] = {"note": True}
            cells.append(cell)
            skipped = 0

    left_out = 0
    for cell in nb.get("cells", []):
        graded = _is_graded(cell)
        if not graded and (shown >= limits.cells or used >= limits.total_chars):
            skipped += 1
            left_out += 1
            continue
        flush()
        if not graded:
            shown += 1
        new = from_dict({k: v for k, v in cell.items() if k != "outputs"})
        source = _cut(_text(cell.get("source", "")), limits.source_chars, _MORE["cell"])
        new["source"] = source
        used += len(source)
        if cell.get("cell_type") == "code":
            outputs = []
            for i, output in enumerate(cell.get("outputs") or []):
                if i >= limits.outputs or used >= limits.total_chars:
                    rest = len(cell["outputs"]) - i
                    outputs.append(new_output("stream", name="stdout", text=(
                        NOTE_PREFIX + tr(N_("{n} more output(s) of this cell are not shown."),
                                         n=number(rest)))))
                    break
                output, size = _cap_output(output, limits)
                used += size
                outputs.append(output)
            new["outputs"] = outputs
        cells.append(new)
    flush()
    if left_out:
        if shown >= limits.cells:
            notes.append(tr(N_("{n} cells after the first {first} are not shown."),
                            n=number(left_out), first=number(limits.cells)))
        else:
            notes.append(tr(N_("{n} cells once the page reached its size limit are not "
                               "shown."), n=number(left_out)))
    if used >= limits.total_chars:
        notes.append(tr(N_("Outputs past {mb} MB of text and images are not shown."),
                        mb=number(limits.total_chars // (1024 * 1024))))
    out = from_dict({k: v for k, v in nb.items() if k != "cells"})
    out["cells"] = cells
    return out, notes


def _cap_output(output, limits: FeedbackLimits):
    from nbformat import from_dict

    kind = output.get("output_type")
    if kind == "stream":
        text = _cut(_text(output.get("text", "")), limits.output_chars, _MORE["output"])
        return from_dict({**output, "text": text}), len(text)
    if kind == "error":
        tb = [_cut(_text(t), limits.output_chars, _MORE["traceback"]) for t in
              (output.get("traceback") or [])[:200]]
        evalue = _cut(_text(output.get("evalue", "")), limits.output_chars, _MORE["message"])
        return from_dict({**output, "evalue": evalue, "traceback": tb}), \
            len(evalue) + sum(len(t) for t in tb)
    data = output.get("data") or {}
    kept, size, dropped = {}, 0, []
    for mime, value in (data.items() if isinstance(data, dict) else ()):
        text = _text(value) if not isinstance(value, (dict, list)) or isinstance(value, list) \
            else ""
        if mime.startswith("image/"):
            if len(text) > limits.image_chars:
                dropped.append(tr(N_("an image of {kb} KB"),
                                  kb=number(len(text) * 3 // 4 // 1024)))
                continue
            kept[mime] = text
        else:
            text = _cut(text, limits.output_chars, _MORE["output"])
            kept[mime] = text
        size += len(text)
    if dropped and not any(m.startswith("image/") for m in kept):
        kept = {"text/plain": NOTE_PREFIX + tr(
            N_("Not shown here: {what} (larger than {kb} KB)."), what=", ".join(dropped),
            kb=number(limits.image_chars // 1024))}
        size = len(kept["text/plain"])
    new = from_dict({**output, "data": kept})
    return new, size


# --------------------------------------------------------------------------- feedback page

_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def _plain(text: str) -> str:
    return inert(_ANSI.sub("", text or ""), multiline=True)


def _highlight(source: str, limits: FeedbackLimits) -> Markup:
    if len(source) > limits.highlight_chars:
        return Markup("<pre>") + escape(source) + Markup("</pre>")
    from pygments import highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import PythonLexer

    # pygments escapes the code it formats; its classes are styled by PYGMENTS_CSS.
    return Markup(highlight(source, PythonLexer(), HtmlFormatter(cssclass="highlight")))


def _markdown(source: str, attachments=None) -> Markup:
    html = markdown_html(source)
    if attachments:
        def embed(match):
            bundle = attachments.get(match.group(2)) or {}
            for mime in ("image/png", "image/jpeg", "image/gif"):
                if mime in bundle:
                    return f'{match.group(1)}"data:{mime};base64,{_text(bundle[mime])}"'
            return match.group(0)
        html = re.sub(r'(src=)"attachment:([^"]+)"', embed, html)
    return Markup(sanitize_html(html))


def _fmt(value) -> str:
    try:
        return points(value)
    except (TypeError, ValueError):
        return "-"


def _outputs(cell) -> list[dict]:
    out = []
    for output in cell.get("outputs") or []:
        kind = output.get("output_type")
        if kind == "stream":
            out.append({"kind": "text", "text": _plain(_text(output.get("text", ""))),
                        "stderr": output.get("name") == "stderr"})
        elif kind == "error":
            lines = [_text(t) for t in output.get("traceback") or []]
            text = "\n".join(lines) or f"{output.get('ename', '')}: {output.get('evalue', '')}"
            out.append({"kind": "text", "text": _plain(text), "stderr": True})
        elif kind in ("display_data", "execute_result"):
            data = output.get("data") or {}
            for mime in ("image/png", "image/jpeg", "image/gif"):
                if mime in data and re.fullmatch(r"[A-Za-z0-9+/=\s]*", _text(data[mime])):
                    out.append({"kind": "image",
                                "src": f"data:{mime};base64,{''.join(_text(data[mime]).split())}"})
                    break
            else:
                if "text/html" in data:
                    out.append({"kind": "html", "html": Markup(sanitize_html(
                        _text(data["text/html"])))})
                elif "text/markdown" in data:
                    out.append({"kind": "html", "html": _markdown(_text(data["text/markdown"]))})
                elif "text/plain" in data or "text/latex" in data:
                    text = _text(data.get("text/plain", data.get("text/latex", "")))
                    out.append({"kind": "text", "text": _plain(text), "stderr": False})
    return out


def _label(meta) -> str:
    if meta.get("task"):
        return tr(N_("Task"))
    if meta.get("solution"):
        return tr(N_("Your answer"))
    return tr(N_("Test"))


def feedback_page(nb, resources, *, banner=None, tasks=(), limits_notes=(),
                  limits: FeedbackLimits = FEEDBACK_LIMITS) -> str:
    """The feedback page of the graded notebook ``nb`` (already cut and sanitised).

    ``resources["nbgrader"]`` holds the notebook's name and scores (as
    nbgrader's ``GetGrades`` leaves them); ``banner`` is a dict (title,
    text, reasons) or None; ``tasks`` rows of (task, shown score, tests).
    """
    from pygments.formatters import HtmlFormatter

    info = (resources or {}).get("nbgrader", {})
    cells = []
    for cell in nb.get("cells", []):
        meta = (cell.get("metadata") or {}).get("nbgrader") or {}
        graded = _is_graded(cell)
        view = {"graded": graded, "kind": cell.get("cell_type"), "label": "", "points": None,
                "score": None, "comment": None, "anchor": None, "outputs": [], "html": None,
                "text": None}
        if (cell.get("metadata") or {}).get("weakties", {}).get("note"):
            view.update(kind="note", text=_text(cell.get("source", "")))
            cells.append(view)
            continue
        if graded:
            view["label"] = _label(meta)
            view["anchor"] = meta.get("grade_id")
            if meta.get("points") is not None and (meta.get("grade") or meta.get("task")):
                view["points"] = _fmt(meta.get("points"))
                view["score"] = _fmt(meta.get("score")) if meta.get("score") is not None \
                    else tr(N_("to be graded"))
            if meta.get("comment"):
                view["comment"] = _markdown(_text(meta["comment"]))
        source = _text(cell.get("source", ""))
        if view["kind"] == "markdown":
            view["html"] = _markdown(source, cell.get("attachments"))
        elif view["kind"] == "code":
            view["html"] = _highlight(source, limits)
            view["outputs"] = _outputs(cell)
        else:
            view["kind"] = "raw"
            view["text"] = source
        cells.append(view)
    name = info.get("notebook") or (resources or {}).get("metadata", {}).get("name", "")
    score = info.get("score")
    return render("feedback.html.j2", title=tr(N_("{name}: feedback"), name=name), cells=cells,
                  score=_fmt(score) if score is not None else None,
                  max_score=_fmt(info.get("max_score")),
                  late_penalty=_fmt(info["late_penalty"]) if info.get("late_penalty") else None,
                  banner=banner, tasks=list(tasks), limits_notes=list(limits_notes),
                  extra_css=Markup(HtmlFormatter(cssclass="highlight").get_style_defs(
                      ".highlight")))
