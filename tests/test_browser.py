"""The built site in a real headless Chromium, with every request off this machine blocked.

For every page: no request leaves 127.0.0.1, every chart is drawn interactively
from the site's own vega bundle, the console has no errors beyond a short list
of known theme noise, and axe-core finds no serious or critical accessibility
violation. Full-page screenshots go to _build/screenshots/ for review, and the
weight and drawing time of each page go to _build/browser-report.json.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from conftest import REPO

# Console messages the theme produces on a fresh profile, which are not faults of the book.
KNOWN_THEME_NOISE = [
    "Got invalid theme mode",  # pydata-sphinx-theme: no stored light/dark choice yet
    "THEBE_JS_URL",  # sphinx-thebe declares its URL constant twice
]
CHART_TIMEOUT_MS = 10_000
REPORT: dict[str, dict] = {}


@pytest.fixture(scope="session")
def site_root(built_site) -> Path:
    html = built_site / "_build" / "html"
    assert (html / "book" / "index.html").is_file(), "the site did not build; see test_build"
    return html


@pytest.fixture(scope="session")
def server(site_root):
    handler = functools.partial(_QuietHandler, directory=str(site_root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    _write_report()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def site_pages() -> list[str]:
    import yaml

    toc = yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))
    pages = [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]
    return [f"{page}.html" for page in pages] + ["search.html", "genindex.html"]


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
    unexpected = [p for p in page_problems if not any(noise in p for noise in KNOWN_THEME_NOISE)]
    assert unexpected == [], f"{page_path} console errors: {unexpected}"
    assert serious == [], f"{page_path} accessibility: " + "; ".join(
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in serious
    )


def _write_report() -> None:
    if REPORT:
        path = REPO / "_build" / "browser-report.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(REPORT, indent=2, sort_keys=True) + "\n")
