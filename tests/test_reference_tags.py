"""Every page of the table of contents, read as Zotero reads it.

`zotero_item` below restates, in Python, the rules of Zotero's "Embedded Metadata" translator
(zotero/translators, with `ZU.cleanAuthor` from zotero/utilities and the API conversion that
drops a creator's empty first name): which tag makes the item a book or a book section, how
`citation_author` is split into names, which tag wins for each field, and how addresses are
resolved against the page. The tests hold each built page to what a reader importing it should
get. They were checked against the real translation-server by hand (see the issue's closing note).
"""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from takenover.cite import page_tags
from takenover.cite.page_tags import CitedPage, citation_tags, opengraph_tags
from takenover.core import metadata as metadata_module
from takenover.core.metadata import full_title, metadata

from conftest import toc_pages

PAGES = toc_pages()
PLACE = "http://127.0.0.1:8000/"  # where a reader's browser finds the site; any address will do


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, str]] = []
        self.canonical: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and (attrs.get("name") or attrs.get("property")) and attrs.get("content") is not None:
            self.tags.append((attrs.get("name") or attrs["property"], attrs["content"]))
        if tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = attrs.get("href")


def page_tags_of(path: Path) -> _Tags:
    parsed = _Tags()
    parsed.feed(path.read_text(encoding="utf-8"))
    return parsed


def clean_author(value: str, use_comma: bool) -> dict:
    """ZU.cleanAuthor, then itemToAPIJSON: a creator without a first name is one field (`name`)."""
    value = re.sub(r"[\s\u00a0.,/\[\]:]+$", "", re.sub(r"^[\s\u00a0.,/\[\]:]+", "", value))
    if use_comma:
        parts = re.split(r"[,\u060c] ?", value)
        last, first = (parts[0], parts[1]) if len(parts) > 1 else (value, "")
    else:
        last, first = value.rsplit(" ", 1)[::-1] if " " in value else (value, "")
    return {"name": last} if not first else {"firstName": first, "lastName": last}


def zotero_item(tags: list[tuple[str, str]], location: str) -> dict:
    """What Embedded Metadata makes of a page's tags, for the fields this book sets."""
    first = {}
    for name, value in tags:
        first.setdefault(name, value)
    names = {name for name, _ in tags}
    if {"citation_book_title", "citation_inbook_title"} & names:
        item_type = "bookSection"
    elif first.get("og:type") == "book":
        item_type = "book"
    elif "citation_title" in names:
        item_type = "journalArticle"
    else:
        item_type = "webpage"
    authors = [value for name, value in tags if name == "citation_author"]
    url = first.get("citation_public_url") or first.get("og:url") or location
    return {
        "itemType": item_type,
        "creators": [clean_author(a, "," in a) for a in authors],
        "title": first.get("citation_title") or first.get("og:title"),
        "bookTitle": first.get("citation_book_title"),
        "publisher": first.get("citation_publisher"),
        "edition": first.get("prism.edition"),
        "date": first.get("citation_publication_date"),
        "abstractNote": first.get("citation_abstract") or first.get("og:description") or first.get("description"),
        "url": urljoin(location, url),
        "pdf": urljoin(location, first["citation_pdf_url"]) if "citation_pdf_url" in first else None,
    }


def local_file(site_root: Path, url: str, base: str = PLACE) -> Path:
    assert url.startswith(base), f"{url} is not on the site at {base}"
    return site_root / urlsplit(url).path.removeprefix(urlsplit(base).path)


@pytest.mark.parametrize("page", PAGES)
def test_zotero_imports_the_page_as_the_book_or_a_section_of_it(page, site_root):
    item = zotero_item(page_tags_of(site_root / f"{page}.html").tags, PLACE + f"{page}.html")
    meta = metadata()
    is_root = page == PAGES[0]
    assert item["itemType"] == ("book" if is_root else "bookSection")
    assert item["creators"] == [{"name": a["name"]} for a in meta["authors"]], "a collective author is one name"
    if is_root:
        assert item["title"] == full_title()
    else:
        assert item["title"]
        assert item["title"] != full_title()
        assert item["bookTitle"] == full_title()
    assert item["publisher"] == meta["publisher"]
    assert item["edition"] == f"Version {meta['version']}"
    assert re.fullmatch(r"\d{4}/\d{2}/\d{2}", item["date"])
    assert item["url"] == PLACE + f"{page}.html", "without a site_url the page's own address is its URL"
    pdf = local_file(site_root, item["pdf"])
    assert pdf.read_bytes().startswith(b"%PDF-"), f"{page}: its PDF {item['pdf']} does not exist"


@pytest.mark.parametrize("page", PAGES)
def test_the_abstract_is_whole_and_every_client_gets_the_same_one(page, site_root):
    tags = dict(reversed(page_tags_of(site_root / f"{page}.html").tags))
    abstract = tags["citation_abstract"]
    assert abstract == tags["og:description"] == tags["description"]
    assert abstract.endswith((".", "!", "?")), f"{page}: the abstract is cut off: {abstract!r}"
    for cut in ("[", "\u2026", "..."):
        assert cut not in abstract, f"{page}: {abstract!r}"
    assert 40 <= len(abstract) <= 400


@pytest.mark.parametrize("page", PAGES)
def test_without_a_site_url_no_tag_names_an_address_but_the_pdf(page, site_root):
    assert not metadata().get("site_url"), "this test describes the book before it has a public home"
    parsed = page_tags_of(site_root / f"{page}.html")
    addresses = [n for n, v in parsed.tags if re.match(r"(https?:|/|\.\.|book/)", v) or n.endswith(("url", "_url"))]
    assert addresses == ["citation_pdf_url"], f"{page}: {addresses}"
    assert parsed.canonical is None


@pytest.mark.parametrize("site_url", ["https://example.org/taken-over", "https://example.org/taken-over/"])
def test_with_a_site_url_every_address_is_absolute_and_resolves(site_url, site_root, monkeypatch):
    """As a publisher sets it, with or without the trailing slash: each address is absolute, on the
    site, and names a file the build made."""
    monkeypatch.setattr(metadata_module, "metadata", lambda: {**metadata(), "site_url": site_url})
    monkeypatch.setattr(page_tags, "site_url", metadata_module.site_url)
    base = site_url.rstrip("/") + "/"
    for page in PAGES:
        built = dict(reversed(page_tags_of(site_root / f"{page}.html").tags))
        title, abstract = built["citation_title"], built["citation_abstract"]
        cited = CitedPage(page, title, metadata()["released"], abstract, is_book=page == PAGES[0])
        pdf = base + posixpath.normpath(posixpath.join(posixpath.dirname(page), built["citation_pdf_url"]))
        tags = dict(citation_tags(cited, pdf)) | dict(opengraph_tags(cited))
        item = zotero_item(list(tags.items()), "https://mirror.example.net/copy.html")
        assert item["url"] == tags["og:url"] == base + f"{page}.html", "the canonical address, not where it was read"
        for name in ("citation_public_url", "og:url", "citation_pdf_url"):
            assert tags[name].startswith(base), (page, name, tags[name])
            assert local_file(site_root, tags[name], base).is_file(), (page, name, tags[name])


def test_an_abstract_taken_from_the_opening_keeps_whole_sentences_and_drops_citations():
    opening = (
        "Red Labour grew from a page started in 2011 [ Jones, 2017, Peters, 2016]. It had a .bib file. "
        + "A long sentence that would run past the limit. " * 10
    )
    abstract = page_tags.abstract_from_text(opening, limit=80)
    assert abstract == "Red Labour grew from a page started in 2011. It had a .bib file."
