"""Sphinx extension: each page loads only the scripts and styles it uses, and no script blocks
its first paint.

- Every external script is deferred: those registered with Sphinx, and those the theme's
  templates write by hand (templates/ passes them through the filters defined here). Deferred
  scripts still run in document order, before the page's ready event.
- Sphinx's documentation_options.js is inlined rather than deferred, because inline scripts
  after it assign to the object it defines; it is a few hundred bytes.
- Assets registered for every page are dropped where the page has nothing they act on: Thebe
  while it is off, sphinx-design, toggle buttons and copy buttons.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from markupsafe import Markup
from sphinx.application import Sphinx

TEMPLATES = Path(__file__).parent / "templates"
SCRIPT_TAG = re.compile(r"<script\b[^>]*>\s*</script>\s*")
EXTERNAL_SCRIPT_OPENING = re.compile(r"<script\b(?=[^>]*\bsrc=)[^>]*>")
NOT_BLOCKING = re.compile(r"\s(defer|async)\b|\stype=\"module\"")
DOCUMENTATION_OPTIONS = "documentation_options.js"


def defer_scripts(html: str) -> Markup:
    """Add `defer` to every external script tag that is neither deferred, async nor a module."""

    def defer(match: re.Match[str]) -> str:
        tag = match.group(0)
        return tag if NOT_BLOCKING.search(tag) else tag[:-1] + " defer>"

    return Markup(EXTERNAL_SCRIPT_OPENING.sub(defer, str(html)))


def drop_scripts(html: str, *names: str) -> Markup:
    """Remove the external script tags whose src names one of `names` (before any query)."""

    def keep(match: re.Match[str]) -> str:
        src = re.search(r'\ssrc="([^"?]*)', match.group(0))
        return "" if src and src.group(1).endswith(names) else match.group(0)

    return Markup(SCRIPT_TAG.sub(keep, str(html)))


def _class_pattern(*names: str) -> Callable[[str], bool]:
    pattern = re.compile(r'class="[^"]*\b(?:' + "|".join(names) + r")\b")
    return lambda body: bool(pattern.search(body))


# Asset (matched by file name or inline body) -> whether a page body needs it.
ON_DEMAND: dict[str, Callable[[str], bool]] = {
    "sphinx-design": _class_pattern(r"sd-[\w-]+"),
    "design-tabs.js": _class_pattern(r"sd-[\w-]+"),
    "togglebutton": _class_pattern("toggle", "dropdown"),
    "toggleHint": _class_pattern("toggle", "dropdown"),
    "toggleOpenOnPrint": _class_pattern("toggle", "dropdown"),
    "togglebuttonSelector": _class_pattern("toggle", "dropdown"),
    "copybutton": lambda body: '<div class="highlight"><pre' in body,
    "clipboard.min.js": lambda body: '<div class="highlight"><pre' in body,
}
THEBE = ("thebe", "THEBE_JS_URL")


def _asset_key(asset) -> str:
    return str(asset.filename or "") + asset.attributes.get("body", "")


def _needed(app: Sphinx, asset, body: str) -> bool:
    key = _asset_key(asset)
    if any(name in key for name in THEBE):
        return bool(app.config.html_theme_options.get("launch_buttons", {}).get("thebe"))
    return all(needs(body) for name, needs in ON_DEMAND.items() if name in key)


def _documentation_options(app: Sphinx) -> str | None:
    """The script the html builder writes to _static before any page (read once per build); None
    where a builder writes it only after the pages (singlehtml), which then keep the plain file."""
    if not hasattr(app.builder, "tk_documentation_options"):
        path = Path(app.outdir) / "_static" / DOCUMENTATION_OPTIONS
        app.builder.tk_documentation_options = path.read_text(encoding="utf-8").strip() if path.is_file() else None
    return app.builder.tk_documentation_options


def _trim_page_assets(app: Sphinx, pagename, templatename, context, doctree) -> None:
    # The lists are the builder's own, restored before each page, so they are edited in place.
    body = context.get("body", "")
    scripts, styles = context["script_files"], context["css_files"]
    scripts[:] = [s for s in scripts if _needed(app, s, body)]
    styles[:] = [s for s in styles if _needed(app, s, body)]
    for index, script in enumerate(scripts):
        if str(script.filename or "").endswith(DOCUMENTATION_OPTIONS) and _documentation_options(app) is not None:
            scripts[index] = type(script)(None, body=_documentation_options(app), priority=script.priority)


def _add_filters(app: Sphinx) -> None:
    if app.builder.format == "html":
        app.builder.templates.environment.filters["tk_defer_scripts"] = defer_scripts
        app.builder.templates.environment.filters["tk_drop_scripts"] = drop_scripts


def _add_templates(app: Sphinx, config) -> None:
    config.templates_path.insert(0, str(TEMPLATES))


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", _add_templates)
    app.connect("builder-inited", _add_filters)
    app.connect("html-page-context", _trim_page_assets, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
