"""Anchor annotation quotes to character offsets in a raw text."""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import InputError
from .textnorm import clean, normalise


@dataclass(frozen=True)
class Anchor:
    """Where a quote sits: `raw[start:end]` is the verbatim raw span."""

    start: int
    end: int
    raw: str

    @property
    def text(self) -> str:
        return clean(self.raw)


@dataclass
class SourceText:
    """A raw text, with its normalised form kept for quote look-ups.

    Quotes are matched after normalisation, so an annotator may type straight
    quotes where the source has curly ones; offsets are still raw offsets.
    """

    source_id: str
    raw: str
    _norm: str = field(init=False, repr=False)
    _origin: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._norm, self._origin = normalise(self.raw)

    def occurrences(self, quote: str) -> list[int]:
        """Start positions (in normalised text) of every match of `quote`."""
        needle = clean(quote)
        hits, at = [], self._norm.find(needle)
        while needle and at != -1:
            hits.append(at)
            at = self._norm.find(needle, at + 1)
        return hits

    def anchor(self, quote: str, occurrence: int | None, *, file: str, row: int | str) -> Anchor:
        """Locate `quote`; stop with an error naming file and row if it is not unique."""
        needle = clean(quote or "")
        if not needle:
            raise InputError(file, "the quote is empty", row)
        hits = self.occurrences(needle)
        if not hits:
            raise InputError(file, f"quote not found in source {self.source_id!r}: {quote!r}", row)
        if occurrence is None:
            if len(hits) > 1:
                raise InputError(
                    file,
                    f"quote occurs {len(hits)} times in source {self.source_id!r}; "
                    f"add 'occurrence: N' to say which: {quote!r}",
                    row,
                )
            occurrence = 1
        if not 1 <= occurrence <= len(hits):
            raise InputError(
                file,
                f"occurrence {occurrence} asked for, but the quote occurs {len(hits)} time(s) "
                f"in source {self.source_id!r}: {quote!r}",
                row,
            )
        first = hits[occurrence - 1]
        start = self._origin[first]
        end = self._origin[first + len(needle) - 1] + 1
        return Anchor(start, end, self.raw[start:end])


def anchor_entries(entries: list[dict], texts: dict[str, SourceText], file: str) -> list[tuple[int, dict, Anchor]]:
    """Pair each annotation entry with the anchor of its quote, checking its source id first."""
    anchored = []
    for number, entry in enumerate(entries, start=1):
        source = entry["source"]
        if source not in texts:
            raise InputError(file, f"unknown source id {source!r} (known: {', '.join(sorted(texts))})", number)
        anchor = texts[source].anchor(str(entry["quote"]), entry.get("occurrence"), file=file, row=number)
        anchored.append((number, entry, anchor))
    return anchored
