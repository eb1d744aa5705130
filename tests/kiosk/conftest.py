"""Cheaper PIN hashing for these tests: the stored record says which cost it used, so checks still work."""

from __future__ import annotations

import pytest

from course.store import pins


@pytest.fixture(autouse=True)
def quick_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pins, "SCRYPT_N", 2**10)
