"""Python's garbage collector around one run of an app: frozen before it, paused while it starts, restored after.

What exists before the app is made (Python's, Textual's and the course's modules, the loaded lessons) lives as
long as the program: ``gc.freeze()`` moves it out of the collector's sight, so that no full collection walks it
again (one took over 0.1 s, landing on a key press). Collection is paused while the first screen is built, since
what is made then lives as long as the app, and ``CourseApp`` turns it back on after the first frame. On the way
out everything is unfrozen and the collector restored, so that a finished app can be freed: the kiosk starts a
new app in the same process after an unexpected error, and each one must go.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def app_lifetime() -> Iterator[None]:
    threshold = gc.get_threshold()
    was_enabled = gc.isenabled()
    gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)
        if was_enabled:
            gc.enable()
