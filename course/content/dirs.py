"""Where lessons and quizzes are read from: the built-in course and any folders given with --content."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from course.content.languages import DEFAULT_LANGUAGE, LANGUAGES, subfolder

PACKAGE = Path(__file__).resolve().parents[1]  # the installed ``course`` package (always plain files)


def shipped_content_dir() -> Path:
    """Where the built-in lessons live: inside the installed package, or at the top of a source checkout."""
    packaged = PACKAGE / "_content"
    if (packaged / "lessons").is_dir():
        return packaged
    return PACKAGE.parent


@dataclass(frozen=True)
class ContentDir:
    path: Path
    given: str  # as the user typed it, for messages

    @classmethod
    def of(cls, given: str | os.PathLike[str]) -> ContentDir:
        return cls(Path(given), os.fspath(given))

    @classmethod
    def shipped(cls) -> ContentDir:
        path = shipped_content_dir()
        return cls(path, str(path))

    def folder(self, kind: str, language: str = DEFAULT_LANGUAGE) -> tuple[Path, str]:
        """The folder of ``lessons`` or ``quizzes`` in ``language`` (``lessons/es`` for Spanish), with the name
        used in messages."""
        parts = [kind, subfolder(language)] if language != DEFAULT_LANGUAGE else [kind]
        return self.path.joinpath(*parts), os.path.join(self.given, *parts)

    def files(self, kind: str, language: str = DEFAULT_LANGUAGE) -> list[tuple[Path, str]]:
        """The ``.md`` files in ``lessons`` or ``quizzes`` (``lessons/es`` and so on for another language), each
        with the name used in messages."""
        folder, given = self.folder(kind, language)
        try:
            paths = sorted(p for p in folder.iterdir() if p.suffix == ".md" and p.is_file())
        except OSError:
            return []
        return [(p, os.path.join(given, p.name)) for p in paths]

    def translations(self) -> list[str]:
        """The languages other than English this folder has a ``lessons/<code>`` or ``quizzes/<code>`` folder for."""
        return [language for language in LANGUAGES if language != DEFAULT_LANGUAGE
                and any(self.folder(kind, language)[0].is_dir() for kind in ("lessons", "quizzes"))]

    def other_folders(self, kind: str) -> list[str]:
        """Folders inside ``lessons`` or ``quizzes`` that are not a language of the course (not read), as named
        in messages."""
        try:
            names = sorted(p.name for p in (self.path / kind).iterdir() if p.is_dir())
        except OSError:
            return []
        return [os.path.join(self.given, kind, name) for name in names
                if not name.startswith(".") and (name not in LANGUAGES or name == DEFAULT_LANGUAGE)]
