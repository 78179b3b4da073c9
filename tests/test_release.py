"""The release archive: complete, verifiable with `sha256sum -c`, and the same bytes every time.

The archive is made twice from the one built site (with its PDFs); a full `make release` twice,
from clean, is `make release-check`, which takes two builds and so stays out of `make test`.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import tarfile
from pathlib import Path

import pytest

from takenover.cite.edition import edition_stem, release_timestamp
from takenover.cite.zenodo import zenodo_metadata
from takenover.core.metadata import metadata
from takenover.data.loader import descriptor
from takenover.release import checks
from takenover.release.archive import make_release

from conftest import REPO, citable_pages


@pytest.fixture(scope="module")
def archives(built_site, tmp_path_factory) -> list[Path]:
    site = built_site / "_build" / "html"
    assert (built_site / "print.rc").read_text() == "0", "the PDFs were not printed"
    return [make_release(site, tmp_path_factory.mktemp(f"release{n}")) for n in (1, 2)]


@pytest.fixture(scope="module")
def unpacked(archives, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(archives[0]) as tar:
        tar.extractall(target, filter="data")
    return target / edition_stem()


def test_two_releases_are_byte_identical(archives):
    first, second = (a.read_bytes() for a in archives)
    assert first == second
    assert archives[0].name == f"{edition_stem()}.tar.gz"
    digest_line = (archives[0].parent / f"{archives[0].name}.sha256").read_text()
    assert digest_line.endswith(f"  {archives[0].name}\n")


def test_entries_are_fixed_and_relative(archives):
    mtime = int(release_timestamp().timestamp())
    with tarfile.open(archives[0]) as tar:
        members = tar.getmembers()
    names = [m.name for m in members]
    assert names == sorted(names)
    assert all(name == edition_stem() or name.startswith(f"{edition_stem()}/") for name in names)
    assert {(m.uid, m.gid, m.uname, m.gname, m.mtime) for m in members} == {(0, 0, "", "", mtime)}
    assert {m.mode for m in members} <= {0o644, 0o755}
    assert all(m.isfile() or m.isdir() for m in members)


def test_manifest_verifies_with_sha256sum(unpacked):
    result = subprocess.run(["sha256sum", "-c", "--strict", "SHA256SUMS"], cwd=unpacked, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr
    listed = {line.split("  ", 1)[1] for line in (unpacked / "SHA256SUMS").read_text().splitlines()}
    on_disk = {p.relative_to(unpacked).as_posix() for p in unpacked.rglob("*") if p.is_file()}
    assert listed == on_disk - {"SHA256SUMS"}, "the manifest must cover every file"


def test_manifest_catches_a_changed_file(unpacked, tmp_path):
    copy = tmp_path / "copy"
    subprocess.run(["cp", "-a", str(unpacked), str(copy)], check=True)
    with (copy / "data" / "datapackage.json").open("a") as f:
        f.write(" ")
    result = subprocess.run(["sha256sum", "--check", "--quiet", "SHA256SUMS"], cwd=copy, capture_output=True, text=True)
    assert result.returncode != 0
    assert "data/datapackage.json: FAILED" in result.stdout


def test_archive_holds_the_whole_edition(unpacked):
    stem = edition_stem()
    expected = ["README.md", "CITATION.cff", ".zenodo.json", "LICENSE", "LICENSE-CONTENT.md", "site/index.html"]
    expected += [f"pdf/{stem}.pdf"] + [f"pdf/{stem}-{Path(c).name}.pdf" for c in citable_pages()]
    expected += [f"site/_pdf/{c}.pdf" for c in citable_pages()]
    expected += [f"notebooks/{p.name}" for p in (REPO / "book").glob("*.ipynb")]
    expected += ["data/datapackage.json"] + [f"data/{r['path']}" for r in descriptor()["resources"]]
    expected += ["source/Makefile", "source/metadata.yml", "source/src/takenover/release/archive.py"]
    assert [name for name in expected if not (unpacked / name).is_file()] == []
    assert (unpacked / "data/datapackage.json").read_bytes() == (REPO / "data/datapackage.json").read_bytes()
    notebook = json.loads((unpacked / "notebooks/data-dictionary.ipynb").read_text())
    assert any(cell.get("outputs") for cell in notebook["cells"]), "notebooks must keep their outputs"
    readme = (unpacked / "README.md").read_text()
    assert "sha256sum -c SHA256SUMS" in readme
    assert "make release" in readme
    assert metadata()["version"] in readme


def test_zenodo_metadata_follows_metadata_yml():
    meta = metadata()
    deposit = json.loads((REPO / ".zenodo.json").read_text(encoding="utf-8"))
    assert deposit == zenodo_metadata()
    assert deposit["title"].startswith(meta["title"])
    assert [c["name"] for c in deposit["creators"]] == [a["name"] for a in meta["authors"]]
    assert deposit["version"] == meta["version"]
    assert deposit["publication_date"] == meta["released"].isoformat()
    assert deposit["license"] == meta["licence"]["prose_and_data"].lower()
    assert meta["licence"]["code"] in deposit["notes"]
    assert deposit["keywords"] == meta["keywords"]
    assert deposit["upload_type"] == "publication"
    assert deposit["access_right"] == "open"
    assert all(
        r["relation"] and r["identifier"].startswith(("http://", "https://")) for r in deposit["related_identifiers"]
    )


def test_the_version_agrees_everywhere():
    assert checks.disagreements() == []


def test_a_release_with_an_unrecorded_version_is_refused(monkeypatch):
    bumped = {**metadata(), "version": "9.9.9", "released": dt.date(2031, 1, 1)}
    monkeypatch.setattr(checks, "metadata", lambda: bumped)
    problems = checks.disagreements()
    assert any("changelog.md" in p and "9.9.9" in p for p in problems), problems
    assert any("datapackage.json" in p for p in problems), problems


def test_changelog_top_reads_the_latest_entry():
    text = "# Changelog\n\n## 1.2.0 (2027-03-04)\n\n- new\n\n## 1.1.0 (2027-01-01)\n"
    assert checks.changelog_top(text) == ("1.2.0", "2027-03-04")
    assert checks.changelog_top("# Changelog\n\nnothing yet\n") is None
