"""Sphinx extension: make every chapter citable, from metadata.yml alone.

For each chapter (a notebook, or a page whose front matter has `citation:`),
it adds Highwire Press `citation_*` meta tags for reference managers, a
"Cite this chapter" box under the title with an author-date reference and a
BibTeX entry, and a downloadable .bib file. It also turns on the repository
and launch buttons once metadata.yml names a repository.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from pathlib import Path

from sphinx.application import Sphinx

from ..cite.citation import chapter_bibtex, chapter_reference, highwire_tags
from ..core.metadata import metadata


def chapter_metadata(app: Sphinx, pagename: str) -> dict | None:
    """The chapter's own citation metadata (date, optional abstract), or None for other pages."""
    if pagename not in app.env.all_docs:
        return None
    source = Path(app.env.doc2path(pagename))
    if source.suffix == ".ipynb":
        found = json.loads(source.read_text(encoding="utf-8")).get("metadata", {}).get("citation")
    else:
        found = app.env.metadata.get(pagename, {}).get("citation")
        if isinstance(found, str):  # MyST stores nested front matter as a JSON string
            found = json.loads(found)
    if not found:
        return None
    date = found["date"]
    return {
        "date": date if isinstance(date, dt.date) else dt.date.fromisoformat(str(date)),
        "abstract": found.get("abstract"),
    }


def _cite_box(reference: str, bibtex: str, bib_href: str, abstract: str | None) -> str:
    parts = []
    if abstract:
        parts.append(f'<p class="tk-abstract"><strong>Abstract.</strong> {html.escape(abstract)}</p>')
    parts.append(
        '<details class="tk-cite" id="cite-this-chapter">\n<summary>Cite this chapter</summary>\n'
        f'<p class="tk-cite-reference">{html.escape(reference)}</p>\n'
        '<div class="highlight-bibtex notranslate"><div class="highlight">'
        f'<pre class="tk-cite-bibtex">{html.escape(bibtex)}</pre></div></div>\n'
        f'<p><a class="tk-cite-download" href="{bib_href}" download>Download the BibTeX entry (.bib)</a></p>\n'
        "</details>"
    )
    return "\n".join(parts)


def _add_citation(app: Sphinx, pagename, templatename, context, doctree) -> None:
    chapter = chapter_metadata(app, pagename)
    if chapter is None or "body" not in context:
        return
    title = app.env.titles[pagename].astext()
    date = chapter["date"]
    tags = "".join(
        f'<meta name="{name}" content="{html.escape(value)}" />\n'
        for name, value in highwire_tags(title, date, pagename)
    )
    context["metatags"] = context.get("metatags", "") + tags

    bibtex = chapter_bibtex(title, date, pagename)
    bib_path = Path(app.outdir) / "_cite" / f"{pagename}.bib"
    bib_path.parent.mkdir(parents=True, exist_ok=True)
    bib_path.write_text(bibtex, encoding="utf-8")
    href = context["pathto"](f"_cite/{pagename}.bib", 1)
    box = _cite_box(chapter_reference(title, date, pagename), bibtex, href, chapter["abstract"])
    body = context["body"]
    at = body.find("</h1>")
    context["body"] = body[: at + 5] + "\n" + box + body[at + 5 :] if at != -1 else box + body


def _accessible_bibliography(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """docutils marks bibliography entries role="doc-biblioentry" inside role="list"; that role is
    deprecated and is not a list item, so assistive technology (and axe-core) sees an empty list."""
    if "body" in context and 'role="doc-biblioentry"' in context["body"]:
        context["body"] = context["body"].replace('role="doc-biblioentry"', 'role="listitem"')


def _configure_from_metadata(app: Sphinx, config) -> None:
    """Repository and launch buttons, and OpenGraph, follow metadata.yml."""
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
    config.ogp_site_url = meta.get("site_url") or ""
    config.ogp_social_cards = {"enable": False}
    config.ogp_site_name = meta["title"]


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", _configure_from_metadata)
    app.connect("html-page-context", _add_citation)
    app.connect("html-page-context", _accessible_bibliography)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
