"""Views of the wider-record review: what was searched, what each open claim came to, what changed."""

from __future__ import annotations

import pandas as pd

from ..charts.style import label
from ..data.loader import load
from .grades import grade


def wider_facts() -> dict[str, int]:
    """Counts of the searches, the pages read, the claims looked for and the regrades, for prose."""
    searches = load("searches")
    refs = load("references")
    rechecks = load("claim_rechecks")
    outcomes = rechecks["outcome"].astype(str).value_counts()
    return {
        "n_claims": len(load("claims")),
        "n_searches": len(searches),
        "n_searches_book": int((searches["run_by"] == "book").sum()),
        "n_searches_pack": int((searches["run_by"] == "source_pack").sum()),
        "n_stored_copies": int((refs["read_as"] == "stored_copy").sum()),
        "n_independent_stored": int(
            ((refs["read_as"] == "stored_copy") & (refs["independence"] == "independent")).sum()
        ),
        "n_rechecked": len(rechecks),
        "n_silent": int(outcomes.get("silent", 0)),
        "n_partly": int(outcomes.get("partly", 0)),
        "n_answers": int(outcomes.get("answers", 0)),
        "n_revised": int(load("claim_revisions")["claim_id"].nunique()),
    }


def revisions() -> pd.DataFrame:
    """Every regrade, oldest first: the grade before and after, and why."""
    rows = load("claim_revisions")
    return pd.DataFrame(
        {
            "claim": rows["claim_id"].values,
            "version": rows["version"].values,
            "before": [
                grade(s, li, c)
                for s, li, c in zip(rows["old_status"], rows["old_likelihood"], rows["old_confidence"], strict=True)
            ],
            "after": [
                grade(s, li, c)
                for s, li, c in zip(rows["new_status"], rows["new_likelihood"], rows["new_confidence"], strict=True)
            ],
            "why": rows["reason"].values,
        }
    )


def outcome_counts() -> pd.DataFrame:
    """Claims looked for in the wider record, by episode and by what the search found."""
    rechecks = load("claim_rechecks").merge(load("claims")[["claim_id", "incident_id"]], on="claim_id")
    table = pd.crosstab(rechecks["incident_id"].astype(str), rechecks["outcome"].astype(str))
    table = table.reindex(columns=["answers", "partly", "silent"], fill_value=0)
    table.columns = [label(c) for c in table.columns]
    return table.rename_axis(None, axis=1).rename_axis("episode").reset_index()
