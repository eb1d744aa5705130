"""The console look: what the course draws on the Linux console, whose fonts have a few hundred glyphs.

On the Linux console (``TERM=linux``, or with ``--console``, or ``FAMILY_COURSE_CONSOLE=1``) the course draws only
characters that console-setup's Uni2 fonts have, in the console's 16 colours (docs/kiosk.md). It is all here:

- ``console.tcss``: buttons, inputs and dialog borders from box-drawing lines instead of half blocks;
- the console themes (course.ui.themes.CONSOLE_THEMES), under the usual theme names;
- ``ScrollBarRender``: scroll bars in whole cells, without the partial blocks Textual draws their ends with;
- ``MARKS``: the status marks the font lacks, and what the widgets that draw them show instead.

``DRAWN`` lists every character other than ASCII that the screens themselves draw in the console look (the
lessons' own text comes on top); ``family-course kiosk --check-font`` checks them and the lessons against a font.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from textual.scrollbar import ScrollBar
from textual.scrollbar import ScrollBarRender as TextualScrollBarRender

ENVIRONMENT = "FAMILY_COURSE_CONSOLE"  # 1 forces the console look, 0 turns it off; otherwise TERM decides
CSS = Path(__file__).with_name("console.tcss")

# Status marks the console font has no glyph for, and covered ones that mean the same.
MARKS = {
    "✓": "√",  # done, right (a square root sign, drawn as a tick)
    "○": "☐",  # not started (an empty box)
}
_TABLE = str.maketrans(MARKS)

# Every character other than ASCII the course's screens draw in the console look; tests/ui/test_console_font.py
# keeps this true, so a font that has all of these (and the lessons' characters) draws every screen.
DRAWN = frozenset(
    "─│╭╮╰╯━┃┏┓┗┛╸╺"  # round and heavy borders, the step bar, the tabs' underline
    "√☐›✗•·…—–‘’“”"  # status marks, bullets and punctuation
    "\u00a0"  # a no-break space
    "áéíóúüñÁÉÍÓÚÜÑ¿¡"  # Spanish: the interface in Spanish, and "Español" offered on English screens
)


def wanted(environ: Mapping[str, str] | None = None) -> bool:
    """True when the console look should be used: on the Linux console, or when it is asked for."""
    environ = os.environ if environ is None else environ
    setting = environ.get(ENVIRONMENT, "").strip().lower()
    if setting in ("1", "yes", "true", "on"):
        return True
    if setting in ("0", "no", "false", "off"):
        return False
    return environ.get("TERM", "") == "linux"


def force() -> None:
    """Use the console look in this process (the ``--console`` option)."""
    os.environ[ENVIRONMENT] = "1"


def is_on(app: Any) -> bool:
    return bool(getattr(app, "console_look", False))


def marks(app: Any, text: str) -> str:
    """``text`` with each status mark the console font lacks replaced by its stand-in, if the look is on."""
    return text.translate(_TABLE) if is_on(app) else text


class ScrollBarRender(TextualScrollBarRender):
    """Scroll bars drawn in whole cells: the thumb is reverse-video spaces, with no partial blocks at its ends."""

    VERTICAL_BARS = [" "] * len(TextualScrollBarRender.VERTICAL_BARS)
    HORIZONTAL_BARS = [" "] * len(TextualScrollBarRender.HORIZONTAL_BARS)


def use_scroll_bars(on: bool) -> None:
    """Textual's scroll bar renderer is set for the whole process (``ScrollBar.renderer``): this one or its own."""
    if on:
        ScrollBar.renderer = ScrollBarRender
    elif ScrollBar.renderer is ScrollBarRender:
        ScrollBar.renderer = TextualScrollBarRender
