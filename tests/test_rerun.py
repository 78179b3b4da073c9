"""A chapter downloaded from the site reruns outside the repository, with one documented install step.

The test makes a fresh virtual environment from the base interpreter, installs the wheel the built
site offers (with --no-index, so it can only come from that file), takes a notebook from the site's
downloads, and runs it with `jupyter nbconvert --execute` from a folder outside the repository, with
nothing pointing at the repository's data. Its outputs must equal the stored ones.

Why the heavy dependencies are borrowed: installing pandas, altair and the rest into a fresh
environment would take minutes and the network, and would test pip rather than the book. So the fresh
environment gets one `.pth` line naming the project environment's site-packages, for the pinned
third-party packages only: a path line in a .pth file does not run that folder's own .pth files, so
the project's editable install of `takenover` stays invisible, and the test asserts that the package
and the data it loads come from the wheel. `pip check` in the fresh environment then proves the
wheel's pinned requirements are met by exactly those versions.
"""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
from pathlib import Path

import pytest

from takenover.cite.wheel import wheel_name
from takenover.site.downloads import DOWNLOADS, install_line

from conftest import REPO

NOTEBOOK = "group-takeover.ipynb"  # a chapter with prose, tables and a chart


def comparable(notebook: dict) -> list:
    """What nbval compares: each code cell's outputs, without counters and timings."""
    cells = []
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code":
            continue
        outputs = []
        for out in cell.get("outputs", []):
            kept = {k: v for k, v in out.items() if k not in ("execution_count", "metadata")}
            outputs.append(kept)
        cells.append(outputs)
    return cells


@pytest.fixture(scope="module")
def fresh_env(tmp_path_factory, site_root) -> Path:
    env_dir = tmp_path_factory.mktemp("fresh") / "venv"
    base = getattr(sys, "_base_executable", sys.executable)
    subprocess.run([base, "-m", "venv", "--without-pip", str(env_dir)], check=True)
    python = env_dir / "bin" / "python"
    inner = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (Path(inner) / "borrowed-pinned-dependencies.pth").write_text(site.getsitepackages()[0] + "\n")
    wheel = site_root / DOWNLOADS / wheel_name()
    assert wheel.is_file(), "the site offers no wheel"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-index", "--no-deps", "--target", inner, str(wheel)],
        check=True,
        capture_output=True,
    )
    return env_dir


def test_the_downloaded_notebook_says_how_to_install_in_its_first_cell(site_root):
    notebook = json.loads((site_root / DOWNLOADS / "notebooks" / NOTEBOOK).read_text(encoding="utf-8"))
    first = notebook["cells"][0]
    assert first["cell_type"] == "markdown"
    assert "".join(first["source"]) == install_line()
    assert len(install_line().splitlines()) == 1
    assert wheel_name() in install_line()


def test_a_downloaded_notebook_reruns_from_the_wheel_alone(fresh_env, site_root, tmp_path):
    python = fresh_env / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TAKENOVER_", "VIRTUAL_ENV"))}
    env["TAKENOVER_TEST_GUARD"] = os.environ.get("TAKENOVER_TEST_GUARD", "")  # keep the network guard
    probe = "import takenover, takenover.core.paths as p; print(takenover.__file__); print(p.DATA_DIR)"
    where = subprocess.run(
        [str(python), "-c", probe],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=True,
    ).stdout.split()
    assert all(Path(w).is_relative_to(fresh_env) for w in where), f"not from the wheel: {where}"
    checked = subprocess.run([str(python), "-m", "pip", "check"], capture_output=True, text=True, env=env)
    assert checked.returncode == 0, checked.stdout + checked.stderr

    notebook = tmp_path / NOTEBOOK
    notebook.write_bytes((site_root / DOWNLOADS / "notebooks" / NOTEBOOK).read_bytes())
    subprocess.run(
        [str(python), "-m", "nbconvert", "--to", "notebook", "--execute", "--inplace", NOTEBOOK],  # jupyter nbconvert
        cwd=tmp_path,
        env=env,
        check=True,
        capture_output=True,
    )
    rerun = json.loads(notebook.read_text(encoding="utf-8"))
    stored = json.loads((REPO / "book" / NOTEBOOK).read_text(encoding="utf-8"))
    assert comparable(rerun) == comparable(stored)
