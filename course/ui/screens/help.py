"""Help with the keys of the current screen, and the crisis-help screen (one key from anywhere)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen

from course.config import Settings
from course.content.texts import crisis_text
from course.ui.widgets.button import Button

GENERAL_HELP = """\
**Everywhere**

- **F2**: crisis help (phone numbers)
- **?**: this help
- **Tab** and **Shift+Tab**: move between buttons and boxes
- **Enter**: press the highlighted button
- **Escape**: go back
- **Ctrl+Q**: quit (your progress is already saved)

You can also click anything with the mouse.
"""


class TextDialog(ModalScreen[None]):
    """A scrolling page of Markdown with a Close button; Escape closes it too."""

    BINDINGS = [Binding("escape", "close", "Close")]

    def __init__(self, text: str, dialog_id: str) -> None:
        super().__init__()
        self.text = text
        self.dialog_id = dialog_id

    def compose(self) -> ComposeResult:
        from textual.widgets import Markdown  # here, not at the top: the first screen does not need it

        with VerticalScroll(classes="dialog", id=self.dialog_id):
            yield Markdown(self.text, open_links=False)
            with Horizontal(classes="buttons"):
                yield Button("Close", id="close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss()

    def action_close(self) -> None:
        self.dismiss()


class HelpScreen(TextDialog):
    BINDINGS = [Binding("escape,question_mark,q", "close", "Close")]

    def __init__(self, screen_help: str = "", general: str = GENERAL_HELP) -> None:
        # ``general``: the keys that work everywhere (kiosk mode has its own)
        super().__init__("# Help\n\n" + (screen_help + "\n\n" if screen_help else "") + general, "help-dialog")


class CrisisScreen(TextDialog):
    def __init__(self, settings: Settings) -> None:
        super().__init__(crisis_text(settings.clinic_name, settings.clinic_phone), "crisis-dialog")
