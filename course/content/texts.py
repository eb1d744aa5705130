"""The fixed texts the app shows: crisis help and "about this course", written once and used everywhere."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

CRISIS_LINE = "In crisis? Call or text 988. In danger now? Call 911."


@lru_cache(maxsize=4)
def _read(name: str) -> str:
    return (Path(__file__).parent / "texts" / name).read_text(encoding="utf-8")


def crisis_text(clinic_name: str = "", clinic_phone: str = "") -> str:
    """The crisis-help Markdown, with the clinic's own number added when the settings give one."""
    text = _read("crisis.md").rstrip()
    if clinic_phone:
        who = clinic_name or "Your clinic"
        text += f"\n\n**{_escape(who)}:** {_escape(clinic_phone)}"
    return text + "\n"


def about_text() -> str:
    return _read("about.md")


def _escape(text: str) -> str:
    """Make settings text literal inside Markdown."""
    return "".join("\\" + c if c in "\\`*_{}[]<>()#+-.!|" else c for c in text)
