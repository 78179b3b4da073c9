"""The quotation budget: how much of each third-party text the site and the published data reproduce.

A word of a source counts as reproduced when it lies in a run of at least RUN_WORDS consecutive words
that appears, word for word, anywhere in what is published. Shorter fragments are the vocabulary of any
paraphrase and are not counted. Common phrases that happen to match count against the budget, so the
measure errs towards overstating. The denominator is the source's article text and comments; page
furniture (cookie notices, donation appeals) is left out. The search log's queries are not counted: they
are recorded as they were run, and a few quote the words they looked for; the licence tests cap each query,
like every other value in the data, at a few words of any source.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pandas as pd

from ..core import paths
from ..data.loader import load
from ..data.rawtexts import raw_text
from ..data.textnorm import words

RUN_WORDS = 4
LIMIT = 0.25  # of each source's words; the project allows at most 0.30
COMMENT_LIMIT = 0.05  # commenters are private people: far less of their words may appear
ATTRIBUTES = re.compile(r'\b(?:alt|aria-label|title|content)="([^"]*)"')


def source_words() -> dict[str, list[tuple[str, bool]]]:
    """Each source's words in order, marked True where they belong to a comment."""
    segments = load("segments")
    found: dict[str, list[tuple[str, bool]]] = {}
    for source_id, rows in segments[segments["role"] != "furniture"].groupby("source_id", sort=True):
        raw = raw_text(source_id)
        found[source_id] = [
            (w, row.role == "comment") for row in rows.itertuples() for w in words(raw[row.char_start : row.char_end])
        ]
    return found


def page_text(markup: str) -> str:
    """Everything a page delivers to a reader: its text, its alt text and labels, and embedded data."""
    labels = " ".join(ATTRIBUTES.findall(markup))
    markup = re.sub(r"<style\b.*?</style>", " ", markup, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", markup) + " " + labels)


def book_texts(book_dir: Path | None = None) -> list[str]:
    """What the chapters publish: every page's prose, every figure's caption and every stored output."""
    book_dir = book_dir or paths.REPO_ROOT / "book"
    texts = [p.read_text(encoding="utf-8") for p in sorted(book_dir.glob("*.md"))]
    for path in sorted(book_dir.glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "markdown":
                texts.append("".join(cell["source"]))
            caption = cell.get("metadata", {}).get("mystnb", {}).get("figure", {}).get("caption")
            if caption:
                texts.append(caption)
            for output in cell.get("outputs", []):
                for mime in ("text/html", "text/markdown", "text/plain"):
                    if mime in output.get("data", {}):
                        texts.append(page_text("".join(output["data"][mime])))
    return texts


def data_texts(data_dir: Path | None = None) -> list[str]:
    """What the published data contain: the clean tables, the descriptor and the exports (less the queries)."""
    data_dir = data_dir or paths.DATA_DIR
    texts = []
    for path in sorted((data_dir / "clean").glob("*.csv")):
        if path.stem == "searches":
            texts.append(pd.read_csv(path, dtype=str).drop(columns=["query"]).to_csv(index=False))
        else:
            texts.append(path.read_text(encoding="utf-8"))
    return texts + [p.read_text(encoding="utf-8") for p in sorted(data_dir.glob("*")) if p.is_file()]


def measure(published: list[str]) -> pd.DataFrame:
    """Per source: words, words reproduced, the share, the comments' share and the longest run of comment words."""
    grams = set()
    for text in published:
        tokens = words(text)
        grams.update(tuple(tokens[i : i + RUN_WORDS]) for i in range(len(tokens) - RUN_WORDS + 1))
    rows = []
    for source_id, tokens in source_words().items():
        flat = [w for w, _ in tokens]
        hit = [False] * len(flat)
        for i in range(len(flat) - RUN_WORDS + 1):
            if tuple(flat[i : i + RUN_WORDS]) in grams:
                hit[i : i + RUN_WORDS] = [True] * RUN_WORDS
        in_comment = [c for _, c in tokens]
        comment_hits = [h for h, c in zip(hit, in_comment, strict=True) if c]
        rows.append(
            {
                "source_id": source_id,
                "words": len(flat),
                "reproduced": sum(hit),
                "share": sum(hit) / len(flat),
                "comment_words": len(comment_hits),
                "comment_share": sum(comment_hits) / len(comment_hits) if comment_hits else 0.0,
                "longest_comment_run": _longest_run(hit, in_comment),
            }
        )
    return pd.DataFrame(rows)


def _longest_run(hit: list[bool], in_comment: list[bool]) -> int:
    best = run = 0
    for h, c in zip(hit, in_comment, strict=True):
        run = run + 1 if h and c else 0
        best = max(best, run)
    return best


def book_budget() -> pd.DataFrame:
    """The measure over the chapters and the published data, as the licences page reports it."""
    return measure(book_texts() + data_texts())
