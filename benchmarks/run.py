"""Run every benchmark and print one table: figure, baseline, ratio, goal and whether the goal is met.

    python benchmarks/run.py           # the full runs (several minutes; the kiosk soak is the longest)
    python benchmarks/run.py --quick   # tiny inputs, to check every script runs (figures mean nothing)
    python benchmarks/run.py --check   # what CI runs: smaller runs, every limit twice its budget (2-3 minutes)
    python benchmarks/run.py --only bench_step bench_quiz

Each script runs in its own process, so one's imports and memory do not colour another's figures. The exit
status is 1 when a row misses its goal (or, with --quick, when a script fails), else 0. --check makes every
limit twice its budget in docs/performance.md (a 50 ms budget fails at over 100 ms, 1.3x at over 2.6x; the
kiosk soak may grow 20% instead of 10%), so that a machine's noise passes and a real slowdown does not.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from common import RESULT_PREFIX, machine

HERE = Path(__file__).resolve().parent
SCRIPTS = [
    "bench_startup", "bench_step", "bench_open", "bench_quiz", "bench_present", "bench_validate", "bench_soak",
    "bench_store", "bench_phones",
]


def run(script: str, size: list[str]) -> tuple[list[dict[str, object]], str]:
    cmd = [sys.executable, str(HERE / f"{script}.py"), *size]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=HERE)
    output = done.stdout + done.stderr
    if done.returncode != 0:
        return [{"what": script, "figure": f"failed (exit {done.returncode})", "baseline": "", "ratio": "",
                 "goal": "", "passed": False}], output
    rows = [json.loads(line[len(RESULT_PREFIX):]) for line in done.stdout.splitlines()
            if line.startswith(RESULT_PREFIX)]
    return rows, output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="tiny inputs, to check every script runs")
    size.add_argument("--check", action="store_true",
                      help="the continuous-integration check: smaller runs, every limit twice its budget")
    parser.add_argument("--only", nargs="+", choices=SCRIPTS, help="run only these scripts")
    parser.add_argument("--verbose", action="store_true", help="also print each script's own output")
    args = parser.parse_args(argv)
    rows: list[dict[str, object]] = []
    for script in args.only or SCRIPTS:
        print(f"running {script}...", file=sys.stderr, end="", flush=True)
        start = time.perf_counter()
        got, output = run(script, ["--quick"] if args.quick else ["--check"] if args.check else [])
        print(f" {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
        if not got:
            got = [{"what": script, "figure": "no result row (see output)", "baseline": "", "ratio": "", "goal": "",
                    "passed": False}]
        broken = any(str(row["figure"]).startswith(("failed", "no result")) for row in got)
        if args.verbose or broken or (args.check and not all(row["passed"] for row in got)):
            print(output, file=sys.stderr)
        rows.extend(got)
    note = "Quick check, figures mean nothing; " if args.quick else "Every limit twice its budget; " if args.check \
        else ""
    print(f"{note}{machine()}")
    print()
    print("| what | figure | baseline | ratio | goal | met |")
    print("| --- | --- | --- | --- | --- | --- |")
    for row in rows:
        met = "yes" if row["passed"] else "NO"
        print(f"| {row['what']} | {row['figure']} | {row['baseline']} | {row['ratio']} | {row['goal']} | {met} |")
    if args.quick:
        return 1 if any(str(row["figure"]).startswith(("failed", "no result")) for row in rows) else 0
    return 0 if all(row["passed"] for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
