"""Rotating backup copies of each data file, and the place damaged files are moved to."""

from __future__ import annotations

import os
import secrets
import shutil
from datetime import UTC, datetime
from pathlib import Path

from . import atomic, envelope, schema
from .layout import Layout

KEEP = 5


def _stamp(moment: datetime | None = None) -> str:
    return (moment or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S.%fZ")


def stamp_time(name: str) -> datetime | None:
    try:
        return datetime.strptime(name.split("-", 1)[0], "%Y%m%dT%H%M%S.%fZ").replace(tzinfo=UTC)
    except ValueError:
        return None


class Backups:
    """Callers hold the lock of the file whose backups they touch."""

    def __init__(self, layout: Layout, keep: int = KEEP) -> None:
        self.layout = layout
        self.keep = keep

    def copies(self, path: Path) -> list[Path]:
        """Backups of ``path``, newest first."""
        folder = self.layout.backups_for(path)
        try:
            names = os.listdir(folder)
        except FileNotFoundError:
            return []
        return [folder / n for n in sorted(names, reverse=True) if not atomic.is_temp(Path(n))]

    def newest_mtime_ns(self, path: Path) -> int | None:
        for copy in self.copies(path):
            try:
                return copy.stat().st_mtime_ns
            except FileNotFoundError:
                continue
        return None

    def take(self, path: Path, raw: bytes) -> bool:
        """Save ``raw`` (the current, valid bytes of ``path``) unless the newest backup already matches."""
        copies = self.copies(path)
        if copies:
            try:
                if copies[0].read_bytes() == raw:
                    return False
            except FileNotFoundError:
                pass
        folder = self.layout.backups_for(path)
        atomic.make_private_dir(folder)
        atomic.write_atomic(folder / f"{_stamp()}-{secrets.token_hex(2)}.json", raw)
        self._rotate(folder)
        return True

    def _rotate(self, folder: Path) -> None:
        names = sorted(os.listdir(folder), reverse=True)
        for name in names:
            if atomic.is_temp(Path(name)):
                atomic.remove_quietly(folder / name)
        kept = [n for n in names if not atomic.is_temp(Path(n))]
        for name in kept[self.keep :]:
            atomic.remove_quietly(folder / name)

    def newest_good(self, path: Path, kind: str) -> tuple[schema.Body, datetime | None] | None:
        """The newest backup that reads cleanly, with the time it was taken."""
        for copy in self.copies(path):
            try:
                body, _ = schema.upgrade(kind, envelope.decode(copy.read_bytes()))
            except (envelope.Damaged, OSError):
                continue
            return body, stamp_time(copy.name)
        return None

    def rewrite_all(self, path: Path, kind: str, change: schema.Migration) -> None:
        """Apply ``change`` to every readable backup of ``path`` (used to scrub deleted profiles)."""
        for copy in self.copies(path):
            try:
                taken = copy.stat()
                body, _ = schema.upgrade(kind, envelope.decode(copy.read_bytes()))
            except (envelope.Damaged, OSError):
                atomic.remove_quietly(copy)
                continue
            atomic.write_atomic(copy, envelope.encode(change(body)))
            # keep the time it was taken: a rewritten old copy must not look newer than the file
            os.utime(copy, ns=(taken.st_atime_ns, taken.st_mtime_ns))

    def purge(self, path: Path) -> None:
        shutil.rmtree(self.layout.backups_for(path), ignore_errors=True)

    def quarantine(self, path: Path) -> Path:
        """Move ``path`` aside, byte for byte, and return where it went."""
        atomic.make_private_dir(self.layout.damaged_dir)
        target = self.layout.damaged_dir / f"{self.layout.flat(path)}.{_stamp()}.damaged"
        atomic.replace(path, target)
        os.chmod(target, atomic.FILE_MODE)
        atomic.fsync_dir(self.layout.damaged_dir)
        atomic.fsync_dir(path.parent)
        return target

    def damaged_copies(self, path: Path) -> list[Path]:
        return sorted(self.layout.damaged_dir.glob(f"{self.layout.flat(path)}.*.damaged"))
