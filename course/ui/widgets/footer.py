"""The key bar at the bottom of a screen, rebuilt only when the keys it shows change.

Textual's Footer rebuilds all of its key widgets (and restyles them) every time the screen's bindings are
refreshed, which happens on every focus change: moving from an answer to a button, or a step to the next,
costs a rebuild of identical keys. Here the keys shown (and whether each is enabled) are compared first, and
the footer is rebuilt only if they differ, so it looks and behaves exactly like Textual's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Footer

if TYPE_CHECKING:
    from textual.screen import Screen

KeysShown = tuple[tuple[str, str, str, bool, str, object], ...]


def keys_shown(screen: Screen) -> KeysShown:
    """What the footer draws from ``screen.active_bindings``: each shown key, its text, and whether it is enabled."""
    return tuple((binding.key, binding.description, binding.action, enabled, tooltip, binding.group)
                 for _, binding, enabled, tooltip in screen.active_bindings.values() if binding.show)


class KeyFooter(Footer):
    """Textual's Footer, skipping the rebuild when a bindings refresh leaves the shown keys as they were."""

    def __init__(self) -> None:
        super().__init__()
        self._keys: KeysShown | None = None  # the keys of the last rebuild asked for

    def bindings_changed(self, screen: Screen) -> None:
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            keys = keys_shown(screen)
            if keys == self._keys:
                return
            self._keys = keys
        super().bindings_changed(screen)
