"""Sphinx extension: pybtex finds its plugins once per build, not once per reference.

pybtex looks each of its plugins (styles, name formats, label styles) up through importlib.metadata on
every call, and each look-up scans the metadata of every installed package. sphinxcontrib-bibtex
formats every reference on every build, with several look-ups each; with the wider record's 150
references that was most of an incremental build's time. The answers cannot change while Sphinx runs,
so they are kept; registering a plugin, and the start of each build, forget them.
"""

from __future__ import annotations

import functools

from pybtex import plugin
from sphinx.application import Sphinx


def _remember_lookups() -> None:
    if hasattr(plugin._load_entry_point, "cache_clear"):
        return
    register = plugin.register_plugin
    plugin._load_entry_point = functools.cache(plugin._load_entry_point)

    @functools.wraps(register)
    def register_plugin(*args, **kwargs):
        plugin._load_entry_point.cache_clear()
        return register(*args, **kwargs)

    plugin.register_plugin = register_plugin


def setup(app: Sphinx) -> dict:
    _remember_lookups()
    app.connect("builder-inited", lambda app: plugin._load_entry_point.cache_clear())
    return {"parallel_read_safe": True, "parallel_write_safe": True}
