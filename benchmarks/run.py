"""Run every benchmark and print one table: figure, baseline, ratio, goal and whether the goal is met.

    python benchmarks/run.py           # the full runs (several minutes; the kiosk soak is the longest)
    python benchmarks/run.py --quick   # tiny inputs, to check every script runs (figures mean nothing)
    python benchmarks/run.py --only bench_step bench_quiz

Each script runs in its own process, so one's imports and memory do not colour another's figures.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

from common import RESULT_PREFIX, machine

HERE = Path(__file__).resolve().parent
SCRIPTS = ["bench_startup", "bench_step", "bench_open", "bench_quiz", "bench_validate", "bench_soak", "bench_store"]


def store_rows(output: str) -> list[dict[str, object]]:
    """bench_store.py prints its own lines; turn its two goals into one row."""
    p95 = re.search(r"Store p95 at ([\d,]+) profiles: ([\d.]+) ms", output)
    ratio = re.search(r"Store p95 ratio, ([\d,]+) / ([\d,]+) profiles: ([\d.]+)", output)
    small = re.search(r"\| Store, ([\d,]+) profiles x \d+ answers \| [\d.]+ \| ([\d.]+) \|", output)
    if not (p95 and ratio and small):
        return [{"what": "saving an answer", "figure": "no figures (see output)", "baseline": "", "ratio": "",
                 "goal": "", "passed": False}]
    ms, flat = float(p95.group(2)), float(ratio.group(3))
    return [{"what": f"saving an answer (p95, {p95.group(1)} profiles)", "figure": f"{ms:.2f} ms",
             "baseline": f"{small.group(1)} profiles {float(small.group(2)):.2f} ms", "ratio": f"{flat:.2f}x",
             "goal": "<= 5 ms, <= 1.5x", "passed": ms <= 5 and flat <= 1.5}]


def run(script: str, quick: bool) -> tuple[list[dict[str, object]], str]:
    cmd = [sys.executable, str(HERE / f"{script}.py"), *(["--quick"] if quick else [])]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=HERE)
    output = done.stdout + done.stderr
    if done.returncode != 0:
        return [{"what": script, "figure": f"failed (exit {done.returncode})", "baseline": "", "ratio": "",
                 "goal": "", "passed": False}], output
    if script == "bench_store":
        return store_rows(done.stdout), output
    rows = [json.loads(line[len(RESULT_PREFIX):]) for line in done.stdout.splitlines()
            if line.startswith(RESULT_PREFIX)]
    return rows, output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny inputs, to check every script runs")
    parser.add_argument("--only", nargs="+", choices=SCRIPTS, help="run only these scripts")
    parser.add_argument("--verbose", action="store_true", help="also print each script's own output")
    args = parser.parse_args(argv)
    rows: list[dict[str, object]] = []
    for script in args.only or SCRIPTS:
        print(f"running {script}...", file=sys.stderr, flush=True)
        got, output = run(script, args.quick)
        if args.verbose or any(not row["passed"] and str(row["figure"]).startswith("failed") for row in got):
            print(output, file=sys.stderr)
        rows.extend(got)
    print(f"{'Quick check, figures mean nothing; ' if args.quick else ''}{machine()}")
    print()
    print("| what | figure | baseline | ratio | goal | met |")
    print("| --- | --- | --- | --- | --- | --- |")
    for row in rows:
        met = "yes" if row["passed"] else "NO"
        print(f"| {row['what']} | {row['figure']} | {row['baseline']} | {row['ratio']} | {row['goal']} | {met} |")
    return 0 if all(row["passed"] for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
