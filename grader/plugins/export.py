"""``nbgrader export`` from the course root writes the same CSV as ``weakties-grade export``."""

from __future__ import annotations

from pathlib import Path

from nbgrader.plugins import ExportPlugin

from ..render.tables import CSV_COLUMNS, csv_rows, write_csv
from ..stores.results import load_results

__all__ = ["StatusCsvExportPlugin"]


class StatusCsvExportPlugin(ExportPlugin):
    """``nbgrader export`` with the status column: failed and flagged submissions marked."""

    def export(self, gradebook) -> None:
        from ..stores.course import Course

        root = Path(self.parent.coursedir.root)
        course = Course(root, source=(root / "source").resolve())
        assignments = [str(a) for a in self.assignment] or None
        students = [str(s) for s in self.student] or None
        results = load_results(course, assignments, students)
        dest = self.to or "grades.csv"
        self.log.info("Exporting grades with their status to %s", dest)
        write_csv(dest, CSV_COLUMNS, csv_rows(results))
