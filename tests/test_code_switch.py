"""One "Show code" switch per page (takenover.site.code_switch), not a toggle over every code cell.

The transform is tested on a small doctree; the built pages are then read for what a reader
meets: no per-cell toggle anywhere, every hidden cell's code marked for the switch, and one
switch on exactly the pages that have hidden code. In Chromium the switch shows and hides
every code cell of a chapter, by mouse and by keyboard, and says which with aria-pressed;
with scripts off there is no switch, the code stays hidden and the rest of the page shows;
printed, the code stays hidden whatever the switch says.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from docutils import nodes

from takenover.site.code_switch import CODE_CLASS, unwrap_hidden_inputs

from conftest import site_pages


def _cell(hide_mode: str | None) -> nodes.container:
    cell = nodes.container(nb_element="cell_code")
    if hide_mode:
        cell["hide_mode"] = hide_mode
    cell += nodes.container(nb_element="cell_code_source", classes=["cell_input"])
    cell += nodes.container(nb_element="cell_code_output", classes=["cell_output"])
    return cell


def test_hidden_inputs_are_marked_for_the_switch_and_lose_their_toggle():
    document = nodes.section()
    hidden, shown, hidden_output = _cell("input"), _cell(None), _cell("output")
    document += [hidden, shown, hidden_output]
    assert unwrap_hidden_inputs(document) == 1
    assert "hide_mode" not in hidden, "myst-nb would still wrap it in a per-cell toggle"
    assert CODE_CLASS in hidden.children[0]["classes"]
    assert CODE_CLASS not in hidden.children[1]["classes"], "the output is not code"
    assert CODE_CLASS not in shown.children[0]["classes"], "a cell shown in full stays shown"
    assert hidden_output["hide_mode"] == "output", "other hide modes are myst-nb's to render"


class _Page(HTMLParser):
    """The hidden-code cells of a page, its per-cell toggles and its switches."""

    def __init__(self) -> None:
        super().__init__()
        self.toggles = 0
        self.inputs: list[set[str]] = []  # classes of each hide-input cell's input
        self.switches: list[dict[str, str | None]] = []
        self._in_hidden_cell = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        if tag == "details" and "hide" in classes:
            self.toggles += 1
        if tag == "div" and "cell" in classes:
            self._in_hidden_cell = "tag_hide-input" in classes
        elif tag == "div" and "cell_input" in classes and self._in_hidden_cell:
            self.inputs.append(classes)
        if tag == "button" and "tk-code-switch" in classes:
            self.switches.append(attributes)


def read_page(path) -> tuple[_Page, str]:
    text = path.read_text(encoding="utf-8")
    parser = _Page()
    parser.feed(text)
    parser.close()
    return parser, text


def test_no_page_renders_a_toggle_per_code_cell(site_root):
    hidden_cells = 0
    for page_path in site_pages():
        page, text = read_page(site_root / page_path)
        assert page.toggles == 0, f"{page_path}: a per-cell toggle"
        assert "Show code cell" not in text, f"{page_path}: a per-cell toggle's label"
        assert all(CODE_CLASS in classes for classes in page.inputs), f"{page_path}: hidden code the switch misses"
        hidden_cells += len(page.inputs)
    assert hidden_cells > 20, "the chapters' hide-input cells were not found; has the markup changed?"


def test_a_page_has_one_switch_exactly_when_it_has_hidden_code(site_root):
    for page_path in site_pages():
        page, text = read_page(site_root / page_path)
        if not page.inputs:
            assert page.switches == [], f"{page_path}: a switch with nothing to switch"
            continue
        assert len(page.switches) == 1, f"{page_path}: {len(page.switches)} switches"
        switch = page.switches[0]
        assert switch.get("type") == "button", switch
        assert switch.get("aria-pressed") == "false", switch
        assert "pst-js-only" in switch["class"].split(), "without scripts the switch must not show"
        assert re.search(r'<script defer="defer" src="[^"]*takenover-code\.js', text), f"{page_path}: no script"


def most_code_page(site_root) -> str:
    counts = {p: len(read_page(site_root / p)[0].inputs) for p in site_pages()}
    return max(counts, key=counts.get)


def shown_code(page) -> list[bool]:
    return page.locator(f"div.cell_input.{CODE_CLASS}").evaluate_all("cells => cells.map(c => c.offsetHeight > 0)")


def test_the_switch_shows_and_hides_every_code_cell(site_root, server, browser):
    page = browser.new_page()
    page.goto(f"{server}/{most_code_page(site_root)}", wait_until="load")
    switch = page.get_by_role("button", name="Show code")
    assert switch.is_visible()
    assert shown_code(page), "no hidden code on the page"
    assert not any(shown_code(page)), "code shows before the switch is pressed"
    switch.click()
    assert all(shown_code(page)), "pressing the switch left some code hidden"
    assert switch.get_attribute("aria-pressed") == "true"
    page.emulate_media(media="print")
    assert not any(shown_code(page)), "the printed page shows code"
    page.emulate_media(media="screen")
    switch.focus()
    page.keyboard.press("Enter")
    assert not any(shown_code(page)), "pressing it again by keyboard left some code showing"
    assert switch.get_attribute("aria-pressed") == "false"
    page.keyboard.press("Space")
    assert all(shown_code(page)), "Space does not work the switch"
    page.close()


def test_without_scripts_the_code_stays_hidden_and_the_page_is_whole(site_root, server, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{server}/{most_code_page(site_root)}", wait_until="load")
    assert not page.locator("button.tk-code-switch").is_visible(), "a switch that cannot work is shown"
    assert not any(shown_code(page))
    outputs = page.locator("div.cell_output").evaluate_all("cells => cells.map(c => c.offsetHeight > 0)")
    assert outputs, "no cell output on the page"
    assert all(outputs), "a table or figure is missing with scripts off"
    context.close()
