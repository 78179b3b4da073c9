"""Every page of the built site is valid HTML, by the Nu Html Checker (vnu-jar from npm, on Java).

The checker runs once over every page plus one page known to be invalid, which must be
reported: that proves the checker ran and read the files, so silence about the site means
something.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest

from conftest import REPO

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
KNOWN_BAD = (
    "<title>x</title>\n<details><summary><p>A paragraph where only phrasing content may go</p></summary></details>\n"
)


def html_errors(files: list[Path]) -> dict[str, list[str]]:
    """The checker's errors for each file (keyed by path), with line numbers."""
    java = shutil.which("java")
    if not java or not VNU.is_file():
        pytest.fail("the HTML checker needs Java and node_modules (run `make test`, which installs both)")
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
    )
    errors: dict[str, list[str]] = defaultdict(list)
    for message in json.loads(result.stderr or result.stdout)["messages"]:
        path = message["url"].removeprefix("file:")
        errors[str(Path(path).resolve())].append(f"line {message.get('lastLine', '?')}: {message['message']}")
    return errors


def test_every_page_is_valid_html(site_root, tmp_path):
    pages = [p for p in site_root.rglob("*.html") if "_static" not in p.relative_to(site_root).parts]
    assert site_root / "index.html" in pages  # the root redirect is a page too
    bad = tmp_path / "known-bad.html"
    bad.write_text(KNOWN_BAD, encoding="utf-8")

    errors = html_errors([*pages, bad])

    assert len(errors.pop(str(bad.resolve()), [])) >= 2, "the checker missed the known errors: is it running?"
    found = {str(Path(path).relative_to(site_root.resolve())): messages[:5] for path, messages in errors.items()}
    assert found == {}, f"{sum(len(m) for m in errors.values())} HTML errors"
