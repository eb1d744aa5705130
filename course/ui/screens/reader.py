"""The lesson reader: one step at a time, a progress bar, journal prompts, and the position always saved."""

from __future__ import annotations

import time

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static, TextArea

from course.content.model import Lesson, Reflection, Step
from course.i18n import N_, _
from course.services import StoreError
from course.ui.deferred import after_refresh
from course.ui.keys import KeyHelp, Other
from course.ui.navigation import leave, on_top, push
from course.ui.screen import CourseScreen
from course.ui.screens.dialogs import ConfirmDialog
from course.ui.widgets.button import Button, MouseButton, relabel
from course.ui.widgets.crisis_line import CrisisLine
from course.ui.widgets.footer import KeyFooter
from course.ui.widgets.prose import Prose
from course.ui.widgets.step_bar import StepBar

AUTOSAVE_SECONDS = 1.0


class ReflectionBox(Vertical):
    """A journal prompt and the box where the answer is typed (saved as it is typed).

    Boxes are mounted once and reused from step to step: mounting a text box costs far more than filling one.
    """

    def __init__(self, *, keeps_journal: bool) -> None:
        super().__init__(classes="reflection")
        self.reflection: Reflection | None = None
        self.saved_text = ""
        self.keeps_journal = keeps_journal

    def compose(self) -> ComposeResult:
        # Not "private": anyone who can open this profile on this computer can read the journal.
        heading = (_("Think about this (for your journal on this computer):") if self.keeps_journal
                   else _("Think about this:"))
        yield Static(heading, classes="reflection-heading")
        yield Static("", markup=False, classes="reflection-prompt")
        if self.keeps_journal:
            yield TextArea("", soft_wrap=True, show_line_numbers=False, classes="reflection-text")
            yield Static(_("Saved as you type. Escape: back to the lesson text."), classes="muted reflection-status")

    def load(self, reflection: Reflection, text: str) -> None:
        self.reflection = reflection
        self.saved_text = text
        self._fill()

    def on_mount(self) -> None:
        self._fill()  # a box loaded before its parts were mounted (one mounted ahead, while a step was shown)

    def _fill(self) -> None:
        if self.reflection is None:
            return
        for prompt in self.query(".reflection-prompt").results(Static):
            prompt.update(self.reflection.prompt)
        for box in self.query(TextArea):
            box.load_text(self.saved_text)
            box.move_cursor(box.document.end)  # typing more adds to the end of what was written

    @property
    def text(self) -> str:
        if not self.keeps_journal:
            return ""
        boxes = self.query(TextArea)
        return boxes.first().text if boxes else self.saved_text


BACK_TO_TEXT = N_("back from the journal box to the lesson text")


class ReaderScreen(CourseScreen[None]):
    CSS_PATH = "reader.tcss"
    BINDINGS = [
        # N and P first: the footer shows an action's first key, and once the page has focus its own (unshown)
        # Left and Right bindings hide those keys from the footer (pressing them still turns the page).
        # Translators: a key in the key bar that shows the next part of the lesson
        Binding("n,right,enter", "next", N_("Next"),
                tooltip=N_("the rest of a long step, then the next step")),
        # Translators: a key in the key bar that goes to the previous step of the lesson
        Binding("p,left", "back", N_("Back"), tooltip=N_("previous step")),
        # Translators: a key in the key bar (keep it short: the bar must fit 80 columns with Next and Course map)
        Binding("tab", "next_box", N_("Write in journal"),
                tooltip=N_("write in the step's journal box (when it has one). In the box every key types, and "
                           "what you write is saved as you type")),
        # the same move, not offered again inside a box
        Binding("tab", "next_box_from_box", show=False, tooltip=BACK_TO_TEXT),
        Binding("shift+tab", "previous_box", show=False),
        Binding("escape", "to_page", N_("Back to the text"), tooltip=BACK_TO_TEXT),
        # Translators: a key in the key bar, and a button: keep it short (Spanish "Mapa"), the bar must fit 80
        # columns with Crisis help, Help, Next, Write in journal and Quit
        Binding("escape", "leave", N_("Course map"), tooltip=N_("back to the course map (your place is kept)")),
    ]
    KEY_HELP = KeyHelp(N_("Reading a lesson"), BINDINGS, before=(
        Other("up,down,pageup,pagedown,home,end", N_("scroll a long step")),
    ), last=("leave",))
    HELP = KEY_HELP.markdown()

    def __init__(self, lesson: Lesson, *, ahead: bool = False) -> None:
        """``ahead``: made before it is needed (see course.ui.readers.ReaderPool); shows nothing until ``open()``."""
        super().__init__()
        self.lesson = lesson
        self.index = 0
        self.step_started = time.monotonic()
        self._autosave: Timer | None = None
        self._journal: dict[str, str] | None = None  # journal texts by prompt key, read once per lesson
        self._to_open = not ahead  # a lesson to show the next time this screen is shown
        self._ahead = ahead

    def open(self, lesson: Lesson) -> None:
        """Show ``lesson`` (from its saved step) the next time this screen is shown: a kept reader is reused."""
        if self._autosave is not None:
            self._autosave.stop()
            self._autosave = None
        self.lesson = lesson
        self.index = 0
        self._journal = None
        self._to_open = True

    @property
    def step(self) -> Step:
        return self.lesson.steps[self.index]

    def compose(self) -> ComposeResult:
        with Vertical(id="reader"):
            with Horizontal(id="reader-top"):
                yield Static("", markup=False, id="lesson-title")
                yield Static("", id="step-count")
            yield StepBar(id="step-bar")
            with VerticalScroll(id="page"), Vertical(classes="reading", id="reading"):
                yield Static("", id="step-title", markup=False)
                yield Prose(id="step-body")
                yield Vertical(*self._boxes_ahead(), id="reflections")
            # The buttons are for the mouse: N, P and Escape do the same from the keyboard, and Tab moves between
            # the text and the step's journal boxes.
            with Horizontal(id="nav"):
                yield MouseButton(_("< Back"), id="back")
                yield MouseButton(_("Next >"), id="next", variant="primary")
                yield MouseButton(_("Course map"), id="map")
        yield CrisisLine()
        yield KeyFooter()

    async def on_screen_resume(self) -> None:
        # Also sent when a dialog over this screen closes: only a newly opened lesson is started.
        # Not when the screen has already gone again (a burst of keys), nor once the person has left.
        if self._to_open and on_top(self) and self.app.learner is not None:
            self._to_open = False
            await self._start()

    async def _start(self) -> None:
        self.step_started = time.monotonic()
        self.query_one("#lesson-title", Static).update(self.lesson.title)
        learner = self.app.active_learner
        try:
            state = learner.lesson_state(self.lesson.id)
            start = state.step if state.status == "in_progress" else 0
        except StoreError as error:
            self.app.report_store_error(error)
            start = 0
        await self.show_step(max(0, min(start, len(self.lesson.steps) - 1)), save=True)
        after_refresh(self, self._premount_reflections)
        self.query_one("#page", VerticalScroll).focus()

    def _journal_texts(self) -> dict[str, str]:
        learner = self.app.active_learner
        if not learner.keeps_journal:
            return {}
        try:
            return {entry.prompt_key: entry.text for entry in learner.journal()}
        except StoreError as error:
            self.app.report_store_error(error)
            return {}

    async def show_step(self, index: int, *, save: bool) -> None:
        self.index = index
        step = self.step
        total = len(self.lesson.steps)
        bar = self.query_one("#step-bar", StepBar)
        bar.total, bar.done = total, index + 1
        self.query_one("#step-title", Static).update(step.title)
        self.query_one("#step-body", Prose).show(step.body)
        await self._show_reflections(step)
        # Said last, once the step's journal boxes are in place: Tab, pressed as soon as it shows, finds them.
        self.query_one("#step-count", Static).update(_("Step {number} of {total}").format(number=index + 1,
                                                                                          total=total))
        self.query_one("#back", Button).disabled = index == 0
        relabel(self.query_one("#next", Button), _("Finish lesson") if index == total - 1 else _("Next >"))
        page = self.query_one("#page", VerticalScroll)
        page.scroll_home(animate=False)
        if self._in_box():
            page.focus()
        self.refresh_bindings()  # the key bar offers Tab only on a step with a journal box
        if save:
            self._save_position()
        after_refresh(self, self._prepare_neighbours)

    # -- the journal boxes: Tab goes from the page to each box of the step and back; Escape leaves a box ---------
    def _in_box(self) -> bool:
        return isinstance(self.focused, TextArea)

    def _text_boxes(self) -> list[TextArea]:
        """The journal text boxes shown on this step, top to bottom."""
        if not self.is_mounted:
            return []
        return [box.query_one(TextArea) for box in self.query(ReflectionBox)
                if box.display and box.reflection is not None and box.keeps_journal]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("next", "back", "leave"):
            return not self._in_box()  # in a journal box every key types (Enter adds a line)
        if action == "to_page":
            return self._in_box()
        if action == "next_box":
            return bool(self._text_boxes()) and not self._in_box()
        if action == "next_box_from_box":
            return self._in_box()
        return True

    def _move_between_boxes(self, step: int) -> None:
        stops: list[Widget] = [self.query_one("#page", VerticalScroll), *self._text_boxes()]
        current = self.focused if self.focused in stops else stops[0]
        stops[(stops.index(current) + step) % len(stops)].focus()

    def action_next_box(self) -> None:
        self._move_between_boxes(1)

    def action_next_box_from_box(self) -> None:
        self._move_between_boxes(1)

    def action_previous_box(self) -> None:
        self._move_between_boxes(-1)

    def action_to_page(self) -> None:
        self.save_reflections()
        self.query_one("#page", VerticalScroll).focus()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, TextArea):
            box = next(ancestor for ancestor in event.widget.ancestors if isinstance(ancestor, ReflectionBox))
            # After the focus change's own scrolling: the prompt above the box must show too, not only the box.
            after_refresh(self, self._show_box, box)
        self.refresh_bindings()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        self.refresh_bindings()

    def _show_box(self, box: ReflectionBox) -> None:
        if box.is_attached and box.display:
            self.query_one("#page", VerticalScroll).scroll_to_widget(box, animate=False)

    def _boxes_ahead(self) -> list[ReflectionBox]:
        """A reader made ahead mounts (hidden) as many journal boxes as any lesson of the course needs."""
        if not self._ahead:
            return []
        most = max((len(step.reflections) for lesson in self.app.course.lessons for step in lesson.steps),
                   default=0)
        boxes = [ReflectionBox(keeps_journal=self.app.active_learner.keeps_journal) for _n in range(most)]
        for box in boxes:
            box.display = False
        return boxes

    async def _premount_reflections(self) -> None:
        """Mount this lesson's journal boxes (hidden) after the first step is on screen, not on a key press."""
        most = max((len(step.reflections) for step in self.lesson.steps), default=0)
        holder = self.query_one("#reflections", Vertical)
        missing = most - len(holder.children)
        if missing > 0:
            keeps = self.app.active_learner.keeps_journal
            boxes = [ReflectionBox(keeps_journal=keeps) for _n in range(missing)]
            for box in boxes:
                box.display = False
            await holder.mount_all(boxes)

    async def _show_reflections(self, step: Step) -> None:
        holder = self.query_one("#reflections", Vertical)
        boxes = list(holder.query_children(ReflectionBox))
        missing = len(step.reflections) - len(boxes)
        if missing > 0:
            keeps = self.app.active_learner.keeps_journal
            new = [ReflectionBox(keeps_journal=keeps) for _n in range(missing)]
            await holder.mount_all(new)
            boxes += new
        if self._journal is None and step.reflections:
            self._journal = self._journal_texts()
        for number, box in enumerate(boxes):
            shown = number < len(step.reflections)
            if shown:
                reflection = step.reflections[number]
                box.load(reflection, (self._journal or {}).get(reflection.key, ""))
            else:
                box.reflection = None
            box.display = shown

    def _prepare_neighbours(self) -> None:
        """Draw the next and previous steps' text now, while this one is read, so moving on is instant."""
        body = self.query_one("#step-body", Prose)
        for index in (self.index + 1, self.index - 1):
            if 0 <= index < len(self.lesson.steps):
                body.prepare(self.lesson.steps[index].body)

    def _elapsed(self) -> float:
        now = time.monotonic()
        elapsed, self.step_started = now - self.step_started, now
        return elapsed

    def _save_position(self) -> None:
        try:
            self.app.active_learner.save_position(self.lesson.id, self.index, self._elapsed())
        except StoreError as error:
            self.app.report_store_error(error)

    def save_open_work(self) -> None:
        """Called by the app before it quits (see CourseApp.save_open_work)."""
        if self._to_open or not self.is_mounted:
            return
        self.save_reflections()

    def save_reflections(self) -> None:
        learner = self.app.active_learner
        if not learner.keeps_journal:
            return
        for box in self.query(ReflectionBox):
            if box.reflection is None:
                continue
            text = box.text
            if text.strip() != box.saved_text.strip():
                try:
                    learner.save_journal(self.lesson.id, box.reflection.key, box.reflection.prompt, text)
                    box.saved_text = text
                    if self._journal is not None:
                        self._journal[box.reflection.key] = text
                except StoreError as error:
                    self.app.report_store_error(error)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if self._autosave is not None:
            self._autosave.stop()
        self._autosave = self.set_timer(AUTOSAVE_SECONDS, self.save_reflections)

    async def action_next(self) -> None:
        if not on_top(self):  # a button press left over from a burst of keys
            return
        page = self.query_one("#page", VerticalScroll)
        # The rest of a long step first, so none of it is skipped unseen (where a scroll is under way: its end).
        if max(page.scroll_y, page.scroll_target_y) < page.max_scroll_y:
            page.scroll_page_down(animate=False)
            return
        self.save_reflections()
        if self.index < len(self.lesson.steps) - 1:
            await self.show_step(self.index + 1, save=True)
        else:
            self.finish()

    async def action_back(self) -> None:
        self.save_reflections()
        if self.index > 0:
            await self.show_step(self.index - 1, save=True)

    def action_leave(self) -> None:
        self.save_reflections()
        self._save_position()
        leave(self)

    def finish(self) -> None:
        try:
            self.app.active_learner.finish_lesson(self.lesson.id, self._elapsed())
        except StoreError as error:
            self.app.report_store_error(error)
        if self.lesson.quiz is None:
            self.app.notify(_("You finished \u201c{title}\u201d. Well done.").format(title=self.lesson.title),
                            markup=False)
            leave(self)
            return

        def chosen(take_quiz: bool | None) -> None:
            if not on_top(self):
                return
            self.app.pop_screen()
            if take_quiz:  # over the course map, where the reader was opened
                from course.ui.screens.quiz import begin_quiz

                self.app.push_screen(begin_quiz(self.app, self.lesson))

        push(self,
            ConfirmDialog(_("You finished \u201c{title}\u201d. Well done.\n\nThe short quiz checks what you "
                            "learned. Each answer explains itself, so it is a way to learn, not a test to fear.")
                          .format(title=self.lesson.title),
                          yes=_("Take the quiz"), no=_("Back to course map"), focus_yes=True),
            chosen,
        )

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "next":
                await self.action_next()
            case "back":
                await self.action_back()
            case "map":
                self.action_leave()
