"""Agreement between the two coders of the claims register, with what so small a sample can tell."""

from __future__ import annotations

import krippendorff
import numpy as np
import pandas as pd

from ..charts.style import label
from ..data.loader import load
from ..data.schema.fields import EVIDENCE_STATUSES, LIKELIHOODS

BOOTSTRAP_SEED = 20261123
BOOTSTRAP_DRAWS = 2000
# Likelihood as an ordered scale, for the ordinal measure; not_assessable is not on the scale.
GRADED = ["unlikely", "even_chance", "likely", "almost_certain"]
ALPHA = "Krippendorff's alpha"


def alpha(first: list[str], second: list[str], codes: list[str], level: str) -> float:
    """Krippendorff's alpha for two coders' codes of the same units."""
    data = np.array([[codes.index(a) for a in first], [codes.index(b) for b in second]], dtype=float)
    if len(set(data.flatten())) < 2:
        return float("nan")
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement=level))


def interval(first: list[str], second: list[str], codes: list[str], level: str) -> tuple[float, float]:
    """A bootstrap 95% interval for alpha, resampling units with a fixed seed."""
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    n = len(first)
    draws = []
    for _ in range(BOOTSTRAP_DRAWS):
        pick = rng.integers(0, n, n)
        value = alpha([first[i] for i in pick], [second[i] for i in pick], codes, level)
        if not np.isnan(value):
            draws.append(value)
    return float(np.percentile(draws, 2.5)), float(np.percentile(draws, 97.5))


def agreement() -> pd.DataFrame:
    """Per measure: units, raw agreement, Krippendorff's alpha and a bootstrap 95% interval over claims."""
    coded = load("second_coding")
    measures = [
        ("evidence status", "status", EVIDENCE_STATUSES, "nominal", coded),
        ("likelihood, as categories", "likelihood", LIKELIHOODS, "nominal", coded),
        (
            "likelihood, as an ordered scale",
            "likelihood",
            GRADED,
            "ordinal",
            coded[coded["first_likelihood"].isin(GRADED) & coded["second_likelihood"].isin(GRADED)],
        ),
    ]
    rows = []
    for name, column, codes, level, frame in measures:
        first = frame[f"first_{column}"].astype(str).tolist()
        second = frame[f"second_{column}"].astype(str).tolist()
        low, high = interval(first, second, codes, level)
        rows.append(
            {
                "measure": name,
                "claims": len(frame),
                "coders agree": f"{sum(a == b for a, b in zip(first, second, strict=True)) / len(frame):.0%}",
                ALPHA: round(alpha(first, second, codes, level), 2),
                "95% bootstrap interval": f"{low:.2f} to {high:.2f}",
            }
        )
    return pd.DataFrame(rows)


def disagreements() -> pd.DataFrame:
    """Every claim the coders graded differently, with the rule that resolved it."""
    coded = load("second_coding")
    rows = coded.dropna(subset=["rule"])
    return pd.DataFrame(
        {
            "claim": rows["claim_id"].values,
            "first coder": (
                rows["first_status"].astype(str).map(label) + "; " + rows["first_likelihood"].astype(str).map(label)
            ).values,
            "second coder": (
                rows["second_status"].astype(str).map(label) + "; " + rows["second_likelihood"].astype(str).map(label)
            ).values,
            "resolved": (
                rows["resolved_status"].astype(str).map(label)
                + "; "
                + rows["resolved_likelihood"].astype(str).map(label)
            ).values,
            "rule": rows["rule"].values,
            "why": rows["resolution_note"].values,
        }
    )


def agreement_facts() -> dict[str, str]:
    table = agreement().set_index("measure")
    coded = load("second_coding")
    return {
        "n_second_coded": str(len(coded)),
        "n_strata": str(coded["stratum"].nunique()),
        "n_disagreements": str(int(coded["rule"].notna().sum())),
        "alpha_status": f"{table.loc['evidence status', ALPHA]:.2f}",
        "alpha_likelihood": f"{table.loc['likelihood, as categories', ALPHA]:.2f}",
        "agree_status": table.loc["evidence status", "coders agree"],
        "agree_likelihood": table.loc["likelihood, as categories", "coders agree"],
        "interval_status": table.loc["evidence status", "95% bootstrap interval"],
        "interval_likelihood": table.loc["likelihood, as categories", "95% bootstrap interval"],
    }
