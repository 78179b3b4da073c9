"""Tables about the three primary texts: provenance, lines, the comment thread, events and numbers.

None of them reproduces the texts: each span is given by offsets into data/raw/texts/, so a reader
with the raw file can check it, and the published tables stay the book's own work.
"""

from __future__ import annotations

from .fields import (
    BOUNDS,
    DATE_BASES,
    DATE_PRECISIONS,
    OFFSETS,
    SEGMENT_ROLES,
    SPEAKER_ROLES,
    UNITS,
    field,
    incident_fk,
    reference_fk,
    source_fk,
)
from .ids import TIME_OF_DAY

TEXT_TABLES: dict[str, dict] = {
    "sources": {
        "title": "Primary texts",
        "description": "One row per primary text, with its provenance and the SHA-256 of its raw bytes.",
        "licence": "ours",
        "schema": {
            "fields": [
                field(
                    "source_id",
                    "string",
                    "Stable id of the text, used by every other table.",
                    required=True,
                    unique=True,
                ),
                field("label", "string", "How tables and chains of attribution name the text.", required=True),
                field("title", "string", "Headline as printed (cited as bibliographic data).", required=True),
                field("outlet", "string", "Where it was published, and what kind of outlet that is.", required=True),
                field("author", "string", "Byline, if the text has one; empty otherwise."),
                field("published", "date", "Publication date.", required=True),
                field("date_basis", "string", "Where the publication date comes from.", required=True),
                field("url", "string", "Address of the original page.", required=True),
                field("raw_file", "string", "Path of the raw text, relative to data/raw/.", required=True),
                field(
                    "sha256",
                    "string",
                    "SHA-256 of the raw file's bytes; the pipeline refuses a file that does not match.",
                    required=True,
                    pattern="^[0-9a-f]{64}$",
                ),
                field("notes", "string", "Caveats a reader of this text should know."),
            ],
            "primaryKey": ["source_id"],
        },
    },
    "incidents": {
        "title": "Incidents",
        "description": "The three cases the book studies, with their stable ids.",
        "licence": "ours",
        "schema": {
            "fields": [
                field("incident_id", "string", "Stable id of the incident.", required=True, unique=True),
                field("title", "string", "Short descriptive title.", required=True),
                field("platform", "string", "Where it happened.", required=True),
                field(
                    "date_start",
                    "date",
                    "Start of the incident as the primary source dates it (first day of "
                    "the year when only the year is given).",
                    required=True,
                ),
                field("date_precision", "string", "How exact date_start is.", required=True, enum=DATE_PRECISIONS),
                field(
                    "date_basis",
                    "string",
                    "stated, from_address or inferred, for date_start (see events.date_basis).",
                    required=True,
                    enum=DATE_BASES,
                ),
                field("primary_source_id", "string", "The primary text that documents it.", required=True),
                field(
                    "summary",
                    "string",
                    "A one-sentence summary written for this dataset, attributing what it does not establish.",
                    required=True,
                ),
                *OFFSETS,
            ],
            "primaryKey": ["incident_id"],
            "foreignKeys": [source_fk("primary_source_id")],
        },
    },
    "segments": {
        "title": "Text segments",
        "description": "Every non-blank line of every raw text, in order, with its role on the page.",
        "licence": "ours",
        "schema": {
            "fields": [
                field(
                    "segment_id",
                    "string",
                    "source_id, a colon and the three-digit position.",
                    required=True,
                    unique=True,
                ),
                field("source_id", "string", "The text the segment belongs to.", required=True),
                field("position", "integer", "Order within the text, from 1.", required=True, minimum=1),
                field("line", "integer", "Line number in the raw file, from 1.", required=True, minimum=1),
                field(
                    "role",
                    "string",
                    "What the line is: article text (title, byline, heading, body, quotation, "
                    "caption), a reader comment, or page furniture.",
                    required=True,
                    enum=SEGMENT_ROLES,
                ),
                field("comment_id", "string", "For comment lines, the comment they belong to."),
                field("words", "integer", "Number of words on the line.", required=True, minimum=0),
                *OFFSETS,
            ],
            "primaryKey": ["segment_id"],
            "foreignKeys": [
                source_fk(),
                {"fields": "comment_id", "reference": {"resource": "comments", "fields": "comment_id"}},
            ],
        },
    },
    "comments": {
        "title": "Comment thread",
        "description": "Reader comments under the 2016 blog post, rebuilt as a tree, under pseudonymous ids and "
        "without their words.",
        "licence": "ours",
        "schema": {
            "fields": [
                field(
                    "comment_id",
                    "string",
                    "Pseudonymous id: C1, C2, … in page order; C0 is the missing parent.",
                    required=True,
                    unique=True,
                ),
                field("source_id", "string", "The post the thread is under.", required=True),
                field("parent_id", "string", "The comment this one replies to; empty for a top-level comment."),
                field(
                    "depth", "integer", "0 for a top-level comment, 1 for a reply, and so on.", required=True, minimum=0
                ),
                field(
                    "thread_order",
                    "integer",
                    "Position in page order; the placeholder comes first as 0.",
                    required=True,
                    minimum=0,
                ),
                field("list_number", "integer", "The number printed before the comment in the capture."),
                field(
                    "captured", "boolean", "False for a placeholder whose text is not in the capture.", required=True
                ),
                field(
                    "by_blog_author",
                    "boolean",
                    "True where the reply is the blog's own (see author_basis).",
                    required=True,
                ),
                field("author_basis", "string", "Why a comment is attributed to the blog's author."),
                field("likes", "integer", "From the 'Liked by N people' line; empty where there is none.", minimum=0),
                field("paragraphs", "integer", "Number of paragraphs in the comment.", required=True, minimum=0),
                field("words", "integer", "Number of words in the comment.", required=True, minimum=0),
                field(
                    "char_start",
                    "integer",
                    "Start of the comment text in the raw file (empty for a placeholder).",
                    minimum=0,
                ),
                field("char_end", "integer", "End of the comment text in the raw file (exclusive).", minimum=1),
            ],
            "primaryKey": ["comment_id"],
            "foreignKeys": [
                source_fk(),
                {"fields": "parent_id", "reference": {"resource": "", "fields": "comment_id"}},
            ],
        },
    },
    "threads": {
        "title": "Comment thread coverage",
        "description": "How much of each comment thread survives in the capture.",
        "licence": "ours",
        "schema": {
            "fields": [
                field("source_id", "string", "The text whose thread this is.", required=True, unique=True),
                field("stated_comment_count", "integer", "The count the page's comment header gives.", required=True),
                field("captured_comment_count", "integer", "Comments whose text is in the capture.", required=True),
                field(
                    "placeholder_count",
                    "integer",
                    "Parents added because a captured reply points to them.",
                    required=True,
                ),
                *OFFSETS,
            ],
            "primaryKey": ["source_id"],
            "foreignKeys": [source_fk()],
        },
    },
    "events": {
        "title": "Timeline",
        "description": "Dated events, with how exact the date is and whether it is printed or inferred; each rests "
        "on a span of a primary text or on a reference.",
        "licence": "ours",
        "schema": {
            "fields": [
                field("event_id", "string", "Stable id.", required=True, unique=True),
                field("incident_id", "string", "The incident the event belongs to.", required=True),
                field(
                    "date",
                    "date",
                    "The day, or the first day of the month or year when precision is coarser.",
                    required=True,
                ),
                field(
                    "time",
                    "string",
                    "Clock time (HH:MM, UK time) when precision is hour.",
                    pattern=f"^{TIME_OF_DAY}$",
                ),
                field("precision", "string", "How exact the date is.", required=True, enum=DATE_PRECISIONS),
                field(
                    "date_basis",
                    "string",
                    "stated: a text or the reference notes give it; from_address: read from the page's web address; "
                    "inferred: worked out, see reasoning.",
                    required=True,
                    enum=DATE_BASES,
                ),
                field("reasoning", "string", "How the date was read or inferred.", required=True),
                field("description", "string", "What happened, as the source tells it, in our words.", required=True),
                field("source_id", "string", "The primary text that dates the event, if it is one of the three."),
                field("reference_key", "string", "The reference that dates the event, otherwise."),
                field("char_start", "integer", "Start of the dating span in the primary text.", minimum=0),
                field("char_end", "integer", "End of that span (exclusive).", minimum=1),
            ],
            "primaryKey": ["event_id"],
            "foreignKeys": [incident_fk(), source_fk(), reference_fk()],
        },
    },
    "measurements": {
        "title": "Numbers in the sources",
        "description": "Every number the primary texts give, with its unit, its kind of bound and who states it.",
        "licence": "ours",
        "schema": {
            "fields": [
                field("measurement_id", "string", "Stable id.", required=True, unique=True),
                field("incident_id", "string", "The incident the number is about.", required=True),
                field("source_id", "string", "The text that gives it.", required=True),
                field("subject", "string", "What is being counted.", required=True),
                field(
                    "value",
                    "integer",
                    "The number as stated (the lower end for a range); empty when the source gives no number.",
                ),
                field("value_high", "integer", "Upper end, for a range only."),
                field("unit", "string", "Unit of value.", required=True, enum=UNITS),
                field(
                    "bound",
                    "string",
                    "point: a plain figure; lower_bound: 'over'; upper_bound: 'less than', "
                    "'nearly'; approximate: 'about'; range: 'two or three'; forecast: a prediction; vague: no "
                    "figure.",
                    required=True,
                    enum=BOUNDS,
                ),
                field("applies_date", "date", "When the number applies, as precisely as the source allows."),
                field(
                    "applies_time",
                    "string",
                    "Clock time (HH:MM, UK time) when applies_precision is hour.",
                    pattern=f"^{TIME_OF_DAY}$",
                ),
                field("applies_precision", "string", "How exact applies_date is.", enum=DATE_PRECISIONS),
                field("applies_note", "string", "When the number applies, in words."),
                field(
                    "stated_by",
                    "string",
                    "Who states the number: the author, a quoted source, or a pseudonymous commenter.",
                    required=True,
                ),
                field(
                    "speaker_role",
                    "string",
                    "Whether the speaker is the author, someone quoted, or a commenter.",
                    required=True,
                    enum=SPEAKER_ROLES,
                ),
                *OFFSETS,
            ],
            "primaryKey": ["measurement_id"],
            "foreignKeys": [incident_fk(), source_fk()],
        },
    },
}
