"""The built site in a real headless Chromium, with every request off this machine blocked.

For every page: no request leaves 127.0.0.1, every chart is drawn interactively
from the site's own vega bundle once scrolled into view, the console has no
errors at all, and axe-core finds no serious or critical accessibility
violation. Full-page screenshots go to _build/screenshots/ for review, and the
weight and drawing time of each page go to _build/browser-report.json.
"""

from __future__ import annotations

import json
from urllib.parse import urlparse

import pytest

from conftest import REPO, site_pages

CHART_TIMEOUT_MS = 10_000
REPORT: dict[str, dict] = {}


@pytest.fixture(scope="module", autouse=True)
def _report():
    yield
    _write_report()


@pytest.mark.parametrize("page_path", site_pages())
def test_page_is_offline_clean_drawn_and_accessible(page_path, server, browser):
    from axe_playwright_python.sync_playwright import Axe

    origin = urlparse(server).netloc
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    blocked: list[str] = []

    def only_local(route):
        if urlparse(route.request.url).netloc == origin:
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda msg: msg.type == "error" and problems.append(msg.text))
    page.on("pageerror", lambda err: problems.append(f"uncaught: {err}"))
    page.on("response", lambda resp: resp.status >= 400 and problems.append(f"HTTP {resp.status} {resp.url}"))

    page.goto(f"{server}/{page_path}", wait_until="load")
    charts = page.locator(".tk-chart")
    for i in range(charts.count()):
        chart = charts.nth(i)
        chart.scroll_into_view_if_needed()  # charts turn interactive as they near the viewport
        chart.and_(page.locator("[data-rendered=interactive]")).wait_for(timeout=CHART_TIMEOUT_MS)
        assert chart.locator("svg .role-mark").count() > 0, f"chart {i} on {page_path} has no marks"
        box = chart.locator("svg").first.bounding_box()
        assert box, f"chart {i} on {page_path} has no box"
        assert box["width"] > 100, f"chart {i} on {page_path} is too narrow to see"
        assert box["height"] > 100, f"chart {i} on {page_path} is too short to see"

    for box in page.locator("input.tk-search-input").all():
        count = page.locator(f"#{box.get_attribute('data-target')}-count")
        total = page.locator(f"#{box.get_attribute('data-target')} tbody tr").count()
        assert count.inner_text().startswith(f"{total} of {total}"), "the search box did not initialise"
        box.fill("Pudsey")
        visible = page.locator(f"#{box.get_attribute('data-target')} tbody tr:not([hidden])").count()
        assert 0 < visible < total, f"searching for Pudsey left {visible} of {total} rows"
        box.fill("")

    shot = REPO / "_build" / "screenshots" / (page_path.replace("/", "__").replace(".html", ".png"))
    shot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shot), full_page=True)

    REPORT[page_path] = page.evaluate(
        """() => {
            const nav = performance.getEntriesByType('navigation')[0];
            const res = performance.getEntriesByType('resource');
            const drawn = [...document.querySelectorAll('.tk-chart')].map(e => Number(e.dataset.renderedMs || 0));
            return {
              transfer_bytes: nav.transferSize + res.reduce((a, r) => a + r.transferSize, 0),
              decoded_bytes: nav.decodedBodySize + res.reduce((a, r) => a + r.decodedBodySize, 0),
              requests: 1 + res.length,
              charts: drawn.length,
              charts_drawn_ms: drawn.length ? Math.max(...drawn) : null,
            };
        }"""
    )

    page_problems = list(problems)  # axe re-fetches stylesheets itself; its requests are not the page's
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    context.close()

    assert blocked == [], f"{page_path} tried to reach the network: {blocked}"
    assert page_problems == [], f"{page_path} console errors: {page_problems}"
    assert serious == [], f"{page_path} accessibility: " + "; ".join(
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in serious
    )


def _write_report() -> None:
    if REPORT:
        path = REPO / "_build" / "browser-report.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(REPORT, indent=2, sort_keys=True) + "\n")
