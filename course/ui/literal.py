"""Showing text people typed exactly as typed: never markup, and control characters made visible."""

from __future__ import annotations

from textual.content import Content


def visible(text: str) -> str:
    """Replace control characters (escape sequences included) with their visible Unicode pictures."""
    out = []
    for ch in text:
        code = ord(ch)
        if code < 0x20 and ch not in "\n\t":
            out.append(chr(0x2400 + code))
        elif code == 0x7F:
            out.append("\u2421")
        elif 0x80 <= code < 0xA0:
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def literal(text: str) -> Content:
    """Text for a widget, shown exactly as typed (no markup, no escape sequences)."""
    return Content(visible(text))
