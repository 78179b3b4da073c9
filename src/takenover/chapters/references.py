"""Readable references: a key from the data (a work, a primary text, a claim or a numeric check) as the
words a reader sees, linked to where the reader can follow it.

A work or primary text links to its entry on the bibliography page, whose entries take their ids from
the key (`bibtex_cite_id` in _config.yml); a numeric check links to the register's table of checks, and
a table of records to the data dictionary; a claim id stays plain text, which the site links to its
register row (takenover.site.claim_links).
"""

from __future__ import annotations

import html
from functools import cache

from docutils.nodes import make_id

from ..data.loader import load
from ..data.schema import TABLES

BIBLIOGRAPHY_PAGE = "bibliography.html"  # beside every chapter in book/
CHECKS_ANCHOR = "register.html#numeric-checks"
RECORDS_ANCHOR = "data-dictionary.html#the-tables"
CITE_ID = "bib-{key}"  # must match bibtex_cite_id in _config.yml
CHECK_PREFIX = "check:"


def bibliography_anchor(key: str) -> str:
    """The id of a work's entry on the bibliography page (docutils normalises it as Sphinx does)."""
    return make_id(CITE_ID.format(key=key))


@cache
def _labels() -> dict[str, str]:
    sources = load("sources").set_index("source_id")["label"]
    refs = load("references").set_index("reference_key")["label"]
    return {**sources.to_dict(), **refs.to_dict()}


def reference(key: str) -> str:
    """One key as a linked, readable reference (HTML)."""
    key = key.strip()
    if key.startswith(CHECK_PREFIX):
        return f'<a href="{CHECKS_ANCHOR}">our check against the records</a>'
    if key.startswith("CL-"):
        return html.escape(key)
    if key in TABLES:
        return f'<a href="{RECORDS_ANCHOR}">the {html.escape(key.replace("_", " "))} records</a>'

    labels = _labels()
    if key not in labels:
        raise KeyError(f"{key!r} is neither a source, a reference, a claim nor a check")
    return f'<a href="{BIBLIOGRAPHY_PAGE}#{bibliography_anchor(key)}">{html.escape(labels[key])}</a>'


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
