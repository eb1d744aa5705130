"""Names in a group: what the room is shown for each person."""

from __future__ import annotations


def first_name(full: str) -> str:
    """A suggestion for the name shown in a group: the first word of a profile name."""
    words = full.split()
    return words[0] if words else ""


def how_to_answer(prompt: str, multiple: bool) -> str:
    """"Choose all that apply." or "Choose one.", unless the question's own text already says how."""
    how = "Choose all that apply." if multiple else "Choose one."
    folded = " ".join(prompt.split()).casefold()
    if "choose all that apply" in folded or "choose one" in folded:
        return ""
    return how
