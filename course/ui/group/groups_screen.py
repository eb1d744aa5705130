"""The counselor's first screen: the family groups on this computer."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from course.group.roster import MAX_GROUP_NAME, check_group_name
from course.services import StoreError
from course.ui.group.dialogs import NameDialog
from course.ui.group.projector import closing
from course.ui.group.screen import GroupScreen
from course.ui.keys import KeyHelp, Other, actions_of, key_line
from course.ui.literal import literal
from course.ui.screens.dialogs import ConfirmDialog
from course.ui.widgets.button import Button
from course.ui.widgets.crisis_line import CrisisLine


class GroupsScreen(GroupScreen[None]):
    CSS_PATH = "groups_screen.tcss"
    BINDINGS = [  # the shown ones are in the key line under the buttons
        Binding("n", "new_group", "New group", tooltip="make a new group"),
        Binding("q", "app.quit", "Quit", tooltip="close group mode"),
        Binding("escape", "ask_quit", "Quit?", show=False, tooltip="asks whether to close group mode"),
    ]
    KEY_HELP = KeyHelp("Family groups", BINDINGS, before=(
        Other("up,down,enter", "open a group (its people and sessions)", join="and"),
    ))
    HELP = KEY_HELP.markdown()

    def compose(self) -> ComposeResult:
        with Vertical(id="groups"):
            yield Static("Family groups", classes="page-title")
            yield Static("Choose a group, or make a new one.", classes="muted", id="groups-hint")
            yield OptionList(id="group-list")
            with Horizontal(classes="buttons"):
                yield Button("Open group", id="open", variant="primary")
                yield Button("New group", id="new")
                yield Button("Handouts", id="handouts")
                yield Button("Quit", id="quit")
            yield Static(key_line([*self.BINDINGS, *actions_of(type(self.app), "help")], prefix="Keys: ",
                                  before=(Other("enter", "", short="open"),)), classes="muted key-hint")
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
            "Choose a group, or make a new one." if groups else "No groups yet. Press N to make the first one.")
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

        self.app.push_screen(NameDialog("New group", "Group name, like \u201cTuesday evening family group\u201d",
                                        check_group_name, max_length=MAX_GROUP_NAME, ok="Create group"), made)

    def action_ask_quit(self) -> None:
        """Escape here has nowhere to go back to: ask before closing group mode, so a stray Escape is harmless."""

        def answered(yes: bool | None) -> None:
            if yes:
                self.app.exit(0)

        self.app.push_screen(ConfirmDialog("Close group mode?", yes="Close group mode", no="Stay"), answered)

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
