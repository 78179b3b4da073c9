"""Readers for everything under data/raw/, and parsers for the values in it. Each refuses bad input loudly."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from pathlib import Path

import yaml

from .errors import InputError


def display_path(path: Path) -> str:
    """A path as a message should show it: relative to data/ where possible."""
    parts = path.parts
    if "raw" in parts:
        return "/".join(parts[parts.index("raw") - 1 :])
    return str(path)


def read_utf8(path: Path) -> str:
    """Decode a file as strict UTF-8, naming the first bad byte if it is not."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(display_path(path), f"not valid UTF-8 (byte {err.start})", f"line {line}") from None


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_csv(path: Path, columns: list[str]) -> list[dict[str, str]]:
    """Rows of a CSV file that must have exactly `columns`, in that order."""
    name = display_path(path)
    reader = csv.reader(io.StringIO(read_utf8(path), newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(name, "the file is empty") from None
    if header != columns:
        raise InputError(name, f"expected columns {columns}, found {header}", 0)
    rows = []
    for number, values in enumerate(reader, start=1):
        if len(values) != len(columns):
            raise InputError(name, f"expected {len(columns)} fields, found {len(values)}", number)
        rows.append(dict(zip(columns, values, strict=True)))
    return rows


def read_yaml(path: Path):
    """A YAML file's content, or an error naming the file if it is not valid YAML."""
    try:
        return yaml.safe_load(read_utf8(path))
    except yaml.YAMLError as err:
        raise InputError(display_path(path), f"not valid YAML: {err}") from None


def read_annotations(path: Path, required: list[str], optional: list[str] = ()) -> list[dict]:
    """Entries of a YAML annotation file: a list of mappings with known keys."""
    name = display_path(path)
    entries = read_yaml(path)
    if not isinstance(entries, list):
        raise InputError(name, "expected a list of entries at the top level")
    allowed = set(required) | set(optional)
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise InputError(name, "an entry must be a mapping", number)
        missing = [key for key in required if entry.get(key) in (None, "")]
        if missing:
            raise InputError(name, f"missing {', '.join(missing)}", number)
        unknown = sorted(set(entry) - allowed)
        if unknown:
            raise InputError(name, f"unknown key(s) {', '.join(unknown)}", number)
    return entries


def check_unique(rows: list[dict], key: str, file: str) -> None:
    """Stop at the first repeated value of `key`, naming both rows."""
    seen: dict = {}
    for number, row in enumerate(rows, start=1):
        value = row[key]
        if value in seen:
            raise InputError(file, f"duplicate {key} {value!r} (first used in row {seen[value]})", number)
        seen[value] = number


def parse_date(value, file: str, row: int | str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InputError(file, f"not an ISO date: {value!r}", row) from None


def parse_int(value: str, file: str, row: int | str) -> int:
    try:
        return int(value)
    except ValueError:
        raise InputError(file, f"not a whole number: {value!r}", row) from None


def parse_float(value: str, file: str, row: int | str) -> float:
    try:
        return float(value)
    except ValueError:
        raise InputError(file, f"not a number: {value!r}", row) from None
