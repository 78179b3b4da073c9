"""Readers for everything under data/raw/, and parsers for the values in it. Each refuses bad input with
one line naming the file and row, and records what it read, so the pipeline can refuse files nothing reads."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import io
import math
import re
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path

from . import hygiene, strict_yaml
from .errors import InputError

_READ: ContextVar[set[Path] | None] = ContextVar("files_read", default=None)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
WHOLE_NUMBER = re.compile(r"-?\d+")
DECIMAL = re.compile(r"-?\d+(?:\.\d+)?")


def display_path(path: Path) -> str:
    """A path as a message should show it: relative to data/ where possible."""
    parts = path.parts
    if "raw" in parts:
        return "/".join(parts[parts.index("raw") - 1 :])
    return str(path)


@contextlib.contextmanager
def recording_reads() -> Iterator[set[Path]]:
    """Collect the resolved path of every file read inside the block."""
    files: set[Path] = set()
    token = _READ.set(files)
    try:
        yield files
    finally:
        _READ.reset(token)


def note_read(path: Path) -> None:
    """Count a file as used by the pipeline (read, or checked to exist where a record names it)."""
    files = _READ.get()
    if files is not None:
        files.add(path.resolve())


def read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(display_path(path), "the file is missing") from None
    except IsADirectoryError:
        raise InputError(display_path(path), "is a folder, not a file") from None
    note_read(path)
    return data


def read_utf8(path: Path) -> str:
    """Decode a file as strict UTF-8, naming the first bad byte if it is not."""
    data = read_bytes(path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(display_path(path), f"not valid UTF-8 (byte {err.start})", f"line {line}") from None


def sha256_of(path: Path) -> str:
    return hashlib.sha256(read_bytes(path)).hexdigest()


def read_csv(path: Path, columns: list[str]) -> list[dict[str, str]]:
    """Rows of a CSV file that must have exactly `columns`, in that order, and no control characters."""
    name = display_path(path)
    text = read_utf8(path)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(name, "the file is empty") from None
    except csv.Error as err:
        raise InputError(name, f"not valid CSV: {err}", "line 1") from None
    if header != columns:
        raise InputError(name, f"expected columns {columns}, found {header}", 0)
    rows = []
    number = 0
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            raise InputError(name, f"not valid CSV: {err}", number + 1) from None
        number += 1
        if len(values) != len(columns):
            raise InputError(name, f"expected {len(columns)} fields, found {len(values)}", number)
        row = dict(zip(columns, values, strict=True))
        hygiene.check_value(row, name, number)
        rows.append(row)
    return rows


def read_yaml(path: Path):
    """A YAML file's content: duplicate keys refused, dates left as text, no invisible characters."""
    name = display_path(path)
    document = strict_yaml.load(read_utf8(path), name)
    if document is None:
        raise InputError(name, "the file is empty")
    hygiene.check_document(document, name)
    return document


def check_unique(rows: list[dict], key: str, file: str) -> None:
    """Stop at the first repeated value of `key`, naming both rows."""
    seen: dict = {}
    for number, row in enumerate(rows, start=1):
        value = row[key]
        if value in seen:
            raise InputError(file, f"duplicate {key} {value!r} (first used in row {seen[value]})", number)
        seen[value] = number


def parse_date(value, file: str, row: int | str) -> dt.date:
    """A calendar date written YYYY-MM-DD; a date and time, or an impossible day, is refused."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    text = str(value)
    try:
        if not ISO_DATE.fullmatch(text):
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(file, f"{text!r} is not a date (YYYY-MM-DD)", row) from None


def parse_int(value: str, file: str, row: int | str) -> int:
    if not WHOLE_NUMBER.fullmatch(value):
        raise InputError(file, f"{value!r} is not a whole number", row)
    return int(value)


def parse_float(value: str, file: str, row: int | str) -> float:
    """A finite decimal number: 'nan', 'inf' and exponents are refused."""
    if not DECIMAL.fullmatch(value) or not math.isfinite(float(value)):
        raise InputError(file, f"{value!r} is not a finite number", row)
    return float(value)
