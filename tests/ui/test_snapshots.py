"""SVG snapshots of every home screen at 80x24 and 120x40, in the default and the high-contrast theme.

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
from course.ui.screens.quiz import QuizScreen
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


async def reader(pilot: Pilot) -> None:
    _signed_in(pilot.app)
    await pilot.app.push_screen(ReaderScreen(pilot.app.course.lessons[0]))
    await pilot.press("n")


async def quiz(pilot: Pilot) -> None:
    _signed_in(pilot.app)
    await pilot.app.push_screen(QuizScreen(pilot.app.course.lessons[0]))
    await pilot.press("2")


async def quiz_feedback(pilot: Pilot) -> None:
    _signed_in(pilot.app)
    await pilot.app.push_screen(QuizScreen(pilot.app.course.lessons[0]))
    await pilot.press("1", "c")


async def quiz_result(pilot: Pilot) -> None:
    _signed_in(pilot.app)
    await pilot.app.push_screen(QuizScreen(pilot.app.course.lessons[0]))
    await pilot.press("1", "c")
    await pilot.pause(0.3)
    await pilot.press("c", "1", "2", "c")
    await pilot.pause(0.3)
    await pilot.press("c")


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


SCREENS: dict[str, Setup] = {
    "welcome": welcome, "new_profile": new_profile, "pin_prompt": pin_prompt, "about": about,
    "course_map": course_map, "reader": reader, "quiz": quiz, "quiz_feedback": quiz_feedback,
    "quiz_result": quiz_result, "progress": progress, "settings": settings, "help": help_screen, "crisis": crisis,
}
SIZES = {"80x24": (80, 24), "120x40": (120, 40)}
THEMES = {"default": "course-dark", "contrast": "course-contrast"}


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", SCREENS)
def test_screen_snapshot(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                         screen: str, size: str, theme: str) -> None:
    monkeypatch.setenv("HOME", "/home/family")
    store = Store(tmp_path / "data")
    store.create_profile("Ana")
    store.create_profile("Sam [bold]B[/]", pin="2468")
    app = make_app(tmp_path, store)

    async def run_before(pilot: Pilot) -> None:
        pilot.app.theme = THEMES[theme]
        await SCREENS[screen](pilot)
        await pilot.pause(0.3)
        for box in pilot.app.screen.query("Input, TextArea"):
            box.cursor_blink = False  # a blinking cursor would make the picture depend on timing
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)


def test_too_small_snapshot(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=(60, 20))
