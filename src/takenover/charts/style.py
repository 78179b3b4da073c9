"""The house style: one palette, one font, one colour per incident and per source.

Chapters never set colours or fonts themselves: the figure builders take colours from the
mappings here, and `render.use()` applies the theme. This module only declares the style.
"""

from __future__ import annotations

import os

import matplotlib

# Okabe and Ito's palette, distinguishable with the common colour-vision deficiencies.
OKABE_ITO = {
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "green": "#009E73",
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}
GREY = "#6B6B6B"
INK = "#1F1F1F"

INCIDENT_COLOURS = {
    "facebook-group-2016": OKABE_ITO["blue"],
    "red-labour-2016": OKABE_ITO["vermillion"],
    "labour-hq-2017": OKABE_ITO["green"],
}
# How the book names each episode in tables and filters.
EPISODE_NAMES = {
    "facebook-group-2016": "The Facebook group",
    "red-labour-2016": "Red Labour",
    "labour-hq-2017": "Labour HQ",
}
# Each primary text documents one incident, so it shares that incident's colour;
# external records are grey.
SOURCE_COLOURS = {
    "ukileft-2016": INCIDENT_COLOURS["facebook-group-2016"],
    "awl-2016": INCIDENT_COLOURS["red-labour-2016"],
    "canary-2018": INCIDENT_COLOURS["labour-hq-2017"],
    "records": GREY,
}
# How a figure shows the kind of number a source gives (see measurements.bound).
BOUND_SHAPES = {
    "point": "circle",
    "lower_bound": "triangle-up",
    "upper_bound": "triangle-down",
    "approximate": "diamond",
    "range": "square",
    "forecast": "triangle-right",
    "vague": "cross",
}
# How prose and labels word a figure of each kind.
BOUND_WORDING = {
    "lower_bound": "over {:,}",
    "upper_bound": "less than {:,}",
    "approximate": "about {:,}",
    "forecast": "{:,} expected",
    "point": "{:,}",
    "range": "{:,}",
}
BOUND_LABELS = {
    "point": "stated figure",
    "lower_bound": "lower bound (over)",
    "upper_bound": "upper bound (less than)",
    "approximate": "approximate (about)",
    "range": "range",
    "forecast": "forecast",
    "vague": "no figure given",
}

# Every chart is drawn to be read on a phone: a 390 px wide screen leaves a chart 342 px, and no text
# may then be smaller than 11 px (render.figure checks both). A plot area this wide leaves room for axes.
PHONE_CHART_WIDTH = 342
MIN_TEXT_PX = 11
PHONE_PLOT_WIDTH = 240

# DejaVu Sans ships inside matplotlib, so static chart renderings measure text
# with the same font files on every machine.
FONT = "DejaVu Sans"
FONT_DIR = os.path.join(matplotlib.get_data_path(), "fonts", "ttf")
THEME_NAME = "takenover"


def label(code: str) -> str:
    """A code as a reader sees it in tables and charts: `single_source` becomes "single source"."""
    return str(code).replace("_", " ")


def altair_theme() -> dict:
    return {
        "config": {
            "font": FONT,
            "background": "white",
            "view": {"stroke": None, "continuousWidth": PHONE_PLOT_WIDTH, "continuousHeight": 240},
            "title": {"fontSize": 15, "fontWeight": "normal", "anchor": "start", "color": INK},
            "axis": {
                "labelFontSize": 12,
                "titleFontSize": 12,
                "labelColor": INK,
                "titleColor": INK,
                "gridColor": "#E3E3E3",
                "domainColor": GREY,
                "tickColor": GREY,
            },
            "legend": {
                "labelFontSize": 12,
                "titleFontSize": 12,
                "labelColor": INK,
                "titleColor": INK,
                "orient": "bottom",
                "titleLimit": 0,  # never cut a legend's title short
                "labelLimit": 0,
            },
            "header": {"labelFontSize": 12, "titleFontSize": 12, "labelColor": INK, "titleColor": INK},
            "range": {"category": list(OKABE_ITO.values())},
            "point": {"size": 90, "filled": True},
            "text": {"fontSize": 12, "color": INK},
        }
    }


def matplotlib_style() -> dict:
    return {
        "font.family": FONT,
        "font.size": 11,
        "axes.titlesize": 13,
        "axes.titlelocation": "left",
        "axes.prop_cycle": matplotlib.cycler(color=list(OKABE_ITO.values())),
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.edgecolor": GREY,
        "axes.grid": True,
        "grid.color": "#E3E3E3",
        "figure.dpi": 100,
        "savefig.dpi": 150,
        "svg.hashsalt": "takenover",  # stable SVG ids, so stored outputs reproduce
    }
