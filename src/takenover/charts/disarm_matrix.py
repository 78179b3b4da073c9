"""Figure: DISARM's tactics against the three episodes, each cell marked attested or alleged."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..data.loader import load
from . import style
from .render import figure, use

MARKS = ["attested", "partly attested", "alleged", "not coded"]


def _cells() -> pd.DataFrame:
    objects = load("disarm_objects")
    tactics = objects[objects["type"] == "x-mitre-tactic"].sort_values("matrix_order")
    phase = objects[objects["type"] == "attack-pattern"].set_index("external_id")["phase"]
    coded = load("episode_techniques")
    coded = coded.assign(phase=coded["technique_id"].map(phase))
    rows = []
    for incident_id in style.INCIDENT_COLOURS:
        mine = coded[coded["incident_id"] == incident_id]
        for tactic in tactics.itertuples():
            here = mine[mine["phase"] == tactic.phase]
            if here.empty:
                mark = "not coded"
            elif here["attested"].all():
                mark = "attested"
            else:
                mark = "partly attested" if here["attested"].any() else "alleged"
            rows.append(
                {
                    "episode": incident_id,
                    "tactic": f"{tactic.external_id} {tactic.name}",
                    "order": tactic.matrix_order,
                    "mark": mark,
                    "techniques": ", ".join(sorted(here["technique_id"])),
                    "detail": "; ".join(
                        f"{t} {'attested' if a else 'alleged'}"
                        for t, a in sorted(zip(here["technique_id"], here["attested"], strict=True))
                    ),
                }
            )
    return pd.DataFrame(rows)


def disarm_matrix_chart() -> alt.Chart:
    use()
    data = _cells()
    titles = load("incidents").set_index("incident_id")["title"]
    data["episode_label"] = data["episode"].map(
        {
            "facebook-group-2016": "Facebook group, 2016",
            "red-labour-2016": "Red Labour, 2016",
            "labour-hq-2017": "Labour HQ, 2017",
        }
    )
    colours = alt.Scale(
        domain=MARKS, range=[style.OKABE_ITO["blue"], style.OKABE_ITO["sky"], style.OKABE_ITO["orange"], "#F2F2F2"]
    )
    x = alt.X("episode_label:N", title=None, sort=list(data["episode_label"].unique()), axis=alt.Axis(labelAngle=0))
    y = alt.Y("tactic:N", title=None, sort=alt.SortField("order"), axis=alt.Axis(labelLimit=300))
    cells = (
        alt.Chart(data)
        .mark_rect(stroke="white", strokeWidth=2)
        .encode(
            x=x,
            y=y,
            color=alt.Color("mark:N", title=None, scale=colours),
            tooltip=["episode_label:N", "tactic:N", "mark:N", "detail:N"],
        )
    )
    text = alt.Chart(data).mark_text(fontSize=10, color=style.INK).encode(x=x, y=y, text="techniques:N")
    chart = (cells + text).properties(width=540, height=16 * 24)
    coded = data[data["mark"] != "not coded"]
    return figure(
        chart,
        alt_text="Matrix of DISARM's tactics (rows) against the three episodes (columns). Cells with coded techniques: "
        + "; ".join(f"{titles[r.episode]}, {r.tactic}: {r.detail}" for r in coded.itertuples())
        + ". All other cells are not coded.",
        source="episode_techniques and disarm_objects tables (DISARM Red Framework, CC BY-SA 4.0)",
    )
