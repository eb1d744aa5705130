"""Every test sees the usual look and starts in English, whatever terminal and environment run the tests (TERM=linux
turns on the console look)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def usual_look(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAMILY_COURSE_CONSOLE", "0")  # tests/ui/test_console_font.py sets 1 where it wants it


@pytest.fixture(autouse=True)
def english_first(monkeypatch: pytest.MonkeyPatch) -> object:
    """Every test starts in English (the code's own language), whatever the one before it chose, and whatever
    FAMILY_COURSE_LANG the machine has."""
    from course.i18n import DEFAULT_LANGUAGE, ENV_LANGUAGE, use_language

    monkeypatch.delenv(ENV_LANGUAGE, raising=False)
    use_language(DEFAULT_LANGUAGE)
    yield
    use_language(DEFAULT_LANGUAGE)
