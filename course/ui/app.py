"""What every mode's app shares: crisis help and help on every screen, quitting, themes, small terminals.

Each mode has its own app on this base: ``course.ui.home.app.HomeApp``, ``course.ui.group.app.GroupApp`` and
``course.ui.kiosk.app.KioskApp``. The base has no mode branches: a mode changes what it needs by overriding the
hooks below (``general_help``, ``readers``, the first screen) and by adding its own keys.

The keys and their help are declared at import time, in English (``N_``): the key bar, the help dialog and the
other sinks translate them when they are shown, in the language shown then (``course.i18n``).
"""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.screen import Screen

from course.config import Settings
from course.content.library import Courses
from course.i18n import DEFAULT_LANGUAGE, N_, _, current_language, ngettext, use_language
from course.ui import console, themes
from course.ui.deferred import after_refresh
from course.ui.keys import KeyHelp, everywhere
from course.ui.readers import NewReaders, Readers
from course.ui.screens.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen

if TYPE_CHECKING:
    from course.cards import Answers, Card
    from course.content.model import Course
    from course.learner import Learner
    from course.record import Record
    from course.services import Store

CRISIS_KEY = "f2"
CRISIS_SAYS = N_("crisis help (phone numbers); on a Mac, F2 may need fn")
# Full garbage collections: about every 10 young-generation collections while nobody has typed for this long,
# and only every 100 (Python's default is 10) while keys keep coming. See CourseApp.collect_when_idle.
IDLE_SECONDS = 1.0
FULL_COLLECTION_EVERY = 100
QUIT_GRACE_SECONDS = 3.0  # after SIGTERM or SIGHUP, the most Textual may take to finish quitting


class CourseLoaded(Message):
    """The course has been read (home mode reads it in a worker while the welcome screen is shown)."""

    def __init__(self, courses: Courses) -> None:
        super().__init__()
        self.courses = courses


class CourseApp(App[int]):
    """The shared base. ``store`` is the open store, from which each mode's app makes its services
    (``course.services``); ``learner`` is who takes the course now."""

    TITLE = "Family Course"
    CSS_PATH = Path(__file__).with_name("app.tcss")  # whole: every mode's app is in another folder
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(CRISIS_KEY, "crisis", N_("Crisis help"), priority=True, tooltip=CRISIS_SAYS),
        # A key that is not an F-key, for keyboards where F2 needs fn (a Mac); not a priority, so "!" is typed in a box
        Binding("exclamation_mark", "crisis", N_("Crisis help"), show=False, tooltip=CRISIS_SAYS),
        Binding("question_mark", "help", N_("Help"),
                tooltip=N_("help for this screen (in a text box, **?** is just typed)")),
        Binding("ctrl+q", "quit", N_("Quit"), priority=True,
                tooltip=N_("quit (everything is saved, even what you were typing)")),
    ]
    # The "Everywhere" part of the help dialog: a KeyHelp, made into Markdown (translated) when the help opens.
    # A mode with other keys everywhere gives its own (``general_help = everywhere([...])``, no ``.markdown()``).
    general_help: ClassVar[KeyHelp] = everywhere(BINDINGS)
    quits_on_signals: ClassVar[bool] = True  # SIGTERM and SIGHUP save typed work, then quit

    def __init__(self, course: Course | Courses | None, store: Store, settings: Settings | None = None,
                 data_dir: Path | None = None, *, language: str = DEFAULT_LANGUAGE) -> None:
        super().__init__()
        # The course in each language; None until loaded (see when_course_ready)
        self.courses: Courses | None = None if course is None else course if isinstance(
            course, Courses) else Courses.of(course)
        self.default_language = language  # --lang or FAMILY_COURSE_LANG: before a profile is chosen, for new ones
        use_language(language)
        self._course_waiting: list[Callable[[], object]] = []
        self.store = store
        self.settings = settings or Settings()
        self.data_dir = data_dir
        self.learner: Learner | None = None
        self.readers: Readers = NewReaders()
        self._last_input = time.monotonic()  # when a key or the mouse was last used (see collect_when_idle)
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

    # -- the course -------------------------------------------------------------------------------------------------
    @property
    def course(self) -> Course:
        """The course in the language shown now. Screens that need it are opened through ``when_course_ready``,
        so it is there (another language is read the first time it is wanted)."""
        if self.courses is None:
            raise RuntimeError("the course is still loading: open this screen through when_course_ready")
        return self.courses[current_language()]

    def when_course_ready(self, then: Callable[[], object]) -> None:
        """Call ``then`` now if the course is loaded, else as soon as it is."""
        if self.courses is not None:
            then()
        else:
            self._course_waiting.append(then)

    def on_course_loaded(self, message: CourseLoaded) -> None:
        self.courses = message.courses
        waiting, self._course_waiting = self._course_waiting, []
        for then in waiting:
            then()

    # -- the language ------------------------------------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        """Show the interface and the course in ``language`` from now on. Screens already open keep their words:
        the caller redraws or remakes them (the welcome screen, Settings and the kiosk's start screen do)."""
        use_language(language)

    @property
    def active_learner(self) -> Learner:
        """The person taking the course, for screens that are only open while there is one (lessons, quizzes,
        progress): an error here is a screen opened with nobody signed in."""
        if self.learner is None:
            raise RuntimeError("no one is taking the course now")
        return self.learner

    # -- starting ---------------------------------------------------------------------------------------------------
    def on_mount(self) -> None:
        if self.quits_on_signals:
            self._quit_on_signals()
        problems = list(self.settings.problems) + list(self.store.problems)
        for problem in problems:
            self.notify(problem, title=_("Please note"), severity="warning", timeout=20, markup=False)
        self.check_size()
        after_refresh(self.screen, gc.enable)  # see course.ui.collection: paused until the first frame
        young, middle, _old = gc.get_threshold()
        gc.set_threshold(young, middle, FULL_COLLECTION_EVERY)
        self.set_interval(IDLE_SECONDS, self.collect_when_idle, name="garbage collection when idle")

    def collect_when_idle(self) -> None:
        """Run Python's full garbage collection between key presses rather than during one.

        A full collection walks every object Textual keeps (tens of thousands of cached lines) and takes
        0.1-0.2 s on a slow machine; left to Python it lands on a random key press. Here it runs when nobody
        has typed for a second and at least as much has piled up as would have set Python's default off.
        """
        if time.monotonic() - self._last_input >= IDLE_SECONDS and gc.get_count()[2] >= 10:
            gc.collect()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self._last_input = time.monotonic()
        await super().on_event(event)

    # -- keys available everywhere -------------------------------------------------------------------------------
    def action_crisis(self) -> None:
        from course.ui.screens.help import CrisisScreen  # here: the first screen does not need it (start-up)

        if not isinstance(self.screen, CrisisScreen):
            self.push_screen(CrisisScreen(self.settings))

    def action_help(self) -> None:
        from course.ui.screens.help import CrisisScreen, HelpScreen  # here, as above

        if not isinstance(self.screen, HelpScreen | CrisisScreen | TooSmallScreen):
            self.push_screen(HelpScreen(self.screen_help(self.screen), general=self.general_help_text()))

    def screen_help(self, screen: Screen[Any]) -> str:
        """The help of ``screen`` in the language shown now, as this mode shows it: its ``KEY_HELP`` made into
        Markdown now, else its ``HELP`` (a text marked ``N_``) translated."""
        key_help = getattr(screen, "KEY_HELP", None)
        if isinstance(key_help, KeyHelp):
            return key_help.markdown()
        text = getattr(screen, "HELP", None)
        return _(text) if isinstance(text, str) and text else ""

    def general_help_text(self) -> str:
        """The "Everywhere" part of the help, in the language shown now (from ``general_help``)."""
        general: KeyHelp | str = self.general_help
        if isinstance(general, KeyHelp):
            return general.markdown()
        return _(general) if general else ""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # "?" types a question mark into a text box: the footer must not offer it as a key there
        return not (action == "help" and self.typing())

    def typing(self) -> bool:
        """True while the focus is in a box that takes text, where letters and "?" are typed, not keys."""
        from textual.widgets import Input, TextArea  # here: TextArea pulls in much the first screen does not need

        return isinstance(self.focused, Input | TextArea)

    async def action_quit(self) -> None:
        """Ctrl+Q is a priority key: the app can see it while letters typed just before it are still on their
        way to the focused box. Saving and quitting then wait in that box's own queue, behind those letters."""
        focused = self.focused
        if focused is not None and self.typing():
            focused.call_later(self.save_and_quit)
        else:
            self.save_and_quit()

    def save_and_quit(self) -> None:
        self.save_open_work()
        self.exit(0)

    def save_open_work(self) -> None:
        """Save what is typed and not yet saved (a journal box saves a second after the last key) on every
        screen that has some: before quitting, on SIGTERM or SIGHUP, and before the profile changes."""
        screens = list(self.screen_stack)
        screens += [screen for screen in self.readers.kept() if screen not in screens]
        for screen in screens:
            save = getattr(screen, "save_open_work", None)
            if callable(save):
                save()

    def _quit_on_signals(self) -> None:
        """SIGTERM (a shutdown) and SIGHUP (the terminal window closed) save typed work, then quit."""
        loop = asyncio.get_running_loop()
        for name in ("SIGTERM", "SIGHUP"):
            number = getattr(signal, name, None)  # Windows has no SIGHUP
            if number is None:
                continue
            try:
                loop.add_signal_handler(number, self.quit_now)
            except (NotImplementedError, RuntimeError, ValueError):  # no signal handlers in this loop or thread
                continue

    def quit_now(self) -> None:
        """Save typed work and quit, on SIGTERM or SIGHUP. When the terminal has gone (SIGHUP), Textual can block
        for ever writing its last escape codes to it; the work is saved by then, so the process ends after a grace
        period whatever Textual does (a left-over process would hold memory and the data folder's lock file)."""
        self.save_open_work()
        if not self.is_headless:
            grace = threading.Timer(QUIT_GRACE_SECONDS, os._exit, args=(0,))
            grace.daemon = True  # it never keeps a process alive that ends by itself
            grace.start()
        self.exit(0)

    # -- CSS ahead of time -------------------------------------------------------------------------------------------
    def read_css(self, screen: Screen[Any]) -> bool:
        """Add ``screen``'s CSS files to the app's stylesheet (not parsed yet). True if any was new."""
        new = [path for path in screen.css_path if not self.stylesheet.has_source(str(path), "")]
        for path in new:
            self.stylesheet.read(path)
        return bool(new)

    def preload_css(self, *screens: Screen[Any]) -> None:
        """Read the CSS of screens that are likely to be opened next, while the person is reading.

        Textual reads a screen's CSS when it is first shown, then parses all of the app's CSS again and restyles
        every widget; done here, ahead of time, the first quiz opens as quickly as the rest (about 50 ms sooner,
        docs/performance.md).
        """
        read = [self.read_css(screen) for screen in screens]  # every screen's, not only up to the first new one
        if any(read):
            self.stylesheet.reparse()
            self.stylesheet.update(self)

    # -- small terminals --------------------------------------------------------------------------------------------
    def on_resize(self, event: events.Resize) -> None:
        self.check_size(event.size)

    def check_size(self, size: Size | None = None) -> None:
        """Show the "make this window bigger" screen while the terminal (``size``, else the app's) is too small,
        and take it away after."""
        width, height = size or self.size
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

    def error_words(self, error: Exception) -> str:
        """What to tell the person about ``error`` (a problem with saved data or a file), on any screen."""
        return str(error)

    def report_store_error(self, error: Exception) -> None:
        """Show a store problem as a plain message; the app keeps going."""
        self.notify(self.error_words(error), title=_("Not saved"), severity="error", timeout=15, markup=False)

    # -- files to keep: the record of completion, the cards to print -------------------------------------------------
    def keep_record(self, made: Record, path: Path) -> str:
        """Save the record of completion; returns what to tell the person. Here it is written to ``path`` (with a
        plain-text copy beside it); the web mode sends it to the browser instead. OSError if it cannot be saved."""
        from course import record

        return _("Saved:") + "\n" + "\n".join(str(written) for written in record.write(made, path))

    def keep_cards(self, folder: Path, deck: Sequence[Card], answers: Mapping[str, Answers] | None) -> str:
        """Save the cards to print (filled in with ``answers``, or blank); returns what to tell the person. Here
        they are written to ``folder``; the web mode sends them to the browser instead."""
        from course import cards

        written = cards.write_cards(folder, deck, answers)
        return ngettext("Saved {count} file in {folder}", "Saved {count} files in {folder}", len(written)).format(
            count=len(written), folder=folder) + "\n" + _(
            "Open {file} there in a web browser and print it: each card prints on one page.").format(
            file=cards.ALL_CARDS_FILE)
