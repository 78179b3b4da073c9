"""What one run of the pipeline has built so far, and the row counts that must reconcile."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import InputError
from ..schema import TABLES
from ..validate import check_table


class CheckedTables(dict):
    """Clean tables by name. Each is checked against its schema as it is added, so a bad value is
    reported against the raw file and row it came from, before any later stage uses it."""

    def __setitem__(self, name: str, rows: list[dict]) -> None:
        if name in TABLES:
            check_table(name, rows)
        super().__setitem__(name, rows)


@dataclass
class Build:
    """The clean tables in memory, by name, and every reconciled count from raw input to table."""

    tables: dict[str, list[dict]] = field(default_factory=CheckedTables)
    reconciliation: list[tuple[str, int, int]] = field(default_factory=list)

    def reconcile(self, what: str, expected: int, got: int) -> None:
        self.reconciliation.append((what, expected, got))
        if expected != got:
            raise InputError("pipeline", f"row counts do not reconcile for {what}: expected {expected}, got {got}")
