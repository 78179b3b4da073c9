"""The data pipeline: data/raw/ in, data/clean/ and data/datapackage.json out.

Run it with `python -m takenover.data.pipeline`. Each stage module builds one family of tables;
`run.build` lists the stages in order.
"""

from .cli import main
from .run import build

__all__ = ["build", "main"]
