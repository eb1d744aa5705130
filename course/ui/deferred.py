"""Work a screen puts off until after the next refresh, dropped if the screen has gone by then.

A key press can change the screen between asking for deferred work and its running (a burst of keys or a paste
does it easily): the work would then look for widgets that are no longer there. Every screen and widget of the
app defers work through ``after_refresh``, never through ``call_after_refresh`` directly (a test checks this).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.dom import DOMNode
from textual.screen import Screen


def still_shown(node: DOMNode) -> bool:
    """True while ``node`` is in the app and its screen is on the screen stack (shown, or under a dialog)."""
    if not node.is_attached:
        return False
    screen = node if isinstance(node, Screen) else next(
        (ancestor for ancestor in node.ancestors if isinstance(ancestor, Screen)), None)
    return screen is not None and screen in node.app.screen_stack


def after_refresh(node: DOMNode, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
    """Call ``callback(*args, **kwargs)`` after the next refresh, if ``node`` is still shown then."""

    def run() -> Any:
        if still_shown(node):
            return callback(*args, **kwargs)
        return None

    node.call_after_refresh(run)
