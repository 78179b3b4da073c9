"""Shared fixtures: the repository's paths, a scratch copy of the raw data, and the built site."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "data" / "raw"
DATA = REPO / "data"
BIN = Path(sys.executable).parent
# Debian's Chromium, driven by Playwright; the flags keep it from calling home.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture
def raw_copy(tmp_path: Path) -> Path:
    """A private copy of data/raw that a test may damage."""
    target = tmp_path / "data" / "raw"
    shutil.copytree(RAW, target)
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """Build the book once, from clean, strictly, with network access trapped.

    A sitecustomize module on PYTHONPATH makes every Python process of the build
    (Sphinx and the notebook kernels) refuse and log any connection to a host
    other than this machine.
    """
    out = tmp_path_factory.mktemp("site")
    guard = out / "guard"
    guard.mkdir()
    log = out / "network-attempts.log"
    shutil.copy(REPO / "tests" / "support" / "sitecustomize.py", guard / "sitecustomize.py")
    env = {**os.environ, "PYTHONPATH": str(guard), "NETWORK_GUARD_LOG": str(log)}
    result = subprocess.run(
        [str(BIN / "jupyter-book"), "build", str(REPO), "--path-output", str(out), "--all", "-W", "-n", "--keep-going"],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
    )
    (out / "build.log").write_text(result.stdout + result.stderr)
    (out / "build.rc").write_text(str(result.returncode))
    html = out / "_build" / "html"
    html.mkdir(parents=True, exist_ok=True)
    return out


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session (Playwright allows one sync instance)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `bash scripts/install-system-deps.sh`")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def site_root(built_site) -> Path:
    html = built_site / "_build" / "html"
    assert (html / "book" / "index.html").is_file(), "the site did not build; see test_build"
    return html


@pytest.fixture(scope="session")
def server(site_root):
    """The built site over HTTP on 127.0.0.1, as plain files."""
    handler = functools.partial(_QuietHandler, directory=str(site_root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def site_pages() -> list[str]:
    """Every page of the book, from the table of contents, plus the search page and the index."""
    toc = yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))
    pages = [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]
    return [f"{page}.html" for page in pages] + ["search.html", "genindex.html"]
