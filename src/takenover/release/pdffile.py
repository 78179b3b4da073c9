"""Finish a PDF from Chromium: the book's metadata, fixed dates and a deterministic file.

Chromium stamps the time of printing as the creation and modification dates, and its Info
dictionary names the browser; everything else it writes is the same from one print to the next.
This replaces the Info dictionary and adds matching XMP metadata (title, authors, subject,
keywords, dated to the release), then has qpdf write the file with an /ID computed from the
content, so the same commit gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io

import pikepdf

from ..cite.edition import AUTHOR_SEPARATOR


def pdf_date(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).strftime("D:%Y%m%d%H%M%SZ")


def finish(pdf: bytes, info: dict[str, str], when: dt.datetime) -> bytes:
    """The PDF with `info` (Title, Author, Subject, Keywords, Creator) and dates set to `when`."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
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
