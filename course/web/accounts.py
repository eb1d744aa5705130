"""Accounts for the course in a browser: names, passwords and each account's own data folder. No Textual here.

Everything lives under one data folder (``--data-dir``)::

    accounts.json            the accounts: id, name, when made, scrypt hash of the password, wrong tries
    accounts/<id>/           one folder per account, a home data folder like any other (profiles, PINs,
                             journal, backups), so each family's course is kept apart from every other's
    .locks/accounts.json.lock

Folder names are random ids, never made from the account's name. Names are unique regardless of case (and of
other ways of writing the same letters, such as full-width forms): "Ana", "ANA" and "Ａｎａ" are one name. Any
letter of any script may be used; control characters, invisible formatting characters and path separators may
not. Passwords are kept only as scrypt hashes with a salt of their own and the parameters beside the hash (the
PIN hashing of ``course.store.pins``); after five wrong passwords in a row the next try has to wait, 30 seconds
and then twice as long each time, up to an hour, as for a PIN. ``accounts.json`` is written whole and atomically
(``course.store.atomic``) under a lock that other processes respect, so ``family-course account ...`` can run
while the server does.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import unicodedata
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from course.store import Store, StoreError, atomic, pins

FILE = "accounts.json"
FOLDERS = "accounts"
FORMAT = 1
MIN_PASSWORD = 10
MAX_PASSWORD = 1024  # a longer one is refused before it is hashed
MAX_NAME = 64
LOCK_TIMEOUT = 10.0
# Characters that are invisible or change how text around them is shown (Unicode's "other" categories), except
# the zero-width joiner and non-joiner, which some scripts need to spell words.
_REFUSED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
_JOINERS = {"\u200c", "\u200d"}
_SEPARATORS = {"/", "\\"}


class AccountError(Exception):
    """Something about an account could not be done. The message says what, and what to do about it."""


class BadName(AccountError):
    pass


class BadPassword(AccountError):
    pass


class NameTaken(AccountError):
    pass


class NoSuchAccount(AccountError):
    pass


@dataclass(frozen=True)
class Account:
    id: str
    name: str
    created: str  # ISO 8601, UTC
    folder: Path  # its home data folder


class Outcome(Enum):
    OPEN = "open"
    WRONG = "wrong"  # no such account, or a wrong password: the caller must not tell them apart
    LOCKED = "locked"  # typed during a wait after wrong passwords, so not checked


@dataclass(frozen=True)
class SignIn:
    outcome: Outcome
    account: Account | None = None
    wait: float = 0.0  # seconds before the next try may be checked (LOCKED, and WRONG once the delay starts)

    @property
    def opened(self) -> bool:
        return self.outcome is Outcome.OPEN


def check_name(name: str) -> str:
    """``name`` as it will be kept (spaces at either end taken off, letters in their composed form), or BadName
    saying what is wrong with it."""
    if not isinstance(name, str):
        raise BadName("An account name must be text.")
    cleaned = unicodedata.normalize("NFC", _strip_spaces(name))
    if not cleaned:
        raise BadName("An account name cannot be empty.")
    if len(cleaned) > MAX_NAME:
        raise BadName(f"An account name can have at most {MAX_NAME} characters.")
    for char in cleaned:
        if char in _SEPARATORS:
            raise BadName("An account name cannot contain / or \\.")
        if char not in _JOINERS and unicodedata.category(char) in _REFUSED_CATEGORIES:
            raise BadName(f"An account name cannot contain invisible or control characters "
                          f"(it has U+{ord(char):04X}).")
    if not any(unicodedata.category(char)[0] in "LN" for char in cleaned):
        raise BadName("An account name needs at least one letter or digit.")
    return cleaned


def name_key(name: str) -> str:
    """What makes two names the same name: case and compatibility forms do not count."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", _strip_spaces(name)).casefold())


def _strip_spaces(text: str) -> str:
    """``text`` without spaces (of any kind, but not line breaks or tabs) at either end."""
    start, end = 0, len(text)
    while start < end and unicodedata.category(text[start]) == "Zs":
        start += 1
    while end > start and unicodedata.category(text[end - 1]) == "Zs":
        end -= 1
    return text[start:end]


def check_password(password: str) -> None:
    """BadPassword unless ``password`` is long enough (and not absurdly long)."""
    if not isinstance(password, str):
        raise BadPassword("A password must be text.")
    if len(password) < MIN_PASSWORD:
        raise BadPassword(f"A password needs at least {MIN_PASSWORD} characters. A few words you will "
                          "remember, with spaces between them, make a good one.")
    if len(password) > MAX_PASSWORD:
        raise BadPassword(f"A password can have at most {MAX_PASSWORD} characters.")


class Accounts:
    """The accounts kept in ``data_dir``. Every call reads the file again, so another process's change is seen."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / FILE
        self.folders = self.data_dir / FOLDERS
        self.lock_path = self.data_dir / ".locks" / f"{FILE}.lock"
        self._dummy: dict[str, Any] | None = None

    # -- reading ---------------------------------------------------------------------------------------------------
    def all(self) -> list[Account]:
        """Every account, in the order they were made."""
        return [self._account(entry) for entry in self._read()]

    def waits(self) -> list[tuple[Account, float]]:
        """Every account, with the seconds before a password may be tried again (0: now)."""
        now = pins.clock()
        return [(self._account(entry), _wait(entry, now)) for entry in self._read()]

    def find(self, name: str) -> Account | None:
        entry = _by_key(self._read(), name_key(name))
        return None if entry is None else self._account(entry)

    def get(self, account_id: str) -> Account | None:
        """The account with this id, if it still exists."""
        for entry in self._read():
            if entry["id"] == account_id:
                return self._account(entry)
        return None

    # -- changing --------------------------------------------------------------------------------------------------
    def add(self, name: str, password: str) -> Account:
        """Make an account with its own data folder. BadName, BadPassword or NameTaken say why not."""
        name = check_name(name)
        check_password(password)
        record = pins.hash_pin(password)  # before the lock: it takes a moment, by design
        with self._locked():
            entries = self._read()
            taken = _by_key(entries, name_key(name))
            if taken is not None:
                raise NameTaken(f"There is already an account named {taken['name']!r} "
                                "(names count as the same whatever their capital letters).")
            account_id = uuid.uuid4().hex
            folder = self.folders / account_id
            self._make_folder(folder)
            entry = {"id": account_id, "name": name, "created": _now(), "password": record,
                     "tries": {"failures": 0, "locked_until": 0.0}}
            try:
                self._write([*entries, entry])
            except BaseException:
                shutil.rmtree(folder, ignore_errors=True)
                raise
        return self._account(entry)

    def set_password(self, name: str, password: str) -> Account:
        """Give the account a new password; wrong tries so far are forgotten."""
        check_password(password)
        record = pins.hash_pin(password)
        with self._locked():
            entries = self._read()
            entry = self._existing(entries, name)
            entry["password"] = record
            entry["tries"] = {"failures": 0, "locked_until": 0.0}
            self._write(entries)
        return self._account(entry)

    def remove(self, name: str) -> Account:
        """Remove the account and delete its data folder (its whole course: profiles, journal, backups).

        The account is taken out of the list first, so that no one can sign in to it while its folder goes.
        """
        with self._locked():
            entries = self._read()
            entry = self._existing(entries, name)
            self._write([other for other in entries if other["id"] != entry["id"]])
        account = self._account(entry)
        try:
            shutil.rmtree(account.folder)
        except FileNotFoundError:
            pass
        except OSError as error:
            raise AccountError(f"The account {account.name!r} was removed, but its folder {account.folder} could "
                               f"not be deleted ({error.strerror or error}); delete it by hand.") from error
        return account

    # -- signing in ------------------------------------------------------------------------------------------------
    def sign_in(self, name: str, password: str) -> SignIn:
        """Check a name and password. A wrong password counts against the account (the wait grows); an unknown
        name costs as long as a known one, so the time taken does not tell them apart."""
        key = name_key(name) if isinstance(name, str) else ""
        entry = _by_key(self._read(), key) if key else None
        usable = isinstance(password, str) and 0 < len(password) <= MAX_PASSWORD
        if entry is None:
            pins.pin_matches(self._dummy_record(), password if usable else "")
            return SignIn(Outcome.WRONG)
        now = pins.clock()
        wait = _wait(entry, now)
        if wait > 0:
            return SignIn(Outcome.LOCKED, wait=wait)
        ok = usable and pins.pin_matches(entry["password"], password)
        with self._locked():
            entries = self._read()
            current = next((other for other in entries if other["id"] == entry["id"]), None)
            if current is None:
                return SignIn(Outcome.WRONG)
            if current["password"] != entry["password"]:  # changed meanwhile: check against the new one
                ok = usable and pins.pin_matches(current["password"], password)
            tries = _tries(current)
            if ok:
                if tries["failures"] or tries["locked_until"]:
                    current["tries"] = {"failures": 0, "locked_until": 0.0}
                    self._write(entries)
                return SignIn(Outcome.OPEN, self._account(current))
            failures = int(tries["failures"]) + 1
            current["tries"] = {"failures": failures, "locked_until": now + pins.delay_after(failures)}
            self._write(entries)
            return SignIn(Outcome.WRONG, wait=pins.delay_after(failures))

    # -- the file --------------------------------------------------------------------------------------------------
    def _account(self, entry: dict[str, Any]) -> Account:
        return Account(id=entry["id"], name=entry["name"], created=entry["created"],
                       folder=self.folders / entry["id"])

    def _existing(self, entries: list[dict[str, Any]], name: str) -> dict[str, Any]:
        entry = _by_key(entries, name_key(name))
        if entry is None:
            raise NoSuchAccount(f"There is no account named {_strip_spaces(name)!r}.")
        return entry

    def _read(self) -> list[dict[str, Any]]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as error:
            raise AccountError(f"The accounts file {self.path} could not be read "
                               f"({error.strerror or error}).") from error
        try:
            doc = json.loads(raw.decode("utf-8"))
            if not isinstance(doc, dict) or not isinstance(doc.get("accounts"), list):
                raise ValueError("no list of accounts")
            if int(doc.get("format", 0)) > FORMAT:
                raise AccountError(f"The accounts file {self.path} was written by a newer version of Family "
                                   "Course; use that version.")
            entries = [dict(entry) for entry in doc["accounts"]]
            for entry in entries:
                if not (isinstance(entry.get("id"), str) and isinstance(entry.get("name"), str)
                        and isinstance(entry.get("password"), dict)):
                    raise ValueError("an account without id, name or password")
                entry.setdefault("created", "")
            return entries
        except (UnicodeDecodeError, ValueError, TypeError) as error:
            raise AccountError(f"The accounts file {self.path} is damaged ({error}); it was left as it is. "
                               "Restore it from a backup.") from error

    def _write(self, entries: list[dict[str, Any]]) -> None:
        doc = {"format": FORMAT, "accounts": entries}
        data = json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
        try:
            atomic.write_atomic(self.path, data)
        except OSError as error:
            raise AccountError(f"The accounts file {self.path} could not be saved "
                               f"({error.strerror or error}); nothing was changed.") from error

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        from filelock import FileLock, Timeout

        try:
            atomic.make_private_dir(self.data_dir)
            atomic.make_private_dir(self.lock_path.parent)
        except OSError as error:
            raise AccountError(f"The data folder {self.data_dir} cannot be used ({error.strerror or error}).") \
                from error
        lock = FileLock(str(self.lock_path), timeout=LOCK_TIMEOUT, mode=0o600)
        try:
            with lock:
                for leftover in self.data_dir.glob(f"{FILE}{atomic.TMP_MARK}*"):  # from a write that was cut off
                    atomic.remove_quietly(leftover)
                yield
        except Timeout as error:
            raise AccountError("Another copy of Family Course kept the accounts busy; try again.") from error

    def _make_folder(self, folder: Path) -> None:
        try:
            atomic.make_private_dir(self.folders)
            Store(folder).close()  # the home layout, exactly as the course makes it
        except (OSError, StoreError) as error:
            shutil.rmtree(folder, ignore_errors=True)
            raise AccountError(f"The account's folder {folder} could not be made ({error}).") from error

    def _dummy_record(self) -> dict[str, Any]:
        if self._dummy is None:
            self._dummy = pins.hash_pin("not a password of any account")
        return self._dummy


def _by_key(entries: list[dict[str, Any]], key: str) -> dict[str, Any] | None:
    return next((entry for entry in entries if name_key(entry["name"]) == key), None)


def _tries(entry: dict[str, Any]) -> dict[str, float]:
    tries = entry.get("tries")
    if not isinstance(tries, dict):
        return {"failures": 0, "locked_until": 0.0}
    try:
        return {"failures": int(tries.get("failures", 0)), "locked_until": float(tries.get("locked_until", 0.0))}
    except (TypeError, ValueError):
        return {"failures": 0, "locked_until": 0.0}


def _wait(entry: dict[str, Any], now: float) -> float:
    return max(0.0, min(_tries(entry)["locked_until"] - now, pins.MAX_DELAY))


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()
