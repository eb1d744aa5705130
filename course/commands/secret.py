"""Reading a new secret (a staff PIN, an account's password) on the command line: asked twice at a terminal,
without showing it; one line from a pipe, for scripts."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from course.i18n import N_, _

TRIES = 3
# What is said when the two typings differ, by ``what`` (a whole sentence each: the words agree with the noun)
MISMATCH = {
    "PINs": N_("The two PINs are not the same."),
    "passwords": N_("The two passwords are not the same."),
}


def read_new_secret(stdin: TextIO, ask: Callable[[str], str], out: TextIO, *, prompt: str,
                    problem: Callable[[str], str | None], what: str, unchanged: str) -> str | None:
    """The new secret, or None after a problem (already printed to ``out``).

    ``problem(secret)`` says what is wrong with one (None when it will do); ``what`` ("PINs" or "passwords") says
    which, for "The two PINs are not the same."; ``unchanged`` is said after the last wrong try at a terminal.
    ``prompt``, ``problem`` and ``unchanged`` are worded by the caller, in the language shown.
    """
    if not stdin.isatty():
        secret = stdin.readline().rstrip("\r\n")
        wrong = problem(secret)
        if wrong:
            print(f"family-course: {wrong}", file=out)
            return None
        return secret
    for _try in range(TRIES):
        secret = ask(prompt)
        wrong = problem(secret)
        if wrong:
            print(wrong, file=out)
            continue
        # Translators: asks for the new PIN (or password) a second time, to be sure it was typed as meant
        if ask(_("Type it again: ")) != secret:
            print(_(MISMATCH[what]) if what in MISMATCH else f"The two {what} are not the same.", file=out)
            continue
        return secret
    print(f"family-course: {unchanged}", file=out)
    return None
