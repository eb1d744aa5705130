"""A session before (and during) the lesson: who is here today, then on to the projected lesson."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from course.content.model import Lesson
from course.i18n import N_, _, ngettext
from course.services import GroupSession, StoreError
from course.ui.group.projector import closing
from course.ui.group.screen import GroupScreen, KeyLine
from course.ui.keys import KeyHelp, Other, actions_of, key_line
from course.ui.literal import literal
from course.ui.widgets.button import Button
from course.ui.widgets.crisis_line import CrisisLine

HERE, AWAY = "[x] ", "[ ] "
MARK_PRESENT = N_("mark present or not present (saved at once)")


class AttendanceScreen(GroupScreen[None]):
    PROJECTOR_VIEW = "attendance"  # what the notes window is told the projector shows (group.projector)
    CSS_PATH = "attendance_screen.tcss"
    BINDINGS = [  # the shown ones are in the key line under the buttons
        # Translators: a key that marks a person present, or not present
        Binding("space", "flip_present", N_("Present / not"), show=False, tooltip=MARK_PRESENT),
        Binding("p", "present", N_("Present the lesson"), tooltip=N_("present the lesson on the projector")),
        Binding("escape", "leave", N_("Back"), tooltip=N_("back to the group")),
    ]
    KEY_HELP = KeyHelp(N_("Who is here"), BINDINGS, before=(
        Other("up,down", N_("move through the roster")),
        Other("enter", MARK_PRESENT),
    ), note=N_("Late arrivals: press Escape in the lesson to come back here; the lesson keeps its place."))
    HELP = KEY_HELP.markdown()

    def __init__(self, group_id: str, session_id: str) -> None:
        super().__init__()
        self.group_id = group_id
        self.session_id = session_id
        self.session: GroupSession | None = None
        self.names: dict[str, str] = {}

    @property
    def lesson(self) -> Lesson | None:
        if self.session is None:
            return None
        try:
            return self.app.course.lesson(self.session.lesson_id)
        except KeyError:
            return None

    def compose(self) -> ComposeResult:
        with Vertical(id="attendance"):
            yield Static("", id="session-title", classes="page-title")
            yield Static(_("Who is here today? Enter marks a person present or not."), id="attendance-hint")
            yield OptionList(id="present-list")
            yield Static("", id="present-count", classes="muted")
            with Horizontal(classes="buttons"):
                yield Button(_("Present the lesson"), id="present", variant="primary")
                yield Button(_("Back"), id="back")
            # Translators: "present/not" is what Enter does on the attendance list, in the line of keys
            yield KeyLine(key_line([*self.BINDINGS, *actions_of(type(self.app), "help")], prefix=_("Keys: "),
                                  before=(Other("enter", "", short=N_("present/not")),)), classes="muted key-hint")
        yield CrisisLine()

    def on_mount(self) -> None:
        try:
            self.names = {m.profile_id: m.display_name for m in self.app.desk.members(self.group_id)}
        except StoreError as error:
            self.app.report_store_error(error)
        self.reload()
        self.query_one("#present-list", OptionList).focus()

    def on_unmount(self) -> None:
        if self.app.return_code is not None:  # group mode is closing: tell the notes screen
            closing(self.app)

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        try:
            sessions = self.app.desk.sessions(self.group_id)
        except StoreError as error:
            self.app.report_store_error(error)
            return
        found = [s for s in sessions if s.id == self.session_id]
        if not found:
            self.app.notify(_("This session could not be found."), severity="error", markup=False)
            return
        self.session = found[0]
        lesson = self.lesson
        title = lesson.title if lesson else _("{lesson} (no longer in the course)").format(
            lesson=self.session.lesson_id)
        done = "  " + _("(finished)") if self.session.finished else ""
        self.query_one("#session-title", Static).update(
            Content.assemble(f"{self.session.date}: ", literal(title), done))
        self.query_one("#present", Button).disabled = lesson is None
        options = self.query_one("#present-list", OptionList)
        keep = options.highlighted
        options.clear_options()
        for pid, name in self.names.items():
            mark = HERE if pid in self.session.present else AWAY
            options.add_option(Option(Content.assemble(mark, literal(name)), id=pid))
        if not self.names:
            options.add_option(Option(_("No one is on this group's roster yet. Add people on the group screen."),
                                      disabled=True))
        else:
            options.highlighted = min(keep or 0, len(self.names) - 1)
        here = len(set(self.session.present) & set(self.names))
        self.query_one("#present-count", Static).update(
            ngettext("{count} of {total} present", "{count} of {total} present", len(self.names)).format(
                count=here, total=len(self.names)))

    def flip_present(self, pid: str) -> None:
        """Mark ``pid`` present if they were not, not present if they were (saved at once)."""
        if self.session is None:
            return
        try:
            self.app.desk.set_present(self.session_id, pid, pid not in self.session.present)
        except StoreError as error:
            self.app.report_store_error(error)
        self.reload()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.flip_present(event.option.id)

    def action_flip_present(self) -> None:
        option = self.query_one("#present-list", OptionList).highlighted_option
        if option is not None and option.id:
            self.flip_present(option.id)

    def action_present(self) -> None:
        lesson = self.lesson
        if self.session is None or lesson is None:
            return
        from course.ui.group.presenter_screen import PresenterScreen

        def ended(result: str | None) -> None:
            if result == "finished":
                self.action_leave()

        self.app.push_screen(PresenterScreen(self.session, lesson), ended)

    def action_leave(self) -> None:
        """Back to the group: its screens are in the app's language again (the session had its own)."""
        self.app.set_language(self.app.default_language)
        self.app.pop_screen()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "present":
            self.action_present()
        else:
            self.action_leave()
