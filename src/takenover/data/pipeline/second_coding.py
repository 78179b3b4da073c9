"""Stage: the blind second coding of a sample of claims, and how each disagreement was resolved.

The sample and both coders' codes are frozen in second_coding.csv; each disagreement on evidence
status or likelihood has a resolution under a written rule. The register must carry every resolved
code, or a revision in claim_revisions.yml must start from it, so the published codes, resolutions and
corrections cannot drift apart.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..rawio import display_path, read_annotations, read_csv
from ..schema.fields import CONFIDENCES, EVIDENCE_STATUSES, LIKELIHOODS
from .state import Build

COLUMNS = [
    "claim_id",
    "stratum",
    "first_status",
    "first_likelihood",
    "first_confidence",
    "second_status",
    "second_likelihood",
    "second_confidence",
    "second_supports",
    "second_reason",
]
CODES = {"status": EVIDENCE_STATUSES, "likelihood": LIKELIHOODS, "confidence": CONFIDENCES}


def second_coding(sample_path: Path, resolutions_path: Path, out: Build) -> list[dict]:
    file = display_path(sample_path)
    rows = read_csv(sample_path, COLUMNS)
    claims = {c["claim_id"]: c for c in out.tables["claims"]}
    rules = {c["code"] for c in out.tables["claim_codes"] if c["scheme"] == "resolution"}
    res_file = display_path(resolutions_path)
    entries = read_annotations(resolutions_path, ["claim", "rule", "status", "likelihood", "note"])
    resolved = {}
    for n, entry in enumerate(entries, start=1):
        if entry["rule"] not in rules:
            raise InputError(res_file, f"unknown rule {entry['rule']!r} (known: {', '.join(sorted(rules))})", n)
        if entry["claim"] in resolved:
            raise InputError(res_file, f"a second resolution for {entry['claim']}", n)
        resolved[entry["claim"]] = (n, entry)
    # A later revision (claim_revisions) may regrade a sampled claim; the coding is then compared with the
    # grade the revision started from, since that is the grade the two coders' agreement describes.
    first_grades = {}
    for rev in sorted(out.tables["claim_revisions"], key=lambda r: [int(p) for p in r["version"].split(".")]):
        first_grades.setdefault(rev["claim_id"], (rev["old_status"], rev["old_likelihood"]))
    table = []
    for n, row in enumerate(rows, start=1):
        if row["claim_id"] not in claims:
            raise InputError(file, f"unknown claim {row['claim_id']!r}", n)
        for coder in ("first", "second"):
            for scheme, codes in CODES.items():
                if row[f"{coder}_{scheme}"] not in codes:
                    raise InputError(file, f"{coder}_{scheme} {row[f'{coder}_{scheme}']!r} is not a code", n)
        agree = row["first_status"] == row["second_status"] and row["first_likelihood"] == row["second_likelihood"]
        if agree:
            final, rule, note = (row["first_status"], row["first_likelihood"]), None, None
            if row["claim_id"] in resolved:
                raise InputError(
                    res_file,
                    f"{row['claim_id']}: the coders agree, so there is nothing to resolve",
                    resolved[row["claim_id"]][0],
                )
        elif row["claim_id"] not in resolved:
            raise InputError(res_file, f"the coders disagree on {row['claim_id']} but no resolution is given")
        else:
            entry = resolved[row["claim_id"]][1]
            final, rule, note = (entry["status"], entry["likelihood"]), entry["rule"], entry["note"]
        claim = claims[row["claim_id"]]
        carried = first_grades.get(row["claim_id"], (claim["evidence_status"], claim["likelihood"]))
        if carried != final:
            where = "its grade before its first revision" if row["claim_id"] in first_grades else "the register"
            raise InputError(
                file,
                f"{row['claim_id']}: {where} has {carried[0]} / {carried[1]}, but the coding resolves to "
                f"{final[0]} / {final[1]}",
                n,
            )
        table.append(
            {
                **{k: row[k] for k in COLUMNS if k not in ("second_supports", "second_reason")},
                "second_supports": row["second_supports"] or None,
                "second_reason": row["second_reason"],
                "resolved_status": final[0],
                "resolved_likelihood": final[1],
                "rule": rule,
                "resolution_note": note,
                "_origin": (file, n),
            }
        )
    unused = set(resolved) - {r["claim_id"] for r in rows}
    if unused:
        raise InputError(res_file, f"resolutions for claims not in the sample: {sorted(unused)}")
    out.reconcile(file, len(rows), len(table))
    return table
