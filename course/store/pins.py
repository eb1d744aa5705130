"""PIN hashing (scrypt, per-PIN salt, constant-time compare) and the wrong-PIN delay."""

from __future__ import annotations

import hashlib
import hmac
import os
import time
from typing import Any

from course.i18n import _, ngettext

from .errors import PinLocked

FREE_TRIES = 5
FIRST_DELAY = 30.0
MAX_DELAY = 3600.0
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1

clock = time.time  # replaced in tests


def _derive(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32, maxmem=2**26)


def hash_pin(pin: str) -> dict[str, Any]:
    if not isinstance(pin, str) or not pin:
        raise ValueError("a PIN must be a non-empty string")
    salt = os.urandom(16)
    digest = _derive(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return {"algo": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": salt.hex(), "hash": digest.hex()}


def pin_matches(record: dict[str, Any], pin: str) -> bool:
    try:
        salt = bytes.fromhex(record["salt"])
        expected = bytes.fromhex(record["hash"])
        n, r, p = int(record["n"]), int(record["r"]), int(record["p"])
    except (KeyError, TypeError, ValueError):
        return False
    if not isinstance(pin, str):
        return False
    return hmac.compare_digest(_derive(pin, salt, n, r, p), expected)


def delay_after(failures: int) -> float:
    """Seconds to wait after ``failures`` wrong tries in a row: none for the first five, then 30 s, 60 s..."""
    if failures < FREE_TRIES:
        return 0.0
    return min(FIRST_DELAY * 2.0 ** (failures - FREE_TRIES), MAX_DELAY)


def attempt(state: dict[str, Any], record: dict[str, Any], pin: str) -> tuple[bool, dict[str, Any]]:
    """Check ``pin`` against ``record`` given the stored tries ``state``; return (ok, new state).

    Raises PinLocked (without checking the PIN) while a delay is in force.
    """
    now = clock()
    locked_until = float(state.get("locked_until", 0.0))
    if locked_until > now:
        wait = min(locked_until - now, MAX_DELAY)
        raise PinLocked(_("Too many wrong PINs. Please wait {wait} and try again.").format(wait=_say(wait)),
                        retry_after=wait)
    if pin_matches(record, pin):
        return True, {"failures": 0, "locked_until": 0.0}
    failures = int(state.get("failures", 0)) + 1
    return False, {"failures": failures, "locked_until": now + delay_after(failures)}


def changed(stored: dict[str, Any], state: dict[str, Any]) -> bool:
    return (int(stored.get("failures", 0)), float(stored.get("locked_until", 0.0))) != (
        state["failures"],
        state["locked_until"],
    )


def _say(seconds: float) -> str:
    whole = max(1, round(seconds))
    if whole < 90:
        return ngettext("{count} second", "{count} seconds", whole).format(count=whole)
    minutes = round(whole / 60)
    return ngettext("{count} minute", "{count} minutes", minutes).format(count=minutes)
