"""How a claim's grade reads on the page: the likelihood first, then what it rests on and how firmly."""

from __future__ import annotations

from ..charts.style import label


def grade(status: str, likelihood: str, confidence: str) -> str:
    """A claim's grade as a reader sees it, e.g. "Likely (single source; low confidence)"."""
    answer = label(likelihood).capitalize() if likelihood != "not_assessable" else "Not assessable"
    return f"{answer} ({label(status)}; {confidence} confidence)"
