"""Export the assessed claims as schema.org ClaimReview records (JSON-LD).

ClaimReview is meant for public claims: commenters' statements are left out, since commenters are
private people. A claim's words appear only as the register's short excerpt, where it has one.
"""

from __future__ import annotations

import json

import pandas as pd

from ..core.metadata import author_names, full_title, metadata
from ..data.loader import load

REGISTER_PAGE = "book/register.html"  # where each claim has its row
# Properties a ClaimReview record must have to be usable by fact-check aggregators.
REQUIRED = ["@type", "claimReviewed", "datePublished", "author", "reviewRating", "itemReviewed"]
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


def claim_review(claim: dict, source: dict, excerpt: str | None) -> dict:
    meta = metadata()
    review = {
        "@type": "ClaimReview",
        "@id": f"#{claim['claim_id']}",
        "claimReviewed": claim["restatement"],
        "datePublished": meta["released"].isoformat(),
        "author": [{"@type": "Organization", "name": name} for name in author_names()],
        "publisher": {"@type": "CreativeWork", "name": full_title(), "version": meta["version"]},
        "reviewRating": {
            "@type": "Rating",
            "alternateName": f"{LIKELIHOOD_WORDS[claim['likelihood']]} ({STATUS_WORDS[claim['evidence_status']]})",
            "ratingExplanation": claim["verdict"],
        },
        "itemReviewed": {
            "@type": "Claim",
            **({"text": excerpt} if excerpt else {}),
            "author": {"@type": "Thing", "name": claim["claimant"]},
            "datePublished": source["published"].isoformat(),
            "appearance": {"@type": "CreativeWork", "url": source["url"], "headline": source["title"]},
        },
    }
    if meta.get("site_url"):
        review["url"] = f"{meta['site_url'].rstrip('/')}/{REGISTER_PAGE}#{claim['claim_id'].lower()}"
    return review


def _records(frame: pd.DataFrame) -> list[dict]:
    """Rows as plain dicts: missing values as None, dates as datetime.date."""
    frame = frame.astype(object).where(frame.notna(), None)
    return [
        {k: (v.date() if isinstance(v, pd.Timestamp) else v) for k, v in row.items()}
        for row in frame.to_dict("records")
    ]


def export() -> bytes:
    """Every public claim in the register as a ClaimReview, in one JSON-LD document."""
    sources = {s["source_id"]: s for s in _records(load("sources"))}
    excerpts = load("claim_excerpts").set_index("claim_id")["excerpt"].to_dict()
    public = [c for c in _records(load("claims")) if c["claimant_kind"] != "commenter"]
    graph = [claim_review(c, sources[c["source_id"]], excerpts.get(c["claim_id"])) for c in public]
    document = {"@context": "https://schema.org", "@graph": graph}
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
