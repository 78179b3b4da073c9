"""The catalogue of hostile and mistaken input: one case per instance of each class in issue 20.

Each case damages a scratch copy of data/raw in one way and says which file (and entry or
row) the pipeline's one-line error must name, and what it must say. tests/test_hostile_input.py
runs them all; the closing note of issue 20 tables them with their outcome before and after.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .damage import add_line, claim_row, entry_row, replace_bytes, replace_in, set_claim_key, set_key

ANN = "annotations"


@dataclass(frozen=True)
class Case:
    name: str
    kind: str  # the class of issue 20 it belongs to
    damage: Callable[[Path], None]
    file: str  # relative to data/raw
    row: Callable[[Path], int] | int | None  # entry or row number the error must name, if any
    says: tuple[str, ...]  # fragments the message must hold

    def place(self, raw: Path) -> str:
        row = self.row(raw) if callable(self.row) else self.row
        return f"data/raw/{self.file}" + (f", row {row}" if row is not None else "")


def edit(file: str, old: str, new: str) -> Callable[[Path], None]:
    return lambda raw: replace_in(raw / file, old, new)


def claim(claim_id: str, **keys: str) -> Callable[[Path], None]:
    def damage(raw: Path) -> None:
        for key, value in keys.items():
            set_claim_key(raw, claim_id, key, value)

    return damage


def row_of(file: str, marker: str) -> Callable[[Path], int]:
    return lambda raw: entry_row(raw / file, marker)


def claim_at(claim_id: str) -> Callable[[Path], int]:
    return lambda raw: claim_row(raw, claim_id)


def count_entries(path: Path) -> int:
    return len(re.findall(r"^- ", path.read_text(encoding="utf-8"), flags=re.M))


def write(file: str, text: str) -> Callable[[Path], None]:
    return lambda raw: (raw / file).write_text(text, encoding="utf-8")


def rename_everywhere(old: str, new: str) -> Callable[[Path], None]:
    def damage(raw: Path) -> None:
        for path in [*raw.rglob("*.yml"), *raw.rglob("*.csv")]:
            text = path.read_text(encoding="utf-8")
            if old in text:
                path.write_text(text.replace(old, new), encoding="utf-8")

    return damage


SUNDAY_TIMES = "- key: sundaytimes2018\n"
CANARY_URL = "https://www.thecanary.co/uk/analysis/2018/07/16/"
EVENT_1 = "- id: EV-group-01\n"
MEASURE_1 = "- id: M-group-01\n"
COUNTER_1 = "- id: CA-red-labour-statement\n"
COUNTER_2 = "- id: CA-hq-defensive-campaign\n"

SECURITY = [
    Case(
        "javascript_address_in_references",
        "security: address",
        lambda raw: set_key(raw / "references.yml", SUNDAY_TIMES, "urls", "['javascript:alert(1)']"),
        "references.yml",
        row_of("references.yml", SUNDAY_TIMES),
        ("'javascript:alert(1)'", "absolute http(s) address"),
    ),
    Case(
        "javascript_address_in_sources",
        "security: address",
        edit("sources.csv", CANARY_URL, "javascript:alert(document.cookie)//"),
        "sources.csv",
        3,
        ("javascript:", "absolute http(s) address"),
    ),
    Case(
        "brace_in_address_injects_bibtex",
        "security: address",
        lambda raw: set_key(
            raw / "references.yml", SUNDAY_TIMES, "urls", "['https://example.org/x}, note = {injected']"
        ),
        "references.yml",
        row_of("references.yml", SUNDAY_TIMES),
        ("https://example.org/x}", "absolute http(s) address"),
    ),
    Case(
        "address_without_a_host",
        "security: address",
        lambda raw: set_key(raw / "references.yml", SUNDAY_TIMES, "urls", "['https:///edition/news']"),
        "references.yml",
        row_of("references.yml", SUNDAY_TIMES),
        ("absolute http(s) address",),
    ),
    Case(
        "brace_in_reference_title",
        "security: BibTeX",
        edit(
            "references.yml",
            "title: Labour HQ used Facebook ads to deceive Jeremy Corbyn",
            "title: 'Labour HQ used ads}, note = {injected'",
        ),
        "references.yml",
        row_of("references.yml", SUNDAY_TIMES),
        ("title", "braces"),
    ),
]

SHAPES = [
    Case(
        "list_where_text_belongs",
        "wrong shape",
        claim("CL-U02", verdict="[Unverified, a round figure]"),
        f"{ANN}/claims.yml",
        claim_at("CL-U02"),
        ("verdict must be text, found a list",),
    ),
    Case(
        "mapping_where_text_belongs",
        "wrong shape",
        lambda raw: set_key(raw / ANN / "incidents.yml", "- id: facebook-group-2016\n", "summary", "{Unverified: a}"),
        f"{ANN}/incidents.yml",
        1,
        ("summary must be text, found a mapping",),
    ),
    Case(
        "string_where_claim_list_belongs",
        "wrong shape",
        edit(f"{ANN}/disarm_codings.yml", "  claims: [CL-U07]\n", "  claims: CL-U07\n"),
        f"{ANN}/disarm_codings.yml",
        1,
        ("claims must be a list, found text",),
    ),
    Case(
        "string_where_claim_list_belongs_in_notes",
        "wrong shape",
        edit(f"{ANN}/disarm_notes.yml", "  claims: [CL-U15]\n", "  claims: CL-U15\n"),
        f"{ANN}/disarm_notes.yml",
        1,
        ("claims must be a list, found text",),
    ),
    Case(
        "number_in_a_text_field",
        "wrong shape / traceback",
        lambda raw: set_key(raw / ANN / "counter_accounts.yml", COUNTER_1, "party", "42"),
        f"{ANN}/counter_accounts.yml",
        1,
        ("party must be text, found a number",),
    ),
    Case(
        "boolean_in_a_text_field",
        "wrong shape",
        edit(f"{ANN}/hedge_lexicon.yml", "{term: according to some reports,", "{term: yes,"),
        f"{ANN}/hedge_lexicon.yml",
        1,
        ("term must be text, found true/false",),
    ),
    Case(
        "list_in_an_id_field",
        "wrong shape / traceback",
        edit(f"{ANN}/measurements.yml", MEASURE_1, "- id: [M-group-01]\n"),
        f"{ANN}/measurements.yml",
        1,
        ("id must be text, found a list",),
    ),
    Case(
        "number_in_an_id_field",
        "wrong shape / traceback",
        edit(f"{ANN}/events.yml", EVENT_1, "- id: 1\n"),
        f"{ANN}/events.yml",
        1,
        ("id must be text, found a number",),
    ),
    Case(
        "list_inside_a_chain",
        "wrong shape",
        claim("CL-U07", chain="[ukileft-2016, [unnamed admins]]"),
        f"{ANN}/claims.yml",
        claim_at("CL-U07"),
        ("chain", "must be text, found a list"),
    ),
]

DUPLICATES = [
    Case(
        "duplicate_key_in_one_entry",
        "duplicate YAML key",
        lambda raw: add_line(raw / ANN / "claims.yml", "- id: CL-U03\n", "  status: corroborated_independent"),
        f"{ANN}/claims.yml",
        None,
        ("duplicate key 'status'", "line"),
    ),
    Case(
        "duplicate_key_in_a_flow_mapping",
        "duplicate YAML key",
        edit(
            f"{ANN}/segment_roles.yml",
            "{source: ukileft-2016, role: title,",
            "{source: ukileft-2016, role: title, role: body,",
        ),
        f"{ANN}/segment_roles.yml",
        None,
        ("duplicate key 'role'",),
    ),
    Case(
        "duplicate_section_in_a_codebook",
        "duplicate YAML key",
        lambda raw: (raw / ANN / "claim_codebook.yml").write_text(
            (raw / ANN / "claim_codebook.yml").read_text(encoding="utf-8")
            + "types:\n  - code: quantity\n    definition: again\n",
            encoding="utf-8",
        ),
        f"{ANN}/claim_codebook.yml",
        None,
        ("duplicate key 'types'",),
    ),
]

IDS = [
    Case(
        "lookalike_cyrillic_id",
        "id pattern",
        edit(f"{ANN}/claims.yml", "- id: CL-K05\n", "- id: \u0421L-K05\n"),
        f"{ANN}/claims.yml",
        claim_at("CL-K05"),
        ("id '\u0421L-K05'", "U+0421"),
    ),
    Case(
        "separator_inside_an_id",
        "id pattern",
        rename_everywhere("guido2016", "guido2016; labourbriefing2017"),
        "references.yml",
        row_of("references.yml", "- key: guido2016\n"),
        ("'guido2016; labourbriefing2017' is not a key",),
    ),
    Case(
        "lowercase_claim_id",
        "id pattern",
        edit(f"{ANN}/claims.yml", "- id: CL-K05\n", "- id: cl-k05\n"),
        f"{ANN}/claims.yml",
        claim_at("CL-K05"),
        ("id 'cl-k05' is not a claim id",),
    ),
    Case(
        "zero_width_space_in_an_id",
        "id pattern / invisible character",
        edit(f"{ANN}/claims.yml", "- id: CL-K05\n", "- id: CL-K0\u200b5\n"),
        f"{ANN}/claims.yml",
        claim_at("CL-K05"),
        ("U+200B",),
    ),
]

LOADER_REFUSES = [
    Case(
        "blank_required_text",
        "written but refused by load()",
        lambda raw: set_key(raw / ANN / "counter_accounts.yml", COUNTER_1, "summary", "' '"),
        f"{ANN}/counter_accounts.yml",
        1,
        ("summary is empty",),
    ),
    Case(
        "empty_required_cell",
        "written but refused by load()",
        edit(
            "records/election_results.csv", "Pudsey,2015-05-07,Labour,Jamie Hanley", "Pudsey,2015-05-07,,Jamie Hanley"
        ),
        "records/election_results.csv",
        2,
        ("party is empty",),
    ),
    Case(
        "datetime_in_a_date_field",
        "written but refused by load()",
        lambda raw: set_key(raw / ANN / "events.yml", EVENT_1, "date", "2016-01-24 10:00:00"),
        f"{ANN}/events.yml",
        1,
        ("date '2016-01-24 10:00:00' is not a date",),
    ),
    Case(
        "datetime_in_a_csv_date",
        "written but refused by load()",
        edit("records/national_vote_share.csv", "2015-05-07,United Kingdom", "2015-05-07T00:00,United Kingdom"),
        "records/national_vote_share.csv",
        1,
        ("not a date",),
    ),
]

IMPOSSIBLE = [
    Case(
        "time_29_59",
        "impossible value",
        edit(f"{ANN}/events.yml", 'time: "23:59"', 'time: "29:59"'),
        f"{ANN}/events.yml",
        2,
        ("'29:59' is not a time of day",),
    ),
    Case(
        "unquoted_time_read_as_a_number",
        "impossible value",
        edit(f"{ANN}/events.yml", 'time: "23:59"', "time: 23:59"),
        f"{ANN}/events.yml",
        2,
        ("time must be text",),
    ),
    Case(
        "nan_vote_share",
        "impossible value",
        edit("records/national_vote_share.csv", "United Kingdom,Labour,30.4,", "United Kingdom,Labour,nan,"),
        "records/national_vote_share.csv",
        1,
        ("'nan' is not a finite number",),
    ),
    Case(
        "infinite_vote_share",
        "impossible value",
        edit("records/labour_vote_share_series.csv", "parlgov,1935-11-14,37.9,", "parlgov,1935-11-14,inf,"),
        "records/labour_vote_share_series.csv",
        1,
        ("'inf' is not a finite number",),
    ),
    Case(
        "vote_share_above_100",
        "impossible value",
        edit("records/national_vote_share.csv", "United Kingdom,Labour,30.4,", "United Kingdom,Labour,130.4,"),
        "records/national_vote_share.csv",
        1,
        ("above its maximum 100",),
    ),
    Case(
        "nan_in_yaml_number",
        "impossible value",
        lambda raw: set_key(raw / ANN / "measurements.yml", MEASURE_1, "value", ".nan"),
        f"{ANN}/measurements.yml",
        1,
        ("value", "finite number"),
    ),
    Case(
        "nul_in_yaml_text",
        "impossible value: control character",
        lambda raw: set_key(raw / ANN / "events.yml", EVENT_1, "description", '"The takeover\\0 begins."'),
        f"{ANN}/events.yml",
        1,
        ("U+0000",),
    ),
    Case(
        "nul_in_csv",
        "impossible value: control character",
        lambda raw: replace_bytes(raw / "records/election_results.csv", b"Jamie Hanley", b"Jamie\x00Hanley"),
        "records/election_results.csv",
        2,
        ("U+0000",),
    ),
    Case(
        "bidi_override_in_text",
        "impossible value: invisible character",
        edit(f"{ANN}/incidents.yml", "  title: Takeover of", "  title: \u202eTakeover of"),
        f"{ANN}/incidents.yml",
        1,
        ("U+202E",),
    ),
    Case(
        "bidi_isolate_in_csv",
        "impossible value: invisible character",
        edit("sources.csv", "Social media group Red Labour sabotaged", "Social media group \u2066Red Labour sabotaged"),
        "sources.csv",
        2,
        ("U+2066",),
    ),
    Case(
        "zero_width_space_in_text",
        "impossible value: invisible character",
        lambda raw: set_key(raw / ANN / "counter_accounts.yml", COUNTER_1, "party", "the people\u200b who took over"),
        f"{ANN}/counter_accounts.yml",
        1,
        ("U+200B",),
    ),
]

UNREAD = [
    Case(
        "extra_annotation_file",
        "file nothing reads",
        write(f"{ANN}/extra_claims.yml", "- id: CL-Z01\n  source: ukileft-2016\n"),
        f"{ANN}/extra_claims.yml",
        None,
        ("no stage of the pipeline reads this file",),
    ),
    Case(
        "stray_text_file",
        "file nothing reads",
        write("texts/unlisted.txt", "A text no source row names.\n"),
        "texts/unlisted.txt",
        None,
        ("no stage of the pipeline reads this file",),
    ),
    Case(
        "misspelled_optional_codebook_key",
        "file nothing reads / unknown key",
        edit(f"{ANN}/claim_codebook.yml", "    example: CL-C05", "    exmaple: CL-C05"),
        f"{ANN}/claim_codebook.yml",
        None,
        ("unknown key 'exmaple'",),
    ),
    Case(
        "misspelled_codebook_section",
        "file nothing reads / unknown key",
        edit(f"{ANN}/claim_codebook.yml", "\ntypes:\n", "\ntpyes:\n"),
        f"{ANN}/claim_codebook.yml",
        None,
        ("unknown key 'tpyes'",),
    ),
    Case(
        "misspelled_comment_codebook_key",
        "file nothing reads / traceback",
        edit(
            f"{ANN}/comment_codebook.yml",
            "    question: What does the comment do?",
            "    qeustion: What does the comment do?",
        ),
        f"{ANN}/comment_codebook.yml",
        None,
        ("unknown key 'qeustion'",),
    ),
]

EVIDENCE = [
    Case(
        "corroboration_circle",
        "evidence logic",
        lambda raw: (
            claim("CL-U43", status="corroborated_in_corpus", corroborated_by="[CL-A19]")(raw),
            claim("CL-A19", status="corroborated_in_corpus", corroborated_by="[CL-U43]")(raw),
        ),
        f"{ANN}/claims.yml",
        claim_at("CL-A19"),
        ("corroboration runs in a circle (CL-A19 → CL-U43 → CL-A19)",),
    ),
    Case(
        "corroborated_by_a_contradicted_claim",
        "evidence logic",
        claim("CL-A02", corroborated_by="[labourbriefing2017, CL-U13]", checked_against="[labourbriefing2017, CL-U13]"),
        f"{ANN}/claims.yml",
        claim_at("CL-A02"),
        ("CL-U13 is contradicted",),
    ),
]


@dataclass(frozen=True)
class Formula:
    """Text a spreadsheet would run as a formula: published with an apostrophe before it, loaded without."""

    name: str
    damage: Callable[[Path], None]
    table: str
    column: str
    value: str


HYPERLINK = '=HYPERLINK("http://x.invalid","y")'
DDE = "@SUM(1+1)*cmd|' /C calc'!A0"
FORMULAS = [
    Formula(
        "formula_equals_in_text",
        lambda raw: set_key(
            raw / ANN / "counter_accounts.yml", COUNTER_1, "party", f"'{HYPERLINK.replace(chr(39), chr(39) * 2)}'"
        ),
        "counter_accounts",
        "party",
        HYPERLINK,
    ),
    Formula(
        "formula_plus_in_csv",
        edit("records/campaign_spending_2017.csv", ",regulated period 9 Jun 2016", ",+regulated period 9 Jun 2016"),
        "campaign_spending",
        "note",
        "+regulated period 9 Jun 2016 to 8 Jun 2017",
    ),
    Formula(
        "formula_minus_in_text",
        lambda raw: set_key(raw / ANN / "counter_accounts.yml", COUNTER_1, "summary", "'-2+3 said the statement'"),
        "counter_accounts",
        "summary",
        "-2+3 said the statement",
    ),
    Formula(
        "formula_at_in_text",
        edit("sources.csv", "Social media group Red Labour sabotaged", DDE.replace('"', '""')),
        "sources",
        "title",
        DDE,
    ),
    Formula(
        "apostrophe_in_text_round_trips",
        lambda raw: set_key(
            raw / ANN / "counter_accounts.yml", COUNTER_2, "party", '"\'Twas the people who took over"'
        ),
        "counter_accounts",
        "party",
        "'Twas the people who took over",
    ),
]

TRACEBACKS = [
    Case(
        "impossible_unquoted_date",
        "traceback",
        lambda raw: set_key(raw / ANN / "events.yml", EVENT_1, "date", "2016-02-30"),
        f"{ANN}/events.yml",
        1,
        ("date '2016-02-30' is not a date",),
    ),
    Case(
        "empty_claim_codebook",
        "traceback",
        write(f"{ANN}/claim_codebook.yml", "# emptied\n"),
        f"{ANN}/claim_codebook.yml",
        None,
        ("the file is empty",),
    ),
    Case(
        "empty_comment_codebook",
        "traceback",
        write(f"{ANN}/comment_codebook.yml", ""),
        f"{ANN}/comment_codebook.yml",
        None,
        ("the file is empty",),
    ),
    Case(
        "codebook_code_misspelled",
        "traceback",
        edit(f"{ANN}/comment_codebook.yml", "      - code: explain_platform\n", "      - cdoe: explain_platform\n"),
        f"{ANN}/comment_codebook.yml",
        None,
        ("unknown key 'cdoe'",),
    ),
    Case(
        "missing_annotation_file",
        "traceback",
        lambda raw: (raw / ANN / "non_claims.yml").unlink(),
        f"{ANN}/non_claims.yml",
        None,
        ("the file is missing",),
    ),
    Case(
        "missing_record_file",
        "traceback",
        lambda raw: (raw / "records/national_vote_share.csv").unlink(),
        "records/national_vote_share.csv",
        None,
        ("the file is missing",),
    ),
    Case(
        "emptied_measurements",
        "traceback",
        write(f"{ANN}/measurements.yml", ""),
        f"{ANN}/measurements.yml",
        None,
        ("the file is empty",),
    ),
    Case(
        "measurements_emptied_to_an_empty_list",
        "traceback",
        write(f"{ANN}/measurements.yml", "[]\n"),
        f"{ANN}/measurements.yml",
        None,
        ("no entries",),
    ),
    Case(
        "mapping_instead_of_a_list",
        "traceback",
        write(f"{ANN}/counter_accounts.yml", "id: CA-x\nincident: red-labour-2016\n"),
        f"{ANN}/counter_accounts.yml",
        None,
        ("expected a list of entries",),
    ),
    Case(
        "yaml_syntax_error",
        "traceback",
        edit(f"{ANN}/incidents.yml", "  platform: Facebook group\n", "  platform: [Facebook group\n"),
        f"{ANN}/incidents.yml",
        None,
        ("not valid YAML", "line"),
    ),
    Case(
        "entry_that_is_not_a_mapping",
        "traceback",
        lambda raw: (raw / ANN / "hedge_lexicon.yml").write_text(
            (raw / ANN / "hedge_lexicon.yml").read_text(encoding="utf-8") + "- just a term\n", encoding="utf-8"
        ),
        f"{ANN}/hedge_lexicon.yml",
        lambda raw: count_entries(raw / ANN / "hedge_lexicon.yml") + 1,
        ("an entry must be a mapping",),
    ),
]

LAUGHS = "- &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"- &{chr(98 + n)} [*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}]\n"
    for n in range(12)
)

ADDED = [
    Case(
        "yaml_alias_bomb",
        "added: hostile YAML",
        write(f"{ANN}/hedge_lexicon.yml", LAUGHS),
        f"{ANN}/hedge_lexicon.yml",
        None,
        ("anchors and aliases", "not allowed"),
    ),
    Case(
        "raw_file_outside_texts",
        "added: path outside data/raw/texts",
        edit("sources.csv", ",texts/awl-2016-01-27-red-labour.txt,", ",../../../../etc/hostname,"),
        "sources.csv",
        2,
        ("'../../../../etc/hostname' is not in the texts/ folder",),
    ),
]

MISLEADING = [
    Case(
        "negative_votes",
        "misleading error",
        edit("records/election_results.csv", "Labour,Jamie Hanley,19136,", "Labour,Jamie Hanley,-19136,"),
        "records/election_results.csv",
        2,
        ("votes", "below its minimum 0"),
    ),
    Case(
        "vote_share_negative",
        "misleading error",
        edit("records/national_vote_share.csv", "United Kingdom,Labour,30.4,", "United Kingdom,Labour,-30.4,"),
        "records/national_vote_share.csv",
        1,
        ("below its minimum 0",),
    ),
]

CASES = SECURITY + SHAPES + DUPLICATES + IDS + LOADER_REFUSES + IMPOSSIBLE + UNREAD + EVIDENCE
CASES += TRACEBACKS + MISLEADING + ADDED
