"""Small, precise edits to a scratch copy of data/raw, for the bad-input tests.

Each helper fails loudly when the text it looks for is gone, so a case never passes because
its damage silently did nothing.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture is stale: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def replace_bytes(path: Path, old: bytes, new: bytes) -> None:
    data = path.read_bytes()
    assert old in data, f"fixture is stale: {old!r} not in {path.name}"
    path.write_bytes(data.replace(old, new, 1))


def set_recorded_hash(raw: Path, raw_file: str) -> None:
    """Make sources.csv agree with a deliberately edited text, so later checks are reached."""
    table = raw / "sources.csv"
    lines = table.read_text(encoding="utf-8").split("\n")
    for i, line in enumerate(lines):
        if f",{raw_file}," in line:
            old = line.split(f",{raw_file},")[1].split(",")[0]
            new = hashlib.sha256((raw / raw_file).read_bytes()).hexdigest()
            lines[i] = line.replace(old, new)
    table.write_text("\n".join(lines), encoding="utf-8")


def entry_block(text: str, start_marker: str) -> tuple[int, int]:
    """Start and end offsets of the top-level YAML list entry that starts with `start_marker`."""
    start = text.index(start_marker)
    end = text.find("\n- ", start + 1)
    return start, len(text) if end == -1 else end + 1


def set_key(path: Path, start_marker: str, key: str, value: str | None) -> None:
    """Set one key of one YAML entry (value is YAML), replacing any old value and its folded lines; with
    None, remove the key."""
    text = path.read_text(encoding="utf-8")
    start, end = entry_block(text, start_marker)
    block, line = text[start:end], "" if value is None else f"  {key}: {value}\n"
    if re.search(rf"^  {key}:", block, flags=re.M):
        block = re.sub(rf"^  {key}:.*\n(?:    .*\n)*", lambda _: line, block, count=1, flags=re.M)
    elif value is not None:
        block = block.rstrip("\n") + "\n" + line
    path.write_text(text[:start] + block + text[end:], encoding="utf-8")


def add_line(path: Path, start_marker: str, line: str) -> None:
    """Add one raw line at the end of a YAML entry."""
    text = path.read_text(encoding="utf-8")
    start, end = entry_block(text, start_marker)
    block = text[start:end].rstrip("\n") + "\n" + line + "\n"
    path.write_text(text[:start] + block + text[end:], encoding="utf-8")


def set_claim_key(raw: Path, claim_id: str, key: str, value: str) -> None:
    set_key(raw / "annotations/claims.yml", f"- id: {claim_id}\n", key, value)


def entry_row(path: Path, marker: str) -> int:
    """The 1-based number of the top-level YAML entry holding `marker`, as error messages count."""
    text = path.read_text(encoding="utf-8")
    at = text.index(marker)
    return len(re.findall(r"^- ", text[: at + 2], flags=re.M))


def claim_row(raw: Path, claim_id: str) -> int:
    return entry_row(raw / "annotations/claims.yml", f"- id: {claim_id}\n")
