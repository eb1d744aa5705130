"""The kiosk itself: one guest visit at a time, the idle reset, the lock-down rules and the staff exit.

``KioskApp`` (course.ui.kiosk.app) makes one ``Kiosk`` and asks it about every input and every app action; the
screens in ``course.ui.kiosk.screens`` call the methods below (see ``Visits``). Nothing a guest does is written
anywhere: the guest lives in memory, and only the anonymous counters reach the store. An unexpected error ends the
app, and ``course.ui.kiosk.serve`` starts a fresh one.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events

from course.i18n import N_, _, current_language, next_language, ngettext
from course.pin_wait import Refusal
from course.services import StoreError
from course.services.kiosk import KioskCounters
from course.services.staff import Outcome, StaffGate
from course.ui.kiosk import signals
from course.ui.kiosk.counting import CountingGuest
from course.ui.kiosk.idle import Idle, IdleWatcher
from course.ui.kiosk.keys import ALLOWED_APP_ACTIONS, SWALLOWED_KEYS
from course.ui.kiosk.log import KioskLog
from course.ui.kiosk.screens import AttractScreen, KioskMapScreen, StaffPinScreen, StillThereScreen
from course.ui.screens.too_small import TooSmallScreen

if TYPE_CHECKING:
    from course.ui.app import CourseApp

TICK_SECONDS = 0.5


SORRY = N_("Sorry, something went wrong, so the kiosk started again. Nothing was kept.")


def closing_words(wrong: int, during_wait: int) -> str:
    """What the kiosk prints when staff close it: every staff PIN that did not open it while it ran."""
    if not during_wait:
        return _("Kiosk closed by staff. Wrong staff PINs while it ran: {count}.").format(count=wrong)
    return ngettext(
        "Kiosk closed by staff. Wrong staff PINs while it ran: {count} ({waited} of them typed during a wait after "
        "wrong PINs, so not checked).",
        "Kiosk closed by staff. Wrong staff PINs while it ran: {count} ({waited} of them typed during a wait after "
        "wrong PINs, so not checked).", during_wait).format(count=wrong + during_wait, waited=during_wait)


class Kiosk:
    def __init__(self, app: CourseApp, counters: KioskCounters, staff: StaffGate, data_dir: Path,
                 idle_timeout: float, *, clock: Callable[[], float] = time.monotonic,
                 log: KioskLog | None = None) -> None:
        self.app = app
        self.counters = counters
        self.staff = staff  # the staff PIN as typed at the kiosk
        self.log = log or KioskLog(data_dir)
        self.clock = clock
        self.watcher = IdleWatcher(idle_timeout, clock)
        self.guest: CountingGuest | None = None
        self.attract: AttractScreen | None = None
        self.prompt: StillThereScreen | None = None
        self.ended_by: str | None = None  # "staff", "SIGTERM", "SIGHUP" or "hangup" once the kiosk has closed
        self.wrong_staff_pins = 0  # checked and wrong
        self.pins_during_wait = 0  # typed while wrong PINs made staff wait, so not checked
        self.counts_unsaved = False  # the counters could not be saved: the start screen has a note for staff
        self.tip_index = 0
        self.terminal_here: Callable[[], bool] = self._terminal_here

    @property
    def problem(self) -> str:
        """A calm note for staff on the start screen (counters not being saved), in the language shown, or ""."""
        if not self.counts_unsaved:
            return ""
        return _("Note for staff: visit counts are not being saved. Details are in {log} in the data folder.").format(
            log=self.log.path.name)

    def _terminal_here(self) -> bool:
        """Is the kiosk's terminal still there? (A hung-up terminal is no longer a terminal.)"""
        if self.app.is_headless:
            return True
        try:
            return os.isatty(sys.__stdin__.fileno()) if sys.__stdin__ is not None else True
        except (OSError, ValueError):
            return False

    # -- wiring ----------------------------------------------------------------------------------------------------
    def first_screen(self) -> AttractScreen:
        """The start screen, once the app is mounted (so Textual's driver exists)."""
        app = self.app
        if not app.is_headless:
            signals.ignore_interrupts()  # again: the driver has just installed its own SIGTSTP handler
            signals.end_on_terminate(asyncio.get_running_loop(), self.end_by_signal)
        app.set_interval(TICK_SECONDS, self.tick, name="kiosk idle watcher")
        self.attract = AttractScreen(self)
        return self.attract

    # -- lock-down -------------------------------------------------------------------------------------------------
    def allows(self, action: str) -> bool:
        """May the app run this app-level action? Quit, suspend, palette and the rest are refused."""
        if action == "finish_visit":
            return self.guest is not None
        return action in ALLOWED_APP_ACTIONS

    def intercept(self, event: events.Event) -> bool:
        """See every input before the app does. True means the event is dropped."""
        if not isinstance(event, events.Key | events.MouseEvent | events.Paste):
            return False
        self.watcher.touch()
        if isinstance(event, events.Key) and event.key in SWALLOWED_KEYS:
            return True
        if self.prompt is not None and isinstance(event, events.Key | events.MouseDown):
            self.close_prompt()
            return True
        return False

    # -- a visit ---------------------------------------------------------------------------------------------------
    def start_visit(self) -> None:
        if self.guest is not None:
            return
        self.guest = CountingGuest(self.count)
        self.app.learner = self.guest
        self.count("sessions")
        self.watcher.touch()
        self.app.push_screen(KioskMapScreen(self))

    def finish(self) -> None:
        """The guest pressed Finish: wipe the visit now."""
        self.end_visit()

    def forget_guest(self) -> None:
        """Wipe what the guest did (it was only ever in memory)."""
        guest, self.guest = self.guest, None
        self.app.learner = None
        if guest is not None:
            guest.wipe()

    def end_visit(self) -> None:
        """Forget the guest and show the start screen, in the kiosk's own language."""
        self.forget_guest()
        self.prompt = None
        self._back_to_start()
        self.watcher.touch()

    def switch_language(self) -> None:
        """The start screen's language key: the kiosk in the other language, until the visit ends (or, with no
        visit, until the start screen has been left alone for the idle timeout). Only from the start screen: a
        key on its way as a dialog or a visit opens over it changes nothing."""
        if self.guest is not None or self.app.screen is not self.attract:
            return
        self._show_start(next_language(current_language()))
        self.watcher.touch()

    def _back_to_start(self) -> None:
        self._show_start(self.app.default_language)

    def _show_start(self, language: str) -> None:
        """Show the start screen in ``language``, over nothing but the app's own default screen."""
        app = self.app
        if current_language() != language:
            app.set_language(language)
            self.attract = None  # made again in that language
        while len(app.screen_stack) > 1 and app.screen is not self.attract:
            app.pop_screen()
        if app.screen is not self.attract:
            self.attract = AttractScreen(self)
            if len(app.screen_stack) > 1:
                app.switch_screen(self.attract)
            else:
                app.push_screen(self.attract)
        app.check_size()

    def count(self, event: str) -> None:
        """Add one to an anonymous counter. A store problem is logged and noted for staff; the visit goes on."""
        try:
            self.counters.count(event)
        except StoreError as error:
            self.log.write(f"Could not save the waiting-room counter {event!r}: {error}")
            self.counts_unsaved = True

    # -- idle ------------------------------------------------------------------------------------------------------
    @property
    def in_use(self) -> bool:
        """Is there anything to time out: a visit, or any screen over the start screen?"""
        app = self.app
        if self.guest is not None:
            return True
        stack = app.screen_stack
        if self.attract not in stack:
            return False
        above = stack[stack.index(self.attract) + 1:]
        return any(not isinstance(screen, TooSmallScreen) for screen in above)

    def tick(self) -> None:
        if not self.terminal_here():
            # The terminal has gone (its session ended, the window closed) and nobody can use or close the kiosk:
            # end cleanly rather than wait on a dead terminal for ever. No signal may have said so.
            self.log.write("The kiosk's terminal went away; the kiosk closed.")
            self.close("hangup")
            return
        if not self.in_use:
            if current_language() == self.app.default_language:
                self.watcher.touch()
            elif self.watcher.state()[0] is not Idle.ACTIVE:
                self.end_visit()  # the start screen in another language, left alone: back to the kiosk's own
            return
        state, left = self.watcher.state()
        if state is Idle.ACTIVE:
            if self.prompt is not None:
                self.close_prompt()
        elif state is Idle.ASKING:
            self._ask(left)
        else:
            self.end_visit()

    def _ask(self, left: float) -> None:
        if self.prompt is None:
            self.prompt = StillThereScreen(left, self)
            self.app.push_screen(self.prompt)
        else:
            self.prompt.show_left(left)

    def close_prompt(self) -> None:
        prompt, self.prompt = self.prompt, None
        if prompt is not None and self.app.screen is prompt:
            self.app.pop_screen()

    # -- staff -----------------------------------------------------------------------------------------------------
    def ask_staff_pin(self) -> None:
        app = self.app
        if isinstance(app.screen, StaffPinScreen):
            return
        app.push_screen(StaffPinScreen(self.check_staff_pin), self._staff_answered)

    def check_staff_pin(self, pin: str) -> Refusal | None:
        """None when ``pin`` is the staff PIN, else what to tell the person at the keyboard (and any wait)."""
        check = self.staff.check(pin)
        match check.outcome:
            case Outcome.LOCKED:
                self.pins_during_wait += 1
                self.log.write("Staff PIN typed while wrong PINs made it wait (not checked).")
            case Outcome.FAILED:
                self.log.write(f"Could not check the staff PIN: {check.problem}")
            case Outcome.WRONG:
                self.wrong_staff_pins += 1
                self.log.write(f"Wrong staff PIN ({check.failures} in a row).")
        return check.refusal(_("That PIN is not right."))

    def _staff_answered(self, right: bool | None) -> None:
        if right:
            self.close("staff")

    def end_by_signal(self, name: str) -> None:
        self.close(name)

    def close(self, reason: str) -> None:
        """Close the kiosk on purpose: wipe the visit and exit the app (the terminal is restored)."""
        self.ended_by = reason
        self.forget_guest()
        self.app.exit(0)
