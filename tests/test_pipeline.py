"""The pipeline's output: deterministic, valid, up to date, and faithful to the raw texts."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml
from frictionless import validate

import takenover
from takenover.data import pipeline
from takenover.data.loader import descriptor, table_names
from takenover.data.textnorm import clean
from takenover.data.validate import key_fields

from conftest import DATA, RAW

# Tables built from annotations: each row's span must re-read as the words its annotation quotes.
ANNOTATED = {
    "incidents": "incidents.yml",
    "events": "events.yml",
    "measurements": "measurements.yml",
    "claims": "claims.yml",
}
SPAN_TABLES = [
    "incidents",
    "segments",
    "comments",
    "threads",
    "events",
    "measurements",
    "claims",
    "claim_excerpts",
    "sentences",
]


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
            fields, ref_fields = key_fields(fk["fields"]), key_fields(fk["reference"]["fields"])
            allowed = set(takenover.load(target)[ref_fields].itertuples(index=False, name=None))
            values = set(frame[fields].dropna().astype(object).itertuples(index=False, name=None))
            assert values <= allowed, f"{res['name']}.{fields}: {sorted(values - allowed)[:5]} not in {target}"
            checked += 1
    assert checked >= 10


@pytest.mark.parametrize("table", sorted(ANNOTATED))
def test_every_span_reads_as_the_words_its_annotation_quotes(table):
    texts = raw_texts()
    frame = takenover.load(table).set_index(takenover.load(table).columns[0])
    entries = yaml.safe_load((RAW / "annotations" / ANNOTATED[table]).read_text(encoding="utf-8"))
    quoted = [e for e in entries if e.get("quote")]
    assert quoted
    source_column = "primary_source_id" if table == "incidents" else "source_id"
    for entry in quoted:
        row = frame.loc[entry["id"]]
        span = texts[row[source_column]][row["char_start"] : row["char_end"]]
        assert clean(span) == clean(str(entry["quote"])), f"{table} {entry['id']}: raw[{row['char_start']}:...] differs"


@pytest.mark.parametrize("table", SPAN_TABLES)
def test_every_span_is_trimmed_and_inside_one_line(table):
    texts = raw_texts()
    segments = takenover.load("segments")
    frame = takenover.load(table).dropna(subset=["char_start"])
    source_of = frame["primary_source_id"] if table == "incidents" else frame.get("source_id")
    if source_of is None:  # claim_excerpts: the source is the claim's
        source_of = frame["claim_id"].map(takenover.load("claims").set_index("claim_id")["source_id"])
    assert len(frame) > 0
    for (_, row), source_id in zip(frame.iterrows(), source_of, strict=True):
        span = texts[source_id][row["char_start"] : row["char_end"]]
        assert span, f"{table} {row.iloc[0]}: empty span"
        assert span == span.strip(), f"{table} {row.iloc[0]}: untrimmed span"
        lines = segments[(segments["source_id"] == source_id) & (segments["char_start"] <= row["char_start"])]
        line = lines.iloc[-1]
        if table != "comments":  # a comment spans its paragraphs
            assert row["char_end"] <= line["char_end"], f"{table} {row.iloc[0]}: span crosses a line"


def test_excerpts_are_words_of_their_claims():
    texts = raw_texts()
    claims = takenover.load("claims").set_index("claim_id")
    for row in takenover.load("claim_excerpts").itertuples():
        claim = claims.loc[row.claim_id]
        assert claim["char_start"] <= row.char_start, row.claim_id
        assert row.char_end <= claim["char_end"], row.claim_id
        assert clean(texts[claim["source_id"]][row.char_start : row.char_end]) == row.excerpt, row.claim_id


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
        ("labour_vote_share_series", "labour_vote_share_series.csv"),
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
    assert pd.isna(placeholder["char_start"])
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
    texts = raw_texts()
    segments = takenover.load("segments")
    line = {
        role: [clean(texts[r.source_id][r.char_start : r.char_end]) for r in rows.itertuples()]
        for role, rows in segments.groupby("role", observed=True)
    }
    assert "Support us and go ad-free" in line["furniture"]
    assert any(text.startswith("This website uses cookies") for text in line["furniture"])
    assert not any(re.search("Support us|cookies|Liked by", text) for text in line["body"])


def test_vote_share_changes_stay_within_one_series():
    series = takenover.load("labour_vote_share_series")
    changes = takenover.load("vote_share_changes")
    for row in changes.itertuples():
        rows = series[series["series"] == row.series].set_index("election_date")["labour_vote_share_pct"]
        assert row.change_pts == round(rows[row.election_date] - rows[row.previous_election_date], 1)
        earlier = rows.index[rows.index < row.election_date]
        assert row.previous_election_date == earlier.max(), "a change must be between consecutive elections"
    for name, group in changes.groupby("series", observed=True):
        rises = group.dropna(subset=["rank_of_rise"]).sort_values("rank_of_rise")
        assert list(rises["rank_of_rise"]) == list(range(1, len(rises) + 1)), name
        assert rises["change_pts"].is_monotonic_decreasing, name


def test_sentiment_comes_from_the_pinned_lexicon():
    pinned = re.search(r"^vaderSentiment==(\S+)$", (DATA.parent / "requirements.txt").read_text(), re.M).group(1)
    scores = takenover.load("comment_sentiment")
    assert set(scores["lexicon"]) == {f"vaderSentiment {pinned}"}
    captured = takenover.load("comments").query("captured")
    assert set(scores["comment_id"]) == set(captured["comment_id"]), "every captured comment is scored"
    assert not any(c in scores.columns for c in ("text", "quote")), "scores only, never the words"


def test_the_relationships_that_hold_are_declared_and_checked_by_frictionless(tmp_path):
    """Codings to the codebook, techniques to the DISARM objects, changes to their series; and a
    coding with an unknown code is a foreign-key error for Frictionless itself."""
    declared = {
        (res["name"], tuple(key_fields(fk["fields"])), fk["reference"]["resource"])
        for res in descriptor()["resources"]
        for fk in res["schema"].get("foreignKeys", [])
    }
    assert ("comment_codings", ("dimension", "code"), "comment_codes") in declared
    assert ("episode_techniques", ("technique_id",), "disarm_objects") in declared
    assert ("vote_share_changes", ("series", "election_date"), "labour_vote_share_series") in declared
    assert ("vote_share_changes", ("series", "previous_election_date"), "labour_vote_share_series") in declared

    copy = tmp_path / "data"
    shutil.copytree(DATA / "clean", copy / "clean")
    package = descriptor()
    codings = copy / "clean" / "comment_codings.csv"
    lines = codings.read_text(encoding="utf-8").splitlines(keepends=True)
    first = lines[1].rstrip("\n").split(",")
    lines[1] = ",".join([*first[:3], "no_such_code"]) + "\n"
    codings.write_text("".join(lines), encoding="utf-8")
    for res in package["resources"]:
        data = (copy / res["path"]).read_bytes()
        res["hash"], res["bytes"] = "sha256:" + hashlib.sha256(data).hexdigest(), len(data)
    (copy / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    report = validate(str(copy / "datapackage.json"))
    assert [e.type for task in report.tasks for e in task.errors] == ["foreign-key"]


def test_the_package_licence_points_to_the_resources_that_differ():
    (licence,) = descriptor()["licenses"]
    assert licence["name"] == "CC-BY-4.0"
    differ = [r["name"] for r in descriptor()["resources"] if r["licenses"][0]["name"] != licence["name"]]
    assert differ
    for name in differ:
        assert name in licence["title"], f"the package licence does not point to {name}'s own"
