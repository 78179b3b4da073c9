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
    """Figure: hedge markers per claim, by source, article text and comments apart."""
    use()
    data = hedging_by_source()
    colours = alt.Scale(domain=list(style.SOURCE_COLOURS)[:3], range=list(style.SOURCE_COLOURS.values())[:3])
    y = alt.Y("source:N", title=None, sort=list(data["source"]), axis=alt.Axis(labelLimit=260))
    bars = (
        alt.Chart(data)
        .mark_bar(height=22)
        .encode(
            x=alt.X("hedges per claim:Q", title="Hedge markers per claim"),
            y=y,
            color=alt.Color("source_id:N", scale=colours, legend=None),
            opacity=alt.Opacity(
                "where:N", scale=alt.Scale(domain=["article", "comments"], range=[1.0, 0.55]), legend=None
            ),
            tooltip=["source:N", "claims:Q", "hedged:Q", "hedges:Q", "hedges per claim:Q"],
        )
    )
    text = (
        alt.Chart(data)
        .mark_text(align="left", dx=4)
        .encode(x="hedges per claim:Q", y=y, text=alt.Text("claims:Q", format="d"))
    )
    chart = (
        bars + text.encode(text=alt.Text("label:N")).transform_calculate(label="datum.claims + ' claims'")
    ).properties(width=480, height=150)
    return figure(
        chart,
        alt_text="Bar chart of hedge markers per claim: "
        + "; ".join(
            f"{r.source}, {r['hedges per claim']} per claim over {r.claims} claims"
            for _, r in data.assign(source=data["source"]).iterrows()
        )
        + ".",
        source="claims register (claims, hedge_lexicon tables)",
    )
