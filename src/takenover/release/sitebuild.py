"""Build the site and print its PDFs, doing only what changed, and put the result in place whole.

    python -m takenover.release.sitebuild            # `make site`: reuse what is still current
    python -m takenover.release.sitebuild --strict   # `make release`: from nothing

Every build goes into a new folder beside _build/html, with warnings as errors and every
cross-reference checked; only a build that passes, with every PDF printed or kept and its record
written, is swapped in for the old site (in one step, see core/atomic.py). A failed build leaves the
last good site as it was, and its half-written pages are deleted, so nothing can print or pack them.

What "only what changed" means (inputs.py): when neither the book's files nor what its notebooks run
on has changed, and the site is whole, there is nothing to do. When only the book's files changed,
Sphinx rereads only the changed pages and takes notebook outputs from the execution cache (keyed on
each notebook's code), and PDFs whose print would read the same files are kept (pdfreuse.py). When
the package or the data changed, every notebook runs again. Every page is written into the new folder
each time, so a page can never keep content from an older build. `--strict` clears every cache first,
runs every notebook and prints every PDF: the clean build the release is made from.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from ..core import atomic
from ..core.paths import REPO_ROOT
from . import buildrecord, inputs
from .pdf import print_edition

DEFAULT_BUILD = REPO_ROOT / "_build"
CONFIG = REPO_ROOT / "_config.yml"


@dataclass(frozen=True)
class Folders:
    """Where one build keeps its site and its caches: _build/ for `make site`, elsewhere for the tests."""

    build: Path

    @property
    def site(self) -> Path:
        return self.build / "html"

    @property
    def doctrees(self) -> Path:
        return self.build / ".doctrees"

    @property
    def execution_cache(self) -> Path:
        return self.build / ".jupyter_cache"

    @property
    def caches(self) -> list[Path]:
        return [self.doctrees, self.execution_cache, self.build / "jupyter_execute", self.build / "takenover-static"]


def run_sphinx(folders: Folders, outdir: Path, config: Path, fresh: bool, execution: str) -> bool:
    """The strict build (warnings are errors, nitpicky, keep going to report them all) into outdir."""
    from jupyter_book.sphinx import build_sphinx

    result = build_sphinx(
        REPO_ROOT,
        outdir,
        noconfig=True,
        path_config=str(config),
        confoverrides={
            "external_toc_path": str(REPO_ROOT / "_toc.yml"),
            "latex_individualpages": False,
            "nitpicky": True,
            "nb_execution_mode": execution,
            "nb_execution_cache_path": str(folders.execution_cache),
        },
        doctreedir=str(folders.doctrees),
        freshenv=fresh,
        warningiserror=True,
        keep_going=True,
    )
    return result == 0


def build(strict: bool = False, build_dir: Path = DEFAULT_BUILD, config: Path = CONFIG, execution: str = "") -> int:
    """Build the site into build_dir/html; 0 if it is now whole and current, 1 if the build failed."""
    started, folders = time.perf_counter(), Folders(build_dir)
    execution = execution or ("force" if strict else "cache")
    with atomic.locked(folders.build):
        atomic.recover(folders.site)
        made_from = {**inputs.current(), "config": inputs.digest([config.name], config.parent)}
        previous = None if strict else buildrecord.read(folders.site)
        if previous and previous.get("inputs") == made_from and not buildrecord.problems(folders.site):
            print(f"site: up to date, {time.perf_counter() - started:.1f} s")
            return 0
        fresh = strict or previous is None or previous["inputs"].get("run") != made_from["run"]
        # Notebook outputs are cached by their code alone: what they run on changed, so none is current.
        for cache in folders.caches if strict else folders.caches[:3] if fresh else []:
            shutil.rmtree(cache, ignore_errors=True)
        staging = atomic.staging_folder(folders.site)
        try:
            sphinx_started = time.perf_counter()
            if not run_sphinx(folders, staging, config, fresh, execution):
                # Sphinx saved what it read, warnings and all, and would not read those pages again, so
                # the next build could pass without seeing them: make it start afresh.
                shutil.rmtree(folders.doctrees, ignore_errors=True)
                print("site: the build failed (see above); the last good site is unchanged", file=sys.stderr)
                return 1
            print(f"site: Sphinx took {time.perf_counter() - sphinx_started:.1f} s")
            printing_started = time.perf_counter()
            printed = print_edition(staging, previous=(folders.site, previous["pdfs"]) if previous else None)
            print(f"site: the PDFs took {time.perf_counter() - printing_started:.1f} s")
            record = {
                "inputs": made_from,
                "mode": "strict" if strict else "incremental",
                "execution": execution,
                "pages": buildrecord.page_hashes(staging),
                "pdfs": {item.path: item.record for item in printed},
            }
            buildrecord.write(staging, record)
            problems = buildrecord.problems(staging)
            if problems:
                print("site: not swapped in:\n  " + "\n  ".join(problems), file=sys.stderr)
                return 1
            atomic.replace_folder(staging, folders.site)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    report(printed, record, fresh, time.perf_counter() - started)
    return 0


def report(printed: list, record: dict, fresh: bool, seconds: float) -> None:
    kept = sum(item.reused for item in printed)
    for item in printed:
        how = "kept" if item.reused else f"printed in {item.seconds:.1f} s"
        print(f"{item.path:<40} {item.pages:>4} pages {item.size:>10,} bytes  {how}")
    reread = "every page read" if fresh else "changed pages reread"
    pdfs = f"{len(printed) - kept} PDFs printed, {kept} kept"
    print(f"site: {len(record['pages'])} pages ({reread}), {pdfs}, {seconds:.1f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m takenover.release.sitebuild", description=__doc__.splitlines()[0])
    parser.add_argument("--strict", action="store_true", help="from nothing: no caches, every notebook and PDF")
    parser.add_argument("--build-dir", type=Path, default=DEFAULT_BUILD, help="where the site and caches go")
    parser.add_argument("--config", type=Path, default=CONFIG, help="the book's settings (default: _config.yml)")
    parser.add_argument(
        "--execution", choices=["force", "cache", "off"], default="", help="how notebooks run (off: stored outputs)"
    )
    args = parser.parse_args(argv)
    return build(args.strict, args.build_dir.resolve(), args.config.resolve(), args.execution)


if __name__ == "__main__":
    sys.exit(main())
