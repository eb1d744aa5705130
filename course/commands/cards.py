"""``family-course cards --out DIR``: the blank cards to keep, to print as handouts for a family group."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from course.i18n import _, current_language, ngettext


def register(commands, parent: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "cards", parents=[parent], help="save the blank cards to print as handouts",
        description="Save the blank cards (a safety plan, a boundary, an I-statement, the three Cs, and "
                    "naloxone steps for the fridge) as web pages to print, one page each, and as plain text. "
                    "all-cards.html prints every card at once.")
    p.add_argument("--out", metavar="DIR", required=True, help="the folder to save them in (made if missing)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from course.cards import ALL_CARDS_FILE, CardError, load_cards, write_cards

    folder = Path(args.out).expanduser()
    try:
        written = write_cards(folder, load_cards(language=current_language()))
    except CardError as error:
        print(_("The cards could not be made: {problem}").format(problem=error), file=sys.stderr)
        return 1
    except OSError as error:
        print(_("Could not save the cards in {folder} ({reason}). Try another folder.").format(
            folder=folder, reason=error.strerror or error), file=sys.stderr)
        return 1
    print(ngettext("Saved {count} file in {folder}:", "Saved {count} files in {folder}:", len(written)).format(
        count=len(written), folder=folder))
    for path in written:
        print(f"  {path}")
    print(_("Open {file} in a web browser and print it: each card prints on one page. Each card also has its own "
            ".html file to print and a .txt copy.").format(file=folder / ALL_CARDS_FILE))
    return 0
