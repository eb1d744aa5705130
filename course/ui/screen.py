"""Typed bases for the app's screens: to the type checker, ``self.app`` is the course app.

Nothing changes at run time: Textual's own ``app`` property returns the running app, which is always a
``course.ui.app.CourseApp`` here. ``textual.getters.app`` is Textual's way to say so; it is used for the type
checker only, so that this module does not import the app (which imports screens) when the program runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import ModalScreen, Screen, ScreenResultType

if TYPE_CHECKING:
    from textual import getters

    from course.ui.app import CourseApp
    from course.ui.family import FamilyApp


class CourseScreen(Screen[ScreenResultType]):
    if TYPE_CHECKING:
        app = getters.app(CourseApp)


class CourseModal(ModalScreen[ScreenResultType]):
    if TYPE_CHECKING:
        app = getters.app(CourseApp)


class FamilyScreen(CourseScreen[ScreenResultType]):
    """A screen of a family's own course (home, or a browser tab): its app has the family's profiles."""

    if TYPE_CHECKING:
        app = getters.app(FamilyApp)
