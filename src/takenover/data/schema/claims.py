"""Tables of the claims register: the claims, their codebook, the checks, and sentence coverage.

The register's own columns are the book's work. The words of the sources appear in one table only,
claim_excerpts, which is licensed apart because it is not ours.
"""

from __future__ import annotations

from .fields import (
    ASSERTING_ROLES,
    BOUNDS,
    CHECK_BASES,
    CLAIM_TYPES,
    CLAIMANT_KINDS,
    CODE_SCHEMES,
    CONFIDENCES,
    EVIDENCE_STATUSES,
    HEDGE_KINDS,
    LIKELIHOODS,
    NON_CLAIM_REASONS,
    OFFSETS,
    STRATA,
    claim_fk,
    field,
    incident_fk,
    reference_fk,
    source_fk,
)

LIST_NOTE = "separated by '; '"

CLAIM_TABLES: dict[str, dict] = {
    "counter_accounts": {
        "title": "The other side's accounts",
        "description": "Accounts on record from the people a source accuses, summarised in our words.",
        "licence": "ours",
        "schema": {
            "fields": [
                field("counter_id", "string", "Stable id.", required=True, unique=True),
                field("incident_id", "string", "The incident.", required=True),
                field("reference_key", "string", "Where the account is recorded.", required=True),
                field("party", "string", "Whose account it is.", required=True),
                field("summary", "string", "The account, in our words.", required=True),
            ],
            "primaryKey": ["counter_id"],
            "foreignKeys": [incident_fk(), reference_fk()],
        },
    },
    "hedge_lexicon": {
        "title": "Hedge lexicon",
        "description": "The words that mark a claim as hedged, and what kind of hedge each is.",
        "licence": "ours",
        "schema": {
            "fields": [
                field(
                    "term",
                    "string",
                    "The marker, matched case-insensitively as whole words.",
                    required=True,
                    unique=True,
                ),
                field(
                    "kind",
                    "string",
                    "attribution, epistemic, conditional, belief or expectation.",
                    required=True,
                    enum=HEDGE_KINDS,
                ),
            ],
            "primaryKey": ["term"],
        },
    },
    "claim_codes": {
        "title": "Claims codebook",
        "description": "The claims codebook: each code with its definition, decision rule and an example.",
        "licence": "ours",
        "schema": {
            "fields": [
                field("scheme", "string", "Which column the code is for.", required=True, enum=CODE_SCHEMES),
                field("code", "string", "The code.", required=True),
                field("definition", "string", "What it means.", required=True),
                field("rule", "string", "How a coder decides."),
                field("example_claim_id", "string", "A claim coded this way."),
            ],
            "primaryKey": ["scheme", "code"],
            "foreignKeys": [claim_fk("example_claim_id")],
        },
    },
    "checks": {
        "title": "Checks against the records",
        "description": "Numeric claims tested against the records, computed, not typed.",
        "licence": "ours",
        "schema": {
            "fields": [
                field("check_id", "string", "Stable id; claims name it in check_ids.", required=True, unique=True),
                field("question", "string", "What the check asks.", required=True),
                field("claimed_value", "number", "The figure as the claim states it; empty where the claim has none."),
                field("claimed_bound", "string", "Kind of figure claimed.", enum=BOUNDS),
                field("record_value", "number", "The figure the records give.", required=True),
                field("unit", "string", "Unit of both values.", required=True),
                field(
                    "computation",
                    "string",
                    "The arithmetic, with every figure and the rows it comes from, so a reader can redo it.",
                    required=True,
                ),
                field(
                    "sources",
                    "string",
                    f"Reference keys of the pages that give the figures used, {LIST_NOTE}.",
                    required=True,
                ),
                field(
                    "basis",
                    "string",
                    "records: computed from record tables the book holds; secondary_sources: "
                    "from figures that other publications report.",
                    required=True,
                    enum=CHECK_BASES,
                ),
                field(
                    "holds",
                    "boolean",
                    "Whether the claim, or the part named in tests_only, holds against the record; "
                    "empty for a check of scale.",
                ),
                field(
                    "tests_only",
                    "string",
                    "Where the check tests only part of a claim, that part; empty where it tests the whole claim.",
                ),
                field("result", "string", "The finding in words, with any slips by other sources.", required=True),
            ],
            "primaryKey": ["check_id"],
        },
    },
    "claims": {
        "title": "Claims register",
        "description": "Every check-worthy claim in the three sources' article text and comments, atomic, with "
        "claimant, chain, type, hedges and assessment.",
        "licence": "ours",
        "schema": {
            "fields": [
                field(
                    "claim_id",
                    "string",
                    "Stable id: CL-U (blog), CL-K (blog comments), CL-A (Workers' Liberty), CL-C (Canary).",
                    required=True,
                    unique=True,
                ),
                field("source_id", "string", "The text the claim is in.", required=True),
                field("incident_id", "string", "The incident it concerns.", required=True),
                field(
                    "segment_role", "string", "Role of the line the claim is on.", required=True, enum=ASSERTING_ROLES
                ),
                field("comment_id", "string", "For a commenter's claim, the comment."),
                field("line", "integer", "Line number of the claim in the raw file.", required=True, minimum=1),
                *OFFSETS,
                field(
                    "restatement",
                    "string",
                    "What is claimed, in our words, keeping the source's hedge or attributing the claim.",
                    required=True,
                ),
                field(
                    "summary",
                    "string",
                    "The restatement in at most 75 characters, hedge or attribution kept (the ClaimReview's "
                    "claimReviewed); empty for a commenter's claim.",
                ),
                field("claimant", "string", "Who asserts it (not always the author).", required=True),
                field("claimant_kind", "string", "Kind of claimant.", required=True, enum=CLAIMANT_KINDS),
                field(
                    "attribution_chain",
                    "string",
                    "Who passed the claim to whom, from the text we hold back to its origin.",
                    required=True,
                ),
                field(
                    "chain_keys",
                    "string",
                    f"Sources and references in the chain, {LIST_NOTE}; none of them can corroborate the claim.",
                ),
                field("claim_type", "string", "From the codebook.", required=True, enum=CLAIM_TYPES),
                field(
                    "hedges",
                    "string",
                    f"Hedge markers the lexicon finds in the claim's words, {LIST_NOTE}; "
                    "empty for commenters, whose words are not published.",
                ),
                field(
                    "hedge_kinds",
                    "string",
                    f"The lexicon's kind for each hedge marker, in the same order, {LIST_NOTE}.",
                ),
                field("hedge_count", "integer", "Number of hedge markers found.", required=True, minimum=0),
                field(
                    "evidence_status",
                    "string",
                    "How strong the evidence is, from the codebook.",
                    required=True,
                    enum=EVIDENCE_STATUSES,
                ),
                field(
                    "corroborated_by",
                    "string",
                    f"Claims, references, record tables or checks that support the "
                    f"claim independently of its claimant, {LIST_NOTE}.",
                ),
                field("contradicted_by", "string", f"What says otherwise, {LIST_NOTE}."),
                field(
                    "likelihood",
                    "string",
                    "How likely we judge the claim to be true; separate from the evidence.",
                    required=True,
                    enum=LIKELIHOODS,
                ),
                field(
                    "confidence", "string", "How confident we are in that judgement.", required=True, enum=CONFIDENCES
                ),
                field("verdict", "string", "The conclusion in words.", required=True),
                field("checked_against", "string", f"Everything consulted in assessing the claim, {LIST_NOTE}."),
                field("check_ids", "string", f"The computed checks, for numeric claims, {LIST_NOTE}."),
                field("counter_id", "string", "The other side's account, where one is on record."),
                field(
                    "core",
                    "boolean",
                    "True for the few claims an episode stands or falls on; the episode's bottom line grades them.",
                    required=True,
                ),
                field("coding_note", "string", "How an ambiguous case was resolved."),
            ],
            "primaryKey": ["claim_id"],
            "foreignKeys": [
                source_fk(),
                incident_fk(),
                {"fields": "comment_id", "reference": {"resource": "comments", "fields": "comment_id"}},
                {"fields": "counter_id", "reference": {"resource": "counter_accounts", "fields": "counter_id"}},
            ],
        },
    },
    "claim_excerpts": {
        "title": "Excerpts of the claims' words",
        "description": "A few words of the source for each claim by a public author, chosen to carry its hedges.",
        "licence": "third_party",
        "schema": {
            "fields": [
                field("claim_id", "string", "The claim.", required=True, unique=True),
                field("excerpt", "string", "The words, normalised.", required=True),
                field("words", "integer", "Length of the excerpt in words.", required=True, minimum=1),
                field("shortened", "boolean", "True where the claim's words run on beyond the excerpt.", required=True),
                *OFFSETS,
            ],
            "primaryKey": ["claim_id"],
            "foreignKeys": [claim_fk()],
        },
    },
    "second_coding": {
        "title": "Second coding of a sample of claims",
        "description": "A random sample of claims, stratified by source (the blog's comments apart), graded again "
        "blind by a second coder, with how each disagreement was resolved.",
        "licence": "ours",
        "schema": {
            "fields": [
                field("claim_id", "string", "The sampled claim.", required=True, unique=True),
                field("stratum", "string", "The stratum it was drawn from.", required=True, enum=STRATA),
                field(
                    "first_status",
                    "string",
                    "The first coder's evidence status.",
                    required=True,
                    enum=EVIDENCE_STATUSES,
                ),
                field("first_likelihood", "string", "The first coder's likelihood.", required=True, enum=LIKELIHOODS),
                field("first_confidence", "string", "The first coder's confidence.", required=True, enum=CONFIDENCES),
                field(
                    "second_status",
                    "string",
                    "The second coder's evidence status.",
                    required=True,
                    enum=EVIDENCE_STATUSES,
                ),
                field("second_likelihood", "string", "The second coder's likelihood.", required=True, enum=LIKELIHOODS),
                field("second_confidence", "string", "The second coder's confidence.", required=True, enum=CONFIDENCES),
                field("second_supports", "string", "What the second coder found corroborating or contradicting."),
                field("second_reason", "string", "The second coder's reason, in their words.", required=True),
                field(
                    "resolved_status",
                    "string",
                    "The status the register now carries.",
                    required=True,
                    enum=EVIDENCE_STATUSES,
                ),
                field(
                    "resolved_likelihood",
                    "string",
                    "The likelihood the register now carries.",
                    required=True,
                    enum=LIKELIHOODS,
                ),
                field("rule", "string", "The resolution rule applied, for a disagreement (see claim_codes)."),
                field("resolution_note", "string", "Why, in a sentence."),
            ],
            "primaryKey": ["claim_id"],
            "foreignKeys": [claim_fk()],
        },
    },
    "sentences": {
        "title": "Sentence coverage",
        "description": "Every sentence of article text and of every comment, with the claims it holds or why it "
        "holds none.",
        "licence": "ours",
        "schema": {
            "fields": [
                field(
                    "sentence_id",
                    "string",
                    "segment_id, a dot and the sentence's number in the line.",
                    required=True,
                    unique=True,
                ),
                field("source_id", "string", "The text.", required=True),
                field("segment_id", "string", "The line the sentence is on.", required=True),
                field("role", "string", "Role of that line.", required=True, enum=ASSERTING_ROLES),
                *OFFSETS,
                field("claim_ids", "string", f"Claims whose words overlap the sentence, {LIST_NOTE}."),
                field(
                    "non_claim_reason",
                    "string",
                    "Why a sentence without claims asserts nothing check-worthy.",
                    enum=NON_CLAIM_REASONS,
                ),
            ],
            "primaryKey": ["sentence_id"],
            "foreignKeys": [
                source_fk(),
                {"fields": "segment_id", "reference": {"resource": "segments", "fields": "segment_id"}},
            ],
        },
    },
}
