"""Run the store worker under strace: list its write-related system calls, kill it or fail one."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from .helpers import REPO, worker_command, worker_env

SYSCALLS = ("openat", "write", "fsync", "rename", "unlink")
_LINE = re.compile(r"^(?:\d+\s+)?(\w+)\((.*)$")

STRACE = shutil.which("strace")


@dataclass(frozen=True)
class Call:
    name: str  # "fsync-dir" for an fsync of a directory
    nth: int  # strace's "when=" counter for the real syscall name
    syscall: str
    detail: str


def _strace_works() -> bool:
    if STRACE is None:
        return False
    probe = subprocess.run([STRACE, "-qq", "-o", "/dev/null", "-e", "trace=none", "true"], capture_output=True)
    return probe.returncode == 0


STRACE_WORKS = sys.platform == "linux" and _strace_works()

linux_only = pytest.mark.skipif(
    not STRACE_WORKS, reason="Linux only: strace is not installed or cannot trace here"
)
"""For every test that runs the worker under strace: the system calls it lists are Linux's."""


def list_calls(data_dir: Path, *args: str, log: Path) -> list[Call]:
    """Run the worker once, traced, and return its write-related calls after it said "ready"."""
    cmd = [
        STRACE or "strace",
        "-f",
        "-qq",
        "-y",
        "-e",
        f"trace={','.join(SYSCALLS)}",
        "-o",
        str(log),
        *worker_command(data_dir, *args),
    ]
    subprocess.run(cmd, check=True, capture_output=True, env=worker_env(), cwd=REPO, timeout=120)
    counts: dict[str, int] = {}
    calls: list[Call] = []
    ready = False
    for line in log.read_text().splitlines():
        match = _LINE.match(line)
        if not match:
            continue
        syscall, detail = match.groups()
        counts[syscall] = counts.get(syscall, 0) + 1
        if syscall == "write" and '"ready\\n"' in detail:
            ready = True
            continue
        if not ready:
            continue
        name = syscall
        if syscall == "fsync" and ".tmp-" not in detail.split(">", 1)[0]:
            name = "fsync-dir"
        calls.append(Call(name, counts[syscall], syscall, detail[:400]))
    return calls


def sample(calls: list[Call], per_kind: int) -> list[Call]:
    """Up to ``per_kind`` calls of each kind, spread evenly from first to last."""
    chosen: list[Call] = []
    for kind in sorted({c.name for c in calls}):
        of_kind = [c for c in calls if c.name == kind]
        if len(of_kind) <= per_kind:
            chosen += of_kind
        else:
            step = (len(of_kind) - 1) / (per_kind - 1)
            chosen += [of_kind[round(i * step)] for i in range(per_kind)]
    return chosen


def run_injected(data_dir: Path, call: Call, action: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the worker with ``action`` (e.g. "signal=KILL", "error=ENOSPC") injected into ``call``."""
    cmd = [
        STRACE or "strace",
        "-f",
        "-qq",
        "-o",
        "/dev/null",
        "-e",
        f"trace={call.syscall}",
        "-e",
        f"inject={call.syscall}:{action}:when={call.nth}",
        *worker_command(data_dir, *args),
    ]
    return subprocess.run(cmd, capture_output=True, text=True, env=worker_env(), cwd=REPO, timeout=120)
