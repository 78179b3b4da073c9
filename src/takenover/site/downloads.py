"""Sphinx extension: the downloads a reader needs to cite, reuse and rerun, written into the site's
`downloads/` folder, listed with sizes and SHA-256 on the downloads page, and linked from every
citable page's "Cite" box.

The files: the Data Package (descriptor and tables, zipped), the ClaimReview and STIX exports, each
chapter's notebook (its first cell saying how to install the package), the wheel of the package with
the data inside, the citation files, and SHA256SUMS over them all. Every file is written whole to a
temporary name and then renamed, and the same commit gives the same bytes.
"""

from __future__ import annotations

import hashlib
import html
import json
import zipfile
from pathlib import Path

from sphinx.application import Sphinx

from ..cite import claimreview, stix
from ..cite.citation import book_bibtex
from ..cite.wheel import FIXED_TIME, build_wheel, wheel_name
from ..cite.zenodo import zenodo_json, zenodo_record_json
from ..core import paths
from ..core.metadata import metadata
from .builders import builds_website
from .citation import DOWNLOADS_PAGE

DOWNLOADS = "downloads"
PAGE = DOWNLOADS_PAGE
LIST_MARK = '<div id="tk-downloads"></div>'
INSTALL_TAG = "remove-cell"


def install_line() -> str:
    return (
        f"To rerun this chapter outside the book's repository, first install its package and data: "
        f"`pip install {wheel_name()}` (from the book's Downloads page), then open it in Jupyter."
    )


def notebook_for_download(source: Path) -> bytes:
    """A chapter's notebook with a first cell saying, in one line, how to install what it needs."""
    notebook = json.loads(source.read_text(encoding="utf-8"))
    cell = {
        "cell_type": "markdown",
        "id": "install-takenover",
        "metadata": {"tags": [INSTALL_TAG]},
        "source": [install_line()],
    }
    notebook["cells"] = [cell, *[c for c in notebook["cells"] if c.get("id") != cell["id"]]]
    return (json.dumps(notebook, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def data_package_zip() -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        names = ["datapackage.json", *(f"clean/{p.name}" for p in sorted((paths.DATA_DIR / "clean").glob("*.csv")))]
        for name in names:
            entry = zipfile.ZipInfo(f"taken-over-data/{name}", FIXED_TIME)
            entry.external_attr = 0o644 << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, (paths.DATA_DIR / name).read_bytes())
    return buffer.getvalue()


def _write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(data)
    partial.replace(target)


def write_downloads(out: Path, notebooks: list[Path]) -> list[tuple[str, str]]:
    """Write every download into out; returns (file, what it is), in the order the page lists them."""
    version = metadata()["version"]
    listed: list[tuple[str, str]] = []

    def put(name: str, data: bytes, what: str) -> None:
        _write(out / name, data)
        listed.append((name, what))

    put(f"taken-over-data-{version}.zip", data_package_zip(), "The Data Package: its descriptor and every table")
    put("datapackage.json", paths.DESCRIPTOR_PATH.read_bytes(), "The Data Package's descriptor")
    put(claimreview.EXPORT_NAME, (paths.DATA_DIR / claimreview.EXPORT_NAME).read_bytes(), "ClaimReview (JSON-LD)")
    put(stix.EXPORT_NAME, (paths.DATA_DIR / stix.EXPORT_NAME).read_bytes(), "The episodes as a STIX 2.1 bundle")
    build_wheel(out)
    listed.append((wheel_name(), "The takenover package, with the data, to rerun the notebooks"))
    for notebook in notebooks:
        put(f"notebooks/{notebook.name}", notebook_for_download(notebook), "Notebook")
    put("CITATION.cff", (paths.REPO_ROOT / "CITATION.cff").read_bytes(), "Citation File Format")
    put("taken-over.bib", book_bibtex().encode("utf-8"), "BibTeX for the book")
    put("zenodo-record.json", zenodo_record_json().encode("utf-8"), "Zenodo deposit (records API)")
    put("zenodo.json", zenodo_json().encode("utf-8"), "Zenodo deposit (legacy format, as .zenodo.json)")
    sums = "".join(f"{hashlib.sha256((out / name).read_bytes()).hexdigest()}  {name}\n" for name, _ in listed)
    put("SHA256SUMS", sums.encode("utf-8"), "SHA-256 of every file above (check with `sha256sum -c SHA256SUMS`)")
    return listed


def _table(out: Path, listed: list[tuple[str, str]], prefix: str) -> str:
    rows = []
    for name, what in listed:
        data = (out / name).read_bytes()
        href = html.escape(f"{prefix}{DOWNLOADS}/{name}")
        rows.append(
            f'<tr><td><a href="{href}" download>{html.escape(name)}</a></td><td>{html.escape(what)}</td>'
            f"<td>{len(data):,}</td><td><code>{hashlib.sha256(data).hexdigest()}</code></td></tr>"
        )
    head = '<thead><tr><th scope="col">file</th><th scope="col">what it is</th><th scope="col">bytes</th>'
    head += '<th scope="col">SHA-256</th></tr></thead>'
    body = "".join(rows)
    return f'<table class="data-table tk-downloads"><caption>Downloads</caption>{head}<tbody>{body}</tbody></table>'


def _notebooks(app: Sphinx) -> list[Path]:
    docs = sorted(app.env.found_docs) if hasattr(app, "env") and app.env else []
    return [p for p in (Path(app.env.doc2path(d)) for d in docs) if p.suffix == ".ipynb"]


def _write_all(app: Sphinx, env, *args) -> None:
    if builds_website(app):
        app.tk_downloads = write_downloads(Path(app.outdir) / DOWNLOADS, _notebooks(app))


def _list(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if pagename == PAGE and LIST_MARK in context.get("body", "") and builds_website(app):
        prefix = context["pathto"]("", 1).rstrip("/")
        prefix = f"{prefix}/" if prefix and prefix != "#" else ""
        table = _table(Path(app.outdir) / DOWNLOADS, app.tk_downloads, prefix)
        context["body"] = context["body"].replace(LIST_MARK, table)


def setup(app: Sphinx) -> dict:
    app.connect("env-updated", _write_all)
    app.connect("html-page-context", _list)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
