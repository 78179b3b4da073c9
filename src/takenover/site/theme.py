"""Sphinx extension: theme settings the book needs beyond what _config.yml can say.

The light/dark mode defaults to "auto" (follow the reader's system). Left empty, the theme's
script finds no valid mode on a first visit and logs a console error before falling back to
"auto" itself.
"""

from __future__ import annotations

from sphinx.application import Sphinx


def _set_default_mode(app: Sphinx, config) -> None:
    config.html_context.setdefault("default_mode", "auto")


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", _set_default_mode)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
