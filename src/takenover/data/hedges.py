"""Find hedge markers in a claim's words, using the published lexicon."""

from __future__ import annotations

import re

from .textnorm import clean


def compile_lexicon(terms: list[str]) -> re.Pattern:
    """One pattern for all terms: whole words, case-insensitive, longest term first."""
    ordered = sorted({clean(t).lower() for t in terms}, key=lambda t: (-len(t), t))
    alternatives = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in ordered)
    return re.compile(rf"(?<![\w'])(?:{alternatives})(?![\w'])", re.IGNORECASE)


def find_hedges(text: str, pattern: re.Pattern) -> list[str]:
    """Markers in order of appearance, as lower-case lexicon terms; overlaps are not counted twice."""
    return [re.sub(r"\s+", " ", m.group(0).lower()) for m in pattern.finditer(clean(text))]
