"""Views for the DISARM coding of the episodes and its STIX export: each technique coded, with the
claims it rests on, and each behaviour left uncoded, with why."""

from __future__ import annotations

import pandas as pd

from ..charts.style import label
from ..data.loader import load


def episode_coding(incident_id: str) -> pd.DataFrame:
    """One episode's DISARM coding, compact: each technique with its grade, its claims and why."""
    coded = load("episode_techniques")
    coded = coded[coded["incident_id"] == incident_id]
    if coded.empty:
        raise KeyError(f"no DISARM coding for an episode {incident_id!r}")
    patterns = _patterns()
    return pd.DataFrame(
        {
            "technique": [f"{t} {patterns.loc[t, 'name']}" for t in coded["technique_id"]],
            "grade": [
                f"{'attested' if attested else 'alleged'}; {label(status)}; {confidence}"
                for attested, status, confidence in zip(
                    coded["attested"],
                    coded["evidence_status"].astype(str),
                    coded["confidence"].astype(str),
                    strict=True,
                )
            ],
            "claims": coded["claim_ids"].values,
            "why": coded["rationale"].values,
        }
    )


def _patterns() -> pd.DataFrame:
    objects = load("disarm_objects")
    return objects[objects["type"] == "attack-pattern"].set_index("external_id")


def uncoded(incident_id: str) -> pd.DataFrame:
    """Behaviours one episode's sources describe that are not coded in DISARM, and why."""
    notes = load("disarm_notes")
    notes = notes[notes["incident_id"] == incident_id]
    return pd.DataFrame(
        {
            "behaviour": notes["behaviour"].values,
            "claims": notes["claim_ids"].values,
            "why not": notes["note"].values,
        }
    )


def stix_facts(confidence_scale: dict[str, int]) -> dict[str, str]:
    """How the export writes a coding's confidence on STIX's 0 to 100 scale, for the prose."""
    return {"stix_confidence": ", ".join(f"{word} {value}" for word, value in confidence_scale.items())}
