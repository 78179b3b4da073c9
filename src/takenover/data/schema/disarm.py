"""Tables of the DISARM coding: the part of the framework the book uses, and the book's coding of each episode.

The framework's objects are the DISARM Foundation's, under CC BY-SA 4.0; the coding is the book's own.
"""

from __future__ import annotations

from .fields import CONFIDENCES, EVIDENCE_STATUSES, field, incident_fk

DISARM_TYPES = ["identity", "marking-definition", "x-mitre-tactic", "attack-pattern", "relationship"]
COMPARISON_DIMENSIONS = ["asset", "route", "responsible", "audience", "recovery"]

DISARM_TABLES: dict[str, dict] = {
    "disarm_objects": {
        "title": "DISARM framework objects used",
        "description": "The DISARM Red Framework objects the book uses, copied verbatim from the DISARM Foundation's "
        "STIX 2.1 bundle.",
        "licence": "disarm",
        "schema": {
            "fields": [
                field(
                    "stix_id",
                    "string",
                    "The object's STIX id, as in the framework's bundle.",
                    required=True,
                    unique=True,
                ),
                field("type", "string", "STIX object type.", required=True, enum=DISARM_TYPES),
                field("external_id", "string", "DISARM's id: TA.. for a tactic, T.... for a technique."),
                field("name", "string", "DISARM's name for it."),
                field(
                    "phase",
                    "string",
                    "For a technique, the tactic it belongs to (DISARM's short name); for a tactic, its short name.",
                ),
                field("parent_external_id", "string", "For a sub-technique, the technique it belongs to."),
                field("matrix_order", "integer", "For a tactic, its place in DISARM's matrix, from 1.", minimum=1),
                field("url", "string", "DISARM's page for it."),
                field("stix_json", "string", "The object itself, as compact JSON with sorted keys.", required=True),
            ],
            "primaryKey": ["stix_id"],
        },
    },
    "episode_techniques": {
        "title": "Episodes coded in DISARM",
        "description": "Each episode's behaviours coded to DISARM techniques, with the claims each rests on and "
        "whether the behaviour is attested or only alleged.",
        "licence": "ours",
        "schema": {
            "fields": [
                field("incident_id", "string", "The episode.", required=True),
                field("technique_id", "string", "DISARM technique id.", required=True),
                field("claim_ids", "string", "The claims the coding rests on, separated by '; '.", required=True),
                field("attested", "boolean", "True only when the claims it rests on are corroborated.", required=True),
                field(
                    "evidence_status",
                    "string",
                    "The weakest evidence status among those claims.",
                    required=True,
                    enum=EVIDENCE_STATUSES,
                ),
                field(
                    "confidence",
                    "string",
                    "Confidence that the episode involved the technique; never above the weakest claim's.",
                    required=True,
                    enum=CONFIDENCES,
                ),
                field("rationale", "string", "Why the technique fits, in the book's words.", required=True),
            ],
            "primaryKey": ["incident_id", "technique_id"],
            "foreignKeys": [
                incident_fk(),
                {"fields": "technique_id", "reference": {"resource": "disarm_objects", "fields": "external_id"}},
            ],
        },
    },
    "episode_comparison": {
        "title": "The episodes compared",
        "description": "Each episode in the book's words: what was taken or used, how, by whom by the sources' "
        "accounts, the effect on its audience and any recovery, with the claims each summary rests on.",
        "licence": "ours",
        "schema": {
            "fields": [
                field("incident_id", "string", "The episode.", required=True),
                field("dimension", "string", "What is compared.", required=True, enum=COMPARISON_DIMENSIONS),
                field("summary", "string", "The summary, attributing what rests on one source.", required=True),
                field("claim_ids", "string", "The claims it rests on, separated by '; '.", required=True),
            ],
            "primaryKey": ["incident_id", "dimension"],
            "foreignKeys": [incident_fk()],
        },
    },
    "disarm_notes": {
        "title": "Behaviours not coded in DISARM",
        "description": "Behaviours the sources describe that fit no DISARM technique, or that the book chose not to "
        "code, and why.",
        "licence": "ours",
        "schema": {
            "fields": [
                field("incident_id", "string", "The episode.", required=True),
                field("behaviour", "string", "The behaviour, in the book's words.", required=True),
                field("claim_ids", "string", "The claims it rests on, separated by '; '.", required=True),
                field("note", "string", "Why it is not coded.", required=True),
            ],
            "primaryKey": ["incident_id", "behaviour"],
            "foreignKeys": [incident_fk()],
        },
    },
}
