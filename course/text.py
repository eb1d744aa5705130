"""Text people typed, made safe to show in a terminal: control characters shown, never obeyed."""

from __future__ import annotations


def printable(text: str, keep: str = "") -> str:
    """Replace control characters (escape sequences included) with visible stand-ins, except those in ``keep``."""
    out = []
    for ch in text:
        code = ord(ch)
        if code < 0x20 and ch not in keep:
            out.append(chr(0x2400 + code))
        elif code == 0x7F:
            out.append("\u2421")
        elif 0x80 <= code < 0xA0:
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)
