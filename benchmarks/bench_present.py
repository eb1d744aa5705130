"""Next step on the projector: key press until the new step is on screen, over every step of the shipped course.

    python benchmarks/bench_present.py                  # every step of every lesson, at 80x24 and 120x40
    python benchmarks/bench_present.py --size 120x40    # one size only
    python benchmarks/bench_present.py --quick          # the first lesson only, to check the script runs
    python benchmarks/bench_present.py --check          # every other lesson, goal p95 <= 100 ms (twice the budget)

Drives group mode with Pilot (a fresh store, a group of six, a session per lesson), presenting each lesson from
its first step. The clock starts when the key "right" is sent to the app (as the terminal driver would send it)
and stops at the first refresh of the screen after ``PresenterScreen.show`` has finished: the step is drawn and
the projector's place is saved for the notes screen. Headless, so the refresh computes the screen's update but
does not write it to a terminal. The comparable figure for the home reader is ``bench_step.py``; the two differ
in what a step saves (the reader saves the learner's place, the presenter the room's) and in the screen's size.
Goal, as for the reader: p95 <= 50 ms at each size.
"""

from __future__ import annotations

import argparse
import tempfile
from functools import partial
from pathlib import Path

from common import instrument, looseness, machine, percentile, result, run_async, settle, size_options, timed_key

SIZES = ((80, 24), (120, 40))
GOAL_MS = 50.0


def group_app(root: Path, which: slice):
    """Group mode on the shipped course, presenting nothing yet, and a session for each lesson ``which`` picks."""
    from course.config import Settings
    from course.content import load_course
    from course.group.roster import add_new_member, today
    from course.store import Store
    from course.ui.group.app import GroupApp
    from course.ui.screen import CourseScreen

    course = load_course()
    store = Store(root / "data")
    gid = store.create_group("Tuesday evening family group")
    people = [add_new_member(store, gid, name) for name in ("Ana", "Ben", "Cy", "Dee", "Eli", "Fay")]
    for lesson in course.lessons[which]:
        sid = store.start_session(gid, lesson.id, today())
        for pid in people:
            store.set_present(sid, pid, True)

    class Waiting(CourseScreen[None]):
        """An empty screen under the presenter, as the attendance list is in use."""

    app = GroupApp(course, store, Settings(), store.data_dir, first=Waiting)
    return app, gid


async def measure(root: Path, size: tuple[int, int], which: slice) -> list[float]:
    from course.ui.group.presenter_screen import PresenterScreen

    app, gid = group_app(root, which)
    steps: list[float] = []
    async with app.run_test(size=size) as pilot:
        sessions = {session.lesson_id: session for session in app.store.sessions(gid)}
        for lesson in app.course.lessons[which]:
            presenter = PresenterScreen(sessions[lesson.id], lesson)
            await app.push_screen(presenter)
            await settle(pilot)
            shown = instrument(presenter, "show")
            for _ in lesson.steps[1:]:
                steps.append(await timed_key(app, "right", shown, presenter))
                await settle(pilot)
            presenter.dismiss(None)
            await settle(pilot)
    return steps


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size_options(parser, "one lesson", "every other lesson")
    parser.add_argument("--size", help="WIDTHxHEIGHT (default: 80x24, then 120x40)")
    args = parser.parse_args(argv)
    sizes = [tuple(int(n) for n in args.size.split("x"))] if args.size else list(SIZES)
    which = slice(0, 1) if args.quick else slice(None, None, 2) if args.check else slice(None)
    goal_ms = GOAL_MS * looseness(args)
    print(f"Next step on the projector; {machine()}")
    for width, height in sizes:
        steps: list[float] = []
        with tempfile.TemporaryDirectory() as tmp:
            run_async(partial(_collect, Path(tmp), (width, height), which, steps))
        p50, p95 = percentile(steps, 50) * 1000, percentile(steps, 95) * 1000
        print(f"  {width}x{height}, {len(steps)} steps: p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
              f"max {max(steps) * 1000:.1f} ms")
        result(f"next step on the projector, {width}x{height} (p95)", f"{p95:.1f} ms", "", "", f"<= {goal_ms:g} ms",
               p95 <= goal_ms)
    return 0


async def _collect(root: Path, size: tuple[int, int], which: slice, steps: list[float]) -> None:
    steps.extend(await measure(root, size, which))


if __name__ == "__main__":
    raise SystemExit(main())
