"""One signed-in browser tab's course: the app for one account's folder, drawn through Textual's web driver.

A session process talks to the server over its standard input and output in the protocol of Textual's web
driver (the one textual-serve speaks): the server sends keys and sizes, the app sends its screen and its files to
download. The warm parent (``course.web.warm``) forks one per tab with the course already read; where it cannot
(not on Linux), ``python -m course.web.session`` starts one afresh.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING

from course.i18n import DEFAULT_LANGUAGE, LANGUAGES, use_language

if TYPE_CHECKING:
    from textual.app import App

    from course.config import Settings
    from course.content import Course
    from course.content.library import Courses
    from course.store import Store

# What the session's app must see in its environment, set before Textual is imported (Textual reads some of it
# once, when imported): the web driver, full colour, never the Linux console's look.
WEB_ENVIRONMENT = {
    "TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver",
    "TEXTUAL_FPS": "60",
    "TEXTUAL_COLOR_SYSTEM": "truecolor",
    "TERM": "xterm-256color",
    "COLORTERM": "truecolor",
    "TERM_PROGRAM": "textual",
    "FAMILY_COURSE_CONSOLE": "0",
}


def web_environment(width: int, height: int) -> dict[str, str]:
    """The variables a session process needs, for a browser window of ``width`` x ``height`` cells."""
    try:
        serve_version = version("textual-serve")
    except PackageNotFoundError:  # pragma: no cover - it is a dependency
        serve_version = "1.1"
    return {**WEB_ENVIRONMENT, "TERM_PROGRAM_VERSION": serve_version, "COLUMNS": str(width), "ROWS": str(height)}


def make_app(course: Course | Courses, store: Store, settings: Settings,
             language: str = DEFAULT_LANGUAGE) -> App[int]:
    """The app a browser tab runs: the web mode's, for the one account whose store this is, starting in
    ``language`` (the browser's) until a profile's own language is chosen."""
    from course.ui.web.app import WebApp

    return WebApp(course, store, settings, language=language)


def for_visitors(problems: Sequence[str]) -> list[str]:
    """What to tell a visitor about problems found while opening their data: the server's log gets the whole
    messages; the visitor, the same without the paths on the server they name."""
    from course.ui.web.app import hide_paths

    for problem in problems:
        print(f"family-course session: {problem}", file=sys.stderr)
    return [hide_paths(problem) for problem in problems]


def run_session(folder: Path, course: Course | Courses, settings: Settings,
                language: str = DEFAULT_LANGUAGE) -> int:
    """Run the course for the account whose data is in ``folder`` until it ends, in ``language`` until a
    profile's own is chosen. Returns the exit code."""
    from course.store import Store, StoreError
    from course.ui.collection import app_lifetime

    use_language(language)  # before the store words any problem with the data for the visitor
    try:
        store = Store(folder)
    except StoreError as error:
        print(f"family-course session: cannot use the account folder {folder}: {error}", file=sys.stderr)
        return 1
    try:
        store.problems[:] = for_visitors(store.problems)
        app = make_app(course, store, replace(settings, problems=()), language)  # the server reports settings
        with app_lifetime():
            app.run()
        return app.return_code or 0
    finally:
        store.close()


def main(argv: Sequence[str] | None = None) -> int:
    """One session started afresh: ``python -m course.web.session --account-dir A --settings-dir D [--language
    L]``."""
    parser = argparse.ArgumentParser(prog="python -m course.web.session")
    parser.add_argument("--account-dir", required=True, type=Path)
    parser.add_argument("--settings-dir", required=True, type=Path)
    parser.add_argument("--content", action="append", default=[])
    parser.add_argument("--language", choices=LANGUAGES, default=DEFAULT_LANGUAGE)
    args = parser.parse_args(argv)
    os.environ.update({key: value for key, value in WEB_ENVIRONMENT.items() if key not in os.environ})
    from course.config import load_settings
    from course.content import ContentDir
    from course.content.library import Courses

    courses = Courses([ContentDir.shipped(), *(ContentDir.of(d) for d in args.content)])
    return run_session(args.account_dir, courses, load_settings(args.settings_dir), args.language)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
