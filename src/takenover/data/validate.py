"""Check clean tables against their schemas: types, enums, patterns, ranges and keys."""

from __future__ import annotations

import datetime as dt
import re

from .errors import InputError
from .schema import TABLES


def _origin(name: str, row: dict, number: int) -> tuple[str, int | str]:
    """Where a row came from, for error messages: its raw file and row if known."""
    return row.get("_origin", (f"clean table {name}", number))


def _type_ok(kind: str, value) -> bool:
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "date":
        return isinstance(value, dt.date)
    if kind == "boolean":
        return isinstance(value, bool)
    return isinstance(value, str)


def check_table(name: str, rows: list[dict]) -> None:
    """Types, required fields, enums, patterns, ranges and keys, as the schema says."""
    schema = TABLES[name]["schema"]
    names = [f["name"] for f in schema["fields"]]
    for number, row in enumerate(rows, start=1):
        file, where = _origin(name, row, number)
        extra = {k for k in row if not k.startswith("_")} - set(names)  # `_` keys are working state, not output
        if extra:
            raise InputError(file, f"{name}: unexpected column(s) {sorted(extra)}", where)
        for spec in schema["fields"]:
            value, rules = row.get(spec["name"]), spec.get("constraints", {})
            label = f"{name}.{spec['name']}"
            if value is None:
                if rules.get("required"):
                    raise InputError(file, f"{label} is required", where)
                continue
            if not _type_ok(spec["type"], value):
                raise InputError(file, f"{label} should be of type {spec['type']}, found {value!r}", where)
            if "enum" in rules and value not in rules["enum"]:
                raise InputError(file, f"{label} is {value!r}; allowed: {', '.join(rules['enum'])}", where)
            if "pattern" in rules and not re.fullmatch(rules["pattern"], value):
                raise InputError(file, f"{label} {value!r} does not match {rules['pattern']}", where)
            if "minimum" in rules and value < rules["minimum"]:
                raise InputError(file, f"{label} is below its minimum {rules['minimum']}", where)
            if "maximum" in rules and value > rules["maximum"]:
                raise InputError(file, f"{label} is above its maximum {rules['maximum']}", where)
    _check_unique_key(name, rows, schema["primaryKey"])
    for spec in schema["fields"]:
        if spec.get("constraints", {}).get("unique"):
            _check_unique_key(name, rows, [spec["name"]])


def _check_unique_key(name: str, rows: list[dict], key: list[str]) -> None:
    seen: dict = {}
    for number, row in enumerate(rows, start=1):
        value = tuple(row[k] for k in key)
        if value in seen:
            file, where = _origin(name, row, number)
            raise InputError(
                file, f"duplicate {name} key {'/'.join(key)} = {value if len(value) > 1 else value[0]!r}", where
            )
        seen[value] = number


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
