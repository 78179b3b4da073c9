"""Sphinx extension: make every page of the table of contents citable, from metadata.yml alone.

Each page gets the tags reference managers read (`cite.page_tags`), a "Cite this page" box under
its title with an author-date reference and a BibTeX entry, and a downloadable .bib file; the root
page is cited as the whole book. A page's date and abstract come from `citation:` in its notebook
metadata or front matter; without them, the release date and the page's opening sentences. It also
turns on the repository and launch buttons once metadata.yml names a repository, and gives Sphinx
the canonical address once it names a site.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx

from ..cite.citation import book_bibtex, book_reference, chapter_bibtex, chapter_reference
from ..cite.edition import edition_stem
from ..cite.page_tags import CitedPage, absolute, abstract_from_text, citation_tags, opengraph_tags
from ..core.metadata import full_title, metadata, site_url
from .builders import builds_website

PDF_DIR = "_pdf"
DOWNLOADS_PAGE = "book/downloads"  # the page listing the data, exports, notebooks and citation files


def page_pdf_path(page: CitedPage) -> str:
    """Where a page's PDF lives, relative to the site's root: the book's for the root page."""
    return f"{PDF_DIR}/{edition_stem()}.pdf" if page.is_book else f"{PDF_DIR}/{page.pagename}.pdf"


def _declared(app: Sphinx, pagename: str) -> dict:
    source = Path(app.env.doc2path(pagename))
    if source.suffix == ".ipynb":
        found = json.loads(source.read_text(encoding="utf-8")).get("metadata", {}).get("citation")
    else:
        found = app.env.metadata.get(pagename, {}).get("citation")
        if isinstance(found, str):  # MyST stores nested front matter as a JSON string
            found = json.loads(found)
    return found or {}


def _opening_text(doctree) -> str:
    for paragraph in doctree.findall(nodes.paragraph):
        if not isinstance(paragraph.parent, (nodes.section, nodes.document)):
            continue  # skip admonitions, lists, tables, captions: the opening prose is a plain paragraph
        text = paragraph.astext()
        if text.strip():
            return text
    return ""


def cited_page(app: Sphinx, pagename: str, doctree=None) -> CitedPage | None:
    """The page as a reader cites it, for every page of the table of contents; None for others."""
    if pagename not in app.env.all_docs or pagename not in app.env.titles:
        return None
    declared = _declared(app, pagename)
    is_book = pagename == app.config.root_doc
    date = declared.get("date") or metadata()["released"]
    date = date if isinstance(date, dt.date) else dt.date.fromisoformat(str(date))
    if is_book:
        abstract = " ".join(metadata()["abstract"].split())
    else:
        abstract = declared.get("abstract") or (abstract_from_text(_opening_text(doctree)) if doctree else "")
    if not abstract and doctree is not None:
        raise ValueError(f"{pagename}: no abstract; give one as citation.abstract in its metadata or front matter")
    title = full_title() if is_book else app.env.titles[pagename].astext()
    own = is_book or bool(declared.get("abstract"))
    return CitedPage(pagename, title, date, " ".join(abstract.split()), is_book, abstract_is_own=own)


def _cite_box(page: CitedPage, reference: str, bibtex: str, bib_href: str, downloads_href: str | None) -> str:
    what = "this book" if page.is_book else "this chapter"  # the book's prose calls every page a chapter
    parts = []
    if not page.is_book and page.abstract_is_own:  # an abstract taken from the opening would repeat it
        parts.append(f'<p class="tk-abstract"><strong>Abstract.</strong> {html.escape(page.abstract)}</p>')
    parts.append(
        f'<details class="tk-cite" id="cite-this-chapter">\n<summary>Cite {what}</summary>\n'
        f'<p class="tk-cite-reference">{html.escape(reference)}</p>\n'
        '<div class="highlight-bibtex notranslate"><div class="highlight">'
        f'<pre class="tk-cite-bibtex">{html.escape(bibtex)}</pre></div></div>\n'
        f'<p><a class="tk-cite-download" href="{bib_href}" download>Download the BibTeX entry (.bib)</a></p>\n'
        + (
            f'<p><a class="tk-downloads-link" href="{downloads_href}">Downloads: the data, exports, notebooks '
            "and citation files</a></p>\n"
            if downloads_href
            else ""
        )
        + "</details>"
    )
    return "\n".join(parts)


def _meta(attribute: str, name: str, value: str) -> str:
    return f'<meta {attribute}="{name}" content="{html.escape(value)}" />\n'


def _add_citation(app: Sphinx, pagename, templatename, context, doctree) -> None:
    page = cited_page(app, pagename, doctree) if builds_website(app) else None
    if page is None or "body" not in context:
        return
    pdf = page_pdf_path(page)
    pdf_href = absolute(pdf) or context["pathto"](pdf, 1)
    tags = "".join(_meta("name", name, value) for name, value in citation_tags(page, pdf_href))
    tags += "".join(_meta("property", name, value) for name, value in opengraph_tags(page))
    tags += _meta("name", "description", page.abstract)
    context["metatags"] = context.get("metatags", "") + tags

    if page.is_book:
        reference, bibtex = book_reference(), book_bibtex()
    else:
        reference = chapter_reference(page.title, page.date, pagename)
        bibtex = chapter_bibtex(page.title, page.date, pagename)
    bib_path = Path(app.outdir) / "_cite" / f"{pagename}.bib"
    bib_path.parent.mkdir(parents=True, exist_ok=True)
    bib_path.write_text(bibtex, encoding="utf-8")
    downloads = DOWNLOADS_PAGE if DOWNLOADS_PAGE in app.env.all_docs and pagename != DOWNLOADS_PAGE else None
    box = _cite_box(
        page,
        reference,
        bibtex,
        context["pathto"](f"_cite/{pagename}.bib", 1),
        downloads and context["pathto"](downloads),
    )
    body = context["body"]
    at = body.find("</h1>")
    context["body"] = body[: at + 5] + "\n" + box + body[at + 5 :] if at != -1 else box + body


def _accessible_bibliography(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """docutils marks bibliography entries role="doc-biblioentry" inside role="list"; that role is
    deprecated and is not a list item, so assistive technology (and axe-core) sees an empty list."""
    if "body" in context and 'role="doc-biblioentry"' in context["body"]:
        context["body"] = context["body"].replace('role="doc-biblioentry"', 'role="listitem"')


def _configure_from_metadata(app: Sphinx, config) -> None:
    """Repository and launch buttons, and the canonical address, follow metadata.yml."""
    meta = metadata()
    options = config.html_theme_options
    repository = meta.get("repository_url") or ""
    if repository:
        options.update(
            {
                "repository_url": repository,
                "repository_branch": "main",
                "path_to_docs": "",
                "use_repository_button": True,
                "use_download_button": True,
            }
        )
        options.setdefault("launch_buttons", {}).update(
            {
                "binderhub_url": "https://mybinder.org",
                "colab_url": "https://colab.research.google.com",
                "notebook_interface": "jupyterlab",
            }
        )
    if site_url():
        config.html_baseurl = site_url()  # Sphinx then writes each page's canonical address
    _configure_epub(config, meta)


def _configure_epub(config, meta: dict) -> None:
    """The book's version, and the EPUB's package metadata, from metadata.yml (EPUB 3 wants a version
    and an identifier; config-inited cannot tell which builder will run, and the website ignores these)."""
    import uuid

    config.version = config.release = meta["version"]
    config.epub_title = full_title()
    config.epub_author = "; ".join(a["name"] for a in meta["authors"])
    config.epub_publisher = meta["publisher"]
    config.epub_language = meta["language"]
    config.epub_copyright = f"{meta['released'].year}, {config.epub_author}"
    identifier = uuid.uuid5(uuid.NAMESPACE_URL, f"{site_url() or 'taken-over'}#{meta['version']}")
    # Sphinx writes epub_uid both as the identifier's XML id and as the NCX's uid, which EPUBCheck wants
    # equal to the identifier itself: so one value, a name that is also a valid XML id.
    config.epub_identifier = config.epub_uid = f"taken-over-{identifier}"
    config.epub_scheme = "uuid"
    config.epub_basename = edition_stem()


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", _configure_from_metadata)
    app.connect("html-page-context", _add_citation)
    app.connect("html-page-context", _accessible_bibliography)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
