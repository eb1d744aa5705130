"""The staff PIN gate in front of group mode. On the very first start it asks the counselor to choose one."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from course.commands.staff_pin import MAX_DIGITS, MIN_DIGITS, problem
from course.i18n import N_, _
from course.services import StoreError
from course.services.staff import Outcome
from course.ui.group.screen import GroupScreen
from course.ui.keys import KeyHelp
from course.ui.widgets.button import Button
from course.ui.widgets.crisis_line import CrisisLine
from course.ui.widgets.wait_note import WaitNote


class StaffPinScreen(GroupScreen[None]):
    """Asks for the staff PIN (or has one chosen when there is none), then replaces itself with ``then()``."""

    CSS_PATH = "access.tcss"
    BINDINGS = [Binding("escape", "app.quit", N_("Quit"), tooltip=N_("close group mode"))]
    KEY_HELP = KeyHelp(N_("Staff PIN"), BINDINGS, intro=N_(
        "Group mode is for counselors. Type the staff PIN and press **Enter**. The same PIN lets staff leave the "
        "waiting-room kiosk. To change it later: `family-course staff-pin set`."))
    HELP = KEY_HELP.markdown()

    def __init__(self, heading: str, then: Callable[[], Screen]) -> None:
        super().__init__()
        self.heading = heading
        self.then = then
        self.choosing = False

    def compose(self) -> ComposeResult:
        with Center(), Vertical(id="access", classes="dialog"):
            yield Static(self.heading, id="access-heading", classes="page-title", markup=False)
            yield Static("", id="access-intro", markup=False)
            yield Label(_("Staff PIN"), id="pin-label")
            yield Input(password=True, restrict=r"[0-9]*", max_length=MAX_DIGITS, id="pin")
            yield Label(_("Type the same PIN again"), id="pin2-label")
            yield Input(password=True, restrict=r"[0-9]*", max_length=MAX_DIGITS, id="pin2")
            yield WaitNote(id="access-error")
            with Horizontal(classes="buttons"):
                # Translators: the button that checks the staff PIN
                yield Button(_("OK"), id="ok", variant="primary")
                yield Button(_("Quit"), id="quit")
        yield CrisisLine()

    def on_mount(self) -> None:
        try:
            self.choosing = not self.app.staff.is_set()
        except StoreError as error:
            self.app.report_store_error(error)
            self.choosing = False
        intro = (_("No staff PIN is set on this computer yet. Choose one now: you will need it each time you start "
                   "group mode, and staff need it to leave the waiting-room kiosk.")
                 if self.choosing else _("For counselors: type the staff PIN."))
        self.query_one("#access-intro", Static).update(intro)
        if self.choosing:
            self.query_one("#pin-label", Label).update(
                _("New staff PIN ({low} to {high} digits)").format(low=MIN_DIGITS, high=MAX_DIGITS))
        self.query_one("#pin2", Input).display = self.choosing
        self.query_one("#pin2-label", Label).display = self.choosing
        self.query_one("#pin", Input).focus()

    def _error(self, message: str) -> None:
        self.query_one("#access-error", WaitNote).say(message)

    def _submit(self) -> None:
        pin_box, again_box = self.query_one("#pin", Input), self.query_one("#pin2", Input)
        pin = pin_box.value
        if self.choosing:
            error = problem(pin)
            if error:
                self._error(error)
                pin_box.focus()
                return
            if pin != again_box.value:
                self._error(_("The two PINs are not the same. Please type them again."))
                pin_box.value = again_box.value = ""
                pin_box.focus()
                return
            try:
                self.app.staff.choose(pin)
            except StoreError as error:
                self._error(str(error))
                return
            self.app.notify(_("Staff PIN saved."), markup=False)
            self.app.switch_screen(self.then())
            return
        note = self.query_one("#access-error", WaitNote)
        if not pin:  # not a try: an empty box is never counted as a wrong PIN
            if not note.waiting:
                note.say(_("Type the staff PIN first."))
            pin_box.focus()
            return
        pin_box.value = ""
        check = self.app.staff.check(pin)
        refusal = check.refusal(_("That is not the staff PIN."))
        if refusal is None:
            self.app.switch_screen(self.then())
        elif check.outcome is Outcome.WRONG and not check.wait:
            note.say(_("That is not the staff PIN. Please try again."))
        else:
            note.refuse(refusal)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "pin" and self.choosing:
            self.query_one("#pin2", Input).focus()
        else:
            self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self._submit()
        else:
            self.app.exit(0)
