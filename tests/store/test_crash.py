"""SIGKILL at random moments and right before each write-related system call: no acknowledged answer is lost."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from course.store import Store

from .helpers import REPO, Acks, assert_acknowledged_survive, worker_command, worker_env
from .strace import Call, linux_only, list_calls, run_injected, sample

ANSWERS = 8
PER_KIND = 12

# Each test runs as it is, then as on Windows (nonposix.py), except the strace test: the calls it lists are
# Linux's own (under the shim there is, by design, no fsync of a folder).
each_platform = pytest.mark.usefixtures("each_platform")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    data_dir = tmp_path_factory.mktemp("crash") / "template"
    with Store(data_dir) as s:
        pid = s.create_profile("Ana")
        s.record_answer(pid, "l0", "before", ["a"], True)
    return data_dir, pid


def _copy(template: Path, where: Path) -> Path:
    shutil.copytree(template, where)
    return where


@each_platform
def test_sigkill_at_random_moments(template: tuple[Path, str], tmp_path: Path) -> None:
    rng = random.Random(20261120)
    for run in range(12):
        data_dir = _copy(template[0], tmp_path / f"run{run}")
        proc = subprocess.Popen(
            worker_command(data_dir, "mix", template[1], "60"),
            stdout=subprocess.PIPE,
            text=True,
            env=worker_env(),
            cwd=REPO,
        )
        assert proc.stdout is not None
        assert proc.stdout.readline() == "ready\n"
        time.sleep(rng.uniform(0.0, 0.12))
        proc.kill()  # SIGKILL; TerminateProcess on Windows
        rest, _ = proc.communicate(timeout=60)
        acks = Acks.parse(rest)
        acks.answers.setdefault(template[1], set()).add("before")
        assert assert_acknowledged_survive(data_dir, acks) == []


@linux_only
def test_sigkill_right_before_each_kind_of_write_call(template: tuple[Path, str], tmp_path: Path) -> None:
    args = ("mix", template[1], str(ANSWERS))
    calls = list_calls(_copy(template[0], tmp_path / "dry"), *args, log=tmp_path / "strace.log")
    kinds = {c.name for c in calls}
    assert {"openat", "write", "fsync", "fsync-dir", "rename", "unlink"} <= kinds, kinds
    chosen = sample(calls, PER_KIND)

    def kill_at(index_call: tuple[int, Call]) -> tuple[Call, subprocess.CompletedProcess[str], Path]:
        index, call = index_call
        data_dir = _copy(template[0], tmp_path / f"kill{index}")
        return call, run_injected(data_dir, call, "signal=KILL", *args), data_dir

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(kill_at, enumerate(chosen)))
    for call, done, data_dir in results:
        assert done.returncode == -signal.SIGKILL, (call, done.stderr[-500:])
        acks = Acks.parse(done.stdout)
        acks.answers.setdefault(template[1], set()).add("before")
        assert assert_acknowledged_survive(data_dir, acks) == [], call
