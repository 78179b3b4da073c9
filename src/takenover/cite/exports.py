"""Write the exports for other tools into data/, from the clean tables.

    python -m takenover.cite.exports            # write them
    python -m takenover.cite.exports --check    # fail if the committed ones are stale

The pipeline builds the tables; the exports are views of them in other vocabularies,
so they are made here, after the tables, and never by the pipeline itself.
"""

from __future__ import annotations

import argparse
import sys

from ..core import paths
from . import claimreview, stix
from .generated import write_or_check

EXPORTS = {claimreview.EXPORT_NAME: claimreview.export, stix.EXPORT_NAME: stix.export}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m takenover.cite.exports", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a committed export differs")
    args = parser.parse_args(argv)
    return write_or_check({paths.DATA_DIR / name: make() for name, make in EXPORTS.items()}, args.check, "make data")


if __name__ == "__main__":
    sys.exit(main())
