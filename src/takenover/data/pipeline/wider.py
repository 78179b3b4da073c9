"""Stage: the wider-record review. The searches run beyond the three texts, the record of what each open
claim was looked for and found, and the revisions of grades that review caused.

Each is held to the claims register: every open claim must have been looked for, and a revision's new
grade must be the claim's grade now, so the corrections record cannot drift from the register.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from ..rawio import check_unique, display_path, read_annotations
from ..schema.wider import RECHECK_OUTCOMES, SEARCH_CORPORA, SEARCH_RUNNERS
from ..textnorm import clean
from .state import Build

OPEN_STATUSES = {"single_source", "not_checkable"}
GRADE = ["status", "likelihood", "confidence"]
VERSION = re.compile(r"^\d+\.\d+\.\d+$")


def _listed(entry: dict, key: str, file: str, number: int) -> list[str]:
    value = entry.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(file, f"{key} must be a list of keys", number)
    return value


def _known(items: list[str], known: set[str], what: str, key: str, file: str, number: int) -> None:
    unknown = [i for i in items if i not in known]
    if unknown:
        raise InputError(file, f"{key} names {unknown}, which are not {what}", number)


def searches(path: Path, out: Build) -> list[dict]:
    entries = read_annotations(path, ["id", "run_by", "corpus", "query", "returned"], ["found"])
    file = display_path(path)
    check_unique(entries, "id", file)
    refs = {r["reference_key"] for r in out.tables["references"]}
    rows = []
    for number, e in enumerate(entries, start=1):
        if not re.fullmatch(r"S\d{3}", str(e["id"])):
            raise InputError(file, f"id {e['id']!r} is not of the form S001", number)
        if e["run_by"] not in SEARCH_RUNNERS or e["corpus"] not in SEARCH_CORPORA:
            raise InputError(file, f"run_by must be one of {SEARCH_RUNNERS} and corpus one of {SEARCH_CORPORA}", number)
        found = _listed(e, "found", file, number)
        _known(found, refs, "references", "found", file, number)
        rows.append(
            {
                "search_id": e["id"],
                "run_by": e["run_by"],
                "corpus": e["corpus"],
                "query": clean(str(e["query"])),
                "returned": clean(e["returned"]),
                "found": "; ".join(found) or None,
                "_origin": (file, number),
            }
        )
    out.reconcile(file, len(entries), len(rows))
    return rows


def claim_rechecks(path: Path, out: Build) -> list[dict]:
    entries = read_annotations(path, ["claim", "question", "outcome", "note"], ["found", "searches"])
    file = display_path(path)
    check_unique(entries, "claim", file)
    claims = {c["claim_id"]: c for c in out.tables["claims"]}
    refs = {r["reference_key"] for r in out.tables["references"]}
    search_ids = {s["search_id"] for s in out.tables["searches"]}
    rows = []
    for number, e in enumerate(entries, start=1):
        _known([e["claim"]], set(claims), "claims in the register", "claim", file, number)
        ran = _listed(e, "searches", file, number)
        found = _listed(e, "found", file, number)
        _known(ran, search_ids, "searches in searches.yml", "searches", file, number)
        _known(found, refs, "references", "found", file, number)
        if not ran and claims[e["claim"]]["evidence_status"] != "not_checkable":
            raise InputError(file, f"{e['claim']} can be checked in principle, so name the searches run", number)
        if e["outcome"] not in RECHECK_OUTCOMES:
            raise InputError(file, f"outcome must be one of {RECHECK_OUTCOMES}", number)
        if e["outcome"] != "silent" and not found:
            raise InputError(file, f"an outcome of {e['outcome']!r} must name what was found", number)
        rows.append(
            {
                "claim_id": e["claim"],
                "question": clean(e["question"]),
                "search_ids": "; ".join(ran) or None,
                "found": "; ".join(found) or None,
                "outcome": e["outcome"],
                "note": clean(e["note"]),
                "_origin": (file, number),
            }
        )
    looked_for = {r["claim_id"] for r in rows}
    revised = {r["claim_id"] for r in out.tables.get("claim_revisions", [])}
    missing = sorted(c for c, claim in claims.items() if claim["evidence_status"] in OPEN_STATUSES or c in revised)
    missing = [c for c in missing if c not in looked_for]
    if missing:
        raise InputError(file, f"open or regraded claims never looked for in the wider record: {missing}")
    out.reconcile(file, len(entries), len(rows))
    return rows


def claim_revisions(path: Path, out: Build) -> list[dict]:
    entries = read_annotations(path, ["claim", "version", "old", "new", "sources", "reason"])
    file = display_path(path)
    claims = {c["claim_id"]: c for c in out.tables["claims"]}
    refs = {r["reference_key"] for r in out.tables["references"]}
    rows, seen = [], set()
    for number, e in enumerate(entries, start=1):
        claim = claims.get(e["claim"])
        if claim is None:
            raise InputError(file, f"claim {e['claim']!r} is not in the register", number)
        if not VERSION.match(str(e["version"])):
            raise InputError(file, f"version {e['version']!r} is not a version number such as 0.3.0", number)
        if (e["claim"], str(e["version"])) in seen:
            raise InputError(file, f"{e['claim']} is revised twice in version {e['version']}", number)
        seen.add((e["claim"], str(e["version"])))
        old, new = (_grade(e, side, file, number) for side in ("old", "new"))
        if old == new:
            raise InputError(file, "old and new grades are the same; a revision must change something", number)
        current = {
            "status": claim["evidence_status"],
            "likelihood": claim["likelihood"],
            "confidence": claim["confidence"],
        }
        latest = max((str(x["version"]) for x in entries if x["claim"] == e["claim"]), key=_as_tuple)
        if str(e["version"]) == latest and new != current:
            raise InputError(file, f"new grade {new} is not {e['claim']}'s grade in claims.yml, {current}", number)
        sources = _listed(e, "sources", file, number)
        _known(sources, refs, "references", "sources", file, number)
        if not sources:
            raise InputError(file, "name the sources the revision rests on", number)
        rows.append(
            {
                "claim_id": e["claim"],
                "version": str(e["version"]),
                **{f"{side}_{k}": grade[k] for side, grade in (("old", old), ("new", new)) for k in GRADE},
                "sources": "; ".join(sources),
                "reason": clean(e["reason"]),
                "_origin": (file, number),
            }
        )
    out.reconcile(file, len(entries), len(rows))
    return rows


def _grade(entry: dict, side: str, file: str, number: int) -> dict:
    grade = entry[side]
    if not isinstance(grade, dict) or sorted(grade) != sorted(GRADE):
        raise InputError(file, f"{side} must give exactly {', '.join(GRADE)}", number)
    return grade


def _as_tuple(version) -> tuple[int, ...]:
    return tuple(int(p) for p in str(version).split("."))
