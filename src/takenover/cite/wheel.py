"""The book's package as a wheel with the data inside, so a chapter downloaded from the site reruns
outside the repository after one `pip install`.

The wheel is written here rather than by a build backend, so the site's build stays offline and the
same commit gives the same bytes (fixed timestamps, sorted entries). It holds the `takenover`
package, and under `takenover/_data/` the clean tables, their descriptor and metadata.yml, where
`takenover.load()` looks when there is no repository around it. Its dependencies are pinned to the
versions requirements.txt pins, so a rerun computes what the book shows.
"""

from __future__ import annotations

import base64
import hashlib
import re
import zipfile
from pathlib import Path

from ..core import paths
from ..core.metadata import METADATA_PATH, metadata

PACKAGE_NAME = "takenover"
# What the package imports when a chapter runs (the pipeline and the tests need more).
RUNTIME = [
    "altair",
    "ipython",
    "krippendorff",
    "matplotlib",
    "myst-nb",
    "numpy",
    "pandas",
    "PyYAML",
    "stix2",
    "vaderSentiment",
    "vl-convert-python",
]
FIXED_TIME = (2020, 1, 1, 0, 0, 0)


def wheel_name() -> str:
    return f"{PACKAGE_NAME}-{metadata()['version']}-py3-none-any.whl"


def pinned(requirements: Path, names: list[str]) -> list[str]:
    """Each name with the exact version requirements.txt pins for it."""
    pins = {}
    for line in requirements.read_text(encoding="utf-8").splitlines():
        found = re.match(r"^([A-Za-z0-9_.-]+)==([^\s#]+)", line)
        if found:
            pins[found.group(1).lower().replace("_", "-")] = f"{found.group(1)}=={found.group(2)}"
    return [pins[name.lower().replace("_", "-")] for name in names]


def _files() -> dict[str, bytes]:
    source = Path(__file__).resolve().parents[1]
    files = {
        f"{PACKAGE_NAME}/{path.relative_to(source).as_posix()}": path.read_bytes()
        for path in sorted(source.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }
    data = f"{PACKAGE_NAME}/{paths.PACKAGE_DATA_NAME}"
    files[f"{data}/datapackage.json"] = paths.DESCRIPTOR_PATH.read_bytes()
    for table in sorted((paths.DATA_DIR / "clean").glob("*.csv")):
        files[f"{data}/clean/{table.name}"] = table.read_bytes()
    files[f"{data}/metadata.yml"] = METADATA_PATH.read_bytes()
    return files


def _metadata_file() -> bytes:
    meta = metadata()
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {PACKAGE_NAME}",
        f"Version: {meta['version']}",
        f"Summary: The package and data of the book '{meta['title']}', to rerun its chapters",
        "Requires-Python: >=3.11",
        "License: MIT (code); CC-BY-4.0 (data), except where datapackage.json names a resource's own licence",
        *(f"Requires-Dist: {pin}" for pin in pinned(paths.REPO_ROOT / "requirements.txt", RUNTIME)),
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
    return f"{name},sha256={digest},{len(data)}"


def build_wheel(out_dir: Path) -> Path:
    """Write the wheel into out_dir and return its path."""
    info = f"{PACKAGE_NAME}-{metadata()['version']}.dist-info"
    files = _files()
    files[f"{info}/METADATA"] = _metadata_file()
    files[f"{info}/WHEEL"] = (
        b"Wheel-Version: 1.0\nGenerator: takenover.cite.wheel\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    )
    files[f"{info}/top_level.txt"] = f"{PACKAGE_NAME}\n".encode()
    for licence in ("LICENSE", "LICENSE-CONTENT.md"):
        files[f"{info}/licenses/{licence}"] = (paths.REPO_ROOT / licence).read_bytes()
    record = [_record_line(name, data) for name, data in files.items()] + [f"{info}/RECORD,,"]
    files[f"{info}/RECORD"] = ("\n".join(record) + "\n").encode("utf-8")
    target = out_dir / wheel_name()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            entry = zipfile.ZipInfo(name, FIXED_TIME)
            entry.external_attr = 0o644 << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, data)
    partial.replace(target)
    return target
