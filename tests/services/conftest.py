from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from course.store import Store, pins


@pytest.fixture(autouse=True)
def fast_pins(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheaper PIN hashing: these tests are about the rules around PINs, not the hash."""
    monkeypatch.setattr(pins, "SCRYPT_N", 2**4)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """A settable clock for the wrong-PIN wait: ``clock[0] += 30`` moves time on."""
    now = [1_000_000.0]
    monkeypatch.setattr(pins, "clock", lambda: now[0])
    return now


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "data") as opened:
        yield opened
