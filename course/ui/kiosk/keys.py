"""The keys kiosk mode gives a meaning to, the keys it swallows, and the app actions it allows."""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import BindingType

from course.i18n import N_
from course.ui.keys import KeyHelp, Other, bindings_of

FINISH_KEY = "f10"  # ends the visit at once: everything the guest did is wiped, the start screen returns
STAFF_KEY = "ctrl+o"  # "O" for operator: asks for the staff PIN; the right PIN closes the kiosk
# On the start screen only: the kiosk in the other language for this visit ("L" for language, as on the welcome
# screen at home and in a group session). Shift+L gives "L". Idle reset and Finish bring back its own language.
LANGUAGE_KEYS = frozenset({"l", "L"})

# Keys that quit, suspend or open something in a terminal program. They are dropped before any binding sees
# them, so no screen can give them a meaning by accident.
SWALLOWED_KEYS = frozenset({
    "ctrl+q", "ctrl+c", "ctrl+z", "ctrl+backslash", "ctrl+d", "ctrl+p",
})

# App-level actions a kiosk may run. Everything else on the app (quit, help_quit, suspend_process,
# command_palette, screenshot, change_theme, switch_mode, ...) is refused.
ALLOWED_APP_ACTIONS = frozenset({
    "crisis", "help", "staff", "finish_visit", "focus_next", "focus_previous",
})

KIOSK_ONLY_ACTIONS = frozenset({"staff", "finish_visit"})

# The kiosk's own words for the keys that work everywhere (see course.ui.keys); its app's bindings give the rest.
EVERYWHERE_SAYS = {"crisis": N_("crisis help (phone numbers)"), "help": N_("this help")}
EVERYWHERE = (
    Other("tab,shift+tab", N_("move between buttons"), join="and"),
    Other("enter", N_("press the highlighted button")),
    Other("escape", N_("go back to the list of lessons")),
)
NOTHING_KEPT = N_("Nothing you do here is kept: no name, no answers. If you walk away, the screen clears itself "
                  "after a few minutes.")


def everywhere(bindings: Sequence[BindingType]) -> KeyHelp:
    """The "Everywhere" part of the kiosk's help, from its app's ``bindings``: only the actions a kiosk allows."""
    refused = {binding.action for binding in bindings_of(bindings)} - ALLOWED_APP_ACTIONS
    return KeyHelp(N_("Everywhere"), bindings, after=EVERYWHERE, says=EVERYWHERE_SAYS, leave_out=refused,
                   last=("finish_visit",), note=NOTHING_KEPT)
