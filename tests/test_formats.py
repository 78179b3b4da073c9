"""Jupyter Book's other builders still work with the site's extensions: the EPUB passes EPUBCheck
(Debian's epubcheck) with no message at all, and the single-page HTML builds. Both are built as the
test site is, strictly (warnings are errors) and from the notebooks' stored outputs."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from takenover.cite.edition import edition_stem

from conftest import BIN, REPO

EPUBCHECK = Path("/usr/share/java/epubcheck.jar")


def build(builder: list[str], out: Path) -> subprocess.CompletedProcess:
    config = yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))
    config["execute"]["execute_notebooks"] = "off"
    out.mkdir(parents=True, exist_ok=True)
    (out / "_config.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    command = [str(BIN / "jupyter-book"), "build", str(REPO), "--config", str(out / "_config.yml")]
    command += ["--path-output", str(out), "--all", "-W", "-n", "--keep-going", *builder]
    return subprocess.run(command, capture_output=True, text=True, cwd=REPO, env=dict(os.environ))


def test_the_epub_builds_and_passes_epubcheck(tmp_path):
    if not EPUBCHECK.is_file():
        pytest.fail(f"{EPUBCHECK} is missing: run `bash scripts/install-system-deps.sh`")
    result = build(["--builder", "custom", "--custom-builder", "epub"], tmp_path)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    epub = tmp_path / "_build" / "epub" / f"{edition_stem()}.epub"
    checked = subprocess.run(["java", "-jar", str(EPUBCHECK), str(epub)], capture_output=True, text=True)
    report = checked.stdout + checked.stderr
    assert checked.returncode == 0, report[-3000:]
    assert "Messages: 0 fatals / 0 errors / 0 warnings" in report, report[-3000:]


def test_the_single_page_html_builds(tmp_path):
    result = build(["--builder", "singlehtml"], tmp_path)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    page = (tmp_path / "_build" / "singlehtml" / "book" / "index.html").read_text(encoding="utf-8")  # the root page
    for title in ("The claims", "Three episodes compared", "Licences"):
        assert title in page
    shutil.rmtree(tmp_path / "_build")
