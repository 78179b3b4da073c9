"""The claims as a compact table a reader can scan on a phone: one row per claim with five columns (id,
claim, claimant, grade, verdict) and, folded under the verdict, the evidence behind it.

The same rows serve the full register (book/register, with filters, sorting and the evidence) and
each episode's own claims (collapsed, linking to the register for the evidence). The HTML is complete
without scripts: every row and every column is in the table, so print, a reader with JavaScript off
and JupyterLab see it all. The site's script (takenover-register.js) adds the filters and sorting,
reading each row's facets from its data attributes.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

import pandas as pd
from IPython.display import HTML

from ..charts.style import EPISODE_NAMES, label
from ..data.loader import load
from ..data.schema.fields import CONFIDENCES, LIKELIHOODS
from .grades import grade
from .references import references

COLUMNS = ["id", "claim", "claimant", "grade", "verdict"]
# The facets a reader can filter by: data attribute -> the control's label.
FACETS = {"episode": "Episode", "status": "Evidence", "type": "Type", "core": "Core"}
esc = html.escape


def grade_order(likelihood: str, confidence: str) -> int:
    """Sort key of a grade: most likely first, and within a likelihood, firmest first."""
    return 10 * LIKELIHOODS.index(likelihood) + CONFIDENCES.index(confidence)


def _claims() -> pd.DataFrame:
    return load("claims").set_index("claim_id", drop=False)


def _where(claim: pd.Series, source_label: str) -> str:
    """The line of the primary text, and the chain of report behind it where there is one."""
    links = str(claim["attribution_chain"]).split(" ← ")
    if links == [source_label]:
        return f"Line {claim['line']}"
    links[0] = f"{links[0]}, line {claim['line']}"
    return esc(" ← ".join(links))


def _words(claim: pd.Series, excerpt: pd.Series | None) -> str:
    parts = []
    if excerpt is not None:
        parts.append(esc("\u201c" + excerpt["excerpt"] + ("\u2026" if excerpt["shortened"] else "") + "\u201d"))
    if isinstance(claim["hedges"], str):
        parts.append(f"hedges: {esc(claim['hedges'])}")
    elif isinstance(claim["hedge_kinds"], str):
        parts.append(f"hedges (kinds only): {esc(claim['hedge_kinds'])}")
    return "; ".join(parts)


def _revisions(rows: pd.DataFrame) -> str:
    return " ".join(
        f"{esc(r.version)}: {esc(grade(r.old_status, r.old_likelihood, r.old_confidence))} \u2192 "
        f"{esc(grade(r.new_status, r.new_likelihood, r.new_confidence))}. {esc(r.reason)}"
        for r in rows.itertuples()
    )


def _found(recheck: pd.Series | None, shown: set[str]) -> str:
    """What the searches of the wider record found, where they settled the claim, besides what is shown.

    Where they did not, the verdict says what was looked for; counting the searches would add words only.
    """
    if recheck is None or recheck["outcome"] != "answers":
        return ""
    return references(recheck["found"], exclude=shown)


def _evidence(
    claim: pd.Series, source_label: str, excerpt: pd.Series | None, recheck: pd.Series | None, revised: pd.DataFrame
) -> str:
    """The folded evidence of one claim: where it is and how it reached the text, its words, what backs or
    contradicts it, what the wider record settled, and every regrade. Kept short: it counts toward the
    book's length."""
    backing = {k.strip() for col in ("corroborated_by", "contradicted_by") for k in str(claim[col]).split(";")}
    labelled = [
        ("Corroborated by", references(claim["corroborated_by"])),
        ("Contradicted by", references(claim["contradicted_by"])),
        ("Also found", _found(recheck, backing)),
        ("Regraded", _revisions(revised)),
    ]
    lines = [_where(claim, source_label), _words(claim, excerpt)]
    lines += [f'<span class="tk-label">{name}:</span> {value}' for name, value in labelled if value]
    body = "".join(f"<p>{line}</p>" for line in lines if line)
    return f'<details class="tk-evidence"><summary>Evidence</summary>{body}</details>'


def _row(claim: pd.Series, columns: list[str], evidence: str | None, anchor: bool) -> str:
    facets = {
        "episode": EPISODE_NAMES[claim["incident_id"]],
        "status": label(claim["evidence_status"]),
        "type": label(claim["claim_type"]),
        "core": "core claims" if claim["core"] else "other claims",
    }
    attributes = "".join(f' data-{name}="{esc(value)}"' for name, value in facets.items())
    row_id = f' id="{esc(claim["claim_id"].lower())}"' if anchor else ""
    order = grade_order(claim["likelihood"], claim["confidence"])
    cells = {
        "id": f'<th scope="row">{esc(claim["claim_id"])}</th>',
        "claim": f'<td data-label="Claim">{esc(claim["restatement"])}</td>',
        "claimant": f'<td data-label="Claimant">{esc(claim["claimant"])}</td>',
        "grade": f'<td data-label="Grade" data-order="{order}">'
        f"{esc(grade(claim['evidence_status'], claim['likelihood'], claim['confidence']))}</td>",
        "verdict": f'<td data-label="Verdict">{esc(claim["verdict"])}{evidence or ""}</td>',
    }
    return f"<tr{row_id}{attributes}>{''.join(cells[c] for c in columns)}</tr>"


def _controls(table_id: str) -> str:
    """The filters' frame, shown only with scripts on; the script adds each facet's values and the count."""
    selects = "".join(
        f'<label>{name} <select data-facet="{facet}"><option value="">all</option></select></label>'
        for facet, name in FACETS.items()
    )
    return (
        f'<div class="tk-register-controls" data-table="{table_id}">{selects}'
        f'<label>Search <input type="search" data-search autocomplete="off"></label>'
        f'<p class="tk-register-count" role="status"></p></div>'
    )


def claim_table(
    claim_ids: Iterable[str],
    *,
    table_id: str,
    caption: str,
    columns: list[str] = COLUMNS,
    evidence: bool = True,
    anchors: bool = True,
) -> str:
    """The compact table of the given claims, in their order, as HTML.

    `columns` is a selection of COLUMNS, in their order. With `evidence`, each verdict folds the evidence
    behind it; with `anchors`, each row carries the id that claim links point to (only the register's rows
    may: ids must be unique across the site's links).
    """
    if [c for c in COLUMNS if c in columns] != list(columns) or "id" not in columns:
        raise ValueError(f"columns must be a selection of {COLUMNS}, in order, with the id")
    claims = _claims().loc[list(claim_ids)]
    excerpts = load("claim_excerpts").set_index("claim_id")
    rechecks = load("claim_rechecks").set_index("claim_id")
    revisions = load("claim_revisions")
    sources = load("sources").set_index("source_id")["label"]
    rows = []
    for _, claim in claims.iterrows():
        cid = claim["claim_id"]
        folded = None
        if evidence and "verdict" in columns:
            folded = _evidence(
                claim,
                sources[claim["source_id"]],
                excerpts.loc[cid] if cid in excerpts.index else None,
                rechecks.loc[cid] if cid in rechecks.index else None,
                revisions[revisions["claim_id"] == cid],
            )
        rows.append(_row(claim, columns, folded, anchors))
    head = "".join(f'<th scope="col">{name}</th>' for name in columns)
    return (
        f'<table id="{table_id}" class="data-table tk-register">\n<caption>{esc(caption)}</caption>\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"
    )


def register(table_id: str = "claims-register") -> HTML:
    """The whole register, with its filters: every claim in the data's order, with its evidence."""
    ids = _claims()["claim_id"]
    return HTML(
        f'<div class="tk-register-wrap">\n{_controls(table_id)}\n'
        + claim_table(ids, table_id=table_id, caption="The claims register")
        + "\n</div>"
    )


def episode_claims(incident_id: str) -> HTML:
    """One episode's claims, collapsed and grouped by grade, most likely first: each grade is printed
    once, above the claims that have it. Each id links to its register row, where the verdict and the
    evidence are."""
    claims = _claims()
    mine = claims[claims["incident_id"] == incident_id].copy()
    mine["order"] = [grade_order(c.likelihood, c.confidence) for c in mine.itertuples()]
    mine["grade"] = [grade(c.evidence_status, c.likelihood, c.confidence) for c in mine.itertuples()]
    groups = []
    # A stable sort keeps the data's order within a grade; the status breaks ties between grades.
    for name, rows in mine.sort_values(["order", "evidence_status"], kind="stable").groupby("grade", sort=False):
        items = "".join(f"<li>{esc(c.claim_id)} {esc(c.restatement)}</li>" for c in rows.itertuples())
        groups.append(f'<p class="tk-grade-group"><strong>{esc(name)}</strong>: {len(rows)}</p>\n<ul>{items}</ul>')
    return HTML(
        f'<details class="tk-claims-section" id="claims-{esc(incident_id)}">\n<summary>All {len(mine)} claims '
        f"about this episode, by grade</summary>\n" + "\n".join(groups) + "\n</details>"
    )
