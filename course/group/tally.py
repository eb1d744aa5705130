"""A show-of-hands tally as a bar chart made of plain characters, so it reads without colour."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from course.i18n import _, ngettext

BAR = "\u2588"
MAX_COUNT = 999


def parse_count(text: str) -> int | None:
    """A typed count: None when the box is empty; ValueError with a plain message when it is not a count."""
    text = text.strip()
    if not text:
        return None
    if not (text.isascii() and text.isdigit()):
        raise ValueError(_("Counts are whole numbers, like 3."))
    value = int(text)
    if value > MAX_COUNT:
        raise ValueError(_("A count can be at most {most}.").format(most=MAX_COUNT))
    return value


def bar_lines(labels: Sequence[tuple[str, str, bool]], counts: Mapping[str, int], width: int = 30) -> list[str]:
    """One line per option: ``"A ✓ ████████ 6"``.

    ``labels`` holds (key, label, correct) in the order shown; ``counts`` maps key to count. The longest bar is
    ``width`` characters; a count above zero always gets at least one block.
    """
    highest = max((counts.get(key, 0) for key, _label, _correct in labels), default=0)
    lines = []
    for key, label, correct in labels:
        mark = "\u2713" if correct else " "
        lines.append(f"{label} {mark} {bar(counts.get(key, 0), highest, width)}")
    return lines


def bar(count: int, highest: int, width: int) -> str:
    """``"████ 4"``: a bar as long as ``count`` is against ``highest`` (at most ``width``), then the count."""
    length = 0 if highest <= 0 else max(1 if count else 0, round(width * count / highest))
    return f"{BAR * length}{' ' if length else ''}{count}"


def hands_problem(counts: Mapping[str, int], present: int, *, multiple: bool) -> str | None:
    """Why these counts look wrong for a room with ``present`` people marked present, or None.

    In a choose-one question each person raises one hand at most; in a choose-all question no option can have
    more hands than people. Nothing is checked when nobody was marked present.
    """
    if present <= 0:
        return None
    total = sum(counts.values())
    if not multiple and total > present:
        return ngettext("{hands} hands for a choose-one question, but {count} person is marked present.",
                        "{hands} hands for a choose-one question, but {count} people are marked present.",
                        present).format(hands=total, count=present)
    most = max(counts.values(), default=0)
    if most > present:
        return ngettext("One option has {hands} hands, but {count} person is marked present.",
                        "One option has {hands} hands, but {count} people are marked present.",
                        present).format(hands=most, count=present)
    return None


def option_label(index: int) -> str:
    """A, B, C ... for the options as the room sees them."""
    return chr(ord("A") + index) if index < 26 else str(index + 1)
