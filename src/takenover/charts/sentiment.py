"""Figure: VADER's compound score for each comment beside the human codes for tone and stance."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..data.loader import load
from . import style
from .render import figure, use

TONES = ["negative", "neutral", "mixed", "positive"]


def sentiment_chart() -> alt.Chart:
    use()
    scores = load("comment_sentiment")
    coded = load("comment_codings")
    first = coded[coded["coder"] == "first"]
    human = first.pivot_table(index="comment_id", columns="dimension", values="code", aggfunc="first", observed=True)
    data = scores.merge(human[["tone", "post_stance"]].reset_index(), on="comment_id")
    data["stance"] = data["post_stance"].astype(str).map(style.label)
    data["tone"] = data["tone"].astype(str)
    band = pd.DataFrame({"low": [-0.05], "high": [0.05]})
    y = alt.Y("comment_id:N", title="Comment", sort=list(data["comment_id"]))
    x = alt.X("compound:Q", title="VADER compound score", scale=alt.Scale(domain=[-1, 1]))
    neutral = alt.Chart(band).mark_rect(color="#EEEEEE").encode(x="low:Q", x2="high:Q")
    colours = alt.Scale(
        domain=TONES,
        range=[style.OKABE_ITO["vermillion"], style.GREY, style.OKABE_ITO["orange"], style.OKABE_ITO["blue"]],
    )
    dots = (
        alt.Chart(data)
        .mark_point(size=160, filled=True, opacity=1)
        .encode(
            x=x,
            y=y,
            color=alt.Color("tone:N", title="Tone, as coded by hand", scale=colours, legend=alt.Legend(columns=2)),
            tooltip=["comment_id:N", "compound:Q", "tone:N", "stance:N"],
        )
    )
    labels = alt.Chart(data).mark_text(align="left", dx=10).encode(x=x, y=y, text="stance:N")
    chart = (neutral + dots + labels).properties(width=220, height=240)
    return figure(
        chart,
        alt_text="Dot plot of VADER's compound score for each comment, from -1 to 1, coloured by the tone coded by "
        "hand and labelled with the comment's stance on the post's account: "
        + "; ".join(f"{r.comment_id} {r.compound:+.2f}, {r.tone}, {r.stance}" for r in data.itertuples())
        + ".",
        source=f"comment_sentiment ({data['lexicon'].iloc[0]}) and comment_codings tables",
    )
