"""Licences are true in the data, and the book keeps within its quotation budget.

The third-party texts are not the book's to license: no CC BY table may carry them, only short
excerpts (in one table licensed apart) may quote them, and commenters' words stay out of everything
published. The budget is measured over the built site and the published data together.
"""

from __future__ import annotations

import json
import pathlib

import pandas as pd
import pytest

from takenover.cite import quotation
from takenover.data.loader import descriptor
from takenover.data.textnorm import words

from conftest import DATA, REPO

LONGEST_RUN_IN_OUR_TABLES = 8  # words; names and short quoted phrases are shorter
# Titles and addresses are cited, as any bibliography cites them; an address often repeats its headline.
BIBLIOGRAPHIC = {"title", "url", "other_urls", "source_url"}


def source_grams() -> dict[tuple[str, ...], bool]:
    """Every run of RUN_WORDS words in the sources, marked True if it lies in a comment."""
    grams: dict[tuple[str, ...], bool] = {}
    n = quotation.RUN_WORDS
    for tokens in quotation.source_words().values():
        flat = [w for w, _ in tokens]
        for i in range(len(flat) - n + 1):
            key = tuple(flat[i : i + n])
            grams[key] = grams.get(key, False) or any(c for _, c in tokens[i : i + n])
    return grams


def longest_run(text: str, grams: dict) -> int:
    """The longest stretch of the text made of overlapping runs found in the sources."""
    tokens, n, best, run = words(text), quotation.RUN_WORDS, 0, 0
    for i in range(len(tokens) - n + 1):
        run = run + 1 if tuple(tokens[i : i + n]) in grams else 0
        best = max(best, run + n - 1 if run else 0)
    return best


def test_every_resource_declares_its_licence_and_only_excerpts_are_third_party():
    """The book's own tables are CC BY; DISARM's objects keep CC BY-SA; the excerpts are not licensed at all."""
    package = descriptor()
    (package_licence,) = package["licenses"]  # the package's line points to the resources that differ
    assert "claim_excerpts" in package_licence["title"]
    assert "disarm_objects" in package_licence["title"]
    names = {}
    for res in package["resources"]:
        assert len(res.get("licenses", [])) == 1, f"{res['name']}: declare exactly one licence"
        names[res["name"]] = res["licenses"][0]["name"]
    assert {n: lic for n, lic in names.items() if lic != "CC-BY-4.0"} == {
        "claim_excerpts": "other-closed",
        "disarm_objects": "CC-BY-SA-4.0",
    }


def licences_page_text() -> str:
    notebook = json.loads((REPO / "book" / "licences.ipynb").read_text(encoding="utf-8"))
    return "\n".join("".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "markdown")


def test_the_licences_page_names_every_table_under_other_terms():
    """A reuser who reads only the Licences page learns of every exception, and of the terms' own pages."""
    page = licences_page_text()
    for res in descriptor()["resources"]:
        licence = res["licenses"][0]
        if licence.get("path"):
            assert licence["path"] in page, f"the Licences page does not link {licence['path']} ({res['name']})"
        if licence["name"] != "CC-BY-4.0":
            assert f"`{res['name']}`" in page, f"the Licences page does not name {res['name']} ({licence['name']})"


@pytest.mark.parametrize("name", [r["name"] for r in descriptor()["resources"] if r["name"] != "claim_excerpts"])
def test_no_cc_by_table_reproduces_the_sources(name):
    grams = source_grams()
    frame = pd.read_csv(DATA / "clean" / f"{name}.csv", dtype=str, keep_default_na=False)
    for column in frame.columns:
        if column in BIBLIOGRAPHIC:
            continue
        for value in frame[column]:
            run = longest_run(value, grams)
            assert run < LONGEST_RUN_IN_OUR_TABLES, f"{name}.{column} repeats {run} words of a source: {value[:80]!r}"


def test_the_run_finder_finds_a_copied_sentence():
    """The check above must be able to fail: a sentence lifted from a source is caught."""
    grams = source_grams()
    lifted = "They used videos, memes and factual information to counter right wing arguments."
    assert longest_run(f"Our summary: {lifted}", grams) >= LONGEST_RUN_IN_OUR_TABLES


def test_published_data_carry_no_comment_text():
    measured = quotation.measure(quotation.data_texts()).set_index("source_id")
    blog = measured.loc["ukileft-2016"]
    assert blog["comment_share"] <= quotation.COMMENT_LIMIT
    assert blog["longest_comment_run"] <= quotation.RUN_WORDS + 1, "no comment phrase longer than a few words"
    reviews = json.loads((DATA / "claimreview.jsonld").read_text(encoding="utf-8"))["@graph"]
    assert not any("commenter" in r["itemReviewed"].get("author", {}).get("name", "") for r in reviews)


def test_the_site_and_data_keep_within_the_quotation_budget(built_site):
    pages = [quotation.page_text(p.read_text(encoding="utf-8")) for p in (built_site / "_build/html").rglob("*.html")]
    measured = quotation.measure(pages + quotation.data_texts()).set_index("source_id")
    for source_id, row in measured.iterrows():
        assert row["share"] <= quotation.LIMIT, f"{source_id}: {row['share']:.1%} of its words are reproduced"
        assert row["comment_share"] <= quotation.COMMENT_LIMIT, f"{source_id}: too many comment words reproduced"
    published = quotation.book_budget().set_index("source_id")
    gap = (measured["share"] - published["share"]).abs().max()
    assert gap < 0.01, "the licences page's figures differ from what the built site reproduces"
    assert all(measured["words"] == published["words"])


def test_the_budget_counts_a_lifted_passage():
    """The measure must be able to fail: publishing a whole paragraph of a source uses up the budget."""
    raw = pathlib.Path(DATA / "raw" / "texts" / "awl-2016-01-27-red-labour.txt").read_text(encoding="utf-8")
    paragraph = max(raw.split("\n"), key=len)
    measured = quotation.measure([paragraph]).set_index("source_id")
    assert measured.loc["awl-2016", "reproduced"] >= len(words(paragraph)) - 1
