"""The notes screen never loses the projector: it says when the projector shows the question "Finish this
session?", the attendance list, the group's screens or help, when group mode closed, and its clocks stop when the
session ends."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from course.content.model import Course
from course.group.roster import today
from course.group.shown import Shown
from course.store import Store
from course.ui.group.attendance_screen import AttendanceScreen
from course.ui.group.notes_screen import NotesScreen, quiz_notes
from course.ui.group.presenter_screen import PresenterScreen
from course.ui.group.roster_screen import RosterScreen
from course.ui.screens.dialogs import ConfirmDialog
from course.ui.widgets.prose import Prose
from tests.group.helpers import LESSON_ID, SIZE, group_app, group_with_people, wait_until


def seen(store: Store) -> Shown:
    shown = Shown.from_state(store.presenter())
    assert shown is not None
    return shown


async def test_the_presenting_app_says_what_covers_the_lesson_and_when_it_closes(store: Store,
                                                                                course: Course) -> None:
    gid, (ana,) = group_with_people(store, "Ana")
    sid = store.start_session(gid, LESSON_ID, today())
    store.set_present(sid, ana, True)
    app = group_app(course, store, lambda: RosterScreen(gid))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")  # today's session
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        await pilot.press("p", "right")
        await pilot.pause()
        assert (seen(store).step, seen(store).view) == (1, "lesson")

        await pilot.press("f")  # the room now sees "Finish this session?"
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert await wait_until(pilot, lambda: seen(store).view == "finish")
        await pilot.press("escape")  # not yet
        await pilot.pause()
        assert await wait_until(pilot, lambda: seen(store).view == "lesson")

        await pilot.press("question_mark")
        assert await wait_until(pilot, lambda: seen(store).view == "help")
        await pilot.press("escape")
        assert await wait_until(pilot, lambda: seen(store).view == "lesson")

        await pilot.press("escape")  # a latecomer: the attendance list, with names, is on the wall
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        assert await wait_until(pilot, lambda: seen(store).view == "attendance")
        assert seen(store).step == 1  # the lesson keeps its place

        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PresenterScreen)
        assert await wait_until(pilot, lambda: seen(store).view == "lesson")
        await pilot.press("f")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        done = seen(store)
        assert done.phase == "done" and done.ended and done.over

        await pilot.press("escape")  # back to the group's screens
        assert await wait_until(pilot, lambda: seen(store).view == "menu")
        assert seen(store).ended == done.ended
        await pilot.press("ctrl+q")
        await pilot.pause()
    closed = seen(store)  # group mode has closed
    assert closed.view == "closed" and closed.ended == done.ended and closed.session_id == sid


async def test_quitting_while_presenting_closes_the_session_clock(store: Store, course: Course) -> None:
    gid, _ = group_with_people(store, "Ana")
    sid = store.start_session(gid, LESSON_ID, today())
    app = group_app(course, store, lambda: AttendanceScreen(gid, sid))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert seen(store).view == "lesson" and not seen(store).ended
        await pilot.press("ctrl+q")
        await pilot.pause()
    closed = seen(store)
    assert closed.view == "closed" and closed.ended and closed.phase == "step"


async def test_the_notes_screen_shows_what_covers_the_lesson_and_stops_its_clocks(data_dir: Path,
                                                                                  course: Course) -> None:
    with Store(data_dir) as writer, Store(data_dir) as notes_store:
        notes = group_app(course, notes_store, NotesScreen)
        async with notes.run_test(size=SIZE) as mine:
            screen = notes.screen
            status = screen.query_one("#n-status", Static)
            clock = screen.query_one("#n-clock", Static)
            timing = screen.query_one("#n-timing", Static)
            body = screen.query_one("#n-body", Prose)
            shown = Shown("s1", LESSON_ID, "2024-05-07T18:00:00+00:00", step=1)

            writer.set_presenter(shown.moved(view="finish").to_state())
            assert await wait_until(mine, lambda: "Finish this session?" in str(status.render()))
            assert status.display and "Step 2 of 3" in str(screen.query_one("#n-where", Static).render())
            assert await wait_until(mine, lambda: "whole session about" in str(timing.render()))

            writer.set_presenter(shown.moved(view="attendance").to_state())
            assert await wait_until(mine, lambda: "attendance list, with names" in str(status.render()))

            writer.set_presenter(shown.moved(view="lesson").to_state())
            assert await wait_until(mine, lambda: not status.display)

            writer.set_presenter(shown.moved(phase="done", ended="2024-05-07T19:12:05+00:00", view="menu").to_state())
            assert await wait_until(mine, lambda: "Session finished" in body.source)
            assert await wait_until(mine, lambda: str(clock.render()) == "Session time 1:12:05 (ended)")
            assert "group's screens" in str(status.render()) and str(timing.render()) == ""

            writer.set_presenter(shown.moved(view="closed", ended="2024-05-07T18:40:00+00:00").to_state())
            assert await wait_until(mine, lambda: "closed on the projector" in body.source)
            assert await wait_until(mine, lambda: str(clock.render()) == "Session time 40:00 (ended)")
            assert str(timing.render()) == ""


def test_why_it_matters_is_said_once_in_the_notes(course: Course) -> None:
    lesson = course.lesson(LESSON_ID)
    assert lesson.quiz is not None and lesson.quiz.questions[0].explanation.startswith("Why it matters:")
    text = quiz_notes(lesson, Shown("s1", LESSON_ID, "2024-05-07T18:00:00+00:00", phase="quiz"))
    assert text.lower().count("why it matters") == 1
    assert "### Why it matters\n\nNoticing the good helps." in text


def test_the_lesson_chooser_gives_the_group_length_the_notes_plan() -> None:
    from course.content import ContentDir, load_course
    from course.ui.group.dialogs import lesson_items

    lesson = load_course([ContentDir.shipped()]).lesson("relapse-warning-signs")
    assert "Whole session: about 80 minutes" in lesson.steps[0].facilitator and lesson.minutes != 80
    ((_, label),) = lesson_items([lesson])
    assert "(about 80 min, quiz of" in str(label)
