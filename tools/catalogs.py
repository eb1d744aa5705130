"""The interface's translation catalogs: extract the English sentences, update each language's .po, compile .mo.

    python tools/catalogs.py update    # course/locale/course.pot from the code; new sentences into each .po
    python tools/catalogs.py compile   # each .po to the .mo the program reads (shipped in the wheel)
    python tools/catalogs.py check     # what tests/test_catalogs.py checks: exit 1 and say why, or exit 0

Babel does the work (``pip install '.[test]'`` brings it). A translator edits only the .po file
(``course/locale/<code>/LC_MESSAGES/course.po``) with any .po editor, then runs ``compile``; see docs/translating.md.
"""

from __future__ import annotations

import io
import string
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "course" / "locale"
DOMAIN = "course"
TEMPLATE = LOCALE / f"{DOMAIN}.pot"
METHODS = [("course/**.py", "python")]
COMMENT_TAGS = ["Translators:"]


def languages() -> list[str]:
    return sorted(path.name for path in LOCALE.iterdir() if (path / "LC_MESSAGES" / f"{DOMAIN}.po").is_file())


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: str) -> Path:
    return po_path(language).with_suffix(".mo")


def extract() -> Catalog:
    """Every sentence the code marks, with where it is and the comments for translators."""
    catalog = Catalog(project="Family Course", domain=DOMAIN, fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
            ROOT, METHODS, keywords=DEFAULT_KEYWORDS, comment_tags=COMMENT_TAGS, strip_comment_tags=True):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def read(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, charset="utf-8")


def write(catalog: Catalog, path: Path, **options: object) -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=116, sort_output=False, **options)  # type: ignore[arg-type]
    path.write_bytes(buffer.getvalue())


def compiled(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def update() -> None:
    template = extract()
    write(template, TEMPLATE, omit_header=False)
    for language in languages():
        catalog = read(po_path(language))
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        write(catalog, po_path(language))
        print(f"{po_path(language).relative_to(ROOT)}: {untranslated_count(catalog)} sentences to translate")


def compile_all() -> None:
    for language in languages():
        mo_path(language).write_bytes(compiled(read(po_path(language))))
        print(f"{mo_path(language).relative_to(ROOT)} written")


def untranslated_count(catalog: Catalog) -> int:
    return sum(1 for message in catalog if message.id and not translated(message))


def translated(message: Message) -> bool:
    strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
    return not message.fuzzy and all(strings)


def fields(text: str) -> set[str]:
    """The named placeholders of ``text`` (``{name}``, ``{count}``); a text that is not a format string has none."""
    try:
        return {name for _text, name, _spec, _conv in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return {"<not a format string>"}


def problems() -> Iterator[str]:
    """Why the catalogs do not match the code, one sentence each (none when they do)."""
    template = extract()
    wanted = {(message.context, message.id if isinstance(message.id, str) else message.id[0])
              for message in template if message.id}
    for language in languages():
        catalog = read(po_path(language))
        where = po_path(language).relative_to(ROOT)
        have = {(message.context, message.id if isinstance(message.id, str) else message.id[0]): message
                for message in catalog if message.id}
        for key in sorted(wanted - set(have), key=str):
            yield f"{where}: no translation of {key[1]!r} (run: python tools/catalogs.py update)"
        for key in sorted(set(have) - wanted, key=str):
            yield f"{where}: {key[1]!r} is no longer in the code (run: python tools/catalogs.py update)"
        for key, message in have.items():
            if key not in wanted:
                continue
            if not translated(message):
                yield f"{where}: {key[1]!r} is not translated" + (" (marked fuzzy)" if message.fuzzy else "")
                continue
            ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
            strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
            english = set().union(*(fields(text) for text in ids))
            for text in strings:
                if fields(text) != english:
                    yield (f"{where}: the placeholders of {key[1]!r} are {sorted(english)}, "
                           f"but its translation has {sorted(fields(text))}")
        mo = mo_path(language)
        if not mo.is_file() or mo.read_bytes() != compiled(catalog):
            yield f"{mo.relative_to(ROOT)} is not compiled from the .po (run: python tools/catalogs.py compile)"


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else ""
    if command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "check":
        found = list(problems())
        for problem in found:
            print(problem)
        print(f"{len(found)} problems" if found else "The catalogs match the code.")
        return 1 if found else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
