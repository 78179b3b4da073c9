"""Zenodo deposit metadata, generated from metadata.yml, in Zenodo's two formats.

- `.zenodo.json` (legacy format): Zenodo's GitHub integration reads it from the repository root.
  That path parses every creator's `name` as a person's ("Family, Given"), so it cannot record a
  collective as one; use it only if a person-shaped creator is acceptable.
- `zenodo-record.json` (the current records API's format, offered on the downloads page): the
  creator as an organisation, the resource type a book, the publisher, and related identifiers
  to the site and the repository once metadata.yml names them. Deposit with this one.
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


def _notes() -> str:
    return f"Licences: {licence_text()}. The quoted primary texts remain the work of their authors."


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
        "notes": _notes(),
        "related_identifiers": related_identifiers(),
    }


def zenodo_record() -> dict:
    """The deposit as Zenodo's records API takes it: {"metadata": {...}}."""
    meta = metadata()
    related = [
        {"identifier": r["identifier"], "scheme": "url", "relation_type": {"id": r["relation"].lower()}}
        for r in related_identifiers()
    ]
    return {
        "metadata": {
            "resource_type": {"id": "publication-book"},
            "title": full_title(),
            "creators": [{"person_or_org": {"type": "organizational", "name": name}} for name in author_names()],
            "publisher": meta["publisher"],
            "publication_date": meta["released"].isoformat(),
            "version": meta["version"],
            "description": f"<p>{meta['abstract']}</p>",
            "languages": [{"id": LANGUAGES[meta["language"]]}],
            "rights": [{"id": meta["licence"]["prose_and_data"].lower()}],
            "subjects": [{"subject": k} for k in meta["keywords"]],
            "additional_descriptions": [
                {
                    "description": _notes(),
                    "type": {"id": "notes"},
                }
            ],
            "related_identifiers": related,
        }
    }


def zenodo_json() -> str:
    return json.dumps(zenodo_metadata(), indent=2, ensure_ascii=False) + "\n"


def zenodo_record_json() -> str:
    return json.dumps(zenodo_record(), indent=2, ensure_ascii=False) + "\n"
