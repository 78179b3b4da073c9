"""The record a build leaves in the site it made: what it was built from, every page's hash, and what
each PDF's print read. It lets the next `make site` see what changed, and lets `make pdf` and
`make release` refuse a site that is not a whole, successful build (a failed or bare `jupyter-book
build` writes pages without a record, or with other bytes than the record's).
"""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pikepdf

from ..core import atomic

RECORD = ".takenover-build.json"


def page_hashes(site: Path) -> dict[str, str]:
    """Every HTML page of the site (its theme's templates under _static aside), with its SHA-256."""
    pages = sorted(p for p in site.rglob("*.html") if "_static" not in p.relative_to(site).parts)
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in pages}


def write(site: Path, record: dict) -> None:
    atomic.write_text(site / RECORD, json.dumps(record, indent=1, sort_keys=True, ensure_ascii=False) + "\n")


def read(site: Path) -> dict | None:
    try:
        return json.loads((site / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def page_problems(site: Path) -> list[str]:
    """Whether the pages are the ones the record's build wrote; empty if they are."""
    record = read(site)
    if record is None:
        return [f"{site} has no build record: it was not made by `make site` (or a build of it failed)"]
    pages = page_hashes(site)
    changed = sorted(set(pages) ^ set(record["pages"]) | {p for p in pages if record["pages"].get(p) != pages[p]})
    return [f"pages differ from the build that made the site: {', '.join(changed[:5])}"] if changed else []


def pdf_problems(site: Path) -> list[str]:
    """Whether every PDF the record names is there, is the one printed, and opens; empty if so."""
    found = []
    for relative, entry in sorted((read(site) or {}).get("pdfs", {}).items()):
        path = site / relative
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != entry["sha256"]:
            found.append(f"{relative} is missing or not the PDF the build printed")
            continue
        try:
            with pikepdf.open(io.BytesIO(path.read_bytes())) as doc:
                if len(doc.pages) == 0:
                    found.append(f"{relative} has no pages")
        except pikepdf.PdfError as err:
            found.append(f"{relative} does not open: {err}")
    return found


def problems(site: Path) -> list[str]:
    """What makes `site` other than the whole, successful build its record describes; empty if nothing."""
    return page_problems(site) or pdf_problems(site)
