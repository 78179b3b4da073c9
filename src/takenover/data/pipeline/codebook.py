"""Stage: the claims codebook, with each example checked against the register."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..inputs.documents import ClaimCodebook
from ..inputs.read import read_document
from ..rawio import display_path
from ..schema.fields import CODE_SCHEMES
from .state import Build

SECTIONS = {
    "type": "types",
    "status": "statuses",
    "likelihood": "likelihood",
    "confidence": "confidence",
    "non_claim": "non_claim_reasons",
    "resolution": "resolution_rules",
}
CLAIM_COLUMN = {
    "type": "claim_type",
    "status": "evidence_status",
    "likelihood": "likelihood",
    "confidence": "confidence",
}


def claim_codes(path: Path, out: Build) -> list[dict]:
    file = display_path(path)
    book = read_document(path, ClaimCodebook)
    by_id = {c["claim_id"]: c for c in out.tables["claims"]}
    rows = []
    for scheme in CODE_SCHEMES:
        for number, entry in enumerate(book[SECTIONS[scheme]], start=1):
            example = entry.get("example")
            if example and (
                scheme not in CLAIM_COLUMN or by_id.get(example, {}).get(CLAIM_COLUMN[scheme]) != entry["code"]
            ):
                raise InputError(file, f"{SECTIONS[scheme]}: example {example} is not coded {entry['code']!r}", number)
            rows.append(
                {
                    "scheme": scheme,
                    "code": entry["code"],
                    "definition": entry["definition"],
                    "rule": entry.get("rule"),
                    "example_claim_id": example,
                    "_origin": (file, number),
                }
            )
    return rows
