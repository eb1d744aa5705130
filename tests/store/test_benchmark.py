"""The benchmark script runs and prints its figures (the figures themselves are not judged here)."""

from __future__ import annotations

import subprocess
import sys

from .helpers import REPO, worker_env


def test_benchmark_quick_run_prints_percentiles() -> None:
    done = subprocess.run(
        [sys.executable, "benchmarks/bench_store.py", "--quick"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=worker_env(),
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "| Store, 3 profiles x 2 answers |" in out
    assert "| stock TinyDB, 30 profiles x 2 answers |" in out
    assert "p95 ratio" in out and "goal <= 5 ms" in out
