""".zenodo.json: the deposit metadata Zenodo reads from a release, generated from metadata.yml.

Zenodo's GitHub integration reads this file from the repository root, and the release archive
carries a copy, so a deposit gets the title, creators, version, licences and related identifiers
without retyping them.
"""

from __future__ import annotations

import json

from ..core.metadata import author_names, full_title, metadata
from ..data.loader import load
from .edition import licence_text

# Zenodo names languages by ISO 639-3 code; metadata.yml uses ISO 639-1.
LANGUAGES = {"en": "eng"}


def _cited_urls() -> list[str]:
    """Web addresses of the primary texts and references the book cites, in table order."""
    urls = [*load("sources")["url"].dropna(), *load("references")["url"].dropna()]
    return list(dict.fromkeys(str(u) for u in urls))


def related_identifiers() -> list[dict[str, str]]:
    meta = metadata()
    related = []
    if meta.get("site_url"):
        related.append({"identifier": meta["site_url"], "relation": "isVariantFormOf", "scheme": "url"})
    if meta.get("repository_url"):
        related.append({"identifier": meta["repository_url"], "relation": "isSupplementedBy", "scheme": "url"})
    related += [{"identifier": url, "relation": "cites", "scheme": "url"} for url in _cited_urls()]
    return related


def zenodo_metadata() -> dict:
    meta = metadata()
    return {
        "upload_type": "publication",
        "publication_type": "book",
        "title": full_title(),
        "creators": [{"name": name} for name in author_names()],
        "description": f"<p>{meta['abstract']}</p>",
        "version": meta["version"],
        "publication_date": meta["released"].isoformat(),
        "language": LANGUAGES[meta["language"]],
        "access_right": "open",
        "license": meta["licence"]["prose_and_data"].lower(),
        "keywords": list(meta["keywords"]),
        "notes": f"Licences: {licence_text()}. The quoted primary texts remain the work of their authors.",
        "related_identifiers": related_identifiers(),
    }


def zenodo_json() -> str:
    return json.dumps(zenodo_metadata(), indent=2, ensure_ascii=False) + "\n"
