"""Text normalisation that remembers where every character came from.

Clean tables hold normalised text, but offsets must always point into the raw
bytes. `normalise` therefore returns, for each output character, the index of
the raw character it was made from.
"""

from __future__ import annotations

import re

# Typographic characters and their plain equivalents.
_REPLACEMENTS = {
    "\u00a0": " ",  # no-break space
    "\u202f": " ",  # narrow no-break space
    "\u2009": " ",  # thin space
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2032": "'",
    "\u2026": "...",  # ellipsis
}
_WHITESPACE = re.compile(r"\s")


def normalise(raw: str) -> tuple[str, list[int]]:
    """Return the normalised text and, per output character, its raw index.

    Quotes, no-break spaces and ellipses become plain ASCII; any run of
    whitespace becomes one space; the result is stripped. Dashes are kept,
    because an en dash and a hyphen mean different things.
    """
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(raw):
        plain = _REPLACEMENTS.get(char, char)
        if _WHITESPACE.fullmatch(plain):
            if chars and chars[-1] == " ":
                continue
            plain = " "
        for out in plain:
            chars.append(out)
            origin.append(index)
    while chars and chars[-1] == " ":
        chars.pop()
        origin.pop()
    start = 0
    while start < len(chars) and chars[start] == " ":
        start += 1
    return "".join(chars[start:]), origin[start:]


_TRANSLATION = str.maketrans(_REPLACEMENTS)
_WHITESPACE_RUN = re.compile(r"\s+")


def clean(raw: str) -> str:
    """Normalised text alone, for the text columns of clean tables: `normalise(raw)[0]`, without the
    character-by-character map of origins, which only anchoring needs."""
    return _WHITESPACE_RUN.sub(" ", raw.translate(_TRANSLATION)).strip(" ")


# A word: letters or digits, with inner apostrophes or digit separators ("don't", "15,000", "1.30am").
_WORD = re.compile(r"[^\W_]+(?:['.,][^\W_]+)*")


def words(text: str) -> list[str]:
    """The words of a text, lower-cased and normalised, in order."""
    return [w.lower() for w in _WORD.findall(clean(text))]
