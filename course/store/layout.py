"""Where each file lives inside the data directory. File names never come from user text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_ID = re.compile(r"[0-9a-f]{32}")


def is_id(value: object) -> bool:
    return isinstance(value, str) and _ID.fullmatch(value) is not None


@dataclass(frozen=True)
class Layout:
    root: Path

    @property
    def index(self) -> Path:
        return self.root / "profiles.json"

    @property
    def profiles_dir(self) -> Path:
        return self.root / "profiles"

    def profile(self, pid: str) -> Path:
        return self.profiles_dir / f"{pid}.json"

    @property
    def groups(self) -> Path:
        return self.root / "groups.json"

    @property
    def kiosk(self) -> Path:
        return self.root / "kiosk.json"

    @property
    def staff(self) -> Path:
        return self.root / "staff.json"

    @property
    def presenter(self) -> Path:
        return self.root / "presenter.json"

    @property
    def backups_dir(self) -> Path:
        return self.root / "backups"

    @property
    def damaged_dir(self) -> Path:
        return self.root / "damaged"

    @property
    def locks_dir(self) -> Path:
        return self.root / ".locks"

    def relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def flat(self, path: Path) -> str:
        """A single file name standing for ``path``: ``profiles/<id>.json`` -> ``profiles-<id>.json``."""
        return self.relative(path).replace("/", "-")

    def lock(self, path: Path) -> Path:
        return self.locks_dir / f"{self.flat(path)}.lock"

    def backups_for(self, path: Path) -> Path:
        return self.backups_dir / self.flat(path)

    def directories(self) -> list[Path]:
        return [self.root, self.profiles_dir, self.backups_dir, self.damaged_dir, self.locks_dir]

    def all_data_files(self) -> list[Path]:
        """Shared files first, then every profile file."""
        shared = [self.index, self.groups, self.kiosk, self.staff]
        profiles = sorted(p for p in self.profiles_dir.glob("*.json") if is_id(p.stem))
        return shared + profiles
