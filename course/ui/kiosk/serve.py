"""Running the kiosk for months: signals handled, and the app started again if it ever stops by accident."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from course.config import Settings
from course.content.model import Course
from course.ui.kiosk import signals
from course.ui.kiosk.controller import Kiosk, closing_words
from course.ui.kiosk.log import KioskLog

FAST_FAILURE_SECONDS = 30.0  # an app run shorter than this that ends by accident counts as a fast failure
MAX_FAST_FAILURES = 5  # then give up (exit 1) and let the login loop start the program again
RESTART_PAUSE = 1.0


def build_app(course: Course, store, settings: Settings, data_dir: Path,
              idle_timeout: float, *, clock: Callable[[], float] = time.monotonic, log: KioskLog | None = None):
    """A ``CourseApp`` in kiosk mode with its ``Kiosk`` attached (``app.kiosk``)."""
    from course.ui.app import CourseApp

    kiosk = Kiosk(store, data_dir, idle_timeout, clock=clock, log=log)
    app = CourseApp(course, store, settings, data_dir, mode="kiosk", start=kiosk.first_screen)
    kiosk.attach(app)
    return app


def serve(course: Course, store, settings: Settings, data_dir: Path,
          idle_timeout: float) -> int:
    """Run the kiosk until staff close it (or SIGTERM/SIGHUP). Returns the exit code."""
    log = KioskLog(data_dir)
    previous = signals.ignore_interrupts()
    fast_failures = 0
    wrong = during_wait = 0  # staff PINs that did not open the kiosk, over every app run
    try:
        while True:
            started = time.monotonic()
            app = build_app(course, store, settings, data_dir, idle_timeout, log=log)
            try:
                app.run()
            except Exception as error:  # Textual itself failed; a new app starts below
                log.write("The kiosk app stopped with an error.", error)
            kiosk = app.kiosk
            if kiosk is not None:
                wrong, during_wait = wrong + kiosk.wrong_staff_pins, during_wait + kiosk.pins_during_wait
            if kiosk is not None and kiosk.ended_by is not None:
                if kiosk.ended_by == "staff":
                    print(closing_words(wrong, during_wait))
                return 0
            log.write("The kiosk app stopped by accident; starting it again.")
            fast = time.monotonic() - started < FAST_FAILURE_SECONDS
            fast_failures = fast_failures + 1 if fast else 0
            if fast_failures >= MAX_FAST_FAILURES:
                print(f"family-course: the kiosk kept stopping; see {log.path}", file=sys.stderr)
                return 1
            time.sleep(RESTART_PAUSE)
    finally:
        signals.restore(previous)
