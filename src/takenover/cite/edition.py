"""The archival edition's own citation data: what a chapter's PDF prints on its first page,
the PDF document information, and the names of the edition's files.

Everything comes from metadata.yml through the same functions as the "Cite this chapter"
boxes, so the print and the page cannot disagree.
"""

from __future__ import annotations

import datetime as dt

from ..core.metadata import author_names, full_title, metadata
from .citation import chapter_reference, data_sha256, slug

AUTHOR_SEPARATOR = "; "


def edition_stem() -> str:
    """Base name of the edition's files, e.g. "taken-over-0.1.0"."""
    meta = metadata()
    return f"{slug(meta['title'])}-{meta['version']}"


def licence_text() -> str:
    licence = metadata()["licence"]
    return f"{licence['prose_and_data']} (text and data); {licence['code']} (code)"


def long_date(date: dt.date) -> str:
    return date.strftime("%-d %B %Y")


def chapter_citation_fields(title: str, date: dt.date, pagename: str) -> list[tuple[str, str]]:
    """The citation a chapter's first printed page carries, as (label, value) pairs."""
    return [
        ("Cite as", chapter_reference(title, date, pagename)),
        ("Version", metadata()["version"]),
        ("Date", long_date(date)),
        ("Licence", licence_text()),
        ("Data", f"datapackage.json SHA-256 {data_sha256()}"),
    ]


def release_timestamp() -> dt.datetime:
    """The moment every file of the edition is dated: midnight UTC on the release date."""
    released = metadata()["released"]
    return dt.datetime(released.year, released.month, released.day, tzinfo=dt.UTC)


def document_info(title: str, subject: str) -> dict[str, str]:
    """PDF document information (the keys of a PDF's Info dictionary, without the slash)."""
    meta = metadata()
    return {
        "Title": title,
        "Author": AUTHOR_SEPARATOR.join(author_names()),
        "Subject": subject,
        "Keywords": "; ".join(meta["keywords"]),
        "Creator": f"{full_title()}, version {meta['version']}",
    }


def chapter_document_info(title: str, abstract: str | None) -> dict[str, str]:
    meta = metadata()
    subject = abstract or f"A chapter of {full_title()}"
    return document_info(f"{title} \u2014 {meta['title']}", subject)


def book_document_info() -> dict[str, str]:
    return document_info(full_title(), metadata()["abstract"])
