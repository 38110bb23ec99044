"""The autograde progress bar, on standard error.

The assignment and the last student's id are shown as plain text
(:func:`grader.render.text.inert`, and columns that do not read markup).
"""

from __future__ import annotations

from .text import inert

__all__ = ["Progress"]


class Progress:
    """A rich progress bar on standard error (nothing when disabled)."""

    def __init__(self, total: int, assignment: str, enabled: bool, console=None):
        self.enabled = enabled
        self.console = console
        self.total = total
        self.assignment = assignment
        self.progress = None

    def __enter__(self):
        if self.enabled:
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)

            self.progress = Progress(
                TextColumn("autograde {task.fields[assignment]}", style="bold", markup=False),
                BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[last]}", markup=False), TimeElapsedColumn(),
                TimeRemainingColumn(), console=self.console or Console(stderr=True), transient=False)
            self.progress.__enter__()
            self.task = self.progress.add_task("grading", total=self.total,
                                               assignment=inert(self.assignment), last="")
        return self

    def advance(self, outcome):
        if self.progress is not None:
            self.progress.update(self.task, advance=1,
                                 last=inert(f"{outcome.student}: {outcome.status}"))

    def __exit__(self, *exc):
        if self.progress is not None:
            self.progress.__exit__(*exc)
        return False
