"""The course for one family's own data: profiles, lessons with a journal, progress and settings.

Home mode (``course.ui.home``) and the course in a browser tab (``course.ui.web``) are both this: they differ in
how the course is read and where files go, not in their screens. The welcome, settings and progress screens are
typed against ``FamilyApp`` (``course.ui.screen.FamilyScreen``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.screen import Screen

from course.config import Settings
from course.content.library import Courses
from course.i18n import DEFAULT_LANGUAGE
from course.services.profiles import Profiles
from course.ui.app import CourseApp
from course.ui.readers import ReaderPool
from course.ui.screens.welcome import WelcomeScreen

if TYPE_CHECKING:
    from course.content.model import Course
    from course.services import Store


class FamilyApp(CourseApp):
    """Profiles (``profiles``), one lesson reader kept for whoever is using the course, the welcome screen first."""

    def __init__(self, course: Course | Courses | None, store: Store, settings: Settings | None = None,
                 data_dir: Path | None = None, *, language: str = DEFAULT_LANGUAGE) -> None:
        super().__init__(course, store, settings, data_dir, language=language)
        self.profiles = Profiles(store)
        self.readers = ReaderPool(self)

    def get_default_screen(self) -> Screen[None]:
        """The welcome screen is the bottom of the stack, so no empty screen is drawn and styled first.

        Textual reads a pushed screen's CSS file, but not the default screen's: it is read here.
        """
        screen = WelcomeScreen()
        self.read_css(screen)
        return screen
