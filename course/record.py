"""The record of completion: plain text and printable HTML, written where the learner chooses.

A record is written in the language it was made in (the profile's, when it was made): its words, its dates
("5 March 2025", "5 de marzo de 2025") and the page's ``lang``.
"""

from __future__ import annotations

import contextlib
import html
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from course.i18n import N_, current_language, translator

TITLE = N_("Family Course: record of completion")
DISCLAIMER = N_("This is a personal record of lessons completed in Family Course, an education course for "
                "families. It is not a certificate, a licence or proof of treatment, and no organisation has "
                "approved it.")
# Translators: a lesson's status on the record of completion: the word course/progress.py gives a finished lesson
DONE = N_("Done")
# Translators: the headings of the record of completion's table: a lesson's title, its status, the day it was
# finished, the best quiz score and the minutes spent on it
HEADINGS = (N_("Lesson"), N_("Status"), N_("Finished"), N_("Best quiz score"), N_("Minutes"))
# Translators: the months, in a date on the record of completion ("5 March 2025")
MONTHS = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"),
          N_("August"), N_("September"), N_("October"), N_("November"), N_("December"))


@dataclass(frozen=True)
class RecordLine:
    title: str
    status: str  # "Done", "In progress", "Not started", in the record's language
    finished: datetime | None
    minutes: int  # time spent, rounded
    best_score: str  # "7 of 8 (88%)" or "" when no quiz was taken, in the record's language


@dataclass(frozen=True)
class Record:
    name: str
    made: datetime
    lines: tuple[RecordLine, ...]
    language: str = field(default_factory=current_language)  # the language its lines' words are in

    @property
    def done(self) -> int:
        done = {DONE, translator(self.language).gettext(DONE)}
        return sum(line.status in done for line in self.lines)


def _day(moment: datetime | None, language: str) -> str:
    """``5 March 2025`` in the record's language (a month's name does not follow the system's locale)."""
    if moment is None:
        return ""
    day = moment.astimezone()
    t = translator(language)
    # Translators: a date on the record of completion, "5 March 2025" ({month} is one of the months above)
    return t.gettext("{day} {month} {year}").format(day=day.day, month=t.gettext(MONTHS[day.month - 1]),
                                                     year=day.year)


def as_text(record: Record) -> str:
    t = translator(record.language)
    rows = [t.gettext(TITLE), "", t.gettext("Name: {name}").format(name=record.name),
            t.gettext("Made on: {date}").format(date=_day(record.made, record.language)),
            t.gettext("Lessons finished: {done} of {total}").format(done=record.done, total=len(record.lines)), ""]
    for line in record.lines:
        detail = [line.status]
        if line.finished:
            # Translators: in a lesson's line on the record of completion: "Done, finished 5 March 2025"
            detail.append(t.gettext("finished {date}").format(date=_day(line.finished, record.language)))
        if line.best_score:
            # Translators: in a lesson's line on the record of completion: "quiz 7 of 8 (88%)"
            detail.append(t.gettext("quiz {score}").format(score=line.best_score))
        if line.minutes:
            detail.append(t.gettext("{minutes} min").format(minutes=line.minutes))
        rows.append(f"- {line.title}: {', '.join(detail)}")
    rows += ["", t.gettext(DISCLAIMER), ""]
    return "\n".join(rows)


def as_html(record: Record) -> str:
    e = html.escape
    t = translator(record.language)
    title = t.gettext(TITLE)
    body = "\n".join(
        f"<tr><td>{e(line.title)}</td><td>{e(line.status)}</td><td>{e(_day(line.finished, record.language))}</td>"
        f"<td>{e(line.best_score)}</td><td>{line.minutes or ''}</td></tr>"
        for line in record.lines
    )
    heads = "".join(f"<th>{e(t.gettext(word))}</th>" for word in HEADINGS)
    facts = "<br>".join((
        t.gettext("<strong>Name:</strong> {name}").format(name=e(record.name)),
        t.gettext("<strong>Made on:</strong> {date}").format(date=e(_day(record.made, record.language))),
        t.gettext("<strong>Lessons finished:</strong> {done} of {total}").format(done=record.done,
                                                                                 total=len(record.lines)),
    ))
    return f"""<!DOCTYPE html>
<html lang="{e(record.language)}"><head><meta charset="utf-8"><title>{e(title)}</title>
<style>
body {{ font-family: Georgia, serif; color: #000; background: #fff; max-width: 46rem; margin: 2rem auto; }}
h1 {{ font-size: 1.6rem; border-bottom: 2px solid #000; padding-bottom: .3rem; }}
table {{ border-collapse: collapse; width: 100%; margin: 1rem 0; }}
th, td {{ border: 1px solid #444; padding: .35rem .5rem; text-align: left; vertical-align: top; }}
th {{ background: #eee; }}
.note {{ font-size: .85rem; color: #333; margin-top: 2rem; }}
@media print {{ body {{ margin: 0; }} th {{ background: none; }} tr {{ page-break-inside: avoid; }} }}
</style></head><body>
<h1>{e(title)}</h1>
<p>{facts}</p>
<table><thead><tr>{heads}</tr>
</thead><tbody>
{body}
</tbody></table>
<p class="note">{e(t.gettext(DISCLAIMER))}</p>
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
