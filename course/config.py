"""Where data lives and the optional settings file a clinic can edit."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from course.i18n import _

ENV_DATA_DIR = "FAMILY_COURSE_DATA_DIR"
SETTINGS_FILE = "settings.toml"


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("family-course", appauthor=False))


def resolve_data_dir(option: str | None) -> Path:
    """``--data-dir`` first, then ``FAMILY_COURSE_DATA_DIR``, then the platform's user data folder."""
    if option:
        return Path(option).expanduser()
    env = os.environ.get(ENV_DATA_DIR, "").strip()
    if env:
        return Path(env).expanduser()
    return default_data_dir()


@dataclass(frozen=True)
class Settings:
    """Clinic settings from ``settings.toml`` in the data folder; every field is optional."""

    clinic_name: str = ""
    clinic_phone: str = ""
    problems: tuple[str, ...] = field(default=(), compare=False)


def load_settings(data_dir: Path) -> Settings:
    """Read the settings file; a missing file gives defaults and a broken one a problem, never an exception.

    Example ``settings.toml``::

        [clinic]
        name = "Riverside Family Services"
        phone = "555-0100"
    """
    path = data_dir / SETTINGS_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        return Settings(problems=(_("The settings file {path} could not be read ({reason}).").format(
            path=path, reason=exc.strerror),))
    import tomllib  # only when there is a settings file: most starts have none

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Settings(problems=(_("The settings file {path} is not valid TOML ({reason}); it was ignored.").format(
            path=path, reason=exc),))
    clinic = data.get("clinic", {})
    if not isinstance(clinic, dict):
        return Settings(problems=(_("In {path}, [clinic] must be a table; it was ignored.").format(path=path),))
    name = clinic.get("name", "")
    phone = clinic.get("phone", "")
    problems = []
    if not isinstance(name, str) or not isinstance(phone, str):
        problems.append(_("In {path}, clinic name and phone must be text in quotes; they were ignored.").format(
            path=path))
        name, phone = "", ""
    return Settings(clinic_name=name.strip(), clinic_phone=phone.strip(), problems=tuple(problems))
