from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from course.store import Store, pins

from . import nonposix


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    with Store(data_dir) as opened:
        yield opened


@pytest.fixture
def fast_pins(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheaper scrypt for tests that check many PINs; the hashing tests use the real cost."""
    monkeypatch.setattr(pins, "SCRYPT_N", 2**4)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """A settable clock for the wrong-PIN delay: ``clock[0] += 30`` moves time on."""
    now = [1_000_000.0]
    monkeypatch.setattr(pins, "clock", lambda: now[0])
    return now


@pytest.fixture
def no_posix(monkeypatch: pytest.MonkeyPatch) -> nonposix.RefusingReplace:
    """The store as on Windows (see nonposix.py); store workers started during the test get the same.

    Returns the refusing ``os.replace``, whose ``refused`` says how many renames it turned down.
    """
    monkeypatch.setenv(nonposix.ENV, "1")
    return nonposix.install(monkeypatch)


@pytest.fixture(params=["posix", "no-posix"])
def each_platform(request: pytest.FixtureRequest) -> nonposix.RefusingReplace | None:
    """Run a test as it is, then again with ``no_posix``. Use it first (``pytest.mark.usefixtures``), so that
    the store and its workers are made under the shim too."""
    if request.param == "posix":
        return None
    return request.getfixturevalue("no_posix")
