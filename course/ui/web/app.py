"""The course in a browser tab: the home course for one account's folder, with files sent to the browser.

What differs from the home course at a terminal: the course is read once, by the warm parent, before the session
starts (``course.web``); the record of completion and the cards to print are delivered to the browser as
downloads (Textual's ``deliver_text``), never written to a path on the server, and no box asks for one (web.tcss);
a message about saved data never shows a path on the server; Ctrl+Q (or clicking Quit) ends the session, and
the page then says that the tab can be closed.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events

from course.config import Settings
from course.content.library import Courses
from course.content.model import Course
from course.i18n import DEFAULT_LANGUAGE, N_, _
from course.ui.family import FamilyApp

if TYPE_CHECKING:
    from course.record import Record
    from course.services import Store

WEB_CSS = Path(__file__).with_name("web.tcss")
RECORD_FILE = "family-course-record.html"
CARDS_FILE = "family-course-cards.html"
# A path on the server, as it may appear in a message about saved data: "/srv/.../accounts/<id>/profiles.json"
_SERVER_PATH = re.compile(r"(?<![\w.:/])/[^\s()\"',;]*[^\s()\"',;.]")
# Translators: stands in for a folder's path on the server in a message ("The damaged copy was kept at on the server.")
ON_THE_SERVER = N_("on the server")


def hide_paths(text: str) -> str:
    """``text`` with every absolute path replaced by "on the server" (in the language shown now): a visitor never
    sees the server's paths."""
    instead = _(ON_THE_SERVER)
    return _SERVER_PATH.sub(lambda _match: instead, text)


class WebApp(FamilyApp):
    """The home course, for the family whose account's store this is, in a browser tab."""

    def __init__(self, course: Course | Courses, store: Store, settings: Settings | None = None, *,
                 language: str = DEFAULT_LANGUAGE) -> None:
        super().__init__(course, store, settings, None, language=language)
        self.css_path.append(WEB_CSS)

    # -- files go to the browser ------------------------------------------------------------------------------------
    def keep_record(self, made: Record, path: Path) -> str:
        """Send the record of completion to the browser as a web page to print; ``path`` is not used."""
        from course import record

        self.deliver_text(io.StringIO(record.as_html(made)), save_filename=RECORD_FILE, mime_type="text/html",
                          encoding="utf-8")
        return _("Your browser is downloading {file}: open it, and print it if you like. If nothing happens, "
                 "allow this site to download files, and try again.").format(file=RECORD_FILE)

    def keep_cards(self, folder: Path, deck: Sequence[Any], answers: Mapping[str, Any] | None) -> str:
        """Send every card, one to a printed page, to the browser; ``folder`` is not used."""
        from course import cards

        self.deliver_text(io.StringIO(cards.all_as_html(deck, answers)), save_filename=CARDS_FILE,
                          mime_type="text/html", encoding="utf-8")
        return _("Your browser is downloading {file}: open it and print it; each card prints on one page. If "
                 "nothing happens, allow this site to download files, and try again.").format(file=CARDS_FILE)

    def on_delivery_failed(self, event: events.DeliveryFailed) -> None:
        self.notify(_("The download did not work. Please try again."), title=_("Not downloaded"),
                    severity="error", timeout=10, markup=False)

    # -- no server paths --------------------------------------------------------------------------------------------
    def error_words(self, error: Exception) -> str:
        """A problem with saved data, without the server's paths (the server's log has the whole message)."""
        print(f"family-course session: {error}", file=sys.__stderr__)
        return hide_paths(str(error))
