"""Table Schemas of the clean tables: the single definition of every column.

The pipeline writes these into `data/datapackage.json`; the loader, the tests
and the data dictionary in the book all read them back from there.
"""

from __future__ import annotations

SEGMENT_ROLES = ["title", "byline", "heading", "body", "quotation", "caption", "comment", "furniture"]
DATE_PRECISIONS = ["year", "month", "day", "hour"]
DATE_BASES = ["stated", "inferred"]
BOUNDS = ["point", "lower_bound", "upper_bound", "approximate", "range", "forecast", "vague"]
UNITS = ["members", "supporters", "followers", "organisers", "people", "votes", "campaigns", "GBP"]
SPEAKER_ROLES = ["author", "quoted_source", "commenter"]
SPENDING_ITEMS = ["total_spending", "facebook_spending"]
REFERENCE_TYPES = ["book", "newspaper", "news", "blog", "magazine", "report", "record"]
CLAIM_TYPES = [
    "quantity",
    "event",
    "responsibility",
    "motive",
    "platform_mechanics",
    "causal",
    "counterfactual",
    "prediction",
    "evaluation",
]
EVIDENCE_STATUSES = [
    "corroborated_independent",
    "corroborated_in_corpus",
    "single_source",
    "contradicted",
    "not_checkable",
]
LIKELIHOODS = ["almost_certain", "likely", "even_chance", "unlikely", "not_assessable"]
CONFIDENCES = ["high", "medium", "low"]
CLAIMANT_KINDS = ["author", "named_person", "unnamed_source", "unspecified_reports", "organisation", "commenter"]
HEDGE_KINDS = ["attribution", "epistemic", "conditional", "belief", "expectation"]
CODE_SCHEMES = ["type", "status", "likelihood", "confidence"]
NON_CLAIM_REASONS = ["navigation", "call_to_action"]

OFFSETS = [
    {
        "name": "char_start",
        "type": "integer",
        "constraints": {"required": True, "minimum": 0},
        "description": "Start of the quoted span, as a character (code point) offset into the raw UTF-8 text.",
    },
    {
        "name": "char_end",
        "type": "integer",
        "constraints": {"required": True, "minimum": 1},
        "description": "End of the quoted span (exclusive), in the same units as char_start.",
    },
]


def _field(name: str, type_: str, description: str, *, required: bool = False, **constraints) -> dict:
    spec: dict = {"name": name, "type": type_, "description": description}
    if required:
        constraints["required"] = True
    if constraints:
        spec["constraints"] = constraints
    return spec


def _quote(description: str = "The evidence, as normalised text; the raw span is at char_start:char_end.") -> dict:
    return _field("quote", "string", description, required=True)


def _source_fk(field_name: str = "source_id") -> dict:
    return {"fields": field_name, "reference": {"resource": "sources", "fields": "source_id"}}


def _incident_fk() -> dict:
    return {"fields": "incident_id", "reference": {"resource": "incidents", "fields": "incident_id"}}


TABLES: dict[str, dict] = {
    "sources": {
        "title": "Primary texts",
        "description": "One row per primary text, with its provenance and the SHA-256 of its raw bytes.",
        "schema": {
            "fields": [
                _field(
                    "source_id",
                    "string",
                    "Stable id of the text, used by every other table.",
                    required=True,
                    unique=True,
                ),
                _field("title", "string", "Headline as printed.", required=True),
                _field("outlet", "string", "Where it was published, and what kind of outlet that is.", required=True),
                _field("author", "string", "Byline, if the text has one; empty otherwise."),
                _field("published", "date", "Publication date.", required=True),
                _field("date_basis", "string", "Where the publication date comes from.", required=True),
                _field("url", "string", "Address of the original page.", required=True),
                _field("raw_file", "string", "Path of the raw text, relative to data/raw/.", required=True),
                _field(
                    "sha256",
                    "string",
                    "SHA-256 of the raw file's bytes; the pipeline refuses a file that does not match.",
                    required=True,
                    pattern="^[0-9a-f]{64}$",
                ),
                _field("notes", "string", "Caveats a reader of this text should know."),
            ],
            "primaryKey": ["source_id"],
        },
    },
    "incidents": {
        "title": "Incidents",
        "description": "The three cases the book studies, with the stable ids the chapters use.",
        "schema": {
            "fields": [
                _field("incident_id", "string", "Stable id of the incident.", required=True, unique=True),
                _field("title", "string", "Short descriptive title.", required=True),
                _field("platform", "string", "Where it happened.", required=True),
                _field(
                    "date_start",
                    "date",
                    "Start of the incident as the primary source dates it (first day of the "
                    "year when only the year is given).",
                    required=True,
                ),
                _field("date_precision", "string", "How exact date_start is.", required=True, enum=DATE_PRECISIONS),
                _field("date_basis", "string", "stated or inferred, for date_start.", required=True, enum=DATE_BASES),
                _field("primary_source_id", "string", "The primary text that documents it.", required=True),
                _field("summary", "string", "A neutral one-sentence summary written for this dataset.", required=True),
                _quote("The sentence of the primary text that anchors the incident."),
                *OFFSETS,
            ],
            "primaryKey": ["incident_id"],
            "foreignKeys": [_source_fk("primary_source_id")],
        },
    },
    "segments": {
        "title": "Text segments",
        "description": "Every non-blank line of every raw text, in order, with its role on the page.",
        "schema": {
            "fields": [
                _field(
                    "segment_id",
                    "string",
                    "source_id, a colon and the three-digit position.",
                    required=True,
                    unique=True,
                ),
                _field("source_id", "string", "The text the segment belongs to.", required=True),
                _field("position", "integer", "Order within the text, from 1.", required=True, minimum=1),
                _field(
                    "role",
                    "string",
                    "What the line is: article text (title, byline, heading, body, quotation, "
                    "caption), a reader comment, or page furniture.",
                    required=True,
                    enum=SEGMENT_ROLES,
                ),
                _field("comment_id", "string", "For comment lines, the comment they belong to."),
                *OFFSETS,
                _field("text", "string", "The line, normalised.", required=True),
            ],
            "primaryKey": ["segment_id"],
            "foreignKeys": [
                _source_fk(),
                {"fields": "comment_id", "reference": {"resource": "comments", "fields": "comment_id"}},
            ],
        },
    },
    "comments": {
        "title": "Comment thread",
        "description": "Reader comments under the 2016 blog post, rebuilt as a tree. Commenters are pseudonymous.",
        "schema": {
            "fields": [
                _field(
                    "comment_id",
                    "string",
                    "Pseudonymous id: C1, C2, … in page order; C0 is the missing parent.",
                    required=True,
                    unique=True,
                ),
                _field("source_id", "string", "The post the thread is under.", required=True),
                _field("parent_id", "string", "The comment this one replies to; empty for a top-level comment."),
                _field(
                    "depth", "integer", "0 for a top-level comment, 1 for a reply, and so on.", required=True, minimum=0
                ),
                _field(
                    "thread_order",
                    "integer",
                    "Position in page order; the placeholder comes first as 0.",
                    required=True,
                    minimum=0,
                ),
                _field("list_number", "integer", "The number printed before the comment in the capture."),
                _field(
                    "captured", "boolean", "False for a placeholder whose text is not in the capture.", required=True
                ),
                _field(
                    "by_blog_author",
                    "boolean",
                    "True where the reply is the blog's own (see author_basis).",
                    required=True,
                ),
                _field("author_basis", "string", "Why a comment is attributed to the blog's author."),
                _field("likes", "integer", "From the 'Liked by N people' line; empty where there is none.", minimum=0),
                _field("paragraphs", "integer", "Number of paragraphs in the comment.", required=True, minimum=0),
                _field(
                    "char_start",
                    "integer",
                    "Start of the comment text in the raw file (empty for a placeholder).",
                    minimum=0,
                ),
                _field("char_end", "integer", "End of the comment text in the raw file (exclusive).", minimum=1),
                _field("text", "string", "The comment, normalised; paragraphs separated by a blank line."),
            ],
            "primaryKey": ["comment_id"],
            "foreignKeys": [
                _source_fk(),
                {"fields": "parent_id", "reference": {"resource": "", "fields": "comment_id"}},
            ],
        },
    },
    "threads": {
        "title": "Comment thread coverage",
        "description": "How much of each comment thread survives in the capture.",
        "schema": {
            "fields": [
                _field("source_id", "string", "The text whose thread this is.", required=True, unique=True),
                _field("stated_comment_count", "integer", "The count the page's comment header gives.", required=True),
                _field("captured_comment_count", "integer", "Comments whose text is in the capture.", required=True),
                _field(
                    "placeholder_count",
                    "integer",
                    "Parents added because a captured reply points to them.",
                    required=True,
                ),
                _quote("The comment header."),
                *OFFSETS,
            ],
            "primaryKey": ["source_id"],
            "foreignKeys": [_source_fk()],
        },
    },
    "events": {
        "title": "Timeline",
        "description": "Dated events in the sources, with how exact the date is and whether it is printed or inferred.",
        "schema": {
            "fields": [
                _field("event_id", "string", "Stable id.", required=True, unique=True),
                _field("incident_id", "string", "The incident the event belongs to.", required=True),
                _field(
                    "date",
                    "date",
                    "The day, or the first day of the month or year when precision is coarser.",
                    required=True,
                ),
                _field(
                    "time",
                    "string",
                    "Clock time (HH:MM, UK time) when precision is hour.",
                    pattern="^[0-2][0-9]:[0-5][0-9]$",
                ),
                _field("precision", "string", "How exact the date is.", required=True, enum=DATE_PRECISIONS),
                _field(
                    "date_basis",
                    "string",
                    "stated: the source prints it; inferred: worked out, see reasoning.",
                    required=True,
                    enum=DATE_BASES,
                ),
                _field("reasoning", "string", "How the date was read or inferred.", required=True),
                _field("description", "string", "What happened, as the source tells it.", required=True),
                _field("source_id", "string", "The text that dates the event.", required=True),
                _quote(),
                *OFFSETS,
            ],
            "primaryKey": ["event_id"],
            "foreignKeys": [_incident_fk(), _source_fk()],
        },
    },
    "measurements": {
        "title": "Numbers in the sources",
        "description": "Every number the primary texts give, with its unit, its kind of bound and who states it.",
        "schema": {
            "fields": [
                _field("measurement_id", "string", "Stable id.", required=True, unique=True),
                _field("incident_id", "string", "The incident the number is about.", required=True),
                _field("source_id", "string", "The text that gives it.", required=True),
                _field("subject", "string", "What is being counted.", required=True),
                _field(
                    "value",
                    "integer",
                    "The number as stated (the lower end for a range); empty when the source gives no number.",
                ),
                _field("value_high", "integer", "Upper end, for a range only."),
                _field("unit", "string", "Unit of value.", required=True, enum=UNITS),
                _field(
                    "bound",
                    "string",
                    "point: a plain figure; lower_bound: 'over'; upper_bound: 'less than', 'nearly'; "
                    "approximate: 'about'; range: 'two or three'; forecast: a prediction; vague: no figure.",
                    required=True,
                    enum=BOUNDS,
                ),
                _field("applies_date", "date", "When the number applies, as precisely as the source allows."),
                _field(
                    "applies_time",
                    "string",
                    "Clock time (HH:MM, UK time) when applies_precision is hour.",
                    pattern="^[0-2][0-9]:[0-5][0-9]$",
                ),
                _field("applies_precision", "string", "How exact applies_date is.", enum=DATE_PRECISIONS),
                _field("applies_note", "string", "When the number applies, in words."),
                _field(
                    "stated_by",
                    "string",
                    "Who states the number: the author, a quoted source, or a pseudonymous commenter.",
                    required=True,
                ),
                _field(
                    "speaker_role",
                    "string",
                    "Whether the speaker is the author, someone quoted, or a commenter.",
                    required=True,
                    enum=SPEAKER_ROLES,
                ),
                _quote(),
                *OFFSETS,
            ],
            "primaryKey": ["measurement_id"],
            "foreignKeys": [_incident_fk(), _source_fk()],
        },
    },
    "election_results": {
        "title": "Constituency results",
        "description": "Declared results in Pudsey and Leeds North East, 2015 and 2017.",
        "schema": {
            "fields": [
                _field("constituency", "string", "Constituency name.", required=True),
                _field("election_date", "date", "Polling day.", required=True),
                _field("party", "string", "Party label as declared.", required=True),
                _field("candidate", "string", "Candidate as listed by the record; empty where it gives none."),
                _field("votes", "integer", "Votes declared.", required=True, minimum=0),
                _field("source_url", "string", "Where the figure was checked.", required=True),
            ],
            "primaryKey": ["constituency", "election_date", "party"],
        },
    },
    "national_vote_share": {
        "title": "National vote shares",
        "description": "UK vote shares of the two largest parties, 2015 and 2017.",
        "schema": {
            "fields": [
                _field("election_date", "date", "Polling day.", required=True),
                _field("area", "string", "Geography of the share.", required=True),
                _field("party", "string", "Party.", required=True),
                _field(
                    "vote_share_pct",
                    "number",
                    "Share of valid votes, in per cent.",
                    required=True,
                    minimum=0,
                    maximum=100,
                ),
                _field("source_url", "string", "Where the figure was checked.", required=True),
            ],
            "primaryKey": ["election_date", "area", "party"],
        },
    },
    "campaign_spending": {
        "title": "Campaign spending, 2017",
        "description": "Reported 2017 general election spending, total and on Facebook, for the two largest parties.",
        "schema": {
            "fields": [
                _field("party", "string", "Party as registered.", required=True),
                _field("item", "string", "What the amount covers.", required=True, enum=SPENDING_ITEMS),
                _field("item_label", "string", "The item as the record words it.", required=True),
                _field("amount_gbp", "integer", "Amount in pounds sterling.", required=True, minimum=0),
                _field("note", "string", "Period, rounding and reporting caveats."),
                _field("source_url", "string", "Where the figure was reported.", required=True),
            ],
            "primaryKey": ["party", "item"],
        },
    },
    "references": {
        "title": "Secondary sources and records",
        "description": "Sources outside the corpus that claims are checked against, with their provenance.",
        "schema": {
            "fields": [
                _field(
                    "reference_key", "string", "Stable key, also used in the bibliography.", required=True, unique=True
                ),
                _field("type", "string", "Kind of source.", required=True, enum=REFERENCE_TYPES),
                _field("title", "string", "Title.", required=True),
                _field("author", "string", "Author, where there is one."),
                _field("outlet", "string", "Publisher or outlet."),
                _field(
                    "published",
                    "date",
                    "Publication date (first day of the month or year when coarser).",
                    required=True,
                ),
                _field("date_precision", "string", "How exact published is.", required=True, enum=DATE_PRECISIONS),
                _field("url", "string", "Address, where one is recorded."),
                _field("notes", "string", "What the source is cited for, and its caveats."),
            ],
            "primaryKey": ["reference_key"],
        },
    },
    "secondary_figures": {
        "title": "Figures from secondary sources",
        "description": "Numbers that secondary sources give, including known slips, for comparison with the claims.",
        "schema": {
            "fields": [
                _field("reference_key", "string", "The source that gives the figure.", required=True),
                _field("subject", "string", "What the figure counts.", required=True),
                _field("value", "number", "The figure.", required=True),
                _field("unit", "string", "Unit of value.", required=True),
                _field("bound", "string", "Kind of figure, as in measurements.bound.", required=True, enum=BOUNDS),
                _field("applies_to", "date", "The date the figure describes.", required=True),
                _field("note", "string", "Caveat."),
            ],
            "primaryKey": ["reference_key", "subject"],
            "foreignKeys": [
                {"fields": "reference_key", "reference": {"resource": "references", "fields": "reference_key"}}
            ],
        },
    },
    "counter_accounts": {
        "title": "The other side's accounts",
        "description": "Accounts on record from the people a source accuses, summarised in our words.",
        "schema": {
            "fields": [
                _field("counter_id", "string", "Stable id.", required=True, unique=True),
                _field("incident_id", "string", "The incident.", required=True),
                _field("reference_key", "string", "Where the account is recorded.", required=True),
                _field("party", "string", "Whose account it is.", required=True),
                _field("summary", "string", "The account, in our words.", required=True),
            ],
            "primaryKey": ["counter_id"],
            "foreignKeys": [
                _incident_fk(),
                {"fields": "reference_key", "reference": {"resource": "references", "fields": "reference_key"}},
            ],
        },
    },
    "hedge_lexicon": {
        "title": "Hedge lexicon",
        "description": "The words that mark a claim as hedged, and what kind of hedge each is.",
        "schema": {
            "fields": [
                _field(
                    "term",
                    "string",
                    "The marker, matched case-insensitively as whole words.",
                    required=True,
                    unique=True,
                ),
                _field(
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
        "description": "Every code used in the claims register, with its definition, decision rule and an example.",
        "schema": {
            "fields": [
                _field("scheme", "string", "Which column the code is for.", required=True, enum=CODE_SCHEMES),
                _field("code", "string", "The code.", required=True),
                _field("definition", "string", "What it means.", required=True),
                _field("rule", "string", "How a coder decides."),
                _field("example_claim_id", "string", "A claim coded this way."),
            ],
            "primaryKey": ["scheme", "code"],
            "foreignKeys": [{"fields": "example_claim_id", "reference": {"resource": "claims", "fields": "claim_id"}}],
        },
    },
    "checks": {
        "title": "Checks against the records",
        "description": "Numeric claims tested against the records, computed by the pipeline rather than typed.",
        "schema": {
            "fields": [
                _field("check_id", "string", "Stable id; claims name it in check_id.", required=True, unique=True),
                _field("question", "string", "What the check asks.", required=True),
                _field("claimed_value", "number", "The figure as the claim states it; empty where the claim has none."),
                _field("claimed_bound", "string", "Kind of figure claimed.", enum=BOUNDS),
                _field("record_value", "number", "The figure the records give.", required=True),
                _field("unit", "string", "Unit of both values.", required=True),
                _field("computation", "string", "How record_value was computed, and from which rows.", required=True),
                _field("holds", "boolean", "Whether the claim holds against the record; empty for a check of scale."),
                _field("result", "string", "The finding in words, with any slips by other sources.", required=True),
            ],
            "primaryKey": ["check_id"],
        },
    },
    "claims": {
        "title": "Claims register",
        "description": (
            "Every check-worthy claim in the sources, atomic, with claimant, chain, type, hedges and assessment."
        ),
        "schema": {
            "fields": [
                _field(
                    "claim_id",
                    "string",
                    "Stable id: CL-U (blog), CL-K (blog comments), CL-A (Workers' Liberty), CL-C (Canary).",
                    required=True,
                    unique=True,
                ),
                _field("source_id", "string", "The text the claim is in.", required=True),
                _field("incident_id", "string", "The incident it concerns.", required=True),
                _field(
                    "segment_role",
                    "string",
                    "Role of the line the quote is on (body, quotation or comment).",
                    required=True,
                    enum=SEGMENT_ROLES,
                ),
                _field("comment_id", "string", "For a commenter's claim, the comment."),
                _quote("The claim in the source's words."),
                *OFFSETS,
                _field("restatement", "string", "What is claimed, restated neutrally.", required=True),
                _field("claimant", "string", "Who asserts it (not always the author).", required=True),
                _field("claimant_kind", "string", "Kind of claimant.", required=True, enum=CLAIMANT_KINDS),
                _field(
                    "attribution_chain",
                    "string",
                    "Who passed the claim to whom, from the text we hold back to its origin.",
                    required=True,
                ),
                _field("claim_type", "string", "From the codebook.", required=True, enum=CLAIM_TYPES),
                _field("hedges", "string", "Hedge markers found in the quote by the lexicon, separated by '; '."),
                _field("hedge_count", "integer", "Number of hedge markers found.", required=True, minimum=0),
                _field(
                    "evidence_status",
                    "string",
                    "How strong the evidence is, from the codebook.",
                    required=True,
                    enum=EVIDENCE_STATUSES,
                ),
                _field(
                    "likelihood",
                    "string",
                    "How likely we judge the claim to be true; separate from the evidence.",
                    required=True,
                    enum=LIKELIHOODS,
                ),
                _field(
                    "confidence", "string", "How confident we are in that judgement.", required=True, enum=CONFIDENCES
                ),
                _field("verdict", "string", "The conclusion in words.", required=True),
                _field(
                    "checked_against",
                    "string",
                    "Reference keys, tables, sources and checks consulted, separated by '; '.",
                ),
                _field("check_id", "string", "The computed check, for numeric claims."),
                _field("counter_id", "string", "The other side's account, where one is on record."),
                _field("coding_note", "string", "How an ambiguous case was resolved."),
            ],
            "primaryKey": ["claim_id"],
            "foreignKeys": [
                _source_fk(),
                _incident_fk(),
                {"fields": "comment_id", "reference": {"resource": "comments", "fields": "comment_id"}},
                {"fields": "check_id", "reference": {"resource": "checks", "fields": "check_id"}},
                {"fields": "counter_id", "reference": {"resource": "counter_accounts", "fields": "counter_id"}},
            ],
        },
    },
    "sentences": {
        "title": "Sentence coverage",
        "description": "Every sentence of article text, with the claims it contains or why it contains none.",
        "schema": {
            "fields": [
                _field(
                    "sentence_id",
                    "string",
                    "segment_id, a dot and the sentence's number in the line.",
                    required=True,
                    unique=True,
                ),
                _field("source_id", "string", "The text.", required=True),
                _field("segment_id", "string", "The line the sentence is on.", required=True),
                *OFFSETS,
                _field("text", "string", "The sentence, normalised.", required=True),
                _field("claim_ids", "string", "Claims whose quotes overlap the sentence, separated by '; '."),
                _field(
                    "non_claim_reason",
                    "string",
                    "Why a sentence without claims asserts nothing check-worthy.",
                    enum=NON_CLAIM_REASONS,
                ),
            ],
            "primaryKey": ["sentence_id"],
            "foreignKeys": [
                _source_fk(),
                {"fields": "segment_id", "reference": {"resource": "segments", "fields": "segment_id"}},
            ],
        },
    },
}
