"""The keys kiosk mode gives a meaning to, the keys it swallows, and the app actions it allows."""

from __future__ import annotations

FINISH_KEY = "f10"  # ends the visit at once: everything the guest did is wiped, the start screen returns
STAFF_KEY = "ctrl+o"  # "O" for operator: asks for the staff PIN; the right PIN closes the kiosk

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

GENERAL_HELP = f"""\
**Everywhere**

- **F2** or **!**: crisis help (phone numbers)
- **?**: this help
- **Tab** and **Shift+Tab**: move between buttons
- **Enter**: press the highlighted button
- **Escape**: go back to the list of lessons
- **{FINISH_KEY.upper()}**: finish. Everything you did here is cleared and the start screen comes back

Nothing you do here is kept: no name, no answers. If you walk away, the screen clears itself after a few
minutes.
"""
