"""Rebuild a WordPress comment thread from the indentation of a plain-text capture.

In the capture, a comment starts with its list number ("1. ") indented two
spaces per level (two for top level, four for a reply, ...). Its further
paragraphs and its "Liked by N people" line sit two spaces deeper than the
number. Anything else is an error, so a damaged capture cannot be misread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import InputError
from .lines import Line
from .textnorm import clean

HEADER = re.compile(r"^(\d+) (?:thoughts?|comments?|responses?) on\b")
NUMBERED = re.compile(r"^(\d+)\.\s+")
LIKES = re.compile(r"^Liked by (\d+|one) (?:people|person)$")
INDENT_BASE = 2
INDENT_STEP = 2
PLACEHOLDER_ID = "C0"


@dataclass
class Comment:
    comment_id: str
    depth: int
    thread_order: int
    parent_id: str | None = None
    list_number: int | None = None
    captured: bool = True
    likes: int | None = None
    paragraphs: list[Line] = field(default_factory=list)
    likes_line: Line | None = None

    @property
    def char_start(self) -> int | None:
        return self.paragraphs[0].start if self.paragraphs else None

    @property
    def char_end(self) -> int | None:
        return self.paragraphs[-1].end if self.paragraphs else None

    @property
    def text(self) -> str | None:
        return "\n\n".join(clean(p.content) for p in self.paragraphs) if self.paragraphs else None


@dataclass
class Thread:
    header: Line
    stated_count: int
    comments: list[Comment]

    @property
    def captured(self) -> list[Comment]:
        return [c for c in self.comments if c.captured]


def find_header(lines: list[Line]) -> int | None:
    """Index of the comment header line, if the text has one."""
    hits = [i for i, line in enumerate(lines) if HEADER.match(clean(line.content))]
    return hits[0] if hits else None


def parse_thread(lines: list[Line], header_index: int, file: str) -> Thread:
    """Build the comment tree from the lines after the header."""
    header = lines[header_index]
    stated = int(HEADER.match(clean(header.content)).group(1))
    comments: list[Comment] = []
    open_at_depth: dict[int, Comment] = {}
    current: Comment | None = None

    for line in lines[header_index + 1 :]:
        numbered = NUMBERED.match(line.content)
        if numbered:
            depth = _depth(line, file)
            if depth < 0:
                raise InputError(file, "comment is indented less than a top-level comment", f"line {line.number}")
            if current is None and depth > 0:
                if depth > 1:
                    raise InputError(
                        file,
                        f"the first comment is at depth {depth}; only one missing parent level can be inferred",
                        f"line {line.number}",
                    )
                placeholder = Comment(PLACEHOLDER_ID, 0, 0, captured=False)
                comments.append(placeholder)
                open_at_depth[0] = placeholder
            elif current is not None and depth > current.depth + 1:
                raise InputError(
                    file, f"indentation skips a level (depth {current.depth} to {depth})", f"line {line.number}"
                )
            parent = open_at_depth.get(depth - 1) if depth > 0 else None
            order = sum(1 for c in comments if c.captured) + 1
            current = Comment(f"C{order}", depth, order, parent.comment_id if parent else None, int(numbered.group(1)))
            current.paragraphs.append(_after_number(line, numbered))
            comments.append(current)
            open_at_depth[depth] = current
            for deeper in [d for d in open_at_depth if d > depth]:
                del open_at_depth[deeper]
            continue

        if current is None:
            raise InputError(
                file, "text after the comment header that is not a numbered comment", f"line {line.number}"
            )
        expected = INDENT_BASE + INDENT_STEP * current.depth + INDENT_STEP
        if line.indent != expected:
            raise InputError(
                file,
                f"line indented {line.indent} spaces; a paragraph of comment "
                f"{current.comment_id} should be indented {expected}",
                f"line {line.number}",
            )
        likes = LIKES.match(clean(line.content))
        if likes:
            if current.likes_line is not None:
                raise InputError(
                    file, f"a second 'Liked by' line for comment {current.comment_id}", f"line {line.number}"
                )
            current.likes = 1 if likes.group(1) == "one" else int(likes.group(1))
            current.likes_line = line
        elif current.likes_line is not None:
            raise InputError(
                file, f"comment {current.comment_id} continues after its 'Liked by' line", f"line {line.number}"
            )
        else:
            current.paragraphs.append(line)
    return Thread(header, stated, comments)


def _depth(line: Line, file: str) -> int:
    offset = line.indent - INDENT_BASE
    if offset % INDENT_STEP:
        raise InputError(
            file, f"comment indented {line.indent} spaces, which is not a thread level", f"line {line.number}"
        )
    return offset // INDENT_STEP


def _after_number(line: Line, match: re.Match) -> Line:
    skip = match.end()
    return Line(line.number, line.indent, line.start + skip, line.end, line.content[skip:])
