"""The tags that let reference managers cite a page: Highwire Press `citation_*`, a PRISM edition,
OpenGraph and a plain description, all from metadata.yml and the page's own title, date and abstract.

Written for the rules Zotero's "Embedded Metadata" translator applies (and Google Scholar's
Highwire conventions it follows):
- a page with `citation_book_title` is a book section; the root page, with `og:type` "book" and no
  book title, is the book itself;
- `citation_author` is read as "Family, Given" when it holds a comma, and otherwise split at its last
  space. A collective has only the first part, so it is written "Name," and stays one name;
- `citation_pdf_url` becomes the PDF attachment; a relative address is resolved against the page,
  which is right wherever the site is served. Every other address is given only when metadata.yml
  has a `site_url`, and then absolute: without one, the page's own address is the right URL;
- `citation_abstract` is the abstract, and `og:description` and `description` say the same, so no
  client falls back to the first paragraph cut off mid-citation;
- `prism.edition` carries the version (Zotero's "edition" field).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..core.metadata import author_names, full_title, metadata, site_url


@dataclass(frozen=True)
class CitedPage:
    """One page a reader may cite: a section of the book, or (the root page) the book itself."""

    pagename: str  # e.g. "book/claims"
    title: str
    date: dt.date
    abstract: str
    is_book: bool = False
    abstract_is_own: bool = True  # False when taken from the page's opening sentences


def absolute(path: str) -> str:
    """The public address of a path of the site, or "" while the book has no site_url."""
    base = site_url()
    return base + path if base else ""


def page_path(pagename: str) -> str:
    return f"{pagename}.html"


def edition() -> str:
    return f"Version {metadata()['version']}"


def highwire_author(name: str) -> str:
    """A collective name as Highwire's "Family, Given" with no given name, so it is never split."""
    return f"{name},"


def citation_tags(page: CitedPage, pdf_href: str) -> list[tuple[str, str]]:
    """Highwire and PRISM tags, as (name, content). pdf_href: the page's PDF, relative to the page
    or absolute."""
    meta = metadata()
    tags = [("citation_title", full_title() if page.is_book else page.title)]
    tags += [("citation_author", highwire_author(name)) for name in author_names()]
    if not page.is_book:
        tags += [("citation_inbook_title", full_title()), ("citation_book_title", full_title())]
    tags += [
        ("citation_publisher", meta["publisher"]),
        ("citation_publication_date", page.date.strftime("%Y/%m/%d")),
        ("citation_language", meta["language"]),
        ("citation_abstract", page.abstract),
        ("citation_pdf_url", pdf_href),
        ("prism.edition", edition()),
    ]
    if absolute(page_path(page.pagename)):
        tags.append(("citation_public_url", absolute(page_path(page.pagename))))
    return tags


def opengraph_tags(page: CitedPage) -> list[tuple[str, str]]:
    """OpenGraph tags, as (property, content); og:url only when it can be absolute."""
    tags = [
        ("og:title", full_title() if page.is_book else page.title),
        ("og:type", "book" if page.is_book else "website"),
        ("og:site_name", metadata()["title"]),
        ("og:description", page.abstract),
    ]
    if absolute(page_path(page.pagename)):
        tags.append(("og:url", absolute(page_path(page.pagename))))
    return tags


ABSTRACT_LIMIT = 300
_SENTENCE_END = (".", "!", "?")


def abstract_from_text(text: str, limit: int = ABSTRACT_LIMIT) -> str:
    """A page's opening paragraph as an abstract: whole sentences only, citations in brackets left out."""
    words, depth = [], 0
    for char in text:  # drop "[ Jones, 2017]"-style citations, which mean nothing out of the page
        depth += char == "["
        if not depth:
            words.append(char)
        depth -= char == "]" and depth > 0
    flat = re.sub(r"\s+([,.;:!?])(?=\s|$)", r"\1", " ".join("".join(words).split()))
    sentences, kept = _sentences(flat), ""
    for sentence in sentences:
        if kept and len(kept) + 1 + len(sentence) > limit:
            break
        kept = f"{kept} {sentence}".strip()
    return kept


def _sentences(text: str) -> list[str]:
    out, start = [], 0
    for i, char in enumerate(text):
        if char in _SENTENCE_END and (i + 1 == len(text) or text[i + 1] == " "):
            out.append(text[start : i + 1].strip())
            start = i + 1
    return out
