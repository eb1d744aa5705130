"""Idle reset: ask "Are you still there?", keep the visit on any key, otherwise wipe it and start over."""

from __future__ import annotations

import gc
import json
import weakref
from pathlib import Path

import pytest

from course.ui.kiosk.idle import Idle, IdleWatcher
from course.ui.kiosk.screens import AttractScreen, KioskMapScreen, StillThereScreen
from course.ui.screens.quiz import QuizScreen
from course.ui.screens.reader import ReaderScreen
from tests.kiosk.helpers import SIZE, FakeClock, data_files, kiosk_app


def test_grace_is_twenty_seconds_or_a_quarter_of_the_timeout() -> None:
    assert IdleWatcher(120).grace == 20
    assert IdleWatcher(5).grace == 1.25
    assert IdleWatcher(80).grace == 20
    with pytest.raises(ValueError):
        IdleWatcher(0)


def test_watcher_states() -> None:
    clock = FakeClock()
    watcher = IdleWatcher(10, clock)
    assert watcher.state() == (Idle.ACTIVE, 10)
    clock.advance(9.5)
    assert watcher.state()[0] is Idle.ACTIVE
    clock.advance(1)
    assert watcher.state() == (Idle.ASKING, 2.0)  # grace 2.5 s, 0.5 s of it gone
    clock.advance(2)
    assert watcher.state()[0] is Idle.EXPIRED
    watcher.touch()
    assert watcher.state() == (Idle.ACTIVE, 10)


async def test_any_key_keeps_the_visit(tmp_path: Path) -> None:
    clock = FakeClock()
    app = kiosk_app(tmp_path, timeout=40, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "c")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        clock.advance(41)
        app.kiosk.tick()
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, StillThereScreen)
        assert "Starting over in 9 seconds" in str(prompt.query_one("#still-there-countdown").render())
        clock.advance(5)
        app.kiosk.tick()
        await pilot.pause()
        assert "Starting over in 4 seconds" in str(prompt.query_one("#still-there-countdown").render())
        await pilot.press("x")  # any key; swallowed, so it does nothing else
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.learner is not None and app.learner.lesson_state(app.screen.lesson.id).status == "in_progress"
        clock.advance(30)
        app.kiosk.tick()
        assert isinstance(app.screen, ReaderScreen)  # the clock started again at the key


async def test_idle_visit_is_wiped_from_memory_and_disk_and_counted(tmp_path: Path) -> None:
    clock = FakeClock()
    app = kiosk_app(tmp_path, timeout=5, clock=clock)
    data = tmp_path / "data"
    before = data_files(data)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await pilot.pause()
        guest = app.learner
        assert guest is not None
        lesson = app.screen.lessons()[0]
        await pilot.press("q")  # the quiz of the first lesson
        await pilot.pause()
        quiz = app.screen
        assert isinstance(quiz, QuizScreen)
        numbers = [str(n) for n, option in enumerate(quiz.question.options, 1) if option.correct]
        await pilot.press(*numbers, "c")
        await pilot.pause()
        assert guest.answers and guest.answers[0][3] is True
        await pilot.press("escape", "c")  # back to the list, then start the first lesson
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert guest.lesson_state(lesson.id).status == "in_progress"
        guest_ref = weakref.ref(guest)
        del guest

        clock.advance(5)
        app.kiosk.tick()
        await pilot.pause()
        assert isinstance(app.screen, StillThereScreen)
        assert "Starting over in 2 seconds" in str(app.screen.query_one("#still-there-countdown").render())
        clock.advance(1.3)
        app.kiosk.tick()
        await pilot.pause()

        assert isinstance(app.screen, AttractScreen)
        assert len(app.screen_stack) == 2
        assert app.learner is None and app.kiosk.guest is None
        gc.collect()
        assert guest_ref() is None or not (guest_ref().states or guest_ref().answers or guest_ref().results)
        counters = app.store.kiosk_report()
        assert len(counters) == 1
        row = counters[0]
        assert (row["sessions"], row["lessons_started"], row["questions_answered"], row["questions_right"]) == (
            1, 1, 1, 1)

    gc.collect()
    assert guest_ref() is None, "the guest is still referenced somewhere"
    written = data_files(data) - before
    assert {name for name in written if not name.startswith("backups/")} == {"kiosk.json"}
    assert not list((data / "profiles").iterdir())
    text = (data / "kiosk.json").read_text(encoding="utf-8")
    assert lesson.id not in text and "answers" not in text
    doc = json.loads(text)
    days = doc["body"]["tables"]["days"]
    assert set(next(iter(days.values()))) <= {"day", "sessions", "lessons_started", "lessons_finished",
                                               "questions_answered", "questions_right"}


async def test_finish_key_ends_the_visit_at_once(tmp_path: Path) -> None:
    app = kiosk_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "c")
        await pilot.pause()
        guest = app.learner
        assert isinstance(app.screen, ReaderScreen) and guest.lesson_states()
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, AttractScreen)
        assert app.learner is None and not guest.lesson_states()
        await pilot.press("space")
        await pilot.pause()
        assert isinstance(app.screen, KioskMapScreen)
        assert app.learner is not guest and not app.learner.lesson_states()  # a new, empty visit
        await pilot.click("#finish")
        await pilot.pause()
        assert isinstance(app.screen, AttractScreen)
        assert app.store.kiosk_report()[0]["sessions"] == 2


async def test_a_screen_left_open_on_the_start_screen_also_times_out(tmp_path: Path) -> None:
    clock = FakeClock()
    app = kiosk_app(tmp_path, timeout=10, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        assert not isinstance(app.screen, AttractScreen)
        clock.advance(10)
        app.kiosk.tick()
        await pilot.pause()
        assert isinstance(app.screen, StillThereScreen)
        clock.advance(3)
        app.kiosk.tick()
        await pilot.pause()
        assert isinstance(app.screen, AttractScreen) and len(app.screen_stack) == 2
        clock.advance(100)
        app.kiosk.tick()  # nothing to time out on the start screen itself
        assert isinstance(app.screen, AttractScreen)


async def test_a_whole_lesson_and_quiz_are_counted_once(tmp_path: Path) -> None:
    app = kiosk_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "c")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        for _ in reader.lesson.steps:
            await pilot.press("n")
            await pilot.pause()
        await pilot.click("#yes")  # "Take the quiz"
        await pilot.pause()
        quiz = app.screen
        assert isinstance(quiz, QuizScreen)
        for _ in quiz.attempt.question_ids:
            wrong = next(n for n, option in enumerate(quiz.question.options, 1) if not option.correct)
            await pilot.press(str(wrong), "c")
            await pilot.pause()
            await pilot.press("c")  # next question, or the score
            await pilot.pause()
        (row,) = app.store.kiosk_report()
        total = len(quiz.attempt.question_ids)
        assert (row["sessions"], row["lessons_started"], row["lessons_finished"]) == (1, 1, 1)
        assert (row["questions_answered"], row["questions_right"]) == (total, 0)
