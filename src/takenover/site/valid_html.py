"""Sphinx extension: HTML that the Nu Html Checker accepts, where the book's tools write otherwise.

- myst-nb writes each code toggle's labels as <p> inside <summary>, which allows only phrasing
  content; they are written as <span> here, and takenover.css gives the spans the look the
  <p> had.
- The site's root index.html, a redirect to the first page, is written as a whole document
  (doctype, language, title, a link for readers whose browser does not follow it) before
  sphinx-external-toc would write a bare <meta> tag there.
"""

from __future__ import annotations

import html
from pathlib import Path

from myst_nb.sphinx_ import HideCodeCellNode
from sphinx.application import Sphinx
from sphinx.util.osutil import SEP

from .builders import builds_website


def visit_hide_code_cell(self, node) -> None:
    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {classes}">\n')
    self.body.append('<summary aria-label="Toggle hidden content">\n')
    self.body.append(f'<span class="collapsed admonition-title">{html.escape(node["prompt_show"])}</span>\n')
    self.body.append(f'<span class="expanded admonition-title">{html.escape(node["prompt_hide"])}</span>\n')
    self.body.append("</summary>\n")


def depart_hide_code_cell(self, node) -> None:
    self.body.append("</details>\n")


def redirect_page(target: str, title: str, language: str) -> str:
    url, name = html.escape(target), html.escape(title)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(language)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{name}</title>\n"
        f'<meta http-equiv="refresh" content="0; url={url}">\n'
        f'<link rel="canonical" href="{url}">\n'
        f'</head>\n<body>\n<p><a href="{url}">{name}</a></p>\n</body>\n</html>\n'
    )


def _write_root_redirect(app: Sphinx, exception) -> None:
    if exception is not None or not builds_website(app) or app.config.root_doc == "index":
        return
    if app.builder.name == "dirhtml":
        target = app.config.root_doc + SEP + "index.html"
    else:
        target = app.config.root_doc + app.builder.out_suffix
    title = app.config.html_title or app.config.project
    page = redirect_page(target, title, app.config.language or "en")
    (Path(app.outdir) / "index.html").write_text(page, encoding="utf-8")


def setup(app: Sphinx) -> dict:
    app.setup_extension("myst_nb")  # its node must be registered before this overrides it
    app.add_node(HideCodeCellNode, override=True, html=(visit_hide_code_cell, depart_hide_code_cell))
    # Before sphinx-external-toc's handler (priority 500), which writes nothing if the file exists.
    app.connect("build-finished", _write_root_redirect, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
