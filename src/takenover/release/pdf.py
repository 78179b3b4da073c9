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
import io
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

from ..cite.citation import slug
from ..cite.edition import book_document_info, chapter_document_info, release_timestamp
from ..core import atomic
from ..core.metadata import metadata
from ..core.paths import REPO_ROOT
from ..site.print import css_string
from . import buildrecord, pdfreuse
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
    record: dict = field(default_factory=dict)  # what pdfreuse keeps about it
    reused: bool = False


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


def _write(out: Path, relative: str, data: bytes, started: float, printed: dict) -> Printed:
    """Check the PDF opens and every link inside it lands, then put it in place atomically: a failed or
    killed print leaves the old one."""
    _, dangling = link_report(io.BytesIO(data))
    if dangling:
        raise SystemExit(f"{relative}: {len(dangling)} links lead nowhere, e.g. " + "; ".join(dangling[:3]))
    with pikepdf.open(io.BytesIO(data)) as doc:
        pages = len(doc.pages)
    atomic.write_bytes(out / relative, data)
    return Printed(relative, pages, len(data), time.perf_counter() - started, printed)


def _keep(out: Path, relative: str, previous: Path, entry: dict) -> Printed:
    data = (previous / relative).read_bytes()
    atomic.write_bytes(out / relative, data)
    with pikepdf.open(io.BytesIO(data)) as doc:
        return Printed(relative, len(doc.pages), len(data), 0.0, entry, reused=True)


def print_edition(
    site: Path, out: Path | None = None, only: str | None = None, previous: tuple[Path, dict] | None = None
) -> list[Printed]:
    """Print every chapter and the book from `site` into `out` (default: the site itself). With
    `previous` (an earlier site and its record of PDFs), a PDF still current there is copied instead."""
    out = out or site
    pages = reading_order(site)
    chapters = [p for p in pages if p.chapter_pdf and (only is None or p.path == f"{only}.html")]
    if only and not chapters:
        raise SystemExit(f"{only} is not a chapter of the site in {site}")
    wanted = [(page.chapter_pdf, page) for page in chapters]
    if only is None:
        targets = {p.book_pdf for p in pages if p.book_pdf}
        if len(targets) != 1:
            raise SystemExit(f"the chapters link {len(targets)} different whole-book PDFs: {sorted(targets)}")
        wanted.append((targets.pop(), None))
    printer_key, done, to_print = pdfreuse.printer_key(), [], []
    for relative, page in wanted:
        entry = previous[1].get(relative) if previous else None
        if previous and pdfreuse.still_current(entry, previous[0] / relative, site, printer_key):
            done.append(_keep(out, relative, previous[0], entry))
        else:
            to_print.append((relative, page))
    if not to_print:
        return done
    # The whole book takes longest: it prints in its own browser, beside the chapters.
    jobs = [job for job in ([t for t in to_print if t[1] is None], [t for t in to_print if t[1] is not None]) if job]
    printed = {}
    if len(jobs) == 1:
        printed |= _print_all(site, out, pages, jobs[0], printer_key)
    else:
        with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
            for result in [pool.submit(_print_all, site, out, pages, job, printer_key) for job in jobs]:
                printed |= result.result()
    return done + [printed[relative] for relative, _ in to_print]


def _print_all(site: Path, out: Path, pages: list[Page], jobs: list, printer_key: str) -> dict[str, Printed]:
    """Print each (target, page) in one browser; page None is the whole book."""
    when, done = release_timestamp(), {}
    with Printer(site) as printer:
        for relative, page in jobs:
            started = time.perf_counter()
            printer.take_served()
            if page is not None:
                raw, headings = printer.chapter(page.path)
                data = finish(raw, chapter_document_info(page.title, page.abstract), when, headings)
            else:
                raw, headings = _print_book(printer, pages)
                data = finish(raw, book_document_info(), when, headings)
            entry = pdfreuse.record(site, printer.take_served(), data, printer_key)
            done[relative] = _write(out, relative, data, started, entry)
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
    parser.add_argument(
        "--require-record", action="store_true", help="refuse a site `make site` did not build whole (make pdf)"
    )
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"no built site in {args.site}: run `make site`", file=sys.stderr)
        return 1
    with atomic.locked(args.site.resolve().parent):  # not while `make site` swaps the site
        record = buildrecord.read(args.site)
        if record is not None or args.require_record:
            pages = buildrecord.page_problems(args.site)
            if pages:
                print(f"not printing {args.site}: {pages[0]}; run `make site`", file=sys.stderr)
                return 1
        printed = print_edition(args.site, args.out, args.only)
        if record is not None and args.out is None:
            record["pdfs"] |= {item.path: item.record for item in printed}
            buildrecord.write(args.site, record)
    for item in printed:
        print(f"{item.path:<40} {item.pages:>4} pages {item.size:>10,} bytes {item.seconds:6.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
