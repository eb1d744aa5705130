"""The key bar at the bottom of a screen, rebuilt only when the keys it shows change.

Textual's Footer starts empty, fills itself after the screen's first refresh, and rebuilds all of its key
widgets (and restyles them) every time the screen's bindings are refreshed, which happens on every focus
change. Here the keys are drawn with the screen's first frame, and a bindings refresh rebuilds the footer only
if what it shows (the first key of each action, its text, and whether it is enabled) has changed. Its keys also
start in the footer's own (non-compact) style, so each is styled once. It looks and behaves like Textual's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.reactive import reactive
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # Textual 8 has no public name for it (pinned below 9)

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.screen import Screen

# What one key of the footer shows: key, its display, description, action, enabled, tooltip.
Shown = tuple[str, str, str, str, bool, str]


def keys_shown(screen: Screen) -> tuple[Shown, ...]:
    """The footer's keys for ``screen``: the first shown binding of each action, as Textual's Footer draws them."""
    first: dict[str, Shown] = {}
    for _, binding, enabled, tooltip in screen.active_bindings.values():
        if binding.show and binding.action not in first:
            first[binding.action] = (binding.key, screen.app.get_key_display(binding), binding.description,
                                     binding.action, enabled, tooltip)
    return tuple(first.values())


class Key(FooterKey):
    """One key in the footer, created in the footer's (non-compact) style."""

    compact = reactive(False)


class KeyFooter(Footer):
    """Textual's Footer, drawn at once and rebuilt only when the keys it shows change."""

    def __init__(self) -> None:
        super().__init__(show_command_palette=False)
        self._keys: tuple[Shown, ...] | None = None  # the keys of the last build

    def compose(self) -> ComposeResult:
        self._keys = keys_shown(self.screen)
        self.styles.grid_size_columns = len(self._keys)
        for key, display, description, action, enabled, tooltip in self._keys:
            yield Key(key, display, description, action, disabled=not enabled, tooltip=tooltip)

    def bindings_changed(self, screen: Screen) -> None:
        if screen.app.app_focus and self.is_attached and screen is self.screen and keys_shown(screen) == self._keys:
            return
        super().bindings_changed(screen)
