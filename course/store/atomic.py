"""Durable whole-file writes: temp file in the same directory, sync it, rename it, sync the directory.

How each step is done on Linux, macOS and Windows, and why, is in ``durable``.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from . import durable

FILE_MODE = 0o600
DIR_MODE = 0o700
TMP_MARK = ".tmp-"


def write_all(fd: int, data: bytes) -> None:
    """Write every byte of ``data`` to ``fd``. Tests replace this to simulate torn writes."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def fsync_dir(directory: Path) -> None:
    """Make a rename into ``directory`` survive a power cut, where the platform can (not on Windows)."""
    durable.HERE.sync_folder(directory)


def replace(source: Path, target: Path) -> None:
    """``os.replace``; on Windows retried for a moment while another program still has ``target`` open."""
    durable.HERE.replace(source, target)


def temp_path(path: Path) -> Path:
    return path.with_name(f"{path.name}{TMP_MARK}{secrets.token_hex(4)}")


def is_temp(path: Path) -> bool:
    return TMP_MARK in path.name


def target_of(temp: Path) -> Path:
    return temp.with_name(temp.name.split(TMP_MARK, 1)[0])


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that after a crash it holds either the old or the new bytes.

    On error the old file is untouched and the temp file is removed. A simulated power cut
    (a BaseException that is not an Exception) leaves the temp file behind, as a real one would.
    """
    steps = durable.HERE
    tmp = temp_path(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | steps.open_flags, FILE_MODE)
    try:
        try:
            write_all(fd, data)
            steps.sync_file(fd)
        finally:
            os.close(fd)
        steps.replace(tmp, path)
    except Exception:
        remove_quietly(tmp)
        raise
    fsync_dir(path.parent)


def remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def make_private_dir(path: Path) -> None:
    """Create ``path`` (and parents) if missing, and make sure only the owner can use it.

    On Windows modes mean nothing (``os.chmod`` only sets read-only); the folder under the user's profile is
    what keeps other accounts out there (see ``durable``).
    """
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    if durable.HERE.modes_private and (path.stat().st_mode & 0o777) != DIR_MODE:
        os.chmod(path, DIR_MODE)
