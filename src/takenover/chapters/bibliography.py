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
# The bibliography's groups, in order: how we know the works in each.
GROUPS = {
    "stored_copy": "Read as a stored copy",
    "reference_notes": "Checked notes on a stored copy",
    "not_held": "No copy read: known only through a report",
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
    """The works grouped by how we know them, each a list item anchored at ref-<key> so the register and
    the chapters can link to it. Grouping prints "how we know it" once per group rather than once per work."""
    rows = reference_rows()
    refs = load("references").set_index("reference_key")
    esc = html.escape
    groups = []
    for read_as, heading in GROUPS.items():
        items = []
        for r in rows[refs.loc[rows["key"], "read_as"].values == read_as].itertuples():
            work = f'<a href="{esc(r.url)}">{esc(r.work)}</a>' if isinstance(r.url, str) else esc(r.work)
            notes = [n for n in (r[5].removeprefix(HOW_KNOWN[read_as]).removeprefix("; "), r[6]) if n]
            tail = f" ({esc('; '.join(notes))})" if notes else ""
            items.append(f'<li id="{esc(row_anchor(r.key))}">{work}{tail}</li>')
        if items:
            groups.append(f"<h2>{esc(heading)} ({len(items)})</h2>\n<ul>" + "".join(items) + "</ul>")
    return HTML('<div class="tk-references">\n' + "\n".join(groups) + "\n</div>")
