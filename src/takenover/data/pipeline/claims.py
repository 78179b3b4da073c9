"""Stage: the claims register and the excerpts of the claims' words."""

from __future__ import annotations

import re
from pathlib import Path

from ..anchors import SourceText, anchor_entries
from ..errors import InputError
from ..hedges import compile_lexicon, find_hedges
from ..rawio import check_unique, display_path, read_annotations
from ..schema import TABLES
from ..textnorm import clean, words
from . import evidence_rules
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
CLAIM_OPTIONAL = [
    "summary",
    "excerpt",
    "corroborated_by",
    "contradicted_by",
    "checked_against",
    "checks",
    "counter",
    "coding_note",
    "occurrence",
    "core",
]
LIST_KEYS = ["chain", "corroborated_by", "contradicted_by", "checked_against", "checks"]
KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")
EXCERPT_MAX_WORDS = 8


def claims(path: Path, texts: dict[str, SourceText], out: Build) -> tuple[list[dict], list[dict]]:
    """The claims table and the claim_excerpts table."""
    entries = read_annotations(path, CLAIM_KEYS, CLAIM_OPTIONAL)
    file = display_path(path)
    check_unique(entries, "id", file)
    lexicon = compile_lexicon([h["term"] for h in out.tables["hedge_lexicon"]])
    kind_of_hedge = {clean(h["term"]).lower(): h["kind"] for h in out.tables["hedge_lexicon"]}
    refs = {r["reference_key"]: r for r in out.tables["references"]}
    checks = {c["check_id"]: c for c in out.tables["checks"]}
    labels = {s["source_id"]: s["label"] for s in out.tables["sources"]} | {k: r["label"] for k, r in refs.items()}
    rows, excerpts = [], []
    for number, entry, anchor in anchor_entries(entries, texts, file):
        for key in LIST_KEYS:
            if not isinstance(entry.get(key) or [], list):
                raise InputError(file, f"{key} must be a list", number)
        segment = _segment_of(entry, anchor, out, file, number)
        chain = [str(link) for link in entry["chain"]]
        for link in chain:
            if KEY.match(link) and link not in labels:
                raise InputError(file, f"chain names {link!r}, which is no source or reference key", number)
        hedges = find_hedges(anchor.raw, lexicon)
        claim = {
            "claim_id": entry["id"],
            "source_id": entry["source"],
            "incident_id": entry["incident"],
            "segment_role": segment["role"],
            "comment_id": segment["comment_id"],
            "line": segment["line"],
            "char_start": anchor.start,
            "char_end": anchor.end,
            "restatement": clean(entry["restatement"]),
            "summary": _summary(entry),
            "claimant": entry["claimant"],
            "claimant_kind": entry["claimant_kind"],
            "attribution_chain": " ← ".join(labels.get(link, link) for link in chain),
            "chain_keys": "; ".join(link for link in chain if link in labels) or None,
            "claim_type": entry["type"],
            "hedges": "; ".join(hedges) or None,
            "hedge_kinds": "; ".join(kind_of_hedge[h] for h in hedges) or None,
            "hedge_count": len(hedges),
            "evidence_status": entry["status"],
            "likelihood": entry["likelihood"],
            "confidence": entry["confidence"],
            "verdict": clean(entry["verdict"]),
            "counter_id": entry.get("counter"),
            "core": _core(entry, file, number),
            "coding_note": clean(entry["coding_note"]) if entry.get("coding_note") else None,
            "_origin": (file, number),
            "_quote": anchor.text,
            "_chain": chain,
        }
        for key in ["corroborated_by", "contradicted_by", "checked_against", "checks"]:
            claim[f"_{key}"] = [str(item) for item in entry.get(key) or []]
        claim["corroborated_by"] = "; ".join(claim["_corroborated_by"]) or None
        claim["contradicted_by"] = "; ".join(claim["_contradicted_by"]) or None
        claim["checked_against"] = "; ".join(claim["_checked_against"]) or None
        claim["check_ids"] = "; ".join(claim["_checks"]) or None
        _chain_starts_at_the_text(claim, file, number)
        evidence_rules.check_hedge_kept(claim, lexicon, file, number)
        evidence_rules.check_summary(claim, lexicon, file, number)
        excerpt = _excerpt(entry, claim, texts[entry["source"]], anchor, hedges, lexicon, file, number)
        if excerpt:
            excerpts.append(excerpt)
        if claim["comment_id"]:
            # A commenter's own hedging words could lead a phrase search back to them; their kinds are enough.
            claim["hedges"] = None
        rows.append(claim)

    by_id = {c["claim_id"]: c for c in rows}
    sources = {s["source_id"] for s in out.tables["sources"]}
    for claim in rows:
        file, number = claim["_origin"]
        unknown = [c for c in claim["_checks"] if c not in checks]
        if unknown:
            raise InputError(file, f"checks names unknown check(s) {unknown}", number)
        for item in claim["_checked_against"]:
            if (
                evidence_rules.kind_of(item, set(by_id), set(refs), sources, set(checks)) == "unknown"
                and item not in TABLES
            ):
                raise InputError(file, f"checked_against names unknown item {item!r}", number)
        evidence_rules.check_supports(claim, by_id, refs, checks, sources, file, number)
        evidence_rules.check_verdict_numbers(claim, _evidence_text(claim, by_id, refs, checks, out), file, number)
    out.reconcile(file, len(entries), len(rows))
    return rows, excerpts


def _summary(entry: dict) -> str | None:
    """The ClaimReview line: given, or the restatement if short enough; none for a commenter's claim."""
    if entry["claimant_kind"] == "commenter":
        return None
    if entry.get("summary"):
        return clean(entry["summary"])
    restatement = clean(entry["restatement"])
    return restatement if len(restatement) <= evidence_rules.SUMMARY_MAX else None


def _core(entry: dict, file: str, number: int) -> bool:
    core = entry.get("core", False)
    if not isinstance(core, bool):
        raise InputError(file, f"core must be true or false, not {core!r}", number)
    return core


def _segment_of(entry: dict, anchor, out: Build, file: str, number: int) -> dict:
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
    if segment["role"] == "furniture":
        raise InputError(file, "the quote is in a furniture line, not in article text or a comment", number)
    is_comment = segment["role"] == "comment"
    if is_comment != (entry["claimant_kind"] == "commenter"):
        where = "in comment " + segment["comment_id"] if is_comment else "not in a comment"
        raise InputError(file, f"claimant_kind is {entry['claimant_kind']!r} but the quote is {where}", number)
    if is_comment and not re.search(rf"\b{segment['comment_id']}\b", entry["claimant"]):
        raise InputError(
            file, f"the quote is in comment {segment['comment_id']}, but claimant is {entry['claimant']!r}", number
        )
    return segment


def _chain_starts_at_the_text(claim: dict, file: str, number: int) -> None:
    first = claim["_chain"][0] if claim["_chain"] else None
    expected = f"comment {claim['comment_id']}" if claim["comment_id"] else claim["source_id"]
    if first != expected:
        raise InputError(
            file, f"the chain must start with {expected!r}, the text we hold; it starts with {first!r}", number
        )


def _excerpt(entry, claim, text: SourceText, anchor, hedges, lexicon, file, number) -> dict | None:
    """A few of the claim's words, where the exact words matter: for every hedged claim and every quantity
    (required), and where the annotator chose one because a verdict turns on a word. Commenters' words are
    never excerpted."""
    wanted = entry.get("excerpt")
    if claim["claimant_kind"] == "commenter":
        if wanted:
            raise InputError(file, "commenters are private people: their words are not excerpted", number)
        return None
    required = bool(hedges) or claim["claim_type"] == "quantity"
    if not wanted:
        if not required:
            return None
        if len(words(anchor.raw)) > EXCERPT_MAX_WORDS:
            why = f"shows its hedges ({'; '.join(hedges)})" if hedges else "shows its figure"
            raise InputError(
                file, f"this claim needs an excerpt of at most {EXCERPT_MAX_WORDS} words that {why}", number
            )
        wanted = anchor.raw
    span = anchor if clean(str(wanted)) == anchor.text else _within(text, str(wanted), anchor, file, number)
    size = len(words(span.raw))
    if size > EXCERPT_MAX_WORDS:
        raise InputError(file, f"the excerpt has {size} words; keep it to {EXCERPT_MAX_WORDS}", number)
    if hedges and not find_hedges(span.raw, lexicon):
        raise InputError(
            file, f"the excerpt must show at least one of the claim's hedges ({'; '.join(hedges)})", number
        )
    return {
        "claim_id": claim["claim_id"],
        "excerpt": span.text,
        "words": size,
        "shortened": (span.start, span.end) != (anchor.start, anchor.end),
        "char_start": span.start,
        "char_end": span.end,
        "_origin": (file, number),
    }


def _within(text: SourceText, wanted: str, anchor, file: str, number: int):
    """The occurrence of the excerpt that lies inside the claim's own words."""
    for occurrence in range(1, len(text.occurrences(wanted)) + 1):
        span = text.anchor(wanted, occurrence, file=file, row=number)
        if anchor.start <= span.start and span.end <= anchor.end:
            return span
    raise InputError(file, f"the excerpt is not part of the claim's quote: {wanted!r}", number)


def _evidence_text(claim: dict, claims: dict, refs: dict, checks: dict, out: Build) -> str:
    """Everything a verdict may take a number from: the claim's words and date, and what it was checked against."""
    source = next(s for s in out.tables["sources"] if s["source_id"] == claim["source_id"])
    incident = next(i for i in out.tables["incidents"] if i["incident_id"] == claim["incident_id"])
    parts = [claim["_quote"], source["published"].strftime("%-d %B %Y"), str(incident["date_start"].year)]
    for item in claim["_checked_against"] + [f"check:{c}" for c in claim["_checks"]]:
        if item in claims:
            parts.append(claims[item]["_quote"])
        elif item.startswith("check:") and item[6:] in checks:
            check = checks[item[6:]]
            parts += [check["computation"], check["result"]]
        elif item in refs:
            ref = refs[item]
            parts += [ref["notes"], ref["title"], ref["published"].strftime("%-d %B %Y") if ref["published"] else ""]
            parts += [str(f["value"]) for f in out.tables["secondary_figures"] if f["reference_key"] == item]
        elif item in out.tables:
            parts += [str(v) for row in out.tables[item] for v in row.values() if isinstance(v, int | float)]
    return " ".join(parts)
