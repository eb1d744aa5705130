"""The fixed texts the app shows: crisis help and "about this course", written once and used everywhere."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

CRISIS_LINE = "In crisis? Call or text 988. In danger now? Call 911."


@lru_cache(maxsize=4)
def _read(name: str) -> str:
    return (Path(__file__).parent / "texts" / name).read_text(encoding="utf-8")


CLINIC_MARK = "<!-- clinic -->"


def crisis_text(clinic_name: str = "", clinic_phone: str = "") -> str:
    """The crisis-help Markdown, with the clinic's own number added when the settings give one.

    911 and 988 come first, so that they show without scrolling on the smallest window; a clinic's number
    comes right after them.
    """
    clinic = ""
    if clinic_phone:
        who = clinic_name or "Your clinic"
        clinic = f"**{_escape(who)}:** {_escape(clinic_phone)}"
    text = _read("crisis.md").replace(CLINIC_MARK + "\n\n", clinic + "\n\n" if clinic else "")
    return text.rstrip() + "\n"


def about_text() -> str:
    return _read("about.md")


def _escape(text: str) -> str:
    """Make settings text literal inside Markdown."""
    return "".join("\\" + c if c in "\\`*_{}[]<>()#+-.!|" else c for c in text)
