"""Make this Python look like Windows's to the program: the POSIX-only names taken away, renames refused at times.

Python on Windows has no ``os.O_DIRECTORY`` or ``os.O_CLOEXEC`` (and other Unix-only open flags), no ``fcntl``
module and no POSIX signals such as SIGQUIT, SIGTSTP and SIGHUP; and Windows refuses ``os.replace``
(``PermissionError``) while another program, such as a virus scanner, has the old file open. ``install`` does the
same here and gives the store the steps it takes on Windows (``course.store.durable.for_platform("win32")``), so
the store's tests show whether it still saves, reloads and survives crashes and other processes.

Two things stay: ``signal.SIGKILL``, because ``subprocess.Popen.kill`` needs it here to stop a worker (on Windows
it calls TerminateProcess instead); and filelock's own lock, imported before ``fcntl`` goes away, standing in for
the Windows lock filelock uses there (which needs ``msvcrt``, absent here).

In a test: the ``no_posix`` fixture (see conftest). In a worker process started by a test that uses it:
``python -m tests.store.nonposix MODULE [ARGS...]`` installs the shim for good and runs ``MODULE`` as ``__main__``.
"""

from __future__ import annotations

import atexit
import errno
import importlib
import os
import pkgutil
import runpy
import signal
import sys
from collections.abc import Callable, MutableMapping
from typing import Any, Protocol

ENV = "FAMILY_COURSE_TEST_NO_POSIX"  # set while the shim is on, so workers turn it on too

# Names Python has on Linux but not on Windows, that the program might reach for.
OS_NAMES = ("O_DIRECTORY", "O_CLOEXEC", "O_NOFOLLOW", "O_SYNC", "O_DSYNC", "O_NOCTTY", "O_PATH", "O_NOATIME",
            "fdatasync", "sync")
SIGNAL_NAMES = ("SIGHUP", "SIGQUIT", "SIGTSTP", "SIGCONT", "SIGSTOP", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGPIPE",
                "SIGCHLD", "SIGWINCH", "SIGTTIN", "SIGTTOU")
UNIX_MODULES = ("fcntl",)

# How many times in a row each successive rename is refused before it is let through, in a repeating cycle.
REFUSALS = (1, 0, 2, 0, 1, 0, 0)


class Patches(Protocol):
    """What ``install`` needs to change things: pytest's ``monkeypatch`` (undone after the test) or ``Forever``."""

    def setattr(self, target: Any, name: str, value: Any) -> None: ...

    def delattr(self, target: Any, name: str, raising: bool = ...) -> None: ...

    def setitem(self, dic: MutableMapping[Any, Any], name: Any, value: Any) -> None: ...


class Forever:
    """Patches for a worker process, never undone."""

    def setattr(self, target: Any, name: str, value: Any) -> None:
        setattr(target, name, value)

    def delattr(self, target: Any, name: str, raising: bool = True) -> None:
        delattr(target, name)

    def setitem(self, dic: MutableMapping[Any, Any], name: Any, value: Any) -> None:
        dic[name] = value


class RefusingReplace:
    """``os.replace`` that refuses some renames once or twice first, with the error Windows gives."""

    def __init__(self, real: Callable[..., None]) -> None:
        self.real = real
        self.renames = 0  # renames asked for (each new source and target)
        self.refused = 0  # times one was refused
        self._current: tuple[str, str] | None = None
        self._left = 0

    def __call__(self, source: Any, target: Any, **kwargs: Any) -> None:
        key = (os.fspath(source), os.fspath(target))
        if key != self._current:
            self._current = key
            self._left = REFUSALS[self.renames % len(REFUSALS)]
            self.renames += 1
        if self._left > 0:
            self._left -= 1
            self.refused += 1
            raise PermissionError(errno.EACCES, "Access is denied (another program has the file open)", key[1])
        self._current = None
        self.real(source, target, **kwargs)


def install(patch: Patches) -> RefusingReplace:
    """Take the POSIX-only names away and give the store Windows's steps. Returns the refusing ``os.replace``."""
    import filelock  # first: it picks its lock when imported, and must keep a real one (see above)

    from course.store import durable

    del filelock
    for name in OS_NAMES:
        patch.delattr(os, name, raising=False)
    for name in SIGNAL_NAMES:
        patch.delattr(signal, name, raising=False)
    for module in UNIX_MODULES:
        patch.setitem(sys.modules, module, None)  # ``import fcntl`` now raises ImportError
    refusing = RefusingReplace(os.replace)
    patch.setattr(os, "replace", refusing)
    patch.setattr(durable, "HERE", durable.for_platform("win32"))
    return refusing


def import_every_module(package: str, skip: tuple[str, ...] = ("__main__",)) -> list[str]:
    """Import every module of ``package``; return "module: error" for each that failed."""
    failed = []
    root = importlib.import_module(package)
    for info in pkgutil.walk_packages(root.__path__, f"{package}."):
        if info.name.rsplit(".", 1)[-1] in skip:
            continue
        try:
            importlib.import_module(info.name)
        except Exception as exc:  # report every failure, not just the first
            failed.append(f"{info.name}: {type(exc).__name__}: {exc}")
    return failed


def main(argv: list[str]) -> None:
    refusing = install(Forever())
    atexit.register(lambda: print(f"nonposix: {refusing.renames} renames, {refusing.refused} refused",
                                  file=sys.stderr))
    module, *rest = argv
    sys.argv = [module, *rest]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
