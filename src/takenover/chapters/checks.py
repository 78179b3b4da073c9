"""The numeric checks: each claim beside the arithmetic that tests it, and the figures the prose quotes."""

from __future__ import annotations

import pandas as pd

from ..data.loader import load


def _value(value: float, unit: str) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".") + f" {unit}"


def numeric_checks(claim_ids: list[str] | None = None) -> pd.DataFrame:
    """Each computed check beside the claim it tests, with the working a reader can redo."""
    claims = load("claims").dropna(subset=["check_ids"])
    if claim_ids is not None:
        claims = claims[claims["claim_id"].isin(claim_ids)]
    pairs = claims.assign(check_id=claims["check_ids"].str.split("; ")).explode("check_id")
    merged = pairs.merge(load("checks"), on="check_id")
    labels = load("references").set_index("reference_key")["label"]
    return pd.DataFrame(
        {
            "claim": (merged["claim_id"] + ": " + merged["restatement"]).values,
            "what is checked": merged["question"].values,
            "the working": merged["computation"].values,
            "record": [_value(v, u) for v, u in zip(merged["record_value"], merged["unit"], strict=True)],
            "does the claim hold?": [
                "(context, not a test of the claim)"
                if pd.isna(holds)
                else ("yes" if holds else "no") + (f", but only {part}" if isinstance(part, str) else "")
                for holds, part in zip(merged["holds"], merged["tests_only"], strict=True)
            ],
            "conclusion": merged["result"].values,
            "figures from": ["; ".join(labels[k] for k in s.split("; ")) for s in merged["sources"]],
        }
    )


def vote_share_rises() -> pd.DataFrame:
    """For each series: the 1945 rise, the 2017 rise, and the largest rise between them, all within the series."""
    changes = load("vote_share_changes")
    rows = []
    for series, group in changes.groupby("series", observed=True, sort=True):
        year = group["election_date"].dt.year
        between = group[(year > 1945) & (year < 2017)].sort_values("change_pts", ascending=False).iloc[0]
        rise_2017 = group[year == 2017].iloc[0]
        rows.append(
            {
                "series": series,
                "rise in 1945 (points)": group[year == 1945].iloc[0]["change_pts"],
                "rise in 2017 (points)": rise_2017["change_pts"],
                "largest rise between them": f"{between['change_pts']} ({between['election_date'].year})",
                "2017's rank among the series' rises": int(rise_2017["rank_of_rise"]),
                "rises in the series": int(group["rank_of_rise"].notna().sum()),
            }
        )
    return pd.DataFrame(rows)


def check_facts() -> dict[str, str]:
    """Figures from the computed checks, the records and the events, formatted for prose."""
    checks = load("checks").set_index("check_id")
    spend = load("campaign_spending").set_index(["party", "item"])["amount_gbp"]
    five_k = load("measurements").set_index("measurement_id").loc["M-hq-01", "value"]
    archive = load("events").set_index("event_id").loc["EV-hq-04", "date"]
    rises = vote_share_rises().set_index("series")
    slips = load("secondary_figures").set_index("reference_key")["value"]
    facts = {
        "ad_archive_start": archive.strftime("%-d %B %Y"),
        "pudsey_margin": f"{checks.loc['pudsey-margin-2017', 'record_value']:,.0f}",
        "lne_majority_2015": f"{checks.loc['lne-majority-2015', 'record_value']:,.0f}",
        "lne_majority_2017": f"{checks.loc['lne-majority-2017', 'record_value']:,.0f}",
        "pudsey_share_2015": f"{checks.loc['pudsey-majority-2015', 'record_value']}",
        "lne_share_2015": f"{checks.loc['lne-majority-share-2015', 'record_value']}",
        "five_k": f"£{five_k:,}",
        "five_k_share_fb": f"{checks.loc['five-thousand-scale', 'record_value']}%",
        "labour_fb_spend": f"£{spend.loc[('Labour Party', 'facebook_spending')]:,}",
        "red_labour_awl": f"{checks.loc['red-labour-following', 'claimed_value']:,.0f}",
        "red_labour_guido": f"{checks.loc['red-labour-following', 'record_value']:,.0f}",
        "bbc_pudsey_slip": f"{slips['bbc2019']:,.0f}",
        "yep_lne_slip": f"{slips['yep2019']:,.0f}",
        "n_checks": str(len(checks)),
        "n_checks_hold": str(int(checks["holds"].fillna(False).sum())),
        "n_checks_records": str(int((checks["basis"] == "records").sum())),
    }
    for series, row in rises.iterrows():
        facts[f"rise_2017_{series}"] = str(row["rise in 2017 (points)"])
        facts[f"rise_1945_{series}"] = str(row["rise in 1945 (points)"])
        facts[f"largest_between_{series}"] = row["largest rise between them"]
    return facts


def working(claim_ids: list[str] | None = None, sources: bool = False) -> pd.DataFrame:
    """A compact view of numeric checks: the claim, the arithmetic, whether it holds (and where the figures
    come from, for the register)."""
    full = numeric_checks(claim_ids)
    return full[["claim", "the working", "does the claim hold?", *(["figures from"] if sources else [])]]
