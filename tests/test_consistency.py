"""Numbers shown together agree: a count glued into a page's prose equals the table beside it.

Read from the stored notebook outputs, which nbval proves equal to a fresh run: the glued values
(myst-nb's scrapbook outputs) and the HTML tables, found by caption.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

import takenover
import takenover.charts.style
from takenover.chapters import register
from takenover.chapters.grades import grade
from takenover.data.loader import descriptor

from conftest import REPO


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._caption, self._rows, self._cell, self._in = None, [], None, None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._caption, self._rows = "", []
        elif tag == "caption":
            self._in = "caption"
        elif tag == "tr":
            self._rows.append([])
        elif tag in ("td", "th"):
            self._cell = ""

    def handle_endtag(self, tag):
        if tag == "caption":
            self._in = None
        elif tag in ("td", "th") and self._rows:
            self._rows[-1].append(self._cell.strip())
            self._cell = None
        elif tag == "table":
            self.tables[self._caption.strip()] = self._rows

    def handle_data(self, data):
        if self._in == "caption":
            self._caption += data
        elif self._cell is not None:
            self._cell += data


def page(stem: str) -> tuple[dict[str, str], dict[str, list[list[str]]]]:
    """A chapter's glued values and its tables (header row first), by caption."""
    glued, parser = {}, _Tables()
    for cell in json.loads((REPO / "book" / f"{stem}.ipynb").read_text(encoding="utf-8"))["cells"]:
        for output in cell.get("outputs", []):
            name = output.get("metadata", {}).get("scrapbook", {}).get("name")
            data = output.get("data", {})
            if name:
                glued[name] = data["application/papermill.record/text/plain"].strip("'")
            if "text/html" in data:
                parser.feed("".join(data["text/html"]))
    return glued, parser.tables


def body(table: list[list[str]]) -> list[list[str]]:
    return table[1:]


def column(table: list[list[str]], name: str) -> list[str]:
    return [row[table[0].index(name)] for row in body(table)]


def test_claims_page_counts_match_its_tables():
    glued, tables = page("claims")
    by_text = tables["The claims of each text, by what they rest on"]
    assert sum(int(v) for v in column(by_text, "all")) == int(glued["n_claims"])
    for status in by_text[0][1:-1]:
        shown = sum(int(v) for v in column(by_text, status))
        assert shown == int(glued[f"status_{status.replace(' ', '_')}"]), status
    article = [
        int(v) for t, v in zip(column(by_text, "text"), column(by_text, "all"), strict=True) if "comments" not in t
    ]
    assert sum(article) == int(glued["n_claims_article"]), "the texts' rows add up to the article total"
    counted_article = sum(int(glued[k]) for k in glued if k.startswith("article_claims_"))
    assert counted_article == int(glued["n_claims_article"]), "the per-source counts add up to the article total"
    assert int(glued["n_claims_article"]) + int(glued["n_claims_comments"]) == int(glued["n_claims"])


def test_register_page_counts_match_its_tables():
    glued, tables = page("register")
    assert int(glued["n_claims"]) == len(body(tables["The claims register"])), "one row per claim"
    assert int(glued["n_claims_article"]) + int(glued["n_claims_comments"]) == int(glued["n_claims"])
    checks_shown = body(tables["Numeric claims beside the records, with the working"])
    assert len(checks_shown) == int(glued["n_checks"]), "each check appears once, beside the claim it tests"
    # The hedging figure (its numbers are in its alt text) counts every claim once, by source.
    hedging = register.hedging_by_source()
    assert hedging["claims"].sum() == int(glued["n_claims"])
    assert hedging["hedged"].sum() == int(glued["n_hedged"])


def test_the_core_claims_figure_grades_every_core_claim_as_the_register_does():
    """The claims chapter's small multiple (its alt text, which carries its numbers) places each core claim,
    and only those, at the register's grade."""
    notebook = json.loads((REPO / "book" / "claims.ipynb").read_text(encoding="utf-8"))
    alts = [
        "".join(out["data"]["text/plain"])
        for cell in notebook["cells"]
        if cell.get("metadata", {}).get("mystnb", {}).get("figure", {}).get("name") == "fig-core-grades"
        for out in cell.get("outputs", [])
        if "text/plain" in out.get("data", {})
    ]
    assert len(alts) == 1, "the claims chapter shows the core claims' grades as one figure"
    shown = dict(re.findall(r"(CL-[A-Z][0-9]+) ([a-z ]+ \([a-z ]+; [a-z]+ confidence\))", alts[0]))
    claims = takenover.load("claims")
    core = claims[claims["core"]]
    label = takenover.charts.style.label
    expected = {
        c.claim_id: f"{label(c.likelihood)} ({label(c.evidence_status)}; {c.confidence} confidence)"
        for c in core.itertuples()
    }
    assert shown == expected


EPISODES = {
    "group-takeover": "facebook-group-2016",
    "red-labour": "red-labour-2016",
    "labour-hq-2017": "labour-hq-2017",
}


@pytest.mark.parametrize("stem", list(EPISODES))
def test_an_episodes_grades_and_claims_match_the_register(stem):
    """The bottom line's grades are the register's (test_compact_lists checks the episode's own section)."""
    glued, _ = page(stem)
    claims = takenover.load("claims")
    mine = claims[claims["incident_id"] == EPISODES[stem]]
    core = mine[mine["core"]]
    assert len(core) >= 3, "an episode's bottom line grades its core claims"
    for c in core.itertuples():
        assert glued["grade_" + c.claim_id.removeprefix("CL-")] == grade(c.evidence_status, c.likelihood, c.confidence)
    notebook = (REPO / "book" / f"{stem}.ipynb").read_text(encoding="utf-8")
    for c in core.itertuples():
        role = f"{{eval}}`grade_{c.claim_id.removeprefix('CL-')}`"
        assert role in notebook, f"{c.claim_id} is not in the bottom line"


def test_data_dictionary_counts_match_its_tables_and_the_data():
    glued, tables = page("data-dictionary")
    overview = tables["The tables, their rows and their keys"]
    assert len(body(overview)) == int(glued["n_tables"])
    rows = dict(zip(column(overview, "table"), column(overview, "rows"), strict=True))
    assert rows == {name: str(len(takenover.load(name))) for name in rows}, "a row count differs from the data"
    keys = dict(zip(column(overview, "table"), column(overview, "key"), strict=True))
    assert keys == {r["name"]: ", ".join(r["schema"]["primaryKey"]) for r in descriptor()["resources"]}
    columns = sum(len(r["schema"]["fields"]) for r in descriptor()["resources"])
    assert columns == int(glued["n_columns"]), "the column count differs from the descriptor"


def test_comment_coding_page_counts_match_its_tables():
    glued, tables = page("comment-coding")
    codes = tables["Every comment's codes (first coder)"]

    def given(dimension, code):
        return str(sum(code in cell.split(", ") for cell in column(codes, dimension)))

    assert given("what it does", "attribute responsibility") == glued["n_function_attribute_responsibility"]
    assert given("evidence offered", "none") == glued["n_evidence_none"]
    polarity = dict(zip(*(takenover.load("comment_sentiment")[c] for c in ("comment_id", "polarity")), strict=True))
    tone = dict(zip(column(codes, "comment"), column(codes, "tone"), strict=True))
    matches = [str(polarity[c]) == tone[c] for c in tone]
    assert matches.count(True) == int(glued["n_polarity_match"])
    assert matches.count(False) == int(glued["n_polarity_mismatch"])
    assert len(body(tables["Every comment's codes (first coder)"])) == int(glued["n_comments_coded"])
    agreement = dict(
        zip(
            column(tables["Agreement between the two coders of the comments"], "dimension"),
            column(tables["Agreement between the two coders of the comments"], "coders agree"),
            strict=True,
        )
    )
    assert agreement["stance on the post's account"] == glued["agree_post_stance"]
