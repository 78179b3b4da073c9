"""Stage: the claims register, its codebook, and the sentence-by-sentence completeness check."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..anchors import SourceText, anchor_entries
from ..errors import InputError
from ..hedges import compile_lexicon, find_hedges
from ..rawio import check_unique, display_path, read_annotations, read_utf8
from ..schema import CODE_SCHEMES, TABLES
from ..textnorm import clean
from .state import Build

CLAIM_KEYS = [
    "id",
    "source",
    "quote",
    "incident",
    "restatement",
    "claimant",
    "claimant_kind",
    "chain",
    "type",
    "status",
    "likelihood",
    "confidence",
    "verdict",
]
CLAIM_OPTIONAL = ["checked_against", "check", "counter", "coding_note", "occurrence"]
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'\u201c\u2018(\u2022\u2013-])")


def claims(path: Path, texts: dict[str, SourceText], out: Build) -> list[dict]:
    entries = read_annotations(path, CLAIM_KEYS, CLAIM_OPTIONAL)
    file = display_path(path)
    check_unique(entries, "id", file)
    lexicon = compile_lexicon([h["term"] for h in out.tables["hedge_lexicon"]])
    known = (
        {r["reference_key"] for r in out.tables["references"]}
        | set(TABLES)
        | set(texts)
        | {f"check:{c['check_id']}" for c in out.tables["checks"]}
    )
    rows = []
    for number, entry, anchor in anchor_entries(entries, texts, file):
        segment = next(
            (
                s
                for s in out.tables["segments"]
                if s["source_id"] == entry["source"] and s["char_start"] <= anchor.start and anchor.end <= s["char_end"]
            ),
            None,
        )
        if segment is None:
            raise InputError(file, f"the quote spans more than one line: {entry['quote']!r}", number)
        if segment["role"] not in ("body", "quotation", "comment"):
            raise InputError(
                file, f"the quote is in a {segment['role']} line, not in article text or a comment", number
            )
        is_comment = segment["role"] == "comment"
        if is_comment != (entry["claimant_kind"] == "commenter"):
            where = "in comment " + segment["comment_id"] if is_comment else "not in a comment"
            raise InputError(file, f"claimant_kind is {entry['claimant_kind']!r} but the quote is {where}", number)
        if is_comment and not re.search(rf"\b{segment['comment_id']}\b", entry["claimant"]):
            raise InputError(
                file, f"the quote is in comment {segment['comment_id']}, but claimant is {entry['claimant']!r}", number
            )
        consulted = [str(item) for item in entry.get("checked_against") or []]
        unknown = [item for item in consulted if item not in known]
        if unknown:
            raise InputError(file, f"checked_against names unknown item(s) {unknown}", number)
        hedges = find_hedges(anchor.raw, lexicon)
        rows.append(
            {
                "claim_id": entry["id"],
                "source_id": entry["source"],
                "incident_id": entry["incident"],
                "segment_role": segment["role"],
                "comment_id": segment["comment_id"] if is_comment else None,
                "quote": anchor.text,
                "char_start": anchor.start,
                "char_end": anchor.end,
                "restatement": clean(entry["restatement"]),
                "claimant": entry["claimant"],
                "claimant_kind": entry["claimant_kind"],
                "attribution_chain": entry["chain"],
                "claim_type": entry["type"],
                "hedges": "; ".join(hedges) or None,
                "hedge_count": len(hedges),
                "evidence_status": entry["status"],
                "likelihood": entry["likelihood"],
                "confidence": entry["confidence"],
                "verdict": clean(entry["verdict"]),
                "checked_against": "; ".join(consulted) or None,
                "check_id": entry.get("check"),
                "counter_id": entry.get("counter"),
                "coding_note": clean(entry["coding_note"]) if entry.get("coding_note") else None,
                "_origin": (file, number),
            }
        )
    out.reconcile(file, len(entries), len(rows))
    return rows


def sentences(path: Path, texts: dict[str, SourceText], out: Build) -> list[dict]:
    """Every sentence of article text must hold a claim or be listed as asserting nothing."""
    file = display_path(path)
    entries = read_annotations(path, ["source", "quote", "reason"], ["occurrence"])
    exempt = {}
    for number, entry, anchor in anchor_entries(entries, texts, file):
        exempt[(entry["source"], anchor.start)] = (entry["reason"], anchor.end, number)
    rows, used = [], set()
    for segment in out.tables["segments"]:
        if segment["role"] not in ("body", "quotation"):
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
                    f"sentence {segment['segment_id']}.{n} has no claim and is not in non_claims.yml: "
                    f"{clean(raw[start:end])[:90]!r}",
                )
            rows.append(
                {
                    "sentence_id": f"{segment['segment_id']}.{n}",
                    "source_id": sid,
                    "segment_id": segment["segment_id"],
                    "char_start": start,
                    "char_end": end,
                    "text": clean(raw[start:end]),
                    "claim_ids": "; ".join(held) or None,
                    "non_claim_reason": reason,
                }
            )
    unused = [number for key, (_, _, number) in exempt.items() if key not in used]
    if unused:
        raise InputError(file, "the quote is not a sentence of article text", unused[0])
    return rows


def codebook(path: Path, out: Build) -> list[dict]:
    file = display_path(path)
    try:
        book = yaml.safe_load(read_utf8(path))
    except yaml.YAMLError as err:
        raise InputError(file, f"not valid YAML: {err}") from None
    schemes = {"type": "types", "status": "statuses", "likelihood": "likelihood", "confidence": "confidence"}
    claim_column = {"type": "claim_type", "status": "evidence_status"}
    by_id = {c["claim_id"]: c for c in out.tables["claims"]}
    rows = []
    for scheme in CODE_SCHEMES:
        for number, entry in enumerate(book.get(schemes[scheme]) or [], start=1):
            example = entry.get("example")
            if example and by_id.get(example, {}).get(claim_column.get(scheme)) != entry["code"]:
                raise InputError(file, f"{schemes[scheme]}: example {example} is not coded {entry['code']!r}", number)
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
