"""Figure: one timeline of all three episodes, from the events table, with precision and basis shown."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..data.loader import load
from . import style
from .render import figure, use

PRECISION_SHAPES = {"year": "square", "month": "triangle-up", "day": "circle", "hour": "diamond"}
SHORT_NAMES = {"facebook-group-2016": "Facebook group", "red-labour-2016": "Red Labour", "labour-hq-2017": "Labour HQ"}


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
        }
    )


def _panel(data: pd.DataFrame, title: str, domain: list[str], width: int, date_format: str) -> alt.Chart:
    colours = alt.Scale(domain=list(style.INCIDENT_COLOURS), range=list(style.INCIDENT_COLOURS.values()))
    shapes = alt.Scale(domain=list(PRECISION_SHAPES), range=list(PRECISION_SHAPES.values()))
    y = alt.Y("episode_name:N", title=None, sort=list(SHORT_NAMES.values()))
    x = alt.X("date:T", title=None, scale=alt.Scale(domain=domain), axis=alt.Axis(format=date_format, labelAngle=0))
    base = alt.Chart(data).encode(
        x=x,
        y=y,
        shape=alt.Shape("precision:N", title="Date known to the", scale=shapes),
        tooltip=["date:T", "precision:N", "basis:N", "what:N"],
    )
    stated = (
        base.transform_filter("datum.basis != 'inferred'")
        .mark_point(size=120, filled=True, opacity=1)
        .encode(color=alt.Color("episode:N", scale=colours, legend=None))
    )
    inferred = base.transform_filter("datum.basis == 'inferred'").mark_point(size=120, filled=False, strokeWidth=2)
    inferred = inferred.encode(color=alt.Color("episode:N", scale=colours, legend=None))
    return (stated + inferred).properties(title=title, width=width, height=110)


def timeline_chart() -> alt.Chart:
    use()
    data = _data()
    whole = _panel(data, "2011 to 2022", ["2010-07-01", "2022-12-31"], 560, "%Y")
    in_january = data[data["date"].str.startswith("2016-01")]
    january = _panel(in_january, "January 2016, enlarged", ["2016-01-17", "2016-01-31"], 560, "%-d %b")
    chart = alt.vconcat(whole, january).resolve_scale(shape="shared")
    return figure(
        chart,
        alt_text="Timeline of the three episodes on one axis from 2011 to 2022, with January 2016 enlarged below. "
        "Filled marks are dates a source gives, in its text or its web address, hollow marks dates inferred; "
        "the mark's shape shows whether a "
        "year, month, day or hour is known. Events in order: "
        + "; ".join(f"{r.date} ({r.precision}, {r.basis}): {r.what}" for r in data.itertuples()),
        source="events table (primary texts and references)",
    )
