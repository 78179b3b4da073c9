"""The book's figures, built from the clean tables in the house style."""

from __future__ import annotations

import re

import altair as alt
import pandas as pd

from . import style
from .charts import figure
from .loader import load

GROUP_SUBJECT = "members of the \"I'm backing Jeremy Corbyn\" group"


def group_membership() -> pd.DataFrame:
    """The group's membership figures, in the order the blog gives them."""
    m = load("measurements")
    rows = m[(m["incident_id"] == "facebook-group-2016") & (m["subject"] == GROUP_SUBJECT)].copy()
    rows["when"] = rows["applies_note"]
    rows["label"] = [style.BOUND_WORDING[str(b)].format(int(v)) for b, v in zip(rows["bound"], rows["value"])]
    rows["kind"] = rows["bound"].map(style.BOUND_LABELS).astype(str)
    return rows[["measurement_id", "when", "value", "bound", "kind", "label", "quote"]].reset_index(drop=True)


def group_membership_chart() -> alt.Chart:
    """Figure: the membership figures of the group takeover, with their bounds shown."""
    style.use()
    data = group_membership()
    order = list(data["when"])
    kinds = [style.BOUND_LABELS[b] for b in style.BOUND_LABELS if style.BOUND_LABELS[b] in set(data["kind"])]
    shapes = [style.BOUND_SHAPES[b] for b in style.BOUND_LABELS if style.BOUND_LABELS[b] in set(data["kind"])]
    x = alt.X("when:N", sort=order, title=None,
              axis=alt.Axis(labelAngle=0, labelExpr="split(datum.label, ', ')", labelLimit=200))
    y = alt.Y("value:Q", title="Members", scale=alt.Scale(domain=[0, 17000]), axis=alt.Axis(format=",d"))
    points = alt.Chart(data).mark_point(size=160, filled=True, opacity=1, color=style.INCIDENT_COLOURS["facebook-group-2016"]).encode(
        x=x, y=y,
        shape=alt.Shape("kind:N", title="What the blog states", scale=alt.Scale(domain=kinds, range=shapes)),
        tooltip=[alt.Tooltip("label:N", title="Figure"), alt.Tooltip("when:N", title="When"),
                 alt.Tooltip("quote:N", title="Blog's words")],
    )
    labels = alt.Chart(data).mark_text(dy=-16).encode(x=x, y=y, text="label:N")
    chart = (points + labels).properties(width=600, height=280)
    return figure(
        chart,
        alt_text="Membership figures the blog gives for the group, in order: "
                 + "; ".join(f"{row.label} ({row.when})" for row in data.itertuples()) + ".",
        source="ukileft.wordpress.com, 29 January 2016; table measurements",
    )


def hedging_chart() -> alt.Chart:
    """Figure: hedge markers per claim, by source, article text and comments apart."""
    from .register import hedging_by_source

    style.use()
    data = hedging_by_source()
    colours = alt.Scale(domain=list(style.SOURCE_COLOURS)[:3], range=list(style.SOURCE_COLOURS.values())[:3])
    y = alt.Y("source:N", title=None, sort=list(data["source"]), axis=alt.Axis(labelLimit=260))
    bars = alt.Chart(data).mark_bar(height=22).encode(
        x=alt.X("hedges per claim:Q", title="Hedge markers per claim"),
        y=y,
        color=alt.Color("source_id:N", scale=colours, legend=None),
        opacity=alt.Opacity("where:N", scale=alt.Scale(domain=["article", "comments"], range=[1.0, 0.55]), legend=None),
        tooltip=["source:N", "claims:Q", "hedged:Q", "hedges:Q", "hedges per claim:Q"],
    )
    text = alt.Chart(data).mark_text(align="left", dx=4).encode(
        x="hedges per claim:Q", y=y, text=alt.Text("claims:Q", format="d"))
    chart = (bars + text.encode(text=alt.Text("label:N")).transform_calculate(
        label="datum.claims + ' claims'")).properties(width=480, height=150)
    return figure(
        chart,
        alt_text="Bar chart of hedge markers per claim: "
                 + "; ".join(f"{r.source}, {r['hedges per claim']} per claim over {r.claims} claims"
                             for _, r in data.assign(source=data["source"]).iterrows()) + ".",
        source="claims register (claims, hedge_lexicon tables)",
    )


def attribution_chain_chart(claim_id: str = "CL-C08") -> alt.Chart:
    """Figure: how a claim travelled from its origin to the text we hold."""
    style.use()
    claim = load("claims").set_index("claim_id").loc[claim_id]
    links = list(reversed(claim["attribution_chain"].split(" ← ")))
    nodes = pd.DataFrame({"label": [re.sub(r" \(.*\)$", "", link) for link in links]})
    nodes["step"] = range(len(nodes))
    nodes["detail"] = [_chain_date(link) for link in links]
    nodes["kind"] = ["the origin" if i == 0 else "the text we hold" if i == len(nodes) - 1 else "intermediary"
                     for i in nodes["step"]]
    kinds = ["the origin", "intermediary", "the text we hold"]
    colours = [style.GREY, style.OKABE_ITO["orange"], style.INCIDENT_COLOURS[str(claim["incident_id"])]]
    x = alt.X("step:Q", axis=None, scale=alt.Scale(domain=[-0.5, len(nodes) - 0.5]))
    y = alt.Y("y:Q", axis=None, scale=alt.Scale(domain=[-1.6, 0.8]))
    base = alt.Chart(nodes).transform_calculate(y="0")
    arrows = alt.Chart(nodes[nodes["step"] > 0]).mark_text(text="\u2192", fontSize=26, dy=-2).encode(
        x=alt.X("mid:Q", axis=None, scale=alt.Scale(domain=[-0.5, len(nodes) - 0.5])), y=y
    ).transform_calculate(mid="datum.step - 0.5", y="0")
    dots = base.mark_point(size=500, filled=True, opacity=1).encode(
        x=x, y=y, color=alt.Color("kind:N", title=None, scale=alt.Scale(domain=kinds, range=colours)))
    names = base.mark_text(dy=28, fontSize=12, lineBreak="|").encode(x=x, y=y, text="wrapped:N").transform_calculate(
        wrapped="replace(datum.label, ', ', '|')")
    dates = base.mark_text(dy=62, fontSize=11, color=style.GREY).encode(x=x, y=y, text="detail:N")
    chart = (arrows + dots + names + dates).properties(width=640, height=170)
    return figure(
        chart,
        alt_text="Diagram of the attribution chain of claim " + claim_id + ", from its origin to the text we hold: "
                 + " then ".join(f"{r.label} ({r.detail})" for r in nodes.itertuples()) + ".",
        source=f"claims register, claim {claim_id}; references and sources tables",
    )


def _chain_date(label: str) -> str:
    """The publication date of a link in a chain, where the references or sources know it."""
    refs = load("references")
    for row in refs.itertuples():
        names = [str(n).removeprefix("The ") for n in (row.author, row.outlet) if isinstance(n, str)]
        if any(name and name.split(",")[0] in label for name in names):
            fmt = {"day": "%-d %b %Y", "month": "%b %Y", "year": "%Y"}[str(row.date_precision)]
            return row.published.strftime(fmt)
    for row in load("sources").itertuples():
        if row.outlet.removeprefix("The ") in label:
            return row.published.strftime("%-d %b %Y")
    return "unnamed; date unknown"


def evidence_chart(incident_id: str) -> alt.Chart:
    """Figure: an incident's claims by evidence status, in the incident's colour."""
    from .incidents import status_counts
    from .register import STATUS_ORDER, label

    style.use()
    data = status_counts(incident_id)
    title = load("incidents").set_index("incident_id").loc[incident_id, "title"]
    y = alt.Y("evidence status:N", sort=[label(s) for s in STATUS_ORDER], title=None)
    bars = alt.Chart(data).mark_bar(color=style.INCIDENT_COLOURS[incident_id]).encode(
        x=alt.X("claims:Q", title="Claims"), y=y, tooltip=["evidence status:N", "claims:Q"])
    text = alt.Chart(data).mark_text(align="left", dx=4).encode(x="claims:Q", y=y, text="claims:Q")
    chart = (bars + text).properties(width=460, height=150)
    return figure(
        chart,
        alt_text=f"Bar chart of the claims about the {title.lower()} by evidence status: "
                 + "; ".join(f"{r['evidence status']} {r['claims']}" for _, r in data.iterrows()) + ".",
        source=f"claims register, incident {incident_id}",
    )


def thread_chart() -> alt.Chart:
    """Figure: the surviving comment thread as a tree, with the missing parent marked."""
    style.use()
    comments = load("comments").sort_values("thread_order")
    nodes = pd.DataFrame({
        "id": comments["comment_id"].values,
        "depth": comments["depth"].astype(int).values,
        "row": comments["thread_order"].astype(int).values,
        "who": ["missing from the capture" if not c else "the blog's author" if b else "reader"
                for c, b in zip(comments["captured"], comments["by_blog_author"])],
        "likes": comments["likes"].fillna(0).astype(int).values,
        "parent": comments["parent_id"].values,
    })
    position = nodes.set_index("id")[["depth", "row"]]
    links = pd.DataFrame([{"x": position.loc[p, "depth"], "y": position.loc[p, "row"],
                           "x2": d, "y2": r} for p, d, r in zip(nodes["parent"], nodes["depth"], nodes["row"])
                          if isinstance(p, str)])
    kinds = ["reader", "the blog's author", "missing from the capture"]
    colours = [style.INCIDENT_COLOURS["facebook-group-2016"], style.OKABE_ITO["orange"], style.GREY]
    y = alt.Y("row:Q", axis=None, scale=alt.Scale(reverse=True, domain=[-0.5, len(nodes) - 0.5]))
    x = alt.X("depth:Q", title="Reply depth", axis=alt.Axis(values=sorted(set(nodes["depth"])), format="d"),
              scale=alt.Scale(domain=[-0.3, nodes["depth"].max() + 1.5]))
    edges = alt.Chart(links).mark_rule(color=style.GREY).encode(
        x=alt.X("x:Q", axis=None, scale=alt.Scale(domain=[-0.3, nodes["depth"].max() + 1.5])),
        y=alt.Y("y:Q", axis=None, scale=alt.Scale(reverse=True, domain=[-0.5, len(nodes) - 0.5])),
        x2="x2:Q", y2="y2:Q")
    dots = alt.Chart(nodes).mark_point(size=260, filled=True, opacity=1).encode(
        x=x, y=y, color=alt.Color("who:N", title=None, scale=alt.Scale(domain=kinds, range=colours)),
        tooltip=["id:N", "who:N", "likes:Q"])
    names = alt.Chart(nodes).transform_calculate(
        label="datum.id + (datum.likes > 0 ? '  (liked by ' + datum.likes + ')' : '')").mark_text(
        align="left", dx=12).encode(x=x, y=y, text="label:N")
    return figure(
        (edges + dots + names).properties(width=420, height=260),
        alt_text="Tree of the comment thread: "
                 + "; ".join(f"{r.id} at depth {r.depth}" + (f", reply to {r.parent}" if isinstance(r.parent, str) else "")
                             + f", {r.who}" for r in nodes.itertuples()) + ".",
        source="ukileft.wordpress.com, 29 January 2016; table comments",
    )
