"""The primary texts as collected, for the few audits that need their words (the quotation budget).

They are not in the published Data Package, which holds offsets into them instead; chapters read
the clean tables with `load()`, never these files. Each text is checked against its SHA-256 first.
"""

from __future__ import annotations

import hashlib

from ..core import paths
from .loader import DataError, load


def raw_text(source_id: str) -> str:
    source = load("sources").set_index("source_id").loc[source_id]
    path = paths.RAW_DIR / source["raw_file"]
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != source["sha256"]:
        raise DataError(f"{path} does not match the SHA-256 in the sources table")
    return data.decode("utf-8")
