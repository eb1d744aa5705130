"""At home one lesson reader is kept and refilled; it belongs to one person, and the kiosk keeps none."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, TextArea

from course.store import Store
from course.ui.readers import KEPT_READER
from course.ui.screens.course_map import CourseMapScreen
from course.ui.screens.help import HelpScreen
from course.ui.screens.reader import ReaderScreen, ReflectionBox
from course.ui.screens.welcome import WelcomeScreen
from tests.ui.helpers import make_app, small_course

SIZE = (100, 30)


def shown(reader: ReaderScreen) -> tuple[str, str]:
    return str(reader.query_one("#lesson-title").render()), str(reader.query_one("#step-count").render())


async def open_lesson(pilot, index: int) -> ReaderScreen:
    lessons = pilot.app.screen.query_one("#lessons", OptionList)
    lessons.focus()
    lessons.highlighted = index
    await pilot.press("enter")
    await pilot.pause()
    reader = pilot.app.screen
    assert isinstance(reader, ReaderScreen)
    return reader


async def test_one_reader_is_made_ahead_and_refilled_for_each_lesson(tmp_path: Path) -> None:
    course = small_course(tmp_path / "content")
    store = Store(tmp_path / "data")
    pid = store.create_profile("Sam")
    app = make_app(tmp_path, store, course)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen)
        ahead = app.get_screen(KEPT_READER)
        assert ahead not in app.screen_stack
        assert len(ahead.query(ReflectionBox)) == 1  # every journal box any lesson needs, mounted ahead
        assert store.lesson_state(pid, "sample-lesson").status == "not_started"  # made ahead, nothing saved

        reader = await open_lesson(pilot, 0)
        assert reader is ahead and shown(reader) == ("A Sample Lesson", "Step 1 of 3")
        await pilot.press("n")
        await pilot.pause()
        reader.query_one(TextArea).focus()
        await pilot.press(*"note one")
        await pilot.press("escape", "escape")  # out of the journal box to the page, then back to the map
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen)

        second = await open_lesson(pilot, 1)
        assert second is reader and shown(reader) == ("Second Lesson", "Step 1 of 3")
        await pilot.press("escape")
        await pilot.pause()

        again = await open_lesson(pilot, 0)
        assert again is reader and shown(reader) == ("A Sample Lesson", "Step 2 of 3")
        assert reader.query_one(TextArea).text == "note one"
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is reader and shown(reader) == ("A Sample Lesson", "Step 3 of 3")  # a dialog closing
    assert [e.text for e in store.journal(pid)] == ["note one"]
    assert store.lesson_state(pid, "second-lesson").status == "in_progress"


async def test_choosing_a_profile_lets_the_last_persons_reader_go(tmp_path: Path) -> None:
    course = small_course(tmp_path / "content")
    store = Store(tmp_path / "data")
    store.create_profile("Ana")
    store.create_profile("Sam")
    app = make_app(tmp_path, store, course)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # Ana
        await pilot.pause()
        reader = await open_lesson(pilot, 0)
        await pilot.press("n")
        await pilot.pause()
        reader.query_one(TextArea).focus()
        await pilot.press(*"private words")
        await pilot.press("escape", "escape", "escape")  # out of the box, to the map, then to the profiles
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert not app.is_screen_installed(KEPT_READER) and not reader.is_attached

        await pilot.press("down", "enter")  # Sam
        await pilot.pause()
        sams = await open_lesson(pilot, 0)
        assert sams is not reader
        await pilot.press("n")
        await pilot.pause()
        assert sams.query_one(TextArea).text == ""


async def test_the_kiosk_keeps_no_reader(tmp_path: Path) -> None:
    from tests.kiosk.helpers import kiosk_app

    app = kiosk_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await pilot.pause()
        app.screen.open_lesson(app.screen.lessons()[0])
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert not app.is_screen_installed(KEPT_READER)
