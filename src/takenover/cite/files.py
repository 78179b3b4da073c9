"""Write the generated citation files: CITATION.cff, .zenodo.json and book/references.bib.

python -m takenover.cite.files           # write them
python -m takenover.cite.files --check   # fail if the committed ones are stale
"""

from __future__ import annotations

import argparse
import sys

import pandas as pd

from ..core.paths import REPO_ROOT
from ..data.loader import load
from .citation import _bib_entry, _bib_escape, bib_month, citation_cff
from .generated import write_or_check
from .zenodo import zenodo_json

REFERENCE_TYPES = {
    "book": "book",
    "newspaper": "article",
    "news": "misc",
    "blog": "misc",
    "magazine": "article",
    "report": "techreport",
    "record": "misc",
    "software": "misc",
    "dataset": "misc",
    "documentation": "misc",
    "web": "misc",
}


def references_bib() -> str:
    """BibTeX for the primary texts and every reference, from the clean tables."""
    entries = ["% Generated from the sources and references tables; do not edit by hand.\n"]
    for s in load("sources").itertuples():
        entries.append(
            _bib_entry(
                "misc",
                s.source_id,
                {
                    "author": _bib_escape(s.author)
                    if isinstance(s.author, str)
                    else "{" + _bib_escape(s.outlet.split(" (")[0]) + "}",
                    "title": "{" + _bib_escape(s.title) + "}",
                    "howpublished": _bib_escape(s.outlet.split(" (")[0]),
                    "year": str(s.published.year),
                    "month": bib_month(s.published),
                    "url": s.url,
                    "note": "Primary text; date: " + _bib_escape(s.date_basis),
                },
            )
        )
    labels = {
        **load("sources").set_index("source_id")["label"],
        **load("references").set_index("reference_key")["label"],
    }
    for r in load("references").itertuples():
        kind = REFERENCE_TYPES[str(r.type)]
        venue_field = {"article": "journal", "book": "publisher", "techreport": "institution"}.get(kind, "howpublished")
        dated = isinstance(r.published, pd.Timestamp)
        how_known = {
            "stored_copy": "Stored copy read.",
            "reference_notes": "Checked against a stored copy.",
            "not_held": f"Known only through {labels.get(r.known_through, r.known_through)}.",
        }[str(r.read_as)]
        if isinstance(r.date_basis, str) and r.date_basis.startswith("inferred"):
            how_known += " Date inferred."
        entries.append(
            _bib_entry(
                kind,
                r.reference_key,
                {
                    # Without a personal author, the outlet stands as a corporate author (braced, so it stays whole).
                    "author": _bib_escape(r.author)
                    if isinstance(r.author, str)
                    else "{" + _bib_escape(r.outlet.split(" (")[0].split(",")[0]) + "}"
                    if isinstance(r.outlet, str)
                    else "",
                    "title": "{" + _bib_escape(r.title) + "}",  # braced: keep the source's capitals
                    # The outlet is printed once: as the corporate author of a work with no byline.
                    venue_field: _bib_escape(r.outlet)
                    if isinstance(r.outlet, str) and (isinstance(r.author, str) or kind != "misc")
                    else "",
                    "year": str(r.published.year) if dated else "n.d.",
                    "month": bib_month(r.published) if dated and str(r.date_precision) != "year" else "",
                    "url": r.url if isinstance(r.url, str) else "",
                    # How the book knows the work; what it is cited for is in the references table.
                    "note": _bib_escape(how_known),
                },
            )
        )
    return "\n".join(entries)


def generated() -> dict:
    return {
        REPO_ROOT / "CITATION.cff": citation_cff(),
        REPO_ROOT / ".zenodo.json": zenodo_json(),
        REPO_ROOT / "book" / "references.bib": references_bib(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m takenover.cite.files", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a committed file differs")
    args = parser.parse_args(argv)
    files = {path: text.encode("utf-8") for path, text in generated().items()}
    return write_or_check(files, args.check, "make citation")


if __name__ == "__main__":
    sys.exit(main())
