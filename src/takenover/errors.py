"""The one exception the pipeline raises for bad input."""

from __future__ import annotations


class InputError(ValueError):
    """Raw input the pipeline refuses. The message names the file and the row."""

    def __init__(self, file: str, problem: str, row: int | str | None = None):
        self.file = str(file)
        self.row = row
        self.problem = problem
        where = self.file if row is None else f"{self.file}, row {row}"
        super().__init__(f"{where}: {problem}")
