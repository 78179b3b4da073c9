"""Sphinx extension: drop the theme's style rules that no page of the site can use.

pydata-sphinx-theme ships one 400 KB stylesheet (all of Bootstrap and of Font Awesome's icon
classes) that every page must load before it can paint; the site uses about a quarter of
it. After the build, each stylesheet the pages link to (the book's own excepted) loses the
rules that need a class no page and no script of the site mentions. The test is
deliberately cautious: a class counts as mentioned if its name appears anywhere in a page
or script, so classes that scripts add later (open menus, dark mode, dialogs) stay; a rule
stays if any of its selectors could match; classes inside :not(), :is(), :has() and other
parentheses or attribute selectors are ignored; at-rules other than @media, @supports,
@container and @layer are kept whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import tinycss2
from sphinx.application import Sphinx
from sphinx.util import logging

from .builders import builds_website
from .icons import ICON_SCRIPT

OWN_STYLESHEETS = ("takenover",)
GROUPING_RULES = {"media", "supports", "container", "layer"}
WORD = re.compile(r"[A-Za-z0-9_-]+")
CLASS = re.compile(r"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)")
BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
STYLESHEET_LINK = re.compile(r'<link\b[^>]*\bhref="([^"?#]+\.css)[^"]*"[^>]*>')
IMPORT = re.compile(r'@import\s+(?:url\()?["\']?([^"\')]+\.css)')
logger = logging.getLogger(__name__)


def required_classes(selector: str) -> set[str]:
    """Classes an element must have for `selector` to match it (parenthesised parts ignored)."""
    while BRACKETED.search(selector):
        selector = BRACKETED.sub(" ", selector)
    return set(CLASS.findall(selector))


def selectors(prelude: list) -> list[str]:
    """A rule's selector list, split at its top-level commas."""
    parts, current = [], []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            parts.append(tinycss2.serialize(current))
            current = []
        else:
            current.append(token)
    parts.append(tinycss2.serialize(current))
    return parts


def purge(css: str, mentioned: set[str]) -> str:
    """`css` without the style rules none of whose selectors can match given the `mentioned` words."""
    return _purge_rules(tinycss2.parse_stylesheet(css), mentioned)


def _purge_rules(rules: Iterable, mentioned: set[str]) -> str:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            if any(required_classes(s) <= mentioned for s in selectors(rule.prelude)):
                kept.append(rule.serialize())
        elif rule.type == "at-rule" and rule.lower_at_keyword in GROUPING_RULES and rule.content is not None:
            inner = _purge_rules(tinycss2.parse_rule_list(rule.content), mentioned)
            if inner:
                kept.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inner}}}")
        elif rule.type == "at-rule":
            kept.append(rule.serialize())
        # whitespace and comments (including the source-map link, which no longer fits) go
    return "".join(kept)


def site_words(site: Path) -> set[str]:
    """Every word in the site's pages and scripts: a superset of the classes they can set."""
    sources = [p for p in site.rglob("*.html") if "_static" not in p.relative_to(site).parts]
    sources += [p for p in (site / "_static").rglob("*.js") if p.name != ICON_SCRIPT]
    words: set[str] = set()
    for path in sources:
        words.update(WORD.findall(path.read_text(encoding="utf-8", errors="replace")))
    return words


def linked_stylesheets(site: Path) -> set[Path]:
    """The stylesheets the site's pages link to, and those they import, the book's own excepted."""
    todo = []
    for page in site.rglob("*.html"):
        if "_static" not in page.relative_to(site).parts:
            todo += [(page.parent / href).resolve() for href in STYLESHEET_LINK.findall(page.read_text("utf-8"))]
    found: set[Path] = set()
    while todo:
        path = todo.pop()
        if path in found or not path.is_file() or path.name.startswith(OWN_STYLESHEETS):
            continue
        found.add(path)
        todo += [(path.parent / href).resolve() for href in IMPORT.findall(path.read_text("utf-8"))]
    return found


def _purge_site(app: Sphinx, exception) -> None:
    if exception is not None or not builds_website(app):
        return
    site = Path(app.outdir)
    words = site_words(site)
    for path in sorted(linked_stylesheets(site)):
        css = path.read_text(encoding="utf-8")
        purged = purge(css, words)
        path.write_text(purged, encoding="utf-8")
        logger.info("unused css: %s from %d to %d bytes", path.name, len(css), len(purged))


def setup(app: Sphinx) -> dict:
    # After the pages and the root redirect are written, and before icons.py reads the stylesheets.
    app.connect("build-finished", _purge_site, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
