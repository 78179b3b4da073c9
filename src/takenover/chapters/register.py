"""Views of the claims register for the claims chapter: each a small table."""

from __future__ import annotations

import pandas as pd

from ..charts.hedging import hedging_by_source
from ..charts.style import label
from ..data.loader import load
from ..data.schema import EVIDENCE_STATUSES, LIKELIHOODS

__all__ = ["hedging_by_source"]  # shown as a table beside its figure in the claims chapter


def claims_facts() -> dict[str, int | str]:
    """Counts quoted in the chapter's prose."""
    claims = load("claims")
    checks = load("checks")
    article = claims[claims["claimant_kind"] != "commenter"]
    facts: dict[str, int | str] = {
        "n_claims": len(claims),
        "n_claims_article": len(article),
        "n_claims_comments": len(claims) - len(article),
        "n_checks": len(checks),
        "n_checks_hold": int(checks["holds"].fillna(False).sum()),
        "n_contested": int(claims["counter_id"].notna().sum()),
        "n_counter_accounts": len(load("counter_accounts")),
        "n_hedged": int((claims["hedge_count"] > 0).sum()),
        "n_ambiguous": int(claims["coding_note"].notna().sum()),
        "n_lexicon_terms": len(load("hedge_lexicon")),
        "n_sentences": len(load("sentences")),
        "n_sentences_claimed": int(load("sentences")["claim_ids"].notna().sum()),
        "n_sentences_exempt": int(load("sentences")["non_claim_reason"].notna().sum()),
    }
    for status, count in claims["evidence_status"].value_counts().items():
        facts[f"status_{status}"] = int(count)
    for kind, count in claims["claim_type"].value_counts().items():
        facts[f"type_{kind}"] = int(count)
    for source, count in claims["source_id"].value_counts().items():
        facts[f"claims_{source.replace('-', '_')}"] = int(count)
    chain = claims.set_index("claim_id").loc["CL-C08", "attribution_chain"]
    facts["five_k_links"] = len(chain.split(" ← "))
    facts.update(check_facts())
    return facts


def check_facts() -> dict[str, str]:
    """Figures from the computed checks and the records, formatted for prose."""
    checks = load("checks").set_index("check_id")
    figures = load("secondary_figures").set_index("subject")
    spend = load("campaign_spending").set_index(["party", "item"])["amount_gbp"]
    five_k = load("measurements").set_index("measurement_id").loc["M-hq-01", "value"]
    rise_1945 = figures[figures.index.str.contains("1945")]["value"]
    archive = load("references").set_index("reference_key").loc["fb-adlibrary-uk", "published"]
    return {
        "ad_archive_start": archive.strftime("%-d %B %Y"),
        "pudsey_margin": f"{checks.loc['pudsey-margin-2017', 'record_value']:,.0f}",
        "lne_majority_2015": f"{checks.loc['lne-majority-2015', 'record_value']:,.0f}",
        "lne_majority_2017": f"{checks.loc['lne-majority-2017', 'record_value']:,.0f}",
        "pudsey_share_2015": f"{checks.loc['pudsey-majority-2015', 'record_value']}",
        "labour_rise_2017": f"{checks.loc['labour-rise-2017', 'record_value']}",
        "rise_1945_low": f"{rise_1945.min()}",
        "rise_1945_high": f"{rise_1945.max()}",
        "five_k": f"£{five_k:,}",
        "five_k_share_fb": f"{checks.loc['five-thousand-scale', 'record_value']}%",
        "labour_fb_spend": f"£{spend.loc[('Labour Party', 'facebook_spending')]:,}",
        "red_labour_awl": f"{checks.loc['red-labour-following', 'claimed_value']:,.0f}",
        "red_labour_guido": f"{checks.loc['red-labour-following', 'record_value']:,.0f}",
    }


def type_by_status() -> pd.DataFrame:
    """Claims by type (rows) and evidence status (columns)."""
    claims = load("claims")
    table = pd.crosstab(claims["claim_type"].astype(str), claims["evidence_status"].astype(str))
    table = table.reindex(columns=[s for s in EVIDENCE_STATUSES if s in table.columns], fill_value=0)
    table = table.loc[table.sum(axis=1).sort_values(ascending=False).index]
    table.columns = [label(c) for c in table.columns]
    table.insert(0, "claim type", [label(i) for i in table.index])
    table["all"] = table.iloc[:, 1:].sum(axis=1)
    return table.reset_index(drop=True)


def status_by_likelihood() -> pd.DataFrame:
    """How strong the evidence is against how likely we judge the claim: kept apart on purpose."""
    claims = load("claims")
    table = pd.crosstab(claims["evidence_status"].astype(str), claims["likelihood"].astype(str))
    table = table.reindex(
        index=[s for s in EVIDENCE_STATUSES if s in table.index],
        columns=[c for c in LIKELIHOODS if c in table.columns],
        fill_value=0,
    )
    table.columns = [label(c) for c in table.columns]
    table.insert(0, "evidence status", [label(i) for i in table.index])
    return table.reset_index(drop=True)


def numeric_checks(claim_ids: list[str] | None = None) -> pd.DataFrame:
    """Each computed check beside the claim it tests (optionally only for the given claims)."""
    claims = load("claims").dropna(subset=["check_id"])
    if claim_ids is not None:
        claims = claims[claims["claim_id"].isin(claim_ids)]
    checks = load("checks")
    merged = claims.merge(checks, on="check_id")
    merged["claim"] = merged["claim_id"] + ": \u201c" + merged["quote"] + "\u201d"
    merged["record agrees?"] = merged["holds"].map({True: "yes", False: "no"}).fillna("(scale only)")
    merged["record"] = [
        f"{v:,.2f}".rstrip("0").rstrip(".") + f" {u}"
        for v, u in zip(merged["record_value"], merged["unit"], strict=True)
    ]
    return merged[["claim", "claimant", "question", "record", "record agrees?", "result"]].rename(
        columns={"result": "conclusion", "claimant": "who claims it", "question": "what is checked"}
    )


def counter_accounts(incident_id: str | None = None) -> pd.DataFrame:
    """The other side's accounts on record, once each."""
    counters = load("counter_accounts").merge(
        load("references")[["reference_key", "outlet", "published"]], on="reference_key"
    )
    if incident_id is not None:
        counters = counters[counters["incident_id"] == incident_id]
    return pd.DataFrame(
        {
            "whose account": [p[:1].upper() + p[1:] for p in counters["party"]],
            "where it is recorded": counters["outlet"].str.split(",").str[0]
            + ", "
            + counters["published"].dt.strftime("%B %Y"),
            "what it says": counters["summary"],
        }
    )


def contested(id_prefix: str | None = None) -> pd.DataFrame:
    """Claims that the other side's account answers, with our conclusion."""
    claims = load("claims").dropna(subset=["counter_id"])
    if id_prefix is not None:
        claims = claims[claims["claim_id"].str.startswith(id_prefix)]
    parties = load("counter_accounts").set_index("counter_id")["party"]
    return pd.DataFrame(
        {
            "the claim": (claims["claim_id"] + ": " + claims["restatement"]).values,
            "answered by": [parties[c] for c in claims["counter_id"]],
            "our conclusion": claims["verdict"].values,
        }
    )


def codebook(scheme: str) -> pd.DataFrame:
    codes = load("claim_codes")
    rows = codes[codes["scheme"] == scheme].copy()
    rows["code"] = rows["code"].map(label)
    columns = (
        ["code", "definition", "rule", "example_claim_id"] if rows["rule"].notna().any() else ["code", "definition"]
    )
    return rows[columns].rename(columns={"example_claim_id": "example"})


def ambiguous_cases() -> pd.DataFrame:
    claims = load("claims").dropna(subset=["coding_note"])
    return claims[["claim_id", "quote", "claim_type", "evidence_status", "coding_note"]].assign(
        claim_type=lambda d: d["claim_type"].map(label), evidence_status=lambda d: d["evidence_status"].map(label)
    )


def register_table() -> pd.DataFrame:
    """The whole register, one row per claim, for the searchable table."""
    claims = load("claims")
    assessment = (
        claims["evidence_status"].map(label).astype(str)
        + "; "
        + claims["likelihood"].map(label).astype(str)
        + "; "
        + claims["confidence"].astype(str)
        + " confidence"
    )
    hedges = claims["hedges"].map(lambda h: f" [hedges: {h}]" if isinstance(h, str) else "")
    return pd.DataFrame(
        {
            "id": claims["claim_id"],
            "claim": "\u201c" + claims["quote"] + "\u201d" + hedges,
            "claimant": claims["claimant"],
            "type": claims["claim_type"].map(label),
            "evidence; likelihood; confidence": assessment,
            "verdict": claims["verdict"],
        }
    )


def reference_date(key: str, fmt: str = "%-d %B %Y") -> str:
    """A reference's publication date, formatted for prose."""
    return load("references").set_index("reference_key").loc[key, "published"].strftime(fmt)
