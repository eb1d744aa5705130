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
from course.ui.group.projector import next_theme
from course.ui.group.screen import GroupScreen
from course.ui.keys import KeyHelp, Other, actions_of, key_line
from course.ui.widgets.prose import Prose

POLL_SECONDS = 0.2

# What the projector shows over the lesson, as a line above the notes (see course.group.shown.VIEWS).
VIEW_TEXT = {
    "finish": "The projector asks \u201cFinish this session?\u201d",
    "attendance": "The projector shows the attendance list, with names. Press P there to present the lesson again.",
    "menu": "The projector shows the group's screens, not the lesson (names may be on it).",
    "help": "The projector shows the help screen.",
    "crisis": "The projector shows the crisis numbers.",
    "closed": "Group mode was closed on the projector.",
}
BLANK_TEXT = "The projector is blank (press B there to show it again)."

STAGE_TEXT = {
    "question": "the question only",
    "options": "the question and the options",
    "tally": "the count boxes (you are typing the show of hands)",
    "phones": "the question, the options and how to answer on phones (Enter there closes answering)",
    "answer": "the right answer and the tally",
}

WAITING = ("# Waiting for the projector\n\nNothing is being presented yet. In the other terminal, run "
           "`family-course group`, open a group, start today's session and press **P** to present the lesson. "
           "This screen will follow it by itself.")


def step_notes(lesson: Lesson, index: int) -> str:
    step = lesson.steps[index]
    lines = [f"## {step.title}", "", "### Notes", "",
             step.facilitator or "_No facilitator notes for this step._", ""]
    questions = discussion_questions(step)
    if questions:
        lines += ["### Questions for the room", "", *(f"- {q}" for q in questions), ""]
    if index + 1 < len(lesson.steps):
        lines += ["### Next", "", f"Step {index + 2}: {lesson.steps[index + 1].title}"]
    elif lesson.quiz is not None and lesson.quiz.questions:
        lines += ["### Next", "", f"The group quiz ({len(lesson.quiz.questions)} questions)"]
    else:
        lines += ["### Next", "", "Finish the session (F on the projector)."]
    return "\n".join(lines)


def quiz_notes(lesson: Lesson, shown: Shown) -> str:
    assert lesson.quiz is not None
    question = lesson.quiz.questions[shown.question]
    lines = [f"## {question.title}", "", question.prompt, "", f"**The room sees:** {STAGE_TEXT[shown.stage]}.", ""]
    if shown.stage == "phones":
        lines += [f"**Phones:** {answered_text(shown.answered)}.", ""]
    lines += ["### Options", ""]
    for i, option in enumerate(question.options):
        mark = "right" if option.correct else "not quite"
        lines += [f"- **{option_label(i)} ({mark}):** {option.text}", f"  \n  {option.feedback}"]
    if question.explanation:
        lines += ["", "### Why it matters", "", _without_heading(question.explanation)]
    return "\n".join(lines)


def _without_heading(explanation: str) -> str:
    """An explanation written as "Why it matters: ..." (or "Por qué importa: ...") without those words (they are
    the heading above it)."""
    return without_explanation_label(explanation)


class NotesScreen(GroupScreen[None]):
    CSS_PATH = "notes_screen.tcss"
    BINDINGS = [Binding("t", "theme", "Theme", show=False, tooltip="change the theme")]
    KEY_HELP = KeyHelp("Facilitator notes", BINDINGS, before=(Other("up,down,pageup,pagedown", "scroll the notes"),),
                       intro="This screen follows the projector by itself: change steps in the presenting terminal. "
                             "Keep this window on your own screen, never on the projector.")
    HELP = KEY_HELP.markdown()

    def __init__(self) -> None:
        super().__init__()
        self.shown: Shown | None = None
        self.rendered: tuple | None = None
        self.step_since = time.monotonic()

    def compose(self) -> ComposeResult:
        with Vertical(id="notes"):
            with Horizontal(id="n-top"):
                yield Static("Facilitator notes \u2013 your screen only", id="n-title")
                yield Static("", id="n-clock")
            yield Static("", id="n-where", markup=False)
            yield Static("", id="n-timing")
            yield Static("", id="n-status")
            with VerticalScroll(id="n-page"):
                yield Prose(WAITING, id="n-body")
            yield Static(key_line(actions_of(type(self.app), "help", "quit"), prefix="Follows the projector by itself "
                                  "\u00b7 ", before=(Other("up,down", "", short="scroll"),)), id="n-hint")

    async def on_mount(self) -> None:
        self.query_one("#n-page", VerticalScroll).focus()
        await self.poll()
        self.set_interval(POLL_SECONDS, self.poll)

    def _lesson(self, shown: Shown) -> Lesson | None:
        try:
            return self.app.course.lesson(shown.lesson_id)
        except KeyError:
            return None

    async def poll(self) -> None:
        shown = current(self.app.desk.shown())
        if shown != self.shown:
            self.shown = shown
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
        covered = VIEW_TEXT.get(shown.view, "") if shown else ""
        status.update(covered or (BLANK_TEXT if shown and shown.blank else ""))
        status.display = bool(covered or (shown and shown.blank))
        if shown is None:
            where.update("")
            text = WAITING
        elif lesson is None:
            where.update(shown.lesson_id)
            text = "This lesson is not in the course this screen loaded (were both started with the same " \
                   "--content folders?)."
        elif shown.view == "closed":
            where.update(lesson.title)
            text = ("# Group mode was closed on the projector\n\nStart `family-course group` there again to go on; "
                    "this screen will follow it.")
        elif shown.phase == "done":
            where.update(lesson.title)
            text = "# Session finished\n\nThe lesson was marked finished for everyone marked present."
        elif shown.phase == "quiz" and lesson.quiz is not None and shown.question < len(lesson.quiz.questions):
            where.update(f"{lesson.title} \u00b7 Quiz question {shown.question + 1} of "
                         f"{len(lesson.quiz.questions)}")
            text = quiz_notes(lesson, shown)
        else:
            index = min(shown.step, len(lesson.steps) - 1)
            where.update(f"{lesson.title} \u00b7 Step {index + 1} of {len(lesson.steps)}")
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
        ended = " (ended)" if shown.over else ""
        self.query_one("#n-clock", Static).update(f"Session time {clock(shown.elapsed_seconds())}{ended}")
        lesson = self._lesson(shown)
        timing = ""
        if lesson is not None and not shown.over and shown.phase == "step" and shown.step < len(lesson.steps):
            minutes = suggested_minutes(lesson.steps[shown.step].facilitator)
            here = clock(time.monotonic() - self.step_since)
            suggested = f"suggested {minutes} min, " if minutes else ""
            timing = f"On this step {here} ({suggested}whole session about {group_minutes(lesson)} min)"
        elif lesson is not None and not shown.over and shown.phase == "quiz":
            timing = f"On this question {clock(time.monotonic() - self.step_since)}"
        self.query_one("#n-timing", Static).update(timing)

    def action_theme(self) -> None:
        next_theme(self.app)
