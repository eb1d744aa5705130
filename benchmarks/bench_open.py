"""Opening a lesson from the course map: Enter on a lesson until its first step is on screen, over all lessons.

    python benchmarks/bench_open.py           # every lesson of the shipped course
    python benchmarks/bench_open.py --quick   # two lessons, to check the script runs
    python benchmarks/bench_open.py --check   # every lesson, goal p95 <= 200 ms (twice the budget)

Drives the home app with Pilot at 100x30 (fresh store, one profile). The clock starts when Enter is sent to the
app with the lesson highlighted on the map, and stops at the first refresh after the reader screen has shown
its first step and focused the page (the last thing it does on mount). Goal: p95 <= 100 ms.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from common import (
    SIZE,
    home_app,
    looseness,
    machine,
    open_profile,
    percentile,
    result,
    run_async,
    settle,
    size_options,
    timed_key,
)

GOAL_MS = 100.0


async def measure(root: Path, quick: bool, times: list[float]) -> None:
    from textual.widgets import OptionList

    from course.ui.screens.reader import ReaderScreen

    app = home_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await open_profile(pilot)
        count = 2 if quick else len(app.course.lessons)
        for index in range(count):
            lessons = app.screen.query_one("#lessons", OptionList)
            lessons.focus()
            lessons.highlighted = index
            await settle(pilot)

            def opened() -> bool:
                screen = app.screen
                return (isinstance(screen, ReaderScreen) and screen.is_mounted
                        and app.focused is screen.query_one("#page"))

            times.append(await timed_key(app, "enter", opened))
            await pilot.press("escape")
            await pilot.pause()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size_options(parser, "two lessons", "every lesson")
    args = parser.parse_args(argv)
    goal = GOAL_MS * looseness(args)
    times: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        run_async(lambda: measure(Path(tmp), args.quick, times))
    p50, p95 = percentile(times, 50) * 1000, percentile(times, 95) * 1000
    print(f"Opening a lesson from the map, {len(times)} lessons; {machine()}")
    print(f"  p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {max(times) * 1000:.1f} ms")
    result("opening a lesson from the map (p95)", f"{p95:.1f} ms", "", "", f"<= {goal:g} ms", p95 <= goal)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
