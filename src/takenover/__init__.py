"""Taken Over: shared code for the book's data pipeline, loader, charts, chapters and site.

The package is layered (see ARCHITECTURE.md): core, data, charts, then chapters and cite,
then site. Chapters read data only through `takenover.load()`.
"""

__version__ = "0.3.0"  # keep equal to metadata.yml; a test checks

from .data.loader import describe, load

__all__ = ["__version__", "describe", "load"]
