"""The shape of every id, key and address, declared once.

Ids are plain ASCII, so a look-alike letter from another script (a Cyrillic capital Es for a Latin C) cannot
pass for another id, and they never hold the "; " that separates items in list columns. The raw-input
schemas (data/inputs) check them as each file is read; the same patterns go into the Table Schema of
every column named below (see `with_patterns`), so the pipeline, the loader and any Frictionless tool
enforce them too.
"""

from __future__ import annotations

SLUG = r"[a-z0-9]+(?:[-_][a-z0-9]+)*"  # source ids, reference keys, incident ids, check ids
CLAIM_ID = r"CL-[A-Z][0-9]{2}"
COMMENT_ID = r"C[0-9]+"
COUNTER_ID = rf"CA-{SLUG}"
EVENT_ID = rf"EV-{SLUG}"
MEASUREMENT_ID = rf"M-{SLUG}"
TECHNIQUE_ID = r"T[0-9]{4}(?:\.[0-9]{3})?"
DISARM_ID = r"TA?[0-9]{2,4}(?:\.[0-9]{3})?"  # techniques, and tactics (TA01)
STIX_ID = r"[a-z][a-z0-9-]*--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
SEGMENT_ID = rf"{SLUG}:[0-9]{{3}}"
SENTENCE_ID = rf"{SEGMENT_ID}\.[0-9]+"
SEARCH_ID = r"S[0-9]{3}"
VERSION = r"[0-9]+\.[0-9]+\.[0-9]+"
CODE = r"[A-Za-z0-9_]+"
TABLE_NAME = r"[a-z][a-z0-9_]*"
# What a claim may be checked against: another claim, a check, a record table, a source or a reference.
EVIDENCE_ITEM = rf"(?:{CLAIM_ID}|check:{SLUG}|{TABLE_NAME}|{SLUG})"
# An absolute http(s) address in plain ASCII, with a host: nothing a link, a BibTeX field or an
# HTML attribute could be broken out of (no spaces, quotes, angle brackets, braces or backslashes).
URL = r"https?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]+)?(?:[/?#][!#$%&'()*+,/:;=?@\[\]~A-Za-z0-9._-]*)?"
TIME_OF_DAY = r"(?:[01][0-9]|2[0-3]):[0-5][0-9]"
# Text that goes into references.bib: BibTeX counts braces even when escaped, so none are allowed.
BIBTEX_SAFE = r"[^{}\\]*"


def list_of(pattern: str) -> str:
    """Items separated by '; ', as list columns hold them."""
    return rf"{pattern}(?:; {pattern})*"


MEANING = {
    SLUG: "a key of lower-case ASCII letters and digits, joined by single hyphens or underscores",
    CLAIM_ID: "a claim id such as CL-U07",
    COMMENT_ID: "a comment id such as C3",
    SEARCH_ID: "a search id such as S001",
    VERSION: "a version number such as 0.3.0",
    URL: "an absolute http(s) address",
    TIME_OF_DAY: "a time of day (HH:MM, 00:00 to 23:59)",
    BIBTEX_SAFE: "text without braces or backslashes (it goes into references.bib)",
}

# Columns of the clean tables, by name, and the pattern each must match (anchored at both ends).
FIELD_PATTERNS = {
    "source_id": SLUG,
    "primary_source_id": SLUG,
    "reference_key": SLUG,
    "known_through": SLUG,
    "incident_id": SLUG,
    "check_id": SLUG,
    "check_ids": list_of(SLUG),
    "chain_keys": list_of(SLUG),
    "relays": list_of(SLUG),
    "claim_id": CLAIM_ID,
    "example_claim_id": CLAIM_ID,
    "claim_ids": list_of(CLAIM_ID),
    "comment_id": COMMENT_ID,
    "parent_id": COMMENT_ID,
    "example_comment_id": COMMENT_ID,
    "counter_id": COUNTER_ID,
    "event_id": EVENT_ID,
    "measurement_id": MEASUREMENT_ID,
    "technique_id": TECHNIQUE_ID,
    "external_id": DISARM_ID,
    "parent_external_id": DISARM_ID,
    "stix_id": STIX_ID,
    "segment_id": SEGMENT_ID,
    "sentence_id": SENTENCE_ID,
    "code": CODE,
    "search_id": SEARCH_ID,
    "search_ids": list_of(SEARCH_ID),
    "found": list_of(SLUG),
    "sources": list_of(SLUG),
    "version": VERSION,
    "corroborated_by": list_of(EVIDENCE_ITEM),
    "contradicted_by": list_of(EVIDENCE_ITEM),
    "checked_against": list_of(EVIDENCE_ITEM),
    "url": URL,
    "source_url": URL,
    "other_urls": list_of(URL),
}
# Tables whose text goes into references.bib.
BIBTEX_TABLES = ("sources", "references")


def meaning(pattern: str) -> str:
    return MEANING.get(pattern, f"the pattern {pattern}")


def with_patterns(tables: dict[str, dict]) -> dict[str, dict]:
    """Give every column named in FIELD_PATTERNS its pattern (anchored), and every other text column of
    the tables that feed references.bib the BibTeX-safe pattern. Changes `tables` in place and returns it."""
    for name, table in tables.items():
        for spec in table["schema"]["fields"]:
            if spec["type"] != "string":
                continue
            rules = spec.setdefault("constraints", {})
            pattern = FIELD_PATTERNS.get(spec["name"])
            if pattern is None and name in BIBTEX_TABLES and "enum" not in rules:
                pattern = BIBTEX_SAFE
            if pattern is not None and "pattern" not in rules:
                rules["pattern"] = f"^{pattern}$"
            if not rules:
                del spec["constraints"]
    return tables
