"""The two lists that print a label once per group rather than on every row: an episode's own claims,
grouped by grade, and the bibliography, grouped by how each work is known. Nothing may be lost or
misfiled in the grouping."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from takenover import load
from takenover.chapters.bibliography import GROUPS
from takenover.chapters.claim_table import grade_order
from takenover.chapters.grades import grade

EPISODE_PAGES = {
    "facebook-group-2016": "book/group-takeover",
    "red-labour-2016": "book/red-labour",
    "labour-hq-2017": "book/labour-hq-2017",
}


def page(site_root, name: str) -> BeautifulSoup:
    return BeautifulSoup((site_root / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("incident_id", EPISODE_PAGES)
def test_an_episode_lists_each_of_its_claims_once_under_its_grade(site_root, incident_id):
    claims = load("claims")
    mine = claims[claims["incident_id"] == incident_id]
    section = page(site_root, EPISODE_PAGES[incident_id]).find("details", class_="tk-claims-section")
    assert section is not None
    assert section.get("open") is None, "the section is collapsed by default"

    listed: dict[str, str] = {}
    order = []
    for label in section.select("p.tk-grade-group"):
        name = label.find("strong").get_text()
        items = label.find_next_sibling("ul").find_all("li")
        assert label.get_text().endswith(f": {len(items)}"), f"{name}: the count must match the list"
        for item in items:
            link = item.find("a", class_="tk-claim-link")
            assert link["href"] == f"register.html#{link.get_text().lower()}", link
            assert link.get_text() not in listed, f"{link.get_text()} listed twice"
            listed[link.get_text()] = name
        order.append(name)

    expected = {c.claim_id: grade(c.evidence_status, c.likelihood, c.confidence) for c in mine.itertuples()}
    assert listed == expected
    assert len(order) == len(set(order)), "each grade is printed once"
    ranks = {
        grade(c.evidence_status, c.likelihood, c.confidence): grade_order(c.likelihood, c.confidence)
        for c in mine.itertuples()
    }
    assert [ranks[name] for name in order] == sorted(ranks[name] for name in order), "most likely first"


def test_the_bibliography_files_every_work_once_under_how_it_is_known(site_root):
    refs = load("references").set_index("reference_key")
    body = page(site_root, "book/bibliography").find("div", class_="tk-references")
    headings = body.find_all("h2")
    assert [h.get_text().rsplit(" (", 1)[0] for h in headings] == [
        GROUPS[k] for k in GROUPS if (refs["read_as"] == k).any()
    ]
    filed = {}
    for heading in headings:
        group = next(k for k, v in GROUPS.items() if heading.get_text().startswith(v))
        items = heading.find_next_sibling("ul").find_all("li")
        assert heading.get_text().endswith(f"({len(items)})")
        for item in items:
            key = item["id"].removeprefix("ref-")
            assert key not in filed, f"{key} listed twice"
            filed[key] = group
    assert filed == refs["read_as"].to_dict()

    # A work that cannot corroborate says what it relays, beside its name.
    for key, ref in refs[refs["independence"] != "independent"].iterrows():
        text = body.find("li", id=f"ref-{key}").get_text()
        assert ("relays " if ref["independence"] == "relay" else "same source as ") in text, key
