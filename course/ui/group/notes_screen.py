"""The counselor's own screen: follows the projector live and shows that step's facilitator notes.

Runs as a second process (``family-course group --notes``). It polls the small shared presenter file, which the
presenting app rewrites on every move, a few times a second.
"""

from __future__ import annotations

import time

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static

from course.content.languages import without_explanation_label
from course.content.model import Lesson
from course.group.notes import discussion_questions, group_minutes, suggested_minutes
from course.group.phones import answered_text
from course.group.shown import Shown, clock, current
from course.group.tally import option_label
from course.i18n import N_, _, current_language, ngettext
from course.ui.group.projector import next_theme
from course.ui.group.screen import GroupScreen, KeyLine
from course.ui.keys import KeyHelp, Other, actions_of, key_line
from course.ui.widgets.prose import Prose

POLL_SECONDS = 0.2

# What the projector shows over the lesson, as a line above the notes (see course.group.shown.VIEWS).
VIEW_TEXT = {
    "finish": N_("The projector asks \u201cFinish this session?\u201d"),
    "attendance": N_("The projector shows the attendance list, with names. Press P there to present the lesson "
                     "again."),
    "menu": N_("The projector shows the group's screens, not the lesson (names may be on it)."),
    "help": N_("The projector shows the help screen."),
    "crisis": N_("The projector shows the crisis numbers."),
    "closed": N_("Group mode was closed on the projector."),
}
BLANK_TEXT = N_("The projector is blank (press B there to show it again).")

STAGE_TEXT = {  # after "The room sees:"
    "question": N_("the question only"),
    "options": N_("the question and the options"),
    "tally": N_("the count boxes (you are typing the show of hands)"),
    "phones": N_("the question, the options and how to answer on phones (Enter there closes answering)"),
    "answer": N_("the right answer and the tally"),
}

WAITING = N_("# Waiting for the projector\n\nNothing is being presented yet. In the other terminal, run "
             "`family-course group`, open a group, start today's session and press **P** to present the lesson. "
             "This screen will follow it by itself.")


def step_notes(lesson: Lesson, index: int) -> str:
    """A step's facilitator notes, in the language shown now (the session's)."""
    step = lesson.steps[index]
    lines = [f"## {step.title}", "", "### " + _("Notes"), "",
             step.facilitator or _("_No facilitator notes for this step._"), ""]
    questions = discussion_questions(step)
    if questions:
        lines += ["### " + _("Questions for the room"), "", *(f"- {q}" for q in questions), ""]
    # Translators: a heading in the facilitator notes: what comes after this step
    lines += ["### " + _("Next"), ""]
    if index + 1 < len(lesson.steps):
        lines += [_("Step {number}: {title}").format(number=index + 2, title=lesson.steps[index + 1].title)]
    elif lesson.quiz is not None and lesson.quiz.questions:
        count = len(lesson.quiz.questions)
        lines += [ngettext("The group quiz ({count} question)", "The group quiz ({count} questions)",
                           count).format(count=count)]
    else:
        lines += [_("Finish the session (F on the projector).")]
    return "\n".join(lines)


def quiz_notes(lesson: Lesson, shown: Shown) -> str:
    """A quiz question's notes (every option with its feedback, what the room sees), in the language shown now."""
    assert lesson.quiz is not None
    question = lesson.quiz.questions[shown.question]
    # Translators: {what} is what the projector shows of the quiz question, like "the question only"
    sees = _("**The room sees:** {what}.").format(what=_(STAGE_TEXT[shown.stage]))
    lines = [f"## {question.title}", "", question.prompt, "", sees, ""]
    if shown.stage == "phones":
        lines += [_("**Phones:** {answered}.").format(answered=answered_text(shown.answered)), ""]
    lines += ["### " + _("Options"), ""]
    for i, option in enumerate(question.options):
        # Translators: an option's letter in the facilitator notes, then whether it is a right answer
        said = (_("**{letter} (right):**") if option.correct else _("**{letter} (not quite):**")).format(
            letter=option_label(i))
        lines += [f"- {said} {option.text}", f"  \n  {option.feedback}"]
    if question.explanation:
        lines += ["", "### " + _("Why it matters"), "", _without_heading(question.explanation)]
    return "\n".join(lines)


def _without_heading(explanation: str) -> str:
    """An explanation written as "Why it matters: ..." (or "Por qué importa: ...") without those words (they are
    the heading above it)."""
    return without_explanation_label(explanation)


class NotesScreen(GroupScreen[None]):
    CSS_PATH = "notes_screen.tcss"
    BINDINGS = [Binding("t", "theme", N_("Theme"), show=False, tooltip=N_("change the theme"))]
    KEY_HELP = KeyHelp(N_("Facilitator notes"), BINDINGS,
                       before=(Other("up,down,pageup,pagedown", N_("scroll the notes")),),
                       intro=N_("This screen follows the projector by itself: change steps in the presenting "
                                "terminal. Keep this window on your own screen, never on the projector."))
    HELP = KEY_HELP.markdown()

    def __init__(self) -> None:
        super().__init__()
        self.shown: Shown | None = None
        self.rendered: tuple | None = None
        self.step_since = time.monotonic()

    def compose(self) -> ComposeResult:
        with Vertical(id="notes"):
            with Horizontal(id="n-top"):
                yield Static("", id="n-title")
                yield Static("", id="n-clock")
            yield Static("", id="n-where", markup=False)
            yield Static("", id="n-timing")
            yield Static("", id="n-status")
            with VerticalScroll(id="n-page"):
                yield Prose(_(WAITING), id="n-body")
            yield KeyLine(id="n-hint")

    async def on_mount(self) -> None:
        self.label()
        self.query_one("#n-page", VerticalScroll).focus()
        await self.poll()
        self.set_interval(POLL_SECONDS, self.poll)

    def label(self) -> None:
        """The screen's own words, in the language shown now (they change with the session's language)."""
        self.query_one("#n-title", Static).update(_("Facilitator notes \u2013 your screen only"))
        self.query_one("#n-hint", KeyLine).show(key_line(
            actions_of(type(self.app), "help", "quit"), prefix=_("Follows the projector by itself") + " \u00b7 ",
            # Translators: what Up/Down do in the notes window, in its line of keys
            before=(Other("up,down", "", short=N_("scroll")),)))

    def follow_language(self, shown: Shown | None) -> None:
        """The notes speak the language of the session on the projector (the app's own while nothing is shown)."""
        language = shown.language if shown is not None else self.app.default_language
        if language != current_language():
            self.app.set_language(language)
            self.label()

    def _lesson(self, shown: Shown) -> Lesson | None:
        try:
            return self.app.course.lesson(shown.lesson_id)
        except KeyError:
            return None

    async def poll(self) -> None:
        shown = current(self.app.desk.shown())
        if shown != self.shown:
            self.shown = shown
            self.follow_language(shown)
            await self.render_shown()
        self.update_clock()

    async def render_shown(self) -> None:
        shown = self.shown
        where = self.query_one("#n-where", Static)
        status = self.query_one("#n-status", Static)
        body = self.query_one("#n-body", Prose)
        lesson = self._lesson(shown) if shown else None
        key = None if shown is None else (shown.session_id, shown.phase, shown.step, shown.question)
        if key != self.rendered:
            self.step_since = time.monotonic()
        covered = _(VIEW_TEXT[shown.view]) if shown and shown.view in VIEW_TEXT else ""
        status.update(covered or (_(BLANK_TEXT) if shown and shown.blank else ""))
        status.display = bool(covered or (shown and shown.blank))
        if shown is None:
            where.update("")
            text = _(WAITING)
        elif lesson is None:
            where.update(shown.lesson_id)
            text = _("This lesson is not in the course this screen loaded (were both started with the same "
                     "--content folders?).")
        elif shown.view == "closed":
            where.update(lesson.title)
            text = _("# Group mode was closed on the projector\n\nStart `family-course group` there again to go "
                     "on; this screen will follow it.")
        elif shown.phase == "done":
            where.update(lesson.title)
            text = _("# Session finished\n\nThe lesson was marked finished for everyone marked present.")
        elif shown.phase == "quiz" and lesson.quiz is not None and shown.question < len(lesson.quiz.questions):
            where.update(_("{lesson} \u00b7 Quiz question {number} of {total}").format(
                lesson=lesson.title, number=shown.question + 1, total=len(lesson.quiz.questions)))
            text = quiz_notes(lesson, shown)
        else:
            index = min(shown.step, len(lesson.steps) - 1)
            where.update(_("{lesson} \u00b7 Step {number} of {total}").format(
                lesson=lesson.title, number=index + 1, total=len(lesson.steps)))
            text = step_notes(lesson, index)
        if key != self.rendered:
            body.show(text)
            self.query_one("#n-page", VerticalScroll).scroll_home(animate=False)
            self.rendered = key
        elif body.source != text:
            body.show(text)

    def update_clock(self) -> None:
        shown = self.shown
        if shown is None:
            self.query_one("#n-clock", Static).update("")
            self.query_one("#n-timing", Static).update("")
            return
        elapsed = clock(shown.elapsed_seconds())
        self.query_one("#n-clock", Static).update(
            _("Session time {clock} (ended)").format(clock=elapsed) if shown.over
            else _("Session time {clock}").format(clock=elapsed))
        lesson = self._lesson(shown)
        timing = ""
        if lesson is not None and not shown.over and shown.phase == "step" and shown.step < len(lesson.steps):
            minutes = suggested_minutes(lesson.steps[shown.step].facilitator)
            here = clock(time.monotonic() - self.step_since)
            whole = group_minutes(lesson)
            timing = (_("On this step {clock} (suggested {minutes} min, whole session about {whole} min)")
                      if minutes else _("On this step {clock} (whole session about {whole} min)")).format(
                clock=here, minutes=minutes, whole=whole)
        elif lesson is not None and not shown.over and shown.phase == "quiz":
            timing = _("On this question {clock}").format(clock=clock(time.monotonic() - self.step_since))
        self.query_one("#n-timing", Static).update(timing)

    def action_theme(self) -> None:
        next_theme(self.app)
