"""Sphinx extension: the print edition's presence on every page.

- serves takenover-print.css, the `@media print` and `@page` rules;
- gives every page a running head (book and page title) for paged media, as a small
  inline `@page` rule, since Chromium does not support `string-set`;
- marks external links whose text is not their address, so print can show the address;
- on every citable page, prints the full citation on the first page (a print-only block, from the
  same functions as the "Cite this page" box) and adds "Download PDF" links beside that box; the
  root page, cited as the book, links the whole book's PDF only.

The links name files under `_pdf/` that `python -m takenover.release.pdf` prints from the built
site, into exactly the paths the links give; `make site` runs both steps, so the site a
reader gets never links a missing PDF.
"""

from __future__ import annotations

import html
import re

from sphinx.application import Sphinx

from ..cite.edition import chapter_citation_fields, edition_stem
from ..core.metadata import metadata
from .builders import builds_website
from .citation import PDF_DIR, cited_page, page_pdf_path

CSS_NAME = "takenover-print.css"
CHAPTER_LINK_CLASS = "tk-pdf-chapter"
BOOK_LINK_CLASS = "tk-pdf-book"
# Runs after the citation extension has put its box under the title.
AFTER_CITATION = 600
EXTERNAL_LINK = re.compile(r'<a class="reference external" href="([^"]+)">(.*?)</a>', re.S)


def book_pdf_path() -> str:
    return f"{PDF_DIR}/{edition_stem()}.pdf"


def css_string(text: str) -> str:
    """A CSS string literal; `<` is escaped so the text cannot close the <style> element."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("<", "\\3c ")
    return f'"{escaped}"'


def running_head(book_title: str, page_title: str) -> str:
    return (
        '<style media="print">@page { '
        f"@top-left {{ content: {css_string(book_title)}; }} "
        f"@top-right {{ content: {css_string(page_title)}; }} }}</style>\n"
    )


def _mark_link(match: re.Match) -> str:
    href, text = match.group(1), match.group(2)
    if html.unescape(re.sub(r"<[^>]+>", "", text)).strip() == html.unescape(href):
        return match.group(0)
    return f'<a class="reference external tk-print-href" href="{href}">{text}</a>'


def print_citation(fields: list[tuple[str, str]]) -> str:
    rows = "".join(f"<dt>{html.escape(label)}</dt><dd>{html.escape(value)}</dd>" for label, value in fields)
    return f'<dl class="tk-print-citation" hidden>{rows}</dl>'


def pdf_links(chapter_href: str | None, chapter_file: str, book_href: str, book_file: str) -> str:
    """The "Download PDF" line; a page cited as the whole book links only the book's PDF."""
    book = (
        f'<a class="{BOOK_LINK_CLASS}" href="{book_href}" download="{book_file}" type="application/pdf">'
        "the whole book</a></p>"
    )
    if chapter_href is None:
        return '<p class="tk-pdf">Download PDF: ' + book
    return (
        '<p class="tk-pdf">Download PDF: '
        f'<a class="{CHAPTER_LINK_CLASS}" href="{chapter_href}" download="{chapter_file}" type="application/pdf">'
        "this page</a> \u00b7 " + book
    )


def _add_print_edition(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if "body" not in context or not builds_website(app):
        return
    book_title = metadata()["title"]
    page_title = app.env.titles[pagename].astext() if pagename in app.env.titles else book_title
    context["metatags"] = context.get("metatags", "") + running_head(book_title, page_title)
    body = EXTERNAL_LINK.sub(_mark_link, context["body"])

    page = cited_page(app, pagename)
    if page is not None:
        stem = edition_stem()
        block = "" if page.is_book else print_citation(chapter_citation_fields(page_title, page.date, pagename))
        block += pdf_links(
            None if page.is_book else context["pathto"](page_pdf_path(page), 1),
            f"{stem}-{pagename.rsplit('/', 1)[-1]}.pdf",
            context["pathto"](book_pdf_path(), 1),
            f"{stem}.pdf",
        )
        at = body.find("</details>", body.find('class="tk-cite"'))
        if at == -1:
            raise ValueError(f"{pagename}: no citation box to put the PDF links beside")
        at += len("</details>")
        body = body[:at] + "\n" + block + body[at:]
    context["body"] = body


def setup(app: Sphinx) -> dict:
    app.setup_extension("takenover.site.assets")  # its static folder serves the stylesheet
    app.add_css_file(CSS_NAME, media="print")
    app.connect("html-page-context", _add_print_edition, priority=AFTER_CITATION)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
