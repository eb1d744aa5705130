"""Help with the keys of the current screen, and the crisis-help screen (one key from anywhere)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from course.config import Settings
from course.content.texts import crisis_text
from course.i18n import N_, _, current_language
from course.ui.navigation import dismiss
from course.ui.widgets.button import Button
from course.ui.widgets.prose import Prose
from course.ui.widgets.scroll_keys import SCROLL_BINDINGS, ScrollKeys


class TextDialog(ScrollKeys, ModalScreen[None]):
    """A page of Markdown with a title and a Close button; Escape closes it too.

    It opens at the top of its text, which scrolls on its own (keys and wheel) between the fixed title and
    the Close button, so the first lines (911 and 988 in crisis help) show on the smallest window.
    """

    BINDINGS = [Binding("escape", "close", N_("Close"), tooltip=N_("close this page")), *SCROLL_BINDINGS]
    SCROLL_AREA = ".dialog-text"

    def __init__(self, title: str, text: str, dialog_id: str) -> None:
        """``title`` and ``text`` are shown as they are: in the language shown now."""
        super().__init__()
        self.title_text = title
        self.text = text
        self.dialog_id = dialog_id

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog text-dialog", id=self.dialog_id):
            yield Static(self.title_text, markup=False, classes="page-title dialog-title")
            with VerticalScroll(classes="dialog-text"):
                yield Prose(self.text)
            with Horizontal(classes="buttons dialog-buttons"):
                yield Button(_("Close"), id="close", variant="primary")

    AUTO_FOCUS = "#close"  # outside the scrolling text, so the text stays at its top

    def on_button_pressed(self, event: Button.Pressed) -> None:
        dismiss(self)

    def action_close(self) -> None:
        dismiss(self)


class HelpScreen(TextDialog):
    BINDINGS = [Binding("escape,question_mark,q", "close", N_("Close"), tooltip=N_("close the help"))]

    def __init__(self, screen_help: str = "", general: str = "") -> None:
        # ``general``: the keys that work everywhere, as the app's mode has them (``general_help_text()``); both
        # texts come translated (``CourseApp.screen_help``)
        super().__init__(_("Help"), (screen_help + "\n\n" if screen_help else "") + general, "help-dialog")


class CrisisScreen(TextDialog):
    def __init__(self, settings: Settings) -> None:
        super().__init__(_("Crisis help"), crisis_text(settings.clinic_name, settings.clinic_phone,
                                                        language=current_language()), "crisis-dialog")
