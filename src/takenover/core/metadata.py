"""The book's citation metadata, read from metadata.yml at the repository root."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import yaml

from .paths import REPO_ROOT

METADATA_PATH = REPO_ROOT / "metadata.yml"


@lru_cache(maxsize=1)
def metadata() -> dict:
    data = yaml.safe_load(METADATA_PATH.read_text(encoding="utf-8"))
    for key in ("title", "subtitle", "abstract", "keywords", "authors", "version", "released", "language", "licence"):
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
