"""nbgrader configuration for this course.

``configure(c, course_root)`` fills a traitlets config object. It is used by
``weakties-grade`` and, through the ``nbgrader_config.py`` that
:meth:`grader.course.Course.ensure` writes in the course root, by ``nbgrader``
itself and its formgrader.
"""

from __future__ import annotations


def configure(c, course_root: str) -> None:
    """Apply this course's settings to the nbgrader config ``c``."""
    c.CourseDirectory.root = course_root
    c.CourseDirectory.source_directory = "source"   # a link to the project's exercises/
    c.CourseDirectory.db_url = f"sqlite:///{course_root}/gradebook.db"
    c.CourseDirectory.course_id = "weakties"
    # Kernels: one cell may run 30 s at most.
    c.Execute.timeout = 30
    c.Execute.interrupt_on_timeout = True
    c.ExecutePreprocessor.timeout = 30
