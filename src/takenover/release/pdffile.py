"""Finish a PDF from Chromium: the book's metadata, fixed dates and a deterministic file.

Chromium stamps the time of printing as the creation and modification dates, and its Info
dictionary names the browser; everything else it writes is the same from one print to the next.
This replaces the Info dictionary and adds matching XMP metadata (title, authors, subject,
keywords, dated to the release), then has qpdf write the file with an /ID computed from the
content, so the same commit gives the same bytes.

Two more things vary or go wrong in Chromium's output. Its tagged PDF names structure elements
after the browser's internal node numbers ("node00000027"), which depend on what the browser did
before; `renumber_nodes` numbers them in order from 1. And it builds the outline from the headings
as laid out, dropping the space where a heading wraps ("takeover,January"); `restore_outline`
puts back the headings' own text.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import pikepdf

from ..cite.edition import AUTHOR_SEPARATOR


def pdf_date(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).strftime("D:%Y%m%d%H%M%SZ")


NODE_NAME = re.compile(r"node(\d{8})")


def _node_names(obj, found: set[str], seen: set) -> None:
    if isinstance(obj, pikepdf.String):
        if NODE_NAME.fullmatch(str(obj)):
            found.add(str(obj))
    elif isinstance(obj, pikepdf.Dictionary | pikepdf.Array):
        if obj.is_indirect:
            if obj.objgen in seen:
                return
            seen.add(obj.objgen)
        for child in obj.values() if isinstance(obj, pikepdf.Dictionary) else obj:
            _node_names(child, found, seen)


def _rename(obj, names: dict[str, str], seen: set) -> None:
    if obj.is_indirect:
        if obj.objgen in seen:
            return
        seen.add(obj.objgen)
    keys = list(obj.keys()) if isinstance(obj, pikepdf.Dictionary) else range(len(obj))
    for key in keys:
        child = obj[key]
        if isinstance(child, pikepdf.String) and str(child) in names:
            obj[key] = pikepdf.String(names[str(child)])
        elif isinstance(child, pikepdf.Dictionary | pikepdf.Array):
            _rename(child, names, seen)


def renumber_nodes(doc: pikepdf.Pdf) -> None:
    """Number the structure elements' node names 1, 2, 3... in their original order."""
    if "/StructTreeRoot" not in doc.Root:
        return
    found: set[str] = set()
    _node_names(doc.Root.StructTreeRoot, found, set())
    ordered = sorted(found, key=lambda name: int(name[4:]))
    _rename(doc.Root.StructTreeRoot, {old: f"node{n:08d}" for n, old in enumerate(ordered, start=1)}, set())


def _items(items) -> list:
    return [found for item in items for found in [item, *_items(item.children)]]


def restore_outline(doc: pikepdf.Pdf, headings: list[str]) -> None:
    """Give each outline entry its heading's text, where only whitespace was lost."""
    with doc.open_outline() as outline:
        items = _items(outline.root)
        if len(items) != len(headings):
            return
        for item, heading in zip(items, headings, strict=True):
            if re.sub(r"\s", "", item.title) == re.sub(r"\s", "", heading):
                item.title = heading


def finish(pdf: bytes, info: dict[str, str], when: dt.datetime, headings: list[str] | None = None) -> bytes:
    """The PDF with `info` (Title, Author, Subject, Keywords, Creator) and dates set to `when`,
    and its outline in the words of `headings` (the printed headings, in order)."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        renumber_nodes(doc)
        if headings:
            restore_outline(doc, headings)
        producer = f"{doc.docinfo.get('/Producer', 'Chromium')}; pikepdf {pikepdf.__version__}"
        with doc.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
            xmp["dc:title"] = info["Title"]
            xmp["dc:creator"] = info["Author"].split(AUTHOR_SEPARATOR)
            xmp["dc:description"] = info["Subject"]
            xmp["pdf:Keywords"] = info["Keywords"]
            xmp["pdf:Producer"] = producer
            xmp["xmp:CreatorTool"] = info["Creator"]
            for key in ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"):
                xmp[key] = when.isoformat()
        docinfo = pikepdf.Dictionary({f"/{key}": pikepdf.String(value) for key, value in info.items()})
        docinfo["/Producer"] = pikepdf.String(producer)
        docinfo["/CreationDate"] = docinfo["/ModDate"] = pikepdf.String(pdf_date(when))
        doc.trailer.Info = doc.make_indirect(docinfo)
        doc.Root.ViewerPreferences = pikepdf.Dictionary({"/DisplayDocTitle": True})
        out = io.BytesIO()
        doc.save(out, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return out.getvalue()
