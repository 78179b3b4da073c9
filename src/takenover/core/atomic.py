"""Write artefacts so that a reader, or a run killed half-way, only ever sees the old one or the new one.

A file is written beside its target under a temporary name, flushed to disk, then renamed over it
(rename is atomic within a folder). A folder is swapped into place with Linux's RENAME_EXCHANGE, so
there is no moment at which the target is missing; where the kernel or file system cannot exchange,
two renames are used and `recover` puts back the old folder if a run dies between them. Temporary
names carry PARTIAL, so leftovers of killed runs can be found and removed.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import os
import shutil
import tempfile
from pathlib import Path

PARTIAL = ".partial-"
AT_FDCWD = -100
RENAME_EXCHANGE = 2


def write_bytes(path: Path, data: bytes) -> None:
    """Replace `path` by `data` atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}{PARTIAL}", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def staging_folder(target: Path) -> Path:
    """A new empty folder beside `target`, to build its replacement in."""
    target.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f".{target.name}{PARTIAL}", dir=target.parent))
    folder.chmod(0o755)  # mkdtemp makes it private; the folder it replaces was not
    return folder


def _exchange(a: Path, b: Path) -> bool:
    """Swap two existing paths in one step; False if this system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except AttributeError:
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    errno = ctypes.get_errno()
    if errno in (38, 22, 95):  # ENOSYS, EINVAL, EOPNOTSUPP: no exchange here
        return False
    raise OSError(errno, os.strerror(errno), str(b))


def replace_folder(new: Path, target: Path) -> None:
    """Put the folder `new` at `target`, then delete the old one. `new` must sit beside `target`."""
    if not target.exists():
        new.rename(target)
        return
    if _exchange(new, target):
        shutil.rmtree(new)  # it now holds the old folder
        return
    old = target.with_name(f".{target.name}{PARTIAL}old")
    target.rename(old)
    new.rename(target)
    shutil.rmtree(old)


def recover(target: Path) -> None:
    """After a killed run: put back a folder moved aside by `replace_folder`, and remove every leftover
    temporary file or folder beside `target`."""
    old = target.with_name(f".{target.name}{PARTIAL}old")
    if old.exists() and not target.exists():
        old.rename(target)
    remove_partials(target)


def remove_partials(target: Path) -> list[Path]:
    """Delete the temporary files and folders that killed runs left beside `target`."""
    removed = []
    for leftover in sorted(target.parent.glob(f".{target.name}{PARTIAL}*")):
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)
        removed.append(leftover)
    return removed


@contextlib.contextmanager
def locked(folder: Path):
    """Hold an exclusive lock on `folder` (flock on the folder itself: no lock file is left behind),
    so two runs never stage or swap the same artefacts at once."""
    folder.mkdir(parents=True, exist_ok=True)
    handle = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)
        os.close(handle)
