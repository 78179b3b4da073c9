"""Which PDFs a new build of the site can keep from the last one, instead of printing them again.

While printing, the printer notes every file of the site the page read (the page, its stylesheets,
fonts, images; scripts are off). A PDF is current when each of those files is byte for byte the same
in the new build, and so is everything that prints it: the printer's code, the book's metadata,
Chromium, Playwright and pikepdf. Otherwise it is printed again. This is what lets `make site` after a
one-chapter edit reprint that chapter and the whole book, and no other.
"""

from __future__ import annotations

import hashlib
from importlib.metadata import version
from pathlib import Path

from ..core.metadata import METADATA_PATH
from .browser import CHROMIUM

PACKAGE = Path(__file__).resolve().parents[1]
# What shapes a PDF besides the site's files: the printer, the citation it prints, the print stylesheet.
PRINTER_CODE = ["release", "cite", "core", "site/print.py", "site/static"]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def printer_key() -> str:
    """One hash of everything outside the site that decides a PDF's bytes."""
    digest = hashlib.sha256()
    files = [METADATA_PATH]
    for part in PRINTER_CODE:
        target = PACKAGE / part
        files += (
            sorted(p for p in target.rglob("*") if p.is_file() and p.suffix != ".pyc") if target.is_dir() else [target]
        )
    for path in files:
        digest.update(path.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    chromium = Path(CHROMIUM).stat() if Path(CHROMIUM).exists() else None
    digest.update(f"{chromium and (chromium.st_size, chromium.st_mtime_ns)}".encode())
    digest.update(f"{version('playwright')} {version('pikepdf')}".encode())
    return digest.hexdigest()


def record(site: Path, reads: set[str], pdf: bytes, printer: str) -> dict:
    """What a build keeps about one printed PDF, to decide next time whether it is still current."""
    return {
        "sha256": hashlib.sha256(pdf).hexdigest(),
        "printer": printer,
        "reads": {rel: sha256(site / rel) for rel in sorted(reads)},
    }


def still_current(entry: dict | None, old_pdf: Path, new_site: Path, printer: str) -> bool:
    """Whether the PDF at old_pdf, printed as `entry` says, is what printing new_site would give."""
    if not entry or entry.get("printer") != printer or not old_pdf.is_file() or sha256(old_pdf) != entry["sha256"]:
        return False
    return all(
        (new_site / rel).is_file() and sha256(new_site / rel) == digest for rel, digest in entry["reads"].items()
    )
