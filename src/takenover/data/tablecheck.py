"""The one check of a clean table's cells against its Table Schema, shared by the pipeline (before it
writes anything) and the loader (on every load), so neither accepts what the other would refuse.

Cells are checked as the CSV holds them, as text: types, required cells, enums, patterns, ranges,
unique keys, invisible characters, and the spreadsheet rule: no text cell starts with a character a
spreadsheet would run as a formula (=, +, -, @, tab, carriage return). Numbers are typed columns, so a
negative number is a number, not a formula.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from .hygiene import describe, first_invisible
from .schema.ids import meaning

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
INTEGER = re.compile(r"-?[0-9]+")
NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class CellError(ValueError):
    """A cell (or a key across rows) that breaks the schema; `row` counts data rows from 1."""

    def __init__(self, row: int, message: str):
        super().__init__(message)
        self.row = row
        self.message = message


def cell_text(value) -> str:
    """How a value is written into a CSV cell: the one serialisation of every table."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _typed(kind: str, text: str):
    """The cell's value, or None if the text is not of the column's type."""
    if kind == "integer":
        return int(text) if INTEGER.fullmatch(text) else None
    if kind == "number":
        value = float(text) if NUMBER.fullmatch(text) else None
        return value if value is not None and math.isfinite(value) else None
    if kind == "date":
        try:
            return dt.date.fromisoformat(text) if DATE.fullmatch(text) else None
        except ValueError:
            return None
    if kind == "boolean":
        return {"true": True, "false": False}.get(text)
    return text


def cell_problem(spec: dict, text: str) -> str | None:
    """What is wrong with one cell, worded to follow the column's name; None if nothing."""
    rules = spec.get("constraints", {})
    if text == "":
        return "is empty; it is required" if rules.get("required") else None
    kind = spec["type"]
    value = _typed(kind, text)
    if value is None:
        article = "an" if kind[0] in "aeiou" else "a"
        return f"{text!r} is not {article} {kind}" + (" (YYYY-MM-DD)" if kind == "date" else "")
    if kind == "string":
        char = first_invisible(text)
        if char is not None:
            return f"holds {describe(char)}, an invisible or control character"
        if text.startswith(FORMULA_START):
            return f"{text[:30]!r} starts with {text[0]!r}; a spreadsheet would run it as a formula"
    if "enum" in rules and text not in [str(option) for option in rules["enum"]]:
        return f"is {text!r}; allowed: {', '.join(map(str, rules['enum']))}"
    if "pattern" in rules and not re.fullmatch(rules["pattern"], text):
        return f"{text!r} is not {meaning(rules['pattern'].removeprefix('^').removesuffix('$'))}"
    if "minimum" in rules and value < rules["minimum"]:
        return f"{text} is below its minimum {rules['minimum']}"
    if "maximum" in rules and value > rules["maximum"]:
        return f"{text} is above its maximum {rules['maximum']}"
    return None


def check_cells(schema: dict, rows: list[dict[str, str]]) -> None:
    """Every cell, then the primary key and unique columns; CellError at the first problem."""
    fields = schema["fields"]
    for number, row in enumerate(rows, start=1):
        for spec in fields:
            problem = cell_problem(spec, row.get(spec["name"], ""))
            if problem:
                raise CellError(number, f"{spec['name']} {problem}")
    keys = [schema["primaryKey"]] + [[f["name"]] for f in fields if f.get("constraints", {}).get("unique")]
    for key in keys:
        seen: dict[tuple, int] = {}
        for number, row in enumerate(rows, start=1):
            value = tuple(row.get(k, "") for k in key)
            if value in seen:
                shown = value[0] if len(value) == 1 else value
                raise CellError(number, f"duplicate {'/'.join(key)} {shown!r} (first in row {seen[value]})")
            seen[value] = number
