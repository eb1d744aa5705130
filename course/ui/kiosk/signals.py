"""Signals in kiosk mode: interrupt, quit and stop are ignored; terminate and hang-up end it cleanly.

Textual runs the terminal in raw mode, so Ctrl+C, Ctrl+\\ and Ctrl+Z arrive as keys, not signals; these
handlers are for signals sent from outside (``kill``), and for the moments before and between app runs.

Only the signals the platform has are used. Windows has no SIGQUIT, SIGTSTP or SIGHUP (it has SIGBREAK, sent by
Ctrl+Break, which is ignored like SIGQUIT), and its event loops cannot handle signals at all, so there nothing
ends the kiosk but the staff PIN. The kiosk is meant for Linux; this only keeps it from failing elsewhere.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable
from typing import Any


def available(*names: str) -> tuple[signal.Signals, ...]:
    """The signals named that this platform has, in that order."""
    return tuple(getattr(signal, name) for name in names if hasattr(signal, name))


IGNORED = available("SIGINT", "SIGQUIT", "SIGTSTP", "SIGBREAK")
ENDING = available("SIGTERM", "SIGHUP")


def ignore_interrupts() -> dict[int, Any]:
    """Ignore SIGINT, SIGQUIT and SIGTSTP (SIGBREAK on Windows); return the previous handlers for ``restore``.

    Call it again after Textual's driver starts: the driver installs its own SIGTSTP handler.
    """
    return {sig: signal.signal(sig, signal.SIG_IGN) for sig in IGNORED}


def restore(previous: dict[int, Any]) -> None:
    for sig, handler in previous.items():
        signal.signal(sig, handler)


def end_on_terminate(loop: asyncio.AbstractEventLoop, end: Callable[[str], None]) -> bool:
    """Call ``end(name)`` on SIGTERM or SIGHUP, from the event loop (so the app can exit and restore the
    terminal). False where the event loop cannot handle signals (Windows). The handlers go with the loop:
    closing it (each app run has its own) removes them."""
    for sig in ENDING:
        try:
            loop.add_signal_handler(sig, end, signal.Signals(sig).name)
        except NotImplementedError:
            return False
    return True

