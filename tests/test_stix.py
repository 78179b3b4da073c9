"""The STIX 2.1 export: valid, deterministic, and pointing only at DISARM's own attack patterns."""

from __future__ import annotations

import json

from stix2validator import ValidationOptions, validate_string

import takenover
from takenover.cite import stix

from conftest import DATA, RAW

EXPORT = DATA / stix.EXPORT_NAME
# STIX 2.1 permits an incident as the source of a `uses` relationship but does not list it among the
# suggested pairs; the brief asks for exactly that link, so this one advisory check is set aside.
ADVISORY = "relationship-types"


def exported() -> dict:
    return json.loads(EXPORT.read_text(encoding="utf-8"))


def test_the_export_validates_strictly():
    text = EXPORT.read_text(encoding="utf-8")
    result = validate_string(text, ValidationOptions(strict=True, version="2.1", disabled=ADVISORY))
    assert result.is_valid, [e.message for e in result.errors]
    fully = validate_string(text, ValidationOptions(strict=True, version="2.1"))
    uses = {o["id"] for o in exported()["objects"] if o.get("relationship_type") == "uses"}
    others = [e.message for e in fully.errors if "{202}" not in e.message or e.message.split(":")[0] not in uses]
    assert others == [], "the only finding of a fully strict run is the advisory about incident-uses"


def test_two_exports_give_the_same_bytes():
    assert stix.export() == stix.export() == EXPORT.read_bytes()


def test_every_attack_pattern_is_disarms_own():
    framework = json.loads((RAW / "records" / "disarm" / "DISARM.json").read_text(encoding="utf-8"))["objects"]
    disarm_ids = {
        o["external_references"][0]["external_id"]: o["id"] for o in framework if o["type"] == "attack-pattern"
    }
    coded = takenover.load("episode_techniques")
    targets = {o["target_ref"] for o in exported()["objects"] if o.get("relationship_type") == "uses"}
    assert targets == {disarm_ids[t] for t in coded["technique_id"]}
    assert not any(o["type"] == "attack-pattern" for o in exported()["objects"]), "DISARM objects are not copied"


def test_uses_carry_confidence_and_evidence_and_identities_are_publications():
    objects = exported()["objects"]
    uses = [o for o in objects if o.get("relationship_type") == "uses"]
    assert len(uses) == len(takenover.load("episode_techniques"))
    for rel in uses:
        assert rel["confidence"] in (15, 50, 85)
        assert rel["labels"][0] in ("attested", "alleged")
        assert rel["description"].startswith(rel["labels"][0].capitalize())
    outlets = {s.split(" (")[0] for s in takenover.load("sources")["outlet"]}
    names = {o["name"] for o in objects if o["type"] == "identity"}
    assert names - outlets == {stix.full_title()}, "identities are the book and the publications, no one else"
    assert {o["type"] for o in objects} >= {"incident", "relationship", "identity", "marking-definition"}
