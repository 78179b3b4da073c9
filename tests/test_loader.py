"""The loader: typed tables, refusal of tampered data, and independence from the working directory."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

import takenover
from takenover.data import loader as load_module
from takenover.data.loader import DataError

from conftest import DATA


@pytest.fixture
def tampered_data(tmp_path, monkeypatch):
    """A copy of data/ that the loader is pointed at."""
    shutil.copytree(DATA / "clean", tmp_path / "clean")
    shutil.copy(DATA / "datapackage.json", tmp_path / "datapackage.json")
    monkeypatch.setattr(load_module.paths, "DATA_DIR", tmp_path)
    monkeypatch.setattr(load_module.paths, "DESCRIPTOR_PATH", tmp_path / "datapackage.json")
    return tmp_path


def test_categories_follow_the_schema_enum():
    segments = takenover.load("segments")
    fields = load_module.resource("segments")["schema"]["fields"]
    enum = next(f for f in fields if f["name"] == "role")["constraints"]["enum"]
    assert list(segments["role"].cat.categories) == enum


def test_an_edited_clean_file_is_refused(tampered_data):
    path = tampered_data / "clean" / "threads.csv"
    path.write_text(path.read_text().replace(",24,", ",25,"))
    with pytest.raises(DataError, match="does not match the hash"):
        takenover.load("threads")


def test_a_missing_descriptor_says_how_to_rebuild(tampered_data):
    (tampered_data / "datapackage.json").unlink()
    with pytest.raises(DataError, match="make data"):
        takenover.load("sources")


def test_an_unknown_table_lists_the_known_ones():
    with pytest.raises(KeyError, match="comments"):
        takenover.load("comment")


def test_loading_works_from_any_working_directory(tmp_path):
    code = "import takenover; print(len(takenover.load('segments')))"
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) == len(takenover.load("segments"))


def test_changing_the_descriptor_a_caller_got_changes_nothing_later_loads_check():
    """A caller that edits the descriptor it was given (as a test editing hashes does) must not poison
    the loader's own copy: every later load would otherwise refuse good data, or accept bad."""
    package = load_module.descriptor()
    for res in package["resources"]:
        res["hash"] = "sha256:" + "0" * 64
    assert len(takenover.load("comment_codings")) > 0
