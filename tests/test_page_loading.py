"""Pages are light and paint at once: budgets, no render-blocking script, charts upgraded late.

- Weight: everything a page fetches while a reader loads it and scrolls to its end, which
  makes every chart interactive (tests/support/page_visit.py), compressed as a static host
  compresses it, stays within the budget: 250 KB for a text page, 500 KB with charts.
- No script blocks rendering: every external script is deferred, async or a module.
- Charts: the page paints its static SVGs without the vega bundle, which is fetched only when
  a chart nears the viewport; the upgraded chart keeps its size.
These are deterministic checks; `make bench` measures the same pages with Lighthouse.
"""

from __future__ import annotations

import gzip
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import site_pages

KB = 1024
TEXT_PAGE_BUDGET = 250 * KB
CHART_PAGE_BUDGET = 500 * KB
# What static hosts compress (text); fonts and images are sent as they are.
COMPRESSED_TYPES = {".html", ".css", ".js", ".json", ".svg", ".txt", ".xml", ".ttf"}
CHART_TIMEOUT_MS = 10_000
LAZY_CHART_PAGE = "book/register.html"  # its chart is below the whole register, far from the first screen


def transfer_size(path: Path) -> int:
    data = path.read_bytes()
    return len(gzip.compress(data, compresslevel=6, mtime=0)) if path.suffix in COMPRESSED_TYPES else len(data)


class _BlockingScripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag != "script" or "src" not in attributes:
            return
        if "defer" in attributes or "async" in attributes or attributes.get("type") == "module":
            return
        self.found.append(attributes["src"])


def render_blocking_scripts(html: str) -> list[str]:
    """The external scripts in `html` that stop the parser, and with it the first paint."""
    parser = _BlockingScripts()
    parser.feed(html)
    return parser.found


def test_the_blocking_script_check_can_fail():
    html = (
        '<head><script src="a.js"></script><script defer src="b.js"></script><script async src="c.js"></script>'
        '<script type="module" src="d.js"></script><script>inline()</script></head><body><script src="e.js"></script>'
    )
    assert render_blocking_scripts(html) == ["a.js", "e.js"]


def test_no_page_has_a_render_blocking_script(site_root):
    pages = [p for p in site_root.rglob("*.html") if "_static" not in p.relative_to(site_root).parts]
    assert len(pages) >= len(site_pages())
    blocking = {str(p.relative_to(site_root)): render_blocking_scripts(p.read_text("utf-8")) for p in pages}
    assert {page: found for page, found in blocking.items() if found} == {}


@pytest.mark.parametrize("page_path", site_pages())
def test_page_weight_is_within_budget(page_path, visited):
    seen = visited(page_path)
    missing = [path for path, file in seen.fetched.items() if not file.is_file()]
    assert missing == [], f"{page_path} fetched files the site does not have"
    sizes = {path: transfer_size(file) for path, file in seen.fetched.items()}
    budget = CHART_PAGE_BUDGET if seen.charts else TEXT_PAGE_BUDGET
    heaviest = sorted(sizes.items(), key=lambda item: -item[1])[:5]
    assert sum(sizes.values()) <= budget, (
        f"{page_path}: {sum(sizes.values()) / KB:.0f} KB compressed, over its {budget // KB} KB budget; "
        f"heaviest: {[(path, round(size / KB)) for path, size in heaviest]}"
    )


def test_charts_paint_static_and_upgrade_only_near_the_viewport(server, browser):
    context = browser.new_context(viewport={"width": 412, "height": 823})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{server}/{LAZY_CHART_PAGE}", wait_until="load")
    page.wait_for_timeout(500)
    chart = page.locator(".tk-chart").first
    assert chart.get_attribute("data-rendered") == "static"
    assert chart.locator("svg .role-mark").count() > 0, "the static chart has no marks"
    assert not any("takenover-vega" in url for url in requests), "the vega bundle loaded with no chart in view"
    before = chart.bounding_box()

    chart.scroll_into_view_if_needed()
    chart.and_(page.locator("[data-rendered=interactive]")).wait_for(timeout=CHART_TIMEOUT_MS)
    after = chart.bounding_box()
    context.close()
    assert any("takenover-vega" in url for url in requests)
    assert abs(after["height"] - before["height"]) <= 0.05 * before["height"], (before, after)
    assert abs(after["width"] - before["width"]) <= 0.05 * before["width"], (before, after)
