"""Robust: an unexpected error ends the kiosk's app and a fresh one starts on the start screen, with an apology
(the error goes to the kiosk log); store and content problems get a calm message and the kiosk carries on."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen

from course.config import Settings
from course.store import Store, StoreError
from course.ui.kiosk import serve as serve_module
from course.ui.kiosk.app import KioskApp
from course.ui.kiosk.controller import SORRY
from course.ui.kiosk.screens import AttractScreen, KioskMapScreen
from course.ui.kiosk.serve import build_app, serve
from course.ui.screens.reader import ReaderScreen
from tests.kiosk.helpers import SIZE, STAFF_PIN, FakeClock, kiosk_app, shipped_course
from tests.ui.helpers import record_notices


def serve_with(tmp_path: Path, scripts: list[Callable[[Pilot], Awaitable[None]]],
               monkeypatch: pytest.MonkeyPatch) -> tuple[int, list[KioskApp]]:
    """Run ``serve`` as the kiosk command does, each app headless and driven by the next script."""
    apps: list[KioskApp] = []
    data = tmp_path / "data"
    store = Store(data)
    store.set_staff_pin(STAFF_PIN)

    def build(*args, **kwargs) -> KioskApp:
        app = build_app(*args, **{**kwargs, "clock": FakeClock()})
        apps.append(app)
        return app

    real_run = App.run

    def run(app: KioskApp) -> None:
        script = scripts[len(apps) - 1]
        real_run(app, headless=True, size=SIZE, auto_pilot=script)

    monkeypatch.setattr(KioskApp, "run", run)
    code = serve(shipped_course(), store, Settings(), data, 120.0, build=build)
    return code, apps


def test_an_unexpected_error_starts_a_fresh_kiosk_with_an_apology(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self) -> None:
        raise RuntimeError("broken on purpose")

    monkeypatch.setattr(ReaderScreen, "action_next", broken)
    seen: dict[str, object] = {}

    async def first(pilot: Pilot) -> None:
        await pilot.press("space", "c")
        await pilot.pause()
        seen["guest"] = pilot.app.learner
        await pilot.press("n")  # the broken key: the app ends
        await pilot.pause()

    async def second(pilot: Pilot) -> None:
        await pilot.pause()
        app = pilot.app
        assert isinstance(app, KioskApp)
        seen["start"] = isinstance(app.screen, AttractScreen)
        await pilot.press("space")  # and the next visit works
        await pilot.pause()
        seen["next visit"] = isinstance(app.screen, KioskMapScreen)
        app.kiosk.close("staff")

    code, apps = serve_with(tmp_path, [first, second], monkeypatch)
    assert code == 0 and len(apps) == 2
    assert apps[0].return_code == 1 and not apps[0].sorry and apps[1].sorry
    assert seen["start"] and seen["next visit"]
    guest = seen["guest"]
    assert guest is not None and not guest.lesson_states()  # the first visit was wiped as its app ended
    log = apps[1].kiosk.log.path.read_text(encoding="utf-8")
    assert "Unexpected error; the kiosk started again." in log
    assert "RuntimeError" in log and "broken on purpose" in log


def test_the_next_guest_is_told_the_kiosk_started_again(tmp_path: Path) -> None:
    async def run() -> list[str]:
        app = kiosk_app(tmp_path)
        app.sorry = True
        shown = record_notices(app)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, AttractScreen)
        return shown

    assert SORRY in asyncio.run(run())


def test_a_kiosk_that_keeps_failing_gives_up_for_the_login_loop(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serve_module, "RESTART_PAUSE", 0.0)

    async def fail(pilot: Pilot) -> None:
        raise RuntimeError("broken on purpose")

    code, apps = serve_with(tmp_path, [fail] * 10, monkeypatch)
    assert code == 1 and len(apps) == serve_module.MAX_FAST_FAILURES


async def test_counters_that_cannot_be_saved_do_not_disturb_the_visit(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    app = kiosk_app(tmp_path)

    def full(event: str, n: int = 1, day: object = None) -> None:
        raise StoreError("The disk is full, so the waiting-room counters could not be saved.")

    monkeypatch.setattr(app.store, "kiosk_count", full)
    shown = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "c", "n")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert str(app.screen.query_one("#step-count").render()) == "Step 2 of " + str(len(app.screen.lesson.steps))
        assert not any("disk is full" in n for n in shown)  # the guest is not bothered
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
    shown = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "q")
        await pilot.pause()
        assert isinstance(app.screen, KioskMapScreen)
        assert "could not be loaded" in " ".join(shown)


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
