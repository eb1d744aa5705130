"""What the kiosk tells a visitor: no journal in the lesson help, and "Choose all that apply" said once."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from course.ui.kiosk.screens import KioskMapScreen
from course.ui.screens.help import HelpScreen
from course.ui.screens.quiz import QuizScreen
from course.ui.screens.reader import ReaderScreen
from tests.group.helpers import screen_text
from tests.kiosk.helpers import SIZE, kiosk_app, shipped_course


async def test_the_lesson_help_in_the_kiosk_says_nothing_of_a_journal(tmp_path: Path) -> None:
    app = kiosk_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await pilot.pause()
        assert isinstance(app.screen, KioskMapScreen)
        await pilot.press("enter")  # the first short lesson
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Reading a lesson" in text and "next step" in text
        assert "journal" not in text.casefold()
    assert "journal" in ReaderScreen.HELP.casefold()  # at home the help still speaks of the journal


async def test_choose_all_that_apply_is_said_once(tmp_path: Path) -> None:
    lesson = shipped_course().lesson("quick-notice-the-good")
    assert lesson.quiz is not None
    number = next(i for i, q in enumerate(lesson.quiz.questions) if "Choose all that apply" in q.prompt)
    app = kiosk_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await pilot.pause()
        screen = QuizScreen(lesson)
        await app.push_screen(screen)
        await pilot.pause()
        for _ in range(number):  # answer and move on to that question
            await pilot.press("1", "c")
            await pilot.pause()
            await pilot.press("c")
            await pilot.pause()
        assert screen.question.id == lesson.quiz.questions[number].id
        shown = " ".join(screen_text(app).split())
        assert shown.count("Choose all that apply") == 1, shown
        assert str(screen.query_one(".how-to-answer", Static).render()) == ""
