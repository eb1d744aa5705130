"""Fixtures for the course in a browser: a data folder with accounts, cheap hashing, a settable clock."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.store import pins
from course.web.accounts import Accounts


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def accounts(data_dir: Path) -> Accounts:
    return Accounts(data_dir)


@pytest.fixture
def fast_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheaper scrypt for tests that check many passwords; the hashing test uses the real cost."""
    monkeypatch.setattr(pins, "SCRYPT_N", 2**4)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """A settable clock for the wrong-password wait: ``clock[0] += 30`` moves time on."""
    now = [1_000_000.0]
    monkeypatch.setattr(pins, "clock", lambda: now[0])
    return now
