"""Figure and table: an incident's claims by evidence status."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..data.loader import load
from ..data.schema.fields import EVIDENCE_STATUSES
from . import style
from .render import figure, use


def status_counts(incident_id: str) -> pd.DataFrame:
    """Claims about one incident per evidence status, every status listed, in the codebook's order."""
    claims = load("claims")
    claims = claims[claims["incident_id"] == incident_id]
    counts = claims["evidence_status"].astype(str).value_counts()
    return pd.DataFrame(
        {
            "evidence status": [style.label(s) for s in EVIDENCE_STATUSES],
            "claims": [int(counts.get(s, 0)) for s in EVIDENCE_STATUSES],
        }
    )


def evidence_chart(incident_id: str) -> alt.Chart:
    """Figure: an incident's claims by evidence status, in the incident's colour."""
    use()
    data = status_counts(incident_id)
    title = load("incidents").set_index("incident_id").loc[incident_id, "title"]
    y = alt.Y("evidence status:N", sort=[style.label(s) for s in EVIDENCE_STATUSES], title=None)
    bars = (
        alt.Chart(data)
        .mark_bar(color=style.INCIDENT_COLOURS[incident_id])
        .encode(x=alt.X("claims:Q", title="Claims"), y=y, tooltip=["evidence status:N", "claims:Q"])
    )
    text = alt.Chart(data).mark_text(align="left", dx=4).encode(x="claims:Q", y=y, text="claims:Q")
    chart = (bars + text).properties(width=460, height=150)
    return figure(
        chart,
        alt_text=f"Bar chart of the claims about the {title.lower()} by evidence status: "
        + "; ".join(f"{r['evidence status']} {r['claims']}" for _, r in data.iterrows())
        + ".",
        source=f"claims register, incident {incident_id}",
    )
