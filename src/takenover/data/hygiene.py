"""Characters no input text may hold: control characters, and the invisible ones that change how text
reads or matches (bidirectional overrides and isolates, zero-width spaces and joiners, byte order marks).

A reader cannot see them, a quote with one does not match its source, and a bidirectional override
makes a table show something other than what it holds. Line breaks and tabs are allowed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from .errors import InputError

# Cc: control characters; Cf: format characters (bidi controls, zero-width, BOM, soft hyphen);
# Cs: lone surrogates; Zl, Zp: the Unicode line and paragraph separators.
REFUSED_CATEGORIES = {"Cc", "Cf", "Cs", "Zl", "Zp"}
ALLOWED = {"\n", "\t"}


ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def first_invisible(text: str) -> str | None:
    """The first refused character in `text`, if any."""
    if text.isascii():  # most text: only the ASCII control characters can be refused
        found = ASCII_CONTROL.search(text)
        return found.group() if found else None
    for char in text:
        if char not in ALLOWED and unicodedata.category(char) in REFUSED_CATEGORIES:
            return char
    return None


def describe(char: str) -> str:
    """`U+202E (RIGHT-TO-LEFT OVERRIDE)`; control characters have no Unicode name, only a number."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def strings_in(value, path: str = "") -> Iterator[tuple[str, str]]:
    """Every string in a loaded YAML value, keys included, with where it sits ("chain[2]", "codes[1].rule")."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}.{key}" if path else str(key)
            if isinstance(key, str):
                yield where, key
            yield from strings_in(item, where)
    elif isinstance(value, list):
        for index, item in enumerate(value, start=1):
            yield from strings_in(item, f"{path}[{index}]")


def check_value(value, file: str, row: int | str | None = None, path: str = "") -> None:
    """Refuse the first invisible or control character anywhere in `value`, naming where it is."""
    for where, text in strings_in(value, path):
        char = first_invisible(text)
        if char is not None:
            place = f"{where} holds" if where else "holds"
            raise InputError(file, f"{place} {describe(char)}, an invisible or control character; remove it", row)


def check_document(document, file: str) -> None:
    """Check a whole YAML document: a list of entries by entry number, anything else by path."""
    if isinstance(document, list):
        for number, entry in enumerate(document, start=1):
            check_value(entry, file, number)
    else:
        check_value(document, file)
