"""Figure: how a claim travelled from its origin to the primary text."""

from __future__ import annotations

import re

import altair as alt
import pandas as pd

from ..data.loader import load
from . import style
from .render import figure, use


def attribution_chain_chart(claim_id: str = "CL-C08") -> alt.Chart:
    """Figure: how a claim travelled from its origin to the primary text."""
    use()
    claim = load("claims").set_index("claim_id").loc[claim_id]
    links = list(reversed(claim["attribution_chain"].split(" ← ")))
    nodes = pd.DataFrame({"label": [re.sub(r" \(.*\)$", "", link) for link in links]})
    nodes["step"] = range(len(nodes))
    nodes["detail"] = [_link_date(link) for link in links]
    nodes["kind"] = [
        "the origin" if i == 0 else "the primary text" if i == len(nodes) - 1 else "intermediary" for i in nodes["step"]
    ]
    kinds = ["the origin", "intermediary", "the primary text"]
    colours = [style.GREY, style.OKABE_ITO["orange"], style.INCIDENT_COLOURS[str(claim["incident_id"])]]
    # Drawn top to bottom, the origin first, so it reads as a list on a phone and needs no wide canvas.
    y = alt.Y("step:Q", axis=None, scale=alt.Scale(domain=[-0.5, len(nodes) - 0.5], reverse=True))
    x = alt.X("x:Q", axis=None, scale=alt.Scale(domain=[0, 10]))
    base = alt.Chart(nodes).transform_calculate(x="0.4")
    arrows = (
        alt.Chart(nodes[nodes["step"] > 0])
        .mark_text(text="\u2193", fontSize=22)
        .encode(x=x, y=alt.Y("mid:Q", axis=None, scale=alt.Scale(domain=[-0.5, len(nodes) - 0.5], reverse=True)))
        .transform_calculate(mid="datum.step - 0.5", x="0.4")
    )
    dots = base.mark_point(size=400, filled=True, opacity=1).encode(
        x=x,
        y=y,
        color=alt.Color(
            "kind:N",
            title=None,
            scale=alt.Scale(domain=kinds, range=colours),
            legend=alt.Legend(direction="horizontal"),
        ),
    )
    names = base.mark_text(align="left", dx=22, dy=-8, fontSize=12).encode(x=x, y=y, text="label:N")
    dates = base.mark_text(align="left", dx=22, dy=9, fontSize=12, color=style.GREY).encode(x=x, y=y, text="detail:N")
    chart = (arrows + dots + names + dates).properties(width=300, height=64 * len(nodes))
    return figure(
        chart,
        alt_text="Diagram of the attribution chain of claim "
        + claim_id
        + ", from its origin to the primary text: "
        + " then ".join(f"{r.label} ({r.detail})" for r in nodes.itertuples())
        + ".",
        source=f"claims register, claim {claim_id}; references and sources tables",
    )


def _link_date(label: str) -> str:
    """The date of a link in a chain, from the work the label names; links that are people have none."""
    works = pd.concat(
        [
            load("sources").assign(date_precision="day")[["label", "published", "date_precision"]],
            load("references")[["label", "published", "date_precision"]],
        ]
    )
    found = works[works["label"] == label]
    if found.empty or pd.isna(found.iloc[0]["published"]):
        return "a person; not dated"
    fmt = {"day": "%-d %b %Y", "month": "%b %Y", "year": "%Y"}[str(found.iloc[0]["date_precision"])]
    return found.iloc[0]["published"].strftime(fmt)
