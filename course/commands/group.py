"""``family-course group``: present a lesson to a family group, or follow it with the facilitator notes."""

from __future__ import annotations

import argparse

from course.cli import add_console_option, content_dirs


def register(commands, parent: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "group", parents=[parent], help="lead a family group (for counselors; asks for the staff PIN)",
        description="Lead a family group: rosters, attendance, the lesson on the projector, a show-of-hands "
                    "quiz. Run it again with --notes in a second terminal, on your own screen, to follow along "
                    "with the facilitator notes. The first start asks you to choose the staff PIN.")
    p.add_argument("--notes", action="store_true",
                   help="show the facilitator notes for the step on the projector (run in a second terminal)")
    add_console_option(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from course.config import resolve_data_dir
    from course.ui.launch import run_group

    return run_group(data_dir=resolve_data_dir(args.data_dir), content_dirs=content_dirs(args), notes=args.notes)
