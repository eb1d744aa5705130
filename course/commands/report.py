"""``family-course report``: who came and how they did, as a table or as spreadsheet-safe CSV."""

from __future__ import annotations

import argparse
import sys

from course.cli import content_dirs
from course.i18n import _, current_language

TABLE, CSV = "table", "csv"
BOM = "\ufeff"  # tells Excel on Windows the CSV is UTF-8 (otherwise "José" shows as "JosÃ©"); others skip it


def register(commands, parent: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "report", parents=[parent], help="print progress and attendance (for counselors)",
        description="Print one row per profile: lessons finished and started, quiz average, group sessions "
                    "attended and last activity. With --group, only that group's members, then one row per "
                    "session. With --kiosk, the waiting-room counters per day instead. CSV output is safe to "
                    "open in a spreadsheet: UTF-8 with a byte-order mark, so Excel shows every letter right.")
    p.add_argument("--format", choices=(TABLE, CSV), default=TABLE, help="table (default) or csv")
    p.add_argument("--output", "-o", metavar="FILE",
                   help="write the report to FILE (made private to you) instead of the screen")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--group", metavar="NAME", help="only this group's members, and its sessions")
    which.add_argument("--kiosk", action="store_true", help="waiting-room counters per day")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import io

    from course.config import resolve_data_dir
    from course.store import Store, StoreError

    text = io.StringIO()
    try:
        with Store(resolve_data_dir(args.data_dir)) as store:
            for problem in store.problems:
                print(f"family-course: {problem}", file=sys.stderr)
            code = _print(store, args, text)
    except StoreError as error:
        print(f"family-course: {error}", file=sys.stderr)
        return 1
    except LookupError as error:
        print(f"family-course: {error}", file=sys.stderr)
        return 1
    report = (BOM if args.format == CSV else "") + text.getvalue()
    if args.output:
        return _save(report, args.output)
    _show(report)
    return code


def _show(report: str) -> None:
    """Print the report as UTF-8 bytes (with the CSV's line ends as they are), whatever the console's encoding."""
    sys.stdout.flush()
    raw = getattr(sys.stdout, "buffer", None)
    if raw is None:
        sys.stdout.write(report)
        return
    raw.write(report.encode("utf-8"))
    raw.flush()


def _save(report: str, name: str) -> int:
    import os

    try:
        fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(report.encode("utf-8"))
    except OSError as error:
        print("family-course: " + _("cannot write {file}: {reason}").format(file=name, reason=error.strerror or error),
              file=sys.stderr)
        return 1
    print(_("Report saved in {file}.").format(file=name), file=sys.stderr)
    return 0


def _print(store, args: argparse.Namespace, out) -> int:
    from course.group import report
    from course.group.csvsafe import write_csv
    from course.text import printable

    blocks: list[tuple[str, tuple[str, ...], list, str]] = []  # (title, header, rows, empty message)
    if args.kiosk:
        blocks.append((_("Waiting-room use per day"), report.header(report.KIOSK_HEADER), report.kiosk_rows(store),
                       _("The waiting-room kiosk has not been used yet.")))
    else:
        group = report.find_group(store, args.group) if args.group else None
        people = [r.cells() for r in report.profile_rows(store, group)]
        if group is None:
            # Translators: the title of the report's list of every profile on this computer
            blocks.append((_("People"), report.header(report.PROFILE_HEADER), people, _("No profiles yet.")))
        else:
            from course.content import load_course

            course = load_course(content_dirs(args), language=current_language())
            blocks.append((_("Members of {group}").format(group=group.name), report.header(report.PROFILE_HEADER),
                           people, _("This group has no members yet.")))
            blocks.append((_("Sessions"), report.header(report.SESSION_HEADER),
                           [r.cells() for r in report.session_rows(store, course, group)],
                           _("This group has had no sessions yet.")))
    width = None  # a table for a terminal fits its width where it can; one in a file or a pipe keeps one line
    if not args.output and sys.stdout.isatty():
        import shutil

        width = shutil.get_terminal_size().columns
    for number, (title, header, rows, empty) in enumerate(blocks):
        if args.format == CSV:
            if number:
                out.write("\r\n")
            write_csv(out, header, rows)
        else:
            if number:
                out.write("\n")
            out.write(printable(title) + "\n\n")
            out.write((report.table(header, rows, width=width) if rows else empty) + "\n")
    return 0
