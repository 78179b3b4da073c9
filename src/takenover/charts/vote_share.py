"""Figure: every election-to-election change in Labour's vote share, in each published series apart."""

from __future__ import annotations

import altair as alt

from ..data.loader import load
from . import style
from .render import figure, use


def vote_share_changes_chart() -> alt.Chart:
    use()
    changes = load("vote_share_changes").copy()
    changes["year"] = changes["election_date"].dt.year
    # A year with two elections (1974) needs the month, or its two bars share one place on the axis.
    twice = changes.groupby(["series", "year"])["year"].transform("size") > 1
    changes["label"] = changes["election_date"].dt.strftime("%b %Y").where(twice, changes["year"].astype(str))
    changes["marked"] = changes["year"].isin([1945, 2017]).map({True: "1945 and 2017", False: "other elections"})
    colours = alt.Scale(
        domain=["1945 and 2017", "other elections"], range=[style.INCIDENT_COLOURS["labour-hq-2017"], style.GREY]
    )
    bars = (
        alt.Chart(changes)
        .mark_bar()
        .encode(
            x=alt.X("label:N", title="Election", sort=None, axis=alt.Axis(labelAngle=-60)),
            y=alt.Y("change_pts:Q", title="Change in Labour's share (points)"),
            color=alt.Color("marked:N", title=None, scale=colours),
            tooltip=["series:N", "label:N", alt.Tooltip("change_pts:Q", title="change (points)")],
        )
        .properties(width=560, height=150)
    )
    chart = bars.facet(row=alt.Row("series:N", title=None, header=alt.Header(labelAngle=0, labelAlign="left")))
    rise = changes.set_index(["series", "year"])["change_pts"]
    by_series = [
        f"{name}: 1945 {rise[(name, 1945)]}, 2017 {rise[(name, 2017)]}" for name in sorted(set(changes["series"]))
    ]
    return figure(
        chart,
        alt_text="Bar charts, one per series, of every election-to-election change in Labour's vote share from "
        "1945 to 2017, with 1945 and 2017 highlighted. Rises in points: " + "; ".join(by_series) + ".",
        source="labour_vote_share_series and vote_share_changes tables (ParlGov; uk_tabulated pages)",
    )
