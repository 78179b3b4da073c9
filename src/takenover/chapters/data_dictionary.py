"""Views for the data dictionary: every table with its rows, purpose and key, and the licences.

Everything is read from the Data Package descriptor, so the page cannot drift from the data.
"""

from __future__ import annotations

import pandas as pd

from ..data.loader import descriptor, load


def tables() -> pd.DataFrame:
    """One row per table: its name, how many rows it has, what it holds and its key columns (the descriptor,
    and takenover.describe, give every column)."""
    return pd.DataFrame(
        [
            {
                "table": res["name"],
                "rows": len(load(res["name"])),
                "what it holds": res["description"],
                "key": ", ".join(res["schema"]["primaryKey"]),
            }
            for res in descriptor()["resources"]
        ]
    )


def licences() -> pd.DataFrame:
    """Each licence the descriptor declares, with its terms and the tables under it; the licence most tables
    share comes last, as "every other table"."""
    rows = [
        {"licence": res["licenses"][0]["name"], "terms": res["licenses"][0]["title"], "tables": res["name"]}
        for res in descriptor()["resources"]
    ]
    frame = pd.DataFrame(rows).groupby(["licence", "terms"], sort=False)["tables"].apply(list).reset_index()
    most = frame["tables"].map(len).idxmax()
    frame = pd.concat([frame.drop(index=most), frame.loc[[most]]], ignore_index=True)
    frame["tables"] = [
        "every other table" if n == len(frame) - 1 else ", ".join(names) for n, names in enumerate(frame["tables"])
    ]
    return frame


def dictionary_facts() -> dict[str, str]:
    """Counts the page states in its prose."""
    resources = descriptor()["resources"]
    return {
        "n_tables": str(len(resources)),
        "n_columns": str(sum(len(res["schema"]["fields"]) for res in resources)),
        "n_sources": str(len(load("sources"))),
        "data_version": str(descriptor()["version"]),
    }
