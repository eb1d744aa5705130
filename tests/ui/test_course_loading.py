"""At home the course is read in a worker after the first screen; the map waits for it. The collector is paused
while an app starts and restored after, so that a finished app is freed."""

from __future__ import annotations

import asyncio
import gc
import weakref
from pathlib import Path

import pytest

from course.config import Settings
from course.content.library import Courses
from course.content.model import Course
from course.store import Store
from course.ui.collection import app_lifetime
from course.ui.home.app import HomeApp
from course.ui.screens.course_map import CourseMapScreen
from tests.kiosk.helpers import kiosk_app
from tests.ui.helpers import small_course


async def test_a_profile_chosen_before_the_course_is_read_opens_the_map_once_it_is(tmp_path: Path) -> None:
    course = small_course(tmp_path / "content")
    store = Store(tmp_path / "data")
    store.create_profile("Ana")
    calls: list[int] = []

    def load(language: str) -> Course:
        calls.append(1)
        return course

    app = HomeApp(Courses(read=load), store, Settings(), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")  # at once: the worker starts only after the first frame
        for _ in range(500):
            await asyncio.sleep(0.02)
            if isinstance(app.screen, CourseMapScreen):
                break
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen)
        assert app.course is course and calls == [1]
        assert "A Sample Lesson" in str(app.screen.query_one("#lessons").get_option_at_index(0).prompt)


async def test_a_course_that_cannot_be_read_ends_the_app_with_a_message(tmp_path: Path) -> None:
    def broken(language: str) -> Course:
        raise OSError("disk gone")

    app = HomeApp(Courses(read=broken), Store(tmp_path / "data"), Settings(), tmp_path / "data")
    async with app.run_test(size=(100, 30)):
        for _ in range(500):
            await asyncio.sleep(0.02)
            if not app.is_running:
                break
    assert app.return_code == 1


def test_collection_is_paused_while_starting_and_restored_after(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from textual.app import App

    from course.ui.launch import run_home

    seen: dict[str, object] = {}
    real_run = App.run

    def run(app: HomeApp) -> None:
        seen["while starting"] = gc.isenabled()

        async def first_screen_drawn(pilot) -> None:
            await pilot.pause()
            seen["first screen drawn"] = gc.isenabled()
            pilot.app.exit(0)

        real_run(app, headless=True, size=(80, 24), auto_pilot=first_screen_drawn)

    monkeypatch.setattr(HomeApp, "run", run)
    assert run_home(tmp_path / "data", []) == 0
    assert seen == {"while starting": False, "first screen drawn": True}
    assert gc.isenabled() and gc.get_freeze_count() == 0


@pytest.mark.parametrize("mode", ["home", "kiosk"])
def test_a_finished_app_is_freed(tmp_path: Path, mode: str) -> None:
    """The kiosk starts a new app in the same process after an unexpected error: the old one must go.

    The app runs in its own event loop (``asyncio.run``), as it does for real: a test's own loop would hold it."""

    async def run() -> weakref.ref:
        if mode == "home":
            app = HomeApp(small_course(tmp_path / "content"), Store(tmp_path / "data"), Settings(),
                          tmp_path / "data")
        else:
            app = kiosk_app(tmp_path)
        with app_lifetime():
            async with app.run_test(size=(100, 30)) as pilot:
                await pilot.press("space" if mode == "kiosk" else "n")
                await pilot.pause()
        return weakref.ref(app)

    gone = asyncio.run(run())
    gc.collect()
    assert gone() is None, "the finished app is still alive"
