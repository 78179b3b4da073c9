"""Sphinx extension: the EPUB is the plain book, valid for EPUBCheck.

- Its pages run no script: the register's filters go (the full table stays), and so do the
  scripts the site's tools put in the text (chart specs, Thebe's settings).
- Each chart is its static SVG, written to its own file and shown as an image with the chart's alt
  text (an SVG inline in a page would need a manifest property Sphinx does not write).
- Links that chapters' outputs write by hand to another page of the book (`bibliography.html#ref-...`
  from the register's evidence, say) point at that page's file in the EPUB, as Sphinx's own links do.
- Pages link only the styles the EPUB packages: the book's own stylesheets belong to the website
  (they use its icon fonts and print rules), and myst-nb copies its stylesheet after the EPUB's
  manifest is made, so a link to it would point at a missing file.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from sphinx.application import Sphinx

SEARCH_CONTROLS = re.compile(r'<div class="tk-register-controls"[^>]*>.*?</div>\s*', re.S)
SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>\s*", re.S)
CHART = re.compile(r'(<div class="tk-chart"[^>]*?aria-label="([^"]*)"[^>]*>)\s*(<svg\b.*?</svg>)', re.S)
UNPACKAGED_STYLES = re.compile(r"(^|/)(mystnb\.[0-9a-f]+\.css|takenover[\w-]*\.css)$")
IMAGES = "_images"
PAGE_LINK = re.compile(r'href="(?![a-z][a-z0-9+.-]*:|#)([^"#]+)\.html(#[^"]*)?"')


def is_epub(app: Sphinx) -> bool:
    return app.builder.name == "epub"


def charts_as_images(body: str, stem: str, outdir: Path, pathto) -> str:
    """Each inline chart SVG written to _images/<stem>-<n>.svg and shown with an <img>."""
    count = 0

    def to_file(match: re.Match) -> str:
        nonlocal count
        count += 1
        name = f"{IMAGES}/{stem}-{count}.svg"
        (outdir / IMAGES).mkdir(parents=True, exist_ok=True)
        (outdir / name).write_text('<?xml version="1.0" encoding="UTF-8"?>\n' + match.group(3), encoding="utf-8")
        return f'{match.group(1)}<img src="{pathto(name, 1)}" alt="{match.group(2)}" />'

    return CHART.sub(to_file, body)


def links_between_pages(body: str, pagename: str, docs, uri) -> str:
    """Each hand-written link to a page of the book, `<page>.html#anchor`, as `uri(pagename, page)#anchor`."""

    def relink(match: re.Match) -> str:
        doc = posixpath.normpath(posixpath.join(posixpath.dirname(pagename), match.group(1)))
        if doc not in docs:
            return match.group(0)
        return f'href="{uri(pagename, doc)}{match.group(2) or ""}"'

    return PAGE_LINK.sub(relink, body)


def _plain_page(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if not is_epub(app):
        return
    context["css_files"][:] = [c for c in context["css_files"] if not UNPACKAGED_STYLES.search(str(c.filename))]
    context["script_files"][:] = []
    if "body" in context:
        body = SEARCH_CONTROLS.sub("", SCRIPT.sub("", context["body"]))
        body = links_between_pages(body, pagename, app.env.all_docs, app.builder.get_relative_uri)
        stem = "tk-chart-" + pagename.replace("/", "-")
        context["body"] = charts_as_images(body, stem, Path(app.outdir), context["pathto"])


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", _plain_page, priority=950)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
