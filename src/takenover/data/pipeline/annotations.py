"""Stage: the annotations that describe the texts: incidents, line roles, events, numbers,
the other side's accounts and the hedge lexicon."""

from __future__ import annotations

from pathlib import Path

from ..anchors import SourceText, anchor_entries
from ..errors import InputError
from ..inputs.annotations import CounterAccount, Event, Hedge, Incident, Measurement, SegmentRole
from ..inputs.read import read_entries
from ..lines import Line
from ..rawio import check_unique, display_path, parse_date
from ..schema.fields import SEGMENT_ROLES
from ..textnorm import clean, words
from ..thread_parser import find_header
from .comments import CommentLines, comment_at
from .state import Build


def incidents(path: Path, texts: dict[str, SourceText], out: Build) -> list[dict]:
    entries = read_entries(path, Incident)
    file = display_path(path)
    check_unique(entries, "id", file)
    rows = []
    for number, entry, anchor in anchor_entries(entries, texts, file):
        rows.append(
            {
                "incident_id": entry["id"],
                "title": entry["title"],
                "platform": entry["platform"],
                "date_start": parse_date(entry["date_start"], file, number),
                "date_precision": entry["date_precision"],
                "date_basis": entry["date_basis"],
                "primary_source_id": entry["source"],
                "summary": clean(entry["summary"]),
                "char_start": anchor.start,
                "char_end": anchor.end,
                "_origin": (file, number),
            }
        )
    out.reconcile(file, len(entries), len(rows))
    return rows


def segments(
    path: Path, texts: dict[str, SourceText], lines: dict[str, list[Line]], comment_of_line: CommentLines, out: Build
) -> list[dict]:
    """Every non-blank line, with its default role unless an annotation says otherwise."""
    file = display_path(path)
    entries = read_entries(path, SegmentRole)
    roles: dict[tuple[str, int], str] = {}
    for number, entry, anchor in anchor_entries(entries, texts, file):
        if entry["role"] not in SEGMENT_ROLES:
            raise InputError(file, f"unknown role {entry['role']!r} (known: {', '.join(SEGMENT_ROLES)})", number)
        matches = [line for line in lines[entry["source"]] if line.start <= anchor.start and anchor.end <= line.end]
        if not matches:
            raise InputError(file, f"the quote spans more than one line: {entry['quote']!r}", number)
        key = (entry["source"], matches[0].number)
        if key in roles:
            raise InputError(file, f"a second role for line {key[1]} of {key[0]}", number)
        if key in comment_of_line:
            raise InputError(file, "comment lines take their role from the thread, not from annotations", number)
        roles[key] = entry["role"]

    rows = []
    for sid, text in texts.items():
        header_index = find_header(lines[sid])
        for position, line in enumerate(lines[sid], start=1):
            comment_id, role, start = comment_of_line.get((sid, line.number), (None, None, line.start))
            if comment_id is None:
                is_header = header_index is not None and position - 1 == header_index
                role = roles.get((sid, line.number), "furniture" if is_header else "body")
            rows.append(
                {
                    "segment_id": f"{sid}:{position:03d}",
                    "source_id": sid,
                    "position": position,
                    "line": line.number,
                    "role": role,
                    "comment_id": comment_id,
                    "words": len(words(text.raw[start : line.end])),
                    "char_start": start,
                    "char_end": line.end,
                }
            )
        out.reconcile(f"segments of {sid}", len(lines[sid]), sum(1 for r in rows if r["source_id"] == sid))
    out.reconcile(file, len(entries), len(roles))
    return rows


def events(path: Path, texts: dict[str, SourceText], references: list[dict], out: Build) -> list[dict]:
    """Dated events: each anchored to a quote in a primary text, or resting on a reference."""
    entries = read_entries(path, Event)
    file = display_path(path)
    check_unique(entries, "id", file)
    known_refs = {r["reference_key"] for r in references}
    rows = []
    for number, entry in enumerate(entries, start=1):
        on_text, on_ref = bool(entry.get("source")), bool(entry.get("reference"))
        if on_text == on_ref:
            raise InputError(
                file, "an event rests on a source and its quote, or on a reference: give exactly one", number
            )
        if on_text and not entry.get("quote"):
            raise InputError(file, "an event from a source needs the quote that dates it", number)
        if on_ref and entry["reference"] not in known_refs:
            raise InputError(file, f"unknown reference {entry['reference']!r}", number)
        anchor = None
        if on_text:
            if entry["source"] not in texts:
                known = ", ".join(sorted(texts))
                raise InputError(file, f"unknown source id {entry['source']!r} (known: {known})", number)
            anchor = texts[entry["source"]].anchor(str(entry["quote"]), entry.get("occurrence"), file=file, row=number)
        rows.append(
            {
                "event_id": entry["id"],
                "incident_id": entry["incident"],
                "date": parse_date(entry["date"], file, number),
                "time": entry.get("time"),
                "precision": entry["precision"],
                "date_basis": entry["date_basis"],
                "reasoning": clean(entry["reasoning"]),
                "description": clean(entry["description"]),
                "source_id": entry.get("source"),
                "reference_key": entry.get("reference"),
                "char_start": anchor.start if anchor else None,
                "char_end": anchor.end if anchor else None,
                "_origin": (file, number),
            }
        )
    out.reconcile(file, len(entries), len(rows))
    return rows


def measurements(path: Path, texts: dict[str, SourceText], comments: list[dict], out: Build) -> list[dict]:
    entries = read_entries(path, Measurement)
    file = display_path(path)
    check_unique(entries, "id", file)
    rows = []
    for number, entry, anchor in anchor_entries(entries, texts, file):
        if entry["speaker_role"] == "commenter":
            comment = comment_at(comments, entry["source"], anchor.start, anchor.end)
            if comment is None or comment["comment_id"] != entry["stated_by"]:
                found = comment["comment_id"] if comment else "no comment"
                raise InputError(file, f"stated_by is {entry['stated_by']!r}, but the quote is in {found}", number)
        applies = entry.get("applies_date")
        rows.append(
            {
                "measurement_id": entry["id"],
                "incident_id": entry["incident"],
                "source_id": entry["source"],
                "subject": entry["subject"],
                "value": entry.get("value"),
                "value_high": entry.get("value_high"),
                "unit": entry["unit"],
                "bound": entry["bound"],
                "applies_date": parse_date(applies, file, number) if applies is not None else None,
                "applies_time": entry.get("applies_time"),
                "applies_precision": entry.get("applies_precision"),
                "applies_note": entry.get("applies_note"),
                "stated_by": entry["stated_by"],
                "speaker_role": entry["speaker_role"],
                "char_start": anchor.start,
                "char_end": anchor.end,
                "_origin": (file, number),
            }
        )
    out.reconcile(file, len(entries), len(rows))
    return rows


def counter_accounts(path: Path, out: Build) -> list[dict]:
    entries = read_entries(path, CounterAccount)
    file = display_path(path)
    check_unique(entries, "id", file)
    rows = [
        {
            "counter_id": e["id"],
            "incident_id": e["incident"],
            "reference_key": e["reference"],
            "party": e["party"],
            "summary": clean(e["summary"]),
            "_origin": (file, n),
        }
        for n, e in enumerate(entries, start=1)
    ]
    out.reconcile(file, len(entries), len(rows))
    return rows


def hedge_lexicon(path: Path, out: Build) -> list[dict]:
    entries = read_entries(path, Hedge)
    file = display_path(path)
    rows = [
        {"term": clean(e["term"]).lower(), "kind": e["kind"], "_origin": (file, n)}
        for n, e in enumerate(entries, start=1)
    ]
    check_unique(rows, "term", file)
    out.reconcile(file, len(entries), len(rows))
    return rows
