"""Write the clean tables as a Frictionless Data Package, or compare them with the one on disk."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

from ..core.metadata import metadata
from .errors import InputError
from .loader import DataError, cells
from .publish import CLEAN, DESCRIPTOR, publish
from .schema import TABLES
from .schema.fields import LICENCES
from .tablecheck import CellError, cell_text, check_cells

PACKAGE_META = {
    "name": "taken-over",
    "title": "Taken Over: the dataset",
    "description": "Three primary texts on online sabotage around Corbyn-era Labour (2016-2018), segmented, "
    "annotated and joined to election, vote-share and spending records. Licences differ by resource: each "
    "resource names its own. The primary texts themselves are not part of the package. A text cell that "
    "begins with =, +, -, @, a tab, a carriage return or an apostrophe is written with one more apostrophe "
    "in front, so that spreadsheets show it as text and never run it as a formula; drop that apostrophe to "
    "read the value (takenover.load does).",
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


def serialise(name: str, rows: list[dict]) -> bytes:
    """One table as CSV bytes: schema column order, LF endings, fixed formats."""
    fields = TABLES[name]["schema"]["fields"]
    names = [f["name"] for f in fields]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow([cell_text(row.get(f["name"]), f["type"]) for f in fields])
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
    """Write clean/ and the descriptor as one change (see publish.py), once every table is known to load."""
    files = render(tables)
    verify(files)
    publish(files, out_dir)


def verify(files: dict[str, bytes]) -> None:
    """Every table, as it will be written, passes the loader's own check of its cells."""
    descriptor = json.loads(files[DESCRIPTOR])
    for res in descriptor["resources"]:
        try:
            check_cells(res["schema"], cells(files[res["path"]], res["schema"], res["path"]))
        except DataError as err:
            raise InputError("pipeline", f"{err}; the loader would refuse it") from None
        except CellError as err:
            raise InputError(
                "pipeline", f"{res['path']}, row {err.row}: {err.message}; the loader would refuse it"
            ) from None


def read_committed(tables: dict[str, list[dict]], out_dir: Path) -> list[str]:
    """Paths under out_dir whose bytes differ from what `tables` would write."""
    stale = []
    for rel, data in render(tables).items():
        path = out_dir / rel
        if not path.is_file() or path.read_bytes() != data:
            stale.append(rel)
    return stale
