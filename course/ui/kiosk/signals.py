"""Signals in kiosk mode: interrupt, quit and stop are ignored; terminate and hang-up end it cleanly.

Textual runs the terminal in raw mode, so Ctrl+C, Ctrl+\\ and Ctrl+Z arrive as keys, not signals; these
handlers are for signals sent from outside (``kill``), and for the moments before and between app runs.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable
from typing import Any

IGNORED = (signal.SIGINT, signal.SIGQUIT, signal.SIGTSTP)
ENDING = (signal.SIGTERM, signal.SIGHUP)


def ignore_interrupts() -> dict[int, Any]:
    """Ignore SIGINT, SIGQUIT and SIGTSTP; return the previous handlers for ``restore``.

    Call it again after Textual's driver starts: the driver installs its own SIGTSTP handler.
    """
    return {sig: signal.signal(sig, signal.SIG_IGN) for sig in IGNORED}


def restore(previous: dict[int, Any]) -> None:
    for sig, handler in previous.items():
        signal.signal(sig, handler)


def end_on_terminate(loop: asyncio.AbstractEventLoop, end: Callable[[str], None]) -> None:
    """Call ``end(name)`` on SIGTERM or SIGHUP, from the event loop (so the app can exit and restore the
    terminal)."""
    for sig in ENDING:
        loop.add_signal_handler(sig, end, signal.Signals(sig).name)


def stop_ending(loop: asyncio.AbstractEventLoop) -> None:
    for sig in ENDING:
        loop.remove_signal_handler(sig)
