"""The kiosk's app: the shared screens for one guest at a time, locked down, with the staff exit."""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.console import Console
from textual import events
from textual.binding import Binding, BindingType
from textual.screen import Screen

from course.config import Settings
from course.content.library import Courses
from course.content.model import Course
from course.i18n import DEFAULT_LANGUAGE, N_, _
from course.services.kiosk import KioskCounters
from course.services.staff import KIOSK, StaffGate
from course.ui.app import CourseApp
from course.ui.kiosk.controller import SORRY, Kiosk
from course.ui.kiosk.keys import FINISH_KEY, STAFF_KEY, everywhere
from course.ui.kiosk.log import KioskLog

if TYPE_CHECKING:
    from course.services import Store


class KioskApp(CourseApp):
    """``kiosk`` runs the visits. ``error_text`` holds what Textual would print after an unexpected error (the
    kiosk's ``serve`` writes it to the kiosk log, never to the screen). ``sorry`` greets the next guest after one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(FINISH_KEY, "finish_visit", N_("Finish"), priority=True,
                tooltip=N_("finish. Everything you did here is cleared and the start screen comes back")),
        Binding(STAFF_KEY, "staff", show=False, priority=True),
    ]
    general_help = everywhere([*CourseApp.BINDINGS, *BINDINGS])
    quits_on_signals = False  # the kiosk handles signals itself (course.ui.kiosk.signals)

    def __init__(self, course: Course | Courses, store: Store, settings: Settings, data_dir: Path,
                 idle_timeout: float, *, clock: Callable[[], float] = time.monotonic, log: KioskLog | None = None,
                 sorry: bool = False, language: str = DEFAULT_LANGUAGE) -> None:
        super().__init__(course, store, settings, data_dir, language=language)
        self.kiosk = Kiosk(self, KioskCounters(store), StaffGate(store, KIOSK), data_dir, idle_timeout, clock=clock,
                           log=log)
        self.sorry = sorry
        self.error_text = io.StringIO()
        self.error_console = Console(file=self.error_text, markup=False, highlight=False, width=100)

    def on_mount(self) -> None:
        super().on_mount()
        self.push_screen(self.kiosk.first_screen())
        if self.sorry:
            self.notify(_(SORRY), title=_("Starting again"), timeout=8, markup=False)

    # -- lock-down ---------------------------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return super().check_action(action, parameters) is not False and self.kiosk.allows(action)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent) and not event.is_forwarded and self.kiosk.intercept(event):
            return
        await super().on_event(event)

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        """A guest never leaves the kiosk for a browser."""

    def screen_help(self, screen: Screen[Any]) -> str:
        """The kiosk keeps no journal: the lines about journal boxes are left out of the shared screens' help."""
        # Translators: the word for "journal" that the help's lines about journal boxes use; lines with it are left
        # out of the kiosk's help (the kiosk keeps no journal)
        words = {"journal", _("journal").casefold()}
        lines = super().screen_help(screen).split("\n")
        return "\n".join(line for line in lines if not any(word in line.casefold() for word in words))

    def action_finish_visit(self) -> None:
        self.kiosk.finish()

    def action_staff(self) -> None:
        self.kiosk.ask_staff_pin()
