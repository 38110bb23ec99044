"""nbgrader configuration for this course.

``configure(c, course_root)`` fills a traitlets config object. It is used by
``weakties-grade`` and, through the ``nbgrader_config.py`` that
:meth:`grader.stores.course.Course.ensure` writes in the course root, by ``nbgrader``
itself and its formgrader (started from the course root, for instance with
``weakties-grade lab``), so that all of them share one configuration:

- the source assignments are the course root's ``source`` link, which points
  to the project's ``exercises/`` (or the folder given with ``--source``);
- the working folders (``release``, ``submitted``, ``autograded``,
  ``feedback``) and ``gradebook.db`` live in the course root, outside the
  tracked tree; the exchange (used by the formgrader's release and collect
  buttons on a shared server) is ``exchange/`` inside it;
- every cell may run :data:`CELL_TIMEOUT` seconds, then it is interrupted
  and counted as failed; kernels are shut down at once after grading;
- Python warnings printed on stderr (a ``DeprecationWarning`` from a library,
  for instance) do not fail a test cell: nbgrader counts *any* stderr output
  as a failure, so its ``IgnorePattern`` preprocessor removes stderr outputs
  that begin with a warning (:data:`WARNING_PATTERN`) before the grades are
  computed. Errors raised by the code are ``error`` outputs, not stderr, and
  still fail;
- feedback pages hide the code of the tests, show at most bounded limits of a
  notebook, and are sanitised and autoescaped (see :mod:`grader.plugins.feedback`);
- the formgrader renders sanitised notebooks (``HTMLExporter.sanitize_html``,
  and :mod:`grader.plugins.formgrader` when it runs in a Jupyter server);
- ``nbgrader export`` run from the course root marks failed and flagged
  submissions (see :mod:`grader.plugins.export`);
- ``nbgrader autograde`` and the formgrader's Autograde button grade through
  ``weakties-grade``'s own pipeline (the learner id from the nbgrader student
  id, the sandbox, the judge), so they give the same grades, or refuse (see
  :mod:`grader.plugins.autograde`).
"""

from __future__ import annotations

import os
import sys

#: Seconds a single cell may run before it is interrupted (nbgrader's per-cell timeout).
CELL_TIMEOUT = 30
#: Seconds to wait for a kernel to start.
STARTUP_TIMEOUT = 60

#: A stderr output is dropped before grading when it starts with a Python
#: warning as :func:`warnings.formatwarning` writes it
#: (``path:line: SomeWarning: message``) or as a bare ``SomeWarning: message``.
WARNING_PATTERN = r"\A\s*(?:[^\n]*:\d+: )?[A-Za-z_]\w*Warning: "


def _language(course_root: str) -> None:
    """The formgrader's feedback pages in the course's language (``[course] language``).

    weakties-grade has already chosen its language (``--lang``) when it loads
    this configuration; then nothing changes.
    """
    from weakties import i18n

    from grader.render.words import course_language

    if i18n._current is None:
        try:
            lang = course_language(course_root)
        except ValueError:
            return
        if lang:
            i18n.set_language(lang)


def configure(c, course_root: str) -> None:
    """Apply this course's settings to the nbgrader config ``c``.

    Examples
    --------
    >>> from traitlets.config import Config
    >>> c = Config()
    >>> configure(c, "/tmp/course")
    >>> c.CourseDirectory.source_directory, c.Exchange.root
    ('source', '/tmp/course/exchange')
    >>> c.IgnorePattern.enabled
    True
    >>> c.Autograde.sanitize_preprocessors
    ['grader.plugins.autograde.WeaktiesAutograde']
    """
    course_root = str(course_root)
    _language(course_root)
    c.CourseDirectory.root = course_root
    c.CourseDirectory.source_directory = "source"   # a link to the project's exercises/
    c.CourseDirectory.course_id = "weakties"

    # --- Gradebook database and exchange (issue 15, deploy/hub/) -------------
    # The course's settings (course.ini in the course root, or WEAKTIES_DB_URL
    # and WEAKTIES_EXCHANGE_ROOT) choose them, so that nbgrader, its formgrader
    # and weakties-grade always use the same database. By default: SQLite in the
    # course root, and the exchange inside the course root (nbgrader's default,
    # /srv/nbgrader/exchange, does not exist on one machine and breaks the
    # formgrader's release and collect buttons). A shared exchange (a hub)
    # collects a submission only when its files belong to the student it names.
    from grader.stores.course import course_settings

    settings = course_settings(course_root)
    c.CourseDirectory.db_url = settings["db_url"] or f"sqlite:///{course_root}/gradebook.db"
    c.Exchange.root = settings["exchange_root"] or os.path.join(course_root, "exchange")
    if settings["exchange_root"]:
        c.ExchangeFactory.collect = "grader.plugins.exchange.OwnerCheckedCollect"
    # --- end of the gradebook database and exchange block --------------------

    # Kernels: one cell may run CELL_TIMEOUT seconds at most, then it is
    # interrupted and its test fails; kernels are stopped at once afterwards.
    c.Execute.timeout = CELL_TIMEOUT
    c.Execute.interrupt_on_timeout = True
    c.Execute.startup_timeout = STARTUP_TIMEOUT
    c.Execute.shutdown_kernel = "immediate"
    c.ExecutePreprocessor.timeout = CELL_TIMEOUT

    # Warnings on stderr are not failures.
    c.IgnorePattern.enabled = True
    c.IgnorePattern.pattern = WARNING_PATTERN

    # --- Rendering of student text (owned by grader/render; keep in this block) ---
    # Feedback shows each test's outcome and message, never the test code; the
    # page is cut to bounded limits, sanitised and written from an autoescaping
    # template that allows no script (grader.plugins.feedback.FeedbackExporter).
    c.GenerateFeedback.preprocessors = [
        "nbgrader.preprocessors.GetGrades",
        "grader.plugins.feedback.HideTestCode",
    ]
    c.GenerateFeedback.exporter_class = "grader.plugins.feedback.FeedbackExporter"
    c.HideTestCode.course_root = course_root
    # A second layer for the formgrader's pages (nbconvert's HTMLExporter):
    # markdown and HTML outputs sanitised when rendered. The first layer is
    # grader.render.html.sanitize_notebook, applied when autograded notebooks
    # are written and again by the formgrader extension before rendering.
    c.HTMLExporter.sanitize_html = True
    # In a Jupyter server that runs nbgrader's formgrader (which reads this
    # configuration), escape what its templates print raw (student names).
    if "nbgrader.server_extensions.formgrader.base" in sys.modules:
        from grader.plugins.formgrader import install

        install()
    # --- end of the rendering block ---

    # `nbgrader export` from the course root: status column for failed and
    # flagged submissions.
    c.ExportApp.plugin_class = "grader.plugins.export.StatusCsvExportPlugin"

    # `nbgrader autograde` and the formgrader's Autograde button: weakties-grade's
    # pipeline does the grading; nbgrader executes nothing itself.
    c.Autograde.sanitize_preprocessors = ["grader.plugins.autograde.WeaktiesAutograde"]
    c.Autograde.autograde_preprocessors = []
