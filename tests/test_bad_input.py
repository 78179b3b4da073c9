"""Bad input stops the pipeline with a message naming the file and row, and writes nothing."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from takenover.data import pipeline

from conftest import DATA, RAW
from support.damage import replace_in, set_recorded_hash


def quote_not_in_source(raw: Path) -> None:
    replace_in(
        raw / "annotations/events.yml",
        "quote: last Sunday saw the beginning of a virtual coup",
        "quote: last Monday saw the beginning of a virtual coup",
    )


def duplicate_id(raw: Path) -> None:
    replace_in(raw / "annotations/measurements.yml", "- id: M-group-02", "- id: M-group-01")


def unknown_source_id(raw: Path) -> None:
    replace_in(raw / "annotations/events.yml", "  source: awl-2016", "  source: awl-2061")


def hash_mismatch(raw: Path) -> None:
    with open(raw / "texts/awl-2016-01-27-red-labour.txt", "ab") as handle:
        handle.write(b"\nAn edited line.\n")


def not_utf8(raw: Path) -> None:
    path = raw / "texts/canary-2018-07-16-sabotage.txt"
    data = path.read_bytes()
    path.write_bytes(data.replace("£5,000".encode(), "£5,000".encode("latin-1")))
    set_recorded_hash(raw, "texts/canary-2018-07-16-sabotage.txt")


def thread_skips_a_level(raw: Path) -> None:
    replace_in(raw / "texts/ukileft-2016-01-29-coup.txt", "\n  2. Astroturfing", "\n      2. Astroturfing")
    set_recorded_hash(raw, "texts/ukileft-2016-01-29-coup.txt")


def ambiguous_quote(raw: Path) -> None:
    replace_in(
        raw / "annotations/segment_roles.yml",
        '{source: canary-2018, role: furniture, quote: "Support us and go ad-free", occurrence: 2}',
        '{source: canary-2018, role: furniture, quote: "Support us and go ad-free"}',
    )


def value_outside_its_enum(raw: Path) -> None:
    replace_in(raw / "annotations/measurements.yml", "  bound: upper_bound\n", "  bound: roughly\n")


def commenter_id_does_not_match_quote(raw: Path) -> None:
    replace_in(raw / "annotations/measurements.yml", "  stated_by: C2\n", "  stated_by: C5\n")


def record_row_too_short(raw: Path) -> None:
    replace_in(
        raw / "records/election_results.csv",
        "Pudsey,2015-05-07,Labour,Jamie Hanley,19136,",
        "Pudsey,2015-05-07,Labour,19136,",
    )


CASES = [
    (quote_not_in_source, ["data/raw/annotations/events.yml, row 1", "quote not found", "last Monday"]),
    (duplicate_id, ["data/raw/annotations/measurements.yml, row 2", "duplicate id 'M-group-01'"]),
    (unknown_source_id, ["data/raw/annotations/events.yml, row 4", "unknown source id 'awl-2061'"]),
    (hash_mismatch, ["data/raw/sources.csv, row 2", "SHA-256 of texts/awl-2016-01-27-red-labour.txt"]),
    (not_utf8, ["data/raw/texts/canary-2018-07-16-sabotage.txt", "sabotage.txt, line 13", "not valid UTF-8"]),
    (thread_skips_a_level, ["data/raw/texts/ukileft-2016-01-29-coup.txt, line 66", "skips a level"]),
    (ambiguous_quote, ["data/raw/annotations/segment_roles.yml, row 18", "occurs 3 times", "occurrence: N"]),
    (value_outside_its_enum, ["data/raw/annotations/measurements.yml, row 2", "measurements.bound is 'roughly'"]),
    (commenter_id_does_not_match_quote, ["data/raw/annotations/measurements.yml, row 8", "the quote is in C2"]),
    (record_row_too_short, ["data/raw/records/election_results.csv, row 2", "expected 6 fields, found 5"]),
]


@pytest.mark.parametrize(("damage", "expected"), CASES, ids=[case[0].__name__ for case in CASES])
def test_bad_input_stops_with_a_clear_error_and_writes_nothing(damage, expected, raw_copy, tmp_path, capsys):
    out = tmp_path / "out"
    shutil.copytree(DATA / "clean", out / "clean")
    shutil.copy(DATA / "datapackage.json", out / "datapackage.json")
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    damage(raw_copy)
    assert pipeline.main(["--raw", str(raw_copy), "--out", str(out)]) == 1

    message = capsys.readouterr().err
    for fragment in expected:
        assert fragment in message, f"{fragment!r} missing from: {message}"
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before, "the pipeline changed its output folder despite failing"


def test_undamaged_copy_builds(raw_copy, tmp_path):
    """The fixtures above fail because of their damage, not because the copy is broken."""
    assert pipeline.main(["--raw", str(raw_copy), "--out", str(tmp_path / "out")]) == 0


def claim_quote_in_furniture(raw: Path) -> None:
    replace_in(
        raw / "annotations/claims.yml",
        "quote: These included voter registration drives.",
        "quote: We know everyone is suffering under the Tories",
    )


def claim_checked_against_unknown(raw: Path) -> None:
    replace_in(
        raw / "annotations/claims.yml",
        "checked_against: [labourbriefing2017]\n",
        "checked_against: [labourbriefing2071]\n",
    )


def codebook_example_miscoded(raw: Path) -> None:
    replace_in(raw / "annotations/claim_codebook.yml", "example: CL-C05", "example: CL-C04")


def claim_row(claim_id: str) -> int:
    """The 1-based entry number of a claim in the committed claims.yml, as error messages count."""
    ids = re.findall(r"^- id: (\S+)", (RAW / "annotations/claims.yml").read_text(encoding="utf-8"), flags=re.M)
    return ids.index(claim_id) + 1


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (claim_quote_in_furniture, [f"data/raw/annotations/claims.yml, row {claim_row('CL-C03')}", "furniture line"]),
        (
            claim_checked_against_unknown,
            [f"data/raw/annotations/claims.yml, row {claim_row('CL-A02')}", "labourbriefing2071"],
        ),
        (codebook_example_miscoded, ["data/raw/annotations/claim_codebook.yml, row 4", "CL-C04 is not coded 'motive'"]),
    ],
    ids=["claim_quote_in_furniture", "claim_checked_against_unknown", "codebook_example_miscoded"],
)
def test_bad_claim_annotations_stop_the_pipeline(damage, expected, raw_copy, tmp_path, capsys):
    damage(raw_copy)
    assert pipeline.main(["--raw", str(raw_copy), "--out", str(tmp_path / "out")]) == 1
    message = capsys.readouterr().err
    for fragment in expected:
        assert fragment in message, f"{fragment!r} missing from: {message}"
    assert not (tmp_path / "out" / "datapackage.json").exists()


def test_a_sentence_without_a_claim_stops_the_pipeline(raw_copy, tmp_path, capsys):
    """Completeness: deleting a claim leaves its sentence uncovered, and the pipeline says which."""
    path = raw_copy / "annotations/claims.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- id: CL-A21\n")
    end = text.index("- id: CL-A22\n")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    assert pipeline.main(["--raw", str(raw_copy), "--out", str(tmp_path / "out")]) == 1
    message = capsys.readouterr().err
    assert "data/raw/annotations/claims.yml" in message
    assert "sentence awl-2016:005.1 (body) has no claim" in message
    assert "They used videos, memes" in message


# --- the evidence rules of the claims register (issue: corroboration, hedges, citations) ---------


def set_claim_key(raw: Path, claim_id: str, key: str, value: str) -> None:
    """Set one key of one claim in the scratch claims.yml (value is YAML), replacing any old value."""
    path = raw / "annotations/claims.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"- id: {claim_id}\n")
    end = text.find("\n- id: ", start + 1)
    end = len(text) if end == -1 else end + 1
    block, line = text[start:end], f"  {key}: {value}\n"
    if re.search(rf"^  {key}:", block, flags=re.M):
        block = re.sub(rf"^  {key}:.*\n(?:    .*\n)*", lambda _: line, block, count=1, flags=re.M)
    else:
        block = block.replace("  verdict:", line + "  verdict:", 1)
    path.write_text(text[:start] + block + text[end:], encoding="utf-8")


def claim_rule(claim_id: str, **changes: str):
    def damage(raw: Path) -> None:
        for key, value in changes.items():
            set_claim_key(raw, claim_id, key, value)

    return damage


RULES = [
    # A comment under the post cannot corroborate the post: they are one source.
    (
        claim_rule("CL-U07", status="corroborated_in_corpus", corroborated_by="[CL-K17]", checked_against="[CL-K17]"),
        ["CL-U07", "same source", "one source"],
    ),
    # Nothing in the claim's own chain of attribution is independent of it.
    (
        claim_rule("CL-C33", status="corroborated_independent", corroborated_by="[sundaytimes2018]"),
        ["CL-C33", "sundaytimes2018 is in the claim's own chain"],
    ),
    # A work known only through a report of it is cited as that report.
    (
        claim_rule("CL-C15", corroborated_by="[forde2022]", checked_against="[forde2022]"),
        ["CL-C15", "forde2022 is not held", "independent2022"],
    ),
    # A status its supports cannot carry.
    (claim_rule("CL-A02", corroborated_by="[CL-U18]", checked_against="[CL-U18]"), ["CL-A02", "outside the corpus"]),
    (claim_rule("CL-U03", corroborated_by="[guido2016]", checked_against="[guido2016]"), ["CL-U03", "single_source"]),
    (claim_rule("CL-U13", likelihood="likely"), ["CL-U13", "contradicted claim must be judged unlikely"]),
    # High confidence rests on a held record, not on a secondary source.
    (claim_rule("CL-A03", confidence="high"), ["CL-A03", "confidence high needs a held record"]),
    # Almost certain needs independent corroboration.
    (claim_rule("CL-U10", likelihood="almost_certain"), ["CL-U10", "almost_certain needs independent corroboration"]),
    # A hedge in the source survives in the restatement, or the claim is attributed.
    (
        claim_rule("CL-U07", restatement="The account posed as a Labour Party representative."),
        ["CL-U07", "hedged (allegedly)", "neither keeps a hedge nor attributes"],
    ),
    # A number in a verdict must come from what the verdict rests on.
    (
        claim_rule("CL-U02", verdict="About 20,000 members, by our estimate."),
        ["CL-U02", "the verdict gives ['20,000']"],
    ),
    # Commenters are private people: their words are never excerpted.
    (claim_rule("CL-K05", excerpt="he deleted the group's admins"), ["CL-K05", "commenters are private people"]),
    # A hedged or numeric claim shows its words, briefly.
    (
        claim_rule("CL-U19", excerpt="the creator of Red Labour was the same as the creator"),
        ["CL-U19", "the excerpt has 11 words"],
    ),
]


@pytest.mark.parametrize(("damage", "expected"), RULES, ids=[f"rule-{i}" for i in range(len(RULES))])
def test_an_evidence_rule_broken_stops_the_pipeline(damage, expected, raw_copy, tmp_path, capsys):
    damage(raw_copy)
    assert pipeline.main(["--raw", str(raw_copy), "--out", str(tmp_path / "out")]) == 1
    message = capsys.readouterr().err
    claim_id = expected[0]
    assert f"data/raw/annotations/claims.yml, row {claim_row(claim_id)}" in message, message
    for fragment in expected[1:]:
        assert fragment in message, f"{fragment!r} missing from: {message}"


def record_row_without_a_reference(raw: Path) -> None:
    replace_in(
        raw / "records/campaign_spending_2017.csv",
        "https://cardiffjournalism.co.uk/thecardiffian/?p=28347",
        "https://example.org/unlisted",
    )


def caption_without_a_claim(raw: Path) -> None:
    path = raw / "annotations/claims.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- id: CL-U40\n")
    end = text.index("- id: CL-U41\n")
    path.write_text(text[:start] + text[end:], encoding="utf-8")


def event_on_text_and_reference(raw: Path) -> None:
    replace_in(
        raw / "annotations/events.yml",
        "  reference: guido2016\n",
        "  reference: guido2016\n  source: awl-2016\n  quote: Red Labour\n  occurrence: 1\n",
    )


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (record_row_without_a_reference, ["records/campaign_spending_2017.csv, row 3", "belongs to no reference"]),
        (caption_without_a_claim, ["claims.yml", "sentence ukileft-2016:006.1 (caption) has no claim"]),
        (event_on_text_and_reference, ["annotations/events.yml, row", "give exactly one"]),
    ],
    ids=["record_row_without_a_reference", "caption_without_a_claim", "event_on_text_and_reference"],
)
def test_bad_records_captions_and_events_stop_the_pipeline(damage, expected, raw_copy, tmp_path, capsys):
    damage(raw_copy)
    assert pipeline.main(["--raw", str(raw_copy), "--out", str(tmp_path / "out")]) == 1
    message = capsys.readouterr().err
    for fragment in expected:
        assert fragment in message, f"{fragment!r} missing from: {message}"


def comment_code_unknown(raw: Path) -> None:
    replace_in(raw / "annotations/comment_codings.yml", "  tone: mixed\n", "  tone: sarcastic\n")


def comment_left_uncoded(raw: Path) -> None:
    path = raw / "annotations/comment_codings.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- coder: first\n  comment: C8\n")
    end = text.index("\n# The second coder")
    path.write_text(text[:start] + text[end:], encoding="utf-8")


def comment_given_two_stances(raw: Path) -> None:
    replace_in(
        raw / "annotations/comment_codings.yml", "  post_stance: extends\n", "  post_stance: [extends, accepts]\n"
    )


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (comment_code_unknown, ["annotations/comment_codings.yml, row 1", "unknown tone code 'sarcastic'"]),
        (comment_left_uncoded, ["annotations/comment_codings.yml", "missing [('first', 'C8')]"]),
        (comment_given_two_stances, ["annotations/comment_codings.yml, row 4", "post_stance takes one code"]),
    ],
    ids=["comment_code_unknown", "comment_left_uncoded", "comment_given_two_stances"],
)
def test_bad_comment_coding_stops_the_pipeline(damage, expected, raw_copy, tmp_path, capsys):
    damage(raw_copy)
    assert pipeline.main(["--raw", str(raw_copy), "--out", str(tmp_path / "out")]) == 1
    message = capsys.readouterr().err
    for fragment in expected:
        assert fragment in message, f"{fragment!r} missing from: {message}"


def disarm_rule(old: str, new: str):
    def damage(raw: Path) -> None:
        replace_in(raw / "annotations/disarm_codings.yml", old, new)

    return damage


DISARM_RULES = [
    (disarm_rule("  technique: T0155\n", "  technique: T9999\n"), ["row 6", "unknown DISARM technique id 'T9999'"]),
    (disarm_rule("  claims: [CL-U07]\n", "  claims: []\n"), ["row 1", "needs at least one supporting claim"]),
    (disarm_rule("  claims: [CL-A08]\n", "  claims: [CL-C04]\n"), ["row 11", "CL-C04 belongs to labour-hq-2017"]),
    (
        disarm_rule(
            "  claims: [CL-A06]\n  attested: yes\n  status: corroborated_independent\n  confidence: medium\n",
            "  claims: [CL-A06]\n  attested: yes\n  status: corroborated_independent\n  confidence: high\n",
        ),
        ["row 8", "confidence 'high' is higher than its weakest supporting claim allows (medium)"],
    ),
    (
        disarm_rule("  claims: [CL-A08]\n  attested: no\n", "  claims: [CL-A08]\n  attested: yes\n"),
        ["row 11", "attested only when the claims it rests on are corroborated"],
    ),
    (
        disarm_rule(
            "  claims: [CL-A06, CL-A11]\n  attested: no\n  status: single_source\n",
            "  claims: [CL-A06, CL-A11]\n  attested: no\n  status: corroborated_independent\n",
        ),
        ["row 10", "the weakest supporting claim, CL-A11, is single_source"],
    ),
]


@pytest.mark.parametrize(("damage", "expected"), DISARM_RULES, ids=[f"disarm-{i}" for i in range(len(DISARM_RULES))])
def test_a_bad_disarm_coding_stops_the_pipeline(damage, expected, raw_copy, tmp_path, capsys):
    damage(raw_copy)
    assert pipeline.main(["--raw", str(raw_copy), "--out", str(tmp_path / "out")]) == 1
    message = capsys.readouterr().err
    assert "data/raw/annotations/disarm_codings.yml" in message, message
    for fragment in expected:
        assert fragment in message, f"{fragment!r} missing from: {message}"


def disarm_bundle_altered(raw: Path) -> None:
    path = raw / "records/disarm/DISARM.json"
    path.write_bytes(path.read_bytes().replace(b"Party Official Persona", b"Party Offical Persona"))


def test_an_altered_framework_stops_the_pipeline(raw_copy, tmp_path, capsys):
    disarm_bundle_altered(raw_copy)
    assert pipeline.main(["--raw", str(raw_copy), "--out", str(tmp_path / "out")]) == 1
    message = capsys.readouterr().err
    assert "records/disarm/source.yml" in message
    assert "vendored framework has changed" in message


def test_an_unreadable_framework_manifest_stops_the_pipeline_naming_it(raw_copy, tmp_path, capsys):
    (raw_copy / "records/disarm/source.yml").write_text("file: [DISARM.json\n", encoding="utf-8")
    assert pipeline.main(["--raw", str(raw_copy), "--out", str(tmp_path / "out")]) == 1
    message = capsys.readouterr().err
    assert "records/disarm/source.yml" in message, message
    assert "not valid YAML" in message, message
