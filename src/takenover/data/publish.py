"""Put a rendered Data Package in place so that data/ always holds a whole dataset, old or new.

The tables are staged in a folder beside clean/, the descriptor in a temporary file beside
datapackage.json, both flushed to disk. Then clean/ is exchanged with the staged folder in one step
(there is never a moment without data/clean), and the descriptor is renamed into place. A run killed
after the exchange leaves the new tables with the old descriptor and the new descriptor staged beside
it; the next run finishes the job (the staged descriptor describes the tables now in clean/) before
doing its own. Anything else a killed run left is removed. Runs hold a lock on the data folder, so two
at once cannot interleave.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from ..core import atomic

CLEAN = "clean"
DESCRIPTOR = "datapackage.json"
LEGACY_STAGING = ".staging-"  # what earlier versions called their staging folders


def _describes(descriptor: Path, clean: Path) -> bool:
    """Whether a (staged) descriptor parses and every table it names is in `clean` with its hash."""
    try:
        resources = json.loads(descriptor.read_text(encoding="utf-8"))["resources"]
        return all(
            "sha256:" + hashlib.sha256((clean.parent / r["path"]).read_bytes()).hexdigest() == r["hash"]
            for r in resources
        )
    except (OSError, ValueError, KeyError, TypeError):
        return False


def _same(files: dict[str, bytes], out_dir: Path, clean: Path) -> bool:
    """Whether out_dir already holds exactly `files` and nothing else in clean/."""
    present = {p.relative_to(out_dir).as_posix() for p in clean.rglob("*") if p.is_file()} if clean.is_dir() else set()
    if present != {rel for rel in files if rel.startswith(f"{CLEAN}/")}:
        return False
    return all((out_dir / rel).is_file() and (out_dir / rel).read_bytes() == data for rel, data in files.items())


def finish_interrupted(out_dir: Path) -> None:
    """Complete or undo what a killed run left in out_dir, then remove its leftovers."""
    clean, descriptor = out_dir / CLEAN, out_dir / DESCRIPTOR
    atomic.recover(clean)
    staged = sorted(out_dir.glob(f".{DESCRIPTOR}{atomic.PARTIAL}*"))
    for candidate in staged:
        if candidate.is_file() and _describes(candidate, clean) and not _describes(descriptor, clean):
            candidate.replace(descriptor)
    atomic.remove_partials(descriptor)
    for leftover in out_dir.glob(f"{LEGACY_STAGING}*"):
        shutil.rmtree(leftover, ignore_errors=True)


def publish(files: dict[str, bytes], out_dir: Path) -> None:
    """Write `files` (paths relative to out_dir: clean/*.csv and the descriptor) as one change."""
    with atomic.locked(out_dir):
        finish_interrupted(out_dir)
        clean, descriptor = out_dir / CLEAN, out_dir / DESCRIPTOR
        if _same(files, out_dir, clean):
            return  # nothing changed: leave the files (and their times, which make reads) alone
        staging = atomic.staging_folder(clean)
        for rel, data in files.items():
            if rel.startswith(f"{CLEAN}/"):
                atomic.write_bytes(staging / rel.removeprefix(f"{CLEAN}/"), data)
        staged_descriptor = descriptor.with_name(f".{DESCRIPTOR}{atomic.PARTIAL}{staging.name[-8:]}")
        atomic.write_bytes(staged_descriptor, files[DESCRIPTOR])
        atomic.replace_folder(staging, clean)
        staged_descriptor.replace(descriptor)
