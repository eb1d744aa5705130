"""Opening a store: the profile list is made to agree with the profile files, and a store that agrees is only read."""

from __future__ import annotations

import shutil
from pathlib import Path

import filelock
import pytest

from course.store import Store
from course.store.layout import Layout


def _count_locks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    taken: list[str] = []
    real = filelock.FileLock.acquire

    def acquire(lock, *args, **kwargs):
        taken.append(str(lock.lock_file))
        return real(lock, *args, **kwargs)

    monkeypatch.setattr(filelock.FileLock, "acquire", acquire)
    return taken


def test_opening_a_store_that_needs_nothing_takes_no_lock(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(data_dir) as s:
        s.create_profile("Ana")
        s.create_profile("Ben")
    taken = _count_locks(monkeypatch)
    with Store(data_dir) as s:
        assert [p.name for p in s.profiles()] == ["Ana", "Ben"]
    assert taken == []


def test_a_profile_missing_from_the_list_is_listed_on_opening(data_dir: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(data_dir) as s:
        s.create_profile("Ana")
        before = (data_dir / "profiles.json").read_bytes()
        s.create_profile("Ben")
    (data_dir / "profiles.json").write_bytes(before)  # as if the list was not saved after Ben's file was
    taken = _count_locks(monkeypatch)
    with Store(data_dir) as s:
        assert sorted(p.name for p in s.profiles()) == ["Ana", "Ben"]
    layout = Layout(data_dir)
    assert str(layout.lock(layout.index)) in taken  # repaired under the lock of the list itself
    with Store(data_dir) as s:
        assert sorted(p.name for p in s.profiles()) == ["Ana", "Ben"]


def test_a_listed_profile_whose_file_is_gone_and_has_no_backup_is_dropped(data_dir: Path) -> None:
    with Store(data_dir) as s:
        s.create_profile("Ana")
        ben = s.create_profile("Ben")
    (data_dir / "profiles" / f"{ben}.json").unlink()
    for backup in (data_dir / "backups").glob(f"*{ben}*"):
        shutil.rmtree(backup) if backup.is_dir() else backup.unlink()
    with Store(data_dir) as s:
        assert [p.name for p in s.profiles()] == ["Ana"]


def test_opening_read_only_data_says_so_at_once(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import os

    with Store(data_dir) as s:
        s.create_profile("Ana")
    real_open = os.open

    def read_only(path, flags, *rest):
        if flags & os.O_CREAT:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        return real_open(path, flags, *rest)

    monkeypatch.setattr(os, "open", read_only)
    s = Store(data_dir)
    assert [p.name for p in s.profiles()] == ["Ana"]
    assert len(s.problems) == 1 and "maybe not saved" in s.problems[0]
