"""A power cut in the middle of a write: the store opens with the old or the new state, never a broken one."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from course.store import Store, atomic


class PowerCut(BaseException):
    """Stands for the machine losing power: nothing after it runs, no cleanup either."""


@pytest.fixture
def template(tmp_path: Path) -> tuple[Path, str]:
    data_dir = tmp_path / "template"
    with Store(data_dir) as s:
        pid = s.create_profile("Ana")
        for i in range(5):
            s.record_answer(pid, "l", f"old{i}", ["a"], True)
    return data_dir, pid


def _size_of_next_write(template: tuple[Path, str], tmp_path: Path) -> int:
    data_dir, pid = template
    scratch = tmp_path / "scratch"
    shutil.copytree(data_dir, scratch)
    with Store(scratch) as s:
        s.record_answer(pid, "l", "new", ["a"], True)
    return (scratch / "profiles" / f"{pid}.json").stat().st_size


def _cut_points(size: int) -> list[int]:
    step = max(1, size // 40)
    return sorted({0, 1, 2, 10, 11, 75, 76, 77, size - 2, size - 1, size, *range(0, size, step)})


def _questions(data_dir: Path, pid: str) -> tuple[list[str], list[str]]:
    with Store(data_dir) as s:
        return [a.question_id for a in s.answers(pid)], list(s.problems)


OLD = [f"old{i}" for i in range(5)]
NEW = [*OLD, "new"]


def test_power_cut_while_writing_keeps_the_old_state(
    template: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    size = _size_of_next_write(template, tmp_path)
    for k in _cut_points(size):
        data_dir = tmp_path / f"cut{k}"
        shutil.copytree(template[0], data_dir)

        def stop_after_k(fd: int, data: bytes, k: int = k) -> None:
            os.write(fd, data[:k])
            raise PowerCut

        store = Store(data_dir)
        with monkeypatch.context() as m:
            m.setattr(atomic, "write_all", stop_after_k)
            with pytest.raises(PowerCut):
                store.record_answer(template[1], "l", "new", ["a"], True)
        assert list((data_dir / "profiles").glob("*.tmp-*")), "the half-written temp file stays behind"
        questions, problems = _questions(data_dir, template[1])
        assert questions == OLD, k
        assert problems == [], k
        assert not list((data_dir / "profiles").glob("*.tmp-*")), "opening clears crash leftovers"


def test_disk_that_loses_the_tail_of_a_write_is_caught(
    template: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Worse than a crash: the write "succeeds" but only k bytes reach the disk."""
    size = _size_of_next_write(template, tmp_path)
    for k in _cut_points(size):
        data_dir = tmp_path / f"lie{k}"
        shutil.copytree(template[0], data_dir)

        def keep_only_k(fd: int, data: bytes, k: int = k) -> None:
            os.write(fd, data[:k])

        store = Store(data_dir)
        with monkeypatch.context() as m:
            m.setattr(atomic, "write_all", keep_only_k)
            store.record_answer(template[1], "l", "new", ["a"], True)
        questions, problems = _questions(data_dir, template[1])
        if k >= size:
            assert (questions, problems) == (NEW, []), k
        else:
            assert questions == OLD, k
            assert len(problems) == 1 and "restored from the backup" in problems[0], k
            [kept] = (data_dir / "damaged").iterdir()
            assert len(kept.read_bytes()) == k
