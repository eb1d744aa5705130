"""Answers from phones in the room, without the network: one open question at a time, a short code, one answer
per phone.

The group quiz screen opens a question (``PhoneRoom.open``), which gets a new 4-character code to read aloud; a
phone joins once with the code of the question open at the time and then stays in for the rest of the quiz. A phone
is nothing but a random token from its cookie; no name is asked and nothing about a phone is kept: closing a
question (``PhoneRoom.close``) returns the counts and forgets every answer, and the room itself lives only as long
as the group quiz on the projector. The phone page (``course.group.phones_web``) puts this on the network.

The counts are saved with the session beside the show of hands, under the question's id with ``:phones`` after it
(``tally_id``), so reports can tell them apart.
"""

from __future__ import annotations

import random
import re
import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum

from course.content.model import Question
from course.i18n import _, ngettext

# Easy to read aloud and to type: no 0 and O, no 1, I and L.
CODE_CHARACTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 4
PHONES_PER_ADDRESS = 3  # phones counted per network address per question (a shared tablet; never a stuffed count)
WRONG_CODES_PER_ADDRESS = 10  # wrong codes one address may type while one question is open
MOST_PHONES = 500  # phones joined in one quiz, and answers to one question: far more than any room
TOKEN_BYTES = 16
_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")
PHONE_SUFFIX = ":phones"  # a question id never has a colon (course.content.quizzes)


class Outcome(Enum):
    JOINED = "joined"
    WRONG_CODE = "wrong code"
    EXPIRED_CODE = "expired code"
    TOO_MANY_TRIES = "too many tries"
    NOT_OPEN = "no question open"
    NO_TOKEN = "no token"
    NOT_JOINED = "not joined"
    CLOSED = "closed"
    BAD_CHOICE = "bad choice"
    ADDRESS_FULL = "address full"
    COUNTED = "counted"
    REPLACED = "replaced"


def new_token() -> str:
    """A random device token, for a phone's cookie."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def valid_token(text: str) -> bool:
    return bool(_TOKEN.fullmatch(text))


def typed_code(text: str) -> str:
    """A code as typed on a phone: case, spaces and dashes do not matter."""
    return re.sub(r"[\s-]+", "", text).upper()[:CODE_LENGTH * 4]


@dataclass(frozen=True)
class OpenQuestion:
    serial: int  # a number for this opening: a form left open on an earlier question is never counted for this one
    code: str
    question: Question


@dataclass
class _Answers:
    by_token: dict[str, frozenset[str]] = field(default_factory=dict)
    by_address: dict[str, set[str]] = field(default_factory=dict)  # the tokens counted from each address


class PhoneRoom:
    """The phones of one group quiz. ``changed`` is called after anything the projector shows changes: a question
    opened or closed, an answer counted or replaced."""

    def __init__(self, *, rng: random.Random | None = None, changed: Callable[[], None] | None = None) -> None:
        self._rng = rng or secrets.SystemRandom()
        self.changed = changed
        self._open: OpenQuestion | None = None
        self._serial = 0
        self._codes: set[str] = set()  # every code given out in this quiz: an old one is "expired", not "wrong"
        self._joined: set[str] = set()
        self._answers = _Answers()
        self._wrong: dict[str, int] = {}

    # -- the projector's side ----------------------------------------------------------------------------------------
    @property
    def question(self) -> OpenQuestion | None:
        return self._open

    def open(self, question: Question) -> OpenQuestion:
        """Open ``question`` to the phones, with a new code (closing any question still open)."""
        self.close(tell=False)
        self._serial += 1
        self._open = OpenQuestion(serial=self._serial, code=self._new_code(), question=question)
        self._codes.add(self._open.code)
        self._wrong.clear()
        self._tell()
        return self._open

    def close(self, *, tell: bool = True) -> dict[str, int]:
        """Stop answering: the counts per option; every answer is forgotten."""
        counts = self.counts()
        was_open = self._open is not None
        self._open = None
        self._answers = _Answers()
        self._wrong.clear()
        if was_open and tell:
            self._tell()
        return counts

    @property
    def answered(self) -> int:
        """How many phones have answered the open question (never which)."""
        return len(self._answers.by_token)

    def counts(self) -> dict[str, int]:
        """Phones per option of the open question, every option present; empty when none is open."""
        if self._open is None:
            return {}
        counts = {option.key: 0 for option in self._open.question.options}
        for chosen in self._answers.by_token.values():
            for key in chosen:
                counts[key] += 1
        return counts

    # -- the phones' side --------------------------------------------------------------------------------------------
    def is_joined(self, token: str) -> bool:
        return token in self._joined

    def join(self, token: str, code: str, address: str) -> Outcome:
        """A phone types (or scans) the code."""
        if not valid_token(token):
            return Outcome.NO_TOKEN
        if self._wrong.get(address, 0) >= WRONG_CODES_PER_ADDRESS:
            return Outcome.TOO_MANY_TRIES
        code = typed_code(code)
        if self._open is not None and code == self._open.code:
            if token not in self._joined and len(self._joined) >= MOST_PHONES:
                return Outcome.ADDRESS_FULL
            self._joined.add(token)
            return Outcome.JOINED
        if code in self._codes:
            return Outcome.EXPIRED_CODE
        if self._open is None:
            return Outcome.NOT_OPEN
        if len(self._wrong) < MOST_PHONES or address in self._wrong:
            self._wrong[address] = self._wrong.get(address, 0) + 1
        return Outcome.WRONG_CODE

    def answer(self, token: str, address: str, serial: int, keys: Iterable[str]) -> Outcome:
        """A phone's answer to the question opened as ``serial``: the option keys it chose."""
        if not valid_token(token):
            return Outcome.NO_TOKEN
        if self._open is None or serial != self._open.serial:
            return Outcome.CLOSED
        if token not in self._joined:
            return Outcome.NOT_JOINED
        question = self._open.question
        chosen = list(keys)
        allowed = {option.key for option in question.options}
        if (not chosen or len(set(chosen)) != len(chosen) or not set(chosen) <= allowed
                or (not question.multiple and len(chosen) != 1)):
            return Outcome.BAD_CHOICE
        answers = self._answers
        if token in answers.by_token:
            answers.by_token[token] = frozenset(chosen)
            self._tell()
            return Outcome.REPLACED
        from_address = answers.by_address.setdefault(address, set())
        if len(from_address) >= PHONES_PER_ADDRESS or len(answers.by_token) >= MOST_PHONES:
            return Outcome.ADDRESS_FULL
        from_address.add(token)
        answers.by_token[token] = frozenset(chosen)
        self._tell()
        return Outcome.COUNTED

    def chosen(self, token: str) -> frozenset[str] | None:
        """What this phone answered to the open question, or None (shown only on that phone)."""
        return self._answers.by_token.get(token)

    # -- helpers -----------------------------------------------------------------------------------------------------
    def _new_code(self) -> str:
        while True:
            code = "".join(self._rng.choice(CODE_CHARACTERS) for _n in range(CODE_LENGTH))
            if code not in self._codes:
                return code

    def _tell(self) -> None:
        if self.changed is not None:
            self.changed()


def answered_text(count: int) -> str:
    """How many phones have answered, for the projector and the notes (never who)."""
    if count == 0:
        return _("No phone has answered yet")
    return ngettext("{count} phone has answered", "{count} phones have answered", count).format(count=count)


def tally_id(question_id: str) -> str:
    """Where a question's phone counts are saved in a session's tallies."""
    return question_id + PHONE_SUFFIX


def split_tallies(tallies: Mapping[str, Mapping[str, int]]) -> tuple[dict[str, dict[str, int]],
                                                                     dict[str, dict[str, int]]]:
    """A session's saved tallies as (hand counts, phone counts), each by question id."""
    hands: dict[str, dict[str, int]] = {}
    phones: dict[str, dict[str, int]] = {}
    for key, counts in tallies.items():
        if key.endswith(PHONE_SUFFIX):
            phones[key.removesuffix(PHONE_SUFFIX)] = dict(counts)
        else:
            hands[key] = dict(counts)
    return hands, phones


def combined(hands: Mapping[str, int] | None, phones: Mapping[str, int] | None) -> dict[str, int] | None:
    """Hands and phones added up per option; None when neither was counted."""
    if hands is None and phones is None:
        return None
    total = dict(hands or {})
    for key, count in (phones or {}).items():
        total[key] = total.get(key, 0) + count
    return total
