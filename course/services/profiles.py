"""The profiles at home: choosing, creating and deleting one, its PIN and its look."""

from __future__ import annotations

from typing import TYPE_CHECKING

from course.i18n import LANGUAGES, N_, _, check_language
from course.pin_wait import lockout
from course.store import Store
from course.store.errors import PinLocked, StoreError
from course.store.records import Profile

if TYPE_CHECKING:
    from course.learner import StoredLearner

WRONG_PIN = N_("That PIN is not right. Try again.")  # translated where it is returned
THEME = "theme"  # the preference that keeps a profile's look
LANGUAGE = "language"  # the preference that keeps a profile's language (course.i18n.LANGUAGES)


class Profiles:
    def __init__(self, store: Store) -> None:
        self.store = store

    def all(self) -> list[Profile]:
        """Every profile, oldest first."""
        return self.store.profiles()

    def names(self) -> list[str]:
        return [profile.name for profile in self.all()]

    def get(self, profile_id: str) -> Profile:
        return self.store.profile(profile_id)

    def create(self, name: str, pin: str | None = None, language: str | None = None) -> str:
        """A new profile; with ``language``, the language it was made in (it then keeps it)."""
        profile_id = self.store.create_profile(name, pin=pin)
        if language is not None:
            self.save_language(profile_id, language)
        return profile_id

    def delete(self, profile_id: str) -> None:
        """The profile, its progress, answers and journal, and their backups, gone from this computer."""
        self.store.delete_profile(profile_id)

    def check_pin(self, profile_id: str, pin: str) -> str | None:
        """None when ``pin`` opens the profile, else what to tell the person (a wrong PIN, the wait, a problem)."""
        try:
            return None if self.store.check_pin(profile_id, pin) else _(WRONG_PIN)
        except PinLocked as locked:
            return lockout(locked.retry_after).message
        except StoreError as error:
            return str(error)

    def learner(self, profile_id: str, name: str) -> StoredLearner:
        """The person taking the course as this profile: every change is saved as it happens."""
        from course.learner import StoredLearner  # here: the first screen does not need it (start-up)

        return StoredLearner(self.store, profile_id, name)

    def theme(self, profile_id: str) -> str | None:
        """The look this profile chose, or None (also when it cannot be read: the look is a nicety)."""

        try:
            theme = self.store.preferences(profile_id).get(THEME)
        except StoreError:
            return None
        return theme if isinstance(theme, str) else None

    def save_theme(self, profile_id: str, theme: str) -> None:
        self.store.set_preference(profile_id, THEME, theme)

    def language(self, profile_id: str) -> str | None:
        """The language this profile chose (``course.i18n.LANGUAGES``), or None: none chosen, one this version does
        not have, or preferences that cannot be read (the language then stays as it is)."""
        try:
            language = self.store.preferences(profile_id).get(LANGUAGE)
        except StoreError:
            return None
        return language if language in LANGUAGES else None

    def save_language(self, profile_id: str, language: str) -> None:
        self.store.set_preference(profile_id, LANGUAGE, check_language(language))
