"""Finish a PDF from Chromium: the book's metadata, fixed dates and a deterministic file.

Chromium stamps the time of printing as the creation and modification dates, and its Info
dictionary names the browser; everything else it writes is the same from one print to the next.
This replaces the Info dictionary and adds matching XMP metadata (title, authors, subject,
keywords, dated to the release), then has qpdf write the file with an /ID computed from the
content, so the same commit gives the same bytes.

Chromium also builds the outline from the headings as laid out, and drops the space where a
heading wraps ("takeover,January"); `restore_outline` puts back the headings' own text.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import pikepdf

from ..cite.edition import AUTHOR_SEPARATOR


def pdf_date(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).strftime("D:%Y%m%d%H%M%SZ")


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
