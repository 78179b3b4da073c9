"""Tables of records and secondary sources: results, vote shares, spending, references and their figures.

Every record row names the page that gives its figure (source_url) and the reference that page
belongs to (reference_key), so a figure is always cited to the source that gives it.
"""

from __future__ import annotations

from .fields import (
    BOUNDS,
    DATE_PRECISIONS,
    REFERENCE_TYPES,
    SPENDING_ITEMS,
    VOTE_SHARE_SERIES,
    field,
    reference_fk,
)

SOURCE_URL = field("source_url", "string", "The page that gives the figure.", required=True)
REFERENCE_KEY = field("reference_key", "string", "The reference that page belongs to (see references).", required=True)
SHARE = {"minimum": 0, "maximum": 100}
SERIES = "labour_vote_share_series"

RECORD_TABLES: dict[str, dict] = {
    "election_results": {
        "title": "Constituency results",
        "description": "Declared results in Pudsey and Leeds North East, 2015 and 2017.",
        "licence": "facts",
        "schema": {
            "fields": [
                field("constituency", "string", "Constituency name.", required=True),
                field("election_date", "date", "Polling day.", required=True),
                field("party", "string", "Party label as declared.", required=True),
                field("candidate", "string", "Candidate as listed by the record; empty where it gives none."),
                field("votes", "integer", "Votes declared.", required=True, minimum=0),
                SOURCE_URL,
                REFERENCE_KEY,
            ],
            "primaryKey": ["constituency", "election_date", "party"],
            "foreignKeys": [reference_fk()],
        },
    },
    "national_vote_share": {
        "title": "National vote shares",
        "description": "UK vote shares of the two largest parties, 2015 and 2017.",
        "licence": "facts",
        "schema": {
            "fields": [
                field("election_date", "date", "Polling day.", required=True),
                field("area", "string", "Geography of the share.", required=True),
                field("party", "string", "Party.", required=True),
                field("vote_share_pct", "number", "Share of valid votes, in per cent.", required=True, **SHARE),
                SOURCE_URL,
                REFERENCE_KEY,
            ],
            "primaryKey": ["election_date", "area", "party"],
            "foreignKeys": [reference_fk()],
        },
    },
    "labour_vote_share_series": {
        "title": "Labour's vote share, 1935 to 2017, in two series",
        "description": "Labour's share at every general election in two published series, kept apart.",
        "licence": "facts",
        "schema": {
            "fields": [
                field(
                    "series",
                    "string",
                    "Which published series the row belongs to.",
                    required=True,
                    enum=VOTE_SHARE_SERIES,
                ),
                field("election_date", "date", "Polling day.", required=True),
                field(
                    "labour_vote_share_pct",
                    "number",
                    "Labour's share of the vote, in per cent.",
                    required=True,
                    **SHARE,
                ),
                SOURCE_URL,
                REFERENCE_KEY,
                field("note", "string", "What the source is and how far to trust it, from the reference notes."),
            ],
            "primaryKey": ["series", "election_date"],
            "foreignKeys": [reference_fk()],
        },
    },
    "vote_share_changes": {
        "title": "Election-to-election changes in Labour's vote share",
        "description": "Every change between consecutive elections within each series, computed by the pipeline.",
        "licence": "ours",
        "schema": {
            "fields": [
                field("series", "string", "The series both shares come from.", required=True, enum=VOTE_SHARE_SERIES),
                field("election_date", "date", "The later election.", required=True),
                field("previous_election_date", "date", "The election before it in the same series.", required=True),
                field(
                    "change_pts",
                    "number",
                    "Later share minus earlier share, in percentage points, rounded to one decimal place.",
                    required=True,
                ),
                field(
                    "rank_of_rise",
                    "integer",
                    "1 for the largest rise in the series, 2 for the next, and so on; empty for a fall or no change.",
                    minimum=1,
                ),
            ],
            "primaryKey": ["series", "election_date"],
            "foreignKeys": [
                {"fields": ["series", date], "reference": {"resource": SERIES, "fields": ["series", "election_date"]}}
                for date in ("election_date", "previous_election_date")
            ],
        },
    },
    "campaign_spending": {
        "title": "Campaign spending, 2017",
        "description": "Reported 2017 general election spending, total and on Facebook, for the two largest parties.",
        "licence": "facts",
        "schema": {
            "fields": [
                field("party", "string", "Party as registered.", required=True),
                field("item", "string", "What the amount covers.", required=True, enum=SPENDING_ITEMS),
                field("item_label", "string", "The item as the record words it.", required=True),
                field("amount_gbp", "integer", "Amount in pounds sterling.", required=True, minimum=0),
                field("note", "string", "Period, rounding and reporting caveats."),
                SOURCE_URL,
                REFERENCE_KEY,
            ],
            "primaryKey": ["party", "item"],
            "foreignKeys": [reference_fk()],
        },
    },
    "references": {
        "title": "Secondary sources and records",
        "description": "Works outside the three primary texts that the book cites, with what is known of each and how.",
        "licence": "ours",
        "schema": {
            "fields": [
                field(
                    "reference_key", "string", "Stable key, also used in the bibliography.", required=True, unique=True
                ),
                field("type", "string", "Kind of source.", required=True, enum=REFERENCE_TYPES),
                field("label", "string", "How chains of attribution and tables name the work.", required=True),
                field(
                    "title",
                    "string",
                    "Title as printed; a description in square brackets where the title is not held.",
                    required=True,
                ),
                field("author", "string", "Author, where there is one."),
                field("outlet", "string", "Publisher or outlet."),
                field(
                    "published",
                    "date",
                    "Publication date (first day of the month or year when coarser); empty where no date is held.",
                ),
                field("date_precision", "string", "How exact published is.", enum=DATE_PRECISIONS),
                field("url", "string", "Main address, where one is held."),
                field("other_urls", "string", "Further addresses of the same work, separated by '; '."),
                field(
                    "known_through",
                    "string",
                    "For a work not held: the source or reference through which its "
                    "content is known. It is cited for no more than that report says.",
                ),
                field("date_basis", "string", "How the publication date is known (printed, from the address, ...)."),
                field(
                    "read_as",
                    "string",
                    "How the book knows the work: read by us as a stored copy of the public page (stored_copy), "
                    "from the project's checked reference notes (reference_notes), or not held at all (not_held).",
                    required=True,
                    enum=["stored_copy", "reference_notes", "not_held"],
                ),
                field(
                    "independence",
                    "string",
                    "independent of the primary texts and of each other; a relay of another work; or from the same "
                    "author or outlet as a primary text (same_source). Only independent works can corroborate.",
                    required=True,
                    enum=["independent", "relay", "same_source"],
                ),
                field("relays", "string", "For a relay or same-source work: what it repeats, separated by '; '."),
                field("stance", "string", "The kind of outlet and its stance toward the parties.", required=True),
                field("notes", "string", "What the work is cited for, and its caveats.", required=True),
            ],
            "primaryKey": ["reference_key"],
        },
    },
    "secondary_figures": {
        "title": "Figures from secondary sources",
        "description": "Numbers that secondary sources give, including known slips, for comparison with the claims.",
        "licence": "facts",
        "schema": {
            "fields": [
                field("reference_key", "string", "The source that gives the figure.", required=True),
                field("subject", "string", "What the figure counts.", required=True),
                field("value", "number", "The figure.", required=True),
                field("unit", "string", "Unit of value.", required=True),
                field("bound", "string", "Kind of figure, as in measurements.bound.", required=True, enum=BOUNDS),
                field("applies_to", "date", "The date the figure describes.", required=True),
                field("note", "string", "Caveat."),
            ],
            "primaryKey": ["reference_key", "subject"],
            "foreignKeys": [reference_fk()],
        },
    },
}
