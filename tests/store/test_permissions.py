"""The data directory is private to its owner: 0700 directories, 0600 files."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from course.store import Store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Windows has no file modes; there the data folder "
                                "is private because it is under the user's profile (course/store/durable.py)")


def _modes(root: Path) -> dict[str, int]:
    found = {".": stat.S_IMODE(root.stat().st_mode)}
    for path in root.rglob("*"):
        found[path.relative_to(root).as_posix()] = stat.S_IMODE(path.stat().st_mode)
    return found


def _use_everything(data_dir: Path) -> None:
    with Store(data_dir) as s:
        pid = s.create_profile("Ana", pin=None)
        s.record_answer(pid, "l", "q", ["a"], True)
        s.save_journal(pid, "l", "k", "p", "t")
        s.create_group("g")
        s.kiosk_count("sessions")
        s.set_presenter({"step": 1})
    (data_dir / "groups.json").write_bytes(b"broken")  # so that damaged/ gets a file too
    Store(data_dir).close()


def test_everything_created_is_private(data_dir: Path) -> None:
    old = os.umask(0)
    try:
        _use_everything(data_dir)
    finally:
        os.umask(old)
    modes = _modes(data_dir)
    assert any(name.startswith("backups/") for name in modes)
    assert any(name.startswith("damaged/") for name in modes)
    for name, mode in modes.items():
        assert mode == (0o700 if (data_dir / name).is_dir() else 0o600), name


def test_an_existing_open_directory_is_made_private(tmp_path: Path) -> None:
    data_dir = tmp_path / "shared"
    data_dir.mkdir(mode=0o755)
    os.chmod(data_dir, 0o755)
    Store(data_dir).close()
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
