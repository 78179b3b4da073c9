"""Faults (issue 20): kill or fail a step, then check what is left. What ships must be whole.

Kills are real: the step runs in a child process that calls os._exit at the chosen moment, so no
`finally` block or exception handler runs, as with SIGKILL. Everything else is injected in-process.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from takenover.core import atomic
from takenover.data import publish

from conftest import DATA, REPO

# --- one file ---------------------------------------------------------------------------------------


def test_a_write_that_fails_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "claimreview.jsonld"
    target.write_bytes(b'{"old": true}')

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space"):
        atomic.write_bytes(target, b'{"new": true, "long": "' + b"x" * 100_000 + b'"}')
    assert target.read_bytes() == b'{"old": true}'
    assert [p.name for p in tmp_path.iterdir()] == ["claimreview.jsonld"]


def test_an_export_that_fails_half_way_leaves_each_export_whole(tmp_path, monkeypatch):
    from takenover.cite import generated

    first, second = tmp_path / "claimreview.jsonld", tmp_path / "episodes.stix.json"
    first.write_bytes(b"old 1")
    second.write_bytes(b"old 2")
    real = atomic.write_bytes

    def fail_on_second(path, data):
        if path == second:
            raise OSError(5, "Input/output error")
        real(path, data)

    monkeypatch.setattr(atomic, "write_bytes", fail_on_second)
    with pytest.raises(OSError, match="Input/output"):
        generated.write_or_check({first: b"new 1", second: b"new 2"}, check=False, remedy="make data")
    assert (first.read_bytes(), second.read_bytes()) == (b"new 1", b"old 2")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claimreview.jsonld", "episodes.stix.json"]


def test_a_print_that_is_not_a_whole_pdf_never_replaces_the_last_one(tmp_path):
    from takenover.release import pdf

    target = tmp_path / "_pdf" / "book" / "claims.pdf"
    target.parent.mkdir(parents=True)
    target.write_bytes(b"%PDF-1.7 the last good print")
    with pytest.raises(Exception, match=r"(?i)pdf|stream|header|trailer"):
        pdf._write(tmp_path, "_pdf/book/claims.pdf", b"%PDF-1.7\n1 0 obj << /Type /Cat", 0.0, {})
    assert target.read_bytes() == b"%PDF-1.7 the last good print"
    assert [p.name for p in target.parent.iterdir()] == ["claims.pdf"]


# --- the data swap, killed at every step ---------------------------------------------------------


def publish_killed_at(step: int, files: dict[str, bytes], out: Path, monkeypatch) -> int:
    """Run publish() in a forked child that dies (os._exit, as under SIGKILL: no cleanup runs) as its
    `step`-th file-system step begins; 0 means no kill. The child's exit status, and with no kill, the
    number of steps on stdout via a pipe."""
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # the child: count steps, die at the chosen one
        os.close(read_end)
        count = [0]

        def deadly(function):
            def step_of_publish(*args, **kwargs):
                count[0] += 1
                if count[0] == step:
                    os._exit(137)
                return function(*args, **kwargs)

            return step_of_publish

        for owner, name in [(atomic, "write_bytes"), (atomic, "_exchange"), (atomic, "staging_folder"),
                            (shutil, "rmtree"), (Path, "replace"), (Path, "rename")]:  # fmt: skip
            monkeypatch.setattr(owner, name, deadly(getattr(owner, name)))
        publish.publish(files, out)
        os.write(write_end, str(count[0]).encode())
        os._exit(0)
    os.close(write_end)
    _, status = os.waitpid(child, 0)
    steps = os.read(read_end, 100).decode()
    os.close(read_end)
    code = os.waitstatus_to_exitcode(status)
    return int(steps) if code == 0 and step == 0 else code


def _dataset(version: str) -> dict[str, str]:
    tables = {f"clean/t{n}.csv": f"id,v\n{n},{version}\n" for n in range(3)}
    resources = [
        {"name": Path(path).stem, "path": path, "hash": "sha256:" + hashlib.sha256(data.encode()).hexdigest()}
        for path, data in tables.items()
    ]
    return {**tables, "datapackage.json": json.dumps({"version": version, "resources": resources})}


def _state(out: Path) -> str:
    """'old' or 'new' when the descriptor describes clean/ and nothing is left over; else what is wrong."""
    assert (out / "clean").is_dir(), "data/clean is missing"
    version = json.loads((out / "datapackage.json").read_text())["version"]
    if not publish._describes(out / "datapackage.json", out / "clean"):
        return "mixed"
    leftovers = [p.name for p in out.iterdir() if p.name not in ("clean", "datapackage.json")]
    return version if not leftovers else f"{version} with leftovers {leftovers}"


def test_the_data_swap_killed_at_any_step_leaves_a_whole_dataset(tmp_path, monkeypatch):
    old = {k: v.encode() for k, v in _dataset("old").items()}
    new = {k: v.encode() for k, v in _dataset("new").items()}
    publish.publish(old, tmp_path / "count")
    steps = publish_killed_at(0, new, tmp_path / "count", monkeypatch)  # a run without a kill counts them
    assert steps >= 8
    seen = set()
    for step in range(1, steps + 1):
        out = tmp_path / f"killed-{step}"
        publish.publish(old, out)
        assert publish_killed_at(step, new, out, monkeypatch) == 137
        assert (out / "clean").is_dir(), f"killed at step {step}: no data/clean"
        publish.finish_interrupted(out)  # what the next run does first
        assert _state(out) in ("old", "new"), f"killed at step {step}, then recovered: {_state(out)}"
        seen.add(_state(out))
        publish.publish(new, out)
        assert _state(out) == "new"
    assert seen == {"old", "new"}, "some kills must roll back, and a kill after the swap must roll forward"


def test_stale_staging_folders_are_removed_by_the_next_run(tmp_path):
    out = tmp_path / "data"
    publish.publish({k: v.encode() for k, v in _dataset("old").items()}, out)
    for leftover in [".clean.partial-k1ll3d", ".staging-from-an-old-version"]:
        (out / leftover / "clean").mkdir(parents=True)
        (out / leftover / "clean" / "t0.csv").write_text("half")
    (out / ".datapackage.json.partial-abc").write_text("{half")
    publish.publish({k: v.encode() for k, v in _dataset("new").items()}, out)
    assert _state(out) == "new"


def test_a_run_that_changes_nothing_rewrites_nothing(tmp_path):
    out = tmp_path / "data"
    files = {k: v.encode() for k, v in _dataset("old").items()}
    publish.publish(files, out)
    times = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    publish.publish(files, out)
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == times


# --- make: a target is done only when its every step succeeded -----------------------------------


def test_the_data_stamp_is_touched_only_when_pipeline_and_exports_both_succeed(tmp_path):
    fake = tmp_path / "bin"
    fake.mkdir()
    calls = tmp_path / "calls.log"
    script = f'#!/bin/sh\necho "$*" >> {calls}\ncase "$*" in *cite.exports*) exit ${{FAIL_EXPORTS:-0}};; esac\n'
    (fake / "python").write_text(script)
    (fake / "python").chmod(0o755)
    stamp, installed = tmp_path / "stamps" / "data", tmp_path / "installed"
    installed.touch()  # the venv's own stamp stays untouched
    make = ["make", "--no-print-directory", f"BIN={fake}", f"STAMP={installed}", f"DATA_STAMP={stamp}", str(stamp)]
    failed = subprocess.run(make, cwd=REPO, capture_output=True, text=True, env={**os.environ, "FAIL_EXPORTS": "1"})
    assert failed.returncode != 0
    assert not stamp.exists(), "make would take the data as current after a failed export"
    assert "takenover.data.pipeline" in calls.read_text()
    done = subprocess.run(make, cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert stamp.exists()


def test_the_committed_data_keep_the_loader_s_schema():
    """The swap's invariant on the real data: the descriptor describes clean/ exactly."""
    assert publish._describes(DATA / "datapackage.json", DATA / "clean")


# --- the site: a failed build never replaces the last good one -------------------------------------


@pytest.fixture
def fake_build(tmp_path, monkeypatch):
    """sitebuild with Sphinx and the printer replaced: each run writes `pages` (or fails), prints nothing."""
    from takenover.release import pdf, sitebuild

    state = {"pages": {"index.html": "<p>first</p>", "book/a.html": "<p>a</p>"}, "fail": False, "runs": 0}

    def sphinx(folders, outdir, config, fresh, execution):
        state["runs"] += 1
        for name, text in state["pages"].items():
            (outdir / name).parent.mkdir(parents=True, exist_ok=True)
            (outdir / name).write_text(text)
        folders.doctrees.mkdir(parents=True, exist_ok=True)
        return not state["fail"]

    monkeypatch.setattr(sitebuild, "run_sphinx", sphinx)
    monkeypatch.setattr(sitebuild, "print_edition", lambda site, previous=None: [])
    monkeypatch.setattr(pdf, "print_edition", lambda *args, **kwargs: [])
    state["build"] = lambda **kwargs: sitebuild.build(build_dir=tmp_path / "_build", **kwargs)
    state["site"] = tmp_path / "_build" / "html"
    return state


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_a_failed_build_leaves_the_last_good_site_and_no_half_written_pages(fake_build):
    assert fake_build["build"]() == 0
    good = site_files(fake_build["site"])
    fake_build["pages"] = {"index.html": "<p>0 codings use 0 techniques</p>", "book/a.html": "<p>broken</p>"}
    fake_build["fail"] = True
    assert fake_build["build"](strict=True) == 1
    assert site_files(fake_build["site"]) == good
    assert [p.name for p in fake_build["site"].parent.iterdir() if p.name.startswith(".html")] == []
    assert not (fake_build["site"].parent / ".doctrees").exists(), "the next build must reread every page"


def test_an_unchanged_book_is_not_built_again_and_a_strict_build_always_is(fake_build):
    assert fake_build["build"]() == 0
    assert fake_build["build"]() == 0
    assert fake_build["runs"] == 1
    assert fake_build["build"](strict=True) == 0
    assert fake_build["runs"] == 2


def test_make_pdf_refuses_a_site_whose_pages_are_not_the_build_s(fake_build, capsys):
    from takenover.release import pdf

    assert fake_build["build"]() == 0
    (fake_build["site"] / "book" / "a.html").write_text("<p>left by a failed bare jupyter-book build</p>")
    assert pdf.main(["--site", str(fake_build["site"]), "--require-record"]) == 1
    assert "pages differ from the build that made the site: book/a.html" in capsys.readouterr().err


def test_make_pdf_refuses_a_site_no_build_recorded(tmp_path, capsys):
    from takenover.release import pdf

    (tmp_path / "index.html").write_text("<p>half a site</p>")
    assert pdf.main(["--site", str(tmp_path), "--require-record"]) == 1
    assert "no build record" in capsys.readouterr().err


def test_a_folder_left_by_a_killed_build_is_removed_by_the_next(fake_build):
    assert fake_build["build"]() == 0
    leftover = fake_build["site"].parent / ".html.partial-k1ll3d"
    (leftover / "book").mkdir(parents=True)
    (leftover / "book" / "a.html").write_text("<p>half</p>")
    assert fake_build["build"](strict=True) == 0
    assert not leftover.exists()


# --- the release: nothing unreadable is packed ---------------------------------------------------


def test_the_release_refuses_truncated_and_unreadable_files(tmp_path, monkeypatch):
    from takenover.data import loader
    from takenover.release import verify

    good_pdf = next((REPO / "_build" / "html" / "_pdf").rglob("*.pdf"), None) if (REPO / "_build").exists() else None
    contents = {
        "data/claimreview.jsonld": b'{"@context": "https://schema.org", "@graph": [',
        "notebooks/claims.ipynb": b'{"cells": []}',
        "pdf/book.pdf": b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog",
    }
    if good_pdf:
        contents["pdf/whole.pdf"] = good_pdf.read_bytes()
    clean = tmp_path / "clean"
    shutil.copytree(DATA / "clean", clean)
    (clean / "threads.csv").write_text((clean / "threads.csv").read_text() + "edited,after,the,pipeline\n")
    shutil.copy(DATA / "datapackage.json", tmp_path / "datapackage.json")
    monkeypatch.setattr(loader.paths, "DATA_DIR", tmp_path)
    monkeypatch.setattr(loader.paths, "DESCRIPTOR_PATH", tmp_path / "datapackage.json")
    loader._descriptor.cache_clear()
    try:
        found = verify.problems(contents, ["threads", "sources"])
    finally:
        loader._descriptor.cache_clear()
    assert any(p.startswith("data/claimreview.jsonld is not valid JSON") for p in found), found
    assert any(p.startswith("pdf/book.pdf does not open") for p in found), found
    assert any(p.startswith("table threads:") and "hash" in p for p in found), found
    assert not any("notebooks/claims.ipynb" in p or "whole.pdf" in p or "table sources" in p for p in found), found
