"""Where the project's data live, wherever the code is run from.

The package is installed in editable mode, so its source sits inside the
repository; TAKENOVER_DATA may point elsewhere (for example in tests).
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]
DATA_DIR = Path(os.environ.get("TAKENOVER_DATA", REPO_ROOT / "data"))
RAW_DIR = REPO_ROOT / "data" / "raw"
DESCRIPTOR_PATH = DATA_DIR / "datapackage.json"
