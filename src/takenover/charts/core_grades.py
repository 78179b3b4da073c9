"""Figure: the claims each episode turns on, one small panel per episode, each claim placed by its grade."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..data.loader import load
from ..data.schema.fields import CONFIDENCES, EVIDENCE_STATUSES, LIKELIHOODS
from . import style
from .render import figure, use

STATUS_COLOURS = {
    "corroborated_independent": style.OKABE_ITO["blue"],
    "corroborated_in_corpus": style.OKABE_ITO["sky"],
    "single_source": style.OKABE_ITO["orange"],
    "contradicted": style.OKABE_ITO["vermillion"],
    "not_checkable": style.GREY,
}
CONFIDENCE_SHAPES = {"high": "circle", "medium": "square", "low": "triangle-up"}


def core_grades() -> pd.DataFrame:
    """Each core claim with its episode and the three parts of its grade, as readers see them."""
    claims = load("claims")
    core = claims[claims["core"]]
    return pd.DataFrame(
        {
            "episode": core["incident_id"].astype(str).map(style.EPISODE_NAMES).values,
            "id": core["claim_id"].values,
            "claim": core["restatement"].values,
            "likelihood": core["likelihood"].astype(str).map(style.label).values,
            "evidence": core["evidence_status"].astype(str).map(style.label).values,
            "confidence": core["confidence"].astype(str).values,
        }
    )


def core_grades_chart() -> alt.Chart:
    """Figure: for each episode, its core claims on the likelihood scale; colour shows what each rests on,
    shape how firm the judgement is."""
    use()
    data = core_grades()
    statuses = [s for s in EVIDENCE_STATUSES if style.label(s) in set(data["evidence"])]
    confidences = [c for c in CONFIDENCES if c in set(data["confidence"])]
    x = alt.X(
        "likelihood:N",
        title=None,
        scale=alt.Scale(domain=[style.label(li) for li in LIKELIHOODS], padding=0.5),
        axis=alt.Axis(labelAngle=0, labelExpr="split(datum.label, ' ')", grid=True),
    )
    points = (
        alt.Chart(data)
        .mark_point(size=110, filled=True, opacity=1)
        .encode(
            x=x,
            y=alt.Y("id:N", title=None, sort=None),
            color=alt.Color(
                "evidence:N",
                title="Rests on",
                scale=alt.Scale(domain=[style.label(s) for s in statuses], range=[STATUS_COLOURS[s] for s in statuses]),
                legend=alt.Legend(columns=1),
            ),
            shape=alt.Shape(
                "confidence:N",
                title="Confidence",
                scale=alt.Scale(domain=confidences, range=[CONFIDENCE_SHAPES[c] for c in confidences]),
                legend=alt.Legend(columns=1),
            ),
            tooltip=["id:N", "claim:N", "likelihood:N", "evidence:N", "confidence:N"],
        )
        .properties(width=style.PHONE_PLOT_WIDTH - 10, height=alt.Step(20))
    )
    header = alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start", labelOrient="top", labelFontWeight="bold")
    chart = (
        points.facet(row=alt.Row("episode:N", title=None, header=header, sort=list(style.EPISODE_NAMES.values())))
        .resolve_scale(y="independent")
        .resolve_axis(x="independent")
    )
    chart = chart.configure_legend(orient="bottom", direction="vertical")
    return figure(
        chart,
        alt_text="Three small charts, one per episode, placing each core claim on our likelihood scale (almost "
        "certain, likely, even chance, unlikely, not assessable), with what it rests on and our confidence. "
        + " ".join(
            f"{episode}: "
            + "; ".join(f"{r.id} {r.likelihood} ({r.evidence}; {r.confidence} confidence)" for r in group.itertuples())
            + "."
            for episode, group in data.groupby("episode", sort=False)
        ),
        source="claims register (claims table, core claims)",
    )
