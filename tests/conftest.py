"""Every test sees the usual look, whatever terminal runs the tests (TERM=linux turns on the console look)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def usual_look(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAMILY_COURSE_CONSOLE", "0")  # tests/ui/test_console_font.py sets 1 where it wants it
