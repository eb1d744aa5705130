"""The course loads in the background at home, after the first screen; the course map still gets it."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.config import Settings
from course.store import Store
from course.ui.app import CourseApp
from course.ui.course_loading import CourseLoading
from course.ui.screens.course_map import CourseMapScreen
from tests.ui.helpers import small_course


def test_get_waits_for_the_thread_and_loads_once(tmp_path: Path) -> None:
    calls: list[int] = []
    course = small_course(tmp_path / "content")
    loading = CourseLoading(lambda: calls.append(1) or course)
    loading.start()
    loading.start()
    assert loading.get() is course and loading.get() is course
    assert calls == [1]


def test_an_error_while_loading_reaches_the_caller() -> None:
    def broken():
        raise OSError("disk gone")

    with pytest.raises(OSError, match="disk gone"):
        CourseLoading(broken).get()


async def test_home_app_with_a_loading_course_opens_the_map(tmp_path: Path) -> None:
    course = small_course(tmp_path / "content")
    store = Store(tmp_path / "data")
    store.create_profile("Ana")
    app = CourseApp(CourseLoading(lambda: course), store, Settings(), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen)
        assert app.course is course
        assert "A Sample Lesson" in str(app.screen.query_one("#lessons").get_option_at_index(0).prompt)



def test_collection_is_paused_while_starting_and_back_on_once_the_first_screen_is_drawn(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from textual.app import App

    from course.ui.launch import run_home

    seen: dict[str, bool] = {}
    real_run = App.run

    def run(app: CourseApp) -> None:
        seen["while starting"] = gc.isenabled()

        async def first_screen_drawn(pilot) -> None:
            await pilot.pause()
            seen["first screen drawn"] = gc.isenabled()
            pilot.app.exit(0)

        real_run(app, headless=True, size=(80, 24), auto_pilot=first_screen_drawn)

    monkeypatch.setattr(CourseApp, "run", run)
    assert run_home(tmp_path / "data", []) == 0
    assert seen == {"while starting": False, "first screen drawn": True}
    assert gc.isenabled()


async def test_the_first_screen_is_styled_once_but_a_pushed_one_is_restyled_when_shown(tmp_path: Path) -> None:
    from textual.screen import Screen

    from course.ui.screens.welcome import WelcomeScreen

    store = Store(tmp_path / "data")
    store.create_profile("Ana")
    app = CourseApp(CourseLoading(lambda: small_course(tmp_path / "content")), store, Settings(), tmp_path / "data")
    restyled: list[bool] = []
    real = Screen._on_screen_resume

    def resume(screen: Screen, event) -> None:
        if isinstance(screen, WelcomeScreen):
            restyled.append(event.refresh_styles)
        real(screen, event)

    Screen._on_screen_resume = resume  # type: ignore[method-assign]
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert restyled == [False]
            assert app.screen.query_one("#course-name").styles.text_style.bold  # welcome.tcss was applied
            app.push_screen(WelcomeScreen())  # its CSS was not read ahead of it: Textual restyles it when shown
            await pilot.pause()
            assert restyled == [False, True]
    finally:
        Screen._on_screen_resume = real  # type: ignore[method-assign]
