"""One app for every mode; a mode decides the first screen and which keys exist."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from course.config import Settings
from course.ui import console, themes
from course.ui.course_loading import CourseLoading
from course.ui.kiosk.keys import FINISH_KEY, KIOSK_ONLY_ACTIONS, STAFF_KEY
from course.ui.screens.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen

if TYPE_CHECKING:
    from course.content.model import Course, Lesson
    from course.learner import Learner
    from course.ui.kiosk.controller import Kiosk
    from course.ui.screens.reader import ReaderScreen

CRISIS_KEY = "f2"
KEPT_READER = "kept lesson reader"
# The course is loaded in a thread this long after the first frame, so the first screen finishes without it
# (the thread holds the interpreter lock half the time); the welcome screen does not need it.
LOAD_COURSE_AFTER = 0.2
# Full garbage collections: about every 10 young-generation collections while nobody has typed for this long,
# and only every 100 (Python's default is 10) while keys keep coming. See CourseApp._collect_when_idle.
IDLE_SECONDS = 1.0
FULL_COLLECTION_EVERY = 100


class CourseApp(App[int]):
    """The Family Course app. ``store`` is a ``course.store.Store`` (or None where nothing is stored)."""

    TITLE = "Family Course"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding(CRISIS_KEY, "crisis", "Crisis help", priority=True),
        # A key that is not an F-key, for keyboards where F2 needs fn (a Mac); not a priority, so "!" is typed in a box
        Binding("exclamation_mark", "crisis", "Crisis help", show=False),
        Binding("question_mark", "help", "Help"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding(FINISH_KEY, "finish_visit", "Finish", priority=True),  # kiosk mode only (see check_action)
        Binding(STAFF_KEY, "staff", show=False, priority=True),  # kiosk mode only
    ]

    def __init__(self, course: Course | CourseLoading, store, settings: Settings | None = None,
                 data_dir: Path | None = None, *, mode: str = "home",
                 start: Callable[[], Screen] | None = None) -> None:
        super().__init__()
        self.mode = mode  # "home", "kiosk" or "group": decides the first screen and which keys work
        self.start = start
        self._course = course  # a CourseLoading is started after the first frame (see on_mount)
        self.store = store
        self.settings = settings or Settings()
        self.data_dir = data_dir
        self.learner: Learner | None = None
        self._reader: tuple[Learner, ReaderScreen] | None = None  # the kept lesson reader, and whose it is
        self.kiosk: Kiosk | None = None  # set in kiosk mode (course.ui.kiosk): sees every input, action and error
        self._last_input = time.monotonic()  # when a key or the mouse was last used (see _collect_when_idle)
        # The Linux console's fonts and colours (course/ui/console.py): its own CSS after the rest, its themes
        self.console_look = console.wanted()
        console.use_scroll_bars(self.console_look)
        if self.console_look:
            self.css_path.append(console.CSS)
        for theme in themes.for_look(self.console_look):
            self.register_theme(theme)
        # The first theme is set quietly, before any CSS is parsed: setting ``theme`` would parse and apply
        # all of it a second time. Like Textual's own dark default, it needs no other change.
        self.set_reactive(App.theme, themes.DARK)
        self.stylesheet.set_variables(self.get_css_variables())

    def get_default_screen(self) -> Screen:
        """At home the welcome screen is the bottom of the stack, so no empty screen is drawn and styled first.

        Other modes push their first screen in ``on_mount``: it may close itself (the staff PIN does).
        """
        if self.start is not None:
            return super().get_default_screen()
        from course.ui.screens.welcome import WelcomeScreen

        screen = WelcomeScreen()
        self._read_css(screen)  # read with the app's own CSS, so that all of it is parsed once, not twice
        screen.css_read_ahead = True
        return screen

    def _read_css(self, screen: Screen) -> bool:
        """Add ``screen``'s CSS files to the app's stylesheet (not parsed yet). True if any was new."""
        new = [path for path in screen.css_path if not self.stylesheet.has_source(str(path), "")]
        for path in new:
            self.stylesheet.read(path)
        return bool(new)

    # -- the lesson reader ------------------------------------------------------------------------------------------
    def reader_for(self, lesson: Lesson) -> ReaderScreen:
        """The lesson reader, to be pushed, showing ``lesson``.

        At home one reader is kept for the person using the app, made ahead of time and refilled for each lesson:
        Textual lays a new screen out three times before it draws it, which made opening a lesson take twice as
        long. In the kiosk nothing is kept from one visitor to the next, so each lesson gets a new reader.
        """
        from course.ui.screens.reader import ReaderScreen

        kept = self._kept_reader()
        if kept is not None:
            kept.open(lesson)
            return kept
        reader = ReaderScreen(lesson)
        self._keep(reader)
        return reader

    def make_reader_ahead(self, lesson: Lesson) -> None:
        """At home, make the kept reader while the course map is read, so that no lesson opens on a new screen.

        It is pushed and popped at once (both before the next frame, so it is never drawn): being pushed is what
        makes Textual build and lay out a screen. It shows nothing until a lesson is opened in it.
        """
        from course.ui.screens.reader import ReaderScreen

        if self._kept_reader() is not None or not self._keeps_reader():
            return
        reader = ReaderScreen(lesson, ahead=True)
        self._keep(reader)
        self.push_screen(reader)
        self.pop_screen()

    def forget_reader(self) -> None:
        """Let the kept reader go (a profile is being chosen): it holds that person's journal text."""
        if self._reader is None:
            return
        _, reader = self._reader
        if reader in self.screen_stack:
            return
        self._reader = None
        self.uninstall_screen(reader)
        reader.remove()

    def _keeps_reader(self) -> bool:
        return self.mode == "home" and self.kiosk is None and self.learner is not None

    def _keep(self, reader: ReaderScreen) -> None:
        if self._keeps_reader():
            assert self.learner is not None
            self._reader = (self.learner, reader)
            self.install_screen(reader, KEPT_READER)

    def _kept_reader(self) -> ReaderScreen | None:
        if self._reader is not None and self._reader[0] is not self.learner:
            self.forget_reader()
        return self._reader[1] if self._reader is not None else None

    # -- CSS ahead of time -------------------------------------------------------------------------------------------
    def preload_css(self, *screens: Screen) -> None:
        """Read the CSS of screens that are likely to be opened next, while the person is reading.

        Textual reads a screen's CSS when it is first shown, then parses all of the app's CSS again and restyles
        every widget; done here, ahead of time, the first lesson or quiz opens as quickly as the rest.
        """
        read = [self._read_css(screen) for screen in screens]  # every screen's, not only up to the first new one
        if any(read):
            self.stylesheet.reparse()
            self.stylesheet.update(self)

    def on_mount(self) -> None:
        if self.start is not None:
            self.push_screen(self.start())
        if self.mode != "kiosk":  # the kiosk handles signals itself (course.ui.kiosk.signals)
            self._quit_on_signals()
        problems = list(self.settings.problems)
        if self.store is not None:
            problems += list(self.store.problems)
        for problem in problems:
            self.notify(problem, title="Please note", severity="warning", timeout=20, markup=False)
        self._check_size(self.size.width, self.size.height)
        self.call_after_refresh(self._resume_collection)
        if isinstance(self._course, CourseLoading):
            self.set_timer(LOAD_COURSE_AFTER, self._course.start)
        else:
            self.call_after_refresh(self._freeze_long_lived)
        young, middle, _ = gc.get_threshold()
        gc.set_threshold(young, middle, FULL_COLLECTION_EVERY)
        self.set_interval(IDLE_SECONDS, self._collect_when_idle, name="garbage collection when idle")

    @property
    def course(self) -> Course:
        if isinstance(self._course, CourseLoading):
            self._course = self._course.get()
            self._freeze_long_lived()
        return self._course

    @staticmethod
    def _resume_collection() -> None:
        """Garbage collection was paused while the app started (see course.ui.launch): turn it back on.

        What was made while starting lives as long as the app, so it is frozen first: otherwise the first young
        collection would walk all of it (every object made since the pause), on the first key press or so.
        """
        if not gc.isenabled():
            gc.freeze()
            gc.enable()

    @staticmethod
    def _freeze_long_lived() -> None:
        """Keep what lives as long as the app (Textual, the styles, the course) out of Python's full collections.

        A full collection walks every object, about 200,000 here, and took over 0.1 s: one landed on a key press
        every 20 steps or so. Frozen objects are never collected, so this runs once the course is loaded.
        """
        gc.freeze()

    def _collect_when_idle(self) -> None:
        """Run Python's full garbage collection between key presses rather than during one.

        A full collection walks every object Textual keeps (tens of thousands of cached lines) and takes
        0.1-0.2 s on a slow machine; left to Python it lands on a random key press. Here it runs when nobody
        has typed for a second and at least as much has piled up as would have set Python's default off.
        """
        if time.monotonic() - self._last_input >= IDLE_SECONDS and gc.get_count()[2] >= 10:
            gc.collect()

    # -- keys available everywhere -------------------------------------------------------------------------------
    def action_crisis(self) -> None:
        from course.ui.screens.help import CrisisScreen  # here: the first screen does not need it

        if not isinstance(self.screen, CrisisScreen):
            self.push_screen(CrisisScreen(self.settings))

    def action_help(self) -> None:
        from course.ui.screens.help import CrisisScreen, HelpScreen

        if not isinstance(self.screen, HelpScreen | CrisisScreen | TooSmallScreen):
            if self.kiosk is not None:
                from course.ui.kiosk.keys import GENERAL_HELP

                self.push_screen(HelpScreen(getattr(self.screen, "HELP", ""), general=GENERAL_HELP))
            else:
                self.push_screen(HelpScreen(getattr(self.screen, "HELP", "")))

    def action_quit(self) -> None:
        self.save_open_work()
        self.exit(0)

    def save_open_work(self) -> None:
        """Save what is typed and not yet saved (a journal box saves a second after the last key) on every
        screen that has some: before quitting, on SIGTERM or SIGHUP, and before the profile changes."""
        screens = list(self.screen_stack)
        if self._reader is not None and self._reader[1] not in screens:
            screens.append(self._reader[1])
        for screen in screens:
            save = getattr(screen, "save_open_work", None)
            if callable(save):
                save()

    def _quit_on_signals(self) -> None:
        """SIGTERM (a shutdown) and SIGHUP (the terminal window closed) save typed work, then quit."""
        import asyncio
        import signal

        loop = asyncio.get_running_loop()
        for name in ("SIGTERM", "SIGHUP"):
            number = getattr(signal, name, None)  # Windows has no SIGHUP
            if number is None:
                continue
            try:
                loop.add_signal_handler(number, self.action_quit)
            except (NotImplementedError, RuntimeError, ValueError):  # no signal handlers in this loop or thread
                continue

    # -- kiosk lock-down: each hook hands over to self.kiosk, and does nothing in the other modes --------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "help" and self.typing():
            return False  # "?" types a question mark into a text box: the footer must not offer it as a key
        if self.kiosk is not None:
            return self.kiosk.allows(action)
        return action not in KIOSK_ONLY_ACTIONS

    def typing(self) -> bool:
        """True while the focus is in a box that takes text, where letters and "?" are typed, not keys."""
        from textual.widgets import Input, TextArea

        return isinstance(self.focused, Input | TextArea)

    def action_finish_visit(self) -> None:
        if self.kiosk is not None:
            self.kiosk.finish()

    def action_staff(self) -> None:
        if self.kiosk is not None:
            self.kiosk.ask_staff_pin()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self._last_input = time.monotonic()
        if self.kiosk is not None and self._kiosk_drops(event):
            return
        await super().on_event(event)

    def _kiosk_drops(self, event: events.Event) -> bool:
        return isinstance(event, events.InputEvent) and not event.is_forwarded and self.kiosk.intercept(event)

    async def run_action(self, action: Any, default_namespace: Any = None, namespaces: Any = None) -> bool:
        if self.kiosk is None:
            return await super().run_action(action, default_namespace, namespaces)
        try:
            return await super().run_action(action, default_namespace, namespaces)
        except Exception as error:  # a screen's action failed: back to the kiosk start screen
            self.kiosk.recover(error)
            return True

    def _handle_exception(self, error: Exception) -> None:
        if self.kiosk is None:
            super()._handle_exception(error)
        else:
            self.kiosk.recover(error)

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        if self.kiosk is None:
            super().open_url(url, new_tab=new_tab)

    # -- small terminals --------------------------------------------------------------------------------------------
    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int, height: int) -> None:
        too_small = width < MIN_WIDTH or height < MIN_HEIGHT
        showing = isinstance(self.screen, TooSmallScreen)
        if too_small and not showing:
            self.push_screen(TooSmallScreen())
        elif not too_small and showing:
            self.pop_screen()

    # -- preferences ----------------------------------------------------------------------------------------------
    def apply_theme(self, name: str) -> None:
        if name in themes.LABELS:
            self.theme = name

    def report_store_error(self, error: Exception) -> None:
        """Show a store problem as a plain message; the app keeps going."""
        self.notify(str(error), title="Not saved", severity="error", timeout=15, markup=False)
