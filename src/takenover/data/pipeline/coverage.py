"""Stage: completeness. Every sentence of article text and of every comment holds a claim, or is listed
in non_claims.yml with the reason it asserts nothing check-worthy."""

from __future__ import annotations

import re
from pathlib import Path

from ..anchors import SourceText, anchor_entries
from ..errors import InputError
from ..inputs.annotations import NonClaim
from ..inputs.read import read_entries
from ..rawio import display_path
from ..schema.fields import ASSERTING_ROLES, NON_CLAIM_REASONS
from ..textnorm import clean
from .state import Build

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'\u201c\u2018(\u2022\u2013-])")


def sentences(path: Path, texts: dict[str, SourceText], out: Build) -> list[dict]:
    file = display_path(path)
    entries = read_entries(path, NonClaim)
    exempt = {}
    for number, entry, anchor in anchor_entries(entries, texts, file):
        if entry["reason"] not in NON_CLAIM_REASONS:
            raise InputError(
                file, f"unknown reason {entry['reason']!r} (known: {', '.join(NON_CLAIM_REASONS)})", number
            )
        exempt[(entry["source"], anchor.start)] = (entry["reason"], anchor.end, number)
    rows, used = [], set()
    for segment in out.tables["segments"]:
        if segment["role"] not in ASSERTING_ROLES:
            continue
        sid, raw = segment["source_id"], texts[segment["source_id"]].raw
        text = raw[segment["char_start"] : segment["char_end"]]
        starts = [0] + [m.end() for m in SENTENCE_END.finditer(text)]
        ends = [m.start() for m in SENTENCE_END.finditer(text)] + [len(text)]
        for n, (a, b) in enumerate(zip(starts, ends, strict=True), start=1):
            start, end = segment["char_start"] + a, segment["char_start"] + b
            held = [
                c["claim_id"]
                for c in out.tables["claims"]
                if c["source_id"] == sid and c["char_start"] < end and c["char_end"] > start
            ]
            reason = None
            for (esid, estart), (why, eend, number) in exempt.items():
                if esid == sid and start <= estart and eend <= end:
                    if held:
                        raise InputError(file, f"the sentence also holds claim(s) {held}", number)
                    reason = why
                    used.add((esid, estart))
            if not held and reason is None:
                raise InputError(
                    display_path(path.parent / "claims.yml"),
                    f"sentence {segment['segment_id']}.{n} ({segment['role']}) has no claim and is not "
                    f"in non_claims.yml: {clean(raw[start:end])[:90]!r}",
                )
            rows.append(
                {
                    "sentence_id": f"{segment['segment_id']}.{n}",
                    "source_id": sid,
                    "segment_id": segment["segment_id"],
                    "role": segment["role"],
                    "char_start": start,
                    "char_end": end,
                    "claim_ids": "; ".join(held) or None,
                    "non_claim_reason": reason,
                }
            )
    unused = [number for key, (_, _, number) in exempt.items() if key not in used]
    if unused:
        raise InputError(file, "the quote is not a sentence of article text or of a comment", unused[0])
    return rows
