"""Numeric claims checked against the records. Every figure here is computed.

Each check reads the clean tables as the pipeline holds them (lists of dicts) and returns one row of
the `checks` table: the arithmetic spelled out so a reader can redo it, the references that give each
figure, and whether the check rests on held records or on figures reported by secondary sources.
The claimed figure comes from the measurements table, never from this file.
"""

from __future__ import annotations

import datetime as dt

ELECTION_2015 = dt.date(2015, 5, 7)
ELECTION_2017 = dt.date(2017, 6, 8)
MARGINAL_SHARE = 10  # per cent of votes cast: the common rule of thumb for a marginal seat (tutor2u2017marginal)


def _result(rows, constituency: str, date: dt.date) -> list[dict]:
    found = sorted(
        (r for r in rows if r["constituency"] == constituency and r["election_date"] == date), key=lambda r: -r["votes"]
    )
    if len(found) < 2:
        raise ValueError(f"election_results has fewer than two candidates for {constituency} on {date}")
    return found


def _majority(rows, constituency: str, date: dt.date) -> tuple[int, str, str]:
    first, second = _result(rows, constituency, date)[:2]
    majority = first["votes"] - second["votes"]
    how = (
        f"{first['party']} {first['votes']:,} minus {second['party']} {second['votes']:,} = {majority:,} "
        f"({constituency}, {date.strftime('%-d %B %Y')})"
    )
    return majority, how, first["reference_key"]


def _measurement(tables, measurement_id: str) -> dict:
    return next(m for m in tables["measurements"] if m["measurement_id"] == measurement_id)


def _figure(tables, key: str, subject_start: str) -> dict:
    return next(
        f for f in tables["secondary_figures"] if f["reference_key"] == key and f["subject"].startswith(subject_start)
    )


def pudsey_margin_2017(tables) -> dict:
    claim = _measurement(tables, "M-hq-07")
    record, how, ref = _majority(tables["election_results"], "Pudsey", ELECTION_2017)
    slip = _figure(tables, "bbc2019", "Stuart Andrew")
    return {
        "check_id": "pudsey-margin-2017",
        "question": "Did Labour lose Pudsey in 2017 by the stated margin?",
        "claimed_value": claim["value"],
        "claimed_bound": claim["bound"],
        "record_value": record,
        "unit": "votes",
        "computation": how,
        "sources": ref,
        "basis": "records",
        "holds": claim["value"] == record,
        "result": f"The declared result gives a margin of {record:,} votes. A BBC results page in 2019 gave "
        f"{slip['value']:,.0f}, which the declared figures do not support.",
    }


def lne_majority_2015(tables) -> dict:
    claim = _measurement(tables, "M-hq-03")
    record, how, ref = _majority(tables["election_results"], "Leeds North East", ELECTION_2015)
    return {
        "check_id": "lne-majority-2015",
        "question": "Was Hamilton's majority before 2017 over the stated figure?",
        "claimed_value": claim["value"],
        "claimed_bound": claim["bound"],
        "record_value": record,
        "unit": "votes",
        "computation": f"{how}; the claim is 'over {claim['value']:,}', so it holds if the majority is larger",
        "sources": ref,
        "basis": "records",
        "holds": record > claim["value"],
        "result": f"The 2015 majority was {record:,} votes, which is over {claim['value']:,}.",
    }


def lne_majority_2017(tables) -> dict:
    claim = _measurement(tables, "M-hq-06")
    record, how, ref = _majority(tables["election_results"], "Leeds North East", ELECTION_2017)
    second = _result(tables["election_results"], "Leeds North East", ELECTION_2017)[1]
    slip = _figure(tables, "yep2019", "Fabian Hamilton")
    rounded = round(record, -3)
    return {
        "check_id": "lne-majority-2017",
        "question": "Was Hamilton's 2017 majority about the stated round figure?",
        "claimed_value": claim["value"],
        "claimed_bound": claim["bound"],
        "record_value": record,
        "unit": "votes",
        "computation": f"{how}; to the nearest thousand, {rounded:,}, which the claim gives as a round figure",
        "sources": ref,
        "basis": "records",
        "holds": rounded == claim["value"],
        "result": f"The 2017 majority was {record:,} votes, which rounds to {rounded:,}. A Yorkshire Evening Post "
        f"report in 2019 gave {slip['value']:,.0f}, "
        + (
            f"which is the {second['party']} candidate's vote, not the majority."
            if slip["value"] == second["votes"]
            else "which the declared figures do not support."
        ),
    }


def _majority_share_2015(tables, seat: str, check_id: str, tests_the_claim: bool) -> dict:
    record, how, ref = _majority(tables["election_results"], seat, ELECTION_2015)
    total = sum(r["votes"] for r in _result(tables["election_results"], seat, ELECTION_2015))
    share = round(100 * record / total, 1)
    marginal = share < MARGINAL_SHARE
    return {
        "check_id": check_id,
        "question": f"Was {seat} a marginal seat going into 2017?",
        "claimed_value": None,
        "claimed_bound": None,
        "record_value": share,
        "unit": "% of votes cast",
        "computation": f"{how}; {record:,} divided by the {total:,} votes cast for all candidates = {share}%",
        "sources": ref,
        "basis": "records",
        # For Leeds North East this is context for the organiser claims, not a test of them.
        "holds": marginal if tests_the_claim else None,
        "tests_only": f"whether {seat} was a marginal seat; no record of the organiser allocation was found",
        "result": f"The 2015 majority was {record:,} votes, {share}% of votes cast: "
        + ("a marginal" if marginal else "not a marginal")
        + f" on the common rule of thumb, a majority under {MARGINAL_SHARE}% of the votes cast.",
    }


def pudsey_majority_2015(tables) -> dict:
    return _majority_share_2015(tables, "Pudsey", "pudsey-majority-2015", tests_the_claim=True)


def lne_majority_share_2015(tables) -> dict:
    return _majority_share_2015(tables, "Leeds North East", "lne-majority-share-2015", tests_the_claim=False)


def _labour_rise_2017(tables, series: str) -> dict:
    changes = sorted(
        (c for c in tables["vote_share_changes"] if c["series"] == series), key=lambda c: c["rank_of_rise"] or 99
    )
    shares = {(r["election_date"]): r for r in tables["labour_vote_share_series"] if r["series"] == series}
    rise = next(c for c in changes if c["election_date"] == ELECTION_2017)
    larger = [c for c in changes if c["rank_of_rise"] and c["rank_of_rise"] < rise["rank_of_rise"]]

    def step(change: dict) -> str:
        after, before = shares[change["election_date"]], shares[change["previous_election_date"]]
        return (
            f"{after['labour_vote_share_pct']} ({after['election_date'].year}) minus "
            f"{before['labour_vote_share_pct']} ({before['election_date'].year}) = {change['change_pts']}"
        )

    shown = [rise, *larger]
    return {
        "check_id": f"labour-rise-2017-{series.replace('_', '-')}",
        "question": f"Was 2017 Labour's largest rise in vote share since 1945? ({series} series)",
        "claimed_value": None,
        "claimed_bound": None,
        "record_value": rise["change_pts"],
        "unit": "percentage points",
        "computation": "; ".join(step(c) for c in shown)
        + f"; 2017 ranks {rise['rank_of_rise']} of {sum(1 for c in changes if c['rank_of_rise'])} rises in the series",
        "sources": "; ".join(
            sorted(
                {shares[d]["reference_key"] for c in shown for d in (c["election_date"], c["previous_election_date"])}
            )
        ),
        "basis": "records",
        "holds": all(c["election_date"].year == 1945 for c in larger),
        "result": f"In the {series} series, Labour's share rose {rise['change_pts']} points in 2017, "
        + (
            "more than at any other election in the series."
            if not larger
            else "less than in "
            + ", ".join(f"{c['election_date'].year} ({c['change_pts']})" for c in larger)
            + (
                " and more than at any election between them, so the claim holds in its natural reading,"
                " the largest rise after 1945."
                if all(c["election_date"].year == 1945 for c in larger)
                else "."
            )
        ),
    }


def labour_rise_2017_parlgov(tables) -> dict:
    return _labour_rise_2017(tables, "parlgov")


def labour_rise_2017_uk_tabulated(tables) -> dict:
    return _labour_rise_2017(tables, "uk_tabulated")


def five_thousand_scale(tables) -> dict:
    claim = _measurement(tables, "M-hq-01")
    spend = {(r["party"], r["item"]): r for r in tables["campaign_spending"]}
    facebook = spend[("Labour Party", "facebook_spending")]
    total = spend[("Labour Party", "total_spending")]
    share = round(100 * claim["value"] / facebook["amount_gbp"], 2)
    share_total = round(100 * claim["value"] / total["amount_gbp"], 3)
    return {
        "check_id": "five-thousand-scale",
        "question": "How large is the £5,000 beside Labour's reported spending?",
        "claimed_value": claim["value"],
        "claimed_bound": claim["bound"],
        "record_value": share,
        "unit": "% of Labour's reported Facebook spending",
        "computation": f"{claim['value']:,} / {facebook['amount_gbp']:,} (Facebook) = {share}%; "
        f"{claim['value']:,} / {total['amount_gbp']:,} (all reported spending) = {share_total}%",
        "sources": f"{facebook['reference_key']}; {total['reference_key']}; fb-adlibrary-uk",
        "basis": "records",
        "holds": None,
        "result": f"About £{claim['value']:,} would be {share}% of the £{facebook['amount_gbp']:,} Labour was "
        f"reported to have spent on Facebook, and {share_total}% of its £{total['amount_gbp']:,} reported total. "
        "This measures scale only: the ads cannot be looked up, because Facebook's archive of UK political ads "
        "began after the election.",
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
        "computation": f"|{claim['value']:,} - {other['value']:,.0f}| / {other['value']:,.0f} = {gap}% "
        "(Workers' Liberty's figure against Guido Fawkes's 'some 30,000')",
        "sources": "guido2016",
        "basis": "secondary_sources",
        "holds": gap <= 10,
        "result": f"Guido Fawkes, hostile to both sides, gave about {other['value']:,.0f}, within {gap}% of the "
        f"{claim['value']:,} Workers' Liberty gives.",
    }


def red_labour_blog_size(tables) -> dict:
    claim = _measurement(tables, "M-group-06")
    other = _figure(tables, "guido2016", "Red Labour")
    ceiling = 10_000  # the book's most generous reading of "several thousand"
    return {
        "check_id": "red-labour-blog-size",
        "question": "Is 'several thousand' a fair size for Red Labour's page?",
        "claimed_value": None,
        "claimed_bound": claim["bound"],
        "record_value": other["value"],
        "unit": "supporters",
        "computation": f"Guido Fawkes's {other['value']:,.0f} against {ceiling:,}, this book's most generous reading "
        f"of 'several thousand': {other['value']:,.0f} / {ceiling:,} = {other['value'] / ceiling:.0f} times",
        "sources": "guido2016",
        "basis": "secondary_sources",
        "holds": other["value"] < ceiling,
        "result": f"Guido Fawkes put the following near {other['value']:,.0f}, "
        f"{other['value'] / ceiling:.0f} times even a generous reading of 'several thousand', and Workers' "
        f"Liberty a little above it.",
    }


ALL_CHECKS = [
    pudsey_margin_2017,
    lne_majority_2015,
    lne_majority_2017,
    pudsey_majority_2015,
    lne_majority_share_2015,
    labour_rise_2017_parlgov,
    labour_rise_2017_uk_tabulated,
    five_thousand_scale,
    red_labour_following,
    red_labour_blog_size,
]


def run_checks(tables) -> list[dict]:
    return [check(tables) for check in ALL_CHECKS]
