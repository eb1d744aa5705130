"""Running the kiosk for months: signals handled, and the app started again if it ever stops by accident."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from course.config import Settings
from course.content.library import Courses
from course.content.model import Course
from course.i18n import DEFAULT_LANGUAGE, _, use_language
from course.ui.collection import app_lifetime
from course.ui.kiosk import signals
from course.ui.kiosk.app import KioskApp
from course.ui.kiosk.controller import closing_words
from course.ui.kiosk.log import KioskLog

if TYPE_CHECKING:
    from course.services import Store

FAST_FAILURE_SECONDS = 30.0  # an app run shorter than this that ends by accident counts as a fast failure
MAX_FAST_FAILURES = 5  # then give up (exit 1) and let the login loop start the program again
RESTART_PAUSE = 1.0


def build_app(course: Course | Courses, store: Store, settings: Settings, data_dir: Path, idle_timeout: float, *,
              clock: Callable[[], float] = time.monotonic, log: KioskLog | None = None,
              sorry: bool = False, language: str = DEFAULT_LANGUAGE) -> KioskApp:
    """The kiosk's app (``sorry``: it greets the next guest with an apology, after an unexpected error)."""
    return KioskApp(course, store, settings, data_dir, idle_timeout, clock=clock, log=log, sorry=sorry,
                    language=language)


def serve(course: Course | Courses, store: Store, settings: Settings, data_dir: Path, idle_timeout: float, *,
          build: Callable[..., KioskApp] = build_app, language: str = DEFAULT_LANGUAGE) -> int:
    """Run the kiosk until staff close it (or SIGTERM/SIGHUP). Returns the exit code.

    An unexpected error ends the app (Textual's own way); a fresh one starts at once, on the start screen, with
    a short apology. What Textual would have printed about the error goes to the kiosk log.
    """
    log = KioskLog(data_dir)
    previous = signals.ignore_interrupts()
    fast_failures = 0
    wrong = during_wait = 0  # staff PINs that did not open the kiosk, over every app run
    sorry = False
    try:
        while True:
            started = time.monotonic()
            app = build(course, store, settings, data_dir, idle_timeout, log=log, sorry=sorry, language=language)
            with app_lifetime():
                try:
                    app.run()
                except Exception as error:  # Textual itself failed; a new app starts below
                    log.write("The kiosk app stopped with an error.", error)
            kiosk = app.kiosk
            kiosk.forget_guest()  # the app has ended, perhaps in the middle of a visit
            use_language(language)  # what is said now is for staff: in the kiosk's own language, not a guest's
            wrong, during_wait = wrong + kiosk.wrong_staff_pins, during_wait + kiosk.pins_during_wait
            if kiosk.ended_by is not None:
                if kiosk.ended_by == "staff":
                    print(closing_words(wrong, during_wait))
                return 0
            report = app.error_text.getvalue().strip()
            log.write("Unexpected error; the kiosk started again." + (f"\n{report}" if report else ""))
            sorry = True
            fast = time.monotonic() - started < FAST_FAILURE_SECONDS
            fast_failures = fast_failures + 1 if fast else 0
            if fast_failures >= MAX_FAST_FAILURES:
                print("family-course: " + _("the kiosk kept stopping; see {log}").format(log=log.path), file=sys.stderr)
                return 1
            if fast_failures > 1:
                time.sleep(RESTART_PAUSE)  # a second fast failure: do not spin
    finally:
        signals.restore(previous)
