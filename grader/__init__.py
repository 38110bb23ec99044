"""Instructor tooling: nbgrader configuration, the ``weakties-grade`` command line, the sandbox."""
