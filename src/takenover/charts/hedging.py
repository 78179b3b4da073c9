"""Figure and table: how often each source hedges its claims, article text and comments apart."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..data.loader import load
from . import style
from .render import figure, use

SOURCE_LABELS = {
    "ukileft-2016": "ukileft blog (2016)",
    "awl-2016": "Workers' Liberty (2016)",
    "canary-2018": "The Canary (2018)",
}


def hedging_by_source() -> pd.DataFrame:
    """Claims, hedged claims and hedges per claim for each source, article text and comments apart."""
    claims = load("claims")
    claims["where"] = claims["claimant_kind"].map(lambda k: "comments" if k == "commenter" else "article")
    grouped = claims.groupby(["source_id", "where"], observed=True)
    table = grouped.agg(
        claims=("claim_id", "size"), hedged=("hedge_count", lambda s: int((s > 0).sum())), hedges=("hedge_count", "sum")
    ).reset_index()
    table["hedges per claim"] = (table["hedges"] / table["claims"]).round(2)
    table["share hedged"] = (100 * table["hedged"] / table["claims"]).round(0).astype(int).astype(str) + "%"
    table["source"] = table["source_id"].map(SOURCE_LABELS) + ", " + table["where"]
    return table[["source", "source_id", "where", "claims", "hedged", "hedges", "hedges per claim", "share hedged"]]


def hedging_chart() -> alt.Chart:
    """Figure: hedge markers per claim, by source, article text and comments apart.

    Each bar ends in its own value; how many claims stand behind it is part of the bar's label, so no
    count can be read as a value on the axis.
    """
    use()
    data = hedging_by_source()
    data["label"] = [
        f"{source}|{where}, {claims} claims"
        for source, where, claims in zip(
            data["source_id"].map(SOURCE_LABELS), data["where"], data["claims"], strict=True
        )
    ]
    colours = alt.Scale(domain=list(style.SOURCE_COLOURS)[:3], range=list(style.SOURCE_COLOURS.values())[:3])
    y = alt.Y("label:N", title=None, sort=list(data["label"]), axis=alt.Axis(labelExpr="split(datum.label, '|')"))
    x = alt.X("hedges per claim:Q", title="Hedge markers per claim", scale=alt.Scale(domain=[0, 0.7]))
    bars = (
        alt.Chart(data)
        .mark_bar(height=22)
        .encode(
            x=x,
            y=y,
            color=alt.Color("source_id:N", scale=colours, legend=None),
            opacity=alt.Opacity(
                "where:N", scale=alt.Scale(domain=["article", "comments"], range=[1.0, 0.55]), legend=None
            ),
            tooltip=["source:N", "claims:Q", "hedged:Q", "hedges:Q", "hedges per claim:Q"],
        )
    )
    values = alt.Chart(data).mark_text(align="left", dx=4).encode(x=x, y=y, text=alt.Text("hedges per claim:Q"))
    chart = (bars + values).properties(width=190, height=alt.Step(44))
    return figure(
        chart,
        alt_text="Bar chart of hedge markers per claim, by source: "
        + "; ".join(f"{r.source}, {r['hedges per claim']} per claim over {r.claims} claims" for _, r in data.iterrows())
        + ".",
        source="claims register (claims, hedge_lexicon tables)",
    )
