"""Disk full, I/O errors, read-only or forbidden folders: a StoreError to act on, earlier data intact."""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from course.store import Store, StoreError, atomic

from .helpers import Acks, assert_acknowledged_survive
from .strace import linux_only, list_calls, run_injected

MESSAGES = {
    errno.ENOSPC: "The disk is full",
    errno.EIO: "The disk reported an error",
    errno.EROFS: "read-only",
    errno.EACCES: "not allowed",
    errno.EDQUOT: "The disk is full",
}


def _failing(code: int, real: Callable[..., Any], when: Callable[..., bool] = lambda *a: True) -> Callable[..., Any]:
    def fail(*args: Any, **kwargs: Any) -> Any:
        if when(*args):
            raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)

    return fail


def _is_temp(path: Any, *rest: Any) -> bool:
    return atomic.TMP_MARK in str(path)


POINTS: dict[str, Callable[[pytest.MonkeyPatch, int], None]] = {
    "open": lambda m, code: m.setattr(os, "open", _failing(code, os.open, _is_temp)),
    "write": lambda m, code: m.setattr(os, "write", _failing(code, os.write)),
    "fsync": lambda m, code: m.setattr(os, "fsync", _failing(code, os.fsync)),
    "rename": lambda m, code: m.setattr(os, "replace", _failing(code, os.replace)),
}


@pytest.mark.parametrize("code", sorted(MESSAGES), ids=[errno.errorcode[c] for c in sorted(MESSAGES)])
@pytest.mark.parametrize("point", sorted(POINTS))
def test_failed_save_keeps_earlier_data_and_the_store_keeps_working(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, point: str, code: int
) -> None:
    store = Store(data_dir)
    pid = store.create_profile("Ana")
    store.record_answer(pid, "l", "kept", ["a"], True)
    path = data_dir / "profiles" / f"{pid}.json"
    before = path.read_bytes()

    with monkeypatch.context() as m:
        POINTS[point](m, code)
        with pytest.raises(StoreError) as failed:
            store.record_answer(pid, "l", "lost", ["a"], True)
    assert MESSAGES[code] in str(failed.value)
    assert "Errno" not in str(failed.value)
    assert path.read_bytes() == before
    assert not [p for p in data_dir.rglob("*") if atomic.TMP_MARK in p.name]

    store.record_answer(pid, "l", "later", ["a"], True)  # the app keeps running
    assert [a.question_id for a in store.answers(pid)] == ["kept", "later"]
    store.close()
    with Store(data_dir) as again:
        assert [a.question_id for a in again.answers(pid)] == ["kept", "later"]


def test_directory_fsync_failure_is_reported(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(data_dir) as store:
        pid = store.create_profile("Ana")
        with monkeypatch.context() as m:
            m.setattr(atomic, "fsync_dir", _failing(errno.EIO, atomic.fsync_dir))
            with pytest.raises(StoreError, match="disk reported an error"):
                store.record_answer(pid, "l", "maybe", ["a"], True)
        store.record_answer(pid, "l", "later", ["a"], True)
        assert store.answers(pid)[-1].question_id == "later"


def test_every_kind_of_save_reports_a_full_disk(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(data_dir)
    pid = store.create_profile("Ana")
    gid = store.create_group("g")
    saves: list[Callable[[], object]] = [
        lambda: store.create_profile("Ben"),
        lambda: store.rename_profile(pid, "Anna"),
        lambda: store.save_lesson_state(pid, "l", step=1),
        lambda: store.record_quiz_result(pid, "l", 1, 2, False),
        lambda: store.save_journal(pid, "l", "k", "p", "t"),
        lambda: store.set_preference(pid, "theme", "dark"),
        lambda: store.create_group("h"),
        lambda: store.add_member(gid, pid),
        lambda: store.kiosk_count("sessions"),
        lambda: store.set_presenter({"step": 1}),
        lambda: store.delete_profile(pid),
    ]
    with monkeypatch.context() as m:
        POINTS["write"](m, errno.ENOSPC)
        for save in saves:
            with pytest.raises(StoreError, match="The disk is full"):
                save()
    assert [p.name for p in store.profiles()] == ["Ana"]


def test_opening_an_unusable_folder_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    with pytest.raises(StoreError):
        Store(blocker / "data")


def test_read_only_data_can_still_be_read(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(data_dir) as s:
        pid = s.create_profile("Ana")
        s.record_answer(pid, "l", "q", ["a"], True)
    with monkeypatch.context() as m:
        for point in ("open", "write"):
            POINTS[point](m, errno.EROFS)
        real_open = os.open
        m.setattr(os, "open", _failing(errno.EROFS, real_open, lambda p, flags, *r: bool(flags & os.O_CREAT)))
        s = Store(data_dir)
        assert [a.question_id for a in s.answers(pid)] == ["q"]
        with pytest.raises(StoreError, match="read-only"):
            s.record_answer(pid, "l", "q2", ["a"], True)


@linux_only
@pytest.mark.parametrize("error", ["ENOSPC", "EIO", "EACCES"])
def test_real_system_call_errors(tmp_path: Path, error: str) -> None:
    template = tmp_path / "template"
    with Store(template) as s:
        pid = s.create_profile("Ana")
        s.record_answer(pid, "l0", "before", ["a"], True)
    args = ("keep-going", pid, "3")
    calls = list_calls(_copy(template, tmp_path / "dry"), *args, log=tmp_path / "log")
    first_save = {}
    for call in calls:
        if call.name in ("openat", "write", "fsync", "rename") and atomic.TMP_MARK in call.detail:
            first_save.setdefault(call.name, call)
    assert set(first_save) == {"openat", "write", "fsync", "rename"}
    for name, call in first_save.items():
        data_dir = _copy(template, tmp_path / f"{name}-{error}")
        done = run_injected(data_dir, call, f"error={error}", *args)
        assert done.returncode == 0, done.stderr[-800:]
        errors = [line for line in done.stdout.splitlines() if line.startswith("storeerror")]
        assert len(errors) == 1, (name, done.stdout)
        assert MESSAGES[getattr(errno, error)] in errors[0]
        acks = Acks.parse(done.stdout)
        assert acks.answers[pid] == {"q1", "q2"}
        acks.answers[pid].add("before")
        assert_acknowledged_survive(data_dir, acks)


def _copy(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst
