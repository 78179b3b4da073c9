"""Taken Over: shared code for the book's data pipeline, loader and chapters."""

__version__ = "0.1.0"  # keep equal to metadata.yml; a test checks

from .loader import load, describe  # noqa: E402

__all__ = ["load", "describe", "__version__"]
