"""Sphinx extension: reread and rerun a notebook whose outputs depend on other files, when those change.

Sphinx rereads a page when its own source changes, and the execution cache reruns a notebook only
when its code changes. A chapter whose outputs measure other pages (the licences chapter counts
what every page quotes) would keep stale numbers after an edit elsewhere. Such a notebook says what
it reads in its metadata, as globs from the repository root:

    "takenover": {"rerun_when": ["book/*.md", "book/*.ipynb"]}

and this extension keeps a hash of those files' contents. When the hash changes, the page is reread
and, in cache mode, its cached run is dropped, so it runs again. `make bench` compares an incremental
build with one from nothing, which shows any dependency a notebook failed to declare.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

ENV_KEY = "takenover_rerun_hashes"
logger = logging.getLogger(__name__)


def declared(path: Path) -> list[str] | None:
    """The globs a notebook's outputs depend on, from its metadata; None if it declares none."""
    if path.suffix != ".ipynb" or not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))["metadata"].get("takenover", {}).get("rerun_when")


def contents_hash(root: Path, globs: list[str]) -> str:
    digest = hashlib.sha256()
    for path in sorted({p for pattern in globs for p in root.glob(pattern) if p.is_file()}):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _forget_cached_run(app: Sphinx, path: Path) -> None:
    config = app.env.mystnb_config
    if config.execution_mode != "cache":
        return
    import nbformat
    from jupyter_cache import get_cache

    cache = get_cache(config.execution_cache_path)
    with contextlib.suppress(KeyError):  # never run with this code: it runs anyway
        cache.remove_cache(cache.match_cache_notebook(nbformat.read(path, as_version=4)).pk)


def _outdated(app: Sphinx, env, added, changed, removed) -> list[str]:
    hashes = getattr(env, ENV_KEY, {})
    stale = []
    for docname in sorted(env.found_docs - added - changed):
        path = Path(env.doc2path(docname))
        globs = declared(path)
        if globs and hashes.get(docname) != contents_hash(Path(app.srcdir), globs):
            logger.info("rerun: %s, because a file it reads has changed", docname)
            _forget_cached_run(app, path)
            stale.append(docname)
    return stale


def _hashes(env) -> dict[str, str]:
    if not hasattr(env, ENV_KEY):
        setattr(env, ENV_KEY, {})
    return getattr(env, ENV_KEY)


def _remember(app: Sphinx, doctree) -> None:
    docname = app.env.docname
    globs = declared(Path(app.env.doc2path(docname)))
    if globs:
        _hashes(app.env)[docname] = contents_hash(Path(app.srcdir), globs)
    else:
        _hashes(app.env).pop(docname, None)


def _merge(app: Sphinx, env, docnames, other) -> None:
    _hashes(env).update({d: h for d, h in _hashes(other).items() if d in docnames})


def setup(app: Sphinx) -> dict:
    app.connect("env-get-outdated", _outdated)
    app.connect("doctree-read", _remember)
    app.connect("env-merge-info", _merge)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
