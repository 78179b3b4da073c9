"""The rules an assessed claim must obey. Each refuses, naming the file and row, what a careful
fact-checker would refuse: corroboration that is not independent, a status its supports cannot
carry, confidence without a held record, a hedge lost in restatement, a number nobody gave."""

from __future__ import annotations

import re

from ..errors import InputError

# Record tables the book holds; a check computed from them counts as a held record too.
RECORD_TABLES = {"election_results", "national_vote_share", "labour_vote_share_series", "campaign_spending"}
CLAIM_ID = re.compile(r"^CL-[A-Z]\d{2}$")
# Words that attribute a restated claim to someone, so a hedge can be kept by attribution instead.
ATTRIBUTION = re.compile(
    r"\b(?:says?|said|claims?|claimed|alleges?|alleged|allegedly|suggests?|suggested|reports?|reported|"
    r"according to|speculates?|asks?|wonders?|thinks?|believes?|expects?|predicts?|calls?|"
    r"describes?|guesses|judges?|insinuates?|implies|hopes?|opinion|in the view of|tells it)\b"
    r"|\b\w+(?:'s|s') account\b",
    re.IGNORECASE,
)
NUMBER = re.compile(r"(?<![A-Za-z])\d[\d,]*(?:\.\d+)?")  # not the 5 of a commenter id such as C5


def kind_of(item: str, claim_ids: set[str], reference_keys: set[str], source_ids: set[str], checks: set[str]) -> str:
    """What an evidence item is: a claim, a reference, a primary source, a record table or a check."""
    if CLAIM_ID.match(item):
        return "claim" if item in claim_ids else "unknown"
    if item.startswith("check:"):
        return "check" if item.removeprefix("check:") in checks else "unknown"
    if item in RECORD_TABLES:
        return "record"
    if item in reference_keys:
        return "reference"
    if item in source_ids:
        return "source"
    return "unknown"


def check_supports(
    claim: dict,
    claims: dict[str, dict],
    refs: dict[str, dict],
    checks: dict[str, dict],
    source_ids: set[str],
    file: str,
    row: int,
) -> None:
    """Corroboration must come from outside the claim's own source and its own chain of attribution."""
    kinds = {}
    for item in claim["_corroborated_by"] + claim["_contradicted_by"]:
        kind = kind_of(item, set(claims), set(refs), source_ids, set(checks))
        if kind == "unknown":
            raise InputError(
                file, f"evidence item {item!r} is not a known claim, reference, source, record table or check", row
            )
        if kind == "claim" and claims[item]["source_id"] == claim["source_id"]:
            raise InputError(
                file,
                f"{item} is in the same source as {claim['claim_id']} ({claim['source_id']}); a "
                "post and the comments under it are one source, so it cannot corroborate it",
                row,
            )
        if item in claim["_chain"]:
            raise InputError(
                file, f"{item} is in the claim's own chain of attribution, so it is not independent of it", row
            )
        if kind == "reference" and refs[item]["known_through"]:
            raise InputError(
                file,
                f"{item} is not held; it is known only through {refs[item]['known_through']}, "
                "which is what must be cited",
                row,
            )
        if kind == "reference" and refs[item]["independence"] != "independent":
            raise InputError(
                file,
                f"{item} is a {refs[item]['independence'].replace('_', ' ')} of {refs[item]['relays']}, so it cannot "
                "corroborate or contradict anything",
                row,
            )
        kinds[item] = kind
    consulted = set(claim["_checked_against"])
    missing = [i for i in kinds if i not in consulted]
    if missing:
        raise InputError(
            file, f"checked_against must list every corroborating or contradicting item; add {missing}", row
        )
    _status_fits_supports(claim, kinds, checks, file, row)


def _status_fits_supports(claim: dict, kinds: dict[str, str], checks: dict[str, dict], file: str, row: int) -> None:
    status, support = claim["evidence_status"], claim["_corroborated_by"]
    outside = [i for i in support if kinds[i] != "claim"]
    in_corpus = [i for i in support if kinds[i] == "claim"]
    problem = None
    if status == "corroborated_independent" and not outside:
        problem = "needs at least one reference, record or check outside the corpus in corroborated_by"
    elif status == "corroborated_in_corpus" and (not in_corpus or outside):
        problem = (
            "needs a claim from another primary text in corroborated_by, and nothing from outside the corpus "
            "(that would make it corroborated_independent)"
        )
    elif status == "contradicted" and (not claim["_contradicted_by"] or support):
        problem = "needs contradicted_by, and no corroborated_by"
    elif status in ("single_source", "not_checkable") and (support or claim["_contradicted_by"]):
        problem = "cannot have corroborated_by or contradicted_by; the status should say what they show"
    if problem:
        raise InputError(file, f"status {status} {problem}", row)

    held = [
        i
        for i in support
        if kinds[i] == "record" or (kinds[i] == "check" and checks[i.removeprefix("check:")]["basis"] == "records")
    ]
    if claim["confidence"] == "high" and not held:
        raise InputError(
            file,
            "confidence high needs a held record (a record table, or a check computed from one) in corroborated_by",
            row,
        )
    if claim["likelihood"] == "almost_certain" and status != "corroborated_independent":
        raise InputError(file, "likelihood almost_certain needs independent corroboration", row)
    if status == "contradicted" and claim["likelihood"] != "unlikely":
        raise InputError(file, "a contradicted claim must be judged unlikely", row)
    if status == "not_checkable" and claim["likelihood"] != "not_assessable":
        raise InputError(file, "a claim that cannot be checked must have likelihood not_assessable", row)


def check_hedge_kept(claim: dict, lexicon: re.Pattern, file: str, row: int) -> None:
    """A hedged claim keeps a hedge in its restatement, or attributes the claim to its claimant."""
    if claim["hedge_count"] and not (lexicon.search(claim["restatement"]) or ATTRIBUTION.search(claim["restatement"])):
        raise InputError(
            file,
            f"the claim's words are hedged ({claim['hedges']}), but the restatement neither keeps a "
            f"hedge nor attributes the claim: {claim['restatement']!r}",
            row,
        )


SUMMARY_MAX = 75  # Google's ClaimReview guidance for claimReviewed, so the line fits a phone


def check_summary(claim: dict, lexicon: re.Pattern, file: str, row: int) -> None:
    """A public claim has a summary of at most SUMMARY_MAX characters (its restatement if short
    enough), and a hedged claim's summary keeps a hedge or the attribution too."""
    if claim["comment_id"]:
        return
    summary = claim["summary"]
    if summary is None or len(summary) > SUMMARY_MAX:
        raise InputError(
            file, f"the restatement is longer than {SUMMARY_MAX} characters: give a summary of at most that", row
        )
    if claim["hedge_count"] and not (lexicon.search(summary) or ATTRIBUTION.search(summary)):
        raise InputError(
            file,
            f"the claim's words are hedged, but its summary neither keeps a hedge nor attributes it: {summary!r}",
            row,
        )


def _numbers(text: str) -> list[str]:
    """Numbers in a text, as written; claim ids (CL-U40) and check ids are not numbers."""
    return NUMBER.findall(re.sub(r"\bCL-[A-Z]\d{2}\b|check:[\w-]+", " ", text))


def _value(number: str) -> float:
    return float(number.replace(",", ""))


def check_verdict_numbers(claim: dict, evidence_text: str, file: str, row: int) -> None:
    """Every number in a verdict must appear in what the verdict rests on: its words, checks and sources."""
    given = {_value(n) for n in _numbers(evidence_text)}
    typed = [n for n in _numbers(claim["verdict"]) if _value(n) not in given]
    if typed:
        raise InputError(
            file,
            f"the verdict gives {typed}, which appear in none of the items it rests on (its "
            "quote, checks, or checked_against); compute the figure or cite where it is given",
            row,
        )
