"""Every benchmark runs on a tiny input and prints its row. Not timed: nothing here checks how fast anything is."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
PREFIX = "RESULT "


def run(script: str, *args: str) -> str:
    done = subprocess.run([sys.executable, str(BENCHMARKS / script), *args], capture_output=True, text=True,
                          cwd=BENCHMARKS, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def rows(output: str) -> list[dict[str, object]]:
    return [json.loads(line[len(PREFIX):]) for line in output.splitlines() if line.startswith(PREFIX)]


@pytest.mark.parametrize(("script", "what"), [
    ("bench_step.py", "next step in a lesson"),
    ("bench_open.py", "opening a lesson from the map"),
    ("bench_quiz.py", "next quiz question, answer saved"),
    ("bench_validate.py", "family-course validate"),
    ("bench_soak.py", "kiosk soak, 3 visits"),
])
def test_each_benchmark_prints_its_row(script: str, what: str) -> None:
    found = rows(run(script, "--quick"))
    assert len(found) == 1
    row = found[0]
    assert str(row["what"]).startswith(what)
    assert row["figure"] and isinstance(row["passed"], bool)


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")
def test_startup_benchmark_prints_both_rows() -> None:
    found = rows(run("bench_startup.py", "--quick"))
    assert [r["what"] for r in found] == ["start-up to first screen, tmux", "start-up to first screen, headless"]
    assert all(str(r["ratio"]).endswith("x") for r in found)


def test_run_reads_the_store_benchmark_into_one_row() -> None:
    done = subprocess.run([sys.executable, str(BENCHMARKS / "run.py"), "--quick", "--only", "bench_store"],
                          capture_output=True, text=True, cwd=BENCHMARKS, timeout=120)
    table = [line for line in done.stdout.splitlines() if line.startswith("| saving an answer")]
    assert len(table) == 1 and "ms" in table[0], done.stdout + done.stderr


def _run_module(monkeypatch: pytest.MonkeyPatch):
    """benchmarks/run.py as a module (its scripts import each other by name, from their folder)."""
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location("benchmarks_run", BENCHMARKS / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("missed", [None, "bench_open"])
def test_check_runs_every_script_loosened_and_fails_when_a_row_misses(monkeypatch: pytest.MonkeyPatch,
                                                                    missed: str | None) -> None:
    module = _run_module(monkeypatch)
    asked: list[tuple[str, list[str]]] = []

    def fake_run(script: str, size: list[str]) -> tuple[list[dict[str, object]], str]:
        asked.append((script, size))
        return [{"what": script, "figure": "1 ms", "baseline": "", "ratio": "", "goal": "<= 2 ms",
                 "passed": script != missed}], ""

    monkeypatch.setattr(module, "run", fake_run)
    assert module.main(["--check"]) == (0 if missed is None else 1)
    assert asked == [(script, ["--check"]) for script in module.SCRIPTS]


@pytest.mark.parametrize("script", ["bench_startup", "bench_step", "bench_open", "bench_quiz", "bench_validate",
                                    "bench_soak", "bench_store"])
def test_every_script_takes_check(script: str) -> None:
    assert "--check" in run(f"{script}.py", "--help")
