"""Command line of the pipeline.

    python -m takenover.data.pipeline            # rebuild the committed data
    python -m takenover.data.pipeline --check    # fail if the committed data are stale

Files are written only when every input has passed, so bad input never leaves half a dataset behind.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ...core import paths
from ..errors import InputError
from ..package import read_committed, write_package
from .run import build


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m takenover.data.pipeline",
        description="Build data/clean/ and data/datapackage.json from data/raw/.",
    )
    parser.add_argument("--raw", type=Path, default=paths.RAW_DIR, help="folder of raw inputs (default: data/raw)")
    parser.add_argument(
        "--out",
        type=Path,
        default=paths.DATA_DIR,
        help="folder to write clean/ and datapackage.json into (default: data)",
    )
    parser.add_argument("--check", action="store_true", help="rebuild in memory and fail if --out differs")
    args = parser.parse_args(argv)
    try:
        result = build(args.raw)
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    if args.check:
        stale = read_committed(result.tables, args.out)
        for name in stale:
            print(f"stale: {name} differs from what the pipeline makes; run `make data`", file=sys.stderr)
        return 1 if stale else 0
    write_package(result.tables, args.out)
    for name, rows in result.tables.items():
        print(f"{name:22} {len(rows):5} rows")
    print(f"{len(result.reconciliation)} row counts reconciled from raw input to clean tables")
    return 0
