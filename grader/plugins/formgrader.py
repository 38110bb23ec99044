"""nbgrader's formgrader, with student text escaped and student notebooks sanitised.

nbgrader 0.9's formgrader renders its pages with a Jinja2 environment that
does not escape (``FormgradeExtension.init_tornado_settings``), so the pages
print the URL's ids and, on the grading page, the student's first and last
names as raw HTML; it renders the autograded notebook with nbconvert's
``HTMLExporter`` inside the instructor's Jupyter origin; and it serves the
files of a submission (``/formgrader/submissions/<id>/<path>``) from that
origin. :func:`install` changes, for every formgrader page of this server:

- the pages' templates are rendered with autoescaping on;
- the grading page's notebook is sanitised again
  (:func:`grader.render.html.sanitize_notebook`, whatever wrote it:
  ``weakties-grade autograde`` or stock ``nbgrader autograde``) and rendered
  with ``sanitize_html`` on; the names it prints are escaped and kept away
  from MathJax;
- a submission's files are served with ``Content-Security-Policy: sandbox``
  (an HTML or SVG file opened from there runs no script in the instructor's
  origin) and ``X-Content-Type-Options: nosniff``.

It is applied by ``weakties-grade lab`` (which loads this module as a Jupyter
server extension), and by the course's ``nbgrader_config.py`` whenever a
formgrader reads it. On a JupyterHub, enable it for the instructors' servers:
``jupyter server extension enable --sys-prefix grader.plugins.formgrader``.
"""

from __future__ import annotations

import sys

from nbconvert.exporters import HTMLExporter
from traitlets import default

__all__ = ["install", "install_if_serving", "SafeFormgradeExporter",
           "_jupyter_server_extension_points", "_load_jupyter_server_extension"]

#: Fields of the grading page's resources that nbgrader's template prints raw.
NAME_FIELDS = ("student", "first_name", "last_name")
ID_FIELDS = ("notebook_id", "assignment_id", "notebook_path", "filename")
#: Headers of a submission's files served by the formgrader.
FILE_HEADERS = {
    "Content-Security-Policy": "sandbox; default-src 'none'; img-src 'self' data:; "
                               "style-src 'unsafe-inline'",
    "X-Content-Type-Options": "nosniff",
}

_ENVIRONMENTS: dict = {}


def _shown_name(value):
    """An escaped name, in a span MathJax skips (no ``$\\href{...}$`` in a name)."""
    from markupsafe import Markup, escape

    return Markup('<span class="tex2jax_ignore">') + escape(value) + Markup("</span>")


class SafeFormgradeExporter(HTMLExporter):
    """nbgrader's grading page, from a sanitised notebook, with the student's fields escaped.

    Examples
    --------
    >>> from nbformat.v4 import new_notebook, new_markdown_cell
    >>> exporter = SafeFormgradeExporter()
    >>> exporter.sanitize_html
    True
    """

    @default("sanitize_html")
    def _sanitize_default(self):
        return True

    def from_notebook_node(self, nb, resources=None, **kw):
        from markupsafe import escape

        from ..render.html import sanitize_notebook

        clean, _ = sanitize_notebook(nb)
        resources = dict(resources or {})
        for key in NAME_FIELDS:
            if isinstance(resources.get(key), str):
                resources[key] = _shown_name(resources[key])
        for key in ID_FIELDS:
            if isinstance(resources.get(key), str):
                resources[key] = escape(resources[key])
        return super().from_notebook_node(clean, resources, **kw)


def _escaping(env):
    """An autoescaping copy of the formgrader's Jinja2 environment (same templates)."""
    from jinja2 import Environment

    safe = _ENVIRONMENTS.get(id(env))
    if safe is None or safe[0] is not env:
        safe = (env, Environment(loader=env.loader, autoescape=True))
        _ENVIRONMENTS[id(env)] = safe
    return safe[1]


def install() -> bool:
    """Make nbgrader's formgrader escape student text and sanitise notebooks (idempotent).

    Returns True once installed. Raises ``RuntimeError`` if nbgrader's
    formgrader no longer has the parts this relies on (then the formgrader
    must not be used with student work before this module is updated).
    """
    from nbgrader.server_extensions.formgrader import base, handlers

    handler = base.BaseHandler
    if getattr(handler, "_weakties_safe", False):
        return True
    for name in ("render", "exporter"):
        if not hasattr(handler, name):
            raise RuntimeError(f"nbgrader's formgrader has no BaseHandler.{name}: "
                               "grader/plugins/formgrader.py must be updated for this "
                               "nbgrader version")

    def render(self, name, **ns):
        template = _escaping(self.settings["nbgrader_jinja2_env"]).get_template(name)
        return template.render(**ns)

    def exporter(self):
        current = self.settings["nbgrader_exporter"]
        if not isinstance(current, SafeFormgradeExporter):
            current = SafeFormgradeExporter(config=current.config)
            self.settings["nbgrader_exporter"] = current
        return current

    handler.render = render
    handler.exporter = property(exporter)

    files = handlers.SubmissionFilesHandler
    original = files.set_extra_headers

    def set_extra_headers(self, path):
        original(self, path)
        for key, value in FILE_HEADERS.items():
            self.set_header(key, value)

    files.set_extra_headers = set_extra_headers
    handler._weakties_safe = True
    return True


def install_if_serving() -> bool:
    """:func:`install` when nbgrader's formgrader is loaded in this process (else nothing)."""
    if "nbgrader.server_extensions.formgrader.base" in sys.modules:
        return install()
    return False


def _jupyter_server_extension_points():
    return [{"module": "grader.plugins.formgrader"}]


def _load_jupyter_server_extension(serverapp):
    install()
    serverapp.log.info("weakties: the formgrader escapes student text and sanitises notebooks")
