"""Before the release packs anything: every file it would ship is whole and readable.

A truncated export, a PDF cut short by a killed print or a table edited after the pipeline would
otherwise go into the archive, and SHA256SUMS would faithfully vouch for them.
"""

from __future__ import annotations

import io
import json

import pikepdf

from ..data.loader import DataError, load
from .tarball import Contents, content_of

JSON_SUFFIXES = (".json", ".jsonld", ".ipynb")


def problems(contents: Contents, tables: list[str]) -> list[str]:
    """What in `contents` (archive path -> file or bytes) is unreadable, and which tables do not load."""
    found = []
    for name in sorted(contents):
        if name.endswith(JSON_SUFFIXES):
            try:
                json.loads(content_of(contents[name]))
            except (ValueError, UnicodeDecodeError) as err:
                found.append(f"{name} is not valid JSON: {err}")
        elif name.endswith(".pdf"):
            try:
                with pikepdf.open(io.BytesIO(content_of(contents[name]))) as doc:
                    if not len(doc.pages):
                        found.append(f"{name} has no pages")
            except pikepdf.PdfError as err:
                found.append(f"{name} does not open as a PDF: {err}")
    for table in tables:
        try:
            load(table)
        except DataError as err:
            found.append(f"table {table}: {err}")
    return found
