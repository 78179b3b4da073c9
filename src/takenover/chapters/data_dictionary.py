"""Views for the data dictionary: every table with its rows, purpose and columns, and the licences.

Everything is read from the Data Package descriptor, so the page cannot drift from the data.
"""

from __future__ import annotations

import pandas as pd

from ..data.loader import descriptor, load


def _columns(resource: dict) -> str:
    """The table's columns in order, each key column marked with an asterisk."""
    keys = set(resource["schema"]["primaryKey"])
    return ", ".join(f"{f['name']}*" if f["name"] in keys else f["name"] for f in resource["schema"]["fields"])


def tables() -> pd.DataFrame:
    """One row per table: its name, how many rows it has, what it holds and its columns."""
    return pd.DataFrame(
        [
            {
                "table": res["name"],
                "rows": len(load(res["name"])),
                "what it holds": res["description"],
                "columns (* key)": _columns(res),
            }
            for res in descriptor()["resources"]
        ]
    )


def licences() -> pd.DataFrame:
    """Each licence the descriptor declares, with its terms and the tables under it."""
    rows = [
        {"licence": res["licenses"][0]["name"], "terms": res["licenses"][0]["title"], "tables": res["name"]}
        for res in descriptor()["resources"]
    ]
    frame = pd.DataFrame(rows)
    return frame.groupby(["licence", "terms"], sort=False)["tables"].apply(", ".join).reset_index()


def dictionary_facts() -> dict[str, str]:
    """Counts the page states in its prose."""
    resources = descriptor()["resources"]
    return {
        "n_tables": str(len(resources)),
        "n_columns": str(sum(len(res["schema"]["fields"]) for res in resources)),
        "n_sources": str(len(load("sources"))),
        "data_version": str(descriptor()["version"]),
    }
