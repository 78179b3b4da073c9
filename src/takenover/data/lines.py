"""Split a raw text into its non-blank lines, keeping raw offsets."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line number in the raw file
    indent: int  # leading spaces
    start: int  # raw offset of the first non-space character
    end: int  # raw offset just past the last non-space character
    content: str  # raw[start:end]


def nonblank_lines(raw: str) -> list[Line]:
    lines, offset = [], 0
    for number, text in enumerate(raw.split("\n"), start=1):
        stripped = text.strip()
        if stripped:
            lead = len(text) - len(text.lstrip())
            start = offset + lead
            end = start + len(stripped)
            lines.append(Line(number, lead, start, end, raw[start:end]))
        offset += len(text) + 1
    return lines
