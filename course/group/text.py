"""Names in a group: what the room is shown for each person."""

from __future__ import annotations

from course.i18n import _


def first_name(full: str) -> str:
    """A suggestion for the name shown in a group: the first word of a profile name."""
    words = full.split()
    return words[0] if words else ""


def how_to_answer(prompt: str, multiple: bool) -> str:
    """"Choose all that apply." or "Choose one." (in the language shown), unless the question's own text already
    says how, in that language or in English."""
    how = _("Choose all that apply.") if multiple else _("Choose one.")
    folded = " ".join(prompt.split()).casefold()
    said = ("choose all that apply", "choose one", _("Choose all that apply.").casefold().rstrip("."),
            _("Choose one.").casefold().rstrip("."))
    if any(words in folded for words in said):
        return ""
    return how
