"""Tables of the comment discourse: the comment codebook, both coders' codes, and the lexicon's scores.

None of them holds a commenter's words: codes, ids and numbers only.
"""

from __future__ import annotations

from .fields import field

CODERS = ["first", "second"]
COMMENT_DIMENSIONS = ["function", "post_stance", "blame", "evidence", "tone"]
POLARITIES = ["negative", "neutral", "positive"]
COMMENT_FK = {"fields": "comment_id", "reference": {"resource": "comments", "fields": "comment_id"}}

DISCOURSE_TABLES: dict[str, dict] = {
    "comment_codes": {
        "title": "Comment codebook",
        "description": "The codes for the comments, by dimension, with definitions, decision rules and an example "
        "given by comment id and paraphrase.",
        "licence": "ours",
        "schema": {
            "fields": [
                field("dimension", "string", "What the code describes.", required=True, enum=COMMENT_DIMENSIONS),
                field("code", "string", "The code.", required=True),
                field(
                    "several", "boolean", "Whether a comment may take several codes on this dimension.", required=True
                ),
                field("definition", "string", "What it means.", required=True),
                field("rule", "string", "How a coder decides.", required=True),
                field("example_comment_id", "string", "A comment coded this way."),
                field("example_paraphrase", "string", "What that comment does, in our words."),
            ],
            "primaryKey": ["dimension", "code"],
            "foreignKeys": [
                {"fields": "example_comment_id", "reference": {"resource": "comments", "fields": "comment_id"}}
            ],
        },
    },
    "comment_codings": {
        "title": "Comment coding",
        "description": "Every captured comment coded on every dimension by two coders, the second blind.",
        "licence": "ours",
        "schema": {
            "fields": [
                field("coder", "string", "first or second (blind).", required=True, enum=CODERS),
                field("comment_id", "string", "The comment.", required=True),
                field("dimension", "string", "The dimension.", required=True, enum=COMMENT_DIMENSIONS),
                field("code", "string", "A code from comment_codes.", required=True),
            ],
            "primaryKey": ["coder", "comment_id", "dimension", "code"],
            "foreignKeys": [
                COMMENT_FK,
                {
                    "fields": ["dimension", "code"],
                    "reference": {"resource": "comment_codes", "fields": ["dimension", "code"]},
                },
            ],
        },
    },
    "comment_sentiment": {
        "title": "Sentiment scores of the comments",
        "description": "VADER's scores for each captured comment, computed from the raw text when the data are "
        "built. Only the scores are kept.",
        "licence": "ours",
        "schema": {
            "fields": [
                field("comment_id", "string", "The comment.", required=True, unique=True),
                field(
                    "compound",
                    "number",
                    "VADER's normalised compound score, from -1 to 1.",
                    required=True,
                    minimum=-1,
                    maximum=1,
                ),
                field(
                    "positive",
                    "number",
                    "Share of the text VADER reads as positive.",
                    required=True,
                    minimum=0,
                    maximum=1,
                ),
                field("neutral", "number", "Share read as neutral.", required=True, minimum=0, maximum=1),
                field("negative", "number", "Share read as negative.", required=True, minimum=0, maximum=1),
                field(
                    "polarity",
                    "string",
                    "VADER's own cut-offs: positive at 0.05 and above, negative at -0.05 and below, neutral between.",
                    required=True,
                    enum=POLARITIES,
                ),
                field("lexicon", "string", "The package and version that scored it.", required=True),
            ],
            "primaryKey": ["comment_id"],
            "foreignKeys": [COMMENT_FK],
        },
    },
}
