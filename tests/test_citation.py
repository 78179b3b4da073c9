"""Citation: one metadata source, a valid CITATION.cff, and a citable page for every chapter."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser

import jsonschema
import pytest
import yaml
from pybtex.database import parse_string

import takenover
from takenover.cite import files as citation_files
from takenover.core.metadata import metadata
from takenover.site.citation import _configure_from_metadata

from conftest import DATA, REPO, citable_pages

CHAPTERS = citable_pages()


class _Head(HTMLParser):
    """Collects <meta name=...> tags and the cite box's text from one page."""

    def __init__(self):
        super().__init__()
        self.meta: list[tuple[str, str]] = []
        self.in_reference = False
        self.in_bibtex = False
        self.reference = ""
        self.bibtex = ""
        self.bib_href = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("name", "").startswith("citation_"):
            self.meta.append((attrs["name"], attrs.get("content", "")))
        self.in_reference = self.in_reference or (tag == "p" and attrs.get("class") == "tk-cite-reference")
        self.in_bibtex = self.in_bibtex or (tag == "pre" and attrs.get("class") == "tk-cite-bibtex")
        if tag == "a" and attrs.get("class") == "tk-cite-download":
            self.bib_href = attrs["href"]

    def handle_endtag(self, tag):
        if tag == "p":
            self.in_reference = False
        if tag == "pre":
            self.in_bibtex = False

    def handle_data(self, data):
        if self.in_reference:
            self.reference += data
        if self.in_bibtex:
            self.bibtex += data


def test_citation_files_are_up_to_date():
    assert citation_files.main(["--check"]) == 0, "run `make citation` and commit CITATION.cff and book/references.bib"


def test_citation_cff_validates_against_the_cff_schema():
    schema = json.loads((REPO / "tests/support/citation-file-format-1.2.0.schema.json").read_text())
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    cff["date-released"] = str(cff["date-released"])
    jsonschema.validate(cff, schema)
    assert cff["version"] == metadata()["version"]
    assert [a["name"] for a in cff["authors"]] == [a["name"] for a in metadata()["authors"]]


def test_one_version_everywhere():
    version = metadata()["version"]
    assert takenover.__version__ == version
    assert json.loads((DATA / "datapackage.json").read_text())["version"] == version
    changelog = (REPO / "book" / "changelog.md").read_text(encoding="utf-8")
    top = re.search(r"^## (\S+) \((\d{4}-\d{2}-\d{2})\)", changelog, flags=re.M)
    assert top
    assert top.group(1) == version
    assert top.group(2) == metadata()["released"].isoformat()


def test_references_bib_parses_and_covers_every_source():
    bib = parse_string((REPO / "book" / "references.bib").read_text(encoding="utf-8"), "bibtex")
    keys = set(bib.entries)
    assert set(takenover.load("sources")["source_id"]) <= keys
    assert set(takenover.load("references")["reference_key"]) <= keys


@pytest.mark.parametrize("page", CHAPTERS)
def test_chapter_page_is_citable(page, built_site):
    html_dir = built_site / "_build" / "html"
    parsed = _Head()
    parsed.feed((html_dir / f"{page}.html").read_text(encoding="utf-8"))
    meta = dict(parsed.meta)
    names = [name for name, _ in parsed.meta]
    title = meta["citation_title"]
    assert title
    assert names.count("citation_author") == len(metadata()["authors"])
    assert meta["citation_publisher"] == metadata()["publisher"]
    for name in ["citation_publication_date", "citation_inbook_title", "citation_book_title", "citation_language"]:
        assert meta.get(name), f"{page}: {name} missing"
    assert re.fullmatch(r"\d{4}/\d{2}/\d{2}", meta["citation_publication_date"])
    assert meta["citation_inbook_title"].startswith(metadata()["title"])

    assert title in parsed.reference, parsed.reference
    assert metadata()["version"] in parsed.reference, parsed.reference
    entry = parse_string(parsed.bibtex, "bibtex")
    ((_key, record),) = entry.entries.items()
    assert record.type == "incollection"
    assert record.fields["title"].strip("{}") == title
    assert record.fields["booktitle"].strip("{}").startswith(metadata()["title"])
    downloaded = (html_dir / page).parent / parsed.bib_href
    assert downloaded.resolve().read_text(encoding="utf-8") == parsed.bibtex


def test_pages_outside_the_book_have_no_cite_box(built_site):
    html = (built_site / "_build" / "html" / "search.html").read_text(encoding="utf-8")
    assert "tk-cite" not in html
    assert 'name="citation_title"' not in html


def test_launch_buttons_follow_the_repository_url(monkeypatch):
    class Config:
        def __init__(self) -> None:
            self.html_theme_options: dict = {}

    off = Config()
    _configure_from_metadata(None, off)
    assert "launch_buttons" not in off.html_theme_options or not off.html_theme_options["launch_buttons"].get(
        "binderhub_url"
    )

    from takenover.core import metadata as meta

    monkeypatch.setattr(meta, "metadata", lambda: {**metadata(), "repository_url": "https://example.org/book"})
    monkeypatch.setattr("takenover.site.citation.metadata", meta.metadata)
    on = Config()
    on.html_theme_options = {}
    _configure_from_metadata(None, on)
    assert on.html_theme_options["repository_url"] == "https://example.org/book"
    assert on.html_theme_options["launch_buttons"]["binderhub_url"]


def test_no_page_cites_a_work_known_only_through_a_report_of_it():
    """A document we do not hold is cited as the report we hold, and for no more than it says."""
    refs = takenover.load("references")
    second_hand = set(refs.loc[refs["known_through"].notna(), "reference_key"])
    assert {"forde2022", "baldwin2018"} <= second_hand
    pattern = re.compile(r"\{cite:[pt]\}`([^`]+)`")
    cited = set()
    for path in sorted((REPO / "book").glob("*.*")):
        if path.suffix in (".md", ".ipynb"):
            for keys in pattern.findall(path.read_text(encoding="utf-8")):
                cited.update(k.strip().split("-", 1)[1] for k in keys.split(","))
    assert cited & second_hand == set()
    assert cited, "the pattern found no citations at all"


RECORD_TABLES = ["election_results", "national_vote_share", "labour_vote_share_series", "campaign_spending"]


def test_the_data_dictionary_cites_every_page_a_record_row_comes_from():
    """A figure is credited to the page it comes from, and the data dictionary lists those pages."""
    page = (REPO / "book" / "data-dictionary.ipynb").read_text(encoding="utf-8")
    cited = {
        key.strip().removeprefix("dd-")
        for keys in re.findall(r"\{cite:[pt]\}`([^`]+)`", page)
        for key in keys.split(",")
    }
    used = set().union(*(set(takenover.load(table)["reference_key"]) for table in RECORD_TABLES))
    assert used - cited == set(), "record rows come from pages the data dictionary does not cite"


def test_citation_cff_prefers_the_book_and_agrees_with_zenodo():
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    preferred = cff["preferred-citation"]
    assert preferred["type"] == "book"
    assert preferred["title"] == cff["title"]
    assert preferred["authors"] == [{"name": a["name"]} for a in metadata()["authors"]], "a collective is an entity"
    assert preferred["publisher"] == {"name": metadata()["publisher"]}
    assert preferred["version"] == metadata()["version"]
    zenodo = json.loads((REPO / ".zenodo.json").read_text(encoding="utf-8"))
    assert zenodo["publication_type"] == preferred["type"], "CITATION.cff and .zenodo.json call the work the same"


def test_the_book_bibtex_keeps_the_collective_author_whole_and_the_title_case():
    """What cffconvert 2.0.0 gets wrong from CITATION.cff (its key is always YourReferenceHere, it
    splits a collective into given and family names, and BibTeX styles lowercase its title), the
    book's own entry gets right; pybtex reads it as BibTeX does."""
    from takenover.cite.citation import book_bibtex

    entry = parse_string(book_bibtex(), "bibtex")
    ((key, record),) = entry.entries.items()
    assert key != "YourReferenceHere"
    assert record.type == "book"
    (person,) = record.persons["author"]
    assert person.first_names == person.middle_names == person.prelast_names == []
    assert person.last_names == ["{" + metadata()["authors"][0]["name"] + "}"]
    assert re.fullmatch(r"\{.*\}", record.fields["title"]), "braced, so styles keep its capitals"
    assert record.fields["publisher"].strip("{}") == metadata()["publisher"]


def test_bib_files_write_months_styles_can_print():
    """`month = {nov}` prints as "nov"; the bare macro `nov` prints as "November"."""
    from pybtex.database import parse_string as parse

    for bib in [REPO / "book" / "references.bib"]:
        text = bib.read_text(encoding="utf-8")
        assert not re.search(r"month = \{", text), f"{bib.name}: a braced month"
        months = {e.fields["month"] for e in parse(text, "bibtex").entries.values() if "month" in e.fields}
        assert months, "no entry has a month"
        assert months <= {dt.date(2000, m, 1).strftime("%B") for m in range(1, 13)}, months


def test_zenodo_record_names_the_collective_as_an_organisation(monkeypatch):
    from takenover.cite import zenodo

    record = zenodo.zenodo_record()["metadata"]
    assert record["creators"] == [
        {"person_or_org": {"type": "organizational", "name": a["name"]}} for a in metadata()["authors"]
    ]
    assert record["resource_type"] == {"id": "publication-book"}
    assert record["publisher"] == metadata()["publisher"]
    assert not [r for r in record["related_identifiers"] if r["relation_type"]["id"] != "cites"], "no site yet"
    monkeypatch.setattr(
        zenodo,
        "metadata",
        lambda: {**metadata(), "site_url": "https://example.org/book/", "repository_url": "https://example.org/repo"},
    )
    related = {
        r["identifier"]: r["relation_type"]["id"] for r in zenodo.zenodo_record()["metadata"]["related_identifiers"]
    }
    assert related["https://example.org/book/"] == "isvariantformof"
    assert related["https://example.org/repo"] == "issupplementedby"
