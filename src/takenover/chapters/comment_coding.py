"""The coding of the comments: each comment's codes, agreement between the coders, and what VADER sees.

Everything here is ids, codes and numbers; no view returns a commenter's words.
"""

from __future__ import annotations

import pandas as pd

from ..charts.style import label
from ..data.loader import load
from .agreement import ALPHA, alpha, interval

DIMENSION_LABELS = {
    "function": "what it does",
    "post_stance": "stance on the post's account",
    "blame": "points at",
    "evidence": "evidence offered",
    "tone": "tone",
}


def _codes(coder: str) -> pd.DataFrame:
    coded = load("comment_codings")
    return coded[coded["coder"] == coder]


def coding_table(coder: str = "first") -> pd.DataFrame:
    """One row per comment, its codes on every dimension."""
    coded = _codes(coder)
    order = {(c.dimension, c.code): n for n, c in enumerate(load("comment_codes").itertuples())}
    coded = coded.assign(order=[order[(d, c)] for d, c in zip(coded["dimension"], coded["code"], strict=True)])
    wide = (
        coded.sort_values("order")
        .groupby(["comment_id", "dimension"], observed=True)["code"]
        .apply(lambda codes: ", ".join(label(c) for c in codes))
    )
    table = wide.unstack("dimension")
    table = table[[d for d in DIMENSION_LABELS if d in table.columns]].rename(columns=DIMENSION_LABELS)
    return table.reset_index().rename(columns={"comment_id": "comment"})


def _pairs(dimension: str) -> tuple[list[str], list[str], list[str]]:
    """Both coders' codes on one dimension, as units they can be compared on.

    A dimension with one code per comment gives one unit per comment. One that allows several gives
    one unit per comment and code, coded present or absent, so each code's use is compared.
    """
    coded = load("comment_codings")
    codes = load("comment_codes")
    several = bool(codes.loc[codes["dimension"] == dimension, "several"].iloc[0])
    comments = sorted(set(coded["comment_id"]), key=lambda c: int(c[1:]))
    given = {(row.coder, row.comment_id, row.code) for row in coded[coded["dimension"] == dimension].itertuples()}
    if several:
        names = list(codes.loc[codes["dimension"] == dimension, "code"])
        units = [(c, n) for c in comments for n in names]
        first = ["yes" if ("first", c, n) in given else "no" for c, n in units]
        second = ["yes" if ("second", c, n) in given else "no" for c, n in units]
        return first, second, ["no", "yes"]
    pick = {(coder, c): code for coder, c, code in given}
    names = list(codes.loc[codes["dimension"] == dimension, "code"])
    return [pick[("first", c)] for c in comments], [pick[("second", c)] for c in comments], names


def agreement() -> pd.DataFrame:
    rows = []
    for dimension, name in DIMENSION_LABELS.items():
        first, second, codes = _pairs(dimension)
        low, high = interval(first, second, codes, "nominal")
        value = alpha(first, second, codes, "nominal")
        rows.append(
            {
                "dimension": name,
                "units compared": len(first),
                "coders agree": f"{sum(a == b for a, b in zip(first, second, strict=True)) / len(first):.0%}",
                ALPHA: round(value, 2),
                "95% bootstrap interval": f"{low:.2f} to {high:.2f}",
            }
        )
    return pd.DataFrame(rows)


def differences() -> pd.DataFrame:
    """Each comment and dimension where the two coders differ."""
    first, second = coding_table("first").set_index("comment"), coding_table("second").set_index("comment")
    rows = [
        {"comment": c, "dimension": d, "first coder": first.loc[c, d], "second coder": second.loc[c, d]}
        for c in first.index
        for d in first.columns
        if first.loc[c, d] != second.loc[c, d]
    ]
    return pd.DataFrame(rows, columns=["comment", "dimension", "first coder", "second coder"])


def sentiment_beside_codes() -> pd.DataFrame:
    """VADER's reading of each comment beside the human codes for tone and stance."""
    scores = load("comment_sentiment").set_index("comment_id")
    codes = coding_table("first").set_index("comment")
    return pd.DataFrame(
        {
            "comment": scores.index,
            "VADER compound": scores["compound"].values,
            "VADER polarity": scores["polarity"].astype(str).values,
            "tone (human)": codes.loc[scores.index, "tone"].values,
            "stance on the post's account (human)": codes.loc[scores.index, "stance on the post's account"].values,
            "points at (human)": codes.loc[scores.index, "points at"].values,
            "polarity matches tone": [
                "yes" if p == t else "no"
                for p, t in zip(scores["polarity"].astype(str), codes.loc[scores.index, "tone"], strict=True)
            ],
        }
    )


def coding_facts() -> dict[str, str]:
    table = agreement().set_index("dimension")
    beside = sentiment_beside_codes()
    coded = _codes("first")
    counts = coded.groupby(["dimension", "code"], observed=True)["comment_id"].nunique()
    first_counts = (
        load("comment_codes")[["dimension", "code"]]
        .merge(counts.rename("n").reset_index(), on=["dimension", "code"], how="left")
        .fillna({"n": 0})
        .astype({"n": int})
    )
    return {
        "n_comments_coded": str(load("comment_codings")["comment_id"].nunique()),
        "n_codes": str(len(load("comment_codes"))),
        "n_dimensions": str(len(DIMENSION_LABELS)),
        "n_polarity_mismatch": str(int((beside["polarity matches tone"] == "no").sum())),
        "n_polarity_match": str(int((beside["polarity matches tone"] == "yes").sum())),
        "vader_lexicon": load("comment_sentiment")["lexicon"].iloc[0],
        "alpha_tone": f"{table.loc['tone', ALPHA]:.2f}",
        "alpha_stance": f"{table.loc[DIMENSION_LABELS['post_stance'], ALPHA]:.2f}",
        **{f"n_{dimension}_{code}": str(count) for dimension, code, count in first_counts.itertuples(index=False)},
    }


def study_facts() -> dict[str, str]:
    """What the comment-coding appendix states: the chapter's counts, and how often the coders agree on
    each dimension."""
    agreement_by_dimension = agreement().set_index("dimension")["coders agree"]
    return {
        **coding_facts(),
        **{f"agree_{key}": agreement_by_dimension[name] for key, name in DIMENSION_LABELS.items()},
    }
