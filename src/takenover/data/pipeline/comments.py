"""Stage: rebuild each comment thread, and mark the comments written by the blog's own author."""

from __future__ import annotations

from pathlib import Path

from ..anchors import SourceText, anchor_entries
from ..errors import InputError
from ..inputs.annotations import CommentAuthor
from ..inputs.read import read_entries
from ..lines import Line
from ..rawio import display_path
from ..textnorm import clean, words
from ..thread_parser import NUMBERED, find_header, parse_thread
from .state import Build

# (source id, line number) -> (comment id, role of the line, start offset of its text)
CommentLines = dict[tuple[str, int], tuple[str, str, int]]


def comments_and_threads(
    raw_dir: Path, sources: list[dict], texts: dict[str, SourceText], lines: dict[str, list[Line]], out: Build
) -> tuple[list[dict], list[dict], CommentLines]:
    comments, threads, comment_of_line = [], [], {}
    for source in sources:
        sid = source["source_id"]
        header_index = find_header(lines[sid])
        if header_index is None:
            continue
        file = f"data/raw/{source['raw_file']}"
        thread = parse_thread(lines[sid], header_index, file)
        for comment in thread.comments:
            for line in comment.paragraphs:
                comment_of_line[(sid, line.number)] = (comment.comment_id, "comment", line.start)
            if comment.likes_line:
                likes = comment.likes_line
                comment_of_line[(sid, likes.number)] = (comment.comment_id, "furniture", likes.start)
            comments.append(
                {
                    "comment_id": comment.comment_id,
                    "source_id": sid,
                    "parent_id": comment.parent_id,
                    "depth": comment.depth,
                    "thread_order": comment.thread_order,
                    "list_number": comment.list_number,
                    "captured": comment.captured,
                    "by_blog_author": False,
                    "author_basis": None,
                    "likes": comment.likes,
                    "paragraphs": len(comment.paragraphs),
                    "char_start": comment.char_start,
                    "words": sum(len(words(p.content)) for p in comment.paragraphs),
                    "char_end": comment.char_end,
                }
            )
        header = thread.header
        threads.append(
            {
                "source_id": sid,
                "stated_comment_count": thread.stated_count,
                "captured_comment_count": len(thread.captured),
                "placeholder_count": len(thread.comments) - len(thread.captured),
                "char_start": header.start,
                "char_end": header.end,
            }
        )
        numbered = sum(1 for line in lines[sid][header_index + 1 :] if NUMBERED.match(line.content))
        out.reconcile(f"comments of {sid}", numbered, len(thread.captured))

    path = raw_dir / "annotations" / "comment_authors.yml"
    file = display_path(path)
    entries = read_entries(path, CommentAuthor)
    for number, entry, anchor in anchor_entries(entries, texts, file):
        comment = comment_at(comments, entry["source"], anchor.start, anchor.end)
        if comment is None:
            raise InputError(file, f"the quote is not inside a captured comment: {entry['quote']!r}", number)
        comment["by_blog_author"] = True
        comment["author_basis"] = clean(entry["basis"])
    return comments, threads, comment_of_line


def comment_at(comments: list[dict], source_id: str, start: int, end: int) -> dict | None:
    """The captured comment that holds the span start:end, if any."""
    for comment in comments:
        if (
            comment["source_id"] == source_id
            and comment["captured"]
            and comment["char_start"] <= start
            and end <= comment["char_end"]
        ):
            return comment
    return None
