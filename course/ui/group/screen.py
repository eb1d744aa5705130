"""The typed base of group mode's screens: to the type checker, ``self.app`` is the group app (its desk and gate).

As in ``course.ui.screen``, nothing changes at run time, and the app is imported for the type checker only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import ScreenResultType

from course.ui.screen import CourseModal, CourseScreen

if TYPE_CHECKING:
    from textual import getters

    from course.ui.group.app import GroupApp


class GroupScreen(CourseScreen[ScreenResultType]):
    if TYPE_CHECKING:
        app = getters.app(GroupApp)


class GroupModal(CourseModal[ScreenResultType]):
    if TYPE_CHECKING:
        app = getters.app(GroupApp)
