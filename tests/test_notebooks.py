"""Every chapter is committed executed and listed in the table of contents.

nbval (run over book/ by the same pytest command) re-executes each notebook and
compares its outputs with the committed ones; it can only do that if outputs
were committed, which these tests make sure of.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import yaml

from conftest import REPO

NOTEBOOKS = sorted((REPO / "book").glob("*.ipynb"))


def toc_files() -> set[str]:
    toc = yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))
    files = {toc["root"]}
    for part in toc.get("parts", []):
        for chapter in part["chapters"]:
            files.add(chapter["file"])
            files.update(section["file"] for section in chapter.get("sections", []))
    return files


def test_every_notebook_is_in_the_table_of_contents():
    assert NOTEBOOKS
    listed = toc_files()
    for path in NOTEBOOKS:
        assert f"book/{path.stem}" in listed, f"{path.name} is not in _toc.yml"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_is_committed_executed_in_order_without_errors(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    code = [c for c in cells if c["cell_type"] == "code" and "".join(c["source"]).strip()]
    assert code, f"{path.name} has no code"
    counts = [c["execution_count"] for c in code]
    assert counts == list(range(1, len(code) + 1)), (
        f"{path.name}: run it top to bottom in a fresh kernel (make execute)"
    )
    for cell in code:
        for output in cell["outputs"]:
            assert output["output_type"] != "error", f"{path.name}: a stored output is an error"
            assert output.get("name") != "stderr", f"{path.name}: a stored output went to stderr"
    assert any(cell["outputs"] for cell in code), f"{path.name}: no outputs for nbval to compare"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_every_chart_is_a_numbered_captioned_figure(path):
    """A chart output must sit in a cell that makes it a figure with a name and a caption."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for index, cell in enumerate(cells):
        html = json.dumps([o.get("data", {}).get("text/html", "") for o in cell.get("outputs", [])])
        if "tk-chart" not in html:
            continue
        figure = cell.get("metadata", {}).get("mystnb", {}).get("figure", {})
        assert figure.get("name", "").startswith("fig-"), f"{path.name} cell {index}: chart without a figure name"
        assert len(figure.get("caption", "")) > 40, f"{path.name} cell {index}: chart without a real caption"
        assert "aria-label=" in html, f"{path.name} cell {index}: chart without alt text"
        assert "tk-figure-source" in html, f"{path.name} cell {index}: chart without a data-source line"


def test_processes_the_tests_start_are_guarded_against_the_network(tmp_path):
    """nbval's kernels inherit the guard pytest_configure sets, as this child process does."""
    probe = (
        "import socket\n"
        "try:\n    socket.create_connection(('192.0.2.1', 80), timeout=1)\n"
        "except OSError as e:\n    print(e)"
    )
    log = tmp_path / "probe.log"  # not the run's own log, which must stay empty
    env = {**os.environ, "NETWORK_GUARD_LOG": str(log)}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True).stdout
    assert "blocked by the build test" in out
    assert "192.0.2.1" in log.read_text(encoding="utf-8")
