"""Views for the methods chapter: the primary texts and their provenance."""

from __future__ import annotations

import pandas as pd

from ..data.loader import load


def sources_table() -> pd.DataFrame:
    """The three primary texts: who published them, when, and how the date is known."""
    sources = load("sources")
    return pd.DataFrame(
        {
            "text": sources["title"].values,
            "outlet": sources["outlet"].values,
            "author": sources["author"].fillna("no byline").values,
            "published": sources["published"].dt.strftime("%-d %b %Y").values,
            "how the date is known": sources["date_basis"].values,
        }
    )
