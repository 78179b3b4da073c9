"""Make the versioned release archive from the built site and its PDFs.

    python -m takenover.release.archive                 # _build/html -> _build/release/
    python -m takenover.release.archive --site DIR --out DIR

The archive holds the site, the PDFs, the notebooks with their outputs, the Data Package,
CITATION.cff, .zenodo.json, the licences, the source files, a README on verifying and
rebuilding, and SHA256SUMS over all of them. It refuses to run when the version and dates
disagree (see checks.py), and the same commit gives the same bytes (see tarball.py).
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
from pathlib import Path

from ..cite.citation import book_reference, data_sha256
from ..cite.edition import edition_stem, licence_text, long_date, release_timestamp
from ..core import atomic
from ..core.metadata import full_title, metadata
from ..core.paths import DATA_DIR, DESCRIPTOR_PATH, REPO_ROOT
from ..data.loader import descriptor
from . import buildrecord, verify
from .checks import disagreements
from .sitemap import reading_order
from .tarball import Contents, sha256sums, tarball

DEFAULT_SITE = REPO_ROOT / "_build" / "html"
DEFAULT_OUT = REPO_ROOT / "_build" / "release"
TOP_FILES = ["CITATION.cff", ".zenodo.json", "LICENSE", "LICENSE-CONTENT.md"]


def _tree(folder: Path, under: str) -> Contents:
    """The files of a built site, without the record of the build that made it (that is for make)."""
    files = (p for p in sorted(folder.rglob("*")) if p.is_file() and p.name != buildrecord.RECORD)
    return {f"{under}/{p.relative_to(folder).as_posix()}": p for p in files}


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=REPO_ROOT, check=True, capture_output=True, text=True).stdout


def source_files() -> tuple[Contents, str]:
    """The repository's tracked files as they stand, and a line naming the commit they come from."""
    names = [n for n in _git("ls-files", "-z").split("\0") if n]
    commit = _git("rev-parse", "HEAD").strip()
    dirty = bool(_git("status", "--porcelain", "--untracked-files=no").strip())
    note = f"commit {commit}" + (" with uncommitted changes" if dirty else "")
    return {f"source/{n}": REPO_ROOT / n for n in names if (REPO_ROOT / n).is_file()}, note


def pdf_files(site: Path) -> Contents:
    """Every PDF the site links, under the names readers download them as."""
    stem, found = edition_stem(), {}
    for page in reading_order(site):
        if page.chapter_pdf:
            found[f"pdf/{stem}-{Path(page.chapter_pdf).stem}.pdf"] = site / page.chapter_pdf
        if page.book_pdf:
            found[f"pdf/{stem}.pdf"] = site / page.book_pdf
    missing = [str(path) for path in found.values() if not path.is_file()]
    if missing:
        raise SystemExit(f"the site links PDFs that are not there (run `make pdf`): {missing}")
    return found


def readme(stem: str, source_note: str) -> str:
    meta = metadata()
    return f"""# {full_title()}

Version {meta["version"]}, released {long_date(meta["released"])}. This archive is the book's
archival edition. Cite it as:

> {book_reference()}

## What is here

| path | what it is |
| --- | --- |
| `site/` | the website; open `site/index.html` in a browser, no network needed |
| `pdf/` | every chapter as a PDF (its first page carries its citation), and the whole book as `{stem}.pdf` |
| `notebooks/` | the chapters as Jupyter notebooks, with their outputs |
| `data/` | the dataset, a Frictionless Data Package; `datapackage.json` has SHA-256 `{data_sha256()}` |
| `source/` | the files of the book's repository ({source_note}), to rebuild all of this |
| `CITATION.cff`, `.zenodo.json` | citation metadata, and the metadata a Zenodo deposit reads |
| `LICENSE`, `LICENSE-CONTENT.md` | licences: {licence_text()}; the quoted primary texts remain their authors' |

## Verify

`SHA256SUMS` lists the SHA-256 of every other file. From this folder:

    sha256sum -c SHA256SUMS

Every line must end in `OK`. The archive's own SHA-256 is published beside it, in
`{stem}.tar.gz.sha256`.

## Rebuild

From `source/`, with Python 3.11 or later, GNU make and Debian's `chromium`:

    make release

This sets up a virtual environment, builds the site with every chapter rerun, prints the PDFs
and writes this archive again to `_build/release/`. With the same versions of the pinned
packages and of Chromium (the PDFs name it in their Producer field), the result is the same,
byte for byte.
"""


def contents(site: Path) -> tuple[Contents, str]:
    stem = edition_stem()
    source, note = source_files()
    found: Contents = {name: REPO_ROOT / name for name in TOP_FILES}
    found |= _tree(site, "site") | pdf_files(site) | source
    found |= {f"notebooks/{p.name}": p for p in sorted((REPO_ROOT / "book").glob("*.ipynb"))}
    found["data/datapackage.json"] = DESCRIPTOR_PATH
    found |= {f"data/{r['path']}": DATA_DIR / r["path"] for r in descriptor()["resources"]}
    found["README.md"] = readme(stem, note).encode("utf-8")
    found["SHA256SUMS"] = sha256sums(found)
    return found, stem


def site_problems(site: Path) -> list[str]:
    """The release is made only from a whole, strict build (`make release` runs one first)."""
    record = buildrecord.read(site)
    if record is not None and record.get("mode") != "strict":
        return [f"{site} is an incremental build; a release is made from a strict one (make release)"]
    return buildrecord.problems(site)


def make_release(site: Path, out: Path) -> Path:
    problems = disagreements() + site_problems(site)
    found, stem = contents(site) if not problems else ({}, "")
    problems += verify.problems(found, [r["name"] for r in descriptor()["resources"]]) if found else []
    if problems:
        raise SystemExit("not releasing:\n" + "\n".join(f"  - {p}" for p in problems))
    data = tarball(stem, found, int(release_timestamp().timestamp()))
    archive = out / f"{stem}.tar.gz"
    digest = hashlib.sha256(data).hexdigest()
    atomic.write_bytes(archive, data)
    atomic.write_text(out / f"{archive.name}.sha256", f"{digest}  {archive.name}\n")
    return archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m takenover.release.archive", description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=DEFAULT_SITE, help="the built site, with its PDFs")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the archive")
    args = parser.parse_args(argv)
    archive = make_release(args.site, args.out)
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    print(f"{archive}\n  {archive.stat().st_size:,} bytes, SHA-256 {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
