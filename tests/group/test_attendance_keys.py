"""The attendance list's own key: Space marks the highlighted person present, and again not present."""

from __future__ import annotations

from course.content.model import Course
from course.group.roster import today
from course.store import Store
from course.ui.group.attendance_screen import AttendanceScreen
from tests.group.helpers import LESSON_ID, SIZE, group_app, group_with_people, screen_text


async def test_space_marks_the_highlighted_person_present_then_not(store: Store, course: Course) -> None:
    gid, (ana, ben) = group_with_people(store, "Ana", "Ben")
    sid = store.start_session(gid, LESSON_ID, today())
    app = group_app(course, store, lambda: AttendanceScreen(gid, sid))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "space")  # Ben
        await pilot.pause()
        assert store.sessions(gid)[0].present == (ben,)
        assert "1 of 2 present" in screen_text(app)
        await pilot.press("space")
        await pilot.pause()
        assert store.sessions(gid)[0].present == ()
        assert "0 of 2 present" in screen_text(app)
        assert ana not in store.sessions(gid)[0].present
