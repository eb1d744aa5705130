"""Settings: the language and the look of the course, and deleting this profile's data."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from course.i18n import N_, _, current_language
from course.services import StoreError
from course.ui import themes
from course.ui.keys import KeyHelp, Other
from course.ui.navigation import back_to_first_screen, leave, on_top, push
from course.ui.screen import FamilyScreen
from course.ui.screens.dialogs import ConfirmDialog, LanguageChoice, PinDialog
from course.ui.widgets.button import Button
from course.ui.widgets.choices import ChoiceList
from course.ui.widgets.crisis_line import CrisisLine
from course.ui.widgets.footer import KeyFooter


class SettingsScreen(FamilyScreen[None]):
    CSS_PATH = "settings.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", N_("Course map"), tooltip=N_("back to the course map")),
        *(Binding(str(n), f"choose_theme({n})", show=False, tooltip=N_("choose how the course looks"))
          for n in range(1, len(themes.LABELS) + 1)),
    ]
    KEY_HELP = KeyHelp(N_("Settings"), BINDINGS, after=(
        Other("up,down,space", N_("choose a look in the list"), join="and"),
        Other("left,right,space", N_("choose the language (English or Español)"), join="and"),
        Other("tab", N_("move between the languages, the looks and the buttons")),
        Other("", N_("**Delete my data**: removes this profile, its progress and journal from this computer")),
    ), last=("leave",))
    HELP = KEY_HELP.markdown()

    def __init__(self, focus: str = "theme") -> None:
        """``focus``: the choice that has the focus first, ``"theme"`` or ``"language"``."""
        super().__init__()
        self.first_focus = focus

    def compose(self) -> ComposeResult:
        with Vertical(id="settings"):
            yield Static(_("Settings"), classes="page-title")
            with Horizontal(id="language-row"):
                yield Static(_("Language / Idioma:"), id="language-label", markup=False)
                yield LanguageChoice(current_language(), id="language")
            yield Static(_("How the course looks (High contrast is easiest to read on a projector or a plain "
                           "terminal):"), markup=False)
            yield ChoiceList([(key, _(label)) for key, label in themes.LABELS.items()], multiple=False, id="theme")
            yield Static(_("Your data"), classes="page-title")
            yield Static(_("Delete this profile with all its progress, quiz answers and journal from this computer. "
                           "This cannot be undone."), markup=False)
            with Horizontal(classes="buttons"):
                yield Button(_("Delete my data"), id="delete", variant="error")
                yield Button(_("Back to course map"), id="map", variant="primary")
        yield CrisisLine()
        yield KeyFooter()

    def on_mount(self) -> None:
        choices = self.query_one("#theme", ChoiceList)
        for item in choices.items:
            item.checked = item.key == self.app.theme
        chosen = next((item for item in choices.items if item.checked), choices.items[0])
        if self.first_focus == "language":
            languages = self.query_one("#language", LanguageChoice)
            chosen = next((item for item in languages.items if item.key == languages.chosen), languages.items[0])
        chosen.focus()

    def action_choose_theme(self, number: int) -> None:
        self.query_one("#theme", ChoiceList).choose_number(number)

    def on_choice_list_changed(self, event: ChoiceList.Changed) -> None:
        if not event.choices.selected:
            return
        if isinstance(event.choices, LanguageChoice):
            self.change_language(event.choices.language)
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

    def change_language(self, language: str) -> None:
        """Keep ``language`` for this profile and show the course in it: the course map under this screen and this
        screen are made again in it (every other screen is made when it is opened)."""
        profile_id = getattr(self.app.learner, "profile_id", None)
        if profile_id is not None:
            try:
                self.app.profiles.save_language(profile_id, language)
            except StoreError as error:
                self.app.report_store_error(error)
        if language == current_language() or not on_top(self):
            return
        self.app.set_language(language)
        self.app.call_later(self.show_again)

    async def show_again(self) -> None:
        """This screen and the screen under it (the course map, which can be ``remade``), made again in the
        language shown now."""
        app = self.app
        if not on_top(self):
            return
        stack = app.screen_stack
        under = stack[-2] if len(stack) > 1 else None
        await app.pop_screen()
        remade = getattr(under, "remade", None)
        if callable(remade) and app.screen is under:
            await app.switch_screen(remade())
        await app.push_screen(SettingsScreen(focus="language"))

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
            self.app.notify(_("Your data was deleted from this computer."), timeout=6)
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

            push(self, PinDialog(_("Type your PIN to delete your data"),
                                 lambda pin: profiles.check_pin(profile_id, pin)),
                 lambda pin: erase() if pin is not None else None)

        push(self, ConfirmDialog(
            _("Delete all your data? Your progress, quiz answers and journal will be removed from this computer. "
              "This cannot be undone."), yes=_("Delete my data"), no=_("Keep my data"), danger=True), confirmed)

    def action_leave(self) -> None:
        leave(self)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "delete":
            self.delete_data()
        elif event.button.id == "map":
            self.action_leave()
