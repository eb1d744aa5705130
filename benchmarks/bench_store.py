"""How long saving one answer takes, with few and with many profiles, against stock TinyDB.

    python benchmarks/bench_store.py           # 10 profiles, and 1,000 profiles x 10 answers
    python benchmarks/bench_store.py --quick   # tiny sizes, to check the script runs
    python benchmarks/bench_store.py --check   # 10 and 300 profiles, 200 saves each, no stock TinyDB, limits
                                               # twice the budget (the store's cost does not grow with profiles)

Prints p50 and p95 of ``Store.record_answer`` (which fsyncs the file and its directory) and of
``insert`` on stock TinyDB with one JSON file (no fsync), all in one run, plus the ratios the
project aims for: p95 <= 5 ms, and p95 at 1,000 profiles / p95 at 10 profiles <= 1.5. The saves in the
two stores alternate, one in each in turn, so that both meet the same disk: an fsync's time drifts from
one second to the next, and timed one after the other the two cases could differ by half for that alone.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from common import looseness, result, size_options
from tinydb import TinyDB

from course.store import Store

GOAL_MS, GOAL_RATIO = 5.0, 1.5

ANSWER = {
    "lesson_id": "rebuilding-trust",
    "question_id": "calling-in-sick",
    "choices": ["calmly-say-no"],
    "correct": True,
}


def _answer_doc(i: int) -> dict[str, object]:
    return {**ANSWER, "question_id": f"q{i}", "at": "2026-01-01T00:00:00+00:00"}


def percentiles(samples: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return cuts[49] * 1000, cuts[94] * 1000


def timed(action: Callable[[], None], samples: int) -> list[float]:
    for _ in range(min(10, samples)):  # warm up caches
        action()
    times = []
    for _ in range(samples):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def seeded_store(root: Path, profiles: int, answers: int) -> tuple[Store, str]:
    store = Store(root / "store")
    pids = [store.create_profile(f"Family member {i}") for i in range(profiles)]
    docs = [_answer_doc(i) for i in range(answers)]
    for pid in pids:  # one write per profile, through the store's own storage
        store._profile_db(pid).table("answers").insert_multiple([dict(d) for d in docs])
    return store, pids[len(pids) // 2]


def bench_stores(root: Path, sizes: list[int], answers: int, samples: int) -> list[list[float]]:
    """Time saving an answer in a store of each size, one save in each in turn."""
    opened = [seeded_store(root / str(size), size, answers) for size in sizes]
    saves: list[Callable[[], None]] = [
        lambda store=store, pid=pid: store.record_answer(pid, **ANSWER)  # type: ignore[arg-type, misc]
        for store, pid in opened
    ]
    try:
        for _ in range(min(10, samples)):  # warm up caches
            for save in saves:
                save()
        times: list[list[float]] = [[] for _ in sizes]
        for _ in range(samples):
            for save, samples_of in zip(saves, times, strict=True):
                start = time.perf_counter()
                save()
                samples_of.append(time.perf_counter() - start)
        return times
    finally:
        for store, _ in opened:
            store.close()


def bench_stock(root: Path, profiles: int, answers: int, samples: int) -> list[float]:
    db = TinyDB(root / "stock.json")
    table = db.table("answers")
    db.table("profiles").insert_multiple({"id": f"p{i}", "name": f"Family member {i}"} for i in range(profiles))
    table.insert_multiple({**_answer_doc(a), "profile": f"p{p}"} for p in range(profiles) for a in range(answers))
    try:
        return timed(lambda: table.insert({**ANSWER, "profile": "p0"}) and None, samples)
    finally:
        db.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size_options(parser, "tiny sizes", "300 profiles rather than 1,000, 200 saves in each store, no stock TinyDB")
    parser.add_argument("--dir", type=Path, default=None, help="where to put the test data (default: a temp dir)")
    args = parser.parse_args(argv)
    small, large, answers, samples = (3, 30, 2, 20) if args.quick else (10, 300, 10, 200) if args.check else (
        10, 1000, 10, 500)
    goal_ms, goal_ratio = GOAL_MS * looseness(args), GOAL_RATIO * looseness(args)

    results: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        few, many = bench_stores(Path(tmp) / "stores", [small, large], answers, samples)
        results[f"Store, {small} profiles x {answers} answers"] = percentiles(few)
        results[f"Store, {large} profiles x {answers} answers"] = percentiles(many)
        for profiles in () if args.check else (small, large):
            folder = Path(tmp) / f"stock-{profiles}"
            folder.mkdir()
            results[f"stock TinyDB, {profiles} profiles x {answers} answers"] = percentiles(
                bench_stock(folder, profiles, answers, samples))

    print(f"record_answer, {samples} samples each; {platform.python_version()} on {platform.machine()}")
    print()
    print("| case | p50 ms | p95 ms |")
    print("| --- | ---: | ---: |")
    for label, (p50, p95) in results.items():
        print(f"| {label} | {p50:.2f} | {p95:.2f} |")
    labels = list(results)
    (_, few95), (_, many95) = results[labels[0]], results[labels[1]]
    store_ratio = many95 / few95
    print()
    print(f"Store p95 ratio, {large} / {small} profiles: {store_ratio:.2f} (goal <= {goal_ratio:g})")
    if len(labels) == 4:
        print(f"stock TinyDB p95 ratio, {large} / {small} profiles: "
              f"{results[labels[3]][1] / results[labels[2]][1]:.2f}")
    print(f"Store p95 at {large} profiles: {many95:.2f} ms (goal <= {goal_ms:g} ms)")
    result(f"saving an answer (p95, {large:,} profiles)", f"{many95:.2f} ms", f"{small} profiles {few95:.2f} ms",
           f"{store_ratio:.2f}x", f"<= {goal_ms:g} ms, <= {goal_ratio:g}x",
           many95 <= goal_ms and store_ratio <= goal_ratio)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
