"""The projector's benchmark runs on one lesson and prints a row per size. Not timed."""

from __future__ import annotations

from tests.benchmarks.test_benchmarks_run import rows, run


def test_the_projector_benchmark_prints_a_row_per_size() -> None:
    found = rows(run("bench_present.py", "--quick"))
    assert [row["what"] for row in found] == ["next step on the projector, 80x24 (p95)",
                                              "next step on the projector, 120x40 (p95)"]
    assert all(row["figure"] and isinstance(row["passed"], bool) for row in found)
