"""The on-disk form of every data file: a JSON body wrapped with its SHA-256.

    {"sha256":"<64 hex digits>","body":<body>}\n

The body is ``{"kind": ..., "schema": N, "tables": {...}}``. The checksum covers the body's exact
bytes, so a flipped bit or a torn write anywhere in the file is noticed instead of being read as
slightly different data. The file stays plain JSON that a person can read.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

_HEAD = b'{"sha256":"'
_MID = b'","body":'
_TAIL = b"}\n"
_HEX = 64


class Damaged(Exception):
    """The bytes are not a complete, well-formed data file."""


def encode(body: dict[str, Any]) -> bytes:
    data = json.dumps(body, ensure_ascii=True, separators=(",", ":")).encode("ascii")
    digest = hashlib.sha256(data).hexdigest().encode("ascii")
    return _HEAD + digest + _MID + data + _TAIL


def decode(raw: bytes) -> dict[str, Any]:
    """Return the body, or raise Damaged."""
    return decode_with_digest(raw)[0]


def decode_with_digest(raw: bytes) -> tuple[dict[str, Any], bytes]:
    """Return the body and its checksum, or raise Damaged."""
    start = len(_HEAD) + _HEX + len(_MID)
    if len(raw) < start + len(_TAIL) or not raw.startswith(_HEAD) or not raw.endswith(_TAIL):
        raise Damaged("the file is incomplete or not a Family Course data file")
    if raw[len(_HEAD) + _HEX : start] != _MID:
        raise Damaged("the file's header is damaged")
    data = raw[start : -len(_TAIL)]
    digest = raw[len(_HEAD) : len(_HEAD) + _HEX]
    if hashlib.sha256(data).hexdigest().encode("ascii") != digest:
        raise Damaged("the file's contents do not match its checksum")
    try:
        body = json.loads(data)
    except ValueError as exc:  # pragma: no cover - the checksum matched, so only a bug gets here
        raise Damaged(f"the file is not valid JSON: {exc}") from exc
    if not isinstance(body, dict):
        raise Damaged("the file does not hold a JSON object")
    return body, digest


def digest_of(raw: bytes) -> bytes:
    """The checksum recorded in bytes made by ``encode``."""
    return raw[len(_HEAD) : len(_HEAD) + _HEX]
