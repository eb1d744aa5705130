"""The first screen of group mode: the staff PIN gate, then the groups or the facilitator notes."""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen


def group_start(*, notes: bool = False) -> Callable[[], Screen]:
    def start() -> Screen:
        from course.ui.group.access import StaffPinScreen

        if notes:
            from course.ui.group.notes_screen import NotesScreen

            return StaffPinScreen("Family Course: facilitator notes", NotesScreen)
        from course.ui.group.groups_screen import GroupsScreen

        return StaffPinScreen("Family Course: group mode", GroupsScreen)

    return start
