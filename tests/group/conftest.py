from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from course.content.model import Course
from course.store import Store, pins
from tests.ui.helpers import small_course


@pytest.fixture(autouse=True)
def fast_pins(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheaper PIN hashing: these tests are about the screens, not the hash."""
    monkeypatch.setattr(pins, "SCRYPT_N", 2**4)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    with Store(data_dir) as opened:
        yield opened


@pytest.fixture
def course(tmp_path: Path) -> Course:
    return small_course(tmp_path / "content")
