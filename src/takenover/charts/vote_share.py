"""Figure: every election-to-election change in Labour's vote share, in each published series apart."""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from ..data.loader import load
from . import style
from .render import figure, use


def series_names() -> dict[str, str]:
    """Each series named by the works it comes from: the main one, then those giving only a few years."""
    rows = load("labour_vote_share_series")
    labels = load("references").set_index("reference_key")["label"]
    names = {}
    for series, group in rows.groupby("series", observed=True, sort=True):
        counts = group.groupby("reference_key", observed=True)["election_date"].agg(list)
        counts = counts.loc[counts.map(len).sort_values(ascending=False, kind="stable").index]
        main, *others = counts.index
        extra = [f"{labels[k]} for {', '.join(str(d.year) for d in counts[k])}" for k in others]
        names[str(series)] = labels[main] + (f"; {'; '.join(extra)}" if extra else "")
    return names


def _changes() -> pd.DataFrame:
    changes = load("vote_share_changes").copy()
    changes["year"] = changes["election_date"].dt.year
    # A year with two elections (1974) needs the month, or its two bars share one place on the axis.
    twice = changes.groupby(["series", "year"], observed=True)["year"].transform("size") > 1
    changes["label"] = changes["election_date"].dt.strftime("%b %Y").where(twice, changes["year"].astype(str))
    changes["marked"] = changes["year"].isin([1945, 2017]).map({True: "1945 and 2017", False: "other elections"})
    changes["series_name"] = changes["series"].astype(str).map(series_names())
    # The panel titles, wrapped to fit above a phone-sized panel.
    changes["series_title"] = ["|".join(textwrap.wrap(name, 40)) for name in changes["series_name"]]
    return changes


def vote_share_changes_chart() -> alt.Chart:
    """Figure: two small bar charts, one per series, stacked, each with its own readable title."""
    use()
    changes = _changes()
    colours = alt.Scale(
        domain=["1945 and 2017", "other elections"], range=[style.INCIDENT_COLOURS["labour-hq-2017"], style.GREY]
    )
    bars = (
        alt.Chart(changes)
        .mark_bar()
        .encode(
            x=alt.X("label:N", title=None, sort=None, axis=alt.Axis(labelAngle=-90)),
            y=alt.Y("change_pts:Q", title="Change (points)"),
            color=alt.Color("marked:N", title=None, scale=colours),
            tooltip=[
                alt.Tooltip("series_name:N", title="series"),
                alt.Tooltip("label:N", title="election"),
                alt.Tooltip("change_pts:Q", title="change (points)"),
            ],
        )
        .properties(width=style.PHONE_PLOT_WIDTH, height=130)
    )
    header = alt.Header(
        labelAngle=0, labelAlign="left", labelAnchor="start", labelOrient="top", labelExpr="split(datum.label, '|')"
    )
    chart = bars.facet(
        row=alt.Row("series_title:N", title=None, header=header, sort=sorted(set(changes["series_title"])))
    )
    chart = chart.resolve_axis(x="independent")
    rise = changes.set_index(["series_name", "year"])["change_pts"]
    by_series = [
        f"{name}: 1945 {rise[(name, 1945)]}, 2017 {rise[(name, 2017)]}, the largest between them "
        f"{changes[(changes.series_name == name) & changes.year.between(1946, 2016)]['change_pts'].max()}"
        for name in sorted(set(changes["series_name"]))
    ]
    return figure(
        chart,
        alt_text="Two bar charts, one per published series, of every election-to-election change in Labour's share "
        "of the vote from 1945 to 2017, in points, with 1945 and 2017 highlighted. " + "; ".join(by_series) + ".",
        source="labour_vote_share_series and vote_share_changes tables",
    )
