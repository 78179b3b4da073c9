"""Stage: the external records (results, vote shares, spending) and the secondary sources beside them."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..rawio import check_unique, display_path, parse_date, parse_float, parse_int, read_annotations, read_csv
from ..schema import SPENDING_ITEMS
from ..textnorm import clean
from .state import Build

SPENDING_LABELS = {
    "total reported general election spending": "total_spending",
    "Facebook spending": "facebook_spending",
}
assert sorted(SPENDING_LABELS.values()) == sorted(SPENDING_ITEMS)


def election_results(path: Path, out: Build) -> list[dict]:
    file = display_path(path)
    rows = read_csv(path, ["constituency", "election_date", "party", "candidate", "votes", "source_url"])
    results = [
        {
            **row,
            "election_date": parse_date(row["election_date"], file, n),
            "candidate": row["candidate"] or None,
            "votes": parse_int(row["votes"], file, n),
            "_origin": (file, n),
        }
        for n, row in enumerate(rows, start=1)
    ]
    out.reconcile(file, len(rows), len(results))
    return results


def national_vote_share(path: Path, out: Build) -> list[dict]:
    file = display_path(path)
    rows = read_csv(path, ["election_date", "area", "party", "vote_share_pct", "source_url"])
    shares = [
        {
            **row,
            "election_date": parse_date(row["election_date"], file, n),
            "vote_share_pct": parse_float(row["vote_share_pct"], file, n),
            "_origin": (file, n),
        }
        for n, row in enumerate(rows, start=1)
    ]
    out.reconcile(file, len(rows), len(shares))
    return shares


def campaign_spending(path: Path, out: Build) -> list[dict]:
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
                "_origin": (file, n),
            }
        )
    out.reconcile(file, len(rows), len(spending))
    return spending


def references(path: Path, out: Build) -> list[dict]:
    keys = ["key", "type", "title", "published", "date_precision"]
    entries = read_annotations(path, keys, ["author", "outlet", "url", "notes"])
    file = display_path(path)
    check_unique(entries, "key", file)
    rows = [
        {
            "reference_key": e["key"],
            "type": e["type"],
            "title": e["title"],
            "author": e.get("author"),
            "outlet": e.get("outlet"),
            "published": parse_date(e["published"], file, n),
            "date_precision": e["date_precision"],
            "url": e.get("url"),
            "notes": clean(e["notes"]) if e.get("notes") else None,
            "_origin": (file, n),
        }
        for n, e in enumerate(entries, start=1)
    ]
    out.reconcile(file, len(entries), len(rows))
    return rows


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
