"""Views of one incident for its chapter: timeline, numbers and claims."""

from __future__ import annotations

import pandas as pd
from IPython.display import HTML

from ..charts import style
from ..charts.style import label
from ..data.loader import load
from ..data.schema.fields import EVIDENCE_STATUSES
from .claim_table import episode_claims
from .grades import grade

SHORT_NAMES = style.EPISODE_NAMES
DATE_FORMATS = {"year": "%Y", "month": "%B %Y", "day": "%a %-d %b %Y", "hour": "%a %-d %b %Y"}


def when(date: pd.Timestamp, precision: str, time: str | None = None) -> str:
    text = date.strftime(DATE_FORMATS[precision])
    return f"{text}, {time}" if precision == "hour" and isinstance(time, str) else text


def incident_facts(incident_id: str) -> dict[str, int | str]:
    """Counts and dates for one incident, prefixed with its short name for glue."""
    incident = load("incidents").set_index("incident_id").loc[incident_id]
    source = load("sources").set_index("source_id").loc[incident["primary_source_id"]]
    claims = load("claims")
    claims = claims[claims["incident_id"] == incident_id]
    facts: dict[str, int | str] = {
        "start": when(incident["date_start"], str(incident["date_precision"])),
        "source_outlet": source["outlet"].split(" (")[0],
        "source_published": source["published"].strftime("%-d %B %Y"),
        "n_claims": len(claims),
        "n_events": int((load("events")["incident_id"] == incident_id).sum()),
        "first_event": _first_event(incident_id),
        "n_contested": int(claims["counter_id"].notna().sum()),
        "n_commenter_claims": int((claims["claimant_kind"] == "commenter").sum()),
        "n_speculative": int(
            ((claims["claim_type"] == "responsibility") & (claims["evidence_status"] == "not_checkable")).sum()
        ),
    }
    for status in EVIDENCE_STATUSES:
        facts[f"status_{status}"] = int((claims["evidence_status"] == status).sum())
    return facts


def _first_event(incident_id: str) -> str:
    events = load("events")
    first = events[events["incident_id"] == incident_id].sort_values("date").iloc[0]
    return when(first["date"], str(first["precision"]), first["time"])


def dated_by() -> dict[str, str]:
    """Label of every source and reference, for naming what dates an event."""
    sources = load("sources").set_index("source_id")["label"]
    refs = load("references").set_index("reference_key")["label"]
    return {**sources.to_dict(), **refs.to_dict()}


def timeline(incident_id: str) -> pd.DataFrame:
    events = load("events")
    events = events[events["incident_id"] == incident_id].sort_values(["date", "time"])
    labels = dated_by()
    return pd.DataFrame(
        {
            "when": [
                when(d, str(p), t) for d, p, t in zip(events["date"], events["precision"], events["time"], strict=True)
            ],
            "date": events["date_basis"].astype(str).values,
            "what the source says happened": events["description"].values,
            "dated by": [
                labels[s if isinstance(s, str) else r]
                for s, r in zip(events["source_id"], events["reference_key"], strict=True)
            ],
            "how the date was read": events["reasoning"].values,
        }
    )


def numbers(incident_id: str) -> pd.DataFrame:
    m = load("measurements")
    m = m[(m["incident_id"] == incident_id) & (m["speaker_role"] != "commenter")]
    figure = [
        style.BOUND_WORDING.get(str(b), "{:,}").format(int(v)) if pd.notna(v) else "no figure"
        for b, v in zip(m["bound"], m["value"], strict=True)
    ]
    figure = [f"{f} to {int(h):,}" if pd.notna(h) else f for f, h in zip(figure, m["value_high"], strict=True)]
    return pd.DataFrame(
        {
            "what is counted": m["subject"].values,
            "figure": figure,
            "kind": m["bound"].map(label).values,
            "stated by": m["stated_by"].values,
            "when": m["applies_note"].fillna("").values,
        }
    )


def claim_summary(incident_id: str, claim_ids: list[str] | None = None, types: list[str] | None = None) -> pd.DataFrame:
    claims = load("claims")
    rows = claims[claims["incident_id"] == incident_id]
    if claim_ids is not None:
        rows = rows[rows["claim_id"].isin(claim_ids)]
    if types is not None:
        rows = rows[rows["claim_type"].astype(str).isin(types)]
    return pd.DataFrame(
        {
            "id": rows["claim_id"].values,
            "claim": rows["restatement"].values,
            "who claims it": rows["claimant"].values,
            "evidence": rows["evidence_status"].map(label).values,
            "likelihood": rows["likelihood"].map(label).values,
            "our conclusion": rows["verdict"].values,
        }
    )


def core_grades(incident_id: str) -> dict[str, str]:
    """The grade of each of an episode's core claims, named grade_<id> for {eval} in its bottom line."""
    claims = load("claims")
    core = claims[(claims["incident_id"] == incident_id) & claims["core"]]
    return {
        "grade_" + c.claim_id.removeprefix("CL-"): grade(c.evidence_status, c.likelihood, c.confidence)
        for c in core.itertuples()
    }


def claims_section(incident_id: str) -> HTML:
    """The episode's own part of the register, collapsed: every claim with its grade, in the register's
    compact rows. Each id links to its row in the full register, where the verdict and the evidence are."""
    return episode_claims(incident_id)
