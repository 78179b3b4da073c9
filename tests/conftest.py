"""Shared fixtures: the repository's paths, a scratch copy of the raw data, and the built site
with its PDFs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

# Debian's Chromium, driven by Playwright, with the flags that keep it from calling home: the
# same browser and flags that print the PDFs.
from takenover.release.browser import CHROMIUM, CHROMIUM_ARGS

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "data" / "raw"
DATA = REPO / "data"
BIN = Path(sys.executable).parent


def chapters() -> list[str]:
    """Pages in the table of contents whose metadata (notebook) or front matter (markdown) asks to be cited."""
    toc = yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))
    pages = [c["file"] for part in toc["parts"] for c in part["chapters"]]
    found = []
    for page in pages:
        notebook = REPO / f"{page}.ipynb"
        if notebook.exists():
            cited = "citation" in json.loads(notebook.read_text(encoding="utf-8"))["metadata"]
        else:
            cited = (REPO / f"{page}.md").read_text(encoding="utf-8").startswith("---\ncitation:")
        if cited:
            found.append(page)
    return found


@pytest.fixture
def raw_copy(tmp_path: Path) -> Path:
    """A private copy of data/raw that a test may damage."""
    target = tmp_path / "data" / "raw"
    shutil.copytree(RAW, target)
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """Build the book once, from clean, strictly, with network access trapped, then print its
    PDFs into it, as `make site` does.

    A sitecustomize module on PYTHONPATH makes every Python process of the build
    (Sphinx and the notebook kernels) and of the printer refuse and log any
    connection to a host other than this machine.
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
