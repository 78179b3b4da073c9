"""Stage: the sources table, and the raw texts it points to, checked against their SHA-256."""

from __future__ import annotations

from pathlib import Path

from ..anchors import SourceText
from ..errors import InputError
from ..rawio import check_unique, display_path, parse_date, read_csv, read_utf8, sha256_of
from .state import Build

SOURCE_COLUMNS = [
    "source_id",
    "label",
    "title",
    "outlet",
    "author",
    "published",
    "date_basis",
    "url",
    "raw_file",
    "sha256",
    "notes",
]


def sources_and_texts(raw_dir: Path, out: Build) -> tuple[list[dict], dict[str, SourceText]]:
    path = raw_dir / "sources.csv"
    name = display_path(path)
    rows = read_csv(path, SOURCE_COLUMNS)
    check_unique(rows, "source_id", name)
    texts = {}
    for number, row in enumerate(rows, start=1):
        text_path = raw_dir / row["raw_file"]
        if not text_path.resolve().is_relative_to((raw_dir / "texts").resolve()):
            raise InputError(name, f"raw file {row['raw_file']!r} is not in the texts/ folder", number)
        if not text_path.is_file():
            raise InputError(name, f"raw file {row['raw_file']!r} does not exist", number)
        actual = sha256_of(text_path)
        if actual != row["sha256"]:
            raise InputError(
                name,
                f"SHA-256 of {row['raw_file']} is {actual}, but the table records "
                f"{row['sha256']}; the raw text has changed",
                number,
            )
        texts[row["source_id"]] = SourceText(row["source_id"], read_utf8(text_path))
        row["published"] = parse_date(row["published"], name, number)
        row["author"] = row["author"] or None
        row["notes"] = row["notes"] or None
        row["_origin"] = (name, number)
    out.reconcile("sources", len(rows), len(texts))
    return rows, texts
