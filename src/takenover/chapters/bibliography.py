"""The bibliography page: every work the book draws on, how we know it, and whether it can corroborate."""

from __future__ import annotations

import html

from IPython.display import HTML

from ..data.loader import load

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


def _standing(ref, labels: dict[str, str]) -> str:
    """Blank for an independent work; otherwise what it repeats, which is why it cannot corroborate."""
    if ref.independence == "independent":
        return ""
    relayed = ", ".join(labels.get(k, k) for k in str(ref.relays).split("; "))
    return f"relays {relayed}" if ref.independence == "relay" else f"same source as {relayed}"


def references_table() -> HTML:
    """The works grouped by how we know them, each a list item anchored at ref-<key> so the register and
    the chapters can link to it. Grouping prints "how we know it" once per group rather than once per work;
    beside a work stand only what it is known through and what it relays."""
    refs = load("references")
    labels = _labels()
    esc = html.escape
    groups = []
    for read_as, heading in GROUPS.items():
        items = []
        for r in refs[refs["read_as"] == read_as].itertuples():
            work = f'<a href="{esc(r.url)}">{esc(r.label)}</a>' if isinstance(r.url, str) else esc(r.label)
            through = f"known through {labels[r.known_through]}" if isinstance(r.known_through, str) else ""
            notes = [n for n in (through, _standing(r, labels)) if n]
            tail = f" ({esc('; '.join(notes))})" if notes else ""
            items.append(f'<li id="{esc(row_anchor(r.reference_key))}">{work}{tail}</li>')
        if items:
            groups.append(f"<h2>{esc(heading)} ({len(items)})</h2>\n<ul>" + "".join(items) + "</ul>")
    return HTML('<div class="tk-references">\n' + "\n".join(groups) + "\n</div>")
