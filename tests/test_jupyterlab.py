"""A chapter rerun in JupyterLab, as a reader meets it, with jupyterlab-myst rendering the prose.

JupyterLab runs on 127.0.0.1 over a scratch copy of book/ (so nothing is written to the
committed notebooks), with the network guard loaded into the server and its kernels, and
Chromium refusing every request off the machine. For each chapter it opens the notebook,
runs all cells and checks that no output is an error, that every chart is drawn, and that no
MyST role or directive shows as raw text, nor any `{eval}` name in place of its value.

Every chapter is held to the JupyterLab convention (README, "Chapters in JupyterLab") by static
tests: values enter prose only through `{eval}` names that the chapter binds with use_in_prose,
and every `{doc}` link carries its page's title. The live run costs about 20 s a chapter, so it
covers LIVE_CHAPTERS, chosen (and tested) to use every kind of MyST the chapters use; set
TAKENOVER_LAB_ALL=1 to run every chapter live.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import BIN, REPO
from support.offline import only_this_server

RUN_TIMEOUT_S = 120
EVAL_ROLE = re.compile(r"\{eval\}`([^`]+)`")
# What MyST syntax looks like when nothing rendered it: a role, a fenced directive, a colon fence.
RAW_MYST = re.compile(r"\{[a-z][\w:-]*\}`|```|^:::", re.MULTILINE)
SETTINGS = {
    # Every cell stays in the page (JupyterLab otherwise renders only those in view).
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    # No question about fetching Jupyter news, and no autosave into the scratch copy.
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false"},
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
}


def markdown_sources(notebook: Path) -> list[str]:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]


CHAPTERS = sorted(path.name for path in (REPO / "book").glob("*.ipynb"))
# The claims register and the claims chapter: between them, every kind of MyST the chapters use.
LIVE_CHAPTERS = CHAPTERS if os.environ.get("TAKENOVER_LAB_ALL") == "1" else ["register.ipynb", "claims.ipynb"]
MYST_KIND = re.compile(r"\{([a-z][\w:-]*)\}`|^```\{([\w:-]+)\}", re.MULTILINE)
DOC_ROLE = re.compile(r"\{doc\}`([^`]*)`")


def myst_kinds(chapter: str) -> set[str]:
    return {
        role or directive for s in markdown_sources(REPO / "book" / chapter) for role, directive in MYST_KIND.findall(s)
    }


def glued_names(chapter: str) -> set[str]:
    """Names the chapter's stored outputs glue (myst-nb's scrapbook outputs), which use_in_prose also binds."""
    cells = json.loads((REPO / "book" / chapter).read_text(encoding="utf-8"))["cells"]
    return {
        o["metadata"]["scrapbook"]["name"]
        for c in cells
        for o in c.get("outputs", [])
        if "scrapbook" in o.get("metadata", {})
    }


def page_title(stem: str) -> str:
    notebook = REPO / "book" / f"{stem}.ipynb"
    first = (
        markdown_sources(notebook)[0]
        if notebook.exists()
        else (REPO / "book" / f"{stem}.md").read_text(encoding="utf-8")
    )
    return re.search(r"^# (.+)$", first, re.MULTILINE).group(1).strip()


def names_page(text: str, title: str) -> bool:
    """Whether a link's text is its page's title, allowing the case and a leading "The" to fit the
    sentence, and a title's date or place after a comma to be left off."""

    def plain(words: str) -> str:
        return re.sub(r"^the\s+", "", " ".join(words.split()), flags=re.IGNORECASE).casefold()

    return plain(text) in (plain(title), plain(title).split(",")[0])


def test_link_text_must_be_the_page_title_up_to_case_article_and_a_qualifier():
    assert names_page("claims register", "The claims register")
    assert names_page("the comment-coding study", "The comment-coding study")
    assert names_page("The Facebook group takeover", "The Facebook group takeover, January 2016")
    assert not names_page("register", "The claims register")
    assert not names_page("The claims", "The claims register")
    assert not names_page("The Facebook group", "The Facebook group takeover, January 2016")


def test_the_live_chapters_use_every_kind_of_myst_the_chapters_use():
    used = set().union(*(myst_kinds(c) for c in CHAPTERS))
    assert {"eval", "doc", "cite:p", "numref", "bibliography"} <= used, used
    assert used <= set().union(*(myst_kinds(c) for c in LIVE_CHAPTERS))


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_prose_takes_values_only_from_names_it_binds(chapter):
    """In JupyterLab a {glue:text} role shows a bare name, and an {eval} name the kernel lacks shows nothing."""
    sources = markdown_sources(REPO / "book" / chapter)
    assert not any("{glue" in s for s in sources), f"{chapter}: use {{eval}}, not {{glue:text}}"
    code = [
        c
        for c in json.loads((REPO / "book" / chapter).read_text(encoding="utf-8"))["cells"]
        if c["cell_type"] == "code"
    ]
    assert not any(re.search(r"\bglue(_all)?\(", "".join(c["source"])) for c in code), (
        f"{chapter}: bind values with use_in_prose"
    )
    names = {name for s in sources for name in EVAL_ROLE.findall(s)}
    assert names - glued_names(chapter) == set(), f"{chapter}: {{eval}} names the chapter never binds"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_links_name_their_page_as_its_title_does(chapter):
    """jupyterlab-myst shows a bare {doc}`page` as the file name; an explicit title reads the same in both."""
    for source in markdown_sources(REPO / "book" / chapter):
        for target in DOC_ROLE.findall(source):
            match = re.fullmatch(r"(.+)\s+<([\w-]+)>", target, re.DOTALL)
            assert match, f"{chapter}: {{doc}}`{target}` needs an explicit title"
            assert names_page(match.group(1), page_title(match.group(2))), f"{chapter}: {{doc}}`{target}`"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on 127.0.0.1, over a scratch copy of the chapters; yields its base URL."""
    home = tmp_path_factory.mktemp("lab")
    root = home / "book"
    shutil.copytree(REPO / "book", root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    for plugin, values in SETTINGS.items():
        path = home / "settings" / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    guard = home / "guard"
    guard.mkdir()
    shutil.copy(REPO / "tests" / "support" / "sitecustomize.py", guard / "sitecustomize.py")
    network_log = home / "network-attempts.log"
    env = {
        **os.environ,
        "PYTHONPATH": str(guard),
        "NETWORK_GUARD_LOG": str(network_log),
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
    }
    port, token = _free_port(), secrets.token_hex(16)
    command = [
        str(BIN / "jupyter"), "lab", "--no-browser", f"--port={port}", "--ServerApp.ip=127.0.0.1",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
        "--LabApp.expose_app_in_browser=True", "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]  # fmt: skip
    if os.geteuid() == 0:
        command.append("--allow-root")
    log = (home / "lab.log").open("w")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=home)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(f"{base}/api/status?token={token}", process)
        yield {"base": base, "token": token, "network_log": network_log}
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def _wait_until_up(url: str, process: subprocess.Popen, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"JupyterLab exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    pytest.fail("JupyterLab did not start")


RUN_ALL_AND_WAIT = """async (timeoutMs) => {
  const app = window.jupyterapp;
  const panel = app.shell.currentWidget;
  await panel.context.ready;
  await panel.sessionContext.ready;
  await app.commands.execute('notebook:run-all-cells');
  const start = Date.now();
  const done = () => {
    const cells = [...panel.content.model.cells].filter(c => c.type === 'code' && c.sharedModel.source.trim());
    return cells.every(c => c.executionCount !== null) && panel.sessionContext.session.kernel.status === 'idle';
  };
  while (!done()) {
    if (Date.now() - start > timeoutMs) throw new Error('the chapter did not finish running');
    await new Promise(r => setTimeout(r, 250));
  }
}"""


MARKDOWN_CELLS = """() => [...window.jupyterapp.shell.currentWidget.content.model.cells]
  .filter(cell => cell.type === 'markdown')
  .map(cell => ({source: cell.sharedModel.source, values: cell.getMetadata('user_expressions') || []}))"""


@pytest.mark.parametrize("chapter", LIVE_CHAPTERS)
def test_chapter_reruns_and_reads_well_in_jupyterlab(chapter, lab, browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    blocked = only_this_server(context, lab["base"])
    page = context.new_page()
    workspace = chapter.removesuffix(".ipynb")  # a fresh workspace each, so no other chapter is open
    page.goto(f"{lab['base']}/lab/workspaces/{workspace}/tree/{chapter}?reset&token={lab['token']}")
    page.locator(".jp-NotebookPanel .jp-Notebook").wait_for(timeout=60_000)
    page.evaluate(RUN_ALL_AND_WAIT, RUN_TIMEOUT_S * 1000)
    notebook = page.locator(".jp-NotebookPanel .jp-Notebook")

    errors = notebook.locator('[data-mime-type="application/vnd.jupyter.stderr"]').all_inner_texts()
    charts = notebook.locator(".tk-chart")
    drawn = [_is_drawn(charts.nth(i)) for i in range(charts.count())]
    prose = notebook.locator(".jp-MarkdownCell .myst")  # jupyterlab-myst's rendering of each cell
    rendered = prose.count()
    text = "\n".join(prose.all_inner_texts())
    evaluated = page.evaluate(MARKDOWN_CELLS)
    shot = REPO / "_build" / "screenshots" / f"jupyterlab__{chapter.replace('.ipynb', '.png')}"
    shot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shot), full_page=True)
    context.close()

    assert blocked == [], f"JupyterLab tried to reach the network: {blocked}"
    assert errors == [], f"{chapter}: error outputs after running all cells: {errors}"
    expected_charts = sum(output.count('class="tk-chart"') for output in _stored_html(chapter))
    assert len(drawn) == expected_charts, f"{chapter}: {len(drawn)} charts on screen, {expected_charts} stored"
    assert all(drawn), f"{chapter}: charts not drawn: {drawn}"
    sources = markdown_sources(REPO / "book" / chapter)
    assert rendered == len([s for s in sources if s.strip()]), "jupyterlab-myst did not render every markdown cell"
    assert RAW_MYST.findall(text) == [], f"{chapter}: raw MyST syntax on screen"
    not_shown = []
    for cell in evaluated:
        for name in EVAL_ROLE.findall(cell["source"]):
            value = _shown_value(cell["values"], name)
            if value is None or value not in text:
                not_shown.append(f"{{eval}}`{name}`")
    assert not_shown == [], f"{chapter}: values missing from the rendered prose"
    attempts = lab["network_log"].read_text() if lab["network_log"].exists() else ""
    assert attempts == "", f"the server or a kernel tried to reach the network:\n{attempts}"


def _is_drawn(chart) -> bool:
    box = chart.bounding_box() or {}
    return chart.locator("svg .role-mark").count() > 0 and box.get("height", 0) > 100 and box.get("width", 0) > 100


def _shown_value(values: list[dict], name: str) -> str | None:
    """The text jupyterlab-myst shows for `{eval}`name``, from the cell's evaluated expressions."""
    for value in values:
        result = value.get("result", {})
        if value.get("expression") == name and result.get("status") == "ok":
            return result["data"]["text/plain"].strip("'\"")
    return None


def _stored_html(chapter: str) -> list[str]:
    cells = json.loads((REPO / "book" / chapter).read_text(encoding="utf-8"))["cells"]
    return ["".join(o.get("data", {}).get("text/html", "")) for c in cells for o in c.get("outputs", [])]


def test_the_raw_syntax_check_can_fail():
    seen = "Counts {glue:text}`n` and\n```{bibliography}\n```\n:::{note}\nx\n:::"
    assert RAW_MYST.findall(seen) == ["{glue:text}`", "```", "```", ":::", ":::"]


def test_make_lab_runs_as_root_in_a_container():
    """`make lab` adds --allow-root only when run as root (JupyterLab refuses root without it)."""
    dry = subprocess.run(["make", "-n", "lab"], capture_output=True, text=True, cwd=REPO, check=True).stdout
    assert ("--allow-root" in dry) == (os.geteuid() == 0), dry
