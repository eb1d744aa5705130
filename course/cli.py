"""The ``family-course`` command: argument parsing and dispatch to the modes."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from course import __version__


def _global_options(suppress: bool) -> argparse.ArgumentParser:
    """Options accepted both before and after the subcommand."""
    default = argparse.SUPPRESS if suppress else None
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--data-dir", metavar="DIR", default=default,
                        help="where progress is kept (default: $FAMILY_COURSE_DATA_DIR or your user data folder)")
    parent.add_argument("--content", metavar="DIR", action="append", default=default,
                        help="a folder with lessons/ and quizzes/ whose lessons add to or replace built-in ones "
                             "(may be given more than once)")
    parent.add_argument("--lang", metavar="CODE", default=default,
                        help="the language of the course: en or es (default: $FAMILY_COURSE_LANG, else en); at "
                             "home, each profile then keeps the language it was made with or chose in Settings")
    return parent


def add_console_option(parser: argparse.ArgumentParser, *, suppress: bool = True) -> None:
    """--console, for the commands that open the course (see course/ui/console.py and docs/kiosk.md)."""
    parser.add_argument("--console", action="store_true", default=argparse.SUPPRESS if suppress else False,
                        help="draw only what the Linux console's fonts and 16 colours can show (the default when "
                             "TERM=linux)")


# Modules that add a subcommand: each has ``register(commands, parent)`` and ``run(args) -> int``.
COMMAND_MODULES: list[str] = ["course.commands.group", "course.commands.report", "course.commands.kiosk",
                              "course.commands.staff_pin", "course.commands.cards", "course.web.commands"]


def _command_modules() -> list:
    import importlib

    return [importlib.import_module(name) for name in COMMAND_MODULES]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="family-course",
        description="A course for families of people in intensive outpatient treatment (education, not "
                    "treatment). With no command, the course opens.",
        parents=[_global_options(suppress=False)],
    )
    parser.add_argument("--version", action="version", version=f"family-course {__version__}")
    add_console_option(parser, suppress=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub = _global_options(suppress=True)

    add_console_option(commands.add_parser("home", parents=[sub], help="open the course (the default)"))
    validate = commands.add_parser(
        "validate", parents=[sub], help="check lesson and quiz files",
        description="Check lesson and quiz files. Prints path:line: error|warning: message lines and a summary; "
                    "exits 0 when there are no errors, 1 when there are.")
    validate.add_argument("dirs", nargs="*", metavar="CONTENT_DIR",
                          help="folders holding lessons/ and quizzes/ (default: the built-in course); they are "
                               "checked beside the built-in course, as --content uses them")
    validate.add_argument("--strict", action="store_true", help="treat warnings as errors")
    validate.add_argument("--grades", action="store_true",
                          help="also print each lesson's reading grade, steps and quiz size")
    for module in _command_modules():
        module.register(commands, sub)
    return parser


def content_dirs(args: argparse.Namespace) -> list:
    from course.content import ContentDir

    extra = [ContentDir.of(d) for d in (args.content or [])]
    return [ContentDir.shipped(), *extra]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    command = args.command or "home"
    from course.i18n import resolve_language, use_language

    try:
        use_language(resolve_language(getattr(args, "lang", None)))
    except ValueError as error:
        print(f"family-course: {error}", file=sys.stderr)
        return 2
    if getattr(args, "console", False):
        from course.ui.console import force

        force()
    try:
        handler = getattr(args, "handler", None)
        if handler is not None:
            return handler(args)
        if command == "validate":
            from course.content import ContentDir
            from course.content.validate import run

            if args.dirs:  # check these folders as they will be used: beside the built-in course (and --content)
                return run([ContentDir.of(d) for d in args.dirs], context=content_dirs(args), strict=args.strict,
                           grades=args.grades, out=sys.stdout)
            return run(content_dirs(args), strict=args.strict, grades=args.grades, out=sys.stdout)
        from course.config import resolve_data_dir
        from course.ui.launch import run_home

        return run_home(data_dir=resolve_data_dir(args.data_dir), content_dirs=content_dirs(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def entry() -> None:
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    entry()
