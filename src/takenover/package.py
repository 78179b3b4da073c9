"""Check clean tables against their schemas and write them as a Data Package."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
import shutil
import tempfile
from pathlib import Path

from .meta import metadata
from .errors import InputError
from .schema import TABLES

DESCRIPTOR = "datapackage.json"
CLEAN = "clean"
PACKAGE_META = {
    "name": "taken-over",
    "title": "Taken Over: the dataset",
    "description": "Three primary texts on online sabotage around Corbyn-era Labour (2016-2018), segmented, "
                   "annotated and joined to election, vote-share and spending records.",
    "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                  "path": "https://creativecommons.org/licenses/by/4.0/"}],
}


# --- checks ---------------------------------------------------------------------

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
        extra = set(row) - set(names) - {"_origin"}
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
            raise InputError(file, f"duplicate {name} key {'/'.join(key)} = {value if len(value) > 1 else value[0]!r}",
                             where)
        seen[value] = number


def check_foreign_keys(tables: dict[str, list[dict]]) -> None:
    for name, rows in tables.items():
        for fk in TABLES[name]["schema"].get("foreignKeys", []):
            target = fk["reference"]["resource"] or name
            keys = {row[fk["reference"]["fields"]] for row in tables[target]}
            for number, row in enumerate(rows, start=1):
                value = row.get(fk["fields"])
                if value is not None and value not in keys:
                    file, where = _origin(name, row, number)
                    raise InputError(file, f"{name}.{fk['fields']} {value!r} is not a known {target} id", where)


# --- serialisation ------------------------------------------------------------------

def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def serialise(name: str, rows: list[dict]) -> bytes:
    """One table as CSV bytes: schema column order, LF endings, fixed formats."""
    names = [f["name"] for f in TABLES[name]["schema"]["fields"]]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow([_cell(row.get(n)) for n in names])
    return buffer.getvalue().encode("utf-8")


def render(tables: dict[str, list[dict]], extra: dict[str, bytes] | None = None) -> dict[str, bytes]:
    """Every output file, by path relative to the data folder."""
    files, resources = {}, []
    for name in TABLES:
        data = serialise(name, tables[name])
        path = f"{CLEAN}/{name}.csv"
        files[path] = data
        meta = TABLES[name]
        resources.append({
            "name": name, "path": path, "title": meta["title"], "description": meta["description"],
            "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "bytes": len(data), "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
            "schema": meta["schema"],
        })
    descriptor = {**PACKAGE_META, "version": metadata()["version"], "profile": "tabular-data-package",
                  "resources": resources}
    files[DESCRIPTOR] = (json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    files.update(extra or {})
    return files


def write_package(tables: dict[str, list[dict]], out_dir: Path, extra: dict[str, bytes] | None = None) -> None:
    """Write clean/, the descriptor and any extra files, swapping the old ones out only at the end."""
    files = render(tables, extra)
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out_dir))
    try:
        for rel, data in files.items():
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        old = out_dir / CLEAN
        if old.exists():
            shutil.rmtree(old)
        (staging / CLEAN).rename(old)
        for rel in files:
            if not rel.startswith(f"{CLEAN}/"):
                (staging / rel).replace(out_dir / rel)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def read_committed(tables: dict[str, list[dict]], out_dir: Path, extra: dict[str, bytes] | None = None) -> list[str]:
    """Paths under out_dir whose bytes differ from what `tables` would write."""
    stale = []
    for rel, data in render(tables, extra).items():
        path = out_dir / rel
        if not path.is_file() or path.read_bytes() != data:
            stale.append(rel)
    return stale
