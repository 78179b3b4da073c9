"""Which Sphinx builders make the website: the extensions that add web-only things (citation
boxes and tags, PDF links, downloads, JSON-LD, icon and style trimming) run only for them, so
Jupyter Book's other builders (EPUB above all) get the plain book."""

from __future__ import annotations

from sphinx.application import Sphinx

WEBSITE_BUILDERS = {"html", "dirhtml", "singlehtml"}


def builds_website(app: Sphinx) -> bool:
    return app.builder.name in WEBSITE_BUILDERS
