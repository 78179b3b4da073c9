"""The STIX 2.1 export: strictly valid with no check disabled, self-contained, deterministic, pointing
only at DISARM's own attack patterns, and imported by MISP's own converter with each episode intact."""

from __future__ import annotations

import json

from stix2validator import ValidationOptions, validate_string

import takenover
from takenover.cite import stix

from conftest import DATA, RAW

EXPORT = DATA / stix.EXPORT_NAME


def exported() -> dict:
    return json.loads(EXPORT.read_text(encoding="utf-8"))


def test_the_export_validates_strictly_with_every_reference_inside_it():
    text = EXPORT.read_text(encoding="utf-8")
    result = validate_string(text, ValidationOptions(strict=True, version="2.1", enforce_refs=True))
    assert result.is_valid, [e.message for e in result.errors]
    assert not result.warnings, [w.message for w in result.warnings]


def test_misp_imports_each_episode_with_its_techniques():
    """misp-stix makes one MISP event per report: each episode, with its campaign and its DISARM techniques."""
    import stix2
    from misp_stix_converter import ExternalSTIX2toMISPParser

    parser = ExternalSTIX2toMISPParser()
    parser.load_stix_bundle(stix2.parse(EXPORT.read_text(encoding="utf-8"), allow_custom=False))
    parser.parse_stix_bundle(single_event=False)
    imported = {}
    for event in parser.misp_events:
        clusters = {g.type: {c.value for c in g.clusters} for g in event.galaxies}
        (campaign,) = clusters["stix-2.1-campaign"]
        imported[campaign] = clusters["stix-2.1-attack-pattern"]
    names = takenover.load("disarm_objects").set_index("external_id")["name"]
    coded = takenover.load("episode_techniques")
    titles = takenover.load("incidents").set_index("incident_id")["title"]
    expected = {
        titles[incident]: {names[t] for t in group["technique_id"]} for incident, group in coded.groupby("incident_id")
    }
    assert imported == expected


def test_two_exports_give_the_same_bytes():
    assert stix.export() == stix.export() == EXPORT.read_bytes()


def test_every_attack_pattern_is_disarms_own_and_carries_disarms_licence():
    framework = json.loads((RAW / "records" / "disarm" / "DISARM.json").read_text(encoding="utf-8"))["objects"]
    disarm = {o["id"]: o for o in framework}
    disarm_ids = {
        o["external_references"][0]["external_id"]: o["id"] for o in framework if o["type"] == "attack-pattern"
    }
    coded = takenover.load("episode_techniques")
    objects = exported()["objects"]
    targets = {o["target_ref"] for o in objects if o.get("relationship_type") == "uses"}
    assert targets == {disarm_ids[t] for t in coded["technique_id"]}
    patterns = [o for o in objects if o["type"] == "attack-pattern"]
    assert {p["id"] for p in patterns} == targets, "the bundle carries exactly the attack patterns it uses"
    for pattern in patterns:
        original = disarm[pattern["id"]]
        adapted = {k: v for k, v in original.items() if not k.startswith("x_") and k != "external_references"}
        assert {k: v for k, v in pattern.items() if k != "external_references"} == adapted
        (marking,) = pattern["object_marking_refs"]
        assert marking in {o["id"] for o in objects}, "DISARM's licence marking travels with its objects"
        assert disarm[marking]["definition"] == next(o for o in objects if o["id"] == marking)["definition"]


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
    disarm_identity = {o["name"] for o in objects if o["type"] == "identity" and "DISARM" in o["name"]}
    assert names - outlets - disarm_identity == {stix.full_title()}, "the book, the publications, DISARM"
    assert {o["type"] for o in objects} >= {"campaign", "report", "relationship", "identity", "marking-definition"}
