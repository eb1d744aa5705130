"""Screens one by one: literal names, small terminals, help and crisis keys, settings, journal, record."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, OptionList, TabbedContent, TextArea

from course.learner import StoredLearner
from course.store import Store, StoreError
from course.ui.screens.course_map import CourseMapScreen
from course.ui.screens.help import CrisisScreen, HelpScreen
from course.ui.screens.progress import ProgressScreen
from course.ui.screens.reader import ReaderScreen
from course.ui.screens.settings import SettingsScreen
from course.ui.screens.too_small import TooSmallScreen
from course.ui.screens.welcome import WelcomeScreen
from course.ui.widgets.prose import Prose
from tests.ui.helpers import make_app, record_notices

STRANGE_NAMES = ["[bold red]Mum[/]", "\x1b[31mDad\x1b[0m", "李小龍 👨‍👩‍👧", "O'Brien, \"Pat\"", "[link=x]y[/link]"]


async def test_names_are_shown_exactly_as_typed(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    for name in STRANGE_NAMES:
        store.create_profile(name)
    app = make_app(tmp_path, store)
    async with app.run_test(size=(100, 30)) as pilot:
        options = app.screen.query_one("#profiles", OptionList)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert shown[0] == "[bold red]Mum[/]"
        assert shown[1] == "␛[31mDad␛[0m"
        assert shown[2] == "李小龍 👨‍👩‍👧"
        assert shown[3] == "O'Brien, \"Pat\""
        assert shown[4] == "[link=x]y[/link]"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen)
        assert str(app.screen.query_one("#map-title").render()) == "Course map for [bold red]Mum[/]"


@pytest.mark.parametrize("size", [(79, 24), (80, 23), (40, 10)])
async def test_small_terminal_asks_to_enlarge_then_recovers(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        assert "Please make this window bigger" in str(app.screen.query_one("#too-small").render())
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)


async def test_crisis_key_and_help_from_any_screen(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    pid = store.create_profile("Lee")
    app = make_app(tmp_path, store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.learner = StoredLearner(store, pid, "Lee")
        await app.push_screen(ReaderScreen(app.course.lessons[0]))
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
        text = app.screen.query_one(Prose).source
        assert "911" in text and "988" in text and "1-800-662-4357" in text and "1-800-799-7233" in text
        await pilot.press("escape")
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "next step" in app.screen.query_one(Prose).source
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)


async def test_crisis_key_works_while_typing(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Kim", "f2")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)


async def test_theme_choice_is_saved_and_data_deleted_with_pin(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    pid = store.create_profile("Ray", pin="1357")
    app = make_app(tmp_path, store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.learner = StoredLearner(store, pid, "Ray")
        await app.push_screen(CourseMapScreen())
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#theme").choose_number(3)
        await pilot.pause()
        assert app.theme == "course-contrast"
        assert store.preferences(pid)["theme"] == "course-contrast"
        await pilot.click("#delete")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        await pilot.press(*"0000", "enter")
        await pilot.pause()
        assert store.profiles()  # wrong PIN: nothing deleted
        await pilot.press(*"1357", "enter")
        await pilot.pause()
        assert store.profiles() == []
        assert isinstance(app.screen, WelcomeScreen)


async def test_journal_edit_and_record_of_completion(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    store = Store(tmp_path / "data")
    pid = store.create_profile("<b>Jo</b> & co")
    store.save_journal(pid, "sample-lesson", "sample-lesson/2/1", "What would you like to try?", "Walk daily")
    store.save_lesson_state(pid, "sample-lesson", status="done", add_seconds=600)
    store.record_quiz_result(pid, "sample-lesson", 2, 2, True)
    app = make_app(tmp_path, store)
    async with app.run_test(size=(100, 30)) as pilot:
        app.learner = StoredLearner(store, pid, "<b>Jo</b> & co")
        await app.push_screen(ProgressScreen())
        await pilot.pause()
        table = app.screen.query_one("#summary", DataTable)
        assert [str(c) for c in table.get_row_at(0)] == ["A Sample Lesson", "Done", "2 of 2 (100%)", "10"]
        assert "Lessons finished: 1 of 2" in str(app.screen.query_one("#totals").render())
        app.screen.query_one(TabbedContent).active = "journal-tab"
        await pilot.pause()
        editor = app.screen.query_one("#entry-text", TextArea)
        assert editor.text == "Walk daily"
        editor.text = "Walk daily, and call Sam"
        await pilot.click("#save-entry")
        await pilot.pause()
        assert store.journal(pid)[0].text == "Walk daily, and call Sam"

        app.screen.query_one(TabbedContent).active = "record-tab"
        await pilot.pause()
        target = tmp_path / "out" / "record"
        target.parent.mkdir()
        app.screen.query_one("#record-path", Input).value = str(target)
        app.screen.query_one("#record-path", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        html = (tmp_path / "out" / "record.html").read_text(encoding="utf-8")
        text = (tmp_path / "out" / "record.txt").read_text(encoding="utf-8")
        assert "&lt;b&gt;Jo&lt;/b&gt; &amp; co" in html and "<b>Jo</b>" not in html
        assert "record of completion" in html and "not a certificate" in html
        assert "Name: <b>Jo</b> & co" in text
        assert "- A Sample Lesson: Done, finished" in text and "quiz 2 of 2 (100%)" in text

        app.screen.query_one("#record-path", Input).value = "/proc/no/such/place.html"
        await pilot.press("enter")
        await pilot.pause()
        assert "Could not save the record there" in str(app.screen.query_one("#record-status").render())


async def test_store_error_is_shown_and_app_keeps_going(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(tmp_path / "data")
    pid = store.create_profile("Ash")
    app = make_app(tmp_path, store)

    def full_disk(*args: object, **kwargs: object) -> None:
        raise StoreError("The disk is full, so your place could not be saved. Free some space and try again.")

    monkeypatch.setattr(store, "save_lesson_state", full_disk)
    async with app.run_test(size=(80, 24)) as pilot:
        app.learner = StoredLearner(store, pid, "Ash")
        messages = record_notices(app)
        await app.push_screen(ReaderScreen(app.course.lessons[0]))
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert str(app.screen.query_one("#step-count").render()) == "Step 2 of 3"
        assert any("disk is full" in m for m in messages)


async def test_unavailable_lesson_is_listed_with_reason(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    pid = store.create_profile("Bo")
    app = make_app(tmp_path, store)
    async with app.run_test(size=(100, 30)) as pilot:
        app.learner = StoredLearner(store, pid, "Bo")
        notices = record_notices(app)
        await app.push_screen(CourseMapScreen())
        await pilot.pause()
        options = app.screen.query_one("#lessons", OptionList)
        last = options.get_option_at_index(options.option_count - 1)
        assert "(unavailable)" in str(last.prompt) and "front matter is not closed" in str(last.prompt)
        await pilot.press("end", "enter")  # reachable by keyboard; opening it says why it cannot open
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen)
        assert options.highlighted == options.option_count - 1
        await pilot.pause()
        assert any("front matter is not closed" in message for message in notices)


async def test_journal_text_with_markup_and_escapes_is_literal(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    pid = store.create_profile("Jo")
    text = "[bold]Hi[/] \x1b[2J 你好 🙂"
    store.save_journal(pid, "sample-lesson", "sample-lesson/2/1", "What would you like to try?", text)
    app = make_app(tmp_path, store)
    async with app.run_test(size=(100, 30)) as pilot:
        app.learner = StoredLearner(store, pid, "Jo")
        await app.push_screen(ProgressScreen())
        await pilot.pause()
        app.screen.query_one(TabbedContent).active = "journal-tab"
        await pilot.pause()
        entry = str(app.screen.query_one("#entries", OptionList).get_option_at_index(0).prompt)
        assert "[bold]Hi[/] ␛[2J 你好 🙂" in entry
        assert app.screen.query_one("#entry-text", TextArea).text == text
