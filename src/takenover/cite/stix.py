"""Export the three episodes as a STIX 2.1 bundle, coded in DISARM, for tools such as OpenCTI or MISP.

Deterministic: every id is a UUID derived from what the object describes (shaped as version 4, as STIX
2.1 asks), and every timestamp comes from the book's release date, so the same data always give the same
bytes. The episodes point at DISARM's attack patterns by the framework's own ids, without copying them:
import the DISARM bundle first and the links resolve. Identities are given for publications only, never
for private people.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid

import stix2

from ..core.metadata import full_title, metadata
from ..data.loader import load

CONFIDENCE = {"low": 15, "medium": 50, "high": 85}  # STIX 2.1's None/Low/Med/High scale, mid-points
LICENCE_STATEMENT = "CC-BY-4.0 The contributors to Taken Over"
EXPORT_NAME = "episodes.stix.json"


def stix_id(kind: str, *parts: str) -> str:
    """A fixed id for what the parts name: a hash of them, shaped as a version-4 UUID."""
    digest = hashlib.sha256("/".join(("taken-over", kind, *parts)).encode("utf-8")).digest()
    return f"{kind}--{uuid.UUID(bytes=digest[:16], version=4)}"


def _timestamp() -> dt.datetime:
    released = metadata()["released"]
    return dt.datetime(released.year, released.month, released.day, tzinfo=dt.UTC)


def _book(when: dt.datetime) -> tuple[stix2.Identity, stix2.MarkingDefinition]:
    book = stix2.Identity(
        id=stix_id("identity", "book"),
        created=when,
        modified=when,
        name=full_title(),
        identity_class="organization",
        description=f"The open research publication, version {metadata()['version']}.",
    )
    marking = stix2.MarkingDefinition(
        id=stix_id("marking-definition", "book"),
        created=when,
        created_by_ref=book.id,
        definition_type="statement",
        definition=stix2.StatementMarking(statement=LICENCE_STATEMENT),
    )
    return book, marking


def _publications(when: dt.datetime, book: str, marking: str) -> dict[str, stix2.Identity]:
    return {
        s.source_id: stix2.Identity(
            id=stix_id("identity", s.source_id),
            created=when,
            modified=when,
            created_by_ref=book,
            name=s.outlet.split(" (")[0],
            identity_class="organization",
            sectors=["communications"],
            description=f"Publisher of the primary text {s.source_id}.",
            object_marking_refs=[marking],
        )
        for s in load("sources").itertuples()
    }


def attack_patterns() -> dict[str, str]:
    """DISARM technique id to the framework's own STIX id, for the techniques the coding uses."""
    objects = load("disarm_objects")
    patterns = objects[objects["type"] == "attack-pattern"]
    return dict(zip(patterns["external_id"], patterns["stix_id"], strict=True))


def _source_reference(source) -> stix2.ExternalReference:
    return stix2.ExternalReference(
        source_name="Taken Over dataset",
        external_id=source.name,
        description=f"Primary text: {source['title']} ({source['label']}, {source['published']:%-d %B %Y}), "
        f"{source['url']}",
    )


def bundle() -> stix2.Bundle:
    when = _timestamp()
    book, marking = _book(when)
    publications = _publications(when, book.id, marking.id)
    patterns = attack_patterns()
    sources = load("sources").set_index("source_id")
    objects: list = [book, marking, *publications.values()]
    incidents = {}
    for inc in load("incidents").itertuples():
        incidents[inc.incident_id] = stix2.Incident(
            id=stix_id("incident", inc.incident_id),
            created=when,
            modified=when,
            created_by_ref=book.id,
            name=inc.title,
            description=inc.summary,
            object_marking_refs=[marking.id],
            external_references=[_source_reference(sources.loc[inc.primary_source_id])],
        )
        objects.append(incidents[inc.incident_id])
        objects.append(
            stix2.Relationship(
                id=stix_id("relationship", inc.incident_id, "related-to", inc.primary_source_id),
                created=when,
                modified=when,
                created_by_ref=book.id,
                relationship_type="related-to",
                source_ref=incidents[inc.incident_id].id,
                target_ref=publications[inc.primary_source_id].id,
                description="The publisher of the primary text that documents the episode.",
                object_marking_refs=[marking.id],
            )
        )
    for row in load("episode_techniques").itertuples():
        evidence = "Attested" if row.attested else "Alleged"
        objects.append(
            stix2.Relationship(
                id=stix_id("relationship", row.incident_id, "uses", row.technique_id),
                created=when,
                modified=when,
                created_by_ref=book.id,
                relationship_type="uses",
                source_ref=incidents[row.incident_id].id,
                target_ref=patterns[row.technique_id],
                confidence=CONFIDENCE[row.confidence],
                labels=[evidence.lower()],
                description=f"{evidence}: DISARM {row.technique_id}. Evidence {row.evidence_status.replace('_', ' ')}, "
                f"claims {row.claim_ids}. {row.rationale}",
                object_marking_refs=[marking.id],
            )
        )
    return stix2.Bundle(*objects, id=stix_id("bundle", "episodes", metadata()["version"]))


def export() -> bytes:
    """The bundle as pretty JSON with sorted keys: two runs give the same bytes."""
    document = json.loads(bundle().serialize())
    return (json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")
