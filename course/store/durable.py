"""What each platform needs for a save to survive a crash or a power cut, and why. Used by ``atomic``.

Every save writes a temp file beside the real one, pushes its bytes to the disk, renames it over the real one
(``os.replace``: the rename is atomic, so a reader or a crash sees the old file or the new one, never half of
one), and then, where it can, pushes the folder to the disk so that the rename itself is kept. Per platform:

* **Linux and other POSIX systems:** ``os.fsync`` the file; ``os.fsync`` the folder after the rename.
* **macOS:** ``fcntl(fd, F_FULLFSYNC)`` for the file and the folder, because there a plain fsync only hands the
  data to the drive, whose own cache can still lose it in a power cut (Apple's fsync(2) man page). A disk or
  file system that refuses F_FULLFSYNC gets a plain fsync instead, as SQLite does.
* **Windows:** ``os.fsync`` the file (Python calls Windows's ``_commit``, which flushes it to the disk). No sync
  of the folder: Windows cannot open a folder as a file. NTFS journals the rename, so after a power cut just after
  a save the file is whole, but may be the one from before that save. A rename that Windows refuses with
  ``PermissionError`` is tried again for up to ``REPLACE_RETRY_SECONDS``: Windows will not replace a file while
  another program has it open, and virus scanners and the search indexer open new files for a moment (so does
  another copy of Family Course reading it). On Linux and macOS a rename never waits for readers, so a
  ``PermissionError`` there is real (a read-only folder, say) and is reported at once.

File modes: 0700 folders and 0600 files keep other accounts out on Linux and macOS. On Windows ``os.chmod`` can
only set the read-only flag, so modes are not checked there; the data folder sits under the user's own profile
(``C:\\Users\\name\\AppData\\Local``), which other standard accounts cannot open.

Names this relies on (Python's os and fcntl docs): ``os.O_DIRECTORY`` is an extension, absent on Windows, so it
is used only where it exists; ``os.O_BINARY`` exists only on Windows, where without it ``os.open`` makes a text
file that turns each newline into two bytes; ``fcntl`` does not exist on Windows, and ``fcntl.F_FULLFSYNC`` only
on macOS. ``O_CLOEXEC`` (Unix only) is not needed: ``os.open`` makes every descriptor non-inheritable already.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

REPLACE_RETRY_SECONDS = 2.0  # long enough for a scanner or another reader to let go; short enough to report
_FIRST_PAUSE = 0.01
_LONGEST_PAUSE = 0.1

sleep = time.sleep  # the tests replace these two, so that no test waits
clock = time.monotonic


@dataclass(frozen=True)
class Durability:
    """How saves are made durable on one platform (see the table above)."""

    platform: str  # a ``sys.platform`` value
    sync_file: Callable[[int], None]  # push an open file's bytes to the disk
    sync_folders: bool  # whether a folder can be opened and synced after a rename
    replace_retry_seconds: float  # how long to keep retrying a rename refused with PermissionError
    modes_private: bool  # whether 0700/0600 modes keep other accounts out
    open_flags: int  # added to every os.open of a data file

    def sync_folder(self, folder: os.PathLike[str] | str) -> None:
        """Push ``folder``'s entries (a rename into it) to the disk, where the platform can."""
        if not self.sync_folders:
            return
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            self.sync_file(fd)
        finally:
            os.close(fd)

    def replace(self, source: os.PathLike[str] | str, target: os.PathLike[str] | str) -> None:
        """``os.replace``, retried for a short while where the platform refuses it while others read."""
        deadline: float | None = None
        pause = _FIRST_PAUSE
        while True:
            try:
                os.replace(source, target)
                return
            except PermissionError:
                if self.replace_retry_seconds <= 0:
                    raise
                now = clock()
                if deadline is None:
                    deadline = now + self.replace_retry_seconds
                elif now >= deadline:
                    raise
            sleep(pause)
            pause = min(pause * 2, _LONGEST_PAUSE)


def fsync(fd: int) -> None:
    """``os.fsync``, looked up when called (the tests make it fail)."""
    os.fsync(fd)


def full_fsync_or_fsync() -> Callable[[int], None]:
    """``fcntl(fd, F_FULLFSYNC)`` where it exists (macOS), falling back to ``os.fsync`` for a disk or file
    system that refuses it (as SQLite does); plain ``os.fsync`` everywhere else."""
    try:
        import fcntl
    except ImportError:
        return fsync
    full = getattr(fcntl, "F_FULLFSYNC", None)
    if full is None:
        return fsync

    def sync(fd: int) -> None:
        try:
            fcntl.fcntl(fd, full)
        except OSError:
            os.fsync(fd)

    return sync


def for_platform(platform: str) -> Durability:
    """The durability steps for ``platform`` (a ``sys.platform`` value) with the names this Python has."""
    if platform == "win32":
        return Durability(
            platform=platform,
            sync_file=fsync,
            sync_folders=False,
            replace_retry_seconds=REPLACE_RETRY_SECONDS,
            modes_private=False,
            open_flags=getattr(os, "O_BINARY", 0),
        )
    return Durability(
        platform=platform,
        sync_file=full_fsync_or_fsync(),
        sync_folders=True,
        replace_retry_seconds=0.0,
        modes_private=True,
        open_flags=0,
    )


HERE = for_platform(sys.platform)
"""The steps for the platform this is running on. ``atomic`` reads it on every save."""
