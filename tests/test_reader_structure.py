"""The book answers first: each episode opens with its bottom line, within a phone's first screen; the
text keeps to its word budgets; and no page a reader meets outside the appendices speaks the
pipeline's vocabulary."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from takenover.release import wordcount

EPISODES = ["book/group-takeover", "book/red-labour", "book/labour-hq-2017"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
# Words that describe the book's tooling rather than its evidence. A reader page says what was found,
# in which outlet, instead (the appendices may describe the machinery).
TOOLING_WORDS = re.compile(
    r"\bheld here\b|\breference notes\b|\bthe pipeline\b|\bnot held\b|\bwe hold\b|\bis held\b|\bare held\b"
    r"|\bcorroborated outside the corpus\b",
    re.IGNORECASE,
)


def article(site_root, page: str) -> BeautifulSoup:
    soup = BeautifulSoup((site_root / f"{page}.html").read_text(encoding="utf-8"), "html.parser")
    return soup.find("article")


@pytest.mark.parametrize("page", EPISODES)
def test_an_episode_opens_with_its_bottom_line(site_root, page):
    """After the title and the citation apparatus, the first thing an episode page says is its bottom line."""
    body = article(site_root, page)
    section = body.find("section")
    first = next(
        el
        for el in section.find_all(["p", "div", "section", "table", "figure"], recursive=False)
        if not {"tk-abstract", "tk-cite", "tk-pdf", "tk-print-citation"} & set(el.get("class", []))
        and not el.find(class_="tk-cite")
    )
    assert "tk-bottom-line" in first.get("class", []), f"{page} opens with {first.get('class')}, not its bottom line"
    text = first.get_text(" ")
    for part in ("Established", "Alleged", "How sure we are", "Core claims"):
        assert part in text, f"{page}'s bottom line lacks {part!r}"
    claim_links = first.select("a.tk-claim-link")
    assert len(claim_links) >= 3, "the bottom line grades its core claims, each linked to the register"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])
@pytest.mark.parametrize("page", EPISODES)
def test_the_bottom_line_starts_on_the_first_screen(page, viewport, server, browser):
    tab = browser.new_page(viewport=viewport)
    tab.goto(f"{server}/{page}.html", wait_until="load")
    top = tab.locator(".tk-bottom-line").first.bounding_box()["y"]
    tab.close()
    assert top < viewport["height"] - 120, f"{page}: bottom line starts {top:.0f}px down at {viewport['width']}px"


def test_the_word_budgets_hold(site_root):
    rows = wordcount.measure(site_root)
    main, book = wordcount.totals(rows)
    assert main <= wordcount.MAIN_BUDGET, wordcount.report(rows)
    assert book <= wordcount.BOOK_BUDGET, wordcount.report(rows)


def test_the_word_count_counts_collapsed_text_apart():
    """The counter must see what it promises: closed <details> count toward the book, not the main text."""
    markup = (
        "<article><h1>Title</h1><p>one two three</p><details><summary>Open me</summary>"
        "<p>four five</p></details><div class='cell_input'>code words here</div></article>"
    )
    assert wordcount.count_words(markup) == (6, 2)


@pytest.mark.parametrize(
    "page", [p for p, part in wordcount.toc_parts().items() if part != "appendix"], ids=lambda p: p
)
def test_reader_pages_speak_of_evidence_not_tooling(site_root, page):
    text = article(site_root, page).get_text(" ")
    found = sorted({m.group(0).lower() for m in TOOLING_WORDS.finditer(text)})
    assert not found, f"{page} uses the pipeline's vocabulary: {found}"
