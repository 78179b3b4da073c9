"""Figure: the surviving comment thread as a tree, with the missing parent marked."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..data.loader import load
from . import style
from .render import figure, use


def thread_chart() -> alt.Chart:
    """Figure: the surviving comment thread as a tree, with the missing parent marked."""
    use()
    comments = load("comments").sort_values("thread_order")
    nodes = pd.DataFrame(
        {
            "id": comments["comment_id"].values,
            "depth": comments["depth"].astype(int).values,
            "row": comments["thread_order"].astype(int).values,
            "who": [
                "missing from the capture" if not c else "the blog's author" if b else "reader"
                for c, b in zip(comments["captured"], comments["by_blog_author"], strict=True)
            ],
            "likes": comments["likes"].fillna(0).astype(int).values,
            "parent": comments["parent_id"].values,
        }
    )
    position = nodes.set_index("id")[["depth", "row"]]
    links = pd.DataFrame(
        [
            {"x": position.loc[p, "depth"], "y": position.loc[p, "row"], "x2": d, "y2": r}
            for p, d, r in zip(nodes["parent"], nodes["depth"], nodes["row"], strict=True)
            if isinstance(p, str)
        ]
    )
    kinds = ["reader", "the blog's author", "missing from the capture"]
    colours = [style.INCIDENT_COLOURS["facebook-group-2016"], style.OKABE_ITO["orange"], style.GREY]
    y = alt.Y("row:Q", axis=None, scale=alt.Scale(reverse=True, domain=[-0.5, len(nodes) - 0.5]))
    x = alt.X(
        "depth:Q",
        title="Reply depth",
        axis=alt.Axis(values=sorted(set(nodes["depth"])), format="d"),
        scale=alt.Scale(domain=[-0.3, nodes["depth"].max() + 1.5]),
    )
    edges = (
        alt.Chart(links)
        .mark_rule(color=style.GREY)
        .encode(
            x=alt.X(
                "x:Q",
                title="Reply depth",
                axis=alt.Axis(values=sorted(set(nodes["depth"])), format="d"),
                scale=alt.Scale(domain=[-0.3, nodes["depth"].max() + 1.5]),
            ),
            y=alt.Y("y:Q", axis=None, scale=alt.Scale(reverse=True, domain=[-0.5, len(nodes) - 0.5])),
            x2="x2:Q",
            y2="y2:Q",
        )
    )
    dots = (
        alt.Chart(nodes)
        .mark_point(size=260, filled=True, opacity=1)
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "who:N", title=None, scale=alt.Scale(domain=kinds, range=colours), legend=alt.Legend(columns=2)
            ),
            tooltip=["id:N", "who:N", "likes:Q"],
        )
    )
    names = (
        alt.Chart(nodes)
        .transform_calculate(label="datum.id + (datum.likes > 0 ? '  (liked by ' + datum.likes + ')' : '')")
        .mark_text(align="left", dx=12)
        .encode(x=x, y=y, text="label:N")
    )
    return figure(
        (edges + dots + names).properties(width=240, height=260),
        alt_text="Tree of the comment thread: "
        + "; ".join(
            f"{r.id} at depth {r.depth}"
            + (f", reply to {r.parent}" if isinstance(r.parent, str) else "")
            + f", {r.who}"
            for r in nodes.itertuples()
        )
        + ".",
        source="ukileft.wordpress.com, 29 January 2016; table comments",
    )
