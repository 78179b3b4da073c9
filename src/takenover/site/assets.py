"""Sphinx extension: serve the chart library, the charts' and the register's scripts, and the book's styles.

The vega bundle is generated at build time (never pasted by hand). It is not a script tag:
chart pages get a small deferred script that fetches the bundle when a chart nears the
viewport (static/takenover-charts.js), so the static SVG each chart carries is the first
paint and the bundle never delays it. Scripts are added only to pages that need them.
"""

from __future__ import annotations

from pathlib import Path

from myst_nb.sphinx_ext import add_global_html_resources
from sphinx.application import Sphinx

from ..charts.bundle import BUNDLE_NAME, bundle, bundle_header
from ..core import atomic
from .builders import builds_website

CSS_NAME = "takenover.css"
CHARTS_JS = "takenover-charts.js"
REGISTER_JS = "takenover-register.js"
STATIC = Path(__file__).parent / "static"


def _write_bundle(app: Sphinx) -> None:
    if not builds_website(app):  # an EPUB has no scripts, and its styles are the builder's own
        return
    folder = Path(app.doctreedir).parent / "takenover-static"
    target = folder / BUNDLE_NAME
    # Making the bundle takes seconds; one with the same versions is the same file, so keep it.
    if not target.is_file() or not target.read_text(encoding="utf-8").startswith(bundle_header()):
        atomic.write_text(target, bundle())
    app.config.html_static_path.extend([str(folder), str(STATIC)])


def _place_late_stylesheets(app: Sphinx) -> None:
    """myst-nb copies its stylesheet into _static only when the build finishes. Pages written before
    that find no file and link it without Sphinx's `?v=` checksum, while a build over an old _build finds
    the last build's copy and adds one, so the two differ. Put it in place first: every build then links
    it the same way. Website builders only: an EPUB packs what _static holds, and wants none of it."""
    if not builds_website(app):
        return
    (Path(app.outdir) / "_static").mkdir(parents=True, exist_ok=True)
    add_global_html_resources(app, None)


def _add_scripts_pages_need(app: Sphinx, pagename, templatename, context, doctree) -> None:
    body = context.get("body", "")
    if "tk-chart" in body:
        app.add_js_file(CHARTS_JS, defer="defer", **{"data-bundle": BUNDLE_NAME})
    if "tk-register-controls" in body:
        app.add_js_file(REGISTER_JS, defer="defer")


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", _write_bundle)
    app.connect("builder-inited", _place_late_stylesheets)
    app.connect("html-page-context", _add_scripts_pages_need)
    app.add_css_file(CSS_NAME)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
