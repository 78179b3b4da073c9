"""Write the clean tables as a Frictionless Data Package, or compare them with the one on disk."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import shutil
import tempfile
from pathlib import Path

from ..core.metadata import metadata
from .schema import TABLES
from .schema.fields import LICENCES

DESCRIPTOR = "datapackage.json"
CLEAN = "clean"
PACKAGE_META = {
    "name": "taken-over",
    "title": "Taken Over: the dataset",
    "description": "Three primary texts on online sabotage around Corbyn-era Labour (2016-2018), segmented, "
    "annotated and joined to election, vote-share and spending records. Licences differ by resource: each "
    "resource names its own. The primary texts themselves are not part of the package.",
}


def package_licence() -> dict:
    """The package-level licence line: the book's licence, pointing to the resources that differ."""
    ours = LICENCES["ours"]
    others = {}
    for name, meta in TABLES.items():
        licence = LICENCES[meta["licence"]]
        if licence["name"] != ours["name"]:
            others.setdefault(licence["name"], []).append(name)
    listed = "; ".join(f"{', '.join(names)}: {name}" for name, names in others.items())
    return {
        "name": ours["name"],
        "path": ours["path"],
        "title": f"{ours['name']} for the package, except where a resource's own licenses say otherwise "
        f"({listed}); each resource names its licence",
    }


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


def render(tables: dict[str, list[dict]]) -> dict[str, bytes]:
    """Every output file, by path relative to the data folder."""
    files, resources = {}, []
    for name in TABLES:
        data = serialise(name, tables[name])
        path = f"{CLEAN}/{name}.csv"
        files[path] = data
        meta = TABLES[name]
        resources.append(
            {
                "name": name,
                "path": path,
                "title": meta["title"],
                "description": meta["description"],
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": len(data),
                "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
                "licenses": [LICENCES[meta["licence"]]],
                "schema": meta["schema"],
            }
        )
    descriptor = {
        **PACKAGE_META,
        "version": metadata()["version"],
        "profile": "tabular-data-package",
        "licenses": [package_licence()],
        "resources": resources,
    }
    files[DESCRIPTOR] = (json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    return files


def write_package(tables: dict[str, list[dict]], out_dir: Path) -> None:
    """Write clean/ and the descriptor, swapping the old ones out only at the end."""
    files = render(tables)
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


def read_committed(tables: dict[str, list[dict]], out_dir: Path) -> list[str]:
    """Paths under out_dir whose bytes differ from what `tables` would write."""
    stale = []
    for rel, data in render(tables).items():
        path = out_dir / rel
        if not path.is_file() or path.read_bytes() != data:
            stale.append(rel)
    return stale
