"""Stage: the external records (results, vote shares, spending) and the secondary sources beside them.

References are read first: every record row must name, in source_url, a page that a reference
lists, so each figure can be cited to the work that gives it.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from ..errors import InputError
from ..rawio import check_unique, display_path, parse_date, parse_float, parse_int, read_annotations, read_csv
from ..schema.fields import SPENDING_ITEMS, VOTE_SHARE_SERIES
from ..textnorm import clean
from .state import Build

SPENDING_LABELS = {
    "total reported general election spending": "total_spending",
    "Facebook spending": "facebook_spending",
}
assert sorted(SPENDING_LABELS.values()) == sorted(SPENDING_ITEMS)
REFERENCE_KEYS = ["key", "type", "label", "title", "notes", "read_as", "independence", "stance"]
REFERENCE_OPTIONAL = [
    "author",
    "outlet",
    "published",
    "date_precision",
    "date_basis",
    "urls",
    "known_through",
    "relays",
    "fragments",
]
READ_AS = ["stored_copy", "reference_notes", "not_held"]
INDEPENDENCE = ["independent", "relay", "same_source"]
FRAGMENT_MAX_WORDS = 25


def references(path: Path, source_ids: set[str], out: Build) -> list[dict]:
    entries = read_annotations(path, REFERENCE_KEYS, REFERENCE_OPTIONAL)
    file = display_path(path)
    check_unique(entries, "key", file)
    keys = {e["key"] for e in entries} | source_ids
    rows = []
    for n, e in enumerate(entries, start=1):
        urls = [str(u) for u in e.get("urls") or []]
        if (e.get("published") is None) != (e.get("date_precision") is None):
            raise InputError(file, "give published and date_precision together, or neither", n)
        through = e.get("known_through")
        if through is not None and (through not in keys or through == e["key"]):
            raise InputError(file, f"known_through {through!r} is not another source or reference", n)
        _check_provenance(e, keys, file, n)
        rows.append(
            {
                "reference_key": e["key"],
                "type": e["type"],
                "label": e["label"],
                "title": e["title"],
                "author": e.get("author"),
                "outlet": e.get("outlet"),
                "published": parse_date(e["published"], file, n) if e.get("published") is not None else None,
                "date_precision": e.get("date_precision"),
                "url": urls[0] if urls else None,
                "other_urls": "; ".join(urls[1:]) or None,
                "known_through": through,
                "date_basis": clean(e["date_basis"]) if e.get("date_basis") else None,
                "read_as": e["read_as"],
                "independence": e["independence"],
                "relays": "; ".join(e.get("relays") or []) or None,
                "stance": clean(e["stance"]),
                "notes": clean(e["notes"]),
                "_origin": (file, n),
            }
        )
    out.reconcile(file, len(entries), len(rows))
    return rows


def _check_provenance(e: dict, keys: set[str], file: str, n: int) -> None:
    """How the book knows the work, and whether it can corroborate anything, must be stated and coherent."""
    if e["read_as"] not in READ_AS:
        raise InputError(file, f"read_as must be one of {READ_AS}, not {e['read_as']!r}", n)
    if (e["read_as"] == "not_held") != (e.get("known_through") is not None):
        raise InputError(file, "a work not held (read_as: not_held) needs known_through, and only such a work", n)
    if e["read_as"] == "stored_copy":
        missing = [k for k in ("urls", "outlet") if not e.get(k)]
        if missing:
            raise InputError(file, f"a page read as a stored copy needs {', '.join(missing)}", n)
    if e.get("published") is not None and not e.get("date_basis"):
        raise InputError(file, "say how the date is known (date_basis)", n)
    if e["independence"] not in INDEPENDENCE:
        raise InputError(file, f"independence must be one of {INDEPENDENCE}, not {e['independence']!r}", n)
    relays = e.get("relays") or []
    if not isinstance(relays, list) or (e["independence"] == "independent") == bool(relays):
        raise InputError(file, "relays lists what a relay or same-source page repeats, and only for such a page", n)
    unknown = [r for r in relays if r not in keys or r == e["key"]]
    if unknown:
        raise InputError(file, f"relays names {unknown}, which are not other sources or references", n)
    fragments = e.get("fragments") or []
    if not isinstance(fragments, list) or not all(isinstance(f, str) and f.strip() for f in fragments):
        raise InputError(file, "fragments must be a list of the page's words, as text", n)
    if fragments and e["read_as"] != "stored_copy":
        raise InputError(file, "fragments are checked against a stored copy; this work was not read as one", n)
    if any(len(f.split()) > FRAGMENT_MAX_WORDS for f in fragments):
        raise InputError(
            file, f"a fragment is longer than {FRAGMENT_MAX_WORDS} words; keep only what wording checks need", n
        )


def _reference_of(url: str, refs: list[dict], file: str, row: int) -> str:
    """The reference whose addresses include url: a record's figure is cited to the page that gives it."""
    for ref in refs:
        if url == ref["url"] or url in (ref["other_urls"] or "").split("; "):
            return ref["reference_key"]
    raise InputError(file, f"source_url {url!r} belongs to no reference in references.yml; add it there", row)


def election_results(path: Path, refs: list[dict], out: Build) -> list[dict]:
    file = display_path(path)
    rows = read_csv(path, ["constituency", "election_date", "party", "candidate", "votes", "source_url"])
    results = [
        {
            **row,
            "election_date": parse_date(row["election_date"], file, n),
            "candidate": row["candidate"] or None,
            "votes": parse_int(row["votes"], file, n),
            "reference_key": _reference_of(row["source_url"], refs, file, n),
            "_origin": (file, n),
        }
        for n, row in enumerate(rows, start=1)
    ]
    out.reconcile(file, len(rows), len(results))
    return results


def national_vote_share(path: Path, refs: list[dict], out: Build) -> list[dict]:
    file = display_path(path)
    rows = read_csv(path, ["election_date", "area", "party", "vote_share_pct", "source_url"])
    shares = [
        {
            **row,
            "election_date": parse_date(row["election_date"], file, n),
            "vote_share_pct": parse_float(row["vote_share_pct"], file, n),
            "reference_key": _reference_of(row["source_url"], refs, file, n),
            "_origin": (file, n),
        }
        for n, row in enumerate(rows, start=1)
    ]
    out.reconcile(file, len(rows), len(shares))
    return shares


def labour_vote_share_series(path: Path, refs: list[dict], out: Build) -> list[dict]:
    file = display_path(path)
    rows = read_csv(path, ["series", "election_date", "labour_vote_share_pct", "source_url", "note"])
    series = []
    for n, row in enumerate(rows, start=1):
        if row["series"] not in VOTE_SHARE_SERIES:
            raise InputError(file, f"unknown series {row['series']!r} (known: {', '.join(VOTE_SHARE_SERIES)})", n)
        series.append(
            {
                **row,
                "election_date": parse_date(row["election_date"], file, n),
                "labour_vote_share_pct": parse_float(row["labour_vote_share_pct"], file, n),
                "reference_key": _reference_of(row["source_url"], refs, file, n),
                "note": row["note"] or None,
                "_origin": (file, n),
            }
        )
    out.reconcile(file, len(rows), len(series))
    return series


def vote_share_changes(series: list[dict], out: Build) -> list[dict]:
    """Every change between consecutive elections, within one series only, with the rank of each rise."""
    changes = []
    for name in VOTE_SHARE_SERIES:
        rows = sorted((r for r in series if r["series"] == name), key=lambda r: r["election_date"])
        for before, after in pairwise(rows):
            change = round(after["labour_vote_share_pct"] - before["labour_vote_share_pct"], 1)
            changes.append(
                {
                    "series": name,
                    "election_date": after["election_date"],
                    "previous_election_date": before["election_date"],
                    "change_pts": change,
                    "rank_of_rise": None,
                }
            )
        rises = sorted(
            (c for c in changes if c["series"] == name and c["change_pts"] > 0), key=lambda c: -c["change_pts"]
        )
        for rank, change in enumerate(rises, start=1):
            change["rank_of_rise"] = rank
        out.reconcile(
            f"vote share changes in {name}", max(len(rows) - 1, 0), sum(1 for c in changes if c["series"] == name)
        )
    return changes


def campaign_spending(path: Path, refs: list[dict], out: Build) -> list[dict]:
    file = display_path(path)
    rows = read_csv(path, ["party", "item", "amount_gbp", "note", "source_url"])
    spending = []
    for n, row in enumerate(rows, start=1):
        if row["item"] not in SPENDING_LABELS:
            raise InputError(file, f"unknown spending item {row['item']!r}", n)
        spending.append(
            {
                "party": row["party"],
                "item": SPENDING_LABELS[row["item"]],
                "item_label": row["item"],
                "amount_gbp": parse_int(row["amount_gbp"], file, n),
                "note": row["note"] or None,
                "source_url": row["source_url"],
                "reference_key": _reference_of(row["source_url"], refs, file, n),
                "_origin": (file, n),
            }
        )
    out.reconcile(file, len(rows), len(spending))
    return spending


def secondary_figures(path: Path, out: Build) -> list[dict]:
    file = display_path(path)
    rows = read_csv(path, ["reference_key", "subject", "value", "unit", "bound", "applies_to", "note"])
    figures = [
        {
            **r,
            "value": parse_float(r["value"], file, n),
            "applies_to": parse_date(r["applies_to"], file, n),
            "note": r["note"] or None,
            "_origin": (file, n),
        }
        for n, r in enumerate(rows, start=1)
    ]
    out.reconcile(file, len(rows), len(figures))
    return figures
