"""``family-course account ...`` and ``family-course serve``: the course in a web browser (docs/web.md).

    family-course [--data-dir D] account add NAME        password from standard input: asked twice at a
    family-course [--data-dir D] account password NAME   terminal, one line from a pipe
    family-course [--data-dir D] account list
    family-course [--data-dir D] account remove NAME [--yes]
    family-course [--data-dir D] serve [--host H] [--port P] [--public-url URL] [--max-sessions N]
                                       [--idle-timeout SECONDS]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from course.web.accounts import Accounts


def register(commands, parent: argparse.ArgumentParser) -> None:
    account = commands.add_parser(
        "account", parents=[parent], help="manage the accounts of the course in a web browser",
        description="Accounts for `family-course serve`: each has a name, a password and its own course (a "
                    "folder under the data folder). See docs/web.md.")
    actions = account.add_subparsers(dest="account_action", metavar="ACTION", required=True)
    add = actions.add_parser("add", parents=[parent], help="make an account",
                             description="Make an account. On a terminal the password is asked twice and not "
                                         "shown; otherwise it is one line of standard input.")
    add.add_argument("name", metavar="NAME", help="the account's name (capital letters do not count)")
    password = actions.add_parser("password", parents=[parent], help="give an account a new password",
                                  description="Give an account a new password, read as for `account add`. "
                                              "The old one stops working, and any wait after wrong tries ends.")
    password.add_argument("name", metavar="NAME")
    actions.add_parser("list", parents=[parent], help="list the accounts")
    remove = actions.add_parser("remove", parents=[parent], help="remove an account and delete its course",
                                description="Remove an account and delete its folder: that family's whole "
                                            "course, journal included. At a terminal you are asked to type the "
                                            "name again, unless --yes is given.")
    remove.add_argument("name", metavar="NAME")
    remove.add_argument("--yes", action="store_true", help="do not ask first")
    account.set_defaults(handler=run_account)

    serve = commands.add_parser(
        "serve", parents=[parent], help="the course in a web browser, with accounts (docs/web.md)",
        description="Serve the course to web browsers: a sign-in page, then each account's own course. "
                    "Listens on this computer only unless --host says otherwise; put it behind a TLS reverse "
                    "proxy and give --public-url (docs/web.md). Stops, saving every open course, on Ctrl+C or "
                    "SIGTERM.")
    serve.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="the port to listen on (default: 8000)")
    serve.add_argument("--public-url", metavar="URL",
                       help="the address families type, such as https://course.example.org (https makes the "
                            "page use wss and the cookie Secure)")
    serve.add_argument("--max-sessions", type=int, default=20, metavar="N",
                       help="courses open at once, over all accounts (default: 20)")
    serve.add_argument("--idle-timeout", type=float, default=1800.0, metavar="SECONDS",
                       help="a course with no key, click or resize for this long saves and ends (default: 1800)")
    serve.set_defaults(handler=run_serve)


def read_password(stdin: TextIO, ask: Callable[[str], str], out: TextIO) -> str | None:
    """The new password: asked twice at a terminal, else one line of ``stdin``. None after a problem (said)."""
    from course.commands.secret import read_new_secret
    from course.web.accounts import BadPassword, check_password

    def problem(password: str) -> str | None:
        try:
            check_password(password)
        except BadPassword as error:
            return str(error)
        return None

    return read_new_secret(stdin, ask, out, prompt="Password (at least 10 characters; it is not shown as you "
                           "type): ", problem=problem, what="passwords", unchanged="nothing was changed.")


def run_account(args: argparse.Namespace) -> int:
    import getpass

    from course.config import resolve_data_dir
    from course.web.accounts import AccountError, Accounts, check_name

    accounts = Accounts(resolve_data_dir(args.data_dir))
    action = args.account_action
    try:
        if action == "list":
            return list_accounts(accounts)
        if action == "add":
            check_name(args.name)  # before asking for a password
            taken = accounts.find(args.name)
            if taken is not None:
                print(f"family-course: there is already an account named {taken.name!r}.", file=sys.stderr)
                return 1
            password = read_password(sys.stdin, getpass.getpass, sys.stderr)
            if password is None:
                return 1
            made = accounts.add(args.name, password)
            print(f"Account {made.name!r} made. Its course is kept in {made.folder}.")
            return 0
        if action == "password":
            if accounts.find(args.name) is None:
                print(f"family-course: there is no account named {args.name!r}.", file=sys.stderr)
                return 1
            password = read_password(sys.stdin, getpass.getpass, sys.stderr)
            if password is None:
                return 1
            changed = accounts.set_password(args.name, password)
            print(f"The password of {changed.name!r} is changed.")
            return 0
        found = accounts.find(args.name)
        if found is None:
            print(f"family-course: there is no account named {args.name!r}.", file=sys.stderr)
            return 1
        if not args.yes and sys.stdin.isatty():
            typed = input(f"This deletes the account {found.name!r} and its whole course (profiles, journal, "
                          f"backups) in {found.folder}.\nType the account's name to go ahead: ")
            if typed.strip().casefold() != found.name.casefold():
                print("Nothing was removed.")
                return 1
        removed = accounts.remove(args.name)
        print(f"Account {removed.name!r} removed, and its folder deleted.")
        return 0
    except AccountError as error:
        print(f"family-course: {error}", file=sys.stderr)
        return 1
    except EOFError:
        print("\nNothing was changed.", file=sys.stderr)
        return 1


def list_accounts(accounts: Accounts) -> int:
    from course.pin_wait import wait_words

    found = accounts.waits()
    if not found:
        print(f"No accounts yet in {accounts.data_dir}. Make one with: family-course account add NAME")
        return 0
    width = max(len(account.name) for account, _ in found)
    for account, wait in found:
        made = account.created[:10] or "?"
        note = f"  (wrong passwords: the next try waits {wait_words(wait)})" if wait > 0 else ""
        print(f"{account.name:<{width}}  made {made}{note}")
    print(f"{len(found)} account{'s' if len(found) != 1 else ''} in {accounts.data_dir}")
    return 0


def run_serve(args: argparse.Namespace) -> int:
    from course.config import resolve_data_dir
    from course.web.accounts import AccountError, Accounts
    from course.web.processes import LaunchError
    from course.web.server import OptionError, ServeOptions, check_options, serve

    data_dir = resolve_data_dir(args.data_dir)
    options = ServeOptions(data_dir=data_dir, host=args.host, port=args.port, public_url=args.public_url,
                           max_sessions=args.max_sessions, idle_timeout=args.idle_timeout,
                           content=tuple(args.content or ()))
    try:
        check_options(options)
        if not Accounts(data_dir).all():
            print(f"family-course: note: there are no accounts yet in {data_dir}, so no one can sign in. "
                  "Make one with: family-course account add NAME", file=sys.stderr)
    except OptionError as error:
        print(f"family-course: {error}", file=sys.stderr)
        return 2
    except AccountError as error:
        print(f"family-course: {error}", file=sys.stderr)
        return 1
    try:
        return serve(options)
    except LaunchError as error:
        print(f"family-course: the course could not start: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"family-course: cannot listen on {args.host}:{args.port} ({error.strerror or error}). Is the "
              "course already served there? Choose another port with --port.", file=sys.stderr)
        return 1
