"""Next step in a lesson: key press until the new step is on screen, over every step of the shipped course.

    python benchmarks/bench_step.py           # every step of every lesson
    python benchmarks/bench_step.py --quick   # the first lesson only, to check the script runs
    python benchmarks/bench_step.py --check   # every other lesson, goal p95 <= 100 ms and <= 3x (twice the budget)

Drives the home app with Pilot at 100x30 (a fresh store, one profile). Each step is first scrolled to its end
(before that, "n" shows the rest of a long step instead). The clock starts when the key "n" is posted to the
app's message queue, where a terminal's keys arrive (``common.timed_key``), and stops at the first refresh of the
screen after ``ReaderScreen.show_step`` has finished: the step's text is shown, the journal boxes are filled, the
position is saved to the store. Headless, so the refresh computes the screen's update but does not write it
to a terminal. Baseline: a bare app with only Textual's Markdown widget, timed from ``update(text)`` of that
step's text to the next refresh, in the same process. Goal: p95 <= 50 ms and p95 <= 1.5x the baseline's p95.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from common import (
    SIZE,
    home_app,
    instrument,
    looseness,
    machine,
    markdown_baseline_app,
    open_profile,
    percentile,
    result,
    run_async,
    settle,
    size_options,
    time_markdown,
    timed_key,
)

GOAL_MS, GOAL_RATIO = 50.0, 1.5


async def measure(root: Path, which: slice) -> tuple[list[float], list[float]]:
    from course.ui.screens.reader import ReaderScreen

    app = home_app(root)
    texts: list[str] = []
    steps: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        await open_profile(pilot)
        for lesson in app.course.lessons[which]:
            reader = ReaderScreen(lesson)
            await app.push_screen(reader)
            await pilot.pause()
            shown = instrument(reader, "show_step")
            page = reader.query_one("#page")
            for step in lesson.steps[1:]:
                # Next shows the rest of a long step before it moves on: start each timing at the step's end.
                page.scroll_to(y=page.max_scroll_y, animate=False, immediate=True)
                await settle(pilot)
                steps.append(await timed_key(app, "n", shown, reader))
                texts.append(f"## {step.title}\n\n{step.body}" if step.title else step.body)
                await settle(pilot)
            reader.action_leave()
            await pilot.pause()
    baseline: list[float] = []
    bare = markdown_baseline_app()
    async with bare.run_test(size=SIZE) as pilot:
        for text in texts:
            baseline.append(await time_markdown(bare, text))
            await settle(pilot)
    return steps, baseline


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size_options(parser, "one lesson", "every other lesson")
    args = parser.parse_args(argv)
    which = slice(0, 1) if args.quick else slice(None, None, 2) if args.check else slice(None)
    goal_ms, goal_ratio = GOAL_MS * looseness(args), GOAL_RATIO * looseness(args)
    with tempfile.TemporaryDirectory() as tmp:
        steps, baseline = [], []
        run_async(lambda: _collect(Path(tmp), which, steps, baseline))
    p50, p95 = percentile(steps, 50) * 1000, percentile(steps, 95) * 1000
    b50, b95 = percentile(baseline, 50) * 1000, percentile(baseline, 95) * 1000
    ratio = p95 / b95
    print(f"Next step, {len(steps)} steps; {machine()}")
    print(f"  reader: p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {max(steps) * 1000:.1f} ms")
    print(f"  Markdown widget alone: p50 {b50:.1f} ms, p95 {b95:.1f} ms")
    result("next step in a lesson (p95)", f"{p95:.1f} ms", f"Markdown alone {b95:.1f} ms", f"{ratio:.2f}x",
           f"<= {goal_ms:g} ms and <= {goal_ratio:g}x", p95 <= goal_ms and ratio <= goal_ratio)
    return 0


async def _collect(root: Path, which: slice, steps: list[float], baseline: list[float]) -> None:
    got_steps, got_baseline = await measure(root, which)
    steps.extend(got_steps)
    baseline.extend(got_baseline)


if __name__ == "__main__":
    raise SystemExit(main())
