"""CSV that is safe to open in a spreadsheet.

A cell that begins with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return) could be run as a formula by
Excel, LibreOffice or Google Sheets. Such text cells get a leading apostrophe, which spreadsheets show as plain
text. Numbers are written as numbers. Quoting is left to the csv module, so commas, quotes and line breaks in
names survive a round trip.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import TextIO

from course.i18n import _

DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")
NEUTRALISER = "'"

Cell = str | int | float | None


def neutralise(cell: Cell) -> str | int | float:
    """The cell as written to CSV: text that a spreadsheet would run as a formula starts with an apostrophe."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return _("yes") if cell else _("no")
    if isinstance(cell, int | float):
        return cell
    text = str(cell)
    if text.startswith(DANGEROUS_STARTS):
        return NEUTRALISER + text
    return text


def write_csv(out: TextIO, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> None:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    for row in rows:
        writer.writerow([neutralise(c) for c in row])
