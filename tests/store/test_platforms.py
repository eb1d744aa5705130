"""Saving on Linux, macOS and Windows: each platform's steps (durable.py), and the program under the shim that
takes away what Windows's Python lacks (nonposix.py)."""

from __future__ import annotations

import errno
import importlib.util
import os
import signal
import subprocess
import sys
import types
from pathlib import Path

import pytest

from course.store import Store, durable

from .helpers import REPO, run_worker, worker_env
from .nonposix import RefusingReplace


class FakeTime:
    """A clock that only moves when the code under test sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.pauses: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.pauses.append(seconds)
        self.now += seconds


@pytest.fixture
def fake_time(monkeypatch: pytest.MonkeyPatch) -> FakeTime:
    fake = FakeTime()
    monkeypatch.setattr(durable, "clock", lambda: fake.now)
    monkeypatch.setattr(durable, "sleep", fake.sleep)
    return fake


def refusing(monkeypatch: pytest.MonkeyPatch, times: int) -> list[tuple[str, str]]:
    """Make ``os.replace`` refuse ``times`` times (-1: always), then work; returns the renames done."""
    done: list[tuple[str, str]] = []
    left = [times]

    def replace(source: str, target: str) -> None:
        if left[0] != 0:
            left[0] -= 1
            raise PermissionError(errno.EACCES, "Access is denied", target)
        done.append((os.fspath(source), os.fspath(target)))

    monkeypatch.setattr(os, "replace", replace)
    return done


# -- each platform's steps ----------------------------------------------------------------------------------------

def test_windows_skips_the_folder_sync_and_the_modes_and_retries_renames() -> None:
    steps = durable.for_platform("win32")
    assert not steps.sync_folders and not steps.modes_private
    assert steps.replace_retry_seconds == durable.REPLACE_RETRY_SECONDS > 0
    assert steps.open_flags == getattr(os, "O_BINARY", 0)


@pytest.mark.parametrize("platform", ["linux", "darwin", "freebsd14"])
def test_posix_syncs_folders_keeps_modes_and_never_retries(platform: str) -> None:
    steps = durable.for_platform(platform)
    assert steps.sync_folders and steps.modes_private
    assert steps.replace_retry_seconds == 0


def test_folder_sync_opens_nothing_on_windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[object] = []
    monkeypatch.setattr(os, "open", lambda *args, **kwargs: opened.append(args))
    durable.for_platform("win32").sync_folder(tmp_path)
    assert opened == []


def test_folder_sync_works_without_o_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[int] = []
    monkeypatch.delattr(os, "O_DIRECTORY", raising=False)
    monkeypatch.setattr(os, "fsync", synced.append)
    durable.for_platform("linux").sync_folder(tmp_path)
    assert len(synced) == 1


def test_macos_asks_the_drive_to_flush_with_full_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[int, int]] = []
    fcntl = types.SimpleNamespace(F_FULLFSYNC=51, fcntl=lambda fd, cmd: calls.append((fd, cmd)))
    monkeypatch.setitem(sys.modules, "fcntl", fcntl)
    monkeypatch.setattr(os, "fsync", lambda fd: calls.append((fd, -1)))
    durable.for_platform("darwin").sync_file(7)
    assert calls == [(7, 51)]


def test_full_fsync_refused_by_the_disk_falls_back_to_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def refuse(fd: int, cmd: int) -> None:
        calls.append("full")
        raise OSError(errno.ENOTSUP, "Operation not supported")

    monkeypatch.setitem(sys.modules, "fcntl", types.SimpleNamespace(F_FULLFSYNC=51, fcntl=refuse))
    monkeypatch.setattr(os, "fsync", lambda fd: calls.append("fsync"))
    durable.for_platform("darwin").sync_file(7)
    assert calls == ["full", "fsync"]


@pytest.mark.parametrize("fcntl", [None, types.SimpleNamespace(fcntl=lambda fd, cmd: None)], ids=["no-fcntl", "linux"])
def test_without_full_fsync_a_plain_fsync(monkeypatch: pytest.MonkeyPatch, fcntl: object) -> None:
    calls: list[int] = []
    monkeypatch.setitem(sys.modules, "fcntl", fcntl)
    monkeypatch.setattr(os, "fsync", calls.append)
    durable.for_platform("darwin").sync_file(7)
    assert calls == [7]


def test_windows_retries_a_refused_rename_until_it_works(
    monkeypatch: pytest.MonkeyPatch, fake_time: FakeTime
) -> None:
    done = refusing(monkeypatch, 3)
    durable.for_platform("win32").replace("a.tmp", "a")
    assert done == [("a.tmp", "a")]
    assert len(fake_time.pauses) == 3 and fake_time.pauses == sorted(fake_time.pauses)


def test_windows_gives_up_on_a_rename_refused_for_too_long(
    monkeypatch: pytest.MonkeyPatch, fake_time: FakeTime
) -> None:
    refusing(monkeypatch, -1)
    with pytest.raises(PermissionError):
        durable.for_platform("win32").replace("a.tmp", "a")
    assert durable.REPLACE_RETRY_SECONDS <= fake_time.now < durable.REPLACE_RETRY_SECONDS + 0.2
    assert max(fake_time.pauses) <= 0.1


def test_posix_reports_a_refused_rename_at_once(monkeypatch: pytest.MonkeyPatch, fake_time: FakeTime) -> None:
    refusing(monkeypatch, 1)
    with pytest.raises(PermissionError):
        durable.for_platform("linux").replace("a.tmp", "a")
    assert fake_time.pauses == []


def test_modes_are_left_alone_where_they_mean_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from course.store import atomic

    changed: list[object] = []
    monkeypatch.setattr(os, "chmod", lambda *args, **kwargs: changed.append(args))
    monkeypatch.setattr(durable, "HERE", durable.for_platform("win32"))
    folder = tmp_path / "open"
    folder.mkdir(mode=0o755)
    atomic.make_private_dir(folder)
    assert changed == []


# -- the program under the shim -------------------------------------------------------------------------------

def test_the_shim_takes_the_posix_names_away(no_posix: RefusingReplace) -> None:
    assert not hasattr(os, "O_DIRECTORY") and not hasattr(os, "O_CLOEXEC")
    assert not any(hasattr(signal, name) for name in ("SIGQUIT", "SIGTSTP", "SIGHUP"))
    with pytest.raises(ImportError):
        import fcntl  # noqa: F401
    assert durable.HERE.platform == "win32" and not durable.HERE.sync_folders


def test_under_the_shim_the_store_saves_and_reloads_through_refused_renames(
    no_posix: RefusingReplace, data_dir: Path
) -> None:
    with Store(data_dir) as s:
        pid = s.create_profile("Ana", pin=None)
        for i in range(6):
            s.record_answer(pid, "l", f"q{i}", ["a"], True)
        s.save_journal(pid, "l", "k", "What helped?", "Talking.")
    assert no_posix.refused >= 3
    with Store(data_dir) as s:
        assert [p.name for p in s.profiles()] == ["Ana"]
        assert [a.question_id for a in s.answers(pid)] == [f"q{i}" for i in range(6)]
        assert s.journal(pid)[0].text == "Talking."
        assert s.problems == []
    assert not [p for p in data_dir.rglob("*") if ".tmp-" in p.name]


def test_under_the_shim_a_damaged_file_is_moved_aside_and_restored(
    no_posix: RefusingReplace, data_dir: Path
) -> None:
    with Store(data_dir) as s:
        pid = s.create_profile("Ana")
    (data_dir / "profiles.json").write_bytes(b"{not json")
    with Store(data_dir) as s:
        assert [p.id for p in s.profiles()] == [pid]
        assert any("damaged" in problem for problem in s.problems)
    assert list((data_dir / "damaged").iterdir())


def test_store_workers_run_under_the_shim_too(no_posix: RefusingReplace, data_dir: Path) -> None:
    Store(data_dir).close()
    done = run_worker(data_dir, "profiles", "6", "w")
    assert done.returncode == 0, done.stderr[-2000:]
    report = done.stderr.strip().splitlines()[-1].split()  # "nonposix: N renames, M refused"
    assert report[0] == "nonposix:" and int(report[3]) > 0, done.stderr
    with Store(data_dir) as s:
        assert sorted(p.name for p in s.profiles()) == [f"w-{i}" for i in range(6)]


def test_every_module_of_the_package_imports_under_the_shim() -> None:
    code = (
        "import os, signal, sys\n"
        "from tests.store import nonposix\n"
        "nonposix.install(nonposix.Forever())\n"
        "assert not hasattr(os, 'O_DIRECTORY') and not hasattr(signal, 'SIGHUP') and sys.modules['fcntl'] is None\n"
        "failed = nonposix.import_every_module('course')\n"
        "print(len([m for m in sys.modules if m.startswith('course.')]))\n"
        "print('\\n'.join(failed))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=worker_env(), cwd=REPO,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    imported, *failed = done.stdout.strip().split("\n")
    assert failed == []
    assert int(imported) > 50


def _fresh_signals_module() -> types.ModuleType:
    """A new copy of course.ui.kiosk.signals, run now (under the shim), leaving the imported one alone."""
    spec = importlib.util.find_spec("course.ui.kiosk.signals")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class LoopWithoutSignals:
    """Like Windows's event loops, which have no signal handlers."""

    def add_signal_handler(self, *args: object) -> None:
        raise NotImplementedError


def test_kiosk_signals_use_what_the_platform_has(no_posix: RefusingReplace) -> None:
    signals = _fresh_signals_module()
    assert signals.IGNORED == (signal.SIGINT,)
    assert signals.ENDING == (signal.SIGTERM,)
    previous = signals.ignore_interrupts()
    try:
        assert signal.getsignal(signal.SIGINT) == signal.SIG_IGN
    finally:
        signals.restore(previous)
    assert signal.getsignal(signal.SIGINT) == previous[signal.SIGINT]
    loop = LoopWithoutSignals()
    assert signals.end_on_terminate(loop, lambda name: None) is False  # type: ignore[arg-type]
