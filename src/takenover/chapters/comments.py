"""Views of the comment thread for its chapter. Comment text is not shown by these views."""

from __future__ import annotations

import pandas as pd

from ..data.loader import load


def thread_coverage() -> dict[str, int]:
    """How much of the thread survives: stated, captured and missing comment counts."""
    threads = load("threads").iloc[0]
    stated, captured = int(threads["stated_comment_count"]), int(threads["captured_comment_count"])
    return {
        "comments_stated": stated,
        "comments_captured": captured,
        "comments_missing": stated - captured,
        "comment_placeholders": int(threads["placeholder_count"]),
    }


def comment_facts() -> dict[str, int]:
    """The thread's shape: how deep it goes, who replies, the blog author's part, and likes."""
    comments = load("comments")
    captured = comments[comments["captured"]]
    claims = load("claims")
    by_commenters = claims[claims["claimant_kind"] == "commenter"]
    replies = comments.dropna(subset=["parent_id"]).groupby("parent_id").size()
    return {
        **thread_coverage(),
        "top_level": int((captured["depth"] == 0).sum()),
        "replies": int((captured["depth"] > 0).sum()),
        "max_depth": int(captured["depth"].max()),
        "with_replies": int(replies.size),
        "most_replies": int(replies.max()),
        "by_blog_author": int(captured["by_blog_author"].sum()),
        "with_likes": int(captured["likes"].notna().sum()),
        "likes_total": int(captured["likes"].fillna(0).sum()),
        "comment_words": int(captured["words"].sum()),
        "n_commenter_claims": len(by_commenters),
        "n_commenter_not_checkable": int((by_commenters["evidence_status"] == "not_checkable").sum()),
    }


def comment_overview() -> pd.DataFrame:
    """One row per comment: structure, likes and claims, but no text (commenters are private people)."""
    comments = load("comments").sort_values("thread_order")
    claims = load("claims")
    per_comment = claims.dropna(subset=["comment_id"]).groupby("comment_id")["claim_id"].apply(", ".join)
    return pd.DataFrame(
        {
            "comment": comments["comment_id"].values,
            "replies to": comments["parent_id"].fillna("").values,
            "depth": comments["depth"].values,
            "by": [
                "(missing)" if not c else "the blog's author" if b else "a reader"
                for c, b in zip(comments["captured"], comments["by_blog_author"], strict=True)
            ],
            "paragraphs": comments["paragraphs"].values,
            "words": comments["words"].values,
            "likes": comments["likes"].astype("object").where(comments["likes"].notna(), "").values,
            "claims assessed": [per_comment.get(c, "") for c in comments["comment_id"]],
        }
    )
