"""Benchmark the build: how long `make site` takes when nothing changed and after a one-chapter prose
edit, and whether what it makes is the same, byte for byte, as a build from nothing.

Usage: python scripts/bench_build.py [--out _build/bench] [--skip-compare]

1. `make site` with nothing changed (the site must already be built; `make bench` builds it first).
2. One chapter's prose edited (a sentence added to its first text cell), then `make site`: that page is
   reread, every page written, that chapter's PDF and the whole book's printed again, the rest kept.
3. The edit undone, and `make site` again.
4. Unless --skip-compare: a strict build from nothing (`sitebuild --strict`, every notebook run) in a
   scratch folder, compared file by file with the site step 3 left; and two bare `jupyter-book build`s
   over one folder (stored outputs), the second compared with the first, which must match too.

Writes `build.md` (a table) and `build.json` under --out. Timings vary with the machine's load; the
CPU time (user + system, of make and everything it runs) is reported beside the wall-clock time.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
BIN = REPO / ".venv" / "bin"
RECORD = ".takenover-build.json"


def timed(command: list[str], **kwargs) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, **kwargs)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    summary = [line for line in result.stdout.splitlines() if line.startswith("site:")]
    return {"wall_s": round(wall, 1), "cpu_s": round(cpu, 1), "summary": summary[-1] if summary else ""}


def first_chapter_notebook() -> Path:
    toc = yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))
    for part in toc["parts"]:
        for chapter in part["chapters"]:
            notebook = REPO / f"{chapter['file']}.ipynb"
            if notebook.exists():
                return notebook
    raise SystemExit("no chapter notebook in _toc.yml")


def edit_prose(notebook: Path) -> None:
    """Add a sentence to the first text cell, as an author's prose edit would."""
    book = json.loads(notebook.read_text(encoding="utf-8"))
    cell = next(c for c in book["cells"] if c["cell_type"] == "markdown")
    cell["source"] = "".join(cell["source"]).rstrip("\n") + "\n\nA sentence added by the build benchmark.\n"
    notebook.write_text(json.dumps(book, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def differences(a: Path, b: Path) -> list[str]:
    """Files that differ or exist on one side only, the build record aside."""
    found = []
    names = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    names |= {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    for name in sorted(names - {RECORD}):
        if not ((a / name).is_file() and (b / name).is_file() and filecmp.cmp(a / name, b / name, shallow=False)):
            found.append(name)
    return found


def compare_with_strict(site: Path) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="bench-strict-") as scratch:
        build = Path(scratch) / "_build"
        timed([str(BIN / "python"), "-m", "takenover.release.sitebuild", "--strict", "--build-dir", str(build)])
        return differences(site, build / "html")


def compare_bare_rebuilds() -> list[str]:
    """Two bare jupyter-book builds over one folder: the second must equal the first (the `?v=` fix)."""
    with tempfile.TemporaryDirectory(prefix="bench-bare-") as scratch:
        config = yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))
        config["execute"]["execute_notebooks"] = "off"
        (Path(scratch) / "_config.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
        command = [str(BIN / "jupyter-book"), "build", str(REPO), "--config", f"{scratch}/_config.yml"]
        command += ["--path-output", scratch, "--all", "-W", "-n", "--keep-going"]
        timed(command)
        shutil.copytree(Path(scratch) / "_build" / "html", Path(scratch) / "first")
        timed(command)
        return differences(Path(scratch) / "first", Path(scratch) / "_build" / "html")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "_build" / "bench")
    parser.add_argument("--skip-compare", action="store_true", help="only the timings")
    args = parser.parse_args()
    make = ["make", "--no-print-directory", "site"]
    env = {**os.environ}
    notebook = first_chapter_notebook()
    original = notebook.read_bytes()
    results = {"chapter": notebook.relative_to(REPO).as_posix(), "no_change": timed(make, env=env)}
    try:
        edit_prose(notebook)
        results["one_chapter_edit"] = timed(make, env=env)
    finally:
        notebook.write_bytes(original)
    results["edit_undone"] = timed(make, env=env)
    if not args.skip_compare:
        results["differs_from_strict_build"] = compare_with_strict(REPO / "_build" / "html")
        results["bare_rebuild_differs_from_first_build"] = compare_bare_rebuilds()
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "build.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    lines = ["| `make site` | wall (s) | CPU (s) | what it did |", "| --- | ---: | ---: | --- |"]
    for key in ("no_change", "one_chapter_edit", "edit_undone"):
        item = results[key]
        lines.append(f"| {key.replace('_', ' ')} | {item['wall_s']} | {item['cpu_s']} | {item['summary']} |")
    for key in ("differs_from_strict_build", "bare_rebuild_differs_from_first_build"):
        if key in results:
            lines.append(f"\n{key.replace('_', ' ')}: {', '.join(results[key]) or 'nothing (identical)'}")
    (args.out / "build.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return (
        1 if any(results.get(k) for k in ("differs_from_strict_build", "bare_rebuild_differs_from_first_build")) else 0
    )


if __name__ == "__main__":
    sys.exit(main())
