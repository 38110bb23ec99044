"""The autograde progress bar, on standard error."""

from __future__ import annotations

__all__ = ["Progress"]


class Progress:
    """A rich progress bar on standard error (nothing when disabled)."""

    def __init__(self, total: int, assignment: str, enabled: bool):
        self.enabled = enabled
        self.total = total
        self.assignment = assignment
        self.progress = None

    def __enter__(self):
        if self.enabled:
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)

            self.progress = Progress(
                TextColumn("[bold]autograde {task.fields[assignment]}"), BarColumn(),
                MofNCompleteColumn(), TextColumn("{task.fields[last]}"), TimeElapsedColumn(),
                TimeRemainingColumn(), console=Console(stderr=True), transient=False)
            self.progress.__enter__()
            self.task = self.progress.add_task("grading", total=self.total,
                                               assignment=self.assignment, last="")
        return self

    def advance(self, outcome):
        if self.progress is not None:
            self.progress.update(self.task, advance=1,
                                 last=f"{outcome.student}: {outcome.status}")

    def __exit__(self, *exc):
        if self.progress is not None:
            self.progress.__exit__(*exc)
        return False
