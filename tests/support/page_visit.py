"""One visit of a built page in headless Chromium, made as a reader makes it, and recorded.

The visit loads the page with every request off this machine refused, scrolls each chart into
view (charts turn interactive as they near the viewport) and waits for it, scrolls to the end,
and lets the network settle. It then records what the page fetched and logged, draws every
icon twice (in the page's own icon font, then in the theme's full font), and runs axe-core.
The browser tests each check one part of the record, so a page is loaded once however many
things are checked about it. (Screenshots for review come from `make bench`, through Lighthouse.)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from support.offline import only_this_server

CHART_TIMEOUT_MS = 10_000
FULL_ICON_FONTS = "/_static/vendor/fontawesome/webfonts/"
# The theme's icon families and weights -> its full fonts.
FULL_ICON_FONT_FILES = {
    ("Font Awesome 6 Free", "900"): "fa-solid-900.woff2",
    ("Font Awesome 6 Free", "400"): "fa-regular-400.woff2",
    ("Font Awesome 6 Brands", "400"): "fa-brands-400.woff2",
}

FIND_ICONS = """() => {
  const icons = [];
  for (const el of document.querySelectorAll('body *')) {
    for (const pseudo of ['::before', '::after']) {
      const style = getComputedStyle(el, pseudo);
      const match = /^"(.*)"$/.exec(style.content);
      if (!match || !/Font Awesome/.test(style.fontFamily)) continue;
      const text = match[1];
      if (![...text].some(c => c.codePointAt(0) >= 0xe000 && c.codePointAt(0) <= 0xf8ff)) continue;
      icons.push({text, family: style.fontFamily.replace(/"/g, ''), weight: style.fontWeight,
                  where: el.tagName.toLowerCase() + '.' + [...el.classList].join('.') + pseudo});
    }
  }
  return icons;
}"""

# With no fonts given, icons are drawn in the page's own fonts as already loaded (asking the
# browser to load them would fetch every face of the family, the theme's full fonts included).
DRAW_ICONS = """async ([icons, fonts]) => {
  for (const [name, url, weight] of fonts) {
    document.fonts.add(await new FontFace(name, `url(${url})`, {weight}).load());
  }
  await document.fonts.ready;
  const out = [];
  for (const icon of icons) {
    const family = fonts.length ? `TK full ${icon.family} ${icon.weight}` : icon.family;
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 64;
    const ctx = canvas.getContext('2d');
    ctx.font = `${icon.weight} 48px "${family}"`;
    ctx.fillText(icon.text, 4, 52);
    const inked = ctx.getImageData(0, 0, 64, 64).data.some(v => v !== 0);
    out.push(inked ? canvas.toDataURL() : 'blank');
  }
  if (!fonts.length) await new Promise(resolve => setTimeout(resolve, 300));  // let any fallback font request start
  return out;
}"""

METRICS = """() => {
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


@dataclass
class Visit:
    page: str
    blocked: list[str] = field(default_factory=list)  # requests refused because they left the machine
    problems: list[str] = field(default_factory=list)  # console errors, uncaught errors, failed requests
    charts: list[dict] = field(default_factory=list)  # per chart: interactive, marks, width, height
    fetched: dict[str, Path] = field(default_factory=dict)  # URL path -> file of the site
    icons: list[dict] = field(default_factory=list)
    icons_in_page_font: list[str] = field(default_factory=list)  # one drawing per icon
    icons_in_full_font: list[str] = field(default_factory=list)
    full_icon_fonts_fetched: list[str] = field(default_factory=list)
    serious: list[str] = field(default_factory=list)  # axe-core's serious and critical violations
    metrics: dict = field(default_factory=dict)


def visit(browser, server: str, site_root: Path, page_path: str) -> Visit:
    from axe_playwright_python.sync_playwright import Axe

    record = Visit(page_path)
    problems: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    blocked = only_this_server(context, server)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("console", lambda msg: msg.type == "error" and problems.append(msg.text))
    page.on("pageerror", lambda err: problems.append(f"uncaught: {err}"))
    page.on("response", lambda resp: resp.status >= 400 and problems.append(f"HTTP {resp.status} {resp.url}"))

    page.goto(f"{server}/{page_path}", wait_until="load")
    charts = page.locator(".tk-chart")
    for i in range(charts.count()):
        chart = charts.nth(i)
        chart.scroll_into_view_if_needed()
        chart.and_(page.locator("[data-rendered=interactive]")).wait_for(timeout=CHART_TIMEOUT_MS)
        box = chart.locator("svg").first.bounding_box() or {}
        record.charts.append(
            {
                "interactive": chart.get_attribute("data-rendered") == "interactive",
                "marks": chart.locator("svg .role-mark").count(),
                "width": box.get("width", 0),
                "height": box.get("height", 0),
            }
        )
    page.mouse.wheel(0, 100_000)
    page.wait_for_load_state("networkidle")
    record.fetched = _site_files(server, site_root, requested)
    record.problems = list(problems)  # what follows (icon fonts, axe's own fetches) is the test's doing
    record.metrics = page.evaluate(METRICS)

    record.icons = page.evaluate(FIND_ICONS)
    record.icons_in_page_font = page.evaluate(DRAW_ICONS, [record.icons, []])
    record.full_icon_fonts_fetched = [url for url in requested if FULL_ICON_FONTS in url]
    faces = [
        [f"TK full {family} {weight}", f"{server}{FULL_ICON_FONTS}{FULL_ICON_FONT_FILES[family, weight]}", weight]
        for family, weight in {(i["family"], i["weight"]) for i in record.icons}
        if (family, weight) in FULL_ICON_FONT_FILES
    ]
    record.icons_in_full_font = page.evaluate(DRAW_ICONS, [record.icons, faces])

    results = Axe().run(page)
    record.serious = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    context.close()
    record.blocked = blocked
    return record


def _site_files(server: str, site_root: Path, urls: list[str]) -> dict[str, Path]:
    files = {}
    for url in urls:
        parts = urlparse(url)
        if f"{parts.scheme}://{parts.netloc}" == server:
            files[parts.path] = site_root / unquote(parts.path).lstrip("/")
    return files
