"""Starting the app from the command line: load the course and the store, then run the chosen mode.

What is printed here is in the language chosen with ``--lang`` (or FAMILY_COURSE_LANG)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from course.config import load_settings
from course.i18n import LANGUAGES, _, current_language
from course.ui.collection import app_lifetime

if TYPE_CHECKING:
    from course.content import ContentDir
    from course.content.library import Courses
    from course.store import Store


def _open_store(data_dir: Path) -> Store | None:
    """The store in ``data_dir``, or None after telling the person what went wrong and where."""
    from course.store import Store, StoreError  # imported here: it is not needed for --help or validate

    try:
        return Store(data_dir)
    except StoreError as error:
        print("family-course: " + _("cannot use the data folder {folder}: {error}").format(
            folder=data_dir, error=error) + "\n" + _(
            "Choose another folder with --data-dir DIR (or FAMILY_COURSE_DATA_DIR)."), file=sys.stderr)
        return None


def _load_course(content_dirs: Sequence[ContentDir]) -> Courses:
    """The course in every language, the one chosen (``--lang``) read now."""
    from course.content.library import Courses

    courses = Courses(content_dirs)
    courses[current_language()]
    return courses


def run_home(data_dir: Path, content_dirs: Sequence[ContentDir]) -> int:
    store = _open_store(data_dir)
    if store is None:
        return 1
    try:
        with app_lifetime():  # from before the app's modules are imported: see course.ui.collection
            from course.content.library import Courses
            from course.ui.home.app import HomeApp

            # The course is read while the welcome screen is shown: that screen does not need it.
            app = HomeApp(Courses(content_dirs), store, load_settings(data_dir), data_dir,
                          language=current_language())
            app.run()
        return app.return_code or 0
    finally:
        store.close()


def run_group(data_dir: Path, content_dirs: Sequence[ContentDir], *, notes: bool = False,
              join_port: int | None = None) -> int:
    """Group mode: the staff PIN, then the groups (or, with ``notes``, the facilitator notes that follow them);
    with ``join_port``, the room can answer the group quiz on its phones."""
    store = _open_store(data_dir)
    if store is None:
        return 1
    try:
        course = _load_course(content_dirs)
        with app_lifetime():
            from course.ui.group.app import GroupApp

            app = GroupApp(course, store, load_settings(data_dir), data_dir, notes=notes, join_port=join_port,
                           language=current_language())
            app.run()
        return app.return_code or 0
    finally:
        store.close()


def prepare_kiosk(store: Store, content_dirs: Sequence[ContentDir], staff_pin_hint: str) -> Courses | None:
    """The course for the kiosk (in every language), or None after saying why the kiosk cannot start (no staff
    PIN, unreadable data).

    Used to start the kiosk and by ``kiosk --check``, which says the same without starting it.
    """
    from course.store import StoreError

    try:
        has_pin = store.has_staff_pin()
    except StoreError as error:
        print(f"family-course: {error}", file=sys.stderr)
        return None
    if not has_pin:
        print("family-course: " + _("kiosk mode needs a staff PIN, so that staff (and only staff) can close it.")
              + "\n" + _("Set one first with:") + f"\n\n    {staff_pin_hint}\n", file=sys.stderr)
        return None
    courses = _load_course(content_dirs)
    course = courses[current_language()]
    if not course.kiosk_lessons():
        print("family-course: " + _("warning: no lesson is marked 'kiosk: true'; the kiosk will say that no "
                                    "lessons are available."), file=sys.stderr)
    return courses


def check_kiosk(data_dir: Path, content_dirs: Sequence[ContentDir], *, staff_pin_hint: str) -> int:
    """Say whether the kiosk could start now, and if not why not, without starting it (for start scripts)."""
    store = _open_store(data_dir)
    if store is None:
        return 1
    try:
        courses = prepare_kiosk(store, content_dirs, staff_pin_hint)
    finally:
        store.close()
    if courses is None:
        return 1
    print(_("The kiosk can start. Staff PIN: set. Data folder: {folder}. Short lessons: {count}.").format(
        folder=data_dir, count=len(courses[current_language()].kiosk_lessons())))
    return 0


def run_kiosk(data_dir: Path, content_dirs: Sequence[ContentDir], idle_timeout: float, *,
              staff_pin_hint: str = "family-course staff-pin set") -> int:
    """Kiosk mode: refuses to start without a staff PIN (staff need it to close the kiosk)."""
    store = _open_store(data_dir)
    if store is None:
        return 1
    try:
        courses = prepare_kiosk(store, content_dirs, staff_pin_hint)
        if courses is None:
            return 1
        from course.ui.kiosk.serve import serve

        for language in LANGUAGES:  # a guest may change language on the start screen: no wait then
            courses[language]
        return serve(courses, store, load_settings(data_dir), data_dir, idle_timeout, language=current_language())
    finally:
        store.close()
