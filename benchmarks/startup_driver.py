"""Run one app headless and print the wall-clock time (time.time()) when its first screen is complete.

    python benchmarks/startup_driver.py app DATA_DIR   # family-course, home mode, through course.cli.main
    python benchmarks/startup_driver.py bare           # the bare one-line Textual app

The product runs unchanged: this script only makes ``App.run`` headless (80x24) and watches from outside, in
a Pilot task, for the first screen to be mounted (for the course: the welcome screen with its profiles
listed) and then for the next refresh of that screen. bench_startup.py starts the clock before it starts
this process, so the figure covers the whole process: interpreter, imports, loading, first frame.
"""

from __future__ import annotations

import asyncio
import sys
import time

import textual.app

_run = textual.app.App.run


def _complete(app, which: str) -> bool:
    screen = app.screen
    if not screen.is_mounted:
        return False
    if which == "bare":
        return type(screen).__name__ == "Screen" and bool(screen.children)
    if type(screen).__name__ != "WelcomeScreen":
        return False
    return screen.query_one("#profiles").option_count > 0


def _headless(which: str):
    def run(self, *args, **kwargs):
        async def watch(pilot) -> None:
            while not _complete(pilot.app, which):
                await asyncio.sleep(0.0002)
            await pilot.app.screen.wait_for_refresh()
            print(f"{time.time():.6f}", flush=True)
            pilot.app.exit(0)

        return _run(self, headless=True, size=(80, 24), auto_pilot=watch)

    return run


def main(argv: list[str]) -> int:
    which = argv[0]
    textual.app.App.run = _headless(which)  # type: ignore[method-assign]
    if which == "bare":
        from bare_app import BareApp

        BareApp().run()
        return 0
    from course.cli import main as course_main

    return course_main(["--data-dir", argv[1]])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
