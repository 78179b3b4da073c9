"""Figure: the group's membership figures as the blog gives them, with their bounds shown."""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from ..data.loader import load
from . import style
from .render import figure, use

GROUP_SUBJECT = 'members of the "I\'m backing Jeremy Corbyn" group'


def group_membership() -> pd.DataFrame:
    """The group's membership figures, in the order the blog gives them."""
    m = load("measurements")
    rows = m[(m["incident_id"] == "facebook-group-2016") & (m["subject"] == GROUP_SUBJECT)].copy()
    rows["when"] = rows["applies_note"]
    rows["label"] = [
        style.BOUND_WORDING[str(b)].format(int(v)) for b, v in zip(rows["bound"], rows["value"], strict=True)
    ]
    rows["kind"] = rows["bound"].map(style.BOUND_LABELS).astype(str)
    return rows[["measurement_id", "when", "value", "bound", "kind", "label"]].reset_index(drop=True)


def group_membership_chart() -> alt.Chart:
    """Figure: the membership figures of the group takeover, with their bounds shown.

    The blog times two figures to the hour, one not at all ("before the purge") and forecasts the last,
    so no time axis can place them all: the horizontal axis is the blog's order, and says so.
    """
    use()
    data = group_membership()
    order = list(data["when"])
    kinds = [style.BOUND_LABELS[b] for b in style.BOUND_LABELS if style.BOUND_LABELS[b] in set(data["kind"])]
    shapes = [style.BOUND_SHAPES[b] for b in style.BOUND_LABELS if style.BOUND_LABELS[b] in set(data["kind"])]
    # Axis labels wrapped to fit their column; "date inferred" is said once, in the caption.
    data["step"] = [
        "|".join(textwrap.wrap(when.replace(", date inferred", "").replace(", forecast", ""), 9)) for when in order
    ]
    x = alt.X(
        "step:N",
        sort=list(data["step"]),
        title="In the blog's order (not a time scale)",
        scale=alt.Scale(padding=0.75),
        axis=alt.Axis(labelAngle=0, labelExpr="split(datum.label, '|')", labelPadding=6),
    )
    y = alt.Y(
        "value:Q",
        title="Members",
        scale=alt.Scale(domain=[0, 17000]),
        axis=alt.Axis(format=",d", values=[0, 5000, 10000, 15000]),
    )
    points = (
        alt.Chart(data)
        .mark_point(size=160, filled=True, opacity=1, color=style.INCIDENT_COLOURS["facebook-group-2016"])
        .encode(
            x=x,
            y=y,
            shape=alt.Shape(
                "kind:N",
                title="What the blog states",
                scale=alt.Scale(domain=kinds, range=shapes),
                legend=alt.Legend(columns=1),
            ),
            tooltip=[alt.Tooltip("label:N", title="Figure"), alt.Tooltip("when:N", title="When")],
        )
    )
    labels = alt.Chart(data).mark_text(dy=-16).encode(x=x, y=y, text="label:N")
    chart = (points + labels).properties(width=240, height=220)
    return figure(
        chart,
        alt_text="Membership figures the blog gives for the group, in the order it gives them: "
        + "; ".join(f"{row.label} ({row.when})" for row in data.itertuples())
        + ".",
        source="ukileft.wordpress.com, 29 January 2016; table measurements",
    )
