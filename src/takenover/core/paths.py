"""Where the project's data live, wherever the code is run from.

In the repository the package is installed in editable mode, so its source sits inside the
repository and the data are in data/. Installed from the wheel the site offers, there is no
repository: the data travel inside the package (takenover/_data/). TAKENOVER_DATA may point
elsewhere (for example in tests).
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]
PACKAGE_DATA_NAME = "_data"
PACKAGE_DATA = Path(__file__).resolve().parents[1] / PACKAGE_DATA_NAME
IN_REPOSITORY = (REPO_ROOT / "metadata.yml").is_file() and (REPO_ROOT / "data" / "datapackage.json").is_file()
DATA_DIR = Path(os.environ.get("TAKENOVER_DATA", REPO_ROOT / "data" if IN_REPOSITORY else PACKAGE_DATA))
RAW_DIR = REPO_ROOT / "data" / "raw"
DESCRIPTOR_PATH = DATA_DIR / "datapackage.json"
