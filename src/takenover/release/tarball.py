"""A reproducible .tar.gz, and the SHA256SUMS manifest of its files.

The same files give the same bytes: entries sorted, every date set to one given moment,
owner and group 0 with no names, modes 0644 or 0755, no absolute paths, and a gzip header
without a name or a time.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import tarfile
from pathlib import Path, PurePosixPath

# What goes into an archive: its path inside the archive, and the file or bytes it holds.
Contents = dict[str, Path | bytes]


def content_of(source: Path | bytes) -> bytes:
    return source if isinstance(source, bytes) else source.read_bytes()


def _executable(source: Path | bytes) -> bool:
    return isinstance(source, Path) and os.access(source, os.X_OK)


def sha256sums(contents: Contents) -> bytes:
    """A manifest that `sha256sum -c` checks from the folder the paths are relative to."""
    lines = [f"{hashlib.sha256(content_of(contents[name])).hexdigest()}  {name}\n" for name in sorted(contents)]
    return "".join(lines).encode("utf-8")


def _entry(name: str, mtime: int, *, size: int = 0, directory: bool = False, executable: bool = False):
    info = tarfile.TarInfo(name)
    info.type = tarfile.DIRTYPE if directory else tarfile.REGTYPE
    info.mode = 0o755 if directory or executable else 0o644
    info.size = size
    info.mtime = mtime
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def tarball(top: str, contents: Contents, mtime: int) -> bytes:
    """`contents` under the folder `top`, as the bytes of a .tar.gz."""
    names = {f"{top}/{name}": source for name, source in contents.items()}
    for name in names:
        if PurePosixPath(name).is_absolute() or ".." in PurePosixPath(name).parts:
            raise ValueError(f"unsafe path in archive: {name}")
    folders = {str(parent) for name in names for parent in PurePosixPath(name).parents if str(parent) != "."}
    raw = io.BytesIO()
    with (
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as zipped,
        tarfile.open(fileobj=zipped, mode="w", format=tarfile.PAX_FORMAT) as tar,
    ):
        for name in sorted(folders | set(names)):
            if name in folders:
                tar.addfile(_entry(name, mtime, directory=True))
            else:
                data = content_of(names[name])
                info = _entry(name, mtime, size=len(data), executable=_executable(names[name]))
                tar.addfile(info, io.BytesIO(data))
    return raw.getvalue()
