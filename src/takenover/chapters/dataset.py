"""Numbers the chapters quote in their prose, computed from the clean tables."""

from __future__ import annotations

import pandas as pd

from ..data.loader import descriptor, load, table_names
from .comments import thread_coverage


def dataset_facts() -> dict[str, int | str]:
    """Counts the dataset chapter states: coverage, roles, dates and bounds."""
    comments = load("comments")
    segments = load("segments")
    events = load("events")
    measurements = load("measurements")
    facts = {
        "n_sources": len(load("sources")),
        "n_tables": len(table_names()),
        "n_segments": len(segments),
        **thread_coverage(),
        "comments_by_blog_author": int(comments["by_blog_author"].sum()),
        "comments_with_likes": int(comments["likes"].notna().sum()),
        "n_events": len(events),
        "events_inferred": int((events["date_basis"] == "inferred").sum()),
        "events_stated": int((events["date_basis"] == "stated").sum()),
        "events_from_address": int((events["date_basis"] == "from_address").sum()),
        "n_measurements": len(measurements),
        "measurements_by_commenters": int((measurements["speaker_role"] == "commenter").sum()),
        "measurements_quoted": int((measurements["speaker_role"] == "quoted_source").sum()),
    }
    published = load("sources").set_index("source_id").loc["ukileft-2016", "published"]
    dated = events.set_index("event_id")["date"]
    facts["ukileft_published"] = published.strftime("%A %-d %B %Y")
    facts["ukileft_last_sunday"] = dated["EV-group-01"].strftime("%A %-d %B")
    facts["ukileft_thursday"] = dated["EV-group-02"].strftime("%A %-d %B")
    for role, count in segments["role"].value_counts().items():
        facts[f"segments_{role}"] = int(count)
    for bound, count in measurements["bound"].value_counts().items():
        facts[f"bound_{bound}"] = int(count)
    return facts


def table_overview() -> pd.DataFrame:
    """One row per table: name, title, row count and what it holds."""
    rows = []
    for res in descriptor()["resources"]:
        rows.append(
            {"table": res["name"], "title": res["title"], "rows": len(load(res["name"])), "holds": res["description"]}
        )
    return pd.DataFrame(rows)


def licence_overview() -> pd.DataFrame:
    """Each table with the licence its descriptor declares, grouped so a reader sees the exceptions."""
    rows = [
        {"table": res["name"], "licence": res["licenses"][0]["name"], "terms": res["licenses"][0]["title"]}
        for res in descriptor()["resources"]
    ]
    frame = pd.DataFrame(rows)
    return frame.groupby(["licence", "terms"], sort=False)["table"].apply(", ".join).reset_index()
