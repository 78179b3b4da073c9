"""Build the one JavaScript file that lets the site draw interactive charts offline.

vl-convert ships vega, vega-lite and vega-embed; `javascript_bundle` joins them.
The bundle is wrapped in a function so its many top-level names stay private,
and exposes only `window.vegaEmbed`. Its versions must match the ones altair
emits, or charts could be drawn by a different library than they were written for.
"""

from __future__ import annotations

import altair as alt
import vl_convert as vlc

from .render import vega_lite_version

BUNDLE_NAME = "takenover-vega.js"


def check_versions() -> dict[str, str]:
    """Compare altair's expected library versions with vl-convert's; fail on a mismatch."""
    versions = {
        "vega": vlc.get_vega_version(),
        "vega-lite": vega_lite_version(),
        "vega-embed": vlc.get_vega_embed_version(),
    }
    expected = {"vega": alt.VEGA_VERSION, "vega-lite": alt.VEGALITE_VERSION, "vega-embed": alt.VEGAEMBED_VERSION}
    if vega_lite_version() not in vlc.get_vegalite_versions():
        raise RuntimeError(f"vl-convert cannot bundle Vega-Lite {vega_lite_version()} (altair {alt.__version__})")
    for name, have in versions.items():
        want = expected[name]
        if have.split(".")[0] != want.split(".")[0]:
            raise RuntimeError(f"{name}: altair emits {want}, but vl-convert bundles {have}")
    return versions


def bundle_header() -> str:
    """The bundle's first line: the versions it holds. Two bundles with the same header are the same."""
    versions = check_versions()
    return (
        f"/* vega {versions['vega']}, vega-lite {versions['vega-lite']}, vega-embed {versions['vega-embed']}; "
        f"built by takenover.charts.bundle from vl-convert {vlc.__version__} */\n"
    )


def bundle() -> str:
    body = vlc.javascript_bundle(snippet="window.vegaEmbed = vegaEmbed;", vl_version=vega_lite_version())
    return bundle_header() + "(function () {\n" + body + "\n})();\n"
