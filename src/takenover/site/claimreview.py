"""Sphinx extension: each page that reviews claims embeds their ClaimReview (JSON-LD), and the site
publishes the whole set at its root (`claimreview.jsonld`).

A page reviews a claim when it shows the claim's register row (`<tr id="cl-u01">`), wherever the
register or a part of it is printed; each claim is embedded once per page, addressed to its row.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from sphinx.application import Sphinx

from ..cite.claimreview import EXPORT_NAME, document, reviews_for_page
from ..core import paths
from .builders import builds_website

ROW = re.compile(r'<tr id="(cl-[a-z]\d+)"')


def json_ld(graph: list[dict]) -> str:
    """A JSON-LD block for the page's head; `<` is escaped so no text can close the script."""

    text = document(graph).replace("<", "\\u003c")
    return f'<script type="application/ld+json">\n{text}</script>\n'


def _embed(app: Sphinx, pagename, templatename, context, doctree) -> None:
    rows = ROW.findall(context.get("body", "")) if builds_website(app) else []
    graph = reviews_for_page(pagename, rows) if rows else []
    if graph:
        context["metatags"] = context.get("metatags", "") + json_ld(graph)


def _publish(app: Sphinx, exception) -> None:
    if exception is None and builds_website(app):
        shutil.copyfile(paths.DATA_DIR / EXPORT_NAME, Path(app.outdir) / EXPORT_NAME)


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", _embed)
    app.connect("build-finished", _publish)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
