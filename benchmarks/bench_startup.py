"""Start-up to a full first screen, against a bare Textual app that shows one line (goal <= 1.3x).

    python benchmarks/bench_startup.py            # 21 runs of each, in tmux and headless
    python benchmarks/bench_startup.py --quick    # 1 run of each, to check the script runs
    python benchmarks/bench_startup.py --check    # 7 runs of each, goal <= 2.6x (twice the budget)

tmux: the clock starts just before ``tmux new-session`` launches ``family-course --data-dir DIR`` (a data dir
with three profiles) in a detached 80x24 session; ``tmux capture-pane -p`` is polled every 10 ms until the
welcome text, a profile name and the crisis line are all on screen. The bare app is timed the same way until its
line is on screen. Runs alternate between the two, so both see the same load.

headless: the clock starts before the process is started; startup_driver.py runs the app headless and prints
the time at the first refresh after the first screen is complete. Figures are medians.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import looseness, machine, median, result, size_options

HERE = Path(__file__).resolve().parent
GOAL = 1.3
SOCKET = f"family-course-bench-{os.getpid()}"  # its own tmux server: two runs at once never share one
WELCOME = "Who is using the course?"
PROFILE = "Family member 1"


def seed(data_dir: Path) -> None:
    from course.store import Store

    store = Store(data_dir)
    try:
        for i in range(1, 4):
            store.create_profile(f"Family member {i}")
    finally:
        store.close()


def bytecode_env(cache: Path) -> dict[str, str]:
    """Python may keep compiled bytecode, in ``cache``: as an installed copy does (pip compiles on install).

    Without it (where PYTHONDONTWRITEBYTECODE is set and the project is installed
    editable) every start would compile the project's sources, but not Textual's, which has its .pyc files.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def headless_once(which: str, data_dir: Path, env: dict[str, str]) -> float:
    cmd = [sys.executable, str(HERE / "startup_driver.py"), which, str(data_dir)]
    start = time.time()
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=60, cwd=HERE, env=env)
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"startup_driver {which} failed: {done.stderr[-2000:]}")
    return float(done.stdout.strip().splitlines()[-1]) - start


def _tmux(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True)


def tmux_once(command: str, wanted: list[str], name: str) -> float:
    start = time.perf_counter()
    _tmux("new-session", "-d", "-s", name, "-x", "80", "-y", "24", command)
    try:
        while True:
            screen = _tmux("capture-pane", "-p", "-t", name).stdout
            if all(text in screen for text in wanted):
                return time.perf_counter() - start
            if time.perf_counter() - start > 30:
                raise RuntimeError(f"tmux: never saw {wanted} on screen; last screen:\n{screen}")
            time.sleep(0.01)
    finally:
        _tmux("kill-session", "-t", name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size_options(parser, "one run of each", "7 runs of each")
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args(argv)
    runs = 1 if args.quick else 7 if args.check else args.runs
    goal = round(GOAL * looseness(args), 2)
    from course.content.texts import CRISIS_LINE

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        seed(data)
        env = bytecode_env(Path(tmp) / "pycache")
        prefix = f"env -u PYTHONDONTWRITEBYTECODE PYTHONPYCACHEPREFIX={env['PYTHONPYCACHEPREFIX']}"
        times: dict[str, list[float]] = {"headless app": [], "headless bare": [], "tmux app": [], "tmux bare": []}
        headless_once("bare", data, env)  # warm the file and bytecode caches for both
        headless_once("app", data, env)
        for _ in range(runs):
            times["headless bare"].append(headless_once("bare", data, env))
            times["headless app"].append(headless_once("app", data, env))
        have_tmux = shutil.which("tmux") is not None
        if have_tmux:
            _tmux("new-session", "-d", "-s", "keeper", "-x", "80", "-y", "24", "sleep 3600")  # keep one server up
            try:
                app_cmd = f"{prefix} {Path(sys.executable).parent / 'family-course'} --data-dir {data}"
                bare_cmd = f"cd {HERE} && {prefix} {sys.executable} bare_app.py"
                from bare_app import TEXT

                for i in range(runs):
                    times["tmux bare"].append(tmux_once(bare_cmd, [TEXT], f"bare{i}"))
                    times["tmux app"].append(tmux_once(app_cmd, [WELCOME, PROFILE, CRISIS_LINE], f"app{i}"))
            finally:
                _tmux("kill-server")

    print(f"Start-up to a full first screen, medians of {runs} run(s); {machine()}")
    for label, samples in times.items():
        if samples:
            print(f"  {label}: median {median(samples) * 1000:.0f} ms  "
                  f"(runs: {', '.join(f'{s * 1000:.0f}' for s in samples)})")
    for mode in ("tmux", "headless"):
        if not times[f"{mode} app"]:
            result(f"start-up, {mode}", "not run (no tmux)", "", "", f"<= {goal}x", False)
            continue
        app, bare = median(times[f"{mode} app"]), median(times[f"{mode} bare"])
        ratio = app / bare
        result(f"start-up to first screen, {mode}", f"{app * 1000:.0f} ms", f"bare app {bare * 1000:.0f} ms",
               f"{ratio:.2f}x", f"<= {goal}x", ratio <= goal)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
