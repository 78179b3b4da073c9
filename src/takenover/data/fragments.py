"""The few words of each stored public page that were checked against its stored copy.

They sit in data/raw/references.yml beside the page's entry and are never published; the quotation
budget uses them to measure how much of each page the book reproduces.
"""

from __future__ import annotations

from ..core import paths
from .rawio import read_yaml


def reference_fragments() -> dict[str, list[str]]:
    """Each reference key with the fragments recorded for it (only pages read as stored copies have any)."""
    entries = read_yaml(paths.RAW_DIR / "references.yml")
    return {e["key"]: list(e["fragments"]) for e in entries if e.get("fragments")}
