"""The key bar at the bottom of a screen, rebuilt only when the keys it shows change.

Textual's Footer rebuilds all of its key widgets (and restyles them) every time the screen's bindings are
refreshed, which happens on every focus change: moving from an answer to a button, or a step to the next,
costs a rebuild of identical keys. Here the keys shown (and whether each is enabled) are compared first, and
the footer is rebuilt only if they differ, so it looks and behaves exactly like Textual's.

Its keys also start in the footer's own (non-compact) style. Textual's FooterKey starts compact and is then
switched back by the footer, so each key was styled three times before it was first drawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.reactive import reactive
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.screen import Screen

KeysShown = tuple[tuple[str, str, str, bool, str, object], ...]


def keys_shown(screen: Screen) -> KeysShown:
    """What the footer draws from ``screen.active_bindings``: each shown key, its text, and whether it is enabled."""
    return tuple((binding.key, binding.description, binding.action, enabled, tooltip, binding.group)
                 for _, binding, enabled, tooltip in screen.active_bindings.values() if binding.show)


class Key(FooterKey):
    """One key in the footer, created in the footer's (non-compact) style."""

    compact = reactive(False)


class KeyFooter(Footer):
    """Textual's Footer, skipping the rebuild when a bindings refresh leaves the shown keys as they were."""

    def __init__(self) -> None:
        super().__init__(show_command_palette=False)
        self._keys: KeysShown | None = None  # the keys of the last rebuild asked for

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        first_per_action: dict[str, tuple[str, str, str, bool, str]] = {}
        for _, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in first_per_action:
                first_per_action[binding.action] = (binding.key, self.app.get_key_display(binding),
                                                    binding.description, enabled, tooltip)
        self.styles.grid_size_columns = len(first_per_action)
        for action, (key, display, description, enabled, tooltip) in first_per_action.items():
            yield Key(key, display, description, action, disabled=not enabled, tooltip=tooltip)

    def bindings_changed(self, screen: Screen) -> None:
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            keys = keys_shown(screen)
            if keys == self._keys:
                return
            self._keys = keys
        super().bindings_changed(screen)
