"""Before a release: the version and date agree everywhere they are written down."""

from __future__ import annotations

import re

from ..cite.files import generated
from ..core.metadata import METADATA_PATH, metadata
from ..core.paths import REPO_ROOT
from ..data.loader import descriptor

CHANGELOG = REPO_ROOT / "book" / "changelog.md"
ENTRY = re.compile(r"^## (\S+) \((\d{4}-\d{2}-\d{2})\)", flags=re.M)


def changelog_top(text: str) -> tuple[str, str] | None:
    """The version and date of the latest entry (the first `## <version> (<date>)` heading)."""
    found = ENTRY.search(text)
    return (found.group(1), found.group(2)) if found else None


def disagreements() -> list[str]:
    """What stands in the way of releasing the version metadata.yml names; empty when all agree."""
    meta = metadata()
    version, released = meta["version"], meta["released"].isoformat()
    said = f"{METADATA_PATH.name} says {version} ({released})"
    problems = []
    top = changelog_top(CHANGELOG.read_text(encoding="utf-8"))
    if top is None:
        problems.append("book/changelog.md has no `## <version> (<date>)` entry")
    elif top != (version, released):
        problems.append(f"book/changelog.md's latest entry is {top[0]} ({top[1]}), but {said}")
    if descriptor().get("version") != version:
        problems.append(f"data/datapackage.json is version {descriptor().get('version')}, but {said}: run `make data`")
    for path, text in generated().items():
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            problems.append(f"{path.relative_to(REPO_ROOT)} is stale: run `make citation`")
    return problems
