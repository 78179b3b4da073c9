"""Sphinx extension: serve the chart library, table search and figure styles from the site itself.

The vega bundle is generated at build time (never pasted by hand). Scripts are
added only to pages that need them, so pages without charts stay light.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from ..charts.bundle import BUNDLE_NAME, bundle

CSS_NAME = "takenover-figures.css"
TABLES_JS = "takenover-tables.js"
STATIC = Path(__file__).parent / "static"


def _write_bundle(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    folder = Path(app.doctreedir).parent / "takenover-static"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / BUNDLE_NAME).write_text(bundle(), encoding="utf-8")
    app.config.html_static_path.extend([str(folder), str(STATIC)])


def _add_bundle_to_chart_pages(app: Sphinx, pagename, templatename, context, doctree) -> None:
    body = context.get("body", "")
    if "tk-chart" in body:
        app.add_js_file(BUNDLE_NAME, priority=100)
    if "tk-search-input" in body:
        app.add_js_file(TABLES_JS)


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", _write_bundle)
    app.connect("html-page-context", _add_bundle_to_chart_pages)
    app.add_css_file(CSS_NAME)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
