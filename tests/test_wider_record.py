"""The wider-record review: every source says how it is known and whether it can corroborate, every open
claim was looked for, and every regrade is on record with its old and new grade."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import takenover
from takenover.cite import quotation, stored_pages
from takenover.data import pipeline
from takenover.data.fragments import reference_fragments

from conftest import RAW
from support.damage import entry_row, replace_in, set_key


def refs_row(key: str) -> int:
    return entry_row(RAW / "references.yml", f"- key: {key}\n")


def stored_copy_without_address(raw: Path) -> None:
    set_key(raw / "references.yml", "- key: guido2016\n", "urls", None)


def relay_without_what_it_relays(raw: Path) -> None:
    set_key(raw / "references.yml", "- key: dailymail2018\n", "relays", None)


def relay_offered_as_corroboration(raw: Path) -> None:
    for key, value in (("corroborated_by", "[dailymail2018]"), ("checked_against", "[dailymail2018]")):
        set_key(raw / "annotations/claims.yml", "- id: CL-C26\n", key, value)


def fragments_of_a_work_not_read(raw: Path) -> None:
    set_key(raw / "references.yml", "- key: forde2022\n", "fragments", "[x y]")


def open_claim_never_looked_for(raw: Path) -> None:
    path = raw / "annotations/claim_rechecks.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^- claim: CL-U01\n(?:  .*\n)*", "", text, count=1, flags=re.M), encoding="utf-8")


def revision_disagrees_with_register(raw: Path) -> None:
    replace_in(
        raw / "annotations/claim_revisions.yml",
        "  new: {status: corroborated_independent, likelihood: almost_certain, confidence: medium}\n",
        "  new: {status: corroborated_independent, likelihood: likely, confidence: medium}\n",
    )


def revision_that_changes_nothing(raw: Path) -> None:
    replace_in(
        raw / "annotations/claim_revisions.yml",
        "  old: {status: single_source, likelihood: likely, confidence: low}\n"
        "  new: {status: corroborated_independent, likelihood: almost_certain, confidence: medium}\n",
        "  old: {status: corroborated_independent, likelihood: almost_certain, confidence: medium}\n"
        "  new: {status: corroborated_independent, likelihood: almost_certain, confidence: medium}\n",
    )


def recheck_names_unknown_search(raw: Path) -> None:
    replace_in(raw / "annotations/claim_rechecks.yml", "  searches: [S001, ", "  searches: [S999, ")


def checkable_claim_with_no_search(raw: Path) -> None:
    set_key(raw / "annotations/claim_rechecks.yml", "- claim: CL-U01\n", "searches", None)


CASES = [
    (stored_copy_without_address, ["references.yml", f"row {refs_row('guido2016')}", "stored copy needs urls"]),
    (relay_without_what_it_relays, ["references.yml", f"row {refs_row('dailymail2018')}", "relays lists"]),
    (relay_offered_as_corroboration, ["claims.yml", "dailymail2018 is a relay", "cannot corroborate"]),
    (fragments_of_a_work_not_read, ["references.yml", f"row {refs_row('forde2022')}", "not read as one"]),
    (open_claim_never_looked_for, ["claim_rechecks.yml", "never looked for", "CL-U01"]),
    (revision_disagrees_with_register, ["claim_revisions.yml, row 1", "is not CL-U12's grade in claims.yml"]),
    (revision_that_changes_nothing, ["claim_revisions.yml, row 1", "must change something"]),
    (recheck_names_unknown_search, ["claim_rechecks.yml", "S999", "not searches in searches.yml"]),
    (checkable_claim_with_no_search, ["claim_rechecks.yml", "CL-U01 can be checked in principle"]),
]


@pytest.mark.parametrize(("damage", "expected"), CASES, ids=[case[0].__name__ for case in CASES])
def test_bad_wider_record_stops_the_pipeline_with_file_and_row(damage, expected, raw_copy, tmp_path, capsys):
    damage(raw_copy)
    assert pipeline.main(["--raw", str(raw_copy), "--out", str(tmp_path / "out")]) == 1
    message = capsys.readouterr().err
    for fragment in expected:
        assert fragment in message, f"{fragment!r} missing from: {message}"
    assert not (tmp_path / "out").exists(), "the pipeline wrote output despite failing"


def test_every_open_claim_was_looked_for_in_the_wider_record():
    claims = takenover.load("claims")
    open_ids = set(claims.loc[claims["evidence_status"].isin(["single_source", "not_checkable"]), "claim_id"])
    looked_for = set(takenover.load("claim_rechecks")["claim_id"])
    assert open_ids <= looked_for
    assert looked_for - open_ids, "the regraded and corroborated claims were looked for too"


def test_every_regrade_is_on_record_and_ends_at_the_registers_grade():
    claims = takenover.load("claims").set_index("claim_id")
    revisions = takenover.load("claim_revisions")
    assert len(revisions) > 0
    for row in revisions.itertuples():
        now = claims.loc[row.claim_id]
        assert (row.new_status, row.new_likelihood, row.new_confidence) == (
            now["evidence_status"],
            now["likelihood"],
            now["confidence"],
        )
        assert (row.old_status, row.old_likelihood, row.old_confidence) != (
            row.new_status,
            row.new_likelihood,
            row.new_confidence,
        )


def test_only_independent_sources_corroborate():
    refs = takenover.load("references").set_index("reference_key")
    for items in takenover.load("claims")["corroborated_by"].dropna():
        for item in items.split("; "):
            if item in refs.index:
                assert refs.loc[item, "independence"] == "independent", item
                assert refs.loc[item, "read_as"] != "not_held", item


def test_no_stored_page_is_republished(built_site):
    """No run of more than a few words of any stored public page appears on the site or in the data."""
    pages = [quotation.page_text(p.read_text(encoding="utf-8")) for p in (built_site / "_build/html").rglob("*.html")]
    measured = stored_pages.measure_pages(pages + quotation.data_texts()).set_index("reference_key")
    assert len(measured) > 50, "most stored pages have fragments recorded to measure against"
    too_long = measured[measured["longest_run"] > stored_pages.LONGEST_QUOTE]
    assert too_long.empty, f"runs longer than {stored_pages.LONGEST_QUOTE} words: {too_long.to_dict('index')}"


def test_the_stored_page_measure_catches_a_lifted_sentence():
    """The check above must be able to fail: a page's fragment published whole is caught."""
    fragment = max(reference_fragments()["guido2016"], key=lambda f: len(f.split()))
    measured = stored_pages.measure_pages([f"Our summary: {fragment}"]).set_index("reference_key")
    assert measured.loc["guido2016", "longest_run"] > stored_pages.LONGEST_QUOTE
