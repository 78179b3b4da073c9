"""Hostile and mistaken input (issue 20): every case in support/hostile_cases.py stops the pipeline with
one line naming the file and row, and leaves the output folder as it was."""

from __future__ import annotations

import csv
import re
import shutil

import pytest

from takenover.cite import citation
from takenover.data import loader, pipeline
from takenover.data.tablecheck import FORMULA_START

from conftest import DATA
from support.hostile_cases import CASES, FORMULAS


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


def test_text_a_spreadsheet_would_run_is_published_as_text(raw_copy, tmp_path, monkeypatch):
    """The rule for formula characters (tablecheck.py): one apostrophe before the cell, none after load().
    Every case in FORMULAS is applied to one copy, so the pipeline runs once."""
    for case in FORMULAS:
        case.damage(raw_copy)
    out = tmp_path / "out"
    assert pipeline.main(["--raw", str(raw_copy), "--out", str(out)]) == 0
    monkeypatch.setattr(loader.paths, "DATA_DIR", out)
    monkeypatch.setattr(loader.paths, "DESCRIPTOR_PATH", out / "datapackage.json")
    loader._descriptor.cache_clear()
    try:
        for case in FORMULAS:
            with open(out / "clean" / f"{case.table}.csv", encoding="utf-8", newline="") as handle:
                published = [row[case.column] for row in csv.DictReader(handle)]
            assert "'" + case.value in published, case.name
            assert not any(cell.startswith(FORMULA_START) for cell in published), case.name
            assert case.value in list(loader.load(case.table)[case.column]), case.name
    finally:
        loader._descriptor.cache_clear()


def test_no_published_text_cell_starts_like_a_formula():
    """The committed tables keep the rule too (the loader would refuse a bare formula character)."""
    for res in loader.descriptor()["resources"]:
        text_columns = [f["name"] for f in res["schema"]["fields"] if f["type"] == "string"]
        with open(DATA / res["path"], encoding="utf-8", newline="") as handle:
            for number, row in enumerate(csv.DictReader(handle), start=1):
                for column in text_columns:
                    assert not row[column].startswith(FORMULA_START), f"{res['path']}, row {number}, {column}"


@pytest.mark.parametrize("text", ["A title}, note = {injected", "a {brace", "back\\slash"])
def test_bibtex_refuses_text_it_cannot_escape(text):
    with pytest.raises(ValueError, match="BibTeX"):
        citation._bib_escape(text)


def test_bibtex_escapes_what_latex_would_read_as_markup():
    assert citation._bib_escape("50% of A&B #1 a_b x~y") == r"50\% of A\&B \#1 a\_b x\textasciitilde{}y"


@pytest.mark.parametrize("field", ["https://x.invalid/}, note = {injected", "{", "}{"])
def test_a_bibtex_field_cannot_close_early(field):
    with pytest.raises(ValueError, match="unsafe"):
        citation._bib_entry("misc", "key", {"url": field})


def test_every_annotation_file_is_documented_in_the_folder_s_readme():
    readme = (DATA / "raw" / "annotations" / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([^`]+)` \|", readme, flags=re.M))
    present = {p.name for p in (DATA / "raw" / "annotations").iterdir() if p.name != "README.md"}
    assert present - documented == set(), "add these files to the table in data/raw/annotations/README.md"


@pytest.mark.parametrize("address", ["javascript:alert(1)", 'https://x.invalid/a"onmouseover="alert(1)', "ftp://x"])
def test_metadata_addresses_must_be_http(address, monkeypatch, tmp_path):
    """metadata.yml's site and repository addresses become links on every page: the same rule holds."""
    from takenover.core import metadata

    text = metadata.METADATA_PATH.read_text(encoding="utf-8").replace('site_url: ""', f"site_url: '{address}'")
    (tmp_path / "metadata.yml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(metadata, "METADATA_PATH", tmp_path / "metadata.yml")
    metadata.metadata.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"site_url .* is not an absolute http"):
            metadata.metadata()
    finally:
        metadata.metadata.cache_clear()
