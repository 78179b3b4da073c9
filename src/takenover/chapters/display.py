"""Small helpers chapters use to show tables and glue numbers into prose."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from IPython.display import HTML


def table(frame: pd.DataFrame, caption: str | None = None) -> HTML:
    """A plain, deterministic HTML table (no random ids, so nbval can compare it)."""
    shown = frame.astype(object).where(frame.notna(), "")
    html = shown.to_html(index=False, border=0, escape=True, classes="data-table")
    if caption:
        html = html.replace(">\n  <thead>", f">\n  <caption>{caption}</caption>\n  <thead>", 1)
    return HTML(html)


def glue_all(values: Mapping[str, object]) -> None:
    """Glue every value under its name, for `{glue:text}` roles in the prose."""
    from myst_nb import glue

    for name, value in values.items():
        glue(name, value, display=False)


def use_in_prose(values: Mapping[str, object]) -> None:
    """Make each value a variable of the running notebook, for `{eval}`name`` in its prose; and glue it.

    `{eval}` reads the notebook's own variables, so a sentence shows its number both in the book
    (myst-nb, with the notebook's `mystnb.execution_mode` set to "inline") and in JupyterLab
    (jupyterlab-myst), where `{glue:text}` shows only the name. The values are glued as well,
    for `{glue:text}`page.ipynb::name`` on other pages, so the stored outputs are unchanged.
    """
    from IPython import get_ipython

    glue_all(values)
    shell = get_ipython()
    if shell is not None:
        shell.user_ns.update(values)
