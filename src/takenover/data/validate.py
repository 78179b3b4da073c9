"""Check clean tables against their schemas, naming the raw file and row each bad value came from.

Two steps: the values must be of the column's Python type (so a list or a mapping can never be written
as its text), and their cells, as they will be written, must pass the same check the loader applies
(`tablecheck`).
"""

from __future__ import annotations

import datetime as dt
import math

from .errors import InputError
from .schema import TABLES
from .tablecheck import CellError, cell_text, check_cells


def _origin(name: str, row: dict, number: int) -> tuple[str, int | str]:
    """Where a row came from, for error messages: its raw file and row if known."""
    return row.get("_origin", (f"clean table {name}", number))


def _type_ok(kind: str, value) -> bool:
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    if kind == "date":
        return isinstance(value, dt.date) and not isinstance(value, dt.datetime)
    if kind == "boolean":
        return isinstance(value, bool)
    return isinstance(value, str)


def check_table(name: str, rows: list[dict]) -> None:
    """Columns, Python types, then every cell as the loader will read it."""
    fields = TABLES[name]["schema"]["fields"]
    names = [f["name"] for f in fields]
    for number, row in enumerate(rows, start=1):
        file, where = _origin(name, row, number)
        extra = {k for k in row if not k.startswith("_")} - set(names)  # `_` keys are working state, not output
        if extra:
            raise InputError(file, f"{name}: unexpected column(s) {sorted(extra)}", where)
        for spec in fields:
            value = row.get(spec["name"])
            if value is not None and not _type_ok(spec["type"], value):
                raise InputError(
                    file, f"{name}.{spec['name']} should be of type {spec['type']}, found {value!r}", where
                )
    kinds = {f["name"]: f["type"] for f in fields}
    cells = [{n: cell_text(row.get(n), kinds[n]) for n in names} for row in rows]
    try:
        check_cells(TABLES[name]["schema"], cells)
    except CellError as err:
        file, where = _origin(name, rows[err.row - 1], err.row)
        raise InputError(file, f"{name}.{err.message}", where) from None


def key_fields(fields: str | list[str]) -> list[str]:
    """A foreign key's fields as a list: Table Schema allows one name or a list of names."""
    return [fields] if isinstance(fields, str) else list(fields)


def check_foreign_keys(tables: dict[str, list[dict]]) -> None:
    for name, rows in tables.items():
        for fk in TABLES[name]["schema"].get("foreignKeys", []):
            target = fk["reference"]["resource"] or name
            fields, ref_fields = key_fields(fk["fields"]), key_fields(fk["reference"]["fields"])
            keys = {tuple(row[f] for f in ref_fields) for row in tables[target]}
            for number, row in enumerate(rows, start=1):
                value = tuple(row.get(f) for f in fields)
                if None not in value and value not in keys:
                    file, where = _origin(name, row, number)
                    shown = value[0] if len(value) == 1 else value
                    raise InputError(file, f"{name}.{'/'.join(fields)} {shown!r} is not a known {target} key", where)
