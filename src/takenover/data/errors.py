"""The one exception the pipeline raises for bad input."""

from __future__ import annotations


class InputError(ValueError):
    """Raw input the pipeline refuses. The message names the file and the row.

    `row` is a data row number (1 = first row after any header, or first YAML
    entry), or a worded place such as "line 12" for raw texts.
    """

    def __init__(self, file: str, problem: str, row: int | str | None = None):
        self.file = str(file)
        self.row = row
        self.problem = problem
        if row is None:
            where = self.file
        elif isinstance(row, int):
            where = f"{self.file}, row {row}"
        else:
            where = f"{self.file}, {row}"  # already worded, e.g. "line 12"
        super().__init__(f"{where}: {problem}")
