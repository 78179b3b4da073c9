"""Check a PDF's links with pikepdf: every link inside the document must land somewhere.

A link inside the PDF names a destination (a name in the document's /Dests, or a page); Chromium
writes one for each `href="#id"` whose target printed. A link whose target was hidden, or a page the
whole book left out, names a destination that does not exist: a reader clicks and nothing happens.
Links out of the PDF are web addresses; one to the printer's own placeholder host would be a dead end.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf

from .browser import PLACEHOLDER_BASE


def _names(doc: pikepdf.Pdf) -> set[str]:
    """Every named destination: the /Dests name tree (PDF 1.2+) and the old /Dests dictionary."""
    found: set[str] = set()
    if "/Names" in doc.Root and "/Dests" in doc.Root.Names:
        found.update(str(name) for name, _ in pikepdf.NameTree(doc.Root.Names.Dests).items())
    if "/Dests" in doc.Root:
        found.update(str(key)[1:] for key in doc.Root.Dests)
    return found


def _name(target) -> str:
    """A destination's name: written as a PDF name (/id3) or a string (id3)."""
    return str(target)[1:] if isinstance(target, pikepdf.Name) else str(target)


def _destination(annot) -> object | None:
    if "/Dest" in annot:
        return annot.Dest
    action = annot.get("/A")
    if action is not None and action.get("/S") == "/GoTo":
        return action.D
    return None


def link_report(path: Path) -> tuple[int, list[str]]:
    """(internal links found, problems): each problem names the page and the missing target."""
    problems, internal = [], 0
    with pikepdf.open(path) as doc:
        names = _names(doc)
        pages = {page.objgen for page in doc.pages}
        for number, page in enumerate(doc.pages, start=1):
            for annot in page.get("/Annots", []):
                if annot.get("/Subtype") != "/Link":
                    continue
                action = annot.get("/A")
                if action is not None and action.get("/S") == "/URI":
                    if str(action.URI).startswith(PLACEHOLDER_BASE):
                        problems.append(f"page {number}: a link to the printer's placeholder {action.URI}")
                    continue
                target = _destination(annot)
                if target is None:
                    continue
                internal += 1
                if isinstance(target, pikepdf.Array):
                    if len(target) == 0 or target[0].objgen not in pages:
                        problems.append(f"page {number}: a link to a page that is not in the document")
                elif _name(target) not in names:
                    problems.append(f"page {number}: a link to {_name(target)!r}, which is nowhere in the document")
    return internal, problems
