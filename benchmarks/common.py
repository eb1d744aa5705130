"""Shared helpers for the benchmark scripts: statistics, the result line that run.py reads, and a Pilot set-up."""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import platform
import statistics
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

RESULT_PREFIX = "RESULT "
SIZE = (100, 30)
LOOSE = 2.0  # under --check every limit is twice its budget (docs/performance.md): only a real slowdown fails


def size_options(parser: argparse.ArgumentParser, quick: str, check: str) -> None:
    """--quick (tiny inputs, to see the script run) and --check (the CI check: smaller runs, loose limits)."""
    parser.add_argument("--quick", action="store_true", help=f"{quick}, to check the script runs")
    parser.add_argument("--check", action="store_true",
                        help=f"the continuous-integration check: {check}, and every limit twice its budget")


def looseness(args: argparse.Namespace) -> float:
    """How much each limit is widened: LOOSE under --check, else 1 (the budget itself)."""
    return LOOSE if getattr(args, "check", False) else 1.0


def percentile(samples: list[float], p: float) -> float:
    """The p-th percentile (nearest rank, so it is always one of the samples)."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def machine() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores, "
            f"load average {load:.2f}")


def result(what: str, figure: str, baseline: str, ratio: str, goal: str, passed: bool) -> None:
    """Print one row of the summary table in a form run.py reads back."""
    row = {"what": what, "figure": figure, "baseline": baseline, "ratio": ratio, "goal": goal, "passed": passed}
    print(RESULT_PREFIX + json.dumps(row), flush=True)


def rss_mb() -> float:
    """Resident memory of this process in MB, from /proc/self/status."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


async def until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Yield to the app's event loop until ``condition`` holds (checked about every 0.2 ms)."""
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the app did not reach the expected state")
        await asyncio.sleep(0.0002)


async def timed_key(app, key: str, done: Callable[[], bool], screen=None) -> float:
    """Seconds from a key press until ``done()`` holds and the screen has been refreshed after it.

    The key event is posted to the app's message queue (``App.post_message``), where a terminal's key arrives
    too: the figure counts the app taking the key from its queue, the bindings and the focused widget handling
    it, the screen's work and the first refresh after ``done()`` holds. It leaves out reading and parsing the
    terminal's bytes (the driver's thread does that) and writing the update to a terminal (the app is headless).
    ``Pilot.press`` sends keys the same way, then waits for the app to be idle, at least 20 ms per key.
    """
    from textual import events

    start = time.perf_counter()
    event = events.Key(key, key if len(key) == 1 else None)
    event.set_sender(app)
    app.post_message(event)
    await until(done)
    await (screen or app.screen).wait_for_refresh()
    return time.perf_counter() - start


async def press(app, key: str, done: Callable[[], bool]) -> None:
    """Press ``key`` and wait until ``done()`` holds and the screen has been refreshed (``timed_key``, untimed)."""
    await timed_key(app, key, done)


SETTLE_SECONDS = 0.05


async def settle(pilot) -> None:
    """Let the app finish what the last key started before the next timed press, as a person's pause would.

    ``Pilot.pause()`` alone returns while a refresh asked for after the last key (a scroll to the feedback, say)
    is still waiting for the screen's update timer; that refresh would then land inside the next timed press.
    """
    await pilot.pause()
    await pilot.app.screen.wait_for_refresh()
    await pilot.pause(SETTLE_SECONDS)


def instrument(obj, method: str) -> Callable[[], bool]:
    """Wrap ``obj.method`` (async) so the returned check tells whether a call finished since the last check."""
    original = getattr(obj, method)
    finished = {"count": 0, "seen": 0}

    async def wrapped(*args, **kwargs):
        value = await original(*args, **kwargs)
        finished["count"] += 1
        return value

    setattr(obj, method, wrapped)

    def check() -> bool:
        if finished["count"] > finished["seen"]:
            finished["seen"] = finished["count"]
            return True
        return False

    return check


def run_async(main: Callable[[], Awaitable[None]]) -> None:
    asyncio.run(main())


def home_app(root: Path):
    """The home app on the shipped course, a fresh store with one profile (no PIN), and that profile open."""
    from course.config import Settings
    from course.content import load_course
    from course.store import Store
    from course.ui.home.app import HomeApp

    store = Store(root / "data")
    store.create_profile("Family member")
    return HomeApp(load_course(), store, Settings(), root / "data")


async def open_profile(pilot) -> None:
    """From the welcome screen to the course map of the only profile."""
    from course.ui.screens.course_map import CourseMapScreen

    await pilot.press("enter")
    await pilot.pause()
    if not isinstance(pilot.app.screen, CourseMapScreen):
        raise RuntimeError(f"expected the course map, got {pilot.app.screen!r}")


def markdown_baseline_app():
    """A bare app holding only Textual's Markdown widget, to time rendering a text alone."""
    from textual.app import App, ComposeResult
    from textual.widgets import Markdown

    class MarkdownApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Markdown("")

    return MarkdownApp()


async def time_markdown(app, text: str) -> float:
    """Seconds for the bare Markdown widget to show ``text`` and the screen to refresh."""
    from textual.widgets import Markdown

    widget = app.query_one(Markdown)
    await widget.update("")
    await app.screen.wait_for_refresh()
    start = time.perf_counter()
    await widget.update(text)
    await app.screen.wait_for_refresh()
    return time.perf_counter() - start
