"""The one check of a clean table's cells against its Table Schema, shared by the pipeline (before it
writes anything) and the loader (on every load), so neither accepts what the other would refuse.

Cells are checked as the CSV holds them, as text: types, required cells, enums, patterns, ranges,
unique keys, invisible characters, and the spreadsheet rule.

The spreadsheet rule: a text cell that starts with a character a spreadsheet runs as a formula
(=, +, -, @, tab, carriage return) is written with an apostrophe before it, the convention
spreadsheets read as "this is text"; so is a text cell that starts with an apostrophe, so the rule can
be undone exactly. `takenover.load` removes that one apostrophe again, and the descriptor says so. A
bare formula character at the start of a text cell is refused. Numbers are typed columns: a negative
number is a number, not a formula, and is written as it is.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from .hygiene import describe, first_invisible
from .schema.ids import meaning

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
TEXT_MARK = "'"  # what spreadsheets read as "the rest is text"
INTEGER = re.compile(r"-?[0-9]+")
NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class CellError(ValueError):
    """A cell (or a key across rows) that breaks the schema; `row` counts data rows from 1."""

    def __init__(self, row: int, message: str):
        super().__init__(message)
        self.row = row
        self.message = message


def cell_text(value, kind: str = "string") -> str:
    """How a value of a column of type `kind` is written into a CSV cell: the one serialisation of every
    table. Text that a spreadsheet would run as a formula gets the TEXT_MARK before it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if kind == "string" and text.startswith((*FORMULA_START, TEXT_MARK)):
        return TEXT_MARK + text
    return text


def text_of(cell: str) -> str:
    """The value a text cell holds: `cell_text` undone."""
    return cell[1:] if cell.startswith(TEXT_MARK) else cell


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
    if kind == "string" and text.startswith(FORMULA_START):
        return f"{text[:30]!r} starts with {text[0]!r}, which a spreadsheet would run as a formula"
    value = _typed(kind, text_of(text) if kind == "string" else text)
    if value is None:
        article = "an" if kind[0] in "aeiou" else "a"
        return f"{text!r} is not {article} {kind}" + (" (YYYY-MM-DD)" if kind == "date" else "")
    if kind == "string":
        char = first_invisible(value)
        if char is not None:
            return f"holds {describe(char)}, an invisible or control character"
    if "enum" in rules and str(value) not in [str(option) for option in rules["enum"]]:
        return f"is {value!r}; allowed: {', '.join(map(str, rules['enum']))}"
    if "pattern" in rules and not re.fullmatch(rules["pattern"], str(value)):
        return f"{value!r} is not {meaning(rules['pattern'].removeprefix('^').removesuffix('$'))}"
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
