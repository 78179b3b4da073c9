"""The other side's accounts on record, and the claims they answer."""

from __future__ import annotations

import pandas as pd

from ..data.loader import load


def counter_accounts(incident_id: str | None = None) -> pd.DataFrame:
    """The other side's accounts on record, once each, with where they are recorded."""
    counters = load("counter_accounts").merge(load("references")[["reference_key", "label"]], on="reference_key")
    if incident_id is not None:
        counters = counters[counters["incident_id"] == incident_id]
    return pd.DataFrame(
        {
            "whose account": [p[:1].upper() + p[1:] for p in counters["party"]],
            "where it is recorded": counters["label"].values,
            "what it says, in our words": counters["summary"].values,
        }
    )


def contested(incident_id: str | None = None) -> pd.DataFrame:
    """Claims that the other side's account answers, with our conclusion."""
    claims = load("claims").dropna(subset=["counter_id"])
    if incident_id is not None:
        claims = claims[claims["incident_id"] == incident_id]
    parties = load("counter_accounts").set_index("counter_id")["party"]
    return pd.DataFrame(
        {
            "the claim": (claims["claim_id"] + ": " + claims["restatement"]).values,
            "answered by": [parties[c] for c in claims["counter_id"]],
            "our conclusion": claims["verdict"].values,
        }
    )
