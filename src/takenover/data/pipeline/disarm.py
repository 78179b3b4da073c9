"""Stage: the DISARM framework as vendored, and the book's coding of each episode in it.

The bundle's SHA-256 is checked against its provenance record first. Only the objects the coding
uses are published, verbatim, under the framework's own licence.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import InputError
from ..inputs.annotations import Comparison, DisarmCoding, DisarmNote
from ..inputs.documents import DisarmManifest
from ..inputs.read import read_document, read_entries
from ..rawio import display_path, read_bytes, read_utf8, sha256_of
from ..schema.fields import CONFIDENCES, EVIDENCE_STATUSES
from ..textnorm import clean
from .state import Build

# A behaviour is only as well evidenced as the weakest claim it rests on; contradicted claims support nothing.
STRENGTH = {"corroborated_independent": 3, "corroborated_in_corpus": 2, "single_source": 1, "not_checkable": 0}
CORROBORATED = {"corroborated_independent", "corroborated_in_corpus"}
assert set(STRENGTH) | {"contradicted"} == set(EVIDENCE_STATUSES)


def read_bundle(folder: Path) -> dict[str, dict]:
    """The framework's objects by STIX id, after checking the file against its recorded hash."""
    manifest = folder / "source.yml"
    file = display_path(manifest)
    source = read_document(manifest, DisarmManifest)
    read_bytes(folder / source["licence_file"])  # the licence must be there beside the framework
    bundle = folder / source["file"]
    if sha256_of(bundle) != source["sha256"]:
        raise InputError(
            file,
            f"SHA-256 of {source['file']} is {sha256_of(bundle)}, but source.yml records "
            f"{source['sha256']}; the vendored framework has changed",
        )
    try:
        objects = json.loads(read_utf8(bundle))["objects"]
    except (json.JSONDecodeError, KeyError) as err:
        raise InputError(display_path(bundle), f"not a STIX bundle: {err}") from None
    return {o["id"]: o for o in objects}


def _external_id(obj: dict) -> str | None:
    refs = obj.get("external_references") or []
    return refs[0].get("external_id") if refs else None


def episode_techniques(path: Path, bundle: dict[str, dict], out: Build) -> list[dict]:
    file = display_path(path)
    entries = read_entries(path, DisarmCoding)
    techniques = {_external_id(o): o for o in bundle.values() if o["type"] == "attack-pattern"}
    claims = {c["claim_id"]: c for c in out.tables["claims"]}
    rows, seen = [], set()
    for n, entry in enumerate(entries, start=1):
        key = (entry["incident"], entry["technique"])
        if entry["technique"] not in techniques:
            raise InputError(file, f"unknown DISARM technique id {entry['technique']!r}", n)
        if key in seen:
            raise InputError(file, f"{entry['technique']} is coded twice for {entry['incident']}", n)
        seen.add(key)
        cited = entry["claims"]
        if not cited:
            raise InputError(file, "a coding needs at least one supporting claim", n)
        for claim_id in cited:
            if claim_id not in claims:
                raise InputError(file, f"unknown claim {claim_id!r}", n)
            if claims[claim_id]["incident_id"] != entry["incident"]:
                raise InputError(
                    file, f"{claim_id} belongs to {claims[claim_id]['incident_id']}, not to {entry['incident']}", n
                )
            if claims[claim_id]["evidence_status"] == "contradicted":
                raise InputError(file, f"{claim_id} is contradicted, so it supports no behaviour", n)
        weakest = min((claims[c] for c in cited), key=lambda c: STRENGTH[c["evidence_status"]])
        if entry["status"] != weakest["evidence_status"]:
            raise InputError(
                file,
                f"status is {entry['status']!r}, but the weakest supporting claim, "
                f"{weakest['claim_id']}, is {weakest['evidence_status']}",
                n,
            )
        attested = {"yes": True, "no": False}.get(str(entry["attested"]).lower(), entry["attested"])
        if attested not in (True, False):
            raise InputError(file, "attested must be yes or no", n)
        if attested and entry["status"] not in CORROBORATED:
            raise InputError(file, "a behaviour is attested only when the claims it rests on are corroborated", n)
        lowest = max(CONFIDENCES.index(claims[c]["confidence"]) for c in cited)
        if entry["confidence"] not in CONFIDENCES or CONFIDENCES.index(entry["confidence"]) < lowest:
            raise InputError(
                file,
                f"confidence {entry['confidence']!r} is higher than its weakest supporting claim "
                f"allows ({CONFIDENCES[lowest]})",
                n,
            )
        rows.append(
            {
                "incident_id": entry["incident"],
                "technique_id": entry["technique"],
                "claim_ids": "; ".join(cited),
                "attested": attested,
                "evidence_status": entry["status"],
                "confidence": entry["confidence"],
                "rationale": clean(entry["rationale"]),
                "_origin": (file, n),
            }
        )
    out.reconcile(file, len(entries), len(rows))
    return rows


def disarm_notes(path: Path, out: Build) -> list[dict]:
    file = display_path(path)
    entries = read_entries(path, DisarmNote)
    claims = {c["claim_id"]: c for c in out.tables["claims"]}
    rows = []
    for n, entry in enumerate(entries, start=1):
        for claim_id in entry["claims"]:
            if claims.get(claim_id, {}).get("incident_id") != entry["incident"]:
                raise InputError(file, f"{claim_id} is not a claim about {entry['incident']}", n)
        rows.append(
            {
                "incident_id": entry["incident"],
                "behaviour": clean(entry["behaviour"]),
                "claim_ids": "; ".join(entry["claims"]),
                "note": clean(entry["note"]),
                "_origin": (file, n),
            }
        )
    out.reconcile(file, len(entries), len(rows))
    return rows


def disarm_objects(bundle: dict[str, dict], out: Build) -> list[dict]:
    """The vendored subset: identity, marking, every tactic, the coded techniques and their parents."""
    by_external = {_external_id(o): o for o in bundle.values() if o["type"] == "attack-pattern"}
    coded = {r["technique_id"] for r in out.tables["episode_techniques"]}
    parent_of = {}
    for rel in (o for o in bundle.values() if o.get("relationship_type") == "subtechnique-of"):
        parent_of[rel["source_ref"]] = rel
    wanted = {by_external[t]["id"] for t in coded}
    links = [parent_of[i] for i in sorted(wanted) if i in parent_of]
    wanted |= {rel["target_ref"] for rel in links} | {rel["id"] for rel in links}
    matrix = next(o for o in bundle.values() if o["type"] == "x-mitre-matrix")
    order = {tactic: n for n, tactic in enumerate(matrix["tactic_refs"], start=1)}
    wanted |= set(order) | {o["id"] for o in bundle.values() if o["type"] in ("identity", "marking-definition")}
    rows = []
    for stix_id in sorted(wanted):
        obj = bundle[stix_id]
        parent = parent_of.get(stix_id)
        phases = [p["phase_name"] for p in obj.get("kill_chain_phases", [])]
        refs = obj.get("external_references") or [{}]
        rows.append(
            {
                "stix_id": stix_id,
                "type": obj["type"],
                "external_id": _external_id(obj),
                "name": obj.get("name"),
                "phase": obj.get("x_mitre_shortname") or (phases[0] if phases else None),
                "parent_external_id": _external_id(bundle[parent["target_ref"]]) if parent else None,
                "matrix_order": order.get(stix_id),
                "url": refs[0].get("url"),
                "stix_json": json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False),
            }
        )
    return rows


def episode_comparison(path: Path, out: Build) -> list[dict]:
    """The comparison table's summaries, each resting on claims of its own episode."""
    from .evidence_rules import ATTRIBUTION

    file = display_path(path)
    entries = read_entries(path, Comparison)
    claims = {c["claim_id"]: c for c in out.tables["claims"]}
    rows = []
    for n, entry in enumerate(entries, start=1):
        cited = entry["claims"]
        if not cited:
            raise InputError(file, "a summary needs the claims it rests on", n)
        for claim_id in cited:
            if claims.get(claim_id, {}).get("incident_id") != entry["incident"]:
                raise InputError(file, f"{claim_id} is not a claim about {entry['incident']}", n)
        uncorroborated = [c for c in cited if claims[c]["evidence_status"] not in CORROBORATED]
        if uncorroborated and not ATTRIBUTION.search(entry["summary"]):
            raise InputError(
                file,
                f"the summary relays {uncorroborated}, which rest on one source or cannot be "
                "checked, without saying whose account it is",
                n,
            )
        rows.append(
            {
                "incident_id": entry["incident"],
                "dimension": entry["dimension"],
                "summary": clean(entry["summary"]),
                "claim_ids": "; ".join(cited),
                "_origin": (file, n),
            }
        )
    out.reconcile(file, len(entries), len(rows))
    return rows
