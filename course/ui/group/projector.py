"""What the projected screens share: publishing what the room sees, the blank screen, the theme key.

The notes screen (``family-course group --notes``, another process) follows the projector through the store
(``GroupDesk.show``).
``publish`` writes where the lesson is; after the first one, every change of screen in the presenting app is
published too, so the notes also say when the projector shows something else over the lesson (the question
"Finish this session?", the attendance list with its names, the group's screens, help) and when group mode closes.
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from course.group.shown import Shown
from course.i18n import N_, _
from course.services import StoreError, now, to_iso
from course.ui import themes
from course.ui.group.screen import GroupScreen
from course.ui.keys import KeyHelp
from course.ui.screens.dialogs import ConfirmDialog
from course.ui.screens.help import CrisisScreen, HelpScreen

_shown: WeakKeyDictionary[App, Shown] = WeakKeyDictionary()  # the lesson's place, per presenting app


def publish(app, shown: Shown) -> None:
    """Tell the notes screen what the room sees now: ``shown``, under whatever screen is on top."""
    if app not in _shown:
        app.screen_change_signal.subscribe(app, lambda _screen: _republish(app))
    _shown[app] = shown
    _write(app, shown.moved(view=view_of(app)))


def _republish(app) -> None:
    shown = _shown.get(app)
    if shown is not None and app.is_running and app.return_code is None:
        _write(app, shown.moved(view=view_of(app)))


def closing(app) -> None:
    """Group mode is closing: the notes screen says so and stops its clocks. Called as the group screens go."""
    shown = _shown.pop(app, None)
    if shown is not None:
        _write(app, shown.moved(view="closed", ended=shown.ended or to_iso(now())))


def _write(app, shown: Shown) -> None:
    try:
        app.desk.show(shown.to_state())
    except StoreError as error:
        if app.return_code is None:
            app.report_store_error(error)


def view_of(app: App[Any]) -> str:
    """What the projector shows over the lesson now (see ``course.group.shown.VIEWS``).

    A group screen says what it shows in its ``PROJECTOR_VIEW`` ("lesson" or "attendance"); others show the menu.
    """
    top = app.screen
    if isinstance(top, CrisisScreen):
        return "crisis"
    if isinstance(top, HelpScreen):
        return "help"
    if any(getattr(screen, "PROJECTOR_VIEW", "") == "lesson" for screen in app.screen_stack):
        return "finish" if isinstance(top, ConfirmDialog) else "lesson"
    return "attendance" if getattr(top, "PROJECTOR_VIEW", "") == "attendance" else "menu"


def next_theme(app) -> None:
    names = list(themes.LABELS)
    current = names.index(app.theme) if app.theme in names else -1
    app.apply_theme(names[(current + 1) % len(names)])
    app.notify(_("Theme: {name}").format(name=_(themes.LABELS[app.theme])), timeout=2, markup=False)


class BlankScreen(GroupScreen[None]):
    """Nothing at all on the projector until B (or Escape) is pressed."""

    CSS_PATH = "projector.tcss"
    BINDINGS = [Binding("b,escape", "unblank", N_("Show again"), show=False, tooltip=N_("show the lesson again"))]
    KEY_HELP = KeyHelp(N_("Blank screen"), BINDINGS, intro=N_("The room sees nothing."))
    HELP = KEY_HELP.markdown()

    def compose(self) -> ComposeResult:
        yield Static("", id="blank")

    def on_mount(self) -> None:
        self.app.clear_notifications()  # nothing at all, not even a passing message

    def action_unblank(self) -> None:
        self.dismiss()
