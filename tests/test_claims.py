"""The claims register: coded from the codebook, checked from the records, exported as ClaimReview."""

from __future__ import annotations

import csv
import json
import re

import pandas as pd

import takenover
from takenover.cite import exports

from conftest import DATA, RAW


def declared(constituency: str, date: str) -> list[int]:
    with open(RAW / "records" / "election_results.csv", encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["constituency"] == constituency and r["election_date"] == date]
    return sorted((int(r["votes"]) for r in rows), reverse=True)


def test_every_claim_uses_codes_from_the_codebook():
    claims = takenover.load("claims")
    codes = takenover.load("claim_codes")
    for scheme, column in [
        ("type", "claim_type"),
        ("status", "evidence_status"),
        ("likelihood", "likelihood"),
        ("confidence", "confidence"),
    ]:
        defined = set(codes.loc[codes["scheme"] == scheme, "code"])
        used = set(claims[column].astype(str))
        assert used <= defined, f"{column} uses codes missing from the codebook: {used - defined}"
        assert defined, scheme
    assert claims["claim_type"].notna().all()
    assert claims["evidence_status"].notna().all()


def test_every_source_has_claims_and_every_claim_is_in_article_text_or_a_comment():
    claims = takenover.load("claims")
    assert set(claims["source_id"]) == set(takenover.load("sources")["source_id"])
    assert set(claims["segment_role"].astype(str)) <= {
        "title",
        "byline",
        "heading",
        "body",
        "quotation",
        "caption",
        "comment",
    }
    roles = set(claims["segment_role"].astype(str))
    assert {"title", "caption", "heading"} <= roles, "headlines and captions make claims too"
    commenters = claims[claims["claimant_kind"] == "commenter"]
    assert (commenters["segment_role"] == "comment").all()
    assert commenters["comment_id"].notna().all()


def test_checks_give_the_values_the_records_imply():
    checks = takenover.load("checks").set_index("check_id")
    pudsey_2017 = declared("Pudsey", "2017-06-08")
    assert checks.loc["pudsey-margin-2017", "record_value"] == pudsey_2017[0] - pudsey_2017[1] == 331
    assert bool(checks.loc["pudsey-margin-2017", "holds"])
    lne_2015 = declared("Leeds North East", "2015-05-07")
    assert checks.loc["lne-majority-2015", "record_value"] == lne_2015[0] - lne_2015[1]
    lne_2017 = declared("Leeds North East", "2017-06-08")
    assert checks.loc["lne-majority-2017", "record_value"] == lne_2017[0] - lne_2017[1] == 16991
    assert "Conservative candidate's vote" in checks.loc["lne-majority-2017", "result"]
    series = pd.read_csv(RAW / "records" / "labour_vote_share_series.csv")
    for name in ("parlgov", "uk_tabulated"):
        shares = series[series["series"] == name].set_index("election_date")["labour_vote_share_pct"]
        check = checks.loc[f"labour-rise-2017-{name.replace('_', '-')}"]
        assert check["record_value"] == round(shares["2017-06-08"] - shares["2015-05-07"], 1)
        assert round(shares["1945-07-05"] - shares["1935-11-14"], 1) > check["record_value"], "1945 rose more"
        assert bool(check["holds"]), "the claim holds as 'since, not including, 1945'"
        assert "natural reading, the largest rise after 1945" in check["result"]
    assert checks.loc["five-thousand-scale", "record_value"] == round(100 * 5000 / 577270, 2)
    no_verdict = set(checks.index[checks["holds"].isna()])
    assert no_verdict == {"five-thousand-scale", "lne-majority-share-2015"}, "only scale and context checks"
    assert not checks.loc["red-labour-blog-size", "holds"], "the blog's 'several thousand' understates Red Labour"
    for row in checks.itertuples():
        for figure in re.findall(r"\d[\d,]*", row.computation.split(";")[0])[:2]:
            assert figure in row.computation, "the working shows each figure it uses"
        assert row.sources, f"{row.check_id}: no source for its figures"


def test_numeric_claims_point_at_their_checks():
    claims = takenover.load("claims").set_index("claim_id")
    assert claims.loc["CL-C22", "check_ids"] == "pudsey-margin-2017"
    assert claims.loc["CL-C08", "check_ids"] == "five-thousand-scale"
    assert claims.loc["CL-C27", "check_ids"] == "labour-rise-2017-parlgov; labour-rise-2017-uk-tabulated"
    assert claims.loc["CL-U13", "evidence_status"] == "contradicted"
    with_check = claims.dropna(subset=["check_ids"])
    for cid, row in with_check.iterrows():
        for check in row["check_ids"].split("; "):
            assert f"check:{check}" in row["checked_against"], f"{cid}: a check it rests on is not listed as consulted"
    checks = takenover.load("checks")
    assert set(checks["check_id"]) == {c for ids in with_check["check_ids"] for c in ids.split("; ")}


def test_hedges_are_found_by_the_lexicon():
    claims = takenover.load("claims").set_index("claim_id")
    assert claims.loc["CL-U07", "hedges"] == "allegedly"
    assert claims.loc["CL-U26", "hedges"] == "some have speculated; may"
    assert claims.loc["CL-C14", "hedge_count"] == 2
    assert claims.loc["CL-C17", "hedge_count"] == 0
    lexicon = set(takenover.load("hedge_lexicon")["term"])
    for found in claims["hedges"].dropna():
        assert set(found.split("; ")) <= lexicon


def test_contested_claims_carry_the_other_side():
    claims = takenover.load("claims")
    counters = takenover.load("counter_accounts")
    assert set(counters["counter_id"]) <= set(claims["counter_id"].dropna())
    red = claims[claims["counter_id"] == "CA-red-labour-statement"]
    assert set(red["source_id"]) == {"awl-2016"}


def test_committed_exports_match_the_clean_tables():
    assert exports.main(["--check"]) == 0, "an export in data/ is stale: run `make data` and commit the result"


def test_claimreview_export_reviews_every_public_claim_and_quotes_only_excerpts():
    """Structure against schema.org is tested in test_claimreview.py; here, what the records carry."""
    document = json.loads((DATA / "claimreview.jsonld").read_text(encoding="utf-8"))
    assert document["@context"] == "https://schema.org"
    reviews = document["@graph"]
    claims = takenover.load("claims")
    public = claims[claims["claimant_kind"] != "commenter"]
    ids = [r["url"].rsplit("#", 1)[1].upper() for r in reviews]
    assert ids == list(public["claim_id"]), "every public claim, and only those"
    excerpts = takenover.load("claim_excerpts").set_index("claim_id")["excerpt"]
    for claim_id, review in zip(ids, reviews, strict=True):
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", review["datePublished"])
        item = review["itemReviewed"]
        assert item.get("text") == excerpts.get(claim_id), "a claim's words appear only as its excerpt"
        assert item["appearance"]["url"].startswith("https://")


def test_every_sentence_of_article_text_and_comments_is_accounted_for():
    sentences = takenover.load("sentences")
    claims = takenover.load("claims")
    segments = takenover.load("segments")
    asserting = segments[segments["role"] != "furniture"]
    assert set(sentences["segment_id"]) == set(asserting["segment_id"]), "every line of article text and comments"
    covered = sentences["claim_ids"].notna() ^ sentences["non_claim_reason"].notna()
    assert covered.all(), sentences.loc[~covered, "sentence_id"].tolist()
    named = {cid for ids in sentences["claim_ids"].dropna() for cid in ids.split("; ")}
    assert set(claims["claim_id"]) <= named, f"claims not found in any sentence: {set(claims['claim_id']) - named}"
    assert {"title", "caption", "heading", "comment"} <= set(sentences["role"].astype(str))


def test_hedged_claims_keep_their_hedge_in_restatement():
    from takenover.data.hedges import compile_lexicon
    from takenover.data.pipeline.evidence_rules import ATTRIBUTION

    lexicon = compile_lexicon(list(takenover.load("hedge_lexicon")["term"]))
    hedged = takenover.load("claims").query("hedge_count > 0")
    assert len(hedged) >= 20
    for row in hedged.itertuples():
        assert lexicon.search(row.restatement) or ATTRIBUTION.search(row.restatement), row.claim_id


def test_corroboration_is_independent_of_the_claim():
    claims = takenover.load("claims").set_index("claim_id")
    for cid, row in claims.dropna(subset=["corroborated_by"]).iterrows():
        chain = set(row["chain_keys"].split("; ")) if isinstance(row["chain_keys"], str) else set()
        for item in row["corroborated_by"].split("; "):
            assert item not in chain, f"{cid}: {item} is in its own chain"
            if item in claims.index:
                assert claims.loc[item, "source_id"] != row["source_id"], f"{cid}: corroborated from its own source"
    held = {"election_results", "national_vote_share", "labour_vote_share_series", "campaign_spending"}
    for cid, row in claims[claims["confidence"] == "high"].iterrows():
        items = set(row["corroborated_by"].split("; "))
        assert items & held, f"{cid}: high confidence without a held record"
