"""Building blocks of the Table Schemas: code lists, field helpers and the licences a table can carry."""

from __future__ import annotations

SEGMENT_ROLES = ["title", "byline", "heading", "body", "quotation", "caption", "comment", "furniture"]
# Roles whose sentences the claims register must account for: all article text and every comment.
ASSERTING_ROLES = ["title", "byline", "heading", "body", "quotation", "caption", "comment"]
DATE_PRECISIONS = ["year", "month", "day", "hour"]
DATE_BASES = ["stated", "from_address", "inferred"]
BOUNDS = ["point", "lower_bound", "upper_bound", "approximate", "range", "forecast", "vague"]
UNITS = ["members", "supporters", "followers", "organisers", "people", "votes", "campaigns", "GBP"]
SPEAKER_ROLES = ["author", "quoted_source", "commenter"]
SPENDING_ITEMS = ["total_spending", "facebook_spending"]
REFERENCE_TYPES = [
    "book",
    "newspaper",
    "news",
    "blog",
    "magazine",
    "report",
    "record",
    "software",
    "dataset",
    "documentation",
    "web",
]
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
    "prescription",
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
CODE_SCHEMES = ["type", "status", "likelihood", "confidence", "non_claim", "resolution"]
STRATA = ["ukileft-2016", "ukileft-comments", "awl-2016", "canary-2018"]
NON_CLAIM_REASONS = ["navigation", "call_to_action", "metadata", "label", "phatic"]
VOTE_SHARE_SERIES = ["parlgov", "uk_tabulated"]
CHECK_BASES = ["records", "secondary_sources"]

# Each table declares which of these licences is true of its contents (datapackage.json carries it).
LICENCES = {
    "ours": {
        "name": "CC-BY-4.0",
        "path": "https://creativecommons.org/licenses/by/4.0/",
        "title": "Creative Commons Attribution 4.0 (the book's own work)",
    },
    "facts": {
        "name": "CC-BY-4.0",
        "path": "https://creativecommons.org/licenses/by/4.0/",
        "title": "Creative Commons Attribution 4.0 for the compilation; the facts are from the sources each row names",
    },
    "third_party": {
        "name": "other-closed",
        "title": "Not licensed by the book: short excerpts of third-party texts, quoted for criticism and "
        "review; they remain their authors' and publishers' work",
    },
    "disarm": {
        "name": "CC-BY-SA-4.0",
        "path": "https://creativecommons.org/licenses/by-sa/4.0/",
        "title": "Creative Commons Attribution-ShareAlike 4.0, DISARM Foundation (DISARM Red Framework)",
    },
}

OFFSETS = [
    {
        "name": "char_start",
        "type": "integer",
        "constraints": {"required": True, "minimum": 0},
        "description": "Start of the span, as a character (code point) offset into the raw UTF-8 text.",
    },
    {
        "name": "char_end",
        "type": "integer",
        "constraints": {"required": True, "minimum": 1},
        "description": "End of the span (exclusive), in the same units as char_start.",
    },
]


def field(name: str, type_: str, description: str, *, required: bool = False, **constraints) -> dict:
    spec: dict = {"name": name, "type": type_, "description": description}
    if required:
        constraints["required"] = True
    if constraints:
        spec["constraints"] = constraints
    return spec


def source_fk(field_name: str = "source_id") -> dict:
    return {"fields": field_name, "reference": {"resource": "sources", "fields": "source_id"}}


def incident_fk() -> dict:
    return {"fields": "incident_id", "reference": {"resource": "incidents", "fields": "incident_id"}}


def reference_fk(field_name: str = "reference_key") -> dict:
    return {"fields": field_name, "reference": {"resource": "references", "fields": "reference_key"}}


def claim_fk(field_name: str = "claim_id") -> dict:
    return {"fields": field_name, "reference": {"resource": "claims", "fields": "claim_id"}}
