"""Stage: the comment codebook, both coders' codes for every captured comment, and VADER's scores.

The scores are computed here, from the raw text, because only the pipeline reads the texts; what it
keeps are numbers, never the words.
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from ..anchors import SourceText
from ..errors import InputError
from ..inputs.annotations import CommentCoding
from ..inputs.documents import CommentCodebook
from ..inputs.read import read_document, read_entries
from ..rawio import display_path
from ..schema.discourse import CODERS, COMMENT_DIMENSIONS
from ..textnorm import clean
from .state import Build

VADER_PACKAGE = "vaderSentiment"
POSITIVE_FROM, NEGATIVE_FROM = 0.05, -0.05  # VADER's documented cut-offs for its compound score


def comment_codebook(path: Path, out: Build) -> list[dict]:
    file = display_path(path)
    book = read_document(path, CommentCodebook)
    comments = {c["comment_id"] for c in out.tables["comments"] if c["captured"]}
    rows = []
    for dimension in book["dimensions"]:
        if dimension["name"] not in COMMENT_DIMENSIONS:
            raise InputError(file, f"unknown dimension {dimension['name']!r}")
        for number, entry in enumerate(dimension["codes"], start=1):
            example = entry.get("example") or {}
            if example and example["comment"] not in comments:
                raise InputError(
                    file, f"{dimension['name']}: example {example['comment']} is not a captured comment", number
                )
            rows.append(
                {
                    "dimension": dimension["name"],
                    "code": entry["code"],
                    "several": bool(dimension["several"]),
                    "definition": clean(entry["definition"]),
                    "rule": clean(entry["rule"]),
                    "example_comment_id": example.get("comment"),
                    "example_paraphrase": example.get("paraphrase"),
                    "_origin": (file, number),
                }
            )
    return rows


def comment_codings(path: Path, out: Build) -> list[dict]:
    """Every captured comment coded on every dimension by each coder, with known codes only."""
    file = display_path(path)
    entries = read_entries(path, CommentCoding)
    codes = {(c["dimension"], c["code"]) for c in out.tables["comment_codes"]}
    several = {c["dimension"]: c["several"] for c in out.tables["comment_codes"]}
    captured = {c["comment_id"] for c in out.tables["comments"] if c["captured"]}
    seen, rows = set(), []
    for number, entry in enumerate(entries, start=1):
        coder, comment = entry["coder"], entry["comment"]
        if coder not in CODERS:
            raise InputError(file, f"unknown coder {coder!r} (known: {', '.join(CODERS)})", number)
        if comment not in captured:
            raise InputError(file, f"{comment!r} is not a captured comment", number)
        if (coder, comment) in seen:
            raise InputError(file, f"{comment} is coded twice by the {coder} coder", number)
        seen.add((coder, comment))
        for dimension in COMMENT_DIMENSIONS:
            given = entry[dimension] if isinstance(entry[dimension], list) else [entry[dimension]]
            if not given or (not several[dimension] and len(given) != 1):
                raise InputError(
                    file, f"{dimension} takes {'one or more codes' if several[dimension] else 'one code'}", number
                )
            if "none" in given and len(given) > 1:
                raise InputError(file, f"{dimension}: 'none' cannot go with other codes", number)
            for code in given:
                if (dimension, code) not in codes:
                    raise InputError(file, f"unknown {dimension} code {code!r}", number)
                rows.append(
                    {
                        "coder": coder,
                        "comment_id": comment,
                        "dimension": dimension,
                        "code": code,
                        "_origin": (file, number),
                    }
                )
    missing = sorted((c, m) for c in CODERS for m in captured if (c, m) not in seen)
    if missing:
        raise InputError(file, f"not every captured comment is coded by both coders: missing {missing}")
    out.reconcile(file, len(entries), len(seen))
    return rows


def comment_sentiment(texts: dict[str, SourceText], out: Build) -> list[dict]:
    analyser = SentimentIntensityAnalyzer()
    lexicon = f"{VADER_PACKAGE} {version(VADER_PACKAGE)}"
    rows = []
    for comment in out.tables["comments"]:
        if not comment["captured"]:
            continue
        words = clean(texts[comment["source_id"]].raw[comment["char_start"] : comment["char_end"]])
        scores = analyser.polarity_scores(words)
        compound = scores["compound"]
        polarity = "positive" if compound >= POSITIVE_FROM else "negative" if compound <= NEGATIVE_FROM else "neutral"
        rows.append(
            {
                "comment_id": comment["comment_id"],
                "compound": compound,
                "positive": scores["pos"],
                "neutral": scores["neu"],
                "negative": scores["neg"],
                "polarity": polarity,
                "lexicon": lexicon,
            }
        )
    out.reconcile("comment sentiment", sum(1 for c in out.tables["comments"] if c["captured"]), len(rows))
    return rows
