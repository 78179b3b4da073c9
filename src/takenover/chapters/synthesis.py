"""Views for the chapter that compares the three episodes: the comparison table, the timeline, the
DISARM coding and the platform-design points, each computed from the tables."""

from __future__ import annotations

import pandas as pd

from ..charts.style import label
from ..data.loader import load
from ..data.schema.fields import EVIDENCE_STATUSES

DIMENSIONS = {
    "asset": "what was taken or used",
    "platform": "the platform",
    "route": "the route to control, or the deception",
    "responsible": "who is said to be responsible",
    "audience": "what the sources say happened to the audience",
    "recovery": "what recovery there was",
    "evidence": "the claims it turns on",
    "other_side": "whether the other side's account was found",
}


def _titles() -> dict[str, str]:
    return load("incidents").set_index("incident_id")["title"].to_dict()


def _evidence(claims: pd.DataFrame) -> str:
    """How the episode's core claims are supported; counts of all its claims would measure only how finely
    its text was split."""
    core = claims[claims["core"]]
    counts = core["evidence_status"].astype(str).value_counts()
    parts = [f"{counts[s]} {label(s)}" for s in EVIDENCE_STATUSES if counts.get(s, 0)]
    return f"{len(core)} core claims: " + ", ".join(parts)


def comparison() -> pd.DataFrame:
    """One row per dimension, one column per episode; words from the annotations, counts from the tables."""
    incidents = load("incidents").set_index("incident_id")
    claims = load("claims")
    summaries = load("episode_comparison").set_index(["incident_id", "dimension"])
    counters = load("counter_accounts").merge(load("references")[["reference_key", "label"]], on="reference_key")
    columns = {}
    for incident_id in incidents.index:
        cells = {}
        for dimension in DIMENSIONS:
            if (incident_id, dimension) in summaries.index:
                row = summaries.loc[(incident_id, dimension)]
                cells[dimension] = f"{row['summary']} ({row['claim_ids']})"
        cells["platform"] = incidents.loc[incident_id, "platform"]
        cells["evidence"] = _evidence(claims[claims["incident_id"] == incident_id])
        mine = counters[counters["incident_id"] == incident_id]
        answered = int((claims[claims["incident_id"] == incident_id]["counter_id"].notna()).sum())
        cells["other_side"] = (
            f"Yes: {mine.iloc[0]['party']}, through {mine.iloc[0]['label']}; it answers {answered} claims"
            if len(mine)
            else "No account from the other side was found"
        )
        columns[incidents.loc[incident_id, "title"]] = [cells[d] for d in DIMENSIONS]
    return pd.DataFrame({"": list(DIMENSIONS.values()), **columns})


def synthesis_facts() -> dict[str, str]:
    """Counts the chapter states in its prose."""
    coded = load("episode_techniques")
    events = load("events")
    return {
        "n_codings": str(len(coded)),
        "n_techniques": str(coded["technique_id"].nunique()),
        "n_attested": str(int(coded["attested"].sum())),
        "n_uncoded": str(len(load("disarm_notes"))),
        "n_timeline": str(len(events)),
        "timeline_first": str(events["date"].min().year),
        "timeline_last": str(events["date"].max().year),
    }
