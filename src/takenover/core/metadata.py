"""The book's citation metadata, read from metadata.yml at the repository root."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import yaml

from .paths import IN_REPOSITORY, PACKAGE_DATA, REPO_ROOT

METADATA_PATH = REPO_ROOT / "metadata.yml" if IN_REPOSITORY else PACKAGE_DATA / "metadata.yml"


@lru_cache(maxsize=1)
def metadata() -> dict:
    data = yaml.safe_load(METADATA_PATH.read_text(encoding="utf-8"))
    required = ("title", "subtitle", "abstract", "keywords", "authors", "version", "released", "language", "licence")
    for key in (*required, "publisher"):
        if not data.get(key):
            raise ValueError(f"{METADATA_PATH.name}: {key} is missing")
    if not isinstance(data["released"], dt.date):
        raise ValueError(f"{METADATA_PATH.name}: released must be an ISO date")
    return data


def full_title() -> str:
    meta = metadata()
    return f"{meta['title']}: {meta['subtitle']}"


def author_names() -> list[str]:
    return [a["name"] for a in metadata()["authors"]]


def site_url() -> str:
    """The book's public address with one trailing slash, or "" while it has none."""
    url = (metadata().get("site_url") or "").strip()
    return url.rstrip("/") + "/" if url else ""
