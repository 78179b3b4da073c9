"""The pipeline's output: deterministic, valid, up to date, and faithful to the raw texts."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd
import pytest
import yaml
from frictionless import validate

import takenover
from takenover.data import pipeline
from takenover.data.loader import descriptor, table_names
from takenover.data.textnorm import clean

from conftest import DATA, RAW

QUOTED_TABLES = {
    "incidents": "quote",
    "events": "quote",
    "measurements": "quote",
    "threads": "quote",
    "segments": "text",
    "comments": "text",
    "claims": "quote",
}


def raw_texts() -> dict[str, str]:
    sources = takenover.load("sources")
    return {row.source_id: (RAW / row.raw_file).read_text(encoding="utf-8") for row in sources.itertuples()}


def test_committed_data_match_what_the_pipeline_makes():
    assert pipeline.main(["--check"]) == 0, "data/clean is stale: run `make data` and commit the result"


def test_two_runs_give_byte_identical_files(tmp_path: Path):
    first, second = tmp_path / "first", tmp_path / "second"
    assert pipeline.main(["--out", str(first)]) == 0
    assert pipeline.main(["--out", str(second)]) == 0
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files, "the pipeline wrote nothing"
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for rel in files:
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), f"{rel} differs between runs"
        assert (first / rel).read_bytes() == (DATA / rel).read_bytes(), f"{rel} differs from the committed copy"


def test_descriptor_validates_with_frictionless():
    report = validate(str(DATA / "datapackage.json"))
    errors = [f"{task.name}: {err.message}" for task in report.tasks for err in task.errors]
    assert report.valid, "\n".join(errors[:20])


def test_every_table_loads_with_its_schema_types():
    for name in table_names():
        frame = takenover.load(name)
        assert len(frame) > 0, f"{name} is empty"
    events = takenover.load("events")
    assert str(events["date"].dtype).startswith("datetime64")
    assert events["precision"].dtype == "category"
    assert takenover.load("comments")["likes"].dtype == "Int64"


def test_foreign_keys_hold():
    package = descriptor()
    checked = 0
    for res in package["resources"]:
        frame = takenover.load(res["name"])
        for fk in res["schema"].get("foreignKeys", []):
            target = fk["reference"]["resource"] or res["name"]
            allowed = set(takenover.load(target)[fk["reference"]["fields"]])
            values = set(frame[fk["fields"]].dropna())
            assert values <= allowed, f"{res['name']}.{fk['fields']}: {sorted(values - allowed)} not in {target}"
            checked += 1
    assert checked >= 10


@pytest.mark.parametrize(("table", "column"), sorted(QUOTED_TABLES.items()))
def test_every_quote_sits_at_its_offsets_in_the_raw_text(table, column):
    texts = raw_texts()
    frame = takenover.load(table)
    source_column = "primary_source_id" if table == "incidents" else "source_id"
    rows = frame.dropna(subset=["char_start"])
    assert len(rows) > 0
    for row in rows.itertuples():
        raw = texts[getattr(row, source_column)]
        span = raw[row.char_start : row.char_end]
        assert span == span.strip(), f"{table} {row[1]}: span has untrimmed white space"
        assert clean(span) == clean(getattr(row, column)), (
            f"{table} {row[1]}: text differs from raw[{row.char_start}:{row.char_end}]"
        )


def test_row_counts_reconcile_from_raw_to_clean():
    texts = raw_texts()
    segments = takenover.load("segments")
    for source_id, raw in texts.items():
        nonblank = sum(1 for line in raw.split("\n") if line.strip())
        assert (segments["source_id"] == source_id).sum() == nonblank, source_id

    ukileft = texts["ukileft-2016"]
    after_header = ukileft[ukileft.index("thoughts on") :]
    numbered = len(re.findall(r"^ +\d+\. ", after_header, flags=re.M))
    likes_lines = len(re.findall(r"^ +Liked by \d+ (?:people|person)", after_header, flags=re.M))
    comments = takenover.load("comments")
    assert comments["captured"].sum() == numbered
    assert comments["likes"].notna().sum() == likes_lines

    for table, file in [
        ("incidents", "incidents.yml"),
        ("events", "events.yml"),
        ("measurements", "measurements.yml"),
        ("claims", "claims.yml"),
        ("counter_accounts", "counter_accounts.yml"),
        ("hedge_lexicon", "hedge_lexicon.yml"),
    ]:
        entries = yaml.safe_load((RAW / "annotations" / file).read_text(encoding="utf-8"))
        assert len(takenover.load(table)) == len(entries), table
    for table, file in [
        ("election_results", "election_results.csv"),
        ("national_vote_share", "national_vote_share.csv"),
        ("campaign_spending", "campaign_spending_2017.csv"),
        ("secondary_figures", "secondary_figures.csv"),
    ]:
        with open(RAW / "records" / file, encoding="utf-8", newline="") as handle:
            assert len(takenover.load(table)) == sum(1 for _ in csv.DictReader(handle)), table


def test_comment_tree_is_consistent():
    comments = takenover.load("comments").set_index("comment_id")
    threads = takenover.load("threads").iloc[0]
    assert threads["stated_comment_count"] == 24
    assert threads["captured_comment_count"] == 8
    placeholder = comments.loc["C0"]
    assert not placeholder["captured"]
    assert placeholder["depth"] == 0
    assert pd.isna(placeholder["text"])
    assert comments.loc["C1", "parent_id"] == "C0", "the first captured comment answers the missing one"
    for cid, row in comments.iterrows():
        if row["depth"] == 0:
            assert pd.isna(row["parent_id"]), cid
        else:
            assert comments.loc[row["parent_id"], "depth"] == row["depth"] - 1, cid
    assert list(comments.index[comments["by_blog_author"]]) == ["C7"]
    assert comments.loc["C3", "likes"] == 2
    assert comments.loc["C4", "likes"] == 1


def test_furniture_is_kept_out_of_article_text():
    segments = takenover.load("segments")
    furniture = set(segments.loc[segments["role"] == "furniture", "text"])
    assert "Support us and go ad-free" in furniture
    assert any(text.startswith("This website uses cookies") for text in furniture)
    body = segments.loc[segments["role"] == "body", "text"]
    assert not body.str.contains("Support us|cookies|Liked by", regex=True).any()
