"""``family-course kiosk``: the unattended waiting-room mode (see docs/kiosk.md)."""

from __future__ import annotations

import argparse
import math

DEFAULT_IDLE_TIMEOUT = 120.0
MIN_IDLE_TIMEOUT, MAX_IDLE_TIMEOUT = 5.0, 24 * 3600.0


def idle_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not math.isfinite(value) or not MIN_IDLE_TIMEOUT <= value <= MAX_IDLE_TIMEOUT:
        raise argparse.ArgumentTypeError(
            f"must be between {MIN_IDLE_TIMEOUT:g} and {MAX_IDLE_TIMEOUT:g} seconds, not {text}")
    return value


def register(commands, parent: argparse.ArgumentParser) -> None:
    from course.cli import add_console_option

    p = commands.add_parser(
        "kiosk", parents=[parent], help="run the waiting-room kiosk (needs a staff PIN)",
        description="Run the course as an unattended kiosk: short lessons for anyone, nothing personal kept, "
                    "idle visits cleared, locked down. Staff close it with Ctrl+O and the staff PIN "
                    "(set it first with 'family-course staff-pin set'). See docs/kiosk.md.")
    p.add_argument("--idle-timeout", type=idle_seconds, default=DEFAULT_IDLE_TIMEOUT, metavar="SECONDS",
                   help=f"seconds without input before asking 'Are you still there?' (default "
                        f"{DEFAULT_IDLE_TIMEOUT:g}, at least {MIN_IDLE_TIMEOUT:g})")
    p.add_argument("--check", action="store_true",
                   help="only say whether the kiosk could start now (staff PIN, data folder, short lessons), and "
                        "why not; exits 0 if it could, 1 if not")
    p.add_argument("--check-font", metavar="FONTFILE",
                   help="only list the characters the kiosk draws (its screens in the console look, the short "
                        "lessons and quizzes, the clinic details) that this console font (.psf or .psf.gz) has no "
                        "glyph for; exits 0 if there are none, 1 if there are (see docs/kiosk.md)")
    add_console_option(p)
    p.set_defaults(handler=run)


def _staff_pin_hint(args: argparse.Namespace) -> str:
    if not args.data_dir:
        return "family-course staff-pin set"
    import shlex  # here: every start of the course builds the command line, not only the kiosk's

    return f"family-course --data-dir {shlex.quote(str(args.data_dir))} staff-pin set"


def run(args: argparse.Namespace) -> int:
    from course.cli import content_dirs
    from course.config import resolve_data_dir

    if args.check_font:
        return check_font(args)
    if args.check:
        return check(args)
    from course.ui.launch import run_kiosk

    return run_kiosk(resolve_data_dir(args.data_dir), content_dirs(args), args.idle_timeout,
                     staff_pin_hint=_staff_pin_hint(args))


def check(args: argparse.Namespace) -> int:
    """Say whether the kiosk could start now, and if not why not, without starting it (for start scripts)."""
    from course.cli import content_dirs
    from course.config import resolve_data_dir
    from course.ui.launch import check_kiosk

    return check_kiosk(resolve_data_dir(args.data_dir), content_dirs(args), staff_pin_hint=_staff_pin_hint(args))


def check_font(args: argparse.Namespace) -> int:
    """List each character the kiosk draws that the console font ``args.check_font`` lacks, and where it is used."""
    import sys
    import unicodedata
    from pathlib import Path

    from course.cli import content_dirs
    from course.config import load_settings, resolve_data_dir
    from course.consolefont import FontError, covered
    from course.content import load_course
    from course.i18n import LANGUAGES, _, ngettext
    from course.ui.console import DRAWN

    try:
        font = covered(Path(args.check_font))
    except (OSError, FontError) as error:
        print("family-course: " + _("cannot read the console font {font}: {error}").format(
            font=args.check_font, error=error), file=sys.stderr)
        return 1
    # Translators: where a character is used, in "(used in the kiosk's screens)"
    screens = _("the kiosk's screens")
    used: dict[str, str] = dict.fromkeys(sorted(DRAWN), screens)
    settings = load_settings(resolve_data_dir(args.data_dir))
    for char in f"{settings.clinic_name or ''}{settings.clinic_phone or ''}":
        used.setdefault(char, "settings.toml")
    dirs = content_dirs(args)
    # The short lessons in every language: a visitor may switch the kiosk's language on its start screen
    by_language = [load_course(dirs, language).kiosk_lessons() for language in LANGUAGES]
    lessons = by_language[0]
    for lesson in (lesson for short in by_language for lesson in short):
        for path in (lesson.path, lesson.quiz.path if lesson.quiz is not None else ""):
            if path:
                for char in Path(path).read_text(encoding="utf-8"):
                    used.setdefault(char, path)
    missing = [(char, where) for char, where in used.items() if char not in font and char not in "\n\r\t"]
    for char, where in missing:
        name = unicodedata.name(char, "unnamed")
        print(f"{char}  U+{ord(char):04X} {name}  " + _("(used in {where})").format(where=where))
    if missing:
        print(ngettext("{count} character the kiosk draws has no glyph in {font}: on the console it shows as a "
                       "blank or a box.",
                       "{count} characters the kiosk draws have no glyph in {font}: on the console they show as "
                       "blanks or boxes.", len(missing)).format(count=len(missing), font=args.check_font),
              file=sys.stderr)
        return 1
    print(ngettext("Every character the kiosk draws has a glyph in {font} ({count} checked, {lessons} short lessons).",
                   "Every character the kiosk draws has a glyph in {font} ({count} checked, {lessons} short lessons).",
                   len(lessons)).format(font=args.check_font, count=len(used), lessons=len(lessons)))
    return 0
