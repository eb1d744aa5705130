"""What continuous integration runs: the README's test command, as written there, and the speed check."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _readme_test_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (line,) = [line for line in readme.splitlines() if line.startswith("pip install '.[test]'")]
    return line.split("#", 1)[0].strip()


def test_ci_runs_the_readme_test_command() -> None:
    command = _readme_test_command()
    assert "pytest" in command
    ci = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    assert command in ci


def test_ci_runs_the_tests_in_two_processes_with_coverage_and_checks_speed() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = _readme_test_command()
    assert "-n 2" in command and "--cov=course" in command
    assert "python benchmarks/run.py --check" in ci
