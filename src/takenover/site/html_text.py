"""Rewrite the text of an HTML fragment, leaving its markup byte for byte as it was.

Only text a reader sees as running text is offered for rewriting: never attribute values,
comments, or the contents of elements where markup would be wrong or unsafe (scripts, styles,
SVG, code, existing links, form controls).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

# Elements whose text must stay as it is: links cannot nest, code is literal, SVG and
# scripts are not prose, and form controls and titles cannot hold links.
PROTECTED = frozenset(
    {"a", "script", "style", "svg", "math", "code", "pre", "kbd", "samp", "textarea", "title", "button", "label"}
)
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


def rewrite_text(html: str, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str]) -> str:
    """Replace matches of `pattern` in the visible text of `html` with `replace(match)`, which
    returns HTML. Text inside PROTECTED elements is left alone."""
    finder = _TextFinder()
    finder.feed(html)
    finder.close()
    line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
    out, done = [], 0
    for (line, column), text in finder.texts:
        start = line_starts[line - 1] + column
        if not pattern.search(text):
            continue
        out.append(html[done:start])
        out.append(pattern.sub(replace, text))
        done = start + len(text)
    out.append(html[done:])
    return "".join(out)


class _TextFinder(HTMLParser):
    """Collects runs of text outside PROTECTED elements, with where each starts."""

    def __init__(self):
        super().__init__(convert_charrefs=False)  # text is reported raw, so offsets stay exact
        self.open: list[str] = []
        self.texts: list[tuple[tuple[int, int], str]] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in self.open:  # close it, and anything left open inside it
            while self.open.pop() != tag:
                pass

    def handle_data(self, data):
        if not PROTECTED.intersection(self.open):
            self.texts.append((self.getpos(), data))
