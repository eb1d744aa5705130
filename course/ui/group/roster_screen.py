"""One group: its people (by the first names chosen for the room) and its sessions."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from course.group import roster
from course.group.text import first_name
from course.i18n import N_, NAMES, _, ngettext
from course.services import Group, GroupSession, StoreError
from course.ui.group.dialogs import NameDialog, PickDialog, SessionDialog
from course.ui.group.projector import closing
from course.ui.group.screen import GroupScreen, KeyLine
from course.ui.keys import KeyHelp, Other, actions_of, key_line
from course.ui.literal import literal
from course.ui.screens.dialogs import ConfirmDialog
from course.ui.widgets.button import Button
from course.ui.widgets.crisis_line import CrisisLine

PRIVATE_NOTE = N_("Profile names are shown below. If the projector is on, blank it or turn it away while you "
                  "choose.")


class RosterScreen(GroupScreen[None]):
    CSS_PATH = "roster_screen.tcss"
    BINDINGS = [  # the key line under the buttons names them with these words
        # Translators: a key (S) that starts today's group session
        Binding("s", "start", N_("Session"),
                tooltip=N_("start today's session (or go back to it while it is not finished)")),
        # Translators: a key (A) that adds a new person to the group
        Binding("a", "add_new", N_("Add"), tooltip=N_("add a new person (makes a profile on this computer)")),
        # Translators: a key (E) that adds someone who already has a profile on this computer
        Binding("e", "add_existing", N_("Existing"), tooltip=N_("add someone who already has a profile here")),
        Binding("r", "rename", N_("Rename"), tooltip=N_("rename the highlighted person (to fix a typo)")),
        # Translators: a key that takes a person off the group's roster
        Binding("delete", "remove", N_("Remove"),
                tooltip=N_("take the highlighted person off the roster (their profile and progress stay)")),
        Binding("escape", "app.pop_screen", N_("Back"), tooltip=N_("back to the groups")),
    ]
    KEY_HELP = KeyHelp(N_("A family group"), BINDINGS, after=(
        Other("enter", N_("open the highlighted session, if it is not finished")),
    ), last=("app.pop_screen",),
        note=N_("Only the names you type here are shown in group mode, so a first name is enough."))
    HELP = KEY_HELP.markdown()

    def __init__(self, group_id: str) -> None:
        super().__init__()
        self.group_id = group_id
        self.group: Group | None = None
        self.session_list: list[GroupSession] = []
        self.names: dict[str, str] = {}  # profile id -> the name the group sees

    def compose(self) -> ComposeResult:
        with Vertical(id="roster"):
            yield Static("", id="group-name", classes="page-title")
            with Horizontal(id="roster-columns"):
                with Vertical(id="people-column"):
                    yield Static(_("People"), classes="column-title")
                    yield OptionList(id="people")
                with Vertical(id="sessions-column"):
                    yield Static(_("Sessions"), classes="column-title")
                    yield OptionList(id="sessions")
            with Horizontal(classes="buttons"):
                yield Button(_("Start today's session"), id="start", variant="primary")
                yield Button(_("Add person"), id="add")
                # Translators: a button that adds someone who already has a profile on this computer
                yield Button(_("Add existing"), id="existing")
                yield Button(_("Back"), id="back")
            yield KeyLine(key_line([*self.BINDINGS, *actions_of(type(self.app), "help")]), classes="muted key-hint")
        yield CrisisLine()

    def on_mount(self) -> None:
        self.refresh_roster()
        self.query_one("#people", OptionList).focus()

    def on_unmount(self) -> None:
        if self.app.return_code is not None:  # group mode is closing: tell the notes screen
            closing(self.app)

    def on_screen_resume(self) -> None:
        self.refresh_roster()

    def refresh_roster(self) -> None:
        desk = self.app.desk
        try:
            self.group = desk.group(self.group_id)
            people = desk.members(self.group_id)
            self.session_list = desk.sessions(self.group_id)
        except StoreError as error:
            self.app.report_store_error(error)
            return
        self.query_one("#group-name", Static).update(literal(self.group.name))
        plist = self.query_one("#people", OptionList)
        was = plist.highlighted_option.id if plist.highlighted_option is not None else None
        place = plist.highlighted
        plist.clear_options()
        self.names = {member.profile_id: member.display_name for member in people}
        for member in people:
            plist.add_option(Option(literal(member.display_name), id=member.profile_id))
        if not people:
            plist.add_option(Option(Content(_("No one yet. Press A to add a person.")), disabled=True))
        elif was in self.names:  # the same person stays highlighted after a dialog closes
            plist.highlighted = list(self.names).index(was)
        elif place is not None:  # or the one now in their place, after a removal
            plist.highlighted = min(place, len(people) - 1)
        slist = self.query_one("#sessions", OptionList)
        slist.clear_options()
        for session in reversed(self.session_list):
            slist.add_option(Option(self._session_prompt(session), id=session.id, disabled=session.finished))
        if not self.session_list:
            slist.add_option(Option(Content(_("No sessions yet.")), disabled=True))

    def _session_prompt(self, session: GroupSession) -> Content:
        try:
            title = self.app.course.lesson(session.lesson_id).title
        except KeyError:
            title = session.lesson_id
        present = len(session.present)
        if session.finished:
            state = ngettext("{count} present, finished", "{count} present, finished", present)
        else:
            state = ngettext("{count} present, open", "{count} present, open", present)
        said = [state.format(count=present)]
        if session.language != self.app.default_language:  # a session in another language says which
            said.append(NAMES[session.language])
        return Content.assemble(f"{session.date}  ", literal(title), (f"  ({', '.join(said)})", "italic"))

    # -- adding, renaming and removing people ------------------------------------------------------------------
    def _then_if_no_clash(self, name: str, go: Callable[[], None], *, new_profile: bool,
                          pid: str | None = None) -> None:
        """Run ``go`` now, or after the counselor agrees when ``name`` is already taken."""
        try:
            clash = self.app.desk.name_clash(self.group_id, name, new_profile=new_profile, pid=pid)
        except StoreError as error:
            self.app.report_store_error(error)
            return
        if clash is None:
            go()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                go()

        question = _("Use \u201c{name}\u201d anyway?").format(name=name)
        self.app.push_screen(ConfirmDialog(f"{clash}\n\n{question}", yes=_("Use this name"), no=_("Cancel")),
                             answered)

    def action_add_new(self) -> None:
        def named(name: str | None) -> None:
            if name is None:
                return

            def add() -> None:
                try:
                    self.app.desk.add_new_member(self.group_id, name)
                except StoreError as error:
                    self.app.report_store_error(error)
                self.refresh_roster()

            self._then_if_no_clash(name, add, new_profile=True)

        self.app.push_screen(NameDialog(
            _("Add a person"), _("The name the group will see (a first name is enough)"), roster.check_display_name,
            note=_("This makes a profile on this computer, so the person's progress is kept."),
            # Translators: the button that adds the person to the group
            max_length=roster.MAX_DISPLAY_NAME, ok=_("Add")), named)

    def action_add_existing(self) -> None:
        desk = self.app.desk
        try:
            profiles = desk.profiles_outside(self.group_id)
        except StoreError as error:
            self.app.report_store_error(error)
            return
        if not profiles:
            self.app.notify(_("Everyone with a profile on this computer is already in this group."), markup=False)
            return
        names = {p.id: p.name for p in profiles}

        def picked(pid: str | None) -> None:
            if pid is None:
                return

            def named(name: str | None) -> None:
                if name is None:
                    return

                def add() -> None:
                    try:
                        desk.add_existing_member(self.group_id, pid, name)
                    except StoreError as error:
                        self.app.report_store_error(error)
                    self.refresh_roster()

                self._then_if_no_clash(name, add, new_profile=False, pid=pid)

            self.app.push_screen(NameDialog(
                _("Name for the group"), _("The name the group will see (a first name is enough)"),
                roster.check_display_name, value=first_name(names[pid])[: roster.MAX_DISPLAY_NAME],
                max_length=roster.MAX_DISPLAY_NAME, ok=_("Add")), named)

        self.app.push_screen(PickDialog(_("Add someone with a profile"), [(p.id, literal(p.name)) for p in profiles],
                                        note=_(PRIVATE_NOTE)), picked)

    def _highlighted(self) -> tuple[str, str] | None:
        """The highlighted person's profile id and the name the group sees."""
        option = self.query_one("#people", OptionList).highlighted_option
        if option is None or option.id is None:
            return None
        return option.id, self.names.get(option.id, "")

    def action_rename(self) -> None:
        person = self._highlighted()
        if person is None:
            return
        pid, old = person
        desk = self.app.desk
        try:
            renames_profile = desk.renames_profile(pid)
        except StoreError as error:
            self.app.report_store_error(error)
            return

        def named(name: str | None) -> None:
            if name is None or name == old:
                return

            def rename() -> None:
                try:
                    desk.rename_member(pid, name)
                except StoreError as error:
                    self.app.report_store_error(error)
                self.refresh_roster()

            self._then_if_no_clash(name, rename, new_profile=renames_profile, pid=pid)

        note = (_("The profile made for this person takes the new name too.") if renames_profile else
                _("Only the name the group sees changes; the person's own profile keeps its name."))
        self.app.push_screen(NameDialog(
            _("Rename \u201c{name}\u201d").format(name=old), _("The name the group will see"),
            roster.check_display_name, value=old, note=note, max_length=roster.MAX_DISPLAY_NAME,
            # Translators: the button that renames the person
            ok=_("Rename")), named)

    def action_remove(self) -> None:
        person = self._highlighted()
        if person is None:
            return
        pid, name = person

        def confirmed(yes: bool | None) -> None:
            if yes:
                try:
                    self.app.desk.remove_member(self.group_id, pid)
                except StoreError as error:
                    self.app.report_store_error(error)
                self.refresh_roster()

        self.app.push_screen(ConfirmDialog(
            _("Take \u201c{name}\u201d off the roster? Their profile, progress and past attendance stay.").format(
                name=name),
            # Translators: the button that takes a person off the group's roster
            yes=_("Remove"), no=_("Cancel")), confirmed)

    # -- sessions ---------------------------------------------------------------------------------------------
    def action_start(self) -> None:
        try:
            existing = self.app.desk.open_session_today(self.group_id)
        except StoreError as error:
            self.app.report_store_error(error)
            return
        if existing is not None:
            self.open_session(existing.id, existing.language)
            self.app.notify(_("Going back to today's session."), markup=False)
            return

        def chosen(picked: tuple[str, str] | None) -> None:
            if picked is None:
                return
            lesson_id, language = picked
            try:
                sid = self.app.desk.start_session(self.group_id, lesson_id, language)
            except StoreError as error:
                self.app.report_store_error(error)
                return
            self.open_session(sid, language)

        self.app.push_screen(SessionDialog(self.app.default_language), chosen)

    def open_session(self, sid: str, language: str) -> None:
        """The session's screens (attendance, the lesson, the quiz) in its own language, until it is left."""
        from course.ui.group.attendance_screen import AttendanceScreen

        self.app.set_language(language)
        self.app.push_screen(AttendanceScreen(self.group_id, sid))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "sessions" and event.option.id:
            found = [s for s in self.session_list if s.id == event.option.id]
            if found:
                self.open_session(found[0].id, found[0].language)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "start":
                self.action_start()
            case "add":
                self.action_add_new()
            case "existing":
                self.action_add_existing()
            case "back":
                self.app.pop_screen()
