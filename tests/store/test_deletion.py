"""A deleted profile never comes back: not from a backup, not after a crash halfway through."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.store import Store, StoreError
from course.store.core import StoreCore


def _everything(data_dir: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(data_dir.rglob("*")) if p.is_file())


def test_deleted_profile_is_not_restored_with_a_damaged_list(data_dir: Path) -> None:
    with Store(data_dir) as s:
        keep = s.create_profile("Keep")
        gone = s.create_profile("Secret Name")
        s.record_answer(gone, "l", "q", ["a"], True)
    with Store(data_dir) as s:
        s.delete_profile(gone)
    assert b"Secret Name" not in _everything(data_dir)
    (data_dir / "profiles.json").write_bytes(b"garbage")
    with Store(data_dir) as s:
        assert [p.id for p in s.profiles()] == [keep]
        with pytest.raises(StoreError):
            s.answers(gone)


def test_deleted_profile_file_put_back_by_hand_is_removed(data_dir: Path) -> None:
    with Store(data_dir) as s:
        gone = s.create_profile("Gone")
        saved = (data_dir / "profiles" / f"{gone}.json").read_bytes()
        s.delete_profile(gone)
    (data_dir / "profiles" / f"{gone}.json").write_bytes(saved)
    with Store(data_dir) as s:
        assert s.profiles() == []
    assert not (data_dir / "profiles" / f"{gone}.json").exists()


def test_crash_halfway_through_a_deletion_finishes_it(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(data_dir) as s:
        gone = s.create_profile("Gone")
        s.record_answer(gone, "l", "q", ["a"], True)

    class PowerCut(BaseException):
        pass

    def cut(self: StoreCore, pid: str) -> None:
        raise PowerCut

    with monkeypatch.context() as m:
        m.setattr(StoreCore, "_erase_profile_files", cut)
        s = Store(data_dir)
        with pytest.raises(PowerCut):
            s.delete_profile(gone)
    assert (data_dir / "profiles" / f"{gone}.json").exists()
    with Store(data_dir) as s:
        assert s.profiles() == []
    assert not [p for p in data_dir.rglob("*") if gone in p.name]


def test_profile_created_after_the_last_backup_survives_a_damaged_list(data_dir: Path) -> None:
    with Store(data_dir) as s:
        s.create_profile("Old")
    s = Store(data_dir)
    new = s.create_profile("New")
    s.record_answer(new, "l", "q", ["a"], True)
    # no close(): the newest backup of profiles.json does not know "New"
    (data_dir / "profiles.json").write_bytes(b"\0\0\0")
    with Store(data_dir) as s2:
        assert sorted(p.name for p in s2.profiles()) == ["New", "Old"]
        assert len(s2.answers(new)) == 1
