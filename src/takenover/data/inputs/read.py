"""Read a raw YAML file through its input schema: a list of entries, or one document (a codebook)."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from ..errors import InputError
from ..rawio import display_path, read_yaml
from .fields import Entry, describe_error, kind_of


def read_entries(path: Path, model: type[Entry]) -> list[dict]:
    """Every entry of a YAML list, checked against `model`; values typed (dates as dates)."""
    name = display_path(path)
    document = read_yaml(path)
    if not isinstance(document, list):
        raise InputError(name, f"expected a list of entries at the top level, found {kind_of(document)}")
    if not document:
        raise InputError(name, "the file has no entries; a file of entries lists at least one")
    entries = []
    for number, entry in enumerate(document, start=1):
        if not isinstance(entry, dict):
            raise InputError(name, f"an entry must be a mapping of keys to values, found {kind_of(entry)}", number)
        try:
            entries.append(model.model_validate(entry).model_dump())
        except ValidationError as err:
            raise InputError(name, describe_error(err)[1], number) from None
    return entries


def read_document(path: Path, model: type[Entry]) -> dict:
    """A YAML file that is one mapping (a codebook, a manifest), checked against `model`."""
    name = display_path(path)
    document = read_yaml(path)
    if not isinstance(document, dict):
        raise InputError(name, f"expected a mapping at the top level, found {kind_of(document)}")
    try:
        return model.model_validate(document).model_dump()
    except ValidationError as err:
        loc = describe_error(err)[0]
        if len(loc) > 2 and isinstance(loc[1], int):  # inside an entry of a section
            raise InputError(name, describe_error(err, skip=2)[1], f"{loc[0]}, entry {loc[1] + 1}") from None
        raise InputError(name, describe_error(err)[1]) from None
