"""Settings: the look of the course, and deleting this profile's data."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from course.services import StoreError
from course.ui import themes
from course.ui.keys import KeyHelp, Other
from course.ui.navigation import back_to_first_screen, leave, push
from course.ui.screen import FamilyScreen
from course.ui.screens.dialogs import ConfirmDialog, PinDialog
from course.ui.widgets.button import Button
from course.ui.widgets.choices import ChoiceList
from course.ui.widgets.crisis_line import CrisisLine
from course.ui.widgets.footer import KeyFooter


class SettingsScreen(FamilyScreen[None]):
    CSS_PATH = "settings.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Course map", tooltip="back to the course map"),
        *(Binding(str(n), f"choose_theme({n})", show=False, tooltip="choose how the course looks")
          for n in range(1, len(themes.LABELS) + 1)),
    ]
    KEY_HELP = KeyHelp("Settings", BINDINGS, after=(
        Other("up,down,space", "choose a look in the list", join="and"),
        Other("tab", "move through the looks, then to the buttons"),
        Other("", "**Delete my data**: removes this profile, its progress and journal from this computer"),
    ), last=("leave",))
    HELP = KEY_HELP.markdown()

    def compose(self) -> ComposeResult:
        with Vertical(id="settings"):
            yield Static("Settings", classes="page-title")
            yield Static("How the course looks (High contrast is easiest to read on a projector or a plain "
                         "terminal):", markup=False)
            yield ChoiceList(list(themes.LABELS.items()), multiple=False, id="theme")
            yield Static("Your data", classes="page-title")
            yield Static("Delete this profile with all its progress, quiz answers and journal from this computer. "
                         "This cannot be undone.", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Delete my data", id="delete", variant="error")
                yield Button("Back to course map", id="map", variant="primary")
        yield CrisisLine()
        yield KeyFooter()

    def on_mount(self) -> None:
        choices = self.query_one("#theme", ChoiceList)
        for item in choices.items:
            item.checked = item.key == self.app.theme
        chosen = next((item for item in choices.items if item.checked), choices.items[0])
        chosen.focus()

    def action_choose_theme(self, number: int) -> None:
        self.query_one("#theme", ChoiceList).choose_number(number)

    def on_choice_list_changed(self, event: ChoiceList.Changed) -> None:
        if not event.choices.selected:
            return
        name = event.choices.selected[0]
        self.app.apply_theme(name)
        learner = self.app.learner
        profile_id = getattr(learner, "profile_id", None)
        if profile_id is not None:
            try:
                self.app.profiles.save_theme(profile_id, name)
            except StoreError as error:
                self.app.report_store_error(error)

    def delete_data(self) -> None:
        learner = self.app.learner
        profile_id = getattr(learner, "profile_id", None)
        if profile_id is None:
            return
        profiles = self.app.profiles

        def erase() -> None:
            try:
                profiles.delete(profile_id)
            except StoreError as error:
                self.app.report_store_error(error)
                return
            self.app.learner = None
            self.app.notify("Your data was deleted from this computer.", timeout=6)
            back_to_first_screen(self.app)  # the list of profiles

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            try:
                has_pin = profiles.get(profile_id).has_pin
            except StoreError as error:
                self.app.report_store_error(error)
                return
            if not has_pin:
                erase()
                return

            push(self, PinDialog("Type your PIN to delete your data", lambda pin: profiles.check_pin(profile_id, pin)),
                                 lambda pin: erase() if pin is not None else None)

        push(self, ConfirmDialog(
            "Delete all your data? Your progress, quiz answers and journal will be removed from this computer. "
            "This cannot be undone.", yes="Delete my data", no="Keep my data", danger=True), confirmed)

    def action_leave(self) -> None:
        leave(self)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "delete":
            self.delete_data()
        elif event.button.id == "map":
            self.action_leave()
