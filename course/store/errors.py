"""Errors the store raises, with messages a person can act on."""

from __future__ import annotations

import errno
from pathlib import Path

from course.i18n import _


class StoreError(Exception):
    """Something went wrong with saved data. The message says what to do about it."""


class PinLocked(StoreError):
    """Too many wrong PINs: no more tries until ``retry_after`` seconds have passed."""

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class DataTooNew(StoreError):
    """A file was written by a newer version of Family Course; it is left untouched."""


class Busy(StoreError):
    """Another copy of the program held the data for too long."""


def from_os_error(exc: OSError, what: str, path: Path | None = None) -> StoreError:
    """Turn a low-level error into a StoreError whose message says what to do.

    ``what`` names the thing being saved or read, e.g. "your answer".
    """
    where = f" ({path})" if path is not None else ""
    what = _(what)
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        # Translators: {what} is what could not be saved, such as "your answer" (each is translated on its own)
        msg = _("The disk is full, so {what} could not be saved. Free some space and try again.").format(what=what)
    elif code == errno.EROFS:
        msg = _(
            "The data folder{where} is read-only, so {what} could not be saved. "
            "Ask whoever looks after this computer to make it writable, then try again."
        ).format(where=where, what=what)
    elif code in (errno.EACCES, errno.EPERM):
        msg = _(
            "Family Course is not allowed to use the data folder{where}, so {what} could not be "
            "saved or read. Ask whoever looks after this computer to check the folder's permissions."
        ).format(where=where, what=what)
    elif code == errno.EIO:
        msg = _(
            "The disk reported an error, so {what} could not be saved or read. Your earlier progress "
            "is safe. Try again; if this keeps happening, the disk may be failing."
        ).format(what=what)
    else:
        reason = exc.strerror or exc.__class__.__name__
        msg = _(
            "{what} could not be saved or read because of a problem with "
            "the disk: {reason}. Your earlier progress is safe; try again."
        ).format(what=what, reason=reason)
        msg = msg[:1].upper() + msg[1:]  # "your answer could not..." starts a sentence
    return StoreError(msg)
