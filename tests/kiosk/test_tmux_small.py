"""The kiosk at 80x24 in a real terminal: crisis help shows 911 and 988 at once, and every step reaches its end."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from course.store import Store
from tests.kiosk.helpers import STAFF_PIN, shipped_course
from tests.kiosk.tmux import Pane, needs_tmux

pytestmark = needs_tmux


def start(tmp_path: Path) -> Pane:
    data = tmp_path / "data"
    with Store(data) as store:
        store.set_staff_pin(STAFF_PIN)
    command = shlex.join([sys.executable, "-m", "course", "--data-dir", str(data), "kiosk"])
    pane = Pane(f"{command}; exec sleep 120", width=80, height=24)
    pane.wait_text("Press any key to start")
    pane.keys("Enter")
    pane.wait_text("Short lessons for families")
    return pane


def test_crisis_help_and_help_open_at_their_top(tmp_path: Path) -> None:
    pane = start(tmp_path)
    try:
        pane.keys("F2")
        pane.wait_text("In danger now? Call 911. For")  # the dialog, not the crisis line under it
        screen = pane.screen()
        assert screen.index("Call 911. For") < screen.index("chat 988") and "1-800-799-7233" in screen
        pane.keys("Escape")  # alone: Escape and a key at once read as Alt and that key
        pane.wait_for(lambda: "Call 911. For" not in pane.screen(), "crisis help to close")
        pane.keys("?")
        pane.wait_text("Everywhere")
        assert "F2" in pane.screen().split("Everywhere", 1)[1]
    finally:
        pane.close()


def test_every_step_of_every_kiosk_lesson_reaches_its_end(tmp_path: Path) -> None:
    """End on each step shows its last line (the journal prompt where there is one) above the buttons."""
    lessons = shipped_course().kiosk_lessons()
    pane = start(tmp_path)
    try:
        for number, lesson in enumerate(lessons):
            pane.keys("Home", *["Down"] * number, "Enter")
            pane.wait_text(f"Step 1 of {len(lesson.steps)}")
            for step_number, step in enumerate(lesson.steps, 1):
                pane.wait_text(f"Step {step_number} of {len(lesson.steps)}")
                pane.keys("End")
                last_words = (step.reflections[-1].prompt if step.reflections else step.body.strip()).split()[-2:]
                pane.wait_for(lambda words=last_words: " ".join(words) in " ".join(pane.screen().split()),
                              f"the end of {lesson.id} step {step_number}: {' '.join(last_words)!r}")
                if step_number < len(lesson.steps):
                    pane.keys("n")
            pane.keys("Escape")
            pane.wait_text("Short lessons for families")
    finally:
        pane.close()
