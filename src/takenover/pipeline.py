"""The data pipeline: data/raw/ in, data/clean/ and data/datapackage.json out.

    python -m takenover.pipeline            # rebuild the committed data
    python -m takenover.pipeline --check    # fail if the committed data are stale

Everything is read and checked in memory first; files are written only when
every input has passed, so bad input never leaves half a dataset behind.
"""

from __future__ import annotations

import argparse
import re
import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import paths
from .anchors import SourceText
from .comments import NUMBERED, find_header, parse_thread
from .errors import InputError
from .lines import nonblank_lines
from .package import check_foreign_keys, check_table, write_package, read_committed
from .raw import check_unique, display_path, read_annotations, read_csv, read_utf8, sha256_of
from .checks import run_checks
from .claimreview import export as export_claim_reviews
from .hedges import compile_lexicon, find_hedges
from .schema import CODE_SCHEMES, SEGMENT_ROLES, SPENDING_ITEMS, TABLES
from .textnorm import clean

SOURCE_COLUMNS = ["source_id", "title", "outlet", "author", "published", "date_basis", "url", "raw_file", "sha256", "notes"]
SPENDING_LABELS = {"total reported general election spending": "total_spending", "Facebook spending": "facebook_spending"}
assert sorted(SPENDING_LABELS.values()) == sorted(SPENDING_ITEMS)


@dataclass
class Build:
    """What one run of the pipeline produced, plus the counts that must reconcile."""

    tables: dict[str, list[dict]] = field(default_factory=dict)
    reconciliation: list[tuple[str, int, int]] = field(default_factory=list)

    def reconcile(self, what: str, expected: int, got: int) -> None:
        self.reconciliation.append((what, expected, got))
        if expected != got:
            raise InputError("pipeline", f"row counts do not reconcile for {what}: expected {expected}, got {got}")


def build(raw_dir: Path) -> Build:
    """Read and check every raw input; return the clean tables in memory."""
    out = Build()
    sources, texts = _sources(raw_dir, out)
    lines = {sid: nonblank_lines(text.raw) for sid, text in texts.items()}
    notes = raw_dir / "annotations"
    out.tables["incidents"] = _incidents(notes / "incidents.yml", texts, out)
    comments, threads, comment_of_line = _comments(raw_dir, sources, texts, lines, out)
    out.tables["comments"], out.tables["threads"] = comments, threads
    out.tables["segments"] = _segments(notes / "segment_roles.yml", texts, lines, comment_of_line, out)
    out.tables["events"] = _events(notes / "events.yml", texts, out)
    out.tables["measurements"] = _measurements(notes / "measurements.yml", texts, comments, out)
    out.tables.update(_records(raw_dir / "records", out))
    out.tables["sources"] = sources
    out.tables["references"] = _references(raw_dir / "references.yml", out)
    out.tables["secondary_figures"] = _secondary_figures(raw_dir / "records" / "secondary_figures.csv", out)
    out.tables["counter_accounts"] = _counter_accounts(notes / "counter_accounts.yml", out)
    out.tables["hedge_lexicon"] = _hedge_lexicon(notes / "hedge_lexicon.yml", out)
    out.tables["checks"] = run_checks(out.tables)
    out.tables["claims"] = _claims(notes / "claims.yml", texts, out)
    out.tables["claim_codes"] = _codebook(notes / "claim_codebook.yml", out)
    out.tables["sentences"] = _sentences(notes / "non_claims.yml", texts, out)
    out.tables = {name: out.tables[name] for name in TABLES}
    for name, rows in out.tables.items():
        check_table(name, rows)
    check_foreign_keys(out.tables)
    return out


# --- sources -----------------------------------------------------------------

def _sources(raw_dir: Path, out: Build) -> tuple[list[dict], dict[str, SourceText]]:
    path = raw_dir / "sources.csv"
    name = display_path(path)
    rows = read_csv(path, SOURCE_COLUMNS)
    check_unique(rows, "source_id", name)
    texts = {}
    for number, row in enumerate(rows, start=1):
        text_path = raw_dir / row["raw_file"]
        if not text_path.is_file():
            raise InputError(name, f"raw file {row['raw_file']!r} does not exist", number)
        actual = sha256_of(text_path)
        if actual != row["sha256"]:
            raise InputError(name, f"SHA-256 of {row['raw_file']} is {actual}, but the table records "
                                   f"{row['sha256']}; the raw text has changed", number)
        texts[row["source_id"]] = SourceText(row["source_id"], read_utf8(text_path))
        row["published"] = _date(row["published"], name, number)
        row["author"] = row["author"] or None
        row["notes"] = row["notes"] or None
        row["_origin"] = (name, number)
    out.reconcile("sources", len(rows), len(texts))
    return rows, texts


# --- annotations ---------------------------------------------------------------

def _anchored(entries: list[dict], texts: dict[str, SourceText], file: str) -> list[tuple[int, dict, object]]:
    """Pair each entry with the anchor of its quote, checking its source id."""
    anchored = []
    for number, entry in enumerate(entries, start=1):
        source = entry["source"]
        if source not in texts:
            raise InputError(file, f"unknown source id {source!r} (known: {', '.join(sorted(texts))})", number)
        occurrence = entry.get("occurrence")
        anchor = texts[source].anchor(str(entry["quote"]), occurrence, file=file, row=number)
        anchored.append((number, entry, anchor))
    return anchored


def _incidents(path: Path, texts: dict[str, SourceText], out: Build) -> list[dict]:
    keys = ["id", "title", "platform", "date_start", "date_precision", "date_basis", "source", "summary", "quote"]
    entries = read_annotations(path, keys)
    file = display_path(path)
    check_unique(entries, "id", file)
    rows = []
    for number, entry, anchor in _anchored(entries, texts, file):
        rows.append({
            "incident_id": entry["id"], "title": entry["title"], "platform": entry["platform"],
            "date_start": _date(entry["date_start"], file, number), "date_precision": entry["date_precision"],
            "date_basis": entry["date_basis"], "primary_source_id": entry["source"],
            "summary": clean(entry["summary"]), "quote": anchor.text,
            "char_start": anchor.start, "char_end": anchor.end, "_origin": (file, number),
        })
    out.reconcile(file, len(entries), len(rows))
    return rows


def _comments(raw_dir, sources, texts, lines, out):
    """Rebuild every comment thread and attribute the blog author's replies."""
    comments, threads, comment_of_line = [], [], {}
    for number, source in enumerate(sources, start=1):
        sid = source["source_id"]
        header_index = find_header(lines[sid])
        if header_index is None:
            continue
        file = f"data/raw/{source['raw_file']}"
        thread = parse_thread(lines[sid], header_index, file)
        for comment in thread.comments:
            for line in comment.paragraphs:
                comment_of_line[(sid, line.number)] = (comment.comment_id, "comment", line.start)
            if comment.likes_line:
                likes = comment.likes_line
                comment_of_line[(sid, likes.number)] = (comment.comment_id, "furniture", likes.start)
            comments.append({
                "comment_id": comment.comment_id, "source_id": sid, "parent_id": comment.parent_id,
                "depth": comment.depth, "thread_order": comment.thread_order, "list_number": comment.list_number,
                "captured": comment.captured, "by_blog_author": False, "author_basis": None,
                "likes": comment.likes, "paragraphs": len(comment.paragraphs),
                "char_start": comment.char_start, "char_end": comment.char_end, "text": comment.text,
            })
        header = thread.header
        threads.append({
            "source_id": sid, "stated_comment_count": thread.stated_count,
            "captured_comment_count": len(thread.captured),
            "placeholder_count": len(thread.comments) - len(thread.captured),
            "quote": clean(header.content), "char_start": header.start, "char_end": header.end,
        })
        numbered = sum(1 for line in lines[sid][header_index + 1:] if NUMBERED.match(line.content))
        out.reconcile(f"comments of {sid}", numbered, len(thread.captured))

    path = raw_dir / "annotations" / "comment_authors.yml"
    file = display_path(path)
    entries = read_annotations(path, ["source", "quote", "basis"], ["occurrence"])
    for number, entry, anchor in _anchored(entries, texts, file):
        comment = _comment_at(comments, entry["source"], anchor.start, anchor.end)
        if comment is None:
            raise InputError(file, f"the quote is not inside a captured comment: {entry['quote']!r}", number)
        comment["by_blog_author"] = True
        comment["author_basis"] = clean(entry["basis"])
    return comments, threads, comment_of_line


def _comment_at(comments: list[dict], source_id: str, start: int, end: int) -> dict | None:
    for comment in comments:
        if comment["source_id"] == source_id and comment["captured"] \
                and comment["char_start"] <= start and end <= comment["char_end"]:
            return comment
    return None


def _segments(path, texts, lines, comment_of_line, out):
    """Every non-blank line, with its default role unless an annotation says otherwise."""
    file = display_path(path)
    entries = read_annotations(path, ["source", "quote", "role"], ["occurrence"])
    roles: dict[tuple[str, int], str] = {}
    for number, entry, anchor in _anchored(entries, texts, file):
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
            rows.append({
                "segment_id": f"{sid}:{position:03d}", "source_id": sid, "position": position, "role": role,
                "comment_id": comment_id, "char_start": start, "char_end": line.end,
                "text": clean(text.raw[start:line.end]),
            })
        out.reconcile(f"segments of {sid}", len(lines[sid]), sum(1 for r in rows if r["source_id"] == sid))
    out.reconcile(file, len(entries), len(roles))
    return rows


def _events(path, texts, out):
    keys = ["id", "incident", "date", "precision", "date_basis", "reasoning", "description", "source", "quote"]
    entries = read_annotations(path, keys, ["time", "occurrence"])
    file = display_path(path)
    check_unique(entries, "id", file)
    rows = []
    for number, entry, anchor in _anchored(entries, texts, file):
        rows.append({
            "event_id": entry["id"], "incident_id": entry["incident"], "date": _date(entry["date"], file, number),
            "time": entry.get("time"), "precision": entry["precision"], "date_basis": entry["date_basis"],
            "reasoning": clean(entry["reasoning"]), "description": clean(entry["description"]),
            "source_id": entry["source"], "quote": anchor.text, "char_start": anchor.start, "char_end": anchor.end,
            "_origin": (file, number),
        })
    out.reconcile(file, len(entries), len(rows))
    return rows


def _measurements(path, texts, comments, out):
    keys = ["id", "incident", "source", "subject", "unit", "bound", "stated_by", "speaker_role", "quote"]
    optional = ["value", "value_high", "applies_date", "applies_time", "applies_precision", "applies_note", "occurrence"]
    entries = read_annotations(path, keys, optional)
    file = display_path(path)
    check_unique(entries, "id", file)
    rows = []
    for number, entry, anchor in _anchored(entries, texts, file):
        if entry["speaker_role"] == "commenter":
            comment = _comment_at(comments, entry["source"], anchor.start, anchor.end)
            if comment is None or comment["comment_id"] != entry["stated_by"]:
                found = comment["comment_id"] if comment else "no comment"
                raise InputError(file, f"stated_by is {entry['stated_by']!r}, but the quote is in {found}", number)
        applies = entry.get("applies_date")
        rows.append({
            "measurement_id": entry["id"], "incident_id": entry["incident"], "source_id": entry["source"],
            "subject": entry["subject"], "value": entry.get("value"), "value_high": entry.get("value_high"),
            "unit": entry["unit"], "bound": entry["bound"],
            "applies_date": _date(applies, file, number) if applies is not None else None,
            "applies_time": entry.get("applies_time"), "applies_precision": entry.get("applies_precision"),
            "applies_note": entry.get("applies_note"),
            "stated_by": entry["stated_by"], "speaker_role": entry["speaker_role"],
            "quote": anchor.text, "char_start": anchor.start, "char_end": anchor.end, "_origin": (file, number),
        })
    out.reconcile(file, len(entries), len(rows))
    return rows


# --- claims and what they are checked against --------------------------------------

def _references(path: Path, out: Build) -> list[dict]:
    keys = ["key", "type", "title", "published", "date_precision"]
    entries = read_annotations(path, keys, ["author", "outlet", "url", "notes"])
    file = display_path(path)
    check_unique(entries, "key", file)
    rows = [{"reference_key": e["key"], "type": e["type"], "title": e["title"], "author": e.get("author"),
             "outlet": e.get("outlet"), "published": _date(e["published"], file, n),
             "date_precision": e["date_precision"], "url": e.get("url"),
             "notes": clean(e["notes"]) if e.get("notes") else None, "_origin": (file, n)}
            for n, e in enumerate(entries, start=1)]
    out.reconcile(file, len(entries), len(rows))
    return rows


def _secondary_figures(path: Path, out: Build) -> list[dict]:
    file = display_path(path)
    rows = read_csv(path, ["reference_key", "subject", "value", "unit", "bound", "applies_to", "note"])
    figures = [{**r, "value": _float(r["value"], file, n), "applies_to": _date(r["applies_to"], file, n),
                "note": r["note"] or None, "_origin": (file, n)} for n, r in enumerate(rows, start=1)]
    out.reconcile(file, len(rows), len(figures))
    return figures


def _counter_accounts(path: Path, out: Build) -> list[dict]:
    entries = read_annotations(path, ["id", "incident", "reference", "party", "summary"])
    file = display_path(path)
    check_unique(entries, "id", file)
    rows = [{"counter_id": e["id"], "incident_id": e["incident"], "reference_key": e["reference"],
             "party": e["party"], "summary": clean(e["summary"]), "_origin": (file, n)}
            for n, e in enumerate(entries, start=1)]
    out.reconcile(file, len(entries), len(rows))
    return rows


def _hedge_lexicon(path: Path, out: Build) -> list[dict]:
    entries = read_annotations(path, ["term", "kind"])
    file = display_path(path)
    rows = [{"term": clean(str(e["term"])).lower(), "kind": e["kind"], "_origin": (file, n)}
            for n, e in enumerate(entries, start=1)]
    check_unique(rows, "term", file)
    out.reconcile(file, len(entries), len(rows))
    return rows


CLAIM_KEYS = ["id", "source", "quote", "incident", "restatement", "claimant", "claimant_kind", "chain", "type",
              "status", "likelihood", "confidence", "verdict", "checked_against"]


def _claims(path: Path, texts: dict[str, SourceText], out: Build) -> list[dict]:
    entries = read_annotations(path, CLAIM_KEYS[:-1], ["checked_against", "check", "counter", "coding_note",
                                                         "occurrence"])
    file = display_path(path)
    check_unique(entries, "id", file)
    lexicon = compile_lexicon([h["term"] for h in out.tables["hedge_lexicon"]])
    known = ({r["reference_key"] for r in out.tables["references"]} | set(TABLES) | set(texts)
             | {f"check:{c['check_id']}" for c in out.tables["checks"]})
    rows = []
    for number, entry, anchor in _anchored(entries, texts, file):
        segment = next((s for s in out.tables["segments"] if s["source_id"] == entry["source"]
                        and s["char_start"] <= anchor.start and anchor.end <= s["char_end"]), None)
        if segment is None:
            raise InputError(file, f"the quote spans more than one line: {entry['quote']!r}", number)
        if segment["role"] not in ("body", "quotation", "comment"):
            raise InputError(file, f"the quote is in a {segment['role']} line, not in article text or a comment", number)
        is_comment = segment["role"] == "comment"
        if is_comment != (entry["claimant_kind"] == "commenter"):
            raise InputError(file, f"claimant_kind is {entry['claimant_kind']!r} but the quote is "
                                   f"{'in comment ' + segment['comment_id'] if is_comment else 'not in a comment'}", number)
        if is_comment and not re.search(rf"\b{segment['comment_id']}\b", entry["claimant"]):
            raise InputError(file, f"the quote is in comment {segment['comment_id']}, but claimant is "
                                   f"{entry['claimant']!r}", number)
        consulted = [str(item) for item in entry.get("checked_against") or []]
        unknown = [item for item in consulted if item not in known]
        if unknown:
            raise InputError(file, f"checked_against names unknown item(s) {unknown}", number)
        hedges = find_hedges(anchor.raw, lexicon)
        rows.append({
            "claim_id": entry["id"], "source_id": entry["source"], "incident_id": entry["incident"],
            "segment_role": segment["role"], "comment_id": segment["comment_id"] if is_comment else None,
            "quote": anchor.text, "char_start": anchor.start, "char_end": anchor.end,
            "restatement": clean(entry["restatement"]), "claimant": entry["claimant"],
            "claimant_kind": entry["claimant_kind"], "attribution_chain": entry["chain"],
            "claim_type": entry["type"], "hedges": "; ".join(hedges) or None, "hedge_count": len(hedges),
            "evidence_status": entry["status"], "likelihood": entry["likelihood"], "confidence": entry["confidence"],
            "verdict": clean(entry["verdict"]), "checked_against": "; ".join(consulted) or None,
            "check_id": entry.get("check"), "counter_id": entry.get("counter"),
            "coding_note": clean(entry["coding_note"]) if entry.get("coding_note") else None, "_origin": (file, number),
        })
    out.reconcile(file, len(entries), len(rows))
    return rows


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'\u201c\u2018(\u2022\u2013-])")


def _sentences(path: Path, texts: dict[str, SourceText], out: Build) -> list[dict]:
    """Every sentence of article text must hold a claim or be listed as asserting nothing."""
    file = display_path(path)
    entries = read_annotations(path, ["source", "quote", "reason"], ["occurrence"])
    exempt = {}
    for number, entry, anchor in _anchored(entries, texts, file):
        exempt[(entry["source"], anchor.start)] = (entry["reason"], anchor.end, number)
    rows, used = [], set()
    for segment in out.tables["segments"]:
        if segment["role"] not in ("body", "quotation"):
            continue
        sid, raw = segment["source_id"], texts[segment["source_id"]].raw
        text = raw[segment["char_start"]:segment["char_end"]]
        starts = [0] + [m.end() for m in SENTENCE_END.finditer(text)]
        ends = [m.start() for m in SENTENCE_END.finditer(text)] + [len(text)]
        for n, (a, b) in enumerate(zip(starts, ends), start=1):
            start, end = segment["char_start"] + a, segment["char_start"] + b
            claims = [c["claim_id"] for c in out.tables["claims"]
                      if c["source_id"] == sid and c["char_start"] < end and c["char_end"] > start]
            reason = None
            for (esid, estart), (why, eend, number) in exempt.items():
                if esid == sid and start <= estart and eend <= end:
                    if claims:
                        raise InputError(file, f"the sentence also holds claim(s) {claims}", number)
                    reason = why
                    used.add((esid, estart))
            if not claims and reason is None:
                raise InputError(display_path(path.parent / "claims.yml"),
                                 f"sentence {segment['segment_id']}.{n} has no claim and is not in non_claims.yml: "
                                 f"{clean(raw[start:end])[:90]!r}")
            rows.append({"sentence_id": f"{segment['segment_id']}.{n}", "source_id": sid,
                         "segment_id": segment["segment_id"], "char_start": start, "char_end": end,
                         "text": clean(raw[start:end]), "claim_ids": "; ".join(claims) or None,
                         "non_claim_reason": reason})
    unused = [number for key, (_, _, number) in exempt.items() if key not in used]
    if unused:
        raise InputError(file, "the quote is not a sentence of article text", unused[0])
    return rows


def _codebook(path: Path, out: Build) -> list[dict]:
    file = display_path(path)
    try:
        book = yaml.safe_load(read_utf8(path))
    except yaml.YAMLError as err:
        raise InputError(file, f"not valid YAML: {err}") from None
    schemes = {"type": "types", "status": "statuses", "likelihood": "likelihood", "confidence": "confidence"}
    claim_column = {"type": "claim_type", "status": "evidence_status"}
    claims = {c["claim_id"]: c for c in out.tables["claims"]}
    rows = []
    for scheme in CODE_SCHEMES:
        for number, entry in enumerate(book.get(schemes[scheme]) or [], start=1):
            example = entry.get("example")
            if example and claims.get(example, {}).get(claim_column.get(scheme)) != entry["code"]:
                raise InputError(file, f"{schemes[scheme]}: example {example} is not coded {entry['code']!r}", number)
            rows.append({"scheme": scheme, "code": entry["code"], "definition": entry["definition"],
                         "rule": entry.get("rule"), "example_claim_id": example, "_origin": (file, number)})
    return rows


# --- external records ------------------------------------------------------------

def _records(records_dir: Path, out: Build) -> dict[str, list[dict]]:
    tables = {}
    path = records_dir / "election_results.csv"
    file = display_path(path)
    rows = read_csv(path, ["constituency", "election_date", "party", "candidate", "votes", "source_url"])
    tables["election_results"] = [
        {**row, "election_date": _date(row["election_date"], file, n), "candidate": row["candidate"] or None,
         "votes": _int(row["votes"], file, n), "_origin": (file, n)}
        for n, row in enumerate(rows, start=1)
    ]
    out.reconcile(file, len(rows), len(tables["election_results"]))

    path = records_dir / "national_vote_share.csv"
    file = display_path(path)
    rows = read_csv(path, ["election_date", "area", "party", "vote_share_pct", "source_url"])
    tables["national_vote_share"] = [
        {**row, "election_date": _date(row["election_date"], file, n),
         "vote_share_pct": _float(row["vote_share_pct"], file, n), "_origin": (file, n)}
        for n, row in enumerate(rows, start=1)
    ]
    out.reconcile(file, len(rows), len(tables["national_vote_share"]))

    path = records_dir / "campaign_spending_2017.csv"
    file = display_path(path)
    rows = read_csv(path, ["party", "item", "amount_gbp", "note", "source_url"])
    spending = []
    for n, row in enumerate(rows, start=1):
        if row["item"] not in SPENDING_LABELS:
            raise InputError(file, f"unknown spending item {row['item']!r}", n)
        spending.append({"party": row["party"], "item": SPENDING_LABELS[row["item"]], "item_label": row["item"],
                         "amount_gbp": _int(row["amount_gbp"], file, n), "note": row["note"] or None,
                         "source_url": row["source_url"], "_origin": (file, n)})
    tables["campaign_spending"] = spending
    out.reconcile(file, len(rows), len(spending))
    return tables


# --- value parsing -----------------------------------------------------------------

def _date(value, file: str, row: int) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InputError(file, f"not an ISO date: {value!r}", row) from None


def _int(value: str, file: str, row: int) -> int:
    try:
        return int(value)
    except ValueError:
        raise InputError(file, f"not a whole number: {value!r}", row) from None


def _float(value: str, file: str, row: int) -> float:
    try:
        return float(value)
    except ValueError:
        raise InputError(file, f"not a number: {value!r}", row) from None


def extra_files(result: Build) -> dict[str, bytes]:
    """Outputs beside the tables: the claims as schema.org ClaimReview records."""
    return {"claimreview.jsonld": export_claim_reviews(result.tables)}


# --- command line ----------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m takenover.pipeline", description=__doc__.splitlines()[0])
    parser.add_argument("--raw", type=Path, default=paths.RAW_DIR, help="folder of raw inputs (default: data/raw)")
    parser.add_argument("--out", type=Path, default=paths.DATA_DIR,
                        help="folder to write clean/ and datapackage.json into (default: data)")
    parser.add_argument("--check", action="store_true", help="rebuild in memory and fail if --out differs")
    args = parser.parse_args(argv)
    try:
        result = build(args.raw)
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    if args.check:
        stale = read_committed(result.tables, args.out, extra_files(result))
        for name in stale:
            print(f"stale: {name} differs from what the pipeline makes; run `make data`", file=sys.stderr)
        return 1 if stale else 0
    write_package(result.tables, args.out, extra_files(result))
    for name, rows in result.tables.items():
        print(f"{name:22} {len(rows):5} rows")
    print(f"{len(result.reconciliation)} row counts reconciled from raw input to clean tables")
    return 0


if __name__ == "__main__":
    sys.exit(main())
