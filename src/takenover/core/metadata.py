"""The book's citation metadata, read from metadata.yml at the repository root."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import yaml

from .paths import IN_REPOSITORY, PACKAGE_DATA, REPO_ROOT

METADATA_PATH = REPO_ROOT / "metadata.yml" if IN_REPOSITORY else PACKAGE_DATA / "metadata.yml"
ADDRESSES = ("repository_url", "site_url")
ADDRESS = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]+)?(?:/[^\s\"'<>{}\\]*)?")


@lru_cache(maxsize=1)
def metadata() -> dict:
    data = yaml.safe_load(METADATA_PATH.read_text(encoding="utf-8"))
    required = ("title", "subtitle", "abstract", "keywords", "authors", "version", "released", "language", "licence")
    for key in (*required, "publisher"):
        if not data.get(key):
            raise ValueError(f"{METADATA_PATH.name}: {key} is missing")
    if not isinstance(data["released"], dt.date):
        raise ValueError(f"{METADATA_PATH.name}: released must be an ISO date")
    for key in ADDRESSES:  # they become links on every page and in every citation
        if data.get(key) and not ADDRESS.fullmatch(str(data[key])):
            raise ValueError(f"{METADATA_PATH.name}: {key} {data[key]!r} is not an absolute http(s) address")
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
