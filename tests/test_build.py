"""The book builds strictly from a clean folder, and the build reaches no network."""

from __future__ import annotations

import html
import re

from conftest import REPO, site_pages


def test_site_builds_with_warnings_as_errors(built_site):
    log = (built_site / "build.log").read_text()
    assert (built_site / "build.rc").read_text() == "0", log[-3000:]
    assert "build succeeded" in log, log[-3000:]
    # Sphinx and myst-nb report problems as "WARNING:" / "ERROR:"; -W turns the first into failures.
    assert "WARNING:" not in log, log[-3000:]
    assert "ERROR:" not in log, log[-3000:]


def test_every_page_in_the_table_of_contents_is_built(built_site):
    html = built_site / "_build" / "html"
    for page in site_pages():
        assert (html / page).is_file(), page


def test_the_build_made_no_network_request(built_site):
    log = built_site / "network-attempts.log"
    attempts = log.read_text() if log.exists() else ""
    assert attempts == "", f"the build tried to reach the network:\n{attempts}"


def test_network_guard_is_active(built_site):
    """The guard must really have been loaded, or the test above proves nothing."""
    import subprocess
    import sys

    guard = built_site / "guard"
    probe = (
        "import socket\n"
        "try:\n    socket.create_connection(('192.0.2.1', 80), timeout=1)\n"
        "except OSError as e:\n    print(e)"
    )
    env = {"PYTHONPATH": str(guard), "NETWORK_GUARD_LOG": str(built_site / "probe.log")}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=REPO).stdout
    assert "blocked by the build test" in out


# A role such as {glue:text}`x` or {doc}`x`, or a directive fence such as ```{bibliography}.
RAW_MYST = re.compile(
    r"\{(?:glue(?::\w+)?|eval|doc|cite(?::\w+)?|numref|ref|eq|term|bibliography|figure|code-cell)\}"
    r"|^\s*(?:```|:::)\{",
    re.M,
)


def visible_text(markup: str) -> str:
    """A page's text as a reader sees it: no scripts, styles or code blocks (inline code stays)."""
    markup = re.sub(r"<(script|style|pre)\b.*?</\1>", " ", markup, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def test_no_myst_syntax_leaks_into_a_page(built_site):
    pages = sorted((built_site / "_build" / "html").rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        found = RAW_MYST.search(visible_text(page.read_text(encoding="utf-8")))
        assert found is None, f"{page.name} shows raw MyST: {found.group(0)!r}"


def test_the_leak_check_sees_a_leaked_role():
    assert RAW_MYST.search(visible_text("<p>The hash is <strong>{glue:text}`data_sha256`</strong>.</p>"))
    assert RAW_MYST.search(visible_text("<p>See {doc}`claims`.</p>"))
    assert RAW_MYST.search(visible_text("<p><strong><code>{glue:text}`x`</code></strong></p>")), "as it once leaked"
    assert not RAW_MYST.search(visible_text("<pre>{glue:text}`x`</pre><p>Plain prose {and braces}.</p>"))
