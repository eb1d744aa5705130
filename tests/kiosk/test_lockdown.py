"""No key or key combination, and no app action, quits, suspends or escapes the kiosk."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.driver import Driver

from course.ui.kiosk.screens import AttractScreen, KioskMapScreen
from course.ui.screens.help import CrisisScreen, HelpScreen
from course.ui.screens.quiz import QuizScreen
from course.ui.screens.reader import ReaderScreen
from tests.kiosk.helpers import SIZE, kiosk_app

ESCAPE_KEYS = [
    "ctrl+c", "ctrl+q", "ctrl+z", "ctrl+backslash", "ctrl+d", "ctrl+p", "escape",
    "f1", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f11", "f12",
    "alt+x", "alt+f4", "alt+tab", "alt+q", "alt+escape", "ctrl+alt+delete", "ctrl+s", "ctrl+w", "ctrl+l",
    "ctrl+x", "ctrl+y", "ctrl+t", "ctrl+shift+q", "ctrl+f4", "super+q", "ctrl+escape",
]
KIOSK_SCREENS = (AttractScreen, KioskMapScreen, ReaderScreen, QuizScreen)


@pytest.fixture(autouse=True)
def no_real_suspend(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """Should anything try to stop the test process, record it instead."""
    sent: list[tuple[int, int]] = []
    monkeypatch.setattr(os, "kill", lambda pid, sig: sent.append((pid, sig)))
    return sent


def assert_running(app, screen_type: type) -> None:
    assert app.is_running, "the kiosk app stopped"
    assert app.return_code is None, "the kiosk app was told to exit"  # exit() sets it at once
    assert isinstance(app.screen, screen_type), f"now on {type(app.screen).__name__}"
    assert not any(isinstance(s, CommandPalette) for s in app.screen_stack)


async def test_keys_that_quit_do_nothing_on_the_start_screen(tmp_path: Path, no_real_suspend: list) -> None:
    app = kiosk_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        for key in ("ctrl+c", "ctrl+q", "ctrl+z", "ctrl+backslash", "ctrl+d", "ctrl+p"):
            await pilot.press(key)
            await pilot.pause()
            assert_running(app, AttractScreen)
        assert app.learner is None  # swallowed before anything saw them: no visit started
        assert no_real_suspend == []


async def test_other_keys_start_a_visit_and_never_leave_the_kiosk(tmp_path: Path) -> None:
    """Any other key starts a visit (the whole list is then tried on every visit screen below)."""
    app = kiosk_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        for key in ("escape", "f1", "f12", "alt+x", "alt+f4", "ctrl+alt+delete"):
            await pilot.press(key)
            await pilot.pause()
            assert_running(app, KioskMapScreen)
            await pilot.press("f10")  # finish: back to the start screen for the next key
            await pilot.pause()
            assert_running(app, AttractScreen)


@pytest.mark.parametrize("where", ["map", "reader", "quiz"])
async def test_escape_keys_on_every_visit_screen(tmp_path: Path, where: str, no_real_suspend: list) -> None:
    app = kiosk_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await pilot.pause()
        assert_running(app, KioskMapScreen)
        expected: type = KioskMapScreen
        if where == "reader":
            await pilot.press("c")
            expected = ReaderScreen
        elif where == "quiz":
            await pilot.press("q")
            expected = QuizScreen
        await pilot.pause()
        assert_running(app, expected)
        for key in ESCAPE_KEYS:
            await pilot.press(key)
            await pilot.pause()
            if key == "escape" and expected is not KioskMapScreen:
                # Escape goes back to the lesson list, as it should; the rest of the list runs there
                expected = KioskMapScreen
            assert_running(app, expected)
        assert app.learner is not None  # the visit is still going
        assert no_real_suspend == []


async def test_app_actions_that_quit_or_escape_are_refused(tmp_path: Path, no_real_suspend: list) -> None:
    app = kiosk_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await pilot.pause()
        for action in ("app.quit", "app.help_quit", "app.suspend_process", "app.command_palette",
                       "app.screenshot", "app.change_theme", "app.toggle_dark", "app.pop_screen", "app.back",
                       "app.switch_mode('default')", "app.push_screen('x')", "app.simulate_key('ctrl+q')",
                       "app.open_url('https://example.org')", "app.maximize"):
            handled = await app.run_action(action)
            await pilot.pause()
            assert handled is False, action
            assert_running(app, KioskMapScreen)
        assert no_real_suspend == []
        assert app.use_command_palette is False


async def test_links_are_never_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = kiosk_app(tmp_path)
    opened: list[str] = []
    async with app.run_test(size=SIZE):
        monkeypatch.setattr(Driver, "open_url", lambda self, url, new_tab=True: opened.append(url))
        app.open_url("https://example.org")
    assert opened == []


async def test_crisis_and_help_still_work_and_help_speaks_of_the_kiosk(tmp_path: Path) -> None:
    app = kiosk_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AttractScreen)
        await pilot.press("space", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "Ctrl+Q" not in app.screen.text and "F10" in app.screen.text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, KioskMapScreen)


async def test_map_offers_only_short_lessons_and_no_profile_pages(tmp_path: Path) -> None:
    app = kiosk_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, KioskMapScreen)
        assert [lesson.id for lesson in screen.lessons()] == [
            lesson.id for lesson in app.course.lessons if lesson.kiosk]
        assert all(lesson.kiosk for lesson in screen.lessons())
        for key in ("p", "s", "escape"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is screen
        assert not screen.query("#progress") and not screen.query("#settings")
