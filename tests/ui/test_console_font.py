"""The console look: every character a kiosk or home screen draws has a glyph in the console font docs/kiosk.md
recommends (console-setup's Uni2-Terminus32x16.psf.gz, installed by .ci/run), at 80x24 and 120x33."""

from __future__ import annotations

import html
import re
from collections.abc import Awaitable, Callable
from functools import lru_cache
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.scrollbar import ScrollBar

from course import consolefont
from course.content.model import Course
from course.store import Store, pins
from course.ui import console, themes
from course.ui.app import CourseApp
from course.ui.screens.cards import CardsScreen
from course.ui.screens.quiz import begin_quiz
from tests.kiosk.helpers import FakeClock, kiosk_app, shipped_course
from tests.ui import test_snapshots as home
from tests.ui.helpers import make_app

FONT = consolefont.RECOMMENDED
SIZES = [(80, 24), (120, 33)]
needs_font = pytest.mark.skipif(
    not FONT.exists(), reason=f"{FONT} is not installed (Debian package console-setup-linux; .ci/run installs it)")

Setup = Callable[[Pilot], Awaitable[None]]


@lru_cache(maxsize=1)
def font() -> frozenset[str]:
    return consolefont.covered(FONT)


def drawn(app: CourseApp) -> str:
    """Every character on the screen, as the screenshot draws it."""
    svg = app.export_screenshot()
    body = svg[svg.index("<g class=\"terminal"):] if "<g class=\"terminal" in svg else svg
    return "".join(html.unescape(text) for text in re.findall(r"<text[^>]*>([^<]*)</text>", body))


def course_text(course: Course) -> set[str]:
    """The characters of the lessons and quizzes themselves (their titles, text, options and feedback)."""
    chars: set[str] = set()
    for lesson in course.lessons:
        if lesson.path:
            chars.update(Path(lesson.path).read_text(encoding="utf-8"))
        if lesson.quiz is not None and lesson.quiz.path:
            chars.update(Path(lesson.quiz.path).read_text(encoding="utf-8"))
    return chars


def _notices(app: CourseApp) -> None:
    app.notify("Choose an answer first.", timeout=30)
    app.notify("Your settings could not be read.", title="Please note", severity="warning", timeout=30)
    app.notify("The disk is full.", title="Not saved", severity="error", timeout=30)


# -- the kiosk, on the shipped course: a whole visit -------------------------------------------------------------
async def k_start(pilot: Pilot) -> None:
    await pilot.pause()


async def k_map(pilot: Pilot) -> None:
    await pilot.press("space")


async def k_lesson(pilot: Pilot) -> None:
    await pilot.press("space")
    await pilot.pause()
    await pilot.press("enter")


async def k_lesson_end(pilot: Pilot) -> None:
    await k_lesson(pilot)
    await pilot.pause()
    await pilot.press("end")


async def k_quiz(pilot: Pilot) -> None:
    await pilot.press("space")
    await pilot.pause()
    await pilot.press("q")


async def k_quiz_feedback(pilot: Pilot) -> None:
    await k_quiz(pilot)
    await pilot.pause()
    await pilot.press("1", "c")


async def k_notice(pilot: Pilot) -> None:
    """Notices (toasts), as the quiz shows one when it is checked with no answer chosen, a warning and an error."""
    await k_quiz(pilot)
    await pilot.pause()
    _notices(pilot.app)


async def k_crisis(pilot: Pilot) -> None:
    await pilot.press("space")
    await pilot.pause()
    await pilot.press("f2")


async def k_help(pilot: Pilot) -> None:
    await k_lesson(pilot)
    await pilot.pause()
    await pilot.press("question_mark")


async def k_staff_pin(pilot: Pilot) -> None:
    await pilot.press("space")
    await pilot.pause()
    await pilot.press("ctrl+o", *"12")


async def k_idle(pilot: Pilot) -> None:
    await k_lesson(pilot)
    await pilot.pause()
    clock = pilot.app.kiosk.clock  # type: ignore[union-attr]
    clock.advance(200)
    pilot.app.kiosk.tick()  # type: ignore[union-attr]


KIOSK: dict[str, Setup] = {
    "start": k_start, "lesson list": k_map, "lesson": k_lesson, "lesson end": k_lesson_end, "quiz": k_quiz,
    "quiz feedback": k_quiz_feedback, "a notice": k_notice, "crisis help": k_crisis, "help": k_help,
    "staff PIN": k_staff_pin, "are you still there": k_idle,
}

# -- home, on the small test course: every screen the snapshots show, and the cards ------------------------------
async def h_notice(pilot: Pilot) -> None:
    home._signed_in(pilot.app)
    await pilot.app.push_screen(begin_quiz(pilot.app, pilot.app.course.lessons[0]))
    await pilot.pause()
    _notices(pilot.app)


async def h_cards(pilot: Pilot) -> None:
    home._signed_in(pilot.app)
    await pilot.app.push_screen(CardsScreen(Path("/home/family/family-course-cards"), personal=True))


HOME: dict[str, Setup] = {
    "welcome": home.welcome, "new profile": home.new_profile, "PIN prompt": home.pin_prompt, "about": home.about,
    "course map": home.course_map, "lesson with a journal box": home.reader_journal, "quiz": home.quiz,
    "quiz feedback": home.quiz_feedback, "quiz review": home.quiz_review, "my progress": home.progress,
    "settings": home.settings, "help": home.help_screen, "crisis help": home.crisis, "a notice": h_notice,
    "cards": h_cards,
}


@pytest.fixture
def console_look(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(console.ENVIRONMENT, "1")
    monkeypatch.setattr(pins, "SCRYPT_N", 2**10)
    yield
    console.use_scroll_bars(False)


async def _drawn_after(app: CourseApp, setup: Setup, size: tuple[int, int]) -> str:
    async with app.run_test(size=size, notifications=True) as pilot:
        await setup(pilot)
        await pilot.pause(0.3)
        for box in app.screen.query("Input, TextArea"):
            box.cursor_blink = False
        await pilot.pause()
        return drawn(app)


def _check(text: str, screen: str, allowed_extra: set[str]) -> None:
    missing = consolefont.missing(text, font())
    assert not missing, f"{screen}: no glyph in {FONT.name} for " + " ".join(
        f"{char} (U+{ord(char):04X})" for char in missing)
    unlisted = {char for char in text if ord(char) > 127} - console.DRAWN - allowed_extra
    assert not unlisted, f"{screen}: draws {''.join(sorted(unlisted))}, not in course.ui.console.DRAWN"


@needs_font
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("screen", KIOSK)
async def test_every_kiosk_screen_has_a_glyph_for_every_character(tmp_path: Path, console_look: None,
                                                                  screen: str, size: tuple[int, int]) -> None:
    app = kiosk_app(tmp_path, clock=FakeClock())
    text = await _drawn_after(app, KIOSK[screen], size)
    _check(text, f"kiosk, {screen}, {size[0]}x{size[1]}", course_text(shipped_course()))


@needs_font
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("screen", HOME)
async def test_every_home_screen_has_a_glyph_for_every_character(tmp_path: Path, console_look: None,
                                                                 monkeypatch: pytest.MonkeyPatch, screen: str,
                                                                 size: tuple[int, int]) -> None:
    monkeypatch.setenv("HOME", "/home/family")
    store = Store(tmp_path / "data")
    store.create_profile("Ana")
    store.create_profile("Sam", pin="2468")
    app = make_app(tmp_path, store)
    text = await _drawn_after(app, HOME[screen], size)
    _check(text, f"home, {screen}, {size[0]}x{size[1]}", course_text(app.course))


@needs_font
def test_the_shipped_lessons_and_quizzes_have_a_glyph_for_every_character() -> None:
    """What the screens above do not show: every lesson and quiz, home and kiosk, as written."""
    missing = consolefont.missing("".join(sorted(course_text(shipped_course()))), font())
    assert not missing, f"lessons or quizzes use characters {FONT.name} lacks: {' '.join(missing)}"


@needs_font
def test_the_console_glyphs_are_in_the_font() -> None:
    assert not consolefont.missing("".join(sorted(console.DRAWN)), font())
    assert not consolefont.missing("".join(console.MARKS.values()), font())


def test_console_themes_use_only_the_console_palette() -> None:
    """Every colour is one of the console's 16, and the backgrounds one of the 8 it can show behind text."""
    for theme in themes.CONSOLE_THEMES:
        for field in ("primary", "secondary", "accent", "warning", "error", "success", "foreground"):
            assert getattr(theme, field).upper() in themes.CONSOLE_PALETTE, (theme.name, field)
        for field in ("background", "surface", "panel"):
            assert getattr(theme, field).upper() in themes.CONSOLE_BACKGROUNDS, (theme.name, field)
        for name, value in theme.variables.items():
            if not value.startswith("#"):
                continue
            behind = name.endswith(("background", "-background-hover", "-background-active")) or (
                name.startswith(("console-button", "surface", "panel", "boost")) and not name.endswith("-text"))
            assert value.upper() in (themes.CONSOLE_BACKGROUNDS if behind else themes.CONSOLE_PALETTE), (
                theme.name, name, value)
    assert [theme.name for theme in themes.CONSOLE_THEMES] == [theme.name for theme in themes.THEMES]


def test_the_console_look_is_on_under_term_linux_and_when_asked_for() -> None:
    assert console.wanted({"TERM": "linux"})
    assert not console.wanted({"TERM": "xterm-256color"})
    assert console.wanted({"TERM": "xterm-256color", console.ENVIRONMENT: "1"})
    assert not console.wanted({"TERM": "linux", console.ENVIRONMENT: "0"})


async def test_outside_the_console_nothing_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(console.ENVIRONMENT, "0")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)):
        assert not app.console_look
        assert console.CSS not in app.css_path
        assert ScrollBar.renderer is not console.ScrollBarRender


# -- the font files themselves, and the check a technician runs on the kiosk ------------------------------------
def psf2(glyphs: list[str], *, compressed: bool = False) -> bytes:
    """A tiny PSF2 font: one 8x1 glyph per entry, each standing for the characters in it (and a sequence)."""
    import gzip
    import struct

    header = struct.pack("<4sIIIIIII", consolefont.PSF2_MAGIC, 0, 32, consolefont.PSF2_HAS_UNICODE_TABLE,
                         len(glyphs), 1, 1, 8)
    table = b"".join(chars.encode() + b"\xfe" + "e\u0301".encode() + b"\xff" for chars in glyphs)
    data = header + bytes(len(glyphs)) + table
    return gzip.compress(data) if compressed else data


def psf1(glyphs: list[str]) -> bytes:
    import struct

    data = consolefont.PSF1_MAGIC + bytes([consolefont.PSF1_MODEHASTAB, 1]) + bytes(256)
    entries = [[ord(char) for char in chars] + [0xFFFE, ord("e"), 0x0301, 0xFFFF] for chars in glyphs]
    entries += [[0xFFFF]] * (256 - len(glyphs))
    return data + b"".join(struct.pack(f"<{len(entry)}H", *entry) for entry in entries)


def test_psf2_and_psf1_unicode_tables_are_read(tmp_path: Path) -> None:
    for name, data in (("a.psf", psf2(["Aa", "─", "•"])), ("b.psf.gz", psf2(["Aa", "─", "•"], compressed=True)),
                       ("c.psf", psf1(["Aa", "─", "•"]))):
        (tmp_path / name).write_bytes(data)
        assert consolefont.covered(tmp_path / name) == {"A", "a", "─", "•"}, name  # not the "é" sequence
    (tmp_path / "no-table.psf").write_bytes(psf2(["A"]).replace(b"\x01\x00\x00\x00", b"\x00\x00\x00\x00", 1))
    with pytest.raises(consolefont.FontError, match="no Unicode table"):
        consolefont.covered(tmp_path / "no-table.psf")
    (tmp_path / "text.psf").write_text("not a font")
    with pytest.raises(consolefont.FontError, match="not a PSF console font"):
        consolefont.covered(tmp_path / "text.psf")


def test_check_font_lists_what_the_font_lacks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from course.cli import main

    font_file = tmp_path / "ascii.psf"
    font_file.write_bytes(psf2([chr(n) for n in range(32, 127)] + ["─│╭╮╰╯"]))
    assert main(["--data-dir", str(tmp_path / "data"), "kiosk", "--check-font", str(font_file)]) == 1
    out, err = capsys.readouterr()
    assert "√  U+221A SQUARE ROOT  (used in the kiosk's screens)" in out
    assert "─" not in out and "U+0041" not in out
    assert "characters the kiosk draws have no glyph in" in err
    assert main(["kiosk", "--check-font", str(tmp_path / "missing.psf")]) == 1
    assert "cannot read the console font" in capsys.readouterr().err


@needs_font
def test_check_font_passes_the_recommended_font(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from course.cli import main

    assert main(["--data-dir", str(tmp_path / "data"), "kiosk", "--check-font", str(FONT)]) == 0
    assert "Every character the kiosk draws has a glyph" in capsys.readouterr().out


async def test_a_tap_on_the_crisis_line_opens_crisis_help(tmp_path: Path) -> None:
    """On a touchscreen there is no F2: the crisis line itself is a target as wide as the screen."""
    from course.ui.kiosk.screens import AttractScreen
    from course.ui.screens.help import CrisisScreen

    app = kiosk_app(tmp_path, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.click(".crisis-line", offset=(30, 0))  # on the start screen: crisis help, no visit under it
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
        assert isinstance(app.screen_stack[-2], AttractScreen)
        await pilot.press("escape", "space")
        await pilot.pause()
        await pilot.click(".crisis-line", offset=(30, 0))  # in a visit
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)


async def test_a_kiosk_visit_works_by_single_taps(tmp_path: Path) -> None:
    """A touchscreen's tap is one click, with no hover before it and no double click: a whole visit by taps."""
    from textual.widgets import OptionList

    from course.ui.kiosk.screens import KioskMapScreen
    from course.ui.screens.quiz import QuizScreen
    from course.ui.screens.reader import ReaderScreen
    from course.ui.widgets.choices import Choice

    app = kiosk_app(tmp_path, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#attract-start")
        await pilot.pause()
        assert isinstance(app.screen, KioskMapScreen)
        await pilot.click(OptionList, offset=(10, 3))  # the second lesson's title line
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.lesson is app.course.kiosk_lessons()[1]
        step = app.screen.index
        await pilot.click("#next")
        await pilot.pause()
        assert app.screen.index == step + 1
        await app.push_screen(QuizScreen(app.course.kiosk_lessons()[1]))
        await pilot.pause()
        first = app.screen.query(Choice).first()
        await pilot.click(first)
        await pilot.pause()
        assert first.checked
        await pilot.click("#check")
        await pilot.pause()
        assert app.screen.answered  # type: ignore[attr-defined]
