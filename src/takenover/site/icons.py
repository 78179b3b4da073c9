"""Sphinx extension: the theme's icons from a small font subset, without the 1.5 MB icon script.

pydata-sphinx-theme styles its icons with Font Awesome's webfont CSS and also loads Font
Awesome's JavaScript to swap them for inline SVGs. The book drops that script
(templates/layout.html), so icons come from the webfonts, which hold about 2,000 icons in
300 KB. After the build, this extension collects every icon the site can show: icon classes
in the pages and in the theme's scripts, and icon characters in the stylesheets' own rules.
It writes each Font Awesome font cut down to those glyphs (WOFF, a few KB) next to the
book's stylesheet, which declares them under the theme's font names after the theme does,
so browsers use them in place of the full fonts.
"""

from __future__ import annotations

import re
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from sphinx.application import Sphinx
from sphinx.util import logging

from .builders import builds_website

# The theme's webfonts (TrueType copies of its WOFF2 files) -> the subsets takenover.css declares.
FONTS = {
    "fa-solid-900.ttf": "takenover-icons-solid.woff",
    "fa-regular-400.ttf": "takenover-icons-regular.woff",
    "fa-brands-400.ttf": "takenover-icons-brands.woff",
}
WEBFONTS = Path("_static") / "vendor" / "fontawesome" / "webfonts"
ICON_SCRIPT = "fontawesome.js"
# `.fa-bars:before,.fa-navicon:before{content:"\f0c9"}`: the rules that give each icon name its character.
ICON_RULE = re.compile(r'((?:\.fa-[a-z0-9-]+:{1,2}(?:before|after),?)+)\{content:"([^"]+)"\}')
CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6}) ?|(.))")
ICON_CLASS = re.compile(r"\bfa-[a-z0-9]+(?:-[a-z0-9]+)*\b")
PRIVATE_USE = range(0xE000, 0xF900)
logger = logging.getLogger(__name__)


def css_string(value: str) -> str:
    r"""The text of a CSS string's contents: `\f0c9` and `\30 ` are hex escapes, `\@` is `@`."""
    return CSS_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)) if m.group(1) else m.group(2), value)


def icon_characters(css: str) -> dict[str, set[int]]:
    """Icon name -> its code points, from the icon rules of a stylesheet."""
    found = {}
    for selectors, value in ICON_RULE.findall(css):
        for name in re.findall(r"\.(fa-[a-z0-9-]+):", selectors):
            found[name] = {ord(c) for c in css_string(value)}
    return found


def characters_in_rules(css: str) -> set[int]:
    """Icon characters a stylesheet uses in its own rules (e.g. admonition icons), beside the icon rules."""
    rest = ICON_RULE.sub("", css)
    return {ord(c) for c in css_string(rest) if ord(c) in PRIVATE_USE}


def used_codepoints(site: Path) -> set[int]:
    """Every icon character the pages, the theme's scripts and the stylesheets can show."""
    styles = [p.read_text(encoding="utf-8") for p in (site / "_static").rglob("*.css")]
    by_name: dict[str, set[int]] = {}
    needed: set[int] = set()
    for css in styles:
        by_name.update(icon_characters(css))
        needed |= characters_in_rules(css)
    sources = list(site.rglob("*.html"))
    sources += [p for p in (site / "_static").rglob("*.js") if p.name != ICON_SCRIPT]
    for path in sources:
        for name in set(ICON_CLASS.findall(path.read_text(encoding="utf-8", errors="replace"))):
            if name in by_name:
                needed |= by_name[name]
    return needed


def subset_font(source: Path, codepoints: set[int], target: Path) -> int:
    """Write `source` cut down to `codepoints` as WOFF; return how many of them it has.

    The subset keeps the source's own timestamp, not the build's, so two builds give the same bytes.
    """
    font = TTFont(source, recalcTimestamp=False)
    keep = codepoints & set(font.getBestCmap())
    options = subset.Options()
    options.flavor = "woff"
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=keep)
    subsetter.subset(font)
    font.flavor = "woff"
    font.save(target)
    return len(keep)


def _write_subsets(app: Sphinx, exception) -> None:
    if exception is not None or not builds_website(app):
        return
    site = Path(app.outdir)
    codepoints = used_codepoints(site)
    for source, target in FONTS.items():
        kept = subset_font(site / WEBFONTS / source, codepoints, site / "_static" / target)
        logger.info("icons: %s keeps %d of the site's %d icon glyphs", target, kept, len(codepoints))


def setup(app: Sphinx) -> dict:
    # After unused_css.py has trimmed the stylesheets it reads.
    app.connect("build-finished", _write_subsets, priority=700)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
