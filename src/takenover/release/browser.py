"""Print pages of the built site to PDF in Debian's Chromium, driven by Playwright.

The site is served to the browser from disk through a request handler, at the book's public
address when metadata.yml has one (so links in the PDF lead to the published site) and at a
fixed placeholder otherwise; the address never depends on a port or a folder, so the bytes do
not either. Nothing leaves the machine: any request outside the site is refused, and a refused
or missing file stops the print.

Scripts are off in the printed page: each chart stays the static SVG rendered at build time,
hidden code cells stay folded, and no timing-dependent script can change the output. Printing
waits for explicit readiness (the load event, then fonts, charts and images checked by
`scripts/ready.js`), not for the network to go quiet.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..core.metadata import metadata

CHROMIUM = "/usr/bin/chromium"
# Flags that keep Chromium from calling home; the tests launch it with the same ones.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PLACEHOLDER_BASE = "https://print.takenover.invalid/"
SCRIPTS = Path(__file__).parent / "scripts"


def print_base() -> tuple[str, bool]:
    """The address the site is served at while printing, and whether it is the public one."""
    site_url = metadata().get("site_url") or ""
    return (site_url.rstrip("/") + "/", True) if site_url else (PLACEHOLDER_BASE, False)


def script(name: str) -> str:
    return (SCRIPTS / name).read_text(encoding="utf-8")


class NotReadyError(RuntimeError):
    """The page could not be printed as it should look: a file was missing or refused, or
    a chart, font or image was not in place."""


class Printer:
    """One headless Chromium for a batch of prints: `with Printer(site) as printer: ...`."""

    def __init__(self, site: Path) -> None:
        self.site = site.resolve()
        self.base, self.public = print_base()
        self.failures: list[str] = []

    def __enter__(self) -> Printer:
        from playwright.sync_api import sync_playwright

        if not Path(CHROMIUM).exists():
            raise FileNotFoundError(f"{CHROMIUM} is missing: run `bash scripts/install-system-deps.sh`")
        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        self._context = self._browser.new_context(
            java_script_enabled=False,
            color_scheme="light",
            locale="en-GB",
            timezone_id="UTC",
            viewport={"width": 1280, "height": 900},
        )
        self._context.route("**/*", self._serve)
        return self

    def __exit__(self, *exc) -> None:
        self._context.close()
        self._browser.close()
        self._playwright.stop()

    def _serve(self, route) -> None:
        url = route.request.url
        if not url.startswith(self.base):
            self.failures.append(f"refused {url}")
            route.abort()
            return
        relative = unquote(urlsplit(url[len(self.base) :]).path) or "index.html"
        path = (self.site / relative).resolve()
        if not path.is_file() or not path.is_relative_to(self.site):
            self.failures.append(f"missing {relative}")
            route.fulfill(status=404, body="")
            return
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        route.fulfill(status=200, body=path.read_bytes(), content_type=kind)

    def _check(self, page, path: str) -> None:
        problems = self.failures + page.evaluate(script("ready.js"))
        self.failures = []
        if problems:
            raise NotReadyError(f"{path}: " + "; ".join(problems))

    def _open(self, path: str):
        page = self._context.new_page()
        page.goto(self.base + path, wait_until="load")
        self._check(page, path)
        return page

    def _pdf(self, page) -> tuple[bytes, list[str]]:
        page.emulate_media(media="print")
        headings = page.evaluate(script("headings.js"))
        data = page.pdf(prefer_css_page_size=True, print_background=True, tagged=True, outline=True)
        page.close()
        return data, headings

    def chapter(self, path: str) -> tuple[bytes, list[str]]:
        """One page of the site, as it prints on its own, and the headings its outline names."""
        page = self._open(path)
        page.evaluate(script("links.js"), {"base": self.base, "public": self.public})
        return self._pdf(page)

    def book(self, paths: list[str], keys: list[str], css: str, front: str) -> tuple[bytes, list[str]]:
        """Several pages gathered into the first one after the front matter (see scripts/book.js),
        printed as one."""
        page = self._open(paths[0])
        parts = [{"path": path, "key": key} for path, key in zip(paths, keys, strict=True)]
        page.evaluate(script("book.js"), {"base": self.base, "parts": parts, "css": css, "front": front})
        self._check(page, "the whole book")
        return self._pdf(page)
