"""Instructor tooling: nbgrader configuration, the ``weakties-grade`` command line, the sandbox."""

import sys as _sys

# jsonschema (imported by nbformat) loads ``rfc3987_syntax`` when it is installed
# (jupyter-events pulls it in), and that module compiles 38 Lark grammars at
# import: about one second of CPU before every grading command does anything.
# It only serves the "iri" string format, which nbformat never checks (it
# validates without a format checker), so the grader's processes go without it.
# A later ``import rfc3987_syntax`` in the same process raises ImportError, which
# jsonschema expects (the module is optional); one imported earlier is kept.
_sys.modules.setdefault("rfc3987_syntax", None)
