"""Leaving a screen once: a burst of keys can ask a screen to close twice before it has gone.

A key press and a button press (Escape and Enter on Close, say) can both be waiting for a screen when the first
closes it; the second would then close the screen under it, or find no screen left. Screens leave through these
functions, which act only while the screen is the one shown.
"""

from __future__ import annotations

from typing import Any

from textual.app import App, ScreenStackError
from textual.screen import Screen


def on_top(screen: Screen[Any]) -> bool:
    """True while ``screen`` is the top screen, the one that takes the keys."""
    try:
        return screen.app.screen is screen
    except ScreenStackError:
        return False


def dismiss(screen: Screen[Any], result: Any = None) -> None:
    """Close ``screen`` (a dialog) with ``result``, unless it has already been closed."""
    if on_top(screen):
        screen.dismiss(result)


def leave(screen: Screen[Any]) -> None:
    """Go back from ``screen`` to the one under it, unless ``screen`` is no longer shown."""
    if on_top(screen):
        screen.app.pop_screen()


def replace(screen: Screen[Any], new: Screen[Any]) -> None:
    """Show ``new`` in place of ``screen``, unless ``screen`` is no longer shown."""
    if on_top(screen):
        screen.app.switch_screen(new)


def push(screen: Screen[Any], new: Screen[Any], callback: Any = None) -> None:
    """Show ``new`` over ``screen`` (``callback`` gets its result), unless ``screen`` is no longer shown."""
    if on_top(screen):
        screen.app.push_screen(new, callback)


def back_to_first_screen(app: App[Any]) -> None:
    """Close every screen over the first one (at home, the list of profiles)."""
    while len(app.screen_stack) > 1:
        app.pop_screen()
