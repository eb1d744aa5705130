"""The fixed texts the app shows: crisis help and "about this course", written once per language and used
everywhere. English is in ``texts/``, another language in ``texts/<code>/`` (``texts/es/crisis.md``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from course.content.languages import DEFAULT_LANGUAGE, check_language, subfolder

CRISIS_LINE = "In crisis? Call or text 988. In danger now? Call 911."
# The one line of crisis help under the main screens, per language. The Spanish one is 69 characters.
CRISIS_LINES = {
    "en": CRISIS_LINE,
    "es": "¿En crisis? Llame o envíe un texto al 988. ¿En peligro? Llame al 911.",
}
YOUR_CLINIC = {"en": "Your clinic", "es": "Su clínica"}  # in crisis help, when the settings give no clinic name


@lru_cache(maxsize=8)
def _read(name: str, language: str = DEFAULT_LANGUAGE) -> str:
    return (Path(__file__).parent / "texts" / subfolder(language) / name).read_text(encoding="utf-8")


CLINIC_MARK = "<!-- clinic -->"


def crisis_line(language: str = DEFAULT_LANGUAGE) -> str:
    """The one line of crisis help: 988 for a crisis, 911 for danger now."""
    return CRISIS_LINES[check_language(language)]


def crisis_text(clinic_name: str = "", clinic_phone: str = "", language: str = DEFAULT_LANGUAGE) -> str:
    """The crisis-help Markdown in ``language``, with the clinic's own number added when the settings give one.

    911 and 988 come first, so that they show without scrolling on the smallest window; a clinic's number
    comes right after them.
    """
    check_language(language)
    clinic = ""
    if clinic_phone:
        who = clinic_name or YOUR_CLINIC[language]
        clinic = f"**{_escape(who)}:** {_escape(clinic_phone)}"
    text = _read("crisis.md", language).replace(CLINIC_MARK + "\n\n", clinic + "\n\n" if clinic else "")
    return text.rstrip() + "\n"


def about_text(language: str = DEFAULT_LANGUAGE) -> str:
    """"About this course" in ``language``: a ``# Title`` line, then the text."""
    return _read("about.md", language)


def _escape(text: str) -> str:
    """Make settings text literal inside Markdown."""
    return "".join("\\" + c if c in "\\`*_{}[]<>()#+-.!|" else c for c in text)
