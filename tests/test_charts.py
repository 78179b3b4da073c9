"""The chart layer: pinned offline bundle, deterministic outputs, static fallback."""

from __future__ import annotations

import json
import re

import altair as alt
import pandas as pd
import pytest

import takenover
from takenover.charts import render, style
from takenover.charts.bundle import BUNDLE_NAME, check_versions

from conftest import REPO

NOTEBOOKS = sorted((REPO / "book").glob("*.ipynb"))
WEB_SCRIPT = re.compile(r"cdn\.jsdelivr|unpkg\.com|cdnjs\.|require(?:\.min)?\.js|<script[^>]+src=\\?[\"']https?://")


def sample_chart(title: str = "a") -> alt.Chart:
    render.use()
    data = pd.DataFrame({"x": [1, 2, 3], "y": [3, 1, 2]})
    return render.figure(
        alt.Chart(data).mark_point().encode(x="x:Q", y="y:Q").properties(title=title),
        alt_text="three points",
        source="made up for a test",
    )


def stored_chart_outputs() -> list[str]:
    found = []
    for path in NOTEBOOKS:
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            for output in cell.get("outputs", []):
                html = "".join(output.get("data", {}).get("text/html", ""))
                if "tk-chart" in html:
                    found.append(html)
    return found


def test_bundle_versions_match_what_altair_emits():
    versions = check_versions()
    assert versions["vega-lite"] == ".".join(alt.VEGALITE_VERSION.split(".")[:2])
    assert versions["vega"].split(".")[0] == alt.VEGA_VERSION.split(".")[0]
    assert versions["vega-embed"].split(".")[0] == alt.VEGAEMBED_VERSION.split(".")[0]


def test_chart_ids_derive_from_the_spec():
    first = sample_chart()._repr_mimebundle_()["text/html"]
    again = sample_chart()._repr_mimebundle_()["text/html"]
    other = sample_chart("b")._repr_mimebundle_()["text/html"]
    ids = [re.search(r'id="(tk-chart-[0-9a-f]{12})"', html).group(1) for html in (first, again, other)]
    assert first == again, "rendering the same chart twice must give identical output"
    assert ids[0] == ids[1] != ids[2]


def test_a_chart_without_alt_text_or_source_is_refused():
    render.use()
    bare = alt.Chart(pd.DataFrame({"x": [1]})).mark_point().encode(x="x:Q")
    with pytest.raises(ValueError, match="alt text and a data source"):
        bare._repr_mimebundle_()


def test_chart_output_carries_static_svg_alt_text_and_source():
    html = sample_chart()._repr_mimebundle_()["text/html"]
    assert "<svg" in html
    assert 'aria-label="three points"' in html
    assert "Data: made up for a test" in html
    assert not WEB_SCRIPT.search(html)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_no_stored_output_loads_a_script_from_the_web(path):
    text = path.read_text(encoding="utf-8")
    outputs = json.dumps([c.get("outputs", []) for c in json.loads(text)["cells"]])
    assert not WEB_SCRIPT.search(outputs), f"{path.name} has an output that refers to a script on the web"


def test_built_pages_load_nothing_from_the_web(built_site):
    html_dir = built_site / "_build" / "html"
    pattern = re.compile(r"<(?:script|link|img|iframe)[^>]+(?:src|href)=[\"'](?:https?:)?//", re.I)
    for page in html_dir.rglob("*.html"):
        found = pattern.findall(page.read_text(encoding="utf-8"))
        assert found == [], f"{page.relative_to(html_dir)} loads from the web: {found}"


@pytest.fixture
def blank_page(browser):
    context = browser.new_context()
    context.route("**/*", lambda route: route.abort())  # nothing may be fetched at all
    yield context
    context.close()


def test_the_sites_bundle_exposes_only_vega_embed(blank_page, site_root):
    """The bundle as the site serves it (made by bundle() at build time, not remade here: it is slow)."""
    page = blank_page.new_page()
    page.set_content("<html><body></body></html>")
    before = set(page.evaluate("Object.keys(window)"))
    page.add_script_tag(content=(site_root / "_static" / BUNDLE_NAME).read_text(encoding="utf-8"))
    added = set(page.evaluate("Object.keys(window)")) - before
    assert page.evaluate("typeof window.vegaEmbed") == "function"
    assert added == {"vegaEmbed"}, f"the bundle leaks globals: {sorted(added)}"
    page.close()


@pytest.mark.parametrize("scripts", [True, False], ids=["scripts-on", "scripts-off"])
def test_stored_chart_outputs_render_offline_without_vega(blank_page, scripts):
    """What JupyterLab shows with no network: the output alone, no vega library."""
    outputs = stored_chart_outputs()
    assert outputs, "no chapter has a chart"
    page = blank_page.new_page()
    if not scripts:
        outputs = [re.sub(r"<script>.*?</script>", "", html, flags=re.S) for html in outputs]
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.set_content("<html><body>" + "\n".join(outputs) + "</body></html>")
    for i in range(page.locator(".tk-chart").count()):
        chart = page.locator(".tk-chart").nth(i)
        assert chart.get_attribute("data-rendered") == "static"
        assert chart.locator("svg .role-mark").count() > 0
        box = chart.locator("svg").first.bounding_box()
        assert box
        assert box["width"] > 100
        assert box["height"] > 100
    assert errors == []
    page.close()


def test_house_style_gives_every_incident_and_source_one_colour():
    incidents = set(takenover.load("incidents")["incident_id"])
    sources = takenover.load("sources")
    assert set(style.INCIDENT_COLOURS) == incidents
    assert set(sources["source_id"]) <= set(style.SOURCE_COLOURS)
    for row in takenover.load("incidents").itertuples():
        assert style.SOURCE_COLOURS[row.primary_source_id] == style.INCIDENT_COLOURS[row.incident_id]
    assert len(set(style.INCIDENT_COLOURS.values())) == len(incidents)


def test_house_style_applies_to_matplotlib_too():
    import matplotlib.pyplot as plt

    render.use()
    assert plt.rcParams["font.family"] == [style.FONT]
    assert plt.rcParams["axes.prop_cycle"].by_key()["color"][0] == style.OKABE_ITO["blue"]
    assert alt.theme.active == style.THEME_NAME


def test_static_rendering_does_not_depend_on_the_machines_fonts(tmp_path):
    """The stored SVG must reproduce on a machine without our system fonts, or nbval would fail there.

    Re-renders a chapter's figure in a private mount namespace where /usr/share/fonts is empty,
    and compares it with the rendering made here.
    """
    import shutil
    import subprocess
    import sys

    if not shutil.which("unshare"):
        pytest.skip("unshare is not available to hide the system fonts")
    code = (
        "from takenover.charts.membership import group_membership_chart; import sys; "
        "sys.stdout.write(group_membership_chart()._repr_mimebundle_()['text/html'])"
    )
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    hidden = subprocess.run(
        [
            "unshare",
            "-m",
            "sh",
            "-c",
            f'mount --bind "{empty}" /usr/share/fonts && exec "$0" -c "$1"',
            sys.executable,
            code,
        ],
        capture_output=True,
        text=True,
    )
    if hidden.returncode != 0 and "mount" in hidden.stderr:
        pytest.skip(f"cannot hide the system fonts here: {hidden.stderr.strip()}")
    assert hidden.returncode == 0, hidden.stderr
    from takenover.charts.membership import group_membership_chart  # the same rendering, made here

    here = group_membership_chart()._repr_mimebundle_()["text/html"]
    assert hidden.stdout == here, "the static SVG changes when the system fonts are missing"


# --- every chart reads on a phone ------------------------------------------------------------------
PHONE = {"width": 390, "height": 844}
MIN_TEXT_PX = 11
# The smallest text of each chart on the page, in CSS px as drawn (font size times the SVG's scale).
SMALLEST_TEXT = """() => [...document.querySelectorAll('.tk-chart')].map(chart => {
  const svg = chart.querySelector('svg');
  const scale = svg.getBoundingClientRect().width / (svg.viewBox.baseVal.width || svg.width.baseVal.value);
  const sizes = [...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
  return {id: chart.id, state: chart.dataset.rendered, px: Math.min(...sizes), texts: sizes.length,
          overflows: svg.getBoundingClientRect().right > document.documentElement.clientWidth};
})"""


def chart_pages() -> list[str]:
    """The book's pages whose stored outputs draw a chart."""
    return sorted(
        f"book/{path.stem}.html"
        for path in NOTEBOOKS
        if any(
            "tk-chart" in "".join(output.get("data", {}).get("text/html", ""))
            for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]
            for output in cell.get("outputs", [])
        )
    )


def test_a_chart_whose_text_would_shrink_below_11px_on_a_phone_is_refused():
    render.use()
    data = pd.DataFrame({"x": [1, 2, 3], "y": [3, 1, 2]})
    wide = alt.Chart(data).mark_point().encode(x="x:Q", y="y:Q").properties(width=700)
    with pytest.raises(ValueError, match="on a phone"):
        render.render(render.figure(wide, alt_text="three points", source="a test").to_dict())


@pytest.mark.parametrize("page_path", chart_pages())
def test_no_chart_text_is_smaller_than_11px_on_a_phone(page_path, browser, server):
    """At 390 px wide, as first drawn (the static SVG, which print and readers without scripts keep) and
    once interactive, no chart text renders below 11 CSS px, and no chart runs off the screen."""
    tab = browser.new_page(viewport=PHONE)
    tab.goto(f"{server}/{page_path}", wait_until="load")
    first = tab.evaluate(SMALLEST_TEXT)
    charts = tab.locator(".tk-chart")
    for i in range(charts.count()):
        charts.nth(i).scroll_into_view_if_needed()
        charts.nth(i).and_(tab.locator("[data-rendered=interactive]")).wait_for(timeout=10_000)
    upgraded = tab.evaluate(SMALLEST_TEXT)
    tab.close()
    assert first, f"{page_path} has no chart"
    for chart in first + upgraded:
        assert chart["texts"] > 0, f"{chart['id']} has no text to measure"
        assert chart["px"] >= MIN_TEXT_PX, f"{page_path}: {chart['id']} ({chart['state']}) text at {chart['px']:.1f} px"
        assert not chart["overflows"], f"{page_path}: {chart['id']} runs off a phone's screen"
