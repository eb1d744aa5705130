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
    p = commands.add_parser(
        "kiosk", parents=[parent], help="run the waiting-room kiosk (needs a staff PIN)",
        description="Run the course as an unattended kiosk: short lessons for anyone, nothing personal kept, "
                    "idle visits cleared, locked down. Staff close it with Ctrl+O and the staff PIN "
                    "(set it first with 'family-course staff-pin set'). See docs/kiosk.md.")
    p.add_argument("--idle-timeout", type=idle_seconds, default=DEFAULT_IDLE_TIMEOUT, metavar="SECONDS",
                   help=f"seconds without input before asking 'Are you still there?' (default "
                        f"{DEFAULT_IDLE_TIMEOUT:g}, at least {MIN_IDLE_TIMEOUT:g})")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from course.cli import content_dirs
    from course.config import resolve_data_dir
    from course.ui.launch import run_kiosk

    hint = "family-course staff-pin set"
    if args.data_dir:
        import shlex  # here: every start of the course builds the command line, not only the kiosk's

        hint = f"family-course --data-dir {shlex.quote(str(args.data_dir))} staff-pin set"
    return run_kiosk(resolve_data_dir(args.data_dir), content_dirs(args), args.idle_timeout, staff_pin_hint=hint)
