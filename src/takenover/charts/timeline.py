"""Figure: one timeline of all three episodes, from the events table, with precision and basis shown."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..data.loader import load
from . import style
from .render import figure, use

PRECISION_SHAPES = {"year": "square", "month": "triangle-up", "day": "circle", "hour": "diamond"}
SHORT_NAMES = {"facebook-group-2016": "Facebook group", "red-labour-2016": "Red Labour", "labour-hq-2017": "Labour HQ"}
# How each event's date is known, as the legend says it: filled marks for a date a source gives.
BASIS = {"stated": "given by a source", "from_address": "given by a source", "inferred": "inferred by us"}


def _data() -> pd.DataFrame:
    events = load("events").sort_values("date")
    titles = load("incidents").set_index("incident_id")["title"]
    return pd.DataFrame(
        {
            "date": events["date"].dt.strftime("%Y-%m-%d").values,
            "episode": events["incident_id"].astype(str).values,
            "episode_name": events["incident_id"].astype(str).map(SHORT_NAMES).values,
            "episode_title": events["incident_id"].map(titles).values,
            "what": events["description"].values,
            "precision": events["precision"].astype(str).values,
            "basis": events["date_basis"].astype(str).values,
            "date known": events["date_basis"].astype(str).map(BASIS).values,
        }
    )


def _panel(data: pd.DataFrame, title: str, domain: list[str], date_format: str, tick_count: int) -> alt.Chart:
    colours = alt.Scale(domain=list(style.INCIDENT_COLOURS), range=list(style.INCIDENT_COLOURS.values()))
    shapes = alt.Scale(domain=list(PRECISION_SHAPES), range=list(PRECISION_SHAPES.values()))
    fills = alt.Scale(domain=["given by a source", "inferred by us"], range=[1, 0])
    x = alt.X(
        "date:T",
        title=None,
        scale=alt.Scale(domain=domain),
        axis=alt.Axis(format=date_format, labelAngle=0, tickCount=tick_count, labelOverlap=True),
    )
    return (
        alt.Chart(data)
        .mark_point(size=120, strokeWidth=2, opacity=1, filled=False)
        .encode(
            x=x,
            y=alt.Y("episode_name:N", title=None, sort=list(SHORT_NAMES.values())),
            color=alt.Color("episode:N", scale=colours, legend=None),
            fill=alt.Color("episode:N", scale=colours, legend=None),
            fillOpacity=alt.FillOpacity("date known:N", scale=fills, legend=None),  # see _basis_key
            shape=alt.Shape("precision:N", title="How precise the date is", scale=shapes),
            tooltip=["date:T", "precision:N", "date known:N", "what:N"],
        )
        .properties(title=title, width=style.PHONE_PLOT_WIDTH - 20, height=100)
    )


def _basis_key() -> alt.Chart:
    """A key for filled and hollow marks, drawn by hand: Vega-Lite gives a fill's opacity no legend."""
    key = pd.DataFrame({"row": [0, 1], "label": list(dict.fromkeys(BASIS.values())), "fill": [1, 0]})
    y = alt.Y("row:O", axis=None)
    x = alt.X("x:Q", axis=None, scale=alt.Scale(domain=[0, 1]))
    base = alt.Chart(key).transform_calculate(x="0.03")
    marks = base.mark_point(size=120, strokeWidth=2, filled=False, color=style.INK, fill=style.INK)
    marks = marks.encode(x=x, y=y, fillOpacity=alt.FillOpacity("fill:Q", scale=None, legend=None))
    words = base.mark_text(align="left", dx=10).encode(x=x, y=y, text="label:N")
    title = alt.Title("The date is", fontSize=12, fontWeight="bold")
    return (marks + words).properties(title=title, width=200, height=alt.Step(18))


def timeline_chart() -> alt.Chart:
    use()
    data = _data()
    whole = _panel(data, "2011 to 2022", ["2010-07-01", "2022-12-31"], "%Y", 6)
    in_january = data[data["date"].str.startswith("2016-01")]
    january = _panel(in_january, "January 2016, enlarged", ["2016-01-17", "2016-01-31"], "%-d %b", 4)
    chart = alt.vconcat(whole, january, _basis_key()).resolve_scale(shape="shared")
    chart = chart.configure_legend(orient="bottom", direction="vertical", columns=2)
    return figure(
        chart,
        alt_text="Timeline of the three episodes on one axis from 2011 to 2022, with January 2016 enlarged below. "
        "Filled marks are dates a source gives, in its text or its web address, hollow marks dates we inferred; "
        "the mark's shape shows whether a year, month, day or hour is known. Events in order: "
        + "; ".join(f"{r.date} ({r.precision}, {r.basis}): {r.what}" for r in data.itertuples()),
        source="events table (primary texts and references)",
    )
