"""Sphinx extension: one "Show code" switch per page instead of a toggle over every code cell.

A cell tagged `hide-input` keeps its code in the page, hidden by the book's stylesheet
(`.tk-code`), and loses myst-nb's per-cell toggle. A page with such cells gets one button in
its article header; a small deferred script (static/takenover-code.js) makes it show or hide
every hidden cell's code at once, and says which with aria-pressed. The button carries the
theme's `pst-js-only` class, so with scripts off it is not shown and the code stays hidden;
the print stylesheet hides the code whatever the switch says.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

CODE_CLASS = "tk-code"
SWITCH_TEMPLATE = "tk-code-switch.html"
SWITCH_JS = "takenover-code.js"
# myst-nb wraps hidden inputs in a toggle in its own post-transform (priority 199); this runs first.
BEFORE_MYST_NB = 190
HIDDEN_CODE = re.compile(r'class="(?:[^"]*\s)?' + CODE_CLASS + r'[\s"]')


def unwrap_hidden_inputs(document: nodes.Node) -> int:
    """Mark the input of every `hide-input` cell for the page switch, and take the cell out of
    myst-nb's per-cell toggles. Returns how many inputs were marked."""
    marked = 0
    for cell in document.findall(nodes.container):
        if cell.get("nb_element") != "cell_code" or cell.get("hide_mode") != "input" or not cell.children:
            continue
        source = cell.children[0]
        if source.get("nb_element") != "cell_code_source":
            continue
        source["classes"].append(CODE_CLASS)
        del cell["hide_mode"]
        marked += 1
    return marked


class PageCodeSwitch(SphinxPostTransform):
    default_priority = BEFORE_MYST_NB
    formats = ("html",)

    def run(self, **kwargs) -> None:
        unwrap_hidden_inputs(self.document)


def _offer_switch(app: Sphinx, pagename, templatename, context, doctree) -> None:
    context["tk_code_switch"] = bool(HIDDEN_CODE.search(context.get("body", "")))
    if context["tk_code_switch"]:
        app.add_js_file(SWITCH_JS, defer="defer")


def _add_to_article_header(app: Sphinx, config) -> None:
    options = config.html_theme_options
    end = options.get("article_header_end") or ["article-header-buttons.html"]
    if isinstance(end, str):
        end = [part.strip() for part in end.split(",")]
    if SWITCH_TEMPLATE not in end:
        options["article_header_end"] = [SWITCH_TEMPLATE, *end]


def setup(app: Sphinx) -> dict:
    app.setup_extension("takenover.site.loading")  # its templates folder holds the switch's template
    app.setup_extension("takenover.site.assets")  # its static folder serves the script and the styles
    app.add_post_transform(PageCodeSwitch)
    app.connect("config-inited", _add_to_article_header)
    app.connect("html-page-context", _offer_switch)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
