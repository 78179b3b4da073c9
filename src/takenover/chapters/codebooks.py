"""Views for the codebooks: every code the claims and the comments were coded with, and the claims
whose coding needed a decision another coder might make differently."""

from __future__ import annotations

import pandas as pd

from ..charts.style import label
from ..data.loader import load


def claim_codebook(scheme: str) -> pd.DataFrame:
    """One scheme of the claims codebook: each code with its definition, its rule and an example
    claim, where the scheme has them."""
    codes = load("claim_codes")
    rows = codes[codes["scheme"] == scheme].copy()
    rows["code"] = rows["code"].map(label)
    columns = ["code", "definition", "rule"] if rows["rule"].notna().any() else ["code", "definition"]
    if rows["example_claim_id"].notna().any():
        columns.append("example_claim_id")
    return rows[columns].rename(columns={"example_claim_id": "example"}).fillna("")


def ambiguous_cases() -> pd.DataFrame:
    """The claims whose coding needed a decision, and how each was coded; the id links to the claim's row
    in the register, which gives the claim and its grade."""
    claims = load("claims").dropna(subset=["coding_note"])
    return pd.DataFrame({"claim": claims["claim_id"].values, "how it was coded": claims["coding_note"].values})


def comment_codebook(dimension: str) -> pd.DataFrame:
    """One dimension of the comment codebook, each code with its definition and its decision rule. The
    examples (a comment id and a paraphrase, never the comment's words) stay in the comment_codes table:
    the second coder coded without them."""
    codes = load("comment_codes")
    rows = codes[codes["dimension"] == dimension]
    return pd.DataFrame(
        {
            "code": rows["code"].map(label).values,
            "definition": rows["definition"].values,
            "decision rule": rows["rule"].values,
        }
    )


def codebook_facts() -> dict[str, str]:
    """Counts the page states in its prose."""
    claim_codes, comment_codes = load("claim_codes"), load("comment_codes")
    return {
        "n_claim_codes": str(len(claim_codes)),
        "n_claim_schemes": str(claim_codes["scheme"].nunique()),
        "n_comment_codes": str(len(comment_codes)),
        "n_comment_dimensions": str(comment_codes["dimension"].nunique()),
        "n_ambiguous": str(int(load("claims")["coding_note"].notna().sum())),
    }
