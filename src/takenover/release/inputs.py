"""What a build of the site is made from, as hashes of file contents (not times, which a checkout or
a copy changes): the book's own files, and what running its notebooks reads (the package and the data).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..core.paths import REPO_ROOT

# The pages themselves: prose, notebooks with their code, the table of contents, settings. A change here
# rereads the changed pages; a notebook reruns when its code changes, or when a file it declares it
# reads changes (site/rerun.py).
BOOK = ["_config.yml", "_toc.yml", "book"]
# What the notebooks and the site's extensions run on: a change here means every notebook reruns.
RUN = ["src/takenover", "data", "metadata.yml", "CITATION.cff", ".zenodo.json", "requirements.txt", "pyproject.toml"]
IGNORED_PARTS = {"__pycache__", ".ipynb_checkpoints"}


def files_under(paths: list[str], root: Path = REPO_ROOT) -> list[Path]:
    found = []
    for name in paths:
        target = root / name
        if target.is_file():
            found.append(target)
        elif target.is_dir():
            found += [p for p in target.rglob("*") if p.is_file() and not IGNORED_PARTS & set(p.parts)]
    return sorted(found)


def digest(paths: list[str], root: Path = REPO_ROOT) -> str:
    """One SHA-256 over the names and contents of every file under `paths`."""
    total = hashlib.sha256()
    for path in files_under(paths, root):
        total.update(path.relative_to(root).as_posix().encode() + b"\0")
        total.update(hashlib.sha256(path.read_bytes()).digest())
    return total.hexdigest()


def current(root: Path = REPO_ROOT) -> dict[str, str]:
    return {"book": digest(BOOK, root), "run": digest(RUN, root)}
