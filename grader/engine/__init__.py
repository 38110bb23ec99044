"""Grading one notebook, and a batch of them: the pipeline, the sandboxed kernel, the judge."""
