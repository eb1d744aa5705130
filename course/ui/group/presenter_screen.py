"""The lesson on the projector: one step at a time in large, clean text, and nothing private."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static

from course.content.model import Lesson
from course.content.texts import crisis_line
from course.group.shown import Shown
from course.i18n import N_, _, current_language, ngettext
from course.services import GroupSession, StoreError, now, to_iso
from course.ui.group.projector import BlankScreen, closing, next_theme, publish
from course.ui.group.screen import GroupScreen, KeyLine
from course.ui.keys import KeyHelp, Other, actions_of, key_line
from course.ui.screens.dialogs import ConfirmDialog
from course.ui.widgets.prose import Prose

HINT_GAP = "  "  # between the keys of the line under the projected lesson


def step_markdown(lesson: Lesson, index: int) -> str:
    """A step's text as the room sees it, under its title: any reflection is a question to talk about."""
    step = lesson.steps[index]
    # Translators: before a question the room talks about, on the projected lesson
    talk = _("**Talk about it:**")
    parts = [step.body, *(f"> {talk} {r.prompt}" for r in step.reflections)]
    return "\n\n".join(p for p in parts if p)


CLOSING_TITLE = N_("Thank you for coming")


def closing_markdown(lesson: Lesson) -> str:
    """The thank-you after the session, in the language shown now, with the crisis line in it."""
    today = _("Today: **{lesson}**").format(lesson=lesson.title)
    until = _("If things get hard before we meet again:")
    return f"{today}\n\n{until}\n\n{crisis_line(current_language())}"


class PresenterScreen(GroupScreen[str]):
    PROJECTOR_VIEW = "lesson"  # what the notes window is told the projector shows (group.projector)
    CSS_PATH = "presenter_screen.tcss"
    BINDINGS = [  # the line under the lesson names each by its first key and these words
        Binding("right,n,enter,space", "next", N_("Next"),
                tooltip=N_("next step (after the last step, the group quiz)")),
        Binding("left,p", "back", N_("Back"), tooltip=N_("previous step")),
        # Translators: a key that blanks the projector
        Binding("b", "blank", N_("Blank"), tooltip=N_("blank the screen (press **B** again to show it)")),
        # Translators: a key that changes the colours (the look) of the screen
        Binding("t", "theme", N_("Theme"), tooltip=N_("change the theme (try High contrast on a projector)")),
        Binding("f", "finish", N_("Finish"),
                tooltip=N_("finish the session (marks the lesson done for everyone present)")),
        Binding("escape", "leave", N_("Attendance"), tooltip=N_("back to attendance (the lesson keeps its place)")),
    ]
    KEY_HELP = KeyHelp(N_("Presenting"), BINDINGS, after=(Other("up,down,pageup,pagedown", N_("scroll")),),
                       last=("leave",),
                       note=N_("The facilitator notes are on `family-course group --notes`, in a second terminal "
                               "on your own screen."))
    HELP = KEY_HELP.markdown()

    def __init__(self, session: GroupSession, lesson: Lesson) -> None:
        super().__init__()
        self.session = session
        self.lesson = lesson
        self.shown = Shown(session_id=session.id, lesson_id=lesson.id, started=to_iso(now()),
                           language=session.language)

    def compose(self) -> ComposeResult:
        with Vertical(id="presenter"):
            with Horizontal(id="p-top"):
                yield Static(self.lesson.title, markup=False, id="p-lesson")
                yield Static("", id="p-count")
            with VerticalScroll(id="p-page"), Vertical(id="p-reading"):
                yield Static("", markup=False, id="p-title")
                yield Prose(id="p-body")
            yield KeyLine(sep=HINT_GAP, id="p-hint")

    def hint(self) -> str:
        """The keys under the lesson: made from BINDINGS and the app's crisis key, so they say what the keys do.

        A line too long for the screen, as a translation may be at 80 columns, goes on to a second line between
        two keys (``KeyLine``).
        """
        crisis = actions_of(type(self.app), "crisis")
        if self.shown.phase == "done":
            return key_line([*self.BINDINGS, *crisis], only={"blank", "theme", "leave", "crisis"}, sep=HINT_GAP,
                            says={"leave": N_("back to the group")})
        # Translators: what F2 does, in the short line of keys under the projected lesson
        return key_line([*self.BINDINGS, *crisis], sep=HINT_GAP, says={"crisis": N_("crisis")})

    async def on_mount(self) -> None:
        earlier = Shown.from_state(self.app.desk.shown())
        if earlier is not None and earlier.session_id == self.session.id and earlier.lesson_id == self.lesson.id:
            last = len(self.lesson.steps) - 1
            self.shown = earlier.moved(step=min(earlier.step, last), phase="step", blank=False, view="lesson",
                                       ended="", language=self.session.language)
        self.app.clear_notifications()  # messages meant for the counselor leave the room's screen
        await self.show()
        self.query_one("#p-page", VerticalScroll).focus()

    def on_unmount(self) -> None:
        if self.app.return_code is not None:  # group mode is closing: tell the notes screen
            closing(self.app)

    async def on_screen_resume(self) -> None:
        if self.is_mounted:
            await self.show()

    async def show(self) -> None:
        total = len(self.lesson.steps)
        if self.shown.phase == "done":
            title, body, count = _(CLOSING_TITLE), closing_markdown(self.lesson), ""
        else:
            step = self.shown.step
            title, body = self.lesson.steps[step].title, step_markdown(self.lesson, step)
            count = f"{step + 1} / {total}"
        self.query_one("#p-count", Static).update(count)
        self.query_one("#p-hint", KeyLine).show(self.hint())
        heading = self.query_one("#p-title", Static)
        heading.update(title)
        heading.display = bool(title)
        self.query_one("#p-body", Prose).show(body)
        self.query_one("#p-page", VerticalScroll).scroll_home(animate=False)
        publish(self.app, self.shown)

    async def move(self, **changes) -> None:
        self.shown = self.shown.moved(**changes)
        await self.show()

    async def action_next(self) -> None:
        if self.shown.phase == "done":
            return
        if self.shown.step < len(self.lesson.steps) - 1:
            await self.move(step=self.shown.step + 1)
        elif self.lesson.quiz is not None and self.lesson.quiz.questions:
            self.open_quiz()
        else:
            self.action_finish()

    async def action_back(self) -> None:
        if self.shown.phase == "step" and self.shown.step > 0:
            await self.move(step=self.shown.step - 1)

    def open_quiz(self) -> None:
        from course.ui.group.quiz_screen import GroupQuizScreen

        def after(result: str | None) -> None:
            if result == "finish":
                self.action_finish()
            else:
                self.shown = self.shown.moved(phase="step", step=len(self.lesson.steps) - 1)

        self.app.push_screen(GroupQuizScreen(self.session, self.lesson, self.shown), after)

    def action_blank(self) -> None:
        publish(self.app, self.shown.moved(blank=True))

        def unblanked(_result: None) -> None:
            publish(self.app, self.shown)

        self.app.push_screen(BlankScreen(), unblanked)

    def action_theme(self) -> None:
        next_theme(self.app)

    def action_finish(self) -> None:
        if self.shown.phase == "done":
            return
        present = len(self._present())

        async def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.app.desk.finish_session(self.session.id)
            except StoreError as error:
                self.app.report_store_error(error)
                return
            await self.move(phase="done", ended=to_iso(now()))

        question = ngettext(
            "Finish this session? \u201c{lesson}\u201d will be marked finished for the {count} person marked present.",
            "Finish this session? \u201c{lesson}\u201d will be marked finished for the {count} people marked present.",
            present).format(lesson=self.lesson.title, count=present)
        self.app.push_screen(ConfirmDialog(question, yes=_("Finish session"), no=_("Cancel"), focus_yes=True),
                             confirmed)

    def _present(self) -> tuple[str, ...]:
        try:
            for session in self.app.desk.sessions(self.session.group_id):
                if session.id == self.session.id:
                    return session.present
        except StoreError as error:
            self.app.report_store_error(error)
        return self.session.present

    def action_leave(self) -> None:
        self.dismiss("finished" if self.shown.phase == "done" else None)
