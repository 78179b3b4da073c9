"""Tables of the wider-record review: the searches run beyond the three texts, what each open claim was
looked for and found, and every regrade that review caused.

They let a reader see that a claim the book leaves open was looked for, and how a grade changed and why.
"""

from __future__ import annotations

from .fields import CONFIDENCES, EVIDENCE_STATUSES, LIKELIHOODS, claim_fk, field

RECHECK_OUTCOMES = ["silent", "partly", "answers"]
SEARCH_RUNNERS = ["source_pack", "book"]
SEARCH_CORPORA = ["pages", "docs"]

WIDER_TABLES: dict[str, dict] = {
    "searches": {
        "title": "Searches of the wider record",
        "description": "Every search of stored public pages run for the book, with what it returned, in our words.",
        "licence": "ours",
        "schema": {
            "fields": [
                field(
                    "search_id",
                    "string",
                    "Stable id (S001, S002, ...).",
                    required=True,
                    unique=True,
                    pattern="^S[0-9]{3}$",
                ),
                field(
                    "run_by",
                    "string",
                    "Who ran it: the compilers of the project's source pack, or the book's authors.",
                    required=True,
                    enum=SEARCH_RUNNERS,
                ),
                field("corpus", "string", "The stored collection searched.", required=True, enum=SEARCH_CORPORA),
                field("query", "string", "The query as run.", required=True),
                field("returned", "string", "What came back that bears on the book, in our words.", required=True),
                field("found", "string", "References the search surfaced and the book relies on, separated by '; '."),
            ],
            "primaryKey": ["search_id"],
        },
    },
    "claim_rechecks": {
        "title": "Claims looked for in the wider record",
        "description": "For every claim left open, what would settle it, which searches looked for it, and what "
        "they found.",
        "licence": "ours",
        "schema": {
            "fields": [
                field("claim_id", "string", "The claim.", required=True, unique=True),
                field("question", "string", "What would settle the claim.", required=True),
                field(
                    "search_ids",
                    "string",
                    "The searches that looked for it, separated by '; '; empty only for a claim that cannot be "
                    "checked in principle (an opinion, a forecast), whose note says so.",
                ),
                field("found", "string", "References that bear on it, separated by '; '; empty if none."),
                field(
                    "outcome",
                    "string",
                    "Whether the wider record answers the question, answers part of it, or is silent.",
                    required=True,
                    enum=RECHECK_OUTCOMES,
                ),
                field("note", "string", "What was found, or what was searched and found nothing.", required=True),
            ],
            "primaryKey": ["claim_id"],
            "foreignKeys": [claim_fk()],
        },
    },
    "claim_revisions": {
        "title": "Revisions of claim grades",
        "description": "The book's corrections record: every change to a claim's evidence status, likelihood or "
        "confidence from version 0.3.0 on, with the sources and the reason.",
        "licence": "ours",
        "schema": {
            "fields": [
                field("claim_id", "string", "The claim.", required=True),
                field("version", "string", "The book version that made the change.", required=True),
                field("old_status", "string", "Evidence status before.", required=True, enum=EVIDENCE_STATUSES),
                field("new_status", "string", "Evidence status after.", required=True, enum=EVIDENCE_STATUSES),
                field("old_likelihood", "string", "Likelihood before.", required=True, enum=LIKELIHOODS),
                field("new_likelihood", "string", "Likelihood after.", required=True, enum=LIKELIHOODS),
                field("old_confidence", "string", "Confidence before.", required=True, enum=CONFIDENCES),
                field("new_confidence", "string", "Confidence after.", required=True, enum=CONFIDENCES),
                field("sources", "string", "References the change rests on, separated by '; '.", required=True),
                field("reason", "string", "Why the grade changed, in our words.", required=True),
            ],
            "primaryKey": ["claim_id", "version"],
            "foreignKeys": [claim_fk()],
        },
    },
}
