"""Every file under data/raw/ is read by some stage, or the pipeline refuses it.

An annotation file nothing reads looks like data but changes nothing, which is worse than an error:
a misspelled file name, a file left from an old layout, or a text no source row names. Only the
folders' README.md files are documentation, not input.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..rawio import display_path

DOCUMENTATION = {"README.md"}


def refuse_unread(raw_dir: Path, read: set[Path]) -> None:
    """Stop at the first file under raw_dir that no stage read (`read` holds resolved paths)."""
    for path in sorted(p for p in raw_dir.rglob("*") if p.is_file()):
        if path.name not in DOCUMENTATION and path.resolve() not in read:
            raise InputError(
                display_path(path),
                "no stage of the pipeline reads this file; remove it, or add a stage that reads it "
                "(see ARCHITECTURE.md, 'To add a table')",
            )
