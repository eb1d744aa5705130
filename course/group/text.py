"""Text people typed, made safe to print in a terminal (control characters shown, never obeyed)."""

from __future__ import annotations


def printable(text: str) -> str:
    """Replace control characters (escape sequences included) with visible stand-ins; keep everything else."""
    out = []
    for ch in text:
        code = ord(ch)
        if code < 0x20:
            out.append(chr(0x2400 + code))
        elif code == 0x7F:
            out.append("\u2421")
        elif 0x80 <= code < 0xA0:
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def first_name(full: str) -> str:
    """A suggestion for the name shown in a group: the first word of a profile name."""
    words = full.split()
    return words[0] if words else ""
