"""Views of the claims register: its counts, its claims by type, status and hedging, and its regrades.

The register itself, one compact row per claim, is `claim_table.register()`.
"""

from __future__ import annotations

import pandas as pd
from IPython.display import HTML

from ..charts.hedging import hedging_by_source
from ..charts.style import label
from ..data.loader import load
from ..data.schema.fields import EVIDENCE_STATUSES, LIKELIHOODS
from .claim_table import claim_table, register

__all__ = ["claim_table", "hedging_by_source", "register"]  # hedging_by_source: a table beside its figure


def claims_facts() -> dict[str, int]:
    """Counts quoted in the chapter's prose, each computed from the tables the chapter shows."""
    claims = load("claims")
    sentences = load("sentences")
    article = claims[claims["claimant_kind"] != "commenter"]
    facts = {
        "n_claims": len(claims),
        "n_claims_article": len(article),
        "n_claims_comments": len(claims) - len(article),
        "n_contested": int(claims["counter_id"].notna().sum()),
        "n_counter_accounts": len(load("counter_accounts")),
        "n_hedged": int((claims["hedge_count"] > 0).sum()),
        "n_ambiguous": int(claims["coding_note"].notna().sum()),
        "n_lexicon_terms": len(load("hedge_lexicon")),
        "n_excerpts": len(load("claim_excerpts")),
        "n_sentences": len(sentences),
        "n_sentences_claimed": int(sentences["claim_ids"].notna().sum()),
        "n_sentences_exempt": int(sentences["non_claim_reason"].notna().sum()),
        "n_sentences_comments": int((sentences["role"] == "comment").sum()),
        "n_sources": claims["source_id"].nunique(),
        "five_k_links": len(claims.set_index("claim_id").loc["CL-C08", "attribution_chain"].split(" ← ")),
    }
    for status in EVIDENCE_STATUSES:
        facts[f"status_{status}"] = int((claims["evidence_status"] == status).sum())
    for kind, count in claims["claim_type"].value_counts().items():
        facts[f"type_{kind}"] = int(count)
    for source, count in article["source_id"].value_counts().items():
        facts[f"article_claims_{source.replace('-', '_')}"] = int(count)
    return facts


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


def status_by_source() -> pd.DataFrame:
    """Claims of each text (its article text and, for the blog, its comments apart), by evidence status."""
    claims = load("claims")
    sources = load("sources").set_index("source_id")["label"]
    where = [
        f"{sources[s]}, comments" if kind == "commenter" else sources[s]
        for s, kind in zip(claims["source_id"], claims["claimant_kind"], strict=True)
    ]
    table = pd.crosstab(pd.Series(where, name="text"), claims["evidence_status"].astype(str).values)
    table = table.reindex(columns=[s for s in EVIDENCE_STATUSES if s in table.columns], fill_value=0)
    table.columns = [label(c) for c in table.columns]
    table["all"] = table.sum(axis=1)
    return table.rename_axis(None, axis=1).reset_index()


def regraded() -> HTML:
    """The regraded claims, by version, each id linking to its row, whose evidence gives the grades and why."""
    rows = load("claim_revisions")
    lines = [
        f"<li>{version}: {', '.join(dict.fromkeys(group['claim_id']))}</li>"
        for version, group in rows.groupby("version", sort=True, observed=True)
    ]
    return HTML('<ul class="tk-regraded">' + "".join(lines) + "</ul>")
