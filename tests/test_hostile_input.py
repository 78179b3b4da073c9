"""Hostile and mistaken input (issue 20): every case in support/hostile_cases.py stops the pipeline with
one line naming the file and row, and leaves the output folder as it was."""

from __future__ import annotations

import shutil

import pytest

from takenover.data import pipeline

from conftest import DATA
from support.hostile_cases import CASES


@pytest.fixture(scope="module")
def committed_output(tmp_path_factory):
    out = tmp_path_factory.mktemp("committed")
    shutil.copytree(DATA / "clean", out / "clean")
    shutil.copy(DATA / "datapackage.json", out / "datapackage.json")
    return out


def snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_input_stops_with_one_line_naming_file_and_row(case, raw_copy, committed_output, capsys):
    place = case.place(raw_copy)
    before = snapshot(committed_output)
    case.damage(raw_copy)
    assert pipeline.main(["--raw", str(raw_copy), "--out", str(committed_output)]) == 1
    message = capsys.readouterr().err
    assert message.count("\n") == 1, f"not one line: {message!r}"
    assert f"error: {place}" in message, f"{place!r} not named first in: {message}"
    for fragment in case.says:
        assert fragment in message, f"{fragment!r} missing from: {message}"
    assert snapshot(committed_output) == before, "the pipeline changed its output folder despite failing"


def test_every_case_has_a_distinct_name():
    names = [case.name for case in CASES]
    assert len(names) == len(set(names))
