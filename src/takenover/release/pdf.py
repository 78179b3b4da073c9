"""Print the book from the built site: every chapter to its own PDF, and the whole book to one.

    python -m takenover.release.pdf                         # _build/html -> _build/html/_pdf/
    python -m takenover.release.pdf --site DIR              # another built site
    python -m takenover.release.pdf --only book/red-labour --out DIR   # one chapter, elsewhere

Each chapter is printed to the file its "Download PDF" link names, and the book to the file
the "whole book" link names, so `make site` (build, then this) never leaves a link without its
file. Prints are reproducible: the same site gives the same bytes.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from ..cite.citation import slug
from ..cite.edition import book_document_info, chapter_document_info, release_timestamp
from ..core.metadata import metadata
from ..core.paths import REPO_ROOT
from ..site.print import css_string
from .browser import Printer
from .frontmatter import FRONT_CSS, front_matter, part_start_pages
from .pdffile import finish
from .pdflinks import link_report
from .sitemap import Page, reading_order

DEFAULT_SITE = REPO_ROOT / "_build" / "html"


@dataclass(frozen=True)
class Printed:
    path: str
    pages: int
    size: int
    seconds: float


def part_key(page: Page) -> str:
    return slug(page.path.removesuffix(".html"))


def book_css(pages: list[Page]) -> str:
    """Print rules for the gathered book: each page starts a new sheet under its own running head."""
    book = css_string(metadata()["title"])
    rules = [
        "#jb-print-docs-body { display: none !important; }",
        ".bd-main .bd-content .bd-article .tk-book-part h1:first-of-type { display: block !important; }",
        ".tk-book-part + .tk-book-part { break-before: page; }",
    ]
    for page in pages[1:]:  # the first page keeps the unnamed page, and so the bare title page
        key = part_key(page)
        rules.append(f"#{key} {{ page: tk-{key}; }}")
        rules.append(
            f"@page tk-{key} {{ @top-left {{ content: {book}; }} @top-right {{ content: {css_string(page.title)}; }} }}"
        )
    return "\n".join(rules)


def _write(out: Path, relative: str, data: bytes, started: float) -> Printed:
    """Write one PDF (whole, then renamed) after checking that every link inside it lands."""
    target = out / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(data)
    _, dangling = link_report(partial)
    if dangling:
        partial.unlink()
        raise SystemExit(f"{relative}: {len(dangling)} links lead nowhere, e.g. " + "; ".join(dangling[:3]))
    partial.replace(target)
    with pikepdf.open(target) as doc:
        pages = len(doc.pages)
    return Printed(relative, pages, len(data), time.perf_counter() - started)


def print_edition(site: Path, out: Path | None = None, only: str | None = None) -> list[Printed]:
    out = out or site
    pages = reading_order(site)
    chapters = [p for p in pages if p.chapter_pdf and (only is None or p.path == f"{only}.html")]
    if only and not chapters:
        raise SystemExit(f"{only} is not a chapter of the site in {site}")
    when, done = release_timestamp(), []
    with Printer(site) as printer:
        for page in chapters:
            started = time.perf_counter()
            raw, headings = printer.chapter(page.path)
            data = finish(raw, chapter_document_info(page.title, page.abstract), when, headings)
            done.append(_write(out, page.chapter_pdf, data, started))
        if only is None:
            targets = {p.book_pdf for p in pages if p.book_pdf}
            if len(targets) != 1:
                raise SystemExit(f"the chapters link {len(targets)} different whole-book PDFs: {sorted(targets)}")
            started = time.perf_counter()
            raw, headings = _print_book(printer, pages)
            done.append(_write(out, targets.pop(), finish(raw, book_document_info(), when, headings), started))
    return done


def _print_book(printer: Printer, pages: list[Page]) -> tuple[bytes, list[str]]:
    """The book with its title page and contents, printed twice so the contents give page numbers."""
    paths, keys, css = [p.path for p in pages], [part_key(p) for p in pages], book_css(pages) + FRONT_CSS
    titles = [(key, page.title) for key, page in zip(keys, pages, strict=True)]
    raw, _ = printer.book(paths, keys, css, front_matter(titles, None))
    numbers = part_start_pages(raw)
    raw, headings = printer.book(paths, keys, css, front_matter(titles, numbers))
    if part_start_pages(raw) != numbers:
        raise SystemExit("the contents' page numbers moved the pages they number")
    return raw, headings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m takenover.release.pdf", description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=DEFAULT_SITE, help="the built site (default: _build/html)")
    parser.add_argument("--out", type=Path, help="write the PDFs here instead of into the site")
    parser.add_argument("--only", help="print only this chapter (e.g. book/red-labour), not the book")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"no built site in {args.site}: run `make site`", file=sys.stderr)
        return 1
    for item in print_edition(args.site, args.out, args.only):
        print(f"{item.path:<40} {item.pages:>4} pages {item.size:>10,} bytes {item.seconds:6.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
