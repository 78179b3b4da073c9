"""Readable references: a key from the data (a work, a primary text, a claim or a numeric check) as the
words a reader sees, linked to where the reader can follow it.

A work links to its row on the bibliography page (anchored `ref-<key>` by chapters.bibliography), and a
primary text to its public address; a numeric check links to the register's table of checks, and a
table of records to the data dictionary; a claim id stays plain text, which the site links to its
register row (takenover.site.claim_links).
"""

from __future__ import annotations

import html
from functools import cache

from ..data.loader import load
from ..data.schema import TABLES
from .bibliography import row_anchor

BIBLIOGRAPHY_PAGE = "bibliography.html"  # beside every chapter in book/
CHECKS_ANCHOR = "register.html#numeric-checks"
RECORDS_ANCHOR = "data-dictionary.html#the-tables"
CHECK_PREFIX = "check:"


@cache
def _works() -> dict[str, tuple[str, str]]:
    """Every work and primary text: key -> (label, where the link goes)."""
    sources = load("sources")
    refs = load("references")
    found = {r.source_id: (r.label, r.url) for r in sources.itertuples()}
    found.update(
        {r.reference_key: (r.label, f"{BIBLIOGRAPHY_PAGE}#{row_anchor(r.reference_key)}") for r in refs.itertuples()}
    )
    return found


def reference(key: str) -> str:
    """One key as a linked, readable reference (HTML)."""
    key = key.strip()
    if key.startswith(CHECK_PREFIX):
        return f'<a href="{CHECKS_ANCHOR}">our check against the records</a>'
    if key.startswith("CL-"):
        return html.escape(key)
    if key in TABLES:
        return f'<a href="{RECORDS_ANCHOR}">the {html.escape(key.replace("_", " "))} records</a>'
    works = _works()
    if key not in works:
        raise KeyError(f"{key!r} is neither a work, a primary text, a table of records, a claim nor a check")
    words, href = works[key]
    return f'<a href="{html.escape(href)}">{html.escape(words)}</a>'


def _shared(key: str) -> str:
    """Keys that lead to one place are one reference: the numeric checks share one table."""
    return CHECK_PREFIX if key.startswith(CHECK_PREFIX) else key


def references(keys: str | None, exclude: set[str] = frozenset()) -> str:
    """A "; "-separated list of keys as linked references, in their order, each once, skipping `exclude`."""
    if not isinstance(keys, str) or not keys.strip():
        return ""
    exclude = {_shared(k.strip()) for k in exclude}
    seen: list[str] = []
    for key in (_shared(k.strip()) for k in keys.split(";")):
        if key and key not in seen and key not in exclude:
            seen.append(key)
    return "; ".join(reference(k) for k in seen)
