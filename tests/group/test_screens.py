"""Pilot tests for group mode: the staff PIN, the roster, a session, the hand-count quiz, attendance."""

from __future__ import annotations

from textual.widgets import Input, OptionList, Static

from course.content.model import Course
from course.group.roster import DISPLAY_NAME_KEY, today
from course.group.shown import Shown
from course.group.tally import BAR
from course.store import Store
from course.ui.group.access import StaffPinScreen
from course.ui.group.attendance_screen import AttendanceScreen
from course.ui.group.groups_screen import GroupsScreen
from course.ui.group.presenter_screen import PresenterScreen
from course.ui.group.projector import BlankScreen
from course.ui.group.quiz_screen import GroupQuizScreen
from course.ui.group.roster_screen import RosterScreen
from course.ui.widgets.prose import Prose
from tests.group.helpers import LESSON_ID, SIZE, group_app, group_with_people, screen_text


async def type_pin(pilot, box: str, pin: str) -> None:
    pilot.app.screen.query_one(f"#{box}", Input).value = pin
    await pilot.press("enter")
    await pilot.pause()


async def test_first_start_sets_the_staff_pin_then_asks_for_it(store: Store, course: Course) -> None:
    app = group_app(course, store)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, StaffPinScreen) and app.screen.choosing
        await type_pin(pilot, "pin", "12")
        await type_pin(pilot, "pin2", "12")
        assert "6 to 12 digits" in str(app.screen.query_one("#access-error", Static).render())
        await type_pin(pilot, "pin", "246813")
        await type_pin(pilot, "pin2", "135799")
        assert "not the same" in str(app.screen.query_one("#access-error", Static).render())
        assert not store.has_staff_pin()
        await type_pin(pilot, "pin", "246813")
        await type_pin(pilot, "pin2", "246813")
        assert isinstance(app.screen, GroupsScreen)
    assert store.check_staff_pin("246813")

    app = group_app(course, store)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, StaffPinScreen) and not app.screen.choosing
        assert not app.screen.query_one("#pin2", Input).display
        await type_pin(pilot, "pin", "111111")
        assert isinstance(app.screen, StaffPinScreen)
        assert "not the staff PIN" in str(app.screen.query_one("#access-error", Static).render())
        await type_pin(pilot, "pin", "246813")
        assert isinstance(app.screen, GroupsScreen)


async def test_notes_mode_also_needs_the_staff_pin(store: Store, course: Course) -> None:
    store.set_staff_pin("246813")
    app = group_app(course, store, notes=True)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, StaffPinScreen)
        await type_pin(pilot, "pin", "246813")
        assert type(app.screen).__name__ == "NotesScreen"


async def test_roster_new_group_new_and_existing_people_and_removal(store: Store, course: Course) -> None:
    existing = store.create_profile("Maria Elena Gonzalez")
    app = group_app(course, store, GroupsScreen)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#name", Input).value = "Tuesday evening family group"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RosterScreen)
        gid = store.groups()[0].id
        assert store.groups()[0].name == "Tuesday evening family group"

        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#name", Input).value = "   "
        await pilot.press("enter")
        await pilot.pause()
        assert "Please type the name" in str(app.screen.query_one("#name-error", Static).render())
        app.screen.query_one("#name", Input).value = "Ana"
        await pilot.press("enter")
        await pilot.pause()

        await pilot.press("e")
        await pilot.pause()
        assert "Maria Elena Gonzalez" in screen_text(app)  # the picker shows profile names, with a warning
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#name", Input).value == "Maria"  # a first name is suggested
        app.screen.query_one("#name", Input).value = "Mari"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RosterScreen)
        group = store.group(gid)
        assert len(group.member_ids) == 2 and existing in group.member_ids
        assert store.profile(existing).name == "Maria Elena Gonzalez"  # the profile keeps its own name
        assert store.preferences(existing)[DISPLAY_NAME_KEY] == "Mari"
        shown = screen_text(app)
        assert "Ana" in shown and "Mari" in shown and "Gonzalez" not in shown

        people = app.screen.query_one("#people", OptionList)
        people.focus()
        people.highlighted = 0
        await pilot.press("delete")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert store.group(gid).member_ids == (existing,)
        assert len(store.profiles()) == 2  # taken off the roster, not deleted


async def test_session_attendance_presenting_and_blank_screen(store: Store, course: Course) -> None:
    gid, (ana, ben) = group_with_people(store, "Ana", "Ben")
    app = group_app(course, store, lambda: RosterScreen(gid))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")  # the first lesson
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        (session,) = store.sessions(gid)
        assert (session.date, session.lesson_id, session.present) == (today(), LESSON_ID, ())
        await pilot.press("enter")  # Ana present
        await pilot.pause()
        assert store.sessions(gid)[0].present == (ana,)
        assert "1 of 2 present" in screen_text(app)

        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PresenterScreen)
        assert Shown.from_state(store.presenter()).step == 0
        await pilot.press("right")
        await pilot.pause()
        shown = Shown.from_state(store.presenter())
        assert (shown.session_id, shown.step, shown.blank) == (session.id, 1, False)
        assert str(app.screen.query_one("#p-title", Static).render()) == "The second step"
        assert "Talk about it:** What would you like to try?" in app.screen.query_one("#p-body", Prose).source
        text = screen_text(app)
        assert "noticed" not in text  # the facilitator note stays off the projector
        assert "Ana" not in text and "Ben" not in text

        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BlankScreen)
        assert Shown.from_state(store.presenter()).blank
        assert screen_text(app).strip() == ""
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, PresenterScreen) and not Shown.from_state(store.presenter()).blank

        await pilot.press("left")
        await pilot.pause()
        assert Shown.from_state(store.presenter()).step == 0
        await pilot.press("right", "escape")  # a latecomer: back to attendance, then on again
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        await pilot.press("down", "enter", "p")
        await pilot.pause()
        assert set(store.sessions(gid)[0].present) == {ana, ben}
        assert Shown.from_state(store.presenter()).step == 1  # the lesson kept its place


async def _to_quiz(pilot, store: Store, gid: str) -> str:
    session = store.sessions(gid)[0]
    await pilot.press("p")
    await pilot.pause()
    await pilot.press("right", "right", "right")  # three steps, then the quiz
    await pilot.pause()
    assert isinstance(pilot.app.screen, GroupQuizScreen)
    return session.id


async def test_reveal_and_tally_then_finishing_marks_the_lesson_done_for_those_present(
        store: Store, course: Course) -> None:
    gid, (ana, ben, cy) = group_with_people(store, "Ana", "Ben", "Cy")
    sid = store.start_session(gid, LESSON_ID, today())
    store.set_present(sid, ana, True)
    store.set_present(sid, cy, True)
    app = group_app(course, store, lambda: AttendanceScreen(gid, sid))
    async with app.run_test(size=SIZE) as pilot:
        await _to_quiz(pilot, store, gid)
        screen = app.screen
        assert not screen.query_one("#gq-options").display
        assert Shown.from_state(store.presenter()).stage == "question"
        assert "Nothing." not in screen_text(app)

        await pilot.press("enter")  # reveal the options
        await pilot.pause()
        assert screen.query_one("#gq-options").display and "Nothing." in screen_text(app)
        assert "\u2713" not in screen_text(app)  # the right answer is not marked yet

        await pilot.press("enter")  # count hands
        await pilot.pause()
        assert Shown.from_state(store.presenter()).stage == "tally"
        await pilot.press("x", "2", "enter")  # letters are refused
        await pilot.press("5", "enter")
        await pilot.pause()
        assert Shown.from_state(store.presenter()).stage == "tally"  # 7 hands, 2 present: checked first
        assert str(screen.query_one("#gq-error", Static).render()) == (
            "7 hands for a choose-one question, but 2 people are marked present. Check the counts, or press Enter "
            "again to keep them.")
        assert store.sessions(gid)[0].tallies == {}
        await pilot.press("enter")  # the counselor keeps them
        await pilot.pause()
        assert store.sessions(gid)[0].tallies == {"first": {"a": 2, "b": 5}}
        assert Shown.from_state(store.presenter()).stage == "answer"
        assert "Right answer: B    Show of hands: 7 in all" in str(screen.query_one("#gq-summary", Static).render())
        rows = [(str(row.query_one(".gq-letter", Static).render()), str(row.query_one(".gq-bar", Static).render()))
                for row in screen.query(".gq-row")]
        assert rows == [("A", f"{BAR * 4} 2"), ("B \u2713", f"{BAR * 10} 5")]
        assert "Specific praise rewards the change." in screen.query_one("#gq-answer", Prose).source

        await pilot.press("enter", "enter", "enter")  # next question: options, counts
        await pilot.pause()
        await pilot.press("escape")  # skip the count
        await pilot.pause()
        assert Shown.from_state(store.presenter()).stage == "answer"
        assert set(store.sessions(gid)[0].tallies) == {"first"}
        assert "hands were not counted" in str(screen.query_one("#gq-summary", Static).render())

        await pilot.press("enter")  # after the last question: finish?
        await pilot.pause()
        assert "2 people marked present" in screen_text(app)
        await pilot.click("#yes")
        await pilot.pause()
        assert isinstance(app.screen, PresenterScreen)
        assert Shown.from_state(store.presenter()).phase == "done"
        assert "Thank you for coming" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, AttendanceScreen)  # back past attendance to the group
    session = store.sessions(gid)[0]
    assert session.finished
    assert store.lesson_state(ana, LESSON_ID).status == "done"
    assert store.lesson_state(cy, LESSON_ID).status == "done"
    assert store.lesson_state(ben, LESSON_ID).status == "not_started"


async def test_today_session_is_reopened_not_duplicated(store: Store, course: Course) -> None:
    gid, _ = group_with_people(store, "Ana")
    sid = store.start_session(gid, LESSON_ID, today())
    app = group_app(course, store, lambda: RosterScreen(gid))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen) and app.screen.session_id == sid
    assert len(store.sessions(gid)) == 1
