"""Benchmark the built site with Lighthouse: every page, mobile profile, simulated throttling.

Usage: python scripts/bench.py [--site _build/html] [--out _build/bench] [--runs N] [PAGE ...]

Serves the site gzip-compressed on 127.0.0.1 (scripts/serve_gzip.py), runs the Lighthouse
pinned in package.json on Debian's Chromium (CHROME_PATH) over each page, and writes
`lighthouse.md` (a table), `lighthouse.json` (the same numbers), each page's full report under
`reports/`, and the full-page screenshot Lighthouse took of it under `screenshots/`, for
review. With --runs N, each page is measured N times and the run with the median performance
score is kept. A benchmark, not a test: its numbers vary a little between runs.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=REPO / "_build" / "html")
    parser.add_argument("--out", type=Path, default=REPO / "_build" / "bench")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("pages", nargs="*", help="pages relative to the site (default: all)")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is missing: run `npm ci` (make bench does)")
    pages = args.pages or site_pages(args.site)
    httpd, base = serve_gzip.start(args.site)
    results = {}
    try:
        for page in pages:
            results[page] = measure(base, page, args.out, args.runs)
            print(page, results[page], flush=True)
    finally:
        httpd.shutdown()
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "lighthouse.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (args.out / "lighthouse.md").write_text(table(results), encoding="utf-8")
    print(table(results))


if __name__ == "__main__":
    main()
