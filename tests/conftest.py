"""Shared fixtures: the repository's paths, a scratch copy of the raw data, the built site with
its PDFs, and each page of it as visited in Chromium; and how the tests are shared between two workers.

`make test` runs pytest on two workers (pytest-xdist, see pyproject.toml). The site is built
once for both: the first worker to need it builds it under a file lock, the other waits and
reuses it. The run starts with the build on one worker while the other runs the tests that
need no site. Tests go to workers in units (PageNotebookScheduling): all tests of one page,
so the page is visited once; all cells of one notebook, so nbval runs them in order in one
kernel; all of one module where a module-scoped server is costly to start.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest
import yaml
from filelock import FileLock

from takenover.release.browser import CHROMIUM, CHROMIUM_ARGS  # the same browser and flags print the PDFs

from support.page_visit import Visit, visit

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "data" / "raw"
DATA = REPO / "data"
BIN = Path(sys.executable).parent
BROWSER_REPORT = REPO / "_build" / "browser-report.json"
FIRST_SITE_TEST = "test_site_builds_with_warnings_as_errors"
KERNEL_GUARD_ENV = "TAKENOVER_TEST_GUARD"  # the folder of the guard every process of the run loads
WHOLE_MODULES = {"tests/test_jupyterlab.py"}  # one JupyterLab server for all its tests


def pytest_configure(config):
    """Guard every Python process the tests start, nbval's kernels above all: none may leave this machine.

    Set once, in the controlling process, before the workers start; the workers and everything
    they start inherit it. pytest_sessionfinish fails the run if anything was refused.
    """
    if os.environ.get("PYTEST_XDIST_WORKER") or os.environ.get(KERNEL_GUARD_ENV):
        return
    guard = Path(tempfile.mkdtemp(prefix="takenover-guard-"))
    shutil.copy(REPO / "tests" / "support" / "sitecustomize.py", guard / "sitecustomize.py")
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(guard), os.environ.get("PYTHONPATH")]))
    os.environ["NETWORK_GUARD_LOG"] = str(guard / "network-attempts.log")
    os.environ[KERNEL_GUARD_ENV] = str(guard)


def pytest_sessionfinish(session, exitstatus):
    if os.environ.get("PYTEST_XDIST_WORKER") or not os.environ.get(KERNEL_GUARD_ENV):
        return
    log = Path(os.environ[KERNEL_GUARD_ENV]) / "network-attempts.log"
    attempts = log.read_text(encoding="utf-8") if log.exists() else ""
    if attempts:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        reporter.write_line(f"A process the tests started tried to reach the network:\n{attempts}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_collection_modifyitems(config, items):
    """Start the site build first, then run what needs no site, then what needs it."""

    def order(item) -> int:
        if item.name == FIRST_SITE_TEST:
            return 0
        return 2 if "built_site" in getattr(item, "fixturenames", ()) else 1

    items.sort(key=order)  # stable: within each band, collection order is kept


@pytest.hookimpl(optionalhook=True)  # so `-p no:xdist` runs the tests in one process
def pytest_xdist_make_scheduler(config, log):
    from xdist.scheduler import LoadScopeScheduling

    class PageNotebookScheduling(LoadScopeScheduling):
        """Units of work: a page's tests, a notebook's cells, a module in WHOLE_MODULES, else one test."""

        def _split_scope(self, nodeid: str) -> str:
            path, _, rest = nodeid.partition("::")
            page = re.search(r"\[([^\[\]]+\.html)\]$", rest)
            if page:
                return page.group(1)
            return path if path.endswith(".ipynb") or path in WHOLE_MODULES else nodeid

    return PageNotebookScheduling(config, log)


def toc_pages() -> list[str]:
    """Every page of the table of contents, the root first, in reading order."""
    toc = yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))
    return [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]


def citable_pages() -> list[str]:
    """The pages a reader cites as sections of the book: every page of the table of contents but
    the root, which is cited as the book itself."""
    return toc_pages()[1:]


def site_pages() -> list[str]:
    """Every page of the book, from the table of contents, plus the search page and the index."""
    return [f"{page}.html" for page in toc_pages()] + ["search.html", "genindex.html"]


@pytest.fixture
def raw_copy(tmp_path: Path) -> Path:
    """A private copy of data/raw that a test may damage."""
    target = tmp_path / "data" / "raw"
    shutil.copytree(RAW, target)
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """Build the book once, from clean, strictly, with network access trapped, then print its
    PDFs into it, as `make site` does, but from the notebooks' stored outputs (see _build_site).

    A sitecustomize module on PYTHONPATH makes every Python process of the build (Sphinx)
    and of the printer refuse and log any connection to a host other than this machine;
    nbval's kernels, which rerun the notebooks, are guarded the same way (pytest_configure).
    """
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's folder, above each worker's own
    out = shared / "site"
    with FileLock(str(shared / "site.lock")):
        if not (out / "build.rc").exists():
            _build_site(out)
    return out


def _build_site(out: Path) -> None:
    guard = out / "guard"
    guard.mkdir(parents=True)
    log = out / "network-attempts.log"
    shutil.copy(REPO / "tests" / "support" / "sitecustomize.py", guard / "sitecustomize.py")
    env = {**os.environ, "PYTHONPATH": str(guard), "NETWORK_GUARD_LOG": str(log)}
    # The notebooks' stored outputs, not a second run of them: nbval runs every notebook in this
    # same session and fails if any output differs, and the pages come out byte for byte the same.
    config = yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))
    config["execute"]["execute_notebooks"] = "off"
    (out / "_config.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    build = [str(BIN / "jupyter-book"), "build", str(REPO), "--config", str(out / "_config.yml")]
    result = subprocess.run(
        [*build, "--path-output", str(out), "--all", "-W", "-n", "--keep-going"],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
    )
    (out / "build.log").write_text(result.stdout + result.stderr)
    html = out / "_build" / "html"
    html.mkdir(parents=True, exist_ok=True)
    if result.returncode == 0:
        printed = subprocess.run(
            [str(BIN / "python"), "-m", "takenover.release.pdf", "--site", str(html)],
            capture_output=True,
            text=True,
            env=env,
            cwd=REPO,
        )
        (out / "print.log").write_text(printed.stdout + printed.stderr)
        (out / "print.rc").write_text(str(printed.returncode))
    (out / "build.rc").write_text(str(result.returncode))  # last: its presence means the build is done


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


@pytest.fixture(scope="session")
def visited(browser, server, site_root):
    """visited(page) -> the Visit of that page, made once per worker and kept.

    Each visit adds the page's weight and chart timings to _build/browser-report.json, for review.
    """
    visits: dict[str, Visit] = {}

    def get(page_path: str) -> Visit:
        if page_path not in visits:
            visits[page_path] = visit(browser, server, site_root, page_path)
            _add_to_report(page_path, visits[page_path].metrics)
        return visits[page_path]

    return get


def _add_to_report(page_path: str, metrics: dict) -> None:
    BROWSER_REPORT.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(BROWSER_REPORT) + ".lock"):
        report = json.loads(BROWSER_REPORT.read_text()) if BROWSER_REPORT.exists() else {}
        report[page_path] = metrics
        BROWSER_REPORT.write_text(json.dumps(report, indent=2, sort_keys=True) + "\n")
