"""The book builds strictly from a clean folder, and the build reaches no network."""

from __future__ import annotations

from conftest import REPO


def test_site_builds_with_warnings_as_errors(built_site):
    log = (built_site / "build.log").read_text()
    assert (built_site / "build.rc").read_text() == "0", log[-3000:]
    assert "build succeeded" in log, log[-3000:]
    # Sphinx and myst-nb report problems as "WARNING:" / "ERROR:"; -W turns the first into failures.
    assert "WARNING:" not in log, log[-3000:]
    assert "ERROR:" not in log, log[-3000:]


def test_every_page_in_the_table_of_contents_is_built(built_site):
    html = built_site / "_build" / "html"
    for page in ["book/index.html", "book/dataset.html"]:
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
