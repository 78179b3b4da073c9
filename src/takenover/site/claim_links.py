"""Sphinx extension: every claim id in a page's text links to its row in the claims register.

Chapters cite claims by id (CL-U06, CL-A15, ...). The register, an appendix page of its own
(book/register), gives each row an anchor (`<tr id="cl-u06">`). This extension links every id
in prose, tables and glued values, on every page, to that anchor. The set of anchors is read
from the register page itself, so new ids and new prefixes need no change here; an id with no row is a build
warning (an error under -W), never a dead link.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

from ..cite.claimreview import REGISTER_PAGE
from .html_text import rewrite_text

CLAIM_ID = re.compile(r"\bCL-[A-Z][0-9]{2,}\b")
LINK_CLASS = "reference internal tk-claim-link"
logger = logging.getLogger(__name__)


def claim_anchor(claim_id: str) -> str:
    return claim_id.lower()


def register_anchors(html: str) -> set[str]:
    """The ids of the register's claim rows in an HTML fragment."""
    finder = _RowIds()
    finder.feed(html)
    finder.close()
    return finder.ids


class _RowIds(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        row_id = dict(attrs).get("id") or ""
        if tag == "tr" and CLAIM_ID.fullmatch(row_id.upper()):
            self.ids.add(row_id)


def link_claim_ids(html: str, href: str, anchors: set[str]) -> tuple[str, list[str]]:
    """Link each claim id in the text of `html` to `href#anchor`; return the new HTML and the
    ids that have no anchor (left as text)."""
    missing: list[str] = []

    def link(match: re.Match[str]) -> str:
        claim_id = match.group(0)
        if claim_anchor(claim_id) not in anchors:
            missing.append(claim_id)
            return claim_id
        return f'<a class="{LINK_CLASS}" href="{href}#{claim_anchor(claim_id)}">{claim_id}</a>'

    return rewrite_text(html, CLAIM_ID, link), missing


def _anchors(app: Sphinx) -> set[str]:
    """Row anchors on the register page, read once per build (the builder is new each build)."""
    if not hasattr(app.builder, "tk_claim_anchors"):
        page = app.config.takenover_register_page
        found: set[str] = set()
        if page in app.env.all_docs:
            for raw in app.env.get_doctree(page).findall(nodes.raw):
                if "html" in raw.get("format", "").split():
                    found |= register_anchors(raw.astext())
        app.builder.tk_claim_anchors = found
    return app.builder.tk_claim_anchors


def _link_page(app: Sphinx, pagename, templatename, context, doctree) -> None:
    body = context.get("body")
    if not body or not CLAIM_ID.search(body):
        return
    anchors = _anchors(app)
    href = app.builder.get_relative_uri(pagename, app.config.takenover_register_page)
    context["body"], missing = link_claim_ids(body, href, anchors)
    for claim_id in sorted(set(missing)):
        logger.warning("claim %s has no row in the claims register", claim_id, location=pagename)


def setup(app: Sphinx) -> dict:
    # The register's page is named once, beside the ClaimReview export that addresses its rows.
    app.add_config_value("takenover_register_page", REGISTER_PAGE, "html", types=[str])
    app.connect("html-page-context", _link_page)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
