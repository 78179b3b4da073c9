"""ClaimReview, as schema.org defines it and as fact-check aggregators read it.

The schema.org vocabulary file is not vendored (it is CC BY-SA 3.0, and the build is offline); the
few types and properties ClaimReview uses are restated below from schema.org's definitions: each
type's parent, and each property's domain (`domainIncludes`) and range (`rangeIncludes`). Google's
guidance adds the required properties and the 75-character limit on `claimReviewed`.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

import takenover
from takenover.cite import claimreview

from conftest import DATA, toc_pages

PARENT = {
    "ClaimReview": "Review",
    "Review": "CreativeWork",
    "Claim": "CreativeWork",
    "CreativeWork": "Thing",
    "Rating": "Intangible",
    "Intangible": "Thing",
    "Organization": "Thing",
    "Person": "Thing",
}
AGENT = {"Organization", "Person"}
PROPERTIES = {  # property: (types it may describe, what it may hold)
    "url": ({"Thing"}, {"URL"}),
    "name": ({"Thing"}, {"Text"}),
    "alternateName": ({"Thing"}, {"Text"}),
    "claimReviewed": ({"ClaimReview"}, {"Text"}),
    "datePublished": ({"CreativeWork"}, {"Date", "DateTime"}),
    "author": ({"CreativeWork", "Rating"}, AGENT),
    "publisher": ({"CreativeWork"}, AGENT),
    "reviewRating": ({"Review"}, {"Rating"}),
    "itemReviewed": ({"Review"}, {"Thing"}),
    "ratingExplanation": ({"Rating"}, {"Text"}),
    "appearance": ({"Claim"}, {"CreativeWork"}),
    "firstAppearance": ({"Claim"}, {"CreativeWork"}),
    "headline": ({"CreativeWork"}, {"Text"}),
    "text": ({"CreativeWork"}, {"Text"}),
}
GOOGLE_REQUIRED = ["claimReviewed", "reviewRating", "url"]
CLAIM_REVIEWED_MAX = 75


def is_a(kind: str, wanted: set[str]) -> bool:
    while kind:
        if kind in wanted:
            return True
        kind = PARENT.get(kind)
    return False


def _literal_ok(value, ranges: set[str]) -> bool:
    if not isinstance(value, str) or not value.strip():
        return False
    if ranges & {"Date", "DateTime"}:
        try:
            dt.date.fromisoformat(value[:10])
        except ValueError:
            return False
    return True


def schema_errors(node: dict, where: str = "") -> list[str]:
    """Every way a node (and the nodes inside it) breaks schema.org's type and property rules."""
    kind = node.get("@type")
    if kind not in PARENT:
        return [f"{where}: unknown or missing @type {kind!r}"]
    errors = []
    for prop, value in node.items():
        if prop.startswith("@"):
            continue
        if prop not in PROPERTIES:
            errors.append(f"{where}.{prop}: not a property checked here")
            continue
        domains, ranges = PROPERTIES[prop]
        if not is_a(kind, domains):
            errors.append(f"{where}.{prop}: not a property of {kind}")
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                if not is_a(item.get("@type", ""), ranges):
                    errors.append(f"{where}.{prop}: a {item.get('@type')} where schema.org expects {sorted(ranges)}")
                errors += schema_errors(item, f"{where}.{prop}")
            elif not _literal_ok(item, ranges):
                errors.append(f"{where}.{prop}: {item!r} is not a {sorted(ranges)}")
    return errors


def review_errors(review: dict) -> list[str]:
    where = review.get("url", "?")
    errors = schema_errors(review, where)
    errors += [f"{where}: Google requires {p}" for p in GOOGLE_REQUIRED if not review.get(p)]
    if len(review.get("claimReviewed", "")) > CLAIM_REVIEWED_MAX:
        errors.append(f"{where}: claimReviewed is longer than {CLAIM_REVIEWED_MAX} characters")
    if not review.get("reviewRating", {}).get("alternateName"):
        errors.append(f"{where}: the rating has no textual verdict (alternateName)")
    return errors


def embedded(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [node for block in blocks for node in json.loads(block)["@graph"]]


def test_the_rules_catch_what_the_old_export_got_wrong():
    old = {
        "@type": "ClaimReview",
        "claimReviewed": "x" * 80,
        "publisher": {"@type": "CreativeWork", "name": "The book"},
        "reviewRating": {"@type": "Rating", "alternateName": "True"},
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Thing", "name": "someone"}},
    }
    found = " ".join(review_errors(old))
    assert "requires url" in found
    assert "a CreativeWork where schema.org expects" in found
    assert "a Thing where schema.org expects" in found
    assert "longer than 75" in found


def test_every_public_claim_has_a_valid_review_with_its_own_url():
    graph = json.loads((DATA / claimreview.EXPORT_NAME).read_text(encoding="utf-8"))["@graph"]
    claims = takenover.load("claims")
    public = claims[claims["claimant_kind"] != "commenter"]
    assert len(graph) == len(public)
    assert [e for review in graph for e in review_errors(review)] == []
    urls = [review["url"] for review in graph]
    assert len(set(urls)) == len(urls)
    assert urls == [f"{claimreview.REGISTER_PAGE}.html#{c.lower()}" for c in public["claim_id"]]


def test_the_site_publishes_the_file_and_its_addresses_reach_register_rows(site_root):
    published = site_root / claimreview.EXPORT_NAME
    assert published.read_bytes() == (DATA / claimreview.EXPORT_NAME).read_bytes()
    pages: dict[str, str] = {}
    for review in json.loads(published.read_text(encoding="utf-8"))["@graph"]:
        page, row = review["url"].split("#")
        html = pages.setdefault(page, (site_root / page).read_text(encoding="utf-8"))
        assert f'<tr id="{row}"' in html, f"{review['url']} names no register row"


@pytest.mark.parametrize("page", toc_pages())
def test_a_page_embeds_the_reviews_of_the_rows_it_shows_once_each(page, site_root):
    html = (site_root / f"{page}.html").read_text(encoding="utf-8")
    rows = set(re.findall(r'<tr id="(cl-[a-z]\d+)"', html))
    reviews = embedded(html)
    urls = [r["url"] for r in reviews]
    assert len(urls) == len(set(urls)), f"{page}: a claim is embedded twice"
    assert {u.split("#")[1] for u in urls} <= rows, f"{page}: a review points at a row the page lacks"
    assert [e for r in reviews for e in review_errors(r)] == []
    if page == claimreview.REGISTER_PAGE:
        claims = takenover.load("claims")
        assert len(reviews) == int((claims["claimant_kind"] != "commenter").sum())
