"""The counselor's first screen: the family groups on this computer."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from course.group.roster import MAX_GROUP_NAME, check_group_name
from course.i18n import N_, _
from course.services import StoreError
from course.ui.group.dialogs import NameDialog
from course.ui.group.projector import closing
from course.ui.group.screen import GroupScreen, KeyLine
from course.ui.keys import KeyHelp, Other, actions_of, key_line
from course.ui.literal import literal
from course.ui.screens.dialogs import ConfirmDialog
from course.ui.widgets.button import Button
from course.ui.widgets.crisis_line import CrisisLine


class GroupsScreen(GroupScreen[None]):
    CSS_PATH = "groups_screen.tcss"
    BINDINGS = [  # the shown ones are in the key line under the buttons
        Binding("n", "new_group", N_("New group"), tooltip=N_("make a new group")),
        Binding("q", "app.quit", N_("Quit"), tooltip=N_("close group mode")),
        Binding("escape", "ask_quit", N_("Quit?"), show=False, tooltip=N_("asks whether to close group mode")),
    ]
    KEY_HELP = KeyHelp(N_("Family groups"), BINDINGS, before=(
        Other("up,down,enter", N_("open a group (its people and sessions)"), join="and"),
    ))
    HELP = KEY_HELP.markdown()

    def compose(self) -> ComposeResult:
        with Vertical(id="groups"):
            yield Static(_("Family groups"), classes="page-title")
            yield Static(_("Choose a group, or make a new one."), classes="muted", id="groups-hint")
            yield OptionList(id="group-list")
            with Horizontal(classes="buttons"):
                yield Button(_("Open group"), id="open", variant="primary")
                yield Button(_("New group"), id="new")
                # Translators: a button that saves the blank cards to print for the group
                yield Button(_("Handouts"), id="handouts")
                yield Button(_("Quit"), id="quit")
            # Translators: "open" is what Enter does on the list of groups, in the line of keys
            yield KeyLine(key_line([*self.BINDINGS, *actions_of(type(self.app), "help")], prefix=_("Keys: "),
                                  before=(Other("enter", "", short=N_("open")),)), classes="muted key-hint")
        yield CrisisLine()

    def on_mount(self) -> None:
        self.refresh_groups()
        self.query_one("#group-list", OptionList).focus()

    def on_unmount(self) -> None:
        if self.app.return_code is not None:  # group mode is closing: tell the notes screen
            closing(self.app)

    def on_screen_resume(self) -> None:
        self.refresh_groups()

    def refresh_groups(self, select: str | None = None) -> None:
        options = self.query_one("#group-list", OptionList)
        options.clear_options()
        try:
            groups = self.app.desk.groups()
        except StoreError as error:
            self.app.report_store_error(error)
            groups = []
        for group in groups:
            options.add_option(Option(literal(group.name), id=group.id))
        self.query_one("#groups-hint", Static).update(
            _("Choose a group, or make a new one.") if groups else _("No groups yet. Press N to make the first one."))
        if groups:
            ids = [g.id for g in groups]
            options.highlighted = ids.index(select) if select in ids else 0

    def action_new_group(self) -> None:
        def made(name: str | None) -> None:
            if name is None:
                return
            try:
                gid = self.app.desk.create_group(name)
            except StoreError as error:
                self.app.report_store_error(error)
                return
            self.refresh_groups(select=gid)
            self.open_group(gid)

        self.app.push_screen(NameDialog(_("New group"), _("Group name, like \u201cTuesday evening family group\u201d"),
                                        check_group_name, max_length=MAX_GROUP_NAME, ok=_("Create group")), made)

    def action_ask_quit(self) -> None:
        """Escape here has nowhere to go back to: ask before closing group mode, so a stray Escape is harmless."""

        def answered(yes: bool | None) -> None:
            if yes:
                self.app.exit(0)

        # Translators: the button that keeps group mode open
        self.app.push_screen(ConfirmDialog(_("Close group mode?"), yes=_("Close group mode"), no=_("Stay")), answered)

    def open_group(self, gid: str) -> None:
        from course.ui.group.roster_screen import RosterScreen

        self.app.push_screen(RosterScreen(gid))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.open_group(event.option.id)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "open":
                option = self.query_one("#group-list", OptionList).highlighted_option
                if option is not None and option.id:
                    self.open_group(option.id)
            case "new":
                self.action_new_group()
            case "handouts":
                from pathlib import Path

                from course.ui.screens.cards import CardsScreen

                self.app.push_screen(CardsScreen(Path.home() / "family-course-cards", personal=False))
            case "quit":
                self.app.exit(0)
