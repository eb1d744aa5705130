"""Reading a new secret (a staff PIN, an account's password) on the command line: asked twice at a terminal,
without showing it; one line from a pipe, for scripts."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

TRIES = 3


def read_new_secret(stdin: TextIO, ask: Callable[[str], str], out: TextIO, *, prompt: str,
                    problem: Callable[[str], str | None], what: str, unchanged: str) -> str | None:
    """The new secret, or None after a problem (already printed to ``out``).

    ``problem(secret)`` says what is wrong with one (None when it will do); ``what`` names it in "The two ...
    are not the same."; ``unchanged`` is said after the last wrong try at a terminal.
    """
    if not stdin.isatty():
        secret = stdin.readline().rstrip("\r\n")
        wrong = problem(secret)
        if wrong:
            print(f"family-course: {wrong}", file=out)
            return None
        return secret
    for _ in range(TRIES):
        secret = ask(prompt)
        wrong = problem(secret)
        if wrong:
            print(wrong, file=out)
            continue
        if ask("Type it again: ") != secret:
            print(f"The two {what} are not the same.", file=out)
            continue
        return secret
    print(f"family-course: {unchanged}", file=out)
    return None
