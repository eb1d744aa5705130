"""Robust: an exception in a screen returns to the start screen (and is logged); store and content problems
get a calm message and the kiosk carries on."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from textual.screen import Screen

from course.store import StoreError
from course.ui.kiosk.controller import SORRY
from course.ui.kiosk.screens import AttractScreen, KioskMapScreen
from course.ui.screens.reader import ReaderScreen
from tests.kiosk.helpers import SIZE, kiosk_app


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def back_at_start(app, pilot, guest) -> None:
    for _ in range(5):
        await pilot.pause()
    assert isinstance(app.screen, AttractScreen)
    assert app.is_running and app.return_code is None
    assert app.learner is None and not guest.lesson_states()
    assert SORRY in notices(app)
    log = app.kiosk.log.path.read_text(encoding="utf-8")
    assert "Unexpected error" in log and "Traceback" in log and "RuntimeError: broken on purpose" in log


async def test_an_error_in_a_key_action_returns_to_the_start_screen(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self) -> None:
        raise RuntimeError("broken on purpose")

    monkeypatch.setattr(ReaderScreen, "action_next", broken)
    app = kiosk_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "c")
        await pilot.pause()
        guest = app.learner
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("n")
        await back_at_start(app, pilot, guest)
        await pilot.press("space")  # and the next visit works
        await pilot.pause()
        assert isinstance(app.screen, KioskMapScreen)


async def test_an_error_in_a_message_handler_returns_to_the_start_screen(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    async def broken(self, event) -> None:
        raise RuntimeError("broken on purpose")

    monkeypatch.setattr(ReaderScreen, "on_button_pressed", broken)
    app = kiosk_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "c")
        await pilot.pause()
        guest = app.learner
        await pilot.click("#next")
        await back_at_start(app, pilot, guest)


async def test_an_error_while_a_screen_opens_returns_to_the_start_screen(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    async def broken(self) -> None:
        raise RuntimeError("broken on purpose")

    monkeypatch.setattr(ReaderScreen, "_start", broken)
    app = kiosk_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await pilot.pause()
        guest = app.learner
        app.screen.open_lesson(app.screen.lessons()[0])
        import asyncio

        await asyncio.sleep(0.3)  # the broken screen never becomes idle, so pilot.pause() would wait on it
        await back_at_start(app, pilot, guest)


async def test_many_errors_in_a_row_end_the_app_for_a_clean_restart(tmp_path: Path) -> None:
    app = kiosk_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(6):
            app.kiosk.recover(RuntimeError("broken on purpose"))
        await pilot.pause()
    assert app.return_code == 1 and app.kiosk.ended_by is None  # serve() starts a new app


async def test_counters_that_cannot_be_saved_do_not_disturb_the_visit(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    app = kiosk_app(tmp_path)

    def full(event: str, n: int = 1, day: object = None) -> None:
        raise StoreError("The disk is full, so the waiting-room counters could not be saved.")

    monkeypatch.setattr(app.store, "kiosk_count", full)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "c", "n")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert str(app.screen.query_one("#step-count").render()) == "Step 2 of " + str(len(app.screen.lesson.steps))
        assert not any("disk is full" in n for n in notices(app))  # the guest is not bothered
        await pilot.press("f10")
        await pilot.pause()
        note = str(app.screen.query_one("#attract-note").render())
        assert "visit counts are not being saved" in note
        assert "disk is full" in app.kiosk.log.path.read_text(encoding="utf-8")


async def test_no_kiosk_lessons_gives_a_calm_message(tmp_path: Path) -> None:
    from tests.kiosk.helpers import shipped_course

    course = shipped_course()
    plain = dataclasses.replace(course, lessons=tuple(dataclasses.replace(x, kiosk=False) for x in course.lessons))
    app = kiosk_app(tmp_path, course=plain)
    async with app.run_test(size=SIZE) as pilot:
        assert str(app.screen.query_one("#attract-tip").render()) == ""
        await pilot.press("space")
        await pilot.pause()
        screen: Screen = app.screen
        assert isinstance(screen, KioskMapScreen)
        assert screen.query_one("#kiosk-empty").display
        assert not screen.query_one("#lessons").display
        await pilot.press("c", "q", "enter")
        await pilot.pause()
        assert app.screen is screen and app.is_running


async def test_a_lesson_without_its_quiz_says_so_and_carries_on(tmp_path: Path) -> None:
    from tests.kiosk.helpers import shipped_course

    course = shipped_course()
    first = course.kiosk_lessons()[0]
    broken = dataclasses.replace(first, quiz=None, quiz_problem="The quiz for this lesson could not be loaded.")
    lessons = tuple(broken if x.id == first.id else x for x in course.lessons)
    app = kiosk_app(tmp_path, course=dataclasses.replace(course, lessons=lessons))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "q")
        await pilot.pause()
        assert isinstance(app.screen, KioskMapScreen)
        assert "could not be loaded" in " ".join(notices(app))


async def test_a_kiosk_whose_terminal_has_gone_closes_itself(tmp_path: Path) -> None:
    app = kiosk_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")  # a visit was going on when the terminal went away
        await pilot.pause()
        guest = app.learner
        app.kiosk.tick()
        assert app.is_running  # a terminal that is there changes nothing
        app.kiosk.terminal_here = lambda: False
        app.kiosk.tick()
        await pilot.pause()
    assert app.return_code == 0 and app.kiosk.ended_by == "hangup"
    assert app.learner is None and not guest.lesson_states()
    assert "terminal went away" in app.kiosk.log.path.read_text(encoding="utf-8")
