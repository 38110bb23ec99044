"""nbgrader's formgrader with grader.plugins.formgrader: its pages escape student text.

Without a browser: the formgrader's own templates and its grading page's
exporter, as the extension sets them up. The browser test
(``tests/e2e/test_journey_hostile.py``) checks the same in Chromium.
"""

from __future__ import annotations

import pytest
from jinja2 import Environment, FileSystemLoader
from nbformat.v4 import new_markdown_cell, new_notebook

from grader.plugins import formgrader
from test_render_html import hostile_notebook

pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning")]

NAME = '<img src=x onerror="window.__pwned=1">'


def _templates():
    from nbgrader.server_extensions.formgrader import handlers

    return handlers.template_path


def test_stock_formgrader_templates_print_ids_raw():
    """What the extension fixes: nbgrader's environment does not escape."""
    env = Environment(loader=FileSystemLoader([_templates()]))
    page = env.get_template("manage_students_assignments.tpl").render(student_id=NAME,
                                                                     base_url="")
    assert NAME in page


@pytest.mark.parametrize("template, values", [
    ("manage_students_assignments.tpl", {"student_id": NAME}),
    ("manage_students_notebook_submissions.tpl", {"student_id": NAME, "assignment_id": NAME}),
    ("manage_submissions.tpl", {"assignment_id": NAME, "course_dir": NAME}),
    ("gradebook_notebook_submissions.tpl", {"assignment_id": NAME, "notebook_id": NAME}),
])
def test_escaping_environment_escapes_every_page(template, values):
    env = Environment(loader=FileSystemLoader([_templates()]))
    page = formgrader._escaping(env).get_template(template).render(base_url="", **values)
    assert NAME not in page and "&lt;img src=x" in page


def _exporter():
    from traitlets.config import Config

    c = Config()
    c.HTMLExporter.template_name = "formgrade"
    c.HTMLExporter.extra_template_basedirs = [_templates()]
    return formgrader.SafeFormgradeExporter(config=c)


def test_grading_page_escapes_names_and_sanitises_the_notebook():
    resources = {"assignment_id": "ps1", "notebook_id": "ps1", "submission_id": "1",
                 "index": 0, "total": 1, "base_url": "", "student": "mallory",
                 "last_name": NAME, "first_name": "$\\href{javascript:alert(1)}{x}$",
                 "notebook_path": "autograded/mallory/ps1/ps1.ipynb"}
    from nbconvert import HTMLExporter

    stock = HTMLExporter(config=_exporter().config)      # what nbgrader renders
    stock.sanitize_html = False
    raw, _ = stock.from_notebook_node(hostile_notebook(), dict(resources))
    import re

    assert re.search(r"<img[^>]*onerror", raw.split("<body", 1)[1])   # the name, raw
    html, _ = _exporter().from_notebook_node(hostile_notebook(), resources)
    assert NAME not in html and "&lt;img src=x onerror=" in html
    assert 'class="tex2jax_ignore"' in html          # MathJax leaves the names alone
    body = html.split("<body", 1)[1]
    # nbgrader's own page has its scripts and buttons; none of the student's may remain
    assert not re.search(r"<[a-z][^>]*\s(onerror|onmouseover|onload|srcdoc)\s*=", body, re.I)
    assert not re.search(r"<script[^>]*>[^<]*__pwned", body)
    assert not re.search(r"""href=["']?\s*javascript:""", body, re.I)
    assert "Removed because it could run code" in body


def test_install_patches_the_formgrader_once():
    from nbgrader.server_extensions.formgrader import base, handlers

    assert formgrader.install() is True
    assert formgrader.install() is True               # idempotent
    assert getattr(base.BaseHandler, "_weakties_safe", False)
    assert isinstance(base.BaseHandler.exporter, property)

    headers = {}

    class Fake:
        def set_header(self, key, value):
            headers[key] = value

    # a submission's own files (HTML, SVG) are served sandboxed: no script in the origin
    handlers.SubmissionFilesHandler.set_extra_headers(Fake(), "page.html")
    assert "sandbox" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
