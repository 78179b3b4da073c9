"""What one run of the pipeline has built so far, and the row counts that must reconcile."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import InputError


@dataclass
class Build:
    """The clean tables in memory, by name, and every reconciled count from raw input to table."""

    tables: dict[str, list[dict]] = field(default_factory=dict)
    reconciliation: list[tuple[str, int, int]] = field(default_factory=list)

    def reconcile(self, what: str, expected: int, got: int) -> None:
        self.reconciliation.append((what, expected, got))
        if expected != got:
            raise InputError("pipeline", f"row counts do not reconcile for {what}: expected {expected}, got {got}")
