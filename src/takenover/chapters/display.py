"""Small helpers chapters use to show tables and glue numbers into prose."""

from __future__ import annotations

import html as html_lib
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


def searchable_table(
    frame: pd.DataFrame,
    table_id: str,
    caption: str,
    noun: str = "rows",
    row_id_column: str | None = None,
    help_text: str = "Type in the box to filter: every word must match.",
) -> HTML:
    """A table with a search box (plain script served by the site; no CDN).

    Without scripts, as in JupyterLab, the full table shows and the box does nothing. The box, its
    count and its help line sit in `.tk-search-controls`, which print leaves out: on paper the table
    prints whole. Rows get ids from `row_id_column` (lower-cased), so other pages can link to a row.
    """
    esc = html_lib.escape
    shown = frame.astype(object).where(frame.notna(), "")
    head = "".join(f'<th scope="col">{esc(str(c))}</th>' for c in shown.columns)
    body = []
    for _, row in shown.iterrows():
        rid = f' id="{esc(str(row[row_id_column]).lower())}"' if row_id_column else ""
        cells = "".join(f"<td>{esc(str(v))}</td>" for v in row)
        body.append(f"<tr{rid}>{cells}</tr>")
    return HTML(
        f'<div class="tk-search">\n<div class="tk-search-controls">\n'
        f'<p class="tk-search-help">{esc(help_text)}</p>\n'
        f'<label for="{table_id}-q">Search: </label>'
        f'<input id="{table_id}-q" type="search" class="tk-search-input" data-target="{table_id}" '
        f'data-noun="{esc(noun)}" autocomplete="off"> '
        f'<span id="{table_id}-count" class="tk-search-count" aria-live="polite"></span>\n</div>\n'
        f'<table id="{table_id}" class="data-table tk-searchable">\n<caption>{esc(caption)}</caption>\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(body) + "\n</tbody>\n</table>\n</div>"
    )
