"""``family-course validate`` of the whole shipped course, against ``python -c "import course"``.

    python benchmarks/bench_validate.py           # 7 runs of each, medians
    python benchmarks/bench_validate.py --quick   # 1 run of each, to check the script runs
    python benchmarks/bench_validate.py --check   # 3 runs of each, goal at most 1.3 s more (twice the budget)

Whole processes, started alternately, with bytecode caching on (as in an installed copy; see bench_startup.py).
Goal: the median of validate is at most 0.65 s more than the median of the bare import. Validate reads the course
in each of its languages, English and Spanish, and checks each translation against its English file; the goal was
0.5 s when the course was English only, and reading the Spanish files added about 0.12 s of processor time
(309 ms to 429 ms a run, user and system, medians of 7 on the development machine).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_startup import bytecode_env
from common import looseness, machine, median, result, size_options

GOAL_EXTRA = 0.65


def once(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):  # validate exits 1 when the content has errors
        raise RuntimeError(f"{cmd} failed: {done.stderr[-2000:]}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size_options(parser, "one run of each", "3 runs of each")
    args = parser.parse_args(argv)
    runs = 1 if args.quick else 3 if args.check else 7
    goal = GOAL_EXTRA * looseness(args)
    validate = [str(Path(sys.executable).parent / "family-course"), "validate"]
    bare = [sys.executable, "-c", "import course"]
    with tempfile.TemporaryDirectory() as tmp:
        env = bytecode_env(Path(tmp) / "pycache")
        once(validate, env)  # warm the caches
        once(bare, env)
        times: dict[str, list[float]] = {"validate": [], "import": []}
        for _ in range(runs):
            times["import"].append(once(bare, env))
            times["validate"].append(once(validate, env))
    v, b = median(times["validate"]), median(times["import"])
    print(f"family-course validate, medians of {runs} run(s); {machine()}")
    print(f"  validate {v * 1000:.0f} ms, import course {b * 1000:.0f} ms, extra {(v - b) * 1000:.0f} ms")
    result("family-course validate", f"{v * 1000:.0f} ms", f"import course {b * 1000:.0f} ms",
           f"+{(v - b) * 1000:.0f} ms", f"<= +{goal * 1000:.0f} ms", v - b <= goal)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
