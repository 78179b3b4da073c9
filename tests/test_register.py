"""The claims register as a reading tool, in Chromium: complete without scripts, filtered and sorted with
them (by keyboard too, with a live count of the rows shown), and a followed claim link lands on the row's
verdict, in view below the sticky headers, on a phone and on a desktop.

The expected rows come from the data, not from the page: the claims table, the register's grade wording
(takenover.chapters.grades) and the order of likelihoods and confidences in the codebook.
"""

from __future__ import annotations

import pytest

import takenover
from takenover.chapters.claim_table import grade_order
from takenover.chapters.grades import grade
from takenover.charts.style import EPISODE_NAMES, label

REGISTER = "book/register.html"
ROWS = "#claims-register tbody tr"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# A followed link: from the Labour HQ chapter's bottom line to a claim, as a reader would follow it.
EPISODE_PAGE, FOLLOWED = "book/labour-hq-2017.html", "CL-C08"


@pytest.fixture(scope="module")
def claims():
    return takenover.load("claims")


def visible_ids(tab) -> list[str]:
    return tab.locator(f"{ROWS}:not([hidden]) th").all_inner_texts()


def count_text(tab) -> str:
    return tab.get_by_role("status").inner_text()


def test_without_scripts_the_register_is_complete(browser, server, claims):
    """Print and a reader with JavaScript off see every claim, each with its five columns' words, and
    no dead controls."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{server}/{REGISTER}", wait_until="load")
    assert not tab.locator(".tk-register-controls").is_visible(), "the filters show without the script that runs them"
    rows = tab.locator(ROWS)
    assert rows.count() == len(claims)
    cells = rows.evaluate_all("rows => rows.map(r => [...r.cells].map(c => c.innerText))")
    hidden = rows.evaluate_all("rows => rows.filter(r => !r.checkVisibility()).map(r => r.id)")
    context.close()
    assert hidden == [], "rows hidden without scripts"
    for row, c in zip(cells, claims.itertuples(), strict=True):
        assert row[0].strip() == c.claim_id
        assert row[1].strip() == c.restatement
        assert row[2].strip() == c.claimant
        assert row[3].strip() == grade(c.evidence_status, c.likelihood, c.confidence)
        assert row[4].strip().startswith(c.verdict), f"{c.claim_id}: the verdict is not in view in its row"


@pytest.fixture
def register(browser, server):
    tab = browser.new_page(viewport=DESKTOP)
    tab.goto(f"{server}/{REGISTER}", wait_until="load")
    tab.get_by_role("status").filter(has_text="claims shown").wait_for()
    yield tab
    tab.close()


def test_facet_filters_show_exactly_the_matching_rows(register, claims):
    """Each facet offers the values the data holds and shows exactly the rows with that value, alone or
    combined, from the mouse or the keyboard, and says how many; a link to a row a filter hides shows it."""
    tab = register
    total = len(claims)
    options = {
        name: tab.get_by_role("combobox", name=name).locator("option").all_inner_texts()
        for name in ("Episode", "Evidence", "Type", "Core")
    }
    assert options["Episode"] == ["all", *[EPISODE_NAMES[i] for i in dict.fromkeys(claims["incident_id"])]]
    assert sorted(options["Evidence"][1:]) == sorted({label(s) for s in claims["evidence_status"]})
    assert sorted(options["Type"][1:]) == sorted({label(t) for t in claims["claim_type"]})
    assert options["Core"] == ["all", "other claims", "core claims"]
    assert count_text(tab).startswith(f"{total} of {total} claims shown")
    tab.get_by_role("combobox", name="Episode").select_option("Red Labour")
    red = claims[claims["incident_id"] == "red-labour-2016"]
    assert visible_ids(tab) == list(red["claim_id"])
    assert count_text(tab).startswith(f"{len(red)} of {total}")
    tab.get_by_role("combobox", name="Evidence").select_option(label("corroborated_independent"))
    both = red[red["evidence_status"] == "corroborated_independent"]
    assert 0 < len(both) < len(red)
    assert visible_ids(tab) == list(both["claim_id"])
    tab.get_by_role("combobox", name="Episode").select_option("")
    tab.get_by_role("combobox", name="Evidence").select_option("")
    tab.get_by_role("combobox", name="Core").select_option("core claims")
    assert visible_ids(tab) == list(claims.loc[claims["core"], "claim_id"])
    tab.get_by_role("combobox", name="Core").select_option("")
    tab.get_by_role("combobox", name="Type").select_option(label("platform_mechanics"))
    assert visible_ids(tab) == list(claims.loc[claims["claim_type"] == "platform_mechanics", "claim_id"])
    tab.get_by_role("combobox", name="Type").select_option("")
    # The page's own example: every word must match, a type's name included.
    tab.get_by_role("searchbox", name="Search").fill("Pudsey quantity")
    found = visible_ids(tab)
    quantities = claims[(claims["claim_type"] == "quantity") & claims["restatement"].str.contains("Pudsey")]
    assert found, "the page's own search example finds nothing"
    assert set(quantities["claim_id"]) <= set(found)
    assert set(claims.set_index("claim_id").loc[found, "claim_type"]) == {"quantity"}


def test_sorting_orders_the_rows_and_says_so(register, claims):
    tab = register
    head = tab.locator("#claims-register thead th")
    by_grade = sorted(claims.itertuples(), key=lambda c: grade_order(c.likelihood, c.confidence))
    tab.get_by_role("button", name="grade", exact=True).click()
    orders = tab.locator(f"{ROWS} td[data-label=Grade]").evaluate_all("cells => cells.map(c => +c.dataset.order)")
    assert orders == sorted(grade_order(c.likelihood, c.confidence) for c in by_grade)
    assert head.nth(3).get_attribute("aria-sort") == "ascending"
    assert "most likely first" in count_text(tab)
    # The keyboard works the same button: a second press reverses the order.
    tab.get_by_role("button", name="grade", exact=True).focus()
    tab.keyboard.press("Enter")
    orders = tab.locator(f"{ROWS} td[data-label=Grade]").evaluate_all("cells => cells.map(c => +c.dataset.order)")
    assert orders == sorted(orders, reverse=True)
    assert head.nth(3).get_attribute("aria-sort") == "descending"
    tab.get_by_role("button", name="claimant", exact=True).press("Space")
    shown = tab.locator(f"{ROWS} td[data-label=Claimant]").all_inner_texts()
    assert shown == sorted(shown, key=str.lower)
    assert head.nth(3).get_attribute("aria-sort") is None
    tab.get_by_role("button", name="id", exact=True).click()
    assert visible_ids(tab) == list(claims["claim_id"]), "the id column restores the texts' order"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])
def test_a_followed_claim_link_shows_its_verdict(viewport, browser, server, claims):
    tab = browser.new_page(viewport=viewport)
    tab.goto(f"{server}/{EPISODE_PAGE}", wait_until="load")
    tab.locator(f".tk-bottom-line a.tk-claim-link:text-is('{FOLLOWED}')").first.click()
    tab.wait_for_url(f"**/{REGISTER}#{FOLLOWED.lower()}")
    tab.wait_for_load_state("load")
    tab.wait_for_timeout(300)  # let the scroll to the row settle
    row = tab.locator(f"#{FOLLOWED.lower()}")
    verdict = row.locator("td[data-label=Verdict]")
    box = verdict.bounding_box()
    covered = tab.evaluate(
        "() => Math.max(...[...document.querySelectorAll('.bd-header-article, #claims-register thead th')]"
        ".map(e => getComputedStyle(e).position === 'sticky' && e.checkVisibility() ? e.getBoundingClientRect().bottom"
        " : 0))"
    )
    first_line = tab.evaluate("el => parseFloat(getComputedStyle(el).lineHeight) || 20", verdict.element_handle())
    expected = claims.set_index("claim_id").loc[FOLLOWED, "verdict"]
    marked = row.evaluate("r => getComputedStyle(r.cells[0]).backgroundColor")
    evidence_open = row.locator("details.tk-evidence").evaluate("d => d.open")
    headers_shown = tab.locator(".bd-header-article").is_visible()
    text = verdict.inner_text()
    tab.close()
    assert text.startswith(expected)
    assert box["y"] >= covered - 1, f"the verdict starts under a sticky header ({box['y']:.0f} < {covered:.0f})"
    assert box["y"] + 3 * first_line <= viewport["height"], f"the verdict starts too low ({box['y']:.0f}px)"
    assert headers_shown, "the page header left the view"
    assert marked not in ("rgba(0, 0, 0, 0)", "transparent"), "the followed row is not marked"
    assert evidence_open, "the followed row's evidence should be open"
