"""The rules `make site` uses to do only what changed (issue 20): which inputs count, and when a PDF
printed by the last build is still the one this build would print. `make bench` times the result and
compares it with a build from nothing."""

from __future__ import annotations

import json
import types
from pathlib import Path

from takenover.release import inputs, pdfreuse
from takenover.site import rerun

from conftest import REPO


def test_inputs_are_hashed_by_content_not_by_time(tmp_path):
    (tmp_path / "book").mkdir()
    page = tmp_path / "book" / "a.md"
    page.write_text("# A\n")
    before = inputs.digest(["book"], tmp_path)
    page.touch()
    assert inputs.digest(["book"], tmp_path) == before, "a new time alone is not a change"
    page.write_text("# A, edited\n")
    assert inputs.digest(["book"], tmp_path) != before
    (tmp_path / "book" / "__pycache__").mkdir()
    (tmp_path / "book" / "__pycache__" / "x.pyc").write_bytes(b"\0")
    page.write_text("# A\n")
    assert inputs.digest(["book"], tmp_path) == before, "caches are not inputs"


def test_a_pdf_is_kept_only_while_everything_its_print_read_is_unchanged(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    for site in (old, new):
        (site / "_pdf").mkdir(parents=True)
        (site / "book.html").write_text("<p>chapter</p>")
        (site / "style.css").write_text("p { color: black }")
    (old / "_pdf" / "book.pdf").write_bytes(b"%PDF printed")
    entry = pdfreuse.record(old, {"book.html", "style.css"}, b"%PDF printed", "printer-1")
    assert pdfreuse.still_current(entry, old / "_pdf" / "book.pdf", new, "printer-1")
    assert not pdfreuse.still_current(entry, old / "_pdf" / "book.pdf", new, "printer-2"), "a new printer"
    (new / "style.css").write_text("p { color: red }")
    assert not pdfreuse.still_current(entry, old / "_pdf" / "book.pdf", new, "printer-1"), "a file it read changed"
    (new / "style.css").write_text("p { color: black }")
    (new / "unrelated.js").write_text("// not read by the print")
    assert pdfreuse.still_current(entry, old / "_pdf" / "book.pdf", new, "printer-1")
    (old / "_pdf" / "book.pdf").write_bytes(b"%PDF truncat")
    assert not pdfreuse.still_current(entry, old / "_pdf" / "book.pdf", new, "printer-1"), "not the PDF printed"
    assert not pdfreuse.still_current(None, old / "_pdf" / "book.pdf", new, "printer-1")


def test_the_printer_key_covers_the_printer_s_code_and_the_book_s_metadata():
    covered = set(pdfreuse.PRINTER_CODE)
    assert {"release", "cite", "site/print.py"} <= covered
    assert len(pdfreuse.printer_key()) == 64


class _Env:
    def __init__(self, root: Path, docs: list[str]):
        self.found_docs = set(docs)
        self.root = root

    def doc2path(self, docname: str) -> str:
        return str(self.root / f"{docname}.ipynb")


def _notebook(path: Path, metadata: dict) -> None:
    path.write_text(json.dumps({"cells": [], "metadata": metadata, "nbformat": 4, "nbformat_minor": 5}))


def test_a_notebook_that_reads_other_pages_is_reread_when_they_change(tmp_path):
    (tmp_path / "book").mkdir()
    _notebook(tmp_path / "book" / "licences.ipynb", {"takenover": {"rerun_when": ["book/*.md"]}})
    _notebook(tmp_path / "book" / "claims.ipynb", {})
    (tmp_path / "book" / "context.md").write_text("# Context\n")
    env = _Env(tmp_path, ["book/licences", "book/claims"])
    app = types.SimpleNamespace(srcdir=str(tmp_path), env=env)
    app.env.mystnb_config = types.SimpleNamespace(execution_mode="off")
    assert rerun._outdated(app, env, set(), set(), set()) == ["book/licences"], "never read: read it"
    for docname in ("book/licences", "book/claims"):
        env.docname = docname
        rerun._remember(app, None)
    assert rerun._outdated(app, env, set(), set(), set()) == []
    (tmp_path / "book" / "context.md").write_text("# Context, edited\n")
    assert rerun._outdated(app, env, set(), set(), set()) == ["book/licences"]
    (tmp_path / "book" / "more.md").write_text("# A new page\n")
    assert rerun.declared(tmp_path / "book" / "claims.ipynb") is None


def test_the_licences_chapter_declares_that_it_reads_every_page():
    """It measures what every page quotes (cite/quotation.book_texts), so it must rerun when any changes."""
    declared = rerun.declared(REPO / "book" / "licences.ipynb")
    assert declared is not None
    assert {"book/*.md", "book/*.ipynb"} <= set(declared)


def test_pybtex_plugins_are_looked_up_once_and_registration_forgets_them(monkeypatch):
    from pybtex import plugin

    from takenover.site import pybtex_plugins

    pybtex_plugins._remember_lookups()
    plugin._load_entry_point.cache_clear()
    first = plugin.find_plugin("pybtex.style.formatting", "plain")
    assert plugin.find_plugin("pybtex.style.formatting", "plain") is first
    assert plugin._load_entry_point.cache_info().hits >= 1
    plugin.register_plugin("pybtex.style.formatting", "takenover-test", first)
    assert plugin._load_entry_point.cache_info().currsize == 0
