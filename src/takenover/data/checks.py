"""Numeric claims checked against the records. Every figure here is computed.

Each check reads the clean tables as the pipeline holds them (lists of dicts)
and returns one row of the `checks` table. The claimed figure comes from the
measurements table, never from this file.
"""

from __future__ import annotations

import datetime as dt

ELECTION_2015 = dt.date(2015, 5, 7)
ELECTION_2017 = dt.date(2017, 6, 8)


def _result(rows, constituency: str, date: dt.date) -> list[dict]:
    found = sorted(
        (r for r in rows if r["constituency"] == constituency and r["election_date"] == date), key=lambda r: -r["votes"]
    )
    if len(found) < 2:
        raise ValueError(f"election_results has fewer than two candidates for {constituency} on {date}")
    return found


def _majority(rows, constituency: str, date: dt.date) -> tuple[int, str]:
    first, second = _result(rows, constituency, date)[:2]
    how = (
        f"{first['party']} {first['votes']:,} minus {second['party']} {second['votes']:,} "
        f"({constituency}, {date.isoformat()})"
    )
    return first["votes"] - second["votes"], how


def _measurement(tables, measurement_id: str) -> dict:
    return next(m for m in tables["measurements"] if m["measurement_id"] == measurement_id)


def _figure(tables, key: str, subject_start: str) -> dict:
    return next(
        f for f in tables["secondary_figures"] if f["reference_key"] == key and f["subject"].startswith(subject_start)
    )


def pudsey_margin_2017(tables) -> dict:
    claim = _measurement(tables, "M-hq-07")
    record, how = _majority(tables["election_results"], "Pudsey", ELECTION_2017)
    slip = _figure(tables, "bbc2019", "Stuart Andrew")
    return {
        "check_id": "pudsey-margin-2017",
        "question": "Did Labour lose Pudsey in 2017 by the stated margin?",
        "claimed_value": claim["value"],
        "claimed_bound": claim["bound"],
        "record_value": record,
        "unit": "votes",
        "computation": how,
        "holds": claim["value"] == record,
        "result": f"The declared result gives a margin of {record:,} votes. A BBC results page in 2019 gave "
        f"{slip['value']:,.0f}, which the declared figures do not support.",
    }


def lne_majority_2015(tables) -> dict:
    claim = _measurement(tables, "M-hq-03")
    record, how = _majority(tables["election_results"], "Leeds North East", ELECTION_2015)
    return {
        "check_id": "lne-majority-2015",
        "question": "Was Hamilton's majority before 2017 over the stated figure?",
        "claimed_value": claim["value"],
        "claimed_bound": claim["bound"],
        "record_value": record,
        "unit": "votes",
        "computation": how,
        "holds": record > claim["value"],
        "result": f"The 2015 majority was {record:,} votes, which is over {claim['value']:,}.",
    }


def lne_majority_2017(tables) -> dict:
    claim = _measurement(tables, "M-hq-06")
    record, how = _majority(tables["election_results"], "Leeds North East", ELECTION_2017)
    second = _result(tables["election_results"], "Leeds North East", ELECTION_2017)[1]
    slip = _figure(tables, "yep2019", "Fabian Hamilton")
    return {
        "check_id": "lne-majority-2017",
        "question": "Was Hamilton's 2017 majority about the stated round figure?",
        "claimed_value": claim["value"],
        "claimed_bound": claim["bound"],
        "record_value": record,
        "unit": "votes",
        "computation": how + "; the claim is a round thousand, so it holds if the majority rounds to it",
        "holds": round(record, -3) == claim["value"],
        "result": f"The 2017 majority was {record:,} votes, which rounds to {round(record, -3):,}. A Yorkshire "
        f"Evening Post report in 2019 gave {slip['value']:,.0f}, "
        + (
            f"which is the {second['party']} candidate's vote, not the majority."
            if slip["value"] == second["votes"]
            else "which the declared figures do not support."
        ),
    }


def pudsey_majority_2015(tables) -> dict:
    record, how = _majority(tables["election_results"], "Pudsey", ELECTION_2015)
    total = sum(r["votes"] for r in _result(tables["election_results"], "Pudsey", ELECTION_2015))
    share = round(100 * record / total, 1)
    return {
        "check_id": "pudsey-majority-2015",
        "question": "Was Pudsey a marginal seat going into 2017?",
        "claimed_value": None,
        "claimed_bound": None,
        "record_value": share,
        "unit": "% of votes cast",
        "computation": f"{how}, divided by the {total:,} votes cast for all candidates",
        "holds": share < 10,
        "result": f"The 2015 majority was {record:,} votes, {share}% of votes cast: a marginal by the common "
        f"rule of thumb of a majority under 10%.",
    }


def labour_rise_2017(tables) -> dict:
    shares = {
        (r["election_date"], r["party"]): r["vote_share_pct"]
        for r in tables["national_vote_share"]
        if r["area"] == "United Kingdom"
    }
    rise = round(shares[(ELECTION_2017, "Labour")] - shares[(ELECTION_2015, "Labour")], 1)
    low = _figure(tables, "vote-rise-1945", "rise in Labour's vote share in 1945 (lowest")["value"]
    high = _figure(tables, "vote-rise-1945", "rise in Labour's vote share in 1945 (highest")["value"]
    gb = _figure(tables, "vote-rise-1945", "rise in Labour's vote share in 2017, Great")["value"]
    return {
        "check_id": "labour-rise-2017",
        "question": "Was 2017 Labour's largest rise in vote share since 1945?",
        "claimed_value": None,
        "claimed_bound": None,
        "record_value": rise,
        "unit": "percentage points",
        "computation": f"UK Labour share {shares[(ELECTION_2017, 'Labour')]} (2017) minus "
        f"{shares[(ELECTION_2015, 'Labour')]} (2015)",
        "holds": rise < low,
        "result": f"Labour's share rose {rise} points in the UK ({gb} on a Great Britain basis). Published "
        f"figures for the 1945 rise run from {low} to {high} points, all larger, so the claim holds "
        f"only as 'since, not including, 1945'. That no election between them saw a larger rise "
        f"rests on the reference notes, not on records held here.",
    }


def five_thousand_scale(tables) -> dict:
    claim = _measurement(tables, "M-hq-01")
    spend = {(r["party"], r["item"]): r["amount_gbp"] for r in tables["campaign_spending"]}
    facebook = spend[("Labour Party", "facebook_spending")]
    total = spend[("Labour Party", "total_spending")]
    share = round(100 * claim["value"] / facebook, 2)
    return {
        "check_id": "five-thousand-scale",
        "question": "How large is the £5,000 beside Labour's reported spending?",
        "claimed_value": claim["value"],
        "claimed_bound": claim["bound"],
        "record_value": share,
        "unit": "% of Labour's reported Facebook spending",
        "computation": f"{claim['value']:,} / {facebook:,} (Facebook) and / {total:,} (all reported spending)",
        "holds": None,
        "result": f"About £{claim['value']:,} would be {share}% of the £{facebook:,} Labour reported spending on "
        f"Facebook, and {round(100 * claim['value'] / total, 3)}% of its £{total:,} total. This "
        f"measures scale only: the ads themselves cannot be checked, because Facebook's UK "
        f"political ad archive began after the election.",
    }


def red_labour_following(tables) -> dict:
    claim = _measurement(tables, "M-red-01")
    other = _figure(tables, "guido2016", "Red Labour")
    gap = round(100 * abs(claim["value"] - other["value"]) / other["value"], 1)
    return {
        "check_id": "red-labour-following",
        "question": "Do other reports agree on Red Labour's following?",
        "claimed_value": claim["value"],
        "claimed_bound": claim["bound"],
        "record_value": other["value"],
        "unit": "supporters",
        "computation": "Guido Fawkes, 26 January 2016 ('some 30,000'); gap as a share of that figure",
        "holds": gap <= 10,
        "result": f"Guido Fawkes, hostile to both sides, gave about {other['value']:,.0f}, within {gap}% of "
        f"the {claim['value']:,} Workers' Liberty gives; the blog's 'several thousand' is far below both.",
    }


def red_labour_blog_size(tables) -> dict:
    claim = _measurement(tables, "M-group-06")
    other = _figure(tables, "guido2016", "Red Labour")
    ceiling = 10_000  # the most generous reading of "several thousand"
    return {
        "check_id": "red-labour-blog-size",
        "question": "Is 'several thousand' a fair size for Red Labour's page?",
        "claimed_value": None,
        "claimed_bound": claim["bound"],
        "record_value": other["value"],
        "unit": "supporters",
        "computation": f"Guido Fawkes's figure against {ceiling:,}, the most generous reading of 'several thousand'",
        "holds": other["value"] < ceiling,
        "result": f"Both other reports put the following near {other['value']:,.0f}, more than three times even a "
        f"generous reading of 'several thousand'; the blog understates it.",
    }


ALL_CHECKS = [
    pudsey_margin_2017,
    lne_majority_2015,
    lne_majority_2017,
    pudsey_majority_2015,
    labour_rise_2017,
    five_thousand_scale,
    red_labour_following,
    red_labour_blog_size,
]


def run_checks(tables) -> list[dict]:
    return [check(tables) for check in ALL_CHECKS]
