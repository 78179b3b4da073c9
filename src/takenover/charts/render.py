"""Charts that work anywhere: a static SVG that vega-embed upgrades when it is present.

Every altair chart shown in a chapter goes through the renderer registered here, which
`use()` enables together with the house style.
Its output carries

- a static SVG rendering made by vl-convert, so the chart shows in JupyterLab
  with no network, in print, and before any script runs;
- the Vega-Lite spec and a short script that calls `vegaEmbed` if the page has
  it (the book's pages load it from the site itself; see `sphinx_vega`);
- alt text (the spec's `description`) and a data-source line (`usermeta.source`).

Every chart must read on a phone: shrunk to fit a 390 px screen, no text in it may be smaller than
11 px. The renderer measures the static SVG and refuses a chart that would be (`phone_text_px`).

Ids derive from the spec, so re-running a chapter reproduces its outputs byte
for byte and nbval can compare them strictly.
"""

from __future__ import annotations

import hashlib
import html
import json
import re

import altair as alt
import matplotlib.pyplot as plt
import vl_convert as vlc

from .style import FONT_DIR, MIN_TEXT_PX, PHONE_CHART_WIDTH, THEME_NAME, altair_theme, matplotlib_style

RENDERER_NAME = "takenover"
_fonts_registered = False


def vega_lite_version() -> str:
    """The Vega-Lite version altair emits, as vl-convert names it (major.minor)."""
    return ".".join(alt.VEGALITE_VERSION.split(".")[:2])


def static_svg(spec: dict) -> str:
    global _fonts_registered
    if not _fonts_registered:
        vlc.register_font_directory(FONT_DIR)
        _fonts_registered = True
    return vlc.vegalite_to_svg(spec, vl_version=vega_lite_version())


def phone_text_px(svg: str) -> float:
    """The smallest text in a chart, in CSS px, once the chart is shrunk to fit a phone's screen."""
    width = float(re.search(r'<svg[^>]*\swidth="([0-9.]+)"', svg).group(1))
    sizes = [float(size) for size in re.findall(r'font-size[=:]\s*"?([0-9.]+)', svg)]
    return min(sizes, default=MIN_TEXT_PX) * min(1.0, PHONE_CHART_WIDTH / width)


def chart_id(spec: dict) -> str:
    digest = hashlib.sha256(json.dumps(spec, sort_keys=True).encode("utf-8")).hexdigest()
    return f"tk-chart-{digest[:12]}"


def _embed_script(element_id: str) -> str:
    return (
        "(function () {\n"
        f"  var el = document.getElementById('{element_id}');\n"
        f"  var spec = document.getElementById('{element_id}-spec');\n"
        "  if (!el || !spec || typeof window.vegaEmbed !== 'function') { return; }\n"
        "  window.vegaEmbed(el, JSON.parse(spec.textContent), {actions: false, renderer: 'svg'})\n"
        "    .then(function () {\n"
        "      el.setAttribute('data-rendered', 'interactive');\n"
        "      el.setAttribute('data-rendered-ms', String(Math.round(performance.now())));\n"
        "    })\n"
        "    .catch(function (err) { console.error('chart ' + el.id + ': ' + err); });\n"
        "})();"
    )


def render(spec: dict, **_options) -> dict:
    """altair renderer: HTML with a static SVG, upgraded in place when vega is loaded."""
    alt_text = spec.get("description")
    source = (spec.get("usermeta") or {}).get("source")
    if not alt_text or not source:
        raise ValueError("every chart needs alt text and a data source: build it with takenover.charts.render.figure()")
    element_id = chart_id(spec)
    svg = static_svg(spec)
    if phone_text_px(svg) < MIN_TEXT_PX:
        raise ValueError(
            f"a chart's text would shrink to {phone_text_px(svg):.1f} px on a phone ({MIN_TEXT_PX} px at least): "
            f"draw it narrower than {PHONE_CHART_WIDTH} px, or its smallest text larger"
        )
    spec_json = json.dumps(spec, sort_keys=True).replace("</", "<\\/")
    body = (
        f'<div class="tk-figure">\n'
        f'<div class="tk-chart" id="{element_id}" role="img" aria-label="{html.escape(alt_text)}" '
        f'data-rendered="static">\n{svg}\n</div>\n'
        f'<p class="tk-figure-source">Data: {html.escape(source)}</p>\n'
        f'<script type="application/json" id="{element_id}-spec">{spec_json}</script>\n'
        f"<script>\n{_embed_script(element_id)}\n</script>\n"
        f"</div>"
    )
    return {"text/html": body, "text/plain": f"[Chart: {alt_text}]"}


alt.renderers.register(RENDERER_NAME, render)


def use() -> None:
    """Enable the house style and this renderer for altair, and the style for matplotlib (idempotent)."""

    @alt.theme.register(THEME_NAME, enable=True)
    def _theme() -> alt.theme.ThemeConfig:
        return altair_theme()

    alt.renderers.enable(RENDERER_NAME)
    plt.rcParams.update(matplotlib_style())


def figure(chart: alt.TopLevelMixin, *, alt_text: str, source: str) -> alt.TopLevelMixin:
    """Attach the alt text and data-source line every figure in the book must have."""
    return chart.properties(description=alt_text, usermeta={"source": source})
