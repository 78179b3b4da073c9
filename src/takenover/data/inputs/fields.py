"""Types of the values in raw inputs, for the input schemas, and the wording of what breaks them.

Models are strict: text must be text, a list must be a list, a number a number, and no key may be
missing or unknown. Nothing is coerced: a list where text belongs is refused, not glued together.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, ValidationError

from ..schema import ids


class Entry(BaseModel):
    """One entry of a raw input: known keys only, values of exactly their declared type."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def _text(value: str) -> str:
    if not value.strip():
        raise ValueError("is empty")
    return value


def _matching(pattern: str):
    compiled = re.compile(pattern)

    def check(value: str) -> str:
        if not compiled.fullmatch(value):
            alien = next((c for c in value if not c.isascii()), None)
            why = f" (it holds U+{ord(alien):04X} {unicodedata.name(alien, '')}, which is not ASCII)" if alien else ""
            raise ValueError(f"{value!r} is not {ids.meaning(pattern)}{why}")
        return value

    return check


def _date(value) -> dt.date:
    if not isinstance(value, str):
        raise ValueError(f"must be a date written YYYY-MM-DD, found {kind_of(value)}")
    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _finite(value: int | float) -> int | float:
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{value!r} is not a finite number")
    return value


def _positive(value: int) -> int:
    if value < 1:
        raise ValueError(f"{value} is not a count from 1")
    return value


Text = Annotated[str, AfterValidator(_text)]
Date = Annotated[dt.date, BeforeValidator(_date)]
Number = Annotated[int | float, AfterValidator(_finite)]
Occurrence = Annotated[int, AfterValidator(_positive)]
TimeOfDay = Annotated[str, AfterValidator(_matching(ids.TIME_OF_DAY))]
Url = Annotated[str, AfterValidator(_matching(ids.URL))]
Slug = Annotated[str, AfterValidator(_matching(ids.SLUG))]
ClaimId = Annotated[str, AfterValidator(_matching(ids.CLAIM_ID))]
CommentId = Annotated[str, AfterValidator(_matching(ids.COMMENT_ID))]
Code = Annotated[str, AfterValidator(_matching(ids.CODE))]
EvidenceItem = Annotated[str, AfterValidator(_matching(ids.EVIDENCE_ITEM))]


def id_of(pattern: str):
    """A type for ids of one kind (events, measurements, ...)."""
    return Annotated[str, AfterValidator(_matching(pattern))]


TYPE_TAGS = re.compile(r"^(?:int|float|str|bool|list\[.*\]|dict\[.*\]|function-.*|.*\[.*\])$")
KIND_WORDS = {"string_type": "text", "list_type": "a list", "dict_type": "a mapping", "model_type": "a mapping"}
KIND_WORDS |= {"int_type": "a whole number", "float_type": "a number", "bool_type": "yes or no"}


def kind_of(value) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "nothing" if value is None else type(value).__name__


def _where(loc: tuple) -> str:
    """A field path as an annotator reads it: `chain[2]`, `codes[3].rule`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        elif not TYPE_TAGS.match(part):
            out += f".{part}" if out else part
    return out


def describe_error(err: ValidationError, skip: int = 0) -> tuple[tuple, str]:
    """The first problem of a validation error, in one line, and where it sits (its loc). An unknown key
    is reported before the missing key it was probably meant to be; `skip` leading loc parts are already
    named by the caller (a codebook's section and entry)."""
    errors = err.errors()
    first = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    loc, kind, given = first["loc"], first["type"], first.get("input")
    where = _where(loc[skip:])
    if kind == "extra_forbidden":
        missing = [_where(e["loc"][skip:]) for e in errors if e["type"] == "missing" and e["loc"][:-1] == loc[:-1]]
        hint = f" (missing: {', '.join(missing)})" if missing else ""
        return loc, f"unknown key {str(loc[-1])!r}{hint}"
    if kind == "missing":
        return loc, f"missing {where}"
    if kind in KIND_WORDS:
        return loc, f"{where} must be {KIND_WORDS[kind]}, found {kind_of(given)}"
    if kind == "value_error":
        return loc, f"{where} {first['ctx']['error']!s}"
    return loc, f"{where}: {first['msg']}"
