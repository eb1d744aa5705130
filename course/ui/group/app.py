"""Group mode: a counselor runs the course for a family group, the lesson on a projector."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from course.config import Settings
from course.content.library import Courses
from course.content.model import Course
from course.i18n import DEFAULT_LANGUAGE, _
from course.services.group_desk import GroupDesk
from course.services.staff import GROUP, StaffGate
from course.ui.app import CourseApp
from course.ui.group.access import StaffPinScreen
from course.ui.group.groups_screen import GroupsScreen
from course.ui.group.notes_screen import NotesScreen

if TYPE_CHECKING:
    from course.services import Store
    from course.ui.group.phones import Phones


class GroupApp(CourseApp):
    """The staff PIN first, then the groups (or, with ``notes``, the facilitator notes that follow them).

    ``first`` replaces that first screen (tests start on the screen they look at). With ``join_port``, the room
    can answer the group quiz on its phones (``course.ui.group.phones``): the phone page listens on that port while
    the group quiz is on the projector.
    """

    def __init__(self, course: Course | Courses, store: Store, settings: Settings | None = None,
                 data_dir: Path | None = None, *, notes: bool = False,
                 first: Callable[[], Screen[Any]] | None = None, join_port: int | None = None,
                 language: str = DEFAULT_LANGUAGE) -> None:
        super().__init__(course, store, settings, data_dir, language=language)
        self.desk = GroupDesk(store)
        self.staff = StaffGate(store, GROUP)  # the staff PIN as typed in group mode
        self.notes = notes
        self.first = first
        self.phones: Phones | None = None
        if join_port is not None:
            from course.ui.group.phones import Phones  # aiohttp and segno only for those who use them

            self.phones = Phones(join_port)

    def on_mount(self) -> None:
        super().on_mount()
        self.push_screen(self.first() if self.first is not None else self.first_screen())

    def first_screen(self) -> Screen[Any]:
        if self.notes:
            return StaffPinScreen(_("Family Course: facilitator notes"), NotesScreen)
        return StaffPinScreen(_("Family Course: group mode"), GroupsScreen)
