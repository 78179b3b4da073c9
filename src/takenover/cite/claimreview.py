"""The assessed public claims as schema.org ClaimReview records (JSON-LD), for fact-check aggregators.

ClaimReview is meant for public claims: commenters' statements are left out, since commenters are
private people. A claim's words appear only as the register's short excerpt, where it has one.
`claimReviewed` is the claim's summary, within Google's guidance of 75 characters.

Each record's `url` is the register row that reviews the claim. `export()` writes the file the site
publishes at its root, so without a site_url its addresses are relative to the root and resolve
there; `reviews_for_page()` gives the records a page embeds, addressed to its own rows.
"""

from __future__ import annotations

import json

import pandas as pd

from ..core.metadata import author_names, metadata
from ..data.loader import load
from .page_tags import absolute

REGISTER_PAGE = "book/register"  # the page whose register rows review every claim (ids "cl-u01", ...)
EXPORT_NAME = "claimreview.jsonld"
LIKELIHOOD_WORDS = {
    "almost_certain": "True",
    "likely": "Likely true",
    "even_chance": "Unproven",
    "unlikely": "Likely false",
    "not_assessable": "Not a checkable fact",
}
STATUS_WORDS = {
    "corroborated_independent": "corroborated independently",
    "corroborated_in_corpus": "corroborated only within the corpus",
    "single_source": "single source",
    "contradicted": "contradicted by the record",
    "not_checkable": "not checkable",
}


def row_id(claim_id: str) -> str:
    return claim_id.lower()


def _claim_author(claim: dict, source: dict) -> dict | None:
    """Who made the claim, typed as schema.org allows (Person or Organization); None if unnamed."""
    kind = claim["claimant_kind"]
    if kind == "author":
        if source.get("author"):
            return {"@type": "Person", "name": source["author"]}
        return {"@type": "Organization", "name": source["outlet"].split(" (")[0]}
    if kind == "named_person":
        return {"@type": "Person", "name": claim["claimant"].split(",")[0].strip()}
    if kind == "organisation":
        return {"@type": "Organization", "name": claim["claimant"].split(",")[0].strip()}
    return None  # an unnamed source or unspecified reports: no author is known


def claim_review(claim: dict, source: dict, excerpt: str | None, url: str) -> dict:
    meta = metadata()
    item = {
        "@type": "Claim",
        "datePublished": source["published"].isoformat(),
        "appearance": {"@type": "CreativeWork", "url": source["url"], "headline": source["title"]},
    }
    if excerpt:
        item["text"] = excerpt
    author = _claim_author(claim, source)
    if author:
        item["author"] = author
    return {
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim["summary"],
        "datePublished": meta["released"].isoformat(),
        "author": [{"@type": "Organization", "name": name} for name in author_names()],
        "publisher": {"@type": "Organization", "name": meta["publisher"]},
        "reviewRating": {
            "@type": "Rating",
            "alternateName": f"{LIKELIHOOD_WORDS[claim['likelihood']]} ({STATUS_WORDS[claim['evidence_status']]})",
            "ratingExplanation": claim["verdict"],
        },
        "itemReviewed": item,
    }


def _records(frame: pd.DataFrame) -> list[dict]:
    """Rows as plain dicts: missing values as None, dates as datetime.date."""
    frame = frame.astype(object).where(frame.notna(), None)
    return [
        {k: (v.date() if isinstance(v, pd.Timestamp) else v) for k, v in row.items()}
        for row in frame.to_dict("records")
    ]


def reviews(url_of) -> list[dict]:
    """A ClaimReview for every public claim, in register order; url_of(claim_id) gives its url."""
    sources = {s["source_id"]: s for s in _records(load("sources"))}
    excerpts = load("claim_excerpts").set_index("claim_id")["excerpt"].to_dict()
    public = [c for c in _records(load("claims")) if c["claimant_kind"] != "commenter"]
    return [
        claim_review(c, sources[c["source_id"]], excerpts.get(c["claim_id"]), url_of(c["claim_id"])) for c in public
    ]


def document(graph: list[dict]) -> str:
    return json.dumps({"@context": "https://schema.org", "@graph": graph}, indent=2, ensure_ascii=False) + "\n"


def export() -> bytes:
    """Every public claim's review, addressed to its row on the register page."""
    page = f"{REGISTER_PAGE}.html"
    return document(reviews(lambda claim_id: (absolute(page) or page) + f"#{row_id(claim_id)}")).encode("utf-8")


def reviews_for_page(pagename: str, row_ids: list[str]) -> list[dict]:
    """The reviews of the claims whose rows a page shows, each once, addressed to that row."""
    wanted = dict.fromkeys(row_ids)
    page = absolute(f"{pagename}.html")
    found = reviews(lambda claim_id: f"{page}#{row_id(claim_id)}")
    return [r for r in found if r["url"].rsplit("#", 1)[1] in wanted]
