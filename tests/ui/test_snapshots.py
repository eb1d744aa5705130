"""SVG snapshots of named states of the home screens: every screen at 80x24, a few in high contrast and at 120x40.

Regenerate after a deliberate change with ``pytest tests/ui/test_snapshots.py --snapshot-update`` and look at
the report before committing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from course.learner import StoredLearner
from course.store import Store
from course.ui.app import CourseApp
from course.ui.screens.course_map import CourseMapScreen
from course.ui.screens.progress import ProgressScreen
from course.ui.screens.quiz import begin_quiz
from course.ui.screens.reader import ReaderScreen
from course.ui.screens.settings import SettingsScreen
from tests.ui.helpers import make_app

Setup = Callable[[Pilot], Awaitable[None]]


def _signed_in(app: CourseApp) -> None:
    store = app.store
    pid = store.profiles()[0].id
    app.learner = StoredLearner(store, pid, "Ana")


async def welcome(pilot: Pilot) -> None:
    await pilot.pause()


async def new_profile(pilot: Pilot) -> None:
    await pilot.press("n", *"Ana")


async def pin_prompt(pilot: Pilot) -> None:
    await pilot.press("down", "enter")


async def about(pilot: Pilot) -> None:
    await pilot.press("a")


async def course_map(pilot: Pilot) -> None:
    await pilot.press("enter")


async def reader_journal(pilot: Pilot) -> None:
    """A step with a journal box, Tab pressed: the prompt and the whole box in view, the key bar for typing."""
    _signed_in(pilot.app)
    await pilot.app.push_screen(ReaderScreen(pilot.app.course.lessons[0]))
    await pilot.pause()  # each key once the screen it is for is ready: the same picture on a loaded machine
    await pilot.press("n")
    await pilot.pause(0.2)
    await pilot.press("tab")
    await pilot.pause(0.2)
    await pilot.press(*"I could ask")


async def quiz(pilot: Pilot) -> None:
    _signed_in(pilot.app)
    await pilot.app.push_screen(begin_quiz(pilot.app, pilot.app.course.lessons[0]))
    await pilot.press("2")


async def quiz_feedback(pilot: Pilot) -> None:
    _signed_in(pilot.app)
    await pilot.app.push_screen(begin_quiz(pilot.app, pilot.app.course.lessons[0]))
    await pilot.press("1", "c")


async def quiz_review(pilot: Pilot) -> None:
    """Every question missed, then R: the review of what was missed, from its top."""
    _signed_in(pilot.app)
    await pilot.app.push_screen(begin_quiz(pilot.app, pilot.app.course.lessons[0]))
    await pilot.press("1", "c")
    await pilot.pause(0.3)
    await pilot.press("n", "1", "c")
    await pilot.pause(0.3)
    await pilot.press("n")
    await pilot.pause(0.3)
    await pilot.press("r")


async def progress(pilot: Pilot) -> None:
    _signed_in(pilot.app)
    await pilot.app.push_screen(ProgressScreen())


async def settings(pilot: Pilot) -> None:
    _signed_in(pilot.app)
    await pilot.app.push_screen(SettingsScreen())


async def help_screen(pilot: Pilot) -> None:
    _signed_in(pilot.app)
    await pilot.app.push_screen(CourseMapScreen())
    await pilot.press("question_mark")


async def crisis(pilot: Pilot) -> None:
    await pilot.press("f2")


# Named states, each looked at as a picture when it was accepted. 80x24 (the smallest window) for every screen;
# the high-contrast theme and 120x40 for the screens where layout or colour matter most.
STATES: dict[str, tuple[Setup, tuple[int, int], str]] = {
    "welcome-80x24": (welcome, (80, 24), "course-dark"),
    "new_profile-80x24": (new_profile, (80, 24), "course-dark"),
    "pin_prompt-80x24": (pin_prompt, (80, 24), "course-dark"),
    "about-80x24": (about, (80, 24), "course-dark"),
    "course_map-80x24": (course_map, (80, 24), "course-dark"),
    "reader_journal-80x24": (reader_journal, (80, 24), "course-dark"),
    "quiz-80x24": (quiz, (80, 24), "course-dark"),
    "quiz_feedback-80x24": (quiz_feedback, (80, 24), "course-dark"),
    "quiz_review-80x24": (quiz_review, (80, 24), "course-dark"),
    "progress-80x24": (progress, (80, 24), "course-dark"),
    "settings-80x24": (settings, (80, 24), "course-dark"),
    "help-80x24": (help_screen, (80, 24), "course-dark"),
    "crisis-80x24": (crisis, (80, 24), "course-dark"),
    "course_map-80x24-contrast": (course_map, (80, 24), "course-contrast"),
    "reader_journal-80x24-contrast": (reader_journal, (80, 24), "course-contrast"),
    "quiz_feedback-80x24-contrast": (quiz_feedback, (80, 24), "course-contrast"),
    "crisis-80x24-contrast": (crisis, (80, 24), "course-contrast"),
    "course_map-120x40": (course_map, (120, 40), "course-dark"),
    "reader_journal-120x40": (reader_journal, (120, 40), "course-dark"),
    "quiz_review-120x40": (quiz_review, (120, 40), "course-dark"),
}


@pytest.mark.parametrize("state", STATES)
def test_screen_snapshot(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, state: str) -> None:
    setup, size, theme = STATES[state]
    monkeypatch.setenv("HOME", "/home/family")
    store = Store(tmp_path / "data")
    store.create_profile("Ana")
    store.create_profile("Sam [bold]B[/]", pin="2468")
    app = make_app(tmp_path, store)

    async def run_before(pilot: Pilot) -> None:
        pilot.app.animation_level = "none"  # a journal box is scrolled into view at once: the picture needs no timing
        pilot.app.theme = theme
        await setup(pilot)
        await pilot.pause(0.3)
        for box in pilot.app.screen.query("Input, TextArea"):
            box.cursor_blink = False  # a blinking cursor would make the picture depend on timing
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


def test_too_small_snapshot(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=(60, 20))


def test_crisis_on_too_small_snapshot(snap_compare, tmp_path: Path) -> None:
    """F2 on a window smaller than the course needs: 911 and 988 still on the first lines."""
    assert snap_compare(make_app(tmp_path), terminal_size=(60, 20), press=["f2"])
