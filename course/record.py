"""The record of completion: plain text and printable HTML, written where the learner chooses."""

from __future__ import annotations

import contextlib
import html
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

TITLE = "Family Course: record of completion"
DISCLAIMER = ("This is a personal record of lessons completed in Family Course, an education course for families. "
              "It is not a certificate, a licence or proof of treatment, and no organisation has approved it.")


@dataclass(frozen=True)
class RecordLine:
    title: str
    status: str  # "Done", "In progress", "Not started"
    finished: datetime | None
    minutes: int  # time spent, rounded
    best_score: str  # "7 of 8 (88%)" or "" when no quiz was taken


@dataclass(frozen=True)
class Record:
    name: str
    made: datetime
    lines: tuple[RecordLine, ...]

    @property
    def done(self) -> int:
        return sum(line.status == "Done" for line in self.lines)


def _day(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%d %B %Y").lstrip("0") if moment else ""


def as_text(record: Record) -> str:
    rows = [TITLE, "", f"Name: {record.name}", f"Made on: {_day(record.made)}",
            f"Lessons finished: {record.done} of {len(record.lines)}", ""]
    for line in record.lines:
        detail = [line.status]
        if line.finished:
            detail.append(f"finished {_day(line.finished)}")
        if line.best_score:
            detail.append(f"quiz {line.best_score}")
        if line.minutes:
            detail.append(f"{line.minutes} min")
        rows.append(f"- {line.title}: {', '.join(detail)}")
    rows += ["", DISCLAIMER, ""]
    return "\n".join(rows)


def as_html(record: Record) -> str:
    e = html.escape
    body = "\n".join(
        f"<tr><td>{e(line.title)}</td><td>{e(line.status)}</td><td>{e(_day(line.finished))}</td>"
        f"<td>{e(line.best_score)}</td><td>{line.minutes or ''}</td></tr>"
        for line in record.lines
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{e(TITLE)}</title>
<style>
body {{ font-family: Georgia, serif; color: #000; background: #fff; max-width: 46rem; margin: 2rem auto; }}
h1 {{ font-size: 1.6rem; border-bottom: 2px solid #000; padding-bottom: .3rem; }}
table {{ border-collapse: collapse; width: 100%; margin: 1rem 0; }}
th, td {{ border: 1px solid #444; padding: .35rem .5rem; text-align: left; vertical-align: top; }}
th {{ background: #eee; }}
.note {{ font-size: .85rem; color: #333; margin-top: 2rem; }}
@media print {{ body {{ margin: 0; }} th {{ background: none; }} tr {{ page-break-inside: avoid; }} }}
</style></head><body>
<h1>{e(TITLE)}</h1>
<p><strong>Name:</strong> {e(record.name)}<br><strong>Made on:</strong> {e(_day(record.made))}<br>
<strong>Lessons finished:</strong> {record.done} of {len(record.lines)}</p>
<table><thead><tr><th>Lesson</th><th>Status</th><th>Finished</th><th>Best quiz score</th><th>Minutes</th></tr>
</thead><tbody>
{body}
</tbody></table>
<p class="note">{e(DISCLAIMER)}</p>
</body></html>
"""


def write(record: Record, path: Path) -> list[Path]:
    """Write the HTML record to ``path`` (``.html`` added if missing) and a ``.txt`` copy beside it."""
    target = path.expanduser()
    if target.suffix.lower() not in (".html", ".htm"):
        target = target.with_name(target.name + ".html")
    text_path = target.with_suffix(".txt")
    write_private(target, as_html(record))
    write_private(text_path, as_text(record))
    return [target, text_path]


def write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` readable by this user only (where the system has such modes), as the data
    folder is: a record names the person and the lessons they took."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(descriptor, "w", encoding="utf-8", newline="") as file:
        file.write(text)
    if hasattr(os, "fchmod"):
        with contextlib.suppress(OSError):
            os.chmod(path, 0o600)  # a file written before, by an older version, may be readable by others
