"""Benchmark the built site with Lighthouse: every page, mobile profile, simulated throttling.

Usage: python scripts/bench.py [--site _build/html] [--out _build/bench] [--runs N] [PAGE ...]

Serves the site gzip-compressed on 127.0.0.1 (scripts/serve_gzip.py), runs the Lighthouse
pinned in package.json on Debian's Chromium (CHROME_PATH) over each page, and writes
`lighthouse.md` (a table), `lighthouse.json` (the same numbers), each page's full report under
`reports/`, and the full-page screenshot Lighthouse took of it under `screenshots/`, for
review. With --runs N, each page is measured N times and the run with the median performance
score is kept. The register page, whose performance score sits nearest the 0.90 line, is always
measured --register-runs times (default 3), each run in `lighthouse-register.md`.

It also takes Chromium screenshots of a few pages at 390 and 1280 CSS pixels wide (a phone and a
desktop), full page, under `screenshots/` as `<page>.<width>.png`, and of a followed claim link
(`register#cl-c08`) as the first screen a reader sees, so a change to the pages can be compared
by eye before and after. A benchmark, not a test: its numbers vary a little between runs.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import serve_gzip  # a sibling script, found through the path above

REPO = Path(__file__).resolve().parents[1]
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
# Headless, sandbox-free (containers run as root), and nothing that calls home.
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run --disable-quic"
)
REGISTER = "book/register.html"
SCREENSHOT_PAGES = ["book/register.html", "book/labour-hq-2017.html", "book/synthesis.html", "book/claims.html"]
SCREENSHOT_WIDTHS = (390, 1280)
FOLLOWED_LINK = "book/register.html#cl-c08"
CATEGORIES = ["performance", "accessibility", "best-practices"]
METRICS = {
    "fcp_ms": "first-contentful-paint",
    "lcp_ms": "largest-contentful-paint",
    "tbt_ms": "total-blocking-time",
    "cls": "cumulative-layout-shift",
    "transfer_kb": "total-byte-weight",
}


def site_pages(site: Path) -> list[str]:
    """Every HTML page a reader can open, except the root redirect and the theme's template fragments."""
    pages = [p.relative_to(site).as_posix() for p in site.rglob("*.html")]
    return sorted(p for p in pages if p != "index.html" and not p.startswith("_static/"))


def lighthouse(url: str, report: Path) -> dict:
    report.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--output=json",
            f"--output-path={report}",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": CHROME},
    )
    return json.loads(report.read_text(encoding="utf-8"))


def summarise(result: dict) -> dict:
    row = {name: result["categories"][name]["score"] for name in CATEGORIES}
    for name, audit in METRICS.items():
        value = result["audits"][audit]["numericValue"]
        row[name] = round(value / 1024, 1) if name == "transfer_kb" else round(value, 3 if name == "cls" else 0)
    return row


def save_screenshot(result: dict, target: Path) -> None:
    """Write the full-page screenshot a Lighthouse report carries (a data: URL) to `target` + its type."""
    url = result["fullPageScreenshot"]["screenshot"]["data"]  # data:image/webp;base64,...
    header, data = url.split(",", 1)
    kind = header.removeprefix("data:image/").removesuffix(";base64")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.with_suffix(f".{kind}").write_bytes(base64.b64decode(data))


def measure_runs(base: str, page: str, out: Path, runs: int) -> list[dict]:
    """Every run of one page, for pages whose score varies near a threshold."""
    name = page.replace("/", "__").removesuffix(".html")
    return [summarise(lighthouse(f"{base}/{page}", out / "reports" / f"{name}.runs.{run}.json")) for run in range(runs)]


def screenshots(base: str, out: Path, pages: list[str]) -> list[Path]:
    """Full-page screenshots at each width, and the first screen of a followed claim link."""
    from playwright.sync_api import sync_playwright

    from takenover.release.browser import CHROMIUM, CHROMIUM_ARGS

    folder = out / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    taken = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width in SCREENSHOT_WIDTHS:
            tab = browser.new_page(viewport={"width": width, "height": 844 if width < 600 else 900})
            for page in [*pages, FOLLOWED_LINK]:
                tab.goto(f"{base}/{page}", wait_until="load")
                tab.wait_for_load_state("networkidle")
                followed = "#" in page
                if not followed:  # let every chart turn interactive, as a reader scrolling would
                    tab.mouse.wheel(0, 100_000)
                    tab.wait_for_load_state("networkidle")
                    tab.evaluate("window.scrollTo(0, 0)")
                name = page.replace("/", "__").replace(".html", "").replace("#", ".")
                target = folder / f"{name}.{width}.png"
                tab.screenshot(path=str(target), full_page=not followed)
                taken.append(target)
            tab.close()
        browser.close()
    return taken


def measure(base: str, page: str, out: Path, runs: int) -> dict:
    rows = []
    name = page.replace("/", "__").removesuffix(".html")
    for run in range(runs):
        result = lighthouse(f"{base}/{page}", out / "reports" / f"{name}.{run}.json")
        rows.append(summarise(result))
    save_screenshot(result, out / "screenshots" / name)
    median = statistics.median_low(r["performance"] for r in rows)
    return next(r for r in rows if r["performance"] == median)


def table(results: dict[str, dict]) -> str:
    head = ["page", *CATEGORIES, "transfer (KB, gzip)", "FCP (ms)", "LCP (ms)", "TBT (ms)", "CLS"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for page, r in results.items():
        cells = [page, *(f"{r[c]:.2f}" for c in CATEGORIES), r["transfer_kb"], r["fcp_ms"], r["lcp_ms"]]
        lines.append("| " + " | ".join(str(c) for c in [*cells, r["tbt_ms"], r["cls"]]) + " |")
    return "\n".join(lines) + "\n"


def runs_table(page: str, rows: list[dict]) -> str:
    scores = [r["performance"] for r in rows]
    lines = [
        f"{page}, {len(rows)} runs (median performance {statistics.median_low(scores):.2f}, lowest {min(scores):.2f}):",
        "",
        table({f"run {i + 1}": r for i, r in enumerate(rows)}),
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=REPO / "_build" / "html")
    parser.add_argument("--out", type=Path, default=REPO / "_build" / "bench")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--register-runs", type=int, default=3, help="Lighthouse runs of the register page")
    parser.add_argument("--no-screenshots", action="store_true", help="skip the 390 and 1280 px screenshots")
    parser.add_argument("pages", nargs="*", help="pages relative to the site (default: all)")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is missing: run `npm ci` (make bench does)")
    pages = args.pages or site_pages(args.site)
    httpd, base = serve_gzip.start(args.site)
    results = {}
    register_runs: list[dict] = []
    try:
        for page in pages:
            results[page] = measure(base, page, args.out, args.runs)
            print(page, results[page], flush=True)
        if args.register_runs and (REGISTER in pages or not args.pages):
            register_runs = measure_runs(base, REGISTER, args.out, args.register_runs)
        if not args.no_screenshots:
            for path in screenshots(base, args.out, [p for p in SCREENSHOT_PAGES if (args.site / p).exists()]):
                print("screenshot", path, flush=True)
    finally:
        httpd.shutdown()
    args.out.mkdir(parents=True, exist_ok=True)
    text = table(results)
    if register_runs:
        text += "\n" + runs_table(REGISTER, register_runs)
        (args.out / "lighthouse-register.md").write_text(runs_table(REGISTER, register_runs), encoding="utf-8")
    (args.out / "lighthouse.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    if register_runs:
        (args.out / "lighthouse-register.json").write_text(json.dumps(register_runs, indent=2) + "\n", encoding="utf-8")
    (args.out / "lighthouse.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
