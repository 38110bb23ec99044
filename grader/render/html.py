"""Student notebooks made inert for a browser: nothing a student writes runs where it is shown.

The formgrader shows an autograded notebook inside the instructor's Jupyter
server origin, where a script could use the server's API (files, terminals)
as the instructor; feedback pages may be put on the LMS. So every notebook a
student wrote is cleaned by :func:`sanitize_notebook` before anything
renders it:

- markdown cells (and ``text/markdown`` outputs): kept exactly as written
  when their HTML holds nothing outside :data:`ALLOWED_TAGS`,
  :data:`ALLOWED_ATTRIBUTES` and the safe links; otherwise replaced by the
  cleaned HTML (:func:`sanitize_html`) with a visible note saying what was
  removed, or, when even that could be read as something else by a markdown
  renderer, by the student's text shown as code;
- ``text/html`` outputs cleaned by the same sanitiser (nh3, the Python
  binding of the Rust crate ammonia); no ``script``, ``style``, ``iframe``,
  ``object``, ``embed``, ``form``, no event handler, no ``style`` beyond a few
  text properties, no ``id`` or ``name`` (DOM clobbering), links only to
  ``http``, ``https``, ``mailto`` or ``#``, images only from ``data:image/...``
  or a relative path;
- ``application/javascript``, widget views and any other MIME type a front
  end could execute are removed; an ``image/svg+xml`` output becomes an
  ``<img>`` of that SVG (a browser never runs scripts of an SVG shown as an
  image); image data must be base64, image sizes numbers;
- TeX that MathJax would turn into links or styles (``\\href``, ``\\url``,
  ``\\class``, ``\\style``, ``\\cssId``, ``\\unicode``, ``\\require``,
  ``\\html...``) makes a cell or output count as active;
- raw cells lose the ``text/html`` format that nbconvert would paste as is;
- markdown attachments keep only base64 PNG, JPEG or GIF images;
- cell metadata keeps only ``nbgrader`` (with a grade id of letters,
  digits, ``.``, ``_``, ``-``), ``tags``, ``editable``, ``deletable`` and
  ``weakties``: hidden sources or outputs (``jupyter.source_hidden``...) are
  shown; notebook metadata keeps only ``kernelspec``, ``language_info`` and
  ``weakties`` (no widget state, no trust signature, no title); cell ids that are not
  valid nbformat ids are replaced.

The function returns the cleaned copy and the list of what it changed.
"""

from __future__ import annotations

import base64
import binascii
import copy
import html as _html
import re
import uuid
from html.parser import HTMLParser

__all__ = ["ALLOWED_TAGS", "ALLOWED_ATTRIBUTES", "sanitize_html", "sanitize_markdown",
           "sanitize_notebook", "markdown_html", "active_content"]

#: Elements kept by :func:`sanitize_html` (the others are removed, their text kept,
#: except ``script``, ``style`` and similar, removed with their content).
ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "bdi", "blockquote", "br", "caption", "center", "cite", "code", "col",
    "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption",
    "figure", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
    "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strike", "strong",
    "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt",
    "u", "ul", "var", "wbr"})
#: Attributes kept, per element (``"*"``: on every element).
ALLOWED_ATTRIBUTES = {
    "*": {"title", "lang", "align", "style"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "valign"}, "th": {"colspan", "rowspan", "valign", "scope"},
    "col": {"span"}, "colgroup": {"span"}, "ol": {"start", "type", "reversed"},
    "font": {"color", "size"}, "table": {"border"}, "details": {"open"},
}
#: CSS properties kept in ``style`` attributes (text appearance only: nothing
#: that positions, covers or loads).
STYLE_PROPERTIES = frozenset({"color", "background-color", "text-align", "font-weight",
                              "font-style", "text-decoration", "vertical-align"})
#: Elements removed together with their content.
CLEAN_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "noscript",
                           "template", "math", "svg", "textarea", "select", "xmp",
                           "noembed", "noframes", "plaintext", "title"})
_HREF = re.compile(r"^(?:https?://|mailto:|#)", re.I)
_DATA_IMAGE = re.compile(r"^data:image/(?:png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=\s]*$",
                         re.I)
_SCHEME = re.compile(r"^[\s\x00-\x1f]*[a-z][a-z0-9+.\-]*:", re.I)
#: TeX commands with which MathJax makes links, styles or loads code.
TEX_ACTIVE = re.compile(r"\\(?:href|url|class|style|cssId|unicode|require|html[A-Za-z]*|data)"
                        r"(?![A-Za-z])")
#: Valid nbgrader grade ids here (every exercise uses such ids).
GRADE_ID = re.compile(r"^[A-Za-z0-9_.\-]{1,100}$")
_CELL_ID = re.compile(r"^[A-Za-z0-9_\-]{1,64}$")
_BASE64 = re.compile(r"^[A-Za-z0-9+/=\s]*$")
IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif")
TEXT_TYPES = ("text/plain", "text/html", "text/markdown", "text/latex")
CELL_METADATA = ("nbgrader", "tags", "editable", "deletable", "weakties")
NOTE_PREFIX = "[weakties] "


def _attribute_filter(tag, attr, value):
    value = value or ""
    if attr == "href":
        v = value.strip()
        if _HREF.match(v):
            return v
        # A relative link (a glossary entry, another file of the course): no scheme, not
        # protocol-relative; the submission's own files are served sandboxed.
        if _SCHEME.match(v) or v.startswith(("//", "\\\\", "/\\", "\\/")) or "\\" in v:
            return None
        return v
    if attr == "src":
        v = value.strip()
        if _DATA_IMAGE.match(v) or re.match(r"^attachment:[\w .\-]{1,120}$", v):
            return v
        if _SCHEME.match(v) or v.startswith(("//", "\\\\", "/\\", "\\/")) or "\\" in v:
            return None
        return v
    return value


def sanitize_html(text: str) -> str:
    """``text`` (an HTML fragment) with everything that could run or load code removed.

    Definition: the elements of :data:`ALLOWED_TAGS` with the attributes of
    :data:`ALLOWED_ATTRIBUTES` are kept (``style`` reduced to
    :data:`STYLE_PROPERTIES`); scripts, styles, frames, objects, forms and
    their content, comments, event handlers and every other attribute are
    removed; links keep only ``http``, ``https``, ``mailto``, ``#`` or relative
    targets and images only ``data:image/...;base64`` or relative sources.

    Reference: nh3 (https://nh3.readthedocs.io), the Python binding of the
    ammonia sanitiser, which parses HTML as browsers do (html5ever).

    Examples
    --------
    >>> sanitize_html('<b onclick="x()">hi</b><script>alert(1)</script>'
    ...               '<a href="javascript:alert(1)">link</a>')
    '<b>hi</b><a>link</a>'
    >>> sanitize_html('<img src="x.png" onerror="alert(1)" alt="graph">')
    '<img src="x.png" alt="graph">'
    """
    import nh3

    return nh3.clean(
        text or "", tags=set(ALLOWED_TAGS), clean_content_tags=set(CLEAN_CONTENT),
        attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
        attribute_filter=_attribute_filter, strip_comments=True, link_rel=None,
        url_schemes={"http", "https", "mailto", "data", "attachment"},
        filter_style_properties=set(STYLE_PROPERTIES))


class _Tags(HTMLParser):
    """Start tags with their attributes, as a browser-independent summary of an HTML text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, tuple(sorted((k, v or "") for k, v in attrs))))

    handle_startendtag = handle_starttag

    def handle_comment(self, data):
        self.tags.append(("!--", ()))

    def handle_decl(self, decl):
        self.tags.append(("!", ()))

    def handle_pi(self, data):
        self.tags.append(("?", ()))

    def unknown_decl(self, data):
        self.tags.append(("![", ()))


def _tags(text: str) -> list[tuple]:
    parser = _Tags()
    parser.feed(text or "")
    parser.close()
    return parser.tags


def _style_ok(value: str) -> bool:
    for part in value.split(";"):
        if not part.strip():
            continue
        name, _, val = part.partition(":")
        if name.strip().lower() not in STYLE_PROPERTIES or re.search(r"[(\\@<>]", val):
            return False
    return True


#: Elements that can run, load or submit something (named in notes when removed);
#: other elements outside :data:`ALLOWED_TAGS` are removed silently.
DANGEROUS_TAGS = frozenset({
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input",
    "button", "textarea", "select", "svg", "math", "base", "meta", "link",
    "template", "portal", "video", "audio", "source", "track", "noscript", "xmp", "param"})


def active_content(text: str) -> list[str]:
    """What in the HTML ``text`` could run, load or submit code (empty when nothing).

    Definition: an element of :data:`DANGEROUS_TAGS`, an event handler
    (``on...`` attribute), a link, image or form target whose scheme is not
    ``http``, ``https``, ``mailto`` (or ``data:image/...`` for images), a
    ``style`` attribute beyond :data:`STYLE_PROPERTIES`, or TeX that MathJax
    would make into a link or a style (:data:`TEX_ACTIVE`). Harmless markup
    the sanitiser also drops (classes, ids, unknown elements) is not listed.
    The sanitiser decides what is kept; this list says what a note names.

    Examples
    --------
    >>> active_content('<p>ok</p><img src=x onerror="alert(1)"><a href="javascript:x">y</a>')
    ['an event handler (onerror)', 'a javascript: link']
    >>> active_content('<table class="dataframe"><tr><td id="a">1</td></tr></table>')
    []
    """
    found: list[str] = []

    def add(what):
        if what not in found:
            found.append(what)

    for tag, attrs in _tags(text):
        if tag in DANGEROUS_TAGS:
            add(f"a <{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                add(f"an event handler ({name})")
            elif name == "style" and not _style_ok(value):
                add("a style that could move or cover the page")
            elif name in ("href", "src", "action", "formaction", "xlink:href", "data",
                          "srcdoc", "poster", "background"):
                if name == "srcdoc":
                    add("an embedded page (srcdoc)")
                    continue
                scheme = _SCHEME.match(value or "")
                kind = scheme.group().strip().lower() if scheme else ""
                if kind and kind not in ("http:", "https:", "mailto:", "attachment:") and not (
                        name == "src" and _DATA_IMAGE.match((value or "").strip())):
                    add(f"a {kind} link" if name == "href" else f"a {kind} {name}")
    if _typeset_tex(text):
        add("TeX that makes a link or a style (its href, url or style commands)")
    return found


def _typeset_tex(text: str) -> bool:
    """True when MathJax would typeset TeX of :data:`TEX_ACTIVE` in ``text``.

    MathJax skips the text of ``pre`` and ``code`` elements (and of scripts,
    styles and text areas, which the sanitiser removes).
    """
    shown = re.sub(r"<(pre|code)\b.*?</\1\s*>", "", text or "", flags=re.S | re.I)
    return bool(TEX_ACTIVE.search(_html.unescape(re.sub(r"<[^>]*>", "", shown))))


def _rewritten(text: str) -> bool:
    """True when the sanitiser would change the elements or attributes of ``text``."""
    return _tags(text) != _tags(sanitize_html(text))


class _AnyAttachment(dict):
    """Every ``attachment:NAME`` resolves (to an empty PNG): only the HTML's shape matters."""

    def __contains__(self, name):
        return True

    def __getitem__(self, name):
        return {"image/png": ""}


def markdown_html(source: str) -> str:
    """Markdown rendered to HTML as nbconvert (and so nbgrader) parses it, unsanitised.

    Code blocks are escaped without highlighting and headings get no anchor:
    the parts nbconvert itself generates are left out, those the student
    wrote are as nbconvert renders them.
    """
    from html import escape

    from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath

    class Renderer(IPythonRenderer):
        def block_code(self, code, info=None):
            if info and info.startswith("mermaid"):     # nbconvert pastes these unescaped
                return self.block_mermaidjs(code)
            return f"<pre><code>{escape(code)}</code></pre>\n"

    renderer = Renderer(escape=False, exclude_anchor_links=True, attachments=_AnyAttachment())
    return MarkdownWithMath(renderer=renderer).render(source or "")


def _fence(text: str) -> str:
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text}\n{fence}"


def _note(what: list[str]) -> str:
    if not what:
        return ""
    listed = ", ".join(what[:6]) + (f" and {len(what) - 6} more" if len(what) > 6 else "")
    return (f"<p><em>{NOTE_PREFIX}Removed because it could run code in the browser of whoever "
            f"opens this page: {_html.escape(listed)}.</em></p>")


def _stable(html_text: str) -> bool:
    """True when ``html_text`` holds nothing the sanitiser would remove."""
    return not active_content(html_text) and not _rewritten(html_text)


def sanitize_markdown(source: str) -> tuple[str, list[str]]:
    """``(markdown, removed)``: ``source`` unchanged when it renders to inert HTML.

    Otherwise the markdown becomes the sanitised HTML it renders to, followed
    by a note naming what was removed; if a markdown renderer could read
    that HTML as something active again, the student's text is shown as a
    code block instead (never interpreted), with the note.

    Examples
    --------
    >>> sanitize_markdown("**Weak ties** carry *new* information.")
    ('**Weak ties** carry *new* information.', [])
    >>> text, removed = sanitize_markdown("Hi <img src=x onerror=alert(1)>")
    >>> removed, "onerror=" in text
    (['an event handler (onerror)'], False)
    """
    source = source or ""
    if not any(ch in source for ch in "<[&\\"):
        return source, []            # no HTML, no link, no entity, no TeX command: inert
    rendered = markdown_html(source)
    what = active_content(rendered)
    if not what and not _rewritten(rendered):
        return source, []
    cleaned = sanitize_html(rendered).strip()
    candidate = (re.sub(r"\n\s*\n", "\n", cleaned) + "\n\n" + _note(what)).strip() + "\n"
    if _stable(markdown_html(candidate)):
        return candidate, what
    shown = what or ["HTML that a markdown renderer could read differently"]
    return _fence(source) + "\n\n" + _note(shown), shown


def _text(value) -> str:
    if isinstance(value, list):
        return "".join(str(v) for v in value)
    return value if isinstance(value, str) else str(value)


def _image_ok(value) -> bool:
    data = _text(value)
    if not _BASE64.match(data):
        return False
    try:
        base64.b64decode("".join(data.split()), validate=True)
    except (binascii.Error, ValueError):
        return False
    return True


def _image_metadata(meta) -> dict:
    out = {}
    if isinstance(meta, dict):
        for key in ("width", "height"):
            if isinstance(meta.get(key), (int, float)) and not isinstance(meta.get(key), bool):
                out[key] = meta[key]
        if isinstance(meta.get("unconfined"), bool):
            out["unconfined"] = meta["unconfined"]
    return out


def _plain_output(text: str):
    from nbformat.v4 import new_output

    return new_output("display_data", data={"text/plain": text})


def _sanitize_output(output, notes: list[str]):
    from nbformat import from_dict

    kind = output.get("output_type")
    if kind == "stream":
        name = output.get("name")
        if name not in ("stdout", "stderr"):
            notes.append(f"a stream named {str(name)[:40]!r} became stdout")
            name = "stdout"
        return from_dict({"output_type": "stream", "name": name,
                          "text": _text(output.get("text", ""))})
    if kind == "error":
        tb = output.get("traceback") or []
        return from_dict({"output_type": "error", "ename": _text(output.get("ename", "")),
                          "evalue": _text(output.get("evalue", "")),
                          "traceback": [_text(t) for t in tb] if isinstance(tb, list) else []})
    if kind not in ("display_data", "execute_result"):
        notes.append(f"an output of unknown type {str(kind)[:40]!r} was removed")
        return None
    data = output.get("data") or {}
    meta = output.get("metadata") or {}
    out_data, out_meta, removed = {}, {}, []
    if not isinstance(data, dict):
        data = {}
    for mime in sorted(data):
        value = data[mime]
        if mime == "text/plain":
            out_data[mime] = _text(value)
        elif mime == "text/html":
            text = _text(value)
            found = active_content(text)
            cleaned = sanitize_html(text)
            if _typeset_tex(cleaned):
                removed.append("HTML with TeX that makes links or styles")
                continue
            if found:
                removed.extend(found)
                cleaned = cleaned + _note(found)
            out_data[mime] = cleaned
        elif mime == "text/markdown":
            text, found = sanitize_markdown(_text(value))
            removed.extend(found)
            out_data[mime] = text
        elif mime == "text/latex":
            if TEX_ACTIVE.search(_text(value)):
                removed.append("TeX that makes links or styles")
            else:
                out_data[mime] = _text(value)
        elif mime in IMAGE_TYPES:
            if _image_ok(value):
                out_data[mime] = "".join(_text(value).split())
                if _image_metadata(meta.get(mime)):
                    out_meta[mime] = _image_metadata(meta.get(mime))
            else:
                removed.append(f"{mime} data that is not base64")
        elif mime == "image/svg+xml":
            svg = _text(value).encode("utf-8", "replace")
            if "text/html" not in data:
                encoded = base64.b64encode(svg).decode("ascii")
                out_data["text/html"] = f'<img src="data:image/svg+xml;base64,{encoded}" alt="SVG image">'
            notes.append("an SVG output is shown as an image (its scripts cannot run)")
        else:
            removed.append(f"a {mime} output")
    if removed:
        notes.extend(removed)
    if not out_data:
        listed = ", ".join(dict.fromkeys(removed)) or "nothing that can be shown"
        return _plain_output(f"{NOTE_PREFIX}Output removed: {listed}.")
    new = from_dict({"output_type": kind, "data": out_data, "metadata": out_meta})
    if kind == "execute_result":
        count = output.get("execution_count")
        new["execution_count"] = count if isinstance(count, int) and not isinstance(count, bool) \
            else None
    return new


def _sanitize_nbgrader(meta, notes: list[str]):
    if not isinstance(meta, dict):
        notes.append("grading metadata that is not a mapping was removed")
        return None
    gid = meta.get("grade_id")
    if gid is not None and not (isinstance(gid, str) and GRADE_ID.match(gid)):
        notes.append(f"a cell with the grade id {str(gid)[:60]!r} lost its grading metadata")
        return None
    out = {}
    for key, value in meta.items():
        if key in ("grade", "solution", "locked", "task"):
            out[key] = bool(value)
        elif key in ("points", "score"):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                out[key] = value
            elif value is None and key == "score":
                out[key] = None
            else:
                try:
                    out[key] = float(value)
                except (TypeError, ValueError):
                    notes.append(f"the {key} {str(value)[:40]!r} of a cell was removed")
        elif key == "schema_version" and isinstance(value, int):
            out[key] = value
        elif key in ("grade_id", "checksum", "cell_type", "comment") and isinstance(value, str):
            out[key] = value
    return out


def _sanitize_cell_metadata(meta, notes):
    from nbformat import from_dict

    out = {}
    if not isinstance(meta, dict):
        return from_dict(out)
    for key in CELL_METADATA:
        if key not in meta:
            continue
        value = meta[key]
        if key == "nbgrader":
            clean = _sanitize_nbgrader(value, notes)
            if clean is not None:
                out[key] = clean
        elif key == "tags":
            if isinstance(value, list):
                out[key] = [t for t in value if isinstance(t, str) and GRADE_ID.match(t)]
        elif key in ("editable", "deletable"):
            out[key] = bool(value)
        elif key == "weakties" and isinstance(value, dict):
            out[key] = copy.deepcopy(value)      # the grader's own notes; no front end reads them
    dropped = [k for k in meta if k not in CELL_METADATA]
    if any(k in ("jupyter", "collapsed", "scrolled", "hide_input") for k in dropped):
        notes.append("hidden cell parts were made visible")
    return from_dict(out)


def _sanitize_attachments(attachments, notes):
    out = {}
    if not isinstance(attachments, dict):
        return out
    for name, bundle in attachments.items():
        if not (isinstance(name, str) and re.fullmatch(r"[\w .\-]{1,120}", name)) \
                or not isinstance(bundle, dict):
            notes.append("an attachment with an unusual name was removed")
            continue
        kept = {m: "".join(_text(v).split()) for m, v in bundle.items()
                if m in IMAGE_TYPES and _image_ok(v)}
        if len(kept) != len(bundle):
            notes.append(f"attachment {name!r}: only PNG, JPEG and GIF images are kept")
        if kept:
            out[name] = kept
    return out


def sanitize_notebook(nb):
    """``(clean copy of nb, notes)``: the notebook with nothing a browser would run.

    Definition: see the module documentation for what each kind of cell,
    output and metadata becomes. ``nb`` itself is not changed. ``notes``
    lists, in order, what was removed or changed (empty for an ordinary
    notebook, which comes back unchanged).

    Examples
    --------
    >>> from nbformat.v4 import new_notebook, new_markdown_cell, new_code_cell, new_output
    >>> cell = new_code_cell("display(Javascript('alert(1)'))")
    >>> cell.outputs = [new_output("display_data", data={
    ...     "application/javascript": "alert(1)", "text/plain": "<Javascript>"})]
    >>> nb = new_notebook(cells=[new_markdown_cell("**fine**"), cell])
    >>> clean, notes = sanitize_notebook(nb)
    >>> clean.cells[0].source, dict(clean.cells[1].outputs[0].data), notes
    ('**fine**', {'text/plain': '<Javascript>'}, ['a application/javascript output'])
    """
    from nbformat import from_dict

    notes: list[str] = []
    out = copy.deepcopy(nb)
    meta = out.get("metadata") or {}
    kept = {}
    for key in ("kernelspec", "language_info"):
        value = meta.get(key)
        if isinstance(value, dict):
            kept[key] = {k: v for k, v in value.items()
                         if isinstance(k, str) and isinstance(v, (str, int))}
    if isinstance(meta.get("weakties"), dict):
        kept["weakties"] = copy.deepcopy(meta["weakties"])   # the grader's own, never shown
    if set(meta) - set(kept):
        dropped = sorted(set(meta) - set(kept))
        if any(k in ("widgets", "signature", "title") for k in dropped):
            notes.append("notebook metadata " + ", ".join(repr(k) for k in dropped[:5])
                         + " was removed")
    out["metadata"] = from_dict(kept)
    seen = set()
    for cell in out.get("cells", []):
        cell_notes: list[str] = []
        cid = cell.get("id")
        if not (isinstance(cid, str) and _CELL_ID.match(cid)) or cid in seen:
            cell["id"] = uuid.uuid4().hex[:12]
        seen.add(cell["id"])
        cell["metadata"] = _sanitize_cell_metadata(cell.get("metadata"), cell_notes)
        kind = cell.get("cell_type")
        source = _text(cell.get("source", ""))
        if kind == "markdown":
            new, removed = sanitize_markdown(source)
            if removed:
                cell_notes.extend(removed)
            cell["source"] = new
            if "attachments" in cell:
                cell["attachments"] = from_dict(_sanitize_attachments(cell["attachments"],
                                                                      cell_notes))
        elif kind == "code":
            cell["source"] = source
            count = cell.get("execution_count")
            if not (isinstance(count, int) and not isinstance(count, bool)):
                cell["execution_count"] = None
            outputs = []
            for output in cell.get("outputs") or []:
                if not isinstance(output, dict):
                    continue
                clean = _sanitize_output(output, cell_notes)
                if clean is not None:
                    outputs.append(clean)
            cell["outputs"] = outputs
        else:
            cell["cell_type"] = "raw"
            cell["source"] = source
            cell.pop("attachments", None)
        notes.extend(n for n in cell_notes if n not in notes)
    return out, notes
