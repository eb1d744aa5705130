"""Names in a group: what the room is shown for each person."""

from __future__ import annotations


def first_name(full: str) -> str:
    """A suggestion for the name shown in a group: the first word of a profile name."""
    words = full.split()
    return words[0] if words else ""
