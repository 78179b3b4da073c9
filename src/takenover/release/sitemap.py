"""What the printer needs to know about the built site, read from its HTML alone.

The pages come in the book's reading order (the chain of `rel="next"` links from the start
page); a page is a chapter when it carries a "Download PDF" link, and that link names the file
its PDF must be printed to, so the link and the file cannot drift apart.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ..site.print import BOOK_LINK_CLASS, CHAPTER_LINK_CLASS


@dataclass(frozen=True)
class Page:
    path: str  # relative to the site's root, e.g. "book/red-labour.html"
    title: str
    abstract: str | None
    chapter_pdf: str | None  # where the page's "Download PDF" link points, relative to the root
    book_pdf: str | None


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.next_href: str | None = None
        self.links: dict[str, str] = {}
        self.title = ""
        self.abstract = ""
        self._in_article = False
        self._capture: str | None = None
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "link" and attrs.get("rel") == "next":
            self.next_href = attrs.get("href")
        elif tag == "article" and "bd-article" in classes:
            self._in_article = True
        elif tag == "a" and {CHAPTER_LINK_CLASS, BOOK_LINK_CLASS} & set(classes):
            for name in {CHAPTER_LINK_CLASS, BOOK_LINK_CLASS} & set(classes):
                self.links[name] = attrs["href"]
        elif tag == "h1" and self._in_article and not self.title:
            self._capture = "title"
        elif tag == "p" and "tk-abstract" in classes:
            self._capture = "abstract"
        if self._capture and (("headerlink" in classes) or tag == "strong"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("a", "strong") and self._skip:
            self._skip -= 1
        elif (tag == "h1" and self._capture == "title") or (tag == "p" and self._capture == "abstract"):
            self._capture = None

    def handle_data(self, data):
        if self._capture and not self._skip:
            setattr(self, self._capture, getattr(self, self._capture) + data)


def _resolve(page_path: str, href: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_path), href.split("#")[0]))


def start_page(site: Path) -> str:
    """The page the root index.html redirects to (Jupyter Book's root is a redirect)."""
    found = re.search(r'url=([^"\s>]+)', (site / "index.html").read_text(encoding="utf-8"))
    return found.group(1) if found else "index.html"


def read_page(site: Path, path: str) -> tuple[Page, str | None]:
    """One page, and the path of the page after it (None at the end of the book)."""
    parser = _PageParser()
    parser.feed((site / path).read_text(encoding="utf-8"))
    links = {name: _resolve(path, href) for name, href in parser.links.items()}
    page = Page(
        path=path,
        title=" ".join(parser.title.split()),
        abstract=" ".join(parser.abstract.split()) or None,
        chapter_pdf=links.get(CHAPTER_LINK_CLASS),
        book_pdf=links.get(BOOK_LINK_CLASS),
    )
    return page, _resolve(path, parser.next_href) if parser.next_href else None


def reading_order(site: Path) -> list[Page]:
    pages, path = [], start_page(site)
    while path is not None:
        if any(p.path == path for p in pages):
            raise ValueError(f"the next-page links loop back to {path}")
        page, path = read_page(site, path)
        pages.append(page)
    return pages
