"""The claims register: coded from the codebook, checked from the records, exported as ClaimReview."""

from __future__ import annotations

import csv
import json
import re

import takenover
from takenover.cite import exports
from takenover.cite.claimreview import REQUIRED

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
    assert set(claims["segment_role"].astype(str)) <= {"body", "quotation", "comment"}
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
    assert checks.loc["labour-rise-2017", "record_value"] == 9.6
    assert "not including, 1945" in checks.loc["labour-rise-2017", "result"]
    assert checks.loc["five-thousand-scale", "record_value"] == round(100 * 5000 / 577270, 2)
    assert checks["holds"].isna().sum() == 1, "only the scale check has no verdict"
    assert not checks.loc["red-labour-blog-size", "holds"], "the blog's 'several thousand' understates Red Labour"


def test_numeric_claims_point_at_their_checks():
    claims = takenover.load("claims").set_index("claim_id")
    assert claims.loc["CL-C22", "check_id"] == "pudsey-margin-2017"
    assert claims.loc["CL-C08", "check_id"] == "five-thousand-scale"
    assert claims.loc["CL-U13", "evidence_status"] == "contradicted"
    with_check = claims.dropna(subset=["check_id"])
    assert (with_check["checked_against"].str.contains("check:")).all()


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


def test_claimreview_export_has_the_required_properties():
    document = json.loads((DATA / "claimreview.jsonld").read_text(encoding="utf-8"))
    assert document["@context"] == "https://schema.org"
    reviews = document["@graph"]
    assert len(reviews) == len(takenover.load("claims"))
    for review in reviews:
        assert review["@type"] == "ClaimReview"
        for key in REQUIRED:
            assert review.get(key), f"{review['@id']}: {key} missing"
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", review["datePublished"])
        assert review["reviewRating"]["@type"] == "Rating"
        assert review["reviewRating"]["alternateName"]
        item = review["itemReviewed"]
        assert item["@type"] == "Claim"
        assert item["author"]["name"]
        assert item["text"]
        assert item["appearance"]["url"].startswith("https://")


def test_every_sentence_of_article_text_is_accounted_for():
    sentences = takenover.load("sentences")
    claims = takenover.load("claims")
    segments = takenover.load("segments")
    article_lines = segments[segments["role"].isin(["body", "quotation"])]
    assert set(sentences["segment_id"]) == set(article_lines["segment_id"])
    covered = sentences["claim_ids"].notna() ^ sentences["non_claim_reason"].notna()
    assert covered.all(), sentences.loc[~covered, "text"].tolist()
    named = {cid for ids in sentences["claim_ids"].dropna() for cid in ids.split("; ")}
    article_claims = set(claims.loc[claims["segment_role"] != "comment", "claim_id"])
    assert article_claims <= named, f"claims not found in any sentence: {article_claims - named}"
