"""Citations of the book, its chapters and its dataset, all from metadata.yml.

Used by the Sphinx extension (meta tags and "Cite this chapter" boxes), by the
"How to cite" chapter, and by the generator of CITATION.cff and references.bib.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

import yaml

from ..core.metadata import author_names, full_title, metadata, site_url
from ..core.paths import DESCRIPTOR_PATH
from .page_tags import absolute, page_path


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _bib_escape(text: str) -> str:
    """Text for a BibTeX field. BibTeX counts braces even after a backslash, so a brace or backslash
    cannot be escaped safely: the pipeline refuses them in every text that comes here (schema/ids.py)."""
    if any(char in text for char in "{}\\"):
        raise ValueError(f"braces and backslashes cannot go into BibTeX safely: {text!r}")
    for char, escaped in (("&", r"\&"), ("%", r"\%"), ("#", r"\#"), ("_", r"\_"), ("~", r"\textasciitilde{}")):
        text = text.replace(char, escaped)
    return text


def _bib_authors() -> str:
    # Collective names go in double braces so BibTeX does not split them into given/family names.
    return " and ".join("{" + _bib_escape(name) + "}" for name in author_names())


class Macro(str):
    """A BibTeX value written bare, such as a month macro (`nov`, which styles print as "November")."""


def bib_month(date: dt.date) -> Macro:
    return Macro(date.strftime("%b").lower())


def _balanced(value: str) -> bool:
    depth = 0
    for char in value:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def _bib_entry(kind: str, key: str, fields: dict[str, str]) -> str:
    """One BibTeX entry; a key or value that could close its field early and add others is refused."""
    unsafe = [name for name, value in fields.items() if not _balanced(value) or "\n@" in value]
    unsafe += [name for name, value in fields.items() if isinstance(value, Macro) and not value.isalpha()]
    if unsafe or not re.fullmatch(r"[A-Za-z0-9_:.-]+", key):
        raise ValueError(f"BibTeX entry {key!r}: unsafe key or field(s) {unsafe}")
    body = ",\n".join(
        f"  {name} = {value}" if isinstance(value, Macro) else f"  {name} = {{{value}}}"
        for name, value in fields.items()
        if value
    )
    return f"@{kind}{{{key},\n{body}\n}}\n"


def page_url(pagename: str) -> str:
    return absolute(page_path(pagename))


def chapter_key(title: str, date: dt.date) -> str:
    return f"takenover-{slug(title)}-{date.year}"


def chapter_reference(title: str, date: dt.date, pagename: str) -> str:
    """Author-date reference for one chapter, as plain text."""
    meta = metadata()
    url = page_url(pagename)
    return (
        f"{' and '.join(author_names())} ({date.year}). \u201c{title}.\u201d In {full_title()}, "
        f"version {meta['version']}, {date.strftime('%-d %B %Y')}." + (f" {url}" if url else "")
    )


def chapter_bibtex(title: str, date: dt.date, pagename: str) -> str:
    meta = metadata()
    return _bib_entry(
        "incollection",
        chapter_key(title, date),
        {
            "author": _bib_authors(),
            "title": "{" + _bib_escape(title) + "}",
            "booktitle": "{" + _bib_escape(full_title()) + "}",
            "publisher": "{" + _bib_escape(meta["publisher"]) + "}",
            "year": str(date.year),
            "month": bib_month(date),
            "edition": f"Version {meta['version']}",
            "url": page_url(pagename),
            "language": "english" if meta["language"] == "en" else meta["language"],
        },
    )


def book_reference() -> str:
    meta = metadata()
    return (
        f"{' and '.join(author_names())} ({meta['released'].year}). {full_title()}. "
        f"Version {meta['version']}, released {meta['released'].strftime('%-d %B %Y')}."
        + (f" {meta['site_url']}" if meta.get("site_url") else "")
    )


def book_bibtex() -> str:
    """The book as one BibTeX entry: the preferred citation of CITATION.cff, written so BibTeX keeps
    the collective author whole and the title's capitals (the entry cffconvert cannot make)."""
    meta = metadata()
    return _bib_entry(
        "book",
        f"takenover-{meta['released'].year}",
        {
            "author": _bib_authors(),
            "title": "{" + _bib_escape(full_title()) + "}",
            "publisher": "{" + _bib_escape(meta["publisher"]) + "}",
            "year": str(meta["released"].year),
            "month": bib_month(meta["released"]),
            "edition": f"Version {meta['version']}",
            "url": site_url(),
        },
    )


def data_sha256() -> str:
    """SHA-256 of data/datapackage.json, which itself records the hash of every table."""
    return hashlib.sha256(DESCRIPTOR_PATH.read_bytes()).hexdigest()


def dataset_bibtex() -> str:
    meta = metadata()
    return _bib_entry(
        "misc",
        f"takenover-data-{meta['released'].year}",
        {
            "author": _bib_authors(),
            "title": "{" + _bib_escape(f"{meta['title']}: the dataset") + "}",
            "year": str(meta["released"].year),
            "version": meta["version"],
            "howpublished": "Frictionless Data Package",
            "note": f"datapackage.json SHA-256 {data_sha256()}",
            "url": meta.get("repository_url") or "",
        },
    )


def _cff_authors() -> list[dict]:
    return [{"name": name} for name in author_names()]  # CFF's entity: a collective, one name


def citation_cff() -> str:
    """CITATION.cff (CFF 1.2.0): the repository as a dataset, and the book as its preferred citation."""
    meta = metadata()
    data = {
        "cff-version": "1.2.0",
        "message": "If you use this book or its dataset, please cite the book as below.",
        "title": full_title(),
        "type": "dataset",
        "authors": _cff_authors(),
        "version": meta["version"],
        "date-released": meta["released"].isoformat(),
        "license": meta["licence"]["prose_and_data"],
        "abstract": meta["abstract"],
        "keywords": list(meta["keywords"]),
    }
    if meta.get("repository_url"):
        data["repository-code"] = meta["repository_url"]
    if meta.get("site_url"):
        data["url"] = meta["site_url"]
    preferred = {
        "type": "book",
        "title": full_title(),
        "authors": _cff_authors(),
        "publisher": {"name": meta["publisher"]},
        "edition": f"Version {meta['version']}",
        "version": meta["version"],
        "year": meta["released"].year,
        "month": meta["released"].month,
        "date-published": meta["released"].isoformat(),
        "languages": [meta["language"]],
        "license": meta["licence"]["prose_and_data"],
        "abstract": meta["abstract"],
    }
    if meta.get("site_url"):
        preferred["url"] = meta["site_url"]
    if meta.get("repository_url"):
        preferred["repository"] = meta["repository_url"]
    data["preferred-citation"] = preferred
    header = "# Generated from metadata.yml by `python -m takenover.cite.files`; do not edit by hand.\n"
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
