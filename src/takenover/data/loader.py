"""The one way chapters read data: `load("comments")` gives a typed DataFrame.

The loader checks the file's hash and the schema on every load, so a chapter
never runs on data that differ from the committed, described dataset.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import io
import json
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..core import paths
from .tablecheck import CellError, check_cells, text_of


class DataError(RuntimeError):
    """The clean data on disk do not match their descriptor."""


@lru_cache(maxsize=1)
def _descriptor(path: Path) -> dict:
    if not path.is_file():
        raise DataError(f"{path} is missing; run `make data` to build the clean tables")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as err:
        raise DataError(f"{path} is not a valid descriptor ({err}); rebuild it with `make data`") from None


def descriptor() -> dict:
    """The Data Package descriptor (data/datapackage.json) as a dict: a copy, so that a caller who
    changes it (a test editing hashes, say) cannot change what every later load checks against."""
    return copy.deepcopy(_descriptor(paths.DESCRIPTOR_PATH))


def resource(name: str) -> dict:
    for res in descriptor()["resources"]:
        if res["name"] == name:
            return res
    known = ", ".join(r["name"] for r in descriptor()["resources"])
    raise KeyError(f"no table called {name!r}; the tables are: {known}")


def table_names() -> list[str]:
    return [r["name"] for r in descriptor()["resources"]]


def describe(name: str) -> pd.DataFrame:
    """A data dictionary for one table, read from the descriptor."""
    fields = resource(name)["schema"]["fields"]
    keys = resource(name)["schema"]["primaryKey"]
    rows = []
    for f in fields:
        rules = f.get("constraints", {})
        notes = []
        if f["name"] in keys:
            notes.append("primary key" if len(keys) == 1 else "part of primary key")
        if rules.get("required"):
            notes.append("required")
        if "enum" in rules:
            notes.append("one of: " + ", ".join(map(str, rules["enum"])))
        rows.append({"column": f["name"], "type": f["type"], "rules": "; ".join(notes), "meaning": f["description"]})
    return pd.DataFrame(rows)


def load(name: str) -> pd.DataFrame:
    """Load one clean table with its schema's types, checking hash and constraints."""
    res = resource(name)
    path = paths.DATA_DIR / res["path"]
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"{path} is missing; rebuild with `make data`") from None
    digest = "sha256:" + hashlib.sha256(data).hexdigest()
    if digest != res["hash"]:
        raise DataError(f"{path} does not match the hash in datapackage.json; rebuild with `make data`")
    return parse_table(data, res["schema"], str(path))


def cells(data: bytes, schema: dict, shown: str) -> list[dict[str, str]]:
    """The rows of a table's CSV as text, after checking its header against the schema."""
    names = [f["name"] for f in schema["fields"]]
    try:
        reader = csv.reader(io.StringIO(data.decode("utf-8"), newline=""), strict=True)
        header = next(reader, [])
        rows = [dict(zip(header, values, strict=True)) for values in reader]
    except (UnicodeDecodeError, csv.Error, ValueError) as err:
        raise DataError(f"{shown}: not a well-formed UTF-8 CSV table ({err})") from None
    if header != names:
        raise DataError(f"{shown}: columns {header} differ from the schema")
    return rows


def parse_table(data: bytes, schema: dict, shown: str) -> pd.DataFrame:
    """A table's CSV bytes as a typed DataFrame, once every cell passes the schema (`tablecheck`)."""
    try:
        check_cells(schema, cells(data, schema, shown))
    except CellError as err:
        raise DataError(f"{shown}, row {err.row}: {err.message}") from None
    frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
    for spec in schema["fields"]:
        frame[spec["name"]] = _typed(frame[spec["name"]], spec)
    return frame


def _typed(column: pd.Series, spec: dict) -> pd.Series:
    rules = spec.get("constraints", {})
    kind = spec["type"]
    if "enum" in rules:
        return pd.Categorical(column, categories=rules["enum"], ordered=False)
    if kind == "integer":
        return column.astype("Int64")
    if kind == "number":
        return column.astype("Float64")
    if kind == "boolean":
        return column.map({"true": True, "false": False}).astype("boolean")
    if kind == "date":
        return pd.to_datetime(column, format="%Y-%m-%d")
    return column.map(text_of, na_action="ignore").astype("string")
