"""Sphinx extension: `{eval}`name`` in the book shows the value the chapter glued under `name`.

Chapters put their computed values into sentences with `{eval}`name``, which JupyterLab
(jupyterlab-myst) renders by asking the running kernel for the variable `name`; a
`{glue:text}` role would show only the name there. `takenover.chapters.display.use_in_prose`
both binds each value to its name in the kernel and glues it, so the book can show the same
value from the notebook's outputs, exactly as `{glue:text}`name`` does, without executing the
notebook a second time. Only plain names are allowed: an expression would work in JupyterLab
and fail in the book, so it is a build warning (an error under -W).
"""

from __future__ import annotations

import re

from myst_nb.ext.glue.roles import PasteTextRole
from sphinx.application import Sphinx
from sphinx.util import logging

NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
logger = logging.getLogger(__name__)


class EvalFromGlue(PasteTextRole):
    """`{eval}`name``: the text of the value glued under `name` in this document."""

    def run(self):
        if not NAME.fullmatch(self.text):
            message = self.document.reporter.warning(
                f"{{eval}} takes a name the chapter glued with use_in_prose, not {self.text!r}", line=self.line
            )
            return [], [message]
        return super().run()


def setup(app: Sphinx) -> dict:
    app.setup_extension("myst_nb")  # myst-nb registers its own `eval` role, which this replaces
    app.add_role("eval", EvalFromGlue(), override=True)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
