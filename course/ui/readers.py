"""Where lesson readers come from: a new one for each lesson, or (at home) one kept reader, made ahead of time.

Textual lays a new screen out three times before it draws it, which made opening a lesson take twice as long
(docs/performance.md). At home one reader is kept for the person using the app, made while the course map is read
and refilled for each lesson. The kiosk keeps nothing from one visitor to the next, and group mode shows lessons
on its own screens, so they take a new reader each time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from course.i18n import current_language

if TYPE_CHECKING:
    from course.content.model import Lesson
    from course.ui.app import CourseApp
    from course.ui.screens.reader import ReaderScreen

KEPT_READER = "kept lesson reader"


class Readers(Protocol):
    def reader_for(self, lesson: Lesson) -> ReaderScreen:
        """The lesson reader, to be pushed, showing ``lesson``."""
        ...

    def make_ahead(self, lesson: Lesson) -> None:
        """Make a reader now, while nothing else happens, if readers are kept."""
        ...

    def forget(self) -> None:
        """Let any kept reader go: it holds the last person's journal text."""
        ...

    def kept(self) -> list[ReaderScreen]:
        """The kept reader, if any (its typed work is saved before quitting even when it is not shown)."""
        ...


class NewReaders:
    """A new reader for every lesson; nothing kept."""

    def reader_for(self, lesson: Lesson) -> ReaderScreen:
        from course.ui.screens.reader import ReaderScreen  # here: the first screen does not need it (start-up)

        return ReaderScreen(lesson)

    def make_ahead(self, lesson: Lesson) -> None:
        return None

    def forget(self) -> None:
        return None

    def kept(self) -> list[ReaderScreen]:
        return []


class ReaderPool:
    """One reader kept for the person using the app (``app.learner``), installed in ``app`` while kept.

    The reader's words (its buttons, key bar, step titles) are in the language it was made in: it is kept for
    one person and one language, and a new one is made when either changes.
    """

    def __init__(self, app: CourseApp) -> None:
        self.app = app
        # the kept reader, whose it is and its language
        self._reader: tuple[object, str, ReaderScreen] | None = None

    def reader_for(self, lesson: Lesson) -> ReaderScreen:
        kept = self._current()
        if kept is not None:
            kept.open(lesson)
            return kept
        from course.ui.screens.reader import ReaderScreen  # here, as above

        reader = ReaderScreen(lesson)
        if self._reader is None:  # else an old one is still shown (under a dialog): this one is not kept
            self._keep(reader)
        return reader

    def make_ahead(self, lesson: Lesson) -> None:
        """Make the kept reader while the course map is read, so that no lesson opens on a new screen.

        It is pushed and popped at once (both before the next frame, so it is never drawn): being pushed is what
        makes Textual build and lay out a screen. It shows nothing until a lesson is opened in it.
        """
        if self._current() is not None or self._reader is not None or self.app.learner is None:
            return
        from course.ui.screens.reader import ReaderScreen  # here, as above

        reader = ReaderScreen(lesson, ahead=True)
        self._keep(reader)
        self.app.push_screen(reader)
        self.app.pop_screen()

    def forget(self) -> None:
        if self._reader is None:
            return
        reader = self._reader[2]
        if reader in self.app.screen_stack:
            return
        self._reader = None
        self.app.uninstall_screen(reader)
        reader.remove()

    def kept(self) -> list[ReaderScreen]:
        return [self._reader[2]] if self._reader is not None else []

    def _keep(self, reader: ReaderScreen) -> None:
        if self.app.learner is not None:
            self._reader = (self.app.learner, current_language(), reader)
            self.app.install_screen(reader, KEPT_READER)

    def _current(self) -> ReaderScreen | None:
        """The kept reader, if it is for the person and the language of now; one kept for another is let go
        (unless it is still shown, when None is returned and it is let go later)."""
        if self._reader is None:
            return None
        learner, language, reader = self._reader
        if learner is self.app.learner and language == current_language():
            return reader
        self.forget()
        return None
