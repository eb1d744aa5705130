"""A show-of-hands tally as a bar chart made of plain characters, so it reads without colour."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

BAR = "\u2588"
MAX_COUNT = 999


def parse_count(text: str) -> int | None:
    """A typed count: None when the box is empty; ValueError with a plain message when it is not a count."""
    text = text.strip()
    if not text:
        return None
    if not (text.isascii() and text.isdigit()):
        raise ValueError("Counts are whole numbers, like 3.")
    value = int(text)
    if value > MAX_COUNT:
        raise ValueError(f"A count can be at most {MAX_COUNT}.")
    return value


def bar_lines(labels: Sequence[tuple[str, str, bool]], counts: Mapping[str, int], width: int = 30) -> list[str]:
    """One line per option: ``"A ✓ ████████ 6"``.

    ``labels`` holds (key, label, correct) in the order shown; ``counts`` maps key to count. The longest bar is
    ``width`` characters; a count above zero always gets at least one block.
    """
    highest = max((counts.get(key, 0) for key, _, _ in labels), default=0)
    lines = []
    for key, label, correct in labels:
        count = counts.get(key, 0)
        length = 0 if highest == 0 else max(1 if count else 0, round(width * count / highest))
        mark = "\u2713" if correct else " "
        lines.append(f"{label} {mark} {BAR * length}{' ' if length else ''}{count}")
    return lines


def option_label(index: int) -> str:
    """A, B, C ... for the options as the room sees them."""
    return chr(ord("A") + index) if index < 26 else str(index + 1)
