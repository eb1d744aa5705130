"""``family-course staff-pin set``: the staff PIN that closes the kiosk and guards group mode.

On a terminal it asks twice without echo; otherwise it reads one line from standard input (for scripts:
``printf '%s\\n' "$PIN" | family-course staff-pin set``). Stored as a scrypt hash in the data folder.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TextIO

from course.commands.secret import read_new_secret
from course.i18n import _

MIN_DIGITS, MAX_DIGITS = 6, 12


def problem(pin: str) -> str | None:
    """Why ``pin`` cannot be the staff PIN, or None."""
    if not pin:
        return _("The staff PIN is empty.")
    if not (pin.isascii() and pin.isdigit()):
        return _("The staff PIN must be digits only (0 to 9).")
    if not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        return _("The staff PIN must be {low} to {high} digits long (it has {count}).").format(
            low=MIN_DIGITS, high=MAX_DIGITS, count=len(pin))
    if len(set(pin)) == 1:
        return _("The staff PIN must not be one digit repeated.")
    return None


def register(commands, parent: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "staff-pin", parents=[parent], help="set the staff PIN (kiosk and group mode)",
        description=f"Manage the staff PIN ({MIN_DIGITS} to {MAX_DIGITS} digits). Staff type it to close the "
                    "kiosk; counselors use the same PIN in group mode.")
    actions = p.add_subparsers(dest="staff_pin_action", metavar="ACTION", required=True)
    actions.add_parser("set", parents=[parent], help="set or change the staff PIN",
                       description="Set or change the staff PIN. On a terminal it asks twice and does not show "
                                   "what you type; otherwise it reads one line from standard input.")
    p.set_defaults(handler=run)


def read_pin(stdin: TextIO, ask: Callable[[str], str], out: TextIO) -> str | None:
    """The new PIN, or None after a problem (already printed)."""
    return read_new_secret(stdin, ask, out,
                           prompt=_("New staff PIN ({low} to {high} digits): ").format(low=MIN_DIGITS, high=MAX_DIGITS),
                           problem=problem, what="PINs", unchanged=_("the staff PIN was not changed."))


def run(args: argparse.Namespace) -> int:
    import getpass  # here: every start of the course builds the command line, not only this command's

    from course.config import resolve_data_dir
    from course.store import Store, StoreError

    pin = read_pin(sys.stdin, getpass.getpass, sys.stderr)
    if pin is None:
        return 1
    try:
        with Store(resolve_data_dir(args.data_dir)) as store:
            had = store.has_staff_pin()
            store.set_staff_pin(pin)
    except StoreError as error:
        print(f"family-course: {error}", file=sys.stderr)
        return 1
    print(_("Staff PIN changed.") if had else _("Staff PIN set."))
    return 0
