"""Where lessons and quizzes are read from: the built-in course and any folders given with --content."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

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

    def files(self, kind: str) -> list[tuple[Path, str]]:
        """The ``.md`` files in ``lessons`` or ``quizzes``, each with the name used in messages."""
        folder = self.path / kind
        try:
            paths = sorted(p for p in folder.iterdir() if p.suffix == ".md" and p.is_file())
        except OSError:
            return []
        return [(p, os.path.join(self.given, kind, p.name)) for p in paths]
