"""Showing text people typed exactly as typed: never markup, and control characters made visible."""

from __future__ import annotations

from textual.content import Content

from course.text import printable


def visible(text: str) -> str:
    """Replace control characters (escape sequences included) with their visible Unicode pictures."""
    return printable(text, keep="\n\t")


def literal(text: str) -> Content:
    """Text for a widget, shown exactly as typed (no markup, no escape sequences)."""
    return Content(visible(text))
