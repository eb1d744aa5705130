"""The phones benchmark runs two questions with 30 phones each and prints its row. Not timed: it checks the script
runs and that every answer was counted once (the script stops with an error otherwise)."""

from __future__ import annotations

from tests.benchmarks.test_benchmarks_run import rows, run


def test_the_phones_benchmark_counts_every_answer_once_and_prints_its_row() -> None:
    found = rows(run("bench_phones.py", "--quick"))
    assert [row["what"] for row in found] == ["30 phones answering in 1 s: count on the projector, keys (p95)"]
    assert found[0]["figure"].startswith("count ") and isinstance(found[0]["passed"], bool)
    assert str(found[0]["baseline"]).startswith("hands-only keys ")
