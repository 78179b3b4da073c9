"""Write generated files, each atomically, or, with `--check`, report those whose committed copy is stale."""

from __future__ import annotations

import sys
from pathlib import Path

from ..core import atomic
from ..core.paths import REPO_ROOT


def _shown(path: Path) -> str:
    return str(path.relative_to(REPO_ROOT)) if path.is_relative_to(REPO_ROOT) else str(path)


def write_or_check(files: dict[Path, bytes], check: bool, remedy: str) -> int:
    """Write each file (check=False), or name each one that differs from `files` and return 1."""
    stale = []
    for path, data in files.items():
        if check:
            if not path.is_file() or path.read_bytes() != data:
                stale.append(path)
        elif path.is_file() and path.read_bytes() == data:
            print(f"unchanged {_shown(path)}")  # left untouched, so make sees nothing new downstream
        else:
            atomic.write_bytes(path, data)
            print(f"wrote {_shown(path)}")
    for path in stale:
        print(f"stale: {_shown(path)}; run `{remedy}`", file=sys.stderr)
    return 1 if stale else 0
