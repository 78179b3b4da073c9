"""The whole book's front matter: a title page and a printed table of contents with page numbers.

Chromium cannot print a page number it has not laid out yet (no `target-counter()`), so the book is
printed twice: first with blank numbers, then with the page each part starts on, read from the first
print's outline. The numbers sit in boxes of a fixed width, so filling them in moves nothing, and the
second print is checked to start each part on the page its contents line gives.
"""

from __future__ import annotations

import html
import io

import pikepdf

from ..cite.citation import book_reference, data_sha256
from ..cite.edition import licence_text, long_date
from ..core.metadata import author_names, metadata

FRONT_CSS = """
.tk-book-front { break-after: page; }
.tk-title-page { break-after: page; padding-top: 30mm; text-align: left; }
.tk-book-title { font-size: 28pt; font-weight: 700; margin: 0 0 4mm; line-height: 1.15; }
.tk-book-subtitle { font-size: 15pt; margin: 0 0 14mm; }
.tk-book-authors { font-size: 12pt; margin: 0 0 2mm; }
.tk-book-edition { font-size: 10pt; margin: 0 0 18mm; color: #333; }
.tk-contents-title { font-size: 16pt; font-weight: 700; margin: 0 0 6mm; }
.tk-contents { list-style: none; padding: 0; margin: 0; font-size: 10.5pt; }
.tk-contents li { display: flex; align-items: baseline; gap: 2mm; margin: 0 0 1.6mm; }
.tk-contents a { flex: 1; text-decoration: none; }
.tk-contents .tk-page-number { display: inline-block; width: 12mm; text-align: right;
  font-variant-numeric: tabular-nums; }
"""


def front_matter(titles: list[tuple[str, str]], numbers: list[int] | None) -> str:
    """Title page and contents, as HTML. titles: (part key, title) in reading order; numbers: the
    page each part starts on, or None for the first print."""
    meta = metadata()
    rows = []
    for index, (key, title) in enumerate(titles):
        number = str(numbers[index]) if numbers else ""
        rows.append(f'<li><a href="#{key}">{html.escape(title)}</a><span class="tk-page-number">{number}</span></li>')
    fields = [
        ("Cite as", book_reference()),
        ("Licence", licence_text()),
        ("Data", f"datapackage.json SHA-256 {data_sha256()}"),
    ]
    citation = "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(v)}</dd>" for k, v in fields)
    return (
        '<section class="tk-book-front" id="tk-book-front">'
        '<div class="tk-title-page">'
        f'<p class="tk-book-title">{html.escape(meta["title"])}</p>'
        f'<p class="tk-book-subtitle">{html.escape(meta["subtitle"])}</p>'
        f'<p class="tk-book-authors">{html.escape("; ".join(author_names()))}</p>'
        f'<p class="tk-book-edition">Version {html.escape(meta["version"])}, {long_date(meta["released"])}</p>'
        f'<dl class="tk-print-citation" hidden>{citation}</dl>'
        "</div>"
        '<nav class="tk-book-toc" aria-label="Contents">'
        '<p class="tk-contents-title">Contents</p>'
        f'<ol class="tk-contents">{"".join(rows)}</ol>'
        "</nav></section>"
    )


def part_start_pages(pdf: bytes) -> list[int]:
    """The page (from 1) each top-level outline entry, one per part of the book, points at."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        index = {page.objgen: number for number, page in enumerate(doc.pages, start=1)}
        named = {str(k)[1:]: v for k, v in doc.Root.Dests.items()} if "/Dests" in doc.Root else {}
        with doc.open_outline() as outline:
            found = []
            for item in outline.root:
                target = item.destination
                if not isinstance(target, pikepdf.Array):
                    target = named[str(target).removeprefix("/")]
                found.append(index[target[0].objgen])
            return found
