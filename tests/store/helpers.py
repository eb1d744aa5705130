"""Shared helpers for the store tests."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from . import nonposix

REPO = Path(__file__).resolve().parents[2]


def worker_command(data_dir: Path, *args: str) -> list[str]:
    """The command that runs the store worker; under the ``no_posix`` fixture, inside the same shim."""
    if os.environ.get(nonposix.ENV):
        start = ["-m", "tests.store.nonposix", "tests.store.store_worker"]
    else:
        start = ["-m", "tests.store.store_worker"]
    return [sys.executable, *start, str(data_dir), *args]


def worker_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def run_worker(
    data_dir: Path, *args: str, prefix: list[str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*(prefix or []), *worker_command(data_dir, *args)],
        capture_output=True,
        text=True,
        env=worker_env(),
        cwd=REPO,
        timeout=timeout,
    )


@dataclass
class Acks:
    """What a worker said it had done, parsed from its stdout."""

    answers: dict[str, set[str]] = field(default_factory=dict)
    profiles: list[str] = field(default_factory=list)
    deleted: set[str] = field(default_factory=set)
    deleting: set[str] = field(default_factory=set)
    done: bool = False

    @classmethod
    def parse(cls, stdout: str) -> Acks:
        acks = cls()
        for line in stdout.split("\n")[:-1]:  # the part after the last newline was never finished
            words = line.split()
            if words[:1] == ["answer"]:
                acks.answers.setdefault(words[1], set()).add(words[2])
            elif words[:1] == ["profile"]:
                acks.profiles.append(words[1])
            elif words[:1] == ["deleting"]:
                acks.deleting.add(words[1])
            elif words[:1] == ["deleted"]:
                acks.deleted.add(words[1])
            elif words[:1] == ["done"]:
                acks.done = True
        return acks


def assert_acknowledged_survive(data_dir: Path, acks: Acks) -> list[str]:
    """Open the store and check every acknowledged write is there. Returns ``problems``."""
    from course.store import Store, StoreError

    with Store(data_dir) as store:
        listed = {p.id for p in store.profiles()}
        for pid in acks.profiles:
            if pid not in acks.deleted | acks.deleting:
                assert pid in listed, f"acknowledged profile {pid} is missing"
        for pid in acks.deleted:
            assert pid not in listed, f"deleted profile {pid} came back"
            try:
                store.answers(pid)
            except StoreError:
                pass
            else:
                raise AssertionError(f"deleted profile {pid} still has answers")
        for pid, questions in acks.answers.items():
            if pid in acks.deleted or (pid in acks.deleting and pid not in listed):
                continue
            saved = {a.question_id for a in store.answers(pid)}
            missing = questions - saved
            assert not missing, f"acknowledged answers lost: {sorted(missing)}"
        return list(store.problems)
