"""``family-course group``: present a lesson to a family group, or follow it with the facilitator notes."""

from __future__ import annotations

import argparse
import sys

from course.cli import add_console_option, content_dirs
from course.i18n import _


def register(commands, parent: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "group", parents=[parent], help="lead a family group (for counselors; asks for the staff PIN)",
        description="Lead a family group: rosters, attendance, the lesson on the projector, a show-of-hands "
                    "quiz (or answers from the room's phones, with --join-port). Run it again with --notes in a "
                    "second terminal, on your own screen, to follow along with the facilitator notes. The first "
                    "start asks you to choose the staff PIN.")
    p.add_argument("--notes", action="store_true",
                   help="show the facilitator notes for the step on the projector (run in a second terminal)")
    p.add_argument("--join-port", type=port_number, metavar="PORT",
                   help="let the room answer the group quiz on their phones: a small web page on this port of the "
                        "computer's network addresses, open only while the group quiz is on (see docs/group.md)")
    add_console_option(p)
    p.set_defaults(handler=run)


def port_number(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port: give a number from 1 to 65535, like 8765")
    return int(text)


def run(args: argparse.Namespace) -> int:
    from course.config import resolve_data_dir
    from course.ui.launch import run_group

    if args.join_port is not None:
        if args.notes:
            print("family-course: " + _("--join-port goes with group mode on the projector, not with --notes."),
                  file=sys.stderr)
            return 2
        from course.group.phones_web import check_port

        problem = check_port(args.join_port)
        if problem:
            print("family-course: " + _("phones cannot join: {problem}. Choose another, like --join-port "
                                        "{port}.").format(problem=problem,
                                                          port=8766 if args.join_port == 8765 else 8765),
                  file=sys.stderr)
            return 1
    return run_group(data_dir=resolve_data_dir(args.data_dir), content_dirs=content_dirs(args), notes=args.notes,
                     join_port=args.join_port)
