"""Nothing a student writes runs in a browser: sanitised notebooks, feedback pages, formgrader.

The checks here do not use the code under test to decide what is active:
:func:`active_parts` is written for these tests (stdlib HTML parser), and
notebooks are rendered by nbconvert's own exporter (what nbgrader's
formgrader uses) with its sanitiser switched off, so only our cleaning counts.
"""

from __future__ import annotations

import base64
import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import (new_code_cell, new_markdown_cell, new_notebook, new_output,
                         new_raw_cell)

from grader.render.html import sanitize_html, sanitize_notebook
from grader.render.pages import FeedbackLimits, cap_notebook, feedback_page

ROOT = Path(__file__).resolve().parents[2]
RUNNING = ("script", "iframe", "frame", "object", "embed", "applet", "form", "svg", "math",
           "base", "meta", "link", "style", "template", "portal")
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data", "srcdoc")
PAYLOAD = "window.__pwned=1;document.title='PWNED'"


class _Active(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag in RUNNING:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            value = re.sub(r"[\s\x00-\x1f]", "", value or "").lower()
            if name.startswith("on"):
                self.found.append(f"{tag} {name}")
            elif name in URL_ATTRIBUTES and re.match(r"(javascript|vbscript|data:text|"
                                                     r"data:application|data:image/svg)", value):
                if not (tag == "img" and value.startswith("data:image/svg")):
                    self.found.append(f"{tag} {name}={value[:30]}")
            elif name == "srcdoc":
                self.found.append(f"{tag} srcdoc")

    handle_startendtag = handle_starttag


def active_parts(html: str) -> list[str]:
    """Elements and attributes of ``html`` a browser would run or load code from."""
    parser = _Active()
    parser.feed(html)
    parser.close()
    # MathJax typesets text outside <pre> and <code> (its skipped tags).
    typeset = re.sub(r"<(pre|code)\b.*?</\1>", "", html, flags=re.S)
    tex = re.findall(r"\\(?:href|url|style|class|cssId)\s*\{", re.sub(r"<[^>]*>", "", typeset))
    return parser.found + [f"TeX {t}" for t in tex]


def _svg_with_script() -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" onload="{PAYLOAD}"><script>{PAYLOAD}'
            '</script><circle r="4"/></svg>')


def hostile_notebook():
    """One of each way a notebook can carry code for a browser."""
    md = new_markdown_cell(
        f"My reflection on weak ties.\n\n<img src=x onerror=\"{PAYLOAD}\">"
        f"<script>{PAYLOAD}</script>\n\n<iframe srcdoc=\"<script>{PAYLOAD}</script>\"></iframe>"
        "\n\n[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) "
        "$\\href{javascript:alert(1)}{maths}$\n\n```mermaid\n<img src=x onerror=alert(1)>\n```")
    md.metadata["jupyter"] = {"source_hidden": True}
    md.attachments = {"evil.svg": {"image/svg+xml": base64.b64encode(
        _svg_with_script().encode()).decode()}, "<x>": {"text/html": "PHNjcmlwdD4="}}
    code = new_code_cell("display(...)", execution_count=3)
    code.outputs = [
        new_output("display_data", data={"text/html": f'<b onmouseover="{PAYLOAD}">hi</b>'
                                                      f'<img src=x onerror="{PAYLOAD}">'}),
        new_output("display_data", data={"application/javascript": PAYLOAD,
                                         "text/plain": "<IPython.core.display.Javascript>"}),
        new_output("display_data", data={"image/svg+xml": _svg_with_script()}),
        new_output("display_data", data={"application/vnd.jupyter.widget-view+json":
                                         {"model_id": "abc", "version_major": 2,
                                          "version_minor": 0}}),
        new_output("display_data", data={"image/png": f'"><script>{PAYLOAD}</script>'}),
        new_output("display_data", data={"image/png": "iVBORw0KGgo="},
                   metadata={"image/png": {"width": f"1 onerror={PAYLOAD}"}}),
        new_output("display_data", data={"text/markdown": f"<img src=x onerror=\"{PAYLOAD}\">"}),
        new_output("display_data", data={"text/latex": "$\\href{javascript:alert(1)}{x}$"}),
        new_output("stream", name=f'stdout"><script>{PAYLOAD}</script>', text="hello\n"),
    ]
    raw = new_raw_cell(f"<script>{PAYLOAD}</script>")
    raw.metadata["raw_mimetype"] = "text/html"
    raw.metadata["format"] = "text/html"
    fake = new_code_cell("pass")
    fake.metadata["nbgrader"] = {"grade": True, "grade_id": f'x"><script>{PAYLOAD}</script>',
                                 "points": 1, "solution": False, "locked": True}
    nb = new_notebook(cells=[md, code, raw, fake])
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {
        "abc": {"model_name": "HTMLModel", "state": {"value": f"<img src=x onerror={PAYLOAD}>"}}},
        "version_major": 2, "version_minor": 0}}
    nb.metadata["title"] = f"</title><script>{PAYLOAD}</script>"
    return nb


def _nbconvert(nb) -> str:
    """nbconvert's own HTML (as nbgrader renders a notebook), without its sanitiser."""
    from nbconvert import HTMLExporter

    html, _ = HTMLExporter(template_name="basic", sanitize_html=False).from_notebook_node(nb)
    return html


def test_the_hostile_notebook_is_active_without_cleaning():
    """The payloads would run: this is what the cleaning must defeat."""
    found = " ".join(active_parts(_nbconvert(hostile_notebook())))
    for part in ("<script>", "onerror", "srcdoc", "javascript", "TeX"):
        assert part in found


def test_sanitised_notebook_renders_nothing_active():
    clean, notes = sanitize_notebook(hostile_notebook())
    assert active_parts(_nbconvert(clean)) == []
    assert "widgets" not in clean.metadata and "title" not in clean.metadata
    mimes = {m for c in clean.cells if c.cell_type == "code" for o in c.outputs
             for m in o.get("data", {})}
    assert mimes <= {"text/plain", "text/html", "text/markdown", "image/png"}, mimes
    html_outputs = [o.data["text/html"] for c in clean.cells if c.cell_type == "code"
                    for o in c.outputs if "text/html" in o.get("data", {})]
    assert not any("onerror=" in h or "onmouseover=" in h for h in html_outputs)
    assert notes, "the notes say what was removed"


def test_what_the_instructor_must_read_stays_visible():
    clean, _ = sanitize_notebook(hostile_notebook())
    html = _nbconvert(clean)
    assert "My reflection on weak ties." in html
    assert "hello" in html                                   # the stream's text
    assert "&lt;IPython.core.display.Javascript&gt;" in html  # the fallback text
    md = clean.cells[0]
    assert "jupyter" not in md.metadata                      # hidden source shown
    assert "Removed because it could run code" in md.source
    assert list(md.attachments) == []                         # no SVG or HTML attachment
    assert clean.cells[2].metadata == {}                      # raw cell: not pasted as HTML
    assert "nbgrader" not in clean.cells[3].metadata          # a grade id made of markup


def test_svg_output_becomes_an_inert_image():
    clean, _ = sanitize_notebook(hostile_notebook())
    outputs = clean.cells[1].outputs
    images = [o for o in outputs if "text/html" in o.get("data", {})
              and "data:image/svg+xml;base64," in o.data["text/html"]]
    assert len(images) == 1 and images[0].data["text/html"].startswith("<img ")
    assert not any("image/svg+xml" in o.get("data", {}) for o in outputs)


def _notebooks():
    yield from sorted((ROOT / "exercises").glob("*/*.ipynb"))
    yield from sorted((ROOT / "course").glob("*.ipynb"))


@pytest.mark.parametrize("path", list(_notebooks()), ids=lambda p: p.name)
def test_honest_notebooks_come_back_unchanged(path):
    nb = nbformat.read(path, as_version=4)
    clean, notes = sanitize_notebook(nb)
    assert notes == []
    assert [c.source for c in clean.cells] == [c.source for c in nb.cells]


def test_honest_outputs_keep_their_content():
    import pandas as pd

    table = pd.DataFrame({"tie": ["weak", "strong"], "share": [0.7, 0.3]})._repr_html_()
    png = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\0" * 32).decode()
    cell = new_code_cell("df", execution_count=1)
    cell.outputs = [new_output("execute_result", data={"text/html": table,
                                                       "text/plain": "  tie  share"},
                               execution_count=1),
                    new_output("display_data", data={"image/png": png},
                               metadata={"image/png": {"width": 400}})]
    clean, notes = sanitize_notebook(new_notebook(cells=[cell]))
    assert notes == []
    html = clean.cells[0].outputs[0].data["text/html"]
    assert "<table" in html and "weak" in html and "0.7" in html
    assert clean.cells[0].outputs[1].data["image/png"] == png
    assert clean.cells[0].outputs[1].metadata == {"image/png": {"width": 400}}


@pytest.mark.parametrize("html", [
    '<a href="jav&#x09;ascript:alert(1)">x</a>', '<a href=" javascript:alert(1)">x</a>',
    '<img src="x" o\x00nerror="alert(1)">', '<svg><style><img src=x onerror=alert(1)>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<form><button formaction="javascript:alert(1)">x</button></form>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<object data="javascript:alert(1)"></object>', '<base href="javascript:/">',
    '<div style="position:fixed;top:0;left:0;width:100%;height:100%">cover</div>',
])
def test_known_bypasses_are_cleaned(html):
    cleaned = sanitize_html(html)
    assert active_parts(cleaned) == [], cleaned
    assert "position" not in cleaned


def test_feedback_page_of_the_hostile_notebook_is_inert():
    clean, _ = sanitize_notebook(hostile_notebook())
    page = feedback_page(clean, {"nbgrader": {"notebook": "ps1<script>", "score": 1.0,
                                              "max_score": 2.0}},
                         banner={"title": "Flagged", "text": "x",
                                 "reasons": [f"<img src=x onerror={PAYLOAD}>"]})
    assert active_parts(page.split("</style>", 1)[1]) == []
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "My reflection on weak ties." in page


def _big_notebook(n_cells: int, image_kb: int):
    cells = [new_markdown_cell(f"note {i}") for i in range(n_cells)]
    graded = new_code_cell("assert True")
    graded.metadata["nbgrader"] = {"grade": True, "grade_id": "test-last", "points": 2,
                                   "solution": False, "locked": True}
    image = new_code_cell("show()")
    image.outputs = [new_output("display_data", data={
        "image/png": base64.b64encode(b"\0" * (image_kb * 1024)).decode()})]
    long = new_code_cell("print('x' * 10**6)")
    long.outputs = [new_output("stream", name="stdout", text="x" * 1_000_000)]
    return new_notebook(cells=[image, long] + cells + [graded])


def test_feedback_is_cut_to_its_limits_and_says_so():
    limits = FeedbackLimits(cells=50, output_chars=10_000, image_chars=100_000)
    nb = _big_notebook(5_000, image_kb=500)
    small, notes = cap_notebook(nb, limits)
    ordinary = [c for c in small.cells if "nbgrader" not in c.metadata
                and not c.metadata.get("weakties", {}).get("note")]
    assert len(ordinary) == 50
    assert small.cells[-1].metadata["nbgrader"]["grade_id"] == "test-last"   # always kept
    assert "4,952 cells" in " ".join(notes)
    image, long = small.cells[0], small.cells[1]
    assert "image/png" not in image.outputs[0].data
    assert "Not shown here" in image.outputs[0].data["text/plain"]
    assert len(long.outputs[0].text) < 10_200 and "more characters" in long.outputs[0].text
    assert len(nb.cells) == 5_003                                             # not changed


def test_feedback_total_size_is_bounded():
    limits = FeedbackLimits(cells=10_000, total_chars=200_000, output_chars=50_000)
    cells = []
    for i in range(100):
        c = new_code_cell(f"print({i})")
        c.outputs = [new_output("stream", name="stdout", text="y" * 40_000)]
        cells.append(c)
    small, notes = cap_notebook(new_notebook(cells=cells), limits)
    shown = sum(len(o.get("text", "")) for c in small.cells if c.cell_type == "code"
                for o in c.outputs)
    assert shown <= 200_000 + 50_000
    assert any("size limit" in n or "MB" in n for n in notes)


def test_sanitising_twice_changes_nothing_more():
    """The formgrader sanitises notebooks that were sanitised when written."""
    once, notes = sanitize_notebook(hostile_notebook())
    twice, again = sanitize_notebook(once)
    assert notes and again == []
    assert [c.source for c in twice.cells] == [c.source for c in once.cells]
    assert [c.get("outputs") for c in twice.cells] == [c.get("outputs") for c in once.cells]
