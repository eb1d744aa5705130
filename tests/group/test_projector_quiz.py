"""The projected quiz on the real course: the room sees the question and every option with its letter on one
screen while it answers, while hands are counted and, once the answer is shown, with the count beside each option
and the right ones marked, at 80x24 and 120x40."""

from __future__ import annotations

import pytest
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from course.content import ContentDir, load_course
from course.content.model import Course, Lesson
from course.group.roster import today
from course.group.shown import Shown
from course.store import Store
from course.ui.group.quiz_screen import GroupQuizScreen
from course.ui.widgets.prose import Prose
from tests.group.helpers import group_app, group_with_people

SHIPPED = load_course([ContentDir.shipped()])
QUIZZED = [lesson for lesson in SHIPPED.lessons if lesson.quiz is not None]


def in_view(page: Widget, widget: Widget) -> bool:
    """Is all of ``widget`` inside the page's window, with the page not scrolled?"""
    region, window = widget.region, page.content_region
    return (page.scroll_y == 0 and region.height == widget.outer_size.height and region.y >= window.y
            and region.bottom <= window.bottom)


async def answers_fit(store: Store, course: Course, lesson: Lesson, size: tuple[int, int]) -> list[str]:
    """Show the answer to each question of ``lesson`` with every option counted; what did not fit."""
    gid, people = group_with_people(store, "Ana", "Ben", "Cy", "Dee", "Eli", "Fay")
    sid = store.start_session(gid, lesson.id, today())
    for pid in people:
        store.set_present(sid, pid, True)
    assert lesson.quiz is not None
    for question in lesson.quiz.questions:  # a count for every option, so every row has a bar
        store.record_tally(sid, question.id, {o.key: 1 + i for i, o in enumerate(question.options)})
    session = store.sessions(gid)[0]
    shown = Shown(session_id=sid, lesson_id=lesson.id, started="2024-05-07T18:00:00+00:00")
    app = group_app(course, store, lambda: GroupQuizScreen(session, lesson, shown))
    missing = []
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        assert isinstance(screen, GroupQuizScreen)
        for number, question in enumerate(lesson.quiz.questions):
            await screen.go(question=number, stage="question", rebuild=True)
            for stage in ("options", "tally", "answer"):  # the options, the count boxes, the counts
                await screen.go(stage=stage)
                await pilot.pause()
                page = screen.query_one("#gq-page", VerticalScroll)
                parts: list[Widget] = [screen.query_one("#gq-title"), screen.query_one("#gq-prompt", Prose),
                                       *screen.query(".gq-row")]
                if stage == "answer":
                    parts.append(screen.query_one("#gq-summary"))
                if not all(in_view(page, part) for part in parts):
                    missing.append(f"{lesson.id}/{question.id}/{stage}")
            rows = list(screen.query(".gq-row"))
            assert len(rows) == len(question.options)
            for i, (row, option) in enumerate(zip(rows, question.options, strict=True)):
                letter = str(row.query_one(".gq-letter", Static).render())
                assert letter == chr(65 + i) + (" \u2713" if option.correct else "")
                assert str(row.query_one(".gq-bar", Static).render()).endswith(f" {1 + i}")
    return missing


@pytest.mark.parametrize("lesson", QUIZZED, ids=[lesson.id for lesson in QUIZZED])
async def test_every_answer_of_the_course_fits_on_one_screen_at_80x24(store: Store, lesson: Lesson) -> None:
    assert await answers_fit(store, SHIPPED, lesson, (80, 24)) == []


async def test_a_choose_all_question_with_five_options_fits_at_120x40(store: Store) -> None:
    lesson = SHIPPED.lesson("relapse-warning-signs")
    assert lesson.quiz is not None
    question = lesson.quiz.questions[2]
    assert question.multiple and len(question.options) == 5
    assert await answers_fit(store, SHIPPED, lesson, (120, 40)) == []


async def test_how_to_answer_is_said_once(store: Store) -> None:
    lesson = SHIPPED.lesson("relapse-warning-signs")
    assert lesson.quiz is not None
    question = lesson.quiz.questions[2]
    assert "Choose all that apply." in question.prompt
    gid, _ = group_with_people(store, "Ana")
    sid = store.start_session(gid, lesson.id, today())
    session = store.sessions(gid)[0]
    shown = Shown(session_id=sid, lesson_id=lesson.id, started="2024-05-07T18:00:00+00:00")
    app = group_app(SHIPPED, store, lambda: GroupQuizScreen(session, lesson, shown))
    async with app.run_test(size=(80, 24)):
        screen = app.screen
        await screen.go(question=2, stage="question", rebuild=True)
        assert screen.query_one("#gq-prompt", Prose).source.count("hoose all that apply") == 1
        await screen.go(question=0, stage="question", rebuild=True)
        assert screen.query_one("#gq-prompt", Prose).source.endswith("*Choose one.*")


async def test_counting_keys_go_to_the_chosen_box_in_order(store: Store, course: Course) -> None:
    gid, people = group_with_people(store, "Ana", "Ben", "Cy", "Dee", "Eli", "Fay")
    sid = store.start_session(gid, "sample-lesson", today())
    for pid in people:
        store.set_present(sid, pid, True)
    store.record_tally(sid, "first", {"a": 1, "b": 4})
    session = store.sessions(gid)[0]
    lesson = course.lesson("sample-lesson")
    shown = Shown(session_id=sid, lesson_id=lesson.id, started="2024-05-07T18:00:00+00:00")
    app = group_app(course, store, lambda: GroupQuizScreen(session, lesson, shown))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen

        def boxes() -> list[tuple[str, bool]]:
            return [(str(box.render()), box.has_class("-current")) for box in screen.query(".count-input")]

        await pilot.press("enter", "enter")  # the options, then the boxes
        assert screen.shown.stage == "tally" and boxes() == [("1", True), ("4", False)]
        await pilot.press("3", "5")  # the first digit replaces the count kept from before
        assert boxes() == [("35", True), ("4", False)]
        await pilot.press("backspace", "x", "n", "space", "right", "p")  # letters and moves do nothing here
        assert screen.shown.stage == "tally" and boxes() == [("3", True), ("4", False)]
        await pilot.press("tab", "backspace")
        assert boxes() == [("3", False), ("", True)]
        await pilot.press("shift+tab", "7", "enter", "2")
        assert boxes() == [("7", False), ("2", True)]
        await pilot.click("#row-a")  # a click chooses a box too
        assert boxes() == [("7", True), ("2", False)]
        await pilot.press("1", "enter", "enter")
        await pilot.pause()
        assert screen.shown.stage == "answer"
    assert store.sessions(gid)[0].tallies["first"] == {"a": 1, "b": 2}
