"""Sphinx extension: serve the chart library, the charts' and the register's scripts, and the book's styles.

The vega bundle is generated at build time (never pasted by hand). It is not a script tag:
chart pages get a small deferred script that fetches the bundle when a chart nears the
viewport (static/takenover-charts.js), so the static SVG each chart carries is the first
paint and the bundle never delays it. Scripts are added only to pages that need them.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from ..charts.bundle import BUNDLE_NAME, bundle
from .builders import builds_website

CSS_NAME = "takenover.css"
CHARTS_JS = "takenover-charts.js"
REGISTER_JS = "takenover-register.js"
STATIC = Path(__file__).parent / "static"


def _write_bundle(app: Sphinx) -> None:
    if not builds_website(app):  # an EPUB has no scripts, and its styles are the builder's own
        return
    folder = Path(app.doctreedir).parent / "takenover-static"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / BUNDLE_NAME).write_text(bundle(), encoding="utf-8")
    app.config.html_static_path.extend([str(folder), str(STATIC)])


def _add_scripts_pages_need(app: Sphinx, pagename, templatename, context, doctree) -> None:
    body = context.get("body", "")
    if "tk-chart" in body:
        app.add_js_file(CHARTS_JS, defer="defer", **{"data-bundle": BUNDLE_NAME})
    if "tk-register-controls" in body:
        app.add_js_file(REGISTER_JS, defer="defer")


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", _write_bundle)
    app.connect("html-page-context", _add_scripts_pages_need)
    app.add_css_file(CSS_NAME)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
