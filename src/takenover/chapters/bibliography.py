"""The bibliography page: every work the book draws on, how we know it, and whether it can corroborate."""

from __future__ import annotations

import html

import pandas as pd
from IPython.display import HTML

from ..data.loader import load

HOW_KNOWN = {
    "stored_copy": "stored copy read",
    "reference_notes": "checked notes",
    "not_held": "no copy read",
}


def row_anchor(key: str) -> str:
    """The id of a work's row in the table, which other pages link to (chapters.references)."""
    return f"ref-{key}"


def _labels() -> dict[str, str]:
    return {
        **load("sources").set_index("source_id")["label"].to_dict(),
        **load("references").set_index("reference_key")["label"].to_dict(),
    }


def reference_rows() -> pd.DataFrame:
    """One row per reference, in the order of the references table, with plain-text cells."""
    refs = load("references")
    labels = _labels()

    def known(r) -> str:
        how = HOW_KNOWN[str(r.read_as)]
        return f"{how}; known through {labels[r.known_through]}" if isinstance(r.known_through, str) else how

    def standing(r) -> str:
        """Blank for an independent work; otherwise what it repeats, which is why it cannot corroborate."""
        if r.independence == "independent":
            return ""
        relayed = ", ".join(labels.get(k, k) for k in str(r.relays).split("; "))
        return f"relays {relayed}" if r.independence == "relay" else f"same source as {relayed}"

    return pd.DataFrame(
        {
            "key": refs["reference_key"].values,
            "work": refs["label"].values,
            "title": refs["title"].values,
            "url": refs["url"].values,
            "how we know it": [known(r) for r in refs.itertuples()],
            "can corroborate": [standing(r) for r in refs.itertuples()],
        }
    )


def references_table() -> HTML:
    """The table, each row anchored at ref-<key> so the register and the chapters can link to it."""
    rows = reference_rows()
    esc = html.escape
    body = []
    for r in rows.itertuples():
        work = f'<a href="{esc(r.url)}">{esc(r.work)}</a>' if isinstance(r.url, str) else esc(r.work)
        cells = [work, esc(r[5]), esc(r[6])]
        body.append(f'<tr id="{esc(row_anchor(r.key))}">' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    head = "".join(f'<th scope="col">{c}</th>' for c in ("work", "how we know it", "not independent: it relays"))
    return HTML(
        '<table class="data-table tk-references">\n<caption>Every work the book draws on</caption>\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(body) + "\n</tbody>\n</table>"
    )
