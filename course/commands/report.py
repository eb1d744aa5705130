"""``family-course report``: who came and how they did, as a table or as spreadsheet-safe CSV."""

from __future__ import annotations

import argparse
import sys

from course.cli import content_dirs

TABLE, CSV = "table", "csv"


def register(commands, parent: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "report", parents=[parent], help="print progress and attendance (for counselors)",
        description="Print one row per profile: lessons finished and started, quiz average, group sessions "
                    "attended and last activity. With --group, only that group's members, then one row per "
                    "session. With --kiosk, the waiting-room counters per day instead. CSV output is safe to "
                    "open in a spreadsheet.")
    p.add_argument("--format", choices=(TABLE, CSV), default=TABLE, help="table (default) or csv")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--group", metavar="NAME", help="only this group's members, and its sessions")
    which.add_argument("--kiosk", action="store_true", help="waiting-room counters per day")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from course.config import resolve_data_dir
    from course.store import Store, StoreError

    try:
        with Store(resolve_data_dir(args.data_dir)) as store:
            for problem in store.problems:
                print(f"family-course: {problem}", file=sys.stderr)
            return _print(store, args, sys.stdout)
    except StoreError as error:
        print(f"family-course: {error}", file=sys.stderr)
        return 1
    except LookupError as error:
        print(f"family-course: {error}", file=sys.stderr)
        return 1


def _print(store, args: argparse.Namespace, out) -> int:
    from course.group import report
    from course.group.csvsafe import write_csv

    blocks: list[tuple[str, tuple[str, ...], list, str]] = []  # (title, header, rows, empty message)
    if args.kiosk:
        blocks.append(("Waiting-room use per day", report.KIOSK_HEADER, report.kiosk_rows(store),
                       "The waiting-room kiosk has not been used yet."))
    else:
        group = report.find_group(store, args.group) if args.group else None
        people = [r.cells() for r in report.profile_rows(store, group)]
        if group is None:
            blocks.append(("People", report.PROFILE_HEADER, people, "No profiles yet."))
        else:
            from course.content import load_course

            course = load_course(content_dirs(args))
            blocks.append((f"Members of {group.name}", report.PROFILE_HEADER, people,
                           "This group has no members yet."))
            blocks.append(("Sessions", report.SESSION_HEADER,
                           [r.cells() for r in report.session_rows(store, course, group)],
                           "This group has had no sessions yet."))
    for number, (title, header, rows, empty) in enumerate(blocks):
        if args.format == CSV:
            if number:
                out.write("\r\n")
            write_csv(out, header, rows)
        else:
            if number:
                out.write("\n")
            out.write(report.printable(title) + "\n\n")
            out.write((report.table(header, rows) if rows else empty) + "\n")
    return 0
